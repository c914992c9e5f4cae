"""Document > Edit text…: fix transcription errors after coding.

Saving runs the core EditText operation, which carries every coding, turn, page and section
to its new place through a diff of old and new text. A coding whose words were deleted
entirely is kept aside as "detached" and named in a message - never dropped silently - and
Edit > Undo restores the old text with every coding where it was.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.documents.editing import EditReport, EditText
from ...core.documents.texts import document_text
from ..coding.textpos import TextPositions
from ..shell.i18n import tr

MAX_LISTED = 12


class EditTextDialog(QDialog):
    """A plain-text editor for one document's text; `text()` is what to save."""

    def __init__(self, name: str, text: str, cursor: int = 0, parent=None, font=None):
        super().__init__(parent)
        self.original = text
        self.setWindowTitle(tr("Edit text of “{name}”").format(name=name))
        hint = QLabel(tr("Fix transcription errors here. Codings, speaker turns, pages and "
                         "sections move with the text. A coding whose words you delete "
                         "entirely is set aside and reported, and Edit > Undo brings the old "
                         "text back."))
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        if font is not None:
            self.editor.setFont(font)
        self.editor.setPlainText(text)
        place = self.editor.textCursor()
        place.setPosition(min(TextPositions(text).to_qt(cursor),
                              self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(place)
        self.editor.centerCursor()
        self.find = QLineEdit()
        self.find.setPlaceholderText(tr("Find in this text (Enter: next)"))
        self.find.returnPressed.connect(self.find_next)
        find_next = QPushButton(tr("Find next"))
        find_next.clicked.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find.setFocus)
        row = QHBoxLayout()
        row.addWidget(self.find, 1)
        row.addWidget(find_next)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 640)

    def text(self) -> str:
        return self.editor.toPlainText()

    def changed(self) -> bool:
        return self.text() != self.original

    def find_next(self) -> bool:
        needle = self.find.text()
        if not needle:
            return False
        if self.editor.find(needle):
            return True
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)   # wrap around once
        return self.editor.find(needle, QTextDocument.FindFlag(0))

    def reject(self) -> None:
        if self.changed() and QMessageBox.question(
                self, tr("Discard changes"), tr("Close without saving your changes to the "
                                                "text?")) != QMessageBox.StandardButton.Yes:
            return
        super().reject()


def detached_message(report: EditReport, visible: set[str] | None) -> str:
    """The codings an edit set aside, those of coders not shown only counted."""
    shown = [d for d in report.detached if visible is None or d.coder in visible]
    lines = [tr("The words of {n} codings were deleted, so they no longer have a place in "
                "the text. They are kept aside as detached codings; Edit > Undo restores "
                "the old text and puts them back.").format(n=len(report.detached)), ""]
    for d in shown[:MAX_LISTED]:
        excerpt = " ".join(d.text.split())
        excerpt = excerpt if len(excerpt) <= 60 else excerpt[:57] + "…"
        lines.append(f"• {d.code} ({d.coder}): “{excerpt}”")
    if len(shown) > MAX_LISTED:
        lines.append(tr("… and {n} more.").format(n=len(shown) - MAX_LISTED))
    if len(shown) < len(report.detached):
        lines.append(tr("{n} of them were made by coders whose codings are not shown.")
                     .format(n=len(report.detached) - len(shown)))
    return "\n".join(lines)


def saved_message(report: EditReport) -> str:
    text = tr("Text saved: {n} codings carried along ({moved} moved, {changed} now cover "
              "edited words).").format(n=report.codings, moved=report.moved,
                                       changed=report.changed)
    if report.ranges_dropped:
        text += " " + tr("{n} speaker turns, pages or sections lost all their text and were "
                         "removed.").format(n=report.ranges_dropped)
    return text


def edit_document_text(window) -> EditReport | None:
    """Open the editor on the window's current document and save through EditText."""
    doc_id = window.view.document_id if window.project is not None else None
    if doc_id is None:
        window.statusBar().showMessage(tr("Open a document first."), 4000)
        return None
    doc = document_text(window.project, doc_id)
    dialog = EditTextDialog(doc.name, doc.text, window.view.cursor_position(), window,
                            window.view.font())
    if not dialog.exec() or not dialog.changed():
        return None
    result = window.workbench.run(EditText(doc_id, dialog.text()))
    if result is None:          # refused; the workbench showed why
        return None
    report = result.value
    window.statusBar().showMessage(saved_message(report), 10000)
    if report.detached:
        QMessageBox.warning(window, tr("Codings set aside"),
                            detached_message(report, window.workbench.visible_coders()))
    return report
