"""What is in a project, counted: the figures behind `qcoder info` and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

import sqlalchemy as sa

from .language.nlp import pipeline_name
from .store.models import Base, Case, Code, Codebook, Coder, Coding, Document, Speaker, StructureRange

if TYPE_CHECKING:
    from .store import Project


class DocumentSummary(TypedDict):
    name: str
    kind: str
    chars: int
    turns: int
    speakers: int
    pages: int
    sections: int
    codings: int


class ProjectSummary(TypedDict):
    title: str
    documents: list[DocumentSummary]
    coders: list[str]
    cases: int
    codebooks: int
    codes: int
    codings: int
    current_round: int
    nlp_pipeline: str


def project_summary(project: Project) -> ProjectSummary:
    with project.session() as s:
        ranges = {
            (doc_id, kind): n
            for doc_id, kind, n in s.execute(
                sa.select(StructureRange.document_id, StructureRange.kind, sa.func.count())
                .group_by(StructureRange.document_id, StructureRange.kind)
            )
        }
        speakers = dict(
            s.execute(sa.select(Speaker.document_id, sa.func.count()).group_by(Speaker.document_id)).all()
        )
        codings = dict(
            s.execute(sa.select(Coding.document_id, sa.func.count()).group_by(Coding.document_id)).all()
        )
        documents: list[DocumentSummary] = [
            {
                "name": name,
                "kind": kind,
                "chars": chars,
                "turns": ranges.get((doc_id, "turn"), 0),
                "speakers": speakers.get(doc_id, 0),
                "pages": ranges.get((doc_id, "page"), 0),
                "sections": ranges.get((doc_id, "section"), 0),
                "codings": codings.get(doc_id, 0),
            }
            for doc_id, name, kind, chars in s.execute(
                sa.select(Document.id, Document.name, Document.kind, sa.func.length(Document.text))
                .order_by(Document.name)
            )
        ]

        def count(model: type[Base]) -> int:
            return s.scalars(sa.select(sa.func.count()).select_from(model)).one()

        return {
            "title": project.title,
            "documents": documents,
            "coders": list(s.scalars(sa.select(Coder.name).order_by(Coder.name))),
            "cases": count(Case),
            "codebooks": count(Codebook),
            "codes": count(Code),
            "codings": count(Coding),
            "current_round": project.current_round,
            "nlp_pipeline": pipeline_name(),
        }
