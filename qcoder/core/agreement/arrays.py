"""The numpy array types the agreement code passes around, named by what they hold."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

#: global offsets, interval bounds, indices and category indices
Ints = npt.NDArray[np.int64]
#: weights, lengths, counts and coefficients
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
#: sorted [start, end) intervals as two arrays
Intervals = tuple[Ints, Ints]
