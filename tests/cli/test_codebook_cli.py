"""`qcoder codebook load|export|list` and `qcoder round` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import sqlalchemy as sa

from qcoder.cli import main
from qcoder.core.codebooks.schema import iter_codes, read_codebook_file
from qcoder.core.store import Project
from qcoder.core.store.models import Codebook

SHIPPED = Path(__file__).resolve().parents[2] / "codebooks"
ALL = sorted(str(p) for p in SHIPPED.glob("*.yaml"))


def _new(tmp_path, capsys) -> str:
    path = str(tmp_path / "kodning æøå.qcoder")
    assert main(["new", path]) == 0
    capsys.readouterr()
    return path


def test_load_all_seven_and_list_json(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    assert main(["codebook", "load", path, *ALL]) == 0
    out = capsys.readouterr().out
    assert out.count("Added codebook") == 7
    assert "Added codebook 'Strøm: office-, policy- og vote-seeking' (strom_motivation" in out
    assert main(["codebook", "list", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    books = {b["id"]: b for b in data["codebooks"]}
    assert set(books) == {Path(p).stem for p in ALL}
    strom = books["strom_motivation"]
    assert (strom["name"], strom["version"]) == ("Strøm: office-, policy- og vote-seeking", 1)
    assert {"id", "label", "statement", "kind"} <= set(strom["hypotheses"][0])
    assert [h["id"] for h in strom["hypotheses"]] == ["H1", "H1a", "H1b", "H2"]
    policy = next(c for c in strom["codes"] if c["name"] == "Policy-seeking")
    assert {"name", "path", "count", "children"} <= set(policy)
    assert policy["path"] == "Strøm: office-, policy- og vote-seeking/Policy-seeking"
    child = next(c for c in policy["children"] if c["name"] == "Symbolpolitik")
    assert (child["count"], child["children"], child["origin"], child["round"]) == (
        0, [], "inductive", 2)

    def count(codes):
        return sum(1 + count(c["children"]) for c in codes)

    for ident, book in books.items():
        assert count(book["codes"]) == len(list(iter_codes(
            read_codebook_file(SHIPPED / f"{ident}.yaml")["codes"])))


def test_list_text_shows_counts_links_and_origin(project, project_path, tmp_path, capsys):
    project.close()
    assert main(["codebook", "list", str(project_path)]) == 0
    out = capsys.readouterr().out
    assert "Test æøå (id test, version 1)" in out
    assert "H1: Tab af indflydelse [exit]" in out
    assert "Policy-seeking" in out and "[H1+]" in out


def test_export_yaml_and_xlsx_then_reload(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    assert main(["codebook", "load", path, str(SHIPPED / "psm.yaml"),
                 str(SHIPPED / "harassment.yaml")]) == 0
    capsys.readouterr()
    out_yaml = tmp_path / "psm æøå.yaml"
    assert main(["codebook", "export", path, "--codebook", "psm", "--out", str(out_yaml)]) == 0
    assert f"Wrote {out_yaml}" in capsys.readouterr().out
    data = read_codebook_file(out_yaml)
    assert data["id"] == "psm" and all(s.get("uuid") for _p, _i, s in iter_codes(data["codes"]))
    out_xlsx = tmp_path / "alle.xlsx"
    assert main(["codebook", "export", path, "--out", str(out_xlsx)]) == 0
    rows = list(openpyxl.load_workbook(out_xlsx)["Codes"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {"psm", "harassment"}
    # a newer version of the export loads as an update
    out_yaml.write_text(out_yaml.read_text(encoding="utf-8").replace("version: 1", "version: 2"),
                        encoding="utf-8")
    assert main(["codebook", "load", path, str(out_yaml)]) == 0
    assert "from version 1 to 2: 23 codes kept, 0 added, 0 removed" in capsys.readouterr().out
    with Project.open(path) as project, project.session() as s:
        assert s.scalar(sa.select(Codebook.version).where(Codebook.ident == "psm")) == 2


def test_export_yaml_needs_codebook_when_several(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    main(["codebook", "load", path, str(SHIPPED / "psm.yaml"), str(SHIPPED / "sludge.yaml")])
    capsys.readouterr()
    assert main(["codebook", "export", path, "--out", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "--codebook ID" in err and "psm, sludge" in err
    assert main(["codebook", "export", path, "--out", str(tmp_path / "x.csv")]) == 2
    assert ".yaml, .xlsx or .qdc" in capsys.readouterr().err


def test_malformed_file_exits_2_naming_file_and_line(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    bad = tmp_path / "forkert æøå.yaml"
    bad.write_text('codebook: "X"\nid: x\ncodes:\n  - name: A\n    colour: "#ffffff"\n',
                   encoding="utf-8")
    assert main(["codebook", "load", path, str(SHIPPED / "psm.yaml"), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert str(bad) in err and "line 5: codes[0].colour: unknown key" in err
    with Project.open(path) as project, project.session() as s:
        assert s.scalar(sa.select(sa.func.count(Codebook.id))) == 0  # psm not loaded either


def test_round_show_and_set(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    assert main(["round", path]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert main(["round", path, "2"]) == 0
    assert "Coding round 1 -> 2" in capsys.readouterr().out
    assert main(["round", path]) == 0
    assert capsys.readouterr().out.strip() == "2"
    assert main(["round", path, "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
