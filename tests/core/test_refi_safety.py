"""Hostile and broken REFI-QDA files fail with a clear InputFileError and leave no project."""

from __future__ import annotations

import struct
import zipfile

import pytest

from qcoder.core.errors import CancelledError, InputFileError, QcoderError
from qcoder.core.exchange.refi import Limits, import_qdc, import_qdpx
from qcoder.core.store import Project
from tests.core.refi_support import write_qdpx

MINIMAL = ('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
           'name="x"><Sources><TextSource guid="d0000000-0000-0000-0000-000000000001" name="a" '
           'plainTextPath="internal://a.txt"/></Sources></Project>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
          '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>')


def _refused(qdpx, tmp_path, match: str, **kwargs) -> None:
    target = tmp_path / "ny.qcoder"
    with pytest.raises(InputFileError, match=match) as info:
        import_qdpx(qdpx, target, **kwargs)
    assert str(qdpx) in str(info.value)
    assert not target.exists() and not list(tmp_path.glob("ny.qcoder*"))


@pytest.mark.parametrize("name", ["../evil.txt", "sources/../../evil.txt", "/etc/evil.txt",
                                  "C:/Windows/evil.txt", "..\\evil.txt"])
def test_entries_climbing_out_or_absolute_are_refused(tmp_path, name):
    qdpx = write_qdpx(tmp_path / "ond.qdpx", MINIMAL, {name: b"boo", "sources/a.txt": b"a"})
    _refused(qdpx, tmp_path, "points outside the archive")


def test_zip_bomb_sizes_are_refused(tmp_path):
    qdpx = write_qdpx(tmp_path / "bombe.qdpx", MINIMAL, {"sources/a.txt": b"\0" * 5_000_000})
    assert qdpx.stat().st_size < 50_000
    _refused(qdpx, tmp_path, "unpacks to", limits=Limits(max_entry_bytes=1_000_000))
    many = write_qdpx(tmp_path / "mange.qdpx", MINIMAL,
                      {f"sources/{i}.txt": b"x" * 600_000 for i in range(4)})
    _refused(many, tmp_path, "in all", limits=Limits(max_total_bytes=2_000_000))
    _refused(many, tmp_path, "holds 5 files", limits=Limits(max_entries=3))


def test_a_lying_size_header_does_not_get_past(tmp_path):
    """Declared sizes rewritten to look small: the bytes actually inflated still count."""
    qdpx = write_qdpx(tmp_path / "løgn.qdpx", MINIMAL, {"sources/a.txt": b"\0" * 3_000_000})
    data = bytearray(qdpx.read_bytes())
    # local header: size at 22, name at 30; central directory: size at 24, name at 46
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at:at + name_at + 13] == b"sources/a.txt":
                data[at + size_at:at + size_at + 4] = struct.pack("<I", 100)
            at = data.find(signature, at + 4)
    qdpx.write_bytes(bytes(data))
    with zipfile.ZipFile(qdpx) as zf:
        assert zf.getinfo("sources/a.txt").file_size == 100
    with pytest.raises(InputFileError, match="a.txt"):
        import_qdpx(qdpx, tmp_path / "ny.qcoder", limits=Limits(max_entry_bytes=1_000_000))
    assert not (tmp_path / "ny.qcoder").exists()


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_entities_and_dtds_are_refused(tmp_path, xml):
    _refused(write_qdpx(tmp_path / "x.qdpx", xml), tmp_path, "DTD or entities")
    qdc = tmp_path / "x.qdc"
    qdc.write_text(xml.replace("Project", "CodeBook").replace("project", "codebook"))
    with Project.create(tmp_path / "p.qcoder") as project:
        with pytest.raises(InputFileError, match="DTD or entities"):
            import_qdc(project, qdc)


def test_files_that_are_not_qdpx(tmp_path):
    text = tmp_path / "noter.qdpx"
    text.write_text("Dette er bare tekst", encoding="utf-8")
    _refused(text, tmp_path, "is not a REFI-QDA project .*this file is not one")
    _refused(write_qdpx(tmp_path / "uden.qdpx", "x", qde_name="readme.txt"), tmp_path,
             "holds no .qde project file")
    _refused(write_qdpx(tmp_path / "brudt.qdpx", MINIMAL[:120]), tmp_path,
             r"line 1, column \d+: not well-formed XML")
    _refused(write_qdpx(tmp_path / "kodebog.qdpx", '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'),
             tmp_path, "not a REFI-QDA project file")
    _refused(write_qdpx(tmp_path / "fremmed.qdpx", '<Project xmlns="urn:other" name="x"/>'),
             tmp_path, "not a REFI-QDA project file")
    with pytest.raises(InputFileError, match="no such file"):
        import_qdpx(tmp_path / "findes-ikke.qdpx", tmp_path / "ny.qcoder")


def test_existing_target_and_cancel_leave_things_as_they_were(tmp_path):
    qdpx = write_qdpx(tmp_path / "ok.qdpx", MINIMAL, {"sources/a.txt": b"Anne: hej\n"})
    Project.create(tmp_path / "findes.qcoder").close()
    before = (tmp_path / "findes.qcoder").read_bytes()
    with pytest.raises(QcoderError, match="exists already"):
        import_qdpx(qdpx, tmp_path / "findes.qcoder")
    assert (tmp_path / "findes.qcoder").read_bytes() == before

    def cancel(done, total, what):
        raise CancelledError("cancelled by the user")

    with pytest.raises(CancelledError):
        import_qdpx(qdpx, tmp_path / "ny.qcoder", report=cancel)
    assert not list(tmp_path.glob("ny.qcoder*"))
    summary = import_qdpx(qdpx, tmp_path / "ny.qcoder")
    assert summary.documents == 1
