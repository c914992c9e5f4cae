"""The main window - the coding workbench: documents on the left, the transcript with its
coding stripes in the centre, the codebook on the right, coded segments, search and cases
below. Docks remember their layout; every change runs through the Workbench (undoable, committed
at once) and is shown by refresh.py from what it changed. Menus and shortcuts are built in
menus.py, project files opened in project_files.py; coding actions live in coding_actions.py.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from ...core import catalog
from ...core.coding.layers import document_layers
from ...core.errors import QcoderError
from ...core.store import Project
from ..codebook.codebook_panel import CODE_ROLE, CodebookPanel
from ..coding.case_panel import CasePanel
from ..coding.coding_actions import CodingActions
from ..coding.document_list import DocumentList
from ..coding.document_view import DocumentView
from ..coding.quick_code import QuickCodeBox
from ..coding.retrieval_panel import RetrievalPanel
from ..coding.search_panel import SearchPanel
from ..coding.suggestions_panel import install as install_suggestions
from ..displays.hypothesis_actions import add_hypothesis_actions, install_segment_menu
from .dialogs import CoderChoiceDialog, CoderDialog
from .i18n import tr
from .menus import build_menus
from .project_files import ProjectFiles
from .refresh import ChangeRefresh
from .workbench import Workbench

STATE_VERSION = 2


class MainWindow(ChangeRefresh, ProjectFiles, CodingActions, QMainWindow):
    def __init__(self, project: Project | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("qcoder", "qcoder")
        self.setObjectName("MainWindow")
        self.project: Project | None = None
        self.workbench = Workbench(self.settings, self)
        self._follow_changes()
        self.workbench.visibilityChanged.connect(self._on_visibility)
        self.workbench.failed.connect(lambda text: QMessageBox.warning(self, tr("Not done"), text))
        self.code_info: dict[int, tuple[str, str]] = {}
        self.displays_window = None   # the analysis window (displays_window.py), made on use
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
        codes = catalog.codes(self.project)
        self.code_info = {code.id: (code.path, code.color) for code in codes}
        self.quick.set_codes({code.id: code.path for code in codes})

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
        if self.workbench.run(op, initiator=self.cases) is None:
            # show the value as it still is, once the table has finished its edit
            QTimer.singleShot(0, lambda: self.cases.fill(self.project))

    def _record_codebook_change(self, label: str, inverse) -> None:
        """The codebook editor ran an operation itself: make it undoable, show what it did."""
        self.workbench.undo.record(label, inverse)
        self.workbench.notify()

    # -- whose codings are shown ---------------------------------------------------------
    def _on_visibility(self) -> None:
        if self.project is None:
            return
        self.codebook.set_coder(self.workbench.coder_id, self.workbench.coder_name)
        self._apply_blind_to_codebook()
        self.documents.fill(self.project, self.workbench.visible_coders(),
                            self.workbench.coder_name)
        self.redraw_codings()
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
