"""Stage 1, ingest: exports and reference files -> clean Parquet tables, a quarantine with a
reason for every row set aside, and the alerts an analyst must read first.

The stage's API is imported on first use, so that reading the processed tables
(:mod:`cchc_lib.ingest.store`) does not load the readers and the validation.
"""

from __future__ import annotations

import importlib

_API = {
    "ingest": "pipeline", "run": "pipeline",
    "IngestResult": "result", "alerts_text": "result", "summary_text": "result",
    "last_alerts": "store", "read_processed": "store", "write_processed": "store",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'cchc_lib.ingest' has no attribute {name!r}")
