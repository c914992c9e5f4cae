"""Small dialogs of the workbench: who is coding, settings, a memo, the project journal, and
choosing a code by typing part of its name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.coding.memos import DeleteMemo, SaveMemo, journal
from .i18n import LANGUAGES, tr
from .theme import THEMES


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CoderDialog(QDialog):
    """Asks who is coding (first run, or File > Who is coding…). Existing coders of the
    project are offered; a new name adds a coder."""

    def __init__(self, known: list[str], current: str = "", parent=None, first_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("Who is coding?"))
        intro = QLabel(tr("Welcome to qcoder. Every coding records who made it, so that two "
                          "coders' work can be compared. Type your name or initials.")
                       if first_run else tr("Codings you make from now on are recorded "
                                            "under this name."))
        intro.setWordWrap(True)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(known)
        self.name.setCurrentText(current)
        self.name.lineEdit().setPlaceholderText(tr("e.g. Anna or AK"))
        form = QFormLayout()
        form.addRow(tr("Coder:"), self.name)
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        if self.value():
            super().accept()

    def value(self) -> str:
        return self.name.currentText().strip()


class CoderChoiceDialog(QDialog):
    """Tick the other coders whose codings to show beside your own."""

    def __init__(self, others: list[str], chosen: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Show codings by"))
        label = QLabel(tr("Besides your own, show the codings of:"))
        self.list = QListWidget()
        for name in others:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))
        self.resize(320, 300)

    def value(self) -> set[str]:
        return {self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked}


class SettingsDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value("language", ""))))
        self.theme = QComboBox()
        names = {"system": tr("Follow the system"), "light": tr("Light"), "dark": tr("Dark")}
        for theme in THEMES:
            self.theme.addItem(names[theme], theme)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.value("theme", "system"))))
        self.snap = QCheckBox(tr("Widen selections to whole words when coding"))
        self.snap.setChecked(str(settings.value("snap_words", "true")).lower() == "true")
        form = QFormLayout()
        form.addRow(tr("Language:"), self.language)
        form.addRow(tr("Colours:"), self.theme)
        form.addRow("", self.snap)
        note = QLabel(tr("A new language takes effect when qcoder is started again."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self))

    def save(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("theme", self.theme.currentData())
        self.settings.setValue("snap_words", "true" if self.snap.isChecked() else "false")


class MemoDialog(QDialog):
    """Edit one memo's text (and title, for journal entries)."""

    def __init__(self, title: str, text: str, parent=None, heading: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading = QLineEdit(heading or "")
        self.heading.setPlaceholderText(tr("Title (optional)"))
        self.heading.setVisible(heading is not None)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(tr("Write your memo here…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(_buttons(self))
        self.resize(520, 360)

    def value(self) -> str:
        return self.text.toPlainText()


class JournalDialog(QDialog):
    """The project journal: dated entries; add, edit and delete them (each undoable)."""

    def __init__(self, project, run, coder_id: int | None, parent=None):
        super().__init__(parent)
        self.project, self.run, self.coder_id = project, run, coder_id
        self.setWindowTitle(tr("Project journal"))
        self.entries = QListWidget()
        self.entries.itemDoubleClicked.connect(lambda _i: self.edit())
        add = QPushButton(tr("New entry…"))
        add.clicked.connect(self.add)
        edit = QPushButton(tr("Edit…"))
        edit.clicked.connect(self.edit)
        delete = QPushButton(tr("Delete"))
        delete.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, edit, delete):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entries)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(560, 420)
        self.reload()

    def reload(self) -> None:
        self.entries.clear()
        for memo in journal(self.project):
            head = memo.title or memo.text.split("\n", 1)[0][:60]
            item = QListWidgetItem(f"{memo.created:%Y-%m-%d %H:%M}  {head}")
            item.setData(Qt.ItemDataRole.UserRole, memo)
            item.setToolTip(memo.text)
            self.entries.addItem(item)
        if not self.entries.count():
            placeholder = QListWidgetItem(tr("No entries yet: note decisions, doubts and ideas "
                                             "as the coding goes along."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(placeholder)

    def _current(self):
        item = self.entries.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add(self) -> None:
        dialog = MemoDialog(tr("New journal entry"), "", self, heading="")
        if dialog.exec() and dialog.value().strip():
            self.run(SaveMemo("project", None, dialog.value(), dialog.heading.text().strip(),
                              self.coder_id))
            self.reload()

    def edit(self) -> None:
        memo = self._current()
        if memo is None:
            return
        dialog = MemoDialog(tr("Journal entry"), memo.text, self, heading=memo.title)
        if dialog.exec():
            self.run(SaveMemo("project", None, dialog.value(), dialog.heading.text().strip(),
                              self.coder_id, memo.uuid))
            self.reload()

    def delete(self) -> None:
        memo = self._current()
        if memo is None:
            return
        if QMessageBox.question(self, tr("Delete entry"),
                                tr("Delete this journal entry? (Edit > Undo brings it back.)")
                                ) == QMessageBox.StandardButton.Yes:
            self.run(DeleteMemo(memo.uuid))
            self.reload()


class CodeChooser(QDialog):
    """Pick a code by typing part of its path; the list narrows as you type."""

    def __init__(self, title: str, paths: dict[int, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type part of a code's name…"))
        self.list = QListWidget()
        for code_id, path in sorted(paths.items(), key=lambda kv: kv[1].lower()):
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, code_id)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._narrow)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))
        self.resize(480, 420)

    def _narrow(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = bool(needle) and needle not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def value(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
