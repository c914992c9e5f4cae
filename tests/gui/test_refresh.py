"""The main window refreshes only what a change touched: driven through the real window on real
project files, with the panels' own methods counted (and still run) to see which were used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.changes import Changes, Docs
from qcoder.core.coding.codings import apply_coding
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.batch_import import import_files
from qcoder.core.documents.editing import EditText
from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.speakers import RenameSpeaker
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.gui.codebook.codebook_editor import CodebookEditor
from qcoder.gui.shell.main_window import MainWindow
from qcoder.gui.shell.workbench import DRAWN_BY_CALLER
from tests.gui.helpers import make_settings

METTE = """Interviewer: Hvordan oplevede du chikanen?

Mette: Jeg blev chikaneret på Facebook. Det fyldte meget.

Interviewer: Og borgmestrene i nabokommunerne?

Mette: Borgmesteren i Årø havde det værre.
"""


@pytest.fixture
def ids(project, tmp_path):
    src = tmp_path / "mette.txt"
    src.write_text(METTE, encoding="utf-8")
    add_document(project, read_transcript(src), kind="mayor_interview")
    with project.transaction() as s:
        doc, mette = document_by_name(s, "interview"), document_by_name(s, "mette")
        case = get_or_create_case(s, "Borgmester Jens")
        link_document(s, doc, case)
        set_value(s, case, get_or_create_attribute(s, "appendix", "number"), "2")
        out = {"doc": doc.id, "mette": mette.id, "text": doc.text,
               "chikane": code_by_path(s, "Test æøå/Chikane").id,
               "okonomi": code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer").id,
               "bo": coder_by_name(s, "Bo", create=True).id}
    start = out["text"].index("Økonomien bandt os")
    out["bo_uuid"] = apply_coding(project, out["doc"], start, start + 18, out["okonomi"],
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


def calls(monkeypatch, obj, name) -> list[tuple]:
    """Record each call of obj.name (which still runs) - the arguments, in order."""
    seen: list[tuple] = []
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        seen.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return seen


def _count(window, doc_id) -> str:
    return window.documents.items[doc_id].text(1)


def _select(window, text):
    start = window.view.layers.text.index(text)
    window.view.select_range(start, start + len(text))
    return start, start + len(text)


def test_a_coding_recounts_its_document_and_codebook_without_refilling_the_lists(
        window, ids, qtbot, monkeypatch):
    fills = calls(monkeypatch, window.documents, "fill")
    counts = calls(monkeypatch, window.documents, "update_counts")
    case_fills = calls(monkeypatch, window.cases, "fill")
    code_reads = calls(monkeypatch, window, "_read_codes")
    index = window.view.index
    assert _count(window, ids["doc"]) == "1" and _count(window, ids["mette"]) == "0"
    _select(window, "trusler")
    with qtbot.waitSignal(window.workbench.changed) as signal:
        uuid = window.apply_code(ids["chikane"])
    assert signal.args == [Changes(codings=Docs.of({ids["doc"]})), DRAWN_BY_CALLER]
    # the coding actions drew the new coding into the marks as they were: none re-read
    assert window.view.index is index and uuid in index.by_uuid
    qtbot.waitUntil(lambda: _count(window, ids["doc"]) == "2")
    assert fills == [] and case_fills == [] and code_reads == []
    assert counts and all(args[3] == [ids["doc"]] for args in counts)   # that document only
    assert _count(window, ids["mette"]) == "0"
    assert window.codebook.select_code(ids["chikane"])
    assert window.codebook.tree.currentItem().text(1) == "1"
    assert "Codings: 2 here, 2 in the project" in window.status.text()


def test_undoing_a_coding_redraws_and_recounts_only_its_document(window, ids, qtbot,
                                                                  monkeypatch):
    _select(window, "trusler")
    uuid = window.apply_code(ids["chikane"])
    qtbot.waitUntil(lambda: _count(window, ids["doc"]) == "2")
    fills = calls(monkeypatch, window.documents, "fill")
    counts = calls(monkeypatch, window.documents, "update_counts")
    window.workbench.undo.undo()
    assert uuid not in window.view.index.by_uuid and ids["bo_uuid"] in window.view.index.by_uuid
    qtbot.waitUntil(lambda: _count(window, ids["doc"]) == "1")
    assert fills == [] and [args[3] for args in counts] == [[ids["doc"]]]
    window.workbench.undo.redo()
    assert uuid in window.view.index.by_uuid


def test_a_code_renamed_in_the_codebook_editor_renames_its_marks_and_back_on_undo(
        window, ids, qtbot, monkeypatch):
    fills = calls(monkeypatch, window.documents, "fill")
    editor = CodebookEditor(window.project, parent=window,
                            undo_sink=window._record_codebook_change)
    qtbot.addWidget(editor)
    editor.select_code(ids["okonomi"])
    editor.form.fields["name"].setText("Pengemangel")
    editor.save()
    mark = window.view.index.by_uuid[ids["bo_uuid"]]
    assert mark.code_path == "Test æøå/Policy-seeking/Pengemangel"
    assert "<b>Test æøå/Policy-seeking/Pengemangel</b>" in window.view.stripes.tooltip(mark)
    assert window.code_info[ids["okonomi"]][0].endswith("/Pengemangel")   # quick code, menus
    qtbot.waitUntil(lambda: window.codebook.select_code(ids["okonomi"])
                    and window.codebook.tree.currentItem().text(0) == "Pengemangel")
    assert fills == []
    assert window.actions["undo"].text().endswith("Edit code")
    window.workbench.undo.undo()
    assert window.view.index.by_uuid[ids["bo_uuid"]].code_path.endswith("/Økonomiske barrierer")
    qtbot.waitUntil(lambda: window.codebook.select_code(ids["okonomi"])
                    and window.codebook.tree.currentItem().text(0) == "Økonomiske barrierer")
    assert fills == []


def test_a_value_typed_in_the_case_table_is_not_refilled_over_but_its_undo_is(
        window, ids, qtbot, monkeypatch):
    window.codebook.select_code(ids["okonomi"])   # the segments list shows case values
    case_fills = calls(monkeypatch, window.cases, "fill")
    reloads = calls(monkeypatch, window.retrieval, "reload")
    model = window.cases.model
    headers = [model.horizontalHeaderItem(c).text() for c in range(model.columnCount())]
    item = model.item(0, headers.index("appendix"))
    item.setText("9")
    qtbot.waitUntil(lambda: bool(reloads))   # the lists caught up with the case change
    assert case_fills == [] and model.item(0, headers.index("appendix")) is item
    window.workbench.undo.undo()
    qtbot.waitUntil(lambda: model.item(0, headers.index("appendix")).text() == "2")
    assert len(case_fills) == 1


def test_an_edited_transcript_is_shown_at_once_and_the_lists_refilled(window, ids, qtbot,
                                                                       monkeypatch):
    fills = calls(monkeypatch, window.documents, "fill")
    old, new = "Hvorfor stoppede du som borgmester?", "Hvorfor gik du af?"
    new_text = ids["text"].replace(old, new)
    bo = window.view.index.by_uuid[ids["bo_uuid"]]
    assert window.workbench.run(EditText(ids["doc"], new_text)) is not None
    assert window.view.layers.text == new_text
    moved = window.view.index.by_uuid[ids["bo_uuid"]]   # Bo's coding, after the edit
    assert moved.start == bo.start - (len(old) - len(new))
    assert new_text[moved.start:moved.end] == "Økonomien bandt os"
    qtbot.waitUntil(lambda: len(fills) == 1)
    assert _count(window, ids["doc"]) == "1"
    window.workbench.undo.undo()
    assert window.view.layers.text == ids["text"]
    assert window.view.index.by_uuid[ids["bo_uuid"]].start == bo.start


def test_a_speaker_renamed_in_the_speakers_dialog_relabels_the_open_document(window, ids):
    """The dialog runs operations through the undo stack; the window shows the new labels."""
    window.workbench.undo.run(RenameSpeaker(ids["doc"], "Jens", "Jens Ø"))
    assert [speaker for _s, _e, speaker in window.view.layers.labels] == [
        "Interviewer", "Jens Ø", "Interviewer", "Jens Ø"]


def test_work_committed_past_the_workbench_is_caught_up_on_the_next_notice(
        window, ids, project, qtbot, monkeypatch, tmp_path):
    """A dialog that runs core functions itself (an import, a merge) need only tell the
    workbench afterwards; what it committed comes from the project's journal."""
    fills = calls(monkeypatch, window.documents, "fill")
    start = METTE.index("Facebook")
    with project.session() as s:
        anna = coder_by_name(s, "Anna").id
    apply_coding(project, ids["mette"], start, start + 8, ids["chikane"], anna)
    index = window.view.index
    assert window.workbench.notify() == Changes(codings=Docs.of({ids["mette"]}))
    qtbot.waitUntil(lambda: _count(window, ids["mette"]) == "1")
    assert fills == [] and window.view.index is index   # the open document was not touched

    src = tmp_path / "ny.txt"
    src.write_text(METTE.replace("Mette", "Ole"), encoding="utf-8")
    import_files(project, [src], index=False)
    window.workbench.notify()
    qtbot.waitUntil(lambda: len(window.documents.items) == 3)
    assert len(fills) == 1 and window.view.document_id == ids["doc"]
    assert window.workbench.notify() == Changes()   # nothing new since


def test_the_keyboard_undo_refreshes_from_what_the_undo_changed(window, ids, qtbot):
    _select(window, "trusler")
    window.apply_code(ids["chikane"])
    window.activateWindow()
    window.view.setFocus()
    with qtbot.waitSignal(window.workbench.changed) as signal:
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [Changes(codings=Docs.of({ids["doc"]})), None]
