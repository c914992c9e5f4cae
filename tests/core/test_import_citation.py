"""Citations after the corpus kinds' templates, filled from case attributes and the imported
structure (pages, lines, sections, speakers); templates editable per project."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_BREAK

from qcoder.core.cases.attributes import import_attributes
from qcoder.core.cases.citation import (
    DEFAULT_TEMPLATES,
    citation_template,
    cite,
    render,
    set_citation_template,
)
from qcoder.core.documents.batch_import import import_files
from qcoder.core.documents.speakers import link_speaker
from qcoder.core.documents.structure import DocumentStructure, line_at
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.lookup import document_by_name
from qcoder.core.operations import run
from qcoder.core.store import Project


def _mayor(path):
    d = docx.Document()
    d.add_paragraph("Interviewer: Hvorfor stoppede du?")
    p = d.add_paragraph("Jens: Økonomien bandt os. ")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("Vi kunne ikke gennemføre det.")
    d.add_paragraph("Interviewer: Og familien?")
    d.add_page_break()
    d.add_paragraph("Jens: Der kom trusler.")
    d.save(path)


@pytest.fixture
def corpus(tmp_path):
    _mayor(tmp_path / "Jens.docx")
    (tmp_path / "Kommune A.txt").write_text(
        "## Vignet 1: Kira, 4\nInterviewer: Hvad tænker I?\nSara: Bekymret.\nKaren: Enig.\n"
        "## Vignet 2: Mads, 14\nInterviewer: Og Mads?\nSara: Vent.\nKaren: Gråzone.\n",
        encoding="utf-8")
    (tmp_path / "R-17.vtt").write_text(
        "WEBVTT\n\n00:01:05.000 --> 00:01:09.000\n<v Ida>Hvor ofte?</v>\n\n"
        "00:01:10.000 --> 00:01:19.000\n<v Mette>Ret ofte, især før budgettet.</v>\n\n"
        "00:01:20.000 --> 00:01:22.000\n<v Ida>Hvorfor?</v>\n", encoding="utf-8")
    (tmp_path / "cases.csv").write_text(
        "sag;fornavn;bilag;køn;aldersinterval;opgavetype;kommune\n"
        "Jens;Jens;2;;;;Skæve\nR-17;;;Kvinde;25-39;betjener politikere;\n"
        "Kommune A;;;;;;Kommune A\nDeltager Sara;;;Kvinde;;;Kommune A\n", encoding="utf-8")
    path = tmp_path / "citater.qcoder"
    with Project.create(path) as project:
        import_files(project, [tmp_path / "Jens.docx"], kind="mayor_interview")
        import_files(project, [tmp_path / "R-17.vtt"], kind="dm_interview")
        import_files(project, [tmp_path / "Kommune A.txt"], kind="vignette_group")
        import_attributes(project, tmp_path / "cases.csv", "sag", create_unmatched=True)
        link_speaker(project, "Kommune A", "Sara", "Deltager Sara")
        yield project


def _cite(project, doc, quote, **kw):
    with project.session() as s:
        d = document_by_name(s, doc)
        start = d.text.index(quote)
        return cite(s, d, start, start + len(quote), **kw)


def test_the_three_corpus_templates(corpus):
    assert _cite(corpus, "Jens", "Der kom trusler").text == "(Jens, bilag 2, s. 3)"
    assert _cite(corpus, "Jens", "bandt os. Vi kunne").text == "(Jens, bilag 2, s. 1-2)"
    assert _cite(corpus, "R-17", "især før budgettet").text == \
        "(Kvinde, 25-39 år, betjener politikere)"
    c = _cite(corpus, "Kommune A", "Vent.")
    assert c.text == "(Sara, Kommune A, Vignet 2: Mads, 14)" and c.ok


def test_missing_attribute_is_named(corpus):
    c = _cite(corpus, "Kommune A", "Gråzone")  # Karen has no case; the group's case helps
    assert c.ok
    with corpus.session() as s:
        doc = document_by_name(s, "Jens")
        c = cite(s, doc, 0, 5, template="({first_name}, {party}, s. {page})")
    assert c.missing == ("party",) and c.text == "(Jens, ?, s. 1)"
    assert "missing party" in c.problem and "case 'Jens'" in c.problem


def test_citing_a_document_id_not_in_the_project_names_it(corpus):
    with corpus.session() as s:
        missing = max(d.id for d in [document_by_name(s, n) for n in ("Jens", "R-17")]) + 100
        with pytest.raises(NotFoundError, match=f"document id {missing} is not in the project"):
            cite(s, missing, 0, 5)


def test_structure_fields(corpus):
    c = _cite(corpus, "R-17", "Ret ofte", template="({speaker}, {time}, linje {line})")
    assert c.text == "(Mette, 1:10, linje 2)"
    with corpus.session() as s:
        doc = document_by_name(s, "Jens")
        st = DocumentStructure.load(s, doc)
        assert [st.page_at(doc.text.index(w)) for w in ("Økonomien", "Vi kunne", "trusler")] \
            == ["1", "2", "3"]
        assert st.turn_at(doc.text.index("trusler")).speaker == "Jens"
        assert st.turn_at(0) is None   # the label is not part of the turn
        assert st.lines(0, len(doc.text)) == f"1-{line_at(doc.text, len(doc.text))}"


def test_templates_are_editable_per_project_and_undoable(corpus):
    result = set_citation_template(corpus, "mayor_interview",
                                   "({first_name}, Bilag {appendix}[, s. {page}])")
    assert _cite(corpus, "Jens", "Der kom trusler").text == "(Jens, Bilag 2, s. 3)"
    assert _cite(corpus, "R-17", "Ret ofte", template="({case}[, s. {page}])").text == "(R-17)"
    run(corpus, result.inverse)
    with corpus.session() as s:
        assert citation_template(s, "mayor_interview") == DEFAULT_TEMPLATES["mayor_interview"]
    with pytest.raises(QcoderError, match="square brackets"):
        set_citation_template(corpus, "other", "({case}[, s. {page}")
    with pytest.raises(QcoderError, match="not valid"):
        set_citation_template(corpus, "other", "({case")
    with pytest.raises(QcoderError, match="unknown corpus kind"):
        set_citation_template(corpus, "roman", "({case})")


def test_render_aliases_and_number_format():
    c = render("({Fornavn}, bilag {Bilag}, {stemmeandel})",
               {"first_name": "Åse", "appendix": "3", "stemmeandel": "0,77"})
    assert c.text == "(Åse, bilag 3, 0,77)" and c.ok
