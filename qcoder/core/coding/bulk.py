"""Bulk coding from a CSV file with columns `document,start,end,code`.

The whole file is checked before anything is written: unknown documents or codes and offsets
outside the text reject the file with every offending line number, and the project is left
exactly as it was. A valid file is applied as one transaction (one undo step).
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..documents.importers.txt import decode_bytes
from ..errors import InputFileError, NotFoundError
from ..lookup import code_by_path, coder_by_name, document_by_name
from ..operations import Batch, Result
from ..store import Project
from .codings import ApplyCoding, CodingSpec

REQUIRED = ("document", "start", "end", "code")


def read_coding_csv(path: Path) -> list[tuple[int, dict[str, str | None]]]:
    """Rows with their line numbers; accepts comma or semicolon (Danish Excel) separators."""
    text = decode_bytes(path.read_bytes(), path) if path.is_file() else None
    if text is None:
        raise InputFileError(f"{path}: no such file")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputFileError(
            f"{path}: line 1: missing column(s) {', '.join(missing)}; "
            f"the header must name {','.join(REQUIRED)}"
        )
    reader.fieldnames = header
    return [(n, row) for n, row in enumerate(reader, start=2)]


def code_from_csv(project: Project, path: str | Path, coder: str) -> Result:
    """Apply every row of the CSV as a coding by `coder`; value = number of codings."""
    path = Path(path)
    rows = read_coding_csv(path)
    problems: list[str] = []
    with project.transaction() as s:
        coder_row = coder_by_name(s, coder, create=True)
        ops = []
        for line, row in rows:
            try:
                doc = document_by_name(s, row["document"] or "")
                code = code_by_path(s, row["code"] or "")
                start, end = int(row["start"] or ""), int(row["end"] or "")
            except NotFoundError as exc:
                problems.append(f"line {line}: {exc}")
                continue
            except ValueError:
                problems.append(f"line {line}: start and end must be whole numbers")
                continue
            if not (0 <= start < end <= len(doc.text)):
                problems.append(
                    f"line {line}: offsets {start}-{end} fall outside document "
                    f"{doc.name!r} (0-{len(doc.text)}) or start is not before end"
                )
                continue
            ops.append(ApplyCoding(CodingSpec(doc.id, start, end, code.id, coder_row.id,
                                              round=project.current_round, origin="imported")))
        if problems:
            shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
            raise InputFileError(
                f"{path}: nothing was coded; fix these lines and run again: " + "; ".join(shown)
            )
        _values, inverse = Batch(tuple(ops), label=f"Code from {path.name}").execute(s)
    return Result(len(ops), inverse)
