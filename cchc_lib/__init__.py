"""CCHC workbook: one-stop dossier exports -> the PAR index (Chỉ số CCHC) indicators, Biểu 06,
the 766 estimates, the PAR scorecard, the plan tracker and the reports.

The public API, one name per task; each is imported on first use so that the command line
starts fast.
"""

from __future__ import annotations

import importlib
import warnings

__version__ = "0.2.0"  # the one place the version is written (pyproject reads it)

# pyspark (the [spark] extra) warns about pandas 3 as it starts, and pandera imports
# pyspark.pandas whenever pyspark is installed, so the warning would reach every ingest;
# the workbook never uses pyspark.pandas (its Spark queries hand Spark Arrow tables)
warnings.filterwarnings("ignore", message="PySpark does not yet fully support",
                        category=FutureWarning)

_API = {
    "load_catalog": "core.catalog",
    "read_processed": "ingest.store",
    "write_processed": "ingest.store",
    "parse_period": "core.periods",
    "all_indicators": "indicators.results",
    "bieu06": "indicators.bieu06",
    "plan_indicators": "indicators.plan",
    "procedure_uptake": "indicators.plan",
    "national_indicators": "indicators.national",
    "apology_coverage": "indicators.national",
    "load_methodology": "ingest.methodology",
    "score": "par.scoring",
    "ward_report": "reports.ward",
    "town_overview": "reports.overview",
    "scorecard": "reports.scorecard",
    "plan_progress": "reports.plan_progress",
    "run_unit": "delivery.runs",
    "run_all_units": "delivery.schedule",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'cchc_lib' has no attribute {name!r}")
