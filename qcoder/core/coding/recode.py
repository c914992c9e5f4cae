"""Recoding: giving an existing coding another code, as one undoable operation that keeps the
coding's UUID, range, coder, round and memo."""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..operations import Batch, Operation, Result, run
from ..store import Project
from ..store.models import Code, Coding
from .codings import ApplyCoding, CodingSpec, RemoveCoding


@dataclass(frozen=True)
class RecodeCoding:
    uuid: str
    code_id: int
    label: str = "Recode"

    def execute(self, session: Session) -> tuple[str, Operation]:
        coding = session.scalar(sa.select(Coding).where(Coding.uuid == self.uuid))
        if coding is None:
            raise NotFoundError(f"no coding with id {self.uuid} (it may have been removed)")
        if session.get(Code, self.code_id) is None:
            raise NotFoundError(f"code id {self.code_id} is no longer in the project")
        spec = replace(CodingSpec.of(coding), code_id=self.code_id)
        _value, inverse = Batch((RemoveCoding(self.uuid), ApplyCoding(spec)),
                                label=self.label).execute(session)
        return self.uuid, inverse


def recode(project: Project, uuid: str, code_id: int) -> Result:
    return run(project, RecodeCoding(uuid, code_id))
