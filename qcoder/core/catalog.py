"""What a project holds, listed for the views: coders, documents, codebooks and codes, cases,
attributes, hypotheses and surveys as plain frozen dataclasses.

The GUI and the CLI show these lists everywhere (choosers, menus, tables); they ask here instead
of querying the store, so neither needs SQLAlchemy and every list has one order: documents by
name, codes in codebook order, hypotheses as the codebooks declare them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from .lookup import code_paths
from .store.models import Attribute, Case, Code, Codebook, Coder, Document, Hypothesis
from .store.models_analysis import SurveyDataset, SurveyItem

if TYPE_CHECKING:
    from .store import Project


@dataclass(frozen=True)
class CoderInfo:
    id: int
    uuid: str
    name: str


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    uuid: str
    name: str
    kind: str
    chars: int


@dataclass(frozen=True)
class CodebookInfo:
    id: int
    uuid: str
    ident: str
    name: str


@dataclass(frozen=True)
class CodeInfo:
    id: int
    uuid: str
    codebook_id: int
    parent_id: int | None
    name: str
    path: str
    color: str


@dataclass(frozen=True)
class CaseInfo:
    id: int
    uuid: str
    name: str


@dataclass(frozen=True)
class AttributeInfo:
    id: int
    uuid: str
    name: str
    type: str


@dataclass(frozen=True)
class HypothesisInfo:
    id: int
    uuid: str
    ident: str
    label: str
    statement: str
    codebook_id: int | None
    display_columns: tuple[str, ...]

    @property
    def title(self) -> str:
        """"H1: Tab af indflydelse", or the bare ident when there is no label."""
        return f"{self.ident}: {self.label}" if self.label else self.ident


@dataclass(frozen=True)
class SurveyInfo:
    id: int
    name: str
    items: tuple[str, ...]


#: the one order of hypotheses: codebook hypotheses first, by codebook and declared position,
#: then those added to the project outside any codebook
HYPOTHESIS_ORDER = (Hypothesis.codebook_id.is_(None), Hypothesis.codebook_id,
                    Hypothesis.position, Hypothesis.ident)


def coders(project: Project) -> list[CoderInfo]:
    with project.session() as s:
        return [CoderInfo(c.id, c.uuid, c.name)
                for c in s.scalars(sa.select(Coder).order_by(Coder.name))]


def documents(project: Project) -> list[DocumentInfo]:
    with project.session() as s:
        rows = s.execute(sa.select(Document.id, Document.uuid, Document.name, Document.kind,
                                   sa.func.length(Document.text)).order_by(Document.name))
        return [DocumentInfo(*row) for row in rows]


def codebooks(project: Project) -> list[CodebookInfo]:
    with project.session() as s:
        return [CodebookInfo(b.id, b.uuid, b.ident, b.name)
                for b in s.scalars(sa.select(Codebook).order_by(Codebook.id))]


def codes(project: Project) -> list[CodeInfo]:
    """Every code in codebook order (depth first, siblings by position)."""
    with project.session() as s:
        paths = code_paths(s)
        rows = list(s.scalars(sa.select(Code)))
    children: dict[int | None, list[Code]] = {}
    for code in rows:
        children.setdefault(code.parent_id, []).append(code)
    out: list[CodeInfo] = []

    def walk(parent: int | None, book: int) -> None:
        for code in sorted((c for c in children.get(parent, []) if c.codebook_id == book),
                           key=lambda c: (c.position, c.id)):
            out.append(CodeInfo(code.id, code.uuid, code.codebook_id, code.parent_id, code.name,
                                paths[code.id], code.color))
            walk(code.id, book)

    for book in sorted({c.codebook_id for c in rows}):
        walk(None, book)
    return out


def cases(project: Project) -> list[CaseInfo]:
    with project.session() as s:
        return [CaseInfo(c.id, c.uuid, c.name)
                for c in s.scalars(sa.select(Case).order_by(Case.name))]


def attributes(project: Project) -> list[AttributeInfo]:
    with project.session() as s:
        return [AttributeInfo(a.id, a.uuid, a.name, a.type)
                for a in s.scalars(sa.select(Attribute).order_by(Attribute.name))]


def hypotheses(project: Project) -> list[HypothesisInfo]:
    with project.session() as s:
        return [HypothesisInfo(h.id, h.uuid, h.ident, h.label, h.statement, h.codebook_id,
                               tuple(h.display_columns or ()))
                for h in s.scalars(sa.select(Hypothesis).order_by(*HYPOTHESIS_ORDER))]


def surveys(project: Project) -> list[SurveyInfo]:
    with project.session() as s:
        out = []
        for ds in s.scalars(sa.select(SurveyDataset).order_by(SurveyDataset.name)):
            items = s.scalars(sa.select(SurveyItem.ident).where(SurveyItem.dataset_id == ds.id)
                              .order_by(SurveyItem.position))
            out.append(SurveyInfo(ds.id, ds.name, tuple(items)))
        return out
