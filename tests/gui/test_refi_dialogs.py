"""REFI-QDA through the window's dialogs: a project exported to .qdpx and imported again as a
new project keeps its documents, codings (offsets and coders) and cases; codebooks travel as
.qdc; cancelling or a broken file leaves nothing behind."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from PySide6.QtWidgets import QProgressDialog, QPushButton

from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.coding.codings import apply_coding
from qcoder.core.exchange.refi import importer
from qcoder.core.lookup import code_by_path, code_paths, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Case, Code, Coder, Coding, Document
from qcoder.gui.files.refi_dialogs import (
    SummaryDialog,
    export_codebook,
    export_refi_project,
    import_codebook,
    import_refi_project,
)
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.dialog_driver import when_modal
from tests.gui.helpers import make_settings


def _content(project):
    """Documents with their codings (text, code path, coder) and cases with their documents."""
    with project.session() as s:
        paths = code_paths(s)
        docs = {d.name: d.text for d in s.scalars(sa.select(Document))}
        codings = sorted(
            (doc.name, c.start, c.end, doc.text[c.start:c.end],
             paths[c.code_id].split("/", 1)[1], coder)
            for c, doc, coder in s.execute(sa.select(Coding, Document, Coder.name)
                                           .join(Document).join(Coder)))
        cases = {c.name: sorted(d.name for d in c.documents) for c in s.scalars(sa.select(Case))}
    return docs, codings, cases


def _coded(project):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        threat = code_by_path(s, "Test æøå/Chikane")
        money = code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer")
        anna = coder_by_name(s, "Anna", create=True)
        bo = coder_by_name(s, "Bø", create=True)
        case = get_or_create_case(s, "Borgmester Ærø")
        link_document(s, doc, case)
        set_value(s, case, get_or_create_attribute(s, "Andel", "number"), "0,77")
    t = doc.text.index("trusler")
    e = doc.text.index("Økonomien bandt os.")
    apply_coding(project, doc, t, t + 7, threat, anna)
    apply_coding(project, doc, t, t + 30, threat, bo)
    apply_coding(project, doc, e, e + 19, money, anna)


def _window(qtbot, project, tmp_path):
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    return window


def _read_and_close(seen: list):
    def act(dialog: SummaryDialog):
        seen.append(" ".join(dialog.browser.toPlainText().split()))
        dialog.accept()
    return act


def test_refi_export_then_import_round_trips_documents_and_codings(qtbot, project, tmp_path):
    _coded(project)
    before = _content(project)
    window = _window(qtbot, project, tmp_path)
    out = tmp_path / "udveksling æøå.qdpx"
    seen: list[str] = []
    when_modal(SummaryDialog, _read_and_close(seen))
    summary = export_refi_project(window, str(out))
    assert summary.documents == 1 and summary.codings == 3 and out.is_file()
    assert f"Wrote {out}." in seen[0]
    assert "Documents: 1 Codes: 4 Codings: 3 Coders: 2 Cases: 1 Memos: 0" in seen[0]
    assert "Codings per coder Coder Codings Anna 2 Bø 1" in seen[0]

    target = tmp_path / "fra refi.qcoder"
    when_modal(SummaryDialog, _read_and_close(seen))
    assert import_refi_project(window, str(out), str(target))
    text = seen[1]
    assert "Imported udveksling æøå.qdpx (made with qcoder" in text
    assert "Documents: 1 Codes: 4 Codebooks: Test æøå Cases: 1 Attributes: 1" in text
    assert "Codings per coder (3 in all) Coder Codings Anna 2 Bø 1" in text
    assert "Nothing was skipped." in text
    assert "Where the coded selections landed" in text and "Unicode code points" in text
    assert window.project.path == target and "fra refi.qcoder" in window.windowTitle()
    assert _content(window.project) == before
    assert len(window.documents.items) == 1


def test_blind_export_summary_shows_no_one_elses_counts(qtbot, project, tmp_path):
    _coded(project)
    window = _window(qtbot, project, tmp_path)
    window.workbench.set_blind(True)
    seen: list[str] = []
    when_modal(SummaryDialog, _read_and_close(seen))
    export_refi_project(window, str(tmp_path / "blind.qdpx"))
    assert "Bø" not in seen[0] and "Codings per coder" not in seen[0]


def test_cancelling_a_refi_import_leaves_no_project(qtbot, project, tmp_path, monkeypatch):
    _coded(project)
    window = _window(qtbot, project, tmp_path)
    out = tmp_path / "p.qdpx"
    when_modal(SummaryDialog, lambda d: d.accept())
    export_refi_project(window, str(out))
    target = tmp_path / "aflyst.qcoder"
    # the real import runs in the worker thread; it waits at its first "storing" report (the
    # new project file exists by then) until Cancel has been pressed, so the test is not a race
    real, pressed = importer.import_qdpx, threading.Event()

    def import_held(source, dest, report):
        def held(done, total, what):
            if what.startswith("storing"):
                assert target.exists()
                pressed.wait(10)
            report(done, total, what)
        return real(source, dest, held)

    def cancel(dialog):
        dialog.findChild(QPushButton).click()
        pressed.set()

    monkeypatch.setattr("qcoder.gui.files.refi_dialogs.import_qdpx", import_held)
    when_modal(QProgressDialog, cancel)
    assert not import_refi_project(window, str(out), str(target))
    assert pressed.is_set()
    assert not target.exists()
    assert window.statusBar().currentMessage() == "Cancelled; nothing was changed."
    assert window.project is project


def test_a_file_that_is_not_a_qdpx_is_explained(qtbot, project, tmp_path, monkeypatch):
    window = _window(qtbot, project, tmp_path)
    shown = []
    monkeypatch.setattr("qcoder.gui.files.refi_dialogs.QMessageBox.warning",
                        lambda _p, title, text: shown.append((title, text)))
    fake = tmp_path / "ikke.qdpx"
    fake.write_text("bare tekst", encoding="utf-8")
    assert not import_refi_project(window, str(fake), str(tmp_path / "ny.qcoder"))
    assert shown[0][0] == "Import REFI-QDA project" and "ikke.qdpx" in shown[0][1]
    assert not (tmp_path / "ny.qcoder").exists()


def test_codebook_travels_as_qdc_and_loading_it_can_be_undone(qtbot, project, tmp_path):
    window = _window(qtbot, project, tmp_path)
    qdc = tmp_path / "kodebog æøå.qdc"
    assert export_codebook(window, str(qdc)) == qdc
    assert window.statusBar().currentMessage() == f"Wrote {qdc}: 4 codes."
    other = Project.create(tmp_path / "anden.qcoder", title="Anden")
    window.set_project(other)
    seen: list[str] = []
    when_modal(SummaryDialog, _read_and_close(seen))
    report = import_codebook(window, str(qdc))
    assert report.added == 4
    assert "Into codebooks: Test æøå Codes added: 4 Codes updated: 0" in seen[0]
    with other.session() as s:
        assert sorted(code_paths(s).values()) == [
            "Test æøå/Chikane", "Test æøå/Policy-seeking",
            "Test æøå/Policy-seeking/Økonomiske barrierer", "Test æøå/Øvrige"]
    assert window.codebook.tree.topLevelItemCount() == 1
    window.workbench.undo.undo()
    with other.session() as s:
        assert s.scalar(sa.select(sa.func.count(Code.id))) == 0
