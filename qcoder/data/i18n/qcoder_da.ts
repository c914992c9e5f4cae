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
        <source>Characters (as NVivo)</source>
        <translation>Tegn (som i NVivo)</translation>
    </message>
    <message>
        <source>Coded segments (as MAXQDA)</source>
        <translation>Kodede segmenter (som i MAXQDA)</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Sætninger</translation>
    </message>
    <message>
        <source>Speaker turns</source>
        <translation>Taleture</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>Intercoder agreement</source>
        <translation>Interkoder-enighed</translation>
    </message>
    <message>
        <source>Tick two or more coders to compare</source>
        <translation>Sæt flueben ved to eller flere kodere for at sammenligne dem</translation>
    </message>
    <message>
        <source>Two segments of a code match when their overlap (intersection over union) is at least this share</source>
        <translation>To segmenter med samme kode er enige, når deres overlap (snit over forening) udgør mindst denne andel</translation>
    </message>
    <message>
        <source>A unit counts as coded when a coder&apos;s codings cover more than this share of it (0: any overlap)</source>
        <translation>En enhed regnes som kodet, når koderens kodninger dækker mere end denne andel af den (0: ethvert overlap)</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Enhed:</translation>
    </message>
    <message>
        <source>Segment overlap:</source>
        <translation>Segmentoverlap:</translation>
    </message>
    <message>
        <source>Minimum cover:</source>
        <translation>Mindste dækning:</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Kodere</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Beregn</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Domain (parent code)</source>
        <translation>Domæne (overkode)</translation>
    </message>
    <message>
        <source>A domain is a parent code whose sub-codes are used as mutually exclusive categories. Krippendorff&apos;s nominal alpha compares which sub-code each coder gave a unit; a unit a coder gave none of them is missing for that coder.</source>
        <translation>Et domæne er en overkode, hvis underkoder bruges som gensidigt udelukkende kategorier. Krippendorffs nominale alpha sammenligner, hvilken underkode hver koder gav en enhed; en enhed, som en koder ikke gav nogen af dem, mangler for den koder.</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domæner</translation>
    </message>
    <message>
        <source>Methods paragraph</source>
        <translation>Metodeafsnit</translation>
    </message>
    <message>
        <source>Choose the coders and the unit on the left, then press Compute.</source>
        <translation>Vælg koderne og enheden til venstre, og tryk så på Beregn.</translation>
    </message>
    <message>
        <source>&amp;Disagreements…</source>
        <translation>&amp;Uenigheder…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Eksportér rapport…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Only the coders whose codings are shown are offered (View &gt; Show codings by).</source>
        <translation>Kun kodere, hvis kodninger vises, kan vælges (Vis &gt; Vis kodninger fra).</translation>
    </message>
    <message>
        <source>Tick two or more coders to compare.</source>
        <translation>Sæt flueben ved to eller flere kodere for at sammenligne dem.</translation>
    </message>
    <message>
        <source>Tick at least one code.</source>
        <translation>Sæt flueben ved mindst én kode.</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>Sæt flueben ved mindst ét dokument.</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>Beregner enighed</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>Ingen rapport endnu.</translation>
    </message>
    <message>
        <source>&amp;Disagreements ({n})…</source>
        <translation>&amp;Uenigheder ({n})…</translation>
    </message>
    <message>
        <source>The disagreement browser compares two coders; compute for two.</source>
        <translation>Uenighedsoversigten sammenligner to kodere; beregn for to.</translation>
    </message>
    <message>
        <source>Domains ({n})</source>
        <translation>Domæner ({n})</translation>
    </message>
    <message>
        <source>coded segments</source>
        <translation>kodede segmenter</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>sektioner</translation>
    </message>
    <message>
        <source>&lt;b&gt;{coders}&lt;/b&gt; compared on {unit}: {n} in {docs} documents.</source>
        <translation>&lt;b&gt;{coders}&lt;/b&gt; sammenlignet på {unit}: {n} i {docs} dokumenter.</translation>
    </message>
    <message>
        <source>Compared: {scope}.</source>
        <translation>Sammenlignet: {scope}.</translation>
    </message>
    <message>
        <source>{n} codes have warnings: a coefficient is left out where it would mislead; see Notes and the details under the table.</source>
        <translation>{n} koder har advarsler: en koefficient er udeladt, hvor den ville vildlede; se Bemærkninger og detaljerne under tabellen.</translation>
    </message>
    <message>
        <source>Export agreement report</source>
        <translation>Eksportér enighedsrapport</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-projektmappe</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webside</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Skriver rapporten</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Eksportér rapport</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>Rapporten er skrevet til {path}.</translation>
    </message>
    <message>
        <source>Blind mode hides the other coders&apos; codings, and comparing would show them. Leave blind mode first (View &gt; Blind mode).</source>
        <translation>Blind tilstand skjuler de andre koderes kodninger, og en sammenligning ville vise dem. Forlad blind tilstand først (Vis &gt; Blind tilstand).</translation>
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
        <extracomment>every core operation&apos;s label (tests/gui/test_undo_labels.py keeps this complete), so that lupdate offers them for translation and the Edit menu&apos;s Undo/Redo entries read in Danish</extracomment>
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
        <source>supports</source>
        <translation>understøtter</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>modsiger</translation>
    </message>
    <message>
        <source>{n} coding</source>
        <translation>{n} kodning</translation>
    </message>
    <message>
        <source>{n} codings</source>
        <translation>{n} kodninger</translation>
    </message>
    <message>
        <source>Filter codes (name, definition, keyword)…</source>
        <extracomment>The selected code changed (-1 when a codebook or nothing is selected). blind mode: only the coder&apos;s own counts are shown anywhere If set, the codebook editor hands each undo operation here (label, inverse) instead of keeping its own undo stack - the main window&apos;s undo history.</extracomment>
        <translation>Filtrér koder (navn, definition, nøgleord)…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigér…</translation>
    </message>
    <message>
        <source>Open the codebook editor: add, edit, move, merge, delete codes</source>
        <translation>Åbn kodebogseditoren: tilføj, redigér, flyt, slå sammen og slet koder</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Codings of this code by all coders</source>
        <translation>Kodninger med denne kode fra alle kodere</translation>
    </message>
    <message>
        <source>Select a code to see its definition.</source>
        <translation>Vælg en kode for at se dens definition.</translation>
    </message>
    <message>
        <source>Codings by {name}</source>
        <translation>Kodninger fra {name}</translation>
    </message>
    <message>
        <source>Codings by you</source>
        <translation>Dine kodninger</translation>
    </message>
    <message>
        <source>{name} - id {ident}, version {version}</source>
        <translation>{name} - id {ident}, version {version}</translation>
    </message>
    <message>
        <source>{count} on this code, {total} with its sub-codes</source>
        <translation>{count} på denne kode, {total} med underkoderne</translation>
    </message>
    <message>
        <source>No definition yet.</source>
        <translation>Ingen definition endnu.</translation>
    </message>
    <message>
        <source>Emergent code, added in round {n}.</source>
        <translation>Induktiv kode, tilføjet i runde {n}.</translation>
    </message>
    <message>
        <source>your codings: {n}</source>
        <translation>dine kodninger: {n}</translation>
    </message>
    <message>
        <source>{counts}; {total} with sub-codes</source>
        <translation>{counts}; {total} med underkoder</translation>
    </message>
    <message>
        <source>{count}, {mine} by {name}</source>
        <translation>{count}, {mine} fra {name}</translation>
    </message>
    <message>
        <source>emergent (inductive), round {n}</source>
        <translation>opstået undervejs (induktiv), runde {n}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ingen endnu</translation>
    </message>
    <message>
        <source>id {ident} · version {version} · {n} codes</source>
        <translation>id {ident} · version {version} · {n} koder</translation>
    </message>
    <message>
        <source>(under {parent})</source>
        <translation>(under {parent})</translation>
    </message>
    <message>
        <source>no statement</source>
        <translation>ingen formulering</translation>
    </message>
    <message>
        <source>Display:</source>
        <translation>Display:</translation>
    </message>
    <message>
        <source>deductive</source>
        <translation>deduktiv</translation>
    </message>
    <message>
        <source>inductive</source>
        <translation>induktiv</translation>
    </message>
    <message>
        <source>Codebook editor</source>
        <extracomment>code id, new parent code id (or None), codebook id (for the top level), index or None</extracomment>
        <translation>Kodebogseditor</translation>
    </message>
    <message>
        <source>New code</source>
        <extracomment>in blind mode a refused delete names only the coder&apos;s own codings</extracomment>
        <translation>Ny kode</translation>
    </message>
    <message>
        <source>Add a code at the top level of the codebook</source>
        <translation>Tilføj en kode på kodebogens øverste niveau</translation>
    </message>
    <message>
        <source>New sub-code</source>
        <translation>Ny underkode</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Tilføj en kode under den valgte kode</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Slå sammen med…</translation>
    </message>
    <message>
        <source>Move this code&apos;s codings to another code</source>
        <translation>Flyt denne kodes kodninger til en anden kode</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>Delete the code (refused while it holds codings)</source>
        <translation>Slet koden (afvises, så længe den har kodninger)</translation>
    </message>
    <message>
        <source>Undo the last change made in this editor</source>
        <translation>Fortryd den seneste ændring i denne editor</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Gem ændringer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Gendan</translation>
    </message>
    <message>
        <source>Drag a code onto another to make it a sub-code, or between codes to reorder.</source>
        <translation>Træk en kode hen på en anden for at gøre den til underkode, eller mellem koder for at ændre rækkefølgen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Danish label</source>
        <translation>Dansk betegnelse</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>Engelsk betegnelse</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farve</translation>
    </message>
    <message>
        <source>added in round</source>
        <translation>tilføjet i runde</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Oprindelse</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Medtag</translation>
    </message>
    <message>
        <source>what belongs here, incl. boundary rules</source>
        <translation>hvad der hører til her, inkl. grænsetilfælde</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Udelad</translation>
    </message>
    <message>
        <source>what does not, and where it goes instead</source>
        <translation>hvad der ikke gør, og hvor det hører til i stedet</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>én pr. linje</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Eksempel</translation>
    </message>
    <message>
        <source>an invented example statement</source>
        <translation>et opdigtet eksempel på et udsagn</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Nøgleord</translation>
    </message>
    <message>
        <source>comma-separated lemmas, phrases or prefix*, for suggestions</source>
        <translation>kommaseparerede lemmaer, fraser eller præfiks*, til forslag</translation>
    </message>
    <message>
        <source>Survey items</source>
        <translation>Survey-spørgsmål</translation>
    </message>
    <message>
        <source>comma-separated, e.g. Q1_1, Q9</source>
        <translation>kommasepareret, fx Q1_1, Q9</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Hypotese</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Hypoteser</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markeret</translation>
    </message>
    <message>
        <source>a note that the code needs attention</source>
        <translation>en note om, at koden kræver opmærksomhed</translation>
    </message>
    <message>
        <source>Code colour</source>
        <translation>Kodefarve</translation>
    </message>
    <message>
        <source>Undo {label}</source>
        <translation>Fortryd {label}</translation>
    </message>
    <message>
        <source>Load a codebook first (qcoder codebook load).</source>
        <translation>Indlæs først en kodebog (qcoder codebook load).</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Navn på den nye kode:</translation>
    </message>
    <message>
        <source>Name of the new code under &apos;{parent}&apos;:</source>
        <translation>Navn på den nye kode under &apos;{parent}&apos;:</translation>
    </message>
    <message>
        <source>Merge it into another code instead? The codings move there and a memo records the merge.</source>
        <translation>Slå den sammen med en anden kode i stedet? Kodningerne flyttes dertil, og et memo registrerer sammenlægningen.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Slå sammen…</translation>
    </message>
    <message>
        <source>Delete &apos;{path}&apos; and its sub-code? It holds no codings.</source>
        <translation>Slet &apos;{path}&apos; og dens underkode? Den har ingen kodninger.</translation>
    </message>
    <message>
        <source>Delete &apos;{path}&apos; and its {n} sub-codes? It holds no codings.</source>
        <translation>Slet &apos;{path}&apos; og dens {n} underkoder? Den har ingen kodninger.</translation>
    </message>
    <message>
        <source>Delete &apos;{path}&apos;? It holds no codings.</source>
        <translation>Slet &apos;{path}&apos;? Den har ingen kodninger.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; holds codings, {mine} of them yours. Deleting it would lose them.</source>
        <translation>&apos;{path}&apos; har kodninger, heraf {mine} af dine. Sletter du den, går de tabt.</translation>
    </message>
    <message>
        <source>{n} coder</source>
        <translation>{n} koder</translation>
    </message>
    <message>
        <source>{n} coders</source>
        <translation>{n} kodere</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; holds {codings} by {coders}. Deleting it would lose them.</source>
        <translation>&apos;{path}&apos; har {codings} fra {coders}. Sletter du den, går de tabt.</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Slå sammen med</translation>
    </message>
    <message>
        <source>Move the codings of &apos;{path}&apos; to:</source>
        <translation>Flyt kodningerne fra &apos;{path}&apos; til:</translation>
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
        <source>Disagreements: {a} and {b}</source>
        <translation>Uenigheder: {a} og {b}</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>Kun uafgjorte</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kode:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Coded by</source>
        <translation>Kodet af</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Afgørelse</translation>
    </message>
    <message>
        <source>Accept {a}</source>
        <translation>Acceptér {a}</translation>
    </message>
    <message>
        <source>Accept {b}</source>
        <translation>Acceptér {b}</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Begge</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Ingen af dem</translation>
    </message>
    <message>
        <source>Edit: code the selection</source>
        <translation>Redigér: kod markeringen</translation>
    </message>
    <message>
        <source>Konsensus codes what {a} coded here</source>
        <translation>Konsensus koder det, {a} kodede her</translation>
    </message>
    <message>
        <source>Konsensus codes what {b} coded here</source>
        <translation>Konsensus koder det, {b} kodede her</translation>
    </message>
    <message>
        <source>Konsensus codes what either coder coded here</source>
        <translation>Konsensus koder det, som en af koderne kodede her</translation>
    </message>
    <message>
        <source>Konsensus does not code this passage with the code</source>
        <translation>Konsensus koder ikke denne passage med koden</translation>
    </message>
    <message>
        <source>Select the right passage in either text, then press this</source>
        <translation>Markér den rigtige passage i en af teksterne, og tryk så her</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Discussion memo: why you decided as you did (saved with the decision, as a memo on the document)</source>
        <translation>Diskussionsnotat: hvorfor I afgjorde, som I gjorde (gemmes med afgørelsen som et notat på dokumentet)</translation>
    </message>
    <message>
        <source>Go to the next undecided one after a decision</source>
        <translation>Gå til den næste uafgjorte efter en afgørelse</translation>
    </message>
    <message>
        <source>Undo the last change (also Edit &gt; Undo in the main window)</source>
        <translation>Fortryd den seneste ændring (også Redigér &gt; Fortryd i hovedvinduet)</translation>
    </message>
    <message>
        <source>Keys: Ctrl+1 accept {a} · Ctrl+2 accept {b} · Ctrl+3 both · Ctrl+0 neither · Ctrl+E edit · Ctrl+Down / Ctrl+Up next / previous</source>
        <translation>Taster: Ctrl+1 acceptér {a} · Ctrl+2 acceptér {b} · Ctrl+3 begge · Ctrl+0 ingen af dem · Ctrl+E redigér · Ctrl+Ned / Ctrl+Op næste / forrige</translation>
    </message>
    <message>
        <source>All codes ({n})</source>
        <translation>Alle koder ({n})</translation>
    </message>
    <message>
        <source>{at} of {n} · {done} of {total} decided</source>
        <translation>{at} af {n} · {done} af {total} afgjort</translation>
    </message>
    <message>
        <source>accept {a}</source>
        <translation>acceptér {a}</translation>
    </message>
    <message>
        <source>accept {b}</source>
        <translation>acceptér {b}</translation>
    </message>
    <message>
        <source>both</source>
        <translation>begge</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>ingen af dem</translation>
    </message>
    <message>
        <source>edited range</source>
        <translation>redigeret udsnit</translation>
    </message>
    <message>
        <source>No disagreements to show.</source>
        <translation>Ingen uenigheder at vise.</translation>
    </message>
    <message>
        <source>coded here</source>
        <translation>kodet her</translation>
    </message>
    <message>
        <source>not coded here</source>
        <translation>ikke kodet her</translation>
    </message>
    <message>
        <source>coded with &lt;b&gt;{code}&lt;/b&gt;</source>
        <translation>kodet med &lt;b&gt;{code}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the {unit} in question ({document}, {start}–{end})</source>
        <translation>omstridt {unit} ({document}, {start}–{end})</translation>
    </message>
    <message>
        <source>coded by {k}</source>
        <translation>kodet af {k}</translation>
    </message>
    <message>
        <source>Decided: {decision}.</source>
        <translation>Afgjort: {decision}.</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>Ikke afgjort endnu.</translation>
    </message>
    <message>
        <source>{k} codes {n} passage(s) here: {ranges}.</source>
        <translation>{k} koder {n} passage(r) her: {ranges}.</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>tegn</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <source>section</source>
        <translation>sektion</translation>
    </message>
    <message>
        <source>Edit the range</source>
        <translation>Redigér udsnittet</translation>
    </message>
    <message>
        <source>Select the passage to code in either text first, then choose Edit.</source>
        <translation>Markér først den passage, der skal kodes, i en af teksterne, og vælg så Redigér.</translation>
    </message>
    <message>
        <source>Consensus decision</source>
        <translation>Konsensusafgørelse</translation>
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
        <source>Danish language tools (sentences, lemmas, suggestions, pseudonymisation): {name}</source>
        <translation>Danske sprogværktøjer (sætninger, lemmaer, forslag, pseudonymisering): {name}</translation>
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
        <source>Hypothesis display</source>
        <translation>Hypotesedisplay</translation>
    </message>
    <message>
        <source>Overview matrix</source>
        <translation>Oversigtsmatrix</translation>
    </message>
    <message>
        <source>Code × case</source>
        <translation>Kode × case</translation>
    </message>
    <message>
        <source>Motivation profile</source>
        <translation>Motivationsprofil</translation>
    </message>
    <message>
        <source>Joint display</source>
        <translation>Joint display</translation>
    </message>
    <message>
        <source>Displays</source>
        <extracomment>how long the main window&apos;s changes must pause before a display in the background rebuilds</extracomment>
        <translation>Displays</translation>
    </message>
    <message>
        <source>Whose codings the displays count and quote</source>
        <translation>Hvis kodninger displayene tæller og citerer</translation>
    </message>
    <message>
        <source>Only codings made in this coding round</source>
        <translation>Kun kodninger fra denne kodningsrunde</translation>
    </message>
    <message>
        <source>Blind mode: only your codings are shown</source>
        <translation>Blind tilstand: kun dine kodninger vises</translation>
    </message>
    <message>
        <source>Codings by:</source>
        <translation>Kodninger af:</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Runde:</translation>
    </message>
    <message>
        <source>All shown coders</source>
        <translation>Alle viste kodere</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>Alle runder</translation>
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
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>number</source>
        <translation>tal</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dato</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>ja/nej</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <source>Import case attributes</source>
        <translation>Importér case-attributter</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>an .xlsx or .csv file, one row per case</source>
        <translation>en .xlsx- eller .csv-fil med én række pr. case</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Create a case for keys that match no case or document</source>
        <translation>Opret en case for nøgler, der hverken svarer til en case eller et dokument</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Ark:</translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation>Nøglekolonne:</translation>
    </message>
    <message>
        <source>The key column names each row&apos;s case, or the document the case belongs to (the case is then created and linked). The other columns become attributes; their type is read from the values (numbers, also with a decimal comma such as 0,77; dates; ja/nej; text).</source>
        <translation>Nøglekolonnen navngiver hver rækkes case eller det dokument, casen hører til (så oprettes og tilknyttes casen). De øvrige kolonner bliver attributter; deres type aflæses af værdierne (tal, også med decimalkomma som 0,77; datoer; ja/nej; tekst).</translation>
    </message>
    <message>
        <source>Choose a spreadsheet of case attributes</source>
        <translation>Vælg et regneark med case-attributter</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>Regneark</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle filer</translation>
    </message>
    <message>
        <source>{source}: {rows} rows; the first ones:</source>
        <translation>{source}: {rows} rækker; de første:</translation>
    </message>
    <message>
        <source>Imported from {source}: {values} values for {cases} cases. Undo with Edit &gt; Undo.</source>
        <translation>Importeret fra {source}: {values} værdier for {cases} cases. Fortryd med Redigér &gt; Fortryd.</translation>
    </message>
    <message>
        <source>Existing cases updated: {n}</source>
        <translation>Eksisterende cases opdateret: {n}</translation>
    </message>
    <message>
        <source>New cases: {n}</source>
        <translation>Nye cases: {n}</translation>
    </message>
    <message>
        <source>Documents linked to their case: {n}</source>
        <translation>Dokumenter knyttet til deres case: {n}</translation>
    </message>
    <message>
        <source>New attributes: {n}</source>
        <translation>Nye attributter: {n}</translation>
    </message>
    <message>
        <source>Keys that match no case or document (not imported): {n}</source>
        <translation>Nøgler uden tilsvarende case eller dokument (ikke importeret): {n}</translation>
    </message>
    <message>
        <source>Keys that occur more than once (left alone): {n}</source>
        <translation>Nøgler, der forekommer mere end én gang (urørt): {n}</translation>
    </message>
    <message>
        <source>Rows without a key (left alone): {n}</source>
        <translation>Rækker uden nøgle (urørt): {n}</translation>
    </message>
    <message>
        <source>The sheet held no rows.</source>
        <translation>Arket indeholdt ingen rækker.</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Åbn et projekt først.</translation>
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
        <source>Import case &amp;attributes…</source>
        <translation>Importér case-&amp;attributter…</translation>
    </message>
    <message>
        <source>Import REFI-QDA pro&amp;ject (.qdpx)…</source>
        <translation>Importér REFI-QDA-pro&amp;jekt (.qdpx)…</translation>
    </message>
    <message>
        <source>Export REFI-QDA projec&amp;t (.qdpx)…</source>
        <translation>Eksportér REFI-QDA-projek&amp;t (.qdpx)…</translation>
    </message>
    <message>
        <source>Import code&amp;book (REFI-QDA .qdc)…</source>
        <translation>Importér kode&amp;bog (REFI-QDA .qdc)…</translation>
    </message>
    <message>
        <source>Export codebook (REFI-QDA .q&amp;dc)…</source>
        <translation>Eksportér kodebog (REFI-QDA .q&amp;dc)…</translation>
    </message>
    <message>
        <source>&amp;Export coder package…</source>
        <translation>&amp;Eksportér koderpakke…</translation>
    </message>
    <message>
        <source>&amp;Merge coder package…</source>
        <translation>&amp;Flet koderpakke…</translation>
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
        <source>Su&amp;ggest codings from keywords…</source>
        <translation>Fo&amp;reslå kodninger ud fra nøgleord…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>Edit &amp;text…</source>
        <translation>Redigér &amp;tekst…</translation>
    </message>
    <message>
        <source>&amp;Speakers…</source>
        <translation>&amp;Talere…</translation>
    </message>
    <message>
        <source>&amp;Pseudonymise…</source>
        <translation>&amp;Pseudonymisér…</translation>
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
        <source>&amp;Analyse</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>&amp;Intercoder agreement…</source>
        <translation>&amp;Interkoder-enighed…</translation>
    </message>
    <message>
        <source>&amp;Hypothesis display…</source>
        <translation>&amp;Hypotesedisplay…</translation>
    </message>
    <message>
        <source>&amp;Overview matrix…</source>
        <translation>&amp;Oversigtsmatrix…</translation>
    </message>
    <message>
        <source>&amp;Code × case matrix…</source>
        <translation>&amp;Kode × case-matrix…</translation>
    </message>
    <message>
        <source>&amp;Motivation profile…</source>
        <translation>&amp;Motivationsprofil…</translation>
    </message>
    <message>
        <source>&amp;Joint display…</source>
        <translation>&amp;Joint display…</translation>
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
        <source>Quote</source>
        <translation>Citat</translation>
    </message>
    <message>
        <source>Codings: {cell}</source>
        <translation>Kodninger: {cell}</translation>
    </message>
    <message>
        <source>{n} codings. Double-click one to see it in its document.</source>
        <translation>{n} kodninger. Dobbeltklik på en for at se den i dokumentet.</translation>
    </message>
    <message>
        <source>Go to passage</source>
        <translation>Gå til passagen</translation>
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
        <source>Merge overlapping codings</source>
        <translation>Flet overlappende kodninger</translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation>Kod alle fund</translation>
    </message>
    <message>
        <source>Re-attach coding</source>
        <translation>Genplacér kodning</translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation>Omdøb kode</translation>
    </message>
    <message>
        <source>Recolour code</source>
        <translation>Skift kodens farve</translation>
    </message>
    <message>
        <source>Set coding round</source>
        <translation>Sæt kodningsrunde</translation>
    </message>
    <message>
        <source>Add codebook</source>
        <translation>Tilføj kodebog</translation>
    </message>
    <message>
        <source>Delete codebook</source>
        <translation>Slet kodebog</translation>
    </message>
    <message>
        <source>Load REFI-QDA codebook</source>
        <translation>Indlæs REFI-QDA-kodebog</translation>
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
        <source>Add memo</source>
        <translation>Tilføj memo</translation>
    </message>
    <message>
        <source>Remove memo</source>
        <translation>Fjern memo</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Fjern dokumenter</translation>
    </message>
    <message>
        <source>Restore documents</source>
        <translation>Gendan dokumenter</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>Redigér transskription</translation>
    </message>
    <message>
        <source>Refresh text index</source>
        <translation>Opdatér tekstindeks</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>Omdøb taler</translation>
    </message>
    <message>
        <source>Set interviewer</source>
        <translation>Angiv interviewer</translation>
    </message>
    <message>
        <source>Link speaker to case</source>
        <translation>Knyt taler til case</translation>
    </message>
    <message>
        <source>Edit speakers</source>
        <translation>Redigér talere</translation>
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
        <source>Create hypothesis</source>
        <translation>Opret hypotese</translation>
    </message>
    <message>
        <source>Delete hypothesis</source>
        <translation>Slet hypotese</translation>
    </message>
    <message>
        <source>Edit hypothesis</source>
        <translation>Redigér hypotese</translation>
    </message>
    <message>
        <source>Link code to hypothesis</source>
        <translation>Knyt kode til hypotese</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>Afvis forslag</translation>
    </message>
    <message>
        <source>Edit citation template</source>
        <translation>Redigér skabelon for kildehenvisning</translation>
    </message>
    <message>
        <source>Set project setting</source>
        <translation>Sæt projektindstilling</translation>
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
        <source>Accept suggestions</source>
        <extracomment>undo labels of the core operations run here, for lupdate</extracomment>
        <translation>Acceptér forslag</translation>
    </message>
    <message>
        <source>Reject suggestions</source>
        <translation>Afvis forslag</translation>
    </message>
    <message>
        <source>This document</source>
        <extracomment>document id, start, end of the chosen candidate a change was made (undoable through the workbench); the window reloads codings</extracomment>
        <translation>Dette dokument</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle dokumenter</translation>
    </message>
    <message>
        <source>The passage a suggestion codes</source>
        <translation>Den passage, et forslag koder</translation>
    </message>
    <message>
        <source>Whose codes&apos; keywords to look for</source>
        <translation>Hvilke koders nøgleord der søges efter</translation>
    </message>
    <message>
        <source>Find suggestions</source>
        <translation>Find forslag</translation>
    </message>
    <message>
        <source>Look for passages holding the codes&apos; keywords (the first time loads the Danish language tools)</source>
        <translation>Søg efter passager med kodernes nøgleord (første gang indlæses de danske sprogværktøjer)</translation>
    </message>
    <message>
        <source>Code / passage</source>
        <translation>Kode / passage</translation>
    </message>
    <message>
        <source>Choose a suggestion to read its passage.</source>
        <translation>Vælg et forslag for at læse passagen.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Acceptér</translation>
    </message>
    <message>
        <source>Code the selected passages with their codes (recorded as accepted suggestions)</source>
        <translation>Kod de valgte passager med deres koder (registreres som accepterede forslag)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>A&amp;fvis</translation>
    </message>
    <message>
        <source>Do not offer the selected suggestions again</source>
        <translation>Vis ikke de valgte forslag igen</translation>
    </message>
    <message>
        <source>Accept a&amp;ll for this code</source>
        <translation>Acceptér a&amp;lle for denne kode</translation>
    </message>
    <message>
        <source>Code every suggested passage of the selected code</source>
        <translation>Kod alle foreslåede passager for den valgte kode</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>Choose who is coding first (File &gt; Who is coding…): suggestions leave out what you have coded or rejected already.</source>
        <translation>Vælg først, hvem der koder (Filer &gt; Hvem koder…): forslagene udelader det, du allerede har kodet eller afvist.</translation>
    </message>
    <message>
        <source>Open a document, or choose All documents.</source>
        <translation>Åbn et dokument, eller vælg Alle dokumenter.</translation>
    </message>
    <message>
        <source>Loading the Danish language tools and indexing the documents…</source>
        <translation>Indlæser de danske sprogværktøjer og indekserer dokumenterne…</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Søger efter forslag…</translation>
    </message>
    <message>
        <source>Indexing documents: {done} of {total}</source>
        <translation>Indekserer dokumenter: {done} af {total}</translation>
    </message>
    <message>
        <source>No suggestions: {error}</source>
        <translation>Ingen forslag: {error}</translation>
    </message>
    <message>
        <source>Cancelled. The documents indexed so far stay indexed.</source>
        <translation>Annulleret. De dokumenter, der allerede er indekseret, forbliver indekseret.</translation>
    </message>
    <message>
        <source>Find passages that hold the keywords of the codebook&apos;s codes. Nothing is coded until you accept a suggestion.</source>
        <translation>Find passager med nøgleordene fra kodebogens koder. Intet bliver kodet, før du accepterer et forslag.</translation>
    </message>
    <message>
        <source>No suggestions left here: no passage holds a code&apos;s keyword, or you have coded or rejected each one. Codes get keywords in the codebook editor.</source>
        <translation>Ingen forslag tilbage her: ingen passage indeholder en kodes nøgleord, eller du har kodet eller afvist dem alle. Koder får nøgleord i kodebogseditoren.</translation>
    </message>
    <message>
        <source>{suggestions} for {codes} {where}</source>
        <translation>{suggestions} til {codes} {where}</translation>
    </message>
    <message>
        <source>1 suggestion</source>
        <translation>1 forslag</translation>
    </message>
    <message>
        <source>{n} suggestions</source>
        <translation>{n} forslag</translation>
    </message>
    <message>
        <source>1 code</source>
        <translation>1 kode</translation>
    </message>
    <message>
        <source>{n} codes</source>
        <translation>{n} koder</translation>
    </message>
    <message>
        <source>matched: {terms}</source>
        <translation>fundet: {terms}</translation>
    </message>
    <message>
        <source>Choose who is coding first (File &gt; Who is coding…).</source>
        <translation>Vælg først, hvem der koder (Filer &gt; Hvem koder…).</translation>
    </message>
    <message>
        <source>The text changed since these suggestions were found; they are being looked for again.</source>
        <translation>Teksten er ændret, siden forslagene blev fundet; der søges efter dem igen.</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Enighed</translation>
    </message>
    <message>
        <source>Cohen κ</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <source>Fleiss κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <source>Kripp. α</source>
        <translation>Kripp. α</translation>
    </message>
    <message>
        <source>Nominal α</source>
        <translation>Nominal α</translation>
    </message>
    <message>
        <source>BP κ</source>
        <translation>BP κ</translation>
    </message>
    <message>
        <source>AC1</source>
        <translation>AC1</translation>
    </message>
    <message>
        <source>Percent agreement</source>
        <translation>Procentvis enighed</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohens κ</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ</source>
        <translation>Fleiss&apos; κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorffs α</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s nominal α</source>
        <translation>Krippendorffs nominale α</translation>
    </message>
    <message>
        <source>Brennan-Prediger κ</source>
        <translation>Brennan-Predigers κ</translation>
    </message>
    <message>
        <source>Gwet&apos;s AC1</source>
        <translation>Gwets AC1</translation>
    </message>
    <message>
        <source>95% confidence interval: {low} to {high}</source>
        <translation>95 %-konfidensinterval: {low} til {high}</translation>
    </message>
    <message>
        <source>matched {n}</source>
        <translation>matchede {n}</translation>
    </message>
    <message>
        <source>{coder} unmatched {n}</source>
        <translation>{coder} umatchede {n}</translation>
    </message>
    <message>
        <source>both {n}</source>
        <translation>begge {n}</translation>
    </message>
    <message>
        <source>{coder} only {n}</source>
        <translation>kun {coder} {n}</translation>
    </message>
    <message>
        <source>neither {n}</source>
        <translation>ingen af dem {n}</translation>
    </message>
    <message>
        <source>all {n}</source>
        <translation>alle {n}</translation>
    </message>
    <message>
        <source>none {n}</source>
        <translation>ingen {n}</translation>
    </message>
    <message>
        <source>not used by any compared coder</source>
        <translation>ikke brugt af nogen af de sammenlignede kodere</translation>
    </message>
    <message>
        <source>No compared coder used this code in the compared text.</source>
        <translation>Ingen af de sammenlignede kodere brugte denne kode i den sammenlignede tekst.</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmenter</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Enheder</translation>
    </message>
    <message>
        <source>Pooled over codes</source>
        <translation>Samlet over koderne</translation>
    </message>
    <message>
        <source>Mean across codes (plain mean)</source>
        <translation>Gennemsnit over koderne (simpelt gennemsnit)</translation>
    </message>
    <message>
        <source>The unweighted mean of the per-code values over {n} used codes</source>
        <translation>Det uvægtede gennemsnit af værdierne for de {n} brugte koder</translation>
    </message>
    <message>
        <source>Every unit × code decision of all codes together</source>
        <translation>Alle enhed × kode-afgørelser for alle koderne tilsammen</translation>
    </message>
    <message>
        <source>Counts: {counts}</source>
        <translation>Antal: {counts}</translation>
    </message>
    <message>
        <source>Prevalence (share of units coded): {values}</source>
        <translation>Prævalens (andel kodede enheder): {values}</translation>
    </message>
    <message>
        <source>Sub-codes</source>
        <translation>Underkoder</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bemærkninger</translation>
    </message>
    <message>
        <source>with its 95% confidence interval below</source>
        <translation>med 95 %-konfidensintervallet nedenunder</translation>
    </message>
    <message>
        <source>Select a cell to read all of it here.</source>
        <translation>Vælg en celle for at læse hele teksten her.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Write this display to Excel, Word, CSV or HTML</source>
        <translation>Skriv dette display til Excel, Word, CSV eller HTML</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Intet projekt er åbent.</translation>
    </message>
    <message>
        <source>Nothing to show for the codings in view.</source>
        <translation>Intet at vise for de viste kodninger.</translation>
    </message>
    <message>
        <source>Export display</source>
        <translation>Eksportér display</translation>
    </message>
    <message>
        <source>Exported to {files}</source>
        <translation>Eksporteret til {files}</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Eksporterer {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>Intet at eksportere.</translation>
    </message>
    <message>
        <source>Double-click to open the codings behind this cell ({n}).</source>
        <extracomment>row, column, new value (a verdict name, or &quot;&quot; to clear) - the view decides what to run</extracomment>
        <translation>Dobbeltklik for at åbne kodningerne bag cellen ({n}).</translation>
    </message>
    <message>
        <source>Double-click to edit.</source>
        <translation>Dobbeltklik for at redigere.</translation>
    </message>
    <message>
        <source>Edit text of “{name}”</source>
        <translation>Redigér teksten i “{name}”</translation>
    </message>
    <message>
        <source>Fix transcription errors here. Codings, speaker turns, pages and sections move with the text. A coding whose words you delete entirely is set aside and reported, and Edit &gt; Undo brings the old text back.</source>
        <translation>Ret transskriptionsfejl her. Kodninger, taleture, sider og afsnit følger med teksten. En kodning, hvis ord du sletter helt, lægges til side og nævnes, og Redigér &gt; Fortryd henter den gamle tekst tilbage.</translation>
    </message>
    <message>
        <source>Find in this text (Enter: next)</source>
        <translation>Find i denne tekst (Enter: næste)</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Find næste</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Kassér ændringer</translation>
    </message>
    <message>
        <source>Close without saving your changes to the text?</source>
        <translation>Luk uden at gemme dine ændringer i teksten?</translation>
    </message>
    <message>
        <source>The words of {n} codings were deleted, so they no longer have a place in the text. They are kept aside as detached codings; Edit &gt; Undo restores the old text and puts them back.</source>
        <translation>Ordene i {n} kodninger blev slettet, så de ikke længere har en plads i teksten. De gemmes til side som løsrevne kodninger; Redigér &gt; Fortryd gendanner den gamle tekst og sætter dem på plads igen.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… og {n} mere.</translation>
    </message>
    <message>
        <source>{n} of them were made by coders whose codings are not shown.</source>
        <translation>{n} af dem er lavet af kodere, hvis kodninger ikke vises.</translation>
    </message>
    <message>
        <source>Text saved: {n} codings carried along ({moved} moved, {changed} now cover edited words).</source>
        <translation>Teksten er gemt: {n} kodninger fulgte med ({moved} flyttet, {changed} dækker nu redigerede ord).</translation>
    </message>
    <message>
        <source>{n} speaker turns, pages or sections lost all their text and were removed.</source>
        <translation>{n} taleture, sider eller afsnit mistede al deres tekst og blev fjernet.</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Åbn først et dokument.</translation>
    </message>
    <message>
        <source>Codings set aside</source>
        <translation>Kodninger lagt til side</translation>
    </message>
    <message>
        <source>Set verdict</source>
        <extracomment>the hypothesis operations&apos; undo labels, so that lupdate offers them for translation</extracomment>
        <translation>Sæt vurdering</translation>
    </message>
    <message>
        <source>Choose evidence</source>
        <translation>Vælg belæg</translation>
    </message>
    <message>
        <source>Edit verdict note</source>
        <translation>Redigér note til vurdering</translation>
    </message>
    <message>
        <source>Edit display cell</source>
        <translation>Redigér displaycelle</translation>
    </message>
    <message>
        <source>Flag as counter-evidence</source>
        <translation>Markér som modfortælling</translation>
    </message>
    <message>
        <source>Remove counter-evidence flag</source>
        <translation>Fjern markering som modfortælling</translation>
    </message>
    <message>
        <source>Restore verdict</source>
        <translation>Gendan vurdering</translation>
    </message>
    <message>
        <source>Evidence and counter-evidence</source>
        <translation>Belæg og modfortællinger</translation>
    </message>
    <message>
        <source>No hypotheses yet - load a codebook with hypotheses</source>
        <translation>Ingen hypoteser endnu - indlæs en kodebog med hypoteser</translation>
    </message>
    <message>
        <source>Counter-evidence (modfortælling)</source>
        <translation>Modfortælling (taler imod hypotesen)</translation>
    </message>
    <message>
        <source>Evidence for the verdict on {case}</source>
        <translation>Belæg for vurderingen af {case}</translation>
    </message>
    <message>
        <source>(no verdict)</source>
        <translation>(ingen vurdering)</translation>
    </message>
    <message>
        <source>The hypothesis whose display is shown</source>
        <translation>Hypotesen, hvis display vises</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Kolonner…</translation>
    </message>
    <message>
        <source>Add case attributes and the interviewees&apos; own survey answers</source>
        <translation>Tilføj casevariabler og interviewpersonernes egne surveysvar</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>Belæg…</translation>
    </message>
    <message>
        <source>Choose the codings the selected case&apos;s verdict rests on, and flag counter-evidence</source>
        <translation>Vælg de kodninger, den valgte cases vurdering bygger på, og markér modfortællinger</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Brug forslaget</translation>
    </message>
    <message>
        <source>Record the suggested verdict as the selected case&apos;s verdict</source>
        <translation>Gem den foreslåede vurdering som den valgte cases vurdering</translation>
    </message>
    <message>
        <source>No hypotheses yet - load a codebook with hypotheses.</source>
        <translation>Ingen hypoteser endnu - indlæs en kodebog med hypoteser.</translation>
    </message>
    <message>
        <source>No case has codings for this hypothesis&apos;s codes yet.</source>
        <translation>Ingen case har endnu kodninger med denne hypoteses koder.</translation>
    </message>
    <message>
        <source>Evidence for {hypothesis} in {case}</source>
        <translation>Belæg for {hypothesis} i {case}</translation>
    </message>
    <message>
        <source>Select a case&apos;s row first.</source>
        <translation>Vælg først en cases række.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>Accept suggestion ({verdict})</source>
        <translation>Brug forslaget ({verdict})</translation>
    </message>
    <message>
        <source>Evidence and counter-evidence…</source>
        <translation>Belæg og modfortællinger…</translation>
    </message>
    <message>
        <source>Edit this cell…</source>
        <translation>Redigér cellen…</translation>
    </message>
    <message>
        <source>Open the codings behind this cell</source>
        <translation>Åbn kodningerne bag cellen</translation>
    </message>
    <message>
        <source>No transcripts chosen yet. Add files or a whole folder with the buttons, or drop them here.</source>
        <translation>Ingen transskriptioner valgt endnu. Tilføj filer eller en hel mappe med knapperne, eller træk dem hertil.</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importér dokumenter</translation>
    </message>
    <message>
        <source>Keep the import</source>
        <translation>Behold importen</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Fortryd importen</translation>
    </message>
    <message>
        <source>You can also drop files and folders here.</source>
        <translation>Du kan også trække filer og mapper hertil.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Tilføj filer…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Tilføj mappe…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>none (cases can be linked later)</source>
        <translation>ingen (cases kan tilknyttes senere)</translation>
    </message>
    <message>
        <source>automatic: I:, Sara:, [00:01:23] Sara:, Teams “Sara Jensen 0:03”</source>
        <translation>automatisk: I:, Sara:, [00:01:23] Sara:, Teams “Sara Jensen 0:03”</translation>
    </message>
    <message>
        <source>automatic: ## Vignet 2, Vignet 2: …, [Vignet: Kira]</source>
        <translation>automatisk: ## Vignet 2, Vignet 2: …, [Vignet: Kira]</translation>
    </message>
    <message>
        <source>Leave the patterns empty to detect speakers and sections automatically (a label counts as a speaker when it recurs). A pattern is a regular expression matched at the start of a line; a speaker pattern names the speaker with (?P&lt;name&gt;…), e.g. ^(?P&lt;name&gt;[A-ZÆØÅ][a-zæøå]+) svarer:</source>
        <translation>Lad mønstrene stå tomme for at finde talere og afsnit automatisk (en etiket regnes for en taler, når den går igen). Et mønster er et regulært udtryk, der matches i begyndelsen af en linje; et talermønster navngiver taleren med (?P&lt;name&gt;…), fx ^(?P&lt;name&gt;[A-ZÆØÅ][a-zæøå]+) svarer:</translation>
    </message>
    <message>
        <source>Kind of documents:</source>
        <translation>Dokumenttype:</translation>
    </message>
    <message>
        <source>Link to case:</source>
        <translation>Knyt til case:</translation>
    </message>
    <message>
        <source>Speaker pattern:</source>
        <translation>Talermønster:</translation>
    </message>
    <message>
        <source>Section pattern:</source>
        <translation>Afsnitsmønster:</translation>
    </message>
    <message>
        <source>Transcripts to import ({formats}):</source>
        <translation>Transskriptioner, der skal importeres ({formats}):</translation>
    </message>
    <message>
        <source>Choose transcripts</source>
        <translation>Vælg transskriptioner</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>Transskriptioner</translation>
    </message>
    <message>
        <source>Choose a folder of transcripts</source>
        <translation>Vælg en mappe med transskriptioner</translation>
    </message>
    <message>
        <source>Importing {done} of {total}: {what}</source>
        <translation>Importerer {done} af {total}: {what}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importen blev annulleret; intet blev ændret.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Læser…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Intet blev importeret.</translation>
    </message>
    <message>
        <source>Import documents: summary</source>
        <translation>Importér dokumenter: oversigt</translation>
    </message>
    <message>
        <source>Import {n} documents</source>
        <translation>Import af {n} dokumenter</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>Documents imported: {documents} (speaker turns: {turns}, speakers: {speakers}, pages: {pages}, sections: {sections}).</source>
        <translation>Importerede dokumenter: {documents} (taleture: {turns}, talere: {speakers}, sider: {pages}, afsnit: {sections}).</translation>
    </message>
    <message>
        <source>Skipped because their text is already in the project: {n}.</source>
        <translation>Sprunget over, fordi teksten allerede er i projektet: {n}.</translation>
    </message>
    <message>
        <source>Could not be read: {n} (see Messages); the rest was imported.</source>
        <translation>Kunne ikke læses: {n} (se Meddelelser); resten blev importeret.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Taleture</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Talere</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meddelelser</translation>
    </message>
    <message>
        <source>Speakers found (check them before you keep the import)</source>
        <translation>Fundne talere (tjek dem, før du beholder importen)</translation>
    </message>
    <message>
        <source>imported as “{name}”</source>
        <translation>importeret som “{name}”</translation>
    </message>
    <message>
        <source>skipped: same text as “{name}”</source>
        <translation>sprunget over: samme tekst som “{name}”</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>mislykkedes: {reason}</translation>
    </message>
    <message>
        <source>Not imported: {message}</source>
        <translation>Ikke importeret: {message}</translation>
    </message>
    <message>
        <source>Skipped {file}: the same text is already document “{name}”.</source>
        <translation>{file} sprunget over: den samme tekst er allerede dokumentet “{name}”.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annulleret; intet blev ændret.</translation>
    </message>
    <message>
        <source>Accepted suggestion</source>
        <translation>Accepteret forslag</translation>
    </message>
    <message>
        <source>Count of codings</source>
        <translation>Antal kodninger</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Forekomst</translation>
    </message>
    <message>
        <source>Share of the case&apos;s text (%)</source>
        <translation>Andel af casens tekst (%)</translation>
    </message>
    <message>
        <source>Code families</source>
        <translation>Kodefamilier</translation>
    </message>
    <message>
        <source>Double-click a cell to open that hypothesis&apos;s display at the case.</source>
        <translation>Dobbeltklik på en celle for at åbne hypotesens display ved casen.</translation>
    </message>
    <message>
        <source>Only this code and the codes below it</source>
        <translation>Kun denne kode og koderne under den</translation>
    </message>
    <message>
        <source>By section (focus groups)</source>
        <translation>Pr. afsnit (fokusgrupper)</translation>
    </message>
    <message>
        <source>Code x section (vignette) x case, over the documents that have sections</source>
        <translation>Kode × afsnit (vignet) × case, over de dokumenter, der har afsnit</translation>
    </message>
    <message>
        <source>Cells:</source>
        <translation>Celler:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Rækker:</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>Koder:</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle koder</translation>
    </message>
    <message>
        <source>No codes yet - load or create a codebook.</source>
        <translation>Ingen koder endnu - indlæs eller opret en kodebog.</translation>
    </message>
    <message>
        <source>No codings inside sections (vignettes) yet.</source>
        <translation>Ingen kodninger i afsnit (vignetter) endnu.</translation>
    </message>
    <message>
        <source>speaker turns</source>
        <translation>taleture</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>sætninger</translation>
    </message>
    <message>
        <source>Paragraphs (split at blank lines)</source>
        <translation>Afsnit (delt ved tomme linjer)</translation>
    </message>
    <message>
        <source>Sections (from section markers)</source>
        <translation>Sektioner (fra sektionsmarkører)</translation>
    </message>
    <message>
        <source>paragraphs</source>
        <translation>afsnit</translation>
    </message>
    <message>
        <source>Export coder package</source>
        <translation>Eksportér koderpakke</translation>
    </message>
    <message>
        <source>A coder package is a copy of this project for a second coder: the documents below (or a random sample of their units), the codebooks, and none of the other coders&apos; codings. It opens in blind mode. When the coder sends it back, use File &gt; Merge coder package.</source>
        <translation>En koderpakke er en kopi af projektet til en anden koder: dokumenterne herunder (eller en tilfældig stikprøve af deres enheder), kodebøgerne og ingen af de andre koderes kodninger. Den åbner i blind tilstand. Når koderen sender den tilbage, så brug Filer &gt; Flet koderpakke.</translation>
    </message>
    <message>
        <source>the second coder&apos;s name, e.g. Bo</source>
        <translation>den anden koders navn, fx Bo</translation>
    </message>
    <message>
        <source>The ticked documents, whole</source>
        <translation>De afkrydsede dokumenter, hele</translation>
    </message>
    <message>
        <source>A random sample of units from the ticked documents</source>
        <translation>En tilfældig stikprøve af enheder fra de afkrydsede dokumenter</translation>
    </message>
    <message>
        <source>The same seed draws the same units again; it is recorded in the package</source>
        <translation>Det samme frø trækker de samme enheder igen; det gemmes i pakken</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>Nyt frø</translation>
    </message>
    <message>
        <source>Number of units:</source>
        <translation>Antal enheder:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Frø:</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Stikprøve</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <source>For coder:</source>
        <translation>Til koder:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Skriv til:</translation>
    </message>
    <message>
        <source>Write package</source>
        <translation>Skriv pakken</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>koder</translation>
    </message>
    <message>
        <source>Write coder package</source>
        <translation>Skriv koderpakke</translation>
    </message>
    <message>
        <source>Type the name of the coder the package is for.</source>
        <translation>Skriv navnet på den koder, pakken er til.</translation>
    </message>
    <message>
        <source>A package is for a second coder, not for {k}.</source>
        <translation>En pakke er til en anden koder, ikke til {k}.</translation>
    </message>
    <message>
        <source>Choose where to write the package.</source>
        <translation>Vælg, hvor pakken skal skrives.</translation>
    </message>
    <message>
        <source>Writing the coder package</source>
        <translation>Skriver koderpakken</translation>
    </message>
    <message>
        <source>The package for {coder} is written to {file}, with {n} documents.</source>
        <translation>Pakken til {coder} er skrevet til {file} med {n} dokumenter.</translation>
    </message>
    <message>
        <source>It holds a sample of {n} {unit} (seed {seed}), marked as the units to code.</source>
        <translation>Den indeholder en stikprøve på {n} {unit} (frø {seed}), markeret som de enheder, der skal kodes.</translation>
    </message>
    <message>
        <source>Send the file to {coder}. They open it in qcoder, code in blind mode and send it back; then use File &gt; Merge coder package.</source>
        <translation>Send filen til {coder}, som åbner den i qcoder, koder i blind tilstand og sender den tilbage; brug så Filer &gt; Flet koderpakke.</translation>
    </message>
    <message>
        <source>Merge coder package</source>
        <translation>Flet koderpakke</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Flet</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>Fortryd denne fletning</translation>
    </message>
    <message>
        <source>{file} is a qcoder project but not a coder package (make one with File &gt; Export coder package).</source>
        <translation>{file} er et qcoder-projekt, men ikke en koderpakke (lav en med Filer &gt; Eksportér koderpakke).</translation>
    </message>
    <message>
        <source>Coder: {coder}</source>
        <translation>Koder: {coder}</translation>
    </message>
    <message>
        <source>Made from “{source}” on {created}</source>
        <translation>Lavet ud fra »{source}« {created}</translation>
    </message>
    <message>
        <source>Documents: {names}</source>
        <translation>Dokumenter: {names}</translation>
    </message>
    <message>
        <source>A sample of {n} {unit} (seed {seed})</source>
        <translation>En stikprøve på {n} {unit} (frø {seed})</translation>
    </message>
    <message>
        <source>Merging brings {coder}&apos;s codings into this project as one step that Edit &gt; Undo takes back. Documents are matched by their text and codes by their identity; anything that cannot be matched exactly is listed and left out.</source>
        <translation>Fletningen henter {coder}s kodninger ind i projektet som ét skridt, som Redigér &gt; Fortryd kan tage tilbage. Dokumenter matches på deres tekst og koder på deres identitet; alt, der ikke kan matches præcist, vises og udelades.</translation>
    </message>
    <message>
        <source>Merging the coder package</source>
        <translation>Fletter koderpakken</translation>
    </message>
    <message>
        <source>Merge coder package {name}</source>
        <translation>Flet koderpakke {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Merged {coder}&apos;s codings&lt;/b&gt; from {file}.</source>
        <translation>&lt;b&gt;{coder}s kodninger er flettet ind&lt;/b&gt; fra {file}.</translation>
    </message>
    <message>
        <source>Added {added} · updated {updated} · removed {removed} · unchanged {unchanged}</source>
        <translation>Tilføjet {added} · opdateret {updated} · fjernet {removed} · uændret {unchanged}</translation>
    </message>
    <message>
        <source>Nothing was left out.</source>
        <translation>Intet blev udeladt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} problems&lt;/b&gt; - these codings were left out; each says what to do:</source>
        <translation>&lt;b&gt;{n} problemer&lt;/b&gt; – disse kodninger blev udeladt; hvert punkt siger, hvad du kan gøre:</translation>
    </message>
    <message>
        <source>The merge was undone; the project is as it was before.</source>
        <translation>Fletningen er fortrudt; projektet er som før.</translation>
    </message>
    <message>
        <source>That is the open project itself; choose the package file the coder sent back.</source>
        <translation>Det er det åbne projekt selv; vælg den pakkefil, koderen sendte tilbage.</translation>
    </message>
    <message>
        <source>Nothing ticked: the display chooses its default codes.</source>
        <translation>Intet afkrydset: displayet vælger sine standardkoder.</translation>
    </message>
    <message>
        <source>How many quotes per cell</source>
        <translation>Hvor mange citater pr. celle</translation>
    </message>
    <message>
        <source>Codes of the motivation profile</source>
        <translation>Motivationsprofilens koder</translation>
    </message>
    <message>
        <source>Codes…</source>
        <translation>Koder…</translation>
    </message>
    <message>
        <source>Choose the motivation codes (columns); by default the top codes linked to hypotheses</source>
        <translation>Vælg motivationskoderne (kolonner); som standard de overkoder, der er koblet til hypoteser</translation>
    </message>
    <message>
        <source>Quotes per cell:</source>
        <translation>Citater pr. celle:</translation>
    </message>
    <message>
        <source>No codes linked to hypotheses - choose the profile&apos;s codes with Codes….</source>
        <translation>Ingen koder er koblet til hypoteser - vælg profilens koder med Koder….</translation>
    </message>
    <message>
        <source>Themes of the joint display</source>
        <translation>Joint displayets temaer</translation>
    </message>
    <message>
        <source>The survey whose items are shown beside the interviews</source>
        <translation>Surveyen, hvis spørgsmål vises ved siden af interviewene</translation>
    </message>
    <message>
        <source>Top-box % by the groups of this survey variable</source>
        <translation>Top-box % opdelt efter grupperne i denne surveyvariabel</translation>
    </message>
    <message>
        <source>Themes…</source>
        <translation>Temaer…</translation>
    </message>
    <message>
        <source>Choose the themes (codes); by default the codes linked to survey items</source>
        <translation>Vælg temaerne (koder); som standard de koder, der er koblet til surveyspørgsmål</translation>
    </message>
    <message>
        <source>Survey:</source>
        <translation>Survey:</translation>
    </message>
    <message>
        <source>Subgroup:</source>
        <translation>Undergruppe:</translation>
    </message>
    <message>
        <source>Quotes:</source>
        <translation>Citater:</translation>
    </message>
    <message>
        <source>(no survey loaded)</source>
        <translation>(ingen survey indlæst)</translation>
    </message>
    <message>
        <source>(no subgroup)</source>
        <translation>(ingen undergruppe)</translation>
    </message>
    <message>
        <source>No themes linked to survey items yet - link codes to survey items in the codebook, or choose themes with Themes….</source>
        <translation>Ingen temaer er koblet til surveyspørgsmål endnu - kobl koder til surveyspørgsmål i kodebogen, eller vælg temaer med Temaer….</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymisér</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Forekomster</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Fundet via</translation>
    </message>
    <message>
        <source>Pseudonymise documents</source>
        <translation>Pseudonymisér dokumenter</translation>
    </message>
    <message>
        <source>Replace names, places, municipalities, organisations, e-mail addresses, phone and CPR numbers with consistent pseudonyms such as [Person 2]. Nothing changes until you apply; the key (original and pseudonym) goes to a separate file that you keep outside the project.</source>
        <extracomment>a pseudonymisation was applied (here or earlier in this session) and not confirmed called before Confirm rewrites the file (the window stops work reading it)</extracomment>
        <translation>Erstat navne, steder, kommuner, organisationer, e-mailadresser, telefon- og CPR-numre med gennemgående pseudonymer som [Person 2]. Intet ændres, før du anvender; nøglen (original og pseudonym) skrives i en separat fil, som du opbevarer uden for projektet.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>e.g. a CSV file in a protected folder outside the project</source>
        <translation>fx en CSV-fil i en beskyttet mappe uden for projektet</translation>
    </message>
    <message>
        <source>Find entities</source>
        <translation>Find enheder</translation>
    </message>
    <message>
        <source>A dry run: lists what would be replaced; nothing changes</source>
        <translation>En prøvekørsel: viser, hvad der ville blive erstattet; intet ændres</translation>
    </message>
    <message>
        <source>1. Documents and key file</source>
        <translation>1. Dokumenter og nøglefil</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Nøglefil</translation>
    </message>
    <message>
        <source>Add a missed entity…</source>
        <translation>Tilføj en overset enhed…</translation>
    </message>
    <message>
        <source>Pseudonymise a name or place the search did not find</source>
        <translation>Pseudonymisér et navn eller sted, som søgningen ikke fandt</translation>
    </message>
    <message>
        <source>2. Review: untick what to keep, edit pseudonyms</source>
        <translation>2. Gennemse: fjern fluebenet ved det, der skal bevares, og redigér pseudonymer</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anvend</translation>
    </message>
    <message>
        <source>Write the key file and replace the entities (Edit &gt; Undo restores them until you confirm)</source>
        <translation>Skriv nøglefilen og erstat enhederne (Redigér &gt; Fortryd gendanner dem, indtil du bekræfter)</translation>
    </message>
    <message>
        <source>&amp;Confirm (make final)…</source>
        <translation>&amp;Bekræft (gør endelig)…</translation>
    </message>
    <message>
        <source>Drop the undo history and rewrite the project file so the original text is gone from it</source>
        <translation>Slet fortrydelseshistorikken og omskriv projektfilen, så den oprindelige tekst er væk fra den</translation>
    </message>
    <message>
        <source>pseudonym key.csv</source>
        <translation>pseudonymnøgle.csv</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV-filer</translation>
    </message>
    <message>
        <source>The key file is inside the project folder. Whoever gets the folder gets the key too, and the pseudonymisation is undone for them. Choose a protected folder elsewhere.</source>
        <translation>Nøglefilen ligger i projektmappen. Den, der får mappen, får også nøglen, og pseudonymiseringen er dermed ophævet for vedkommende. Vælg en beskyttet mappe et andet sted.</translation>
    </message>
    <message>
        <source>Choose a key file first: it records each original and its pseudonym.</source>
        <translation>Vælg først en nøglefil: den registrerer hver original og dens pseudonym.</translation>
    </message>
    <message>
        <source>in 1 document</source>
        <translation>i 1 dokument</translation>
    </message>
    <message>
        <source>in {n} documents</source>
        <translation>i {n} dokumenter</translation>
    </message>
    <message>
        <source>{entities} entities, {n} occurrences {where}. Nothing has changed yet.</source>
        <translation>{entities} enheder, {n} forekomster {where}. Intet er ændret endnu.</translation>
    </message>
    <message>
        <source>Untick to leave this entity as it is</source>
        <translation>Fjern fluebenet for at lade denne enhed være, som den er</translation>
    </message>
    <message>
        <source>Double-click to edit the pseudonym</source>
        <translation>Dobbeltklik for at redigere pseudonymet</translation>
    </message>
    <message>
        <source>Every entity is unticked; nothing to replace.</source>
        <translation>Ingen enheder har flueben; der er intet at erstatte.</translation>
    </message>
    <message>
        <source>Key file inside the project folder</source>
        <translation>Nøglefil i projektmappen</translation>
    </message>
    <message>
        <source>The key file {path} is inside the project folder: whoever gets the folder can undo the pseudonymisation. Write it there anyway?</source>
        <translation>Nøglefilen {path} ligger i projektmappen: den, der får mappen, kan ophæve pseudonymiseringen. Skriv den der alligevel?</translation>
    </message>
    <message>
        <source>Write it there</source>
        <translation>Skriv den der</translation>
    </message>
    <message>
        <source>Pseudonymised. The key is in {path}. Until you confirm, Edit &gt; Undo restores the original text - and the project file still holds it.</source>
        <translation>Pseudonymiseret. Nøglen ligger i {path}. Indtil du bekræfter, gendanner Redigér &gt; Fortryd den oprindelige tekst - og projektfilen indeholder den stadig.</translation>
    </message>
    <message>
        <source>Make the pseudonymisation final?

Undo will no longer restore the original text: the undo history is cleared, and the project file is rewritten so the original text is gone from it. Only the key file can then trace the pseudonyms back.</source>
        <translation>Gør pseudonymiseringen endelig?

Fortryd kan derefter ikke længere gendanne den oprindelige tekst: fortrydelseshistorikken slettes, og projektfilen omskrives, så den oprindelige tekst er væk fra den. Kun nøglefilen kan derefter føre pseudonymerne tilbage.</translation>
    </message>
    <message>
        <source>These backups beside the project still hold the original text; delete them or move them somewhere safe:</source>
        <translation>Disse sikkerhedskopier ved siden af projektet indeholder stadig den oprindelige tekst; slet dem, eller flyt dem til et sikkert sted:</translation>
    </message>
    <message>
        <source>Confirm pseudonymisation</source>
        <translation>Bekræft pseudonymisering</translation>
    </message>
    <message>
        <source>Make final</source>
        <translation>Gør endelig</translation>
    </message>
    <message>
        <source>Final: the undo history is cleared and the project file holds no original text.</source>
        <translation>Endelig: fortrydelseshistorikken er slettet, og projektfilen indeholder ingen oprindelig tekst.</translation>
    </message>
    <message>
        <source>Backups beside the project still hold the original text: {names}. Delete them, or move them somewhere safe, once you have confirmed.</source>
        <translation>Sikkerhedskopier ved siden af projektet indeholder stadig den oprindelige tekst: {names}. Slet dem, eller flyt dem til et sikkert sted, når du har bekræftet.</translation>
    </message>
    <message>
        <source>Add a missed entity</source>
        <translation>Tilføj en overset enhed</translation>
    </message>
    <message>
        <source>Text to pseudonymise (as it is written):</source>
        <translation>Tekst, der skal pseudonymiseres (som den er skrevet):</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Unicode code points</source>
        <translation>Unicode-tegn (kodepunkter)</translation>
    </message>
    <message>
        <source>code points, CRLF as two</source>
        <translation>kodepunkter, CRLF som to</translation>
    </message>
    <message>
        <source>UTF-16 units, CRLF as two</source>
        <translation>UTF-16-enheder, CRLF som to</translation>
    </message>
    <message>
        <source>UTF-16 units</source>
        <translation>UTF-16-enheder</translation>
    </message>
    <message>
        <source>Imported {file} (made with {origin}) as the new project {target}.</source>
        <translation>{file} (lavet med {origin}) er importeret som det nye projekt {target}.</translation>
    </message>
    <message>
        <source>an unknown program</source>
        <translation>et ukendt program</translation>
    </message>
    <message>
        <source>Codebooks</source>
        <translation>Kodebøger</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributter</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memoer</translation>
    </message>
    <message>
        <source>Coding memos</source>
        <translation>Kodningsmemoer</translation>
    </message>
    <message>
        <source>Codings per coder ({n} in all)</source>
        <translation>Kodninger pr. koder ({n} i alt)</translation>
    </message>
    <message>
        <source>No codings.</source>
        <translation>Ingen kodninger.</translation>
    </message>
    <message>
        <source>Where the coded selections landed</source>
        <translation>Hvor de kodede markeringer endte</translation>
    </message>
    <message>
        <source>Positions counted in</source>
        <translation>Positioner talt i</translation>
    </message>
    <message>
        <source>Selections</source>
        <translation>Markeringer</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Bekræftet</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Omregnet</translation>
    </message>
    <message>
        <source>Found nearby</source>
        <translation>Fundet tæt ved</translation>
    </message>
    <message>
        <source>As given</source>
        <translation>Som angivet</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Ikke placeret</translation>
    </message>
    <message>
        <source>Skipped, and why</source>
        <translation>Sprunget over, og hvorfor</translation>
    </message>
    <message>
        <source>Nothing was skipped.</source>
        <translation>Intet blev sprunget over.</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>Skrev {file}.</translation>
    </message>
    <message>
        <source>Codings per coder</source>
        <translation>Kodninger pr. koder</translation>
    </message>
    <message>
        <source>Selection positions are written in Unicode code points, as the standard asks; qcoder reads its own files back exactly.</source>
        <translation>Markeringernes positioner skrives i Unicode-kodepunkter, som standarden foreskriver; qcoder læser sine egne filer nøjagtigt tilbage.</translation>
    </message>
    <message>
        <source>Loaded {file} (made with {origin}).</source>
        <translation>Indlæste {file} (lavet med {origin}).</translation>
    </message>
    <message>
        <source>Into codebooks</source>
        <translation>I kodebøgerne</translation>
    </message>
    <message>
        <source>Codes added</source>
        <translation>Koder tilføjet</translation>
    </message>
    <message>
        <source>Codes updated</source>
        <translation>Koder opdateret</translation>
    </message>
    <message>
        <source>… of which moved</source>
        <translation>… heraf flyttet</translation>
    </message>
    <message>
        <source>Edit &gt; Undo takes the loaded codes out again.</source>
        <translation>Redigér &gt; Fortryd fjerner de indlæste koder igen.</translation>
    </message>
    <message>
        <source>Import REFI-QDA project</source>
        <translation>Importér REFI-QDA-projekt</translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation>Gem det importerede projekt som</translation>
    </message>
    <message>
        <source>Open the project</source>
        <translation>Åbn projektet</translation>
    </message>
    <message>
        <source>Export REFI-QDA project</source>
        <translation>Eksportér REFI-QDA-projekt</translation>
    </message>
    <message>
        <source>Export codebook (REFI-QDA)</source>
        <translation>Eksportér kodebog (REFI-QDA)</translation>
    </message>
    <message>
        <source>The project has no codebook yet.</source>
        <translation>Projektet har endnu ingen kodebog.</translation>
    </message>
    <message>
        <source>All codebooks</source>
        <translation>Alle kodebøger</translation>
    </message>
    <message>
        <source>Codebook to export:</source>
        <translation>Kodebog, der skal eksporteres:</translation>
    </message>
    <message>
        <source>Wrote {file}: {n} codes.</source>
        <translation>Skrev {file}: {n} koder.</translation>
    </message>
    <message>
        <source>Import codebook (REFI-QDA)</source>
        <translation>Importér kodebog (REFI-QDA)</translation>
    </message>
    <message>
        <source>Load codebook {file}</source>
        <translation>Indlæs kodebogen {file}</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Ord</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <source>Merge selected…</source>
        <translation>Slå valgte sammen…</translation>
    </message>
    <message>
        <source>Double-click a name to rename it; renaming to a name the document already has merges the two. Select several speakers of one document to merge them. Tick who asks the questions.</source>
        <translation>Dobbeltklik på et navn for at omdøbe det; omdøber du til et navn, dokumentet allerede har, slås de to sammen. Vælg flere talere i ét dokument for at slå dem sammen. Sæt flueben ved den, der stiller spørgsmålene.</translation>
    </message>
    <message>
        <source>No speakers found: the text has no recurring speaker labels.</source>
        <translation>Ingen talere fundet: teksten har ingen taleretiketter, der går igen.</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>Slå talere sammen</translation>
    </message>
    <message>
        <source>This document already has a speaker “{new}”. Merge “{old}” into “{new}”? Their turns become {new}&apos;s.</source>
        <translation>Dokumentet har allerede en taler “{new}”. Slå “{old}” sammen med “{new}”? Taleturene bliver {new}s.</translation>
    </message>
    <message>
        <source>Merge the selected speakers into:</source>
        <translation>Slå de valgte talere sammen til:</translation>
    </message>
    <message>
        <source>counter-evidence</source>
        <translation>modfortælling</translation>
    </message>
    <message>
        <source>A short condensed statement, e.g. &quot;Saw no chance of carrying the budget through&quot;</source>
        <translation>Et kort kondenseret udsagn, fx &quot;Så ingen mulighed for at få budgettet igennem&quot;</translation>
    </message>
    <message>
        <source>Filter quotes…</source>
        <translation>Filtrér citater…</translation>
    </message>
    <message>
        <source>Condensed statement:</source>
        <translation>Kondenseret udsagn:</translation>
    </message>
    <message>
        <source>Quotes it rests on (tick them):</source>
        <translation>Citater, udsagnet bygger på (sæt flueben):</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belæg</translation>
    </message>
    <message>
        <source>Counter-evidence</source>
        <translation>Modfortælling</translation>
    </message>
    <message>
        <source>Linked as</source>
        <translation>Koblet som</translation>
    </message>
    <message>
        <source>Filter codings…</source>
        <translation>Filtrér kodninger…</translation>
    </message>
    <message>
        <source>Evidence is what the verdict rests on; its quotes become the key quotes. Counter-evidence (modfortælling) counts against the hypothesis in every case.</source>
        <translation>Belæg er det, vurderingen bygger på; deres citater bliver nøglecitaterne. En modfortælling tæller imod hypotesen i alle cases.</translation>
    </message>
    <message>
        <source>Extra columns</source>
        <translation>Ekstra kolonner</translation>
    </message>
    <message>
        <source>No survey loaded (qcoder survey load).</source>
        <translation>Ingen survey indlæst (qcoder survey load).</translation>
    </message>
    <message>
        <source>Case attributes:</source>
        <translation>Casevariabler:</translation>
    </message>
    <message>
        <source>The interviewee&apos;s own survey answers:</source>
        <translation>Interviewpersonens egne surveysvar:</translation>
    </message>
</context>
</TS>
