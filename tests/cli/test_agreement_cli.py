"""`qcoder agreement`, `qcoder package` and `qcoder merge` through the real entry point, with
codings applied by `qcoder code`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from qcoder.cli import main
from qcoder.core.store import Project
from qcoder.core.store.models import Document
from tests.core.agreement_support import make_project, path

UNITS = [f"Afsnit {i}: borgmesteren om økonomi, pres og familie." for i in range(24)]


def write_csv(file, rows) -> str:
    file.write_text("document;start;end;code\n" + "".join(
        f"{d};{a};{b};{c}\n" for d, a, b, c in rows), encoding="utf-8")
    return str(file)


@pytest.fixture
def coded(tmp_path, capsys):
    project_path = tmp_path / "cli æøå.qcoder"
    project, off = make_project(project_path, {"møde": UNITS}, {"Pres": [], "Motiv": ["Policy", "Office"]})
    project.close()
    u = off["møde"]
    anna = [("møde", *u[i], path("Pres")) for i in range(0, 10)] + \
        [("møde", *u[i], path("Motiv", "Policy" if i % 3 else "Office")) for i in range(24)]
    bo = [("møde", *u[i], path("Pres")) for i in range(2, 12)] + \
        [("møde", *u[i], path("Motiv", "Policy" if i % 4 else "Office")) for i in range(24)]
    for coder, rows in (("Anna", anna), ("Bo", bo)):
        assert main(["code", str(project_path), "--coder", coder,
                     "--from", write_csv(tmp_path / f"{coder}.csv", rows)]) == 0
    capsys.readouterr()
    return project_path, u


def test_agreement_json_has_the_documented_shape(coded, capsys):
    project_path, _u = coded
    assert main(["agreement", str(project_path), "--coders", "Anna", "Bo", "--unit", "paragraph",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "paragraph" and data["coders"] == ["Anna", "Bo"]
    pres = next(c for c in data["codes"] if c["code"] == path("Pres"))
    for key in ("n_units", "percent_agreement", "cohen_kappa", "krippendorff_alpha",
                "brennan_prediger", "gwet_ac1", "ci", "counts"):
        assert key in pres
    assert "fleiss_kappa" not in pres  # two coders
    assert pres["n_units"] == 24 and pres["percent_agreement"] == pytest.approx(20 / 24)
    assert set(pres["ci"]) >= {"cohen_kappa", "krippendorff_alpha"}
    assert all(0 <= v <= 1 for v in (pres["percent_agreement"], *pres["ci"]["percent_agreement"]))
    assert pres["counts"]["both"] == 8
    assert data["pooled"]["n_units"] == 24 * 3
    assert "mean_across_codes" in data["pooled"]
    [domain] = data["domains"]
    assert domain["code"] == path("Motiv") and domain["n_units"] == 24
    assert -1 <= domain["krippendorff_alpha_nominal"] <= 1


def test_agreement_text_file_and_disagreements(coded, capsys, tmp_path):
    project_path, _u = coded
    assert main(["agreement", str(project_path), "--coders", "Anna", "Bo", "--unit", "sentence",
                 "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "Agreement of Anna and Bo on sentences (24 in 1 documents)" in out
    assert path("Pres") in out and "(pooled over codes)" in out and "domain " in out
    assert "coded by Anna\tAfsnit 0: borgmesteren" in out
    report = tmp_path / "rapport æøå.xlsx"
    assert main(["agreement", str(project_path), "--coders", "Anna", "Bo", "--unit", "character",
                 "--out", str(report)]) == 0
    assert "Wrote" in capsys.readouterr().err
    wb = load_workbook(report)
    assert "Documents" in wb.sheetnames
    methods = dict(wb["Methods"].iter_rows(min_row=2, values_only=True))
    assert methods["da"].startswith("To kodere (Anna og Bo) kodede uafhængigt af hinanden alle")


def test_package_code_merge_agreement_round_trip(coded, capsys, tmp_path):
    project_path, _u = coded
    package = tmp_path / "til Cy.qcoder"
    assert main(["package", str(project_path), "--for", "Cy", "--sample", "6",
                 "--unit", "paragraph", "--seed", "42", "--out", str(package)]) == 0
    assert "6 paragraphs (seed 42)" in capsys.readouterr().out
    with Project.open(package) as pkg:
        info = json.loads(pkg.meta("coder_package"))
    [units] = info["units"].values()
    rows = [("møde", a, b, path("Pres")) for a, b in units]
    assert main(["code", str(package), "--coder", "Cy",
                 "--from", write_csv(tmp_path / "cy.csv", rows)]) == 0
    assert main(["merge", str(project_path), str(package)]) == 0
    assert "6 added" in capsys.readouterr().out
    assert main(["agreement", str(project_path), "--coders", "Anna", "Cy", "--unit", "paragraph",
                 "--codes", path("Pres"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["codes"][0]["n_units"] == 6 and data["codes"][0]["counts"]["per_coder"]["Cy"] == 6
    assert "Cy" in data["settings"]["scope"]


def test_errors_exit_2_and_merge_problems_exit_1(coded, capsys, tmp_path):
    project_path, _u = coded
    assert main(["agreement", str(project_path), "--coders", "Anna"]) == 2
    assert "two or more different coders" in capsys.readouterr().err
    assert main(["agreement", str(project_path), "--coders", "Anna", "Bo", "--codes", "Enighed æøå/Prs"]) == 2
    assert "Did you mean" in capsys.readouterr().err
    package = tmp_path / "bo.qcoder"
    assert main(["package", str(project_path), "--for", "Bo", "--out", str(package)]) == 0
    with Project.open(project_path) as project, project.transaction() as s:
        doc = s.query(Document).one()
        doc.content_hash = "edited"
    assert main(["merge", str(project_path), str(package)]) == 1
    err = capsys.readouterr().err
    assert "not merged: document 'møde' was edited in the project" in err


def test_real_entry_point(coded):
    project_path, _u = coded
    done = subprocess.run([sys.executable, "-m", "qcoder", "agreement", str(project_path),
                           "--coders", "Anna", "Bo", "--unit", "segment", "--json"],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    data = json.loads(done.stdout)
    pres = next(c for c in data["codes"] if c["code"] == path("Pres"))
    assert pres["counts"]["matched"] == 8 and pres["counts"]["unmatched"] == {"Anna": 2, "Bo": 2}
