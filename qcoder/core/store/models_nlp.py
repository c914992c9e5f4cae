"""Tables for language processing: each document's stored sentences and lemmas, and the
keyword suggestions a coder rejected.

The text index is one row per document with packed arrays rather than a row per word: a
project of 200 twelve-thousand-word interviews has some 2.5 million words, and search needs
them all at once. `content_hash` and `pipeline` tell when a row is stale (the text was
edited, or another spaCy pipeline was installed).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class TextIndex(Base):
    """Sentences and word lemmas of one document, computed by text_index.py."""

    __tablename__ = "text_index"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    pipeline: Mapped[str] = mapped_column(String(255))
    #: zlib-compressed little-endian int32 pairs (start, end), one per sentence
    sentences: Mapped[bytes] = mapped_column(LargeBinary)
    #: zlib-compressed little-endian int32 rows: word starts, word ends, lemma ids into `vocab`
    tokens: Mapped[bytes] = mapped_column(LargeBinary)
    vocab: Mapped[list[str]] = mapped_column(JSON)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SuggestionRejection(Base):
    """A coder's 'no' to a suggested passage for a code, so it is not suggested again.
    Transcript edits carry its offsets along like a coding's (editing.py)."""

    __tablename__ = "suggestion_rejections"
    __table_args__ = (UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
