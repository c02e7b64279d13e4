"""One Jupyter kernel kept per process (delivery/notebooks.execute): a unit's reports and a
worker's units run in the same real kernel, each notebook in a new session (no name left from
the notebook before, execution counts from 1), with outputs byte-identical to a fresh
kernel's; a kernel that died between notebooks is replaced."""

from __future__ import annotations

import os
import signal
import time

import nbformat
import pytest

from cchc_lib.delivery import notebooks
from cchc_lib.delivery.notebooks import execute, shutdown_kept_kernels


@pytest.fixture(autouse=True)
def fresh_kernels():
    shutdown_kept_kernels()
    yield
    shutdown_kept_kernels()


def _notebook(path, *cells: str):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 0")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nb.metadata["kernelspec"] = {"name": "cchc", "display_name": "cchc", "language": "python"}
    nbformat.write(nb, str(path))
    return path


def _printed(path) -> list[str]:
    nb = nbformat.read(str(path), as_version=4)
    return [o.get("text", "").strip() for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "stream"]


def test_notebooks_share_a_kernel_but_no_names(tmp_path):
    first = _notebook(tmp_path / "a.ipynb", "import os\nleak = x * 2\nprint(os.getpid(), leak)")
    second = _notebook(tmp_path / "b.ipynb",
                       "import os\nprint(os.getpid(), 'leak' in globals())")
    execute(first, tmp_path / "a1.ipynb", {"x": 21})
    execute(second, tmp_path / "b1.ipynb", {})
    pid_a, value = _printed(tmp_path / "a1.ipynb")[0].split()
    pid_b, leaked = _printed(tmp_path / "b1.ipynb")[0].split()
    assert value == "42" and leaked == "False"
    assert pid_a == pid_b  # one kernel for both
    counts = [c.execution_count for c in nbformat.read(str(tmp_path / "b1.ipynb"),
                                                       as_version=4).cells
              if c.cell_type == "code"]
    assert counts == [1, 2]  # a new session: counted from 1, as in a kernel of its own


def test_a_kept_kernel_gives_the_notebook_a_fresh_kernel_gives(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb", "y = x + 1\ny", "print('done', y)")
    execute(nb, tmp_path / "warm0.ipynb", {"x": 1})  # the kernel's first notebook
    execute(nb, tmp_path / "warm1.ipynb", {"x": 1})  # a later one, same kernel
    shutdown_kept_kernels()
    execute(nb, tmp_path / "cold.ipynb", {"x": 1})  # a new kernel
    cold = (tmp_path / "cold.ipynb").read_bytes()
    assert (tmp_path / "warm0.ipynb").read_bytes() == cold
    assert (tmp_path / "warm1.ipynb").read_bytes() == cold


def test_a_kernel_that_died_between_notebooks_is_replaced(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb", "import os\nprint(os.getpid())")
    execute(nb, tmp_path / "one.ipynb", {})
    pid = int(_printed(tmp_path / "one.ipynb")[0])
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    execute(nb, tmp_path / "two.ipynb", {})
    assert int(_printed(tmp_path / "two.ipynb")[0]) != pid


def test_kept_kernels_stop_with_the_process(tmp_path):
    nb = _notebook(tmp_path / "n.ipynb", "import os\nprint(os.getpid())")
    execute(nb, tmp_path / "one.ipynb", {})
    pid = int(_printed(tmp_path / "one.ipynb")[0])
    assert notebooks._KEPT
    shutdown_kept_kernels()
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_notebook_that_stops_says_why_in_vietnamese(tmp_path):
    """The workbook's own error reaches the user as its Vietnamese message; any other is
    named as the software's fault, in Vietnamese too."""
    from cchc_lib.core.errors import CchcError

    ours = _notebook(tmp_path / "a.ipynb", "from cchc_lib.core.periods import parse_period\n"
                                           "parse_period('2022-Q5')")
    with pytest.raises(CchcError) as got:
        execute(ours, tmp_path / "a_out.ipynb", {})
    assert str(got.value).startswith("a.ipynb (ô 2): '2022-Q5' không phải kỳ báo cáo")
    assert "failed" not in str(got.value) and "PeriodError" not in str(got.value)
    other = _notebook(tmp_path / "b.ipynb", "{}['thiếu']")
    with pytest.raises(CchcError, match=r"b\.ipynb \(ô 2\): lỗi ngoài dự kiến KeyError"):
        execute(other, tmp_path / "b_out.ipynb", {})


def test_papermills_internals_the_engine_leans_on_are_there():
    """The kept-kernel engine subclasses papermill's client and engine and registers itself in
    papermill's registry (delivery/notebooks.py): pyproject.toml bounds papermill to the
    versions tested. This fails loudly the day an upgrade moves what the engine uses: check
    the engine against the new version, then raise the bound."""
    import inspect
    from importlib import metadata

    from packaging.version import Version
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    assert Version("2.6") <= Version(metadata.version("papermill")) < Version("2.8")
    assert callable(getattr(PapermillNotebookClient, "papermill_execute_cells", None))
    assert isinstance(papermill_engines._engines, dict)
    params = inspect.signature(NBClientEngine.execute_managed_notebook).parameters
    for name in ("nb_man", "kernel_name", "log_output", "stdout_file", "stderr_file",
                 "start_timeout", "execution_timeout"):
        assert name in params, name
    client = inspect.signature(PapermillNotebookClient.__init__).parameters
    assert "nb_man" in client and "km" in client
