"""Loading REFI-QDA codebooks (.qdc): real ATLAS.ti files (opt-in), hand-written ones, updates
by GUID that keep codings, and undo/redo of a load."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.errors import InputFileError
from qcoder.core.exchange.refi import export_qdc, import_qdc
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.store.models import Code, Codebook
from tests.core.refi_support import FIXTURES, snapshot

QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
 <Codes>
  <Code guid="{A1000000-0000-0000-0000-000000000001}" name="Tillid" isCodable="false" color="#A0B">
   <Description>Tillid mellem politikere og ansatte</Description>
   <Code guid="a1000000-0000-0000-0000-000000000002" name="Høj tillid" isCodable="true"/>
   <Code guid="a1000000-0000-0000-0000-000000000003" name="Lav tillid" isCodable="true"
         color="#ff0000"/>
  </Code>
  <Code guid="a1000000-0000-0000-0000-000000000004" name="Andet" isCodable="true"/>
 </Codes>
 <Sets><Set guid="b1000000-0000-0000-0000-000000000001" name="Gruppe"/></Sets>
</CodeBook>
"""


def _tree(project, book: str) -> list[tuple[str, str, str]]:
    with project.session() as s:
        b = s.scalar(sa.select(Codebook).where(Codebook.name == book))
        return sorted((c.name, c.parent.name if c.parent else "", c.color)
                      for c in s.scalars(sa.select(Code).where(Code.codebook_id == b.id)))


@pytest.mark.fixtures
@pytest.mark.skipif(not (FIXTURES / "atlasti23_requal_valid.qdc").is_file(),
                    reason="../shared/fixtures is not present")
def test_real_atlas_ti_codebooks(project):
    report = import_qdc(project, FIXTURES / "atlasti23_requal_valid.qdc")
    assert report.codebooks == ["atlasti23_requal_valid"] and report.added == 1
    assert report.skipped == {"sets (code groups; qcoder has none)": 1}
    with project.session() as s:
        code = code_by_path(s, "atlasti23_requal_valid/code1")
        assert (code.color, code.definition, code.uuid) == (
            "#46AA00", "description", "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294")
    before = snapshot(project)
    with pytest.raises(InputFileError, match=r"truncated_invalid.qdc: line 17, column 4"):
        import_qdc(project, FIXTURES / "atlasti23_requal_truncated_invalid.qdc")
    assert snapshot(project) == before


def test_load_update_by_guid_and_undo(project, tmp_path):
    path = tmp_path / "tillid.qdc"
    path.write_text(QDC, encoding="utf-8")
    report = import_qdc(project, path)
    assert (report.codebooks, report.added) == (["tillid"], 4)
    assert _tree(project, "tillid") == [("Andet", "", "#999999"), ("Høj tillid", "Tillid", "#999999"),
                                        ("Lav tillid", "Tillid", "#ff0000"),
                                        ("Tillid", "", "#AA00BB")]
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        anna = coder_by_name(s, "Anna", create=True)
        low = code_by_path(s, "tillid/Tillid/Lav tillid")
        ids = doc.id, anna.id, low.id
    apply_coding(project, ids[0], 0, 10, ids[2], ids[1])
    before_update = snapshot(project)

    # a later version: renamed, recoloured, moved to the top level, one code new
    path.write_text(QDC.replace('name="Lav tillid"', 'name="Mistillid"')
                    .replace("#ff0000", "#00ff00")
                    .replace('<Code guid="a1000000-0000-0000-0000-000000000004" name="Andet" '
                             'isCodable="true"/>',
                             '<Code guid="a1000000-0000-0000-0000-000000000004" name="Andet" '
                             'isCodable="true"><Code guid="a1000000-0000-0000-0000-000000000005" '
                             'name="Nyt" isCodable="true"/></Code>'), encoding="utf-8")
    report = import_qdc(project, path)
    assert (report.codebooks, report.added, report.updated) == (["tillid"], 1, 4)
    assert ("Mistillid", "Tillid", "#00ff00") in _tree(project, "tillid")
    (coding,) = list_codings(project)
    assert coding.code == "tillid/Tillid/Mistillid"  # the coding followed its code

    redo = run(project, report.inverse).inverse     # undo the update
    assert snapshot(project) == before_update
    run(project, redo)
    assert ("Nyt", "Andet", "#999999") in _tree(project, "tillid")


def test_undo_of_a_first_load_removes_the_codebook(project, tmp_path):
    path = tmp_path / "tillid.qdc"
    path.write_text(QDC, encoding="utf-8")
    before = snapshot(project)
    report = import_qdc(project, path)
    redo = run(project, report.inverse).inverse
    assert snapshot(project) == before
    run(project, redo)
    assert len(_tree(project, "tillid")) == 4


def test_own_export_reloads_into_its_codebook(project, tmp_path):
    out = export_qdc(project, tmp_path / "test.qdc")
    with project.transaction() as s:
        code = code_by_path(s, "Test æøå/Chikane")
        code.color = "#123456"
    report = import_qdc(project, out)
    assert report.codebooks == ["Test æøå"] and report.added == 0 and report.updated == 4
    with project.session() as s:
        assert code_by_path(s, "Test æøå/Chikane").color == "#d62728"


def test_a_codebook_round_tripped_through_another_tool_updates_in_place(project, tmp_path):
    """ATLAS.ti keeps qcoder's codebook category and GUIDs but writes its own origin."""
    out = export_qdc(project, tmp_path / "test.qdc")
    xml = out.read_text(encoding="utf-8")
    out.write_text(xml.replace('origin="qcoder ', 'origin="ATLAS.ti 23 via qcoder ')
                   .replace('name="Chikane"', 'name="Chikane og trusler"'), encoding="utf-8")
    before = snapshot(project)
    report = import_qdc(project, out)
    assert (report.codebooks, report.added, report.updated) == (["Test æøå"], 0, 4)
    after = snapshot(project)
    assert len(after["codes"]) == len(before["codes"])
    assert {p for p, *_ in after["codes"].values()} >= {"Test æøå/Chikane og trusler"}


def test_files_that_are_not_codebooks(project, tmp_path):
    before = snapshot(project)
    bad = {"projekt.qdc": '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>',
           "tom.qdc": '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
           "html.qdc": "<html><body>Ikke en kodebog</body></html>"}
    messages = {"projekt.qdc": "qcoder qdpx import", "tom.qdc": "holds no codes",
                "html.qdc": "not a REFI-QDA codebook"}
    for name, xml in bad.items():
        (tmp_path / name).write_text(xml, encoding="utf-8")
        with pytest.raises(InputFileError, match=messages[name]):
            import_qdc(project, tmp_path / name)
    (tmp_path / "zip.qdc").write_bytes(b"PK\x03\x04rest")
    with pytest.raises(InputFileError, match="zip archive"):
        import_qdc(project, tmp_path / "zip.qdc")
    assert snapshot(project) == before
