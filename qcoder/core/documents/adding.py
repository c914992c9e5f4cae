"""Adding transcripts to a project as documents with their turns, speakers, pages and sections."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..store import Project
from ..store.models import Document, Speaker, StructureRange
from .kinds import check_kind
from .transcript import Transcript, content_hash, normalise_text

#: one structure_ranges row as `sa.insert` takes it
RangeValues = dict[str, str | int | float | None]


@dataclass(frozen=True)
class Added:
    """What `add_document` did: the document's final name, and whether it had to be renamed."""

    document_id: int
    name: str
    requested_name: str

    @property
    def renamed(self) -> bool:
        return self.name != self.requested_name


def default_name(source: str | Path) -> str:
    return Path(source).stem


def unique_name(session: Session, name: str) -> str:
    taken = set(session.scalars(sa.select(Document.name).where(Document.name.like(f"{name}%"))))
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def store_transcript(session: Session, transcript: Transcript, name: str,
                     kind: str = "other") -> Added:
    """Insert a document and its structure in the caller's transaction."""
    check_kind(kind)
    text = normalise_text(transcript.text)
    if text != transcript.text:
        raise QcoderError("internal: transcripts must be normalised by their importer")
    final = unique_name(session, name)
    doc = Document(
        name=final, text=text, content_hash=content_hash(text),
        source_name=transcript.source_name, import_format=transcript.import_format, kind=kind,
    )
    session.add(doc)
    session.flush()
    speakers: dict[str, Speaker] = {}
    for speaker_name in transcript.speakers:
        sp = Speaker(document_id=doc.id, name=speaker_name,
                     is_interviewer=speaker_name in transcript.interviewers)
        session.add(sp)
        speakers[speaker_name] = sp
    session.flush()
    turns: Iterator[RangeValues] = (
        {"document_id": doc.id, "kind": "turn", "start": t.start, "end": t.end, "label": t.speaker,
             "speaker_id": speakers[t.speaker].id, "time_start": t.time_start, "time_end": t.time_end}
        for t in transcript.turns
    )
    spans: Iterator[RangeValues] = (
        {"document_id": doc.id, "kind": kind_, "start": p.start, "end": p.end, "label": p.label,
             "speaker_id": None, "time_start": None, "time_end": None}
        for kind_, group in (("page", transcript.pages), ("section", transcript.sections))
        for p in group
    )
    # inserted in chunks: a 50 MB transcript has ~150,000 turns, too many dicts to hold at once
    rows = itertools.chain(turns, spans)
    while chunk := list(itertools.islice(rows, 5000)):
        session.execute(sa.insert(StructureRange), chunk)
    return Added(doc.id, final, name)


def add_document(project: Project, transcript: Transcript, name: str | None = None,
                 kind: str = "other") -> Added:
    """Add one transcript as its own committed transaction."""
    with project.transaction() as s:
        return store_transcript(s, transcript, name or default_name(transcript.source_name), kind)
