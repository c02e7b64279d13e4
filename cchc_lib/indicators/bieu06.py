"""Biểu số 06/VPCP/KSTT: processing results per field, plus a total row (indicators.md).
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import Period
from cchc_lib.indicators import engine
from cchc_lib.indicators.base import RESULT_COLUMNS, row, share

# --------------------------------------------------------------------------------------
# Biểu số 06/VPCP/KSTT: processing results per field, plus a total row
# --------------------------------------------------------------------------------------


def bieu06(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
           period: Period, calendar=None) -> pd.DataFrame:
    """Biểu 06 for one unit: a row per field (sorted by name; the fields of its dossiers and
    of the procedures it offers), then the total row (field None), the sum of the fields.

    Columns: ``field`` and the 11 counts of :data:`registry.BIEU06_COLUMNS`, then
    ``on_time_rate`` = (early + on time) ÷ resolved_total. The counts are the engine's.
    """
    p = engine.parts({"dossiers": dossiers, "catalogue": catalogue, "calendar": calendar},
                     [unit_code], period, by_field=True)
    fields = engine.field_rows(p)
    cols = list(registry.BIEU06_COLUMNS)
    table = fields[["field", *cols]].astype({"field": object}).reset_index(drop=True)
    table[cols] = table[cols].astype("int64")
    total = pd.DataFrame([{"field": None, **table[cols].sum().to_dict()}])
    table = pd.concat([table, total], ignore_index=True)
    ok = table.resolved_early + table.resolved_on_time
    table["on_time_rate"] = pd.Series([share(a, b) for a, b in zip(ok, table.resolved_total,
                                                                    strict=True)], dtype=object)
    return table


def bieu06_long(table: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """Biểu 06 as tidy result rows: counts (value only) and on_time_rate (with its parts)."""
    rows = []
    for r in table.itertuples(index=False):
        for col in registry.BIEU06_COLUMNS:
            rows.append(row(col, unit_code, period, None, None, field=r.field,
                             value=int(getattr(r, col))))
        rows.append(row("on_time_rate", unit_code, period,
                         int(r.resolved_early + r.resolved_on_time), int(r.resolved_total),
                         field=r.field))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)
