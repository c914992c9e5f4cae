"""One row of the agreement report - a code, the pooled codes, a domain - from its ratings:
every coefficient that applies with its 95% interval, the counts and prevalence behind it, and
warnings that leave out a coefficient that would mislead (too few units, or a code so rare or
so common that kappa-type coefficients swing on a single unit) and say what to read instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import statistics as st

MIN_UNITS = 10
MIN_MINORITY = 5  # fewer expected units in the rarer category than this: prevalence too extreme
MARGINAL = ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha")
STATISTICS = ("percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
              "brennan_prediger", "gwet_ac1")

#: A part of the report as it is written to JSON: a row, its counts, the settings. Its values
#: are numbers, text, lists and nested objects by key, as report.py documents them.
JsonObject = dict[str, Any]
#: coefficient -> value, and coefficient -> [low, high] of its 95% interval
Coefficients = dict[str, float]
ConfidenceIntervals = dict[str, list[float]]


def warning_summary(warning: str) -> str:
    """A warning's summary: the part before " - ", where its explanation starts."""
    return warning.split(" - ", 1)[0]


def rounded(x: float) -> float:
    return float(round(float(x), 6))


def coefficients(r: st.Ratings, n_coders: int, *, intervals: bool = True,
                 alpha_key: str = "krippendorff_alpha"
                 ) -> tuple[Coefficients, ConfidenceIntervals]:
    """Every coefficient that applies, and their 95% intervals."""
    found = {
        "percent_agreement": st.percent_agreement(r),
        "cohen_kappa": st.cohen_kappa(r) if n_coders == 2 else None,
        "fleiss_kappa": st.fleiss_kappa(r) if n_coders > 2 else None,
        alpha_key: st.krippendorff_alpha(r, interval=intervals),
        "brennan_prediger": st.brennan_prediger(r),
        "gwet_ac1": st.gwet_ac1(r),
    }
    values: Coefficients = {}
    ci: ConfidenceIntervals = {}
    for key, est in found.items():
        if est is None or np.isnan(est.value):
            continue
        values[key] = rounded(est.value)
        if intervals and est.low is not None and est.high is not None and not np.isnan(est.low):
            # an asymptotic interval can run past what the coefficient can be: report it cut
            # at the coefficient's range (agreement 0..1, the others at most 1)
            low_bound = 0.0 if key == "percent_agreement" else -1.0
            ci[key] = [rounded(max(est.low, low_bound)), rounded(min(est.high, 1.0))]
    return values, ci


def stability_warnings(n_units: float, prevalence: float | None, values: Coefficients,
                       ci: ConfidenceIntervals, what: str) -> list[str]:
    """Drop coefficients that would mislead; return the warnings that say so."""
    warnings = []
    chance = [k for k in values if k != "percent_agreement"]
    if n_units < MIN_UNITS:
        drop = chance
        warnings.append(
            f"only {n_units:g} {what}: no chance-corrected coefficient - at least {MIN_UNITS} "
            "are needed; read the percent agreement and the counts")
    elif prevalence is not None and min(prevalence, 1 - prevalence) * n_units < MIN_MINORITY:
        drop = [k for k in chance if k in MARGINAL or k.startswith("krippendorff")]
        warnings.append(
            f"prevalence {prevalence:.3f}: kappa and alpha left out (kappa paradox) - so few "
            f"{what} fall in the rarer category that they swing on a single unit; read percent "
            "agreement, Gwet's AC1 and the counts, or compare on a larger unit")
    else:
        drop = []
    for key in drop:
        values.pop(key, None)
        ci.pop(key, None)
    return warnings


def _num(x: float) -> int | float:
    """A count: an integer when whole (character counts are weights summed as floats)."""
    x = float(x)
    return int(x) if x.is_integer() else rounded(x)


def binary_counts(r: st.Ratings, coders: list[str]) -> JsonObject:
    """Units per coder, and (two coders) both / one only / neither, or (more) all / none."""
    w, coded = r.weights, r.patterns == 1
    counts: JsonObject = {"per_coder": {c: _num(w[coded[:, j]].sum())
                                        for j, c in enumerate(coders)}}
    if len(coders) == 2:
        counts.update(both=_num(w[coded.all(axis=1)].sum()),
                      a_only=_num(w[coded[:, 0] & ~coded[:, 1]].sum()),
                      b_only=_num(w[~coded[:, 0] & coded[:, 1]].sum()),
                      neither=_num(w[~coded.any(axis=1)].sum()))
    else:
        counts.update(all=_num(w[coded.all(axis=1)].sum()), none=_num(w[~coded.any(axis=1)].sum()))
    return counts


def binary_entry(code: str, r: st.Ratings, coders: list[str], what: str,
                 intervals: bool) -> JsonObject:
    """The row of one code whose units each coder either coded or not."""
    n = float(r.weights.sum())
    coded = r.patterns == 1
    per_coder = [float(r.weights[coded[:, j]].sum()) for j in range(len(coders))]
    prevalence = sum(per_coder) / (n * len(coders)) if n else 0.0
    values, ci = coefficients(r, len(coders), intervals=intervals)
    warnings = stability_warnings(n, prevalence, values, ci, what)
    entry: JsonObject = {"code": code, "n_units": _num(n), **values}
    if ci:
        entry["ci"] = ci
    entry["counts"] = binary_counts(r, coders)
    entry["prevalence"] = {c: rounded(v / n) if n else 0.0 for c, v in zip(coders, per_coder)}
    if warnings:
        entry["warnings"] = warnings
    return entry


def unused_entry(code: str, n: float) -> JsonObject:
    return {"code": code, "n_units": int(n), "used": False,
            "warnings": ["no compared coder used this code in the compared units"]}


def pooled_entry(entries: list[JsonObject], ratings: list[st.Ratings], coders: list[str],
                 what: str, intervals: bool) -> JsonObject:
    """Every unit x code decision of all codes together, with the plain mean across codes."""
    if not ratings:
        return {"n_units": 0, "warnings": ["no compared coder used any of the codes"]}
    r = st.Ratings.from_matrix(np.concatenate([x.patterns for x in ratings]), 2,
                               weights=np.concatenate([x.weights for x in ratings]))
    pooled = binary_entry("(pooled)", r, coders, f"{what} x codes", intervals)
    pooled.pop("code")
    pooled["mean_across_codes"] = means(entries)
    return pooled


def means(entries: list[JsonObject]) -> Coefficients:
    """The unweighted mean of each coefficient over the codes that have it, and how many codes
    were used (`n_codes`)."""
    out: Coefficients = {}
    for key in STATISTICS:
        vals = [e[key] for e in entries if key in e]
        if vals:
            out[key] = rounded(np.mean(vals))
    out["n_codes"] = sum(1 for e in entries if e.get("used", True))
    return out
