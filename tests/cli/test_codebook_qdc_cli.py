"""`qcoder codebook load/export` dispatch REFI-QDA .qdc files to the REFI package."""

from __future__ import annotations

import json
from pathlib import Path

from qcoder.cli import main

CODEBOOKS = Path(__file__).resolve().parents[2] / "codebooks"


def _names(codes) -> list[str]:
    out = []
    for code in codes:
        out.append(code["name"])
        out.extend(_names(code["children"]))
    return out


def test_qdc_export_then_load_into_another_project(tmp_path, capsys):
    first, second = tmp_path / "første.qcoder", tmp_path / "anden.qcoder"
    qdc = tmp_path / "kodebog æøå.qdc"
    assert main(["new", str(first)]) == 0
    assert main(["codebook", "load", str(first), str(CODEBOOKS / "harassment.yaml")]) == 0
    assert main(["codebook", "export", str(first), "--out", str(qdc)]) == 0
    assert qdc.read_bytes().startswith(b"<?xml")
    assert main(["new", str(second)]) == 0
    assert main(["codebook", "load", str(second), str(qdc)]) == 0
    capsys.readouterr()
    listings = []
    for path in (first, second):
        assert main(["codebook", "list", str(path), "--json"]) == 0
        (book,) = json.loads(capsys.readouterr().out)["codebooks"]
        listings.append(_names(book["codes"]))
    assert listings[0] == listings[1] and "Øvrige" in listings[1]


def test_unknown_export_suffix_names_the_choices(tmp_path, capsys):
    path = tmp_path / "p.qcoder"
    main(["new", str(path)])
    assert main(["codebook", "export", str(path), "--out", str(tmp_path / "x.pdf")]) == 2
    assert ".qdc" in capsys.readouterr().err
