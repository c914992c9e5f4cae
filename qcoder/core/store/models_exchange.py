"""Tables for what left or came back into the project: coder packages merged back, and the
exports, packages and REFI-QDA files made from it.

A merged package is recorded so that merging it again is recognised; an export or package made
is recorded so that pseudonymisation can warn which files made earlier still hold originals.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class MergedPackage(Base):
    """A coder package merged into the project: which one (its own id), whose, when made and
    merged, and what the merge did."""

    __tablename__ = "merged_packages"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    made: Mapped[datetime | None] = mapped_column(DateTime)
    merged: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    summary: Mapped[dict[str, object] | None] = mapped_column(JSON)


class ExportRecord(Base):
    """A file written from the project (an export, a coder package, a REFI-QDA file): what
    kind, where, when, and what it held."""

    __tablename__ = "export_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(Text)
    written: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
