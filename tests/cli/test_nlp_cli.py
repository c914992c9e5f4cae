"""`qcoder suggest`, `qcoder pseudonymise` and the pipeline line of `qcoder info`, through the
real entry point on real project files."""

from __future__ import annotations

import json

import pytest

from qcoder.cli import main
from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.language.nlp import pipeline_name
from qcoder.core.privacy.key_file import read_key
from qcoder.core.store import Project

BOOK = """codebook: "Nøgleord"
id: kw
version: 1
codes:
  - name: Chikane
    color: "#d62728"
    keywords: ["chikane", "trussel"]
  - name: Økonomi
    color: "#1f77b4"
    keywords: ["anlægsloft", "budget*"]
"""

TEXT = """Interview med Søren Holm i Læsø Kommune.

Interviewer: Hvad skete der?

Søren Holm: Der kom trusler mod min familie i Bøgelund. Anlægsloftet bandt os.

Interviewer: Hvordan kan man kontakte dig?

Søren Holm: Skriv til soren@example.dk eller ring 40 50 60 70.

Interviewer: Tak for det.
"""


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "sprog æøå.qcoder"
    with Project.create(target) as p:
        (tmp_path / "kb.yaml").write_text(BOOK, encoding="utf-8")
        load_codebook(p, tmp_path / "kb.yaml")
        (tmp_path / "søren.txt").write_text(TEXT, encoding="utf-8")
        add_document(p, read_transcript(tmp_path / "søren.txt"), kind="mayor_interview")
    return target


def test_suggest_json_lists_code_document_span_terms(path, capsys):
    assert main(["suggest", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [{"code", "document", "start", "end", "terms"}] * 2
    assert [(r["code"], r["terms"]) for r in rows] == [
        ("Nøgleord/Chikane", ["trussel"]), ("Nøgleord/Økonomi", ["anlægsloft"])]
    assert TEXT[rows[0]["start"]:rows[0]["end"]] == \
        "Der kom trusler mod min familie i Bøgelund."
    assert rows[1]["document"] == "søren"


def test_suggest_text_and_errors(path, capsys):
    assert main(["suggest", str(path), "--unit", "turn", "--documents", "søren"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("søren\t") and "trussel" in lines[0]
    assert "2 suggestions for 2 codes" in err
    assert main(["suggest", str(path), "--coder", "Ingen"]) == 2
    assert "no coder named 'Ingen'" in capsys.readouterr().err
    assert main(["suggest", str(path), "--codebook", "findes-ikke"]) == 2


def test_info_names_the_pipeline(path, capsys):
    assert main(["info", str(path)]) == 0
    assert f"language pipeline: {pipeline_name()}" in capsys.readouterr().out
    assert main(["info", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nlp_pipeline"] == pipeline_name()


def test_pseudonymise_dry_run_then_apply(path, tmp_path, capsys):
    names = tmp_path / "navne.txt"
    names.write_text("# landsbyer\nBøgelund;sted\n", encoding="utf-8")
    key = tmp_path / "hemmeligt" / "nøgle.csv"
    before = path.read_bytes()
    args = ["pseudonymise", str(path), "søren", "--key", str(key), "--names", str(names)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].split() == ["Entity", "Type", "Occurrences", "Proposed",
                                           "pseudonym", "Found", "by"]
    table = {line.split("  ")[0]: line for line in out.splitlines()[1:]}
    assert set(table) == {"Læsø", "Søren Holm", "Bøgelund", "soren@example.dk", "40 50 60 70"}
    assert "[Borgmester A]" in table["Søren Holm"] and "[Sted 1]" in table["Bøgelund"]
    assert "Dry run: nothing changed" in err and not key.exists()
    assert path.read_bytes() == before

    assert main(args + ["--apply"]) == 0
    assert "the key is in" in capsys.readouterr().err
    assert {o for o, _t, _p in read_key(key)} == set(table)
    blob = path.read_bytes()
    for original in ("Søren", "Holm", "Læsø", "Bøgelund", "soren@example.dk", "40 50 60 70"):
        assert original.encode() not in blob
    assert main(["suggest", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["document"] == "Borgmester A"  # 'søren' was named after him
    assert main(["pseudonymise", str(path), "Borgmester A", "--key", str(key), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # pseudonyms are never found again


def test_pseudonymise_refuses_bad_keys_and_lists(path, tmp_path, capsys):
    assert main(["pseudonymise", str(path), "søren", "--key", str(path)]) == 2
    assert "separate file outside the project" in capsys.readouterr().err
    bad = tmp_path / "forkert.csv"
    bad.write_text("navn,kode\nx,y\n", encoding="utf-8")
    assert main(["pseudonymise", str(path), "søren", "--key", str(bad)]) == 2
    assert "forkert.csv line 1" in capsys.readouterr().err
    names = tmp_path / "navne.txt"
    names.write_text("Bøgelund;by-ish\n", encoding="utf-8")
    assert main(["pseudonymise", str(path), "søren", "--key", str(tmp_path / "k.csv"),
                 "--names", str(names)]) == 2
    err = capsys.readouterr().err
    assert "navne.txt line 1" in err and "unknown entity type 'by-ish'" in err
