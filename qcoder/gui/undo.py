"""Undo and redo as a stack of core operations' inverses (Ctrl+Z / Ctrl+Shift+Z).

An operation is run (and committed) before its command is pushed, so a refused operation
never reaches the stack. Undoing runs the stored inverse, which returns the operation to redo
it; redoing runs that and stores the next inverse. If an inverse can no longer run (what it
would restore was changed meanwhile), the user is told why and the entry is dropped.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.errors import QcoderError
from ..core.operations import Operation, run
from .i18n import tr

#: the core operations' labels, so that lupdate offers them for translation
LABELS = (
    QT_TRANSLATE_NOOP("", "Apply code"), QT_TRANSLATE_NOOP("", "Remove coding"),
    QT_TRANSLATE_NOOP("", "Resize coding"), QT_TRANSLATE_NOOP("", "Edit coding memo"),
    QT_TRANSLATE_NOOP("", "Recode"), QT_TRANSLATE_NOOP("", "Code all hits"),
    QT_TRANSLATE_NOOP("", "Edit memo"), QT_TRANSLATE_NOOP("", "Delete memo"),
    QT_TRANSLATE_NOOP("", "Edit case attribute"), QT_TRANSLATE_NOOP("", "Add code"),
    QT_TRANSLATE_NOOP("", "Delete code"), QT_TRANSLATE_NOOP("", "Edit code"),
    QT_TRANSLATE_NOOP("", "Move code"), QT_TRANSLATE_NOOP("", "Merge codes"),
    QT_TRANSLATE_NOOP("", "Batch"), QT_TRANSLATE_NOOP("", "Change"),
)


class OperationCommand(QUndoCommand):
    def __init__(self, stack: UndoStack, label: str, inverse: Operation):
        super().__init__(label)
        self.stack = stack
        self.pending = inverse     # what the next undo (or redo) runs
        self.done = True           # pushed after running: the first redo() is a no-op

    def _swap(self) -> None:
        try:
            self.pending = run(self.stack.project, self.pending).inverse
        except QcoderError as exc:
            self.setObsolete(True)
            self.stack.failed(str(exc))
        self.stack.changed()

    def undo(self) -> None:
        self._swap()

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self._swap()


class UndoStack(QUndoStack):
    """The window's undo stack; `changed` is called after every undo or redo."""

    def __init__(self, parent, changed: Callable[[], None], failed: Callable[[str], None]):
        super().__init__(parent)
        self.project = None
        self.changed = changed
        self.failed = failed

    def run(self, op: Operation):
        """Run `op` on the project (raises QcoderError, nothing pushed) and make it undoable."""
        result = run(self.project, op)
        self.record(getattr(op, "label", "Change"), result.inverse)
        return result

    def record(self, label: str, inverse: Operation) -> None:
        """Make an operation that has already run undoable (e.g. one run by the codebook
        editor)."""
        self.push(OperationCommand(self, tr(label), inverse))
