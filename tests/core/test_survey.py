"""Survey data: Danish CSV/xlsx/.sav files with their traps, labels, joins and summaries.

Expected figures are counted from the rows the tests write, by plain Python or pandas
crosstab, never copied from qcoder's own output.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import pandas as pd
import pyreadstat
import pytest
import sqlalchemy as sa

from qcoder.core.cases.cases import get_or_create_attribute, get_or_create_case, set_value
from qcoder.core.errors import InputFileError, QcoderError
from qcoder.core.store import Project
from qcoder.core.store.models_analysis import (
    SurveyDataset,
    SurveyItem,
    SurveyRespondent,
    SurveyValue,
)
from qcoder.core.survey.datasets import dataset_by_name, join_cases, load_survey, remove_survey
from qcoder.core.survey.summaries import case_answers, summarize

SCALE = ["Meget ofte", "Ofte", "Af og til", "Sjældent", "Aldrig"]
GROUPS = ["betjener politikere", "træffer myndighedsafgørelser"]


def survey_rows(n: int = 40) -> list[dict]:
    """Deterministic respondents: a 5-point item with "Ved ikke", a task type, a decimal score."""
    rows = []
    for i in range(1, n + 1):
        q1 = "Ved ikke" if i % 9 == 0 else SCALE[(i * 7) % 5]
        rows.append({"respondent_id": f"R{i:03d}", "task_type": GROUPS[i % 2], "Q1": q1,
                     "Q5": "" if i % 2 else SCALE[(i * 3) % 5],
                     "score": f"{(i % 7) + 3},{i % 10}"})
    return rows


def write_danish_csv(path, rows, encoding="utf-8-sig") -> None:
    cols = list(rows[0])
    lines = [";".join(cols)] + [";".join(r[c] for c in cols) for r in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)


LABELS = (
    "item;wording;labels;missing;filter\n"
    "Q1;Hvor ofte oplever du pres for at ændre en faglig vurdering?;"
    "Meget ofte|Ofte|Af og til|Sjældent|Aldrig;Ved ikke;\n"
    "Q5;Hvor ofte udelader du en faglig betragtning?;"
    "Meget ofte|Ofte|Af og til|Sjældent|Aldrig;Ved ikke;"
    "\"Kun respondenter, der betjener politikere\"\n"
)


@pytest.fixture
def empty_project(project_path):
    p = Project.create(project_path, title="Survey-test")
    yield p
    p.close()


def _expected(values: list[str], top: list[str]) -> tuple[int, float]:
    valid = [v for v in values if v and v != "Ved ikke"]
    return len(valid), sum(v in top for v in valid) / len(valid)


def test_danish_csv_with_decimal_commas_and_ved_ikke(empty_project, tmp_path):
    rows = survey_rows()
    write_danish_csv(tmp_path / "spørgeskema.csv", rows)
    (tmp_path / "etiketter.csv").write_text(LABELS, encoding="utf-8")
    report = load_survey(empty_project, tmp_path / "spørgeskema.csv", "respondent_id",
                         labels=tmp_path / "etiketter.csv", name="DM æøå")
    assert report.respondents == len(rows) and report.items == 4
    assert any("decimal commas" in w and "score" in w for w in report.warnings)
    assert any("semicolon" in w for w in report.warnings)
    with empty_project.session() as s:
        ds = dataset_by_name(s, "DM æøå")
        q1 = summarize(s, ds, "Q1")
        n_valid, top = _expected([r["Q1"] for r in rows], SCALE[:2])
        assert (q1.n_valid, q1.n_missing) == (n_valid, len(rows) - n_valid)
        assert q1.top_box == round(top, 4)
        assert list(q1.distribution) == SCALE
        counts = Counter(r["Q1"] for r in rows if r["Q1"] != "Ved ikke")
        assert q1.distribution == {k: round(counts[k] / n_valid, 4) for k in SCALE}
        assert q1.mean is None
        score = summarize(s, ds, "score")
        numbers = [float(r["score"].replace(",", ".")) for r in rows]
        assert score.mean == round(sum(numbers) / len(numbers), 4)
        assert score.top_box is None
        q5 = summarize(s, ds, "Q5")
        assert q5.filter == "Kun respondenter, der betjener politikere"
        assert q5.n_valid == sum(1 for r in rows if r["Q5"])


def test_subgroup_cross_tab_matches_pandas(empty_project, tmp_path):
    rows = survey_rows(60)
    write_danish_csv(tmp_path / "s.csv", rows)
    (tmp_path / "l.csv").write_text(LABELS, encoding="utf-8")
    load_survey(empty_project, tmp_path / "s.csv", "respondent_id", labels=tmp_path / "l.csv")
    frame = pd.DataFrame(rows)
    frame = frame[frame.Q1 != "Ved ikke"]
    expected = pd.crosstab(frame.task_type, frame.Q1, normalize="index")
    with empty_project.session() as s:
        summary = summarize(s, dataset_by_name(s), "Q1", subgroup="task_type")
    assert set(summary.by_subgroup) == set(GROUPS)
    for group in GROUPS:
        part = summary.by_subgroup[group]
        assert part["n_valid"] == int((frame.task_type == group).sum())
        for label in SCALE:
            want = float(expected.loc[group, label]) if label in expected.columns else 0.0
            assert part["distribution"][label] == round(want, 4)
        assert part["top_box"] == round(float(expected.loc[group, SCALE[:2]].sum()), 4)


def test_without_labels_ved_ikke_and_ikke_relevant_are_missing(empty_project, tmp_path):
    path = tmp_path / "uden.csv"
    path.write_text("id;Q1;andel\n1;Ofte;0,5\n2;Ved ikke;0,25\n3;Ikke relevant;\n4;Sjældent;1,0\n"
                    "5;;0,75\n6;Meget ofte;ved ikke\n", encoding="cp1252")
    report = load_survey(empty_project, path, "id")
    assert any("Windows-1252" in w for w in report.warnings)
    assert any("Meget ofte / Ofte" in w for w in report.warnings)  # recognised scale order
    with empty_project.session() as s:
        ds = dataset_by_name(s)
        q1 = summarize(s, ds, "Q1")
        assert (q1.n_valid, q1.n_missing) == (3, 3)
        assert list(q1.distribution)[:2] == ["Meget ofte", "Ofte"]
        assert q1.top_box == round(2 / 3, 4)
        share = summarize(s, ds, "andel")
        assert share.n_valid == 4 and share.mean == round((0.5 + 0.25 + 1.0 + 0.75) / 4, 4)


def test_xlsx_numbers_stored_as_text_and_labels_sheet(empty_project, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["respondent_id", "Q2", "alder"])
    values = [(101, 1, "34"), (102, "2", 51), (103, 5, "0,5"), (104, 9, 40), (105, "3", "29")]
    for row in values:
        ws.append(list(row))
    labels = wb.create_sheet("Labels")
    labels.append(["item", "wording", "labels", "missing"])
    labels.append(["Q2", "Jeg er enig i udsagnet", "1=Helt enig|2=Enig|3=Hverken enig eller uenig|"
                   "4=Uenig|5=Helt uenig", "9=Ved ikke"])
    wb.save(tmp_path / "data.xlsx")
    report = load_survey(empty_project, tmp_path / "data.xlsx", "respondent_id")
    assert any("numbers stored as text" in w and "'alder'" in w and "C2" in w
               for w in report.warnings)
    with empty_project.session() as s:
        ds = dataset_by_name(s)
        q2 = summarize(s, ds, "Q2")
        assert q2.wording == "Jeg er enig i udsagnet"
        assert (q2.n_valid, q2.n_missing) == (4, 1)
        assert q2.distribution["Helt enig"] == 0.25 and q2.distribution["Enig"] == 0.25
        assert q2.top_box == 0.5
        assert summarize(s, ds, "alder").mean == round((34 + 51 + 0.5 + 40 + 29) / 5, 4)
        keys = set(s.scalars(sa.select(SurveyRespondent.key)))
        assert keys == {"101", "102", "103", "104", "105"}


def test_a_chart_sheet_before_the_data_is_passed_over(empty_project, tmp_path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    for row in (["id", "Q1"], [1, 3], [2, 5]):
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3))
    wb.create_chartsheet("Diagram", 0).add_chart(chart)
    wb.save(tmp_path / "med diagram.xlsx")
    report = load_survey(empty_project, tmp_path / "med diagram.xlsx", "id")
    assert (report.respondents, report.items) == (2, 1)
    with empty_project.session() as s:
        assert summarize(s, dataset_by_name(s), "Q1").mean == 4.0


def test_spss_sav_with_value_labels_and_user_missing(empty_project, tmp_path):
    codes = [1, 2, 2, 3, 5, 9, 1, 4, 2, 9, 1, 3]
    frame = pd.DataFrame({"rid": [f"A{i}" for i in range(len(codes))],
                          "q1": [float(c) for c in codes],
                          "tid": [float(i % 4) for i in range(len(codes))]})
    pyreadstat.write_sav(
        frame, str(tmp_path / "spss æøå.sav"),
        column_labels={"rid": "Respondent", "q1": "Hvor ofte presses du?", "tid": "Timer"},
        variable_value_labels={"q1": {1: "Meget ofte", 2: "Ofte", 3: "Af og til", 4: "Sjældent",
                                      5: "Aldrig", 9: "Ved ikke"}},
        missing_ranges={"q1": [9]})
    load_survey(empty_project, tmp_path / "spss æøå.sav", "rid")
    valid = [c for c in codes if c != 9]
    with empty_project.session() as s:
        q1 = summarize(s, dataset_by_name(s), "q1")
        assert q1.wording == "Hvor ofte presses du?"
        assert (q1.n_valid, q1.n_missing) == (len(valid), 2)
        assert q1.top_box == round(sum(c in (1, 2) for c in valid) / len(valid), 4)
        assert q1.distribution["Sjældent"] == round(valid.count(4) / len(valid), 4)
        tid = summarize(s, dataset_by_name(s), "tid")
        assert tid.mean == round(sum(i % 4 for i in range(len(codes))) / len(codes), 4)


def test_label_sets_that_contradict_the_data_are_reported(empty_project, tmp_path):
    path = tmp_path / "socr.csv"
    path.write_text("id;SOCR1;Q3;Q4\n1;1;Helt uenig;Måske\n2;5;Uenig;Ofte\n3;4;Helt enig;Aldrig\n"
                    "4;6;Enig;Ofte\n", encoding="utf-8")
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "item;labels\n"
        "SOCR1;(1) Helt uenig|(2) Uenig|(3) Hverken enig eller uenig|(4) Uenig|(5) Helt uenig\n"
        "Q3;Helt uenig|Uenig|Hverken enig eller uenig|Enig|Helt enig\n"
        "Q4;Meget ofte|Ofte|Af og til|Sjældent|Aldrig\n"
        "Q9;Ja|Nej\n", encoding="utf-8")
    report = load_survey(empty_project, path, "id", labels=labels)
    text = "\n".join(report.warnings)
    assert "'SOCR1'" in text and "repeat 'Helt uenig', 'Uenig'" in text
    assert "'6'" in text  # code 6 is on no label
    assert "'Q3'" in text and "run from 'Helt uenig' up to 'Helt enig'" in text
    assert "'Måske'" in text
    assert "'Q9', which is not a column" in text


def _counts(path):
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("survey_datasets", "survey_items", "survey_respondents", "survey_values")}
    finally:
        con.close()


def test_missing_key_column_errors_clearly_and_changes_nothing(empty_project, tmp_path):
    write_danish_csv(tmp_path / "s.csv", survey_rows())
    load_survey(empty_project, tmp_path / "s.csv", "respondent_id", name="første")
    before = _counts(empty_project.path)
    with pytest.raises(InputFileError) as err:
        load_survey(empty_project, tmp_path / "s.csv", "respondent", name="anden")
    message = str(err.value)
    assert "s.csv" in message and "'respondent'" in message and "respondent_id" in message
    assert "--key" in message
    assert _counts(empty_project.path) == before


def test_duplicate_and_blank_keys_are_refused(empty_project, tmp_path):
    rows = survey_rows(6)
    rows[4]["respondent_id"] = rows[1]["respondent_id"]
    write_danish_csv(tmp_path / "dup.csv", rows)
    with pytest.raises(InputFileError, match=r"'R002' \(line 3 and line 6\)"):
        load_survey(empty_project, tmp_path / "dup.csv", "respondent_id")
    rows[4]["respondent_id"] = ""
    write_danish_csv(tmp_path / "blank.csv", rows)
    with pytest.raises(InputFileError, match="no value in key column 'respondent_id' .line 6"):
        load_survey(empty_project, tmp_path / "blank.csv", "respondent_id")
    assert _counts(empty_project.path)["survey_datasets"] == 0


def test_unquoted_separator_in_a_value_is_refused(empty_project, tmp_path):
    (tmp_path / "s.csv").write_text("id;Q1\n1;Ofte\n2;Aldrig\n", encoding="utf-8")
    (tmp_path / "l.csv").write_text("item;wording;labels\nQ1;Hvor ofte; i alt?;Ofte|Aldrig\n",
                                    encoding="utf-8")
    with pytest.raises(InputFileError, match="l.csv: line 2 has 4 values .* double quotes"):
        load_survey(empty_project, tmp_path / "s.csv", "id", labels=tmp_path / "l.csv")


def test_join_lists_matched_and_unmatched(empty_project, tmp_path):
    write_danish_csv(tmp_path / "s.csv", survey_rows(10))
    with empty_project.transaction() as s:
        attr = get_or_create_attribute(s, "respondent_id", "text")
        for case, key in (("DM-01", "R002"), ("DM-02", "R009"), ("DM-03", "R077"),
                          ("Borgmester Jens", None)):
            set_value(s, get_or_create_case(s, case), attr, key)
    report = load_survey(empty_project, tmp_path / "s.csv", "respondent_id")
    assert report.join.matched == {"DM-01": "R002", "DM-02": "R009"}
    assert report.join.unmatched_cases == ["DM-03"]
    assert report.join.cases_without_key == ["Borgmester Jens"]
    assert len(report.join.unmatched_respondents) == 8 and "R002" not in report.join.unmatched_respondents
    rows = survey_rows(10)
    with empty_project.session() as s:
        answers = case_answers(s, dataset_by_name(s), ["Q1", "task_type"])
        assert answers["DM-01"] == {"Q1": rows[1]["Q1"], "task_type": rows[1]["task_type"]}
        assert answers["DM-02"]["Q1"] is None  # R009 answered "Ved ikke"


def test_numeric_keys_join_across_formats(empty_project, tmp_path):
    (tmp_path / "s.csv").write_text("nr;Q1\n017;Ofte\n18;Aldrig\n", encoding="utf-8")
    with empty_project.transaction() as s:
        attr = get_or_create_attribute(s, "nr", "number")
        set_value(s, get_or_create_case(s, "Informant A"), attr, "17")
        set_value(s, get_or_create_case(s, "Informant B"), attr, "18,0")
    report = load_survey(empty_project, tmp_path / "s.csv", "nr")
    assert report.join.matched == {"Informant A": "17", "Informant B": "18"}


def test_names_clash_unless_replaced_and_remove(empty_project, tmp_path):
    write_danish_csv(tmp_path / "s.csv", survey_rows(5))
    load_survey(empty_project, tmp_path / "s.csv", "respondent_id")
    with pytest.raises(QcoderError, match="--replace"):
        load_survey(empty_project, tmp_path / "s.csv", "respondent_id")
    write_danish_csv(tmp_path / "s.csv", survey_rows(8))
    assert load_survey(empty_project, tmp_path / "s.csv", "respondent_id",
                       replace=True).respondents == 8
    assert _counts(empty_project.path)["survey_respondents"] == 8
    remove_survey(empty_project, "s")
    assert _counts(empty_project.path) == dict.fromkeys(_counts(empty_project.path), 0)


def test_a_migrated_old_project_takes_a_survey(tmp_path):
    from tests.core.test_store import _old_project

    path = tmp_path / "gammel.qcoder"
    _old_project(path)
    write_danish_csv(tmp_path / "s.csv", survey_rows(4))
    with Project.open(path) as p:
        load_survey(p, tmp_path / "s.csv", "respondent_id")
        with p.session() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(SurveyValue)) > 0
            assert s.scalar(sa.select(sa.func.count()).select_from(SurveyItem)) == 4
            assert join_cases(s, s.scalar(sa.select(SurveyDataset))).matched == {}


def test_two_point_scales_count_the_top_answer_only(empty_project, tmp_path):
    answers = ["ja", "Nej", "Ja", "ved ikke", "ja", "nej", "Ja"]
    (tmp_path / "s.csv").write_text("id;medlem\n" + "".join(
        f"{i};{a}\n" for i, a in enumerate(answers)), encoding="utf-8")
    load_survey(empty_project, tmp_path / "s.csv", "id")
    valid = [a.lower() for a in answers if a.lower() != "ved ikke"]
    with empty_project.session() as s:
        summary = summarize(s, dataset_by_name(s), "medlem")
    assert summary.distribution == {"Ja": round(valid.count("ja") / len(valid), 4),
                                    "Nej": round(valid.count("nej") / len(valid), 4)}
    assert summary.top_box == summary.distribution["Ja"] and summary.top_labels == ["Ja"]
