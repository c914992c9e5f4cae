"""Opening, creating and talking to a project store.

A project is a database reached through an SQLAlchemy engine URL. A path ending in `.qcoder`
means an SQLite file used in WAL mode with foreign keys on and full fsync, held by one process
at a time. Every user operation runs in `project.transaction()`: one committed transaction, so a
crash loses nothing the user saw done. What each transaction changed is read off its statements
(tracking.py) and kept in the project's `journal`, where views catch up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..changes import ChangeJournal
from ..errors import ProjectError, SchemaTooNewError
from . import tracking
from .lock import ProjectLock
from .migrations import SCHEMA_VERSION, migrate
from .models import Base, Meta, utcnow

PROJECT_SUFFIX = ".qcoder"


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def _make_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    tracking.install(engine)
    return engine


def backup_sqlite(path: Path, old_version: int) -> Path:
    """Copy a consistent snapshot (WAL included) beside the project before it is migrated."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-v{old_version}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-v{old_version}-{stamp}-{n}")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


class Project:
    """An open project. Use `Project.create` or `Project.open`; close it (or use `with`)."""

    def __init__(self, engine: sa.Engine, path: Path | None, lock: ProjectLock | None):
        self.engine = engine
        self.path = path
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        #: what each committed transaction changed, by revision
        self.journal = ChangeJournal()

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, target: str | Path, title: str = "") -> Project:
        if _is_url(target):
            project = cls(_make_engine(str(target)), None, None)
        else:
            path = Path(target)
            if path.suffix != PROJECT_SUFFIX:
                raise ProjectError(
                    f"{path}: a project file must end in {PROJECT_SUFFIX}; "
                    f"try {path.with_suffix(PROJECT_SUFFIX)}"
                )
            if path.exists():
                raise ProjectError(f"{path}: a file of that name exists already; choose another name")
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = ProjectLock(path)
            lock.acquire()
            project = cls(_make_engine(f"sqlite:///{path}"), path, lock)
        try:
            Base.metadata.create_all(project.engine)
            with project.transaction() as s:
                now = utcnow().isoformat(timespec="seconds")
                for key, value in {
                    "schema_version": str(SCHEMA_VERSION),
                    "title": title or (project.path.stem if project.path else "qcoder project"),
                    "created": now,
                    "current_round": "1",
                }.items():
                    s.add(Meta(key=key, value=value))
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def open(cls, target: str | Path) -> Project:
        if _is_url(target):
            project = cls(_make_engine(str(target)), None, None)
        else:
            path = Path(target)
            if not path.is_file():
                raise ProjectError(
                    f"{path}: no such project file; create one with `qcoder new {path}`"
                )
            lock = ProjectLock(path)
            lock.acquire()
            project = cls(_make_engine(f"sqlite:///{path}"), path, lock)
        try:
            project._upgrade_if_needed()
        except BaseException:
            project.close()
            raise
        return project

    def _read_version(self) -> int:
        where = self.path or self.engine.url
        try:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table("meta"):
                    raise ProjectError(f"{where}: this is not a qcoder project (no meta table)")
                row = conn.execute(
                    sa.select(Meta.value).where(Meta.key == "schema_version")
                ).scalar_one_or_none()
        except (DatabaseError, OperationalError) as exc:
            raise ProjectError(
                f"{where}: cannot be read as a qcoder project ({exc.orig}); "
                "is it a .qcoder file written by qcoder?"
            ) from None
        if row is None or not row.isdigit():
            raise ProjectError(f"{where}: the project has no valid schema version")
        return int(row)

    def _upgrade_if_needed(self) -> None:
        version = self._read_version()
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"{self.path or self.engine.url}: written by a newer qcoder (schema version "
                f"{version}; this qcoder reads up to {SCHEMA_VERSION}). Update qcoder to open it."
            )
        if version == SCHEMA_VERSION:
            return
        if self.path is not None:
            self.engine.dispose()
            self.backup_path = backup_sqlite(self.path, version)
        with self.engine.begin() as conn:
            migrate(conn, version)
            conn.execute(
                sa.update(Meta)
                .where(Meta.key == "schema_version")
                .values(value=str(SCHEMA_VERSION))
            )

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions ------------------------------------------------------------------------
    def session(self) -> Session:
        """A session for reading; writes belong in `transaction()`."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user operation: commits on success, rolls back everything on any error. Once
        committed, what it changed is `tracking.changes_of(session)` and in the journal."""
        with self._sessions() as session, session.begin(), tracking.tracked(session):
            yield session
            session.flush()
        self.journal.record(tracking.changes_of(session))

    @property
    def revision(self) -> int:
        """Bumped after every committed transaction, so views can tell when to refresh."""
        return self.journal.revision

    # -- metadata ------------------------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        with self.session() as s:
            row = s.get(Meta, key)
            return row.value if row is not None else default

    @property
    def title(self) -> str:
        return self.meta("title")

    @property
    def current_round(self) -> int:
        return int(self.meta("current_round", "1"))

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else str(self.engine.url)
