"""Undoable changes to the code tree: add, edit (rename, recolour, any field), move, delete
(merging is code_merge.py's).

Operations follow operations.py: `execute(session) -> (value, inverse)`. Codes are named by
UUID inside operations, and a deleted code is re-created with its old UUID and integer id, so
inverses held elsewhere on the undo stack (a removed coding's ApplyCoding) still fit after an
undo. A code that holds codings is never deleted: delete refuses with the count and points to
merge, which moves the codings to the target and records the merge in a memo.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import descendant_ids
from ..errors import NotFoundError, QcoderError
from ..lookup import code_by_path, code_path
from ..operations import Result, run
from ..store import Project
from ..store.models import Code, Codebook, CodeHypothesis, Coding, Hypothesis, new_uuid
from .export import codebook_by_key
from .schema import DIRECTIONS, ORIGINS, PATH_SEP

TEXT_FIELDS = ("name", "label_da", "label_en", "color", "definition", "include", "exclude",
               "example", "origin", "flagged")
LIST_FIELDS = ("indicators", "keywords", "survey_items")
#: Every field `SetCodeFields` may change; "hypotheses" takes (hypothesis id, direction) pairs.
EDITABLE = TEXT_FIELDS + LIST_FIELDS + ("round_added", "hypotheses")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: where a code stands: (uuid, parent uuid, codebook id, position), as RestoreLayout puts it back
LayoutEntry = tuple[str, str | None, int, int]
#: a code as a caller names it: the Code, its id, its UUID or its path 'Codebook/Parent/Child'
CodeRef = Code | int | str


# -- helpers ---------------------------------------------------------------------------------
def code_by_uuid(session: Session, uuid: str) -> Code:
    """The code an operation names, or NotFoundError when an earlier change removed it."""
    code = session.scalar(sa.select(Code).where(Code.uuid == uuid))
    if code is None:
        raise NotFoundError(f"no code with id {uuid} (it may have been deleted or merged already)")
    return code


def sub_codes(session: Session, codebook_id: int, parent_id: int | None) -> list[Code]:
    """The codes right under `parent_id` (None: the codebook's top level), in tree order."""
    parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return list(session.scalars(sa.select(Code).where(Code.codebook_id == codebook_id, parent)
                                .order_by(Code.position, Code.id)))


def _check_name(session: Session, name: object, codebook_id: int, parent_id: int | None,
                own_id: int | None = None) -> str:
    if not isinstance(name, str) or not name.strip():
        raise QcoderError("a code needs a name; type one")
    name = name.strip()
    if PATH_SEP in name:
        raise QcoderError(f"code name {name!r} may not contain {PATH_SEP!r} (it separates the "
                          "parts of a code path); use '-' instead")
    for sibling in sub_codes(session, codebook_id, parent_id):
        if sibling.name == name and sibling.id != own_id:
            raise QcoderError(f"there is already a code {name!r} at this place in the tree "
                              f"({code_path(sibling)}); choose another name or merge the two")
    return name


def _coding_count(session: Session, code_ids: set[int]) -> tuple[int, int]:
    """(codings, coders) held by the given codes."""
    row = session.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(Coding.coder_id)))
                          .where(Coding.code_id.in_(code_ids))).one()
    return row[0], row[1]


def _links(session: Session, code_id: int) -> tuple[tuple[str, str], ...]:
    rows = session.execute(
        sa.select(Hypothesis.ident, CodeHypothesis.direction)
        .join(Hypothesis, Hypothesis.id == CodeHypothesis.hypothesis_id)
        .where(CodeHypothesis.code_id == code_id)
        .order_by(Hypothesis.codebook_id, Hypothesis.position, Hypothesis.ident))
    return tuple((ident, direction) for ident, direction in rows)


def _set_links(session: Session, code: Code, links: Iterable[tuple[str, str]]) -> None:
    pairs = []
    for item in links or ():
        try:
            ident, direction = item
        except (TypeError, ValueError):
            raise QcoderError(f"hypothesis links are (id, direction) pairs, not {item!r}") from None
        if direction not in DIRECTIONS:
            raise QcoderError(f"direction {direction!r} for {ident}: use one of "
                              f"{', '.join(DIRECTIONS)}")
        hyp = session.scalar(sa.select(Hypothesis).where(Hypothesis.ident == ident))
        if hyp is None:
            known = ", ".join(session.scalars(sa.select(Hypothesis.ident).order_by(Hypothesis.ident)))
            raise NotFoundError(f"no hypothesis {ident!r} in the project; known: {known or 'none'}")
        pairs.append((hyp.id, direction))
    session.execute(sa.delete(CodeHypothesis).where(CodeHypothesis.code_id == code.id))
    for hyp_id, direction in dict(pairs).items():
        session.add(CodeHypothesis(code_id=code.id, hypothesis_id=hyp_id, direction=direction))


def _check_value(name: str, value: Any) -> Any:
    if name not in EDITABLE:
        raise QcoderError(f"{name!r} is not a code field; editable fields: {', '.join(EDITABLE)}")
    if name == "color" and not (isinstance(value, str) and _COLOUR.match(value)):
        raise QcoderError(f"colour {value!r} is not of the form #rrggbb, e.g. #1f77b4")
    if name == "origin" and value not in ORIGINS:
        raise QcoderError(f"origin {value!r}: use one of {', '.join(ORIGINS)}")
    if name == "round_added" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise QcoderError(f"round {value!r} must be a whole number of at least 1")
    if name in TEXT_FIELDS and not isinstance(value, str):
        raise QcoderError(f"{name} must be text, not {value!r}")
    if name in LIST_FIELDS:
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise QcoderError(f"{name} must be a list of texts, not {value!r}")
        return list(value)
    if name == "hypotheses":
        return tuple(tuple(pair) for pair in value)
    return value


# -- snapshots: a code subtree as data, to re-create it exactly ---------------------------------
@dataclass(frozen=True)
class CodeSnapshot:
    uuid: str
    id: int | None
    codebook_id: int
    parent_uuid: str | None
    position: int | None
    values: tuple[tuple[str, Any], ...]
    links: tuple[tuple[str, str], ...] = ()
    children: tuple[CodeSnapshot, ...] = ()

    @classmethod
    def of(cls, session: Session, code: Code, with_children: bool = True) -> CodeSnapshot:
        values = tuple((name, _copy(getattr(code, name))) for name in TEXT_FIELDS + LIST_FIELDS
                       + ("round_added",))
        kids = tuple(cls.of(session, child) for child in
                     sub_codes(session, code.codebook_id, code.id)) if with_children else ()
        return cls(code.uuid, code.id, code.codebook_id, code.parent.uuid if code.parent else None,
                   code.position, values, _links(session, code.id), kids)


def _copy(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def insert_snapshot(session: Session, snap: CodeSnapshot) -> Code:
    """Create the snapshot's code and sub-codes, with their old UUIDs (and id, when free)."""
    parent = code_by_uuid(session, snap.parent_uuid) if snap.parent_uuid else None
    if session.get(Codebook, snap.codebook_id) is None:
        raise NotFoundError(f"codebook id {snap.codebook_id} is no longer in the project")
    values = dict(snap.values)
    values["name"] = _check_name(session, values.get("name"), snap.codebook_id,
                                 parent.id if parent else None)
    position = snap.position
    if position is None:
        siblings = sub_codes(session, snap.codebook_id, parent.id if parent else None)
        position = max((c.position for c in siblings), default=-1) + 1
    free = snap.id is not None and session.get(Code, snap.id) is None
    code = Code(uuid=snap.uuid, codebook_id=snap.codebook_id, parent=parent, position=position,
                **({"id": snap.id} if free else {}))
    for name, value in values.items():
        setattr(code, name, list(value) if isinstance(value, tuple) else value)
    session.add(code)
    session.flush()
    _set_links(session, code, snap.links)
    for child in snap.children:
        insert_snapshot(session, replace(child, parent_uuid=code.uuid))
    return code


def delete_subtree(session: Session, code: Code) -> None:
    """Delete a code, its sub-codes and their hypothesis links (codings are the caller's)."""
    for child in sub_codes(session, code.codebook_id, code.id):
        delete_subtree(session, child)
    session.execute(sa.delete(CodeHypothesis).where(CodeHypothesis.code_id == code.id))
    session.delete(code)
    session.flush()


# -- operations ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateCode:
    """Create a code (and the sub-codes of its snapshot); position None appends it."""

    snapshot: CodeSnapshot
    label: str = "Add code"

    def execute(self, session: Session) -> tuple[str, DeleteCode]:
        code = insert_snapshot(session, self.snapshot)
        return code.uuid, DeleteCode(code.uuid, label=self.label)


@dataclass(frozen=True)
class DeleteCode:
    """Delete a code with its sub-codes; refused while any of them holds codings."""

    uuid: str
    label: str = "Delete code"

    def execute(self, session: Session) -> tuple[CodeSnapshot, CreateCode]:
        code = code_by_uuid(session, self.uuid)
        codings, coders = _coding_count(session, descendant_ids(session, code.id))
        if codings:
            raise QcoderError(
                f"code {code_path(code)!r} (with its sub-codes) holds {codings} coding"
                f"{'s' if codings != 1 else ''} by {coders} coder{'s' if coders != 1 else ''}; "
                "merge it into another code instead, which keeps the codings")
        snap = CodeSnapshot.of(session, code)
        delete_subtree(session, code)
        return snap, CreateCode(snap, label=self.label)


@dataclass(frozen=True)
class SetCodeFields:
    """Set any of a code's fields (EDITABLE): rename, recolour, edit definitions, links..."""

    uuid: str
    values: tuple[tuple[str, Any], ...]
    label: str = "Edit code"

    def execute(self, session: Session) -> tuple[str, SetCodeFields]:
        code = code_by_uuid(session, self.uuid)
        old: list[tuple[str, Any]] = []
        for name, value in self.values:
            value = _check_value(name, value)
            if name == "hypotheses":
                old.append((name, _links(session, code.id)))
                _set_links(session, code, value)
                continue
            if name == "name":
                value = _check_name(session, value, code.codebook_id, code.parent_id, code.id)
            old.append((name, _copy(getattr(code, name))))
            setattr(code, name, value)
        session.flush()
        return self.uuid, SetCodeFields(self.uuid, tuple(reversed(old)), label=self.label)


@dataclass(frozen=True)
class RestoreLayout:
    """Put codes back at recorded places: (uuid, parent uuid, codebook id, position) each."""

    entries: tuple[LayoutEntry, ...]
    label: str = "Move code"

    def execute(self, session: Session) -> tuple[None, RestoreLayout]:
        current = code_layout(session, [e[0] for e in self.entries])
        for uuid, parent_uuid, codebook_id, position in self.entries:
            code = code_by_uuid(session, uuid)
            code.parent = code_by_uuid(session, parent_uuid) if parent_uuid else None
            code.codebook_id = codebook_id
            code.position = position
        session.flush()
        return None, RestoreLayout(current, label=self.label)


def code_layout(session: Session, uuids: Iterable[str]) -> tuple[LayoutEntry, ...]:
    """Where the codes stand now, as RestoreLayout entries, to put them back there."""
    entries: list[LayoutEntry] = []
    for uuid in dict.fromkeys(uuids):
        code = code_by_uuid(session, uuid)
        entries.append((uuid, code.parent.uuid if code.parent else None, code.codebook_id,
                        code.position))
    return tuple(entries)


@dataclass(frozen=True)
class MoveCode:
    """Move a code (with its sub-codes) under `parent_uuid`, or to the top of codebook
    `codebook_id`, at `index` among its new siblings (None: last)."""

    uuid: str
    parent_uuid: str | None
    codebook_id: int | None = None
    index: int | None = None
    label: str = "Move code"

    def execute(self, session: Session) -> tuple[int, RestoreLayout]:
        code = code_by_uuid(session, self.uuid)
        parent = code_by_uuid(session, self.parent_uuid) if self.parent_uuid else None
        book_id = parent.codebook_id if parent else (self.codebook_id or code.codebook_id)
        if session.get(Codebook, book_id) is None:
            raise NotFoundError(f"codebook id {book_id} is not in the project")
        subtree = descendant_ids(session, code.id)
        if parent is not None and parent.id in subtree:
            raise QcoderError(f"cannot move {code_path(code)!r} under itself or one of its "
                              "sub-codes; choose a parent outside it")
        _check_name(session, code.name, book_id, parent.id if parent else None, code.id)
        old_siblings = sub_codes(session, code.codebook_id, code.parent_id)
        new_siblings = [c for c in sub_codes(session, book_id, parent.id if parent else None)
                        if c.id != code.id]
        moved = [c.uuid for c in session.scalars(sa.select(Code).where(Code.id.in_(subtree)))]
        before = code_layout(session, [c.uuid for c in old_siblings + new_siblings] + moved)
        index = len(new_siblings) if self.index is None else max(0, min(self.index, len(new_siblings)))
        new_siblings.insert(index, code)
        code.parent = parent
        for sub in session.scalars(sa.select(Code).where(Code.id.in_(subtree))):
            sub.codebook_id = book_id
        for position, sibling in enumerate(new_siblings):
            sibling.position = position
        for position, sibling in enumerate(c for c in old_siblings if c.id != code.id):
            if sibling not in new_siblings:
                sibling.position = position
        session.flush()
        return index, RestoreLayout(before, label=self.label)


# -- the functions the GUI and CLI call -------------------------------------------------------------
def code_uuid(project: Project, ref: CodeRef) -> str:
    """A code's UUID from a Code, an integer id, a UUID or a path 'Codebook/Parent/Child'."""
    if isinstance(ref, Code):
        return ref.uuid
    with project.session() as s:
        if isinstance(ref, int):
            code = s.get(Code, ref)
            if code is None:
                raise NotFoundError(f"no code with id {ref} in the project")
            return code.uuid
        try:
            uuidlib.UUID(ref)
            return code_by_uuid(s, ref).uuid
        except ValueError:
            return code_by_path(s, ref).uuid


def subtree_usage(project: Project, code: CodeRef) -> tuple[int, int, int]:
    """(codings, coders, sub-codes) of a code and all codes below it - what a delete would hit."""
    uuid = code_uuid(project, code)
    with project.session() as s:
        ids = descendant_ids(s, code_by_uuid(s, uuid).id)
        codings, coders = _coding_count(s, ids)
    return codings, coders, len(ids) - 1


def add_code(project: Project, codebook: Codebook | int | str | None, name: str,
             parent: CodeRef | None = None, *, origin: str | None = None,
             round: int | None = None, **values: Any) -> Result:
    """Add a code at the end of `parent`'s sub-codes (or the codebook's top level).

    `codebook` (a Codebook, its id, ident or name) is needed only without a parent. Without
    `origin`, a code added once coding has begun is "inductive" (emergent), else "deductive";
    it records the current coding round. The value is the new code's UUID.
    """
    parent_uuid = code_uuid(project, parent) if parent is not None else None
    with project.session() as s:
        if parent_uuid:
            book_id = code_by_uuid(s, parent_uuid).codebook_id
        elif codebook is None:
            raise QcoderError(f"code {name!r} needs a codebook or a parent code to go under")
        else:
            book_id = codebook if isinstance(codebook, int) else (
                codebook.id if isinstance(codebook, Codebook) else _book_id(s, codebook))
        if origin is None:
            origin = "inductive" if s.scalar(sa.select(sa.func.count(Coding.id))) else "deductive"
    fields = {"name": name, "label_da": name, "color": "#999999", "origin": origin,
              "round_added": round if round is not None else project.current_round, **values}
    links = tuple(tuple(p) for p in fields.pop("hypotheses", ()))
    fields = {key: _copy(_check_value(key, value)) for key, value in fields.items()}
    snap = CodeSnapshot(new_uuid(), None, book_id, parent_uuid, None, tuple(fields.items()), links)
    return run(project, CreateCode(snap))


def _book_id(session: Session, key: str) -> int:
    return codebook_by_key(session, key).id


def edit_code(project: Project, code: CodeRef, label: str = "Edit code", **values: Any) -> Result:
    return run(project, SetCodeFields(code_uuid(project, code), tuple(values.items()), label))


def rename_code(project: Project, code: CodeRef, name: str) -> Result:
    return edit_code(project, code, label="Rename code", name=name)


def recolour_code(project: Project, code: CodeRef, color: str) -> Result:
    return edit_code(project, code, label="Recolour code", color=color)


def move_code(project: Project, code: CodeRef, parent: CodeRef | None = None,
              index: int | None = None, codebook: int | str | None = None) -> Result:
    """Move `code` under `parent` (None: top level of `codebook`, default its own)."""
    parent_uuid = code_uuid(project, parent) if parent is not None else None
    book_id = None
    if codebook is not None:
        with project.session() as s:
            book_id = codebook if isinstance(codebook, int) else _book_id(s, codebook)
    return run(project, MoveCode(code_uuid(project, code), parent_uuid, book_id, index))


def delete_code(project: Project, code: CodeRef) -> Result:
    return run(project, DeleteCode(code_uuid(project, code)))
