"""Codebook files (YAML, one per theoretical frame) and their code trees in a project.

A codebook file declares its codes (nested by `children`) and the hypotheses its codes bear on.
Loading one adds a Codebook row, its Code tree and its Hypotheses in one transaction.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from .errors import InputFileError
from .store.models import Code, Codebook, CodeHypothesis, Hypothesis


def read_codebook_file(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "somewhere"
        raise InputFileError(f"{path}: {where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or "codebook" not in data or "codes" not in data:
        raise InputFileError(f"{path}: a codebook file needs the top-level keys 'codebook' and 'codes'")
    return data


def _add_codes(session: Session, book: Codebook, specs: list[dict], parent: Code | None,
               hypotheses: dict[str, Hypothesis]) -> None:
    for position, spec in enumerate(specs):
        code = Code(
            codebook=book, parent=parent, position=position, name=spec["name"],
            label_da=spec.get("label_da", spec["name"]), label_en=spec.get("label_en", ""),
            color=spec.get("color", "#999999"), definition=spec.get("definition", ""),
            include=spec.get("include", ""), exclude=spec.get("exclude", ""),
            indicators=spec.get("indicators") or [], example=spec.get("example", ""),
            keywords=spec.get("keywords") or [], survey_items=spec.get("survey_items") or [],
            origin=spec.get("origin", "deductive"), round_added=spec.get("round", 1),
        )
        session.add(code)
        session.flush()
        for link in spec.get("hypotheses") or []:
            hyp = hypotheses[link["id"]]
            session.add(CodeHypothesis(code_id=code.id, hypothesis_id=hyp.id,
                                       direction=link.get("direction", "supports")))
        _add_codes(session, book, spec.get("children") or [], code, hypotheses)


def add_codebook(session: Session, data: dict) -> Codebook:
    """Insert a parsed codebook file in the caller's transaction."""
    book = Codebook(
        ident=data.get("id") or data["codebook"], name=data["codebook"],
        version=int(data.get("version", 1)), language=data.get("language", "da"),
        sources=data.get("sources") or [], description=data.get("description", ""),
    )
    session.add(book)
    session.flush()
    hypotheses: dict[str, Hypothesis] = {}
    for position, spec in enumerate(data.get("hypotheses") or []):
        hyp = Hypothesis(
            codebook=book, ident=spec["id"], parent_ident=spec.get("parent"), position=position,
            label=spec.get("label", ""), statement=spec.get("statement", ""),
            kind=spec.get("kind", "exit"), display_columns=spec.get("display_columns") or [],
        )
        session.add(hyp)
        hypotheses[hyp.ident] = hyp
    session.flush()
    _add_codes(session, book, data["codes"], None, hypotheses)
    return book


def load_codebook(project, path: str | Path) -> str:
    """Add the codebook file at `path` to the project; returns the codebook's name."""
    data = read_codebook_file(path)
    with project.transaction() as s:
        return add_codebook(s, data).name
