"""Everything under qcoder/data reaches the wheel. setuptools itself, reading pyproject.toml, is
asked which package data a build would copy - the list `pip wheel .` ships - without building
one, so a file that the declaration misses fails here in a second instead of at a user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from setuptools.config.pyprojecttoml import apply_configuration
from setuptools.dist import Distribution

ROOT = Path(__file__).parents[2]


def shipped_data(root: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The files under qcoder/data (relative to it) that a wheel built from `root` would hold."""
    monkeypatch.chdir(root)  # pyproject.toml's paths are relative to the project
    dist = Distribution()
    apply_configuration(dist, "pyproject.toml")
    build_py = dist.get_command_obj("build_py")
    build_py.ensure_finalized()
    data = (root / "qcoder" / "data").resolve()
    return {(root / src / name).resolve().relative_to(data).as_posix()
            for _package, src, _build, names in build_py.get_data_files_without_manifest()
            for name in names if data in (root / src / name).resolve().parents}


def data_files_under(folder: Path) -> set[str]:
    """Every file but modules (shipped as modules) and bytecode."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}


def test_every_file_under_qcoder_data_is_package_data(monkeypatch):
    shipped = shipped_data(ROOT, monkeypatch)
    assert data_files_under(ROOT / "qcoder" / "data") - shipped == set()
    for needed in ("demo/manifest.yaml", "demo/transcripts/borgmester_hanne.docx",
                   "demo/transcripts/borgmester_søren.txt", "codebooks/psm.yaml",
                   "gazetteers/fornavne.txt", "i18n/qcoder_da.qm"):
        assert needed in shipped


def test_a_new_folder_is_shipped_without_a_change_and_bytecode_never(tmp_path, monkeypatch):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "README.md", tmp_path)  # pyproject's readme
    shutil.copytree(ROOT / "qcoder", tmp_path / "qcoder",
                    ignore=shutil.ignore_patterns("__pycache__"))
    data = tmp_path / "qcoder" / "data"
    deep = data / "models" / "da" / "2024" / "v1"
    deep.mkdir(parents=True)
    (deep / "lexicon.bin").write_bytes(b"\x00\x01")
    (data / "__pycache__").mkdir()
    (data / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"")
    (data / "demo" / "stray.pyc").write_bytes(b"")

    shipped = shipped_data(tmp_path, monkeypatch)

    assert "models/da/2024/v1/lexicon.bin" in shipped
    assert not [name for name in shipped if name.endswith(".pyc")]
