"""Biểu số 06/VPCP/KSTT: processing results per field, plus a total row (indicators.md).
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema
from cchc_lib.core.periods import Period
from cchc_lib.core.text import match_key
from cchc_lib.indicators.base import (
    RESULT_COLUMNS,
    accepted,
    end_date,
    in_period,
    offered_procedures,
    row,
    share,
    unit_dossiers,
)

# --------------------------------------------------------------------------------------
# Biểu số 06/VPCP/KSTT: processing results per field, plus a total row
# --------------------------------------------------------------------------------------


def bieu06_flags(dossiers: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per dossier, which cells of Biểu 06 it counts in (booleans, one column per cell)."""
    d = dossiers
    acc = accepted(d)
    end = end_date(d)
    ended = end.notna()
    day = lambda s: s.dt.normalize()  # noqa: E731 - dates compare by calendar day
    end_day, due_day = day(end), day(d.due_at)
    start, stop = period.start_ts, period.end_exclusive_ts
    received = acc & in_period(d.received_at, period)
    flags = pd.DataFrame(index=d.index)
    flags["received_online"] = received & (d.receive_channel == "online")
    flags["received_direct_postal"] = received & d.receive_channel.isin(["direct", "postal"])
    flags["carried_over"] = acc & (d.received_at < start) & ~(ended & (end < start))
    flags["received_total"] = flags[["received_online", "received_direct_postal",
                                     "carried_over"]].any(axis=1)
    resolved = d.status.isin(list(schema.RESOLVED_STATUSES)) & in_period(end, period) & acc
    no_due = d.due_at.isna()
    flags["resolved_early"] = resolved & (end_day < due_day)
    flags["resolved_on_time"] = resolved & ((end_day == due_day) | no_due)
    flags["resolved_late"] = resolved & (end_day > due_day)
    flags["resolved_total"] = resolved
    pending = acc & (d.received_at < stop) & ~(ended & (end < stop))
    last_day = pd.Timestamp(period.end)
    flags["pending_in_time"] = pending & ((due_day >= last_day) | no_due)
    flags["pending_overdue"] = pending & (due_day < last_day)
    flags["pending_total"] = pending
    return flags.fillna(False).astype(bool)


def bieu06(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
           period: Period) -> pd.DataFrame:
    """Biểu 06 for one unit: a row per field (sorted by name), then the total row (field None).

    Columns: ``field`` and the 11 counts of :data:`registry.BIEU06_COLUMNS`, then
    ``on_time_rate`` = (early + on time) ÷ resolved_total.
    """
    d = unit_dossiers(dossiers, unit_code)
    flags = bieu06_flags(d, period)
    counts = flags.groupby(d.field_name.astype(object)).sum()
    fields = set(offered_procedures(catalogue, unit_code, period).field_name.dropna())
    fields |= set(counts.index)
    cols = list(registry.BIEU06_COLUMNS)
    counts = counts.reindex(sorted(fields, key=match_key), fill_value=0)[cols].astype("int64")
    table = counts.reset_index(names="field").astype({"field": object})
    total = pd.DataFrame([{"field": None, **counts.sum().to_dict()}])
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
