"""Regenerate the executed notebooks nbval compares against (tests/golden/), from the
report registry: ``python tools/golden.py`` (or ``make golden``)."""

from __future__ import annotations

from pathlib import Path

from cchc_lib.core.catalog import load_catalog, project_root
from cchc_lib.core.lock import project_lock
from cchc_lib.core.request import run_request
from cchc_lib.delivery.notebooks import KERNEL_NAME, execute
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import write_processed
from cchc_lib.reports.registry import REPORTS

GOLDEN_DIR = Path("tests/golden")
GOLDEN_DATA_DIR = "tests/.sample_processed"  # where the test suite ingests the sample
NOTEBOOKS_DIR = Path("notebooks")


def write_golden(kernel: str = KERNEL_NAME) -> list[Path]:
    """Ingest the sample, then execute every report's golden cases."""
    root = project_root()
    with project_lock():
        write_processed(ingest(load_catalog(root / "data/raw/sample/catalog.yml")),
                        root / GOLDEN_DATA_DIR)
        out = []
        for report in REPORTS.values():
            for unit_code, period, as_of in report.golden:
                request = run_request(period, [unit_code] if unit_code else [],
                                      as_of=as_of, data=GOLDEN_DATA_DIR)
                out.append(execute(root / NOTEBOOKS_DIR / report.notebook,
                                   root / GOLDEN_DIR / report.golden_name(unit_code, period),
                                   report.parameters(request), kernel))
        return out


if __name__ == "__main__":  # pragma: no cover
    for path in write_golden():
        print(path)
