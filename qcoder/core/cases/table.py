"""The case table: every case with its documents and attribute values, and editing a value
as an undoable operation.

Values are shown and edited as the text the user typed (kept in CaseValue.text_value); the
typed column is derived from it by cases.set_value. A value that does not fit its attribute's
type is refused with the expected form, and the project is left unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError, QcoderError
from ..operations import Result, run
from ..store.models import Attribute, Case, CaseValue, Document, DocumentCase
from .cases import _BOOL, parse_number, set_value

if TYPE_CHECKING:
    from ..store.project import Project


@dataclass
class CaseRow:
    uuid: str
    name: str
    documents: list[str]
    values: dict[str, str] = field(default_factory=dict)   # attribute name -> text as typed


@dataclass
class CaseTable:
    attributes: list[tuple[str, str, str]]    # (uuid, name, type)
    rows: list[CaseRow]


def case_table(project: Project) -> CaseTable:
    with project.session() as s:
        attrs = s.execute(sa.select(Attribute.id, Attribute.uuid, Attribute.name, Attribute.type)
                          .order_by(Attribute.id)).all()
        names = {a.id: a.name for a in attrs}
        rows: dict[int, CaseRow] = {
            cid: CaseRow(uuid, name, [])
            for cid, uuid, name in s.execute(sa.select(Case.id, Case.uuid, Case.name)
                                             .order_by(Case.name))}
        for cid, doc in s.execute(sa.select(DocumentCase.case_id, Document.name)
                                  .join(Document, Document.id == DocumentCase.document_id)
                                  .order_by(Document.name)):
            rows[cid].documents.append(doc)
        for cid, aid, text in s.execute(sa.select(CaseValue.case_id, CaseValue.attribute_id,
                                                  CaseValue.text_value)):
            if text is not None:
                rows[cid].values[names[aid]] = text
        return CaseTable([(a.uuid, a.name, a.type) for a in attrs], list(rows.values()))


def check_value(attr: Attribute, raw: str, case_name: str) -> None:
    where = f"case {case_name!r}, attribute {attr.name!r}"
    if not raw:
        return
    if attr.type == "number" and parse_number(raw) is None:
        raise QcoderError(f"{where}: {raw!r} is not a number; write e.g. 12 or 0,77")
    if attr.type == "bool" and raw.lower() not in _BOOL:
        raise QcoderError(f"{where}: {raw!r} is not yes/no; write ja or nej")
    if attr.type == "date":
        try:
            date.fromisoformat(raw)
        except ValueError:
            raise QcoderError(f"{where}: {raw!r} is not a date; write it as 2024-03-31") from None
    if attr.type == "category" and attr.categories and raw not in attr.categories:
        raise QcoderError(f"{where}: {raw!r} is not one of its categories: "
                          f"{', '.join(map(str, attr.categories))}")


@dataclass(frozen=True)
class SetCaseValue:
    case_uuid: str
    attribute_uuid: str
    raw: str
    label: str = "Edit case attribute"

    def execute(self, session: Session) -> tuple[str, SetCaseValue]:
        case = session.scalar(sa.select(Case).where(Case.uuid == self.case_uuid))
        attr = session.scalar(sa.select(Attribute).where(Attribute.uuid == self.attribute_uuid))
        if case is None or attr is None:
            raise NotFoundError("the case or attribute is no longer in the project; "
                                "reload the case table")
        raw = self.raw.strip()
        check_value(attr, raw, case.name)
        old = session.get(CaseValue, (case.id, attr.id))
        before = (old.text_value or "") if old is not None else ""
        set_value(session, case, attr, raw)
        return raw, SetCaseValue(self.case_uuid, self.attribute_uuid, before, label=self.label)


def set_case_value(project: Project, case_uuid: str, attribute_uuid: str, raw: str) -> Result:
    return run(project, SetCaseValue(case_uuid, attribute_uuid, raw))
