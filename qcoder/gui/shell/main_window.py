"""The main window - the coding workbench: documents on the left, the transcript with its
coding stripes in the centre, the codebook on the right, coded segments, search and cases
below. Docks remember their layout; every change runs through the Workbench (undoable, committed
at once). Menus and shortcuts are built in menus.py; coding actions live in coding_actions.py.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QSizePolicy,
    QToolBar, QToolButton, QWidget,
)

from ...core.errors import QcoderError
from ...core.coding.layers import document_layers
from ...core.lookup import code_paths
from ...core.store import PROJECT_SUFFIX, Project
from ...core.store.models import Code, Document
from ..coding.case_panel import CasePanel
from ..codebook.codebook_panel import CODE_ROLE, CodebookPanel
from ..coding.coding_actions import CodingActions
from .dialogs import CoderChoiceDialog, CoderDialog
from ..coding.document_list import DocumentList
from ..coding.document_view import DocumentView
from ..displays.hypothesis_actions import add_hypothesis_actions, install_segment_menu
from .i18n import tr
from ..files.import_dialog import ImportDialog
from .menus import build_menus
from ..coding.quick_code import QuickCodeBox
from ..coding.retrieval_panel import RetrievalPanel
from ..coding.search_panel import SearchPanel
from ..coding.suggestions_panel import install as install_suggestions
from .workbench import Workbench

MAX_RECENT = 8
STATE_VERSION = 2


class MainWindow(CodingActions, QMainWindow):
    def __init__(self, project: Project | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("qcoder", "qcoder")
        self.setObjectName("MainWindow")
        self.project: Project | None = None
        self.workbench = Workbench(self.settings, self)
        self.workbench.changed.connect(self._on_changed)
        self.workbench.visibilityChanged.connect(self._on_visibility)
        self.workbench.failed.connect(lambda text: QMessageBox.warning(self, tr("Not done"), text))
        self.code_info: dict[int, tuple[str, str]] = {}
        self.displays_window = None   # the analysis window (displays_window.py), made on use
        self._dirty_docs: set[int] | None = set()
        self._lists_timer = QTimer(self, singleShot=True, interval=0)
        self._lists_timer.timeout.connect(self.refresh_lists)
        self.resize(1500, 900)

        self.view = DocumentView(self)
        self.view.memo_lookup = self._memo_of_coding
        self.view.contextMenuAt.connect(self.text_menu)
        self.view.codingMenuRequested.connect(self.stripe_menu)
        self.view.resizeRequested.connect(self.resize_coding)
        self.view.codingClicked.connect(self._coding_clicked)
        self.setCentralWidget(self.view)

        self.documents = DocumentList()
        self.documents.documentChosen.connect(self.open_document)
        self.documents_dock = self._dock("documents", tr("Documents"), self.documents,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.codebook: CodebookPanel | None = None
        self.codes_dock = self._dock("codes", tr("Codebook"), QWidget(),
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        self.retrieval = RetrievalPanel()
        self.retrieval.jumpTo.connect(self.jump_to)
        self.retrieval_dock = self._dock("segments", tr("Coded segments"), self.retrieval,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.search = SearchPanel()
        self.search.jumpTo.connect(lambda d, s, e: self.jump_to(d, s, e, None))
        self.search.codeAllRequested.connect(self.code_hits)
        self.search.failed.connect(lambda text: QMessageBox.warning(self, tr("Search"), text))
        self.search_dock = self._dock("search", tr("Search"), self.search,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.cases = CasePanel()
        self.cases.editRequested.connect(self._edit_case)
        self.cases_dock = self._dock("cases", tr("Cases"), self.cases,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.retrieval_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.cases_dock)
        self.suggestions_dock = install_suggestions(self)
        self.tabifyDockWidget(self.cases_dock, self.suggestions_dock)
        self.retrieval_dock.raise_()
        self.resizeDocks([self.documents_dock, self.codes_dock], [330, 340],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.retrieval_dock], [230], Qt.Orientation.Vertical)

        self.quick = QuickCodeBox()
        self.quick.codeChosen.connect(self.apply_code)
        self.toolbar = QToolBar(tr("Coding"))
        self.toolbar.setObjectName("coding_toolbar")
        self.toolbar.addWidget(self.quick)
        self.toolbar.addSeparator()
        self.shortcut_hint = QLabel(tr("Ctrl+1…9: the codes you use will appear here "
                                       "(pin one with Code > Pin current code)"))
        self.shortcut_hint.setEnabled(False)
        self.shortcut_hint_action = self.toolbar.addWidget(self.shortcut_hint)
        self.shortcut_buttons: list[QToolButton] = []
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.blind_badge = QLabel(" " + tr("Blind mode: only your codings are shown") + " ")
        self.blind_badge.setStyleSheet("background:#f2c94c; color:#3d2f00; border-radius:3px;"
                                       "padding:2px 6px; font-weight:bold")
        self.blind_badge_action = self.toolbar.addWidget(self.blind_badge)
        self.blind_badge_action.setVisible(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.actions = build_menus(self)
        install_segment_menu(self)
        self.fill_recent()
        self._restore_layout()
        if project is not None:
            self.set_project(project)
        else:
            self._update_title()

    # -- layout --------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, STATE_VERSION)
        zoom = int(self.settings.value("window/zoom", 0) or 0)
        if zoom:
            self.view.zoomIn(zoom)
        self.view.set_line_numbers(str(self.settings.value("line_numbers", "false")) == "true")

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))

    def zoom(self, steps: int) -> None:
        current = int(self.settings.value("window/zoom", 0) or 0)
        steps = -current if steps == 0 else steps
        if steps > 0:
            self.view.zoomIn(steps)
        elif steps < 0:
            self.view.zoomOut(-steps)
        self.settings.setValue("window/zoom", current + steps)

    def set_line_numbers(self, on: bool) -> None:
        self.view.set_line_numbers(on)
        self.settings.setValue("line_numbers", "true" if on else "false")

    # -- projects ------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        if project.path is not None:
            self._remember(project.path)
        self.workbench.set_project(project)
        self.search.set_project(project)
        self.suggestions.set_project(project)
        self.codebook = CodebookPanel(project, self)
        self.codebook.set_coder(self.workbench.coder_id, self.workbench.coder_name)
        self.codebook.undo_sink = self._record_codebook_change
        self.codebook.codeActivated.connect(self.apply_code)
        self.codebook.currentCodeChanged.connect(self._code_chosen)
        self.install_drop(self.codebook.tree, CODE_ROLE)
        old = self.codes_dock.widget()
        self.codes_dock.setWidget(self.codebook)
        old.deleteLater()
        self.view.show_empty()
        self.retrieval.show_code(project, None, "")
        self.refresh()
        self.open_first_document()
        if self.displays_window is not None:
            self.displays_window.project_changed()

    def refresh(self) -> None:
        """Re-read everything shown from the project."""
        self._read_codes()
        self._apply_blind_to_codebook()
        self.blind_badge_action.setVisible(self.workbench.blind)
        self.documents.fill(self.project, self.workbench.visible_coders(),
                            self.workbench.coder_name)
        self.cases.fill(self.project)
        self.codebook.refresh()
        self._update_shortcuts()
        self._update_title()
        self._update_status()

    def open_first_document(self) -> None:
        if self.documents.items:
            self.documents.choose(next(iter(self.documents.items)))
        else:
            self.view.show_empty(tr("This project has no documents yet. Use File > Import to "
                                    "add transcripts."))

    def ask_coder(self, first_run: bool = False) -> bool:
        """Ask who is coding; True when a coder is set afterwards."""
        known = self.workbench.coders() if self.project else []
        dialog = CoderDialog(known, self.workbench.coder_name, self, first_run=first_run)
        if dialog.exec():
            try:
                self.workbench.set_coder(dialog.value())
            except QcoderError as exc:
                QMessageBox.warning(self, tr("Who is coding?"), str(exc))
        return bool(self.workbench.coder_name)

    def _update_title(self) -> None:
        if self.project is None:
            self.setWindowTitle("qcoder")
            self.status.setText(tr("No project open"))
            return
        self.setWindowTitle(f"{self.project.title} — {self.project.display_name} — qcoder")

    def open_path(self, path: str | Path) -> bool:
        try:
            project = Project.open(path)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Cannot open project"), str(exc))
            return False
        self.set_project(project)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open project"), self._last_dir(),
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if path:
            self.open_path(path)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("New project"), self._last_dir(),
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        title, ok = QInputDialog.getText(self, tr("New project"), tr("Title:"),
                                         text=Path(path).stem)
        if not ok:
            return
        try:
            project = Project.create(path, title=title)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Cannot create project"), str(exc))
            return
        self.set_project(project)

    def import_documents(self) -> None:
        if self.project is None:
            self.statusBar().showMessage(tr("Open a project first."), 4000)
            return
        dialog = ImportDialog(self.project, self)
        if dialog.exec():
            self.refresh()

    def _last_dir(self) -> str:
        recent = self._recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _recent(self) -> list[str]:
        value = self.settings.value("recent_projects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        path_s = str(Path(path).resolve())
        recent = [p for p in self._recent() if p != path_s]
        self.settings.setValue("recent_projects", [path_s, *recent][:MAX_RECENT])
        self.fill_recent()

    def fill_recent(self) -> None:
        menu = self.actions["recent_menu"]
        menu.clear()
        recent = self._recent()
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))

    def closeEvent(self, event) -> None:
        self.save_layout()
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)

    # -- the open document ---------------------------------------------------------------
    def open_document(self, doc_id: int) -> None:
        if self.view.document_id == doc_id:
            return
        layers = document_layers(self.project, doc_id, self.workbench.visible_coders())
        self.view.show_layers(layers)
        self._update_status()

    def reload_codings(self) -> None:
        doc = self.view.document_id
        if doc is None:
            return
        with self.project.session() as s:
            document = s.get(Document, doc)
            if document is None:
                self.view.show_empty()
                return
            if document.text != self.view.layers.text:  # e.g. undoing a pseudonymisation
                self.view.show_layers(document_layers(self.project, doc,
                                                      self.workbench.visible_coders()))
                self.documents.fill(self.project, self.workbench.visible_coders(),
                                    self.workbench.coder_name)
                return
        self.view.set_marks(document_layers(self.project, doc,
                                            self.workbench.visible_coders()).codings)

    def jump_to(self, doc_id: int, start: int, end: int, uuid: str | None) -> None:
        self.documents.choose(doc_id)
        self.open_document(doc_id)
        self.view.select_range(start, end)
        if uuid:
            self.view.select_coding(uuid)
        self.view.setFocus()

    def _memo_of_coding(self, uuid: str) -> str:
        return self.workbench.coding_memo(uuid) if self.project else ""

    def coding_menu(self, menu, uuid: str) -> None:
        super().coding_menu(menu, uuid)
        add_hypothesis_actions(self, menu, uuid)

    def _coding_clicked(self, uuid: str) -> None:
        mark = self.view.index.by_uuid.get(uuid)
        if mark is not None:
            self.view.select_range(mark.start, mark.end, center=False)
            self.statusBar().showMessage(f"{mark.code_path} — {mark.coder}", 5000)

    # -- codes ---------------------------------------------------------------------------
    def _read_codes(self) -> None:
        with self.project.session() as s:
            paths = code_paths(s)
            colors = dict(s.execute(sa.select(Code.id, Code.color)).all())
        self.code_info = {cid: (path, colors[cid]) for cid, path in paths.items()}
        self.quick.set_codes(paths)

    def current_code_id(self) -> int | None:
        return self.codebook.current_code_id() if self.codebook else None

    def _code_chosen(self, code_id: int) -> None:
        if code_id < 0 or code_id not in self.code_info:
            self.retrieval.show_code(self.project, None, "")
            return
        self.retrieval.show_code(self.project, code_id, self.code_info[code_id][0],
                                 self.workbench.visible_coders())

    def pin_current_code(self) -> None:
        code_id = self.current_code_id()
        if code_id is None:
            self.statusBar().showMessage(tr("Choose a code in the codebook first."), 4000)
            return
        self.workbench.toggle_pin(code_id)
        self._update_shortcuts()

    def _update_shortcuts(self) -> None:
        for button in self.shortcut_buttons:
            self.toolbar.removeAction(button.property("action"))
        self.shortcut_buttons = []
        codes = self.workbench.shortcut_codes()
        self.shortcut_hint_action.setVisible(not codes)
        pinned = set(self.workbench.pinned())
        for n, action in enumerate(self.actions["shortcuts"]):
            if n < len(codes):
                path, _color = self.code_info[codes[n]]
                name = path.rsplit("/", 1)[-1]
                action.setText(f"&{n + 1}  {name}")
                action.setToolTip(f"{path} (Ctrl+{n + 1})" + (" · " + tr("pinned")
                                                              if codes[n] in pinned else ""))
                button = QToolButton()
                button.setDefaultAction(action)
                button.setText(f"{n + 1} {name}")
                button.setProperty("action",
                                   self.toolbar.insertWidget(self.shortcut_hint_action, button))
                self.shortcut_buttons.append(button)
            else:
                action.setText(tr("Shortcut code {n}").format(n=n + 1))

    def _edit_case(self, op) -> None:
        if self.workbench.run(op, reload=False) is None:
            # show the value as it still is, once the table has finished its edit
            QTimer.singleShot(0, lambda: self.cases.fill(self.project))

    def _record_codebook_change(self, label: str, inverse) -> None:
        self.workbench.undo.record(label, inverse)
        self._on_changed(True)

    # -- reacting to changes -------------------------------------------------------------
    def note_change(self, documents: list[int] | None) -> None:
        """Lists show stale counts for these documents (None: all); refresh them soon."""
        if documents is None or self._dirty_docs is None:
            self._dirty_docs = None
        else:
            self._dirty_docs.update(documents)
        self._lists_timer.start()

    def _on_changed(self, reload: bool) -> None:
        if reload:
            self._read_codes()
            self.reload_codings()
            self.note_change(None)
        else:
            self.note_change([self.view.document_id] if self.view.document_id else None)

    def refresh_lists(self) -> None:
        if self.project is None:
            return
        docs = None if self._dirty_docs is None else sorted(self._dirty_docs)
        self._dirty_docs = set()
        visible = self.workbench.visible_coders()
        if docs is None:
            self.cases.fill(self.project)
            with self.project.session() as s:   # an import or its undo adds/removes some
                present = set(s.scalars(sa.select(Document.id)))
            if present != set(self.documents.items):
                self.documents.fill(self.project, visible, self.workbench.coder_name)
        self.documents.update_counts(self.project, visible, self.workbench.coder_name, docs)
        self.codebook.refresh()
        if self.retrieval.code_id is not None:
            self.retrieval.reload()
        self._update_shortcuts()
        self._update_status()

    def _on_visibility(self) -> None:
        if self.project is None:
            return
        self.codebook.set_coder(self.workbench.coder_id, self.workbench.coder_name)
        self._apply_blind_to_codebook()
        self.documents.fill(self.project, self.workbench.visible_coders(),
                            self.workbench.coder_name)
        self.reload_codings()
        self.retrieval.show_code(self.project, self.retrieval.code_id, self.retrieval.code_name,
                                 self.workbench.visible_coders())
        self.actions["blind"].setChecked(self.workbench.blind)
        self.blind_badge_action.setVisible(self.workbench.blind)
        for mode, action in self.actions["visibility"].items():
            action.setChecked(self.workbench.mode == mode)
            action.setEnabled(not self.workbench.blind)
        self._update_status()

    def _apply_blind_to_codebook(self) -> None:
        """In blind mode the codebook shows only the coder's own counts."""
        if self.codebook is not None:
            self.codebook.set_blind(self.workbench.blind)

    def toggle_blind(self, on: bool) -> None:
        if on == self.workbench.blind:
            return
        leave = QMessageBox.StandardButton.Yes
        if not on and QMessageBox.question(
                self, tr("Leave blind mode"),
                tr("Show other coders' codings again? Your coding so far stays as it is, but "
                   "from now on you will see where others coded.")) != leave:
            self.actions["blind"].setChecked(True)
            return
        self.workbench.set_blind(on)

    def choose_visible_coders(self) -> None:
        others = [c for c in self.workbench.coders() if c != self.workbench.coder_name]
        if not others:
            self.statusBar().showMessage(tr("No other coders in this project yet."), 4000)
            self.workbench.set_visibility("mine")
            return
        dialog = CoderChoiceDialog(others, self.workbench.chosen, self)
        if dialog.exec():
            self.workbench.set_visibility("chosen", dialog.value())
        else:
            self._on_visibility()   # the menu shows the choice still in force

    def _update_status(self) -> None:
        if self.project is None:
            return
        wb = self.workbench
        shown = (tr("blind mode: only your codings") if wb.blind else
                 {"mine": tr("your codings"), "all": tr("all coders' codings"),
                  "chosen": tr("codings by you and {names}").format(
                      names=", ".join(sorted(wb.chosen)) or "-")}[wb.mode])
        parts = [tr("Coder: {name}").format(name=wb.coder_name or tr("(nobody yet)")),
                 tr("Round {n}").format(n=wb.round), shown]
        if self.view.layers:
            parts.append(tr("Codings: {here} here, {total} in the project").format(
                here=len(self.view.index), total=self.documents.total()))
        else:
            parts.append(tr("Codings: {total} in the project").format(
                total=self.documents.total()))
        self.status.setText("   ·   ".join(parts))
