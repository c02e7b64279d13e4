"""Biểu số 06/VPCP/KSTT: processing results per field, plus a total row (docs/indicators.md).
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import Period
from cchc_lib.indicators import engine
from cchc_lib.indicators.base import RESULT_COLUMNS, row, share
from cchc_lib.indicators.figures import counted_from
from cchc_lib.indicators.unknown import Lacking

# --------------------------------------------------------------------------------------
# Biểu số 06/VPCP/KSTT: processing results per field, plus a total row
# --------------------------------------------------------------------------------------


def bieu06(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
           period: Period, calendar=None, lacking: Lacking | None = None) -> pd.DataFrame:
    """Biểu 06 for one unit: a row per field (sorted by name; the fields of its dossiers and
    of the procedures it offers), then the total row (field None), the sum of the fields.

    Columns: ``field`` and the 11 counts of :data:`registry.BIEU06_COLUMNS`, then
    ``on_time_rate`` = (early + on time) ÷ resolved_total. The counts are the engine's. A
    column that needs what the unit's exports lack (``lacking``: the end dates, for what was
    resolved, pending or carried over) is None in every row, and ``attrs["no_data"]`` maps it
    to the note that says why ("không có số liệu: …"; empty when every column was counted).
    """
    p = engine.parts({"dossiers": dossiers, "catalogue": catalogue, "calendar": calendar},
                     [unit_code], period, by_field=True)
    return bieu06_of(p, lacking)


def bieu06_of(p: pd.DataFrame, lacking: Lacking | None = None) -> pd.DataFrame:
    """:func:`bieu06` from the engine's parts of one unit and period, per field. The on-time
    rate divides the parts its registry record names (early and on time together, the
    engine's ``resolved_in_time``)."""
    fields = engine.field_rows(p)
    cols = list(registry.BIEU06_COLUMNS)
    num, den = registry.parts_of("on_time_rate")
    table = fields[["field", *cols, num]].astype({"field": object}).reset_index(drop=True)
    table[[*cols, num]] = table[[*cols, num]].astype("int64")
    total = pd.DataFrame([{"field": None, **table[[*cols, num]].sum().to_dict()}])
    table = pd.concat([table, total], ignore_index=True)
    table["on_time_rate"] = pd.Series([share(a, b) for a, b in zip(table[num], table[den],
                                                                    strict=True)], dtype=object)
    table.attrs["on_time"] = table.pop(num).tolist()  # the rate's numerator, row by row
    return unknown_columns(table, lacking or Lacking())


def unknown_columns(table: pd.DataFrame, lacking: Lacking) -> pd.DataFrame:
    """Biểu 06 with the columns the exports cannot count set to None, said in
    ``attrs["no_data"]`` (column -> note) and ``attrs["missing_columns"]``."""
    notes = {column: note for column in (*registry.BIEU06_COLUMNS, "on_time_rate")
             if (note := lacking.note_vi(counted_from(column))) is not None}
    for column in notes:
        table[column] = pd.Series([None] * len(table), index=table.index, dtype=object)
    table.attrs["no_data"] = notes
    table.attrs["missing_columns"] = {c: ", ".join(lacking.columns(counted_from(c)))
                                      for c in notes}
    return table


def bieu06_long(table: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """Biểu 06 as tidy result rows: counts (value only) and on_time_rate (with its parts); a
    column :func:`bieu06` could not count is a row without figures, with its note."""
    notes = table.attrs.get("no_data", {})
    columns = table.attrs.get("missing_columns", {})
    on_time = table.attrs["on_time"]  # (bieu06_of's: the engine's count, not worked out here)
    rows = []
    for r, in_time in zip(table.itertuples(index=False), list(on_time), strict=True):
        for col in registry.BIEU06_COLUMNS:
            rows.append(row(col, unit_code, period, None, None, field=r.field,
                             value=None if col in notes else int(getattr(r, col))))
        if "on_time_rate" in notes:
            rows.append(row("on_time_rate", unit_code, period, None, None, field=r.field))
        else:
            rows.append(row("on_time_rate", unit_code, period, int(in_time),
                             int(r.resolved_total), field=r.field))
        for said in rows[-len(registry.BIEU06_COLUMNS) - 1:]:
            said["no_data"] = notes.get(said["indicator"])
            said["missing_columns"] = columns.get(said["indicator"])
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


__all__ = [
    "bieu06", "bieu06_long", "bieu06_of", "unknown_columns",
]
