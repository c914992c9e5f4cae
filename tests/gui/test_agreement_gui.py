"""The intercoder agreement dialog and the disagreement browser on the real demo project
(Anna and Bo, Bo's coding merged from a coder package), driven with pytest-qt."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest
import shiboken6
import sqlalchemy as sa
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from qcoder.core.agreement.consensus import KONSENSUS
from qcoder.core.agreement.export import methods_paragraph
from qcoder.core.demo import build_demo
from qcoder.core.errors import CancelledError, QcoderError
from qcoder.core.lookup import code_by_path
from qcoder.core.store import Project
from qcoder.core.store.models import Coder, Coding, Document, Memo
from qcoder.gui.agreement import agreement_dialog, choices_pane
from qcoder.gui.agreement.agreement_tables import ENTRY_ROLE, KEY_ROLE, VALUE_ROLE
from qcoder.gui.shell.long_task import run_task
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "d.qcoder")


@pytest.fixture
def demo_path(demo_template, tmp_path):
    path = tmp_path / "demo æøå.qcoder"
    shutil.copy(demo_template, path)
    return path


def cli_json(path, *args) -> dict:
    done = subprocess.run([sys.executable, "-m", "qcoder", "agreement", str(path), *args,
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


_LEFT_OPEN: list = []


def close_after_test(widget):
    """Close `widget` after the test unless it is gone: the agreement dialog deletes itself
    (and its disagreement browser) on close, which qtbot.addWidget cannot allow for."""
    _LEFT_OPEN.append(widget)
    return widget


@pytest.fixture(autouse=True)
def _close_what_is_left_open():
    yield
    while _LEFT_OPEN:
        widget = _LEFT_OPEN.pop()
        if shiboken6.isValid(widget):
            widget.close()


def open_window(qtbot, path, tmp_path, coder="Anna") -> MainWindow:
    window = MainWindow(Project.open(path), settings=make_settings(tmp_path, coder=coder))
    qtbot.addWidget(window)
    window.show()
    return window


def computed(qtbot, window, coders=("Anna", "Bo"), unit="sentence"):
    dialog = close_after_test(agreement_dialog.open_agreement(window))
    dialog.choices.set_coders(list(coders))
    dialog.choices.set_unit(unit)
    assert dialog.compute()
    return dialog


def table_rows(table) -> dict[str, dict]:
    """Each row's statistics (exact values) and notes, by code path."""
    out = {}
    for row in range(table.rowCount()):
        name = table.item(row, 0).data(VALUE_ROLE)
        stats = {}
        for col in range(2, table.columnCount() - 1):
            item = table.item(row, col)
            if item.data(VALUE_ROLE) is not None:
                stats[item.data(KEY_ROLE)] = item.data(VALUE_ROLE)
        out[name] = {"stats": stats, "n": table.item(row, 1).data(VALUE_ROLE),
                     "notes": table.item(row, table.columnCount() - 1).text(),
                     "entry": table.item(row, 0).data(ENTRY_ROLE)}
    return out


def two(x: float) -> str:
    text = f"{x:.2f}"
    return "0.00" if text == "-0.00" else text


STATS = ("percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
         "brennan_prediger", "gwet_ac1")


def test_agreement_dialog_shows_the_numbers_of_the_cli(qtbot, demo_path, tmp_path):
    expected = cli_json(demo_path, "--coders", "Anna", "Bo", "--unit", "sentence")
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = computed(qtbot, window)
    rows = table_rows(dialog.code_table)
    assert len(rows) == len(expected["codes"]) + 2   # + pooled + mean across codes
    warned = 0
    for entry in expected["codes"]:
        row = rows[entry["code"]]
        assert row["stats"] == {k: entry[k] for k in STATS if k in entry}, entry["code"]
        if entry.get("used") is False:
            assert row["notes"] == "not used by any compared coder"
        else:
            assert row["n"] == entry["n_units"]
        for w in entry.get("warnings", []):
            assert w.split(" - ")[0] in row["notes"]
            warned += 1
        for key, (low, high) in entry.get("ci", {}).items():
            cell = next(dialog.code_table.item(r, c) for r in range(dialog.code_table.rowCount())
                        for c in range(2, dialog.code_table.columnCount() - 1)
                        if dialog.code_table.item(r, 0).data(VALUE_ROLE) == entry["code"]
                        and dialog.code_table.item(r, c).data(KEY_ROLE) == key)
            assert f"[{two(low)}; {two(high)}]" in cell.text()
    assert warned > 0, "the demo has rare codes, which must be flagged"
    pooled = rows["Pooled over codes"]
    assert pooled["stats"] == {k: expected["pooled"][k] for k in STATS if k in expected["pooled"]}
    assert pooled["n"] == expected["pooled"]["n_units"]
    mean = rows["Mean across codes (plain mean)"]["stats"]
    assert mean == {k: v for k, v in expected["pooled"]["mean_across_codes"].items() if k in STATS}
    domains = table_rows(dialog.domain_table)
    assert list(domains) == [d["code"] for d in expected["domains"]]
    for d in expected["domains"]:
        got = domains[d["code"]]["stats"]
        assert got == {k: d[k] for k in ("krippendorff_alpha_nominal", *STATS) if k in d}
    for lang in ("da", "en"):
        assert dialog.methods[lang].toPlainText() == methods_paragraph(expected, lang)
    assert "Krippendorffs alpha = 0,70" in dialog.methods["da"].toPlainText()
    dialog.copy_methods("da")
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == methods_paragraph(expected, "da")
    # choosing a row shows its counts and full warnings under the table
    flagged = next(r for r in range(dialog.code_table.rowCount())
                   if dialog.code_table.item(r, 0).data(ENTRY_ROLE).get("warnings"))
    dialog.code_table.setCurrentCell(flagged, 0)
    entry = dialog.code_table.item(flagged, 0).data(ENTRY_ROLE)
    details = dialog.details.text()
    assert "neither" in details and entry["warnings"][0][:40] in details
    assert "compared on" in dialog.summary.text() and "Bo in coder packages" in dialog.summary.text()
    assert dialog.disagreements_button.isEnabled()
    assert f"({len(dialog.report.disagreements)})" in dialog.disagreements_button.text()
    window.close()


def test_settings_reach_the_report_like_the_cli_options(qtbot, demo_path, tmp_path):
    code = "Demo: exit, pres og vurdering/Policy-seeking"
    expected = cli_json(demo_path, "--coders", "Bo", "Anna", "--unit", "segment",
                        "--overlap", "0.5", "--codes", code, "--documents", "borgmester_hanne",
                        "borgmester_jens")
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = close_after_test(agreement_dialog.open_agreement(window))
    dialog.choices.set_coders(["Bo", "Anna"])
    dialog.choices.set_unit("segment")
    assert dialog.choices.overlap.isEnabled() and not dialog.choices.min_cover.isEnabled()
    dialog.choices.overlap.setValue(0.5)
    top = dialog.choices.codes.topLevelItem(0)
    top.setCheckState(0, Qt.CheckState.Unchecked)
    policy = next(top.child(i) for i in range(top.childCount())
                  if top.child(i).data(0, choices_pane.PATH_ROLE) == code)
    policy.setCheckState(0, Qt.CheckState.Checked)
    assert top.checkState(0) == Qt.CheckState.PartiallyChecked
    assert dialog.choices.chosen_codes() == [code]
    dialog.choices.set_documents(["borgmester_hanne", "borgmester_jens"])
    assert dialog.compute()
    data = dialog.report.data
    assert data["coders"] == ["Bo", "Anna"] and data["unit"] == "segment"
    assert data["settings"]["overlap"] == 0.5
    assert data["settings"]["documents"] == ["borgmester_hanne", "borgmester_jens"]
    assert [(e["code"], e.get("counts")) for e in data["codes"]] == \
        [(e["code"], e.get("counts")) for e in expected["codes"]]
    rows = table_rows(dialog.code_table)
    for entry in expected["codes"]:
        assert rows[entry["code"]]["stats"] == {k: entry[k] for k in STATS if k in entry}
    assert dialog.code_table.horizontalHeaderItem(1).text() == "Segments"
    window.close()


def test_refusals_are_messages_not_tracebacks(qtbot, demo_path, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(agreement_dialog.QMessageBox, "warning",
                        lambda _p, title, text: shown.append(text))
    monkeypatch.setattr(agreement_dialog.QMessageBox, "information",
                        lambda _p, title, text: shown.append(text))
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = close_after_test(agreement_dialog.open_agreement(window))
    dialog.choices.set_coders(["Anna"])
    assert not dialog.compute() and "two or more coders" in shown[-1]
    dialog.choices.set_coders(["Anna", "Bo"])
    dialog.choices.set_documents([])
    assert not dialog.compute() and "at least one document" in shown[-1]
    assert dialog.report is None and not dialog.export_button.isEnabled()
    dialog.choices.set_documents(["borgmester_hanne"])
    dialog.choices.set_unit("section")   # the interviews have no section markers
    assert not dialog.compute() and "no sections" in shown[-1]
    window.workbench.set_blind(True)
    assert not dialog.isVisible()   # closed by blind mode (deleted once events run)
    assert agreement_dialog.open_agreement(window) is None
    assert "Leave blind mode first" in shown[-1]
    window.workbench.set_blind(False)
    window.workbench.set_visibility("mine")   # only Anna's codings are shown: Bo is not offered
    mine = close_after_test(agreement_dialog.open_agreement(window))
    offered = mine.choices.coders
    assert [offered.item(i).text() for i in range(offered.count())] == ["Anna"]
    window.close()


def test_report_exports_read_back(qtbot, demo_path, tmp_path, monkeypatch):
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = computed(qtbot, window)
    out = dialog.export_to(tmp_path / "enighed æøå.xlsx")
    assert out is not None and "Report written to" in dialog.summary.text()
    book = load_workbook(out, read_only=True)
    header, *rows = list(book["Codes"].iter_rows(values_only=True))
    shown = table_rows(dialog.code_table)
    for row in rows:
        record = dict(zip(header, row))
        assert shown[record["code"]]["stats"].get("percent_agreement") == \
            record["percent_agreement"]
    disagreements = list(book["Disagreements"].iter_rows(values_only=True))[1:]
    assert len(disagreements) == len(dialog.report.disagreements)
    methods = dict(list(book["Methods"].iter_rows(values_only=True))[1:])
    assert methods["da"] == dialog.methods["da"].toPlainText()
    html = dialog.export_to(tmp_path / "enighed.html").read_text(encoding="utf-8")
    assert "Metode (dansk)" in html and "Krippendorffs alpha" in html
    shown_errors = []
    monkeypatch.setattr(agreement_dialog.QMessageBox, "warning",
                        lambda _p, _t, text: shown_errors.append(text))
    assert dialog.export_to(tmp_path / "enighed.pdf") is None
    assert ".xlsx or .html" in shown_errors[0] and not (tmp_path / "enighed.pdf").exists()
    window.close()


# -- the progress runner ----------------------------------------------------------------------
def test_long_task_reports_returns_and_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen = []

    def count(report):
        for i in range(5):
            report(i, 5, f"step {i}")
            seen.append(i)
        return "færdig"

    assert run_task(parent, "Test", count) == "færdig" and seen == list(range(5))

    def fails(_report):
        raise QcoderError("fil.csv line 3: bad")

    with pytest.raises(QcoderError, match="line 3"):
        run_task(parent, "Test", fails)

    def forever(report):
        for i in range(10_000):
            report(i, 10_000, "")
            time.sleep(0.005)
        return "never"

    def cancel():
        shown = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(50, cancel)
        else:
            shown[0].findChild(QPushButton).click()

    QTimer.singleShot(400, cancel)
    with pytest.raises(CancelledError):
        run_task(parent, "Test", forever, delay_ms=0)


# -- the disagreement browser ------------------------------------------------------------------
def activate(qtbot, widget) -> None:
    """Make the widget's window the active one (keyboard shortcuts work there), once the
    progress dialog of the computation has handed activation back."""
    qtbot.wait(50)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def konsensus_codings(project, document: str, code: str) -> list[tuple[int, int]]:
    with project.session() as s:
        doc = s.scalar(sa.select(Document).where(Document.name == document))
        code_id = code_by_path(s, code).id
        return [(c.start, c.end) for c in s.scalars(
            sa.select(Coding).join(Coder).where(Coder.name == KONSENSUS,
                                                 Coding.document_id == doc.id,
                                                 Coding.code_id == code_id)
            .order_by(Coding.start))]


def coder_ranges(project, coder: str, d: dict) -> list[tuple[int, int]]:
    """The coder's codings of d's code, clipped to d's unit: what 'accept' should copy."""
    with project.session() as s:
        doc = s.scalar(sa.select(Document).where(Document.name == d["document"]))
        code_id = code_by_path(s, d["code"]).id
        rows = s.execute(sa.select(Coding.start, Coding.end).join(Coder).where(
            Coder.name == coder, Coding.document_id == doc.id, Coding.code_id == code_id)).all()
    return sorted((max(a, d["start"]), min(b, d["end"])) for a, b in rows
                  if a < d["end"] and b > d["start"])


def test_disagreement_browser_reaches_a_consensus_coding(qtbot, demo_path, tmp_path):
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = computed(qtbot, window)
    browser = dialog.open_disagreements()
    close_after_test(browser)
    activate(qtbot, browser)
    project = window.project
    items = browser.items
    index = next(i for i, d in enumerate(items) if d["coded_by"] == ["Anna"])
    d = items[index]
    browser.select(index)
    assert browser.current == index
    assert browser.left.heading.text().startswith("<b>Anna</b>") and \
        "coded here" in browser.left.heading.text()
    assert "not coded here" in browser.right.heading.text()
    assert any(a < d["end"] and b > d["start"] for a, b in browser.left.coded)
    assert not any(a < d["end"] and b > d["start"] for a, b in browser.right.coded)
    assert browser.left.text.toPlainText()[d["start"]:d["end"]] == d["text"]
    assert konsensus_codings(project, d["document"], d["code"]) == []
    browser.memo.setPlainText("Vi blev enige om Annas læsning; æøå.")
    browser.memo.setFocus()
    undo_before = window.workbench.undo.count()
    qtbot.keyClick(browser.memo, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    expected = coder_ranges(project, "Anna", d)
    assert expected and konsensus_codings(project, d["document"], d["code"]) == expected
    assert window.workbench.undo.count() == undo_before + 1
    with project.session() as s:
        memo = s.scalar(sa.select(Memo).where(Memo.title.like(f"{KONSENSUS}: {d['code']} %")))
    assert memo.text == "Vi blev enige om Annas læsning; æøå."
    row = browser.list.topLevelItem(index)
    assert row.text(4) == "accept Anna"
    assert browser.current != index   # went on to the next undecided one
    assert "1 of" in browser.position.text() or "decided" in browser.position.text()
    # the originals stay
    assert coder_ranges(project, "Anna", d) == expected
    # undo (the main window's Edit > Undo) takes the decision back, and the browser shows it
    window.actions["undo"].trigger()
    assert konsensus_codings(project, d["document"], d["code"]) == []
    assert row.text(4) == ""

    # edit: code exactly a selected part of the unit
    browser.select(index)
    a, b = d["start"] + 3, d["end"] - 2
    browser.right.select_range(a, b)
    browser.buttons["edit"].click()
    assert konsensus_codings(project, d["document"], d["code"]) == [(a, b)]
    assert row.text(4) == "edited range"
    # deciding again replaces what Konsensus had inside the unit: neither clears it
    browser.select(index)
    qtbot.keyClick(browser.list, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert konsensus_codings(project, d["document"], d["code"]) == []
    assert row.text(4) == "neither"
    with project.session() as s:
        assert s.scalar(sa.select(Coder).where(Coder.name == KONSENSUS)) is not None
    window.close()


def test_browser_navigates_filters_and_closes_for_blind_mode(qtbot, demo_path, tmp_path):
    window = open_window(qtbot, demo_path, tmp_path)
    dialog = computed(qtbot, window)
    browser = dialog.open_disagreements()
    close_after_test(browser)
    activate(qtbot, browser)
    browser.select(0)
    browser.list.setFocus()
    qtbot.keyClick(browser.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert browser.current == 1
    qtbot.keyClick(browser.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert browser.current == 0
    code = browser.items[-1]["code"]
    browser.code_filter.setCurrentIndex(browser.code_filter.findData(code))
    visible = [browser.items[i.data(0, Qt.ItemDataRole.UserRole)] for i in browser._visible()]
    assert visible and all(d["code"] == code for d in visible)
    assert browser.items[browser.current]["code"] == code
    browser.decide("both")
    browser.undecided_only.setChecked(True)
    assert all(not browser._decided(browser.items[i.data(0, Qt.ItemDataRole.UserRole)])
               for i in browser._visible())
    window.workbench.set_blind(True)
    assert not browser.isVisible() and not dialog.isVisible()
    window.close()


def test_the_analyse_menu_opens_the_dialog(qtbot, demo_path, tmp_path):
    window = open_window(qtbot, demo_path, tmp_path)
    analyse = window.actions["analyse_menu"]
    action = next(a for a in analyse.actions() if a.text() == "&Intercoder agreement…")
    assert action.shortcut().toString() == "Ctrl+Shift+A"
    action.trigger()
    (dialog,) = [w for w in window.findChildren(agreement_dialog.AgreementDialog)
                 if w.isVisible()]
    choices = dialog.choices
    assert choices.chosen_coders() == ["Anna", "Bo"]   # the coder first, then the other one
    assert choices.unit.currentData() == "sentence" and not dialog.export_button.isEnabled()
    files = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Export coder package…" in files and "&Merge coder package…" in files
    dialog.close()
    window.close()
