"""Starting the desktop application: `python main.py [PROJECT]`.

With no project named, the demo project opens (built first if it is missing), so a newcomer
sees real material at once.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.demo import DEFAULT_DEMO_PATH, build_demo
from ..core.errors import QcoderError
from ..core.store import Project
from .main_window import MainWindow


def open_or_build(path: str | None) -> Project:
    if path is None:
        build_demo(DEFAULT_DEMO_PATH)
        path = DEFAULT_DEMO_PATH
    return Project.open(path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("qcoder")
    app.setOrganizationName("qcoder")
    window = MainWindow()
    try:
        window.set_project(open_or_build(argv[1] if len(argv) > 1 else None))
    except QcoderError as exc:
        QMessageBox.warning(window, "Cannot open project", str(exc))
    window.show()
    return app.exec()
