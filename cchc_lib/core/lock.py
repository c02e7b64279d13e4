"""One project lock, taken before anything writes ``data/processed`` or ``reports/`` (and by
readers of the processed tables, so they see the old tables or the new ones, never a mix).

The lock is a file in the project root held with ``flock`` (the ``filelock`` library): the
operating system drops it when its process dies, so a killed run never leaves it stuck. The
holder marks its environment, so the processes it starts (papermill kernels, the workers of
``--all-units``) work under its lock instead of waiting for it. A second command waits at most
``CCHC_LOCK_WAIT`` seconds (default 30), then stops with exit status 2 having written nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from cchc_lib.core.catalog import project_root
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import core as lang

LOCK_FILE = ".cchc.lock"
HELD_ENV = "CCHC_LOCK_HELD"  # set while held: children work under the holder's lock
WAIT_ENV = "CCHC_LOCK_WAIT"
DEFAULT_WAIT = 30.0
_LOCKS: dict[str, FileLock] = {}


def lock_path() -> Path:
    return project_root() / LOCK_FILE


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT)))
    except ValueError:
        raise CchcError(lang.LOCK_WAIT_NOT_SECONDS_VI.format(env=WAIT_ENV)) from None


@contextmanager
def project_lock(wait: float | None = None) -> Iterator[None]:
    """Hold the project lock (re-entrant in a process; inherited by the processes it starts)."""
    path = str(lock_path())
    held, _, pid = os.environ.get(HELD_ENV, "").rpartition("|")
    if held == path and pid != str(os.getpid()):
        yield  # a kernel or worker started by the command that holds the lock
        return
    lock = _LOCKS.setdefault(path, FileLock(path, thread_local=False))
    seconds = wait_seconds() if wait is None else wait
    try:
        lock.acquire(timeout=seconds)
    except Timeout:
        raise CchcError(lang.LOCK_BUSY_VI.format(path=path, seconds=seconds, env=WAIT_ENV)
                        ) from None
    os.environ[HELD_ENV] = f"{path}|{os.getpid()}"
    try:
        yield
    finally:
        if lock.lock_counter == 1:
            os.environ.pop(HELD_ENV, None)
        lock.release()


__all__ = ["project_lock", "lock_path", "LOCK_FILE", "HELD_ENV", "WAIT_ENV"]
