"""Driving modal dialogs in tests: act on a dialog once its exec() has shown it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(kind, act):
    """Run `act(dialog)` on the next modal dialog of type `kind` once it is shown."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)
