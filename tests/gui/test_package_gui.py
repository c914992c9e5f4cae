"""File > Export coder package… and File > Merge coder package… on the real demo project:
a package for a new coder, coded inside the package, merged back through the dialogs, undone."""

from __future__ import annotations

import shutil
import threading

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QProgressDialog, QPushButton

from qcoder.core.coding.codings import ApplyCoding, CodingSpec
from qcoder.core.demo import build_demo
from qcoder.core.exchange.package import package_info
from qcoder.core.lookup import code_by_path, coder_by_name
from qcoder.core.operations import run
from qcoder.core.store import Project
from qcoder.core.store.models import Coder, Coding, Document
from qcoder.gui.files import package_dialogs
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.dialog_driver import when_modal
from tests.gui.helpers import make_settings

CODE = "Demo: exit, pres og vurdering/Policy-seeking/Samarbejde i byrådet"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "d.qcoder")


@pytest.fixture
def window(demo_template, tmp_path, qtbot):
    path = tmp_path / "projekt æøå.qcoder"
    shutil.copy(demo_template, path)
    window = MainWindow(Project.open(path), settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def codings_of(project, coder: str) -> list[tuple[str, int, int]]:
    with project.session() as s:
        return sorted(s.execute(
            sa.select(Document.name, Coding.start, Coding.end).join(Coder)
            .join(Document, Document.id == Coding.document_id).where(Coder.name == coder)).all())


def code_inside(package_path, coder: str, n: int) -> list[tuple[str, int, int]]:
    """What the second coder does: open the package and code the first `n` sampled units."""
    done = []
    with Project.open(package_path) as pkg:
        info = package_info(pkg)
        with pkg.session() as s:
            who = coder_by_name(s, coder).id
            code_id = code_by_path(s, CODE).id
            docs = {d.uuid: (d.id, d.name) for d in s.scalars(sa.select(Document))}
        units = [(uuid, a, b) for uuid, ranges in info["units"].items() for a, b in ranges][:n]
        for uuid, a, b in units:
            doc_id, name = docs[uuid]
            run(pkg, ApplyCoding(CodingSpec(doc_id, a, b, code_id, who)))
            done.append((name, a, b))
    return sorted(done)


def test_package_export_and_merge_round_trip_through_the_dialogs(window, tmp_path):
    wb = window.workbench
    dialog = package_dialogs.ExportPackageDialog(window.project, wb, window)
    assert dialog.coder.currentText() == "Bo"   # the other coder is offered first
    dialog.coder.setCurrentText("Cecilie")
    assert dialog.out.text().endswith("projekt æøå - Cecilie.qcoder")
    dialog.sampled.setChecked(True)
    assert dialog.sample_box.isEnabled()
    dialog.sample_size.setValue(12)
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    dialog.seed.setValue(7)
    out = tmp_path / "pakke æøå.qcoder"
    dialog.out.setText(str(out))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and out.exists()
    assert dialog.info["coder"] == "Cecilie" and dialog.info["units"] == 12
    assert dialog.info["seed"] == 7 and "12 sentences (seed 7)" in dialog.summary()
    with Project.open(out) as pkg:
        info = package_info(pkg)
        assert info["sample"] == 12 and info["unit"] == "sentence"
        with pkg.session() as s:   # nobody else's codings went in
            assert s.scalar(sa.select(sa.func.count()).select_from(Coding)) == 0

    coded = code_inside(out, "Cecilie", 5)
    merge = package_dialogs.MergePackageDialog(window.project, wb, out, window)
    merge.show()
    assert "Cecilie" in merge.text.text() and "seed 7" in merge.text.text()
    assert merge.merge_button.isEnabled()
    before = wb.undo.count()
    assert merge.merge()
    summary = merge.summary
    assert (summary.added, summary.updated, summary.removed) == (5, 0, 0)
    assert "Added 5 · updated 0 · removed 0" in merge.text.text()
    assert "Nothing was left out." in merge.text.text()
    assert codings_of(window.project, "Cecilie") == coded
    assert wb.undo.count() == before + 1
    assert merge.undo_button.isVisible() and not merge.merge_button.isVisible()
    merge.undo_button.click()
    assert codings_of(window.project, "Cecilie") == []
    assert "undone" in merge.text.text()
    wb.undo.redo()
    assert codings_of(window.project, "Cecilie") == coded


def test_merge_reports_what_was_left_out(window, tmp_path):
    wb = window.workbench
    dialog = package_dialogs.ExportPackageDialog(window.project, wb, window)
    dialog.coder.setCurrentText("Dorte")
    out = tmp_path / "dorte.qcoder"
    dialog.out.setText(str(out))
    for i in range(dialog.documents.count()):
        if dialog.documents.item(i).text() != "borgmester_hanne":
            dialog.documents.item(i).setCheckState(package_dialogs.Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.info["documents"] == ["borgmester_hanne"]
    with Project.open(out) as pkg:   # Dorte codes, then edits the document inside the package
        with pkg.transaction() as s:
            doc = s.scalar(sa.select(Document))
            who = coder_by_name(s, "Dorte").id
            code_id = code_by_path(s, CODE).id
        run(pkg, ApplyCoding(CodingSpec(doc.id, 0, 40, code_id, who)))
        with pkg.transaction() as s:
            d = s.get(Document, doc.id)
            d.text = d.text + " Tilføjet æøå."
            d.content_hash = "edited"
    merge = package_dialogs.MergePackageDialog(window.project, wb, out, window)
    assert merge.merge()
    assert merge.summary.added == 0 and len(merge.summary.problems) == 1
    assert "1 problems" in merge.text.text()
    problem = merge.problems.item(0).text()
    assert "borgmester_hanne" in problem and "was edited inside the package" in problem
    assert merge.problems.isVisibleTo(merge)
    assert codings_of(window.project, "Dorte") == []


def test_package_errors_are_shown_and_nothing_is_written(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(package_dialogs.QMessageBox, "warning",
                        lambda _p, _t, text: shown.append(text))
    wb = window.workbench
    dialog = package_dialogs.ExportPackageDialog(window.project, wb, window)
    dialog.coder.setCurrentText("")
    dialog.accept()
    assert "Type the name" in shown[-1] and dialog.result() != dialog.DialogCode.Accepted
    dialog.coder.setCurrentText("Cecilie")
    dialog.sampled.setChecked(True)
    dialog.sample_size.setValue(100_000)
    out = tmp_path / "for stor.qcoder"
    dialog.out.setText(str(out))
    dialog.accept()
    assert "has only" in shown[-1] or "have only" in shown[-1]
    assert not out.exists() and dialog.result() != dialog.DialogCode.Accepted
    existing = tmp_path / "findes.qcoder"
    existing.write_text("x")
    dialog.sampled.setChecked(False)
    dialog.out.setText(str(existing))
    dialog.accept()
    assert "exists already" in shown[-1]
    # merging a project that is no coder package: explained, and Merge is disabled
    merge = package_dialogs.MergePackageDialog(window.project, wb, build_demo(
        tmp_path / "other.qcoder"), window)
    assert not merge.merge_button.isEnabled() and "not a coder package" in merge.text.text()
    merge = package_dialogs.MergePackageDialog(window.project, wb, existing, window)
    assert not merge.merge_button.isEnabled()
    # the open project itself is refused before any dialog opens
    package_dialogs.merge_package_dialog(window, str(window.project.path))
    assert "open project itself" in shown[-1]


def test_a_coder_package_opens_blind_for_its_coder(demo_template, tmp_path, qtbot):
    """The second coder opens the package on a machine whose settings say another coder and
    no blind mode: the package's own record wins, and Anna's codings stay out of sight."""
    from qcoder.core.exchange.package import make_package

    with Project.open(demo_template) as project:
        make_package(project, tmp_path / "bo.qcoder", "Bo",
                     documents=["borgmester_jens", "fokusgruppe_nordby"])
    window = MainWindow(Project.open(tmp_path / "bo.qcoder"),
                        settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    wb = window.workbench
    assert wb.blind and wb.coder_name == "Bo"
    assert wb.visible_coders() == {"Bo"}
    window.close()


def hold_until_cancel(monkeypatch, name: str) -> threading.Event:
    """Run the real core function `name` of package_dialogs, held at its first progress report
    until the test has pressed Cancel (so pressing it is no race with quick work)."""
    real, pressed = getattr(package_dialogs, name), threading.Event()

    def held(*args, report, **kwargs):
        def hold(done, total, what):
            pressed.wait(10)
            report(done, total, what)   # raises CancelledError once Cancel is pressed
        return real(*args, report=hold, **kwargs)

    def press(dialog):
        dialog.findChild(QPushButton).click()
        pressed.set()

    monkeypatch.setattr(package_dialogs, name, held)
    when_modal(QProgressDialog, press)
    return pressed


def test_writing_and_merging_a_package_can_be_cancelled(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(package_dialogs.QMessageBox, "warning",
                        lambda _p, _t, text: shown.append(text))
    wb = window.workbench
    dialog = package_dialogs.ExportPackageDialog(window.project, wb, window)
    dialog.coder.setCurrentText("Cecilie")
    dialog.sampled.setChecked(True)
    dialog.sample_size.setValue(6)
    dialog.unit.setCurrentIndex(dialog.unit.findData("turn"))
    out = tmp_path / "aflyst æøå.qcoder"
    dialog.out.setText(str(out))
    pressed = hold_until_cancel(monkeypatch, "make_package")
    dialog.accept()
    assert pressed.is_set() and shown == []
    assert dialog.result() != dialog.DialogCode.Accepted
    assert sorted(p.name for p in tmp_path.iterdir() if "aflyst" in p.name) == []
    monkeypatch.undo()

    dialog.accept()   # the dialog kept what was chosen; this time it is written
    assert dialog.result() == dialog.DialogCode.Accepted and out.exists()
    code_inside(out, "Cecilie", 3)
    before = (codings_of(window.project, "Cecilie"), wb.undo.count())
    merge = package_dialogs.MergePackageDialog(window.project, wb, out, window)
    merge.show()
    pressed = hold_until_cancel(monkeypatch, "merge_package")
    assert not merge.merge()
    assert pressed.is_set() and shown == []
    assert (codings_of(window.project, "Cecilie"), wb.undo.count()) == before
    assert merge.merge_button.isVisible() and merge.summary is None
    monkeypatch.undo()
    assert merge.merge() and merge.summary.added == 3
