"""Starting the desktop application: `python main.py [PROJECT]`.

With no project named, the demo project opens (built first if it is missing), so a newcomer
sees real material at once. The language and colour scheme come from the settings (by default
the system's); on the very first start a dialog asks who is coding.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ...core.errors import QcoderError
from ...core.store import Project
from . import i18n
from .i18n import tr
from .main_window import MainWindow
from .theme import apply_theme


def open_or_build(path: str | None) -> Project:
    if path is None:
        from ...core.demo import build_demo

        path = build_demo()
    return Project.open(path)


def follow_system_colours(app: QApplication, settings: QSettings) -> None:
    """Re-apply the palette when the system switches between light and dark."""
    def changed(_scheme) -> None:
        if settings.value("theme", "system") == "system":
            apply_theme(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("qcoder")
    app.setOrganizationName("qcoder")
    settings = QSettings("qcoder", "qcoder")
    i18n.install(app, settings.value("language", "") or "")
    apply_theme(app, settings.value("theme", "system") or "system")
    follow_system_colours(app, settings)
    window = MainWindow(settings=settings)
    try:
        window.set_project(open_or_build(argv[1] if len(argv) > 1 else None))
    except QcoderError as exc:
        QMessageBox.warning(window, tr("Cannot open project"), str(exc))
    window.show()
    if not window.workbench.coder_name:
        window.ask_coder(first_run=True)
    return app.exec()
