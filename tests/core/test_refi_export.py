"""Exporting .qdpx and .qdc: valid against the REFI-QDA schemas, stable GUIDs, and a round trip
project -> qdpx -> new project that keeps everything the standard carries."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

from qcoder.core.coding.memos import set_memo
from qcoder.core.errors import CancelledError, NotFoundError, QcoderError
from qcoder.core.exchange.refi import export_qdc, export_qdpx, import_qdc, import_qdpx
from qcoder.core.store import Project
from tests.core.refi_support import NS, build_rich_project, schema, snapshot


@pytest.fixture
def rich(tmp_path):
    project = build_rich_project(tmp_path / "rig æøå.qcoder")
    yield project
    project.close()


def _qde(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde")


def test_export_validates_and_holds_sources_as_internal_text(rich, tmp_path):
    out = tmp_path / "ud æøå.qdpx"
    summary = export_qdpx(rich, out)
    assert (summary.documents, summary.codings, summary.coders, summary.cases) == (2, 5, 2, 2)
    assert summary.codings_by_coder == {"Anna": 3, "Bo": 2}  # as build_rich_project codes
    qde = _qde(out)
    schema("Project-mrt2019.xsd").validate(qde.decode("utf-8"))
    root = ET.fromstring(qde)
    assert root.tag == f"{{{NS}}}Project" and root.get("origin").startswith("qcoder ")
    before = snapshot(rich)
    with zipfile.ZipFile(out) as zf:
        for src in root.iter(f"{{{NS}}}TextSource"):
            name = src.get("plainTextPath").removeprefix("internal://")
            assert zf.read(f"sources/{name}").decode("utf-8") == before["documents"][src.get("guid")][1]


def test_codings_carry_their_coder_code_and_positions(rich, tmp_path):
    export_qdpx(rich, tmp_path / "ud.qdpx")
    root = ET.fromstring(_qde(tmp_path / "ud.qdpx"))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS}}}User")}
    state = snapshot(rich)
    seen = {}
    for sel in root.iter(f"{{{NS}}}PlainTextSelection"):
        (coding,) = sel.findall(f"{{{NS}}}Coding")
        code = coding.find(f"{{{NS}}}CodeRef").get("targetGUID")
        seen[coding.get("guid")] = (int(sel.get("startPosition")), int(sel.get("endPosition")),
                                    code, users[coding.get("creatingUser")])
    assert seen == {u: (s, e, code, coder) for u, (_d, s, e, code, coder, _m)
                    in state["codings"].items()}


def test_memos_become_notes_with_refs(rich, tmp_path):
    export_qdpx(rich, tmp_path / "ud.qdpx")
    root = ET.fromstring(_qde(tmp_path / "ud.qdpx"))
    notes = {n.get("guid"): n.find(f"{{{NS}}}PlainTextContent").text
             for n in root.iter(f"{{{NS}}}Note")}
    refs = {r.get("targetGUID") for r in root.iter(f"{{{NS}}}NoteRef")}
    links = {(link.get("originGUID"), link.get("targetGUID")) for link in root.iter(f"{{{NS}}}Link")}
    assert "Klar sag" in notes.values() and "Jens gik af i utide." in notes.values()
    case_note = next(g for g, t in notes.items() if t == "Jens gik af i utide.")
    assert case_note not in refs and any(o == case_note for o, _ in links)
    assert set(notes) - {case_note} <= refs  # every other note is referenced where it belongs


def test_exporting_twice_gives_identical_files(rich, tmp_path):
    export_qdpx(rich, tmp_path / "a.qdpx")
    export_qdpx(rich, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    guids = {el.get("guid") for el in ET.fromstring(_qde(tmp_path / "a.qdpx")).iter()
             if el.get("guid")}
    state = snapshot(rich)
    assert set(state["documents"]) | set(state["codes"]) | set(state["codings"]) <= guids


def test_round_trip_keeps_everything_refi_carries(rich, tmp_path):
    before = snapshot(rich)
    export_qdpx(rich, tmp_path / "ud.qdpx")
    summary = import_qdpx(tmp_path / "ud.qdpx", tmp_path / "igen.qcoder")
    assert summary.codings_by_user == {"Anna": 3, "Bo": 2}
    assert all(p.count("verified") == len(p.selections) for p in summary.placements.values())
    with Project.open(tmp_path / "igen.qcoder") as again:
        after = snapshot(again)
        assert after == before
        assert sorted(kind for _n, _t, kind in after["documents"].values()) == [
            "mayor_interview", "vignette_group"]
        export_qdpx(again, tmp_path / "igen.qdpx")
    # and the re-export names everything with the same GUIDs
    first = {el.get("guid") for el in ET.fromstring(_qde(tmp_path / "ud.qdpx")).iter()}
    second = {el.get("guid") for el in ET.fromstring(_qde(tmp_path / "igen.qdpx")).iter()}
    assert first == second


def test_corpus_kind_travels_as_a_variable_of_each_source(rich, tmp_path):
    export_qdpx(rich, tmp_path / "ud.qdpx")
    qde = _qde(tmp_path / "ud.qdpx")
    schema("Project-mrt2019.xsd").validate(qde.decode("utf-8"))
    root = ET.fromstring(qde)
    variables = {v.get("name"): v for v in root.iter(f"{{{NS}}}Variable")}
    kind_var = variables["Document kind (qcoder)"]
    assert kind_var.get("typeOfVariable") == "Text"
    assert "mayor_interview" in kind_var.find(f"{{{NS}}}Description").text
    kinds = {}
    for src in root.iter(f"{{{NS}}}TextSource"):
        (value,) = src.findall(f"{{{NS}}}VariableValue")
        assert value.find(f"{{{NS}}}VariableRef").get("targetGUID") == kind_var.get("guid")
        kinds[src.get("name")] = value.find(f"{{{NS}}}TextValue").text
    assert kinds == {"interview": "mayor_interview", "ærø emoji": "vignette_group"}
    # the case attributes are still exactly the project's, not joined by the kind
    attributes = {name for name, _type, _cats in snapshot(rich)["attributes"].values()}
    assert set(variables) == attributes | {"Document kind (qcoder)"}


def test_qdc_export_validates_and_loads_into_another_project(rich, tmp_path):
    out = export_qdc(rich, tmp_path / "alle.qdc")
    schema("Codebook-mrt2019.xsd").validate(str(out))
    one = export_qdc(rich, tmp_path / "en.qdc", codebook="forvaltning")
    root = ET.fromstring(one.read_bytes())
    assert [c.get("name") for c in root.iter() if c.get("isCodable") == "false"] == ["Forvaltning"]
    before = snapshot(rich)
    with Project.create(tmp_path / "ny.qcoder") as fresh:
        report = import_qdc(fresh, out)
        assert report.added == len(before["codes"])
        after = snapshot(fresh)
    assert after["codes"] == before["codes"] and after["codebooks"] == before["codebooks"]
    with pytest.raises(NotFoundError, match="findes-ikke"):
        export_qdc(rich, tmp_path / "x.qdc", codebook="findes-ikke")
    with Project.create(tmp_path / "tom.qcoder") as empty, pytest.raises(QcoderError, match="no codebooks"):
        export_qdc(empty, tmp_path / "tom.qdc")
    assert not (tmp_path / "tom.qdc").exists()


def test_empty_project_cancel_and_characters_xml_cannot_carry(rich, tmp_path):
    with Project.create(tmp_path / "tom.qcoder") as empty:
        export_qdpx(empty, tmp_path / "tom.qdpx")
    schema("Project-mrt2019.xsd").validate(_qde(tmp_path / "tom.qdpx").decode("utf-8"))
    assert import_qdpx(tmp_path / "tom.qdpx", tmp_path / "tom2.qcoder").documents == 0

    def cancel(done, total, what):
        raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        export_qdpx(rich, tmp_path / "afbrudt.qdpx", report=cancel)
    assert not list(tmp_path.glob("*afbrudt*"))

    set_memo(rich, "project", None, "Bip\x07 og\x0b lodret tab")
    export_qdpx(rich, tmp_path / "ud.qdpx")
    qde = _qde(tmp_path / "ud.qdpx").decode("utf-8")
    schema("Project-mrt2019.xsd").validate(qde)
    assert "Bip og lodret tab" in qde
