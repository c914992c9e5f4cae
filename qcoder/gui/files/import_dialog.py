"""File > Import documents…: choose transcripts (files or folders), their kind, a case and, if
needed, speaker/section patterns; import with a progress bar and Cancel; then a summary of
what was found, with the speakers to rename, merge or mark before keeping the import.

The import is committed when it finishes so the summary can show (and edit) the stored
documents; "Undo import" (or closing the summary) removes it again, "Keep" puts it on the
window's undo stack as one step. A file that cannot be read is listed with its error and
the rest are imported. The import runs in a worker thread so the window stays responsive and
Cancel is heard even inside a long file.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.documents.batch_import import import_files
from ...core.documents.importers import FORMATS
from ...core.documents.kinds import CORPUS_KINDS
from ...core.errors import CancelledError, QcoderError
from ...core.operations import Result, run
from ..coding.document_list import kind_title
from ..shell.i18n import tr
from .import_summary import ImportSummaryPanel

PATH_ROLE = Qt.ItemDataRole.UserRole


class FileList(QListWidget):
    """The chosen files and folders; says how to add some while it is empty."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         tr("No transcripts chosen yet. Add files or a whole folder with the "
                            "buttons, or drop them here."))


class _Bridge(QObject):
    """Carries the worker's progress and its end into the GUI thread (queued signals)."""

    progressed = Signal(int, int, str)
    finished = Signal()


class ImportDialog(QDialog):
    def __init__(self, project, parent=None, record=None):
        super().__init__(parent)
        self.project = project
        workbench = getattr(parent, "workbench", None)
        self.record = record or (workbench.undo.record if workbench is not None else None)
        self.settings = getattr(parent, "settings", None)
        self.result_: Result | None = None
        self.running = False
        self._cancel = threading.Event()
        self.setWindowTitle(tr("Import documents"))
        self.setAcceptDrops(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._setup_page())
        self.summary = ImportSummaryPanel(project, lambda op: run(project, op))
        self.pages.addWidget(self.summary)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button = self.buttons.addButton(tr("Keep the import"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = self.buttons.addButton(tr("Undo the import"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        self.keep_button.clicked.connect(self.accept)
        self.undo_button.clicked.connect(self.reject)
        self.keep_button.hide()
        self.undo_button.hide()
        self.import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 720)
        self._update_import_button()

    # -- the choices ---------------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        self.files = FileList()
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.files.setToolTip(tr("You can also drop files and folders here."))
        add_files = QPushButton(tr("Add files…"))
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(tr("Add folder…"))
        add_folder.clicked.connect(self._choose_folder)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        file_buttons = QVBoxLayout()
        for button in (add_files, add_folder, remove):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addLayout(file_buttons)

        self.kind = QComboBox()
        for kind in CORPUS_KINDS:
            self.kind.addItem(kind_title(kind), kind)
        last = self.settings.value("import/kind", "other") if self.settings else "other"
        self.kind.setCurrentIndex(max(0, self.kind.findData(last)))
        self.case = QComboBox()
        self.case.setEditable(True)
        self.case.addItem("")
        self.case.addItems([c.name for c in catalog.cases(self.project)])
        self.case.lineEdit().setPlaceholderText(tr("none (cases can be linked later)"))
        self.speaker_pattern = QLineEdit()
        self.speaker_pattern.setPlaceholderText(
            tr("automatic: I:, Sara:, [00:01:23] Sara:, Teams “Sara Jensen 0:03”"))
        self.section_pattern = QLineEdit()
        self.section_pattern.setPlaceholderText(
            tr("automatic: ## Vignet 2, Vignet 2: …, [Vignet: Kira]"))
        hint = QLabel(tr(
            "Leave the patterns empty to detect speakers and sections automatically (a label "
            "counts as a speaker when it recurs). A pattern is a regular expression matched "
            "at the start of a line; a speaker pattern names the speaker with (?P<name>…), "
            "e.g. ^(?P<name>[A-ZÆØÅ][a-zæøå]+) svarer:"))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form = QFormLayout()
        form.addRow(tr("Kind of documents:"), self.kind)
        form.addRow(tr("Link to case:"), self.case)
        form.addRow(tr("Speaker pattern:"), self.speaker_pattern)
        form.addRow(tr("Section pattern:"), self.section_pattern)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Transcripts to import ({formats}):").format(
            formats=", ".join(sorted(set(FORMATS.values()))))))
        layout.addLayout(file_row, 1)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        return page

    def add_paths(self, paths) -> None:
        known = set(self.paths())
        folder = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        file = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for raw in paths:
            path = Path(raw)
            if path in known:
                continue
            known.add(path)
            item = QListWidgetItem(folder if path.is_dir() else file,
                                   str(path) + ("/" if path.is_dir() else ""))
            item.setData(PATH_ROLE, str(path))
            self.files.addItem(item)
        self._update_import_button()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(PATH_ROLE)) for i in range(self.files.count())]

    def _choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(FORMATS))
        names, _ = QFileDialog.getOpenFileNames(
            self, tr("Choose transcripts"), self._start_dir(),
            tr("Transcripts") + f" ({patterns});;" + tr("All files") + " (*)")
        self.add_paths(names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose a folder of transcripts"),
                                                  self._start_dir())
        if folder:
            self.add_paths([folder])

    def _start_dir(self) -> str:
        paths = self.paths()
        if paths:
            return str(paths[-1].parent)
        if self.project.path is not None:
            return str(Path(self.project.path).parent)
        return str(Path.home())

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._update_import_button()

    def _update_import_button(self) -> None:
        self.import_button.setEnabled(self.files.count() > 0 and not self.running)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self.pages.currentIndex() == 0:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.add_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])

    # -- running -------------------------------------------------------------------------
    def _show_progress(self, done: int, total: int, what: str) -> None:
        if self._cancel.is_set():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Importing {done} of {total}: {what}").format(
            done=min(done + 1, total), total=total, what=what) if done < total
            else tr("Saving…"))

    def _import_in_thread(self, **options) -> Result:
        """import_files in a worker thread (the dialog stays responsive and can cancel it);
        its value or exception comes back here."""
        bridge = _Bridge()
        outcome: dict = {}

        def report(done: int, total: int, what: str) -> None:
            if self._cancel.is_set():
                raise CancelledError(tr("Import cancelled; nothing was changed."))
            bridge.progressed.emit(done, total, what)

        def work() -> None:
            try:
                outcome["value"] = import_files(self.project, self.paths(), report=report,
                                                skip_failed=True, **options)
            except BaseException as exc:  # raised again in the GUI thread
                outcome["error"] = exc
            bridge.finished.emit()

        loop = QEventLoop()
        bridge.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        bridge.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        worker = threading.Thread(target=work, name="qcoder-import", daemon=True)
        worker.start()
        loop.exec()
        worker.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def start_import(self) -> bool:
        """Import the chosen files; True when the summary is shown."""
        if self.running or not self.paths():
            return False
        self.running = True
        self._cancel.clear()
        self.pages.widget(0).setEnabled(False)
        self._update_import_button()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(tr("Reading…"))
        kind = self.kind.currentData()
        try:
            self.result_ = self._import_in_thread(
                kind=kind, case=self.case.currentText().strip() or None,
                speaker_pattern=self.speaker_pattern.text().strip() or None,
                section_pattern=self.section_pattern.text().strip() or None)
        except CancelledError as exc:
            self._stopped(str(exc))
            return False
        except QcoderError as exc:
            self._stopped(tr("Nothing was imported."))
            QMessageBox.warning(self, tr("Import"), str(exc))
            return False
        self.running = False
        if self.settings is not None:
            self.settings.setValue("import/kind", kind)
        self.summary.show_summary(self.result_.value)
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.cancel_button.hide()
        self.keep_button.show()
        self.undo_button.show()
        self.undo_button.setEnabled(bool(self.result_.value.imported))
        self.keep_button.setText(tr("Keep the import") if self.result_.value.imported
                                 else tr("Close"))
        self.keep_button.setDefault(True)
        self.setWindowTitle(tr("Import documents: summary"))
        return True

    def _stopped(self, message: str) -> None:
        self.running = False
        self.pages.widget(0).setEnabled(True)
        self.progress.hide()
        self.status.setText(message)
        self._update_import_button()

    # -- keeping or undoing --------------------------------------------------------------
    def accept(self) -> None:
        if self.running:
            return
        if self.result_ is None:
            self.start_import()
            return
        if self.result_.value.imported and self.record is not None:
            self.record(tr("Import {n} documents").format(n=len(self.result_.value.imported)),
                        self.result_.inverse)
        super().accept()

    def reject(self) -> None:
        if self.running:
            self._cancel.set()
            self.status.setText(tr("Cancelling…"))
            return
        if self.result_ is not None and self.result_.value.imported:
            try:
                run(self.project, self.result_.inverse)
            except QcoderError as exc:
                QMessageBox.warning(self, tr("Undo the import"), str(exc))
                return
            self.result_ = None
        super().reject()
