"""A document's speakers: rename, merge, mark the interviewer(s), link to participant cases.

Speaker names are scoped to their document, so "Sara" in one focus group is not "Sara" in
another. Renaming to a name the document already has merges the two speakers; every change
is an undoable operation (a merge is undone by splitting the same turns off again). The stored
text keeps its labels as transcribed: only the speaker records and their turns change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..lookup import document_by_name
from ..operations import Batch, Operation, Result, run
from ..store import Project
from ..store.models import Case, Document, Speaker, StructureRange
from .transcript import Transcript


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split()))


def speaker_by_name(session: Session, document_id: int, name: str) -> Speaker:
    sp = session.scalar(sa.select(Speaker).where(Speaker.document_id == document_id,
                                                 Speaker.name == _nfc(name)))
    if sp is None:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"document id {document_id} is not in the project")
        names = sorted(session.scalars(sa.select(Speaker.name)
                                       .where(Speaker.document_id == document_id)))
        raise NotFoundError(
            f"document {doc.name!r} has no speaker {name!r}; its speakers are: "
            + (", ".join(repr(n) for n in names) or "none")
        )
    return sp


def _turns_of(session: Session, speaker_id: int) -> list[StructureRange]:
    return list(session.scalars(sa.select(StructureRange).where(
        StructureRange.kind == "turn", StructureRange.speaker_id == speaker_id)))


@dataclass(frozen=True)
class RenameSpeaker:
    """Rename a speaker; if the new name exists in the document, merge into that speaker."""

    document_id: int
    old: str
    new: str
    label: str = "Rename speaker"

    def execute(self, session: Session) -> tuple[str, RenameSpeaker | SplitSpeaker]:
        new = _nfc(self.new)
        if not new:
            raise QcoderError("a speaker needs a name; give --rename OLD=NEW with a new name")
        sp = speaker_by_name(session, self.document_id, self.old)
        if new == sp.name:
            return sp.name, RenameSpeaker(self.document_id, new, new, self.label)
        target = session.scalar(sa.select(Speaker).where(
            Speaker.document_id == self.document_id, Speaker.name == new))
        turns = _turns_of(session, sp.id)
        if target is None:
            old = sp.name
            sp.name = new
            for turn in turns:
                turn.label = new
            session.flush()
            return new, RenameSpeaker(self.document_id, new, old, self.label)
        split = SplitSpeaker(self.document_id, new, sp.id, sp.name, sp.uuid, sp.is_interviewer,
                             sp.case_id, tuple(t.id for t in turns), target.is_interviewer,
                             self.label)
        for turn in turns:
            turn.speaker_id, turn.label = target.id, target.name
        target.is_interviewer = target.is_interviewer or sp.is_interviewer
        session.flush()
        session.delete(sp)
        session.flush()
        return new, split


@dataclass(frozen=True)
class SplitSpeaker:
    """Undo a merge: recreate the merged-away speaker and give it back its turns."""

    document_id: int
    merged_into: str
    speaker_id: int
    name: str
    uuid: str
    is_interviewer: bool
    case_id: int | None
    turn_ids: tuple[int, ...]
    was_interviewer: bool = False
    label: str = "Rename speaker"

    def execute(self, session: Session) -> tuple[str, RenameSpeaker]:
        target = speaker_by_name(session, self.document_id, self.merged_into)
        free = session.get(Speaker, self.speaker_id) is None
        sp = Speaker(id=self.speaker_id if free else None, document_id=self.document_id,
                     name=self.name, uuid=self.uuid,
                     is_interviewer=self.is_interviewer, case_id=self.case_id)
        session.add(sp)
        session.flush()
        if self.turn_ids:
            session.execute(sa.update(StructureRange)
                            .where(StructureRange.id.in_(self.turn_ids))
                            .values(speaker_id=sp.id, label=self.name))
        target.is_interviewer = self.was_interviewer
        session.flush()
        return self.name, RenameSpeaker(self.document_id, self.name, self.merged_into, self.label)


@dataclass(frozen=True)
class SetInterviewers:
    """Mark exactly these speakers of a document as interviewers (the others not)."""

    document_id: int
    names: tuple[str, ...]
    label: str = "Set interviewer"

    def execute(self, session: Session) -> tuple[tuple[str, ...], SetInterviewers]:
        wanted = {speaker_by_name(session, self.document_id, n).id for n in self.names}
        speakers = list(session.scalars(sa.select(Speaker)
                                        .where(Speaker.document_id == self.document_id)))
        before = tuple(sorted(s.name for s in speakers if s.is_interviewer))
        for s in speakers:
            s.is_interviewer = s.id in wanted
        session.flush()
        now = tuple(sorted(s.name for s in speakers if s.is_interviewer))
        return now, SetInterviewers(self.document_id, before, self.label)


@dataclass(frozen=True)
class LinkSpeaker:
    """Link a speaker to a participant case (None unlinks)."""

    document_id: int
    name: str
    case_id: int | None
    label: str = "Link speaker to case"

    def execute(self, session: Session) -> tuple[int | None, LinkSpeaker]:
        sp = speaker_by_name(session, self.document_id, self.name)
        before = sp.case_id
        sp.case_id = self.case_id
        session.flush()
        return self.case_id, LinkSpeaker(self.document_id, sp.name, before, self.label)


@dataclass
class SpeakerInfo:
    name: str
    interviewer: bool
    turns: int
    words: int
    case: str | None
    first_time: float | None

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "interviewer": self.interviewer, "turns": self.turns,
                "words": self.words, "case": self.case, "first_time": self.first_time}


@dataclass
class _Tally:
    """A speaker's turns so far: where the first starts, how many, how many words."""

    first: int
    first_time: float | None
    turns: int = 0
    words: int = 0


def list_speakers(project: Project, document: str | int) -> list[SpeakerInfo]:
    """A document's speakers in order of first appearance, with turn and word counts."""
    with project.session() as s:
        doc = s.get(Document, document) if isinstance(document, int) else document_by_name(
            s, document)
        if doc is None:
            raise NotFoundError(f"document id {document} is not in the project")
        stats: dict[int, _Tally] = {}
        for r in doc.ranges:
            if r.kind == "turn" and r.speaker_id is not None:
                st = stats.setdefault(r.speaker_id, _Tally(r.start, r.time_start))
                st.turns += 1
                st.words += len(doc.text[r.start:r.end].split())
        cases = dict(s.execute(sa.select(Case.id, Case.name)).all())
        silent = _Tally(len(doc.text) + 1, None)  # a speaker without turns sorts last
        tallies = [(sp, stats.get(sp.id, silent)) for sp in doc.speakers]
        in_order = sorted(tallies, key=lambda pair: (pair[1].first, pair[0].name))
        return [SpeakerInfo(sp.name, sp.is_interviewer, t.turns, t.words,
                            cases.get(sp.case_id) if sp.case_id is not None else None, t.first_time)
                for sp, t in in_order]


def _doc_id(session: Session, document: str | int) -> int:
    return document if isinstance(document, int) else document_by_name(session, document).id


def rename_speaker(project: Project, document: str | int, old: str, new: str) -> Result:
    with project.session() as s:
        doc_id = _doc_id(s, document)
    return run(project, RenameSpeaker(doc_id, old, new))


def set_interviewers(project: Project, document: str | int, names: list[str]) -> Result:
    with project.session() as s:
        doc_id = _doc_id(s, document)
    return run(project, SetInterviewers(doc_id, tuple(names)))


def link_speaker(project: Project, document: str | int, name: str, case: str | None) -> Result:
    """Link a speaker to the case named `case` (created if new); None unlinks."""
    from ..cases.cases import get_or_create_case

    with project.transaction() as s:
        doc_id = _doc_id(s, document)
        case_id = get_or_create_case(s, case).id if case else None
    return run(project, LinkSpeaker(doc_id, name, case_id))


def edit_speakers(project: Project, document: str | int, *, renames: Iterable[tuple[str, str]] = (),
                  interviewers: list[str] | None = None) -> Result:
    """Several renames/merges and an interviewer choice as one undoable step."""
    with project.session() as s:
        doc_id = _doc_id(s, document)
    ops: list[Operation] = [RenameSpeaker(doc_id, old, new) for old, new in renames]
    if interviewers is not None:
        ops.append(SetInterviewers(doc_id, tuple(interviewers)))
    return run(project, Batch(tuple(ops), label="Edit speakers"))


def rename_in_transcript(transcript: Transcript, old: str, new: str) -> None:
    """Rename (or merge) a speaker in a transcript not yet stored, e.g. in an import preview."""
    new = _nfc(new)
    if old not in transcript.speakers:
        raise NotFoundError(f"no speaker {old!r} in {transcript.source_name}; its speakers are: "
                            + ", ".join(repr(n) for n in transcript.speakers))
    for turn in transcript.turns:
        if turn.speaker == old:
            turn.speaker = new
    if old in transcript.interviewers:
        transcript.interviewers.discard(old)
        transcript.interviewers.add(new)
