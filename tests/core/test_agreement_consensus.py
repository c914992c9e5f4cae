"""Consensus decisions become codings of the Konsensus coder; the originals stay, so agreement
before and after discussion can both be reported. Report files are read back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from qcoder.core.agreement import agreement_report
from qcoder.core.agreement.consensus import (
    KONSENSUS,
    Decision,
    coded_ranges,
    decide,
    decision_key,
    decisions,
)
from qcoder.core.agreement.export import export_report, methods_paragraph, num
from qcoder.core.coding.codings import list_codings
from qcoder.core.errors import QcoderError
from qcoder.core.operations import run
from qcoder.core.store.models import Memo

from .agreement_support import code, make_project, path

UNITS = [f"Enhed {i}: vi talte om økonomi, pres og trusler i byrådet." for i in range(30)]


@pytest.fixture
def coded(tmp_path):
    project, off = make_project(tmp_path / "k.qcoder", {"møde": UNITS},
                                {"Pres": [], "Motiv": ["Policy", "Office"]})
    u = off["møde"]
    code(project, tmp_path, "Anna", [("møde", *u[i], path("Pres")) for i in range(0, 12)]
         + [("møde", *u[i], path("Motiv", "Policy" if i % 3 else "Office")) for i in range(30)])
    code(project, tmp_path, "Bo", [("møde", *u[i], path("Pres")) for i in range(4, 16)]
         + [("møde", *u[i], path("Motiv", "Policy" if i % 4 else "Office")) for i in range(30)])
    yield project, u
    project.close()


def konsensus(project) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.code) for r in list_codings(project) if r.coder == KONSENSUS]


def test_decisions_become_konsensus_codings_and_leave_the_originals(coded):
    project, u = coded
    before = [r for r in list_codings(project) if r.coder != KONSENSUS]
    report = agreement_report(project, ["Anna", "Bo"], "paragraph", codes=[path("Pres")])
    disagreements = report.disagreements
    assert len(disagreements) == 8  # units 0-3 Anna only, 12-15 Bo only
    for d in disagreements:
        decision = "a" if d["coded_by"] == ["Anna"] and d["start"] < u[2][0] else "neither"
        decide(project, document=d["document"], code=d["code"], start=d["start"], end=d["end"],
               coders=("Anna", "Bo"), decision=decision, memo="Drøftet på mødet; æøå.")
    for i in range(4, 12):  # agreed units: accept both
        decide(project, document="møde", code=path("Pres"), start=u[i][0], end=u[i][1],
               coders=("Anna", "Bo"), decision="both")
    assert [r for r in list_codings(project) if r.coder != KONSENSUS] == before
    assert konsensus(project) == [(*u[i], path("Pres")) for i in [0, 1] + list(range(4, 12))]
    after = agreement_report(project, ["Anna", KONSENSUS], "paragraph", codes=[path("Pres")])
    assert after.data["codes"][0]["counts"] == {"per_coder": {"Anna": 12, KONSENSUS: 10},
                                                "both": 10, "a_only": 2, "b_only": 0,
                                                "neither": 18}
    with project.session() as s:
        memos = list(s.scalars(sa.select(Memo)))
    assert len(memos) == 16 and "Drøftet på mødet; æøå." in {m.text for m in memos}


def test_redeciding_replaces_only_inside_the_unit_and_undo_restores(coded):
    project, u = coded
    decide(project, document="møde", code=path("Pres"), start=u[4][0], end=u[6][1],
           coders=("Anna", "Bo"), decision="edit", ranges=[(u[4][0], u[6][1])])
    assert konsensus(project) == [(u[4][0], u[6][1], path("Pres"))]
    result = decide(project, document="møde", code=path("Pres"), start=u[5][0], end=u[5][1],
                    coders=("Anna", "Bo"), decision="neither")
    assert konsensus(project) == [(u[4][0], u[5][0], path("Pres")),
                                  (u[5][1], u[6][1], path("Pres"))]
    run(project, result.inverse)
    assert konsensus(project) == [(u[4][0], u[6][1], path("Pres"))]
    with pytest.raises(QcoderError, match="unknown decision"):
        decide(project, document="møde", code=path("Pres"), start=0, end=5,
               coders=("Anna", "Bo"), decision="maybe")


def test_what_was_decided_reads_back_and_an_undo_takes_it_away(coded):
    project, u = coded
    pres = path("Pres")
    assert decisions(project) == {}
    decide(project, document="møde", code=pres, start=u[0][0], end=u[0][1],
           coders=("Anna", "Bo"), decision="a", memo="Anna har ret.")
    again = decide(project, document="møde", code=pres, start=u[0][0], end=u[0][1],
                   coders=("Anna", "Bo"), decision="neither", memo="Alligevel ikke.")
    decide(project, document="møde", code=pres, start=u[13][0], end=u[13][1],
           coders=("Anna", "Bo"), decision="b")
    # the later decision on unit 0 is the one that counts; unit 13 has an empty memo
    assert decisions(project) == {
        f"{KONSENSUS}: {pres} [{u[0][0]}-{u[0][1]}] - ": Decision("neither", "Alligevel ikke."),
        f"{KONSENSUS}: {pres} [{u[13][0]}-{u[13][1]}] - ": Decision("b", "")}
    assert decision_key(pres, *u[13]) in decisions(project)
    # Anna coded units 0-11 and Bo 4-15 (the fixture); Konsensus took Bo's unit 13
    ranges = coded_ranges(project, "møde", pres, ("Anna", "Bo", KONSENSUS, "Nobody"))
    assert ranges == {"Anna": [u[i] for i in range(0, 12)], "Bo": [u[i] for i in range(4, 16)],
                      KONSENSUS: [u[13]], "Nobody": []}
    run(project, again.inverse)
    assert decisions(project)[decision_key(pres, *u[0])] == Decision("a", "Anna har ret.")
    assert coded_ranges(project, "møde", pres, [KONSENSUS])[KONSENSUS] == [u[0], u[13]]


def test_xlsx_and_html_reports_read_back(coded, tmp_path):
    project, _u = coded
    report = agreement_report(project, ["Anna", "Bo"], "sentence")
    xlsx = export_report(report, tmp_path / "enighed æøå.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Settings", "Codes", "Pooled", "Domains", "Disagreements", "Methods"]
    codes = list(wb["Codes"].iter_rows(values_only=True))
    header = codes[0]
    pres = next(r for r in codes[1:] if r[0] == path("Pres"))
    entry = next(e for e in report.data["codes"] if e["code"] == path("Pres"))
    assert pres[header.index("cohen_kappa")] == pytest.approx(entry["cohen_kappa"])
    assert pres[header.index("cohen_kappa low")] == pytest.approx(entry["ci"]["cohen_kappa"][0])
    assert pres[header.index("both")] == 8
    settings = dict(wb["Settings"].iter_rows(min_row=2, values_only=True))
    assert settings["unit"] == "sentence" and settings["coders"] == "Anna, Bo"
    domain = list(wb["Domains"].iter_rows(values_only=True))
    assert domain[1][0] == path("Motiv") and isinstance(domain[1][3], float)
    disagreements = list(wb["Disagreements"].iter_rows(min_row=2, values_only=True))
    assert len(disagreements) == len(report.disagreements) > 0
    assert all(row[6] and "Enhed" in row[6] for row in disagreements)
    methods = dict(wb["Methods"].iter_rows(min_row=2, values_only=True))
    alpha = report.data["pooled"]["krippendorff_alpha"]
    assert f"Krippendorffs alpha = {num(alpha, 'da')}" in methods["da"]
    assert "," in num(alpha, "da") and "To kodere (Anna og Bo) kodede uafhængigt" in methods["da"]
    assert f"Krippendorff's alpha = {alpha:.2f}" in methods["en"]
    assert "domænet »Motiv«" in methods["da"]

    page = export_report(report, tmp_path / "enighed.html").read_text(encoding="utf-8")
    assert methods_paragraph(report.data, "da").replace("'", "&#x27;").split(" (95")[0] in page
    assert "<script" not in page and "http" not in page and "Enhed 0" in page
    with pytest.raises(QcoderError, match=r"\.xlsx or \.html"):
        export_report(report, tmp_path / "enighed.pdf")


def test_danish_numbers():
    assert num(0.7432, "da") == "0,74" and num(0.7432, "en") == "0.74"
    assert num(12345, "da") == "12.345" and num(12345, "en") == "12,345"
