"""The quick-code box: type part of a code's name, pick it from the suggestions (or press
Enter for the first), and the selected text is coded with it. Beside it, the codes behind
Ctrl+1..9 (pinned first, then recently used) as small labelled buttons."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from ..shell.i18n import tr


class QuickCodeBox(QLineEdit):
    codeChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(tr("Quick code: type a code name, Enter applies (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(380)
        self.setMaximumWidth(440)
        self.paths: dict[str, int] = {}
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.setCompleter(self.completer)
        self.completer.activated.connect(self._chosen)
        self.returnPressed.connect(self._enter)

    def set_codes(self, paths: dict[int, str]) -> None:
        """Offer the codes by their path without the codebook (shorter to read)."""
        self.paths = {}
        for code_id, path in paths.items():
            label = path.split("/", 1)[1] if "/" in path else path
            if label in self.paths:  # the same path in two codebooks: keep them apart
                label = path
            self.paths[label] = code_id
        self.model.setStringList(sorted(self.paths, key=str.lower))

    def match(self, text: str) -> int | None:
        """The code for typed text: an exact path, else the first suggestion containing it."""
        text = text.strip()
        if not text:
            return None
        if text in self.paths:
            return self.paths[text]
        needle = text.lower()
        for label in self.model.stringList():
            if needle in label.lower():
                return self.paths[label]
        return None

    def _chosen(self, label: str) -> None:
        code_id = self.paths.get(label)
        if code_id is not None:
            self.codeChosen.emit(code_id)
            self.clear()

    def _enter(self) -> None:
        code_id = self.match(self.text())
        if code_id is not None:
            self.codeChosen.emit(code_id)
            self.clear()
