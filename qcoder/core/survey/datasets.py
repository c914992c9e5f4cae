"""Survey data in a project: loading respondent-level answers and joining them to cases.

A survey is loaded from .xlsx, .csv (also semicolon/decimal-comma CSV from Danish Excel) or
SPSS .sav, with an optional labels file or sheet (one row per item: item id, wording, scale
labels in order from the top end, missing codes, filter, top-box size). Respondents are joined
to cases through a case attribute holding the survey key, so an interviewee selected from the
survey has their own answers beside their quotes (summaries.py reads and summarises them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import InputFileError, NotFoundError, QcoderError
from ..lookup import _named
from ..store.models import Attribute, Case, CaseValue
from ..store.models_analysis import SurveyDataset, SurveyItem, SurveyRespondent, SurveyValue
from .files import (
    DEFAULT_MISSING,
    ItemLabels,
    Label,
    SheetData,
    format_number,
    known_scale,
    labels_of,
    missing_set,
    parse_column,
    read_labels,
    read_labels_file,
    read_table,
    stored_labels,
)

if TYPE_CHECKING:
    from ..store.project import Project

#: Top-box size unless the labels say otherwise: the top 2 of a scale of 4 or more points,
#: else the top 1 (e.g. "Ja" of Ja/Nej).
DEFAULT_TOP_K = 2
DEFAULT_MISSING_LABELS = ("Ved ikke", "Ikke relevant")


# -- loading ---------------------------------------------------------------------------------
def normalise_key(text: str) -> str:
    """Keys compare as text, except that 17, "17", "17,0" and "017" are one key."""
    t = str(text).strip()
    if re.fullmatch(r"\d+([.,]0+)?", t):
        return str(int(re.split(r"[.,]", t)[0]))
    return t


@dataclass
class JoinReport:
    """How respondents meet cases: matched pairs and what did not meet."""

    case_attribute: str
    matched: dict[str, str] = field(default_factory=dict)  # case name -> respondent key
    unmatched_cases: list[str] = field(default_factory=list)  # key not in the survey
    cases_without_key: list[str] = field(default_factory=list)
    unmatched_respondents: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"case_attribute": self.case_attribute, "matched": self.matched,
                "unmatched_cases": self.unmatched_cases,
                "cases_without_key": self.cases_without_key,
                "unmatched_respondents": self.unmatched_respondents}


@dataclass
class SurveyLoadReport:
    name: str
    source: str
    respondents: int
    items: int
    warnings: list[str]
    join: JoinReport

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "source": self.source, "respondents": self.respondents,
                "items": self.items, "warnings": self.warnings, "join": self.join.as_json()}


def _keys(data: SheetData, key: str, path: Path) -> list[str]:
    if key not in data.columns:
        raise InputFileError(
            f"{path}: no key column {key!r}. The columns are: {', '.join(data.columns)}. "
            "Pass the column that identifies respondents with --key.")
    col = data.columns.index(key)
    keys = [normalise_key(r[col].text) for r in data.rows]
    blank = [p for k, p in zip(keys, data.places) if not k]
    if blank:
        raise InputFileError(f"{path}: {len(blank)} respondent(s) have no value in key column "
                             f"{key!r} ({', '.join(blank[:5])}); fill in the key or remove the rows")
    seen: dict[str, str] = {}
    dupes = []
    for k, place in zip(keys, data.places):
        if k in seen:
            dupes.append(f"{k!r} ({seen[k]} and {place})")
        else:
            seen[k] = place
    if dupes:
        raise InputFileError(f"{path}: key column {key!r} must identify each respondent once, but "
                             f"{len(dupes)} key(s) repeat: {'; '.join(dupes[:5])}. Remove the "
                             "duplicate rows or choose another key column.")
    return keys


@dataclass
class _ItemPlan:
    ident: str
    wording: str
    kind: str
    labels: list[Label]
    missing: list[str]
    filter: str
    top_k: int
    cells: list[tuple[str, float | None]]


def _plan_item(data: SheetData, col: int, spec: ItemLabels | None, warnings: list[str]) -> _ItemPlan:
    ident = data.columns[col]
    where = f"{data.source} column {ident!r}"
    texts = [r[col].text for r in data.rows]
    parsed, mark = parse_column([t if r[col].number is None else "" for t, r in zip(texts, data.rows)])
    numbers = [r[col].number if r[col].number is not None else p for r, p in zip(data.rows, parsed)]
    if mark == ",":
        first = next(t for t, p in zip(texts, parsed) if "," in t and p is not None)
        warnings.append(f"{where}: decimal commas read as decimals (e.g. {first!r})")
    wording, filt = "", ""
    labels: list[Label] = []
    missing: list[str] | None = None
    top_k: int | None = None
    if ident in data.meta:
        wording, labels, sav_missing = data.meta[ident]
        missing = sav_missing or None
    if spec is not None:
        wording = spec.wording or wording
        labels = spec.labels or labels
        missing = spec.missing if spec.missing is not None else missing
        filt, top_k = spec.filter, spec.top_k
    # "Ved ikke"-style labels are missing codes, not scale points
    moved = [pair for pair in labels if pair[1].strip().lower() in DEFAULT_MISSING]
    if moved:
        labels = [pair for pair in labels if pair not in moved]
        missing = list(missing or DEFAULT_MISSING_LABELS) + [v for p in moved for v in p if v]
    missing_l = missing_set(missing)
    valid = [(t, n) for t, n in zip(texts, numbers)
             if t and t.lower() not in missing_l
             and not (n is not None and format_number(n) in missing_l)]
    kind = "scale" if labels else "numeric"
    if not labels and valid and any(n is None for _t, n in valid):
        scale = known_scale([t for t, _n in valid])
        if scale is not None:
            labels = [(None, label) for label in scale]
            kind = "scale"
            warnings.append(f"{where}: answers read as the scale {' / '.join(scale)} (top first)")
        else:
            kind = "category" if len({t for t, _n in valid}) <= 20 else "text"
    if not valid and not labels:
        kind = "text"
    if spec is None and ident in data.meta and data.meta[ident][1]:
        labels = _orient_sav(labels, where, warnings)
    top_k = top_k or (DEFAULT_TOP_K if len(labels) >= 4 else 1)
    if kind == "scale":
        _check_scale(where, labels, valid, top_k, spec is not None, warnings)
    return _ItemPlan(ident, wording, kind, labels,
                     list(missing) if missing is not None else list(DEFAULT_MISSING_LABELS),
                     filt, top_k, list(zip(texts, numbers)))


def _orient_sav(labels: list[Label], where: str, warnings: list[str]) -> list[Label]:
    """SPSS value labels come in code order; put a known scale listed bottom-first top-first."""
    texts = [label for _c, label in labels]
    scale = known_scale(texts)
    if scale and [t.lower() for t in texts] == [s.lower() for s in reversed(scale)
                                                 if s.lower() in {x.lower() for x in texts}]:
        warnings.append(f"{where}: value labels run from {texts[0]!r} to {texts[-1]!r}; "
                        f"top-box counts from {texts[-1]!r}")
        return list(reversed(labels))
    return labels


def _check_scale(where: str, labels: list[Label], valid: list[tuple[str, float | None]],
                 top_k: int, from_file: bool, warnings: list[str]) -> None:
    """Report label sets that contradict the data or themselves."""
    texts = [label for _c, label in labels]
    repeated = sorted({t for t in texts if texts.count(t) > 1})
    if repeated:
        warnings.append(f"{where}: the labels repeat {', '.join(map(repr, repeated))} "
                        f"({'; '.join(f'{c}={t}' if c else t for c, t in labels)}); the scale is "
                        "probably mislabelled - correct the labels file")
    scale = known_scale(texts)
    if scale and not repeated and from_file:
        order = [s.lower() for s in scale if s.lower() in {t.lower() for t in texts}]
        low = [t.lower() for t in texts]
        if low == order[::-1] and len(low) > 1:
            warnings.append(f"{where}: the labels run from {texts[0]!r} up to {texts[-1]!r}; "
                            f"top-box counts the first {top_k} as listed "
                            f"({', '.join(texts[:top_k])}) - list them from the top end if "
                            "that is not meant")
        elif low != order:
            warnings.append(f"{where}: the labels are not in the order of the scale "
                            f"{' / '.join(scale)}; top-box counts the first {top_k} as listed")
    codes = {c for c, _t in labels if c is not None}
    names = {t.lower() for t in texts}
    unknown: dict[str, int] = {}
    for text, number in valid:
        if text.lower() in names:
            continue
        if number is not None and (format_number(number) in codes
                                   or (not codes and number.is_integer()
                                       and 1 <= number <= len(labels))):
            continue
        unknown[text] = unknown.get(text, 0) + 1
    if unknown:
        shown = ", ".join(repr(v) for v in list(unknown)[:5])
        warnings.append(f"{where}: {sum(unknown.values())} answer(s) ({shown}) are not among "
                        "the labels or missing codes; they are kept as their own categories - "
                        "add them to the labels or the missing codes")
    if not codes and any(n is not None and t.lower() not in names for t, n in valid):
        warnings.append(f"{where}: the labels have no codes and the data are numbers; "
                        f"code 1 is read as {texts[0]!r}, 2 as {texts[1] if len(texts) > 1 else '-'!r}, ...")


def dataset_by_name(session: Session, name: str | None = None) -> SurveyDataset:
    """The named survey, or the only one when no name is given."""
    if name is None:
        found = list(session.scalars(sa.select(SurveyDataset).order_by(SurveyDataset.name)))
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError("the project has no survey; load one with `qcoder survey load`")
        raise NotFoundError("the project has several surveys "
                            f"({', '.join(d.name for d in found)}); name one with --survey")
    return _named(session, SurveyDataset, SurveyDataset.name, name, "survey named")


def read_survey(path: str | Path, key: str, *, labels: str | Path | None = None,
                sheet: str | None = None) -> tuple[list[str], list[_ItemPlan], list[str]]:
    """Read and check a survey file without touching the project: keys, items, warnings."""
    path = Path(path)
    data, sheet_labels = read_table(path, sheet)
    if labels is not None:
        spec = read_labels_file(Path(labels))
    else:
        spec = read_labels(sheet_labels) if sheet_labels is not None else {}
    keys = _keys(data, key, path)
    warnings = list(data.notes)
    for ident, item in spec.items():
        if ident not in data.columns:
            warnings.append(f"labels ({item.place}) describe item {ident!r}, which is not a "
                            f"column of {path.name}")
    key_col = data.columns.index(key)
    plans = [_plan_item(data, c, spec.get(data.columns[c]), warnings)
             for c in range(len(data.columns)) if c != key_col]
    return keys, plans, warnings


def add_survey(session: Session, path: str | Path, key: str, *, name: str | None = None,
               labels: str | Path | None = None, case_attribute: str | None = None,
               sheet: str | None = None, replace: bool = False) -> SurveyLoadReport:
    """Store a survey file's respondents in the caller's transaction (see `load_survey`)."""
    path = Path(path)
    keys, plans, warnings = read_survey(path, key, labels=labels, sheet=sheet)
    name = name or path.stem
    s = session
    old = s.scalar(sa.select(SurveyDataset).where(SurveyDataset.name == name))
    if old is not None:
        if not replace:
            raise QcoderError(f"the project already has a survey named {name!r}; choose "
                              "another --name, or pass --replace to load it anew")
        s.delete(old)
        s.flush()
    ds = SurveyDataset(name=name, source_name=str(path.name), key_column=key,
                       case_attribute=case_attribute or key, warnings=warnings)
    s.add(ds)
    s.flush()
    items = [SurveyItem(dataset_id=ds.id, ident=p.ident, position=i, wording=p.wording,
                        kind=p.kind, labels=stored_labels(p.labels), missing=p.missing, filter=p.filter,
                        top_k=p.top_k) for i, p in enumerate(plans)]
    respondents = [SurveyRespondent(dataset_id=ds.id, key=k, row=i) for i, k in enumerate(keys)]
    s.add_all([*items, *respondents])
    s.flush()
    rows = [{"respondent_id": r.id, "item_id": item.id, "text": text, "number": number}
            for item, plan in zip(items, plans)
            for r, (text, number) in zip(respondents, plan.cells) if text]
    if rows:
        s.execute(sa.insert(SurveyValue), rows)
    join = join_cases(s, ds)
    if not join.matched and not join.unmatched_cases:
        warnings.append(f"no case has the attribute {ds.case_attribute!r}, so no case is "
                        "joined to a respondent yet; set it on the interview cases")
        ds.warnings = list(warnings)
    return SurveyLoadReport(name, path.name, len(keys), len(items), warnings, join)


def load_survey(project: Project, path: str | Path, key: str, *, name: str | None = None,
                labels: str | Path | None = None, case_attribute: str | None = None,
                sheet: str | None = None, replace: bool = False) -> SurveyLoadReport:
    """Store the respondents of a survey file in the project as one transaction: the whole
    survey, or (on any error) nothing."""
    with project.transaction() as session:
        return add_survey(session, path, key, name=name, labels=labels,
                          case_attribute=case_attribute, sheet=sheet, replace=replace)


def remove_survey(project: Project, name: str) -> None:
    with project.transaction() as s:
        s.delete(dataset_by_name(s, name))


# -- joining ---------------------------------------------------------------------------------
def join_cases(session: Session, ds: SurveyDataset) -> JoinReport:
    report = JoinReport(ds.case_attribute)
    keys = dict(session.execute(sa.select(SurveyRespondent.key, SurveyRespondent.id)
                                .where(SurveyRespondent.dataset_id == ds.id)).all())
    values = dict(session.execute(
        sa.select(Case.name, CaseValue.text_value)
        .join(CaseValue, CaseValue.case_id == Case.id)
        .join(Attribute, Attribute.id == CaseValue.attribute_id)
        .where(Attribute.name == ds.case_attribute)).all())
    for case_name in sorted(session.scalars(sa.select(Case.name))):
        value = normalise_key(values.get(case_name) or "")
        if not value:
            report.cases_without_key.append(case_name)
        elif value in keys:
            report.matched[case_name] = value
        else:
            report.unmatched_cases.append(case_name)
    joined = set(report.matched.values())
    report.unmatched_respondents = [k for k in keys if k not in joined]
    return report


# -- what is loaded ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemInfo:
    """A loaded item: wording, kind, scale labels (top first), missing codes, filter, top-box."""

    ident: str
    kind: str
    wording: str
    labels: tuple[str, ...]
    missing: tuple[str, ...] | None
    filter: str
    top_k: int

    def as_json(self) -> dict[str, object]:
        return {"item": self.ident, "kind": self.kind, "wording": self.wording,
                "labels": list(self.labels),
                "missing": None if self.missing is None else list(self.missing),
                "filter": self.filter, "top_k": self.top_k}


@dataclass(frozen=True)
class SurveyContents:
    name: str
    source: str
    respondents: int
    items: tuple[ItemInfo, ...]


def survey_contents(project: Project, name: str | None = None) -> SurveyContents:
    """The named survey (or the only one): its source file, respondents and items in file
    order."""
    with project.session() as s:
        ds = dataset_by_name(s, name)
        respondents = s.execute(sa.select(sa.func.count()).select_from(SurveyRespondent)
                                .where(SurveyRespondent.dataset_id == ds.id)).scalar_one()
        items = tuple(ItemInfo(i.ident, i.kind, i.wording,
                               tuple(label for _c, label in labels_of(i.labels)),
                               None if i.missing is None else tuple(i.missing), i.filter, i.top_k)
                      for i in ds.items)
        return SurveyContents(ds.name, ds.source_name, respondents, items)
