"""The code tree with coding counts, as `qcoder codebook list` and the codebook panel show it.

Read in a handful of queries whatever the project's size, so views can rebuild it on every
change: codes, counts per code (all coders, and one coder), hypothesis links.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..store import Project
from ..store.models import Code, Codebook, Coding, Hypothesis
from .export import code_children, code_links


@dataclass
class CodeNode:
    id: int
    uuid: str
    name: str
    path: str
    color: str
    count: int                 # codings of this code by all coders
    coder_count: int           # codings of this code by the chosen coder
    origin: str
    round_added: int
    flagged: str
    definition: str
    label_da: str
    label_en: str
    include: str
    exclude: str
    indicators: list[str]
    example: str
    keywords: list[str]
    survey_items: list[str]
    hypotheses: list[tuple[str, str]]
    children: list[CodeNode] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Codings of this code and all codes below it."""
        return self.count + sum(c.total for c in self.children)

    def walk(self) -> Iterator[CodeNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "path": self.path, "count": self.count, "total": self.total,
                "uuid": self.uuid, "color": self.color, "origin": self.origin,
                "round": self.round_added, "flagged": self.flagged,
                "hypotheses": [{"id": i, "direction": d} for i, d in self.hypotheses],
                "children": [c.as_json() for c in self.children]}


@dataclass
class HypothesisInfo:
    id: str
    parent: str | None
    label: str
    statement: str
    kind: str
    display_columns: list[str]

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "parent": self.parent, "label": self.label,
                "statement": self.statement, "kind": self.kind,
                "display_columns": self.display_columns}


@dataclass
class CodebookNode:
    id: int
    ident: str
    name: str
    version: int
    codes: list[CodeNode]
    hypotheses: list[HypothesisInfo]

    def walk(self) -> Iterator[CodeNode]:
        for code in self.codes:
            yield from code.walk()

    def as_json(self) -> dict[str, object]:
        return {"id": self.ident, "name": self.name, "version": self.version,
                "codes": [c.as_json() for c in self.codes],
                "hypotheses": [h.as_json() for h in self.hypotheses]}


def code_tree(project: Project, coder_id: int | None = None) -> list[CodebookNode]:
    """Every codebook with its code tree; `coder_count` counts `coder_id`'s codings."""
    with project.session() as s:
        counts: dict[int, int] = dict(s.execute(sa.select(Coding.code_id, sa.func.count())
                                .group_by(Coding.code_id)).all())
        mine: dict[int, int] = {} if coder_id is None else dict(s.execute(
            sa.select(Coding.code_id, sa.func.count()).where(Coding.coder_id == coder_id)
            .group_by(Coding.code_id)).all())
        books = []
        for book in s.scalars(sa.select(Codebook).order_by(Codebook.name)):
            children = code_children(s, book)
            links = code_links(s, book)

            def build(parent_id: int | None, prefix: str,
                      children: dict[int | None, list[Code]] = children,
                      links: dict[int, list[tuple[str, str]]] = links) -> list[CodeNode]:
                nodes = []
                for c in children.get(parent_id, []):
                    path = f"{prefix}/{c.name}"
                    nodes.append(CodeNode(
                        c.id, c.uuid, c.name, path, c.color, counts.get(c.id, 0),
                        mine.get(c.id, 0), c.origin, c.round_added, c.flagged, c.definition,
                        c.label_da, c.label_en, c.include, c.exclude, list(c.indicators or []),
                        c.example, list(c.keywords or []), list(c.survey_items or []),
                        links.get(c.id, []), build(c.id, path)))
                return nodes

            hyps = [HypothesisInfo(h.ident, h.parent_ident, h.label, h.statement, h.kind,
                                   list(h.display_columns or []))
                    for h in s.scalars(sa.select(Hypothesis).where(Hypothesis.codebook_id == book.id)
                                       .order_by(Hypothesis.position))]
            books.append(CodebookNode(book.id, book.ident, book.name, book.version,
                                      build(None, book.name), hyps))
        return books
