"""The coding workbench driven through the real main window on real project files: applying
codes (double-click, drag and drop, Ctrl+1, quick code, turn under the cursor), undo/redo,
stripes, blind mode, retrieval with citations, lemma search, cases, memos."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.cases.citation import set_citation_template
from qcoder.core.cases.table import case_table
from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.coding.memos import memo_on
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.gui.coding import coding_actions
from qcoder.gui.shell.dialogs import MemoDialog
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings


@pytest.fixture
def ids(project):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        case = get_or_create_case(s, "Borgmester Jens")
        link_document(s, doc, case)
        for name, type_, raw in (("first_name", "text", "Jens"), ("appendix", "number", "2")):
            set_value(s, case, get_or_create_attribute(s, name, type_), raw)
        out = {"doc": doc.id, "text": doc.text,
                   "chikane": code_by_path(s, "Test æøå/Chikane").id,
                   "policy": code_by_path(s, "Test æøå/Policy-seeking").id,
                   "okonomi": code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer").id,
                   "bo": coder_by_name(s, "Bo", create=True).id}
    start = out["text"].index("Økonomien bandt os")
    out["bo_range"] = (start, start + len("Økonomien bandt os"))
    out["bo_uuid"] = apply_coding(project, out["doc"], *out["bo_range"], out["okonomi"],
                                  out["bo"]).value
    return out


@pytest.fixture
def window(qtbot, project, ids, tmp_path):
    w = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.documents.choose(ids["doc"])
    assert w.view.document_id == ids["doc"]
    yield w
    w.close()


def _codings(project, coder=None):
    return [(r.start, r.end, r.code.split("/")[-1], r.coder) for r in list_codings(project)
            if coder is None or r.coder == coder]


def _select(window, text):
    start = window.view.layers.text.index(text)
    window.view.select_range(start, start + len(text))
    return start, start + len(text)


def _code_item(window, code_id):
    assert window.codebook.select_code(code_id)
    return window.codebook.tree.currentItem()


def rendered_tint(window, start, end) -> QColor:
    """The commonest colour along the middle of the passage's first line, as painted (with
    no text selected, so the selection colour does not cover it)."""
    view = window.view
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    image = view.viewport().grab().toImage()
    rect = view.line_rects(view.positions.to_qt(start), view.positions.to_qt(end))[0]
    y = int(rect.center().y())
    colours = Counter(image.pixelColor(x, y).name() for x in range(int(rect.left()) + 1,
                                                                    int(rect.right()) - 1))
    return QColor(colours.most_common(1)[0][0])


def _base(window) -> QColor:
    return window.view.palette().color(window.view.viewport().backgroundRole())


def test_double_click_drop_shortcut_and_quick_code_apply_codes(window, project, ids, qtbot):
    # double-click a code in the codebook
    start, end = _select(window, "trusler")
    item = _code_item(window, ids["chikane"])
    tree = window.codebook.tree
    centre = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert (start, end, "Chikane", "Anna") in _codings(project, "Anna")
    assert any(m.start == start and m.code_id == ids["chikane"] for m in window.view.index)
    tint = rendered_tint(window, start, end)
    assert tint != _base(window) and tint.red() > tint.blue()   # Chikane is red (#d62728)

    # drag the selection onto a code
    s2, e2 = _select(window, "min familie blev påvirket")
    target = _code_item(window, ids["policy"])
    mime = window.view.passage_mime()
    at = tree.visualItemRect(target).center()
    for event in (QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier),
                  QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                             Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        assert QApplication.sendEvent(tree.viewport(), event)
    assert (s2, e2, "Policy-seeking", "Anna") in _codings(project)

    # Ctrl+1: the most recently used code (Policy-seeking), after pinning Chikane it is Chikane
    window.codebook.select_code(ids["chikane"])
    window.pin_current_code()
    s3, e3 = _select(window, "hårdt")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert (s3, e3, "Chikane", "Anna") in _codings(project)
    assert window.shortcut_buttons[0].text() == "1 Chikane"

    # the quick-code box: type part of a name, Enter applies the first match
    s4, e4 = _select(window, "gennemføre")
    window.quick.setText("økonomiske")
    qtbot.keyClick(window.quick, Qt.Key.Key_Return)
    assert (s4, e4, "Økonomiske barrierer", "Anna") in _codings(project)
    qtbot.waitUntil(lambda: window.documents.items[ids["doc"]].text(1) == "5")  # refreshed soon


def test_selection_is_widened_to_whole_words(window, project, ids):
    start = window.view.layers.text.index("sociale medier")
    window.view.select_range(start + 2, start + 10)      # "ciale me"
    window.apply_code(ids["chikane"])
    assert (start, start + len("sociale medier"), "Chikane", "Anna") in _codings(project, "Anna")


def test_undo_and_redo_with_the_keyboard(window, project, ids, qtbot):
    before = _codings(project)
    _select(window, "trusler")
    window.apply_code(ids["chikane"])
    after = _codings(project)
    assert len(after) == len(before) + 1
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _codings(project) == before
    assert not any(m.code_id == ids["chikane"] for m in window.view.index)
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _codings(project) == after
    assert any(m.code_id == ids["chikane"] for m in window.view.index)
    assert window.actions["undo"].text().endswith("Apply code")


def test_stripes_select_resize_and_remove(window, project, ids, qtbot):
    start, end = _select(window, "Der kom trusler på de sociale medier")
    uuid = window.apply_code(ids["chikane"])
    stripes = window.view.stripes
    stripes.grab()   # paints, recording where each stripe is
    rect = next(r for r, m, _t, _b in stripes._hits if m.uuid == uuid)
    qtbot.mouseClick(stripes, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.view.selected_uuid == uuid
    # drag the bottom end down one line: the coding now ends at the end of that line
    bottom = QPoint(int(rect.center().x()), int(rect.bottom()))
    line = window.view.fontMetrics().height()
    qtbot.mousePress(stripes, Qt.MouseButton.LeftButton, pos=bottom)
    qtbot.mouseMove(stripes, bottom + QPoint(0, line * 2))
    qtbot.mouseRelease(stripes, Qt.MouseButton.LeftButton, pos=bottom + QPoint(0, line * 2))
    resized = [c for c in list_codings(project) if c.uuid == uuid][0]
    assert resized.start == start and resized.end > end
    # Bo's coding cannot be changed by Anna; her own can be removed
    window.remove_coding(ids["bo_uuid"])
    assert any(c.uuid == ids["bo_uuid"] for c in list_codings(project))
    window.view.select_coding(uuid)
    window.remove_selected_coding()
    assert not any(c.uuid == uuid for c in list_codings(project))


def test_code_the_turn_under_the_cursor(window, project, ids):
    window.codebook.select_code(ids["chikane"])
    pos = window.view.layers.text.index("min familie")
    cursor = window.view.textCursor()
    cursor.setPosition(pos)
    window.view.setTextCursor(cursor)
    window.code_unit("turn")
    text = window.view.layers.text
    (coded,) = [c for c in list_codings(project, coder=None) if c.coder == "Anna"]
    assert text[coded.start:coded.end] == ("Der kom trusler på de sociale medier, og min familie "
                                           "blev påvirket. Det var hårdt.")
    window.code_unit("sentence")
    sentences = {c.text for c in list_codings(project) if c.coder == "Anna"}
    assert "Der kom trusler på de sociale medier, og min familie blev påvirket." in sentences


def test_blind_mode_hides_other_coders_everywhere(window, project, ids, monkeypatch):
    bo_start, bo_end = ids["bo_range"]
    assert ids["bo_uuid"] in window.view.index.by_uuid
    assert rendered_tint(window, bo_start, bo_end) != _base(window)
    window.codebook.select_code(ids["policy"])
    assert [s.coder for s in window.retrieval.rows] == ["Bo"]
    assert window.documents.items[ids["doc"]].text(1) == "1"

    window.actions["blind"].trigger()
    assert window.workbench.blind
    # nothing of Bo's is drawn, listed or counted
    assert ids["bo_uuid"] not in window.view.index.by_uuid
    window.view.viewport().grab()   # paints
    assert all(m.coder == "Anna" for m in window.view.painted_marks)
    assert rendered_tint(window, bo_start, bo_end) == _base(window)
    window.view.stripes.grab()
    assert window.view.stripes._hits == []
    assert window.retrieval.rows == [] and window.retrieval.table.rowCount() == 0
    assert window.documents.items[ids["doc"]].text(1) == "0"
    assert window.codebook.tree.isColumnHidden(1)
    assert "blind" in window.status.text()
    # Anna's own coding shows
    _select(window, "trusler")
    window.apply_code(ids["chikane"])
    assert [m.coder for m in window.view.index] == ["Anna"]

    # switching off asks first; "No" keeps blind mode
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.actions["blind"].trigger()
    assert window.workbench.blind and window.actions["blind"].isChecked()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions["blind"].trigger()
    assert not window.workbench.blind
    assert ids["bo_uuid"] in window.view.index.by_uuid
    assert rendered_tint(window, bo_start, bo_end) != _base(window)


def test_blind_mode_is_remembered_for_the_project(qtbot, project, ids, tmp_path):
    settings = make_settings(tmp_path, coder="Anna")
    first = MainWindow(project, settings=settings)
    qtbot.addWidget(first)
    first.toggle_blind(True)
    first.save_layout()
    first.project = None   # keep the project open for the second window
    second = MainWindow(project, settings=settings)
    qtbot.addWidget(second)
    second.documents.choose(ids["doc"])
    assert second.workbench.blind and ids["bo_uuid"] not in second.view.index.by_uuid


def test_visibility_mine_only(window, ids):
    window.actions["visibility"]["mine"].trigger()
    assert window.workbench.visible_coders() == {"Anna"}
    assert ids["bo_uuid"] not in window.view.index.by_uuid
    window.actions["visibility"]["all"].trigger()
    assert ids["bo_uuid"] in window.view.index.by_uuid


def test_retrieval_lists_the_segment_with_its_citation(window, project, ids, qtbot):
    # this transcript has no pages: the project's mayor template makes the page optional
    set_citation_template(project, "mayor_interview",
                          "({first_name}, bilag {appendix}[, s. {page}])")
    start, end = _select(window, "Der kom trusler")
    window.apply_code(ids["chikane"])
    window.codebook.select_code(ids["chikane"])
    table = window.retrieval.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row == ["interview", "Borgmester Jens", "Jens", "(Jens, bilag 2)", "Anna", "",
                   "Der kom trusler"]
    window.view.select_range(0, 1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(0, 6)).center())
    assert window.view.selected_range() == (start, end)
    window.retrieval.copy_selected()
    assert QGuiApplication.clipboard().text() == "\u201dDer kom trusler\u201d (Jens, bilag 2)"
    # the parent code lists its sub-code's segment (Bo's) only with sub-codes
    window.codebook.select_code(ids["policy"])
    assert [s.coder for s in window.retrieval.rows] == ["Bo"]
    window.retrieval.children_box.setChecked(False)
    assert window.retrieval.table.rowCount() == 0


def test_lemma_search_finds_inflected_forms_and_codes_all_hits(window, project, ids, qtbot):
    panel = window.search
    panel.set_mode("lemma")
    panel.query.setText("chikane")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert [h.text for h in panel.hits] == ["chikanen"]
    assert "[chikanen]" in panel.table.item(0, 1).text()
    panel.set_mode("plain")
    panel.run_search()
    assert [h.text for h in panel.hits] == ["chikane"]
    panel.query.setText("trussel")
    panel.set_mode("lemma")
    panel.run_search()
    assert [h.text for h in panel.hits] == ["trusler"]
    window.codebook.select_code(ids["chikane"])
    panel.code_all.click()
    assert ("Chikane", "Anna", "trusler") in {(c.code.split("/")[-1], c.coder, c.text)
                                              for c in list_codings(project)}
    window.workbench.undo.undo()
    assert not any(c.coder == "Anna" for c in list_codings(project))


def test_bad_regex_is_reported(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(text))
    window.search.set_mode("regex")
    window.search.query.setText("(uafsluttet")
    window.search.run_search()
    assert shown and "(uafsluttet" in shown[0] and window.search.hits == []


def test_case_table_edits_are_checked_and_undoable(window, project, qtbot, monkeypatch):
    model = window.cases.model
    headers = [model.horizontalHeaderItem(c).text() for c in range(model.columnCount())]
    col = headers.index("appendix")
    item = model.item(0, col)
    assert item.text() == "2"
    item.setText("9")
    assert case_table(project).rows[0].values["appendix"] == "9"
    window.workbench.undo.undo()
    assert case_table(project).rows[0].values["appendix"] == "2"
    qtbot.waitUntil(lambda: window.cases.model.item(0, col).text() == "2")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(text))
    window.cases.model.item(0, col).setText("ni")
    assert shown and "not a number" in shown[0]
    qtbot.waitUntil(lambda: window.cases.model.item(0, col).text() == "2")  # refused: not kept


def test_memos_on_document_and_coding(window, project, ids, monkeypatch):
    class AnsweredMemoDialog(MemoDialog):   # the real dialog, filled in as a user would
        def exec(self):
            self.text.setPlainText("Vigtig passage æøå")
            return True

    monkeypatch.setattr(coding_actions, "MemoDialog", AnsweredMemoDialog)
    window.memo_on_document()
    with project.session() as s:
        uuid = document_by_name(s, "interview").uuid
    assert memo_on(project, "document", uuid).text == "Vigtig passage æøå"
    _select(window, "trusler")
    coding = window.apply_code(ids["chikane"])
    window.coding_memo(coding)
    assert [c.memo for c in list_codings(project) if c.uuid == coding] == ["Vigtig passage æøå"]
    assert "Vigtig" in window.view.memo_lookup(coding)
    window.workbench.undo.undo()
    assert [c.memo for c in list_codings(project) if c.uuid == coding] == [""]


def test_docks_remember_their_layout(qtbot, project, ids, tmp_path):
    settings = make_settings(tmp_path, coder="Anna")
    first = MainWindow(project, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.search_dock.hide()
    first.save_layout()
    first.project = None
    second = MainWindow(project, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.search_dock.isHidden() and not second.documents_dock.isHidden()


def test_first_run_asks_who_codes_and_records_it(qtbot, project, tmp_path, monkeypatch):
    from qcoder.core.store.models import Coder, Meta
    from qcoder.gui.shell import main_window

    class Answered(main_window.CoderDialog):   # the real dialog, answered as a user would
        def exec(self):
            self.name.setCurrentText("Cecilie Ø")
            return True

    monkeypatch.setattr(main_window, "CoderDialog", Answered)
    settings = make_settings(tmp_path)
    window = MainWindow(project, settings=settings)
    qtbot.addWidget(window)
    assert window.workbench.coder_name == "" and "(nobody yet)" in window.status.text()
    assert window.ask_coder(first_run=True)
    assert settings.value("coder") == "Cecilie Ø"
    with project.session() as s:
        assert s.get(Meta, "current_coder").value == "Cecilie Ø"
        assert "Cecilie Ø" in {c.name for c in s.query(Coder)}
    assert window.codebook.tree.headerItem().text(2) == "Cecilie Ø"
    window.project = None


def test_zoom_and_line_numbers(window, qtbot):
    size = window.view.font().pointSizeF()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() > size
    window.zoom(0)
    assert window.view.font().pointSizeF() == size
    margin = window.view.viewportMargins().left()
    window.actions["line_numbers"].trigger()
    assert window.view.gutter.isVisibleTo(window.view)
    assert window.view.viewportMargins().left() > margin


def test_show_codings_of_chosen_coders(window, project, ids, monkeypatch):
    from qcoder.gui.shell import main_window

    with project.transaction() as s:
        cecilie = coder_by_name(s, "Cecilie", create=True).id
    start = window.view.layers.text.index("hårdt")
    other = apply_coding(project, ids["doc"], start, start + 5, ids["chikane"], cecilie).value

    class Ticked(main_window.CoderChoiceDialog):   # tick Cecilie only, as a user would
        def exec(self):
            for i in range(self.list.count()):
                item = self.list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() == "Cecilie"
                                   else Qt.CheckState.Unchecked)
            return True

    monkeypatch.setattr(main_window, "CoderChoiceDialog", Ticked)
    window.actions["visibility"]["chosen"].trigger()
    assert window.workbench.visible_coders() == {"Anna", "Cecilie"}
    assert other in window.view.index.by_uuid and ids["bo_uuid"] not in window.view.index.by_uuid
    assert "codings by you and Cecilie" in window.status.text()
