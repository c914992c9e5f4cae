"""Every coefficient cross-checked on random data against the reference packages: krippendorff,
statsmodels.stats.inter_rater and irrCAC (values and, where they give them, intervals)."""

from __future__ import annotations

import warnings

import irrCAC.raw as irr
import krippendorff
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from qcoder.core.agreement import statistics as st


def random_ratings(seed: int, n: int, coders: int, q: int, missing: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, q, size=n)
    m = np.where(rng.random((n, coders)) < 0.6, truth[:, None], rng.integers(0, q, (n, coders)))
    m[rng.random((n, coders)) < missing] = st.MISSING
    return m


def cac(m: np.ndarray, q: int):
    df = pd.DataFrame(np.where(m < 0, np.nan, m).astype(float))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return irr.CAC(df, categories=list(range(q)))


CASES = [(seed, n, c, q, miss) for seed, (n, c, q, miss) in enumerate([
    (30, 2, 2, 0.0), (80, 2, 3, 0.1), (50, 3, 2, 0.0), (60, 3, 4, 0.2), (120, 4, 3, 0.15),
    (25, 5, 2, 0.3), (200, 2, 5, 0.0), (40, 6, 5, 0.1),
])]


@pytest.mark.parametrize("seed,n,coders,q,missing", CASES)
def test_gwet_family_matches_irrcac(seed, n, coders, q, missing):
    m = random_ratings(seed, n, coders, q, missing)
    r = st.Ratings.from_matrix(m, q)
    ref = cac(m, q)
    for ours, theirs in ((st.fleiss_kappa(r), ref.fleiss()), (st.brennan_prediger(r), ref.bp()),
                         (st.gwet_ac1(r), ref.gwet())):
        est = theirs["est"]
        assert ours.value == pytest.approx(est["coefficient_value"], abs=1e-5)
        assert ours.low == pytest.approx(est["confidence_interval"][0], abs=1e-5)
        assert ours.high == pytest.approx(est["confidence_interval"][1], abs=1e-5)
    assert st.percent_agreement(r).value == pytest.approx(ref.fleiss()["est"]["pa"], abs=1e-5)


@pytest.mark.parametrize("seed,n,coders,q,missing", CASES)
def test_alpha_matches_krippendorff_and_irrcac(seed, n, coders, q, missing):
    m = random_ratings(seed, n, coders, q, missing)
    r = st.Ratings.from_matrix(m, q)
    data = np.where(m < 0, np.nan, m).astype(float).T
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    ours = st.krippendorff_alpha(r)
    assert ours.value == pytest.approx(expected, abs=1e-9)
    assert ours.value == pytest.approx(cac(m, q).krippendorff()["est"]["coefficient_value"], abs=1e-5)
    assert ours.low <= ours.value <= ours.high


@pytest.mark.parametrize("seed,n,coders,q,missing", [c for c in CASES if c[3] == 2 or c[2] == 2])
def test_cohen_kappa_matches_statsmodels_with_interval(seed, n, coders, q, missing):
    m = random_ratings(seed, n, coders, q, missing)[:, :2]
    r = st.Ratings.from_matrix(m, q)
    both = m[(m >= 0).all(axis=1)]
    table = np.zeros((q, q))
    np.add.at(table, (both[:, 0], both[:, 1]), 1)
    ref = cohens_kappa(table)
    ours = st.cohen_kappa(r)
    assert ours.value == pytest.approx(ref.kappa, abs=1e-12)
    assert ours.low == pytest.approx(ref.kappa_low, abs=1e-9)
    assert ours.high == pytest.approx(ref.kappa_upp, abs=1e-9)


@pytest.mark.parametrize("seed,n,coders,q", [(c[0], c[1], c[2], c[3]) for c in CASES if c[2] > 2])
def test_fleiss_and_randolph_match_statsmodels_without_missing(seed, n, coders, q):
    m = random_ratings(seed, n, coders, q, 0.0)
    r = st.Ratings.from_matrix(m, q)
    table, _cats = aggregate_raters(m, n_cat=q)
    assert st.fleiss_kappa(r).value == pytest.approx(sm_fleiss(table), abs=1e-12)
    assert st.brennan_prediger(r).value == pytest.approx(sm_fleiss(table, method="randolph"), abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(hs.integers(0, 10_000), hs.integers(2, 4), hs.integers(2, 4))
def test_weighted_patterns_equal_the_expanded_units(seed, coders, q):
    """A pattern of weight k counts exactly as k identical units."""
    rng = np.random.default_rng(seed)
    m = random_ratings(seed, 30, coders, q, 0.1)
    weights = rng.integers(1, 5, size=len(m))
    compact = st.Ratings.from_matrix(m, q, weights=weights)
    expanded = st.Ratings.from_matrix(np.repeat(m, weights, axis=0), q)
    for f in (st.percent_agreement, st.fleiss_kappa, st.brennan_prediger, st.gwet_ac1):
        a, b = f(compact), f(expanded)
        assert (a is None) == (b is None)
        if a is not None:
            assert a.value == pytest.approx(b.value, abs=1e-12)
            assert a.low == pytest.approx(b.low, abs=1e-9)
    a = st.krippendorff_alpha(compact, interval=False)
    b = st.krippendorff_alpha(expanded, interval=False)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.value == pytest.approx(b.value, abs=1e-12)


def test_alpha_bootstrap_is_reproducible_and_close_to_the_analytic_spread():
    m = random_ratings(7, 400, 2, 2, 0.0)
    r = st.Ratings.from_matrix(m, 2)
    first, again = st.krippendorff_alpha(r), st.krippendorff_alpha(r)
    assert (first.low, first.high) == (again.low, again.high)
    other = st.krippendorff_alpha(r, seed=1)
    assert (other.low, other.high) != (first.low, first.high)
    est = cac(m, 2).krippendorff()["est"]
    analytic = est["confidence_interval"][1] - est["confidence_interval"][0]
    assert first.high - first.low == pytest.approx(analytic, rel=0.2)


def test_undefined_coefficients_are_none_not_numbers():
    everyone_yes = st.Ratings.from_matrix(np.ones((20, 2), dtype=int), 2)
    assert st.cohen_kappa(everyone_yes) is None
    assert st.fleiss_kappa(everyone_yes) is None
    assert st.krippendorff_alpha(everyone_yes) is None
    assert st.percent_agreement(everyone_yes).value == 1.0
    lonely = st.Ratings.from_matrix(np.array([[0, st.MISSING], [st.MISSING, 1]]), 2)
    assert st.percent_agreement(lonely) is None
    assert st.krippendorff_alpha(lonely) is None
