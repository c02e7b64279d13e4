"""How the workbook starts worker processes, on every platform.

``forkserver`` where the platform has it (Linux): workers are forked from a clean server
process, never from the caller, which may hold threads (a Jupyter kernel, a thread pool). Where
it is missing (Windows, which has only ``spawn``), ``spawn``: each worker starts a fresh
interpreter and imports what it runs, so a worker's function and its arguments must be
importable and picklable (module-level functions, dataclasses): the tests force this path on
Linux (``CCHC_START_METHOD=spawn``) for the parallel ingest and ``cchc run --all-units``.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext

START_METHOD_ENV = "CCHC_START_METHOD"  # forces one method (tests: Windows' spawn on Linux)
PREFERRED = ("forkserver", "spawn")


def start_method(available: list[str] | None = None) -> str:
    """The start method used here: the one forced by ``CCHC_START_METHOD`` when the platform
    has it, else the first of :data:`PREFERRED` it has."""
    available = available if available is not None else multiprocessing.get_all_start_methods()
    forced = os.environ.get(START_METHOD_ENV, "").strip()
    if forced in available:
        return forced
    return next(m for m in PREFERRED if m in available)


def process_context(preload: tuple[str, ...] = ()) -> BaseContext:
    """The multiprocessing context of :func:`start_method`; a forkserver imports ``preload``
    once, before it forks any worker."""
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "forkserver" and preload:
        context.set_forkserver_preload(list(preload))
    return context


def ignore_interrupts() -> None:
    """A worker's initializer: Ctrl-C reaches every process of the terminal's group, but only
    the command decides to stop (it then stops its workers itself); a worker never prints a
    traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_workers(pool) -> None:
    """Stop a ``ProcessPoolExecutor``'s workers now (a stop was asked: Ctrl-C, SIGTERM): the
    tasks not started are cancelled, the running ones killed, none waited for."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.kill()
            process.join(timeout=5)
        except (OSError, ValueError, AttributeError):  # already gone
            pass


__all__ = ["PREFERRED", "START_METHOD_ENV", "ignore_interrupts", "process_context",
           "start_method", "stop_workers"]
