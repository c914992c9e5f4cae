"""Undoable code-tree operations: every change and its undo (and redo) on a real project."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.codebooks.code_merge import merge_codes
from qcoder.core.codebooks.code_ops import (
    add_code,
    delete_code,
    edit_code,
    move_code,
    recolour_code,
    rename_code,
)
from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.coding.rounds import set_current_round
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.store.models import Code, CodeHypothesis, Coding, Hypothesis, Memo, Meta

BOOK = "Test æøå"


def state(project) -> dict:
    """Everything a code operation may touch, by UUID, so states compare exactly."""
    with project.session() as s:
        uuid_of = dict(s.execute(sa.select(Code.id, Code.uuid)).all())
        codes = sorted(
            (c.uuid, c.id, c.codebook_id, uuid_of.get(c.parent_id), c.position, c.name, c.label_da,
             c.label_en, c.color, c.definition, c.include, c.exclude, tuple(c.indicators or []),
             c.example, tuple(c.keywords or []), tuple(c.survey_items or []), c.origin,
             c.round_added, c.flagged)
            for c in s.scalars(sa.select(Code)))
        links = sorted((uuid_of[link.code_id], link.hypothesis_id, link.direction)
                       for link in s.scalars(sa.select(CodeHypothesis)))
        codings = sorted((c.uuid, uuid_of[c.code_id], c.document_id, c.start, c.end, c.coder_id,
                          c.round, c.memo, c.origin, c.created)
                         for c in s.scalars(sa.select(Coding)))
        memos = sorted((m.uuid, m.target_kind, m.target_uuid, m.title, m.text)
                       for m in s.scalars(sa.select(Memo)))
        meta = dict(s.execute(sa.select(Meta.key, Meta.value)).all())
    return {"codes": codes, "links": links, "codings": codings, "memos": memos,
            "round": meta["current_round"]}


def code(project, path):
    with project.session() as s:
        return code_by_path(s, path)


def coding_on(project, path, text, coder="Anna"):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        target = code_by_path(s, path)
        who = coder_by_name(s, coder, create=True)
    start = doc.text.index(text)
    return apply_coding(project, doc, start, start + len(text), target, who).value


def check_undoable(project, do):
    """Run `do`, undo it, redo it: each step must land exactly on the right state."""
    before = state(project)
    result = do()
    after = state(project)
    assert after != before
    redo = run(project, result.inverse).inverse
    assert state(project) == before
    run(project, redo)
    assert state(project) == after
    return result


def test_add_code_is_deductive_before_coding_and_undoable(project):
    result = check_undoable(project, lambda: add_code(
        project, "test", "Ny kode æøå", parent=f"{BOOK}/Policy-seeking", color="#00ff00",
        definition="Def.", keywords=["nøgle"], hypotheses=[("H1", "contradicts")]))
    new = code(project, f"{BOOK}/Policy-seeking/Ny kode æøå")
    assert new.uuid == result.value
    assert (new.origin, new.round_added, new.color, new.keywords) == (
        "deductive", 1, "#00ff00", ["nøgle"])
    assert new.position == 1  # after 'Økonomiske barrierer'


def test_code_added_during_coding_is_inductive_with_current_round(project):
    coding_on(project, f"{BOOK}/Chikane", "trusler")
    set_current_round(project, 2)
    uuid = add_code(project, BOOK, "Symbolpolitik").value
    with project.session() as s:
        new = s.scalar(sa.select(Code).where(Code.uuid == uuid))
        assert (new.origin, new.round_added, new.parent_id) == ("inductive", 2, None)
    apply_coding(project, *_coding_args(project, "Økonomien", uuid))
    (row,) = [r for r in list_codings(project) if r.code.endswith("Symbolpolitik")]
    assert row.round == 2


def _coding_args(project, text, code_uuid):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        target = s.scalar(sa.select(Code).where(Code.uuid == code_uuid))
        who = coder_by_name(s, "Anna", create=True)
    start = doc.text.index(text)
    return doc, start, start + len(text), target, who


def test_rename_recolour_and_edit_every_field_are_undoable(project):
    path = f"{BOOK}/Chikane"
    check_undoable(project, lambda: rename_code(project, path, "Chikane og trusler"))
    assert code(project, f"{BOOK}/Chikane og trusler").name == "Chikane og trusler"
    check_undoable(project, lambda: recolour_code(project, f"{BOOK}/Chikane og trusler", "#abcdef"))
    values = {"label_da": "Chikane (da)", "label_en": "Harassment", "definition": "D", "include": "I",
                  "exclude": "E", "example": "X", "origin": "inductive", "flagged": "tjek", "round_added": 3,
                  "indicators": ["a", "b"], "keywords": ["trussel"], "survey_items": ["Q9"],
                  "hypotheses": [("H1", "contradicts")]}
    check_undoable(project, lambda: edit_code(project, f"{BOOK}/Chikane og trusler", **values))
    edited = code(project, f"{BOOK}/Chikane og trusler")
    assert (edited.label_en, edited.round_added, edited.survey_items) == ("Harassment", 3, ["Q9"])
    with project.session() as s:
        (link,) = s.scalars(sa.select(CodeHypothesis).where(CodeHypothesis.code_id == edited.id))
        assert link.direction == "contradicts"


@pytest.mark.parametrize("values, words", [
    ({"name": "Policy-seeking"}, "already a code 'Policy-seeking'"),
    ({"name": "a/b"}, "may not contain '/'"),
    ({"color": "rød"}, "#rrggbb"),
    ({"origin": "emergent"}, "deductive, inductive"),
    ({"round_added": 0}, "at least 1"),
    ({"hypotheses": [("H9", "supports")]}, "no hypothesis 'H9'"),
    ({"hypotheses": [("H1", "støtter")]}, "supports, contradicts"),
    ({"uuid": "x"}, "not a code field"),
])
def test_invalid_edits_are_refused_and_change_nothing(project, values, words):
    before = state(project)
    with pytest.raises(QcoderError, match=words):
        edit_code(project, f"{BOOK}/Chikane", **values)
    assert state(project) == before


def test_a_code_without_codebook_or_parent_is_refused_and_changes_nothing(project):
    before = state(project)
    with pytest.raises(QcoderError, match="code 'Løs' needs a codebook or a parent code"):
        add_code(project, None, "Løs")
    assert state(project) == before


def test_move_reparents_and_reorders_and_undo_restores_positions(project):
    check_undoable(project, lambda: move_code(project, f"{BOOK}/Chikane",
                                              parent=f"{BOOK}/Policy-seeking", index=0))
    policy = code(project, f"{BOOK}/Policy-seeking")
    with project.session() as s:
        kids = [c.name for c in s.scalars(sa.select(Code).where(Code.parent_id == policy.id)
                                           .order_by(Code.position))]
        top = [c.name for c in s.scalars(sa.select(Code).where(Code.parent_id.is_(None))
                                          .order_by(Code.position))]
    assert kids == ["Chikane", "Økonomiske barrierer"]
    assert top == ["Policy-seeking", "Øvrige"]
    # reorder at the top level: Øvrige first
    check_undoable(project, lambda: move_code(project, f"{BOOK}/Øvrige", index=0))


def test_move_into_own_subtree_or_onto_a_name_clash_is_refused(project):
    with pytest.raises(QcoderError, match="under itself"):
        move_code(project, f"{BOOK}/Policy-seeking", parent=f"{BOOK}/Policy-seeking/Økonomiske barrierer")
    add_code(project, "test", "Chikane", parent=f"{BOOK}/Policy-seeking")
    with pytest.raises(QcoderError, match="already a code 'Chikane'"):
        move_code(project, f"{BOOK}/Policy-seeking/Chikane")


def test_delete_without_codings_is_undoable_with_same_ids(project):
    old = code(project, f"{BOOK}/Policy-seeking")
    result = check_undoable(project, lambda: delete_code(project, f"{BOOK}/Policy-seeking"))
    with pytest.raises(NotFoundError):
        code(project, f"{BOOK}/Policy-seeking")
    run(project, result.inverse)
    again = code(project, f"{BOOK}/Policy-seeking/Økonomiske barrierer")
    assert code(project, f"{BOOK}/Policy-seeking").id == old.id
    assert again.parent_id == old.id


def test_delete_is_refused_with_the_count_when_codings_exist(project):
    coding_on(project, f"{BOOK}/Policy-seeking/Økonomiske barrierer", "Økonomien")
    coding_on(project, f"{BOOK}/Policy-seeking/Økonomiske barrierer", "bandt os", coder="Bo")
    before = state(project)
    with pytest.raises(QcoderError, match=r"holds 2 codings by 2 coders; merge it into another"):
        delete_code(project, f"{BOOK}/Policy-seeking")
    assert state(project) == before


def test_merge_moves_codings_and_sub_codes_records_a_memo_and_is_undoable(project):
    a = coding_on(project, f"{BOOK}/Policy-seeking", "gennemføre")
    dup = coding_on(project, f"{BOOK}/Policy-seeking", "trusler")
    coding_on(project, f"{BOOK}/Chikane", "trusler")  # same span, same coder: a duplicate
    with project.transaction() as s:
        s.add(Memo(target_kind="code", target_uuid=code(project, f"{BOOK}/Policy-seeking").uuid,
                   title="Note om policy"))
    result = check_undoable(project, lambda: merge_codes(
        project, f"{BOOK}/Policy-seeking", f"{BOOK}/Chikane"))
    assert result.value == 1
    rows = list_codings(project)
    assert {r.uuid for r in rows if r.code == f"{BOOK}/Chikane"} >= {a}
    assert dup not in {r.uuid for r in rows}
    assert len(rows) == 2
    target = code(project, f"{BOOK}/Chikane")
    assert code(project, f"{BOOK}/Chikane/Økonomiske barrierer").parent_id == target.id
    with project.session() as s:
        memos = {m.title: m for m in s.scalars(sa.select(Memo).where(Memo.target_uuid == target.uuid))}
    assert "Note om policy" in memos
    merged = memos[f"Merged {BOOK}/Policy-seeking into {BOOK}/Chikane"]
    assert "1 codings moved, 1 duplicate codings dropped, 1 sub-codes moved" in merged.text
    with pytest.raises(NotFoundError):
        code(project, f"{BOOK}/Policy-seeking")


def test_merge_into_own_sub_code_is_refused(project):
    with pytest.raises(QcoderError, match="into itself or one of its sub-codes"):
        merge_codes(project, f"{BOOK}/Policy-seeking", f"{BOOK}/Policy-seeking/Økonomiske barrierer")


def test_current_round_is_set_undoably_and_validated(project):
    result = check_undoable(project, lambda: set_current_round(project, 3))
    assert project.current_round == 3 and result.value == 3
    with pytest.raises(QcoderError, match="at least 1"):
        set_current_round(project, 0)


def test_undo_of_merge_after_later_undo_stack_keeps_coding_inverses_valid(project):
    """A removed coding's inverse (ApplyCoding by code id) still fits after merge + undo."""
    from qcoder.core.coding.codings import remove_coding

    uuid = coding_on(project, f"{BOOK}/Policy-seeking", "gennemføre")
    undo_remove = remove_coding(project, uuid).inverse
    undo_merge = merge_codes(project, f"{BOOK}/Policy-seeking", f"{BOOK}/Chikane").inverse
    run(project, undo_merge)
    run(project, undo_remove)
    (row,) = list_codings(project)
    assert row.code == f"{BOOK}/Policy-seeking"
    with project.session() as s:
        assert s.scalar(sa.select(sa.func.count(Hypothesis.id))) == 1
