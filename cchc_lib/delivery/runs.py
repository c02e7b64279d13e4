"""One run of the reports: ``run_unit`` executes ``notebooks/ingest.ipynb`` and the unit's
reports (the report registry) into ``reports/<period>/<unit>/``, with HTML and the Biểu 06
files; ``run_overview`` the town overview. A period the data does not reach is refused
before any notebook runs.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_lib.core import provenance
from cchc_lib.core.catalog import REPORTS_DIR, project_root, resolve
from cchc_lib.core.paths import inside
from cchc_lib.core.periods import parse_period
from cchc_lib.core.provenance import Stamp
from cchc_lib.delivery.notebooks import (
    KERNEL_NAME,
    atomic_write,
    execute,
    notebooks_dir,
    to_html,
)
from cchc_lib.indicators.base import clip_to_data
from cchc_lib.par.tasks import has_tasks_to_report
from cchc_lib.reports.registry import FORM_FILES, REPORTS, UNIT_REPORTS, RunContext

INGEST_NOTEBOOK = "ingest.ipynb"
REPORT_KINDS = UNIT_REPORTS  # the reports made per unit (report_registry)
OVERVIEW_FOLDER = "overview"

@dataclass(frozen=True)
class UnitRun:
    unit_code: str
    period: str
    folder: Path
    files: tuple[Path, ...]


def report_folder(period: str, unit_code: str, reports_dir: str | Path = REPORTS_DIR) -> Path:
    """reports/<period>/<unit>: both checked as plain names, the result inside the folder."""
    return inside(project_root() / reports_dir, period, unit_code, what="mã đơn vị hoặc kỳ")


def run_ingest_notebook(folder: Path, catalog: str, data_dir: str, kernel: str) -> Path:
    """The ingest notebook, executed into ``folder`` as the record of what was read."""
    return execute(notebooks_dir() / INGEST_NOTEBOOK, folder / INGEST_NOTEBOOK,
                   {"catalog": catalog, "out_dir": data_dir}, kernel)


def ingest_then_check(folder: Path, period: str, catalog: str, data_dir: str, kernel: str,
                      ingest: bool, unit_code: str | None = None,
                      aside_root: Path | None = None) -> tuple[list[Path], dict]:
    """Ingest (the notebook, recorded aside first), then refuse a period the data does not
    reach before any report file is written or replaced; then the record moves into
    ``folder``. Returns the record's path (none without ingest) and the processed tables."""
    if not ingest:
        return [], check_period(period, data_dir, unit_code)
    aside_root = aside_root or folder.parent.parent  # the reports folder
    aside_root.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=".ingest-", dir=aside_root))
    try:
        record = run_ingest_notebook(aside, catalog, data_dir, kernel)
        tables = check_period(period, data_dir, unit_code)
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(record, folder / INGEST_NOTEBOOK)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    return [folder / INGEST_NOTEBOOK], tables


def check_period(period: str, data_dir: str, unit_code: str | None = None,
                 if_present: bool = False) -> dict:
    """No data, no verdict: a period wholly outside the data (of the unit) stops here.
    Returns the processed tables it read. ``if_present``: nothing to check against when no
    data has been ingested (a report made earlier is being mailed)."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.periods import parse_period
    from cchc_lib.core.units import unit_name
    from cchc_lib.indicators.base import require_data
    from cchc_lib.ingest.store import PROCESSED_FILES, read_processed

    folder = resolve(data_dir)
    if if_present and not (folder / PROCESSED_FILES["dossiers"]).is_file():
        return {}
    tables = read_processed(folder)
    label = unit_name(tables["units"], unit_code) if unit_code else None
    require_data(parse_period(period), tables["dossiers"], unit_code, label)
    return tables


def run_unit(unit_code: str, period: str, *, catalog: str = "data/catalog.yml",
             data_dir: str = "data/processed", reports_dir: str | Path = REPORTS_DIR,
             ingest: bool = True, kernel: str = KERNEL_NAME, reports: tuple[str, ...] = ("ward",),
             as_of: str | None = None,
             progress: Callable[[str], None] = lambda step: None) -> UnitRun:
    """Ingest (optional) and the unit's reports through papermill: the ward report (with
    Biểu 06 files), the PAR scorecard and the plan-progress report, as asked."""
    from cchc_lib.core.lock import project_lock

    with project_lock():
        return _run_unit(unit_code, period, catalog=catalog, data_dir=data_dir,
                         reports_dir=reports_dir, ingest=ingest, kernel=kernel,
                         reports=reports, as_of=as_of, progress=progress)


def _run_unit(unit_code: str, period: str, *, catalog: str, data_dir: str,
              reports_dir: str | Path, ingest: bool, kernel: str, reports: tuple[str, ...],
              as_of: str | None, progress: Callable[[str], None]) -> UnitRun:
    folder = report_folder(period, unit_code, reports_dir)
    notebooks = notebooks_dir()
    if ingest:
        progress("ingest")
    files, tables = ingest_then_check(folder, period, catalog, data_dir, kernel, ingest,
                                      unit_code)
    year = int(period[:4])
    for kind in reports:
        report = REPORTS[kind]
        if report.needs_own_plan and not has_tasks_to_report(tables, unit_code, year):
            continue  # no plan of its own: no tasks to report (its targets are the general ones)
        progress(kind)
        if report.takes_as_of and as_of is None:  # the period's end, or the last day of data
            as_of = f"{clip_to_data(parse_period(period), tables['dossiers']).end:%Y-%m-%d}"
        context = RunContext(unit_code, period, data_dir, as_of)
        done = execute(notebooks / report.notebook, folder / report.notebook,
                       report.parameters(context), kernel)
        files += [done, to_html(done, done.with_suffix(".html"))]
        if report.with_forms:
            files += write_bieu06_files(unit_code, period, tables, folder,
                                        provenance.stamp(resolve(data_dir)))
        if report.document:
            name, write = report.document
            atomic_write(folder / name, functools.partial(write, context))
            files.append(folder / name)
    return UnitRun(unit_code, period, folder, tuple(files))


def run_overview(period: str, *, catalog: str = "data/catalog.yml",
                 data_dir: str = "data/processed", reports_dir: str | Path = REPORTS_DIR,
                 ingest: bool = True, kernel: str = KERNEL_NAME,
                 progress: Callable[[str], None] = lambda step: None) -> UnitRun:
    """Ingest (optional) and the town overview for a period, into reports/<period>/overview/."""
    from cchc_lib.core.lock import project_lock

    with project_lock():
        return _run_overview(period, catalog=catalog, data_dir=data_dir,
                             reports_dir=reports_dir, ingest=ingest, kernel=kernel,
                             progress=progress)


def _run_overview(period: str, *, catalog: str, data_dir: str, reports_dir: str | Path,
                  ingest: bool, kernel: str, progress: Callable[[str], None]) -> UnitRun:
    folder = report_folder(period, OVERVIEW_FOLDER, reports_dir)
    if ingest:
        progress("ingest")
    files, _ = ingest_then_check(folder, period, catalog, data_dir, kernel, ingest)
    progress("report")
    kind = REPORTS["overview"]
    report = execute(notebooks_dir() / kind.notebook, folder / kind.notebook,
                     kind.parameters(RunContext(None, period, data_dir)), kernel)
    progress("html")
    files += [report, to_html(report, report.with_suffix(".html"))]
    return UnitRun(OVERVIEW_FOLDER, period, folder, tuple(files))


def write_bieu06_files(unit_code: str, period: str, tables: dict, folder: Path,
                       stamp: Stamp | None = None) -> list[Path]:
    """Biểu 06 of the run, ready to file, beside the report (the registry's ``FORM_FILES``;
    ``tables``: the processed tables the run read; ``stamp``: what made them)."""
    from cchc_lib.reports.forms import form_kind, unit_form, write_form

    form, name, span, receiver = unit_form(tables, unit_code, parse_period(period))  # once
    out = []
    for file in FORM_FILES:
        target, kind = folder / file, form_kind(file)
        def one(p: Path, kind: str = kind) -> Path:
            return write_form(form, p, name, span, kind=kind, receiver=receiver, stamp=stamp)

        atomic_write(target, one)
        out.append(target)
    return out
