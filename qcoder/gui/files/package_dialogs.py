"""File > Export coder package… and File > Merge coder package…: the second-coder workflow.

A package is a copy of the project for one coder - the chosen documents or a reproducible
random sample of units, the codebooks, and nobody else's codings, with blind mode on. Merging
brings that coder's codings back (core package.merge_package) as one undoable step, and the
summary says what was added, updated and removed and, for anything left out, what to do.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from html import escape as _esc
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
)

from ...core import catalog
from ...core.agreement.consensus import KONSENSUS
from ...core.errors import CancelledError, QcoderError
from ...core.exchange.package import make_package, merge_package, package_info
from ...core.store import PROJECT_SUFFIX, Project
from ..shell.i18n import tr
from ..shell.long_task import run_task

MAX_SEED = 2**31 - 1


def sample_unit_names() -> dict[str, str]:
    return {"turn": tr("speaker turns"), "sentence": tr("sentences"),
            "paragraph": tr("paragraphs")}


class ExportPackageDialog(QDialog):
    """Who the package is for, what goes in it, and where it is written."""

    def __init__(self, project, workbench, parent=None):
        super().__init__(parent)
        self.project = project
        self.info: dict | None = None
        self.setWindowTitle(tr("Export coder package"))
        intro = QLabel(tr("A coder package is a copy of this project for a second coder: the "
                          "documents below (or a random sample of their units), the codebooks, "
                          "and none of the other coders' codings. It opens in blind mode. When "
                          "the coder sends it back, use File > Merge coder package."))
        intro.setWordWrap(True)
        self.coder = QComboBox()
        self.coder.setEditable(True)
        others = [c for c in workbench.coders() if c not in (workbench.coder_name, KONSENSUS)]
        self.coder.addItems(others)
        self.coder.setCurrentText(others[0] if others else "")
        self.coder.lineEdit().setPlaceholderText(tr("the second coder's name, e.g. Bo"))
        self.coder.currentTextChanged.connect(self._suggest_file)

        self.whole = QRadioButton(tr("The ticked documents, whole"))
        self.sampled = QRadioButton(tr("A random sample of units from the ticked documents"))
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.sampled)
        self.sampled.toggled.connect(self._mode_changed)
        self.documents = QListWidget()
        for doc in catalog.documents(project):
            item = QListWidgetItem(doc.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)
        self.sample_size = QSpinBox(minimum=1, maximum=1_000_000, value=50)
        self.unit = QComboBox()
        for key, name in sample_unit_names().items():
            self.unit.addItem(name, key)
        self.unit.setCurrentIndex(self.unit.findData("sentence"))
        self.seed = QSpinBox(minimum=0, maximum=MAX_SEED, value=secrets.randbelow(MAX_SEED))
        self.seed.setToolTip(tr("The same seed draws the same units again; it is recorded in "
                                "the package"))
        new_seed = QPushButton(tr("New seed"))
        new_seed.clicked.connect(lambda: self.seed.setValue(secrets.randbelow(MAX_SEED)))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(new_seed)
        sample_form = QFormLayout()
        sample_form.addRow(tr("Number of units:"), self.sample_size)
        sample_form.addRow(tr("Unit:"), self.unit)
        sample_form.addRow(tr("Seed:"), seed_row)
        self.sample_box = QGroupBox(tr("Sample"))
        self.sample_box.setLayout(sample_form)

        self.out = QLineEdit()
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("For coder:"), self.coder)
        form.addRow(tr("Write to:"), out_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        write = buttons.addButton(tr("Write package"), QDialogButtonBox.ButtonRole.AcceptRole)
        write.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.whole)
        layout.addWidget(self.sampled)
        layout.addWidget(self.documents, 1)
        layout.addWidget(self.sample_box)
        layout.addWidget(buttons)
        self._mode_changed()
        self._suggest_file()
        self.resize(560, 640)

    def _mode_changed(self) -> None:
        self.sample_box.setEnabled(self.sampled.isChecked())

    def _suggest_file(self) -> None:
        if self.project.path is None or self.out.isModified():
            return
        name = self.coder.currentText().strip() or tr("coder")
        path = Path(self.project.path)
        self.out.setText(str(path.with_name(f"{path.stem} - {name}{PROJECT_SUFFIX}")))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Write coder package"), self.out.text(),
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if path:
            if not path.endswith(PROJECT_SUFFIX):
                path += PROJECT_SUFFIX
            self.out.setText(path)
            self.out.setModified(True)

    def chosen_documents(self) -> list[str]:
        return [self.documents.item(i).text() for i in range(self.documents.count())
                if self.documents.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        coder = self.coder.currentText().strip()
        documents = self.chosen_documents()
        out = self.out.text().strip()
        problem = (tr("Type the name of the coder the package is for.") if not coder else
                   tr("A package is for a second coder, not for {k}.").format(k=KONSENSUS)
                   if coder == KONSENSUS else
                   tr("Tick at least one document.") if not documents else
                   tr("Choose where to write the package.") if not out else "")
        if problem:
            QMessageBox.warning(self, tr("Export coder package"), problem)
            return
        if not out.endswith(PROJECT_SUFFIX):
            out += PROJECT_SUFFIX
        every = len(documents) == self.documents.count()
        sample = self.sample_size.value() if self.sampled.isChecked() else None
        # read in this thread: the work below runs in another and touches no widget
        project, unit, seed = self.project, self.unit.currentData(), self.seed.value()
        try:
            self.info = run_task(self, tr("Writing the coder package"), lambda report: make_package(
                project, out, coder, documents=None if every else documents, sample=sample,
                unit=unit, seed=seed if sample else None, report=report))
        except CancelledError:
            return  # nothing written; the dialog stays for another try
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Export coder package"), str(exc))
            return
        super().accept()

    def summary(self) -> str:
        info = self.info or {}
        text = tr("The package for {coder} is written to {file}, with {n} documents.").format(
            coder=info.get("coder", ""), file=info.get("file", ""),
            n=len(info.get("documents", [])))
        if info.get("units"):
            text += " " + tr("It holds a sample of {n} {unit} (seed {seed}), marked as the "
                             "units to code.").format(n=info["units"],
                                                      unit=sample_unit_names()[info["unit"]],
                                                      seed=info["seed"])
        return text + "\n\n" + tr("Send the file to {coder}. They open it in qcoder, code in "
                                  "blind mode and send it back; then use File > Merge coder "
                                  "package.").format(coder=info.get("coder", ""))


class MergePackageDialog(QDialog):
    """What the package holds, then - after Merge - what the merge did."""

    def __init__(self, project, workbench, path: str | Path, parent=None):
        super().__init__(parent)
        self.project, self.workbench, self.path = project, workbench, Path(path)
        self.summary = None
        self.setWindowTitle(tr("Merge coder package"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.clicked.connect(self.merge)
        self.undo_button = self.buttons.addButton(tr("Undo this merge"),
                                                  QDialogButtonBox.ButtonRole.ResetRole)
        self.undo_button.clicked.connect(self.undo_merge)
        self.undo_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        self._describe()

    def _describe(self) -> None:
        try:
            with Project.open(self.path) as pkg:
                info = package_info(pkg)
        except QcoderError as exc:
            info, error = None, str(exc)
        else:
            error = "" if info is not None else tr(
                "{file} is a qcoder project but not a coder package (make one with File > "
                "Export coder package).").format(file=self.path.name)
        if info is None:
            self.text.setText(f"<b>{self.path.name}</b><br>{_esc(error)}")
            self.merge_button.setEnabled(False)
            return
        created = info.get("created", "")
        try:  # stored in UTC; shown in the user's time
            created = datetime.fromisoformat(created).replace(tzinfo=timezone.utc) \
                .astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            pass
        lines = [f"<b>{_esc(self.path.name)}</b>",
                 tr("Coder: {coder}").format(coder=_esc(info["coder"]["name"])),
                 tr("Made from “{source}” on {created}").format(
                     source=_esc(info.get("source", "")), created=created),
                 tr("Documents: {names}").format(names=_esc(", ".join(
                     d["name"] for d in info.get("documents", []))))]
        if info.get("sample"):
            lines.append(tr("A sample of {n} {unit} (seed {seed})").format(
                n=info["sample"], unit=sample_unit_names().get(info["unit"], info["unit"]),
                seed=info["seed"]))
        lines.append("<br>" + tr(
            "Merging brings {coder}'s codings into this project as one step that Edit > Undo "
            "takes back. Documents are matched by their text and codes by their identity; "
            "anything that cannot be matched exactly is listed and left out.").format(
                coder=_esc(info["coder"]["name"])))
        self.text.setText("<br>".join(lines))

    def merge(self) -> bool:
        project, path = self.project, self.path
        try:
            result = run_task(self, tr("Merging the coder package"),
                              lambda report: merge_package(project, path, report=report))
        except CancelledError:
            return False  # rolled back; the dialog still offers Merge
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Merge coder package"), str(exc))
            return False
        self.summary = result.value
        self.workbench.undo.record(tr("Merge coder package {name}").format(name=self.path.name),
                                   result.inverse)
        self.workbench.notify()
        self._show_summary()
        return True

    def _show_summary(self) -> None:
        s = self.summary
        lines = [tr("<b>Merged {coder}'s codings</b> from {file}.").format(
                     coder=_esc(s.coder), file=_esc(self.path.name)),
                 tr("Added {added} · updated {updated} · removed {removed} · unchanged "
                    "{unchanged}").format(added=s.added, updated=s.updated, removed=s.removed,
                                          unchanged=s.unchanged),
                 tr("Documents: {names}").format(names=_esc(", ".join(s.documents)) or "-")]
        if not s.problems:
            lines.append(tr("Nothing was left out."))
        else:
            lines.append(tr("<b>{n} problems</b> - these codings were left out; each says what "
                            "to do:").format(n=len(s.problems)))
        self.text.setText("<br>".join(lines))
        style = self.style()
        self.problems.clear()
        for text, icon in [(p, QStyle.StandardPixmap.SP_MessageBoxWarning) for p in s.problems] + \
                [(n, QStyle.StandardPixmap.SP_MessageBoxInformation) for n in s.notes]:
            item = QListWidgetItem(style.standardIcon(icon), text)
            self.problems.addItem(item)
        self.problems.setVisible(bool(s.problems or s.notes))
        self.merge_button.setVisible(False)
        self.undo_button.setVisible(True)
        self.close_button.setText(tr("Close"))

    def undo_merge(self) -> None:
        self.workbench.undo.undo()
        self.text.setText(tr("The merge was undone; the project is as it was before."))
        self.problems.setVisible(False)
        self.undo_button.setVisible(False)


def export_package(window) -> None:
    """File > Export coder package…"""
    if window.project is None:
        return
    dialog = ExportPackageDialog(window.project, window.workbench, window)
    if dialog.exec():
        QMessageBox.information(window, tr("Export coder package"), dialog.summary())


def merge_package_dialog(window, path: str | None = None) -> None:
    """File > Merge coder package…"""
    if window.project is None:
        return
    if path is None:
        start = str(Path(window.project.path).parent) if window.project.path else ""
        path, _ = QFileDialog.getOpenFileName(window, tr("Merge coder package"), start,
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if not path:
            return
    here = window.project.path
    if here is not None and Path(path).resolve() == Path(here).resolve():
        QMessageBox.warning(window, tr("Merge coder package"),
                            tr("That is the open project itself; choose the package file the "
                               "coder sent back."))
        return
    MergePackageDialog(window.project, window.workbench, path, window).exec()
