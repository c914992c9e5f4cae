"""The analysis window's displays on the demo project, driven with pytest-qt: each view shows
the core's display data, verdicts and display cells are edited through undoable operations,
matrix cells open their codings, blind mode holds, and exports are read back."""

from __future__ import annotations

import csv
import shutil

import pytest
import sqlalchemy as sa
from docx import Document as DocxDocument
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMenu

from qcoder.core.analysis.case_codings import CaseCodings
from qcoder.core.analysis.counter_evidence import counter_evidence
from qcoder.core.analysis.displays import Options, hypothesis_display, overview_matrix
from qcoder.core.analysis.matrices import code_case_matrix
from qcoder.core.analysis.theme_displays import joint_display, motivation_profile
from qcoder.core.analysis.verdicts import read_state
from qcoder.core.demo import build_demo
from qcoder.core.lookup import coder_by_name, hypothesis_by_ident
from qcoder.core.store import Project
from qcoder.core.store.models import Case, Coding
from qcoder.core.store.models_analysis import SurveyItem
from qcoder.gui.displays.display_model import FULL_TEXT_ROLE, cell_display, tone_colour
from qcoder.gui.displays.displays_window import open_displays
from qcoder.gui.displays.hypothesis_actions import segment_menu
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings

BUILDERS = {
    "hypotheses": lambda s, cc: hypothesis_display(s, Options(hypothesis="H1"), cc),
    "overview": lambda s, cc: overview_matrix(s, Options(), cc),
    "matrix": lambda s, cc: code_case_matrix(s, Options(), cc=cc),
    "profile": lambda s, cc: motivation_profile(s, Options(), cc),
    "joint": lambda s, cc: joint_display(s, Options(survey="DM-survey"), cc),
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "d.qcoder")


@pytest.fixture
def window(qtbot, demo_file, tmp_path):
    path = tmp_path / "d.qcoder"
    shutil.copy(demo_file, path)
    win = MainWindow(Project.open(path), settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(win)
    yield win
    if win.displays_window is not None:
        win.displays_window.close()
    win.close()


def _core(window, key, coder_ids=None):
    with window.project.session() as s:
        return BUILDERS[key](s, CaseCodings(s, coder_ids=coder_ids))


def _texts(view):
    model = view.model
    return [[model.index(r, c).data(FULL_TEXT_ROLE) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _core_texts(table):
    return [[cell_display(cell, col) for cell, col in zip(row, table.columns)]
            for row in table.rows]


def _row(view, case):
    return next(r for r in range(view.model.rowCount()) if view.model.text(r, 0) == case)


def _settle(qtbot, window):
    """Let the displays window's queued refresh run."""
    qtbot.wait(5)
    window.displays_window.refresh_current()


@pytest.mark.parametrize("key", list(BUILDERS))
def test_every_display_shows_the_core_data(window, key):
    view = open_displays(window, key)
    table = _core(window, key)
    assert view.current is not None and table.rows
    assert view.model.rowCount() == len(table.rows)
    assert [view.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(view.model.columnCount())] == [c.header for c in table.columns]
    assert _texts(view) == _core_texts(table)
    assert not view.empty.isVisible() and view.export_button.isEnabled()


def test_hypothesis_display_has_a_row_per_case_with_suggestions_and_counts(window):
    view = open_displays(window, "hypotheses")
    assert view.hypothesis.count() == 4 and view.hypothesis.currentData() == "H1"
    with window.project.session() as s:
        cc = CaseCodings(s)
        table = hypothesis_display(s, Options(hypothesis="H1"), cc)
        case_names = [cc.cases[c] for c in view.case_ids]
    assert case_names == [row[0].value for row in table.rows]
    headers = [c.header for c in table.columns]
    suggestion = headers.index("Forslag")
    assert suggestion == view.verdict_col + 1
    for r, row in enumerate(table.rows):
        supporting = row[headers.index("Støttende kodninger")]
        assert view.model.cell(r, suggestion + 1).codings == supporting.codings
        assert view.model.index(r, suggestion).data(Qt.ItemDataRole.FontRole).italic()
    view.select("H3")
    assert view.current.title.startswith("Hypotesedisplay H3")


def test_setting_a_verdict_stores_it_and_undo_reverts_it(qtbot, window):
    view = open_displays(window, "hypotheses")
    row = _row(view, "Borgmester Søren")
    case_id, hyp_id = view.case_ids[row], view.hypothesis_id
    suggestion_before = view.model.text(row, view.verdict_col + 1)
    index = view.model.index(row, view.verdict_col)
    view.table.setCurrentIndex(index)
    view.activated(index)                          # double-click opens the verdict list
    editor = view.table.viewport().findChild(QComboBox)
    assert editor is not None and editor.count() == 6
    editor.hidePopup()
    editor.setCurrentIndex(editor.findData("modstrid"))
    editor.activated.emit(editor.currentIndex())   # choosing in the list commits at once
    with window.project.session() as s:
        assert read_state(s, case_id, hyp_id).verdict == "modstrid"
    _settle(qtbot, window)
    row = _row(view, "Borgmester Søren")
    assert view.model.text(row, view.verdict_col) == "\u2718 modstrid"
    assert view.model.index(row, view.verdict_col).data(Qt.ItemDataRole.BackgroundRole) == \
        tone_colour("modstrid")
    assert view.model.text(row, view.verdict_col + 1) == suggestion_before, \
        "the suggestion stays beside the verdict"
    window.workbench.undo.undo()
    with window.project.session() as s:
        assert read_state(s, case_id, hyp_id) is None
    _settle(qtbot, window)
    assert view.model.text(_row(view, "Borgmester Søren"), view.verdict_col) == ""
    window.workbench.undo.redo()
    _settle(qtbot, window)
    assert view.model.text(_row(view, "Borgmester Søren"), view.verdict_col) == "\u2718 modstrid"


def test_accepting_a_suggestion_is_an_explicit_verdict(qtbot, window):
    view = open_displays(window, "hypotheses")
    row = _row(view, "Borgmester Jens")
    suggested = view.suggestion(row)
    assert view.set_verdict(row, "ingen støtte")
    _settle(qtbot, window)
    row = _row(view, "Borgmester Jens")
    assert view.model.text(row, view.verdict_col).endswith("ingen støtte")
    assert view.suggestion(row) == suggested
    assert view.accept_suggestion(row)
    with window.project.session() as s:
        assert read_state(s, view.case_ids[row], view.hypothesis_id).verdict == suggested


def test_display_cell_statement_and_quotes(qtbot, window):
    view = open_displays(window, "hypotheses")
    row = _row(view, "Borgmester Jens")
    col = next(iter(view.display_columns))
    dialog = view.cell_editor(row, col)
    chosen = [c.uuid for c in dialog.choices if c.direction == "supports"][:2]
    assert len(chosen) == 2
    dialog.statement.setPlainText("Så ingen mulighed for at gennemføre politik")
    dialog.set_checked(chosen)
    assert view.save_cell(row, col, *dialog.value())
    _settle(qtbot, window)
    row = _row(view, "Borgmester Jens")
    text = view.model.text(row, col)
    assert text.startswith("Så ingen mulighed for at gennemføre politik\n\u201d")
    assert view.model.cell(row, col).codings == tuple(chosen)
    assert text == cell_display(_core(window, "hypotheses").rows[row][col],
                                view.current.columns[col])
    window.workbench.undo.undo()
    _settle(qtbot, window)
    assert view.model.text(_row(view, "Borgmester Jens"), col) == ""


def test_evidence_and_counter_evidence_in_one_undoable_step(qtbot, window):
    view = open_displays(window, "hypotheses")
    row = _row(view, "Borgmester Søren")
    against = view.current.columns.index(
        next(c for c in view.current.columns if c.header == "Modstridende kodninger"))
    before = view.model.cell(row, against).value
    dialog = view.evidence_dialog(row)
    supports = [i for i, c in enumerate(dialog.choices) if c.direction == "supports"]
    dialog.set_checked(supports[0], 0, True)
    dialog.set_checked(supports[1], 1, True)
    evidence_uuid, flagged_uuid = dialog.choices[supports[0]].uuid, dialog.choices[supports[1]].uuid
    assert view.save_evidence(row, dialog)
    with window.project.session() as s:
        assert read_state(s, view.case_ids[row], view.hypothesis_id).evidence == (evidence_uuid,)
        assert flagged_uuid in counter_evidence(s, view.hypothesis_id)
    _settle(qtbot, window)
    row = _row(view, "Borgmester Søren")
    assert view.model.cell(row, against).value == before + 1
    key_quotes = len(view.current.columns) - 1
    assert evidence_uuid in view.model.cell(row, key_quotes).codings
    window.workbench.undo.undo()
    with window.project.session() as s:
        assert read_state(s, view.case_ids[row], view.hypothesis_id) is None
        assert flagged_uuid not in counter_evidence(s, view.hypothesis_id)


def test_counter_evidence_from_a_codings_context_menu(qtbot, window):
    with window.project.session() as s:
        hyp_id = hypothesis_by_ident(s, "H2").id
        coding = s.scalar(sa.select(Coding).order_by(Coding.id))
        uuid, doc = coding.uuid, coding.document_id
    window.open_document(doc)
    menu = QMenu()
    window.coding_menu(menu, uuid)
    hyps = next(a.menu() for a in menu.actions() if a.text() == "Hypotheses")
    h2 = next(a.menu() for a in hyps.actions() if a.text().startswith("H2"))
    flag = next(a for a in h2.actions() if a.text().startswith("Counter-evidence"))
    assert not flag.isChecked()
    flag.trigger()
    with window.project.session() as s:
        assert uuid in counter_evidence(s, hyp_id)
    evidence = next(a for a in h2.actions() if a.text().startswith("Evidence for the verdict"))
    evidence.trigger()
    with window.project.session() as s:
        case = s.scalar(sa.select(Case).where(Case.name == evidence.text().rsplit(" on ", 1)[1]))
        assert read_state(s, case.id, hyp_id).evidence == (uuid,)
    window.workbench.undo.undo()
    window.workbench.undo.undo()
    with window.project.session() as s:
        assert uuid not in counter_evidence(s, hyp_id)


def test_evidence_from_the_coded_segments_list(window):
    with window.project.session() as s:
        coding = s.scalar(sa.select(Coding).order_by(Coding.id))
        code_id, uuid = coding.code_id, coding.uuid
        hyp_id = hypothesis_by_ident(s, "H1").id
    window.retrieval.show_code(window.project, code_id, "kode", None)
    row = [seg.uuid for seg in window.retrieval.rows].index(uuid)
    menu = segment_menu(window, row)
    hyps = next(a.menu() for a in menu.actions() if a.text() == "Hypotheses")
    h1 = next(a.menu() for a in hyps.actions() if a.text().startswith("H1"))
    evidence = next(a for a in h1.actions() if a.text().startswith("Evidence for the verdict"))
    evidence.trigger()
    with window.project.session() as s:
        case = s.scalar(sa.select(Case).where(Case.name == evidence.text().rsplit(" on ", 1)[1]))
        assert read_state(s, case.id, hyp_id).evidence == (uuid,)
    again = next(a.menu() for a in next(a.menu() for a in segment_menu(window, row).actions()
                                         if a.text() == "Hypotheses").actions()
                 if a.text().startswith("H1"))
    taken = next(a for a in again.actions() if a.text() == evidence.text())
    assert taken.isChecked()
    taken.trigger()                                 # unticking takes it out again
    with window.project.session() as s:
        assert read_state(s, case.id, hyp_id) is None
    next(a for a in menu.actions() if a.text() == "Go to passage").trigger()
    assert window.view.selected_range() == (coding.start, coding.end)


def test_matrix_cell_opens_its_segments_and_jumps_to_them(window):
    view = open_displays(window, "matrix")
    table = view.current
    r, c = next((r, c) for r, row in enumerate(table.rows) for c in range(1, len(row) - 2)
                if isinstance(row[c].value, int) and row[c].value >= 2)
    dialog = view.open_cell(r, c)
    assert dialog is not None
    assert {s.uuid for s in dialog.rows} == set(table.rows[r][c].codings)
    assert len(dialog.rows) == table.rows[r][c].value
    assert {s.case for s in dialog.rows} == {table.columns[c].header}
    seg = dialog.rows[1]
    assert seg.quote.startswith("\u201d") and seg.quote.endswith(")")
    dialog.jump(1)
    assert window.view.document_id == seg.document_id
    assert window.view.selected_range() == (seg.start, seg.end)
    dialog.close()


def test_code_by_section_by_case_for_focus_groups(window):
    view = open_displays(window, "matrix")
    assert view.by_section.isEnabled()
    view.by_section.setChecked(True)
    with window.project.session() as s:
        table = code_case_matrix(s, Options(), by_section=True, cc=CaseCodings(s))
    assert _texts(view) == _core_texts(table)
    assert all(" \u00b7 " in c.header for c in table.columns[1:-2])
    r, c = next((r, c) for r, row in enumerate(table.rows) for c in range(1, len(row) - 2)
                if row[c].value)
    dialog = view.open_cell(r, c)
    assert {s.uuid for s in dialog.rows} == set(table.rows[r][c].codings)
    assert table.columns[c].header.startswith(dialog.rows[0].case + " \u00b7 ")
    dialog.close()


def test_overview_cell_opens_the_hypothesis_display_at_the_case(window):
    view = open_displays(window, "overview")
    row = _row(view, "Borgmester Hanne")
    view.activated(view.model.index(row, 3))
    hyp_view = window.displays_window.tabs.currentWidget()
    assert hyp_view is window.displays_window.views["hypotheses"]
    assert hyp_view.hypothesis.currentData() == "H3"
    assert hyp_view.model.text(hyp_view.table.currentIndex().row(), 0) == "Borgmester Hanne"


def test_extra_columns_attributes_and_own_survey_answers(window):
    view = open_displays(window, "hypotheses")
    dialog = view.columns_dialog()
    assert "municipality" in [dialog.attributes.item(i).text()
                              for i in range(dialog.attributes.count())]
    dialog.tick(attributes=("municipality",), items=("Q1_1",))
    view.set_columns(*dialog.value())
    with window.project.session() as s:
        table = hypothesis_display(s, Options(hypothesis="H1", attributes=("municipality",),
                                              survey="DM-survey", survey_items=("Q1_1",)),
                                   CaseCodings(s))
    assert view.current.columns[1].header == "municipality"
    assert view.current.columns[-1].header == "Survey Q1_1 (eget svar)"
    assert _texts(view) == _core_texts(table)
    assert all(view.model.text(r, 1) for r in range(view.model.rowCount()))


def test_joint_display_shows_survey_items_and_subgroups(window):
    view = open_displays(window, "joint")
    assert view.survey.currentData() == "DM-survey"
    view.subgroup.setCurrentIndex(view.subgroup.findData("task_type"))
    with window.project.session() as s:
        table = joint_display(s, Options(survey="DM-survey", subgroup="task_type"), CaseCodings(s))
        wording = dict(s.execute(sa.select(SurveyItem.ident, SurveyItem.wording)).all())
    assert _texts(view) == _core_texts(table)
    headers = [c.header for c in table.columns]
    assert any(h.startswith("Top-box % (") for h in headers)
    item, question = headers.index("Item"), headers.index("Spørgsmål")
    for r in range(view.model.rowCount()):
        if view.model.text(r, item):
            assert view.model.text(r, question) == wording[view.model.text(r, item)]
    assert any("eget svar" in view.model.text(r, headers.index("Citater"))
               for r in range(view.model.rowCount()))


def test_blind_mode_and_coder_filter(qtbot, window):
    window.workbench.set_blind(True)
    view = open_displays(window, "matrix")
    with window.project.session() as s:
        anna = coder_by_name(s, "Anna").id
        bo = coder_by_name(s, "Bo").id
    assert [window.displays_window.coder.itemData(i)
            for i in range(window.displays_window.coder.count())] == [None, "Anna"]
    assert _texts(view) == _core_texts(_core(window, "matrix", {anna}))
    window.workbench.set_blind(False)
    _settle(qtbot, window)
    assert _texts(view) == _core_texts(_core(window, "matrix"))
    coders = window.displays_window.coder
    coders.setCurrentIndex(coders.findData("Bo"))
    _settle(qtbot, window)
    assert _texts(view) == _core_texts(_core(window, "matrix", {bo}))
    assert "Kun kodninger af Bo." in view.current.notes


def test_views_refresh_when_the_project_changes(qtbot, window):
    view = open_displays(window, "matrix")
    total = [c.header for c in view.current.columns].index("I alt")
    with window.project.session() as s:
        coding = s.scalar(sa.select(Coding).order_by(Coding.id))
        code_id, doc, start, end = coding.code_id, coding.document_id, coding.start, coding.end
    row = [view.model.text(r, 0) for r in range(view.model.rowCount())].index(
        window.code_info[code_id][0])
    before = view.model.cell(row, total).value
    view.table.setCurrentIndex(view.model.index(row, total))
    assert window.workbench.apply(code_id, doc, max(start - 5, 0), end) is not None
    qtbot.waitUntil(lambda: view.model.cell(row, total).value == before + 1, timeout=4000)
    assert view.table.currentIndex().row() == row, "the user's place survives the rebuild"
    window.workbench.undo.undo()
    qtbot.waitUntil(lambda: view.model.cell(row, total).value == before, timeout=4000)


@pytest.mark.parametrize("key", list(BUILDERS))
def test_export_from_each_view_to_xlsx(window, tmp_path, key):
    view = open_displays(window, key)
    out = tmp_path / f"visning æøå {key}.xlsx"
    assert view.export_to(out) == [out]
    book = load_workbook(out)
    assert book.sheetnames[0] != book.sheetnames[1]
    sheet = book[book.sheetnames[1]]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header_row = next(i for i, r in enumerate(rows) if list(r[:2]) == [
        view.current.columns[0].header, view.current.columns[1].header])
    body = rows[header_row + 1: header_row + 1 + len(view.current.rows)]
    assert [r[0] for r in body] == [row[0].value for row in view.current.rows]
    provenance = {r[0]: r[1] for r in book[book.sheetnames[0]].iter_rows(values_only=True)
                      if r[0]}
    assert "Anna" in provenance["Kodere"] and "Bo" in provenance["Kodere"]


def test_hypothesis_export_to_docx_csv_and_html_in_blind_mode(qtbot, window, tmp_path):
    window.workbench.set_blind(True)
    view = open_displays(window, "hypotheses")
    view.set_verdict(_row(view, "Borgmester Jens"), "støtte")
    _settle(qtbot, window)
    docx_path = tmp_path / "hypotese.docx"
    assert view.export_to(docx_path) == [docx_path]
    doc = DocxDocument(docx_path)
    table = doc.tables[-1]
    cases = [row.cells[0].text for row in table.rows[1:]]
    assert cases == [row[0].value for row in view.current.rows]
    verdicts = [c.text for c in table.rows[0].cells]
    jens = table.rows[1 + cases.index("Borgmester Jens")]
    assert jens.cells[verdicts.index("Vurdering")].text == "støtte"
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Anna" in text and "Bo (" not in text, "blind mode: only Anna's codings"
    csv_path = tmp_path / "hypotese.csv"
    assert view.export_to(csv_path) == [csv_path]
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == [c.header for c in view.current.columns]
    assert [r[0] for r in rows[1:]] == cases
    html_path = tmp_path / "hypotese.html"
    assert view.export_to(html_path) == [html_path]
    assert view.current.title in html_path.read_text(encoding="utf-8")


def test_empty_states_say_what_to_do(qtbot, tmp_path):
    project = Project.create(tmp_path / "tom.qcoder", title="Tom")
    win = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(win)
    hyp = open_displays(win, "hypotheses")
    assert hyp.current is None and not hyp.export_button.isEnabled()
    assert "No hypotheses yet - load a codebook with hypotheses" in hyp.empty.text()
    assert "No hypotheses yet" in open_displays(win, "overview").empty.text()
    assert "No codes yet" in open_displays(win, "matrix").empty.text()
    assert "No cases yet" in open_displays(win, "profile").empty.text()
    assert "No themes linked to survey items" in open_displays(win, "joint").empty.text()
    win.displays_window.close()
    win.close()
