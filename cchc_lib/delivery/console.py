"""The command's console, the same on every PC: UTF-8 streams, the stops a user or a service
manager asks for, and the run's log.

- :func:`utf8_streams`: stdout and stderr in UTF-8 whatever the console or the redirect. On
  Windows a redirected stream (Task Scheduler, ``> log.txt``) is in the ANSI code page
  (cp1258, cp1252), where most of Vietnamese cannot be written and the first "ị" stopped the
  run. A character a stream still cannot take is replaced, never an error.
- :func:`stops`: SIGTERM (what ``timeout``, systemd and ``kill`` send) raised as Ctrl-C is, a
  ``KeyboardInterrupt``, so every ``finally`` runs (temporary files go, workers stop, the lock
  is released); :func:`terminated` tells the two apart for the exit status (130, 143). For
  the process's own command line, a stop that arrives once the work is done (while Python
  shuts its kernels down) ends the process at once, with the same status, saying nothing.
- :func:`recorded`: what the command prints, kept for the project's log (core/runlog.py) and
  passed on (stdout not at all with ``--quiet``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_STOP = {"terminated": False, "asked": False}
VERBOSE_ENV = "CCHC_VERBOSE"  # "1" while a command runs with --verbose (progress as lines)


def utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):  # a stream already written to in another way
                pass


def _terminate(signum, frame) -> None:
    _STOP["terminated"] = _STOP["asked"] = True
    raise KeyboardInterrupt


def _interrupt(signum, frame) -> None:
    _STOP["asked"] = True
    raise KeyboardInterrupt


def asked() -> bool:
    """Whether a stop was asked during the command (a library that catches the interrupt
    itself, DuckDB's "Query interrupted", then raises something else: it is the stop)."""
    return _STOP["asked"]


def terminated() -> bool:
    """Whether the stop being handled came by SIGTERM (else Ctrl-C)."""
    return _STOP["terminated"]


def stopped() -> int:
    """After a stop: the exit status (143 for SIGTERM, 130 for Ctrl-C), and the event loop a
    notebook's kernel client was running left to close without a word (asyncio would report
    the tasks the stop cut short, at exit, as "Task exception was never retrieved")."""
    import logging

    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    return 143 if terminated() else 130


@contextmanager
def stops(process_entry: bool) -> Iterator[None]:
    """SIGTERM as Ctrl-C while the command runs. ``process_entry``: the command is the whole
    process (the ``cchc`` script, ``python -m cchc_lib``): after it, a stop exits at once;
    else (called from Python, a test) the handlers before are put back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _STOP["terminated"] = _STOP["asked"] = False
    before = signal.signal(signal.SIGTERM, _terminate)
    before_int = signal.signal(signal.SIGINT, _interrupt)
    try:
        yield
    finally:
        if process_entry:  # the work is done: a late stop must not print a traceback
            signal.signal(signal.SIGTERM, lambda *_: os._exit(143))
            signal.signal(signal.SIGINT, lambda *_: os._exit(130))
        else:
            signal.signal(signal.SIGTERM, before)
            signal.signal(signal.SIGINT, before_int)


@contextmanager
def recorded(quiet: bool) -> Iterator[tuple]:
    """stdout and stderr through recorders (core/runlog.Recorder) while the block runs."""
    from cchc_lib.core.runlog import Recorder

    out, err = Recorder(sys.stdout, silent=quiet), Recorder(sys.stderr)
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = real


def catalog_project(given: str | None) -> str | None:
    """The project folder of a command given a data catalog outside any workbook folder: the
    catalog's folder (the parent of its ``data/``), for relative paths, the lock and the log;
    None when the project is found as usual."""
    from pathlib import Path

    from cchc_lib.core.catalog import ROOT_ENV, project_root
    from cchc_lib.core.errors import CchcError

    if given is None or os.environ.get(ROOT_ENV):
        return None
    try:
        project_root()
    except CchcError:
        if Path(given).is_file():
            folder = Path(given).resolve().parent
            return str(folder.parent if folder.name == "data" else folder)
    return None


def write_log(argv: list[str], code: int, out: list[str], err: list[str]) -> None:
    """The run's entry in its project's log (none when there is no project here)."""
    from cchc_lib.core import runlog
    from cchc_lib.core.catalog import project_root
    from cchc_lib.core.errors import CchcError

    try:
        root = project_root()
    except CchcError:
        return
    runlog.append(root, runlog.entry(argv, code, out, err))


__all__ = ["VERBOSE_ENV", "asked", "catalog_project", "recorded", "stopped", "stops",
           "terminated", "utf8_streams", "write_log"]
