"""What an import brought in, shown before the user keeps it: per file what was detected (turns,
speakers, pages, sections), what was skipped as a duplicate, what failed and why, and the
speakers found, ready to be renamed, merged or marked as interviewer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import catalog
from ...core.documents.batch_import import ImportSummary
from ..shell.i18n import tr
from .speakers_panel import SpeakersPanel


def _tone(palette: QPalette, kind: str) -> QColor:
    """Readable red/grey for failed/skipped rows on light and dark backgrounds."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    if kind == "failed":
        return QColor("#ff8a80" if dark else "#b3261e")
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def totals_text(summary: ImportSummary) -> str:
    t = summary.totals()
    parts = [tr("Documents imported: {documents} (speaker turns: {turns}, speakers: "
                "{speakers}, pages: {pages}, sections: {sections}).").format(**t)]
    if t["duplicates"]:
        parts.append(tr("Skipped because their text is already in the project: {n}.")
                     .format(n=t["duplicates"]))
    if t["failed"]:
        parts.append(tr("Could not be read: {n} (see Messages); the rest was imported.")
                     .format(n=t["failed"]))
    return " ".join(parts)


def _reason(outcome) -> str:
    """The error without the file's path in front (the row names the file already)."""
    for prefix in (f"{outcome.path}: ", f"{outcome.path.name}: "):
        if outcome.message.startswith(prefix):
            return outcome.message[len(prefix):]
    return outcome.message


class ImportSummaryPanel(QWidget):
    def __init__(self, project, run, parent=None):
        super().__init__(parent)
        self.project = project
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.files = QTreeWidget()
        self.files.setRootIsDecorated(False)
        self.files.setColumnCount(6)
        self.files.setHeaderLabels([tr("File"), tr("Result"), tr("Turns"), tr("Speakers"),
                                    tr("Pages"), tr("Sections")])
        header = self.files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in range(2, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.messages = QPlainTextEdit()
        self.messages.setReadOnly(True)
        self.messages.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.messages.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.files.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 30)
        self.messages_label = QLabel(tr("Messages"))
        self.speakers = SpeakersPanel(project, run)
        self.speakers_label = QLabel(tr("Speakers found (check them before you keep the "
                                        "import)"))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.files, 1)
        top_layout.addWidget(self.messages_label)
        top_layout.addWidget(self.messages, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.speakers_label)
        bottom_layout.addWidget(self.speakers, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)

    def show_summary(self, summary: ImportSummary) -> None:
        self.totals.setText(totals_text(summary))
        self.files.clear()
        lines: list[str] = []
        names = [f.document for f in summary.imported]
        ids = {d.name: d.id for d in catalog.documents(self.project)}
        for outcome in summary.files:
            if outcome.status == "imported":
                result = tr("imported as “{name}”").format(name=outcome.document)
                counts = [outcome.turns, len(outcome.speakers), outcome.pages, outcome.sections]
            elif outcome.status == "duplicate":
                result = tr("skipped: same text as “{name}”").format(name=outcome.document)
                counts = ["", "", "", ""]
            else:
                result = tr("failed: {reason}").format(reason=_reason(outcome))
                counts = ["", "", "", ""]
            item = QTreeWidgetItem([outcome.path.name, result, *(str(c) for c in counts)])
            item.setToolTip(0, str(outcome.path))
            item.setToolTip(1, outcome.message)
            for column in range(2, 6):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            if outcome.status != "imported":
                for column in range(6):
                    item.setForeground(column, _tone(self.palette(), outcome.status))
            self.files.addTopLevelItem(item)
            if outcome.status == "failed":
                lines.append(tr("Not imported: {message}").format(message=outcome.message))
            elif outcome.status == "duplicate":
                lines.append(tr("Skipped {file}: the same text is already document “{name}”.")
                             .format(file=outcome.path.name, name=outcome.document))
            lines += [f"{outcome.path.name}: {w}" for w in outcome.warnings]
        self.files.resizeColumnToContents(0)
        self.files.setColumnWidth(0, min(self.files.columnWidth(0) + 12, 280))
        self.messages.setPlainText("\n".join(lines))
        self.messages.setVisible(bool(lines))
        self.messages_label.setVisible(bool(lines))
        doc_ids = [ids[n] for n in names if n in ids]
        self.speakers.show_documents(doc_ids)
        self.speakers.setVisible(bool(doc_ids))
        self.speakers_label.setVisible(bool(doc_ids))
