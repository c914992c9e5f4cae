"""What the coding window knows besides the project: who is coding, whose codings are shown,
blind mode, the shortcut codes, and the undo stack through which every change runs.

Blind mode is for a second coder: only their own codings are visible - in the text, stripes,
counts, retrieval and lists - until they switch it off (the window asks first). It is
remembered per project on this computer, like the coder visibility choice and the pinned and
recent codes behind Ctrl+1..9.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from PySide6.QtCore import QObject, QSettings, Signal

from ...core.coding.codings import ApplyCoding, CodingSpec, RemoveCoding, ResizeCoding, SetCodingMemo
from ...core.errors import QcoderError
from ...core.lookup import coder_by_name
from ...core.operations import Operation, Result
from ...core.exchange.package import BLIND_META, CURRENT_CODER_META
from ...core.coding.recode import RecodeCoding
from ...core.store.models import Code, Coder, Coding, Meta
from .i18n import tr
from .undo import UndoStack

VISIBILITY = ("mine", "chosen", "all")
SHORTCUTS = 9
MAX_RECENT = 9


class Workbench(QObject):
    #: the project changed; True when the open document's codings must be read again
    changed = Signal(bool)
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
        self.undo = UndoStack(self, lambda: self.changed.emit(True), self.failed.emit)

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
        """The coder's row in the project, and the project's record of who codes now."""
        with self.project.transaction() as s:
            self.coder_id = coder_by_name(s, self.coder_name, create=True).id
            meta = s.get(Meta, "current_coder")
            if meta is None or meta.value != self.coder_name:
                s.merge(Meta(key="current_coder", value=self.coder_name))

    def coders(self) -> list[str]:
        with self.project.session() as s:
            return list(s.scalars(sa.select(Coder.name).order_by(Coder.name)))

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
    def run(self, op: Operation, reload: bool = True) -> Result | None:
        """Run an undoable operation; a refusal is reported through `failed`."""
        try:
            result = self.undo.run(op)
        except QcoderError as exc:
            self.failed.emit(str(exc))
            return None
        self.round = self.project.current_round
        self.changed.emit(reload)
        return result

    def apply(self, code_id: int, document_id: int, start: int, end: int,
              reload: bool = False) -> str | None:
        """Code [start, end) as the current coder; the new coding's UUID (None if refused).
        The caller shows the coding itself unless `reload`."""
        if self.coder_id is None:
            self.failed.emit(tr("Choose who is coding first (File > Who is coding…)."))
            return None
        spec = CodingSpec(document_id, start, end, code_id, self.coder_id, round=self.round)
        result = self.run(ApplyCoding(spec), reload=reload)
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
        return self.run(SetCodingMemo(uuid, memo), reload=False) is not None

    def coding_memo(self, uuid: str) -> str:
        with self.project.session() as s:
            return s.scalar(sa.select(Coding.memo).where(Coding.uuid == uuid)) or ""

    def coding_spec(self, uuid: str) -> CodingSpec | None:
        with self.project.session() as s:
            coding = s.scalar(sa.select(Coding).where(Coding.uuid == uuid))
            return CodingSpec.of(coding) if coding else None

    def copy_coding(self, uuid: str, code_id: int) -> str | None:
        """Code a coding's passage once more, with another code, as the current coder."""
        spec = self.coding_spec(uuid)
        if spec is None:
            return None
        return self.apply(code_id, spec.document_id, spec.start, spec.end, reload=True)

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
        with self.project.session() as s:
            existing = set(s.scalars(sa.select(Code.id)))
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

