"""`qcoder --help` and `qcoder info --json` load no heavy library, so a script running many
commands does not wait for pandas, scipy or spaCy each time. The commands run in a fresh
process with `-X importtime`, which lists every module the process imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Libraries neither command needs (each costs 0.1 s or more to import).
HEAVY = {"pandas", "scipy", "numpy", "spacy", "openpyxl", "docx", "lxml", "pyreadstat", "pypdf",
         "odf", "striprtf", "alembic"}
ROOT = Path(__file__).resolve().parents[2]


def imported_by(*args: str) -> tuple[set[str], str]:
    """The modules a fresh `python -m qcoder ARGS` imported, and what it printed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "qcoder", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    assert "qcoder.cli" in modules  # the listing is real
    return modules, done.stdout


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_help_loads_no_domain_code():
    modules, out = imported_by("--help")
    assert "Example: qcoder" in out
    assert not top_level(modules) & HEAVY
    # of qcoder.core only the errors the CLI catches and the choices it offers
    assert {m for m in modules if m.startswith("qcoder.core")} <= {
        "qcoder.core", "qcoder.core.errors", "qcoder.core.choices"}
    assert not any(m.startswith("qcoder.core.store") for m in modules)


def test_info_json_loads_no_heavy_library(project, project_path):
    project.close()
    modules, out = imported_by("info", str(project_path), "--json")
    info = json.loads(out)
    assert [d["name"] for d in info["documents"]] == ["interview"]  # it did read the project
    assert not top_level(modules) & HEAVY
    assert "qcoder.core.summary" in modules
