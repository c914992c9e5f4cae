"""Codebook files: the seven shipped frames, schema errors with file and line, versioned reload."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from qcoder.core.codebooks.loading import load_codebook, load_codebooks
from qcoder.core.codebooks.schema import CodebookFileError, iter_codes, read_codebook_file
from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.errors import InputFileError
from qcoder.core.lookup import code_by_path, code_paths, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Code, Codebook, CodeHypothesis, Hypothesis

SHIPPED = Path(__file__).resolve().parents[2] / "codebooks"
NAMES = ["strom_motivation", "psm", "harassment", "sludge", "political_pressure",
         "vignette_assessment", "socr_leadership"]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# -- the shipped codebooks -------------------------------------------------------------------
def test_seven_shipped_codebooks_exist_and_validate():
    files = sorted(p.stem for p in SHIPPED.glob("*.yaml"))
    assert sorted(NAMES) == files
    for name in NAMES:
        data = read_codebook_file(SHIPPED / f"{name}.yaml")
        assert data["id"] == name
        assert data["language"] == "da"


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_code_is_fully_described(name):
    data = read_codebook_file(SHIPPED / f"{name}.yaml")
    assert "Øvrige" in [c["name"] for c in data["codes"]], "every codebook has an 'Øvrige' code"
    for parts, _pos, spec in iter_codes(data["codes"]):
        where = "/".join(parts)
        for field in ("definition", "include", "exclude", "example", "label_en", "color"):
            assert str(spec.get(field, "")).strip(), f"{name}: {where} lacks {field}"
        assert spec.get("indicators"), f"{name}: {where} lacks indicators"
        if parts[-1] != "Øvrige":
            assert spec.get("keywords"), f"{name}: {where} lacks keywords"


def test_thesis_hypotheses_and_their_displays():
    by_id = {}
    for name in NAMES:
        for hyp in read_codebook_file(SHIPPED / f"{name}.yaml").get("hypotheses") or []:
            by_id[hyp["id"]] = hyp
    assert by_id["H1a"]["parent"] == by_id["H1b"]["parent"] == "H1"
    for ident in ("H1", "H2", "H3", "H4"):
        columns = by_id[ident]["display_columns"]
        assert len(columns) == 3
        assert columns[-1] == "Konsekvens"
    assert [by_id[i]["kind"] for i in ("H1", "H2", "H3", "H4")] == [
        "exit", "exit", "exit", "retention"]
    strom = read_codebook_file(SHIPPED / "strom_motivation.yaml")
    emergent = {parts[-1]: spec for parts, _p, spec in iter_codes(strom["codes"])
                if spec.get("origin") == "inductive"}
    assert emergent["Symbolpolitik"]["round"] == 2


def test_all_seven_load_into_one_project_without_clashes(tmp_path):
    with Project.create(tmp_path / "alle æøå.qcoder") as project:
        reports = load_codebooks(project, [SHIPPED / f"{n}.yaml" for n in NAMES])
        with project.session() as s:
            assert s.scalar(sa.select(sa.func.count(Codebook.id))) == 7
            n_codes = s.scalar(sa.select(sa.func.count(Code.id)))
            idents = list(s.scalars(sa.select(Hypothesis.ident)))
            paths = code_paths(s)
            # every link points at a hypothesis of the same codebook
            cross = s.execute(
                sa.select(sa.func.count()).select_from(CodeHypothesis)
                .join(Code, Code.id == CodeHypothesis.code_id)
                .join(Hypothesis, Hypothesis.id == CodeHypothesis.hypothesis_id)
                .where(Code.codebook_id != Hypothesis.codebook_id)).scalar()
            code = code_by_path(s, "strom_motivation/Policy-seeking/Relation til Christiansborg")
            links = {h for h, in s.execute(
                sa.select(Hypothesis.ident).join(CodeHypothesis)
                .where(CodeHypothesis.code_id == code.id))}
        expected = sum(len(list(iter_codes(read_codebook_file(SHIPPED / f"{n}.yaml")["codes"])))
                       for n in NAMES)
        assert n_codes == expected == sum(r.added for r in reports)
        assert len(idents) == len(set(idents))
        assert {"H1", "H1a", "H1b", "H2", "H3", "H4"} <= set(idents)
        assert len(set(paths.values())) == len(paths)
        assert cross == 0
        assert links == {"H1", "H1b"}


# -- malformed files -------------------------------------------------------------------------
GOOD = """\
codebook: "Lille æøå"
id: lille
version: 1
hypotheses:
  - id: LH1
    label: Test
    kind: exit
codes:
  - name: Økonomi
    color: "#1f77b4"
    hypotheses: [{id: LH1, direction: supports}]
    children:
      - name: Gæld
        color: "#aec7e8"
  - name: Øvrige
"""


@pytest.mark.parametrize("broken, line, field, words", [
    (GOOD.replace('    color: "#1f77b4"', '    color: "blå"'), 10, "codes[0].color", "#rrggbb"),
    (GOOD.replace("        color: \"#aec7e8\"", "        defintion: tekst"), 14,
     "codes[0].children[0].defintion", "did you mean 'definition'"),
    (GOOD.replace("direction: supports", "direction: støtter"), 11,
     "codes[0].hypotheses[0].direction", "supports, contradicts"),
    (GOOD.replace("{id: LH1, direction", "{id: LH9, direction"), 11,
     "codes[0].hypotheses[0].id", "not a hypothesis of this file"),
    (GOOD.replace("  - name: Øvrige", "  - name: Økonomi"), 15, "codes[1].name", "occurs twice"),
    (GOOD.replace("      - name: Gæld", "      - name: Gæld/Lån"), 13,
     "codes[0].children[0].name", "may not contain '/'"),
    (GOOD.replace("version: 1", "version: to"), 3, "version", "whole number"),
    (GOOD.replace("  - name: Øvrige", "  - color: \"#777777\""), 15, "codes[1].name", "missing"),
    (GOOD.replace("    kind: exit", "    kind: exit\n    kind: retention"), 8, "kind", "occurs twice"),
    (GOOD.replace("label: Test", "label: 2021"), 6, "hypotheses[0].label", "double quotes"),
])
def test_malformed_file_names_file_line_and_field(tmp_path, broken, line, field, words):
    path = _write(tmp_path, "ødelagt.yaml", broken)
    with pytest.raises(CodebookFileError) as info:
        read_codebook_file(path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {line}: {field}:" in message
    assert words in message
    assert (line, field) in [(p[0], p[1]) for p in info.value.problems]


def test_yaml_syntax_error_gives_file_and_line(tmp_path):
    path = _write(tmp_path, "syntaks.yaml", GOOD.replace(
        "    color: \"#1f77b4\"", "    definition: Gæld: for meget"))
    with pytest.raises(InputFileError, match=r"syntaks\.yaml: line 10: not valid YAML"):
        read_codebook_file(path)


def test_every_problem_is_listed_and_project_left_unchanged(project, tmp_path):
    good = _write(tmp_path, "god.yaml", GOOD)
    bad = _write(tmp_path, "dårlig.yaml", GOOD.replace("id: lille", "id: anden").replace(
        '"#1f77b4"', '"#12"').replace("version: 1", "version: 0"))
    with project.session() as s:
        before = s.scalar(sa.select(sa.func.count(Code.id)))
    with pytest.raises(CodebookFileError) as info:
        load_codebooks(project, [good, bad])
    assert {p[1] for p in info.value.problems} == {"version", "codes[0].color"}
    with project.session() as s:
        assert s.scalar(sa.select(sa.func.count(Code.id))) == before
        assert s.scalar(sa.select(Codebook).where(Codebook.ident == "lille")) is None


def test_hypothesis_id_clash_across_codebooks_names_the_other(project, tmp_path):
    # the project fixture's codebook 'test' already declares H1
    path = _write(tmp_path, "clash.yaml", GOOD.replace("LH1", "H1"))
    with pytest.raises(CodebookFileError, match=r"line 5: hypotheses\.id: .*'H1'.*codebook 'test'"):
        load_codebook(project, path)


def test_codebook_name_clash_is_refused(project, tmp_path):
    path = _write(tmp_path, "navn.yaml", GOOD.replace('"Lille æøå"', '"Test æøå"'))
    with pytest.raises(CodebookFileError, match="already has a codebook named 'Test æøå'"):
        load_codebook(project, path)


# -- newer versions --------------------------------------------------------------------------
V1 = """\
codebook: "Exit æøå"
id: exit
version: 1
hypotheses:
  - id: EX1
    label: Indflydelse
  - id: EX2
    label: Gevinst
codes:
  - name: Policy
    color: "#1f77b4"
    definition: Gammel definition.
    hypotheses: [{id: EX1, direction: supports}]
    children:
      - name: Økonomi
      - name: Byråd
  - name: Office
    hypotheses: [{id: EX2, direction: supports}]
    children:
      - name: Status
  - name: Tom kode
  - name: Øvrige
"""

V2 = """\
codebook: "Exit æøå"
id: exit
version: 2
hypotheses:
  - id: EX1
    label: Tab af indflydelse
    statement: Ny formulering.
codes:
  - name: Policy
    color: "#ff0000"
    definition: Ny definition.
    hypotheses: [{id: EX1, direction: contradicts}]
    children:
      - name: Byråd
      - name: Økonomi
        definition: Kommunens økonomi.
      - name: Christiansborg
  - name: Øvrige
"""


def _code_at(project, text_part, path, coder="Anna"):
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        code = code_by_path(s, path)
        who = coder_by_name(s, coder, create=True)
    start = doc.text.index(text_part)
    return apply_coding(project, doc, start, start + len(text_part), code, who).value


def test_newer_version_updates_in_place_and_keeps_every_coding(project, tmp_path):
    load_codebook(project, _write(tmp_path, "exit_v1.yaml", V1))
    kept = {
        _code_at(project, "Økonomien bandt os", "exit/Policy/Økonomi"),
        _code_at(project, "trusler", "exit/Office/Status"),
        _code_at(project, "gennemføre", "exit/Policy"),
    }
    with project.session() as s:
        uuids = {c.name: c.uuid for c in s.scalars(sa.select(Code))}
    report = load_codebook(project, _write(tmp_path, "exit_v2.yaml", V2))
    assert (report.previous_version, report.version) == (1, 2)
    assert report.added == 1 and report.updated == 4  # Christiansborg new; Policy, 2 kids, Øvrige
    assert sorted(report.flagged) == ["Office", "Status"]
    assert report.removed == 1  # 'Tom kode' held no codings
    rows = list_codings(project)
    assert {r.uuid for r in rows} >= kept
    assert {r.code for r in rows if r.uuid in kept} == {
        "Exit æøå/Policy/Økonomi", "Exit æøå/Office/Status", "Exit æøå/Policy"}
    with project.session() as s:
        policy = code_by_path(s, "exit/Policy")
        assert (policy.uuid, policy.definition, policy.color) == (
            uuids["Policy"], "Ny definition.", "#ff0000")
        assert [c.name for c in policy.children] == ["Byråd", "Økonomi", "Christiansborg"]
        economy = code_by_path(s, "exit/Policy/Økonomi")
        assert (economy.uuid, economy.definition) == (uuids["Økonomi"], "Kommunens økonomi.")
        office = code_by_path(s, "exit/Office")
        status = code_by_path(s, "exit/Office/Status")
        assert "kept because a code below it holds codings" in office.flagged
        assert "holds 1 coding" in status.flagged and "exit_v2.yaml" in status.flagged
        assert s.scalar(sa.select(Code).where(Code.name == "Tom kode")) is None
        assert [c.name for c in s.scalars(sa.select(Code).where(
            Code.parent_id.is_(None), Code.codebook_id == policy.codebook_id)
            .order_by(Code.position))] == ["Policy", "Øvrige", "Office"]
        hyp = s.scalar(sa.select(Hypothesis).where(Hypothesis.ident == "EX1"))
        assert (hyp.label, hyp.statement) == ("Tab af indflydelse", "Ny formulering.")
        assert s.scalar(sa.select(Hypothesis).where(Hypothesis.ident == "EX2")) is None
        direction = s.scalar(sa.select(CodeHypothesis.direction)
                             .where(CodeHypothesis.code_id == policy.id))
        assert direction == "contradicts"


def test_codes_are_matched_by_uuid_before_path(project, tmp_path):
    load_codebook(project, _write(tmp_path, "exit_v1.yaml", V1))
    coding = _code_at(project, "Økonomien bandt os", "exit/Policy/Økonomi")
    with project.session() as s:
        economy = code_by_path(s, "exit/Policy/Økonomi").uuid
    # v2 renames 'Økonomi' to 'Budget' and moves it to the top level; its uuid says who it is
    renamed = V1.replace("version: 1", "version: 2").replace(
        "      - name: Økonomi\n", "").replace(
        "  - name: Øvrige", f"  - name: Budget\n    uuid: {economy}\n  - name: Øvrige")
    report = load_codebook(project, _write(tmp_path, "exit_v2.yaml", renamed))
    assert report.flagged == [] and report.added == 0 and report.removed == 0
    (row,) = [r for r in list_codings(project) if r.uuid == coding]
    assert row.code == "Exit æøå/Budget"


def test_older_version_is_refused_and_changes_nothing(project, tmp_path):
    load_codebook(project, _write(tmp_path, "exit_v2.yaml", V2))
    with pytest.raises(CodebookFileError, match=r"line 3: version: is 1, older than version 2"):
        load_codebook(project, _write(tmp_path, "exit_v1.yaml", V1))
    with project.session() as s:
        assert s.scalar(sa.select(Codebook.version).where(Codebook.ident == "exit")) == 2
