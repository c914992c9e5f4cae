"""Codings whose text an edit of the transcript deleted entirely.

They leave the codings table (their offsets no longer point at anything) but are never dropped
silently: each is kept here with the text it covered, so the user can see what was lost,
re-apply it by hand, or undo the edit (which puts it back as a coding with its own UUID).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class DetachedCoding(Base):
    __tablename__ = "detached_codings"
    __table_args__ = (Index("ix_detached_doc", "document_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the coding's own UUID, so an undone edit restores the very same coding
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer, default=1)
    memo: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="manual")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: where it was, and what it covered, in the text before the edit
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    detached: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
