"""Citations for quotes: each corpus kind's attribute set and template, editable per project.

A template names case attributes and structure fields in braces: `({first_name}, bilag
{appendix}, s. {page})`. Text in square brackets is optional - dropped when a field inside it
has no value (`({case}[, s. {page}])`). Fields are looked up in the speaker's participant case
(focus groups), then the document's case, then the document itself: `case`, `document`,
`speaker`, `page`, `line`, `section`, `time`. A citation that cannot be filled says which
field is missing, and where to add it.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..documents.kinds import check_kind
from ..documents.structure import DocumentStructure
from ..errors import NotFoundError, QcoderError
from ..exchange.package import SetMeta
from ..operations import Result, run
from ..store.models import Case, Document, DocumentCase, Meta
from .cases import case_attributes

if TYPE_CHECKING:
    from ..store.project import Project

DEFAULT_TEMPLATES = {
    "mayor_interview": "({first_name}, bilag {appendix}, s. {page})",
    "dm_interview": "({gender}, {age_band} år, {task_type})",
    "vignette_group": "({speaker}, {municipality}, {section})",
    "other": "({case}[, s. {page}])",
}

#: Danish (and spelled-out) column names for the template fields.
ALIASES = {
    "fornavn": "first_name", "navn": "name", "kommune": "municipality",
    "indbyggertal": "population", "parti": "party", "landsdel": "region", "bilag": "appendix",
    "køn": "gender", "aldersinterval": "age_band", "alder": "age_band",
    "opgavetype": "task_type", "anciennitet": "seniority", "kommunestørrelse": "municipality_size",
    "trivsel": "wellbeing", "anbringelsesfrekvens": "placement_rate", "side": "page",
    "linje": "line", "afsnit": "section", "vignet": "section", "taler": "speaker",
    "sag": "case", "dokument": "document", "tid": "time",
}
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_META = "citation_template:"


def field_key(name: str) -> str:
    """'First name', 'first-name' and 'Fornavn' all become 'first_name'."""
    key = re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFC", name.strip()).casefold())
    return ALIASES.get(key, key)


def format_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def template_fields(template: str) -> list[str]:
    """The field names in a template; raises QcoderError for a malformed one."""
    depth = 0
    for ch in template:
        depth += (ch == "[") - (ch == "]")
        if depth not in (0, 1):
            break
    if depth:
        raise QcoderError(f"citation template {template!r}: square brackets (optional parts) "
                          "must be balanced and not nested")
    try:
        parsed = list(string.Formatter().parse(template.replace("[", "").replace("]", "")))
    except ValueError as exc:
        raise QcoderError(f"citation template {template!r} is not valid: {exc}; write fields "
                          "as {name} and a literal brace as {{ or }}") from None
    names = [name for _lit, name, _spec, _conv in parsed if name is not None]
    for name in names:
        if not name or not re.fullmatch(r"\w+", name):
            raise QcoderError(f"citation template {template!r}: {{{name}}} is not a field name; "
                              "use attribute names such as {first_name} or {page}")
    return names


@dataclass(frozen=True)
class Citation:
    text: str
    missing: tuple[str, ...]
    template: str
    where: str = ""

    @property
    def ok(self) -> bool:
        return not self.missing

    @property
    def problem(self) -> str:
        if self.ok:
            return ""
        names = ", ".join(self.missing)
        return (f"the citation {self.template!r} cannot be filled for {self.where}: missing "
                f"{names}; add {'it' if len(self.missing) == 1 else 'them'} as case attributes "
                "(qcoder attributes, or the case table)")


def render(template: str, values: dict[str, str], where: str = "") -> Citation:
    """Fill a template from field values (by field key); missing fields show as '?'."""
    template_fields(template)
    missing: list[str] = []

    def fill(part: str, optional: bool) -> str | None:
        """The part filled in; None when it is optional and a field in it has no value."""
        out = []
        for literal, name, _spec, _conv in string.Formatter().parse(part):
            out.append(literal)
            if name is None:
                continue
            value = values.get(field_key(name), "")
            if not value:
                if optional:
                    return None
                missing.append(name)
                value = "?"
            out.append(value)
        return "".join(out)

    pieces: list[str] = []
    last = 0
    for m in _OPTIONAL.finditer(template):
        pieces.append(fill(template[last:m.start()], False) or "")
        pieces.append(fill(m.group(1), True) or "")
        last = m.end()
    pieces.append(fill(template[last:], False) or "")
    return Citation("".join(pieces), tuple(dict.fromkeys(missing)), template, where)


def citation_template(session: Session, kind: str) -> str:
    row = session.get(Meta, _META + kind)
    return row.value if row is not None and row.value else DEFAULT_TEMPLATES.get(
        kind, DEFAULT_TEMPLATES["other"])


def set_citation_template(project: Project, kind: str, template: str) -> Result:
    """Change a corpus kind's template for this project ('' restores the default); undoable."""
    check_kind(kind)
    if template:
        template_fields(template)
    return run(project, SetMeta(_META + kind, template, label="Edit citation template"))


def _case_values(session: Session, case_id: int | None) -> dict[str, str]:
    case = session.get(Case, case_id) if case_id is not None else None
    if case is None:
        return {}
    values = {field_key(k): format_value(v) for k, v in case_attributes(session, case).items()}
    values["case"] = case.name
    return values


def cite(session: Session, document: Document | int, start: int, end: int | None = None, *,
         template: str | None = None, structure: DocumentStructure | None = None) -> Citation:
    """The citation of [start, end) of a document, after its kind's (or the given) template."""
    doc = document if isinstance(document, Document) else session.get(Document, document)
    if doc is None:
        raise NotFoundError(f"document id {document} is not in the project")
    structure = structure or DocumentStructure.load(session, doc)
    template = template or citation_template(session, doc.kind)
    doc_case = session.scalar(sa.select(DocumentCase.case_id).join(Case)
                              .where(DocumentCase.document_id == doc.id).order_by(Case.name))
    turn = structure.turn_at(start)
    values = {"document": doc.name, "page": structure.pages(start, end) or "",
              "line": structure.lines(start, end), "section": structure.section_at(start) or ""}
    if turn is not None:
        values["speaker"] = turn.speaker
        if turn.time_start is not None:
            minutes, seconds = divmod(int(turn.time_start), 60)
            values["time"] = f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}" \
                if minutes >= 60 else f"{minutes}:{seconds:02d}"
    values.update({k: v for k, v in _case_values(session, doc_case).items() if v})
    if turn is not None and turn.speaker_case_id is not None:
        values.update({k: v for k, v in _case_values(session, turn.speaker_case_id).items() if v})
    case_name = values.get("case")
    where = f"document {doc.name!r}" + (f" (case {case_name!r})" if case_name else " (no case)")
    return render(template, values, where)
