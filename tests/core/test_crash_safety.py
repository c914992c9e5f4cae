"""A process killed with SIGKILL mid-work loses nothing it reported as committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from qcoder.core.coding.codings import list_codings
from qcoder.core.store import Project

WORKER = textwrap.dedent(
    """
    import sys
    from qcoder.core.coding.codings import apply_coding
    from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
    from qcoder.core.store import Project

    p = Project.open(sys.argv[1])
    with p.transaction() as s:
        doc = document_by_name(s, "interview")
        code = code_by_path(s, "Test æøå/Chikane")
        coder = coder_by_name(s, "Crash", create=True)
        ids = (doc.id, code.id, coder.id, len(doc.text))
    doc_id, code_id, coder_id, length = ids
    i = 0
    while True:
        start = i % (length - 10)
        uuid = apply_coding(p, doc_id, start, start + 5, code_id, coder_id).value
        print(uuid, flush=True)   # reported only after the commit returned
        i += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_loses_no_committed_coding(project, project_path):
    project.close()
    proc = subprocess.Popen([sys.executable, "-c", WORKER, str(project_path)],
                            stdout=subprocess.PIPE, text=True)
    reported = []
    deadline = time.monotonic() + 60
    while len(reported) < 150 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(reported) >= 150, "the worker did not get going"

    con = sqlite3.connect(project_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with Project.open(project_path) as p:
        stored = {row.uuid for row in list_codings(p) if row.coder == "Crash"}
    missing = set(reported) - stored
    assert not missing, f"{len(missing)} reported codings were lost"
