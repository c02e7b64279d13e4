"""The body of ``cchc ingest``: the catalog's sources (or the files named instead) read and
written, the summary printed; with ``strict``, alerts stop the run before anything is
written."""

from __future__ import annotations

import sys
from pathlib import Path

from cchc_lib.core.argparse_vi import EXIT_USER_ERROR
from cchc_lib.core.lang import cli as lang


def ingest_command(catalog: str | Path, out: str | Path, *, dossiers: list[str] | None = None,
                   catalogue: str | None = None, units_file: str | None = None,
                   unit: str | None = None, strict: bool = False, full: bool = False) -> int:
    """Ingest and say what was read, set aside and written (alerts first, on stderr)."""
    from cchc_lib.ingest.pipeline import run
    from cchc_lib.ingest.result import alerts_text, summary_text

    result = run(catalog, out, dossiers=dossiers, catalogue=catalogue, units_file=units_file,
                 unit=unit, strict=strict, full=full)
    if result.stops_strict:
        print(alerts_text(result), file=sys.stderr)
        if strict:
            print(lang.ERROR_VI.format(problem=lang.INGEST_STRICT_VI), file=sys.stderr)
            return EXIT_USER_ERROR
    print(summary_text(result), end="")
    print(lang.INGEST_WRITTEN_VI.format(folder=out))
    return 0


__all__ = ["ingest_command"]
