"""`qcoder demo` with no path builds the demo in the user's data folder: never inside the
installed package (read-only for most users) and never in whatever folder the user stands in."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import qcoder
from qcoder.cli import main


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_the_default_demo_is_built_in_the_users_data_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)

    assert main(["demo"]) == 0

    built = tmp_path / "share" / "qcoder" / "demo.qcoder"
    assert capsys.readouterr().out == f"Built the demo project at {built}\n"
    assert built.stat().st_size > 0
    assert list(here.iterdir()) == []
    assert not list(Path(qcoder.__file__).parent.rglob("*.qcoder"))
