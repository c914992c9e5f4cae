"""Document > Pseudonymise… driven with pytest-qt on a real project: the dry-run table, edited
pseudonyms and left-out entities, Apply (codings stay aligned, undo restores), the key-file and
backup warnings, and Confirm, after which no original is left in the project file's bytes."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.privacy.key_file import read_key
from qcoder.core.store import Project
from qcoder.core.store.models import Document
from qcoder.gui.files.pseudonymise_dialog import pseudonymise_dialog_for
from qcoder.gui.shell.main_window import MainWindow
from tests.conftest import CODEBOOK
from tests.gui.helpers import make_settings
from tests.gui.screens import dark_theme, screenshot

TRANSCRIPT = """Interview med Karen Mortensen, borgmester i Struer Kommune.

Interviewer: Velkommen, Karen. Hvordan kontakter vi dig bedst?

Karen Mortensen: Skriv til karen.mortensen@struer.dk eller ring på 40 12 34 56. Mit \
CPR-nummer er 050472-1234, hvis I skal bruge det til honoraret.

Interviewer: Hvem samarbejder du med?

Karen Mortensen: Mest med Lars Bech fra Holstebro Kommune og med Dansk Magisterforening. \
Holstebro har de samme problemer som Struer.

Interviewer: Og truslerne?

Karen Mortensen: Der kom trusler mod min familie på de sociale medier. Det var hårdt for os alle.
"""
ORIGINALS = ["Karen", "Mortensen", "Struer", "Holstebro", "Lars", "Bech", "40 12 34 56",
             "050472-1234", "karen.mortensen"]
QUOTES = ["Lars Bech fra Holstebro Kommune", "ring på 40 12 34 56",
          "Der kom trusler mod min familie"]


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window on a project (in its own folder) with the transcript and codings."""
    folder = tmp_path / "projekt"
    project = Project.create(folder / "pseudo æøå.qcoder", title="Test")
    (tmp_path / "kb.yaml").write_text(CODEBOOK, encoding="utf-8")
    load_codebook(project, tmp_path / "kb.yaml")
    source = tmp_path / "interview_karen.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    add_document(project, read_transcript(source), kind="mayor_interview")
    with project.transaction() as s:
        doc = document_by_name(s, "interview_karen")
        code = code_by_path(s, "Test æøå/Chikane")
        anna = coder_by_name(s, "Anna", create=True)
    for quote in QUOTES:
        start = doc.text.index(quote)
        apply_coding(project, doc, start, start + len(quote), code, anna)
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _state(project):
    with project.session() as s:
        docs = sorted(s.execute(sa.select(Document.name, Document.text)).all())
    return docs, sorted((r.uuid, r.start, r.end, r.text) for r in list_codings(project))


def _dialog(qtbot, window):
    dialog = pseudonymise_dialog_for(window)
    qtbot.addWidget(dialog)
    dialog.warnings = []
    dialog.warn = lambda title, text: dialog.warnings.append(text)
    dialog.asked = []
    dialog.ask = lambda title, text, yes: dialog.asked.append(text) or True
    return dialog


def test_review_apply_undo_and_confirm_leave_no_original(qtbot, window, tmp_path):
    project, wb = window.project, window.workbench
    before = _state(project)
    uuid_of = {text: uuid for uuid, _s, _e, text in before[1]}
    dialog = _dialog(qtbot, window)
    assert dialog.chosen_documents() == ["interview_karen"]  # the open document
    assert not dialog.apply_button.isEnabled() and not dialog.confirm_button.isEnabled()

    # the key file: a warning while it would sit in the project folder
    dialog.key.setText(str(project.path.parent / "nøgle.csv"))
    assert dialog.key_warning.isVisibleTo(dialog)
    assert "inside the project folder" in dialog.key_warning.text()
    key = tmp_path / "nøgler" / "nøgle.csv"
    dialog.key.setText(str(key))
    assert not dialog.key_warning.isVisibleTo(dialog)

    # the dry run changes nothing
    assert dialog.find()
    assert _state(project) == before and not key.exists()
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in range(5)]
            for r in range(dialog.table.rowCount())}
    assert rows["Karen Mortensen"][1:4] == ["Person", "5", "[Borgmester A]"]
    assert rows["Struer"][1:4] == ["Municipality", "2", rows["Struer"][3]]
    assert {rows[k][1] for k in ("karen.mortensen@struer.dk", "40 12 34 56", "050472-1234")} == {
        "E-mail", "Phone", "CPR number"}
    # edit a pseudonym, leave one entity as it is
    dialog.table.item(dialog.table.row_of("Lars Bech"), 3).setText("[Kollega 1]")
    dialog.table.item(dialog.table.row_of("Dansk Magisterforening"), 0).setCheckState(
        Qt.CheckState.Unchecked)
    holstebro = rows["Holstebro"][3]
    assert dialog.apply()
    assert dialog.confirm_button.isEnabled() and window.pseudonymisation_pending
    assert not dialog.asked  # the key is outside the project: no question

    key_rows = {o: p for o, _t, p in read_key(key)}
    assert key_rows["Lars Bech"] == "[Kollega 1]" and "Dansk Magisterforening" not in key_rows
    coded = {r.uuid: r.text for r in list_codings(project)}
    assert coded[uuid_of[QUOTES[0]]] == f"[Kollega 1] fra {holstebro}"  # "X Kommune" is one
    assert coded[uuid_of[QUOTES[1]]] == "ring på [Telefon 1]"
    assert coded[uuid_of[QUOTES[2]]] == QUOTES[2]
    after = _state(project)
    ((name, text),) = after[0]
    assert name == "interview_Borgmester A" and "Dansk Magisterforening" in text
    assert window.view.toPlainText() == text  # the window shows the new text
    assert wb.undo.undoText() == "Pseudonymise"

    # undoable until confirmed: back exactly, in the project and the window
    wb.undo.undo()
    assert _state(project) == before
    assert window.view.toPlainText() == before[0][0][1]
    wb.undo.redo()
    assert _state(project) == after
    assert window.view.toPlainText() == text

    # confirm: a clear warning, the undo history dropped, the file rewritten
    backup = project.path.with_name(project.path.name + ".bak-v1-20250101-120000")
    backup.write_bytes(b"old")
    dialog._show_backups()
    assert backup.name in dialog.backups.text() and dialog.backups.isVisibleTo(dialog)
    assert dialog.confirm()
    assert "Undo will no longer restore the original text" in dialog.asked[-1]
    assert backup.name in dialog.asked[-1]
    assert wb.undo.count() == 0 and not window.pseudonymisation_pending
    assert not dialog.confirm_button.isEnabled()
    backup.unlink()
    path = project.path
    window.close()
    blob = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    blob += wal.read_bytes() if wal.exists() else b""
    for original in ORIGINALS:
        for form in {original, original.lower(), original.upper()}:
            assert form.encode() not in blob, f"{form!r} left in the project file"


def test_mistakes_are_explained_and_change_nothing(qtbot, window, tmp_path):
    project = window.project
    before = _state(project)
    dialog = _dialog(qtbot, window)
    dialog.set_documents([])
    dialog.key.setText(str(tmp_path / "k.csv"))
    assert not dialog.find() and "Tick at least one document" in dialog.warnings[-1]
    dialog.set_documents(["interview_karen"])
    dialog.key.setText("")
    assert not dialog.find() and "Choose a key file first" in dialog.warnings[-1]
    dialog.key.setText(str(project.path))
    assert not dialog.find() and "separate file outside the project" in dialog.warnings[-1]
    dialog.key.setText(str(tmp_path / "k.csv"))
    assert dialog.find()
    dialog.table.item(dialog.table.row_of("Struer"), 3).setText("  ")
    assert not dialog.apply() and "the pseudonym for 'Struer' is empty" in dialog.warnings[-1]
    assert _state(project) == before and not (tmp_path / "k.csv").exists()
    # a key inside the project folder is written only when the coder insists
    dialog.key.setText(str(project.path.parent / "k.csv"))
    assert dialog.find()
    dialog.ask = lambda title, text, yes: False
    assert not dialog.apply()
    assert _state(project) == before and not (project.path.parent / "k.csv").exists()


def test_a_missed_entity_can_be_added(qtbot, window, tmp_path):
    dialog = _dialog(qtbot, window)
    dialog.key.setText(str(tmp_path / "k.csv"))
    assert dialog.find()
    dialog.ask_entity = lambda: ("hårdt for os", "other")
    dialog.add_entity()
    row = dialog.table.row_of("hårdt for os")
    assert [dialog.table.item(row, c).text() for c in (1, 2, 3)] == ["Other", "1",
                                                                     "[Anonymiseret 1]"]


def test_dialog_in_the_dark_palette(qtbot, window, tmp_path):
    with dark_theme():
        dialog = _dialog(qtbot, window)
        dialog.key.setText(str(window.project.path.parent / "nøgle.csv"))
        assert dialog.find()
        dialog.table.item(dialog.table.row_of("Lars Bech"), 3).setText("[Kollega 1]")
        dialog.table.item(dialog.table.row_of("Dansk Magisterforening"), 0).setCheckState(
            Qt.CheckState.Unchecked)
        backup = window.project.path.with_name(window.project.path.name + ".bak-v1-20250101")
        backup.write_bytes(b"old")
        dialog._show_backups()
        dialog.show()
        qtbot.waitExposed(dialog)
        image = screenshot(dialog, tmp_path, "pseudonymise_dialog_dark.png")
    assert image.pixelColor(5, image.height() // 2).lightness() < 110
