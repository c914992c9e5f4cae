"""The Danish translation: complete for every string of the interface, and used by the window."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator
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
    fresh = tmp_path / "qcoder_da.ts"
    shutil.copy(TS, fresh)
    i18n.collect_strings(fresh)
    assert _unfinished(fresh) == [], "run `python -m qcoder.gui.shell.i18n` and translate these"


def _translations(qm: Path) -> dict[tuple, str]:
    """What a translator loaded from `qm` answers for every message of the .ts."""
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    root = ET.parse(TS).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment"))
            out[key] = translator.translate(*key)
    return out


def test_the_shipped_qm_is_compiled_from_the_ts(qapp, tmp_path):
    """Compared by what the translations say, not by bytes (another Qt's lrelease may lay the
    same file out differently) nor by modification times (a fresh clone's are arbitrary)."""
    fresh = tmp_path / "qcoder_da.qm"
    i18n.compile_translations(TS, fresh)
    expected = _translations(fresh)
    assert expected[("", "&File", None)] == "&Filer"      # the comparison reads real answers
    assert _translations(i18n.I18N_DIR / "qcoder_da.qm") == expected, (
        "the shipped .qm is stale: run `python -m qcoder.gui.shell.i18n`")


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
