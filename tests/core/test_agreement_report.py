"""How coefficients are reported: intervals stay inside what a coefficient can be."""

from __future__ import annotations

import numpy as np

from qcoder.core.agreement import statistics as st
from qcoder.core.agreement.entries import coefficients


def test_reported_intervals_are_cut_at_the_coefficients_range():
    # 12 units, one disagreement: the asymptotic kappa interval runs past 1
    a = np.array([1] * 6 + [0] * 6)
    b = a.copy()
    b[0] = 0
    ratings = st.Ratings.from_matrix(np.stack([a, b], axis=1), 2)
    raw = st.cohen_kappa(ratings)
    assert raw.high > 1  # the statistic itself is the textbook one, uncut
    values, ci = coefficients(ratings, 2)
    assert abs(values["cohen_kappa"] - raw.value) < 1e-3
    for key, (low, high) in ci.items():
        assert high <= 1.0, key
        assert low >= (0.0 if key == "percent_agreement" else -1.0), key
    assert ci["cohen_kappa"][1] == 1.0
