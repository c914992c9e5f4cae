"""The read API's lists: every row of the project, in the one order the views use."""

from __future__ import annotations

import sqlite3

from qcoder.core import catalog


def test_lists_match_the_project_file(project):
    con = sqlite3.connect(project.path)
    try:
        assert [d.name for d in catalog.documents(project)] == sorted(
            r[0] for r in con.execute("SELECT name FROM documents"))
        assert {c.name for c in catalog.codes(project)} == {
            r[0] for r in con.execute("SELECT name FROM codes")}
        assert [c.name for c in catalog.coders(project)] == sorted(
            r[0] for r in con.execute("SELECT name FROM coders"))
    finally:
        con.close()


def test_codes_come_parent_before_child_and_hypotheses_as_declared(project):
    codes = catalog.codes(project)
    seen: set[int] = set()
    for code in codes:
        assert code.parent_id is None or code.parent_id in seen
        seen.add(code.id)
    child = next(c for c in codes if c.name == "Økonomiske barrierer")
    assert child.path == "Test æøå/Policy-seeking/Økonomiske barrierer"
    assert [h.title for h in catalog.hypotheses(project)] == ["H1: Tab af indflydelse"]
