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
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def starting_workers() -> Iterator[None]:
    """Workers start here ignoring Ctrl-C from their first instruction: the terminal's Ctrl-C
    reaches every process of its group, and a worker still unpickling its task would print a
    traceback of its own. An ignored signal stays ignored across ``exec``, so the forkserver
    (started here, once) and each spawned worker are born ignoring it; the command, which
    ignores it only while they start, stops them itself. (A Ctrl-C in that instant is lost:
    pressing again stops the run.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    # and born with stderr on the null device: what a worker would print (a traceback while
    # it starts, as a stop takes its queues away) is never the user's; its failures come back
    # to the command as results, its unit's log says the rest
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        if start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
        signal.signal(signal.SIGINT, before)


def _interrupt(signum, frame) -> None:
    """A worker told to stop: nothing more of it on the console (its unit's log says how it
    ended), then an interrupt, so that its ``finally`` blocks run."""
    import logging
    import sys

    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 2)
        os.close(quiet)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until exit
    except OSError:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second one ends it at once
    raise KeyboardInterrupt


def worker_setup(environment: dict[str, str]) -> None:
    """A worker's initializer: the command's environment as it is now (a forkserver started
    earlier in a long-lived process, a notebook kernel or a test run, holds the environment
    of then: the project lock the command holds since, for one, would make the worker wait
    for its own command), then :func:`ignore_interrupts`."""
    os.environ.clear()
    os.environ.update(environment)
    ignore_interrupts()


def worker_arguments() -> dict:
    """``ProcessPoolExecutor``'s initializer and its arguments for the workbook's workers."""
    return {"initializer": worker_setup, "initargs": (dict(os.environ),)}


def ignore_interrupts() -> None:
    """A worker's initializer: Ctrl-C reaches every process of the terminal's group, but only
    the command decides to stop (it then stops its workers itself); a worker never prints a
    traceback of its own. (Where a worker was born ignoring it, this keeps it so.) SIGTERM,
    what the command stops it with, is raised as an interrupt: the worker's ``finally``
    blocks run (a temporary file it was writing is removed) before it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _interrupt)


def stop_workers(pool, grace: float = 5.0) -> None:
    """Stop a ``ProcessPoolExecutor``'s workers now (a stop was asked: Ctrl-C, SIGTERM): the
    running ones get SIGTERM (their cleanup runs; one still starting just ends), what is still
    there after ``grace`` seconds is killed; only then is the pool shut, its tasks not started
    cancelled (shut first, it would take away the queues a starting worker is still reading,
    and that worker would print a traceback)."""
    import time

    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):  # already gone
            pass
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        except (OSError, ValueError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


__all__ = ["PREFERRED", "START_METHOD_ENV", "ignore_interrupts", "process_context",
           "start_method", "starting_workers", "stop_workers", "worker_arguments",
           "worker_setup"]
