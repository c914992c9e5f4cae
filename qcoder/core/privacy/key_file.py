"""The pseudonymisation key: a CSV file of original, type and pseudonym, kept apart from the
project. Whoever holds it can trace every pseudonym back, so it is never the project file or one
of its sidecars, and it is written atomically: a crash leaves the old key or the new one.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputFileError, QcoderError
from .entities import normalise_type

if TYPE_CHECKING:
    from ..store import Project

KEY_HEADER = ["original", "type", "pseudonym"]


def check_key_path(project: Project, key_path: Path) -> Path:
    """The key path, refused when it is the project file (or one beside it) or a folder."""
    key_path = Path(key_path)
    if project.path is not None:
        own = project.path.resolve()
        sidecars = {own, *(own.with_name(own.name + s) for s in ("-wal", "-shm", "-journal"))}
        if key_path.resolve() in sidecars or key_path.suffix == ".qcoder":
            raise QcoderError(f"{key_path}: the key must be a separate file outside the project; "
                              "give a path such as nøgle.csv in a protected folder")
    if key_path.exists() and key_path.is_dir():
        raise QcoderError(f"{key_path}: is a folder; give a file name such as "
                          f"{key_path / 'nøgle.csv'}")
    return key_path


def inside_project_folder(project: Project, key_path: Path) -> bool:
    """Whether the key file would lie in the project's folder (or below it): whoever gets the
    folder would get the key too."""
    if project.path is None:
        return False
    return Path(key_path).resolve().is_relative_to(project.path.parent.resolve())


def read_key(key_path: Path) -> list[tuple[str, str, str]]:
    """(original, type, pseudonym) rows of an existing key file; none when it does not exist."""
    if not key_path.exists():
        return []
    try:
        text = key_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{key_path}: cannot read the key file ({exc})") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip().lower() for c in rows[0]] != KEY_HEADER:
        raise InputFileError(f"{key_path} line 1: a key file starts with the columns "
                             f"{','.join(KEY_HEADER)}; is this the right file?")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 3 or not row[0].strip() or not row[2].strip():
            raise InputFileError(f"{key_path} line {n}: expected original,type,pseudonym")
        out.append((row[0], normalise_type(row[1], f"{key_path} line {n}"), row[2]))
    return out


def write_key(key_path: Path, rows: Iterable[tuple[str, str, str]]) -> None:
    """Write the key atomically (a temporary file renamed over the old one)."""
    key_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".key-", suffix=".csv", dir=key_path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(KEY_HEADER)
            writer.writerows(rows)
        os.replace(tmp, key_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
