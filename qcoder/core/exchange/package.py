"""Coder packages: a copy of the project for a second coder, and merging their work back.

A package is an ordinary project file holding the chosen documents (or the documents of a
reproducible random sample of units, recorded as the units to code), every codebook, and no
codings but the second coder's own; blind mode is on inside it. Merging matches documents by
content hash and codes by UUID. Anything that cannot be matched exactly - a document edited
since, a code that is gone - is reported with what to do and left out, never mis-attached.
After a merge the project remembers which ranges the coder was given, so agreement compares
only those. Both take a `report(done, total, what)` callback; CancelledError raised from it
stops the work with the project unchanged and no package file left behind.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..coding.codings import ApplyCoding, CodingSpec, RemoveCoding
from ..errors import QcoderError
from ..language.text_index import ensure_indexed
from ..lookup import code_paths, document_by_name
from ..operations import Batch, Operation, Result
from ..store import Project
from ..store.models import (
    Base,
    Code,
    Codebook,
    CodeHypothesis,
    Coder,
    Coding,
    Document,
    Hypothesis,
    Meta,
    Speaker,
    StructureRange,
    new_uuid,
    utcnow,
)
from ..store.models_nlp import TextIndex

if TYPE_CHECKING:
    from .exporters.base import Progress

PACKAGE_META = "coder_package"
BLIND_META = "blind_mode"
CURRENT_CODER_META = "current_coder"
ASSIGNMENT_PREFIX = "assignment:"
SAMPLE_UNITS = ("turn", "sentence", "paragraph")
MERGE_CHUNK = 500  # codings merged between two progress reports

#: a table row as column name -> value, as copied between project files
RowValues = dict[str, Any]
#: what a merge matches a package's document by: (uuid, name, content hash, text length)
DocumentFacts = tuple[str, str, str, int]


class PackageCoder(TypedDict):
    name: str
    uuid: str


class PackagedDocument(TypedDict):
    uuid: str
    name: str
    content_hash: str


class PackagedCodebook(TypedDict):
    uuid: str
    name: str
    version: int


class PackageInfo(TypedDict):
    """The description a package keeps of itself (as JSON under PACKAGE_META)."""

    format: int
    coder: PackageCoder
    source: str
    created: str
    documents: list[PackagedDocument]
    codebooks: list[PackagedCodebook]
    unit: str | None
    sample: int | None
    seed: int | None
    #: the sampled units to code, [start, end) per document UUID; None for whole documents
    units: dict[str, Sequence[Sequence[int]]] | None
    codings_at_creation: list[str]


class PackageMade(TypedDict):
    """What `make_package` put in a package, for the user."""

    file: str
    coder: str
    documents: list[str]
    units: int | None
    unit: str | None
    seed: int | None


class Assignment(TypedDict):
    """The ranges a coder was given in merged packages (as JSON under ASSIGNMENT_PREFIX)."""

    coder: str
    documents: dict[str, list[list[int]]]   # document UUID -> [start, end) ranges


@dataclass(frozen=True)
class SetMeta:
    """An undoable change of one project metadata value ('' removes the key)."""

    key: str
    value: str
    label: str = "Set project setting"

    def execute(self, session: Session) -> tuple[str, SetMeta]:
        row = session.get(Meta, self.key)
        old = row.value if row is not None else ""
        if self.value:
            session.merge(Meta(key=self.key, value=self.value))
        elif row is not None:
            session.delete(row)
        session.flush()
        return self.value, SetMeta(self.key, old, self.label)


# -- making a package ---------------------------------------------------------------------------
def _sample(session: Session, doc_ids: list[int], unit: str, n: int,
            seed: int) -> dict[int, list[tuple[int, int]]]:
    import numpy as np

    from ..agreement.units import load_corpus, text_units

    corpus = load_corpus(session, [], [], doc_ids)
    starts, ends = text_units(corpus, unit)
    if n > len(starts):
        raise QcoderError(
            f"--sample {n}: the chosen documents have only {len(starts)} {unit}s; "
            f"ask for at most {len(starts)} or choose another --unit")
    chosen = np.sort(np.random.default_rng(seed).choice(len(starts), size=n, replace=False))
    doc_of = corpus.doc_index(starts[chosen])
    units: dict[int, list[tuple[int, int]]] = {}
    for i, d in zip(chosen.tolist(), doc_of.tolist()):
        doc = corpus.docs[d]
        units.setdefault(doc.id, []).append((int(starts[i]) - doc.offset, int(ends[i]) - doc.offset))
    return units


def _copy_rows(src: Session, dst: Session, model: type[Base],
               where: sa.ColumnElement[bool] | None = None,
               change: Callable[[RowValues], RowValues] | None = None) -> list[RowValues]:
    table = Base.metadata.tables[model.__tablename__]
    query = sa.select(table) if where is None else sa.select(table).where(where)
    rows = [dict(r._mapping) for r in src.execute(query)]
    if change:
        rows = [change(r) for r in rows]
    if rows:
        dst.execute(sa.insert(table), rows)
    return rows


def _copy_document(src: Session, dst: Session, doc_id: int) -> None:
    _copy_rows(src, dst, Document, Document.id == doc_id)
    _copy_rows(src, dst, Speaker, Speaker.document_id == doc_id, lambda r: r | {"case_id": None})
    _copy_rows(src, dst, StructureRange, StructureRange.document_id == doc_id)
    _copy_rows(src, dst, TextIndex, TextIndex.document_id == doc_id)


def _remove_project_file(path: Path) -> None:
    for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)


def make_package(project: Project, out: str | Path, coder: str, *,
                 documents: list[str] | None = None, sample: int | None = None,
                 unit: str = "turn", seed: int | None = None,
                 report: Progress | None = None) -> PackageMade:
    """Write a coder package for `coder` to `out`; returns what went in (for the user).

    `report(done, total, what)` hears of each document copied. Sentence samples index the
    documents first; a cancel then keeps the index made so far (derived data, no user change).
    """
    out = Path(out)
    if sample is not None and unit not in SAMPLE_UNITS:
        raise QcoderError(f"--unit {unit}: a sample is drawn from {', '.join(SAMPLE_UNITS)}")
    if sample is not None and sample < 1:
        raise QcoderError(f"--sample {sample}: ask for at least one unit")
    if out.exists():
        raise QcoderError(f"{out}: exists already; choose another file name or remove it first")
    with project.session() as s:
        if documents:
            doc_ids = [document_by_name(s, name).id for name in documents]
        else:
            doc_ids = list(s.scalars(sa.select(Document.id).order_by(Document.name)))
    if not doc_ids:
        raise QcoderError("the project has no documents to put in a package")
    if sample is not None and unit == "sentence":
        ensure_indexed(project, doc_ids, report)  # sentences are stored once per text
    with project.session() as s:
        existing = s.scalar(sa.select(Coder).where(Coder.name == coder.strip()))
        coder_uuid = existing.uuid if existing else new_uuid()
        units: dict[int, list[tuple[int, int]]] | None = None
        if sample is not None:
            seed = seed if seed is not None else secrets.randbelow(2**31)
            units = _sample(s, doc_ids, unit, sample, seed)
            doc_ids = [d for d in doc_ids if d in units]
        docs = list(s.scalars(sa.select(Document).where(Document.id.in_(doc_ids))
                              .order_by(Document.name)))
        books = list(s.scalars(sa.select(Codebook)))
        package = Project.create(out, title=f"{project.title} - {coder}")
        try:
            with package.transaction() as d:
                if package.engine.dialect.name == "sqlite":
                    d.execute(sa.text("PRAGMA defer_foreign_keys=ON"))
                for done, doc in enumerate(docs):
                    if report:
                        report(done, len(docs), f"copying {doc.name}")
                    _copy_document(s, d, doc.id)
                _copy_rows(s, d, Codebook)
                _copy_rows(s, d, Code)
                _copy_rows(s, d, Hypothesis)
                _copy_rows(s, d, CodeHypothesis)
                copied: list[RowValues] = []
                if existing is not None:
                    _copy_rows(s, d, Coder, Coder.id == existing.id)
                    copied = _copy_rows(s, d, Coding, sa.and_(Coding.coder_id == existing.id,
                                                              Coding.document_id.in_(doc_ids)))
                else:
                    d.add(Coder(uuid=coder_uuid, name=coder.strip()))
                info: PackageInfo = {
                    "format": 1, "coder": {"name": coder.strip(), "uuid": coder_uuid},
                    "source": project.title, "created": utcnow().isoformat(timespec="seconds"),
                    "documents": [{"uuid": x.uuid, "name": x.name, "content_hash": x.content_hash}
                                  for x in docs],
                    "codebooks": [{"uuid": b.uuid, "name": b.name, "version": b.version}
                                  for b in books],
                    "unit": unit if sample is not None else None, "sample": sample, "seed": seed,
                    "units": {x.uuid: units[x.id] for x in docs} if units else None,
                    "codings_at_creation": [r["uuid"] for r in copied],
                }
                for key, value in {PACKAGE_META: json.dumps(info, ensure_ascii=False),
                                   BLIND_META: "1", CURRENT_CODER_META: coder.strip(),
                                   "current_round": str(project.current_round)}.items():
                    d.merge(Meta(key=key, value=value))
                if report:
                    report(len(docs), len(docs), "codebooks and codings copied")
        except BaseException:
            package.close()
            _remove_project_file(out)
            raise
        package.close()
    return {"file": str(out), "coder": coder.strip(), "documents": [x.name for x in docs],
            "units": sum(len(v) for v in units.values()) if units else None,
            "unit": info["unit"], "seed": seed}


def package_info(project: Project) -> PackageInfo | None:
    """The package description stored in a coder package, or None for an ordinary project."""
    raw = project.meta(PACKAGE_META)
    info: PackageInfo | None = json.loads(raw) if raw else None
    return info


# -- merging it back ----------------------------------------------------------------------------
@dataclass
class MergeSummary:
    coder: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    documents: list[str] = field(default_factory=list)
    #: codings left out, each with what to do
    problems: list[str] = field(default_factory=list)
    #: things merged that deserve a look
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def _package_content(pkg: Project) -> tuple[PackageInfo, dict[int, DocumentFacts], dict[int, str],
                                             dict[int, str], list[Coding], int]:
    info = package_info(pkg)
    if info is None:
        raise QcoderError(f"{pkg.display_name}: not a coder package (make one with "
                          "`qcoder package PROJECT --for CODER --out FILE.qcoder`)")
    with pkg.session() as p:
        coder = p.scalar(sa.select(Coder).where(Coder.uuid == info["coder"]["uuid"]))
        docs = {d.id: (d.uuid, d.name, d.content_hash, len(d.text))
                for d in p.scalars(sa.select(Document))}
        codes = {c.id: c.uuid for c in p.scalars(sa.select(Code))}
        paths = code_paths(p)
        codings = [] if coder is None else list(p.scalars(
            sa.select(Coding).where(Coding.coder_id == coder.id)))
        others = p.scalars(sa.select(sa.func.count()).select_from(Coding)
                           .where(Coding.coder_id != (coder.id if coder else -1))).one()
    return info, docs, codes, paths, codings, others


def _unit_ranges(info: PackageInfo, doc_uuid: str, length: int) -> list[list[int]]:
    units = info.get("units")
    if units:
        return [list(r) for r in units.get(doc_uuid, [])]
    return [[0, length]]


def _execute_reporting(session: Session, ops: list[Operation], label: str,
                       report: Progress | None) -> Batch:
    """Execute `ops` as one Batch, reporting after each chunk; returns the Batch's inverse."""
    inverses: list[Operation] = []
    for first in range(0, len(ops), MERGE_CHUNK):
        _values, inverse = Batch(tuple(ops[first:first + MERGE_CHUNK])).execute(session)
        inverses.append(inverse)
        if report:
            report(min(first + MERGE_CHUNK, len(ops)), len(ops), "merging codings")
    return Batch(tuple(reversed(inverses)), label)


def merge_package(project: Project, package_path: str | Path,
                  report: Progress | None = None) -> Result:
    """Bring the package coder's codings into `project` as one undoable step.

    The value is a MergeSummary; codings that cannot be matched exactly are not merged and
    each such case is listed in `problems` with what to do. `report(done, total, what)` hears
    of the codings merged; a cancel rolls the whole merge back.
    """
    package_path = Path(package_path)
    pkg = Project.open(package_path)
    try:
        info, pdocs, pcodes, ppaths, pcodings, others = _package_content(pkg)
    finally:
        pkg.close()
    name = info["coder"]["name"]
    summary = MergeSummary(name)
    if others:
        summary.notes.append(f"{others} codings by other coders in the package were ignored")
    recorded = {d["uuid"]: d for d in info["documents"]}
    with project.transaction() as s:
        coder = s.scalar(sa.select(Coder).where(Coder.uuid == info["coder"]["uuid"]))
        if coder is None:
            coder = s.scalar(sa.select(Coder).where(Coder.name == name))
            if coder is None:
                coder = Coder(uuid=info["coder"]["uuid"], name=name)
                s.add(coder)
                s.flush()
        by_hash: dict[str, list[Document]] = {}
        by_uuid: dict[str, Document] = {}
        for doc in s.scalars(sa.select(Document)):
            by_hash.setdefault(doc.content_hash, []).append(doc)
            by_uuid[doc.uuid] = doc
        code_ids = dict(s.execute(sa.select(Code.uuid, Code.id)).all())
        per_doc: dict[int, list[Coding]] = {}
        for c in pcodings:
            per_doc.setdefault(c.document_id, []).append(c)
        doc_map: dict[int, Document] = {}
        for pid, (uuid, dname, chash, _length) in pdocs.items():
            n = len(per_doc.get(pid, []))
            matches = by_hash.get(chash, [])
            target = next((m for m in matches if m.uuid == uuid), matches[0] if matches else None)
            if target is not None:
                doc_map[pid] = target
                summary.documents.append(target.name)
                continue
            original = recorded[uuid]["content_hash"] if uuid in recorded else None
            if original and original != chash:
                summary.problems.append(
                    f"document {dname!r} was edited inside the package, so its {n} codings "
                    f"by {name} point at text the project does not have and were not merged; "
                    f"make the same edit in the project and merge again, or make a new package")
            elif uuid in by_uuid:
                summary.problems.append(
                    f"document {dname!r} was edited in the project after the package was made, "
                    f"so its {n} codings by {name} were not merged; undo the edit and merge "
                    f"again, or make a new package for {name} with the edited document")
            else:
                summary.problems.append(
                    f"document {dname!r} from the package is not in the project (deleted?), "
                    f"so its {n} codings by {name} were not merged; import it again and merge")
        for b in info.get("codebooks", []):
            now = s.scalar(sa.select(Codebook).where(Codebook.uuid == b["uuid"]))
            if now is not None and now.version != b["version"]:
                summary.notes.append(
                    f"codebook {now.name!r} is version {now.version} in the project but the "
                    f"package was coded with version {b['version']}; codings were matched by "
                    f"code UUID - check codings of codes whose definition changed")
        ops: list[Operation] = []
        missing_codes: dict[str, int] = {}
        seen: set[str] = set()
        existing = {c.uuid: c for c in s.scalars(sa.select(Coding).where(
            Coding.coder_id == coder.id, Coding.document_id.in_([d.id for d in doc_map.values()])))}
        for c in pcodings:
            target = doc_map.get(c.document_id)
            if target is None:
                continue
            code_id = code_ids.get(pcodes[c.code_id])
            if code_id is None:
                missing_codes[ppaths[c.code_id]] = missing_codes.get(ppaths[c.code_id], 0) + 1
                continue
            seen.add(c.uuid)
            spec = CodingSpec(target.id, c.start, c.end, code_id, coder.id, round=c.round,
                              memo=c.memo, origin=c.origin, uuid=c.uuid, created=c.created)
            old = existing.get(c.uuid) or s.scalar(sa.select(Coding).where(Coding.uuid == c.uuid))
            if old is None:
                ops.append(ApplyCoding(spec))
                summary.added += 1
            elif (old.document_id, old.start, old.end, old.code_id, old.memo) == (
                    target.id, c.start, c.end, code_id, c.memo):
                summary.unchanged += 1
            else:
                ops += [RemoveCoding(c.uuid), ApplyCoding(spec)]
                summary.updated += 1
        for uuid in info.get("codings_at_creation", []):
            if uuid not in seen and uuid in existing:
                ops.append(RemoveCoding(uuid))
                summary.removed += 1
        for path, n in missing_codes.items():
            summary.problems.append(
                f"code {path!r} is in the package but not in the project (deleted, or added "
                f"by {name}?), so its {n} codings were not merged; add the code to the "
                f"project's codebook with the same UUID, or recode them after merging")
        ops.append(SetMeta(ASSIGNMENT_PREFIX + coder.uuid,
                           _assignment(s, coder, info, doc_map, pdocs)))
        inverse = _execute_reporting(s, ops, f"Merge coder package {package_path.name}", report)
    return Result(summary, inverse)


def _assignment(session: Session, coder: Coder, info: PackageInfo, doc_map: dict[int, Document],
                pdocs: dict[int, DocumentFacts]) -> str:
    raw = session.get(Meta, ASSIGNMENT_PREFIX + coder.uuid)
    data: Assignment = (json.loads(raw.value) if raw is not None
                        else {"coder": coder.name, "documents": {}})
    for pid, doc in doc_map.items():
        uuid, _name, _hash, length = pdocs[pid]
        ranges = data["documents"].get(doc.uuid, []) + _unit_ranges(info, uuid, length)
        data["documents"][doc.uuid] = [list(r) for r in sorted({tuple(r) for r in ranges})]
    return json.dumps(data, ensure_ascii=False)


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            if min(e1, e2) > max(s1, s2):
                out.append((max(s1, s2), min(e1, e2)))
    return out


def assigned_scope(session: Session, coders: list[Coder],
                   ) -> tuple[dict[int, list[tuple[int, int]]] | None, str]:
    """The document ranges every compared coder with a merged package was given, or None;
    and a sentence saying so for the report's settings."""
    scope: dict[int, list[tuple[int, int]]] | None = None
    who = []
    ids = dict(session.execute(sa.select(Document.uuid, Document.id)).all())
    for coder in coders:
        raw = session.get(Meta, ASSIGNMENT_PREFIX + coder.uuid)
        if raw is None:
            continue
        who.append(coder.name)
        assignment: Assignment = json.loads(raw.value)
        mine = {ids[u]: [(start, end) for start, end in rs]
                for u, rs in assignment["documents"].items() if u in ids}
        scope = mine if scope is None else {
            d: _intersect(scope[d], mine[d]) for d in scope if d in mine}
    if scope is None:
        return None, ""
    n = sum(len(v) for v in scope.values())
    return scope, (f"only the text given to {' and '.join(who)} in coder packages "
                   f"({n} ranges in {len(scope)} documents)")

