"""Replacing a file or a folder that someone may be holding open.

On Windows a file open in Excel (a report, ``quarantine.csv``) cannot be replaced or moved:
``os.replace`` fails with "access denied" or "sharing violation", which the machine would
otherwise report as "no permission". The replace is tried again a few times (Excel, an
antivirus scan or the search indexer often let go within a second or two), then stops with
one message naming the file and what to do; the file in place is never touched. Elsewhere a
refusal is what it says, and passes unchanged.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import core as lang

# Windows' errors for a file another program holds: access denied, sharing violation, lock
# violation (winerror codes; PermissionError carries them on Windows only)
HELD_WINERRORS = (5, 32, 33)
RETRY_WAITS = (0.25, 0.5, 1.0, 2.0)  # seconds between tries, about 4 s in all


def held_by_another_program(exc: OSError) -> bool:
    """Whether ``exc`` is Windows saying another program holds the file."""
    return isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in HELD_WINERRORS


def replace_path(source: str | Path, target: str | Path, message: str | None = None,
                 waits: tuple[float, ...] | None = None) -> None:
    """``os.replace(source, target)``, tried again while another program holds ``target``
    (or a file in it); then a :class:`CchcError` saying so (``message``, default: the file
    named). ``source`` is left for the caller to remove."""
    for wait in (*(RETRY_WAITS if waits is None else waits), None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if not held_by_another_program(exc):
                raise
            if wait is None:
                raise CchcError(message or lang.FILE_HELD_VI.format(path=target)) from None
            time.sleep(wait)


__all__ = ["HELD_WINERRORS", "RETRY_WAITS", "held_by_another_program", "replace_path"]
