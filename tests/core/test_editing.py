"""Editing transcripts after coding: offsets carried through a diff, detached codings kept,
undo/redo exact. Property tests (hypothesis) check that random edits never lose or misplace
a coding whose text survived."""

from __future__ import annotations

import re

import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.documents.batch_import import import_files
from qcoder.core.documents.editing import ReattachCoding, detached_codings, edit_text
from qcoder.core.documents.offset_map import OffsetMap
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.store.models import StructureRange
from qcoder.core.store.models_editing import DetachedCoding
from qcoder.core.store.models_nlp import SuggestionRejection
from tests.conftest import dump_project

# -- the offset map on its own -----------------------------------------------------------------


@st.composite
def splice(draw, alphabet):
    old = draw(st.text(alphabet=alphabet, min_size=1, max_size=80))
    a = draw(st.integers(0, len(old)))
    b = draw(st.integers(a, len(old)))
    insert = draw(st.text(alphabet=alphabet + "xyz", max_size=12))
    spans = draw(st.lists(st.tuples(st.integers(0, len(old) - 1), st.integers(1, 20)),
                          min_size=1, max_size=8))
    codings = [(s, min(len(old), s + n)) for s, n in spans]
    return old, a, b, insert, codings


def _whole_word(text, start, end):
    return any((m.start() == 0 or not text[m.start() - 1].isalnum())
               and (m.end() == len(text) or not text[m.end()].isalnum())
               for m in re.finditer(r"\w+", text[:end]) if m.start() >= start)


def _check_splice(old, a, b, insert, codings):
    new = old[:a] + insert + old[b:]
    mapping = OffsetMap(old, new)
    shift = len(insert) - (b - a)
    for s, e in codings:
        text = old[s:e]
        place = mapping.range(s, e)
        if e <= a or s >= b:     # untouched by the edit: same text, near its true place
            assert place is not None, (s, e)
            assert new[place[0]:place[1]] == text
            truth = s if e <= a else s + shift
            assert abs(place[0] - truth) <= (b - a) + len(insert) + len(text)
        elif (_whole_word(old, s, a) and _whole_word(new, s, a)) or (
                _whole_word(old, b, e) and _whole_word(new, b + shift, e + shift)):
            # partly edited: a word that survived whole keeps the coding alive
            assert place is not None, (s, e)
            assert 0 <= place[0] < place[1] <= len(new)
            if s < a and e > b:  # the edit sat inside: the coding spans it
                assert new[place[0]:place[1]].startswith(old[s:a]) or a - s < 2
        if place is not None:
            assert 0 <= place[0] < place[1] <= len(new)


@settings(max_examples=600, deadline=None)
@given(splice("ab \n"))
# the head of a coding deleted: the diff reads the deletion as keeping the first "a" and the
# last space, which leaves the coding no word; read shifted one "a" left it keeps "a "
@example(("aaaaaaaaaaaaaaaa a ", 0, 17, "", [(1, 19)]))
# the same with a fragment: the diff's reading leaves "a" of "aa", the shifted one all of "aa"
@example(("a aaaaaaaa aa", 0, 11, "", [(2, 13)]))
# an untouched "a " after an insertion that may slide: its look-alike inside the inserted text
# ("aa  aaaa  a ", at 1) is no reading of the diff; the range belongs at 10
@example(("aa  a ", 1, 1, "a  aaa", [(4, 6)]))
# ...but a shift the text after a change moved by counts even where no text follows it
@example(("aaa", 0, 1, "", [(2, 3)]))
def test_random_splices_small_alphabet(case):
    _check_splice(*case)


@settings(max_examples=400, deadline=None)
@given(splice("kommunæøå .\n"))
def test_random_splices_danish_words(case):
    _check_splice(*case)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc æ.\n", min_size=1, max_size=15), min_size=4, max_size=30),
       st.data())
def test_several_edits_keep_untouched_codings(words, data):
    """Edit several separate places at once; codings away from every edit keep their text."""
    old = "|".join(words)
    pieces = old.split("|")
    edited = set(data.draw(st.sets(st.integers(0, len(pieces) - 1), max_size=3)))
    new_pieces = [data.draw(st.text(alphabet="xyz ø", max_size=8)) if i in edited else p
                  for i, p in enumerate(pieces)]
    new = "|".join(new_pieces)
    starts = [sum(len(p) + 1 for p in pieces[:i]) for i in range(len(pieces))]
    mapping = OffsetMap(old, new)
    for i, piece in enumerate(pieces):
        if i in edited or i - 1 in edited or i + 1 in edited or not piece:
            continue
        place = mapping.range(starts[i], starts[i] + len(piece))
        assert place is not None and new[place[0]:place[1]] == piece


def test_typical_fixes():
    old = "Jens: Vi havde ikke penge til kommue-planen, og det var hårdt.\n"
    new = "Jens: Vi havde ikke penge til kommuneplanen, og det var meget hårdt.\n"
    m = OffsetMap(old, new)

    def moved(word):
        s = old.index(word)
        place = m.range(s, s + len(word))
        return new[place[0]:place[1]] if place else None

    assert moved("kommue-planen") == "kommuneplanen"       # a fix inside follows the coding
    assert moved("penge") == "penge"
    assert moved("hårdt.") == "hårdt."
    assert moved("det var hårdt") == "det var meget hårdt"  # an insertion inside is included
    gone = OffsetMap("A: Ja. Nej. Måske.", "A: Ja. Måske.")
    assert gone.range(7, 11) is None                       # "Nej." deleted entirely


# -- editing a real project --------------------------------------------------------------------

TRANSCRIPT = """Interviewer: Hvorfor stoppede du som borgmester?
Jens: Økonomien bandt os. Vi kunne ikke gennemføre det, vi var valgt på.
Interviewer: Og familien?
Jens: Der kom trusler på de sociale medier. Det var hårdt for min kone.
"""
EDITED = """Interviewer: Hvorfor stoppede du som borgmester i Skæve Kommune?
Jens: Økonomien bandt os. Vi kunne ikke gennemføre det, vi blev valgt på.
Interviewer: Og familien?
Jens: Det var hårdt for min kone.
"""


def _setup(project, tmp_path):
    src = tmp_path / "borgmester.txt"
    src.write_text(TRANSCRIPT.replace("Og familien?", "Og familien?\f"), encoding="utf-8")
    import_files(project, [src])
    with project.transaction() as s:
        doc = document_by_name(s, "borgmester")
        code = code_by_path(s, "Test æøå/Chikane")
        econ = code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer")
        anna = coder_by_name(s, "Anna", create=True)
        text = doc.text
    ids = {}
    for quote, c in [("trusler på de sociale medier", code), ("Økonomien bandt os", econ),
                     ("Det var hårdt for min kone.", code),
                     ("vi var valgt på", econ), ("Der kom trusler", econ)]:
        start = text.index(quote)
        ids[quote] = apply_coding(project, doc, start, start + len(quote), c, anna).value
    with project.transaction() as s:
        s.add(SuggestionRejection(document_id=doc.id, code_id=code.id, coder_id=anna.id,
                                  start=text.index("hårdt"), end=text.index("hårdt") + 5))
    return doc.id, ids


def _snapshot(project, doc_id):
    with project.session() as s:
        ranges = sorted((r.id, r.kind, r.start, r.end, r.label, r.speaker_id)
                        for r in s.scalars(sa.select(StructureRange)
                                           .where(StructureRange.document_id == doc_id)))
        rejections = sorted((r.id, r.start, r.end) for r in s.scalars(sa.select(SuggestionRejection)))
        detached = sorted(d.uuid for d in s.scalars(sa.select(DetachedCoding)))
    codings = sorted((r.uuid, r.start, r.end, r.code, r.coder, r.text) for r in list_codings(project))
    return codings, ranges, rejections, detached


def test_edit_moves_codings_and_structure_and_keeps_detached(project, tmp_path):
    doc_id, ids = _setup(project, tmp_path)
    before = _snapshot(project, doc_id)
    result = edit_text(project, "borgmester", EDITED)
    report = result.value
    assert (report.codings, report.changed) == (3, 1)
    assert [(d.code, d.coder, d.text) for d in report.detached] == [
        ("Test æøå/Policy-seeking/Økonomiske barrierer", "Anna", "Der kom trusler"),
        ("Test æøå/Chikane", "Anna", "trusler på de sociale medier")]
    rows = {r.uuid: r for r in list_codings(project)}
    assert rows[ids["Økonomien bandt os"]].text == "Økonomien bandt os"
    assert rows[ids["Det var hårdt for min kone."]].text == "Det var hårdt for min kone."
    assert rows[ids["vi var valgt på"]].text == "vi blev valgt på"
    assert {d.uuid for d in detached_codings(project, "borgmester")} == {
        ids["trusler på de sociale medier"], ids["Der kom trusler"]}
    with project.session() as s:
        doc = s.get(type(document_by_name(s, "borgmester")), doc_id)
        turns = [doc.text[r.start:r.end] for r in doc.ranges if r.kind == "turn"]
        pages = [doc.text[r.start:r.end] for r in doc.ranges if r.kind == "page"]
        (rej,) = s.scalars(sa.select(SuggestionRejection))
        assert doc.text[rej.start:rej.end] == "hårdt"
    assert turns == ["Hvorfor stoppede du som borgmester i Skæve Kommune?",
                     "Økonomien bandt os. Vi kunne ikke gennemføre det, vi blev valgt på.",
                     "Og familien?", "Det var hårdt for min kone."]
    assert pages[1] == "Jens: Det var hårdt for min kone.\n"   # the last page runs to the end
    # undo restores text, offsets, structure and the detached codings exactly; redo re-applies
    undo = run(project, result.inverse)
    assert _snapshot(project, doc_id) == before
    run(project, undo.inverse)
    assert len(detached_codings(project)) == 2


def test_reattach_a_detached_coding(project, tmp_path):
    doc_id, ids = _setup(project, tmp_path)
    edit_text(project, "borgmester", EDITED)
    uuid = ids["Der kom trusler"]
    with project.session() as s:
        text = document_by_name(s, "borgmester").text
    start = text.index("Det var hårdt")
    result = run(project, ReattachCoding(uuid, start, start + len("Det var hårdt")))
    assert {r.uuid: r.text for r in list_codings(project)}[uuid] == "Det var hårdt"
    assert uuid not in {d.uuid for d in detached_codings(project)}
    run(project, result.inverse)
    assert uuid in {d.uuid for d in detached_codings(project)}


def test_empty_edit_is_refused(project):
    import pytest

    from qcoder.core.errors import QcoderError

    with pytest.raises(QcoderError, match="empty"):
        edit_text(project, "interview", "  \n")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_edits_in_a_real_project_round_trip(project, tmp_path_factory, data):
    """Whatever the edit: every coding is kept or detached (none lost), all ranges stay inside
    the text, and undo gives back exactly the project before the edit."""
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        doc_id, text = doc.id, doc.text
        code = code_by_path(s, "Test æøå/Chikane")
        coder = coder_by_name(s, "Bo", create=True)
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text) - 2), st.integers(1, 40)),
                               min_size=1, max_size=6))
    results = [apply_coding(project, doc_id, s, min(len(text), s + n), code, coder)
               for s, n in spans]
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a, len(text)))
    insert = data.draw(st.text(alphabet="abcæøå .\n", max_size=30))
    new = text[:a] + insert + text[b:]
    if not new.strip():
        return
    before = _snapshot(project, doc_id)
    result = edit_text(project, doc_id, new)
    codings, ranges, _rej, detached = _snapshot(project, doc_id)
    assert len(codings) + len(detached) == len(before[0])
    assert all(0 <= s < e <= len(new) for _k, _kind, s, e, *_ in ranges)
    run(project, result.inverse)
    assert _snapshot(project, doc_id) == before
    for r in results:
        run(project, r.inverse)


def test_removing_an_edited_document_is_undone_exactly(project, tmp_path):

    from qcoder.core.documents.removal import RemoveDocuments

    doc_id, _ids = _setup(project, tmp_path)
    edit_text(project, "borgmester", EDITED)

    def dump():
        return sorted(dump_project(project.path))

    before = dump()
    with project.session() as s:
        uuid = document_by_name(s, "borgmester").uuid
    removed = run(project, RemoveDocuments((uuid,)))
    assert detached_codings(project) == [] and removed.value == 1
    run(project, removed.inverse)
    assert dump() == before


def test_two_edits_on_one_line_detach_the_deleted_sentence():
    """An insertion early in a line and a deleted sentence at its end: the deleted sentence's
    coding must be detached, not moved onto a full stop the diff happened to match."""
    old = ("Jens: Der kom trusler på de sociale medier, og min familie blev påvirket. "
           "Det var hårdt.\n\nInterviewer: Tak.\n")
    new = ("Jens: Der kom mange grove trusler på de sociale medier, og min familie blev "
           "påvirket.\n\nInterviewer: Tak.\n")
    m = OffsetMap(old, new)
    gone = old.index("Det var hårdt.")
    assert m.range(gone, gone + len("Det var hårdt.")) is None
    kept = old.index("trusler")
    start, end = m.range(kept, kept + len("trusler"))
    assert new[start:end] == "trusler"
    start, end = m.range(old.index("familie"), old.index("påvirket") + len("påvirket"))
    assert new[start:end] == "familie blev påvirket"


def test_an_edit_refreshes_the_stored_sentences_and_lemmas(project, tmp_path):
    """Search and agreement read stored sentences: after an edit (and its undo) they are current."""
    from qcoder.core.language.text_index import ensure_indexed, find_lemma, stale_documents

    with project.session() as s:
        doc = document_by_name(s, "interview")
    ensure_indexed(project, [doc.id])
    result = edit_text(project, "interview", doc.text.replace("trusler", "hærværk"))
    with project.session() as s:
        assert stale_documents(s, [doc.id]) == []
        assert find_lemma(s, "hærværk") and not find_lemma(s, "trussel")
    run(project, result.inverse)
    with project.session() as s:
        assert stale_documents(s, [doc.id]) == []
        assert find_lemma(s, "trussel") and not find_lemma(s, "hærværk")
