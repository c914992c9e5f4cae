"""The Danish translation: complete for every string of the interface, and used by the window."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qcoder.gui.shell import i18n
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings

TS = i18n.I18N_DIR / "qcoder_da.ts"


def _unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [m.find("source").text for m in root.iter("message")
            if m.find("translation").get("type") == "unfinished"
            or not (m.find("translation").text or "").strip()]


def test_every_interface_string_has_a_danish_translation(tmp_path):
    if shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "qcoder_da.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in Path(i18n.__file__).parents[1].rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-locations", "none",
                    "-ts", str(fresh)], check=True, capture_output=True)
    assert _unfinished(fresh) == [], "run `python -m qcoder.gui.shell.i18n` and translate these"
    assert (i18n.I18N_DIR / "qcoder_da.qm").stat().st_mtime >= TS.stat().st_mtime - 1


def test_the_window_speaks_danish(qtbot, project, tmp_path):
    app = QApplication.instance()
    assert i18n.install(app, "da") == "da"
    try:
        assert i18n.tr("&File") == "&Filer"
        window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:3] == ["&Filer", "&Redigér", "&Vis"]
        assert "Koder: Anna" in window.status.text()
        assert window.documents.topLevelItem(0).text(0).startswith("Borgmesterinterviews")
        window.project = None   # the fixture closes the project
    finally:
        assert i18n.install(app, "en") == "en"
    assert i18n.tr("&File") == "&File"
