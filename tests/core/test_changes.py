"""What operations report they changed - read off the statements that reached the database -
checked against what each test knows it changed, on real project files; undo says the same;
the JSON form for NOTIFY; the journal views catch up from."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from qcoder.core.analysis.verdicts import set_verdict
from qcoder.core.cases.cases import get_or_create_attribute, get_or_create_case, link_document
from qcoder.core.cases.table import set_case_value
from qcoder.core.changes import ALL_DOCS, EVERYTHING, NOTHING, ChangeJournal, Changes, Docs, union
from qcoder.core.codebooks.code_merge import merge_codes
from qcoder.core.codebooks.code_ops import move_code, rename_code
from qcoder.core.coding.codings import (
    ApplyCoding,
    CodingSpec,
    apply_coding,
    remove_coding,
    resize_coding,
    set_coding_memo,
)
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.batch_import import import_files
from qcoder.core.documents.editing import edit_text
from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.removal import RemoveDocuments
from qcoder.core.documents.speakers import rename_speaker
from qcoder.core.errors import QcoderError
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import Batch, run
from qcoder.core.store.models import Base, Code, Coding
from qcoder.core.store.tracking import FIELD_OF_TABLE

METTE = """Interviewer: Hvordan oplevede du chikanen?

Mette: Jeg blev chikaneret på Facebook. Det fyldte meget.

Interviewer: Og borgmestrene i nabokommunerne?

Mette: Borgmesteren i Årø havde det værre.
"""


@pytest.fixture
def ids(project, tmp_path):
    """Two documents, so that "this document" can be told from "every document"."""
    src = tmp_path / "mette.txt"
    src.write_text(METTE, encoding="utf-8")
    add_document(project, read_transcript(src), kind="mayor_interview")
    with project.transaction() as s:
        doc, mette = document_by_name(s, "interview"), document_by_name(s, "mette")
        return {"doc": doc.id, "mette": mette.id, "text": doc.text,
                "chikane": code_by_path(s, "Test æøå/Chikane").id,
                "ovrige": code_by_path(s, "Test æøå/Øvrige").id,
                "policy": code_by_path(s, "Test æøå/Policy-seeking").id,
                "anna": coder_by_name(s, "Anna", create=True).id}


def _coded(project, ids, word="trusler", code="chikane") -> str:
    start = ids["text"].index(word)
    return apply_coding(project, ids["doc"], start, start + len(word), ids[code],
                        ids["anna"]).value


def _in_doc(doc_id: int, **more) -> Changes:
    return Changes(codings=Docs.of({doc_id}), **more)


def test_coding_operations_and_their_undo_name_only_their_document(project, ids):
    start = ids["text"].index("trusler")
    applied = apply_coding(project, ids["doc"], start, start + 7, ids["chikane"], ids["anna"])
    assert applied.changes == _in_doc(ids["doc"])
    uuid = applied.value
    for change in (lambda: resize_coding(project, uuid, start, start + 10),
                   lambda: set_coding_memo(project, uuid, "en note"),
                   lambda: remove_coding(project, uuid)):
        result = change()
        assert result.changes == _in_doc(ids["doc"])
        assert run(project, result.inverse).changes == _in_doc(ids["doc"])   # its undo
    assert run(project, applied.inverse).changes == _in_doc(ids["doc"])


def test_code_edits_touch_the_code_tree_and_a_merge_the_codings_it_moves(project, ids):
    renamed = rename_code(project, ids["chikane"], "Chikane og trusler")
    assert renamed.changes == Changes(codes=True)
    assert run(project, renamed.inverse).changes == Changes(codes=True)
    moved = move_code(project, ids["ovrige"], parent=ids["policy"])
    assert moved.changes == Changes(codes=True)
    assert run(project, moved.inverse).changes == Changes(codes=True)

    _coded(project, ids, "trusler", "chikane")
    merged = merge_codes(project, ids["chikane"], ids["ovrige"])
    assert merged.value == 1
    # the source code goes, its coding in `interview` moves, a memo on the target says so
    expected = Changes(codings=Docs.of({ids["doc"]}), codes=True, memos=True)
    assert merged.changes == expected
    assert run(project, merged.inverse).changes == expected


def test_case_values_and_verdicts(project, ids):
    with project.transaction() as s:
        case = get_or_create_case(s, "Borgmester Jens")
        link_document(s, document_by_name(s, "interview"), case)
        attribute = get_or_create_attribute(s, "appendix", "number")
        case_uuid, attribute_uuid = case.uuid, attribute.uuid
    value = set_case_value(project, case_uuid, attribute_uuid, "7")
    assert value.changes == Changes(cases=True)
    assert run(project, value.inverse).changes == Changes(cases=True)
    verdict = set_verdict(project, "Borgmester Jens", "H1", "støtte")
    assert verdict.changes == Changes(hypotheses=True)
    assert run(project, verdict.inverse).changes == Changes(hypotheses=True)


def test_speaker_rename_and_transcript_edit_touch_their_document(project, ids):
    renamed = rename_speaker(project, "mette", "Mette", "Borgmester Mette")
    # the speaker, and the turns that carry its name as their label
    expected = Changes(documents=Docs.of({ids["mette"]}), speakers=Docs.of({ids["mette"]}))
    assert renamed.changes == expected
    assert run(project, renamed.inverse).changes == expected

    _coded(project, ids, "Økonomien", "policy")
    text = ids["text"]
    edited = edit_text(project, "interview", text.replace("Økonomien bandt os", "Pengene manglede"))
    changed = edited.changes
    assert ids["doc"] in changed.documents and ids["mette"] not in changed.documents
    assert changed.codings == Docs.of({ids["doc"]})   # the coding of the edited words is set aside
    assert not (changed.codes or changed.cases or changed.hypotheses or changed.memos)
    undone = run(project, edited.inverse).changes
    assert undone.documents == Docs.of({ids["doc"]}) and undone.codings == Docs.of({ids["doc"]})


def test_an_import_says_everything_each_of_its_steps_says_what_and_its_undo_too(
        project, ids, tmp_path):
    src = tmp_path / "ny.txt"
    src.write_text(METTE.replace("Mette", "Ole"), encoding="utf-8")
    before = project.revision
    imported = import_files(project, [src], index=False)
    assert imported.changes.is_everything
    with project.session() as s:
        new = document_by_name(s, "ny").id
    journaled, _now = project.journal.since(before)
    assert journaled == Changes(documents=Docs.of({new}), speakers=Docs.of({new}))
    undone = run(project, imported.inverse).changes
    assert undone.documents == Docs.of({new}) and undone.speakers == Docs.of({new})
    assert ids["doc"] not in undone.documents and ids["mette"] not in undone.speakers


def test_removing_a_document_names_it_in_every_kind_of_row_it_owned(project, ids):
    _coded(project, ids)
    with project.session() as s:
        uuid = document_by_name(s, "interview").uuid
    removed = run(project, RemoveDocuments((uuid,)))
    doc = Docs.of({ids["doc"]})
    assert removed.changes == Changes(documents=doc, codings=doc, speakers=doc)
    assert run(project, removed.inverse).changes == Changes(documents=doc, codings=doc,
                                                             speakers=doc)


@dataclass(frozen=True)
class _Statement:
    """A test operation running one Core statement, as operations may."""

    make: object
    label: str = "Test"

    def execute(self, session):
        session.execute(self.make())
        return None, self


def test_what_the_database_deletes_by_itself_is_followed(project, ids):
    """Deleting a code with Core: the schema's ON DELETE CASCADE removes its codings (only in
    `interview`) and its sub-codes; the tracker reads both before the database acts."""
    _coded(project, ids, "trusler", "chikane")
    with project.transaction() as s:
        child = code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer").id
    start = ids["text"].index("Økonomien")
    apply_coding(project, ids["doc"], start, start + 9, child, ids["anna"])
    result = run(project, _Statement(lambda: sa.delete(Code).where(Code.id == ids["policy"])))
    assert result.changes == Changes(codings=Docs.of({ids["doc"]}), codes=True,
                                     hypotheses=True)   # Policy-seeking's link to H1 goes too
    with project.session() as s:
        assert s.get(Code, child) is None   # the sub-code went with it
    # a statement that matches nothing changes nothing
    assert run(project, _Statement(lambda: sa.delete(Coding).where(Coding.id == -1))
               ).changes == NOTHING
    assert run(project, _Statement(lambda: sa.update(Code).where(Code.id == -1)
                                   .values(name="x"))).changes == NOTHING


def test_core_updates_name_the_documents_their_where_matches(project, ids):
    _coded(project, ids)
    result = run(project, _Statement(lambda: sa.update(Coding).where(
        Coding.code_id == ids["chikane"]).values(memo="alle")))
    assert result.changes == _in_doc(ids["doc"])
    moved = run(project, _Statement(lambda: sa.update(Coding).values(document_id=ids["mette"])))
    assert moved.changes == Changes(codings=ALL_DOCS)   # moving rows: coarse, never missing


def test_sql_text_that_writes_counts_as_everything(project, ids):
    assert run(project, _Statement(lambda: sa.text("UPDATE codes SET flagged = ''"))
               ).changes.is_everything
    assert run(project, _Statement(lambda: sa.text("SELECT 1"))).changes == NOTHING
    recursive = sa.select(Code.id).cte("tree", recursive=True)   # reads, though it starts WITH
    assert run(project, _Statement(lambda: sa.select(recursive))).changes == NOTHING


def test_a_refused_operation_changes_nothing_and_bumps_no_revision(project, ids):
    revision = project.revision
    with pytest.raises(QcoderError):
        apply_coding(project, ids["doc"], 5, 10_000, ids["chikane"], ids["anna"])
    assert project.revision == revision
    assert project.journal.since(revision) == (NOTHING, revision)


def test_the_journal_unites_what_happened_since_a_revision(project, ids):
    start = project.revision
    _coded(project, ids)
    middle = project.revision
    rename_code(project, ids["chikane"], "Chikane 2")
    assert project.journal.since(start) == (_in_doc(ids["doc"], codes=True), project.revision)
    assert project.journal.since(middle)[0] == Changes(codes=True)
    assert project.journal.since(project.revision)[0] == NOTHING


def test_a_journal_that_dropped_old_entries_says_everything_to_a_late_reader():
    journal = ChangeJournal(keep=2)
    for doc in (1, 2, 3):
        journal.record(Changes(codings=Docs.of({doc})))
    assert journal.since(0) == (EVERYTHING, 3)   # revision 1 was dropped
    assert journal.since(1) == (Changes(codings=Docs.of({2, 3})), 3)
    journal.record(NOTHING)                       # a read-only transaction: no entry
    assert journal.since(3) == (NOTHING, 4)


def test_union_emptiness_and_every_document():
    a = Changes(codings=Docs.of({1}), codes=True)
    b = Changes(codings=Docs.of({2}), documents=Docs.of({2}))
    assert a | b == Changes(codings=Docs.of({1, 2}), documents=Docs.of({2}), codes=True)
    assert not NOTHING and a and not Docs() and ALL_DOCS
    assert 12345 in ALL_DOCS and 1 in a.codings and 2 not in a.codings
    assert (a | Changes(codings=ALL_DOCS)).codings == ALL_DOCS
    assert ALL_DOCS.listed() is None and a.codings.listed() == [1]
    assert union([a, b, NOTHING]) == a | b
    assert (a | EVERYTHING).is_everything and not a.is_everything


def test_json_round_trip_and_limits():
    c = Changes(codings=Docs.of({3, 1}), speakers=ALL_DOCS, codes=True, settings=True)
    text = c.to_json()
    assert text == '{"codings":[1,3],"speakers":"*","codes":true,"settings":true}'
    assert Changes.from_json(text) == c
    assert Changes.from_json(NOTHING.to_json()) == NOTHING
    assert EVERYTHING.to_json() == '"*"' and Changes.from_json('"*"') == EVERYTHING
    # a NOTIFY payload has a size limit: long document lists widen to every document
    many = Changes(codings=Docs.of(range(5000)), memos=True)
    short = many.to_json(max_length=7900)
    assert len(short) <= 7900 and Changes.from_json(short) == Changes(codings=ALL_DOCS, memos=True)
    # a field a newer qcoder sends and this one does not know: everything, never lost
    assert Changes.from_json('{"codings":[1],"whiteboards":true}') == EVERYTHING


def test_every_table_belongs_to_a_kind_of_change_and_no_key_cascades_on_update():
    """A new table must say which views it concerns (or every change to it is 'everything');
    the tracker follows ON DELETE rules and assumes there are no ON UPDATE ones."""
    assert set(Base.metadata.tables) == set(FIELD_OF_TABLE)
    assert all(fk.onupdate is None for table in Base.metadata.tables.values()
               for fk in table.foreign_keys)


def test_a_batch_says_what_all_its_parts_changed(project, ids):
    start = ids["text"].index("trusler")
    mette_start = METTE.index("Facebook")
    batch = Batch((ApplyCoding(CodingSpec(ids["doc"], start, start + 7, ids["chikane"],
                                          ids["anna"])),
                   ApplyCoding(CodingSpec(ids["mette"], mette_start, mette_start + 5,
                                          ids["chikane"], ids["anna"]))))
    assert run(project, batch).changes == Changes(codings=Docs.of({ids["doc"], ids["mette"]}))
