"""The demo project: fictitious Danish material that shows every feature something real.

`qcoder/data/demo/manifest.yaml` lists what goes in: codebooks, transcripts (imported as a user
imports them), case attributes, a survey, and codings by two coders - the second coding
in a coder package that is merged back, as a real second coder would. Codings are given by the
passage they cover (a quote from the transcript), not by offsets, so the transcripts can be
edited without breaking the demo; a quote that cannot be found is an error in the demo files.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from ..data import data_path
from .cases.attributes import ImportAttributes, read_table
from .codebooks.loading import add_codebook, read_codebook_file
from .coding.codings import ApplyCoding, CodingSpec
from .documents.batch_import import import_files
from .errors import QcoderError
from .exchange.package import make_package, merge_package
from .lookup import code_by_path, coder_by_name, document_by_name
from .store import Project
from .survey.datasets import add_survey

DEMO_DIR = data_path("demo")


def default_demo_path() -> Path:
    """Where the demo project is built when no path is given: the user's data folder
    (e.g. ~/.local/share/qcoder), never the install or the current directory."""
    from platformdirs import user_data_path

    return user_data_path("qcoder", appauthor=False) / "demo.qcoder"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _locate(text: str, quote: str, occurrence: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            raise QcoderError(f"{where}: quote not found in the transcript: {quote[:60]!r}")
    return start, start + len(quote)


def _apply_codings(session: Session, rows: list[tuple[int, dict[str, str]]], source: str) -> None:
    for line, row in rows:
        doc = document_by_name(session, row["document"])
        start, end = _locate(doc.text, row["quote"], int(row.get("occurrence") or 1),
                             f"{source} line {line}")
        code = code_by_path(session, row["code"])
        coder = coder_by_name(session, row["coder"], create=True)
        ApplyCoding(CodingSpec(doc.id, start, end, code.id, coder.id,
                               round=int(row.get("round") or 1),
                               memo=row.get("memo", ""))).execute(session)


def _remove(target: Path) -> None:
    for extra in (target, target.with_name(target.name + "-wal"),
                  target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)


def _second_coder(project: Project, rows: list[tuple[int, dict[str, str]]], coder: str,
                  documents: list[str] | None, source: str, report: Callable[[str], None]) -> None:
    """The second coder works as a real one would: in a coder package, merged back after."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{coder}.qcoder"
        make_package(project, path, coder, documents=documents)
        with Project.open(path) as package:
            with package.transaction() as s:
                _apply_codings(s, rows, source)
        summary = merge_package(project, path).value
    report(f"{coder} coded {len(rows)} passages in a coder package; merged: "
           f"{summary.added} added")


def build_demo(target: str | Path | None = None, *, replace: bool = False,
               report: Callable[[str], None] = lambda _m: None,
               source: Path = DEMO_DIR) -> Path:
    target = Path(target) if target is not None else default_demo_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        if not replace:
            return target
        _remove(target)
    manifest = yaml.safe_load((source / "manifest.yaml").read_text(encoding="utf-8"))
    package = manifest.get("coder_package")
    project = Project.create(target, title=manifest.get("title", "qcoder demo"))
    try:
        with project.transaction() as s:
            for name in manifest.get("codebooks", []):
                add_codebook(s, read_codebook_file(source / name), str(source / name))
        for entry in manifest["documents"]:  # the importer users have, indexing included
            import_files(project, [source / entry["file"]], kind=entry.get("kind", "other"),
                         case=entry.get("case"), section_pattern=entry.get("section_pattern"))
            report(f"Imported {entry['file']}")
        with project.transaction() as s:
            if manifest.get("attributes"):
                table = read_table(source / manifest["attributes"])
                ImportAttributes(table, manifest.get("attribute_key", "case")).execute(s)
                report(f"Set attributes of {len(table.rows)} cases")
            if manifest.get("survey"):
                add_survey(s, source / manifest["survey"], manifest["survey_key"],
                           name=manifest.get("survey_name"),
                           labels=source / manifest["survey_labels"]
                           if manifest.get("survey_labels") else None)
                report(f"Loaded the survey {manifest['survey']}")
            rows = list(enumerate(_read_csv(source / manifest["codings"]), start=2)) \
                if manifest.get("codings") else []
            second = package["coder"] if package else None
            _apply_codings(s, [r for r in rows if r[1]["coder"] != second], manifest.get("codings", ""))
        if package:
            _second_coder(project, [r for r in rows if r[1]["coder"] == second],
                          package["coder"], package.get("documents"), manifest["codings"], report)
        report(f"Applied {len(rows)} demo codings")
    except BaseException:
        project.close()
        _remove(target)
        raise
    project.close()
    return target
