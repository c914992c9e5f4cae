"""The project store: create/open, schema versions and migration, locking across processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from qcoder.core.errors import ProjectError, ProjectLockedError, SchemaTooNewError
from qcoder.core.store import SCHEMA_VERSION, Project
from tests.conftest import DATA


def test_create_and_reopen(project_path):
    with Project.create(project_path, title="Borgmestre æøå") as p:
        assert p.title == "Borgmestre æøå"
        assert p.current_round == 1
    with Project.open(project_path) as p:
        assert p.title == "Borgmestre æøå"
        assert p.meta("schema_version") == str(SCHEMA_VERSION)
    con = sqlite3.connect(project_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_create_refuses_existing_and_wrong_suffix(tmp_path, project_path):
    Project.create(project_path).close()
    with pytest.raises(ProjectError, match="exists already"):
        Project.create(project_path)
    with pytest.raises(ProjectError, match=r"must end in \.qcoder"):
        Project.create(tmp_path / "x.db")


def test_open_missing_and_foreign_files(tmp_path):
    with pytest.raises(ProjectError, match="qcoder new"):
        Project.open(tmp_path / "missing.qcoder")
    junk = tmp_path / "junk.qcoder"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ProjectError, match="cannot be read as a qcoder project"):
        Project.open(junk)
    other = tmp_path / "other.qcoder"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    with pytest.raises(ProjectError, match="not a qcoder project"):
        Project.open(other)


def test_newer_schema_is_refused(project_path):
    Project.create(project_path).close()
    con = sqlite3.connect(project_path)
    con.execute("update meta set value = ? where key = 'schema_version'", (str(SCHEMA_VERSION + 5),))
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="newer qcoder"):
        Project.open(project_path)


def _old_project(path):
    """A version-1 project written with the frozen v1 schema, holding one coding."""
    con = sqlite3.connect(path)
    con.executescript((DATA / "schema_v1.sql").read_text(encoding="utf-8"))
    con.executescript(
        """
        insert into meta values ('schema_version', '1'), ('title', 'Gammelt projekt'),
                                ('current_round', '1');
        insert into documents (id, uuid, name, text, content_hash, source_name, import_format,
                               kind, created)
            values (1, 'd1', 'Interview Jens', 'Jeg gik af på grund af økonomien.', 'h', 'a.txt',
                    'txt', 'mayor_interview', '2024-01-01 10:00:00');
        insert into codebooks (id, uuid, ident, name, version, language, description)
            values (1, 'b1', 'cb', 'Kodebog', 1, 'da', '');
        insert into codes (id, uuid, codebook_id, position, name, label_da, label_en, color,
                           definition, include, exclude, example, origin, round_added, flagged)
            values (1, 'c1', 1, 0, 'Økonomi', 'Økonomi', 'Economy', '#ff0000', '', '', '', '',
                    'deductive', 1, '');
        insert into coders (id, uuid, name) values (1, 'k1', 'Anna');
        insert into codings (id, uuid, document_id, start, "end", code_id, coder_id, round,
                             created, memo)
            values (1, 'x1', 1, 23, 32, 1, 1, 1, '2024-01-01 10:00:00', 'vigtig');
        """
    )
    con.commit()
    con.close()


def test_old_project_is_backed_up_and_migrated(tmp_path):
    path = tmp_path / "gammel.qcoder"
    _old_project(path)
    with Project.open(path) as p:
        assert p.backup_path is not None and p.backup_path.exists()
        assert p.backup_path.name.startswith("gammel.qcoder.bak-v1-")
        assert p.meta("schema_version") == str(SCHEMA_VERSION)
        from qcoder.core.coding.codings import list_codings

        (row,) = list_codings(p)
        assert (row.text, row.memo, row.origin, row.coder) == ("økonomien", "vigtig", "manual", "Anna")
    backup = sqlite3.connect(p.backup_path)
    assert backup.execute("select value from meta where key='schema_version'").fetchone() == ("1",)
    assert "origin" not in [r[1] for r in backup.execute("pragma table_info(codings)")]
    backup.close()


def _hold_open_script(path, ready_file):
    return textwrap.dedent(
        f"""
        import sys, time, pathlib
        from qcoder.core.store import Project
        p = Project.open({str(path)!r})
        pathlib.Path({str(ready_file)!r}).write_text("ready")
        time.sleep(60)
        """
    )


def _start_holder(path, tmp_path):
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", _hold_open_script(path, ready)])
    for _ in range(200):
        if ready.exists():
            return proc
        if proc.poll() is not None:
            raise AssertionError("holder process died")
        import time

        time.sleep(0.05)
    proc.kill()
    raise AssertionError("holder process never opened the project")


def test_second_process_is_refused_and_stale_lock_taken_over(tmp_path, project_path):
    Project.create(project_path).close()
    holder = _start_holder(project_path, tmp_path)
    try:
        with pytest.raises(ProjectLockedError) as info:
            Project.open(project_path)
        message = str(info.value)
        assert f"process {holder.pid}" in message and "host" in message and "since" in message
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone (SIGKILL): its lock file remains but is stale and taken over
    assert project_path.with_name(project_path.name + ".lock").exists()
    with Project.open(project_path) as p:
        assert p.title



def _schema(path) -> dict[str, list[tuple]]:
    """Every table's columns as (name, declared type, not null, primary key), by SQLite itself."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
        return {t: sorted((r[1], r[2].upper(), r[3], r[5])
                          for r in con.execute(f"pragma table_info('{t}')")) for t in tables}
    finally:
        con.close()


def test_a_migrated_project_has_the_schema_of_a_new_one(tmp_path):
    """The migration steps and the models describe the same tables, column for column."""
    old = tmp_path / "gammel.qcoder"
    _old_project(old)
    Project.open(old).close()
    new = tmp_path / "ny.qcoder"
    Project.create(new).close()
    assert _schema(old) == _schema(new)
