"""The demo project: fictitious Danish material that shows every feature something real.

`resources/demo/manifest.yaml` lists what goes in: codebooks, transcripts (imported through the
ordinary importers), case attributes, and codings by two coders. Codings are given by the
passage they cover (a quote from the transcript), not by offsets, so the transcripts can be
edited without breaking the demo; a quote that cannot be found is an error in the demo files.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable

import yaml

from .cases import get_or_create_attribute, get_or_create_case, infer_type, link_document, set_value
from .codebook import add_codebook, read_codebook_file
from .coding import ApplyCoding, CodingSpec
from .documents import store_transcript
from .errors import QcoderError
from .importers import read_transcript
from .lookup import code_by_path, coder_by_name, document_by_name
from .store import Project

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = REPO_ROOT / "resources" / "demo"
DEFAULT_DEMO_PATH = REPO_ROOT / "projects" / "demo.qcoder"


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _locate(text: str, quote: str, occurrence: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            raise QcoderError(f"{where}: quote not found in the transcript: {quote[:60]!r}")
    return start, start + len(quote)


def build_demo(target: str | Path = DEFAULT_DEMO_PATH, *, replace: bool = False,
               report: Callable[[str], None] = lambda _m: None,
               source: Path = DEMO_DIR) -> Path:
    target = Path(target)
    if target.exists():
        if not replace:
            return target
        for extra in (target, target.with_name(target.name + "-wal"),
                      target.with_name(target.name + "-shm")):
            extra.unlink(missing_ok=True)
    manifest = yaml.safe_load((source / "manifest.yaml").read_text(encoding="utf-8"))
    project = Project.create(target, title=manifest.get("title", "qcoder demo"))
    try:
        with project.transaction() as s:
            for name in manifest.get("codebooks", []):
                add_codebook(s, read_codebook_file(source / name))
            report(f"Loaded {len(manifest.get('codebooks', []))} codebook(s)")
            for entry in manifest["documents"]:
                transcript = read_transcript(source / entry["file"],
                                             section_pattern=entry.get("section_pattern"))
                added = store_transcript(s, transcript, entry.get("name") or Path(entry["file"]).stem,
                                         entry.get("kind", "other"))
                if entry.get("case"):
                    doc = document_by_name(s, added.name)
                    link_document(s, doc, get_or_create_case(s, entry["case"]))
                report(f"Imported {entry['file']}")
            if manifest.get("attributes"):
                rows = _read_csv(source / manifest["attributes"])
                key = manifest.get("attribute_key", "case")
                columns = [c for c in rows[0] if c != key]
                attrs = {c: get_or_create_attribute(s, c, infer_type([r[c] for r in rows]))
                         for c in columns}
                for row in rows:
                    case = get_or_create_case(s, row[key])
                    for column, attr in attrs.items():
                        set_value(s, case, attr, row[column])
                report(f"Set attributes of {len(rows)} cases")
            if manifest.get("codings"):
                path = source / manifest["codings"]
                rows = _read_csv(path)
                for line, row in enumerate(rows, start=2):
                    doc = document_by_name(s, row["document"])
                    start, end = _locate(doc.text, row["quote"], int(row.get("occurrence") or 1),
                                         f"{path.name} line {line}")
                    code = code_by_path(s, row["code"])
                    coder = coder_by_name(s, row["coder"], create=True)
                    ApplyCoding(CodingSpec(doc.id, start, end, code.id, coder.id,
                                           round=int(row.get("round") or 1),
                                           memo=row.get("memo", ""))).execute(s)
                report(f"Applied {len(rows)} demo codings")
    except BaseException:
        project.close()
        for extra in (target, target.with_name(target.name + "-wal"),
                      target.with_name(target.name + "-shm")):
            extra.unlink(missing_ok=True)
        raise
    project.close()
    return target
