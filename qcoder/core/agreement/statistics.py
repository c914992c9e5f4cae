"""Agreement coefficients over rating patterns, vectorised with numpy.

Units are given as a matrix of category indices (units x coders, MISSING where a coder gave no
value). Units that share a rating pattern are interchangeable in every coefficient, so the matrix
is compressed into distinct patterns with weights (how many units, or characters, show each);
a corpus of 100,000 sentences coded yes/no by two coders becomes four weighted rows. This also
makes the bootstrap exact and cheap: resampling units is a multinomial draw over the patterns.

Formulas follow Gwet (Handbook of Inter-Rater Reliability, 4th ed.) for percent agreement,
Fleiss' kappa, Brennan-Prediger and AC1 with their variances (as the irrCAC package), Fleiss,
Cohen & Everitt (1969) for Cohen's kappa's asymptotic variance (as statsmodels), and
Krippendorff (2011) for alpha, whose interval is a bootstrap over units with a fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .arrays import Bools, Floats, Ints

MISSING = -1
CONFIDENCE = 0.95
BOOTSTRAP_DRAWS = 2000
BOOTSTRAP_SEED = 20110  # fixed, so a report is reproducible to the last digit


@dataclass(frozen=True)
class Estimate:
    """A coefficient with its 95% interval (low/high None where no interval is given)."""

    value: float
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Ratings:
    """Distinct rating patterns (P x coders) and the weight of each (units or characters)."""

    patterns: Ints
    weights: Floats
    n_categories: int

    @classmethod
    def from_matrix(cls, values: npt.ArrayLike, n_categories: int | None = None,
                    weights: npt.ArrayLike | None = None) -> Ratings:
        """Compress a units x coders matrix (MISSING = no value) into weighted patterns."""
        values = np.asarray(values, dtype=np.int64)
        if values.ndim != 2:
            raise ValueError("ratings must be a units x coders matrix")
        q = int(n_categories if n_categories is not None else values.max(initial=0) + 1)
        w = np.ones(len(values)) if weights is None else np.asarray(weights, dtype=float)
        base, c = q + 1, values.shape[1]
        if c and base**c <= 1 << 20:  # small key space: count keys directly, no sorting
            place = base ** np.arange(c)
            summed = _weighted_counts(((values + 1) * place).sum(axis=1), w, base**c)
            keys = np.nonzero(summed)[0]
            patterns = (keys[:, None] // place) % base - 1
            return cls(patterns, summed[keys], q)
        patterns, inverse = np.unique(values, axis=0, return_inverse=True)
        summed = _weighted_counts(inverse.ravel(), w, len(patterns))
        return cls(patterns, summed, q)

    @property
    def n_coders(self) -> int:
        return self.patterns.shape[1]

    def category_counts(self) -> Floats:
        """P x q: how many coders gave each category to a unit of each pattern."""
        q = self.n_categories
        counts = np.zeros((len(self.patterns), q))
        for j in range(self.n_coders):
            col = self.patterns[:, j]
            ok = col >= 0
            counts[np.nonzero(ok)[0], col[ok]] += 1
        return counts

    def rated(self) -> Ratings:
        """Without units that nobody rated."""
        keep = (self.patterns >= 0).any(axis=1) & (self.weights > 0)
        return Ratings(self.patterns[keep], self.weights[keep], self.n_categories)

    @property
    def n_units(self) -> float:
        return float(self.rated().weights.sum())


def _weighted_counts(keys: Ints, weights: Floats, minlength: int) -> Floats:
    """The summed weight of each key 0, 1, ... (np.bincount with weights)."""
    # numpy's stubs type bincount's result as integer; with weights it is float64
    return np.bincount(keys, weights=weights, minlength=minlength)  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def _t_quantile(df: float) -> float:
    from scipy import stats as _st

    return float(_st.t.ppf(0.5 + CONFIDENCE / 2, df=df))


def _t_interval(value: float, var: float, n: float) -> tuple[float, float]:
    """Gwet's t-based 95% interval, the upper bound capped at 1 (as irrCAC)."""
    se = float(np.sqrt(max(var, 0.0)))
    if n < 2:
        return float("nan"), float("nan")
    half = _t_quantile(float(n - 1)) * se
    return value - half, min(1.0, value + half)


class _GwetParts(NamedTuple):
    """The rated units' figures that Gwet's coefficients and variances are built from."""

    r: Ratings          # the rated units only
    counts: Floats      # P x q: coders giving each category
    w: Floats           # pattern weights
    ri: Floats          # values per unit (at least 1)
    n: float            # rated units
    two: Bools          # patterns with two or more values
    n2: float           # units with two or more values
    pa_i: Floats        # agreement per pattern
    pa: float           # percent agreement
    pi: Floats          # category prevalence


def _gwet_parts(r: Ratings) -> _GwetParts:
    r = r.rated()
    counts = r.category_counts()
    w = r.weights
    ri = np.maximum(counts.sum(axis=1), 1)  # every rated unit has a value
    n = w.sum()
    two = ri >= 2
    n2 = w[two].sum()
    pa_i = np.zeros(len(ri))
    pa_i[two] = (counts[two] * (counts[two] - 1)).sum(axis=1) / (ri[two] * (ri[two] - 1))
    pa = float((w * pa_i).sum() / n2) if n2 else float("nan")
    pi = (w[:, None] * counts / ri[:, None]).sum(axis=0) / n if n else np.zeros(r.n_categories)
    return _GwetParts(r, counts, w, ri, n, two, n2, pa_i, pa, pi)


def _chance_corrected(r: Ratings, kind: str) -> Estimate | None:
    """Fleiss' kappa, Brennan-Prediger or Gwet's AC1 (identity weights) with Gwet's variance."""
    r, counts, w, ri, n, two, n2, pa_i, pa, pi = _gwet_parts(r)
    q = r.n_categories
    if not n2 or q < 2:
        return None
    if kind == "fleiss":
        pe = float((pi**2).sum())
        pe_i = counts @ pi / ri
    elif kind == "ac1":
        pe = float((pi * (1 - pi)).sum() / (q - 1))
        pe_i = counts @ (1 - pi) / ri / (q - 1)
    else:  # Brennan-Prediger: every category equally likely by chance
        pe = 1.0 / q
        pe_i = None
    if pe >= 1 - 1e-12:
        return None
    coef = (pa - pe) / (1 - pe)
    c_i = (n / n2) * (pa_i - pe * two) / (1 - pe)
    if pe_i is not None:
        c_i = c_i - 2 * (1 - coef) * (pe_i - pe) / (1 - pe)
    var = float((w * (c_i - coef) ** 2).sum() / (n * (n - 1))) if n > 1 else float("nan")
    return Estimate(coef, *_t_interval(coef, var, n))


def percent_agreement(r: Ratings) -> Estimate | None:
    """Share of agreeing coder pairs per unit, averaged over units with 2+ values."""
    r, counts, w, ri, n, two, n2, pa_i, pa, pi = _gwet_parts(r)
    if not n2:
        return None
    c_i = (n / n2) * pa_i
    var = float((w * (c_i - pa) ** 2).sum() / (n * (n - 1))) if n > 1 else float("nan")
    return Estimate(pa, *_t_interval(pa, var, n))


def fleiss_kappa(r: Ratings) -> Estimate | None:
    return _chance_corrected(r, "fleiss")


def brennan_prediger(r: Ratings) -> Estimate | None:
    return _chance_corrected(r, "bp")


def gwet_ac1(r: Ratings) -> Estimate | None:
    return _chance_corrected(r, "ac1")


def contingency(r: Ratings) -> Floats:
    """The q x q table of two coders over the units both rated."""
    if r.n_coders != 2:
        raise ValueError("a contingency table needs exactly two coders")
    both = (r.patterns >= 0).all(axis=1)
    q = r.n_categories
    table = np.zeros((q, q))
    np.add.at(table, (r.patterns[both, 0], r.patterns[both, 1]), r.weights[both])
    return table


def cohen_kappa(r: Ratings) -> Estimate | None:
    """Cohen's kappa over units rated by both coders, with the asymptotic (FCE 1969) interval."""
    table = contingency(r)
    n = table.sum()
    if n == 0:
        return None
    p = table / n
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    po = float(np.trace(p))
    pe = float((rows * cols).sum())
    if pe >= 1 - 1e-12:
        return None
    kappa = (po - pe) / (1 - pe)
    term_a = (np.diag(p) * (1 - (rows + cols) * (1 - kappa)) ** 2).sum()
    off = p * (cols[:, None] + rows[None, :]) ** 2
    np.fill_diagonal(off, 0)
    term_b = (1 - kappa) ** 2 * off.sum()
    term_c = (kappa - pe * (1 - kappa)) ** 2
    var = (term_a + term_b - term_c) / (1 - pe) ** 2 / n
    half = _t_quantile(float("inf")) * np.sqrt(max(var, 0.0))
    return Estimate(kappa, kappa - half, kappa + half)


def _coincidence_parts(r: Ratings) -> tuple[Floats, Floats]:
    """Per pattern its contribution to the coincidence matrix (P x q*q), and the weights."""
    counts = r.category_counts()
    mu = counts.sum(axis=1)
    pairable = mu >= 2
    contrib = np.zeros((len(counts), r.n_categories, r.n_categories))
    c = counts[pairable]
    inner = c[:, :, None] * c[:, None, :]
    idx = np.arange(r.n_categories)
    inner[:, idx, idx] -= c
    contrib[pairable] = inner / (mu[pairable] - 1)[:, None, None]
    return contrib.reshape(len(counts), -1), r.weights


def _alpha_from_coincidences(o: Floats, q: int) -> Floats:
    """Nominal alpha from coincidence matrices (rows of q*q); NaN where undefined."""
    o = o.reshape(-1, q, q)
    n_c = o.sum(axis=2)
    n = n_c.sum(axis=1)
    observed = n - np.trace(o, axis1=1, axis2=2)
    expected = n**2 - (n_c**2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1 - (n - 1) * observed / expected
    return np.where((expected > 1e-12) & (n > 1), alpha, np.nan)


def krippendorff_alpha(r: Ratings, *, interval: bool = True,
                       seed: int = BOOTSTRAP_SEED,
                       draws: int = BOOTSTRAP_DRAWS) -> Estimate | None:
    """Krippendorff's nominal alpha (binary when q = 2) with missing values.

    The interval is the 2.5 and 97.5 percentiles of alpha over `draws` bootstrap resamples of
    the units (units with no value are left out), drawn with a fixed seed.
    """
    r = r.rated()
    if not len(r.patterns):
        return None
    contrib, w = _coincidence_parts(r)
    alpha = float(_alpha_from_coincidences(w @ contrib, r.n_categories)[0])
    if np.isnan(alpha):
        return None
    if not interval:
        return Estimate(alpha)
    n_units = int(round(w.sum()))
    rng = np.random.default_rng(seed)
    resampled = rng.multinomial(n_units, w / w.sum(), size=draws).astype(float)
    boot = _alpha_from_coincidences(resampled @ contrib, r.n_categories)
    boot = boot[~np.isnan(boot)]
    if len(boot) < draws // 2:
        return Estimate(alpha)
    low, high = np.percentile(boot, [50 * (1 - CONFIDENCE), 50 * (1 + CONFIDENCE)])
    return Estimate(alpha, float(low), float(high))


def kappa_2x2(both: npt.ArrayLike, a_only: npt.ArrayLike, b_only: npt.ArrayLike,
              neither: npt.ArrayLike) -> tuple[Floats, Floats]:
    """Percent agreement and Cohen's kappa for many 2x2 tables at once (NaN where undefined)."""
    both, a_only, b_only, neither = (np.asarray(x, dtype=float) for x in (both, a_only, b_only, neither))
    n = both + a_only + b_only + neither
    with np.errstate(divide="ignore", invalid="ignore"):
        po = (both + neither) / n
        pa, pb = (both + a_only) / n, (both + b_only) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        kappa = np.where(pe < 1 - 1e-12, (po - pe) / (1 - pe), np.nan)
    return po, kappa
