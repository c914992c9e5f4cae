"""Schema versions and the small, named steps that carry an old project forward.

Each step takes alembic `Operations` bound to the open connection, so the DDL stays portable
between SQLite (batch mode rebuilds tables where SQLite cannot ALTER) and PostgreSQL. Steps run
inside one transaction, after the caller has copied a backup of the project file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.operations import Operations

SCHEMA_VERSION = 6


def add_coding_origin(op: Operations) -> None:
    """v1 -> v2: codings record where they came from (manual, suggested, imported, consensus)."""
    with op.batch_alter_table("codings") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(16), nullable=False, server_default="manual")
        )


def _uuid_column() -> sa.Column[str]:
    return sa.Column("uuid", sa.String(36), nullable=False, unique=True)


def add_analysis_tables(op: Operations) -> None:
    """v2 -> v3: survey data joined to cases, verdicts per case and hypothesis with their
    display cells, and codings flagged as counter-evidence (models_analysis.py)."""

    op.create_table(
        "survey_datasets",
        sa.Column("id", sa.Integer, primary_key=True),
        _uuid_column(),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("source_name", sa.String(1024), nullable=False),
        sa.Column("key_column", sa.String(255), nullable=False),
        sa.Column("case_attribute", sa.String(255), nullable=False),
        sa.Column("warnings", sa.JSON),
        sa.Column("created", sa.DateTime, nullable=False),
    )
    op.create_table(
        "survey_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dataset_id", sa.Integer,
                  sa.ForeignKey("survey_datasets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ident", sa.String(255), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("wording", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("labels", sa.JSON),
        sa.Column("missing", sa.JSON),
        sa.Column("filter", sa.Text, nullable=False),
        sa.Column("top_k", sa.Integer, nullable=False),
        sa.UniqueConstraint("dataset_id", "ident"),
    )
    op.create_table(
        "survey_respondents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dataset_id", sa.Integer,
                  sa.ForeignKey("survey_datasets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.UniqueConstraint("dataset_id", "key"),
    )
    op.create_table(
        "survey_values",
        sa.Column("respondent_id", sa.Integer,
                  sa.ForeignKey("survey_respondents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_id", sa.Integer,
                  sa.ForeignKey("survey_items.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("number", sa.Float),
    )
    op.create_index("ix_survey_values_item", "survey_values", ["item_id"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer, primary_key=True),
        _uuid_column(),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("hypothesis_id", sa.Integer,
                  sa.ForeignKey("hypotheses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("verdict", sa.String(16)),
        sa.Column("evidence", sa.JSON),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.UniqueConstraint("case_id", "hypothesis_id"),
    )
    op.create_table(
        "verdict_cells",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("verdict_id", sa.Integer, sa.ForeignKey("verdicts.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("column", sa.String(255), nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("quotes", sa.JSON),
        sa.UniqueConstraint("verdict_id", "column"),
    )
    op.create_table(
        "counter_evidence",
        sa.Column("coding_uuid", sa.String(36), primary_key=True),
        sa.Column("hypothesis_id", sa.Integer,
                  sa.ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
    )


def add_text_index_tables(op: Operations) -> None:
    """v3 -> v4: each document's stored sentences and lemmas, and rejected keyword
    suggestions (models_nlp.py)."""
    op.create_table(
        "text_index",
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pipeline", sa.String(255), nullable=False),
        sa.Column("sentences", sa.LargeBinary, nullable=False),
        sa.Column("tokens", sa.LargeBinary, nullable=False),
        sa.Column("vocab", sa.JSON, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
    )
    op.create_table(
        "suggestion_rejections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("coder_id", sa.Integer, sa.ForeignKey("coders.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
    )


def add_detached_codings(op: Operations) -> None:
    """v4 -> v5: codings whose text a transcript edit deleted are kept (models_editing.py)."""
    op.create_table(
        "detached_codings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("coder_id", sa.Integer, sa.ForeignKey("coders.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("memo", sa.Text, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("detached", sa.DateTime, nullable=False),
    )
    op.create_index("ix_detached_doc", "detached_codings", ["document_id"])


def add_definitions_queries_and_records(op: Operations) -> None:
    """v5 -> v6: display definitions per hypothesis, the researcher's case x code summaries,
    saved queries (models_analysis.py), merged packages and export records
    (models_exchange.py), and version columns on documents and codes for optimistic locking."""
    for table in ("documents", "codes"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_table(
        "display_definitions",
        sa.Column("id", sa.Integer, primary_key=True),
        _uuid_column(),
        sa.Column("hypothesis_id", sa.Integer, sa.ForeignKey("hypotheses.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("definition", sa.JSON, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
    )
    op.create_table(
        "code_summaries",
        sa.Column("id", sa.Integer, primary_key=True),
        _uuid_column(),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("coders.id", ondelete="SET NULL")),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.UniqueConstraint("case_id", "code_id"),
    )
    op.create_table(
        "saved_queries",
        sa.Column("id", sa.Integer, primary_key=True),
        _uuid_column(),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("expression", sa.Text, nullable=False),
        sa.Column("filters", sa.Text, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
    )
    op.create_table(
        "merged_packages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("package_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("coder_id", sa.Integer, sa.ForeignKey("coders.id", ondelete="SET NULL")),
        sa.Column("made", sa.DateTime),
        sa.Column("merged", sa.DateTime, nullable=False),
        sa.Column("summary", sa.JSON),
    )
    op.create_table(
        "export_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("written", sa.DateTime, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )


#: STEPS[v] carries a project from schema version v to v + 1.
STEPS: dict[int, Callable[[Operations], None]] = {
    1: add_coding_origin,
    2: add_analysis_tables,
    3: add_text_index_tables,
    4: add_detached_codings,
    5: add_definitions_queries_and_records,
}


def migrate(connection: sa.Connection, from_version: int) -> None:
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    op = Operations(MigrationContext.configure(connection))
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](op)
