"""The motivation profile (cases x chosen codes, cells "quote -> interpretation", the
interpretation being the coding's memo) and the joint display (a row per theme and linked
survey item: k of n interviews with the Danish prevalence word, quotes with citations and
the interviewee's own answer, the item's wording, base N, top-box % overall and by subgroup)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...core import catalog
from ...core.analysis.build import build_display
from ...core.analysis.displays import Options, Table
from ...core.survey.datasets import survey_contents
from ..shell.i18n import tr
from .display_base import DisplayView, Scope, refill_combo

HIDDEN_JOINT_COLUMNS = ("Kode", "k", "n")


class CodeChoiceDialog(QDialog):
    """Tick codes in the code tree; an empty choice means the display's default."""

    def __init__(self, title: str, paths: dict[int, str], parents: dict[int, int | None],
                 chosen, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        items: dict[int, QTreeWidgetItem] = {}
        for code_id in sorted(paths, key=lambda c: paths[c]):
            parent_item = items.get(parents.get(code_id))
            item = QTreeWidgetItem([paths[code_id].rsplit("/", 1)[-1]])
            item.setData(0, Qt.ItemDataRole.UserRole, paths[code_id])
            item.setToolTip(0, paths[code_id])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if paths[code_id] in chosen
                               else Qt.CheckState.Unchecked)
            (parent_item.addChild(item) if parent_item else self.tree.addTopLevelItem(item))
            items[code_id] = item
        self.items = items
        self.tree.expandToDepth(0)
        note = QLabel(tr("Nothing ticked: the display chooses its default codes."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def value(self) -> tuple[str, ...]:
        return tuple(item.data(0, Qt.ItemDataRole.UserRole) for item in self.items.values()
                     if item.checkState(0) == Qt.CheckState.Checked)


class _CodesChoice:
    """A "Codes…" button and the chosen code paths, for a view."""

    codes: tuple[str, ...] = ()

    def code_dialog(self, title: str) -> CodeChoiceDialog:
        codes = catalog.codes(self.project)
        paths = {c.id: c.path for c in codes}
        parents = {c.id: c.parent_id for c in codes}
        return CodeChoiceDialog(title, paths, parents, self.codes, self)

    def choose_codes(self) -> None:
        if self.project is None:
            return
        dialog = self.code_dialog(self.codes_title)
        if dialog.exec():
            self.set_codes(dialog.value())

    def set_codes(self, codes) -> None:
        self.codes = tuple(codes)
        self.refresh()


def _quotes_box(value: int, refresh) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 6)
    box.setValue(value)
    box.setToolTip(tr("How many quotes per cell"))
    box.valueChanged.connect(lambda _v: refresh())
    return box


class ProfileView(_CodesChoice, DisplayView):
    key = "profile"

    def __init__(self, host, parent=None):
        super().__init__(host, parent)
        self.codes_title = tr("Codes of the motivation profile")
        button = QPushButton(tr("Codes…"))
        button.setToolTip(tr("Choose the motivation codes (columns); by default the top "
                             "codes linked to hypotheses"))
        button.clicked.connect(self.choose_codes)
        self.quotes = _quotes_box(2, self.refresh)
        for w in (button, QLabel(tr("Quotes per cell:")), self.quotes):
            self.controls.addWidget(w)
        self.case_ids: list[int] = []

    def options(self, scope: Scope) -> Options:
        return scope.options(codes=self.codes, quotes=self.quotes.value())

    def build(self, options: Options) -> Table | None:
        ids = {case.name: case.id for case in catalog.cases(self.project)}
        if not ids:
            self.empty_text = tr("No cases yet. Cases come with imported case attributes.")
            return None
        table = build_display(self.project, "profile", options)
        if len(table.columns) == 1:
            self.empty_text = tr("No codes linked to hypotheses - choose the profile's codes "
                                 "with Codes….")
            return None
        self.case_ids = [ids[row[0].value] for row in table.rows]
        return table

    def case_of_cell(self, row: int, column: int) -> int | None:
        return self.case_ids[row]


class JointView(_CodesChoice, DisplayView):
    key = "joint"

    def __init__(self, host, parent=None):
        super().__init__(host, parent)
        self.codes_title = tr("Themes of the joint display")
        self.survey = QComboBox()
        self.survey.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.survey.setToolTip(tr("The survey whose items are shown beside the interviews"))
        self.subgroup = QComboBox()
        self.subgroup.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subgroup.setMinimumContentsLength(24)
        self.subgroup.setToolTip(tr("Top-box % by the groups of this survey variable"))
        button = QPushButton(tr("Themes…"))
        button.setToolTip(tr("Choose the themes (codes); by default the codes linked to "
                             "survey items"))
        button.clicked.connect(self.choose_codes)
        self.quotes = _quotes_box(2, self.refresh)
        for w in (QLabel(tr("Survey:")), self.survey, QLabel(tr("Subgroup:")), self.subgroup,
                  button, QLabel(tr("Quotes:")), self.quotes):
            self.controls.addWidget(w)
        self.survey.currentIndexChanged.connect(lambda _i: self.refresh())
        self.subgroup.currentIndexChanged.connect(lambda _i: self.refresh())

    def prepare(self) -> None:
        surveys = [ds.name for ds in catalog.surveys(self.project)]
        refill_combo(self.survey, [(name, name) for name in surveys]
                     or [(tr("(no survey loaded)"), None)])
        self.survey.setEnabled(bool(surveys))
        items = []
        if self.survey.currentData():
            items = [(f"{i.ident} \u2014 {i.wording}" if i.wording else i.ident, i.ident)
                     for i in survey_contents(self.project, self.survey.currentData()).items]
        refill_combo(self.subgroup, [(tr("(no subgroup)"), None)] + items)

    def options(self, scope: Scope) -> Options:
        return scope.options(codes=self.codes, quotes=self.quotes.value(),
                             survey=self.survey.currentData(), subgroup=self.subgroup.currentData())

    def build(self, options: Options) -> Table | None:
        table = build_display(self.project, "joint", options)
        if not table.rows:
            self.empty_text = tr("No themes linked to survey items yet - link codes to survey "
                                 "items in the codebook, or choose themes with Themes….")
            return None
        return table

    def show_table(self, table: Table) -> None:
        """The view leaves out what "Tema" and "Interviews" (k af n) already say; exports
        keep the code path, and k and n as numbers."""
        super().show_table(table)
        for j, column in enumerate(table.columns):
            self.table.setColumnHidden(j, column.header in HIDDEN_JOINT_COLUMNS)
