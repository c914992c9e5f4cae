"""Long work off the GUI thread, behind a progress dialog that can cancel it.

Core functions take a `report(done, total, what)` callback; `run_task` hands them one that
moves the progress bar and raises CancelledError once the user has pressed Cancel. The window
stays responsive (it repaints, the dialog moves) because the work runs in a thread while a
local event loop waits for it. The caller gets the function's value, or its exception -
QcoderError for the user's mistakes, CancelledError after Cancel - in the GUI thread.
The work must touch no widget; it reaches the project only through core functions, which
open their own sessions (SQLite in WAL mode with a busy timeout serves several threads).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...core.errors import CancelledError
from .i18n import tr

Report = Callable[[int, int, str], None]


class _Bridge(QObject):
    """Carries the worker's progress and its end into the GUI thread (queued signals)."""

    progressed = Signal(int, int, str)
    finished = Signal()


def run_task(parent: QWidget, title: str, fn: Callable[[Report], object],
             cancellable: bool = True, delay_ms: int = 300):
    """Run `fn(report)` in a worker thread behind a progress dialog and return its value.

    Without `cancellable` the dialog has no Cancel button (for work that cannot stop half-way
    and is short, such as merging a package)."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)  # busy until the first report
    dialog.setMinimumWidth(420)
    if cancellable:
        dialog.setCancelButtonText(tr("Cancel"))
    else:
        dialog.setCancelButton(None)
    cancelled = threading.Event()
    dialog.canceled.connect(cancelled.set)
    dialog.canceled.connect(lambda: dialog.setLabelText(tr("Cancelling…")))
    bridge = _Bridge()
    outcome: dict = {}

    def show(done: int, total: int, what: str) -> None:
        if cancelled.is_set():
            return
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        if what:
            dialog.setLabelText(f"{title}\n{what}")

    def report(done: int, total: int, what: str = "") -> None:
        if cancelled.is_set():
            raise CancelledError(tr("Cancelled; nothing was changed."))
        bridge.progressed.emit(done, total, what)

    def work() -> None:
        try:
            outcome["value"] = fn(report)
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        bridge.finished.emit()

    loop = QEventLoop()
    bridge.progressed.connect(show, Qt.ConnectionType.QueuedConnection)
    bridge.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker = threading.Thread(target=work, name="qcoder-task", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
