"""Document > Pseudonymise…: review before anything changes, apply (undoable), then confirm.

The coder chooses the documents and the key file, reads the dry-run table (entity, type,
occurrences, proposed pseudonym), edits pseudonyms, leaves entities out or adds ones the search
missed, and applies. Applying is one undoable step; its inverse holds the original text in
memory. Confirming is a separate, explicit step: it drops the undo history (the only copy of
the originals left) and rewrites the project file so the old text is gone from it. The key
file must live outside the project folder - whoever gets the folder would otherwise get the
key too - and backups beside the project still hold the originals, so both are warned about.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ...core import catalog
from ...core.errors import QcoderError
from ...core.privacy.key_file import inside_project_folder
from ...core.privacy.pseudonymise import (
    Plan,
    apply_plan,
    confirm_pseudonymisation,
    plan_pseudonymisation,
    stale_backups,
)
from ..coding.document_view import is_dark
from ..shell.i18n import tr
from .entity_table import TYPE_NAMES, EntityTable

LABELS = (QT_TRANSLATE_NOOP("", "Pseudonymise"),)
NAME_ROLE = Qt.ItemDataRole.UserRole  # a document's name as listed


def warning_colour(palette: QPalette) -> str:
    return "#ff8a80" if is_dark(palette) else "#b3261e"


class PseudonymiseDialog(QDialog):
    applied = Signal()
    confirmed = Signal()

    def __init__(self, project, workbench, parent=None, current_document: int | None = None,
                 pending: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("Pseudonymise documents"))
        self.resize(860, 720)
        self.project = project
        self.workbench = workbench
        self.plan: Plan | None = None
        self.user_list: list[tuple[str, str]] = []
        #: a pseudonymisation was applied (here or earlier in this session) and not confirmed
        self.pending = pending
        #: called before Confirm rewrites the file (the window stops work reading it)
        self.before_confirm = lambda: None

        intro = QLabel(tr(
            "Replace names, places, municipalities, organisations, e-mail addresses, phone and "
            "CPR numbers with consistent pseudonyms such as [Person 2]. Nothing changes until "
            "you apply; the key (original and pseudonym) goes to a separate file that you keep "
            "outside the project."))
        intro.setWordWrap(True)

        self.documents = QListWidget()
        self.documents.setMaximumHeight(120)
        for doc in catalog.documents(project):
            item = QListWidgetItem(doc.name)
            item.setData(NAME_ROLE, doc.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if doc.id == current_document
                               else Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        all_button = QPushButton(tr("All"))
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button = QPushButton(tr("None"))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        doc_buttons = QVBoxLayout()
        doc_buttons.addWidget(all_button)
        doc_buttons.addWidget(none_button)
        doc_buttons.addStretch(1)
        doc_row = QHBoxLayout()
        doc_row.addWidget(self.documents, 1)
        doc_row.addLayout(doc_buttons)

        self.key = QLineEdit()
        self.key.setPlaceholderText(tr("e.g. a CSV file in a protected folder outside the "
                                       "project"))
        self.key.textChanged.connect(self._key_changed)
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self._choose_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(choose)
        self.key_warning = QLabel()
        self.key_warning.setWordWrap(True)
        self.key_warning.hide()
        self.find_button = QPushButton(tr("Find entities"))
        self.find_button.setToolTip(tr("A dry run: lists what would be replaced; nothing "
                                       "changes"))
        self.find_button.clicked.connect(self.find)
        choose_box = QGroupBox(tr("1. Documents and key file"))
        form = QFormLayout(choose_box)
        form.addRow(tr("Documents"), doc_row)
        key_box = QVBoxLayout()
        key_box.setSpacing(2)
        key_box.addLayout(key_row)
        key_box.addWidget(self.key_warning)
        form.addRow(tr("Key file"), key_box)
        find_row = QHBoxLayout()
        find_row.addStretch(1)
        find_row.addWidget(self.find_button)
        form.addRow("", find_row)

        self.table = EntityTable()
        self.add_button = QPushButton(tr("Add a missed entity…"))
        self.add_button.setToolTip(tr("Pseudonymise a name or place the search did not find"))
        self.add_button.clicked.connect(self.add_entity)
        review_box = QGroupBox(tr("2. Review: untick what to keep, edit pseudonyms"))
        review = QVBoxLayout(review_box)
        review.addWidget(self.table, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        review.addLayout(add_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backups = QLabel()
        self.backups.setWordWrap(True)
        self.apply_button = QPushButton(tr("&Apply"))
        self.apply_button.setToolTip(tr("Write the key file and replace the entities "
                                        "(Edit > Undo restores them until you confirm)"))
        self.apply_button.clicked.connect(self.apply)
        self.confirm_button = QPushButton(tr("&Confirm (make final)…"))
        self.confirm_button.setToolTip(tr("Drop the undo history and rewrite the project file "
                                          "so the original text is gone from it"))
        self.confirm_button.clicked.connect(self.confirm)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(choose_box)
        layout.addWidget(review_box, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.backups)
        layout.addWidget(close)
        self._show_backups()
        self._update()

    # -- choosing ------------------------------------------------------------------------
    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.documents.count()):
            self.documents.item(i).setCheckState(state)

    def chosen_documents(self) -> list[str]:
        return [self.documents.item(i).data(NAME_ROLE) for i in range(self.documents.count())
                if self.documents.item(i).checkState() == Qt.CheckState.Checked]

    def set_documents(self, names: list[str]) -> None:
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(NAME_ROLE) in names
                               else Qt.CheckState.Unchecked)

    def _choose_key(self) -> None:
        start = self.key.text() or str(Path.home() / tr("pseudonym key.csv"))
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Key file"), start, tr("CSV files") + " (*.csv)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.key.setText(path if path.lower().endswith(".csv") else path + ".csv")

    def key_path(self) -> Path | None:
        text = self.key.text().strip()
        return Path(text).expanduser() if text else None

    def _key_changed(self) -> None:
        key = self.key_path()
        inside = key is not None and inside_project_folder(self.project, key)
        self.key_warning.setVisible(inside)
        if inside:
            self.key_warning.setText(
                f"<span style='color:{warning_colour(self.palette())}'>⚠ "
                + tr("The key file is inside the project folder. Whoever gets the folder gets "
                     "the key too, and the pseudonymisation is undone for them. Choose a "
                     "protected folder elsewhere.") + "</span>")
        self.plan = None if self.plan is not None and self.plan.key_path != key else self.plan
        self._update()

    # -- the dry run ---------------------------------------------------------------------
    def find(self) -> bool:
        """Plan the pseudonymisation and show the table; nothing changes."""
        documents, key = self.chosen_documents(), self.key_path()
        if not documents:
            self.warn(tr("Pseudonymise"), tr("Tick at least one document."))
            return False
        if key is None:
            self.warn(tr("Pseudonymise"), tr("Choose a key file first: it records each "
                                             "original and its pseudonym."))
            return False
        edits = self.table.edits()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = plan_pseudonymisation(self.project, documents, key, user_list=self.user_list)
        except QcoderError as exc:
            self.warn(tr("Pseudonymise"), str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        for original, (include, pseudonym) in edits.items():
            entity = plan.entities.get(original)
            if entity is not None:
                entity.include = include
                if pseudonym.strip():
                    entity.pseudonym = pseudonym.strip()
        self.plan = plan
        self.table.show_plan(plan)
        found = sum(e.occurrences for e in plan.entities.values())
        where = (tr("in 1 document") if len(plan.document_ids) == 1
                 else tr("in {n} documents").format(n=len(plan.document_ids)))
        self.status.setText(tr("{entities} entities, {n} occurrences {where}. Nothing has "
                               "changed yet.").format(entities=len(plan.entities), n=found,
                                                      where=where))
        self._update()
        return True

    def add_entity(self) -> None:
        entry = self.ask_entity()
        if entry is None:
            return
        self.user_list.append(entry)
        if self.plan is not None:
            self.find()

    # -- applying and confirming ---------------------------------------------------------
    def apply(self) -> bool:
        if self.plan is None:
            return False
        plan = self.plan
        try:
            for original, (include, pseudonym) in self.table.edits().items():
                plan.entities[original].include = include
                if include:
                    plan.set_pseudonym(original, pseudonym)
        except QcoderError as exc:
            self.warn(tr("Pseudonymise"), str(exc))
            return False
        if not any(e.include for e in plan.entities.values()):
            self.warn(tr("Pseudonymise"), tr("Every entity is unticked; nothing to replace."))
            return False
        if inside_project_folder(self.project, plan.key_path) and not self.ask(
                tr("Key file inside the project folder"),
                tr("The key file {path} is inside the project folder: whoever gets the folder "
                   "can undo the pseudonymisation. Write it there anyway?").format(
                    path=plan.key_path), tr("Write it there")):
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = apply_plan(self.project, plan)
        except QcoderError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.warn(tr("Pseudonymise"), str(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        self.workbench.undo.record("Pseudonymise", result.inverse)
        self.pending = True
        self.plan = None
        self.table.setRowCount(0)
        self.status.setText(tr(
            "Pseudonymised. The key is in {path}. Until you confirm, Edit > Undo restores the "
            "original text - and the project file still holds it.").format(path=plan.key_path))
        self._update()
        self.applied.emit()
        return True

    def confirm(self) -> bool:
        backups = stale_backups(self.project)
        text = tr("Make the pseudonymisation final?\n\nUndo will no longer restore the original "
                  "text: the undo history is cleared, and the project file is rewritten so the "
                  "original text is gone from it. Only the key file can then trace the "
                  "pseudonyms back.")
        if backups:
            text += "\n\n" + tr("These backups beside the project still hold the original "
                                "text; delete them or move them somewhere safe:") + "\n" + \
                "\n".join(p.name for p in backups)
        if not self.ask(tr("Confirm pseudonymisation"), text, tr("Make final")):
            return False
        self.before_confirm()
        self.workbench.undo.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            confirm_pseudonymisation(self.project)
        except QcoderError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.warn(tr("Pseudonymise"), str(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        self.pending = False
        self.status.setText(tr("Final: the undo history is cleared and the project file holds "
                               "no original text."))
        self._show_backups()
        self._update()
        self.confirmed.emit()
        return True

    def _show_backups(self) -> None:
        backups = stale_backups(self.project)
        self.backups.setVisible(bool(backups))
        if backups:
            names = ", ".join(p.name for p in backups)
            self.backups.setText(
                f"<span style='color:{warning_colour(self.palette())}'>⚠ "
                + tr("Backups beside the project still hold the original text: {names}. Delete "
                     "them, or move them somewhere safe, once you have confirmed.").format(
                    names=names) + "</span>")

    def _update(self) -> None:
        self.apply_button.setEnabled(self.plan is not None and bool(self.plan.entities))
        self.add_button.setEnabled(self.plan is not None)
        self.confirm_button.setEnabled(self.pending)
        self.table.setEnabled(self.plan is not None)

    # -- questions to the user (replaceable in tests) ------------------------------------
    def ask(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def ask_entity(self) -> tuple[str, str] | None:
        text, ok = QInputDialog.getText(self, tr("Add a missed entity"),
                                        tr("Text to pseudonymise (as it is written):"))
        if not ok or not text.strip():
            return None
        names = [tr(TYPE_NAMES[t]) for t in TYPE_NAMES]
        name, ok = QInputDialog.getItem(self, tr("Add a missed entity"), tr("Type:"), names, 0,
                                        False)
        return (text.strip(), list(TYPE_NAMES)[names.index(name)]) if ok else None

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)


def pseudonymise_dialog_for(window) -> PseudonymiseDialog:
    """The dialog on the window's project, wired so the window shows the new text after
    Apply and remembers an applied, unconfirmed pseudonymisation until it is confirmed."""
    dialog = PseudonymiseDialog(window.project, window.workbench, window,
                                current_document=window.view.document_id,
                                pending=getattr(window, "pseudonymisation_pending", False))

    def applied() -> None:
        window.pseudonymisation_pending = True
        doc = window.view.document_id
        window.view.show_empty()
        window.refresh()
        if doc is not None:
            window.open_document(doc)
        window.suggestions.note_change()  # their passages moved with the text

    def confirmed() -> None:
        window.pseudonymisation_pending = False

    dialog.before_confirm = window.suggestions.stop
    dialog.applied.connect(applied)
    dialog.confirmed.connect(confirmed)
    return dialog


def open_pseudonymise(window) -> None:
    """Document > Pseudonymise…"""
    if window.project is not None:
        pseudonymise_dialog_for(window).exec()
