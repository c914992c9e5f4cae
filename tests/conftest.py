"""Shared fixtures: real project files in a temp dir, a small transcript and codebook."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the same examples every time, so a red run means the change broke something, not
# that Hypothesis happened on an old bug; it keeps no example database between runs. Local
# runs stay random and remember their failures in .hypothesis/ (not in the repository):
# that is how new bugs are found. `--hypothesis-profile ci` repeats a CI run locally.
settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from qcoder.core.codebooks.loading import load_codebook  # noqa: E402
from qcoder.core.documents.adding import add_document  # noqa: E402
from qcoder.core.documents.importers import read_transcript  # noqa: E402
from qcoder.core.store import Project  # noqa: E402

DATA = Path(__file__).parent / "data"

INTERVIEW = """Fiktivt test-interview.

Interviewer: Hvorfor stoppede du som borgmester?

Jens: Jeg kunne ikke længere gennemføre det, jeg var valgt på. Økonomien bandt os.

Interviewer: Og chikanen?

Jens: Der kom trusler på de sociale medier, og min familie blev påvirket. Det var hårdt.
"""

CODEBOOK = """codebook: "Test æøå"
id: test
version: 1
hypotheses:
  - id: H1
    label: "Tab af indflydelse"
    statement: "Borgmestre går, når de mister indflydelse."
    kind: exit
    display_columns: ["Mulighed", "Argument", "Konsekvens"]
codes:
  - name: Policy-seeking
    color: "#1f77b4"
    definition: "Ønsket om at gennemføre politik."
    hypotheses: [{id: H1, direction: supports}]
    children:
      - name: Økonomiske barrierer
        color: "#aec7e8"
  - name: Chikane
    color: "#d62728"
  - name: Øvrige
    color: "#7f7f7f"
"""


def dump_project(path, *, without_meta: bool = False) -> list[str]:
    """The project file as SQL statements, to check that a failed operation changed nothing.
    `without_meta` leaves out the key/value metadata (which records e.g. the current coder)."""
    con = sqlite3.connect(path)
    try:
        return [line for line in con.iterdump()
                if not (without_meta and "INSERT INTO meta" in line)]
    finally:
        con.close()


@pytest.fixture
def project_path(tmp_path) -> Path:
    return tmp_path / "projekt æøå.qcoder"


@pytest.fixture
def project(project_path):
    """A project with one interview (`interview`) and the test codebook, open for the test."""
    p = Project.create(project_path, title="Test")
    src = project_path.parent / "interview.txt"
    src.write_text(INTERVIEW, encoding="utf-8")
    cb = project_path.parent / "codebook.yaml"
    cb.write_text(CODEBOOK, encoding="utf-8")
    load_codebook(p, cb)
    add_document(p, read_transcript(src), kind="mayor_interview")
    yield p
    p.close()
