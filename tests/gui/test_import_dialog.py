"""The import dialog on a real project with real files: a .docx with page breaks, a Teams .vtt,
a focus-group .txt with vignette sections, and a damaged .docx."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from docx import Document as DocxDocument
from docx.enum.text import WD_BREAK
from PySide6.QtCore import Qt

from qcoder.core.store.models import Document, Speaker
from qcoder.gui.files.import_dialog import ImportDialog
from qcoder.gui.shell.main_window import MainWindow
from tests.conftest import dump_project
from tests.gui.dialog_driver import when_modal
from tests.gui.helpers import make_settings

VTT = """WEBVTT

00:00:01.000 --> 00:00:05.000
<v Anne Holm>Velkommen, og tak fordi du ville være med.</v>

00:00:05.500 --> 00:00:09.000
<v Anne Holm>Hvordan kom du ind i rollen som direktør?</v>

00:00:09.500 --> 00:00:15.000
<v Bjørn Ø. Lund>Det var egentlig tilfældigt; jeg søgte stillingen i 2015.</v>

00:00:15.500 --> 00:00:19.000
<v Anne Holm>Og samarbejdet med borgmesteren?</v>

00:00:19.500 --> 00:00:25.000
<v Bjørn Ø. Lund>Tæt, men ikke altid let. 😅</v>
"""

FOCUS_GROUP = """## Vignet 1
Moderator: Hvad tænker I om Kiras situation?
Kira: Jeg synes, skolen burde have reageret før.
Bo: Enig, men forældrene skal også med.
## Vignet 2
Moderator: Og Mads?
Kira: Det er en gråzone.
Bo: Vent og se, siger jeg.
"""


def write_docx(path) -> None:
    doc = DocxDocument()
    doc.add_paragraph("Interviewer: Hvorfor blev du borgmester i Ærø?")
    doc.add_paragraph("Søren: Fordi jeg ville gøre en forskel for øen.")
    doc.add_paragraph("Interviewer: Og hvad var det sværeste?").runs[0].add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Søren: Økonomien, uden tvivl.")
    para = doc.add_paragraph("Interviewer: Tak for samtalen.")
    para.runs[0].add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Søren: Selv tak.")
    doc.save(path)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "udskrifter"
    folder.mkdir()
    write_docx(folder / "borgmester Ærø.docx")
    (folder / "direktør.vtt").write_text(VTT, encoding="utf-8")
    (folder / "fokusgruppe.txt").write_text(FOCUS_GROUP, encoding="utf-8")
    return folder


def _dump(path):
    return dump_project(path, without_meta=True)


def _window(qtbot, project, tmp_path):
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    return window


def _speakers(project, doc_name):
    with project.session() as s:
        return sorted(s.scalars(sa.select(Speaker.name).join(Document)
                                .where(Document.name == doc_name)))


def _rows(tree):
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).text(c) for c in range(1, 6)]
            for i in range(tree.topLevelItemCount())}


def _shown_speakers(panel):
    return {panel.doc_items[d].text(0): [(i.text(0), i.checkState(1) == Qt.CheckState.Checked,
                                          i.text(2)) for i in panel.speakers(d)]
            for d in panel.doc_items}


def test_import_from_the_menu_shows_what_was_found_and_keeps_it_undoably(qtbot, project,
                                                                          tmp_path, files):
    window = _window(qtbot, project, tmp_path)
    seen = {}

    def drive(dialog: ImportDialog):
        try:
            dialog.add_paths([files])
            dialog.kind.setCurrentIndex(dialog.kind.findData("mayor_interview"))
            dialog.case.setCurrentText("Ærø")
            assert dialog.start_import()
            summary, panel = dialog.summary, dialog.summary.speakers
            seen.update(rows=_rows(summary.files), totals=summary.totals.text(),
                        speakers=_shown_speakers(panel))
            # rename a speaker in the summary by editing its name
            vtt = seen["vtt"] = next(d for d, item in panel.doc_items.items()
                                     if item.text(0) == "direktør")
            panel.speaker_item(vtt, "Bjørn Ø. Lund").setText(0, "Bjørn")
            # correct the guessed interviewer with the ticks
            panel.speaker_item(vtt, "Anne Holm").setCheckState(1, Qt.CheckState.Unchecked)
            panel.speaker_item(vtt, "Bjørn").setCheckState(1, Qt.CheckState.Checked)
            # merge two speakers of the focus group
            fg = next(d for d, item in panel.doc_items.items() if item.text(0) == "fokusgruppe")
            assert panel.merge(fg, ["Kira", "Bo"], "Kira")
            seen["merged"] = [(i.text(0), i.text(2)) for i in panel.speakers(fg)]
            dialog.keep_button.click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_modal(ImportDialog, drive)
    window.actions["import"].trigger()
    assert seen["rows"] == {
        "borgmester Ærø.docx": ["imported as “borgmester Ærø”", "6", "2", "3", "0"],
        "direktør.vtt": ["imported as “direktør”", "4", "2", "0", "0"],
        "fokusgruppe.txt": ["imported as “fokusgruppe”", "6", "3", "0", "2"],
    }
    assert seen["totals"] == ("Documents imported: 3 (speaker turns: 16, speakers: 7, pages: 3, "
                              "sections: 2).")
    assert seen["speakers"] == {
        "borgmester Ærø": [("Interviewer", True, "3"), ("Søren", False, "3")],
        "direktør": [("Anne Holm", True, "2"), ("Bjørn Ø. Lund", False, "2")],
        "fokusgruppe": [("Moderator", True, "2"), ("Kira", False, "2"), ("Bo", False, "2")],
    }
    assert seen["merged"] == [("Moderator", "2"), ("Kira", "4")]
    with project.session() as s:
        docs = {d.name: d for d in s.scalars(sa.select(Document))}
        assert set(docs) == {"interview", "borgmester Ærø", "direktør", "fokusgruppe"}
        assert [c.name for c in docs["direktør"].cases] == ["Ærø"]
        assert docs["borgmester Ærø"].kind == "mayor_interview"
        assert dict(s.execute(sa.select(Speaker.name, Speaker.is_interviewer)
                              .where(Speaker.document_id == seen["vtt"])).all()) == {
            "Anne Holm": False, "Bjørn": True}
    assert len(window.documents.items) == 4
    # one step on the window's undo stack takes the whole import away, and brings it back
    undo = window.workbench.undo
    assert undo.undoText() == "Import 3 documents"
    undo.undo()
    with project.session() as s:
        assert set(s.scalars(sa.select(Document.name))) == {"interview"}
    qtbot.waitUntil(lambda: len(window.documents.items) == 1)
    undo.redo()
    assert _speakers(project, "direktør") == ["Anne Holm", "Bjørn"]
    assert _speakers(project, "fokusgruppe") == ["Kira", "Moderator"]
    qtbot.waitUntil(lambda: len(window.documents.items) == 4)


def test_cancel_at_the_summary_leaves_the_project_as_before(qtbot, project, project_path,
                                                            tmp_path, files):
    before = _dump(project_path)
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.add_paths(sorted(files.iterdir()))
    dialog.case.setCurrentText("Ny sag")
    assert dialog.start_import()
    panel = dialog.summary.speakers
    doc = next(iter(panel.doc_items))
    first = panel.speakers(doc)[0]
    first.setText(0, "Omdøbt")
    assert dialog.undo_button.isVisible() or dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert _dump(project_path) == before


def test_a_damaged_docx_shows_its_error_and_the_rest_is_imported(qtbot, project, tmp_path, files):
    good = (files / "borgmester Ærø.docx").read_bytes()
    broken = tmp_path / "afbrudt.docx"
    broken.write_bytes(good[: len(good) // 2])
    duplicate = tmp_path / "kopi.txt"
    duplicate.write_text(FOCUS_GROUP.replace("\n", "\r\n"), encoding="utf-8")
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.add_paths([broken, files / "fokusgruppe.txt", duplicate])
    assert dialog.start_import()
    files_tree = dialog.summary.files
    results = [files_tree.topLevelItem(i).text(1) for i in range(files_tree.topLevelItemCount())]
    assert results[0].startswith("failed: cannot be read as a Word .docx file")
    assert "save it again" in results[0]
    assert results[1] == "imported as “fokusgruppe”"
    assert results[2] == "skipped: same text as “fokusgruppe”"
    messages = dialog.summary.messages.toPlainText()
    assert f"Not imported: {broken}: cannot be read as a Word .docx file" in messages
    assert "Skipped kopi.txt: the same text is already document “fokusgruppe”." in messages
    assert dialog.summary.totals.text().endswith(
        "Skipped because their text is already in the project: 1. Could not be read: 1 (see "
        "Messages); the rest was imported.")
    dialog.keep_button.click()
    with project.session() as s:
        assert set(s.scalars(sa.select(Document.name))) == {"interview", "fokusgruppe"}


def test_cancelling_while_importing_changes_nothing(qtbot, project, project_path, tmp_path,
                                                    files):
    before = _dump(project_path)
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.add_paths([files])
    dialog.progress.valueChanged.connect(lambda _v: dialog.cancel_button.click())
    assert not dialog.start_import()
    assert dialog.pages.currentIndex() == 0
    assert dialog.status.text() == "Import cancelled; nothing was changed."
    assert dialog.isEnabled() and dialog.import_button.isEnabled()
    assert _dump(project_path) == before


def test_a_bad_speaker_pattern_is_explained_and_nothing_imported(qtbot, project, tmp_path,
                                                                 files, monkeypatch):
    shown = []
    monkeypatch.setattr("qcoder.gui.files.import_dialog.QMessageBox.warning",
                        lambda _parent, title, text: shown.append(text))
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.add_paths([files / "fokusgruppe.txt"])
    dialog.speaker_pattern.setText(r"^(\w+):")
    assert not dialog.start_import()
    assert shown and "needs a named group (?P<name>...)" in shown[0]
    assert dialog.status.text() == "Nothing was imported."
