"""One run of the reports, as one :class:`~cchc_lib.core.request.RunRequest`: ``run_unit``
executes ``notebooks/ingest.ipynb`` and the unit's reports (the report registry) into
``reports/<period>/<unit>/``, with HTML and the Biểu 06 files; ``run_overview`` the town
overview. A period the data does not reach is refused before any notebook runs; the request
is settled to the data there, once (:func:`settle`).
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_lib.core import provenance
from cchc_lib.core.catalog import REPORTS_DIR, project_root, resolve
from cchc_lib.core.errors import CchcError
from cchc_lib.core.files import replace_path
from cchc_lib.core.lang import cli as lang
from cchc_lib.core.paths import inside
from cchc_lib.core.periods import Period
from cchc_lib.core.provenance import Stamp
from cchc_lib.core.request import RunRequest
from cchc_lib.delivery.notebooks import (
    atomic_write,
    ensure_kernel,
    execute,
    notebooks_dir,
    to_html,
)
from cchc_lib.par.tasks import has_tasks_to_report
from cchc_lib.reports.registry import DETAIL_FILE, FORM_FILES, REPORTS, UNIT_REPORTS

INGEST_NOTEBOOK = "ingest.ipynb"
REPORT_KINDS = UNIT_REPORTS  # the reports made per unit (report_registry)
OVERVIEW_FOLDER = "overview"

Progress = Callable[[str], object]


@dataclass(frozen=True)
class UnitRun:
    unit_code: str
    period: str
    folder: Path
    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()  # reports asked for and not made, each with why


def report_folder(period: str, unit: str, reports_dir: str | Path = REPORTS_DIR) -> Path:
    """reports/<period>/<unit>: both checked as plain names, the result inside the folder."""
    return inside(project_root() / reports_dir, period, unit,
                  what=lang.UNIT_OR_PERIOD_WHAT_VI)


def run_ingest_notebook(folder: Path, request: RunRequest) -> Path:
    """The ingest notebook, executed into ``folder`` as the record of what was read."""
    return execute(notebooks_dir() / INGEST_NOTEBOOK, folder / INGEST_NOTEBOOK,
                   {"catalog": str(request.folders.catalog),
                    "out_dir": str(request.folders.data)}, request.kernel)


def ingest_then_check(folder: Path, request: RunRequest, aside_root: Path | None = None
                      ) -> tuple[list[Path], dict, RunRequest]:
    """Ingest (the notebook, recorded aside first) when the request asks, then refuse a
    period the data (of the request's unit) does not reach before any report file is written
    or replaced; then the record moves into ``folder``. Returns the record's path (none
    without ingest), the processed tables and the request settled to the data."""
    if not request.ingest:
        return [], *check_period(request)
    aside_root = aside_root or folder.parent.parent  # the reports folder
    aside_root.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=".ingest-", dir=aside_root))
    try:
        record = run_ingest_notebook(aside, request)
        tables, settled = check_period(request)
        folder.mkdir(parents=True, exist_ok=True)
        replace_path(record, folder / INGEST_NOTEBOOK)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    return [folder / INGEST_NOTEBOOK], tables, settled


def check_period(request: RunRequest, if_present: bool = False) -> tuple[dict, RunRequest]:
    """No data, no verdict: a period wholly outside the data (of the request's one unit, when
    it has one) stops here. Returns the processed tables it read and the request settled to
    them. ``if_present``: nothing to check against when no data has been ingested (a report
    made earlier is being mailed)."""
    from cchc_lib.ingest.store import PROCESSED_FILES, read_processed

    folder = resolve(request.folders.data)
    if if_present and not (folder / PROCESSED_FILES["dossiers"]).is_file():
        return {}, request
    tables = read_processed(folder)
    unit = request.units[0] if len(request.units) == 1 else None
    return tables, settle(request, tables, unit)


def settle(request: RunRequest, tables: dict, unit: str | None = None) -> RunRequest:
    """The request with its period ended at the data's last day and its day reported on set
    (:meth:`RunRequest.settled`): a period the data (of ``unit``) does not reach is refused
    (:class:`~cchc_lib.core.errors.NoDataError`)."""
    from cchc_lib.core.units import unit_name
    from cchc_lib.indicators.base import clip_to_data, dated, require_data

    if unit:  # the unit's own dossiers must reach the period, not only the export's
        require_data(request.period, dated(tables), unit, unit_name(tables["units"], unit))
    return request.settled(clip_to_data(request.period, dated(tables)))


def run_unit(request: RunRequest, progress: Progress = lambda step: None) -> UnitRun:
    """Ingest (when asked) and the unit's reports through papermill: the ward report (with
    Biểu 06 files), the PAR scorecard and the plan-progress report, as asked."""
    from cchc_lib.core.lock import project_lock

    with project_lock():
        return _run_unit(request, progress)


def _run_unit(request: RunRequest, progress: Progress) -> UnitRun:
    ensure_kernel(request.kernel)  # a kernel that is not there stops before anything is read
    unit = str(request.unit)
    folder = report_folder(request.label, unit, request.folders.reports)
    notebooks = notebooks_dir()
    if request.ingest:
        progress("ingest")
    files, tables, request = ingest_then_check(folder, request)
    skipped = []
    for kind in request.reports:
        report = REPORTS[kind]
        if report.needs_own_plan and not has_tasks_to_report(tables, unit, request.year):
            why = no_plan_vi(request, tables)  # its targets are the general ones: no tasks
            if len(request.reports) == 1:  # the one report asked for: a dead end, said
                raise CchcError(why)
            skipped.append(lang.REPORT_SKIPPED_VI.format(report=report.title_vi.lower(),
                                                         reason=why))
            continue
        progress(kind)
        done = execute(notebooks / report.notebook, folder / report.notebook,
                       report.parameters(request), request.kernel)
        files += [done, to_html(done, done.with_suffix(".html"))]
        if report.with_forms:
            files += write_bieu06_files(unit, request.period, tables, folder,
                                        provenance.stamp(resolve(request.folders.data)))
        if report.with_detail:  # the rows behind the page's figures, each on its sheet
            from cchc_lib.reports.detail import write_detail

            atomic_write(folder / DETAIL_FILE, functools.partial(
                _detail, write_detail, tables, unit, request))
            files.append(folder / DETAIL_FILE)
        if report.document:
            name, write = report.document
            atomic_write(folder / name, functools.partial(write, request))
            files.append(folder / name)
    if request.pdf:  # each page and Word document printed, where the programs are here
        from cchc_lib.delivery.pdf import write_pdfs

        progress("pdf")
        printed = write_pdfs(files)
        files += printed.written
        skipped += printed.problems
    return UnitRun(unit, request.label, folder, tuple(files), tuple(skipped))


def _detail(write, tables: dict, unit: str, request: RunRequest, path: Path) -> Path:
    return write(tables, unit, request.period, path,
                 provenance.stamp(resolve(request.folders.data)))


def no_plan_vi(request: RunRequest, tables: dict) -> str:
    """Why a unit has no plan report: no plan of its own for the year, in the plans file
    the data catalog names."""
    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.core.units import unit_name

    try:
        source = load_catalog(resolve(request.folders.catalog)).sources.get("plans")
        plans = (lang.PLANS_FILE_UNKNOWN_VI if source is None else source.label
                 if not source.sheet else lang.FILE_SHEET_VI.format(file=source.label,
                                                                     sheet=source.sheet))
    except CchcError:  # no catalog here (a report made from processed data alone)
        plans = lang.PLANS_FILE_UNKNOWN_VI
    return lang.NO_PLAN_FOR_REPORT_VI.format(
        unit=unit_name(tables["units"], str(request.unit)), year=request.year, plans=plans)


def run_overview(request: RunRequest, progress: Progress = lambda step: None) -> UnitRun:
    """Ingest (when asked) and the town overview for a period, into
    reports/<period>/overview/."""
    from cchc_lib.core.lock import project_lock

    with project_lock():
        return _run_overview(request, progress)


def _run_overview(request: RunRequest, progress: Progress) -> UnitRun:
    ensure_kernel(request.kernel)
    folder = report_folder(request.label, OVERVIEW_FOLDER, request.folders.reports)
    if request.ingest:
        progress("ingest")
    files, _, request = ingest_then_check(folder, request)
    progress("report")
    kind = REPORTS["overview"]
    report = execute(notebooks_dir() / kind.notebook, folder / kind.notebook,
                     kind.parameters(request), request.kernel)
    progress("html")
    files += [report, to_html(report, report.with_suffix(".html"))]
    return UnitRun(OVERVIEW_FOLDER, request.label, folder, tuple(files))


def write_bieu06_files(unit: str, period: Period, tables: dict, folder: Path,
                       stamp: Stamp | None = None) -> list[Path]:
    """Biểu 06 of the run, ready to file, beside the report (the registry's ``FORM_FILES``;
    ``tables``: the processed tables the run read; ``stamp``: what made them)."""
    from cchc_lib.reports.forms import form_kind, unit_form, write_form

    form, name, span, receiver = unit_form(tables, unit, period)  # once
    out = []
    for file in FORM_FILES:
        target, kind = folder / file, form_kind(file)
        def one(p: Path, kind: str = kind) -> Path:
            return write_form(form, p, name, span, kind=kind, receiver=receiver, stamp=stamp)

        atomic_write(target, one)
        out.append(target)
    return out


__all__ = ["INGEST_NOTEBOOK", "OVERVIEW_FOLDER", "REPORT_KINDS", "UnitRun", "check_period",
           "ingest_then_check", "report_folder", "run_overview", "run_unit", "settle",
           "write_bieu06_files"]
