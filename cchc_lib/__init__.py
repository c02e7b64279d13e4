"""CCHC workbook: one-stop dossier exports -> the PAR index (Chỉ số CCHC) indicators, Biểu 06,
the 766 estimates, the PAR scorecard, the plan tracker and the reports.

The public API, one name per task; each is imported on first use so that the command line
starts fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "load_catalog": "catalog",
    "ingest": "ingest",
    "read_processed": "ingest",
    "write_processed": "ingest",
    "parse_period": "periods",
    "all_indicators": "results",
    "bieu06": "indicators",
    "plan_indicators": "indicators",
    "procedure_uptake": "indicators",
    "national_indicators": "national",
    "apology_coverage": "national",
    "load_methodology": "methodology",
    "score": "scoring",
    "ward_report": "report",
    "town_overview": "overview",
    "scorecard": "par_reports",
    "plan_progress": "par_reports",
    "run_unit": "delivery",
    "run_all_units": "delivery",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'cchc_lib' has no attribute {name!r}")
