"""Importing a REFI-QDA project (.qdpx) as a new qcoder project.

Everything is read and every selection placed before the new project is written
(import_writer.py), in one transaction; on any error (or cancel) the half-made project file
is removed. GUIDs become the UUIDs of what they name, so exporting the imported project gives
the same GUIDs back.

Divergences between tools are absorbed here and in reader.py, positions.py and
import_writer.py: memos as a Description (of the project, a source, a case or a selection)
instead of a Note; notes attached to nothing are kept as project memos rather than lost;
positions in whatever unit the file used. A document's corpus kind comes back from its source
Variable (standard.KIND_VARIABLE), which does not become a case attribute.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputFileError
from ...store import Project
from .import_writer import ImportWriter
from .positions import (
    CODEPOINTS,
    Placement,
    Selection,
    SourceText,
    habitual_units,
    place_selections,
)
from .reader import ProjectData, SourceData, find_qde, read_project
from .safety import DEFAULT_LIMITS, Limits, SafeArchive, local, namespace, parse_xml
from .standard import NS_PREFIX, is_qcoder

if TYPE_CHECKING:
    from ...store.models import Document
    from ..exporters.base import Progress


@dataclass
class ImportSummary:
    """What an import brought in, how selections were placed, and what was left out and why."""

    source: Path
    target: Path
    origin: str
    documents: int = 0
    codebooks: list[str] = field(default_factory=list)
    codes: int = 0
    codings_by_user: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    attributes: int = 0
    memos: int = 0
    coding_memos: int = 0
    placements: dict[str, Placement] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Imported {self.source.name} ({self.origin or 'unknown program'}) into "
               f"{self.target}:",
               f"  {self.documents} documents, {self.codes} codes in "
               f"{len(self.codebooks)} codebook(s) ({', '.join(self.codebooks)}), "
               f"{self.cases} cases, {self.attributes} attributes, {self.memos} memos, "
               f"{self.coding_memos} coding memos",
               f"  {sum(self.codings_by_user.values())} codings: " + (", ".join(
                   f"{user} {n}" for user, n in sorted(self.codings_by_user.items())) or "none")]
        for name, p in self.placements.items():
            if not p.selections:
                continue
            counts = ", ".join(f"{p.count(k)} {k}" for k in
                               ("verified", "relocated", "converted", "as given", "unplaced")
                               if p.count(k))
            out.append(f"  {name}: {len(p.selections)} selections counted in {p.unit.label} "
                       f"({p.decided_by}): {counts}")
        if self.skipped:
            out.append("  Skipped:")
            out += [f"    {n} {what}" for what, n in sorted(self.skipped.items())]
        out += [f"  Note: {c}" for c in self.changes]
        return out

    def as_json(self) -> dict[str, object]:
        return {"source": str(self.source), "target": str(self.target), "origin": self.origin,
                "documents": self.documents, "codebooks": self.codebooks, "codes": self.codes,
                "codings_by_user": dict(self.codings_by_user), "cases": self.cases,
                "attributes": self.attributes, "memos": self.memos,
                "coding_memos": self.coding_memos,
                "positions": {n: p.as_json() for n, p in self.placements.items()},
                "skipped": dict(self.skipped), "changes": self.changes}


def _place(data: ProjectData, summary: ImportSummary, report: Progress | None,
           ) -> list[tuple[SourceData, SourceText, Placement]]:
    """Decide each source's position unit and place its selections (before writing)."""
    units = (CODEPOINTS,) if is_qcoder(data.origin) else habitual_units(data.origin)
    placed = []
    total = len(data.sources)
    for done, src in enumerate(data.sources, start=1):
        if src.raw is None or not src.raw.strip():
            why = src.skipped or "it has no text"
            summary.skipped[f"sources without usable text ({why})"] += 1
            n = sum(len(s.codings) for s in src.selections) + len(src.codings)
            if n:
                summary.skipped["codings in sources without usable text"] += n
            continue
        source = SourceText(src.raw)
        selections = [Selection(s.start, s.end, s.name) for s in src.selections]
        placement = place_selections(source, selections, units)
        lost = [(sel.why, len(raw.codings)) for sel, raw in zip(placement.selections,
                                                                src.selections) if sel.span is None]
        if lost:
            examples = "; ".join(dict.fromkeys(why for why, _ in lost[:3]))
            summary.skipped[f"selections in {src.name!r} that could not be placed "
                            f"(e.g. {examples})"] += len(lost)
            summary.skipped["codings on selections that could not be placed"] += sum(
                n for _, n in lost)
        placed.append((src, source, placement))
        if report:
            report(done, total, f"placing selections in {src.name}")
    return placed


def _remove_project_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def read_qdpx(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> ProjectData:
    """Read and check a .qdpx without storing anything."""
    with SafeArchive(path, limits) as archive:
        qde = find_qde(archive)
        where = f"{archive.path}:{qde}"
        root = parse_xml(archive.read(qde), where)
        if local(root.tag) != "Project" or (namespace(root.tag) and
                                            not namespace(root.tag).startswith(NS_PREFIX)):
            raise InputFileError(f"{where}: is not a REFI-QDA project file (its root element is "
                                 f"{local(root.tag)!r} in namespace {namespace(root.tag)!r})")
        return read_project(root, archive, where)


def import_qdpx(path: str | Path, target: str | Path, report: Progress | None = None,
                limits: Limits = DEFAULT_LIMITS) -> ImportSummary:
    """Create the project `target` from the .qdpx at `path`; `report(done, total, what)`."""
    path, target = Path(path), Path(target)
    if target.exists():
        raise InputFileError(f"{target}: exists already; import into a new project file")
    data = read_qdpx(path, limits)
    summary = ImportSummary(path, target, data.origin, skipped=Counter(data.skipped))
    placed = _place(data, summary, report)
    title = data.name if data.name and data.name.lower() != "untitled" else path.stem
    project = Project.create(target, title=title)
    try:
        with project.transaction() as s:
            writer = ImportWriter(s, data, summary)
            writer.users()
            writer.codebooks(title)
            cases = writer.cases()
            names: set[str] = set()
            docs: dict[str, Document] = {}
            for done, (src, source, placement) in enumerate(placed, start=1):
                doc = writer.document(src, source, placement, names)
                summary.placements[doc.name] = placement
                if src.guid:
                    docs[src.guid] = doc
                if report:
                    report(done, len(placed), f"storing {doc.name}")
            for case_data in data.cases:
                case = cases.get(case_data.guid or "")
                for ref in case_data.sources:
                    if case is not None and ref in docs:
                        docs[ref].cases.append(case)
                    else:
                        summary.skipped["case links to sources not imported"] += 1
            writer.finish()
            summary.documents = len(placed)
    except BaseException:
        project.close()
        _remove_project_files(target)
        raise
    project.close()
    return summary
