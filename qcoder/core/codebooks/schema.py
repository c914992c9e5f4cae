"""The codebook file format: YAML read with line numbers and checked against a schema.

Codebook files are written by hand, so every problem is reported with the file, the line and
the field (e.g. `codes[2].children[0].color`) and what to write instead. Unknown keys are
errors too: a misspelt `defintion:` would otherwise vanish silently.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from ..errors import InputFileError

HYPOTHESIS_KINDS = ("exit", "retention", "general")
DIRECTIONS = ("supports", "contradicts")
ORIGINS = ("deductive", "inductive")
PATH_SEP = "/"

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_IDENT = re.compile(r"^[\w.-]+$")


class CodebookFileError(InputFileError):
    """A codebook file breaks the format; `problems` lists (line, field, message)."""

    def __init__(self, path: Path | str, problems: list[tuple[int | None, str, str]]):
        self.path = str(path)
        self.problems = problems
        parts = []
        for line, field, message in problems[:8]:
            where = f"line {line}" if line else "file"
            parts.append(f"{where}: {field + ': ' if field else ''}{message}")
        more = f"; and {len(problems) - 8} more problems" if len(problems) > 8 else ""
        super().__init__(f"{path}: " + "; ".join(parts) + more)


# -- YAML with line numbers ----------------------------------------------------------------
class Mapping(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class Sequence(list[Any]):
    line: int = 0


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


class _MarkedLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise _DuplicateKey(key, line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, path: Path | str) -> Any:
    try:
        return yaml.load(text, Loader=_MarkedLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as exc:
        raise CodebookFileError(path, [(exc.line, exc.key, "this key occurs twice in the same "
                                        "block; keep one")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        hint = ("; check the indentation and that text containing ': ' or starting with a quote "
                "is in double quotes")
        raise CodebookFileError(path, [(mark.line + 1 if mark else None, "",
                                        f"not valid YAML ({problem}){hint}")]) from None


# -- the schema ----------------------------------------------------------------------------
Check = Callable[[Any], str | None]  # returns a problem description, or None when fine


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return None
    return f"must be text, not {_kind(value)}; put it in double quotes"


def _name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty text"
    if PATH_SEP in value:
        return f"may not contain {PATH_SEP!r} (it separates the parts of a code path); use '-'"
    if value != value.strip():
        return "may not start or end with spaces"
    return None


def _ident(max_len: int) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not _IDENT.match(value):
            return "must be a short id of letters, digits, '_', '-' or '.' (no spaces)"
        if len(value) > max_len:
            return f"must be at most {max_len} characters"
        return None
    return check


def _int_from(low: int) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            return f"must be a whole number of at least {low}"
        return None
    return check


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        if value not in choices:
            return f"is {value!r}; use one of: {', '.join(choices)}"
        return None
    return check


def _colour(value: Any) -> str | None:
    if isinstance(value, str) and _COLOUR.match(value):
        return None
    return f'is {value!r}; write a colour as "#rrggbb" in double quotes, e.g. "#1f77b4"'


def _uuid(value: Any) -> str | None:
    try:
        uuidlib.UUID(str(value))
    except ValueError:
        return "is not a UUID; delete the line and qcoder assigns one"
    return None


def _texts(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list, e.g. [\"a\", \"b\"], not {_kind(value)}"
    for i, item in enumerate(value):
        if not isinstance(item, str):
            return f"item {i + 1} must be text, not {_kind(item)}; put it in double quotes"
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    return {bool: "yes/no", int: "a number", float: "a number", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


TOP = {
    "codebook": Field(_name, required=True),
    "id": Field(_ident(128), required=True),
    "uuid": Field(_uuid),
    "version": Field(_int_from(1)),
    "language": Field(_text),
    "sources": Field(_texts),
    "description": Field(_text),
    "hypotheses": Field(lambda v: None),  # checked item by item below
    "codes": Field(lambda v: None, required=True),
}
HYPOTHESIS = {
    "id": Field(_ident(32), required=True),
    "uuid": Field(_uuid),
    "parent": Field(_ident(32)),
    "label": Field(_text),
    "statement": Field(_text),
    "kind": Field(_one_of(HYPOTHESIS_KINDS)),
    "display_columns": Field(_texts),
}
CODE = {
    "name": Field(_name, required=True),
    "uuid": Field(_uuid),
    "label_da": Field(_text),
    "label_en": Field(_text),
    "color": Field(_colour),
    "origin": Field(_one_of(ORIGINS)),
    "round": Field(_int_from(1)),
    "flagged": Field(_text),
    "definition": Field(_text),
    "include": Field(_text),
    "exclude": Field(_text),
    "indicators": Field(_texts),
    "example": Field(_text),
    "keywords": Field(_texts),
    "hypotheses": Field(lambda v: None),
    "survey_items": Field(_texts),
    "children": Field(lambda v: None),
}
LINK = {
    "id": Field(_ident(32), required=True),
    "direction": Field(_one_of(DIRECTIONS)),
}


class _Validator:
    def __init__(self, path: Path | str):
        self.path = path
        self.problems: list[tuple[int | None, str, str]] = []

    def problem(self, line: int | None, field: str, message: str) -> None:
        self.problems.append((line, field, message))

    def mapping(self, value: Any, schema: dict[str, Field], where: str, line: int | None) -> bool:
        """Check one mapping's keys and scalar fields; False when it is not a mapping."""
        if not isinstance(value, dict):
            self.problem(line, where, f"must be a mapping of 'key: value' lines, not {_kind(value)}")
            return False
        lines = _lines(value)
        own = getattr(value, "line", line)
        for key in value:
            if key not in schema:
                close = [k for k in schema if k.startswith(str(key)[:3])]
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(lines.get(key, own), _join(where, key),
                             f"unknown key{hint}; known keys: {', '.join(schema)}")
        for key, spec in schema.items():
            if key not in value:
                if spec.required:
                    self.problem(own, _join(where, key), "is missing; it is required")
                continue
            message = spec.check(value[key])
            if message:
                self.problem(lines.get(key, own), _join(where, key), message)
        return True

    def items(self, value: Any, where: str, line: int | None) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(line, where, f"must be a list of '- ' items, not {_kind(value)}")
            return []
        return value

    def codebook(self, data: Any) -> None:
        if not self.mapping(data, TOP, "", 1):
            return
        lines = _lines(data)
        hyp_ids: dict[str, int | None] = {}
        hypotheses = self.items(data.get("hypotheses"), "hypotheses", lines.get("hypotheses"))
        for i, hyp in enumerate(hypotheses):
            where = f"hypotheses[{i}]"
            line = _line(hyp, lines.get("hypotheses"))
            if self.mapping(hyp, HYPOTHESIS, where, line) and isinstance(hyp.get("id"), str):
                if hyp["id"] in hyp_ids:
                    self.problem(line, where + ".id", f"{hyp['id']!r} is declared twice "
                                 f"(first on line {hyp_ids[hyp['id']]}); hypothesis ids must differ")
                hyp_ids.setdefault(hyp["id"], line)
        for i, hyp in enumerate(hypotheses):
            if isinstance(hyp, dict) and hyp.get("parent") is not None \
                    and hyp["parent"] not in hyp_ids:
                self.problem(_lines(hyp).get("parent"), f"hypotheses[{i}].parent",
                             f"{hyp['parent']!r} is not a hypothesis of this file; "
                             f"declare it under 'hypotheses:' ({_known(hyp_ids)})")
        codes = self.items(data.get("codes"), "codes", lines.get("codes"))
        if "codes" in data and not codes:
            self.problem(lines.get("codes"), "codes", "needs at least one code")
        self.codes(codes, "codes", lines.get("codes"), hyp_ids, set())

    def codes(self, codes: list[Any], where: str, line: int | None, hyp_ids: dict[str, int | None],
              uuids: set[str]) -> None:
        names: dict[str, int | None] = {}
        for i, code in enumerate(codes):
            here = f"{where}[{i}]"
            code_line = _line(code, line)
            if not self.mapping(code, CODE, here, code_line):
                continue
            name = code.get("name")
            if isinstance(name, str):
                if name in names:
                    self.problem(code_line, here + ".name", f"{name!r} occurs twice among "
                                 f"these codes (first on line {names[name]}); rename one")
                names.setdefault(name, code_line)
            if isinstance(code.get("uuid"), str):
                if code["uuid"] in uuids:
                    self.problem(_lines(code).get("uuid"), here + ".uuid",
                                 "this uuid is used by another code in the file; delete the line")
                uuids.add(code["uuid"])
            links = self.items(code.get("hypotheses"), here + ".hypotheses",
                               _lines(code).get("hypotheses"))
            for j, link in enumerate(links):
                link_where = f"{here}.hypotheses[{j}]"
                link_line = _line(link, _lines(code).get("hypotheses"))
                if self.mapping(link, LINK, link_where, link_line) \
                        and isinstance(link.get("id"), str) and link["id"] not in hyp_ids:
                    self.problem(link_line, link_where + ".id",
                                 f"{link['id']!r} is not a hypothesis of this file; declare it "
                                 f"under 'hypotheses:' ({_known(hyp_ids)})")
            children = self.items(code.get("children"), here + ".children",
                                  _lines(code).get("children"))
            self.codes(children, here + ".children", _lines(code).get("children"), hyp_ids, uuids)


def _lines(value: Any) -> dict[str, int]:
    return getattr(value, "key_lines", {})


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def _line(value: Any, fallback: int | None) -> int | None:
    return getattr(value, "line", None) or fallback


def _known(ids: dict[str, int | None]) -> str:
    return "declared: " + ", ".join(ids) if ids else "none are declared"


def validate_codebook(data: Any, path: Path | str) -> None:
    """Raise CodebookFileError listing every problem in parsed codebook `data`."""
    checker = _Validator(path)
    checker.codebook(data)
    if checker.problems:
        raise CodebookFileError(path, checker.problems)


def read_codebook_file(path: str | Path) -> Mapping:
    """Read and validate a codebook file; the result keeps line numbers for later errors."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    data = parse_yaml(text, path)
    validate_codebook(data, path)
    return cast(Mapping, data)  # validated as a mapping, and _MarkedLoader makes each one a Mapping


def iter_codes(codes: list[Any] | None, parents: tuple[str, ...] = ()
               ) -> Iterator[tuple[tuple[str, ...], int, dict[str, Any]]]:
    """(path parts, position among siblings, spec) for every code spec of a validated file,
    parents before children."""
    for position, spec in enumerate(codes or []):
        parts = parents + (spec["name"],)
        yield parts, position, spec
        yield from iter_codes(spec.get("children") or [], parts)
