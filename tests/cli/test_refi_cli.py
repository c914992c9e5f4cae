"""`qcoder qdpx export|import` through the real entry point."""

from __future__ import annotations

import json
import zipfile

import pytest

from qcoder.cli import main
from tests.core.refi_support import FIXTURES, build_rich_project, write_qdpx


@pytest.fixture
def rich_path(tmp_path):
    path = tmp_path / "rig æøå.qcoder"
    build_rich_project(path).close()
    return path


def test_export_then_import_prints_summaries(rich_path, tmp_path, capsys):
    out = tmp_path / "ud æøå.qdpx"
    assert main(["qdpx", "export", str(rich_path), str(out)]) == 0
    captured = capsys.readouterr()
    assert "2 documents" in captured.out and "5 codings by 2 coders" in captured.out
    assert "Exporting 2/2" in captured.err
    assert "project.qde" in zipfile.ZipFile(out).namelist()

    new = tmp_path / "igen.qcoder"
    assert main(["qdpx", "import", str(out), str(new)]) == 0
    text = capsys.readouterr().out
    assert "2 documents, 7 codes in 2 codebook(s)" in text
    assert "5 codings: Anna 3, Bo 2" in text
    assert "ærø emoji: 2 selections counted in Unicode code points (stated by the file): 2 verified" in text

    assert main(["info", str(new), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["codings"], sorted(info["coders"])) == (5, ["Anna", "Bo"])


def test_import_json_and_user_errors(rich_path, tmp_path, capsys):
    out = tmp_path / "ud.qdpx"
    assert main(["qdpx", "export", str(rich_path), str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["codings"] == 5
    assert main(["qdpx", "import", str(out), str(tmp_path / "ny.qcoder"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["codings_by_user"] == {"Anna": 3, "Bo": 2}
    assert summary["positions"]["interview"]["verified"] == 3

    assert main(["qdpx", "import", str(out), str(tmp_path / "ny.qcoder")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "exists already" in err

    evil = write_qdpx(tmp_path / "ond.qdpx", "<Project/>", {"../../etc/x": b"x"})
    assert main(["qdpx", "import", str(evil), str(tmp_path / "ond.qcoder")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "points outside the archive" in err and "ond.qdpx" in err
    assert not (tmp_path / "ond.qcoder").exists()


@pytest.mark.fixtures
@pytest.mark.skipif(not (FIXTURES / "nvivo12_hu_oltas0517.qdpx").is_file(),
                    reason="../shared/fixtures is not present")
def test_import_real_nvivo_export(tmp_path, capsys):
    assert main(["qdpx", "import", str(FIXTURES / "nvivo12_hu_oltas0517.qdpx"),
                 str(tmp_path / "nvivo.qcoder")]) == 0
    text = capsys.readouterr().out
    assert "303 codings: Gergo 6, floriansipos 297" in text
    assert ("videos_10_selected: 303 selections counted in UTF-16 code units with CRLF as two "
            "(decided by word boundaries): 303 converted") in text
