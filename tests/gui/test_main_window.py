"""The main window on real projects, driven with pytest-qt."""

from __future__ import annotations

from qcoder.core.coding.codings import apply_coding
from qcoder.core.demo import build_demo
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Meta
from qcoder.gui.codebook.codebook_panel import CodebookPanel
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings


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
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Test" in window.windowTitle() and "projekt æøå.qcoder" in window.windowTitle()
    (item,) = _doc_items(window)
    assert item.text(0) == "interview" and item.text(1) == "1"
    assert window.documents.topLevelItem(0).text(0).startswith("Mayor interviews")
    assert isinstance(window.codes_dock.widget(), CodebookPanel)
    book = window.codebook.tree.topLevelItem(0)
    assert book.text(0) == "Test æøå" and book.childCount() == 3
    window.documents.setCurrentItem(item)
    assert window.view.toPlainText() == doc.text
    window.view.viewport().grab()   # paints
    (mark,) = window.view.painted_marks
    assert doc.text[mark.start:mark.end] == "trusler"
    assert [speaker for _s, _e, speaker in window.view.layers.labels] == [
        "Interviewer", "Jens", "Interviewer", "Jens"]
    window.view.select_range(start, start + 7)
    assert window.view.selected_range() == (start, start + 7)
    assert "Coder: Anna" in window.status.text()
    assert "Codings: 1 here, 1 in the project" in window.status.text()
    with project.session() as s:
        assert s.get(Meta, "current_coder").value == "Anna"
    window.close()


def test_window_opens_the_demo_project(qtbot, tmp_path):
    path = build_demo(tmp_path / "demo.qcoder")
    window = MainWindow(Project.open(path), settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    items = _doc_items(window)
    assert len(items) >= 6
    groups = [window.documents.topLevelItem(i).text(0)
              for i in range(window.documents.topLevelItemCount())]
    assert any(g.startswith("Vignette focus groups") for g in groups)
    coded = next(i for i in items if int(i.text(1)) > 0)
    window.documents.setCurrentItem(coded)
    assert len(window.view.index) == int(coded.text(1)), "every coding is drawn"
    assert window._recent()[0].endswith("demo.qcoder")
    window.close()


def test_open_refuses_locked_project_with_message(qtbot, project, project_path, tmp_path,
                                                  monkeypatch):
    window = MainWindow(settings=make_settings(tmp_path))
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr("qcoder.gui.shell.main_window.QMessageBox.warning",
                        lambda _parent, title, text: shown.append((title, text)))
    assert window.open_path(project_path) is False  # `project` holds it open
    assert shown and "open in another qcoder" in shown[0][1]
    assert window.windowTitle() == "qcoder"
