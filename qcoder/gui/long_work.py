"""Long work in the window: a progress dialog that core functions report to and that cancels.

Core functions take `report(done, total, what)` and stop when it raises CancelledError. The
work runs in the GUI thread (the project's SQLite connection stays in one thread); each report
lets the window repaint and notice the Cancel button.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from ..core.errors import CancelledError
from .i18n import tr

T = TypeVar("T")


class ProgressReport:
    """A `report(done, total, what)` callable that drives a QProgressDialog."""

    def __init__(self, dialog: QProgressDialog):
        self.dialog = dialog

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.dialog.wasCanceled():
            raise CancelledError(tr("Cancelled; nothing was changed."))
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(what)
        QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise CancelledError(tr("Cancelled; nothing was changed."))


def with_progress(parent, title: str, work: Callable[[ProgressReport], T]) -> T:
    """Run `work(report)` under a modal progress dialog; its exceptions pass through
    (CancelledError when the user cancelled)."""
    dialog = QProgressDialog(tr("Starting…"), tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    QApplication.processEvents()
    try:
        return work(ProgressReport(dialog))
    finally:
        dialog.close()
        dialog.deleteLater()
