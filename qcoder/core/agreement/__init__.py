"""Intercoder agreement: units (units.py), coefficients (statistics.py), the report
(report.py, its rows in entries.py), consensus codings (consensus.py) and report files
(export.py); arrays.py names the numpy array types they pass around.

The report's names load on first use (PEP 562), so importing one submodule - units,
consensus - does not run report.py and the statistics behind it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the checker sees; at run time they load on first use
    from .report import AgreementReport, agreement_report, units_compared

__all__ = ["AgreementReport", "agreement_report", "units_compared"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
