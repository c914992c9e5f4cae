"""What the coding window knows besides the project: who is coding, whose codings are shown,
blind mode, the shortcut codes, and the undo stack through which every change runs.

After each change the workbench tells the views what changed (`changed`), catching up from the
project's journal: whatever committed since it last told them - this operation, an undo, or
work a dialog did through core functions - so no view misses a change.

Blind mode is for a second coder: only their own codings are visible - in the text, stripes,
counts, retrieval and lists - until they switch it off (the window asks first). It is
remembered per project on this computer, like the coder visibility choice and the pinned and
recent codes behind Ctrl+1..9.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, QSettings, Signal

from ...core import catalog
from ...core.changes import Changes
from ...core.coding.coders import set_current_coder
from ...core.coding.codings import (
    ApplyCoding,
    CodingSpec,
    RemoveCoding,
    ResizeCoding,
    SetCodingMemo,
)
from ...core.coding.find import coding_spec
from ...core.coding.recode import RecodeCoding
from ...core.errors import QcoderError
from ...core.exchange.package import BLIND_META, CURRENT_CODER_META
from ...core.operations import Operation, Result
from .i18n import tr
from .undo import UndoStack

VISIBILITY = ("mine", "chosen", "all")
SHORTCUTS = 9
MAX_RECENT = 9

#: the initiator of a coding made by `Workbench.apply`: its caller draws the coding in the open
#: document itself (giving its stripe a free lane while the others stay put)
DRAWN_BY_CALLER = "drawn by the caller"


class Workbench(QObject):
    #: the project changed: what (a Changes), and who asked for it and shows it already
    #: (None; a panel; DRAWN_BY_CALLER) - that view need not read it again
    changed = Signal(object, object)
    #: whose codings are shown changed (visibility, blind mode or the coder)
    visibilityChanged = Signal()
    failed = Signal(str)

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.project = None
        self.coder_name: str = settings.value("coder", "") or ""
        self.coder_id: int | None = None
        self.round = 1
        self.mode = "all"
        self.chosen: set[str] = set()
        self.blind = False
        self._seen = 0   # the project revision the views were last told about
        self.undo = UndoStack(self, self.notify, self.failed.emit)

    # -- project and coder ---------------------------------------------------------------
    def _key(self, name: str) -> str:
        path = str(self.project.path or self.project.engine.url)
        return f"projects/{hashlib.sha1(path.encode()).hexdigest()[:16]}/{name}"

    def _value(self, name: str, default=None):
        return self.settings.value(self._key(name), default)

    def set_project(self, project) -> None:
        self.project = project
        self.undo.project = project
        self.undo.clear()
        self.round = project.current_round
        self.mode = self._value("visibility", "all")
        if self.mode not in VISIBILITY:
            self.mode = "all"
        self.chosen = set(_as_list(self._value("chosen", [])))
        # a coder package is made for one coder and opens blind, whatever this machine's settings
        package = project.meta(BLIND_META) == "1"
        self.blind = package or str(self._value("blind", "false")).lower() == "true"
        if package and project.meta(CURRENT_CODER_META):
            self.coder_name = project.meta(CURRENT_CODER_META)
        self.coder_id = None
        if self.coder_name:
            self._ensure_coder()
        self._seen = project.revision

    def set_coder(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise QcoderError(tr("A coder needs a name; type yours."))
        self.coder_name = name
        self.settings.setValue("coder", name)
        if self.project is not None:
            self._ensure_coder()
        self.visibilityChanged.emit()

    def _ensure_coder(self) -> None:
        self.coder_id = set_current_coder(self.project, self.coder_name)

    def coders(self) -> list[str]:
        return [c.name for c in catalog.coders(self.project)]

    # -- whose codings are visible -------------------------------------------------------
    def visible_coders(self) -> set[str] | None:
        """Names of the coders whose codings are shown; None means everyone's."""
        if self.blind or self.mode == "mine":
            return {self.coder_name}
        if self.mode == "chosen":
            return set(self.chosen) | {self.coder_name}
        return None

    def set_visibility(self, mode: str, chosen: set[str] | None = None) -> None:
        if mode not in VISIBILITY:
            raise QcoderError(f"unknown visibility {mode!r}; use one of {', '.join(VISIBILITY)}")
        self.mode = mode
        if chosen is not None:
            self.chosen = set(chosen)
            self.settings.setValue(self._key("chosen"), sorted(self.chosen))
        self.settings.setValue(self._key("visibility"), mode)
        self.visibilityChanged.emit()

    def set_blind(self, on: bool) -> None:
        self.blind = on
        self.settings.setValue(self._key("blind"), "true" if on else "false")
        self.visibilityChanged.emit()

    # -- running changes -----------------------------------------------------------------
    def run(self, op: Operation, initiator: object = None) -> Result | None:
        """Run an undoable operation; a refusal is reported through `failed`. `initiator`:
        the view asking, which shows the change already."""
        try:
            return self.undo.run(op, initiator)
        except QcoderError as exc:
            self.failed.emit(str(exc))
            return None

    def notify(self, initiator: object = None) -> Changes:
        """Tell the views what was committed since they were last told, however it was."""
        changes, self._seen = self.project.journal.since(self._seen)
        if changes:
            if changes.settings:
                self.round = self.project.current_round
            self.changed.emit(changes, initiator)
        return changes

    def apply(self, code_id: int, document_id: int, start: int, end: int,
              drawn: bool = True) -> str | None:
        """Code [start, end) as the current coder; the new coding's UUID (None if refused).
        The caller draws the coding itself, unless not `drawn`."""
        if self.coder_id is None:
            self.failed.emit(tr("Choose who is coding first (File > Who is coding…)."))
            return None
        spec = CodingSpec(document_id, start, end, code_id, self.coder_id, round=self.round)
        result = self.run(ApplyCoding(spec), DRAWN_BY_CALLER if drawn else None)
        if result is None:
            return None
        self.remember_code(code_id)
        return result.value

    def remove(self, uuid: str) -> bool:
        return self.run(RemoveCoding(uuid)) is not None

    def resize(self, uuid: str, start: int, end: int) -> bool:
        return self.run(ResizeCoding(uuid, start, end)) is not None

    def recode(self, uuid: str, code_id: int) -> bool:
        done = self.run(RecodeCoding(uuid, code_id)) is not None
        if done:
            self.remember_code(code_id)
        return done

    def set_coding_memo(self, uuid: str, memo: str) -> bool:
        return self.run(SetCodingMemo(uuid, memo)) is not None

    def coding_memo(self, uuid: str) -> str:
        spec = coding_spec(self.project, uuid)
        return spec.memo if spec is not None else ""

    def copy_coding(self, uuid: str, code_id: int) -> str | None:
        """Code a coding's passage once more, with another code, as the current coder."""
        spec = coding_spec(self.project, uuid)
        if spec is None:
            return None
        return self.apply(code_id, spec.document_id, spec.start, spec.end, drawn=False)

    # -- pinned and recent codes (Ctrl+1..9) ---------------------------------------------
    def pinned(self) -> list[int]:
        return [int(c) for c in _as_list(self._value("pinned", []))]

    def set_pinned(self, code_ids: list[int]) -> None:
        self.settings.setValue(self._key("pinned"), [str(c) for c in code_ids[:SHORTCUTS]])

    def toggle_pin(self, code_id: int) -> None:
        pinned = self.pinned()
        self.set_pinned([c for c in pinned if c != code_id] if code_id in pinned
                        else pinned + [code_id])

    def remember_code(self, code_id: int) -> None:
        recent = [int(c) for c in _as_list(self._value("recent", [])) if int(c) != code_id]
        self.settings.setValue(self._key("recent"), [str(c) for c in [code_id, *recent][:MAX_RECENT]])

    def shortcut_codes(self) -> list[int]:
        """The codes behind Ctrl+1..9: pinned ones first, then the most recently used."""
        existing = {code.id for code in catalog.codes(self.project)}
        recent = [int(c) for c in _as_list(self._value("recent", []))]
        out: list[int] = []
        for cid in self.pinned() + recent:
            if cid in existing and cid not in out:
                out.append(cid)
        return out[:SHORTCUTS]


def _as_list(value) -> list:
    if value is None or value == "":
        return []
    return [value] if isinstance(value, str) else list(value)

