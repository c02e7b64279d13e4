"""The log of unattended runs: every command appends one entry to ``logs/cchc.log`` in the
project folder (rotated: 1 MB, five old files kept), in Vietnamese, in UTF-8: when, the
command as typed, how it ended, and what it printed (the files written, or the error and the
warnings). Nothing else goes there: what a command prints never holds personal data, and a
password is never on a command line. A log that cannot be written never fails the run.

:class:`Recorder` stands in for stdout and stderr while a command runs: it keeps what is
printed for the log, and passes it on (stdout not at all with ``--quiet``: a scheduled run then
mails only its problems).
"""

from __future__ import annotations

import io
import shlex
from datetime import datetime
from logging import Formatter, LogRecord
from logging.handlers import RotatingFileHandler
from pathlib import Path

from cchc_lib.core.lang import core as lang

LOG_DIR = Path("logs")
LOG_FILE = "cchc.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
KEPT_LINES = 200  # of each stream, per entry


class Recorder(io.TextIOBase):
    """A text stream that keeps the lines written (the first :data:`KEPT_LINES`) and hands
    them on to ``stream`` unless ``silent``."""

    def __init__(self, stream, silent: bool = False):
        self.stream = stream
        self.silent = silent
        self.lines: list[str] = []
        self._part = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8") or "utf-8"

    def write(self, text: str) -> int:
        if not self.silent:
            self.stream.write(text)
        self._part += text
        *done, self._part = self._part.split("\n")
        room = KEPT_LINES - len(self.lines)
        if room > 0:
            self.lines += [ln.rsplit("\r", 1)[-1] for ln in done[:room] if ln.strip()]
        return len(text)

    def flush(self) -> None:
        if not self.silent:
            self.stream.flush()

    def isatty(self) -> bool:
        return not self.silent and bool(getattr(self.stream, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.stream.fileno()


def entry(argv: list[str], code: int, out: list[str], err: list[str],
          when: datetime | None = None) -> str:
    """One entry of the log, in Vietnamese."""
    when = when or datetime.now()
    outcome = lang.LOG_OUTCOMES_VI.get(code, lang.LOG_OUTCOME_OTHER_VI).format(code=code)
    lines = [lang.LOG_HEAD_VI.format(when=f"{when:%Y-%m-%d %H:%M:%S}",
                                     command=shlex.join(["cchc", *argv]), outcome=outcome)]
    lines += [f"    {ln}" for ln in err] + [f"    {ln}" for ln in out]
    return "\n".join(lines)


def append(root: Path, text: str) -> Path | None:
    """``text`` appended to the project's log (rotated); None when it cannot be written."""
    path = root / LOG_DIR / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        return None
    try:
        handler.setFormatter(Formatter("%(message)s"))
        handler.emit(LogRecord("cchc", 20, "", 0, text, None, None))
    finally:
        handler.close()
    return path


__all__ = ["BACKUPS", "KEPT_LINES", "LOG_DIR", "LOG_FILE", "MAX_BYTES", "Recorder", "append",
           "entry"]
