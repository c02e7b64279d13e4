"""Running the notebooks: papermill execution, clean deterministic outputs, offline HTML.

``run_unit`` executes ``notebooks/ingest.ipynb`` and ``notebooks/ward_report.ipynb`` into
``reports/<period>/<unit>/`` and converts the report to HTML without code. Outputs are
written to a temporary name and renamed into place, so a failed run never leaves half a
report where a good one stood.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from cchc_lib.core.catalog import NOTEBOOKS_DIR, REPORTS_DIR, project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.core.paths import inside
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.plan import clip_to_data
from cchc_lib.par.tasks import has_tasks_to_report
from cchc_lib.reports.registry import REPORTS, UNIT_REPORTS, RunContext
from cchc_lib.reports.safe import plain

KERNEL_NAME = "cchc"
KERNEL_DISPLAY_NAME = "CCHC workbook (Python 3.11)"
TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "cchc_html"
INGEST_NOTEBOOK = "ingest.ipynb"
REPORT_KINDS = UNIT_REPORTS  # the reports made per unit (report_registry)
OVERVIEW_FOLDER = "overview"
# the kernel talks to papermill over loopback TCP, as in JupyterLab; its warning about
# unencrypted transport would reach every cron mail, so the kernel logs errors only
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
# papermill and nbclient record timings and absolute paths; reports must not vary
VOLATILE_NB_METADATA = ("start_time", "end_time", "duration", "exception", "input_path",
                        "output_path")


def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """Register this environment's Python as Jupyter kernel ``name`` if it is missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(kernel_name=name, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)
    return name


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run: timings, absolute paths, execution timestamps."""
    pm = nb.metadata.get("papermill", {})
    for key in VOLATILE_NB_METADATA:
        pm.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


_UMASK = os.umask(0)
os.umask(_UMASK)


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; reports are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def execute(notebook: Path, output: Path, parameters: dict, kernel: str = KERNEL_NAME) -> Path:
    """Run a notebook with papermill and write the cleaned result to ``output``."""
    import papermill as pm

    root = project_root()
    with tempfile.TemporaryDirectory(prefix="cchc-run-") as tmp:
        scratch = Path(tmp) / output.name
        try:
            pm.execute_notebook(str(notebook), str(scratch), parameters=parameters,
                                kernel_name=ensure_kernel(kernel), cwd=str(root),
                                progress_bar=False, log_output=False,
                                extra_arguments=KERNEL_ARGUMENTS)
        except pm.PapermillExecutionError as exc:
            raise CchcError(f"{notebook.name} failed in cell {exc.exec_count}: "
                            f"{exc.ename}: {exc.evalue}") from None
        nb = clean_notebook(nbformat.read(scratch, as_version=4))
    _atomic_write(output, lambda p: nbformat.write(nb, str(p)))
    return output


def to_html(notebook: Path, output: Path) -> Path:
    """The report as one offline HTML file: no code, no scripts, images embedded."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=TEMPLATE_NAME,
                            extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True,
                            exclude_anchor_links=True)
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = _title(nb) or notebook.stem
    nb.cells = [c for c in nb.cells
                if not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    body, _ = exporter.from_notebook_node(nb)
    _atomic_write(output, lambda p: p.write_text(body, encoding="utf-8"))
    return output


def _title(nb: nbformat.NotebookNode) -> str | None:
    """The first level-1 heading the notebook printed, for the page's <title>."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/markdown", "")
            if text.startswith("# "):
                return plain(text.splitlines()[0]).strip()
    return None


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
    return execute(project_root() / NOTEBOOKS_DIR / INGEST_NOTEBOOK, folder / INGEST_NOTEBOOK,
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
    from cchc_lib.indicators.plan import require_data
    from cchc_lib.ingest.store import PROCESSED_FILES, read_processed
    from cchc_lib.reports.ward import unit_name

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
    root = project_root()
    folder = report_folder(period, unit_code, reports_dir)
    notebooks = root / NOTEBOOKS_DIR
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
            files += write_bieu06_files(unit_code, period, tables, folder)
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
    root = project_root()
    folder = report_folder(period, OVERVIEW_FOLDER, reports_dir)
    if ingest:
        progress("ingest")
    files, _ = ingest_then_check(folder, period, catalog, data_dir, kernel, ingest)
    progress("report")
    kind = REPORTS["overview"]
    report = execute(root / NOTEBOOKS_DIR / kind.notebook, folder / kind.notebook,
                     kind.parameters(RunContext(None, period, data_dir)), kernel)
    progress("html")
    files += [report, to_html(report, report.with_suffix(".html"))]
    return UnitRun(OVERVIEW_FOLDER, period, folder, tuple(files))


def write_bieu06_files(unit_code: str, period: str, tables: dict, folder: Path) -> list[Path]:
    """Biểu 06 of the run, ready to file: bieu06.xlsx and bieu06.csv beside the report
    (``tables``: the processed tables the run read)."""
    from cchc_lib.indicators.plan import bieu06
    from cchc_lib.reports.forms import write_form
    from cchc_lib.reports.ward import unit_name

    span = clip_to_data(parse_period(period), tables["dossiers"])
    form = bieu06(tables["dossiers"], tables["catalogue"], unit_code, span)
    name = unit_name(tables["units"], unit_code)
    out = []
    for suffix in (".xlsx", ".csv"):
        target = folder / f"bieu06{suffix}"
        _atomic_write(target, lambda p, s=suffix: write_form(form, p, name, span, kind=s))
        out.append(target)
    return out




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
    from cchc_lib.indicators.plan import NoDataError

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
    _atomic_write(log, lambda p: p.write_text(text, encoding="utf-8"))
    return outcome


def run_all_units(period: str, units: list[str], *, catalog: str = "data/catalog.yml",
                  data_dir: str = "data/processed", reports_dir: str | Path = REPORTS_DIR,
                  ingest: bool = True, kernel: str = KERNEL_NAME,
                  reports: tuple[str, ...] = ("ward",), as_of: str | None = None,
                  jobs: int | None = None,
                  on_done: Callable[[UnitOutcome], None] = lambda outcome: None
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
