"""Intercoder agreement: units (units.py), coefficients (statistics.py), the report
(report.py, its rows in entries.py), consensus codings (consensus.py) and report files
(export.py)."""

from .report import AgreementReport, agreement_report, units_compared

__all__ = ["AgreementReport", "agreement_report", "units_compared"]
