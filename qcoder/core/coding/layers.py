"""What a document view draws over the text: codings, speaker labels, pages and sections.

Gathered in a few queries so that opening a long, heavily coded transcript stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ..errors import NotFoundError
from ..lookup import code_paths
from ..store import Project
from ..store.models import Code, Coder, Coding, Document, StructureRange


@dataclass(frozen=True)
class CodingMark:
    uuid: str
    start: int
    end: int
    code_id: int
    code_path: str
    color: str
    coder: str
    #: "manual", or "suggested" for an accepted suggestion (shown in the stripe's tooltip)
    origin: str = "manual"


@dataclass
class DocumentLayers:
    document_id: int
    name: str
    kind: str
    text: str
    codings: list[CodingMark] = field(default_factory=list)
    #: (label start, speech start, speaker) - the label itself is text[label start:speech start]
    labels: list[tuple[int, int, str]] = field(default_factory=list)
    pages: list[tuple[int, int, str]] = field(default_factory=list)
    sections: list[tuple[int, int, str]] = field(default_factory=list)


def document_layers(project: Project, document_id: int, coders: set[str] | None = None) -> DocumentLayers:
    """Everything to draw for one document; `coders` limits codings to those coders' names."""
    with project.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"document id {document_id} is not in the project")
        layers = DocumentLayers(doc.id, doc.name, doc.kind, doc.text)
        paths = code_paths(s)
        query = (
            sa.select(Coding.uuid, Coding.start, Coding.end, Coding.code_id, Code.color, Coder.name,
                      Coding.origin)
            .join(Code, Coding.code_id == Code.id)
            .join(Coder, Coding.coder_id == Coder.id)
            .where(Coding.document_id == document_id)
            .order_by(Coding.start, Coding.end)
        )
        if coders is not None:
            query = query.where(Coder.name.in_(coders))
        layers.codings = [
            CodingMark(uuid, start, end, code_id, paths[code_id], color, coder, origin)
            for uuid, start, end, code_id, color, coder, origin in s.execute(query)
        ]
        text = doc.text
        for kind, start, end, label in s.execute(
            sa.select(StructureRange.kind, StructureRange.start, StructureRange.end,
                      StructureRange.label)
            .where(StructureRange.document_id == document_id)
            .order_by(StructureRange.start)
        ):
            if kind == "turn":
                line_start = text.rfind("\n", 0, start) + 1
                # a Teams-style header sits on the line above the speech
                if line_start == start and start > 0:
                    line_start = text.rfind("\n", 0, start - 1) + 1
                layers.labels.append((line_start, start, label))
            elif kind == "page":
                layers.pages.append((start, end, label))
            elif kind == "section":
                layers.sections.append((start, end, label))
    return layers
