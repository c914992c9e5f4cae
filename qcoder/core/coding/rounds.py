"""The project's current coding round: new codings and new codes record it, so reports can
tell a first pass from a later one. Setting it is undoable like any other change."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..operations import Result, run
from ..store import Project
from ..store.models import Meta


@dataclass(frozen=True)
class SetCurrentRound:
    """The coding round new codings and new codes are recorded in."""

    round: int
    label: str = "Set coding round"

    def execute(self, session: Session) -> tuple[int, SetCurrentRound]:
        if isinstance(self.round, bool) or not isinstance(self.round, int) or self.round < 1:
            raise QcoderError(f"coding round {self.round!r} must be a whole number of at least 1")
        row = session.get(Meta, "current_round")
        old = int(row.value) if row is not None and row.value.isdigit() else 1
        session.merge(Meta(key="current_round", value=str(self.round)))
        session.flush()
        return self.round, SetCurrentRound(old, label=self.label)


def set_current_round(project: Project, round: int) -> Result:
    return run(project, SetCurrentRound(round))
