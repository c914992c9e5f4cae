<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Filter cases…</source>
        <extracomment>an edit to run: the SetCaseValue operation (the window runs it through undo)</extracomment>
        <translation>Filtrér cases…</translation>
    </message>
    <message>
        <source>No cases yet. Cases come with imported case attributes.</source>
        <translation>Ingen cases endnu. Cases kommer med importerede case-attributter.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>{name} ({type}) - double-click to edit</source>
        <translation>{name} ({type}) - dobbeltklik for at redigere</translation>
    </message>
    <message>
        <source>Select some text first, then choose the code.</source>
        <translation>Markér først noget tekst, og vælg så koden.</translation>
    </message>
    <message>
        <source>Coded with {code}</source>
        <translation>Kodet med {code}</translation>
    </message>
    <message>
        <source>No code on Ctrl+{n} yet: pin one with Code &gt; Pin current code.</source>
        <translation>Ingen kode på Ctrl+{n} endnu: fastgør en med Kodning &gt; Fastgør aktuel kode.</translation>
    </message>
    <message>
        <source>Choose a code in the codebook first.</source>
        <translation>Vælg først en kode i kodebogen.</translation>
    </message>
    <message>
        <source>There is no {unit} at the cursor.</source>
        <translation>Der er ingen {unit} ved markøren.</translation>
    </message>
    <message>
        <source>speaker turn</source>
        <translation>taletur</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>sætning</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>afsnit</translation>
    </message>
    <message>
        <source>Code all hits with</source>
        <translation>Kod alle fund med</translation>
    </message>
    <message>
        <source>Coded the hits with {code}: {n}</source>
        <translation>Kodede fundene med {code}: {n}</translation>
    </message>
    <message>
        <source>Coding removed (Ctrl+Z brings it back)</source>
        <translation>Kodning fjernet (Ctrl+Z bringer den tilbage)</translation>
    </message>
    <message>
        <source>Recode with</source>
        <translation>Omkod med</translation>
    </message>
    <message>
        <source>Only your own codings can be resized.</source>
        <translation>Kun dine egne kodninger kan ændres i størrelse.</translation>
    </message>
    <message>
        <source>Memo on the coding</source>
        <translation>Memo på kodningen</translation>
    </message>
    <message>
        <source>Memo on document {name}</source>
        <translation>Memo på dokumentet {name}</translation>
    </message>
    <message>
        <source>Memo on code {name}</source>
        <translation>Memo på koden {name}</translation>
    </message>
    <message>
        <source>Memo on case {name}</source>
        <translation>Memo på casen {name}</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Fjern kodning</translation>
    </message>
    <message>
        <source>Recode…</source>
        <translation>Omkod…</translation>
    </message>
    <message>
        <source>Resize to the selected text</source>
        <translation>Tilpas til den markerede tekst</translation>
    </message>
    <message>
        <source>Memo on the coding…</source>
        <translation>Memo på kodningen…</translation>
    </message>
    <message>
        <source>Also code this passage with…</source>
        <translation>Kod også passagen med…</translation>
    </message>
    <message>
        <source>Also code with</source>
        <translation>Kod også med</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Apply code</source>
        <extracomment>the core operations&apos; labels, so that lupdate offers them for translation</extracomment>
        <translation>Anvend kode</translation>
    </message>
    <message>
        <source>Other code…</source>
        <translation>Anden kode…</translation>
    </message>
    <message>
        <source>Code this {unit} with {code}</source>
        <translation>Kod denne {unit} med {code}</translation>
    </message>
    <message>
        <source>Code this {unit} (choose a code first)</source>
        <translation>Kod denne {unit} (vælg først en kode)</translation>
    </message>
    <message>
        <source>Memo on this document…</source>
        <translation>Memo på dette dokument…</translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation>Hvem koder?</translation>
    </message>
    <message>
        <source>Welcome to qcoder. Every coding records who made it, so that two coders&apos; work can be compared. Type your name or initials.</source>
        <translation>Velkommen til qcoder. Hver kodning husker, hvem der lavede den, så to koderes arbejde kan sammenlignes. Skriv dit navn eller dine initialer.</translation>
    </message>
    <message>
        <source>Codings you make from now on are recorded under this name.</source>
        <translation>De kodninger, du laver fra nu af, registreres under dette navn.</translation>
    </message>
    <message>
        <source>e.g. Anna or AK</source>
        <translation>fx Anna eller AK</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Koder:</translation>
    </message>
    <message>
        <source>Besides your own, show the codings of:</source>
        <translation>Vis ud over dine egne kodningerne fra:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets sprog</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Følg systemet</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Lyse</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Mørke</translation>
    </message>
    <message>
        <source>Widen selections to whole words when coding</source>
        <translation>Udvid markeringer til hele ord ved kodning</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprog:</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Farver:</translation>
    </message>
    <message>
        <source>A new language takes effect when qcoder is started again.</source>
        <translation>Et nyt sprog træder i kraft, næste gang qcoder startes.</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Titel (valgfri)</translation>
    </message>
    <message>
        <source>Write your memo here…</source>
        <translation>Skriv dit memo her…</translation>
    </message>
    <message>
        <source>Project journal</source>
        <translation>Projektdagbog</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>Nyt notat…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigér…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>No entries yet: note decisions, doubts and ideas as the coding goes along.</source>
        <translation>Ingen notater endnu: skriv beslutninger, tvivl og idéer ned, mens kodningen skrider frem.</translation>
    </message>
    <message>
        <source>New journal entry</source>
        <translation>Nyt dagbogsnotat</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Dagbogsnotat</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Slet notat</translation>
    </message>
    <message>
        <source>Delete this journal entry? (Edit &gt; Undo brings it back.)</source>
        <translation>Slet dette dagbogsnotat? (Redigér &gt; Fortryd bringer det tilbage.)</translation>
    </message>
    <message>
        <source>Type part of a code&apos;s name…</source>
        <translation>Skriv en del af kodens navn…</translation>
    </message>
    <message>
        <source>Mayor interviews</source>
        <translation>Borgmesterinterviews</translation>
    </message>
    <message>
        <source>DM interviews</source>
        <translation>DM-interviews</translation>
    </message>
    <message>
        <source>Vignette focus groups</source>
        <translation>Vignet-fokusgrupper</translation>
    </message>
    <message>
        <source>Other documents</source>
        <translation>Øvrige dokumenter</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Kodninger</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>Kodet</translation>
    </message>
    <message>
        <source>Codings you can see in this document</source>
        <translation>Kodninger, du kan se, i dette dokument</translation>
    </message>
    <message>
        <source>How much of the text your codings cover</source>
        <translation>Hvor meget af teksten dine kodninger dækker</translation>
    </message>
    <message>
        <source>Choose a document on the left to read and code it.</source>
        <extracomment>coding uuid -&gt; its memo, for the stripes&apos; tooltips (set by the window)</extracomment>
        <translation>Vælg et dokument til venstre for at læse og kode det.</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>s. {page}</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Getting started with qcoder&lt;/h2&gt;
&lt;p&gt;qcoder is for coding interviews against a theory-driven codebook, alone or with a second
coder. Everything you do is saved at once; there is nothing to save and Ctrl+Z undoes it.&lt;/p&gt;
&lt;h3&gt;1. Read&lt;/h3&gt;
&lt;p&gt;Choose a document on the left. Speaker names are bold, page breaks are dashed lines with
the page number at the right, vignette sections have a coloured rule. View &amp;gt; Line numbers
shows the text&apos;s line numbers; Ctrl++ and Ctrl+- zoom.&lt;/p&gt;
&lt;h3&gt;2. Code&lt;/h3&gt;
&lt;p&gt;Select a passage, then:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;double-click a code in the codebook on the right (or drag the selection onto it),&lt;/li&gt;
&lt;li&gt;press Ctrl+1 … Ctrl+9 for the codes in the quick-code bar (pin codes there with
Code &amp;gt; Pin current code),&lt;/li&gt;
&lt;li&gt;or press Ctrl+K, type part of a code&apos;s name and press Enter.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;With nothing selected, Code &amp;gt; Code turn / sentence / paragraph codes the passage under the
cursor with the current code. Selections are widened to whole words (Settings).&lt;/p&gt;
&lt;h3&gt;3. Check and correct&lt;/h3&gt;
&lt;p&gt;Each coding is a coloured stripe beside the text. Hover for its code and coder, click to
select it, drag its top or bottom end to resize it, right-click to remove it, recode it or
write a memo on it.&lt;/p&gt;
&lt;h3&gt;4. Retrieve&lt;/h3&gt;
&lt;p&gt;Select a code to list its coded segments below, with case, speaker and citation; click one
to jump to it, Ctrl+C copies it with its citation. Search (Ctrl+F) finds words in every
document - &quot;Word forms&quot; also finds inflected Danish forms - and can code all hits at once.&lt;/p&gt;
&lt;h3&gt;5. Code with a second coder&lt;/h3&gt;
&lt;p&gt;View &amp;gt; Blind mode shows only your own codings everywhere, so your coding stays independent.
View &amp;gt; Show codings by chooses whose codings you see otherwise.&lt;/p&gt;
&lt;h3&gt;Memos&lt;/h3&gt;
&lt;p&gt;Right-click a document, code, case or coding to write a memo on it; Project &amp;gt; Journal keeps
dated notes on the whole project.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kom godt i gang med qcoder&lt;/h2&gt;
&lt;p&gt;qcoder er til at kode interviews med en teoridrevet kodebog, alene eller sammen med en anden
koder. Alt, hvad du gør, gemmes med det samme; der er intet at gemme, og Ctrl+Z fortryder.&lt;/p&gt;
&lt;h3&gt;1. Læs&lt;/h3&gt;
&lt;p&gt;Vælg et dokument til venstre. Talernes navne står med fed, sideskift er stiplede linjer med
sidetallet i højre side, og vignetafsnit har en farvet streg. Vis &amp;gt; Linjenumre viser tekstens
linjenumre; Ctrl++ og Ctrl+- zoomer.&lt;/p&gt;
&lt;h3&gt;2. Kod&lt;/h3&gt;
&lt;p&gt;Markér en passage, og så:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;dobbeltklik på en kode i kodebogen til højre (eller træk markeringen hen på den),&lt;/li&gt;
&lt;li&gt;tryk Ctrl+1 … Ctrl+9 for koderne i hurtigkodningslinjen (fastgør koder dér med
Kodning &amp;gt; Fastgør aktuel kode),&lt;/li&gt;
&lt;li&gt;eller tryk Ctrl+K, skriv en del af kodens navn, og tryk Enter.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Uden markering koder Kodning &amp;gt; Kod taleturen / sætningen / afsnittet passagen ved markøren
med den aktuelle kode. Markeringer udvides til hele ord (Indstillinger).&lt;/p&gt;
&lt;h3&gt;3. Tjek og ret&lt;/h3&gt;
&lt;p&gt;Hver kodning er en farvet stribe ved siden af teksten. Hold musen over den for at se kode og
koder, klik for at vælge den, træk i dens øverste eller nederste ende for at ændre dens
udstrækning, og højreklik for at fjerne den, omkode den eller skrive et memo på den.&lt;/p&gt;
&lt;h3&gt;4. Find frem&lt;/h3&gt;
&lt;p&gt;Vælg en kode for at se dens kodede segmenter nederst, med case, taler og kildehenvisning;
klik på et for at springe dertil, Ctrl+C kopierer det med henvisningen. Søg (Ctrl+F) finder ord
i alle dokumenter - &quot;Ordformer&quot; finder også bøjede danske former - og kan kode alle fund på én
gang.&lt;/p&gt;
&lt;h3&gt;5. Kod sammen med en anden koder&lt;/h3&gt;
&lt;p&gt;Vis &amp;gt; Blind tilstand viser kun dine egne kodninger overalt, så din kodning forbliver
uafhængig. Vis &amp;gt; Vis kodninger fra vælger ellers, hvis kodninger du ser.&lt;/p&gt;
&lt;h3&gt;Memoer&lt;/h3&gt;
&lt;p&gt;Højreklik på et dokument, en kode, en case eller en kodning for at skrive et memo på den;
Projekt &amp;gt; Dagbog rummer daterede noter om hele projektet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Kom godt i gang</translation>
    </message>
    <message>
        <source>About qcoder</source>
        <translation>Om qcoder</translation>
    </message>
    <message>
        <source>Qualitative coding of interviews for public-administration research: theory-driven codebooks, double coding with honest agreement statistics, hypothesis displays joined with survey data.</source>
        <translation>Kvalitativ kodning af interviews til forvaltningsforskning: teoridrevne kodebøger, dobbeltkodning med ærlige enighedsmål og hypotesedisplays koblet med surveydata.</translation>
    </message>
    <message>
        <source>The demo material is fictitious.</source>
        <translation>Demomaterialet er fiktivt.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ikke udført</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Kodebog</translation>
    </message>
    <message>
        <source>Coded segments</source>
        <translation>Kodede segmenter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Kodning</translation>
    </message>
    <message>
        <source>Ctrl+1…9: the codes you use will appear here (pin one with Code &gt; Pin current code)</source>
        <translation>Ctrl+1…9: de koder, du bruger, vises her (fastgør en med Kodning &gt; Fastgør aktuel kode)</translation>
    </message>
    <message>
        <source>Blind mode: only your codings are shown</source>
        <translation>Blind tilstand: kun dine kodninger vises</translation>
    </message>
    <message>
        <source>This project has no documents yet. Use File &gt; Import to add transcripts.</source>
        <translation>Projektet har endnu ingen dokumenter. Brug Filer &gt; Importér for at tilføje transskriptioner.</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Intet projekt åbent</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projektet kan ikke åbnes</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Åbn projekt</translation>
    </message>
    <message>
        <source>qcoder projects</source>
        <translation>qcoder-projekter</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nyt projekt</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Projektet kan ikke oprettes</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Importing from the window is not available in this version; use `qcoder import` on the command line, then reopen the project.</source>
        <translation>Import fra vinduet findes ikke i denne version; brug `qcoder import` på kommandolinjen, og åbn så projektet igen.</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>fastgjort</translation>
    </message>
    <message>
        <source>Shortcut code {n}</source>
        <translation>Genvejskode {n}</translation>
    </message>
    <message>
        <source>Leave blind mode</source>
        <translation>Forlad blind tilstand</translation>
    </message>
    <message>
        <source>Show other coders&apos; codings again? Your coding so far stays as it is, but from now on you will see where others coded.</source>
        <translation>Vis andre koderes kodninger igen? Din kodning indtil nu forbliver, som den er, men fra nu af vil du se, hvor andre har kodet.</translation>
    </message>
    <message>
        <source>No other coders in this project yet.</source>
        <translation>Der er endnu ingen andre kodere i projektet.</translation>
    </message>
    <message>
        <source>Show codings by</source>
        <translation>Vis kodninger fra</translation>
    </message>
    <message>
        <source>blind mode: only your codings</source>
        <translation>blind tilstand: kun dine kodninger</translation>
    </message>
    <message>
        <source>your codings</source>
        <translation>dine kodninger</translation>
    </message>
    <message>
        <source>all coders&apos; codings</source>
        <translation>alle koderes kodninger</translation>
    </message>
    <message>
        <source>codings by you and {names}</source>
        <translation>kodninger fra dig og {names}</translation>
    </message>
    <message>
        <source>Coder: {name}</source>
        <translation>Koder: {name}</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(ingen endnu)</translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation>Runde {n}</translation>
    </message>
    <message>
        <source>Codings: {here} here, {total} in the project</source>
        <translation>Kodninger: {here} her, {total} i projektet</translation>
    </message>
    <message>
        <source>Codings: {total} in the project</source>
        <translation>Kodninger: {total} i projektet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nyt projekt…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Åbn projekt…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>&amp;Importér dokumenter…</translation>
    </message>
    <message>
        <source>&amp;Who is coding…</source>
        <translation>&amp;Hvem koder…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>I&amp;ndstillinger…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigér</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>&amp;Find in all documents…</source>
        <translation>&amp;Søg i alle dokumenter…</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>H&amp;urtigkodning…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Line numbers</source>
        <translation>&amp;Linjenumre</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;ind</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;ud</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Normal størrelse</translation>
    </message>
    <message>
        <source>Show codings &amp;by</source>
        <translation>Vis kodninger &amp;fra</translation>
    </message>
    <message>
        <source>&amp;Me only</source>
        <translation>&amp;Kun mig</translation>
    </message>
    <message>
        <source>Me and &amp;chosen coders…</source>
        <translation>Mig og &amp;valgte kodere…</translation>
    </message>
    <message>
        <source>&amp;All coders</source>
        <translation>&amp;Alle kodere</translation>
    </message>
    <message>
        <source>&amp;Blind mode (only my codings)</source>
        <translation>&amp;Blind tilstand (kun mine kodninger)</translation>
    </message>
    <message>
        <source>Hide other coders&apos; codings everywhere, for independent coding</source>
        <translation>Skjul andre koderes kodninger overalt, så du koder uafhængigt</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>K&amp;odning</translation>
    </message>
    <message>
        <source>Apply the &amp;current code</source>
        <translation>Anvend den &amp;aktuelle kode</translation>
    </message>
    <message>
        <source>Code the speaker &amp;turn at the cursor</source>
        <translation>Kod &amp;taleturen ved markøren</translation>
    </message>
    <message>
        <source>Code the &amp;sentence at the cursor</source>
        <translation>Kod &amp;sætningen ved markøren</translation>
    </message>
    <message>
        <source>Code the &amp;paragraph at the cursor</source>
        <translation>Kod a&amp;fsnittet ved markøren</translation>
    </message>
    <message>
        <source>&amp;Remove the selected coding</source>
        <translation>&amp;Fjern den valgte kodning</translation>
    </message>
    <message>
        <source>&amp;Memo on the selected coding…</source>
        <translation>&amp;Memo på den valgte kodning…</translation>
    </message>
    <message>
        <source>P&amp;in current code to Ctrl+1…9</source>
        <translation>Fast&amp;gør aktuel kode på Ctrl+1…9</translation>
    </message>
    <message>
        <source>&amp;Shortcut codes</source>
        <translation>&amp;Genvejskoder</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>&amp;Journal…</source>
        <translation>&amp;Dagbog…</translation>
    </message>
    <message>
        <source>Memo on the &amp;document…</source>
        <translation>Memo på &amp;dokumentet…</translation>
    </message>
    <message>
        <source>Memo on the current c&amp;ode…</source>
        <translation>Memo på den aktuelle &amp;kode…</translation>
    </message>
    <message>
        <source>Memo on the selected &amp;case…</source>
        <translation>Memo på den valgte &amp;case…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Kom godt i gang</translation>
    </message>
    <message>
        <source>&amp;About qcoder</source>
        <translation>&amp;Om qcoder</translation>
    </message>
    <message>
        <source>Select a case in the Cases table first.</source>
        <translation>Vælg først en case i case-tabellen.</translation>
    </message>
    <message>
        <source>Quick code: type a code name, Enter applies (Ctrl+K)</source>
        <translation>Hurtigkodning: skriv et kodenavn, Enter anvender (Ctrl+K)</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Taler</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Kildehenvisning</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>With sub-codes</source>
        <translation>Med underkoder</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>Kopiér med henvisning</translation>
    </message>
    <message>
        <source>Copy the selected passages with their citations</source>
        <translation>Kopiér de valgte passager med deres kildehenvisninger</translation>
    </message>
    <message>
        <source>Select a code to list the passages coded with it.</source>
        <translation>Vælg en kode for at se de passager, der er kodet med den.</translation>
    </message>
    <message>
        <source>Coded segments of {code}: {n}</source>
        <translation>Kodede segmenter af {code}: {n}</translation>
    </message>
    <message>
        <source>Search the documents…</source>
        <translation>Søg i dokumenterne…</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Almindelig tekst</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulært udtryk</translation>
    </message>
    <message>
        <source>Word forms (Danish lemmas)</source>
        <translation>Ordformer (danske lemmaer)</translation>
    </message>
    <message>
        <source>Word forms: &quot;chikane&quot; also finds &quot;chikanen&quot; and &quot;chikaneret&quot;</source>
        <translation>Ordformer: &quot;chikane&quot; finder også &quot;chikanen&quot; og &quot;chikaneret&quot;</translation>
    </message>
    <message>
        <source>Code all hits…</source>
        <translation>Kod alle fund…</translation>
    </message>
    <message>
        <source>Code every hit in the list with the current code</source>
        <translation>Kod hvert fund på listen med den aktuelle kode</translation>
    </message>
    <message>
        <source>Hit in context</source>
        <translation>Fund i sammenhæng</translation>
    </message>
    <message>
        <source>Hits: {n}, in documents: {d}</source>
        <translation>Fund: {n}, i dokumenter: {d}</translation>
    </message>
    <message>
        <source>(the first {n} are listed)</source>
        <translation>(de første {n} vises)</translation>
    </message>
    <message>
        <source>Resize coding</source>
        <translation>Tilpas kodning</translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation>Redigér memo på kodning</translation>
    </message>
    <message>
        <source>Recode</source>
        <translation>Omkod</translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation>Kod alle fund</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>Redigér memo</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Slet memo</translation>
    </message>
    <message>
        <source>Edit case attribute</source>
        <translation>Redigér case-attribut</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Tilføj kode</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Slet kode</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Redigér kode</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Flyt kode</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Slå koder sammen</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Flere ændringer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ændring</translation>
    </message>
    <message>
        <source>A coder needs a name; type yours.</source>
        <extracomment>the project changed; True when the open document&apos;s codings must be read again whose codings are shown changed (visibility, blind mode or the coder)</extracomment>
        <translation>En koder skal have et navn; skriv dit.</translation>
    </message>
    <message>
        <source>Choose who is coding first (File &gt; Who is coding…).</source>
        <translation>Vælg først, hvem der koder (Filer &gt; Hvem koder…).</translation>
    </message>
</context>
</TS>
