"""The overview matrix (cases x hypotheses: verdict symbols, counts, verdict colours) and the
code x case matrix (counts, presence or share of the case's text; per code or code family;
for focus groups code x section x case). A matrix cell opens the codings behind it; an
overview cell opens that hypothesis's display at the case."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from ...core import catalog
from ...core.analysis.build import build_display
from ...core.analysis.displays import Options, Table
from ...core.analysis.matrices import LEVELS, MEASURES, matrix_choices
from ..shell.i18n import tr
from .display_base import DisplayView, Scope, muted, refill_combo

MEASURE_NAMES = (QT_TRANSLATE_NOOP("", "Count of codings"), QT_TRANSLATE_NOOP("", "Presence"),
                 QT_TRANSLATE_NOOP("", "Share of the case's text (%)"))
LEVEL_NAMES = (QT_TRANSLATE_NOOP("", "Codes"), QT_TRANSLATE_NOOP("", "Code families"))


class OverviewView(DisplayView):
    key = "overview"

    def __init__(self, host, parent=None):
        super().__init__(host, parent)
        self.controls.addWidget(muted(QLabel(tr(
            "Double-click a cell to open that hypothesis's display at the case."))))
        self.case_names: list[str] = []

    def build(self, options: Options) -> Table | None:
        if not catalog.hypotheses(self.project):
            self.empty_text = tr("No hypotheses yet - load a codebook with hypotheses.")
            return None
        if not catalog.cases(self.project):
            self.empty_text = tr("No cases yet. Cases come with imported case attributes.")
            return None
        table = build_display(self.project, "overview", options)
        self.case_names = [row[0].value for row in table.rows]
        return table

    def activated(self, index) -> None:
        if index.column() == 0:
            return
        self.host.show_hypothesis(self.current.columns[index.column()].header,
                                  self.case_names[index.row()])


class CodeCaseView(DisplayView):
    key = "matrix"

    def __init__(self, host, parent=None):
        super().__init__(host, parent)
        self.measure = QComboBox()
        for value, name in zip(MEASURES, MEASURE_NAMES):
            self.measure.addItem(tr(name), value)
        self.level = QComboBox()
        for value, name in zip(LEVELS, LEVEL_NAMES):
            self.level.addItem(tr(name), value)
        self.family = QComboBox()
        self.family.setMinimumContentsLength(18)
        self.family.setToolTip(tr("Only this code and the codes below it"))
        self.by_section = QCheckBox(tr("By section (focus groups)"))
        self.by_section.setToolTip(tr("Code x section (vignette) x case, over the documents "
                                      "that have sections"))
        for label, widget in ((tr("Cells:"), self.measure), (tr("Rows:"), self.level),
                              (tr("Codes:"), self.family), (None, self.by_section)):
            if label:
                self.controls.addWidget(QLabel(label))
            self.controls.addWidget(widget)
        for box in (self.measure, self.level, self.family):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.by_section.toggled.connect(lambda _on: self.refresh())
        self.column_cases: list[int | None] = []

    def prepare(self) -> None:
        choices = matrix_choices(self.project)
        refill_combo(self.family, [(tr("All codes"), None)]
                     + [(path.split("/", 1)[-1], path) for path in choices.families])
        self.by_section.setEnabled(choices.has_sections)
        if not choices.has_sections and self.by_section.isChecked():
            self.by_section.blockSignals(True)
            self.by_section.setChecked(False)
            self.by_section.blockSignals(False)

    def options(self, scope: Scope) -> Options:
        return scope.options(measure=self.measure.currentData(), level=self.level.currentData(),
                             family=self.family.currentData())

    def build(self, options: Options) -> Table | None:
        if not catalog.codes(self.project):
            self.empty_text = tr("No codes yet - load or create a codebook.")
            return None
        by_name = {case.name: case.id for case in catalog.cases(self.project)}
        if not by_name:
            self.empty_text = tr("No cases yet. Cases come with imported case attributes.")
            return None
        by_section = self.by_section.isChecked()
        table = build_display(self.project, "matrix", options, by_section=by_section)
        if by_section and len(table.columns) == 3:
            self.empty_text = tr("No codings inside sections (vignettes) yet.")
            return None
        self.column_cases = [None] + [
            next((by_name[n] for n in by_name if column.header.startswith(n + " \u00b7 ")), None)
            if by_section else by_name.get(column.header)
            for column in table.columns[1:]]
        return table

    def show_table(self, table: Table) -> None:
        heat = range(1, len(table.columns) - 2) if self.measure.currentData() != "presence" else ()
        self.model.set_table(table, heat=heat, label=code_label)

    def case_of_cell(self, row: int, column: int) -> int | None:
        return self.column_cases[column] if column < len(self.column_cases) else None


def code_label(path: str) -> str:
    """"Book/Parent/Child" -> the code's name indented by its depth below the codebook."""
    parts = path.split("/")
    return "    " * max(len(parts) - 2, 0) + parts[-1]
