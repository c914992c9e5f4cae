"""The codebook editor's form: every field of one code, and which of them the user changed.

The form only shows and collects values; the editor stores the changed ones as one undoable
edit (qcoder.core.codebooks.code_ops.edit_code), so the names of the values are the code's
field names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.catalog import HypothesisInfo
from ...core.codebooks.schema import DIRECTIONS, ORIGINS
from ...core.codebooks.tree import CodeNode
from ..shell.i18n import tr
from .code_detail import DIRECTION_NAMES

NO_LINK = "—"
ORIGIN_NAMES = {"deductive": QT_TRANSLATE_NOOP("", "deductive"),
                "inductive": QT_TRANSLATE_NOOP("", "inductive")}


class CodeForm(QWidget):
    """The fields of one code (disabled while there is none) and its hypothesis links."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded: dict[str, object] = {}
        form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}

        def line(key: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.fields[key] = edit
            return edit

        def text(key: str, height: int, placeholder: str = "") -> QPlainTextEdit:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(placeholder)
            edit.setFixedHeight(height)
            self.fields[key] = edit
            return edit

        form.addRow(tr("Name"), line("name"))
        form.addRow(tr("Danish label"), line("label_da"))
        form.addRow(tr("English label"), line("label_en"))
        colour_row = QHBoxLayout()
        self.colour_button = QPushButton()
        self.colour_button.setFixedWidth(36)
        self.colour_button.clicked.connect(self._pick_colour)
        colour_row.addWidget(self.colour_button)
        colour_row.addWidget(line("color", "#rrggbb"))
        self.fields["color"].textChanged.connect(self._show_colour)
        form.addRow(tr("Colour"), colour_row)
        origin_row = QHBoxLayout()
        self.fields["origin"] = QComboBox()
        for origin in ORIGINS:
            self.fields["origin"].addItem(tr(ORIGIN_NAMES.get(origin, origin)), origin)
        self.fields["round_added"] = QSpinBox()
        self.fields["round_added"].setRange(1, 99)
        origin_row.addWidget(self.fields["origin"])
        origin_row.addWidget(QLabel(tr("added in round")))
        origin_row.addWidget(self.fields["round_added"])
        origin_row.addStretch(1)
        form.addRow(tr("Origin"), origin_row)
        form.addRow(tr("Definition"), text("definition", 90))
        form.addRow(tr("Include"), text("include", 64, tr("what belongs here, incl. boundary "
                                                          "rules")))
        form.addRow(tr("Exclude"), text("exclude", 64, tr("what does not, and where it goes "
                                                          "instead")))
        form.addRow(tr("Indicators"), text("indicators", 64, tr("one per line")))
        form.addRow(tr("Example"), text("example", 64, tr("an invented example statement")))
        form.addRow(tr("Keywords"), line("keywords", tr("comma-separated lemmas, phrases or "
                                                        "prefix*, for suggestions")))
        form.addRow(tr("Survey items"), line("survey_items", tr("comma-separated, e.g. Q1_1, "
                                                                "Q9")))
        self.hypotheses = QTableWidget(0, 2)
        self.hypotheses.setHorizontalHeaderLabels([tr("Hypothesis"), tr("Direction")])
        self.hypotheses.verticalHeader().hide()
        self.hypotheses.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hypotheses.setFixedHeight(130)
        form.addRow(tr("Hypotheses"), self.hypotheses)
        form.addRow(tr("Flagged"), line("flagged", tr("a note that the code needs attention")))

    def _show_colour(self, value: str) -> None:
        colour = QColor(value)
        if colour.isValid():
            self.colour_button.setStyleSheet(f"background: {colour.name()}; border: 1px solid #777")

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.fields["color"].text()), self,
                                       tr("Code colour"))
        if colour.isValid():
            self.fields["color"].setText(colour.name())

    def set_hypotheses(self, hypotheses: list[HypothesisInfo]) -> None:
        """One row per hypothesis a code can be linked to, each unlinked until a code loads."""
        self.hypotheses.setRowCount(len(hypotheses))
        for r, hyp in enumerate(hypotheses):
            item = QTableWidgetItem(f"{hyp.ident}  {hyp.label}")
            item.setData(Qt.ItemDataRole.UserRole, hyp.ident)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.hypotheses.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItem(NO_LINK, NO_LINK)
            for direction in DIRECTIONS:
                combo.addItem(tr(DIRECTION_NAMES.get(direction, direction)), direction)
            self.hypotheses.setCellWidget(r, 1, combo)

    def values(self) -> dict[str, object]:
        """The form's content as code fields."""
        f = self.fields
        values: dict[str, object] = {
            key: f[key].text().strip() for key in
            ("name", "label_da", "label_en", "color", "flagged")}
        for key in ("definition", "include", "exclude", "example"):
            values[key] = f[key].toPlainText().strip()
        values["indicators"] = [line.strip() for line in f["indicators"].toPlainText().splitlines()
                                if line.strip()]
        for key in ("keywords", "survey_items"):
            values[key] = [part.strip() for part in f[key].text().split(",") if part.strip()]
        values["origin"] = f["origin"].currentData()
        values["round_added"] = f["round_added"].value()
        links = []
        for r in range(self.hypotheses.rowCount()):
            direction = self.hypotheses.cellWidget(r, 1).currentData()
            if direction != NO_LINK:
                links.append((self.hypotheses.item(r, 0).data(Qt.ItemDataRole.UserRole), direction))
        values["hypotheses"] = tuple(links)
        return values

    def load(self, node: CodeNode | None) -> None:
        """Show a code's fields (none: an empty, disabled form) and remember them as loaded."""
        self.setEnabled(node is not None)
        if node is None:
            self._loaded = {}
            return
        f = self.fields
        for key, value in (("name", node.name), ("label_da", node.label_da),
                           ("label_en", node.label_en), ("color", node.color),
                           ("flagged", node.flagged), ("keywords", ", ".join(node.keywords)),
                           ("survey_items", ", ".join(node.survey_items))):
            f[key].setText(value)
        for key in ("definition", "include", "exclude", "example"):
            f[key].setPlainText(getattr(node, key))
        f["indicators"].setPlainText("\n".join(node.indicators))
        f["origin"].setCurrentIndex(max(0, f["origin"].findData(node.origin)))
        f["round_added"].setValue(node.round_added)
        links = dict(node.hypotheses)
        for r in range(self.hypotheses.rowCount()):
            ident = self.hypotheses.item(r, 0).data(Qt.ItemDataRole.UserRole)
            combo = self.hypotheses.cellWidget(r, 1)
            combo.setCurrentIndex(max(0, combo.findData(links.get(ident, NO_LINK))))
        self._loaded = self.values()

    def dirty(self) -> dict[str, object]:
        """The fields changed since the code was loaded."""
        if not self._loaded:
            return {}
        now = self.values()
        return {k: v for k, v in now.items() if v != self._loaded.get(k)}
