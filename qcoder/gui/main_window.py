"""The main window: documents on the left, the transcript in the centre, codes on the right."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QHeaderView, QInputDialog, QLabel, QMainWindow, QMessageBox, QTreeWidget,
    QTreeWidgetItem,
)

from .. import __version__
from ..core.errors import QcoderError
from ..core.layers import document_layers
from ..core.store import PROJECT_SUFFIX, Project
from ..core.store.models import Code, Codebook, Coding, Document
from .document_view import DocumentView

KIND_TITLES = {
    "mayor_interview": "Borgmesterinterviews",
    "dm_interview": "DM-interviews",
    "vignette_group": "Vignet-fokusgrupper",
    "other": "Øvrige dokumenter",
}
MAX_RECENT = 8
DOC_ROLE = Qt.ItemDataRole.UserRole


def count_tree(first_header: str) -> QTreeWidget:
    """A tree whose name column stretches and whose count column always shows its numbers."""
    tree = QTreeWidget()
    tree.setHeaderLabels([first_header, "Codings"])
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return tree


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color) if QColor(color).isValid() else QColor("#999999"))
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    def __init__(self, project: Project | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("qcoder", "qcoder")
        self.project: Project | None = None
        self.resize(1280, 800)

        self.view = DocumentView(self)
        self.setCentralWidget(self.view)

        self.documents = count_tree("Document")
        self.documents.itemSelectionChanged.connect(self._document_chosen)
        documents_dock = self._dock("Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.codes = count_tree("Code")
        codes_dock = self._dock("Codes", self.codes, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([documents_dock, codes_dock], [260, 340], Qt.Orientation.Horizontal)

        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        if project is not None:
            self.set_project(project)
        else:
            self._update_title()

    # -- layout --------------------------------------------------------------------------
    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for text, shortcut, slot in (
            ("&New project…", QKeySequence.StandardKey.New, self.new_project),
            ("&Open project…", QKeySequence.StandardKey.Open, self.open_project_dialog),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About qcoder", self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self._fill_recent()

    # -- projects ------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        if project.path is not None:
            self._remember(project.path)
        self.view.show_empty()
        self.refresh()

    def refresh(self) -> None:
        self._fill_documents()
        self._fill_codes()
        self._update_title()

    def _update_title(self) -> None:
        if self.project is None:
            self.setWindowTitle("qcoder")
            self.status.setText("No project open")
            return
        self.setWindowTitle(f"{self.project.title} — {self.project.display_name} — qcoder")

    def open_path(self, path: str | Path) -> bool:
        try:
            project = Project.open(path)
        except QcoderError as exc:
            QMessageBox.warning(self, "Cannot open project", str(exc))
            return False
        self.set_project(project)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", self._last_dir(),
                                              f"qcoder projects (*{PROJECT_SUFFIX})")
        if path:
            self.open_path(path)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", self._last_dir(),
                                              f"qcoder projects (*{PROJECT_SUFFIX})")
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        title, ok = QInputDialog.getText(self, "New project", "Title:", text=Path(path).stem)
        if not ok:
            return
        try:
            project = Project.create(path, title=title)
        except QcoderError as exc:
            QMessageBox.warning(self, "Cannot create project", str(exc))
            return
        self.set_project(project)

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
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def closeEvent(self, event) -> None:
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)

    # -- panels --------------------------------------------------------------------------
    def _fill_documents(self) -> None:
        self.documents.clear()
        with self.project.session() as s:
            counts = dict(s.execute(sa.select(Coding.document_id, sa.func.count())
                                    .group_by(Coding.document_id)).all())
            rows = s.execute(sa.select(Document.id, Document.name, Document.kind)
                             .order_by(Document.name)).all()
        groups: dict[str, QTreeWidgetItem] = {}
        for kind in KIND_TITLES:
            members = [r for r in rows if r.kind == kind]
            if not members:
                continue
            group = QTreeWidgetItem([f"{KIND_TITLES[kind]} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.documents.addTopLevelItem(group)
            groups[kind] = group
            for r in members:
                item = QTreeWidgetItem([r.name, str(counts.get(r.id, 0))])
                item.setData(0, DOC_ROLE, r.id)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                group.addChild(item)
        self.documents.expandAll()
        n_codings = sum(counts.values())
        self.status.setText(f"{len(rows)} documents · {n_codings} codings · round {self.project.current_round}")
        if not rows:
            self.view.show_empty("This project has no documents yet.")

    def _fill_codes(self) -> None:
        self.codes.clear()
        with self.project.session() as s:
            counts = dict(s.execute(sa.select(Coding.code_id, sa.func.count())
                                    .group_by(Coding.code_id)).all())
            books = s.scalars(sa.select(Codebook).order_by(Codebook.name)).all()
            for book in books:
                top = QTreeWidgetItem([book.name])
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                self.codes.addTopLevelItem(top)
                self._add_codes(top, [c for c in book.codes if c.parent_id is None], counts)
        self.codes.expandToDepth(1)

    def _add_codes(self, parent: QTreeWidgetItem, codes: list[Code], counts: dict) -> None:
        for code in codes:
            item = QTreeWidgetItem([code.name, str(counts.get(code.id, 0))])
            item.setIcon(0, swatch(code.color))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            if code.definition:
                item.setToolTip(0, code.definition)
            item.setData(0, DOC_ROLE, code.id)
            parent.addChild(item)
            self._add_codes(item, list(code.children), counts)

    def _document_chosen(self) -> None:
        items = self.documents.selectedItems()
        doc_id = items[0].data(0, DOC_ROLE) if items else None
        if doc_id is None:
            return
        self.view.show_layers(document_layers(self.project, doc_id))

    def about(self) -> None:
        QMessageBox.about(
            self, "About qcoder",
            f"<h3>qcoder {__version__}</h3><p>Qualitative coding of interviews for "
            "public-administration research: theory-driven codebooks, double coding with "
            "honest agreement statistics, hypothesis displays joined with survey data.</p>",
        )
