"""`qcoder --help`, `qcoder info --json` and the main window load no heavy library, so a script
running many commands does not wait for pandas, scipy or spaCy each time, nor does a researcher
opening a project. Each runs in a fresh process with `-X importtime`, which lists every module
the process imported."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.bench_startup import GUI

#: Libraries none of these starts needs (each costs 0.1 s or more to import).
HEAVY = {"pandas", "scipy", "numpy", "spacy", "openpyxl", "docx", "lxml", "pyreadstat", "pypdf",
         "odf", "striprtf", "alembic"}
ROOT = Path(__file__).resolve().parents[2]


def imported_by(*args: str, env: dict[str, str] | None = None) -> tuple[set[str], str]:
    """The modules a fresh `python -X importtime ARGS` imported, and what it printed."""
    env = {**os.environ, **(env or {}), "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    assert "qcoder" in modules  # the listing is real
    return modules, done.stdout


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_help_loads_no_domain_code():
    modules, out = imported_by("-m", "qcoder", "--help")
    assert "Example: qcoder" in out
    assert not top_level(modules) & HEAVY
    # of qcoder.core only the errors the CLI catches and the choices it offers
    assert {m for m in modules if m.startswith("qcoder.core")} <= {
        "qcoder.core", "qcoder.core.errors", "qcoder.core.choices"}


def test_info_json_loads_no_heavy_library(project, project_path):
    project.close()
    modules, out = imported_by("-m", "qcoder", "info", str(project_path), "--json")
    info = json.loads(out)
    assert [d["name"] for d in info["documents"]] == ["interview"]  # it did read the project
    assert not top_level(modules) & HEAVY
    assert "qcoder.core.summary" in modules


def test_main_window_opens_a_project_without_heavy_libraries(project, project_path, tmp_path):
    project.close()
    modules, out = imported_by("-c", GUI, str(project_path), env={
        "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "settings")})
    assert out.strip() == "shown"
    assert not top_level(modules) & HEAVY
    # the dialogs behind the menus load when first used
    assert "qcoder.gui.agreement.agreement_dialog" not in modules
    assert "qcoder.gui.displays.displays_window" not in modules


def test_every_menu_function_loaded_on_use_exists():
    from qcoder.gui.shell import menus

    deferred = [f for f in vars(menus).values() if isinstance(f, menus.OnUse)]
    assert len(deferred) >= 10
    for f in deferred:
        assert callable(getattr(importlib.import_module(f.module, "qcoder.gui"), f.name)), f.name
