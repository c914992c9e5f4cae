"""CI: checks run with the venv's python on the installed wheel, offscreen (see .ci/wheel).

The command line builds the demo, reports it and pseudonymises a document (dry run), which needs
the packaged demo and gazetteers; the main window opens on the demo in Danish, which needs the
packaged .qm.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import qcoder
from qcoder.core.store import Project
from qcoder.gui.shell import i18n
from qcoder.gui.shell.main_window import MainWindow


def qcoder_cli(*args: str) -> str:
    command = [str(Path(sys.executable).with_name("qcoder")), *args]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    assert done.returncode == 0, f"qcoder {' '.join(args)} exited {done.returncode}: {done.stderr}"
    return done.stdout


def check_cli(demo: Path, key: Path) -> None:
    qcoder_cli("demo", str(demo))
    info = json.loads(qcoder_cli("info", str(demo), "--json"))
    assert len(info["documents"]) >= 6 and len(info["coders"]) >= 2, info
    table = json.loads(qcoder_cli("pseudonymise", str(demo), "borgmester_søren", "--key",
                                  str(key), "--json"))
    assert any("list of municipalities" in row["found_by"] for row in table), table  # gazetteer
    assert not key.exists(), "a dry run wrote the key"
    print(f"CI: the installed qcoder built the demo ({len(info['documents'])} documents, coders "
          f"{', '.join(info['coders'])}) and proposed {len(table)} pseudonyms in a dry run")


def check_gui(demo: Path, settings_file: Path) -> None:
    (gui,) = entry_points(group="gui_scripts", name="qcoder-gui")
    assert gui.value == "qcoder.gui.launch:main", gui
    app = QApplication([])
    i18n.install(app, "da")
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("coder", "Anna")
    window = MainWindow(Project.open(demo), settings=settings)
    window.show()
    app.processEvents()
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus[:3] == ["Filer", "Redigér", "Vis"], menus
    print(f"CI: the installed GUI opened the demo in Danish: {' '.join(menus)}")


if __name__ == "__main__":
    assert "PYTHONPATH" not in os.environ
    assert Path(qcoder.__file__).is_relative_to(sys.prefix), f"qcoder from {qcoder.__file__}"
    run = Path(sys.argv[1])
    run.mkdir()
    check_cli(run / "demo.qcoder", run.parent / "key.csv")
    check_gui(run / "demo.qcoder", run / "settings.ini")
