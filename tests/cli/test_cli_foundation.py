"""`qcoder new/info/code/codings/demo` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

from qcoder.cli import main
from qcoder.core.documents.transcript import normalise_text
from tests.conftest import INTERVIEW, dump_project


def test_new_and_info_json(tmp_path, capsys):
    path = tmp_path / "ny æøå.qcoder"
    assert main(["new", str(path), "--title", "Pres på ansatte"]) == 0
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["title"] == "Pres på ansatte"
    assert (info["documents"], info["coders"], info["codings"], info["codebooks"]) == ([], [], 0, 0)


def test_user_errors_exit_2_with_one_line(tmp_path, capsys):
    assert main(["info", str(tmp_path / "findes-ikke.qcoder")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "findes-ikke.qcoder" in err and "qcoder new" in err


def test_code_from_csv_and_list(project, project_path, tmp_path, capsys):
    project.close()
    start = normalise_text(INTERVIEW).index("trusler")
    csv = tmp_path / "kodning.csv"
    csv.write_text(
        "document,start,end,code\n"
        f"interview,{start},{start + 7},Test æøå/Chikane\n"
        f"interview,0,8,test/Policy-seeking/Økonomiske barrierer\n",
        encoding="utf-8",
    )
    assert main(["code", str(project_path), "--coder", "Bo", "--from", str(csv)]) == 0
    capsys.readouterr()
    assert main(["codings", str(project_path), "--coder", "Bo", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(len(row.pop("id")) == 36 for row in rows)  # the coding's UUID, for `qcoder verdict`
    assert rows == [
        {"document": "interview", "start": 0, "end": 8,
         "code": "Test æøå/Policy-seeking/Økonomiske barrierer", "coder": "Bo", "text": "Fiktivt "},
        {"document": "interview", "start": start, "end": start + 7, "code": "Test æøå/Chikane",
         "coder": "Bo", "text": "trusler"},
    ]
    assert main(["codings", str(project_path), "--code", "Test æøå/Chikane", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_bad_csv_is_rejected_whole_and_changes_nothing(project, project_path, tmp_path, capsys):
    project.close()
    before = dump_project(project_path)
    csv = tmp_path / "forkert.csv"
    csv.write_text(
        "document,start,end,code\n"
        "interview,0,5,Test æøå/Chikane\n"          # fine, but the file is rejected whole
        "ukendt,0,5,Test æøå/Chikane\n"             # line 3: unknown document
        "interview,0,999999,Test æøå/Chikane\n"     # line 4: outside the text
        "interview,0,5,Test æøå/Chikanne\n"         # line 5: unknown code
        "interview,x,5,Test æøå/Chikane\n",         # line 6: not a number
        encoding="utf-8",
    )
    assert main(["code", str(project_path), "--coder", "Ny", "--from", str(csv)]) == 2
    err = capsys.readouterr().err
    for needle in ("forkert.csv", "line 3", "line 4", "line 5", "line 6", "'Chikane'"):
        assert needle in err
    assert "line 2" not in err
    assert dump_project(project_path) == before


def test_csv_missing_column(project, project_path, tmp_path, capsys):
    project.close()
    csv = tmp_path / "kolonner.csv"
    csv.write_text("document;start;end\ninterview;0;5\n", encoding="utf-8")
    assert main(["code", str(project_path), "--coder", "Bo", "--from", str(csv)]) == 2
    assert "missing column(s) code" in capsys.readouterr().err


def test_demo_has_six_documents_two_coders_one_codebook(tmp_path):
    path = tmp_path / "demo.qcoder"
    run = lambda *a: subprocess.run([sys.executable, "-m", "qcoder", *a], capture_output=True,  # noqa: E731
                                    text=True, check=True)
    run("demo", str(path))
    info = json.loads(run("info", str(path), "--json").stdout)
    assert len(info["documents"]) >= 6
    assert set(info["coders"]) >= {"Anna", "Bo"}
    assert info["codebooks"] == 1
    kinds = {d["kind"] for d in info["documents"]}
    assert {"mayor_interview", "dm_interview", "vignette_group"} <= kinds
    assert all(d["turns"] > 0 and d["speakers"] >= 2 for d in info["documents"])
    group = [d for d in info["documents"] if d["kind"] == "vignette_group"][0]
    assert group["sections"] >= 2
    codings = json.loads(run("codings", str(path), "--json").stdout)
    assert {c["coder"] for c in codings} >= {"Anna", "Bo"}
