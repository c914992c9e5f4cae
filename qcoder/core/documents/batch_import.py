"""Importing many transcript files (or folders of them) as one undoable step.

Every file is read, its structure detected and stored inside one transaction: a file that cannot
be read stops the import and leaves the project exactly as it was (unless `skip_failed`, which
imports the rest and lists the failures). A file whose normalised text is already in the
project, or earlier in the same import, is skipped and said so. Progress is reported per file
as `report(done, total, what)`; raising CancelledError from `report` rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..cases.cases import get_or_create_case, link_document
from ..errors import CancelledError, InputFileError
from ..language.text_index import ensure_indexed
from ..operations import Batch, Operation, Result
from ..store import Project
from ..store.models import Case, Document
from .adding import default_name, store_transcript
from .importers import FORMATS, read_transcript
from .kinds import check_kind
from .removal import RemoveDocuments
from .transcript import Transcript, content_hash

Report = Callable[[int, int, str], None]
#: Files from this size on report each step (reading, structure, saving).
BIG_FILE = 5_000_000


@dataclass
class FileOutcome:
    path: Path
    status: str                      # "imported", "duplicate" or "failed"
    document: str = ""               # the new document's name, or the one it duplicates
    message: str = ""
    turns: int = 0
    speakers: list[str] = field(default_factory=list)
    interviewers: list[str] = field(default_factory=list)
    pages: int = 0
    sections: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "status": self.status, "document": self.document,
                "message": self.message, "turns": self.turns, "speakers": self.speakers,
                "interviewers": self.interviewers, "pages": self.pages,
                "sections": self.sections, "warnings": self.warnings}


@dataclass
class ImportSummary:
    files: list[FileOutcome]

    def _with(self, status: str) -> list[FileOutcome]:
        return [f for f in self.files if f.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return self._with("imported")

    @property
    def duplicates(self) -> list[FileOutcome]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[FileOutcome]:
        return self._with("failed")

    def totals(self) -> dict[str, int]:
        done = self.imported
        return {"documents": len(done), "turns": sum(f.turns for f in done),
                "speakers": sum(len(f.speakers) for f in done),
                "pages": sum(f.pages for f in done), "sections": sum(f.sections for f in done),
                "duplicates": len(self.duplicates), "failed": len(self.failed)}

    def as_json(self) -> dict[str, object]:
        return {"totals": self.totals(), "files": [f.as_json() for f in self.files]}


def collect_files(paths: list[str | Path]) -> list[Path]:
    """The files to import: named files as given, folders searched (recursively, sorted) for
    files in a known format; hidden files and office lock files (~$...) are left out."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in FORMATS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not p.name.startswith("~$")
            )
            if not found:
                raise InputFileError(
                    f"{path}: the folder holds no transcripts (qcoder reads "
                    f"{', '.join(sorted(FORMATS))})"
                )
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise InputFileError(f"{path}: no such file or folder")
    unique: dict[Path, Path] = {}  # by resolved path, the first spelling kept
    for p in out:
        unique.setdefault(p.resolve(), p)
    return list(unique.values())


def _stages(report: Report, number: int, total: int, path: Path) -> Callable[[str], None]:
    """Step-by-step progress for files big enough to take a while."""
    if path.stat().st_size < BIG_FILE:
        return lambda what: None
    return lambda what: report(number, total, f"{path.name}: {what}")


def import_files(project: Project, paths: list[str | Path], *, kind: str = "other",
                 case: str | None = None, speaker_pattern: str | None = None,
                 section_pattern: str | None = None, report: Report | None = None,
                 skip_failed: bool = False,
                 prepared: dict[Path, Transcript] | None = None, index: bool = True) -> Result:
    """Import files and folders; the value is an ImportSummary, the inverse removes what was
    added. `prepared` holds transcripts already read (and perhaps with speakers renamed in an
    import preview) by path; those files are not read again. With `index`, the new documents'
    sentences and word forms are computed once now, so search and agreement need not parse."""
    check_kind(kind)
    files = collect_files(paths)
    report = report or (lambda done, total, what: None)
    outcomes: list[FileOutcome] = []
    added: list[str] = []
    added_ids: list[int] = []
    undo: list[Operation] = []
    with project.transaction() as session:
        if case and session.scalar(sa.select(Case).where(Case.name == case)) is None:
            new_case = get_or_create_case(session, case)
            undo.append(RemoveCase(new_case.id, new_case.uuid, new_case.name))
        known = dict(session.execute(sa.select(Document.content_hash, Document.name)).all())
        for number, path in enumerate(files):
            report(number, len(files), path.name)
            stage = _stages(report, number, len(files), path)
            try:
                transcript = (prepared or {}).get(path) or read_transcript(
                    path, speaker_pattern=speaker_pattern, section_pattern=section_pattern,
                    stage=stage)
            except InputFileError as exc:
                if not skip_failed:
                    raise
                outcomes.append(FileOutcome(path, "failed", message=str(exc)))
                continue
            digest = content_hash(transcript.text)
            if digest in known:
                outcomes.append(FileOutcome(
                    path, "duplicate", known[digest],
                    f"{path.name}: skipped, the same text is already document {known[digest]!r}"))
                continue
            stage("saving")
            stored = store_transcript(session, transcript, default_name(path), kind)
            doc = session.get_one(Document, stored.document_id)
            if case:
                link_document(session, doc, get_or_create_case(session, case))
            known[digest] = stored.name
            added.append(doc.uuid)
            added_ids.append(stored.document_id)
            outcomes.append(FileOutcome(
                path, "imported", stored.name,
                f"{path.name}: imported as {stored.name!r}" + (
                    f" (renamed: {stored.requested_name!r} exists)" if stored.renamed else ""),
                turns=len(transcript.turns), speakers=transcript.speakers,
                interviewers=sorted(transcript.interviewers), pages=len(transcript.pages),
                sections=len(transcript.sections), warnings=list(transcript.warnings),
            ))
    if index and added_ids:
        try:
            ensure_indexed(project, added_ids,
                           lambda done, total, what: report(done, total, f"sentences and word forms: {what}"))
        except CancelledError:
            pass  # the import stands; the index is built on first use instead
    report(len(files), len(files), "done")
    undo.insert(0, RemoveDocuments(tuple(added), label="Import"))
    return Result(ImportSummary(outcomes), Batch(tuple(undo), label="Import"))


@dataclass(frozen=True)
class RemoveCase:
    """Undo the creation of a case that has no values or links (yet)."""

    id: int
    uuid: str
    name: str
    label: str = "Import"

    def execute(self, session: Session) -> tuple[str, RestoreCase]:
        case = session.get(Case, self.id)
        if case is not None:
            session.delete(case)
            session.flush()
        return self.name, RestoreCase(self.id, self.uuid, self.name, self.label)


@dataclass(frozen=True)
class RestoreCase:
    id: int
    uuid: str
    name: str
    label: str = "Import"

    def execute(self, session: Session) -> tuple[str, RemoveCase]:
        session.add(Case(id=self.id, uuid=self.uuid, name=self.name))
        session.flush()
        return self.name, RemoveCase(self.id, self.uuid, self.name, self.label)
