"""Word, OpenDocument, RTF and PDF import from real files written in the test."""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style
from odf.text import H, Note, NoteBody, NoteCitation, P, S, SoftPageBreak
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.errors import InputFileError


def _turns(t):
    return [(turn.speaker, t.text[turn.start:turn.end]) for turn in t.turns]


def _pages(t):
    return [(p.label, t.text[p.start:p.end]) for p in t.pages]


def _check_normalised(t):
    assert normalise_text(t.text) == t.text


def _mayor_docx(path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Bilag 3 - sidehoved der ikke er tekst"
    d.sections[0].footer.paragraphs[0].text = "Side X"
    d.add_paragraph("Interview med borgmester Jens (fiktivt) 😀")
    d.add_paragraph("Interviewer: Hvorfor stoppede du som borgmester?")
    p = d.add_paragraph("Jens: Økonomien bandt os. ")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("Vi kunne ikke gennemføre det, vi var valgt på.")
    d.add_paragraph("Interviewer: Og familien?")
    d.add_page_break()
    d.add_paragraph("Jens: Der kom trusler på de sociale medier.")
    d.add_section(WD_SECTION.NEW_PAGE)
    table = d.add_table(rows=2, cols=2)
    for row, (who, what) in enumerate([("Interviewer", "Tak for snakken."), ("Jens", "Selv tak.")]):
        table.cell(row, 0).text = who
        table.cell(row, 1).text = what
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("Slut på bilag 3.")
    d.save(path)


def test_docx_pages_speakers_tables_and_no_headers(tmp_path):
    path = tmp_path / "borgmester æøå.docx"
    _mayor_docx(path)
    t = read_transcript(path)
    _check_normalised(t)
    assert "sidehoved" not in t.text and "Side X" not in t.text
    assert t.import_format == "docx"
    assert _pages(t) == [
        ("1", "Interview med borgmester Jens (fiktivt) 😀\nInterviewer: Hvorfor stoppede du som "
              "borgmester?\nJens: Økonomien bandt os. "),
        ("2", "Vi kunne ikke gennemføre det, vi var valgt på.\nInterviewer: Og familien?"),
        ("3", "Jens: Der kom trusler på de sociale medier."),
        ("4", "Interviewer: Tak for snakken.\nJens: Selv tak.\n\nSlut på bilag 3."),
    ]
    assert _turns(t)[:2] == [
        ("Interviewer", "Hvorfor stoppede du som borgmester?"),
        ("Jens", "Økonomien bandt os. Vi kunne ikke gennemføre det, vi var valgt på."),
    ]
    assert t.speakers == ["Interviewer", "Jens"] and t.interviewers == {"Interviewer"}


def _rendered_break(paragraph):
    """What Word writes where it broke a page on screen when it last saved the file."""
    run = paragraph.runs[0]._r
    run.insert(0, OxmlElement("w:lastRenderedPageBreak"))


def test_docx_word_pagination_and_tracked_changes(tmp_path):
    d = docx.Document()
    d.add_paragraph("Sara Jensen   0:03")
    d.add_paragraph("Godmorgen, skal vi gå i gang?")
    d.add_paragraph("Mette Bo   0:09")
    p = d.add_paragraph("Ja. ")
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "SLETTET"
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    p.add_run("Lad os starte.")
    d.add_paragraph("Sara Jensen   1:15")
    after = d.add_paragraph("Hvordan var presset?")
    _rendered_break(after)
    explicit = d.add_paragraph("Mette Bo   1:40")
    explicit.paragraph_format.page_break_before = True
    _rendered_break(explicit)   # Word repeats an explicit break as a rendered one
    d.add_paragraph("Det var stort.")
    path = tmp_path / "teams.docx"
    d.save(path)
    t = read_transcript(path)
    assert "SLETTET" not in t.text
    assert _turns(t) == [("Sara Jensen", "Godmorgen, skal vi gå i gang?"),
                         ("Mette Bo", "Ja. Lad os starte."),
                         ("Sara Jensen", "Hvordan var presset?"), ("Mette Bo", "Det var stort.")]
    assert [turn.time_start for turn in t.turns] == [3, 9, 75, 100]
    assert [label for label, _ in _pages(t)] == ["1", "2", "3"]
    assert _pages(t)[1][1] == "Hvordan var presset?"


def test_truncated_and_fake_docx(tmp_path):
    good = tmp_path / "god.docx"
    _mayor_docx(good)
    cut = tmp_path / "afbrudt.docx"
    cut.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(InputFileError, match=r"afbrudt\.docx.*save it again") as err:
        read_transcript(cut)
    assert "\n" not in str(err.value)
    fake = tmp_path / "tekst.docx"
    fake.write_text("I: bare tekst\nR: ja", encoding="utf-8")
    with pytest.raises(InputFileError, match="tekst.docx"):
        read_transcript(fake)


def test_odt(tmp_path):
    doc = OpenDocumentText()
    brk = Style(name="NySide", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(brk)
    doc.text.addElement(H(outlinelevel=2, text="Vignet 1: Kira, 4"))
    doc.text.addElement(P(text="Sara: Jeg er bekymret for Kira."))
    p = P(text="Karen: Jeg")
    p.addElement(S(c=2))
    p.addText("er enig.")
    doc.text.addElement(p)
    doc.text.addElement(SoftPageBreak())
    doc.text.addElement(P(stylename=brk, text="Sara: Ny side."))
    p = P(text="Karen: Med fodnote")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="FODNOTETEKST"))
    note.addElement(body)
    p.addElement(note)
    p.addText(" slut.")
    doc.text.addElement(p)
    path = tmp_path / "fokusgruppe.odt"
    doc.save(str(path))
    t = read_transcript(path)
    _check_normalised(t)
    assert "FODNOTETEKST" not in t.text
    assert _turns(t) == [("Sara", "Jeg er bekymret for Kira."), ("Karen", "Jeg  er enig."),
                         ("Sara", "Ny side."), ("Karen", "Med fodnote slut.")]
    assert [label for label, _ in _pages(t)] == ["1", "2"]
    assert [s.label for s in t.sections] == ["Vignet 1: Kira, 4"]


def test_rtf(tmp_path):
    path = tmp_path / "interview.rtf"
    path.write_text(
        r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\pard Interviewer: Hvorfor? "
        r"\'e6\'f8\'e5\par Jens: Derfor.\page Interviewer: Og s\'e5?\par Jens: Slut \u9731?.\par}",
        encoding="ascii")
    t = read_transcript(path)
    assert _pages(t) == [("1", "Interviewer: Hvorfor? æøå\nJens: Derfor."),
                         ("2", "Interviewer: Og så?\nJens: Slut ☃.")]
    assert t.speakers == ["Interviewer", "Jens"]
    notrtf = tmp_path / "falsk.rtf"
    notrtf.write_text("Interviewer: hej", encoding="utf-8")
    with pytest.raises(InputFileError, match="not an RTF file"):
        read_transcript(notrtf)


PDF_PAGES = [
    ["Interviewer: Hvorfor stoppede du som borg-", "mester i kommunen?",
     "Jens: Økonomien bandt os, og Syd-", "og Sønderjylland var langt væk."],
    ["Interviewer: Og familien?", "Jens: Der kom trusler på de sociale medi-",
     "er. Det var hårdt."],
    ["Interviewer: Tak for det.", "Jens: Selv tak."],
]


def _pdf(path, pages=PDF_PAGES, header=True):
    c = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        c.setFont("Helvetica", 10)
        if header:
            c.drawString(72, 800, "Bilag 3 - Interview med borgmester Jens (fiktivt)")
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 14
        if header:
            c.drawString(280, 40, f"Side {number} af {len(pages)}")
        c.showPage()
    c.save()


def test_pdf_pages_headers_footers_hyphenation(tmp_path):
    path = tmp_path / "bilag 3 æøå.pdf"
    _pdf(path)
    t = read_transcript(path)
    _check_normalised(t)
    assert _pages(t) == [
        ("1", "Interviewer: Hvorfor stoppede du som borgmester i kommunen?\n"
              "Jens: Økonomien bandt os, og Syd-\nog Sønderjylland var langt væk."),
        ("2", "Interviewer: Og familien?\nJens: Der kom trusler på de sociale medier. "
              "Det var hårdt."),
        ("3", "Interviewer: Tak for det.\nJens: Selv tak."),
    ]
    assert t.speakers == ["Interviewer", "Jens"] and t.interviewers == {"Interviewer"}


def test_pdf_encrypted_image_only_and_truncated(tmp_path):
    plain = tmp_path / "plain.pdf"
    _pdf(plain)
    locked = tmp_path / "låst.pdf"
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("hemmelig", algorithm="RC4-128")
    writer.write(str(locked))
    with pytest.raises(InputFileError, match="password"):
        read_transcript(locked)
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(50, 50, 300, 400, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(InputFileError, match="OCR"):
        read_transcript(scan)
    cut = tmp_path / "afbrudt.pdf"
    cut.write_bytes(plain.read_bytes()[:400])
    with pytest.raises(InputFileError, match="afbrudt.pdf"):
        read_transcript(cut)


def test_pdf_with_a_blank_page_warns(tmp_path):
    path = tmp_path / "delvis.pdf"
    _pdf(path, pages=[["I: Et?", "R: Ja."], [], ["I: Tre?", "R: Ja."]], header=False)
    t = read_transcript(path)
    assert [label for label, _ in _pages(t)] == ["1", "3"]
    assert any("page(s) 2" in w for w in t.warnings)
