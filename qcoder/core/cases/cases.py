"""Cases (a mayor, an anonymised employee, a municipality's focus group) and typed attributes.

Values arrive as text from spreadsheets; `infer_type` decides an attribute's type from all of
its values together (so "0,77" and "12" make a number column, "ja"/"nej" a bool), and each
value is stored in the column that matches that type.
"""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..store.models import ATTRIBUTE_TYPES, Attribute, Case, CaseValue, Document

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)?([.,]\d+)?$")
_BOOL = {"ja": True, "nej": False, "yes": True, "no": False, "true": True, "false": False,
         "sand": True, "falsk": False}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: a case's value of an attribute, typed by the attribute: text, number, yes/no or date
AttributeValue = str | float | bool | date | None


def parse_number(value: str) -> float | None:
    """'0,77' -> 0.77, '1.288' (Danish thousands) -> 1288, '12.5' -> 12.5; else None."""
    v = value.strip().replace("\u00a0", "").replace(" ", "")
    if not v or not _NUMBER.match(v) or not any(ch.isdigit() for ch in v):
        return None
    if "," in v:
        v = v.replace(".", "").replace(",", ".")
    elif re.match(r"^[+-]?\d{1,3}(\.\d{3})+$", v):
        v = v.replace(".", "")
    return float(v)


def infer_type(values: list[str]) -> str:
    present = [v.strip() for v in values if v is not None and str(v).strip()]
    if not present:
        return "text"
    if all(v.lower() in _BOOL for v in present):
        return "bool"
    if all(parse_number(v) is not None for v in present):
        return "number"
    if all(_DATE.match(v) for v in present):
        return "date"
    return "text"


def get_or_create_case(session: Session, name: str) -> Case:
    case = session.scalar(sa.select(Case).where(Case.name == name))
    if case is None:
        case = Case(name=name)
        session.add(case)
        session.flush()
    return case


def get_or_create_attribute(session: Session, name: str, type_: str) -> Attribute:
    if type_ not in ATTRIBUTE_TYPES:
        raise QcoderError(f"unknown attribute type {type_!r}; use one of {', '.join(ATTRIBUTE_TYPES)}")
    attr = session.scalar(sa.select(Attribute).where(Attribute.name == name))
    if attr is None:
        attr = Attribute(name=name, type=type_)
        session.add(attr)
        session.flush()
    return attr


def set_value(session: Session, case: Case, attr: Attribute, raw: str | None) -> None:
    value = session.get(CaseValue, (case.id, attr.id))
    if value is None:
        value = CaseValue(case_id=case.id, attribute_id=attr.id)
        session.add(value)
    value.text_value = value.number_value = value.date_value = value.bool_value = None
    raw = None if raw is None or not str(raw).strip() else str(raw).strip()
    if raw is None:
        return
    value.text_value = raw
    if attr.type == "number":
        value.number_value = parse_number(raw)
    elif attr.type == "bool":
        value.bool_value = _BOOL.get(raw.lower())
    elif attr.type == "date":
        value.date_value = date.fromisoformat(raw)


def case_attributes(session: Session, case: Case) -> dict[str, AttributeValue]:
    """Typed values of one case by attribute name (numbers as float, bools as bool)."""
    out: dict[str, AttributeValue] = {}
    for v in case.values:
        t = v.attribute.type
        out[v.attribute.name] = {
            "number": v.number_value, "bool": v.bool_value, "date": v.date_value,
        }.get(t, v.text_value)
    return out


def link_document(session: Session, document: Document, case: Case) -> None:
    if case not in document.cases:
        document.cases.append(case)
