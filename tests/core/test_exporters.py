"""Exports read back: xlsx with openpyxl, docx with python-docx, csv with the csv module, html
as text. Rows per case, verdicts and their colours, citations, survey columns, top-box %."""

from __future__ import annotations

import csv

import pytest
import sqlalchemy as sa
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from qcoder.core.analysis.build import build_display
from qcoder.core.analysis.displays import Options
from qcoder.core.analysis.verdicts import set_verdict
from qcoder.core.errors import CancelledError, QcoderError
from qcoder.core.exchange.exporters import export, export_display
from qcoder.core.exchange.exporters.base import VERDICT_COLOURS
from qcoder.core.store.models import Coding
from qcoder.core.store.models_analysis import SurveyDataset
from qcoder.core.survey.datasets import dataset_by_name
from qcoder.core.survey.summaries import summarize
from qcoder.data import data_path

from .test_displays import FORMULA, MAYORS, POLICY, THREATS, analysis  # noqa: F401  (fixture)


@pytest.fixture
def judged(analysis):  # noqa: F811
    set_verdict(analysis, "Borgmester Jens", "H1", "støtte")
    set_verdict(analysis, "Borgmester Søren", "H1", "modstrid")
    return analysis


def _q1_top(project) -> tuple[float, dict]:
    with project.session() as s:
        q1 = summarize(s, dataset_by_name(s), "Q1", "task_type")
    return round(100 * q1.top_box, 1), q1


def test_xlsx_has_provenance_first_and_a_sheet_per_display(judged, tmp_path):
    out = tmp_path / "eksport æøå.xlsx"
    assert export(judged, "all", out, Options(subgroup="task_type")) == [out]
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Om eksporten"
    assert {"Oversigtsmatrix", "Hypotesedisplay H1", "Hypotesedisplay H3", "Kode × case",
            "Kode × case × afsnit", "Motivationsprofil", "Joint display", "Kodede segmenter",
            "Kodebog"} <= set(wb.sheetnames)
    about = {r[0]: r[1] for r in wb["Om eksporten"].iter_rows(values_only=True) if r[0]}
    assert about["Projekt"] == "Analyse æøå"
    assert "Anna" in about["Kodere"] and "Bo" in about["Kodere"]
    assert "Analyse æøå (analyse), version 1" == about["Kodebøger"]
    assert about["Udvalg"] == "undergruppe: task_type"

    ws = wb["Hypotesedisplay H1"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    body = list(rows[1:1 + len(MAYORS)])
    assert [r[0] for r in body] == sorted(MAYORS)
    assert ws.freeze_panes == "B2"
    col = header.index("Vurdering")
    verdicts = {r[0]: r[col] for r in body}
    assert verdicts["Borgmester Jens"] == "støtte" and verdicts["Borgmester Søren"] == "modstrid"
    jens_row = [r[0] for r in body].index("Borgmester Jens") + 2
    fill = ws.cell(row=jens_row, column=col + 1).fill.fgColor.rgb
    assert fill.endswith(VERDICT_COLOURS["støtte"])
    quotes = body[[r[0] for r in body].index("Borgmester Jens")][header.index("Nøglecitater")]
    assert quotes == f"\u201d{POLICY}\u201d (Jens, bilag 2, s. 1)"
    assert ws.cell(row=1, column=1).font.bold
    assert ws.cell(row=jens_row, column=header.index("Nøglecitater") + 1).alignment.wrap_text
    assert ws.column_dimensions["A"].width >= len("Borgmester Hanne")

    joint = list(wb["Joint display"].iter_rows(values_only=True))
    jh = joint[0]
    top, q1 = _q1_top(judged)
    assert joint[1][jh.index("Item")] == "Q1"
    assert joint[1][jh.index("Top-box %")] == top
    assert joint[1][jh.index("Base N")] == q1.n_valid
    assert joint[1][jh.index("Top-box % (træffer myndighedsafgørelser)")] == round(
        100 * q1.by_subgroup["træffer myndighedsafgørelser"]["top_box"], 1)


def test_xlsx_cells_that_look_like_formulas_stay_text(judged, tmp_path):
    out = tmp_path / "segmenter.xlsx"
    export(judged, "segments", out)
    ws = load_workbook(out)["Kodede segmenter"]
    header = [c.value for c in ws[1]]
    quote_col = header.index("Citat")
    memo_col = header.index("Memo")
    formula_cells = [row[quote_col] for row in ws.iter_rows(min_row=2)
                     if row[quote_col].value == FORMULA]
    assert formula_cells and all(c.data_type == "s" for c in formula_cells)
    memos = [row[memo_col] for row in ws.iter_rows(min_row=2) if row[memo_col].value == "=kassereren"]
    assert memos and memos[0].data_type == "s"


def test_docx_tables_are_thesis_ready(judged, tmp_path):
    out = tmp_path / "rapport.docx"
    export(judged, "hypotheses", out, Options(hypothesis="H1", attributes=("appendix",)))
    doc = Document(out)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Om eksporten" in headings
    assert "Hypotesedisplay H1: Tab af indflydelse" in headings
    table = doc.tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["Case", "appendix"] and "Vurdering" in header
    body = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in body] == sorted(MAYORS)
    jens = body[[r[0] for r in body].index("Borgmester Jens")]
    assert jens[header.index("Vurdering")] == "støtte"
    assert jens[header.index("Nøglecitater")] == f"\u201d{POLICY}\u201d (Jens, bilag 2, s. 1)"
    jens_cell = table.rows[1 + [r[0] for r in body].index("Borgmester Jens")].cells[
        header.index("Vurdering")]
    assert VERDICT_COLOURS["støtte"] in jens_cell._tc.xml
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE  # a wide table
    assert any(p.text.startswith("Tabel 1: Hypotesedisplay H1") for p in doc.paragraphs)


def test_docx_joint_display_shows_survey_columns(judged, tmp_path):
    out = tmp_path / "joint.docx"
    export(judged, "joint", out)
    table = Document(out).tables[1]
    header = [c.text for c in table.rows[0].cells]
    first = [c.text for c in table.rows[1].cells]
    top, _q1 = _q1_top(judged)
    assert first[header.index("Top-box %")] == f"{top:.1f} %".replace(".", ",")
    assert first[header.index("Udbredelse")] == "de fleste"
    assert "(Kvinde, 25-39 år, betjener politikere)" in first[header.index("Citater")]


def test_csv_is_bom_utf8_semicolons_and_defuses_formulas(judged, tmp_path):
    out = tmp_path / "segmenter æøå.csv"
    assert export(judged, "segments", out) == [out]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header = rows[0]
    quotes = [r[header.index("Citat")] for r in rows[1:]]
    assert "'" + FORMULA in quotes and FORMULA not in quotes
    assert any(r[header.index("Henvisning")] == "(Hanne, bilag 3, s. 2)" and
               r[header.index("Citat")] == THREATS for r in rows[1:])


def test_csv_of_several_displays_writes_one_file_each(judged, tmp_path):
    written = export(judged, "all", tmp_path / "alt.csv")
    names = {p.name for p in written}
    assert {"alt_overview.csv", "alt_hypothesis-H1.csv", "alt_joint.csv",
            "alt_codebook.csv"} <= names
    with (tmp_path / "alt_joint.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    top, _q1 = _q1_top(judged)
    assert rows[1][rows[0].index("Top-box %")] == f"{top:.1f}".replace(".", ",")


def test_html_is_self_contained(judged, tmp_path):
    out = tmp_path / "rapport.html"
    export(judged, "all", out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page and "src=" not in page
    assert "Hypotesedisplay H1: Tab af indflydelse" in page
    assert "Borgmester Søren" in page and "(Jens, bilag 2, s. 1)" in page
    assert 'class="v-0">støtte</td>' in page  # coloured verdict cell
    assert "=SUM(A1)" in page


def test_cancelled_export_leaves_no_file(judged, tmp_path):
    out = tmp_path / "afbrudt.xlsx"

    def cancel(done, total, what):
        if what.startswith("skriver"):
            raise CancelledError("afbrudt")

    with pytest.raises(CancelledError):
        export(judged, "all", out, progress=cancel)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*part*")) == []


def test_unknown_format_and_display_are_refused(judged, tmp_path):
    with pytest.raises(QcoderError, match="cannot export to '.pdf'"):
        export(judged, "all", tmp_path / "x.pdf")
    with pytest.raises(QcoderError, match="unknown display 'tabel'"):
        export(judged, "tabel", tmp_path / "x.xlsx")


def test_control_characters_from_pasted_text_do_not_break_exports(judged, tmp_path):
    with judged.transaction() as s:
        coding = s.scalar(sa.select(Coding).where(Coding.memo == "Trusler"))
        coding.memo = "Trusler\x0bfra Word\x07"
    for suffix in (".xlsx", ".docx", ".html"):
        export(judged, "segments", tmp_path / f"seg{suffix}")
    memos = [r[7] for r in load_workbook(tmp_path / "seg.xlsx")["Kodede segmenter"]
             .iter_rows(min_row=2, values_only=True)]
    assert "Truslerfra Word" in memos


DEMO = data_path("demo")


def test_demo_project_renders_every_display_in_every_format(tmp_path):
    """The acceptance check: the demo with its survey and labels exports everywhere."""
    from qcoder.core.demo import build_demo
    from qcoder.core.store import Project
    from qcoder.core.survey.datasets import load_survey

    target = build_demo(tmp_path / "demo.qcoder", replace=True)
    with Project.open(target) as project:
        with project.session() as s:
            has_survey = s.scalar(sa.select(sa.func.count()).select_from(SurveyDataset))
        if not has_survey:  # the demo builder does not load the survey (yet)
            load_survey(project, DEMO / "survey.csv", "respondent_id",
                        labels=DEMO / "survey_labels.csv", name="DM-survey")
        options = Options(subgroup="task_type")
        for suffix in (".xlsx", ".docx", ".html", ".csv"):
            assert export(project, "all", tmp_path / f"demo{suffix}", options)
        with project.session() as s:
            q1 = summarize(s, dataset_by_name(s), "Q1_1")
    wb = load_workbook(tmp_path / "demo.xlsx")
    joint = list(wb["Joint display"].iter_rows(values_only=True))
    header = joint[0]
    row = next(r for r in joint[1:] if r[header.index("Item")] == "Q1_1")
    assert row[header.index("Top-box %")] == round(100 * q1.top_box, 1)
    assert "eget svar" in row[header.index("Citater")]
    h1 = list(wb["Hypotesedisplay H1"].iter_rows(values_only=True))
    assert [r[0] for r in h1[1:4]] == ["Borgmester Hanne", "Borgmester Jens", "Borgmester Søren"]


def test_a_display_built_for_the_window_exports_with_the_coders_in_view(judged, tmp_path):
    options = Options(coders=("Bo",), hypothesis="H1")
    table = build_display(judged, "hypotheses", options)
    out = tmp_path / "visning.xlsx"
    assert export_display(judged, "hypotheses", table, options, out) == [out]
    wb = load_workbook(out)
    about = {r[0]: r[1] for r in wb["Om eksporten"].iter_rows(values_only=True) if r[0]}
    with judged.session() as s:
        bo = s.scalar(sa.text("select count(*) from codings k join coders c on c.id = k.coder_id "
                              "where c.name = 'Bo'"))
    assert about["Kodere"] == f"Bo ({bo} kodninger)"
    assert about["Displays"] == "hypotheses" and about["Udvalg"] == "hypotese: H1"
    rows = list(wb[wb.sheetnames[1]].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:1 + len(table.rows)]] == [row[0].value for row in table.rows]
    with pytest.raises(QcoderError, match="cannot export to '.pdf'"):
        export_display(judged, "hypotheses", table, options, tmp_path / "visning.pdf")
