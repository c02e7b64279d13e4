"""The body of ``cchc indicators``: every indicator of a unit (or units, summed) for a period,
printed as a table, CSV or JSON; Biểu 06 written to file on request."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import cli as lang
from cchc_lib.core.periods import Period


def indicators_command(data: str | Path, unit: str, period: Period, *, by_field: bool = False,
                       output: str = "table", bieu06: str | None = None) -> int:
    """``unit``: a code, codes with commas or ``all`` (summed as one group)."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.indicators.results import indicators_for, records, units_of
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.reports.forms import write_unit_form
    from cchc_lib.reports.render import indicators_text

    tables = read_processed(resolve(data))
    units = units_of(tables, unit)
    if bieu06 and len(units) > 1:
        raise CchcError(lang.BIEU06_ONE_UNIT_VI)
    result = indicators_for(tables, units, period, by_field=by_field)
    if bieu06:
        from cchc_lib.core.provenance import stamp

        written = write_unit_form(tables, units[0], period, Path(bieu06),
                                  stamp=stamp(resolve(data)))
        print(lang.BIEU06_WRITTEN_VI.format(path=written), file=sys.stderr)
    if output == "json":
        print(json.dumps(records(result), ensure_ascii=False, indent=2))
    elif output == "csv":
        from cchc_lib.core.sheets import csv_text

        print(csv_text(result), end="")
    else:
        print(indicators_text(result))
    return 0


__all__ = ["indicators_command"]
