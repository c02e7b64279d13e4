"""Scheduled runs: every unit, in parallel, one failure does not stop the others; each unit's
log kept, the summary said once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_lib.core.catalog import REPORTS_DIR, project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.core.paths import inside
from cchc_lib.delivery.notebooks import KERNEL_NAME, atomic_write, ensure_kernel
from cchc_lib.delivery.runs import ingest_then_check, run_unit

# --------------------------------------------------------------------------------------
# Scheduled runs: every unit, in parallel, one failure does not stop the others
# --------------------------------------------------------------------------------------

LOGS_DIR = "logs"


@dataclass(frozen=True)
class UnitOutcome:
    unit_code: str
    ok: bool
    files: tuple[Path, ...]
    log: Path
    message: str
    no_data: bool = False  # the period is outside this unit's data: no report made


def _run_one(unit_code: str, period: str, options: dict) -> UnitOutcome:
    """One unit in a worker process; its log says what happened (never personal data)."""
    import traceback

    log = inside(project_root() / options["reports_dir"], period, LOGS_DIR, f"{unit_code}.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    from cchc_lib.core.errors import NoDataError

    try:
        run = run_unit(unit_code, period, ingest=False, **options)
        outcome = UnitOutcome(unit_code, True, run.files, log, "ok")
        text = "ok\n" + "".join(f"{f}\n" for f in run.files)
    except NoDataError as exc:  # said in the summary; no report, nothing to mail
        outcome = UnitOutcome(unit_code, True, (), log, str(exc), no_data=True)
        text = f"no data: {exc}\n"
    except CchcError as exc:
        outcome = UnitOutcome(unit_code, False, (), log, str(exc))
        text = f"failed: {exc}\n"
    except Exception as exc:  # a bug: the log keeps the traceback for whoever fixes it
        outcome = UnitOutcome(unit_code, False, (), log, f"{type(exc).__name__}: {exc}")
        text = f"failed: {exc}\n\n{traceback.format_exc()}"
    atomic_write(log, lambda p: p.write_text(text, encoding="utf-8"))
    return outcome


def run_all_units(period: str, units: list[str], *, catalog: str = "data/catalog.yml",
                  data_dir: str = "data/processed", reports_dir: str | Path = REPORTS_DIR,
                  ingest: bool = True, kernel: str = KERNEL_NAME,
                  reports: tuple[str, ...] = ("ward",), as_of: str | None = None,
                  jobs: int | None = None,
                  on_done: Callable[[UnitOutcome], object] = lambda outcome: None
                  ) -> list[UnitOutcome]:
    """Ingest once, then every unit's reports in parallel (one process per core).

    The project lock (:mod:`cchc_lib.core.lock`) stops a second command from writing while this
    one runs; each unit's files are replaced one by one, atomically, so a killed run leaves
    the last good reports in place.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from cchc_lib.core.lock import project_lock

    root = project_root()
    folder = root / reports_dir
    with project_lock():  # before anything is ingested or written
        folder.mkdir(parents=True, exist_ok=True)
        ensure_kernel(kernel)
        ingest_then_check(inside(folder, period), period, catalog, data_dir, kernel, ingest,
                          aside_root=folder)  # the tables are read again in each unit
        options = {"data_dir": data_dir, "reports_dir": str(reports_dir), "kernel": kernel,
                   "reports": reports, "as_of": as_of}
        workers = max(1, min(jobs or os.cpu_count() or 1, len(units)))
        outcomes = []
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_run_one, u, period, options) for u in units]
            for future in as_completed(futures):
                outcome = future.result()
                outcomes.append(outcome)
                on_done(outcome)
        return sorted(outcomes, key=lambda o: o.unit_code)


def units_to_run(catalog: str, data_dir: str, ingest: bool = True) -> list[str]:
    """Every unit of the data, as ingested now (``ingest``) or as last ingested."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.ingest.pipeline import run as run_ingest
    from cchc_lib.ingest.store import read_processed

    if ingest:
        run_ingest(catalog, data_dir)
    return sorted(read_processed(resolve(data_dir), tables=("units",))["units"].unit_code)
