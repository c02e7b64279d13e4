"""Running one notebook: the workbook's kernel, papermill execution, clean deterministic
outputs, offline HTML without code. Outputs are written to a temporary name and renamed into
place, so a failed run never leaves half a report where a good one stood.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat

from cchc_lib.core.catalog import project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.reports.safe import plain

KERNEL_NAME = "cchc"
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


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
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
        for attempt in range(1, KERNEL_START_TRIES + 1):
            try:
                pm.execute_notebook(str(notebook), str(scratch), parameters=parameters,
                                    kernel_name=ensure_kernel(kernel), cwd=str(root),
                                    progress_bar=False, log_output=False,
                                    extra_arguments=KERNEL_ARGUMENTS)
                break
            except pm.PapermillExecutionError as exc:
                raise CchcError(f"{notebook.name} failed in cell {exc.exec_count}: "
                                f"{exc.ename}: {exc.evalue}") from None
            except RuntimeError as exc:  # the kernel did not start: try a fresh one
                if "kernel_info" not in str(exc) or attempt == KERNEL_START_TRIES:
                    raise CchcError(f"{notebook.name}: không khởi động được kernel Jupyter "
                                    f"'{kernel}' sau {attempt} lần thử ({exc})") from None
                time.sleep(KERNEL_RETRY_SECONDS * attempt)
        nb = clean_notebook(nbformat.read(scratch, as_version=4))
    atomic_write(output, lambda p: nbformat.write(nb, str(p)))
    return output


# cells for the analyst in JupyterLab, not for the page a chairperson reads
HIDDEN_TAGS = {"parameters", "injected-parameters", "analyst"}


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
    nb.cells = [c for c in nb.cells if not HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    body, _ = exporter.from_notebook_node(nb)
    atomic_write(output, lambda p: p.write_text(body, encoding="utf-8"))
    return output


def _title(nb: nbformat.NotebookNode) -> str | None:
    """The first level-1 heading the notebook printed, for the page's <title>."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/markdown", "")
            if text.startswith("# "):
                return plain(text.splitlines()[0]).strip()
    return None
