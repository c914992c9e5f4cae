"""Published worked examples, reproduced through the real path: text units written into a
project, coded from CSV files as `qcoder code` does, then compared by agreement_report."""

from __future__ import annotations

import numpy as np
import pytest

from qcoder.core.agreement import agreement_report
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import structure
from qcoder.core.store import Project

from .agreement_support import code, load_book, make_project, path

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example:
# 4 coders, 12 units, values 1-5, None = missing. Published alpha (nominal) = 0.743.
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}

# Fleiss (1971), 30 patients diagnosed by 6 psychiatrists into 5 categories; kappa = 0.430.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]
CATEGORIES = ["Værdi 1", "Værdi 2", "Værdi 3", "Værdi 4", "Værdi 5"]


def units(n: int) -> list[str]:
    return [f"Enhed {i + 1}: borgmesteren taler om økonomi og samarbejde i byrådet." for i in range(n)]


def domain(report, code_path: str) -> dict:
    return next(d for d in report.data["domains"] if d["code"] == code_path)


def test_krippendorff_2011_nominal_alpha_with_missing_values(tmp_path):
    project, off = make_project(tmp_path / "k.qcoder", {"kripp": units(12)},
                                {"Kategori": CATEGORIES})
    with project:
        for coder, values in KRIPPENDORFF_2011.items():
            rows = [("kripp", *off["kripp"][i], path("Kategori", CATEGORIES[v - 1]))
                    for i, v in enumerate(values) if v is not None]
            code(project, tmp_path, coder, rows)
        for unit in ("paragraph", "sentence"):
            report = agreement_report(project, list(KRIPPENDORFF_2011), unit)
            d = domain(report, path("Kategori"))
            assert d["krippendorff_alpha_nominal"] == pytest.approx(0.743, abs=5e-4)
            assert d["n_units"] == 11  # unit 12 has a single value: not pairable
            low, high = d["ci"]["krippendorff_alpha_nominal"]
            assert low < 0.743 < high
            assert "fleiss_kappa" in d and "cohen_kappa" not in d


def test_textbook_two_by_two_cohen_kappa(tmp_path):
    """20 both yes, 5 only A, 10 only B, 15 both no: po = 0.70, pe = 0.50, kappa = 0.40."""
    project, off = make_project(tmp_path / "c.qcoder", {"cohen": units(50)}, {"Pres": []})
    u = off["cohen"]
    with project:
        code(project, tmp_path, "Anna", [("cohen", *u[i], path("Pres")) for i in range(25)])
        code(project, tmp_path, "Bo", [("cohen", *u[i], path("Pres"))
                                      for i in list(range(20)) + list(range(25, 35))])
        for unit in ("paragraph", "sentence"):
            entry = next(e for e in agreement_report(project, ["Anna", "Bo"], unit).data["codes"]
                         if e["code"] == path("Pres"))
            assert entry["percent_agreement"] == pytest.approx(0.70)
            assert entry["cohen_kappa"] == pytest.approx(0.40)
            assert entry["counts"] == {"per_coder": {"Anna": 25, "Bo": 30}, "both": 20,
                                       "a_only": 5, "b_only": 10, "neither": 15}
            assert entry["prevalence"] == {"Anna": 0.5, "Bo": 0.6}
            low, high = entry["ci"]["cohen_kappa"]
            assert low < 0.4 < high
            assert "fleiss_kappa" not in entry


def test_fleiss_1971_kappa(tmp_path):
    project, off = make_project(tmp_path / "f.qcoder", {"fleiss": units(30)},
                                {"Diagnose": CATEGORIES})
    coders = [f"Psykiater {j + 1}" for j in range(6)]
    with project:
        for j, coder in enumerate(coders):
            rows = [("fleiss", *off["fleiss"][i], path("Diagnose", CATEGORIES[row[j] - 1]))
                    for i, row in enumerate(FLEISS_1971)]
            code(project, tmp_path, coder, rows)
        d = domain(agreement_report(project, coders, "paragraph"), path("Diagnose"))
        assert d["fleiss_kappa"] == pytest.approx(0.430, abs=5e-4)
        assert d["n_units"] == 30 and d["n_values"] == 180


def test_nvivo_character_level_example(tmp_path):
    """NVivo's help: a 1000-character source, 50 characters coded by both users, 150 by only
    one and 800 by neither gives 85% agreement; kappa by NVivo's documented formula over all
    characters (here A coded 150, B 100): (850 - 780) / (1000 - 780)."""
    text = ("Borgmesteren fortæller om presset fra byrådet og økonomien i kommunen. " * 20)[:1000]
    assert len(text) == 1000
    project = Project.create(tmp_path / "n.qcoder")
    with project:
        load_book(project, tmp_path, [{"name": "Pres"}])
        with project.transaction() as s:
            store_transcript(s, structure(text, "nvivo.txt", "txt"), "nvivo")
        code(project, tmp_path, "A", [("nvivo", 0, 150, path("Pres"))])
        code(project, tmp_path, "B", [("nvivo", 0, 50, path("Pres")), ("nvivo", 150, 200, path("Pres"))])
        report = agreement_report(project, ["A", "B"], "character")
        entry = report.data["codes"][0]
        assert entry["n_units"] == 1000
        assert entry["counts"] == {"per_coder": {"A": 150, "B": 100}, "both": 50, "a_only": 100,
                                   "b_only": 50, "neither": 800}
        assert entry["percent_agreement"] == pytest.approx(0.85)
        expected_kappa = (850 - (150 * 100 / 1000 + 850 * 900 / 1000)) / (1000 - 780)
        assert entry["cohen_kappa"] == pytest.approx(expected_kappa)
        assert entry["cohen_kappa"] == pytest.approx(70 / 220)
        [doc] = entry["documents"]
        assert doc["document"] == "nvivo" and doc["cohen_kappa"] == pytest.approx(70 / 220)
        assert "ci" not in entry  # characters are not independent units


def test_examples_agree_with_reference_packages_through_the_project(tmp_path):
    """The same Krippendorff data read back through the project equals the krippendorff
    package on the raw matrix, for alpha on every code's binary presence too."""
    import krippendorff

    project, off = make_project(tmp_path / "k2.qcoder", {"kripp": units(12)},
                                {"Kategori": CATEGORIES})
    with project:
        for coder, values in KRIPPENDORFF_2011.items():
            code(project, tmp_path, coder, [("kripp", *off["kripp"][i],
                                             path("Kategori", CATEGORIES[v - 1]))
                                            for i, v in enumerate(values) if v is not None])
        report = agreement_report(project, list(KRIPPENDORFF_2011), "paragraph")
    matrix = np.array([[np.nan if v is None else v for v in vals]
                       for vals in KRIPPENDORFF_2011.values()], dtype=float)
    assert domain(report, path("Kategori"))["krippendorff_alpha_nominal"] == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"), abs=1e-6)
    for k, name in enumerate(CATEGORIES, start=1):
        entry = next(e for e in report.data["codes"] if e["code"] == path("Kategori", name))
        binary = (matrix == k).astype(float)  # absent = "not coded", a value, not missing
        expected = krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal")
        if "krippendorff_alpha" in entry:
            assert entry["krippendorff_alpha"] == pytest.approx(expected, abs=1e-6)
        else:
            assert any("prevalence" in w or "no chance-corrected" in w for w in entry["warnings"])
