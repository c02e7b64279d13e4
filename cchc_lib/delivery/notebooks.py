"""Running one notebook: the workbook's kernel, papermill execution, clean deterministic
outputs, offline HTML without code. Outputs are written to a temporary name and renamed into
place, so a failed run never leaves half a report where a good one stood.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

from cchc_lib.core.catalog import NOTEBOOKS_DIR, PROCESSED_DIR, project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.core.files import replace_path
from cchc_lib.core.lang import delivery as lang
from cchc_lib.core.provenance import stamp
from cchc_lib.core.request import KERNEL_NAME
from cchc_lib.reports.safe import plain

KERNEL_DISPLAY_NAME = "CCHC workbook (Python 3.11)"
TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "cchc_html"

# the kernel talks to papermill over loopback TCP, as in JupyterLab; its warning about
# unencrypted transport would reach every cron mail, so the kernel logs errors only
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
# a kernel that dies before it answers (two kernels started at once can race for a port):
# started again, up to this many times, waiting a little longer each time
KERNEL_START_TRIES = 3
KERNEL_RETRY_SECONDS = 0.5
# papermill and nbclient record timings and absolute paths; reports must not vary
VOLATILE_NB_METADATA = ("start_time", "end_time", "duration", "exception", "input_path",
                        "output_path")


def notebooks_dir() -> Path:
    """The workbook folder's own ``notebooks/`` when it has one (a checkout, or an office that
    edits its notebooks), else the notebooks installed with the package."""
    from cchc_lib.resources import resource_dir

    own = project_root() / NOTEBOOKS_DIR
    return own if own.is_dir() else resource_dir("notebooks")


def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """The Jupyter kernel ``name``, ready: the workbook's own (:data:`KERNEL_NAME`) is
    registered with this environment's Python when missing; any other name must be a kernel
    already installed (``--kernel`` mistyped never installs one: it stops, the installed
    kernels named)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    try:
        spec = manager.get_kernel_spec(name)
        ours = os.path.abspath(spec.argv[0]) == os.path.abspath(sys.executable) or \
            spec.argv[0] == "python"  # ipykernel's own spec: the environment's python
    except NoSuchKernel:
        if name != KERNEL_NAME:
            from cchc_lib.core.lang import cli as cli_lang

            raise CchcError(cli_lang.KERNEL_UNKNOWN_VI.format(
                name=name, default=KERNEL_NAME,
                installed=", ".join(sorted(manager.find_kernel_specs())) or "—")) from None
        ours = False
    if not ours and name != KERNEL_NAME:  # another environment's kernel: used as asked
        return name
    if not ours:  # missing, or another environment's kernel of the same name found first
        from ipykernel.kernelspec import install

        install(kernel_name=name, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)
        # this environment's kernels are looked for before the user's and the system's
        own = str(Path(sys.prefix) / "share" / "jupyter")
        paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
        if own not in paths:
            os.environ["JUPYTER_PATH"] = os.pathsep.join([own, *filter(None, paths)])
    return name


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run: timings, absolute paths, execution timestamps, the
    parameters cell's random id."""
    pm = nb.metadata.get("papermill", {})
    for key in VOLATILE_NB_METADATA:
        pm.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id each run
    return nb


_UMASK = os.umask(0)
os.umask(_UMASK)


TEMPORARY = ".*.tmp"  # what atomic_write leaves while it writes (".name.XXXX.tmp")


def sweep_temporary(folder: Path) -> int:
    """Remove what a stopped or killed writer left in ``folder`` and the folders in it (two
    levels: reports/<period>/<unit>/); call under the project lock, when nobody writes.
    Returns how many files went."""
    gone = 0
    for pattern in (TEMPORARY, f"*/{TEMPORARY}"):
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)
            gone += 1
    return gone


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; reports are for sharing
        replace_path(tmp, path)  # (retried while Excel holds the old one, on Windows)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------------------
# One kernel kept per process: a unit's reports, and a worker's units, run in the same kernel
# (its start and the imports are most of a report's time); each notebook starts from a new
# session: no name from the notebook before, execution counts from 1
# --------------------------------------------------------------------------------------

ENGINE_NAME = "cchc-kept-kernel"
RESET_CODE = ("get_ipython().reset(new_session=True)\n"
              "import matplotlib.pyplot as _p; _p.close('all'); del _p")
_KEPT: dict[str, Any] = {}  # kernel name -> its AsyncKernelManager, in this process
_CLIENTS: dict[str, Any] = {}  # kernel name -> a client connected to the kept kernel


def _drop_client(kernel: str) -> None:
    kc = _CLIENTS.pop(kernel, None)
    if kc is not None:
        kc.stop_channels()


def _kept_manager(kernel: str):
    """This process's kernel manager for ``kernel``: a new one, or the kept one if its kernel
    still runs (a kernel that died is replaced)."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = _KEPT.get(kernel)
    if km is not None and km.has_kernel and not run_sync(km.is_alive)():
        _drop_client(kernel)
        run_sync(km.cleanup_resources)()
        km = None
    if km is None:  # nbclient starts its kernel on first use
        km = _KEPT[kernel] = AsyncKernelManager(kernel_name=kernel)
    return km


def shutdown_kept_kernels() -> None:
    """Stop the kernels this process kept (at its exit; a worker's, when the pool ends)."""
    from jupyter_core.utils import run_sync

    for kernel in list(_CLIENTS):
        _drop_client(kernel)
    for km in list(_KEPT.values()):
        try:
            if km.has_kernel:
                run_sync(km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 - a kernel already gone is what we wanted
            pass
    _KEPT.clear()


def _register_engine() -> None:
    """papermill's engine for a kept kernel: papermill parameterises and records the notebook
    as ever; nbclient runs it in the process's kept kernel, after a reset."""
    import atexit
    from multiprocessing import util

    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    if ENGINE_NAME in papermill_engines._engines:
        return

    class FreshSessionClient(PapermillNotebookClient):
        def papermill_execute_cells(self):
            reply = self.wait_for_reply(self.kc.execute(RESET_CODE, silent=True,
                                                        store_history=False))
            if reply is None or reply["content"].get("status") != "ok":
                raise RuntimeError("kernel_info: the kept kernel did not reset")
            super().papermill_execute_cells()

    class KeptKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, **kwargs):
            km = _kept_manager(kernel_name)
            client = FreshSessionClient(
                nb_man, km=km, kernel_name=kernel_name,
                timeout=execution_timeout, startup_timeout=start_timeout,
                log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
                extra_arguments=kwargs.get("extra_arguments", []))
            if km.has_kernel:  # its client too: connecting one costs a round of messages
                client.kc = _CLIENTS.get(kernel_name)
            done = False
            try:
                nb = client.execute()
                done = True
                return nb
            finally:
                if done and client.kc is not None:
                    _CLIENTS[kernel_name] = client.kc
                else:  # a notebook that failed: a new client next time
                    _CLIENTS.pop(kernel_name, None)
                    if client.kc is not None:
                        client.kc.stop_channels()

    papermill_engines.register(ENGINE_NAME, KeptKernelEngine)
    atexit.register(shutdown_kept_kernels)  # this process's exit
    util.Finalize(None, shutdown_kept_kernels, exitpriority=10)  # a pool worker's exit


def execute(notebook: Path, output: Path, parameters: dict, kernel: str = KERNEL_NAME) -> Path:
    """Run a notebook with papermill (in this process's kept kernel) and write the cleaned
    result to ``output``."""
    import papermill as pm

    _register_engine()
    root = project_root()
    for attempt in range(1, KERNEL_START_TRIES + 1):
        try:  # no output path: papermill would write the notebook after every cell
            done = pm.execute_notebook(str(notebook), None, parameters=parameters,
                                       kernel_name=ensure_kernel(kernel), cwd=str(root),
                                       progress_bar=False, log_output=False,
                                       engine_name=ENGINE_NAME,
                                       extra_arguments=KERNEL_ARGUMENTS)
            break
        except pm.PapermillExecutionError as exc:
            raise CchcError(stopped_vi(notebook.name, exc.exec_count, exc.ename,
                                       exc.evalue)) from None
        except RuntimeError as exc:  # the kernel did not start: try a fresh one
            _drop_client(kernel)
            _KEPT.pop(kernel, None)
            if "kernel_info" not in str(exc) or attempt == KERNEL_START_TRIES:
                raise CchcError(lang.KERNEL_NOT_STARTED_VI.format(
                    notebook=notebook.name, kernel=kernel, attempts=attempt, problem=exc)) \
                    from None
            time.sleep(KERNEL_RETRY_SECONDS * attempt)
    nb = clean_notebook(nbformat.from_dict(done))
    # what made it: the data the notebook read (the ingest notebook: the data it wrote)
    data_dir = parameters.get("data_dir") or parameters.get("out_dir") or PROCESSED_DIR
    made = stamp(root / data_dir)
    nb.metadata["cchc"] = {**made.as_metadata(), "line": made.line_vi()}
    atomic_write(output, lambda p: nbformat.write(nb, str(p)))
    return output


# cells for the analyst in JupyterLab, not for the page a chairperson reads
HIDDEN_TAGS = {"parameters", "injected-parameters", "analyst"}


@functools.cache
def _exporter():
    """One HTML exporter per process: its templates are loaded once."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_DIR)],
                        exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True,
                        exclude_anchor_links=True)


def to_html(notebook: Path, output: Path) -> Path:
    """The report as one offline HTML file: no code, no scripts, images embedded."""
    exporter = _exporter()
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = next(iter(heading_of(nb)), notebook.stem)
    nb.cells = [c for c in nb.cells if not HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    body, _ = exporter.from_notebook_node(nb)
    atomic_write(output, lambda p: p.write_text(body, encoding="utf-8"))
    return output


def stopped_vi(notebook: str, cell: object, kind: str, problem: str) -> str:
    """A notebook that stopped, in one line: the workbook's own errors (Vietnamese, for the
    user) as they are; anything else named as the software's fault."""
    from cchc_lib.core import errors

    ours = isinstance(getattr(errors, kind, None), type) and issubclass(
        getattr(errors, kind), errors.CchcError)
    template = lang.NOTEBOOK_STOPPED_VI if ours else lang.NOTEBOOK_UNEXPECTED_VI
    return template.format(notebook=notebook, cell=cell, kind=kind, problem=problem)


def heading_of(nb: nbformat.NotebookNode) -> list[str]:
    """The report's heading, as its lines of plain text: the first output that prints a
    level-1 heading (its first line is the title, with the unit's name; the lines after it
    the summary). The page's <title> and the email's subject and summary read it here."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/markdown", "")
            if text.startswith("# "):
                return [plain(line).strip() for line in text.splitlines() if line.strip()]
    return []


__all__ = [
    "atomic_write", "clean_notebook", "ENGINE_NAME", "ensure_kernel", "execute", "heading_of",
    "sweep_temporary", "TEMPORARY",
    "HIDDEN_TAGS", "KERNEL_ARGUMENTS", "KERNEL_DISPLAY_NAME", "KERNEL_RETRY_SECONDS",
    "KERNEL_START_TRIES", "notebooks_dir", "RESET_CODE", "shutdown_kept_kernels", "TEMPLATE_DIR",
    "TEMPLATE_NAME", "stopped_vi", "to_html", "VOLATILE_NB_METADATA",
]
