"""Reading stored survey answers and summarising them.

An item's answers are read as its scale labels (by label text or code), numbers (numeric items)
or texts; missing codes and empty cells are no answer. Summaries - valid N, mean, distribution,
top-box share, cross-tab by subgroup - are computed with pandas from the stored answers, and a
case joined to a respondent (datasets.py) gets that respondent's own answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..lookup import _hint
from ..store.models_analysis import SurveyDataset, SurveyItem, SurveyRespondent, SurveyValue
from .datasets import DEFAULT_TOP_K, dataset_by_name, join_cases
from .files import format_number, labels_of, missing_set

if TYPE_CHECKING:
    import pandas as pd

    from ..store.project import Project

MAX_NUMERIC_CATEGORIES = 12

#: an answer as read: a scale label or text, or a number (numeric items)
Answer = str | float


# -- reading answers ----------------------------------------------------------------------------
def item_by_ident(session: Session, ds: SurveyDataset, ident: str) -> SurveyItem:
    item = session.scalar(sa.select(SurveyItem).where(SurveyItem.dataset_id == ds.id,
                                                      SurveyItem.ident == ident))
    if item is None:
        names = list(session.scalars(sa.select(SurveyItem.ident)
                                     .where(SurveyItem.dataset_id == ds.id)))
        raise NotFoundError(f"survey {ds.name!r} has no item {ident!r}.{_hint(ident, names)}")
    return item


class Categories:
    """Reads one item's stored answers as categories (scale labels) or numbers."""

    def __init__(self, item: SurveyItem):
        self.kind = item.kind
        pairs = labels_of(item.labels)  # top first
        self.labels = [label for _c, label in pairs]
        self.by_code = {c: label for c, label in pairs if c is not None}
        self.by_text = {label.lower(): label for label in self.labels}
        self.missing = missing_set(item.missing)
        self.top_k = item.top_k or DEFAULT_TOP_K

    def read(self, text: str, number: float | None) -> Answer | None:
        """The answer as a label, a number (numeric items) or a text; None when missing."""
        if not text or text.lower() in self.missing or (
                number is not None and format_number(number) in self.missing):
            return None
        if self.kind == "numeric":
            return number
        if self.kind == "scale":
            if text.lower() in self.by_text:
                return self.by_text[text.lower()]
            if number is not None:
                code = format_number(number)
                if code in self.by_code:
                    return self.by_code[code]
                if not self.by_code and number.is_integer() and 1 <= number <= len(self.labels):
                    return self.labels[int(number) - 1]
        return text


def item_series(session: Session, item: SurveyItem) -> pd.Series:
    """Every respondent's answer to `item` (indexed by key); None where missing or empty."""
    import pandas as pd

    cats = Categories(item)
    keys = list(session.scalars(sa.select(SurveyRespondent.key)
                                .where(SurveyRespondent.dataset_id == item.dataset_id)
                                .order_by(SurveyRespondent.row)))
    answers = {k: cats.read(t, n) for k, t, n in session.execute(
        sa.select(SurveyRespondent.key, SurveyValue.text, SurveyValue.number)
        .join(SurveyRespondent, SurveyRespondent.id == SurveyValue.respondent_id)
        .where(SurveyValue.item_id == item.id))}
    return pd.Series([answers.get(k) for k in keys], index=keys, dtype=object, name=item.ident)


# -- summaries -------------------------------------------------------------------------------
class Description(TypedDict):
    """The figures of a set of answers: overall, or of one subgroup."""

    n_valid: int
    mean: float | None
    distribution: dict[str, float]
    top_box: float | None


@dataclass
class ItemSummary:
    item: str
    wording: str
    filter: str
    n_valid: int
    n_missing: int
    mean: float | None
    distribution: dict[str, float]
    top_box: float | None
    top_labels: list[str]
    by_subgroup: dict[str, Description]

    def as_json(self) -> dict[str, object]:
        return {"item": self.item, "wording": self.wording, "n_valid": self.n_valid,
                "n_missing": self.n_missing, "mean": self.mean,
                "distribution": self.distribution, "top_box": self.top_box,
                "by_subgroup": self.by_subgroup}


def _order(values: pd.Series, cats: Categories) -> list[Answer]:
    counts = values.value_counts(sort=True)
    if cats.kind == "scale":
        extra = [v for v in counts.index if v not in cats.labels]
        return cats.labels + extra
    if cats.kind == "numeric":
        return sorted(counts.index) if len(counts) <= MAX_NUMERIC_CATEGORIES else []
    return list(counts.index)


def _describe(values: pd.Series, cats: Categories, order: list[Answer]) -> Description:
    import pandas as pd

    valid = values.dropna()
    n = int(len(valid))
    shares = valid.value_counts(normalize=True) if n else pd.Series(dtype=float)
    dist = {(format_number(v) if isinstance(v, float) else str(v)):
            round(float(shares.get(v, 0.0)), 4) for v in order}
    top = None
    if cats.kind == "scale" and n:
        top = round(float(valid.isin(cats.labels[:cats.top_k]).mean()), 4)
    mean = round(float(pd.to_numeric(valid).mean()), 4) if cats.kind == "numeric" and n else None
    return {"n_valid": n, "mean": mean, "distribution": dist, "top_box": top}


def summarize(session: Session, ds: SurveyDataset, ident: str, subgroup: str | None = None,
              top_k: int | None = None) -> ItemSummary:
    """Valid N, mean (numeric items only), distribution and top-box share of one item; with a
    subgroup item, the same per subgroup category (a cross-tab). Shares are fractions of the
    valid answers; the distribution runs over the scale labels in order, a category item's
    answers by frequency, or a numeric item's values when it has at most 12 distinct ones."""
    import pandas as pd

    item = item_by_ident(session, ds, ident)
    cats = Categories(item)
    if top_k is not None:
        cats.top_k = top_k
    values = item_series(session, item)
    order = _order(values.dropna(), cats)
    overall = _describe(values, cats, order)
    by_subgroup: dict[str, Description] = {}
    if subgroup:
        group_item = item_by_ident(session, ds, subgroup)
        groups = item_series(session, group_item)
        table = pd.DataFrame({"value": values, "group": groups}).dropna(subset=["group"])
        for group in _order(groups.dropna(), Categories(group_item)) or sorted(table.group.unique()):
            part = table.loc[table.group == group, "value"]
            if len(part):
                label = format_number(group) if isinstance(group, float) else str(group)
                by_subgroup[label] = _describe(part, cats, order)
    return ItemSummary(item.ident, item.wording, item.filter, overall["n_valid"],
                       len(values) - overall["n_valid"], overall["mean"], overall["distribution"],
                       overall["top_box"], cats.labels[:cats.top_k] if cats.kind == "scale" else [],
                       by_subgroup)


def case_answers(session: Session, ds: SurveyDataset,
                 idents: list[str]) -> dict[str, dict[str, str | None]]:
    """For each case joined to a respondent: that respondent's answers to `idents`, numbers
    written as text; None where the answer is missing."""
    join = join_cases(session, ds)
    if not join.matched:
        return {}
    out: dict[str, dict[str, str | None]] = {case: {} for case in join.matched}
    for ident in idents:
        series = item_series(session, item_by_ident(session, ds, ident))
        for case, key in join.matched.items():
            value = series.get(key)
            out[case][ident] = format_number(value) if isinstance(value, float) else value
    return out


def summarize_item(project: Project, ident: str, subgroup: str | None = None, top_k: int | None = None,
                   survey: str | None = None) -> ItemSummary:
    """`summarize` for one item of the named survey (or the only one), in its own session."""
    with project.session() as s:
        return summarize(s, dataset_by_name(s, survey), ident, subgroup, top_k)
