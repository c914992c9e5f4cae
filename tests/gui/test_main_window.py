"""The main window on real projects, driven with pytest-qt."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from qcoder.core.coding import apply_coding
from qcoder.core.demo import build_demo
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.gui.main_window import MainWindow


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _doc_items(window):
    top = window.documents
    return [top.topLevelItem(i).child(j) for i in range(top.topLevelItemCount())
            for j in range(top.topLevelItem(i).childCount())]


def test_window_shows_documents_codes_and_highlights(qtbot, project, tmp_path):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        code = code_by_path(s, "Test æøå/Chikane")
        coder = coder_by_name(s, "Anna", create=True)
    start = doc.text.index("trusler")
    apply_coding(project, doc, start, start + 7, code, coder)
    window = MainWindow(project, settings=_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert "Test" in window.windowTitle() and "projekt æøå.qcoder" in window.windowTitle()
    (item,) = _doc_items(window)
    assert item.text(0) == "interview" and item.text(1) == "1"
    assert window.documents.topLevelItem(0).text(0).startswith("Borgmesterinterviews")
    codes = window.codes.topLevelItem(0)
    assert codes.text(0) == "Test æøå" and codes.childCount() == 3
    window.documents.setCurrentItem(item)
    assert window.view.toPlainText() == doc.text
    (selection,) = window.view.extraSelections()
    assert selection.cursor.selectedText() == "trusler"
    assert [speaker for _s, _e, speaker in window.view.layers.labels] == [
        "Interviewer", "Jens", "Interviewer", "Jens"]
    window.view.select_range(start, start + 7)
    assert window.view.selected_range() == (start, start + 7)
    window.close()


def test_window_opens_the_demo_project(qtbot, tmp_path):
    path = build_demo(tmp_path / "demo.qcoder")
    window = MainWindow(Project.open(path), settings=_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    items = _doc_items(window)
    assert len(items) >= 6
    groups = [window.documents.topLevelItem(i).text(0) for i in range(window.documents.topLevelItemCount())]
    assert any(g.startswith("Vignet-fokusgrupper") for g in groups)
    coded = next(i for i in items if int(i.text(1)) > 0)
    window.documents.setCurrentItem(coded)
    assert window.view.extraSelections(), "codings are highlighted"
    assert window._recent()[0].endswith("demo.qcoder")
    window.close()


def test_open_refuses_locked_project_with_message(qtbot, project, project_path, tmp_path, monkeypatch):
    window = MainWindow(settings=_settings(tmp_path))
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr("qcoder.gui.main_window.QMessageBox.warning",
                        lambda _parent, title, text: shown.append((title, text)))
    assert window.open_path(project_path) is False  # `project` holds it open
    assert shown and "open in another qcoder" in shown[0][1]
    assert window.windowTitle() == "qcoder"
