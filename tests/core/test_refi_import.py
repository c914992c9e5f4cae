"""Importing .qdpx files as other tools write them: each known divergence, hand-written here,
and (opt-in) the real NVivo 12 export in ../shared/fixtures."""

from __future__ import annotations

import codecs
import zipfile
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

import pytest
import sqlalchemy as sa

from qcoder.core.documents.transcript import normalise_text
from qcoder.core.exchange.refi import import_qdpx
from qcoder.core.store import Project
from qcoder.core.store.models import (
    Attribute,
    Case,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    StructureRange,
)
from tests.core.refi_support import EMOJI_TEXT, FIXTURES, utf16_units, write_qdpx

USERS = """<Users><User guid="11111111-1111-1111-1111-111111111111" name="Karen"/>
<User guid="{22222222-2222-2222-2222-222222222222}" name="Søren"/></Users>"""
CODES = """<CodeBook><Codes>
 <Code guid="a0000000-0000-0000-0000-000000000001" name="Pres" isCodable="false" color="#C00">
  <Description>Pres på ansatte</Description>
  <Code guid="a0000000-0000-0000-0000-000000000002" name="Åbent/skjult" isCodable="true"/>
 </Code>
 <Code guid="A0000000-0000-0000-0000-000000000003" name="Ros" isCodable="true" color="#2ca02c"/>
</Codes></CodeBook>"""
KAREN, SOREN = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
PRES_CHILD, ROS = "a0000000-0000-0000-0000-000000000002", "a0000000-0000-0000-0000-000000000003"


def _selection(guid: int, start: int, end: int, code: str, user: str, name: str = "",
               inner: str = "") -> str:
    return (f'<PlainTextSelection guid="b0000000-0000-0000-0000-{guid:012d}" name={quoteattr(name)} '
            f'startPosition="{start}" endPosition="{end}" creatingUser="{user}">{inner}'
            f'<Coding guid="c0000000-0000-0000-0000-{guid:012d}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>')


def _project(origin: str, sources: str, extra: str = "", description: str = "") -> str:
    desc = f"<Description>{escape(description)}</Description>" if description else ""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '
            f'name="Studie" origin="{origin}">{USERS}{CODES}{extra}<Sources>{sources}</Sources>'
            f'{desc}</Project>')


def _open(path):
    return Project.open(path)


def _codings(project) -> list[tuple[str, str, str]]:
    with project.session() as s:
        rows = s.execute(sa.select(Document.text, Coding.start, Coding.end, Coder.name, Code.name)
                         .join(Document).join(Coder).join(Code).order_by(Coding.start)).all()
    return [(text[a:b], coder, code) for text, a, b, coder, code in rows]


# -- position units -------------------------------------------------------------------------
def test_nvivo_style_utf16_with_crlf_and_bom_in_an_oddly_named_qde(tmp_path):
    """NVivo: UTF-16 units over the BOM-less text with CRLF as two; a source folder 'Sources';
    here also a .qde not called project.qde and no origin to lean on."""
    text = EMOJI_TEXT
    sels = "".join(_selection(i, utf16_units(text, text.index(w)),
                              utf16_units(text, text.index(w) + len(w)), code, user)
                   for i, (w, code, user) in enumerate([
                       ("ros fra borgerne på Ærø", ROS, KAREN), ("bagefter", PRES_CHILD, SOREN),
                       ("kritikken 👍🏽 i avisen", PRES_CHILD, KAREN), ("ondt", PRES_CHILD, SOREN)]))
    source = (f'<TextSource guid="d0000000-0000-0000-0000-000000000001" name="Borgmester 1" '
              f'plainTextPath="internal://d1.txt">{sels}</TextSource>')
    qdpx = write_qdpx(tmp_path / "nvivo.qdpx", _project("Some Tool 3", source),
                      {"Sources/d1.txt": codecs.BOM_UTF8 + text.encode("utf-8")},
                      qde_name="Studie 2024.qde")
    summary = import_qdpx(qdpx, tmp_path / "ny.qcoder")
    placement = summary.placements["Borgmester 1"]
    assert placement.unit.key == "utf16-crlf" and placement.count("converted") == 4
    with _open(tmp_path / "ny.qcoder") as p:
        assert _codings(p) == [("ros fra borgerne på Ærø", "Karen", "Ros"),
                               ("bagefter", "Søren", "Åbent-skjult"),
                               ("kritikken 👍🏽 i avisen", "Karen", "Åbent-skjult"),
                               ("ondt", "Søren", "Åbent-skjult")]
        with p.session() as s:
            doc = s.scalar(sa.select(Document))
            assert doc.text == normalise_text(text) and doc.uuid == "d0000000-0000-0000-0000-000000000001"
            turns = s.scalars(sa.select(StructureRange.label).where(StructureRange.kind == "turn"))
            assert "Borgmester" in set(turns)  # speaker turns found as in a txt import


def test_maxqda_style_code_points_with_crlf_verified_by_selection_texts(tmp_path):
    text = "Interviewer: Hvad skete der?\r\nMette: Presset  kom ovenfra.\r\nMette: Jeg sagde op.\r\n"
    sels = "".join(_selection(i, text.index(w), text.index(w) + len(w), ROS, KAREN, name=w)
                   for i, w in enumerate(["Presset  kom ovenfra.", "Jeg sagde op."]))
    source = (f'<TextSource guid="d0000000-0000-0000-0000-000000000002" name="Mette" '
              f'plainTextPath="internal://mette.txt">{sels}</TextSource>')
    qdpx = write_qdpx(tmp_path / "maxqda.qdpx", _project("MAXQDA 2022", source),
                      {"sources/mette.txt": text.encode("utf-8")})
    summary = import_qdpx(qdpx, tmp_path / "ny.qcoder")
    placement = summary.placements["Mette"]
    assert placement.unit.key == "codepoints-crlf"
    assert placement.decided_by == "decided by the selections' own texts"
    assert placement.count("verified") == 2
    with _open(tmp_path / "ny.qcoder") as p:
        assert [t for t, _, _ in _codings(p)] == ["Presset  kom ovenfra.", "Jeg sagde op."]


def test_unplaceable_selections_are_reported_not_guessed(tmp_path):
    text = "Kort tekst om pres.\n"
    sels = (_selection(1, 14, 18, ROS, KAREN, name="pres")
            + _selection(2, 400, 410, ROS, KAREN)
            + _selection(3, 0, 4, ROS, KAREN, name="dette står der ikke"))
    source = (f'<TextSource guid="d0000000-0000-0000-0000-000000000003" name="Kort" '
              f'plainTextPath="internal://k.txt">{sels}</TextSource>')
    qdpx = write_qdpx(tmp_path / "k.qdpx", _project("ATLAS.ti 23", source),
                      {"sources/k.txt": text.encode("utf-8")})
    summary = import_qdpx(qdpx, tmp_path / "ny.qcoder")
    assert summary.placements["Kort"].count("unplaced") == 2
    assert summary.skipped["codings on selections that could not be placed"] == 2
    report = "\n".join(summary.lines())
    assert "do not fit the text" in report and "nor anywhere else" in report
    with _open(tmp_path / "ny.qcoder") as p:
        assert _codings(p) == [("pres", "Karen", "Ros")]


# -- other divergences ----------------------------------------------------------------------
def test_memos_written_as_descriptions_and_notes(tmp_path):
    text = "Jens: Jeg gik af.\n"
    note = ('<Notes><Note guid="e0000000-0000-0000-0000-000000000001" name="Kildens note" '
            f'creatingUser="{SOREN}"><PlainTextContent>Optaget på rådhuset.</PlainTextContent>'
            '</Note><Note guid="e0000000-0000-0000-0000-000000000002" name="Løs note">'
            '<PlainTextContent>Hører ingen steder til.</PlainTextContent></Note></Notes>')
    cases = ('<Cases><Case guid="f0000000-0000-0000-0000-000000000001" name="Jens">'
             '<Description>Gik af i 2022.</Description>'
             '<SourceRef targetGUID="d0000000-0000-0000-0000-000000000004"/></Case></Cases>')
    sel = _selection(1, 6, 17, ROS, KAREN, inner="<Description>Vigtigt citat</Description>")
    source = (f'<TextSource guid="d0000000-0000-0000-0000-000000000004" name="Jens">'
              f'<Description>Interview nr. 1</Description><PlainTextContent>{escape(text)}'
              f'</PlainTextContent>{sel}<NoteRef targetGUID="e0000000-0000-0000-0000-000000000001"/>'
              '</TextSource>')
    qde = _project("QualCoder 3.5", source, extra=cases, description="Et projekt om afgang")
    qde = qde.replace("</Sources>", "</Sources>" + note)
    summary = import_qdpx(write_qdpx(tmp_path / "m.qdpx", qde), tmp_path / "ny.qcoder")
    assert "1 notes attached to nothing were kept as project memos" in summary.changes
    with _open(tmp_path / "ny.qcoder") as p, p.session() as s:
        memos = {(m.target_kind, m.title, m.text) for m in s.scalars(sa.select(Memo))}
        doc = s.scalar(sa.select(Document))
        case = s.scalar(sa.select(Case))
        assert memos == {("project", "Project description", "Et projekt om afgang"),
                         ("document", "Description", "Interview nr. 1\n\nKildens note\n"
                                                     "Optaget på rådhuset."),
                         ("case", "Description", "Gik af i 2022."),
                         ("project", "Løs note", "Hører ingen steder til.")}
        assert s.scalar(sa.select(Coding.memo)) == "Vigtigt citat"
        assert [d.name for d in case.documents] == [doc.name] and doc.text == text


def test_relative_sources_categories_users_and_what_is_skipped(tmp_path):
    (tmp_path / "tekster").mkdir()
    (tmp_path / "tekster" / "a.txt").write_text("Anne: Ja tak.\n", encoding="utf-8")
    sources = ('<TextSource guid="d0000000-0000-0000-0000-000000000005" name="A" '
               'plainTextPath="relative://tekster/a.txt">'
               + _selection(1, 6, 8, ROS, "99999999-9999-9999-9999-999999999999")
               + _selection(2, 0, 4, "a0000000-0000-0000-0000-000000000001", KAREN)
               + '<Coding guid="c1000000-0000-0000-0000-000000000000" creatingUser="' + SOREN
               + f'"><CodeRef targetGUID="{ROS}"/></Coding></TextSource>'
               '<TextSource guid="d0000000-0000-0000-0000-000000000006" name="Udenfor" '
               'plainTextPath="relative://../hemmelig.txt"/>'
               '<PictureSource guid="d0000000-0000-0000-0000-000000000007" name="Foto"/>')
    sets = ('<Sets><Set guid="90000000-0000-0000-0000-000000000001" name="Gruppe">'
            f'<MemberCode targetGUID="{ROS}"/></Set></Sets>')
    qde = _project("ATLAS.ti 23", sources).replace("</Sources>", "</Sources>" + sets)
    (tmp_path / "hemmelig.txt").write_text("må ikke læses", encoding="utf-8")
    summary = import_qdpx(write_qdpx(tmp_path / "r.qdpx", qde), tmp_path / "ny.qcoder")
    assert summary.codings_by_user == {"unknown user 99999999": 1, "Karen": 1, "Søren": 1}
    assert summary.skipped["sets (qcoder has no sets)"] == 1
    assert summary.skipped["PictureSources (qcoder codes text only)"] == 1
    assert any("outside the folder" in what for what in summary.skipped)
    assert any("categories" in c for c in summary.changes)
    with _open(tmp_path / "ny.qcoder") as p:
        codings = _codings(p)
        assert ("Anne: Ja tak.\n", "Søren", "Ros") in codings  # a coding of the whole source
        assert ("Anne", "Karen", "Pres") in codings           # a category is an ordinary code
        assert ("Ja", "unknown user 99999999", "Ros") in codings
        with p.session() as s:
            assert {c.uuid for c in s.scalars(sa.select(Coder))} >= {KAREN, SOREN}
            assert s.scalar(sa.select(Code.color).where(Code.name == "Pres")) == "#CC0000"
            assert list(s.scalars(sa.select(Document.name))) == ["A"]


def test_document_kinds_from_a_file_another_tool_has_rewritten(tmp_path):
    """A tool that kept qcoder's variable by name but gave it a GUID of its own, and has a
    document variable of its own that qcoder has no place for."""
    kind, age = "{E0000000-0000-0000-0000-00000000000A}", "e0000000-0000-0000-0000-00000000000b"
    variables = (f'<Variables><Variable guid="{kind}" name="Document kind (qcoder)" '
                 'typeOfVariable="Text"/>'
                 f'<Variable guid="{age}" name="Alder" typeOfVariable="Integer"/></Variables>')

    def source(n: int, name: str, value: str, extra: str = "") -> str:
        return (f'<TextSource guid="d0000000-0000-0000-0000-00000000010{n}" name="{name}">'
                f'<PlainTextContent>Mette: Tekst {n}.</PlainTextContent>'
                f'<VariableValue><VariableRef targetGUID="{kind}"/>'
                f'<TextValue>{value}</TextValue></VariableValue>{extra}</TextSource>')

    sources = (source(1, "Vignet Ærø", "vignette_group",
                      f'<VariableValue><VariableRef targetGUID="{age}"/>'
                      '<IntegerValue>54</IntegerValue></VariableValue>')
               + source(2, "Andet", "Interview")
               + '<TextSource guid="d0000000-0000-0000-0000-000000000103" name="Uden">'
                 '<PlainTextContent>Mette: Ingen.</PlainTextContent></TextSource>')
    summary = import_qdpx(write_qdpx(tmp_path / "k.qdpx", _project("MAXQDA 2022", sources,
                                                                  variables)),
                          tmp_path / "k.qcoder")
    assert summary.skipped["values of variables on sources (qcoder keeps variables on cases)"] == 1
    assert any("'Interview'" in c and "imported as 'other'" in c for c in summary.changes)
    assert summary.attributes == 1   # Alder; the kind is no case attribute
    with _open(tmp_path / "k.qcoder") as p, p.session() as s:
        kinds = dict(s.execute(sa.select(Document.name, Document.kind)).all())
        assert kinds == {"Vignet Ærø": "vignette_group", "Andet": "other", "Uden": "other"}
        assert list(s.scalars(sa.select(Attribute.name))) == ["Alder"]


# -- the real NVivo export (opt-in) -------------------------------------------------------------
NVIVO = FIXTURES / "nvivo12_hu_oltas0517.qdpx"


@pytest.mark.fixtures
@pytest.mark.skipif(not NVIVO.is_file(), reason="../shared/fixtures is not present")
def test_real_nvivo_export_places_every_selection_on_its_text(tmp_path):
    summary = import_qdpx(NVIVO, tmp_path / "nvivo.qcoder")
    placement = summary.placements["videos_10_selected"]
    assert placement.unit.key == "utf16-crlf" and placement.count("unplaced") == 0
    assert sum(summary.codings_by_user.values()) == 303
    assert set(summary.codings_by_user) == {"Gergo", "floriansipos"}
    # the oracle: slice the source file as NVivo counts (UTF-16 units, BOM-less, CRLF as two)
    ns = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(NVIVO) as zf:
        root = ET.fromstring(zf.read("project.qde"))
        source = next(s for s in root.iter(f"{ns}TextSource") if s.get("name") == "videos_10_selected")
        raw = zf.read("Sources/" + source.get("plainTextPath").removeprefix("internal://"))
    units = raw.decode("utf-8-sig").encode("utf-16-le")
    expected = {}
    for sel in source.iter(f"{ns}PlainTextSelection"):
        a, b = int(sel.get("startPosition")), int(sel.get("endPosition"))
        coded = normalise_text(units[2 * a:2 * b].decode("utf-16-le"))
        expected[sel.find(f"{ns}Coding").get("guid")] = coded
    with _open(tmp_path / "nvivo.qcoder") as p, p.session() as s:
        text = s.scalar(sa.select(Document.text).where(Document.name == "videos_10_selected"))
        got = {c.uuid: text[c.start:c.end] for c in s.scalars(sa.select(Coding))}
    assert got.keys() == expected.keys()
    assert all(got[k].rstrip() == expected[k].rstrip() for k in got)
    assert any("👍" in t for t in got.values())  # emoji inside coded text survive
