"""Scheduled runs: every unit, in parallel, one failure does not stop the others; each unit's
log kept, the summary said once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_lib.core.catalog import project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.core.paths import inside
from cchc_lib.core.request import RunRequest
from cchc_lib.delivery.notebooks import atomic_write, ensure_kernel, sweep_temporary
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


def _run_one(request: RunRequest) -> UnitOutcome:
    """One unit in a worker process; its log says what happened (never personal data)."""
    import traceback

    from cchc_lib.core.errors import NoDataError

    unit = str(request.unit)
    log = inside(project_root() / request.folders.reports, request.label, LOGS_DIR,
                 f"{unit}.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        run = run_unit(request)
        outcome = UnitOutcome(unit, True, run.files, log, "ok")
        text = "ok\n" + "".join(f"{f}\n" for f in run.files)
    except NoDataError as exc:  # said in the summary; no report, nothing to mail
        outcome = UnitOutcome(unit, True, (), log, str(exc), no_data=True)
        text = f"no data: {exc}\n"
    except CchcError as exc:
        outcome = UnitOutcome(unit, False, (), log, str(exc))
        text = f"failed: {exc}\n"
    except Exception as exc:  # a bug: the log keeps the traceback for whoever fixes it
        outcome = UnitOutcome(unit, False, (), log, f"{type(exc).__name__}: {exc}")
        text = f"failed: {exc}\n\n{traceback.format_exc()}"
    atomic_write(log, lambda p: p.write_text(text, encoding="utf-8"))
    return outcome


def run_all_units(request: RunRequest,
                  on_done: Callable[[UnitOutcome], object] = lambda outcome: None
                  ) -> list[UnitOutcome]:
    """Ingest once (when the request asks), then the reports of every unit of the request in
    parallel (``request.jobs`` at once, default one process per core).

    The project lock (:mod:`cchc_lib.core.lock`) stops a second command from writing while this
    one runs; each unit's files are replaced one by one, atomically, so a killed run leaves
    the last good reports in place.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from dataclasses import replace

    from cchc_lib.core.lock import project_lock
    from cchc_lib.core.processes import (
        process_context,
        starting_workers,
        stop_workers,
        worker_arguments,
    )

    folder = project_root() / request.folders.reports
    with project_lock():  # before anything is ingested or written
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / request.label).is_dir():  # a run killed before this one
            sweep_temporary(folder / request.label)
        ensure_kernel(request.kernel)
        ingest_then_check(inside(folder, request.label), replace(request, units=()),
                          aside_root=folder)  # the tables are read again in each unit
        each = replace(request, ingest=False)
        workers = max(1, min(request.jobs or os.cpu_count() or 1, len(request.units)))
        outcomes = []
        # the platform's start method (spawn on Windows): _run_one and the request pickle
        context = process_context(preload=("cchc_lib.delivery.schedule",))
        with starting_workers():  # (the workers start at the first submit)
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                       **worker_arguments())
            futures = [pool.submit(_run_one, each.for_unit(u)) for u in request.units]
        try:
            for future in as_completed(futures):
                outcome = future.result()
                outcomes.append(outcome)
                on_done(outcome)
        except BaseException:  # a stop asked: the workers (and their kernels) stop now
            stop_workers(pool)
            sweep_temporary(inside(folder, request.label))  # what a killed worker left
            raise
        pool.shutdown()
        return sorted(outcomes, key=lambda o: o.unit_code)


def units_to_run(request: RunRequest) -> list[str]:
    """Every unit of the data, as ingested now (``request.ingest``) or as last ingested."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.ingest.pipeline import run as run_ingest
    from cchc_lib.ingest.store import read_processed

    if request.ingest:
        run_ingest(str(request.folders.catalog), str(request.folders.data))
    return sorted(read_processed(resolve(request.folders.data), tables=("units",))["units"]
                  .unit_code)


__all__ = ["LOGS_DIR", "UnitOutcome", "run_all_units", "units_to_run"]
