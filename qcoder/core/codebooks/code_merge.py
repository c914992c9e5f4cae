"""Merging one code into another, the way out when a code that holds codings should go.

The source's codings move to the target (a coding the target already has by the same coder at
the same place is dropped as a duplicate), its sub-codes move under the target, memos on it
follow, and a new memo on the target records the merge; the source is then deleted. The
inverse re-creates the source with its UUID and id and gives each coding back, so undo leaves
the project exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import ApplyCoding, CodingSpec, descendant_ids
from ..errors import QcoderError
from ..lookup import code_path
from ..operations import Result, run
from ..store import Project
from ..store.models import Coding, Memo, new_uuid
from .code_ops import (
    CodeRef,
    CodeSnapshot,
    LayoutEntry,
    MoveCode,
    RestoreLayout,
    code_by_uuid,
    code_layout,
    code_uuid,
    delete_subtree,
    insert_snapshot,
    sub_codes,
)


@dataclass(frozen=True)
class MergeCodes:
    """Merge code `source` into `target`: its codings and sub-codes move to the target, the
    source is deleted, and a memo on the target records the merge."""

    source_uuid: str
    target_uuid: str
    memo_uuid: str = field(default_factory=new_uuid)
    label: str = "Merge codes"

    def execute(self, session: Session) -> tuple[int, UnmergeCodes]:
        source = code_by_uuid(session, self.source_uuid)
        target = code_by_uuid(session, self.target_uuid)
        if source.id == target.id or target.id in descendant_ids(session, source.id):
            raise QcoderError(f"cannot merge {code_path(source)!r} into itself or one of its "
                              "sub-codes; choose a target outside it")
        target_names = {c.name for c in sub_codes(session, target.codebook_id, target.id)}
        children = sub_codes(session, source.codebook_id, source.id)
        clash = [c.name for c in children if c.name in target_names]
        if clash:
            raise QcoderError(f"both codes have a sub-code named {clash[0]!r}; merge those two "
                              "first, then merge the parents")
        source_path, target_path = code_path(source), code_path(target)
        snap = CodeSnapshot.of(session, source, with_children=False)
        target_children = sub_codes(session, target.codebook_id, target.id)
        layout = code_layout(session, [c.uuid for c in children + target_children])
        for child in children:
            MoveCode(child.uuid, target.uuid).execute(session)
        existing = {(c.document_id, c.start, c.end, c.coder_id) for c in
                    session.scalars(sa.select(Coding).where(Coding.code_id == target.id))}
        moved: list[str] = []
        duplicates: list[CodingSpec] = []
        for coding in session.scalars(sa.select(Coding).where(Coding.code_id == source.id)):
            if (coding.document_id, coding.start, coding.end, coding.coder_id) in existing:
                duplicates.append(CodingSpec.of(coding))
                session.delete(coding)
            else:
                coding.code_id = target.id
                moved.append(coding.uuid)
        memos = list(session.scalars(sa.select(Memo.uuid).where(
            Memo.target_kind == "code", Memo.target_uuid == source.uuid)))
        session.execute(sa.update(Memo).where(Memo.uuid.in_(memos)).values(target_uuid=target.uuid))
        session.add(Memo(
            uuid=self.memo_uuid, target_kind="code", target_uuid=target.uuid,
            title=f"Merged {source_path} into {target_path}",
            text=(f"Code {source_path!r} was merged into this code: {len(moved)} codings moved"
                  + (f", {len(duplicates)} duplicate codings dropped" if duplicates else "")
                  + (f", {len(children)} sub-codes moved" if children else "") + "."
                  + (f"\n\nIts definition was: {source.definition}" if source.definition else ""))))
        session.flush()
        delete_subtree(session, source)
        return len(moved), UnmergeCodes(snap, self.target_uuid, tuple(moved), tuple(duplicates),
                                        layout, tuple(memos), self.memo_uuid, label=self.label)


@dataclass(frozen=True)
class UnmergeCodes:
    """The inverse of MergeCodes: re-create the source and give back what moved."""

    source: CodeSnapshot
    target_uuid: str
    codings: tuple[str, ...]
    duplicates: tuple[CodingSpec, ...]
    layout: tuple[LayoutEntry, ...]
    memos: tuple[str, ...]
    memo_uuid: str
    label: str = "Merge codes"

    def execute(self, session: Session) -> tuple[str, MergeCodes]:
        source = insert_snapshot(session, self.source)
        session.execute(sa.update(Coding).where(Coding.uuid.in_(self.codings))
                        .values(code_id=source.id))
        for spec in self.duplicates:
            ApplyCoding(replace(spec, code_id=source.id)).execute(session)
        RestoreLayout(self.layout).execute(session)
        session.execute(sa.update(Memo).where(Memo.uuid.in_(self.memos))
                        .values(target_uuid=source.uuid))
        session.execute(sa.delete(Memo).where(Memo.uuid == self.memo_uuid))
        session.flush()
        return source.uuid, MergeCodes(source.uuid, self.target_uuid, self.memo_uuid,
                                       label=self.label)


def merge_codes(project: Project, source: CodeRef, target: CodeRef) -> Result:
    """Merge `source` into `target`; the value is the number of codings moved."""
    return run(project, MergeCodes(code_uuid(project, source), code_uuid(project, target)))
