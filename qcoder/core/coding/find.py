"""One coding by its UUID: views hold only UUIDs (a stripe, a row of coded segments) and ask
here for the rest."""

from __future__ import annotations

import sqlalchemy as sa

from ..store import Project
from ..store.models import Coding
from .codings import CodingSpec


def coding_spec(project: Project, uuid: str) -> CodingSpec | None:
    """The coding as a spec (where, which code, whose, its memo); None when it is gone."""
    with project.session() as s:
        coding = s.scalar(sa.select(Coding).where(Coding.uuid == uuid))
        return CodingSpec.of(coding) if coding is not None else None
