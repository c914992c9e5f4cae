"""The project's tables as SQLAlchemy 2.x ORM models.

Plain, portable column types only (JSON, not SQLite-specific tricks) so that the same models can
live in PostgreSQL for team projects. Every entity a user can see carries a UUID that survives
export, re-import and coder-package merges; integer ids are internal.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value project metadata: schema_version, title, created, current_round, ..."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_name: Mapped[str] = mapped_column(String(1024), default="")
    import_format: Mapped[str] = mapped_column(String(16), default="txt")
    kind: Mapped[str] = mapped_column(String(32), default="other")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: bumped by every structural edit (text, speakers): a team project's optimistic lock
    version: Mapped[int] = mapped_column(Integer, default=1)

    ranges: Mapped[list[StructureRange]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="StructureRange.start"
    )
    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )
    codings: Mapped[list[Coding]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )
    cases: Mapped[list[Case]] = relationship(secondary="document_cases", back_populates="documents")


class Speaker(Base):
    """A speaker label as it occurs in one document; names are scoped to their document."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("document_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    is_interviewer: Mapped[bool] = mapped_column(Boolean, default=False)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))

    document: Mapped[Document] = relationship(back_populates="speakers")
    case: Mapped[Case | None] = relationship()


RANGE_KINDS = ("turn", "page", "section")


class StructureRange(Base):
    """A [start, end) range of a document: a speaker turn, a page or a (vignette) section."""

    __tablename__ = "structure_ranges"
    __table_args__ = (Index("ix_ranges_doc_kind", "document_id", "kind", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(255), default="")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    time_start: Mapped[float | None] = mapped_column(Float)
    time_end: Mapped[float | None] = mapped_column(Float)

    document: Mapped[Document] = relationship(back_populates="ranges")
    speaker: Mapped[Speaker | None] = relationship()


class DocumentCase(Base):
    __tablename__ = "document_cases"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)

    documents: Mapped[list[Document]] = relationship(
        secondary="document_cases", back_populates="cases"
    )
    values: Mapped[list[CaseValue]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )


ATTRIBUTE_TYPES = ("text", "number", "date", "bool", "category")


class Attribute(Base):
    """A typed case attribute (variable), e.g. municipality, vote share, party letter."""

    __tablename__ = "attributes"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    type: Mapped[str] = mapped_column(String(16), default="text")
    categories: Mapped[list[str] | None] = mapped_column(JSON)


class CaseValue(Base):
    """One attribute value of one case, stored in the column that matches the attribute type."""

    __tablename__ = "case_values"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True
    )
    text_value: Mapped[str | None] = mapped_column(Text)
    number_value: Mapped[float | None] = mapped_column(Float)
    date_value: Mapped[date | None] = mapped_column(Date)
    bool_value: Mapped[bool | None] = mapped_column(Boolean)

    case: Mapped[Case] = relationship(back_populates="values")
    attribute: Mapped[Attribute] = relationship()


class Codebook(Base):
    __tablename__ = "codebooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    ident: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    language: Mapped[str] = mapped_column(String(8), default="da")
    sources: Mapped[list[str] | None] = mapped_column(JSON)
    description: Mapped[str] = mapped_column(Text, default="")

    codes: Mapped[list[Code]] = relationship(
        back_populates="codebook", cascade="all, delete-orphan", order_by="Code.position"
    )
    hypotheses: Mapped[list[Hypothesis]] = relationship(
        back_populates="codebook", order_by="Hypothesis.position"
    )


class Code(Base):
    __tablename__ = "codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    codebook_id: Mapped[int] = mapped_column(ForeignKey("codebooks.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(255))
    label_da: Mapped[str] = mapped_column(String(255), default="")
    label_en: Mapped[str] = mapped_column(String(255), default="")
    color: Mapped[str] = mapped_column(String(9), default="#999999")
    definition: Mapped[str] = mapped_column(Text, default="")
    include: Mapped[str] = mapped_column(Text, default="")
    exclude: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[list[str] | None] = mapped_column(JSON)
    example: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str] | None] = mapped_column(JSON)
    survey_items: Mapped[list[str] | None] = mapped_column(JSON)
    #: bumped by every edit of the code (fields, place in the tree): optimistic locking
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin: Mapped[str] = mapped_column(String(16), default="deductive")
    round_added: Mapped[int] = mapped_column(Integer, default=1)
    flagged: Mapped[str] = mapped_column(Text, default="")

    codebook: Mapped[Codebook] = relationship(back_populates="codes")
    parent: Mapped[Code | None] = relationship(remote_side="Code.id", back_populates="children")
    children: Mapped[list[Code]] = relationship(back_populates="parent", order_by="Code.position")


class Hypothesis(Base):
    __tablename__ = "hypotheses"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    codebook_id: Mapped[int | None] = mapped_column(ForeignKey("codebooks.id", ondelete="SET NULL"))
    ident: Mapped[str] = mapped_column(String(32), unique=True)
    parent_ident: Mapped[str | None] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(255), default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="exit")
    display_columns: Mapped[list[str] | None] = mapped_column(JSON)

    codebook: Mapped[Codebook | None] = relationship(back_populates="hypotheses")


class CodeHypothesis(Base):
    __tablename__ = "code_hypotheses"
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True)
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True
    )
    direction: Mapped[str] = mapped_column(String(16), default="supports")


class Coder(Base):
    __tablename__ = "coders"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class Coding(Base):
    """One coder's application of one code to the [start, end) code points of a document."""

    __tablename__ = "codings"
    __table_args__ = (
        Index("ix_codings_doc", "document_id", "start"),
        Index("ix_codings_code", "code_id"),
        Index("ix_codings_coder", "coder_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer, default=1)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    memo: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="manual")

    document: Mapped[Document] = relationship(back_populates="codings")
    code: Mapped[Code] = relationship()
    coder: Mapped[Coder] = relationship()


MEMO_TARGETS = ("project", "document", "code", "coding", "case")


class Memo(Base):
    """A memo attached to the project, a document, code, coding or case (by the target's UUID)."""

    __tablename__ = "memos"
    __table_args__ = (Index("ix_memos_target", "target_kind", "target_uuid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_uuid: Mapped[str | None] = mapped_column(String(36))
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(255), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
