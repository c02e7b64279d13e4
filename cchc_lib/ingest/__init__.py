"""Stage 1, ingest: exports and reference files -> clean Parquet tables, a quarantine with a
reason for every row set aside, and the alerts an analyst must read first."""

from cchc_lib.ingest.pipeline import ingest, run
from cchc_lib.ingest.result import IngestResult, alerts_text, summary_text
from cchc_lib.ingest.store import last_alerts, read_processed, write_processed

__all__ = ["IngestResult", "alerts_text", "ingest", "last_alerts", "read_processed", "run",
           "summary_text", "write_processed"]
