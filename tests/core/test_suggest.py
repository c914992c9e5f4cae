"""Coding suggestions from codebook keywords: candidates, accepting, rejecting, the demo."""

from __future__ import annotations

import pytest

from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.codings import list_codings
from qcoder.core.demo import build_demo
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.editing import edit_text
from qcoder.core.documents.importers import read_transcript
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.language.candidates import find_candidates, still_current
from qcoder.core.language.suggest import accept_suggestions, reject_suggestions, suggest
from qcoder.core.lookup import coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.store import Project

KEYWORD_BOOK = """codebook: "Nøgleord"
id: kw
version: 1
codes:
  - name: Chikane
    color: "#d62728"
    keywords: ["chikane", "trussel", "sociale medier"]
  - name: Økonomi
    color: "#1f77b4"
    keywords: ["økonomi", "anlægsloft", "budget*"]
  - name: Uden nøgleord
    color: "#7f7f7f"
"""

TRANSCRIPT = """Interviewer: Oplevede du chikane?

Mette: Ja, der kom trusler på de sociale medier. Min mand var bekymret.
Økonomien var også stram. Budgetforhandlingerne trak ud.

Interviewer: Og anlægsloftet?

Mette: Anlægsloftet bandt os. Men chikanen var værst.
"""


@pytest.fixture
def kw_project(tmp_path):
    p = Project.create(tmp_path / "forslag æøå.qcoder")
    (tmp_path / "kb.yaml").write_text(KEYWORD_BOOK, encoding="utf-8")
    load_codebook(p, tmp_path / "kb.yaml")
    (tmp_path / "mette.txt").write_text(TRANSCRIPT, encoding="utf-8")
    add_document(p, read_transcript(tmp_path / "mette.txt"), kind="mayor_interview")
    with p.transaction() as s:
        coder_by_name(s, "Anna", create=True)
        coder_by_name(s, "Bo", create=True)
    yield p
    p.close()


def _shown(project, suggestions):
    with project.session() as s:
        text = document_by_name(s, "mette").text
    return [(x.code.split("/")[-1], text[x.start:x.end], x.terms) for x in suggestions]


def test_sentences_holding_keywords_are_suggested_without_interviewer_turns(kw_project):
    got = _shown(kw_project, suggest(kw_project))
    assert got == [
        ("Chikane", "Ja, der kom trusler på de sociale medier.", ("trussel", "sociale medier")),
        ("Økonomi", "Økonomien var også stram.", ("økonomi",)),
        ("Økonomi", "Budgetforhandlingerne trak ud.", ("budget*",)),
        ("Økonomi", "Anlægsloftet bandt os.", ("anlægsloft",)),
        ("Chikane", "Men chikanen var værst.", ("chikane",)),
    ]
    with_questions = _shown(kw_project, suggest(kw_project, include_interviewer=True))
    assert ("Chikane", "Oplevede du chikane?", ("chikane",)) in with_questions
    assert ("Økonomi", "Og anlægsloftet?", ("anlægsloft",)) in with_questions


def test_turn_units_and_json_shape(kw_project):
    got = suggest(kw_project, unit="turn", codebook="kw", documents=["mette"])
    shown = _shown(kw_project, got)
    assert [code for code, _t, _terms in shown] == ["Chikane", "Økonomi", "Chikane", "Økonomi"]
    assert shown[0][1].startswith("Ja, der kom") and shown[0][1].endswith("trak ud.")
    assert shown[1][2] == ("økonomi", "budget*")
    assert got[0].as_json() == {"code": "Nøgleord/Chikane", "document": "mette",
                                "start": got[0].start, "end": got[0].end,
                                "terms": ["trussel", "sociale medier"]}


def test_accepted_suggestions_become_codings_with_origin_suggested(kw_project):
    first, *rest = suggest(kw_project, coder=None)
    with kw_project.session() as s:
        anna = coder_by_name(s, "Anna")
    result = accept_suggestions(kw_project, [first], anna)
    (row,) = list_codings(kw_project)
    assert (row.origin, row.coder, row.code, row.start, row.end) == (
        "suggested", "Anna", first.code, first.start, first.end)
    assert first not in suggest(kw_project, coder=anna)
    assert len(suggest(kw_project, coder=anna)) == len(rest)
    run(kw_project, result.inverse)  # undo
    assert list_codings(kw_project) == []
    assert first in suggest(kw_project, coder=anna)


def test_rejections_hide_for_that_coder_undo_and_follow_edits(kw_project):
    with kw_project.session() as s:
        anna, bo = coder_by_name(s, "Anna"), coder_by_name(s, "Bo")
    every = suggest(kw_project)
    result = reject_suggestions(kw_project, every[:2], anna)
    assert suggest(kw_project, coder=anna) == every[2:]
    assert suggest(kw_project, coder=bo) == every
    assert list_codings(kw_project) == []  # a rejection is no coding
    run(kw_project, result.inverse)
    assert suggest(kw_project, coder=anna) == every
    reject_suggestions(kw_project, every[:1], anna)
    with kw_project.session() as s:
        text = document_by_name(s, "mette").text
    edit_text(kw_project, "mette", "Interview fra 2024.\n\n" + text)  # offsets move
    moved = suggest(kw_project, coder=anna)
    assert [x.terms for x in moved] == [x.terms for x in every[1:]]
    assert [x.start for x in moved] == [x.start + 21 for x in every[1:]]


def test_bad_arguments_are_explained(kw_project):
    with pytest.raises(NotFoundError, match="no codebook with id or name 'nej'.*kw"):
        suggest(kw_project, codebook="nej")
    with pytest.raises(QcoderError, match="unknown unit 'afsnit'"):
        suggest(kw_project, unit="afsnit")
    with pytest.raises(NotFoundError, match="no document named"):
        suggest(kw_project, documents=["findes ikke"])


def test_demo_project_gets_candidates_for_at_least_five_codes(tmp_path):
    path = build_demo(tmp_path / "demo.qcoder")
    with Project.open(path) as p:
        got = suggest(p)
        with p.session() as s:
            texts = {name: document_by_name(s, name).text for name in {x.document for x in got}}
    assert len({x.code for x in got}) >= 5
    for x in got:  # every candidate holds the terms it reports
        assert x.terms and texts[x.document][x.start:x.end].strip()


def test_candidates_carry_the_passage_its_marked_terms_and_the_codes_colour(kw_project):
    found = suggest(kw_project)
    listed = find_candidates(kw_project, found)
    assert [c.suggestion for c in listed] == found
    colours = {"Chikane": "#d62728", "Økonomi": "#1f77b4"}  # as KEYWORD_BOOK gives them
    marked = {}
    for c in listed:
        x = c.suggestion
        assert c.text == TRANSCRIPT[x.start:x.end]
        assert c.color == colours[x.code.split("/")[-1]]
        assert c.key == (x.code_id, x.document_id, x.start, x.end)
        marked[c.text] = [c.text[a:b] for a, b in c.marks]
    assert marked == {
        "Ja, der kom trusler på de sociale medier.": ["trusler", "sociale medier"],
        "Økonomien var også stram.": ["Økonomien"],
        "Budgetforhandlingerne trak ud.": ["Budgetforhandlingerne"],
        "Anlægsloftet bandt os.": ["Anlægsloftet"],
        "Men chikanen var værst.": ["chikanen"],
    }


def test_a_candidate_is_current_until_an_edit_moves_its_passage(kw_project):
    listed = find_candidates(kw_project, suggest(kw_project))
    assert still_current(kw_project, listed)
    edit_text(kw_project, "mette", "Interview fra 2024.\n\n" + TRANSCRIPT)
    assert not still_current(kw_project, listed)
    assert still_current(kw_project, find_candidates(kw_project, suggest(kw_project)))


def test_the_coder_can_be_named_as_typed(kw_project):
    with kw_project.session() as s:
        anna = coder_by_name(s, "Anna").id
    reject_suggestions(kw_project, suggest(kw_project)[:1], anna)
    assert suggest(kw_project, coder="Anna") == suggest(kw_project, coder=anna)
    with pytest.raises(NotFoundError, match="no coder named 'Ana'.*'Anna'"):
        suggest(kw_project, coder="Ana")
