"""Schema versions and the small, named steps that carry an old project forward.

Each step takes alembic `Operations` bound to the open connection, so the DDL stays portable
between SQLite (batch mode rebuilds tables where SQLite cannot ALTER) and PostgreSQL. Steps run
inside one transaction, after the caller has copied a backup of the project file.
"""

from __future__ import annotations

from typing import Callable

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

SCHEMA_VERSION = 2


def add_coding_origin(op: Operations) -> None:
    """v1 -> v2: codings record where they came from (manual, suggested, imported, consensus)."""
    with op.batch_alter_table("codings") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(16), nullable=False, server_default="manual")
        )


#: STEPS[v] carries a project from schema version v to v + 1.
STEPS: dict[int, Callable[[Operations], None]] = {
    1: add_coding_origin,
}


def migrate(connection: sa.Connection, from_version: int) -> None:
    op = Operations(MigrationContext.configure(connection))
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](op)
