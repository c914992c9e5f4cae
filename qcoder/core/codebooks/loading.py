"""Codebooks in a project: loading a codebook file, and updating to a newer version of it.

A codebook file (format in codebook_schema.py) declares its codes, nested by `children`, and the
hypotheses its codes bear on. Loading it adds a Codebook row, its Code tree and its Hypotheses.
Loading a later version of the same codebook id updates the tree in place and never loses a
coding: codes are matched by UUID, then by path; a code the new version drops is deleted only
when neither it nor a code below it holds codings - otherwise it is kept and flagged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..store import Project
from ..store.models import Code, Codebook, CodeHypothesis, Coding, Hypothesis
from .schema import (
    CodebookFileError,
    iter_codes,
    read_codebook_file,
    validate_codebook,
)

__all__ = ["LoadReport", "add_codebook", "load_codebook", "load_codebooks", "read_codebook_file"]

CODE_TEXT_FIELDS = ("label_en", "definition", "include", "exclude", "example", "flagged")
CODE_LIST_FIELDS = ("indicators", "keywords", "survey_items")


@dataclass
class LoadReport:
    """What loading one codebook file did to the project."""

    name: str
    ident: str
    version: int
    previous_version: int | None = None
    added: int = 0
    updated: int = 0
    removed: int = 0
    flagged: list[str] = field(default_factory=list)
    hypotheses: int = 0

    @property
    def summary(self) -> str:
        if self.previous_version is None:
            return (f"Added codebook {self.name!r} ({self.ident}, version {self.version}): "
                    f"{self.added} codes, {self.hypotheses} hypotheses")
        text = (f"Updated codebook {self.name!r} ({self.ident}) from version "
                f"{self.previous_version} to {self.version}: {self.updated} codes kept, "
                f"{self.added} added, {self.removed} removed")
        if self.flagged:
            text += (f", {len(self.flagged)} dropped but kept because they hold codings "
                     f"(flagged): {', '.join(self.flagged)}")
        return text


class _Loader:
    """Applies one validated codebook file to the project inside the caller's transaction."""

    def __init__(self, session: Session, data: dict[str, Any], source: str):
        self.s = session
        self.data = data
        self.source = source or "the codebook file"

    def fail(self, node: object, key: str | None, field_name: str, message: str) -> NoReturn:
        line = getattr(node, "key_lines", {}).get(key) if key else None
        raise CodebookFileError(self.source, [(line or getattr(node, "line", None),
                                               field_name, message)])

    # -- codebook ------------------------------------------------------------------------
    def run(self) -> LoadReport:
        data, s = self.data, self.s
        book = s.scalar(sa.select(Codebook).where(Codebook.ident == data["id"]))
        version = int(data.get("version", 1))
        report = LoadReport(data["codebook"], data["id"], version)
        clash = s.scalar(sa.select(Codebook).where(Codebook.name == data["codebook"],
                                                   Codebook.ident != data["id"]))
        if clash is not None:
            self.fail(data, "codebook", "codebook", f"the project already has a codebook named "
                      f"{clash.name!r} (id {clash.ident!r}); give this one another name")
        if book is None:
            if data.get("uuid") and s.scalar(sa.select(Codebook).where(Codebook.uuid == data["uuid"])):
                self.fail(data, "uuid", "uuid", "another codebook in the project has this uuid; "
                          "delete the uuid line to load the file as a new codebook")
            book = Codebook(ident=data["id"], **({"uuid": data["uuid"]} if data.get("uuid") else {}))
            s.add(book)
        else:
            report.previous_version = book.version
            if version < book.version:
                self.fail(data, "version", "version", f"is {version}, older than version "
                          f"{book.version} already in the project; set 'version:' to "
                          f"{book.version} or higher to update the codebook")
        book.name = data["codebook"]
        book.version = version
        book.language = data.get("language", "da")
        book.sources = list(data.get("sources") or [])
        book.description = data.get("description", "")
        s.flush()
        hypotheses = self.hypotheses(book)
        report.hypotheses = len(hypotheses)
        self.codes(book, hypotheses, report)
        return report

    # -- hypotheses ----------------------------------------------------------------------
    def hypotheses(self, book: Codebook) -> dict[str, Hypothesis]:
        s = self.s
        existing = {h.ident: h for h in s.scalars(sa.select(Hypothesis)
                                                  .where(Hypothesis.codebook_id == book.id))}
        result: dict[str, Hypothesis] = {}
        for position, spec in enumerate(self.data.get("hypotheses") or []):
            hyp = existing.pop(spec["id"], None)
            if hyp is None:
                other = s.scalar(sa.select(Hypothesis).where(Hypothesis.ident == spec["id"]))
                if other is not None:
                    owner = other.codebook.ident if other.codebook else "no codebook"
                    self.fail(spec, "id", "hypotheses.id", f"hypothesis id {spec['id']!r} is "
                              f"already used in the project (codebook {owner!r}); hypothesis ids "
                              "must be unique across codebooks - rename it, e.g. with a prefix")
                hyp = Hypothesis(codebook=book, ident=spec["id"],
                                 **({"uuid": spec["uuid"]} if spec.get("uuid") else {}))
                s.add(hyp)
            hyp.parent_ident = spec.get("parent")
            hyp.position = position
            hyp.label = spec.get("label", "")
            hyp.statement = spec.get("statement", "")
            hyp.kind = spec.get("kind", "exit")
            hyp.display_columns = list(spec.get("display_columns") or [])
            result[hyp.ident] = hyp
        for dropped in existing.values():
            s.execute(sa.delete(CodeHypothesis).where(CodeHypothesis.hypothesis_id == dropped.id))
            s.delete(dropped)
        s.flush()
        return result

    # -- codes ---------------------------------------------------------------------------
    def codes(self, book: Codebook, hypotheses: dict[str, Hypothesis], report: LoadReport) -> None:
        s = self.s
        existing = list(s.scalars(sa.select(Code).where(Code.codebook_id == book.id)))
        by_uuid = {c.uuid: c for c in existing}
        by_id = {c.id: c for c in existing}
        by_path = {_path_parts(c, by_id): c for c in existing}
        file_uuids = {spec["uuid"] for _p, _i, spec in iter_codes(self.data["codes"])
                      if spec.get("uuid")}
        matched: set[int] = set()
        resolved: dict[tuple[str, ...], Code] = {}
        for parts, position, spec in iter_codes(self.data["codes"]):
            code = self.match(spec, parts, by_uuid, by_path, file_uuids, matched)
            if code is None:
                code = Code(codebook=book, **({"uuid": spec["uuid"]} if spec.get("uuid") else {}))
                s.add(code)
                report.added += 1
            else:
                matched.add(code.id)
                report.updated += 1
            code.codebook = book
            code.parent = resolved.get(parts[:-1])
            code.position = position
            _apply_fields(code, spec)
            resolved[parts] = code
        s.flush()
        for parts, _position, spec in iter_codes(self.data["codes"]):
            code = resolved[parts]
            if code.id in matched:
                s.execute(sa.delete(CodeHypothesis).where(CodeHypothesis.code_id == code.id))
            for link in spec.get("hypotheses") or []:
                s.add(CodeHypothesis(code_id=code.id, hypothesis_id=hypotheses[link["id"]].id,
                                     direction=link.get("direction", "supports")))
        self.dropped([c for c in existing if c.id not in matched], report)
        s.flush()

    def match(self, spec: dict[str, Any], parts: tuple[str, ...], by_uuid: dict[str, Code],
              by_path: dict[tuple[str, ...], Code], file_uuids: set[str],
              matched: set[int]) -> Code | None:
        """The existing code a file entry stands for: by UUID, else by path, else None."""
        if spec.get("uuid"):
            if spec["uuid"] in by_uuid:
                return by_uuid[spec["uuid"]]
            other = self.s.scalar(sa.select(Code).where(Code.uuid == spec["uuid"]))
            if other is not None:
                self.fail(spec, "uuid", f"code {'/'.join(parts)!r} uuid", "a code of another "
                          f"codebook ({other.codebook.ident!r}) has this uuid; delete the uuid "
                          "line to load it as a new code")
        candidate = by_path.get(parts)
        if candidate is None or candidate.id in matched or candidate.uuid in file_uuids:
            return None
        return candidate

    def dropped(self, codes: list[Code], report: LoadReport) -> None:
        """Delete dropped codes without codings; keep and flag those holding codings."""
        if not codes:
            return
        s = self.s
        counts = Counter(dict(s.execute(
            sa.select(Coding.code_id, sa.func.count())
            .where(Coding.code_id.in_([c.id for c in codes])).group_by(Coding.code_id)).all()))
        dropped_ids = {c.id for c in codes}
        keep: set[int] = set()
        for code in codes:  # a code with codings keeps its dropped ancestors too
            node = code if counts[code.id] else None
            while node is not None and node.id in dropped_ids:
                keep.add(node.id)
                node = node.parent
        next_position: dict[tuple[int, int | None], int] = {}
        version = self.data.get("version", 1)
        for code in sorted(codes, key=lambda c: (_depth(c), c.position)):
            if code.id not in keep:
                continue
            held = counts[code.id]
            why = (f"it holds {held} coding{'s' if held != 1 else ''}" if held
                   else "a code below it holds codings")
            code.flagged = (f"Not in version {version} of {Path(self.source).name}; kept because "
                            f"{why}. Merge it into another code, then delete it.")
            key = (code.codebook_id, code.parent_id)
            if key not in next_position:
                parent = (Code.parent_id.is_(None) if code.parent_id is None
                          else Code.parent_id == code.parent_id)
                last = s.scalar(sa.select(sa.func.max(Code.position)).where(
                    Code.codebook_id == code.codebook_id, parent, Code.id.not_in(keep)))
                next_position[key] = 0 if last is None else last + 1
            code.position = next_position[key]
            next_position[key] += 1
            report.flagged.append(code.name)
        for code in sorted((c for c in codes if c.id not in keep), key=lambda c: -_depth(c)):
            s.execute(sa.delete(CodeHypothesis).where(CodeHypothesis.code_id == code.id))
            s.delete(code)
            report.removed += 1


def _apply_fields(code: Code, spec: dict[str, Any]) -> None:
    code.name = spec["name"]
    code.label_da = spec.get("label_da", spec["name"])
    code.color = spec.get("color", "#999999")
    for name in CODE_TEXT_FIELDS:
        setattr(code, name, spec.get(name, ""))
    for name in CODE_LIST_FIELDS:
        setattr(code, name, list(spec.get(name) or []))
    code.origin = spec.get("origin", "deductive")
    code.round_added = spec.get("round", 1)


def _path_parts(code: Code, by_id: dict[int, Code]) -> tuple[str, ...]:
    parts = []
    node: Code | None = code
    while node is not None:
        parts.append(node.name)
        node = by_id.get(node.parent_id) if node.parent_id else None
    return tuple(reversed(parts))


def _depth(code: Code) -> int:
    depth, node = 0, code.parent
    while node is not None:
        depth, node = depth + 1, node.parent
    return depth


def add_codebook(session: Session, data: dict[str, Any], source: str = "") -> LoadReport:
    """Add or update the codebook of a parsed file (or an equivalent dict) in the caller's
    transaction; the data is validated first, so a dict built in code gets the same checks."""
    validate_codebook(data, source or "codebook data")
    return _Loader(session, data, source).run()


def load_codebooks(project: Project, paths: list[str | Path]) -> list[LoadReport]:
    """Load codebook files in one transaction: all of them, or (on any error) none."""
    files = [(Path(p), read_codebook_file(p)) for p in paths]
    with project.transaction() as s:
        return [add_codebook(s, data, str(path)) for path, data in files]


def load_codebook(project: Project, path: str | Path) -> LoadReport:
    """Add the codebook file at `path` to the project, or update it to the file's version."""
    return load_codebooks(project, [path])[0]
