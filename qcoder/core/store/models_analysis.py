"""Tables for analysis: survey data joined to cases, verdicts per case and hypothesis, and
codings flagged as counter-evidence.

Codings are referred to by UUID, not by foreign key: removing a coding and undoing the removal
recreates it under the same UUID with a new row id, and a verdict's evidence must survive that.
A UUID whose coding is gone is simply skipped when displays are built.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, new_uuid, utcnow


class SurveyDataset(Base):
    """One loaded survey file: respondents keyed by `key_column`, joined to cases whose
    attribute `case_attribute` holds the same key."""

    __tablename__ = "survey_datasets"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    source_name: Mapped[str] = mapped_column(String(1024), default="")
    key_column: Mapped[str] = mapped_column(String(255))
    case_attribute: Mapped[str] = mapped_column(String(255))
    warnings: Mapped[list[str] | None] = mapped_column(JSON)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[SurveyItem]] = relationship(
        back_populates="dataset", cascade="all, delete-orphan", order_by="SurveyItem.position"
    )
    respondents: Mapped[list[SurveyRespondent]] = relationship(
        back_populates="dataset", cascade="all, delete-orphan"
    )


class SurveyItem(Base):
    """A survey column: its wording, its scale labels in order from the top end (as
    [code or null, label] pairs), missing codes, filter description and top-box size."""

    __tablename__ = "survey_items"
    __table_args__ = (UniqueConstraint("dataset_id", "ident"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("survey_datasets.id", ondelete="CASCADE"))
    ident: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer, default=0)
    wording: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="text")
    labels: Mapped[list[list[str | None]] | None] = mapped_column(JSON)
    missing: Mapped[list[str] | None] = mapped_column(JSON)
    filter: Mapped[str] = mapped_column(Text, default="")
    top_k: Mapped[int] = mapped_column(Integer, default=2)

    dataset: Mapped[SurveyDataset] = relationship(back_populates="items")


class SurveyRespondent(Base):
    __tablename__ = "survey_respondents"
    __table_args__ = (UniqueConstraint("dataset_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("survey_datasets.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    row: Mapped[int] = mapped_column(Integer, default=0)

    dataset: Mapped[SurveyDataset] = relationship(back_populates="respondents")


class SurveyValue(Base):
    """One non-empty answer: the cell's text as written and its number when it is one."""

    __tablename__ = "survey_values"
    __table_args__ = (Index("ix_survey_values_item", "item_id"),)
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("survey_respondents.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("survey_items.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    number: Mapped[float | None] = mapped_column(Float)


VERDICTS = ("støtte", "delvis støtte", "ingen støtte", "modstrid", "ingen data")


class Verdict(Base):
    """The researcher's verdict on one hypothesis for one case, with the codings chosen as its
    evidence (UUIDs) and a free note."""

    __tablename__ = "verdicts"
    __table_args__ = (UniqueConstraint("case_id", "hypothesis_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    hypothesis_id: Mapped[int] = mapped_column(ForeignKey("hypotheses.id", ondelete="CASCADE"))
    verdict: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[list[str] | None] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    cells: Mapped[list[VerdictCell]] = relationship(
        back_populates="verdict", cascade="all, delete-orphan", order_by="VerdictCell.column"
    )


class VerdictCell(Base):
    """A condensed statement for one display column of a verdict, with its quotes (UUIDs)."""

    __tablename__ = "verdict_cells"
    __table_args__ = (UniqueConstraint("verdict_id", "column"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id", ondelete="CASCADE"))
    column: Mapped[str] = mapped_column(String(255))
    statement: Mapped[str] = mapped_column(Text, default="")
    quotes: Mapped[list[str] | None] = mapped_column(JSON)

    verdict: Mapped[Verdict] = relationship(back_populates="cells")


class CounterEvidence(Base):
    """A coding flagged as counter-evidence (modfortælling) for a hypothesis."""

    __tablename__ = "counter_evidence"
    coding_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DisplayDefinition(Base):
    """How a hypothesis's display is laid out, as the researcher defined it: columns with their
    headings and the codes that feed them, the row label, the caption and its number, which
    extra columns show (a JSON document; qcoder.core.analysis reads and checks it)."""

    __tablename__ = "display_definitions"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), unique=True)
    definition: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class CodeSummary(Base):
    """The researcher's condensation of one case's passages of one code (a summary grid cell):
    what a display cell shows above the quotes, written by a person, never generated."""

    __tablename__ = "code_summaries"
    __table_args__ = (UniqueConstraint("case_id", "code_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SavedQuery(Base):
    """A coding query kept under a name, to be run again as the coding grows."""

    __tablename__ = "saved_queries"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    expression: Mapped[str] = mapped_column(Text)
    filters: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
