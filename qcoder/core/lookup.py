"""Finding documents, codes and coders by the names users type.

A code is named by its path `Codebook/Parent/Child`; the first part may be the codebook's name
or its id. A name that is not found raises NotFoundError listing close matches.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session

from .errors import NotFoundError
from .store.models import Base, Case, Code, Codebook, Coder, Document, Hypothesis

_Row = TypeVar("_Row", bound=Base)

PATH_SEP = "/"


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip())


def _hint(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=3, cutoff=0.5)
    if close:
        return " Did you mean: " + ", ".join(repr(c) for c in close) + "?"
    if candidates and len(candidates) <= 12:
        return " Known: " + ", ".join(repr(c) for c in sorted(candidates)) + "."
    return ""


def _named(session: Session, model: type[_Row], column: InstrumentedAttribute[str], name: str,
           what: str) -> _Row:
    """The `model` row whose `column` equals `name`, or NotFoundError listing close matches."""
    row = session.scalar(sa.select(model).where(column == _nfc(name)))
    if row is None:
        names = list(session.scalars(sa.select(column)))
        raise NotFoundError(f"no {what} {name!r} in the project.{_hint(name, names)}")
    return row


def document_by_name(session: Session, name: str) -> Document:
    return _named(session, Document, Document.name, name, "document named")


def case_by_name(session: Session, name: str) -> Case:
    return _named(session, Case, Case.name, name, "case named")


def hypothesis_by_ident(session: Session, ident: str) -> Hypothesis:
    return _named(session, Hypothesis, Hypothesis.ident, ident, "hypothesis")


def coder_by_name(session: Session, name: str, create: bool = False) -> Coder:
    if not create:
        return _named(session, Coder, Coder.name, name, "coder named")
    name = _nfc(name)
    coder = session.scalar(sa.select(Coder).where(Coder.name == name))
    if coder is None:
        if not name:
            raise NotFoundError("a coder needs a name")
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
    return coder


def code_path(code: Code) -> str:
    parts = []
    node: Code | None = code
    while node is not None:
        parts.append(node.name)
        node = node.parent
    parts.append(code.codebook.name)
    return PATH_SEP.join(reversed(parts))


def code_paths(session: Session) -> dict[int, str]:
    """Every code's path by code id, computed in one query."""
    books = dict(session.execute(sa.select(Codebook.id, Codebook.name)).all())
    rows = session.execute(sa.select(Code.id, Code.parent_id, Code.codebook_id, Code.name)).all()
    by_id = {r.id: r for r in rows}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        if cid not in paths:
            r = by_id[cid]
            prefix = path(r.parent_id) if r.parent_id else books[r.codebook_id]
            paths[cid] = prefix + PATH_SEP + r.name
        return paths[cid]

    for cid in by_id:
        path(cid)
    return paths


def code_by_path(session: Session, path: str) -> Code:
    parts = [_nfc(p) for p in path.split(PATH_SEP)]
    if len(parts) < 2 or not all(parts):
        raise NotFoundError(
            f"code path {path!r} must look like 'Codebook/Code' or 'Codebook/Parent/Child'"
        )
    book = session.scalar(
        sa.select(Codebook).where(sa.or_(Codebook.name == parts[0], Codebook.ident == parts[0]))
    )
    if book is None:
        names = list(session.scalars(sa.select(Codebook.name)))
        raise NotFoundError(f"no codebook named {parts[0]!r} (in code path {path!r})."
                            f"{_hint(parts[0], names)}")
    parent_id = None
    code = None
    for part in parts[1:]:
        siblings_of = (
            Code.codebook_id == book.id,
            Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id,
        )
        code = session.scalar(sa.select(Code).where(*siblings_of, Code.name == part))
        if code is None:
            siblings = list(session.scalars(sa.select(Code.name).where(*siblings_of)))
            raise NotFoundError(f"no code {part!r} in code path {path!r}.{_hint(part, siblings)}")
        parent_id = code.id
    assert code is not None
    return code
