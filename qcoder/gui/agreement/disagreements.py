"""The disagreement browser: every unit or segment where two coders differ, each shown on the
text with both coders' codings side by side, to be decided after discussion - accept A, accept
B, both, neither, or code an edited range - with a discussion memo.

Decisions become codings of the "Konsensus" coder through core consensus.decide; the original
codings stay, so the report can show agreement before and after the discussion. Each decision
is one step on the window's undo stack. What was decided is read back from the project (the
decision's memo and the Konsensus codings), so it survives closing the browser, and an undo
shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.agreement import AgreementReport
from ...core.agreement.consensus import (
    KONSENSUS,
    Decision,
    coded_ranges,
    decide,
    decision_key,
    decisions,
)
from ...core.documents.texts import document_text
from ...core.errors import QcoderError
from ..codebook.codebook_panel import colour_swatch
from ..shell.i18n import tr
from .agreement_tables import shown_path
from .coder_pane import CoderPane, konsensus_color, unit_band_color

INDEX_ROLE = Qt.ItemDataRole.UserRole
SHORTCUTS = {"a": "Ctrl+1", "b": "Ctrl+2", "both": "Ctrl+3", "neither": "Ctrl+0",
             "edit": "Ctrl+E"}
NEXT, PREVIOUS = "Ctrl+Down", "Ctrl+Up"


def _key(d: dict) -> str:
    return decision_key(d["code"], d["start"], d["end"])


class DisagreementBrowser(QDialog):
    def __init__(self, project, workbench, report: AgreementReport, colors: dict[str, str],
                 parent=None):
        super().__init__(parent)
        self.project, self.workbench, self.colors = project, workbench, colors
        self.items = report.disagreements
        self.coders: tuple[str, str] = tuple(report.data["coders"])  # type: ignore[assignment]
        if len(self.coders) != 2:
            raise QcoderError("the disagreement browser compares two coders")
        self.unit = report.data["unit"]
        self.current: int | None = None
        self.decisions: dict[str, Decision] = {}  # by decision_key
        self._texts: dict[str, str] = {}          # document name -> text
        self.setWindowTitle(tr("Disagreements: {a} and {b}").format(a=self.coders[0],
                                                                    b=self.coders[1]))
        a, b = self.coders
        self.code_filter = QComboBox()
        self.code_filter.currentIndexChanged.connect(self._filter)
        self.undecided_only = QCheckBox(tr("Undecided only"))
        self.undecided_only.toggled.connect(self._filter)
        self.position = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Code:")))
        top.addWidget(self.code_filter, 1)
        top.addWidget(self.undecided_only)
        top.addWidget(self.position)

        self.list = QTreeWidget()
        self.list.setHeaderLabels(["#", tr("Document"), tr("Code"), tr("Coded by"),
                                   tr("Decision"), tr("Text")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.currentItemChanged.connect(self._chosen)
        self._fill_list()

        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.left, self.right = CoderPane(), CoderPane()
        panes = QSplitter()
        panes.addWidget(self.left)
        panes.addWidget(self.right)
        self.konsensus = QLabel()
        self.konsensus.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        labels = {"a": tr("Accept {a}").format(a=a), "b": tr("Accept {b}").format(b=b),
                  "both": tr("Both"), "neither": tr("Neither"),
                  "edit": tr("Edit: code the selection")}
        tips = {"a": tr("Konsensus codes what {a} coded here").format(a=a),
                "b": tr("Konsensus codes what {b} coded here").format(b=b),
                "both": tr("Konsensus codes what either coder coded here"),
                "neither": tr("Konsensus does not code this passage with the code"),
                "edit": tr("Select the right passage in either text, then press this")}
        row = QHBoxLayout()
        for key, text in labels.items():
            button = QPushButton(f"{text}  ({SHORTCUTS[key]})")
            button.setToolTip(tips[key])
            button.clicked.connect(lambda _=False, k=key: self.decide(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀ " + tr("Previous"))
        self.previous_button.setToolTip(PREVIOUS)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setText(tr("Next") + " ▶")
        self.next_button.setToolTip(NEXT)
        self.next_button.clicked.connect(lambda: self.step(1))
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)

        self.memo = QPlainTextEdit()
        self.memo.setPlaceholderText(tr("Discussion memo: why you decided as you did (saved "
                                        "with the decision, as a memo on the document)"))
        self.memo.setMaximumHeight(90)
        self.advance = QCheckBox(tr("Go to the next undecided one after a decision"))
        self.advance.setChecked(True)
        undo = QPushButton(tr("Undo"))
        undo.setToolTip(tr("Undo the last change (also Edit > Undo in the main window)"))
        undo.clicked.connect(self.workbench.undo.undo)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.advance)
        bottom.addStretch(1)
        bottom.addWidget(undo)
        bottom.addWidget(close)

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.setContentsMargins(0, 0, 0, 0)
        d.addWidget(self.legend)
        d.addWidget(panes, 1)
        d.addWidget(self.konsensus)
        d.addLayout(row)
        d.addWidget(self.memo)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setSizes([200, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        keys = QLabel(tr("Keys: Ctrl+1 accept {a} · Ctrl+2 accept {b} · Ctrl+3 both · "
                         "Ctrl+0 neither · Ctrl+E edit · Ctrl+Down / Ctrl+Up next / previous")
                      .format(a=a, b=b))
        keys.setEnabled(False)
        layout.addWidget(keys)
        layout.addLayout(bottom)
        self._shortcuts()
        self.workbench.changed.connect(self._project_changed)
        self.workbench.visibilityChanged.connect(self._visibility_changed)
        self.resize(1300, 860)
        self.read_decisions()
        self._filter()

    # -- the list ----------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        for key, keys in SHORTCUTS.items():
            self._add_action(keys, lambda _=False, k=key: self.decide(k))
        self._add_action(NEXT, lambda: self.step(1))
        self._add_action(PREVIOUS, lambda: self.step(-1))

    def _add_action(self, keys: str, slot) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _fill_list(self) -> None:
        books = {d["code"].split("/", 1)[0] for d in self.items}
        self._strip = len(books) == 1
        counts: dict[str, int] = {}
        for i, d in enumerate(self.items):
            counts[d["code"]] = counts.get(d["code"], 0) + 1
            text = " ".join(d["text"].split())
            item = QTreeWidgetItem([str(i + 1), d["document"], self._short(d["code"]),
                                    ", ".join(d["coded_by"]), "", text])
            item.setData(0, INDEX_ROLE, i)
            item.setIcon(2, colour_swatch(self.colors.get(d["code"], "#999999")))
            item.setToolTip(2, d["code"])
            item.setToolTip(5, d["text"][:600])
            self.list.addTopLevelItem(item)
        self.code_filter.blockSignals(True)
        self.code_filter.addItem(tr("All codes ({n})").format(n=len(self.items)), "")
        for code in sorted(counts):
            self.code_filter.addItem(colour_swatch(self.colors.get(code, "#999999")),
                                     f"{self._short(code)} ({counts[code]})", code)
        self.code_filter.blockSignals(False)
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _short(self, code: str) -> str:
        return shown_path(code, self._strip)

    def _rows(self) -> list[QTreeWidgetItem]:
        return [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]

    def _visible(self) -> list[QTreeWidgetItem]:
        return [item for item in self._rows() if not item.isHidden()]

    def _filter(self) -> None:
        code = self.code_filter.currentData() or ""
        undecided = self.undecided_only.isChecked()
        for item in self._rows():
            d = self.items[item.data(0, INDEX_ROLE)]
            hidden = (code and d["code"] != code) or (undecided and self._decided(d))
            item.setHidden(bool(hidden))
        visible = self._visible()
        if not visible:
            self.show_index(None)
        elif self.list.currentItem() is None or self.list.currentItem().isHidden():
            self.list.setCurrentItem(visible[0])
        self._update_position()

    def _chosen(self, item, _previous=None) -> None:
        self.show_index(item.data(0, INDEX_ROLE) if item is not None else None)

    def select(self, index: int) -> None:
        """Show disagreement `index` (into report.disagreements)."""
        item = self.list.topLevelItem(index)
        if item.isHidden():
            self.code_filter.setCurrentIndex(0)
            self.undecided_only.setChecked(False)
        self.list.setCurrentItem(item)

    def step(self, delta: int) -> None:
        visible = self._visible()
        if not visible:
            return
        current = self.list.currentItem()
        at = visible.index(current) if current in visible else -1
        self.list.setCurrentItem(visible[max(0, min(len(visible) - 1, at + delta))])

    def _update_position(self) -> None:
        visible = self._visible()
        current = self.list.currentItem()
        at = visible.index(current) + 1 if current in visible else 0
        decided = sum(1 for d in self.items if self._decided(d))
        self.position.setText(tr("{at} of {n} · {done} of {total} decided").format(
            at=at, n=len(visible), done=decided, total=len(self.items)))

    # -- what the project says -------------------------------------------------------------------
    def _decided(self, d: dict) -> bool:
        return _key(d) in self.decisions

    def read_decisions(self) -> None:
        """The latest decision (and its memo) for each disagreement, from the project."""
        self.decisions = decisions(self.project)
        names = self.decision_names()
        for item in self._rows():
            done = self.decisions.get(_key(self.items[item.data(0, INDEX_ROLE)]))
            item.setText(4, names[done.decision] if done else "")

    def decision_names(self) -> dict[str, str]:
        a, b = self.coders
        return {"a": tr("accept {a}").format(a=a), "b": tr("accept {b}").format(b=b),
                "both": tr("both"), "neither": tr("neither"), "edit": tr("edited range")}

    def _text(self, name: str) -> str:
        if name not in self._texts:
            self._texts[name] = document_text(self.project, name).text
        return self._texts[name]

    # -- showing one ---------------------------------------------------------------------------
    def show_index(self, index: int | None) -> None:
        self.current = index
        for button in self.buttons.values():
            button.setEnabled(index is not None)
        if index is None:
            self.legend.setText(tr("No disagreements to show."))
            self.konsensus.setText("")
            self._update_position()
            return
        d = self.items[index]
        text = self._text(d["document"])
        ranges = coded_ranges(self.project, d["document"], d["code"], (*self.coders, KONSENSUS))
        color = self.colors.get(d["code"], "#999999")
        unit = (d["start"], d["end"])
        palette = self.palette()
        for pane, coder in ((self.left, self.coders[0]), (self.right, self.coders[1])):
            pane.show_document(d["document"], text)
            pane.mark(unit, ranges[coder], color, ranges[KONSENSUS])
            coded = any(a < unit[1] and b > unit[0] for a, b in ranges[coder])
            mark = ('<span style="color:#2e9d50">✔</span> ' + tr("coded here") if coded else
                    '<span style="color:#c0392b">✘</span> ' + tr("not coded here"))
            pane.heading.setText(f"<b>{coder}</b> — {mark}")
        self.legend.setText(
            f'<span style="background:{color}">&nbsp;&nbsp;&nbsp;&nbsp;</span> '
            + tr("coded with <b>{code}</b>").format(code=self._short(d["code"]))
            + f' &nbsp;&nbsp; <span style="background:{unit_band_color(palette).name()}">'
            + "&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            + tr("the {unit} in question ({document}, {start}–{end})").format(
                unit=self._unit_word(), document=d["document"], start=d["start"], end=d["end"])
            + f' &nbsp;&nbsp; <span style="color:{konsensus_color(palette).name()}">'
            + "<u>&nbsp;abc&nbsp;</u></span> " + tr("coded by {k}").format(k=KONSENSUS))
        done = self.decisions.get(_key(d))
        here = [(a, b) for a, b in ranges[KONSENSUS] if a < unit[1] and b > unit[0]]
        if done:
            state = tr("Decided: {decision}.").format(
                decision=self.decision_names()[done.decision])
        else:
            state = tr("Not decided yet.")
        if here:
            state += " " + tr("{k} codes {n} passage(s) here: {ranges}.").format(
                k=KONSENSUS, n=len(here), ranges=", ".join(f"{a}–{b}" for a, b in here))
        self.konsensus.setText(state)
        self.memo.setPlainText(done.memo if done else "")
        self._update_position()

    def _unit_word(self) -> str:
        return {"character": tr("characters"), "segment": tr("segment"),
                "sentence": tr("sentence"), "paragraph": tr("paragraph"),
                "turn": tr("speaker turn"), "section": tr("section")}[self.unit]

    # -- deciding ------------------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        focused = [p for p in (self.left, self.right) if p.text.hasFocus()]
        for pane in focused + [self.left, self.right]:
            rng = pane.selected_range()
            if rng:
                return rng
        return None

    def decide(self, decision: str) -> bool:
        """Record `decision` on the shown disagreement; True when it was recorded."""
        if self.current is None:
            return False
        d = self.items[self.current]
        ranges = None
        if decision == "edit":
            rng = self.selected_range()
            if rng is None:
                QMessageBox.information(self, tr("Edit the range"), tr(
                    "Select the passage to code in either text first, then choose Edit."))
                return False
            ranges = [rng]
        try:
            result = decide(self.project, document=d["document"], code=d["code"],
                            start=d["start"], end=d["end"], coders=self.coders,
                            decision=decision, ranges=ranges, memo=self.memo.toPlainText())
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Not done"), str(exc))
            return False
        self.workbench.undo.record(tr("Consensus decision"), result.inverse)
        self.workbench.notify()  # also re-reads what is decided (_project_changed)
        if self.advance.isChecked():
            self._next_undecided()
        return True

    def _next_undecided(self) -> None:
        visible = self._visible()
        current = self.list.currentItem()
        at = visible.index(current) if current in visible else -1
        for item in visible[at + 1:] + visible[:at]:
            if not self._decided(self.items[item.data(0, INDEX_ROLE)]):
                self.list.setCurrentItem(item)
                return

    def _project_changed(self, _changes=None, _initiator=None) -> None:
        self.read_decisions()
        if self.undecided_only.isChecked():
            self._filter()
        self.show_index(self.current)

    def _visibility_changed(self) -> None:
        if self.workbench.blind:  # blind mode hides the others' codings: so must we
            self.close()

    def closeEvent(self, event) -> None:
        for signal, slot in ((self.workbench.changed, self._project_changed),
                             (self.workbench.visibilityChanged, self._visibility_changed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().closeEvent(event)
