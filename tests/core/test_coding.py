"""Coding operations and their inverses (the undo/redo contract)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.coding.codings import (
    apply_coding,
    list_codings,
    merge_overlapping,
    remove_coding,
    resize_coding,
    set_coding_memo,
)
from qcoder.core.coding.memos import MemoTarget, memo_target
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.store.models import Case


def _ids(project, code="Test æøå/Chikane", coder="Anna"):
    with project.transaction() as s:
        return (document_by_name(s, "interview"), code_by_path(s, code),
                coder_by_name(s, coder, create=True))


def _state(project):
    return [(r.uuid, r.start, r.end, r.code, r.coder, r.memo) for r in list_codings(project)]


def test_apply_lists_text_and_undo_redo(project):
    doc, code, coder = _ids(project)
    start = doc.text.index("trusler")
    result = apply_coding(project, doc, start, start + len("trusler"), code, coder, memo="vigtig")
    (row,) = list_codings(project)
    assert (row.text, row.code, row.coder, row.memo, row.round) == (
        "trusler", "Test æøå/Chikane", "Anna", "vigtig", 1)
    before = _state(project)
    redo = run(project, result.inverse).inverse  # undo
    assert list_codings(project) == []
    run(project, redo)  # redo restores the same coding, same UUID
    assert _state(project) == before


def test_remove_resize_memo_are_undoable(project):
    doc, code, coder = _ids(project)
    uuid = apply_coding(project, doc, 10, 20, code, coder).value
    original = _state(project)

    undo = resize_coding(project, uuid, 5, 25).inverse
    assert list_codings(project)[0].start == 5
    run(project, undo)
    assert _state(project) == original

    undo = set_coding_memo(project, uuid, "ny memo").inverse
    run(project, undo)
    assert _state(project) == original

    undo = remove_coding(project, uuid).inverse
    assert list_codings(project) == []
    run(project, undo)
    assert _state(project) == original


def test_offsets_outside_text_are_refused_and_change_nothing(project):
    doc, code, coder = _ids(project)
    with pytest.raises(QcoderError, match="does not fit"):
        apply_coding(project, doc, 0, len(doc.text) + 1, code, coder)
    with pytest.raises(QcoderError, match="does not fit"):
        apply_coding(project, doc, 10, 10, code, coder)
    assert list_codings(project) == []


def test_merge_overlapping_and_its_undo(project):
    doc, code, coder = _ids(project)
    other_code = _ids(project, code="Test æøå/Policy-seeking")[1]
    bo = _ids(project, coder="Bo")[2]
    apply_coding(project, doc, 10, 20, code, coder, memo="a")
    apply_coding(project, doc, 15, 30, code, coder, memo="b")
    apply_coding(project, doc, 30, 35, code, coder)        # touching: joins too
    apply_coding(project, doc, 50, 60, code, coder)        # separate
    apply_coding(project, doc, 12, 18, other_code, coder)  # other code: untouched
    apply_coding(project, doc, 12, 40, code, bo)           # other coder: untouched
    before = _state(project)
    result = merge_overlapping(project, code, coder)
    assert result.value == 2
    anna = [(r.start, r.end, r.memo) for r in list_codings(project, coder=coder, code=code)]
    assert anna == [(10, 35, "a\n\nb"), (50, 60, "")]
    assert len(list_codings(project)) == 4
    run(project, result.inverse)
    assert sorted(_state(project)) == sorted(before)


def test_list_codings_with_children(project):
    doc, parent, coder = _ids(project, code="Test æøå/Policy-seeking")
    child = _ids(project, code="Test æøå/Policy-seeking/Økonomiske barrierer")[1]
    apply_coding(project, doc, 0, 5, parent, coder)
    apply_coding(project, doc, 5, 9, child, coder)
    assert len(list_codings(project, code=parent)) == 1
    assert [r.code for r in list_codings(project, code=parent, with_children=True)] == [
        "Test æøå/Policy-seeking", "Test æøå/Policy-seeking/Økonomiske barrierer"]


def test_list_codings_takes_the_coder_and_code_as_typed(project):
    doc, code, anna = _ids(project)
    bo = _ids(project, coder="Bo")[2]
    apply_coding(project, doc, 0, 5, code, anna)
    apply_coding(project, doc, 5, 9, code, bo)
    apply_coding(project, doc, 9, 12, _ids(project, code="Test æøå/Øvrige")[1], anna)
    rows = list_codings(project, coder="Anna", code="Test æøå/Chikane")
    assert [(r.start, r.end, r.coder, r.code) for r in rows] == [
        (0, 5, "Anna", "Test æøå/Chikane")]
    assert rows == list_codings(project, coder=anna.id, code=code.id)
    with pytest.raises(NotFoundError, match="no coder named 'Ana'.*'Anna'"):
        list_codings(project, coder="Ana")
    with pytest.raises(NotFoundError, match="no code 'Chikan'.*'Chikane'"):
        list_codings(project, code="Test æøå/Chikan")


def test_a_memo_target_is_found_by_id_or_uuid_with_its_name(project):
    doc, code, _coder = _ids(project)
    with project.transaction() as s:
        s.add(Case(name="Jens æøå"))
    with project.session() as s:
        case = s.scalar(sa.select(Case))
        case_uuid, case_id = case.uuid, case.id
    assert memo_target(project, "document", id=doc.id) == MemoTarget(
        "document", doc.uuid, "interview")
    assert memo_target(project, "code", id=code.id) == MemoTarget("code", code.uuid, "Chikane")
    assert memo_target(project, "case", uuid=case_uuid) == MemoTarget(
        "case", case_uuid, "Jens æøå")
    assert memo_target(project, "case", id=case_id).uuid == case_uuid
    assert memo_target(project, "document", id=doc.id + 100) is None
    assert memo_target(project, "case", uuid="no-such-uuid") is None
    with pytest.raises(QcoderError, match="not 'project'"):
        memo_target(project, "project", uuid=None)
