"""Codebook export: YAML -> project -> YAML loses nothing; xlsx has one row per code, all fields."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from qcoder.core.codebooks.code_ops import add_code, edit_code
from qcoder.core.codebooks.export import (
    CODE_COLUMNS,
    HYPOTHESIS_COLUMNS,
    export_codebook_yaml,
    export_codebooks_xlsx,
)
from qcoder.core.codebooks.loading import load_codebook, load_codebooks
from qcoder.core.codebooks.schema import iter_codes, read_codebook_file
from qcoder.core.errors import NotFoundError
from qcoder.core.lookup import code_paths
from qcoder.core.store import Project
from qcoder.core.store.models import Code, CodeHypothesis, Hypothesis

SHIPPED = Path(__file__).resolve().parents[2] / "codebooks"
NAMES = sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def canonical(data: dict) -> dict:
    """A codebook file's content with every default filled in and UUIDs left out."""

    def code(spec: dict) -> dict:
        return {
            "name": spec["name"], "label_da": spec.get("label_da", spec["name"]),
            "label_en": spec.get("label_en", ""), "color": spec.get("color", "#999999"),
            "origin": spec.get("origin", "deductive"), "round": spec.get("round", 1),
            "flagged": spec.get("flagged", ""),
            **{k: spec.get(k, "") for k in ("definition", "include", "exclude", "example")},
            **{k: list(spec.get(k) or []) for k in ("indicators", "keywords", "survey_items")},
            "hypotheses": [(h["id"], h.get("direction", "supports"))
                           for h in spec.get("hypotheses") or []],
            "children": [code(c) for c in spec.get("children") or []],
        }

    return {
        "codebook": data["codebook"], "id": data["id"], "version": data.get("version", 1),
        "language": data.get("language", "da"), "sources": list(data.get("sources") or []),
        "description": data.get("description", ""),
        "hypotheses": [{"id": h["id"], "parent": h.get("parent"), "label": h.get("label", ""),
                        "statement": h.get("statement", ""), "kind": h.get("kind", "exit"),
                        "display_columns": list(h.get("display_columns") or [])}
                       for h in data.get("hypotheses") or []],
        "codes": [code(c) for c in data["codes"]],
    }


def _body(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#"))


@pytest.fixture
def shipped(tmp_path):
    with Project.create(tmp_path / "alle.qcoder") as project:
        load_codebooks(project, [SHIPPED / f"{n}.yaml" for n in NAMES])
        yield project


@pytest.mark.parametrize("name", NAMES)
def test_yaml_project_yaml_round_trip_is_lossless(shipped, tmp_path, name):
    out = export_codebook_yaml(shipped, name, tmp_path / f"{name} æøå.yaml")
    original = read_codebook_file(SHIPPED / f"{name}.yaml")
    exported = read_codebook_file(out)
    assert canonical(exported) == canonical(original)
    # every exported code and hypothesis carries the project's UUID
    with shipped.session() as s:
        uuids = set(s.scalars(sa.select(Code.uuid))) | set(s.scalars(sa.select(Hypothesis.uuid)))
    assert all(spec["uuid"] in uuids for _p, _i, spec in iter_codes(exported["codes"]))
    assert all(h["uuid"] in uuids for h in exported.get("hypotheses") or [])


def test_project_yaml_project_keeps_identity_and_project_only_fields(shipped, tmp_path):
    # a code added during coding (inductive, round 2) and a flagged code survive the trip
    added = add_code(shipped, "psm", "Mæthed", parent="psm/Exit gennem PSM", origin="inductive",
                     round=2, color="#123abc", definition="Har nået det, man ville.\nLinje to.",
                     keywords=["mæt", "færdig"], hypotheses=[("H4", "contradicts")]).value
    edit_code(shipped, "psm/Øvrige", flagged="Tjek i runde 3")
    first = export_codebook_yaml(shipped, "psm", tmp_path / "første.yaml")
    with Project.create(tmp_path / "igen.qcoder") as again:
        load_codebook(again, first)
        second = export_codebook_yaml(again, "psm", tmp_path / "anden.yaml")
        with again.session() as s:
            code = s.scalar(sa.select(Code).where(Code.uuid == added))
            assert (code.origin, code.round_added, code.color) == ("inductive", 2, "#123abc")
            assert code.definition == "Har nået det, man ville.\nLinje to."
    assert _body(second) == _body(first)
    assert read_codebook_file(second) == read_codebook_file(first)


def test_reloading_the_export_changes_nothing(shipped, tmp_path):
    out = export_codebook_yaml(shipped, "strom_motivation", tmp_path / "strom.yaml")
    with shipped.session() as s:
        before = code_paths(s), list(s.execute(sa.select(Code.uuid, Code.position, Code.parent_id)))
    report = load_codebook(shipped, out)
    assert (report.added, report.removed, report.flagged) == (0, 0, [])
    with shipped.session() as s:
        after = code_paths(s), list(s.execute(sa.select(Code.uuid, Code.position, Code.parent_id)))
    assert after == before


def test_export_of_unknown_codebook_names_the_known_ones(shipped, tmp_path):
    with pytest.raises(NotFoundError, match="known ids: .*'psm'"):
        export_codebook_yaml(shipped, "findes_ikke", tmp_path / "x.yaml")


def test_xlsx_has_one_row_per_code_with_every_field(shipped, tmp_path):
    out = export_codebooks_xlsx(shipped, tmp_path / "kodebøger æøå.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Codes"]
    header = [c.value for c in ws[1]]
    assert header == [name for name, _w in CODE_COLUMNS]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    with shipped.session() as s:
        codes = {c.uuid: c for c in s.scalars(sa.select(Code))}
        paths = code_paths(s)
        links = {}
        for code_id, ident, direction in s.execute(
                sa.select(CodeHypothesis.code_id, Hypothesis.ident, CodeHypothesis.direction)
                .join(Hypothesis)):
            links.setdefault(code_id, set()).add(f"{ident} ({direction})")
        n_hyps = s.scalar(sa.select(sa.func.count(Hypothesis.id)))
        assert len(rows) == len(codes)
        for row in rows:
            code = codes[row["uuid"]]
            assert row["path"] == paths[code.id]
            assert row["name"] == code.name and row["color"] == code.color
            assert row["definition"] == code.definition
            assert (row["include"], row["exclude"], row["example"]) == (
                code.include, code.exclude, code.example)
            assert row["indicators"].split("\n") == code.indicators
            assert (row["keywords"] or "") == "; ".join(code.keywords)
            assert set(filter(None, (row["hypotheses"] or "").split("; "))) == links.get(code.id, set())
            assert row["label_en"] == code.label_en and row["origin"] == code.origin
            assert row["level"] == row["path"].count("/")
    christiansborg = next(r for r in rows if r["name"] == "Relation til Christiansborg")
    assert christiansborg["hypotheses"] == "H1 (supports); H1b (supports)"
    assert ws.cell(2, header.index("color") + 1).fill.start_color.rgb.endswith(
        rows[0]["color"].lstrip("#").upper())
    hyps = wb["Hypotheses"]
    assert [c.value for c in hyps[1]] == [name for name, _w in HYPOTHESIS_COLUMNS]
    assert hyps.max_row - 1 == n_hyps
    h1a = next(r for r in hyps.iter_rows(min_row=2, values_only=True) if r[1] == "H1a")
    assert h1a[2] == "H1" and h1a[6].count(" | ") == 2


def test_xlsx_of_one_codebook(shipped, tmp_path):
    out = export_codebooks_xlsx(shipped, tmp_path / "psm.xlsx", "psm")
    rows = list(openpyxl.load_workbook(out)["Codes"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {"psm"}
    assert len(rows) == len(list(iter_codes(read_codebook_file(SHIPPED / "psm.yaml")["codes"])))
