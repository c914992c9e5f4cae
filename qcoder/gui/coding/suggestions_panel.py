"""The suggestions pane: passages that hold a code's keywords, for the coder to accept or reject.

Suggestions are never codings until accepted: accepting one codes the passage for the current
coder with origin "suggested" (so agreement and reports can tell it apart), rejecting one
remembers the refusal so it is not offered again; both are undoable. The first run loads the
Danish pipeline and indexes the documents, which takes seconds, so every run happens in a
worker thread - behind a cancellable progress dialog when the coder asked for it, quietly when
the list is only brought up to date after a change.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.errors import QcoderError
from ...core.language.candidates import Candidate, still_current
from ...core.language.suggest import accept_suggestions, reject_suggestions
from ..shell.i18n import tr
from .suggestion_items import CANDIDATE_ROLE, CandidateTree, preview_html
from .suggestion_run import SuggestionRun

#: undo labels of the core operations run here, for lupdate
LABELS = (QT_TRANSLATE_NOOP("", "Accept suggestions"), QT_TRANSLATE_NOOP("", "Reject suggestions"))


class SuggestionsPanel(QWidget):
    """Candidates per code (with matched terms marked) for the current document or all."""

    #: document id, start, end of the chosen candidate
    passageChosen = Signal(int, int, int)
    #: a change was made (undoable through the workbench); the window reloads codings
    changed = Signal()

    def __init__(self, workbench, parent=None):
        super().__init__(parent)
        self.workbench = workbench
        self.project = None
        self.document_id: int | None = None
        self.candidates: list[Candidate] = []
        self.has_run = False
        self.run_thread: SuggestionRun | None = None
        self.progress: QProgressDialog | None = None
        self._again = False
        self._generation = 0
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(lambda: self.run(interactive=False))

        self.scope = QComboBox()
        self.scope.addItem(tr("This document"), "document")
        self.scope.addItem(tr("All documents"), "all")
        self.unit = QComboBox()
        self.unit.addItem(tr("Sentences"), "sentence")
        self.unit.addItem(tr("Speaker turns"), "turn")
        self.unit.setToolTip(tr("The passage a suggestion codes"))
        self.codebook = QComboBox()
        self.codebook.setToolTip(tr("Whose codes' keywords to look for"))
        self.find_button = QPushButton(tr("Find suggestions"))
        self.find_button.setToolTip(tr("Look for passages holding the codes' keywords "
                                       "(the first time loads the Danish language tools)"))
        self.find_button.clicked.connect(lambda: self.run(interactive=True))
        for combo in (self.scope, self.unit, self.codebook):
            combo.currentIndexChanged.connect(self._options_changed)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tree = CandidateTree()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(tr("Choose a suggestion to read its passage."))

        self.accept_button = QPushButton(tr("&Accept"))
        self.accept_button.setToolTip(tr("Code the selected passages with their codes "
                                         "(recorded as accepted suggestions)"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(tr("&Reject"))
        self.reject_button.setToolTip(tr("Do not offer the selected suggestions again"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_code_button = QPushButton(tr("Accept a&ll for this code"))
        self.accept_code_button.setToolTip(tr("Code every suggested passage of the selected "
                                              "code"))
        self.accept_code_button.clicked.connect(self.accept_code)

        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        for widget in (self.scope, self.unit, self.codebook):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.find_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_code_button)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.preview)
        lower_box.addLayout(buttons)
        self.preview.setMinimumHeight(40)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._show_status()
        self._update_buttons()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Side by side in a wide, low dock (the bottom), above each other in a tall one."""
        super().resizeEvent(event)
        wide = event.size().width() > 1.8 * event.size().height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            total = (event.size().width() if wide else event.size().height())
            self.splitter.setSizes([total * 3 // 5, total * 2 // 5])

    # -- context -------------------------------------------------------------------------
    def set_project(self, project) -> None:
        self.stop()
        self._generation += 1
        self.project = project
        self.document_id = None
        self.candidates = []
        self.has_run = False
        self.codebook.blockSignals(True)
        self.codebook.clear()
        self.codebook.addItem(tr("All codebooks"), None)
        for book in sorted(catalog.codebooks(project), key=lambda b: b.name):
            self.codebook.addItem(book.name, book.ident)
        self.codebook.blockSignals(False)
        self._fill()

    def set_document(self, document_id: int | None) -> None:
        if document_id == self.document_id:
            return
        self.document_id = document_id
        if self.scope.currentData() == "document" and self.has_run:
            self.note_change()

    def note_change(self) -> None:
        """The project or the coder changed: bring a list already shown up to date, soon."""
        if self.has_run and self.project is not None:
            self._refresh_timer.start()

    def _options_changed(self) -> None:
        self.note_change()

    @property
    def busy(self) -> bool:
        return self.run_thread is not None

    # -- running -------------------------------------------------------------------------
    def run(self, interactive: bool = True) -> bool:
        """Look for suggestions in a worker thread; False when there is nothing to run."""
        if self.project is None:
            return False
        if self.workbench.coder_id is None:
            if interactive:
                QMessageBox.information(self, tr("Suggestions"), tr(
                    "Choose who is coding first (File > Who is coding…): suggestions leave out "
                    "what you have coded or rejected already."))
            return False
        if self.busy:
            self._again = True
            return True
        documents = None
        if self.scope.currentData() == "document":
            if self.document_id is None:
                self.status.setText(tr("Open a document, or choose All documents."))
                return False
            names = {d.id: d.name for d in catalog.documents(self.project)}
            if self.document_id not in names:
                return False
            documents = [names[self.document_id]]
        self.run_thread = SuggestionRun(self.project, self.workbench.coder_id, documents,
                                        self.codebook.currentData(), self.unit.currentData(),
                                        self)
        generation = self._generation
        self.run_thread.found.connect(lambda found: self._finished(generation, found, ""))
        self.run_thread.failed.connect(lambda text: self._finished(generation, None, text))
        if interactive:
            self.progress = QProgressDialog(
                tr("Loading the Danish language tools and indexing the documents…"),
                tr("Cancel"), 0, 0, self.window())
            self.progress.setWindowTitle(tr("Suggestions"))
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(300)
            self.progress.canceled.connect(self.cancel)
            self.run_thread.progressed.connect(self._progressed)
        self.status.setText(tr("Looking for suggestions…"))
        self.find_button.setEnabled(False)
        self.run_thread.start()
        return True

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setLabelText(tr("Indexing documents: {done} of {total}").format(
                done=done, total=total))
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def cancel(self) -> None:
        if self.run_thread is not None:
            self.run_thread.cancelled = True

    def stop(self) -> None:
        """Cancel a run and wait for its thread (before the project closes)."""
        self._refresh_timer.stop()
        if self.run_thread is not None:
            self.run_thread.cancelled = True
            self.run_thread.wait()
            self._generation += 1
            self._end_run()

    def _end_run(self) -> None:
        if self.run_thread is not None:
            self.run_thread.wait()
            self.run_thread.deleteLater()
            self.run_thread = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.find_button.setEnabled(True)

    def _finished(self, generation: int, found: list[Candidate] | None, error: str) -> None:
        interactive = self.progress is not None
        self._end_run()
        if generation != self._generation:
            return
        if found is not None:
            self.candidates = found
            self.has_run = True
            self._fill()
        elif error:
            self.status.setText(tr("No suggestions: {error}").format(error=error))
            if interactive:
                QMessageBox.warning(self, tr("Suggestions"), error)
        else:
            self.status.setText(tr("Cancelled. The documents indexed so far stay indexed."))
        if self._again:
            self._again = False
            self.note_change()

    # -- the list ------------------------------------------------------------------------
    def _fill(self) -> None:
        if not self.tree.fill(self.candidates, expand_all=not self.has_run):
            self._show_preview(None)
        self._show_status()
        self._update_buttons()

    def _show_status(self) -> None:
        if self.project is None:
            self.status.setText("")
        elif not self.has_run:
            self.status.setText(tr("Find passages that hold the keywords of the codebook's codes. "
                                   "Nothing is coded until you accept a suggestion."))
        elif not self.candidates:
            self.status.setText(tr("No suggestions left here: no passage holds a code's keyword, "
                                   "or you have coded or rejected each one. Codes get keywords "
                                   "in the codebook editor."))
        else:
            n = len(self.candidates)
            codes = len({c.suggestion.code_id for c in self.candidates})
            docs = len({c.suggestion.document_id for c in self.candidates})
            self.status.setText(tr("{suggestions} for {codes} {where}").format(
                suggestions=(tr("1 suggestion") if n == 1
                             else tr("{n} suggestions").format(n=n)),
                codes=tr("1 code") if codes == 1 else tr("{n} codes").format(n=codes),
                where=(tr("in 1 document") if docs == 1
                       else tr("in {n} documents").format(n=docs))))

    # -- the chosen candidate ------------------------------------------------------------
    def _current_changed(self, item, _previous) -> None:
        candidate = item.data(0, CANDIDATE_ROLE) if item is not None else None
        if isinstance(candidate, Candidate):
            self._show_preview(candidate)
            x = candidate.suggestion
            self.passageChosen.emit(x.document_id, x.start, x.end)
        else:
            self._show_preview(None)

    def _show_preview(self, candidate: Candidate | None) -> None:
        if candidate is None:
            self.preview.clear()
            return
        self.preview.setHtml(preview_html(candidate, self.preview.palette()))

    def _update_buttons(self) -> None:
        chosen = bool(self.tree.selected_candidates())
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        self.accept_code_button.setEnabled(self.tree.current_code() is not None)

    # -- accepting and rejecting ---------------------------------------------------------
    def accept_selected(self) -> int:
        return self._decide(self.tree.selected_candidates(), accept=True)

    def reject_selected(self) -> int:
        return self._decide(self.tree.selected_candidates(), accept=False)

    def accept_code(self) -> int:
        code_id = self.tree.current_code()
        chosen = [c for c in self.candidates if c.suggestion.code_id == code_id]
        return self._decide(chosen, accept=True)

    def _decide(self, chosen: list[Candidate], accept: bool) -> int:
        """Accept or reject the candidates as one undoable step; how many were done."""
        coder = self.workbench.coder_id
        if not chosen or self.project is None:
            return 0
        if coder is None:
            QMessageBox.information(self, tr("Suggestions"),
                                    tr("Choose who is coding first (File > Who is coding…)."))
            return 0
        if not still_current(self.project, chosen):
            self.run(interactive=False)
            self.status.setText(tr("The text changed since these suggestions were found; they "
                                   "are being looked for again."))
            return 0
        action = accept_suggestions if accept else reject_suggestions
        label = "Accept suggestions" if accept else "Reject suggestions"
        try:
            result = action(self.project, [c.suggestion for c in chosen], coder)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Suggestions"), str(exc))
            return 0
        self.workbench.undo.record(label, result.inverse)
        if accept:
            for code_id in {c.suggestion.code_id for c in chosen}:
                self.workbench.remember_code(code_id)
        self._drop(chosen)
        self.changed.emit()
        return len(chosen)

    def _drop(self, chosen: list[Candidate]) -> None:
        """Take decided candidates off the list and move on to the next one."""
        gone = {c.key for c in chosen}
        after = self.tree.next_after(gone)
        self.candidates = [c for c in self.candidates if c.key not in gone]
        self._fill()
        if after is not None:
            self.tree.select(after)


class _CloseWatcher(QObject):
    """Stops a running search before the window closes (and its project with it)."""

    def __init__(self, panel: SuggestionsPanel):
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.panel.stop()
        return False


def install(window) -> QDockWidget:
    """Create the suggestions dock in the main window and wire it to the workbench."""
    wb = window.workbench
    panel = SuggestionsPanel(wb, window)
    dock = QDockWidget(tr("Suggestions"), window)
    dock.setObjectName("suggestions")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)

    def show_passage(doc_id: int, start: int, end: int) -> None:
        window.documents.choose(doc_id)
        window.open_document(doc_id)
        window.view.select_range(start, end)

    panel.passageChosen.connect(show_passage)
    panel.changed.connect(lambda: wb.notify())
    wb.changed.connect(lambda _changes, _initiator: panel.note_change())
    wb.visibilityChanged.connect(panel.note_change)
    window.documents.documentChosen.connect(panel.set_document)
    watcher = _CloseWatcher(panel)
    window.installEventFilter(watcher)
    window.suggestions = panel
    return dock


def open_suggestions(window) -> None:
    """Code > Suggest codings: show the pane and look for suggestions."""
    window.suggestions_dock.show()
    window.suggestions_dock.raise_()
    window.suggestions.run(interactive=True)
