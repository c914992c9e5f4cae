"""Core of the workbench: search (plain, regex, lemma), memos, retrieval with citations,
units under the cursor, case values and coding progress - on real project files."""

from __future__ import annotations

import pytest

from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.cases.table import case_table, set_case_value
from qcoder.core.coding.codings import apply_coding
from qcoder.core.coding.memos import DeleteMemo, journal, memo_on, set_memo
from qcoder.core.coding.progress import coding_progress, covered_length
from qcoder.core.coding.retrieval import segments
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.units import paragraph_at, snap_to_words, unit_at
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.language.search import derived, search
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run

CHIKANE = """Interviewer: Hvordan oplevede du chikanen?

Mette: Jeg blev chikaneret på Facebook. Chikane var hverdag. Chikanerne kom om natten.
Det fyldte meget.

Interviewer: Og borgmestrene i nabokommunerne?

Mette: Borgmesteren i Årø havde det værre.
"""


@pytest.fixture
def ids(project, tmp_path):
    src = tmp_path / "mette.txt"
    src.write_text(CHIKANE, encoding="utf-8")
    add_document(project, read_transcript(src), kind="mayor_interview")
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        mette = document_by_name(s, "mette")
        code = code_by_path(s, "Test æøå/Chikane")
        parent = code_by_path(s, "Test æøå/Policy-seeking")
        child = code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer")
        anna = coder_by_name(s, "Anna", create=True)
        bo = coder_by_name(s, "Bo", create=True)
        case = get_or_create_case(s, "Borgmester Jens")
        link_document(s, doc, case)
        for name, type_, raw in (("first_name", "text", "Jens"), ("appendix", "number", "2")):
            set_value(s, case, get_or_create_attribute(s, name, type_), raw)
        return {"doc": doc, "mette": mette, "code": code, "parent": parent, "child": child, "anna": anna,
                    "bo": bo, "case": case}


def test_plain_regex_and_lemma_search(project, ids):
    plain = search(project, "chikane")
    assert {(h.document, h.text) for h in plain} >= {("mette", "chikane"), ("mette", "Chikane")}
    assert all(h.text.lower().startswith("chikane") for h in plain)
    mette = ids["mette"].text
    for h in plain:
        assert (ids["mette"].text if h.document == "mette" else ids["doc"].text)[h.start:h.end] == h.text
    assert [(h.document, h.text) for h in search(project, r"chikane\w+", "regex")] == [
        ("interview", "chikanen"), ("mette", "chikanen"), ("mette", "chikaneret"),
        ("mette", "Chikanerne")]
    lemma = search(project, "chikane", "lemma")
    found = {h.text for h in lemma}
    assert {"chikanen", "chikaneret", "Chikane", "Chikanerne"} <= found
    assert all(mette[h.start:h.end] == h.text for h in lemma if h.document == "mette")
    assert {h.text for h in search(project, "borgmester", "lemma")} == {
        "borgmester", "borgmestrene", "Borgmesteren"}
    # a phrase: each word by its lemma, in sequence
    assert [h.text for h in search(project, "socialt medium", "lemma")] == ["sociale medier"]
    assert search(project, "fodbold", "lemma") == []
    assert {h.text for h in search(project, "borgmest*", "lemma")} == {
        "borgmester", "borgmestrene", "Borgmesteren"}


def test_search_errors_are_explained(project, ids):
    with pytest.raises(QcoderError, match="invalid at position"):
        search(project, "chik(", "regex")
    with pytest.raises(QcoderError, match="matches empty text"):
        search(project, "x*", "regex")
    with pytest.raises(QcoderError, match="empty"):
        search(project, "  ")
    assert {"chikanere"} <= derived("chikane") and "chikane" in derived("chikanere")
    assert "svare" in derived("svar") and derived("bo") == {"bo"}
    assert "true" not in derived("trussel")


def test_memos_on_targets_and_journal_undo(project, ids):
    doc_uuid = ids["doc"].uuid
    first = set_memo(project, "document", doc_uuid, "Første note", coder_id=ids["anna"].id)
    assert memo_on(project, "document", doc_uuid).text == "Første note"
    second = set_memo(project, "document", doc_uuid, "Ændret note æøå")
    assert memo_on(project, "document", doc_uuid).text == "Ændret note æøå"
    run(project, second.inverse)
    assert memo_on(project, "document", doc_uuid).text == "Første note"
    run(project, first.inverse)
    assert memo_on(project, "document", doc_uuid) is None
    entry = set_memo(project, "project", None, "Runde 1 slut", title="Dag 3")
    set_memo(project, "project", None, "Runde 2 start")
    assert [m.text for m in journal(project)] == ["Runde 1 slut", "Runde 2 start"]
    undo = run(project, DeleteMemo(entry.value)).inverse
    assert [m.text for m in journal(project)] == ["Runde 2 start"]
    run(project, undo)
    restored = journal(project)[0]
    assert (restored.uuid, restored.title, restored.text) == (entry.value, "Dag 3", "Runde 1 slut")
    with pytest.raises(NotFoundError):
        set_memo(project, "case", "no-such-uuid", "x")
    with pytest.raises(QcoderError):
        set_memo(project, "planet", "x", "x")


def test_retrieval_lists_segments_with_case_speaker_and_citation(project, ids):
    doc = ids["doc"]
    start = doc.text.index("Der kom trusler")
    apply_coding(project, doc, start, start + 15, ids["code"], ids["anna"], memo="tydelig")
    s2 = doc.text.index("Økonomien")
    apply_coding(project, doc, s2, s2 + 9, ids["child"], ids["bo"])
    (seg,) = segments(project, ids["code"].id)
    assert (seg.text, seg.coder, seg.memo, seg.case, seg.speaker) == (
        "Der kom trusler", "Anna", "tydelig", "Borgmester Jens", "Jens")
    # the mayor template wants a page, which this transcript has not: it says so
    assert seg.citation == "(Jens, bilag 2, s. ?)" and "missing page" in seg.citation_problem
    assert seg.quote() == "\u201dDer kom trusler\u201d (Jens, bilag 2, s. ?)"
    # the parent with its sub-codes, and without
    assert [s.code for s in segments(project, ids["parent"].id)] == [
        "Test æøå/Policy-seeking/Økonomiske barrierer"]
    assert segments(project, ids["parent"].id, with_children=False) == []
    assert segments(project, ids["parent"].id, coders={"Anna"}) == []
    m = ids["mette"].text.index("Jeg blev")
    apply_coding(project, ids["mette"], m, m + 8, ids["code"], ids["bo"])
    caseless = [s for s in segments(project, ids["code"].id) if s.document == "mette"][0]
    assert (caseless.case, caseless.speaker) == ("", "Mette")
    assert "first_name" in caseless.citation_problem


def test_units_under_the_cursor(project, ids):
    text = ids["mette"].text
    pos = text.index("Chikane var")
    turn = unit_at(project, ids["mette"].id, pos, "turn")
    assert text[turn[0]:turn[1]].startswith("Jeg blev") and text[turn[0]:turn[1]].endswith("meget.")
    sent = unit_at(project, ids["mette"].id, pos, "sentence")
    assert text[sent[0]:sent[1]] == "Chikane var hverdag."
    para = unit_at(project, ids["mette"].id, pos, "paragraph")
    assert text[para[0]:para[1]].startswith("Mette: Jeg blev") and text[para[0]:para[1]].endswith("meget.")
    # on the speaker label: the turn's speech, the first sentence without the label
    label = text.index("Mette:")
    assert unit_at(project, ids["mette"].id, label + 2, "turn") == turn
    first = unit_at(project, ids["mette"].id, label + 2, "sentence")
    assert text[first[0]:first[1]] == "Jeg blev chikaneret på Facebook."
    assert paragraph_at(text, text.index("\n\n") + 1) is None
    w = text.index("Facebook")
    assert text[slice(*snap_to_words(text, w + 2, w + 5))] == "Facebook"
    assert text[slice(*snap_to_words(text, w - 1, w + 8))] == "Facebook"


def test_case_table_values_are_validated_and_undoable(project, ids):
    table = case_table(project)
    (row,) = table.rows
    assert (row.name, row.documents, row.values) == ("Borgmester Jens", ["interview"],
                                                     {"first_name": "Jens", "appendix": "2"})
    attrs = {name: uuid for uuid, name, _t in table.attributes}
    undo = set_case_value(project, row.uuid, attrs["appendix"], "7").inverse
    assert case_table(project).rows[0].values["appendix"] == "7"
    run(project, undo)
    assert case_table(project).rows[0].values["appendix"] == "2"
    with pytest.raises(QcoderError, match="not a number"):
        set_case_value(project, row.uuid, attrs["appendix"], "syv")
    assert case_table(project).rows[0].values["appendix"] == "2"


def test_coding_progress_counts_overlaps_once(project, ids):
    doc = ids["doc"]
    apply_coding(project, doc, 10, 30, ids["code"], ids["anna"])
    apply_coding(project, doc, 20, 40, ids["parent"], ids["anna"])
    apply_coding(project, doc, 50, 60, ids["code"], ids["bo"])
    mine = coding_progress(project, {"Anna"})[doc.id]
    assert (mine.covered, mine.codings, mine.chars) == (30, 2, len(doc.text))
    assert coding_progress(project)[doc.id].covered == 40
    assert covered_length([(0, 5), (1, 3), (4, 9), (20, 21)]) == 10
