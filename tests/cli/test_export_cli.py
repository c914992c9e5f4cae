"""`qcoder survey`, `qcoder verdict(s)`, `qcoder hypothesis`, `qcoder counter-evidence` and
`qcoder export` through the real entry point, on a real project file."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from openpyxl import load_workbook

from qcoder.cli import main
from tests.conftest import dump_project
from tests.core.test_displays import MAYORS, SURVEY, build_analysis_project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "analyse æøå.qcoder"
    build_analysis_project(path).close()
    return path


def test_survey_summary_json_shape(project_file, capsys):
    capsys.readouterr()
    assert main(["survey", "summary", str(project_file), "--item", "Q1", "--subgroup",
                 "task_type", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["item", "wording", "n_valid", "n_missing", "mean", "distribution",
                          "top_box", "by_subgroup"]
    answers = [line.split(";")[2] for line in SURVEY[1:]]
    valid = [a for a in answers if a != "Ved ikke"]
    assert (data["item"], data["n_valid"], data["n_missing"]) == ("Q1", len(valid),
                                                                 len(answers) - len(valid))
    assert data["mean"] is None
    counts = Counter(valid)
    assert data["distribution"] == {k: round(counts[k] / len(valid), 4)
                                    for k in ("Meget ofte", "Ofte", "Af og til", "Sjældent", "Aldrig")}
    assert data["top_box"] == round((counts["Meget ofte"] + counts["Ofte"]) / len(valid), 4)
    assert set(data["by_subgroup"]) == {"betjener politikere", "træffer myndighedsafgørelser"}


def test_survey_load_reports_join_and_missing_key_changes_nothing(project_file, tmp_path, capsys):
    csv_path = tmp_path / "anden.csv"
    csv_path.write_text("respondent_id;Q1;score\nR002;Ofte;0,5\nR777;Aldrig;1,25\n",
                        encoding="utf-8")
    before = dump_project(project_file)
    capsys.readouterr()
    assert main(["survey", "load", str(project_file), str(csv_path), "--key", "id"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "anden.csv" in err and "'id'" in err and "respondent_id" in err
    assert dump_project(project_file) == before
    assert main(["survey", "load", str(project_file), str(csv_path), "--key", "respondent_id"]) == 0
    out = capsys.readouterr().out
    assert "2 respondents, 2 items" in out and "decimal commas" in out
    assert "DM-01 = R002" in out and "1 respondents without a case: R777" in out
    assert "cases whose respondent_id is not in the survey: DM-02" in out


def test_verdict_commands_and_export(project_file, tmp_path, capsys):
    path = str(project_file)
    assert main(["verdict", path, "Borgmester Hanne", "H1", "delvis støtte", "--note", "blandet",
                 "--evidence-code", "Analyse æøå/Policy-seeking",
                 "--cell", "Konsekvens=Gik af efter budgettet"]) == 0
    assert main(["hypothesis", "add", path, "H9", "--label", "Udbrændthed",
                 "--columns", "Tegn|Konsekvens", "--kind", "retention"]) == 0
    capsys.readouterr()
    assert main(["verdicts", path, "--hypothesis", "H1", "--json"]) == 0
    listed = {r["case"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(listed) == set(MAYORS)
    hanne = listed["Borgmester Hanne"]
    assert (hanne["verdict"], hanne["suggestion"], hanne["note"]) == ("delvis støtte",
                                                                      "delvis støtte", "blandet")
    assert len(hanne["evidence"]) == 2 and hanne["cells"] == {"Konsekvens": "Gik af efter budgettet"}
    assert main(["counter-evidence", path, hanne["evidence"][0], "H1"]) == 0
    assert main(["verdicts", path, "--hypothesis", "H1", "--json"]) == 0
    capsys.readouterr()
    assert main(["verdicts", path, "--hypothesis", "H1", "--json"]) == 0
    after = {r["case"]: r for r in json.loads(capsys.readouterr().out)}
    assert after["Borgmester Hanne"]["suggestion"] == "modstrid"  # 1 supporting vs 2 against

    out = tmp_path / "hypoteser.xlsx"
    assert main(["export", path, "--what", "hypotheses", "--hypothesis", "H1", "--out", str(out),
                 "--attributes", "appendix", "--survey-items", "Q1"]) == 0
    wb = load_workbook(out)
    rows = list(wb["Hypotesedisplay H1"].iter_rows(values_only=True))
    header = rows[0]
    body = rows[1:1 + len(MAYORS)]
    assert [r[0] for r in body] == sorted(MAYORS)
    hanne_row = body[[r[0] for r in body].index("Borgmester Hanne")]
    assert hanne_row[header.index("Vurdering")] == "delvis støtte"
    assert hanne_row[header.index("Konsekvens")] == "Gik af efter budgettet"
    assert hanne_row[header.index("appendix")] == "3"
    assert "Survey Q1 (eget svar)" in header


def test_export_errors_exit_2(project_file, tmp_path, capsys):
    capsys.readouterr()
    assert main(["export", str(project_file), "--what", "joint", "--subgroup", "tasktype",
                 "--out", str(tmp_path / "j.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "no item 'tasktype'" in err and "task_type" in err
    assert not (tmp_path / "j.xlsx").exists()
    assert main(["verdict", str(project_file), "Borgmester Jens", "H7", "støtte"]) == 2
    assert "no hypothesis 'H7'" in capsys.readouterr().err


def test_survey_items_list_what_the_files_said(project_file, capsys):
    from tests.core.test_displays import SURVEY_LABELS

    labels = {row[0]: row for row in (line.split(";") for line in SURVEY_LABELS.splitlines()[1:])}
    capsys.readouterr()
    assert main(["survey", "items", str(project_file), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["item"] for i in items] == SURVEY[0].split(";")[1:]    # file order, key left out
    for item in items:
        if item["item"] in labels:
            _ident, wording, scale, missing, filt = labels[item["item"]]
            assert (item["kind"], item["wording"], item["labels"], item["missing"],
                    item["filter"]) == ("scale", wording, scale.split("|"), [missing], filt)
    assert main(["survey", "items", str(project_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"DM-survey (survey.csv), {len(SURVEY) - 1} respondents"
    assert [line.split()[0] for line in out[1:]] == [i["item"] for i in items]
