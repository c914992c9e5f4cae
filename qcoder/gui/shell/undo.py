"""Undo and redo as a stack of core operations' inverses (Ctrl+Z / Ctrl+Shift+Z).

An operation is run (and committed) before its command is pushed, so a refused operation
never reaches the stack. Undoing runs the stored inverse, which returns the operation to redo
it; redoing runs that and stores the next inverse. If an inverse can no longer run (what it
would restore was changed meanwhile), the user is told why and the entry is dropped. After
each run, undo and redo the stack calls `changed(initiator)`, for the views to catch up with
what the project's journal says changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import QcoderError
from ...core.operations import Operation, Result, run
from .i18n import tr

#: every core operation's label (tests/gui/test_undo_labels.py keeps this complete), so that
#: lupdate offers them for translation and the Edit menu's Undo/Redo entries read in Danish
LABELS = (
    QT_TRANSLATE_NOOP("", "Apply code"), QT_TRANSLATE_NOOP("", "Remove coding"),
    QT_TRANSLATE_NOOP("", "Resize coding"), QT_TRANSLATE_NOOP("", "Edit coding memo"),
    QT_TRANSLATE_NOOP("", "Merge overlapping codings"), QT_TRANSLATE_NOOP("", "Recode"),
    QT_TRANSLATE_NOOP("", "Code all hits"), QT_TRANSLATE_NOOP("", "Re-attach coding"),
    QT_TRANSLATE_NOOP("", "Add code"), QT_TRANSLATE_NOOP("", "Delete code"),
    QT_TRANSLATE_NOOP("", "Edit code"), QT_TRANSLATE_NOOP("", "Rename code"),
    QT_TRANSLATE_NOOP("", "Recolour code"), QT_TRANSLATE_NOOP("", "Move code"),
    QT_TRANSLATE_NOOP("", "Merge codes"), QT_TRANSLATE_NOOP("", "Set coding round"),
    QT_TRANSLATE_NOOP("", "Add codebook"), QT_TRANSLATE_NOOP("", "Delete codebook"),
    QT_TRANSLATE_NOOP("", "Load REFI-QDA codebook"),
    QT_TRANSLATE_NOOP("", "Edit memo"), QT_TRANSLATE_NOOP("", "Delete memo"),
    QT_TRANSLATE_NOOP("", "Add memo"), QT_TRANSLATE_NOOP("", "Remove memo"),
    QT_TRANSLATE_NOOP("", "Import"), QT_TRANSLATE_NOOP("", "Remove documents"),
    QT_TRANSLATE_NOOP("", "Restore documents"), QT_TRANSLATE_NOOP("", "Edit transcript"),
    QT_TRANSLATE_NOOP("", "Pseudonymise"), QT_TRANSLATE_NOOP("", "Refresh text index"),
    QT_TRANSLATE_NOOP("", "Rename speaker"), QT_TRANSLATE_NOOP("", "Merge speakers"),
    QT_TRANSLATE_NOOP("", "Set interviewer"), QT_TRANSLATE_NOOP("", "Link speaker to case"),
    QT_TRANSLATE_NOOP("", "Edit speakers"),
    QT_TRANSLATE_NOOP("", "Edit case attribute"), QT_TRANSLATE_NOOP("", "Import case attributes"),
    QT_TRANSLATE_NOOP("", "Create hypothesis"), QT_TRANSLATE_NOOP("", "Delete hypothesis"),
    QT_TRANSLATE_NOOP("", "Edit hypothesis"), QT_TRANSLATE_NOOP("", "Link code to hypothesis"),
    QT_TRANSLATE_NOOP("", "Set verdict"), QT_TRANSLATE_NOOP("", "Restore verdict"),
    QT_TRANSLATE_NOOP("", "Choose evidence"), QT_TRANSLATE_NOOP("", "Edit verdict note"),
    QT_TRANSLATE_NOOP("", "Edit display cell"), QT_TRANSLATE_NOOP("", "Flag as counter-evidence"),
    QT_TRANSLATE_NOOP("", "Remove counter-evidence flag"),
    QT_TRANSLATE_NOOP("", "Evidence and counter-evidence"),
    QT_TRANSLATE_NOOP("", "Accept suggestion"), QT_TRANSLATE_NOOP("", "Accept suggestions"),
    QT_TRANSLATE_NOOP("", "Reject suggestion"), QT_TRANSLATE_NOOP("", "Reject suggestions"),
    QT_TRANSLATE_NOOP("", "Edit citation template"), QT_TRANSLATE_NOOP("", "Set project setting"),
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
        self.stack.changed(None)

    def undo(self) -> None:
        self._swap()

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self._swap()


class UndoStack(QUndoStack):
    """The window's undo stack; `changed(initiator)` is called after every run, undo or redo."""

    def __init__(self, parent, changed: Callable[[object], None],
                 failed: Callable[[str], None]):
        super().__init__(parent)
        self.project = None
        self.changed = changed
        self.failed = failed

    def run(self, op: Operation, initiator: object = None) -> Result:
        """Run `op` on the project (raises QcoderError, nothing pushed), make it undoable and
        tell the views; `initiator` is the view that asked, if it shows the change already."""
        result = run(self.project, op)
        self.record(getattr(op, "label", "Change"), result.inverse)
        self.changed(initiator)
        return result

    def record(self, label: str, inverse: Operation) -> None:
        """Make an operation that has already run undoable (e.g. one run by the codebook
        editor)."""
        self.push(OperationCommand(self, tr(label), inverse))
