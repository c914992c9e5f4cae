"""The main window's project files: open one (chosen, or from the recent list), create one,
import documents into it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ...core.errors import QcoderError
from ...core.store import PROJECT_SUFFIX, Project
from ..files.import_dialog import ImportDialog
from .i18n import tr

MAX_RECENT = 8


class ProjectFiles:
    """Mixin for MainWindow: expects settings, actions["recent_menu"], workbench, set_project
    and refresh_lists."""

    def open_path(self, path: str | Path) -> bool:
        try:
            project = Project.open(path)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Cannot open project"), str(exc))
            return False
        self.set_project(project)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open project"), self._last_dir(),
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if path:
            self.open_path(path)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("New project"), self._last_dir(),
                                              tr("qcoder projects") + f" (*{PROJECT_SUFFIX})")
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        title, ok = QInputDialog.getText(self, tr("New project"), tr("Title:"),
                                         text=Path(path).stem)
        if not ok:
            return
        try:
            project = Project.create(path, title=title)
        except QcoderError as exc:
            QMessageBox.warning(self, tr("Cannot create project"), str(exc))
            return
        self.set_project(project)

    def import_documents(self) -> None:
        if self.project is None:
            self.statusBar().showMessage(tr("Open a project first."), 4000)
            return
        ImportDialog(self.project, self).exec()
        self.workbench.notify()   # what the import (or its undo in the dialog) committed
        self.refresh_lists()      # now, not after a turn of the event loop: the dialog is done

    # -- recent projects ---------------------------------------------------------------------
    def _last_dir(self) -> str:
        recent = self._recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _recent(self) -> list[str]:
        value = self.settings.value("recent_projects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        path_s = str(Path(path).resolve())
        recent = [p for p in self._recent() if p != path_s]
        self.settings.setValue("recent_projects", [path_s, *recent][:MAX_RECENT])
        self.fill_recent()

    def fill_recent(self) -> None:
        menu = self.actions["recent_menu"]
        menu.clear()
        recent = self._recent()
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))
