"""The hypothesis display: one row per case for the chosen hypothesis - the display columns'
condensed statements with their quotes, the researcher's verdict (coloured), the computed
suggestion beside it (never written over the verdict), counts of supporting and contradicting
codings, key quotes with citations, and optional case attributes and survey answers.

Editing runs core operations on the window's undo stack: the verdict (double-click the
verdict cell, or the row's context menu), a display cell's statement and quotes (double-click
the cell), the evidence and counter-evidence for a verdict (Evidence…). Double-clicking a
count or the key quotes opens the codings behind them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QStyledItemDelegate

from ...core import catalog
from ...core.analysis.build import build_display
from ...core.analysis.counter_evidence import FlagCounterEvidence, UnflagCounterEvidence
from ...core.analysis.displays import VERDICT_SYMBOLS, Options, Table
from ...core.analysis.evidence import coding_choices
from ...core.analysis.verdicts import VERDICTS, SetCell, SetEvidence, SetVerdict, verdict_state
from ...core.operations import Batch
from ...core.survey.datasets import survey_contents
from ..shell.i18n import tr
from .display_base import DisplayView, Scope, refill_combo
from .display_model import tone_colour
from .verdict_editor import CellEditor, ColumnsDialog, EvidenceDialog


class VerdictDelegate(QStyledItemDelegate):
    """The verdict cell edits in a list of the five verdicts (and "no verdict")."""

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItem(tr("(no verdict)"), "")
        for verdict in VERDICTS:
            box.addItem(f"{VERDICT_SYMBOLS[verdict]} {verdict}", verdict)
            colour = tone_colour(verdict)
            if colour is not None:
                box.setItemData(box.count() - 1, colour, Qt.ItemDataRole.BackgroundRole)
        box.activated.connect(lambda _i: (self.commitData.emit(box), self.closeEditor.emit(box)))
        return box

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setCurrentIndex(max(editor.findData(value), 0))
        editor.showPopup()

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class HypothesisView(DisplayView):
    key = "hypotheses"

    def __init__(self, host, parent=None):
        super().__init__(host, parent)
        self.hypothesis = QComboBox()
        self.hypothesis.setMinimumContentsLength(28)
        self.hypothesis.setToolTip(tr("The hypothesis whose display is shown"))
        self.hypothesis.currentIndexChanged.connect(lambda _i: self.refresh())
        columns = QPushButton(tr("Columns…"))
        columns.setToolTip(tr("Add case attributes and the interviewees' own survey answers"))
        columns.clicked.connect(self.choose_columns)
        self.evidence_button = QPushButton(tr("Evidence…"))
        self.evidence_button.setToolTip(tr("Choose the codings the selected case's verdict rests "
                                           "on, and flag counter-evidence"))
        self.evidence_button.clicked.connect(lambda: self.choose_evidence(self._row()))
        self.accept_button = QPushButton(tr("Accept suggestion"))
        self.accept_button.setToolTip(tr("Record the suggested verdict as the selected case's "
                                         "verdict"))
        self.accept_button.clicked.connect(lambda: self.accept_suggestion(self._row()))
        for w in (self.hypothesis, columns, self.evidence_button, self.accept_button):
            self.controls.addWidget(w)
        self.attributes: tuple[str, ...] = ()
        self.survey: str | None = None
        self.items: tuple[str, ...] = ()
        self.case_ids: list[int] = []
        self.display_columns: dict[int, str] = {}
        self.verdict_col = -1
        self.hypothesis_id: int | None = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.model.editRequested.connect(self._edited)
        self.table.setEditTriggers(self.table.EditTrigger.EditKeyPressed)   # F2 on a verdict

    # -- building ------------------------------------------------------------------------
    def prepare(self) -> None:
        refill_combo(self.hypothesis,
                     [(h.title, h.ident) for h in catalog.hypotheses(self.project)])

    def select(self, ident: str) -> None:
        self.hypothesis.setCurrentIndex(max(self.hypothesis.findData(ident), 0))

    def options(self, scope: Scope) -> Options:
        return scope.options(hypothesis=self.hypothesis.currentData(), attributes=self.attributes,
                             survey=self.survey, survey_items=self.items if self.survey else ())

    def build(self, options: Options) -> Table | None:
        if not options.hypothesis:
            self.empty_text = tr("No hypotheses yet - load a codebook with hypotheses.")
            return None
        ids = {case.name: case.id for case in catalog.cases(self.project)}
        if not ids:
            self.empty_text = tr("No cases yet. Cases come with imported case attributes.")
            return None
        table = build_display(self.project, "hypotheses", options)
        hyp = next(h for h in catalog.hypotheses(self.project) if h.ident == options.hypothesis)
        self.hypothesis_id = hyp.id
        self.case_ids = [ids[row[0].value] for row in table.rows]
        offset = 1 + len(options.attributes)
        self.display_columns = {offset + i: name for i, name in enumerate(hyp.display_columns)}
        self.verdict_col = next(j for j, c in enumerate(table.columns) if c.kind == "verdict")
        self.empty_text = tr("No case has codings for this hypothesis's codes yet.")
        return table

    def show_table(self, table: Table) -> None:
        self.model.set_table(table, editable={self.verdict_col}, faint={self.verdict_col + 1})
        self.table.setItemDelegateForColumn(self.verdict_col, VerdictDelegate(self.table))

    def case_of_cell(self, row: int, column: int) -> int | None:
        return self.case_ids[row]

    def _row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    # -- editing -------------------------------------------------------------------------
    def activated(self, index) -> None:
        row, col = index.row(), index.column()
        if col == self.verdict_col:
            self.table.edit(index)
        elif col in self.display_columns:
            self.edit_cell(row, col)
        else:
            self.open_cell(row, col)

    def _run(self, op) -> bool:
        return self.host.window.workbench.run(op) is not None

    def _edited(self, row: int, col: int, value: str) -> None:
        if col == self.verdict_col:
            self.set_verdict(row, value or None)

    def set_verdict(self, row: int, verdict: str | None) -> bool:
        if not 0 <= row < len(self.case_ids):
            return False
        return self._run(SetVerdict(self.case_ids[row], self.hypothesis_id, verdict))

    def suggestion(self, row: int) -> str:
        text = self.model.text(row, self.verdict_col + 1)
        return text.split(" ", 1)[-1]

    def accept_suggestion(self, row: int) -> bool:
        return 0 <= row < len(self.case_ids) and self.set_verdict(row, self.suggestion(row))

    def _choices(self, row: int):
        case_id = self.case_ids[row]
        choices = coding_choices(self.project, self.host.scope().options(), case_id,
                                 self.hypothesis_id)
        return choices, verdict_state(self.project, case_id, self.hypothesis_id)

    def cell_editor(self, row: int, col: int) -> CellEditor:
        choices, state = self._choices(row)
        column = self.display_columns[col]
        statement, quotes = state.cell(column) if state else ("", ())
        title = f"{self.model.text(row, 0)} \u2014 {column}"
        return CellEditor(title, statement, choices, quotes, self)

    def edit_cell(self, row: int, col: int) -> None:
        dialog = self.cell_editor(row, col)
        if dialog.exec():
            self.save_cell(row, col, *dialog.value())

    def save_cell(self, row: int, col: int, statement: str, quotes: tuple[str, ...]) -> bool:
        return self._run(SetCell(self.case_ids[row], self.hypothesis_id,
                                 self.display_columns[col], statement, quotes))

    def evidence_dialog(self, row: int) -> EvidenceDialog:
        choices, state = self._choices(row)
        title = tr("Evidence for {hypothesis} in {case}").format(
            hypothesis=self.hypothesis.currentData(), case=self.model.text(row, 0))
        return EvidenceDialog(title, choices, state.evidence if state else (), self)

    def choose_evidence(self, row: int) -> None:
        if not 0 <= row < len(self.case_ids):
            self.host.window.statusBar().showMessage(tr("Select a case's row first."), 4000)
            return
        dialog = self.evidence_dialog(row)
        if dialog.exec():
            self.save_evidence(row, dialog)

    def save_evidence(self, row: int, dialog: EvidenceDialog) -> bool:
        """One undoable step: the verdict's evidence and the counter-evidence flags changed."""
        evidence, flagged = dialog.value()
        state = verdict_state(self.project, self.case_ids[row], self.hypothesis_id)
        ops = []
        if evidence != (state.evidence if state else ()):
            ops.append(SetEvidence(self.case_ids[row], self.hypothesis_id, evidence))
        for choice in dialog.choices:
            if choice.flagged != (choice.uuid in flagged):
                ops.append(FlagCounterEvidence(choice.uuid, self.hypothesis_id)
                           if choice.uuid in flagged
                           else UnflagCounterEvidence(choice.uuid, self.hypothesis_id))
        if not ops:
            return False
        return self._run(Batch(tuple(ops), label="Evidence and counter-evidence"))

    def _menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        row, col = index.row(), index.column()
        menu = QMenu(self)
        verdicts = menu.addMenu(tr("Verdict"))
        for verdict in VERDICTS:
            verdicts.addAction(f"{VERDICT_SYMBOLS[verdict]} {verdict}",
                               lambda v=verdict: self.set_verdict(row, v))
        verdicts.addSeparator()
        verdicts.addAction(tr("(no verdict)"), lambda: self.set_verdict(row, None))
        menu.addAction(tr("Accept suggestion ({verdict})").format(verdict=self.suggestion(row)),
                       lambda: self.accept_suggestion(row))
        menu.addAction(tr("Evidence and counter-evidence…"), lambda: self.choose_evidence(row))
        if col in self.display_columns:
            menu.addAction(tr("Edit this cell…"), lambda: self.edit_cell(row, col))
        menu.addAction(tr("Open the codings behind this cell"),
                       lambda: self.open_cell(row, col)).setEnabled(
            bool(self.model.cell(row, col).codings))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- extra columns -------------------------------------------------------------------
    def columns_dialog(self) -> ColumnsDialog:
        attributes = [a.name for a in catalog.attributes(self.project)]
        surveys = {ds.name: [(i.ident, i.wording)
                             for i in survey_contents(self.project, ds.name).items]
                   for ds in catalog.surveys(self.project)}
        return ColumnsDialog(attributes, surveys, self.attributes, self.survey, self.items, self)

    def choose_columns(self) -> None:
        if self.project is None:
            return
        dialog = self.columns_dialog()
        if dialog.exec():
            self.set_columns(*dialog.value())

    def set_columns(self, attributes, survey, items) -> None:
        self.attributes, self.survey, self.items = tuple(attributes), survey, tuple(items)
        self.refresh()

