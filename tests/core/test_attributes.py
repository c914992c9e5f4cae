"""Case attributes from real .xlsx and .csv files: typed values, matching by key, reports, undo."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
import sqlalchemy as sa

from qcoder.core.cases.attributes import import_attributes, read_table
from qcoder.core.cases.cases import case_attributes
from qcoder.core.documents.batch_import import import_files
from qcoder.core.errors import InputFileError
from qcoder.core.operations import run
from qcoder.core.store import Project
from qcoder.core.store.models import Attribute, Case, Document
from tests.conftest import dump_project


def _dump(path):
    return dump_project(path, without_meta=True)


@pytest.fixture
def mayors(tmp_path):
    """A project with three mayor transcripts (documents 'Jens', 'Åse', 'Bo')."""
    for name in ("Jens", "Åse", "Bo"):
        (tmp_path / f"{name}.txt").write_text(f"I: Hvorfor?\n{name}: Derfor.\nI: Og så?\n"
                                              f"{name}: Slut.\n", encoding="utf-8")
    path = tmp_path / "borgmestre.qcoder"
    with Project.create(path) as project:
        import_files(project, [tmp_path / f"{n}.txt" for n in ("Jens", "Åse", "Bo")],
                     kind="mayor_interview")
    return path


def _xlsx(path, rows, sheet="Tabel 1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _values(project):
    with project.session() as s:
        return {c.name: case_attributes(s, c) for c in s.scalars(sa.select(Case))}


def test_xlsx_types_links_and_report(mayors, tmp_path):
    sheet = _xlsx(tmp_path / "tabel æøå.xlsx", [
        ["navn", "kommune", "parti", "stemmeandel", "bilag", "fortsætter", "tiltrådt"],
        ["Jens", "Skæve", "A", 0.77, 2, "nej", date(2018, 1, 1)],
        ["Åse", "Læsø", "V", "0,5", 3, "ja", date(2022, 1, 1)],
        ["Bo", "Ærø", "A", 12, 4, "ja", None],
        ["Ukendt", "X", "V", 1, 5, "ja", None],
        [None, "Tom nøgle", "A", 1, 1, "ja", None],
    ])
    with Project.open(mayors) as project:
        report = import_attributes(project, sheet, "navn").value
        assert report.created == ["Jens", "Åse", "Bo"]
        assert report.linked == [("Jens", "Jens"), ("Åse", "Åse"), ("Bo", "Bo")]
        assert report.unmatched == [("Ukendt", "")]
        assert report.blank_keys == ["tabel æøå.xlsx, sheet 'Tabel 1', row 6"]
        assert dict(report.new_attributes) == {
            "kommune": "text", "parti": "text", "stemmeandel": "number", "bilag": "number",
            "fortsætter": "bool", "tiltrådt": "date"}
        values = _values(project)
        assert values["Jens"]["stemmeandel"] == pytest.approx(0.77)
        assert values["Åse"]["stemmeandel"] == pytest.approx(0.5)   # "0,5" read as a number
        assert values["Bo"]["bilag"] == 4.0 and values["Åse"]["fortsætter"] is True
        assert values["Jens"]["tiltrådt"] == date(2018, 1, 1)
        assert "Ukendt" not in values
        with project.session() as s:
            doc = s.scalar(sa.select(Document).where(Document.name == "Åse"))
            assert [c.name for c in doc.cases] == ["Åse"]


def test_duplicates_are_reported_and_left_alone(mayors, tmp_path):
    csv_file = tmp_path / "cases.csv"
    csv_file.write_text("navn;alder\nJens;61\nJens;62\nÅse;58\n", encoding="utf-8-sig")
    with Project.open(mayors) as project:
        report = import_attributes(project, csv_file, "navn").value
        assert report.duplicates == {"Jens": ["cases.csv, row 2", "cases.csv, row 3"]}
        assert _values(project) == {"Åse": {"alder": 58.0}}


def test_update_existing_case_and_undo_redo(mayors, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("navn,kommune\nJens,Skæve\n", encoding="cp1252")
    second = tmp_path / "b.csv"
    second.write_text("navn,kommune,køn\nJens,Nye Skæve,Mand\nDeltager 7,Ærø,Kvinde\n",
                      encoding="utf-8")
    with Project.open(mayors) as project:
        import_attributes(project, first, "navn")
    before = _dump(mayors)
    with Project.open(mayors) as project:
        result = import_attributes(project, second, "navn", create_unmatched=True)
        assert result.value.updated == ["Jens"] and result.value.created == ["Deltager 7"]
        after = _values(project)
        assert after["Jens"] == {"kommune": "Nye Skæve", "køn": "Mand"}
        redo = run(project, result.inverse).inverse
    assert _dump(mayors) == before
    with Project.open(mayors) as project:
        run(project, redo)
        assert _values(project) == after


def test_value_that_does_not_fit_names_its_cell(mayors, tmp_path):
    with Project.open(mayors) as project:
        import_attributes(project, _xlsx(tmp_path / "a.xlsx", [["navn", "bilag"], ["Jens", 2]]),
                          "navn")
    before = _dump(mayors)
    bad = _xlsx(tmp_path / "b.xlsx", [["navn", "bilag"], ["Åse", 3], ["Bo", "fire"]])
    with Project.open(mayors) as project:
        with pytest.raises(InputFileError, match=r"b\.xlsx, sheet 'Tabel 1', row 3, cell B3: "
                                                 r".*'fire' is not a number"):
            import_attributes(project, bad, "navn")
    assert _dump(mayors) == before


def _with_chart_sheet_first(path):
    """A workbook whose first sheet is a chart sheet (no cells), before the table."""
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.load_workbook(path)
    chart = BarChart()
    chart.add_data(Reference(wb.worksheets[0], min_col=2, min_row=1, max_row=2))
    wb.create_chartsheet("Diagram", 0).add_chart(chart)
    wb.save(path)
    return path


def test_chart_sheets_are_not_tables(mayors, tmp_path):
    book = _with_chart_sheet_first(_xlsx(tmp_path / "a.xlsx", [["Navn", "alder"], ["Jens", 61]]))
    with pytest.raises(InputFileError, match="no sheet named 'Diagram'; its sheets are: 'Tabel 1'"):
        read_table(book, "Diagram")
    assert read_table(book).rows[0].values == ("Jens", "61")


def test_bad_sheets_and_keys(mayors, tmp_path):
    sheet = _xlsx(tmp_path / "a.xlsx", [["Navn", "kommune"], ["Jens", "Skæve"]])
    with Project.open(mayors) as project:
        with pytest.raises(InputFileError, match="no key column 'navn'.*Did you mean 'Navn'"):
            import_attributes(project, sheet, "navn")
        with pytest.raises(InputFileError, match="no sheet named 'Ark2'.*'Tabel 1'"):
            import_attributes(project, sheet, "Navn", sheet="Ark2")
        broken = tmp_path / "broken.xlsx"
        broken.write_bytes(sheet.read_bytes()[:300])
        with pytest.raises(InputFileError, match="broken.xlsx"):
            import_attributes(project, broken, "Navn")
        other = tmp_path / "x.ods"
        other.write_text("x", encoding="utf-8")
        with pytest.raises(InputFileError, match=r"\.xlsx or \.csv"):
            read_table(other)
        with project.session() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Attribute)) == 0
