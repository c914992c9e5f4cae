"""The analysis window: the displays researchers write from, one tab each - hypothesis
display, overview matrix, code x case, motivation profile, joint display - over the codings
the main window shows (blind mode holds here too), narrowed by a coder and a round filter.

Views rebuild when the project changes (any undoable change, undo/redo, coder visibility)
- the visible one at once, the others when they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ...core import catalog
from ...core.analysis.displays import coding_rounds
from ..shell.i18n import tr
from .display_base import DisplayView, Scope, refill_combo, scope_for
from .hypothesis_view import HypothesisView
from .matrix_views import CodeCaseView, OverviewView
from .profile_joint_views import JointView, ProfileView

TABS = (("hypotheses", HypothesisView, QT_TRANSLATE_NOOP("", "Hypothesis display")),
        ("overview", OverviewView, QT_TRANSLATE_NOOP("", "Overview matrix")),
        ("matrix", CodeCaseView, QT_TRANSLATE_NOOP("", "Code × case")),
        ("profile", ProfileView, QT_TRANSLATE_NOOP("", "Motivation profile")),
        ("joint", JointView, QT_TRANSLATE_NOOP("", "Joint display")))


#: how long the main window's changes must pause before a display in the background rebuilds
IDLE_MS = 1500


class DisplaysWindow(QWidget):
    def __init__(self, window):
        super().__init__(window, Qt.WindowType.Window)
        self.window = window
        self.setObjectName("DisplaysWindow")
        self.setWindowTitle(tr("Displays") + " \u2014 qcoder")
        self.resize(1320, 820)
        self.coder = QComboBox()
        self.coder.setToolTip(tr("Whose codings the displays count and quote"))
        self.round = QComboBox()
        self.round.setToolTip(tr("Only codings made in this coding round"))
        self.blind = QLabel(" " + tr("Blind mode: only your codings are shown") + " ")
        self.blind.setStyleSheet("background:#f2c94c; color:#3d2f00; border-radius:3px;"
                                 "padding:2px 6px; font-weight:bold")
        bar = QHBoxLayout()
        for w in (QLabel(tr("Codings by:")), self.coder, QLabel(tr("Round:")), self.round):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.blind)
        self.tabs = QTabWidget()
        self.views: dict[str, DisplayView] = {}
        for key, cls, title in TABS:
            self.views[key] = cls(self)
            self.tabs.addTab(self.views[key], tr(title))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh_current)
        for combo in (self.coder, self.round):
            combo.currentIndexChanged.connect(lambda _i: self.invalidate())
        window.workbench.changed.connect(lambda _changes, _initiator: self.invalidate())
        window.workbench.visibilityChanged.connect(self.invalidate)
        self.fill_filters()

    @property
    def project(self):
        return self.window.project

    # -- whose codings ---------------------------------------------------------------------
    def fill_filters(self) -> None:
        """The coder filter offers the coders visible in the main window; the round filter
        the rounds with codings."""
        wb = self.window.workbench
        visible = wb.visible_coders()
        names, rounds = [], []
        if self.project is not None:
            names = [c.name for c in catalog.coders(self.project)
                     if visible is None or c.name in visible]
            rounds = coding_rounds(self.project)
        refill_combo(self.coder, [(tr("All shown coders"), None)] + [(n, n) for n in names])
        refill_combo(self.round, [(tr("All rounds"), None)] + [(str(r), r) for r in rounds])
        self.blind.setVisible(wb.blind)

    def scope(self) -> Scope:
        return scope_for(self.project, self.window.workbench.visible_coders(),
                         self.coder.currentData(), self.round.currentData())

    # -- refreshing ------------------------------------------------------------------------
    def invalidate(self) -> None:
        """The project or the coders in view changed: rebuild - at once when this window is
        in use, else once coding in the main window pauses (a big display takes a moment)."""
        for view in self.views.values():
            view.built_revision = None
        if self.isVisible():
            self._timer.start(0 if self.isActiveWindow() else IDLE_MS)

    def refresh_current(self) -> None:
        self.fill_filters()
        view = self.tabs.currentWidget()
        if view.built_revision is None or view.is_stale():
            view.refresh()

    def project_changed(self) -> None:
        """Another project was opened: fresh views, no choices carried over."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            old.deleteLater()
        for key, cls, title in TABS:
            self.views[key] = cls(self)
            self.tabs.addTab(self.views[key], tr(title))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.invalidate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start(0)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and self._timer.isActive():
            self._timer.start(0)

    # -- navigation ------------------------------------------------------------------------
    def show_display(self, key: str) -> DisplayView:
        view = self.views[key]
        self.tabs.setCurrentWidget(view)
        self.show()
        self.raise_()
        self.activateWindow()
        self.refresh_current()
        return view

    def show_hypothesis(self, ident: str, case: str | None = None) -> HypothesisView:
        view = self.views["hypotheses"]
        self.tabs.setCurrentWidget(view)
        view.select(ident)
        self.refresh_current()
        if case is not None and view.current is not None:
            for row, cells in enumerate(view.current.rows):
                if cells[0].value == case:
                    view.table.setCurrentIndex(view.model.index(row, view.verdict_col))
                    view.table.scrollTo(view.model.index(row, 0))
        return view


def open_displays(window, key: str = "hypotheses") -> DisplayView | None:
    """Show the analysis window at a display (made on first use)."""
    if window.project is None:
        window.statusBar().showMessage(tr("Open a project first."), 4000)
        return None
    if getattr(window, "displays_window", None) is None:
        window.displays_window = DisplaysWindow(window)
    return window.displays_window.show_display(key)
