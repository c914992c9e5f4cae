"""Document > Edit text… and File > Import case attributes… on a real project, driven through
their dialogs; Document > Speakers… renames as an undoable step."""

from __future__ import annotations

import sqlalchemy as sa
from openpyxl import Workbook

from qcoder.core.coding.codings import apply_coding
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.store.models import Case, CaseValue, Coding, Document, Speaker
from qcoder.core.store.models_editing import DetachedCoding
from qcoder.gui.files.attributes_dialog import AttributesDialog, import_case_attributes
from qcoder.gui.files.edit_text_dialog import EditTextDialog, edit_document_text
from qcoder.gui.files.speakers_panel import SpeakersDialog
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.dialog_driver import when_modal
from tests.gui.helpers import make_settings


def _window(qtbot, project, tmp_path):
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    return window


def _coded(project, tmp_path):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        threat = code_by_path(s, "Test æøå/Chikane")
        other = code_by_path(s, "Test æøå/Øvrige")
        anna = coder_by_name(s, "Anna", create=True)
        bo = coder_by_name(s, "Bo", create=True)
    t = doc.text.index("trusler")
    q = doc.text.index("Og chikanen?")
    apply_coding(project, doc, t, t + len("trusler"), threat, anna)
    apply_coding(project, doc, q, q + len("Og chikanen?"), other, anna)
    apply_coding(project, doc, q, q + len("Og chikanen?"), threat, bo)
    return doc


def test_editing_text_keeps_codings_on_their_words_and_reports_detached(qtbot, project,
                                                                         tmp_path, monkeypatch):
    doc = _coded(project, tmp_path)
    window = _window(qtbot, project, tmp_path)
    window.workbench.set_blind(True)
    window.open_document(doc.id)
    warned = []
    monkeypatch.setattr("qcoder.gui.files.edit_text_dialog.QMessageBox.warning",
                        lambda _parent, title, text: warned.append((title, text)))
    new_text = (doc.text.replace("Der kom trusler", "Der kom mange grove trusler")
                .replace("Interviewer: Og chikanen?\n\n", ""))

    def edit(dialog: EditTextDialog):
        assert dialog.text() == doc.text
        dialog.editor.setPlainText(new_text)
        dialog.find.setText("grove")
        assert dialog.find_next() and dialog.editor.textCursor().selectedText() == "grove"
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    when_modal(EditTextDialog, edit)
    report = edit_document_text(window)
    assert report.codings == 1 and len(report.detached) == 2
    with project.session() as s:
        stored = s.get(Document, doc.id)
        assert stored.text == new_text
        (coding,) = s.scalars(sa.select(Coding))
        assert stored.text[coding.start:coding.end] == "trusler"
        assert s.scalar(sa.select(sa.func.count(DetachedCoding.id))) == 2
    title, text = warned[0]
    assert title == "Codings set aside"
    assert "The words of 2 codings were deleted" in text
    assert "• Test æøå/Øvrige (Anna): “Og chikanen?”" in text
    assert "Bo" not in text, "blind mode: another coder's coding is only counted"
    assert "1 of them were made by coders whose codings are not shown." in text
    assert "1 codings carried along" in window.statusBar().currentMessage()
    assert window.view.toPlainText() == new_text
    # one undo brings back the old text and both detached codings where they were
    window.workbench.undo.undo()
    with project.session() as s:
        assert s.get(Document, doc.id).text == doc.text
        spans = sorted(doc.text[c.start:c.end] for c in s.scalars(sa.select(Coding)))
        assert spans == ["Og chikanen?", "Og chikanen?", "trusler"]
    assert window.view.toPlainText() == doc.text


def test_closing_the_editor_unsaved_changes_nothing(qtbot, project, tmp_path, monkeypatch):
    doc = _coded(project, tmp_path)
    window = _window(qtbot, project, tmp_path)
    window.open_document(doc.id)
    monkeypatch.setattr("qcoder.gui.files.edit_text_dialog.QMessageBox.question",
                        lambda *_a: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox
                        .StandardButton.Yes)

    def cancel(dialog: EditTextDialog):
        dialog.editor.insertPlainText("slettet ")
        dialog.reject()

    when_modal(EditTextDialog, cancel)
    assert edit_document_text(window) is None
    with project.session() as s:
        assert s.get(Document, doc.id).text == doc.text
    assert window.workbench.undo.count() == 0


def _sheet(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Borgmestre"
    ws.append(["Kommune", "Dokument", "Andel", "Genopstillet"])
    ws.append(["Ærø", "interview", "0,77", "nej"])
    ws.append(["Odense", "intervju", "0,41", "ja"])
    ws.append(["Vejle", "dublet", "0,5", "ja"])
    ws.append(["Vejle", "dublet", "0,6", "nej"])
    wb.create_sheet("Andet").append(["x"])
    wb.save(path)


def test_case_attributes_import_reports_matched_unmatched_and_duplicates(qtbot, project,
                                                                         tmp_path):
    window = _window(qtbot, project, tmp_path)
    path = tmp_path / "sager æøå.xlsx"
    _sheet(path)
    results = {}

    def drive(dialog: AttributesDialog):
        assert dialog.load(path)
        assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == [
            "Borgmestre", "Andet"]
        assert dialog.key.currentText() == "Dokument", "the column naming documents is offered"
        assert dialog.preview.rowCount() == 4 and dialog.preview.item(0, 0).text() == "Ærø"
        assert dialog.do_import()
        tree = dialog.result_tree
        results["groups"] = {tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}
        results["label"] = dialog.result_label.text()
        dialog.close_button.click()

    when_modal(AttributesDialog, drive)
    report = import_case_attributes(window)
    assert report is not None
    assert results["groups"] == {
        "New cases: 1": ["interview"],
        "Documents linked to their case: 1": ["interview → interview"],
        "New attributes: 3": ["Kommune (text)", "Andel (number)", "Genopstillet (yes/no)"],
        "Keys that match no case or document (not imported): 1": [
            "intervju — did you mean 'interview'?"],
        "Keys that occur more than once (left alone): 1": [
            "dublet: sager æøå.xlsx, sheet 'Borgmestre', row 4; "
            "sager æøå.xlsx, sheet 'Borgmestre', row 5"],
    }
    assert results["label"].startswith("Imported from sager æøå.xlsx, sheet 'Borgmestre': "
                                       "3 values for 1 cases.")
    with project.session() as s:
        case = s.scalar(sa.select(Case).where(Case.name == "interview"))
        values = {v.attribute.name: (v.attribute.type, v.text_value, v.number_value,
                                     v.bool_value)
                  for v in s.scalars(sa.select(CaseValue).where(CaseValue.case_id == case.id))}
    assert values == {"Kommune": ("text", "Ærø", None, None),
                      "Andel": ("number", "0,77", 0.77, None),
                      "Genopstillet": ("bool", "nej", None, False)}
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1)
    window.workbench.undo.undo()
    with project.session() as s:
        assert s.scalar(sa.select(sa.func.count(Case.id))) == 0


def test_a_sheet_without_the_key_column_is_refused_with_its_name(qtbot, project, tmp_path,
                                                                 monkeypatch):
    path = tmp_path / "sager.csv"
    path.write_text("Navn;Andel\n;0,4\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr("qcoder.gui.files.attributes_dialog.QMessageBox.warning",
                        lambda _p, _t, text: shown.append(text))
    dialog = AttributesDialog(project, lambda op: None)
    qtbot.addWidget(dialog)
    broken = tmp_path / "tom.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert not dialog.load(broken)
    assert "cannot be read as an Excel .xlsx workbook" in shown[0]
    assert not dialog.import_button.isEnabled()
    assert dialog.load(path) and dialog.key.currentText() == "Navn"


def test_speakers_dialog_renames_as_an_undoable_step(qtbot, project, tmp_path):
    window = _window(qtbot, project, tmp_path)
    with project.session() as s:
        doc_id = document_by_name(s, "interview").id
    dialog = SpeakersDialog(project, doc_id, window.workbench.undo.run, window)
    qtbot.addWidget(dialog)
    dialog.panel.speaker_item(doc_id, "Jens").setText(0, "Jens Ø.")
    with project.session() as s:
        names = set(s.scalars(sa.select(Speaker.name).where(Speaker.document_id == doc_id)))
    assert names == {"Interviewer", "Jens Ø."}
    assert window.workbench.undo.undoText() == "Rename speaker"
    window.workbench.undo.undo()
    with project.session() as s:
        names = set(s.scalars(sa.select(Speaker.name).where(Speaker.document_id == doc_id)))
    assert names == {"Interviewer", "Jens"}
