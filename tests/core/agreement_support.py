"""Building real projects for the agreement tests: text units in a document, a codebook whose
codes are categories, and codings applied through `qcoder code`'s CSV path."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.bulk import code_from_csv
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import structure
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.store import Project

BOOK = "Enighed æøå"


def make_project(path: Path, documents: dict[str, list[str]], codes: dict[str, list[str]]):
    """A project whose documents consist of the given units, one paragraph (and sentence)
    each; `codes` maps top-level code names to their children. Returns the project and,
    per document, the [start, end) offsets of its units."""
    project = Project.create(path, title="Enighedstest")
    offsets: dict[str, list[tuple[int, int]]] = {}
    load_book(project, path.parent, [
        {"name": name, "children": [{"name": c} for c in kids]} if kids else {"name": name}
        for name, kids in codes.items()])
    with project.transaction() as s:
        for name, units in documents.items():
            text = normalise_text("\n\n".join(units) + "\n")
            pos, spans = 0, []
            for u in units:
                start = text.index(u, pos)
                spans.append((start, start + len(u)))
                pos = start + len(u)
            store_transcript(s, structure(text, f"{name}.txt", "txt"), name)
            offsets[name] = spans
    return project, offsets


def load_book(project, folder: Path, codes: list[dict], version: int = 1) -> None:
    """Load the test codebook (with `codes`) from a real YAML file, as `qcoder codebook` does."""
    file = folder / f"enighed_v{version}.yaml"
    file.write_text(yaml.safe_dump({"codebook": BOOK, "id": "enighed", "version": version,
                                    "codes": codes}, allow_unicode=True), encoding="utf-8")
    load_codebook(project, file)


def code(project, tmp: Path, coder: str, rows: list[tuple[str, int, int, str]]) -> int:
    """Apply (document, start, end, code path) rows by `coder` via a real CSV file."""
    path = tmp / f"codings_{coder}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "start", "end", "code"])
        for doc, start, end, code_path in rows:
            w.writerow([doc, start, end, code_path])
    return code_from_csv(project, path, coder).value


def path(*parts: str) -> str:
    return "/".join((BOOK,) + parts)
