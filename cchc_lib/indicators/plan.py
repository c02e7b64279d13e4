"""Indicators as pure functions: DataFrames in, tidy DataFrames out (indicators.md).

Nothing here reads files, prints or plots. Every share carries its numerator and
denominator; a denominator of 0 gives ``value = None`` ("không áp dụng"), never 0.

Conventions where the spec is silent (docs/decisions.md):
- a dossier with no due date (none in the export and none derivable) cannot be late:
  it counts as resolved on time, or pending in time;
- shares of a period that runs past the end of the data are computed on the data there is;
  :func:`data_through` tells how far that is, and reports say so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.errors import CchcError
from cchc_lib.core.periods import Period
from cchc_lib.core.text import match_key

RESULT_COLUMNS = ["indicator", "unit_code", "period", "field", "numerator", "denominator",
                  "value", "target", "met"]


# --------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------


def share(numerator: float, denominator: float) -> float | None:
    """numerator ÷ denominator, or None when the denominator is 0 (không áp dụng)."""
    return None if not denominator else numerator / denominator


def in_period(ts: pd.Series, period: Period) -> pd.Series:
    """Timestamps whose calendar day lies in the period (NaT is never in it)."""
    return (ts >= period.start_ts) & (ts < period.end_exclusive_ts)


def accepted(dossiers: pd.DataFrame) -> pd.Series:
    """All but statuses registered and not_accepted, which count in no indicator."""
    return ~dossiers.status.isin(list(schema.NOT_ACCEPTED_STATUSES))


def end_date(dossiers: pd.DataFrame) -> pd.Series:
    """The end date of ended dossiers: ``finished_at``, else ``returned_at``; NaT otherwise."""
    ended = dossiers.status.isin(list(schema.ENDED_STATUSES))
    return dossiers.finished_at.fillna(dossiers.returned_at).where(ended)


def unit_dossiers(dossiers: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    return dossiers[dossiers.unit_code == unit_code]


def data_through(dossiers: pd.DataFrame) -> pd.Timestamp | None:
    """The last day the data speaks for: the latest date on any dossier."""
    dates = dossiers[["received_at", "finished_at", "returned_at"]].max()
    latest = dates.max()
    return None if pd.isna(latest) else latest.normalize()


class NoDataError(CchcError):
    """A period the data does not reach: no figure, no verdict."""


def data_span(dossiers: pd.DataFrame) -> tuple[date, date] | None:
    """(first, last) day the data speaks for: the earliest receipt, the latest date on any
    dossier; None when there is no dossier."""
    if dossiers.empty or dossiers.received_at.isna().all():
        return None
    first = dossiers.received_at.min().normalize().date()
    return first, data_through(dossiers).date()


def require_data(period: Period, dossiers: pd.DataFrame, unit_code: str | None = None,
                 unit_label: str | None = None) -> None:
    """Refuse a period wholly before the first day or after the last day of data (of the
    unit, when given): a figure for it would be a verdict without data."""
    scope = dossiers if unit_code is None else unit_dossiers(dossiers, unit_code)
    span = data_span(scope)
    who = f" ({unit_label or unit_code})" if unit_code is not None else ""
    if span is None:
        raise NoDataError(f"Không có số liệu hồ sơ nào{who}: hãy nhập tệp xuất hồ sơ "
                          "(`cchc ingest`)")
    first, last = span
    if period.start > last or period.end < first:
        raise NoDataError(f"Không có số liệu cho kỳ {period.label_vi()}{who}: số liệu từ ngày "
                          f"{first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}")


def clip_to_data(period: Period, dossiers: pd.DataFrame) -> Period:
    """The period, ended at the last day of data when the data stops earlier; a period the
    data does not reach at all is refused (:class:`NoDataError`)."""
    require_data(period, dossiers)
    last = data_through(dossiers)
    if last.date() >= period.end:
        return period
    return Period(period.start, last.date(), period.label)


def offered_procedures(catalogue: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """Procedures the unit offers on the period's last day (data_contract.md §2)."""
    cat = catalogue
    mine = cat.unit_code.isna() | (cat.unit_code == unit_code)
    day = pd.Timestamp(period.end)
    valid = (cat.valid_from.isna() | (cat.valid_from <= day)) & \
            (cat.valid_to.isna() | (cat.valid_to >= day))
    out = cat[mine & valid]
    # a unit-specific row overrides the row offered by every unit
    out = out.assign(_own=out.unit_code.notna()).sort_values(["procedure_code", "_own"])
    return out.drop_duplicates("procedure_code", keep="last").drop(columns="_own") \
        .set_index("procedure_code")


def target_for(targets: pd.DataFrame | None, indicator: str, unit_code: str,
               year: int) -> float | None:
    """The target of an indicator: a row for the unit and year wins over a general one."""
    if targets is None or targets.empty:
        return None
    t = targets[targets.indicator == indicator]
    t = t[(t.unit_code.isna() | (t.unit_code == unit_code)) & (t.year.isna() | (t.year == year))]
    if t.empty:
        return None
    specificity = t.unit_code.notna().astype(int) * 2 + t.year.notna().astype(int)
    return float(t.loc[specificity.idxmax(), "target"])


def row(indicator, unit_code, period, numerator, denominator, target=None, field=None,
         value=None) -> dict:
    if value is None and denominator is not None:
        value = share(numerator, denominator)
    met = None if target is None or value is None else bool(value >= target - 1e-12)
    return {"indicator": indicator, "unit_code": unit_code, "period": period.label,
            "field": field, "numerator": numerator, "denominator": denominator,
            "value": value, "target": target, "met": met}


# --------------------------------------------------------------------------------------
# The plan's three indicators (Kế hoạch 99/KH-UBND) and the gap to target
# --------------------------------------------------------------------------------------


def procedure_uptake(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                     period: Period) -> pd.DataFrame:
    """Per procedure the unit offers: dossiers received in P by channel, returned in P by channel.

    The three plan indicators and their gaps are all read off this one table.
    """
    cat = offered_procedures(catalogue, unit_code, period)
    d = unit_dossiers(dossiers, unit_code)
    d = d[accepted(d)]
    rec = d[in_period(d.received_at, period)]
    ret = d[in_period(d.returned_at, period)]
    received = pd.crosstab(rec.procedure_code, rec.receive_channel)
    returned = pd.crosstab(ret.procedure_code, ret.return_channel.fillna("unknown"))
    out = pd.DataFrame(index=cat.index)
    out["procedure_name"] = cat.procedure_name
    out["field_name"] = cat.field_name
    out["level"] = cat.level
    out["postal_enabled"] = cat.postal_enabled.fillna(False).astype(bool)
    out["online_enabled"] = cat.level.isin(list(schema.ONLINE_LEVELS))
    for ch in ("online", "postal", "direct"):
        out[f"received_{ch}"] = received.get(ch, pd.Series(dtype=int)).reindex(out.index)
        out[f"returned_{ch}"] = returned.get(ch, pd.Series(dtype=int)).reindex(out.index)
    out["returned_total"] = returned.sum(axis=1).reindex(out.index) if len(returned) else 0
    out = out.fillna({c: 0 for c in out.columns if c.startswith(("received_", "returned_"))})
    count_cols = [c for c in out.columns if c.startswith(("received_", "returned_"))]
    out[count_cols] = out[count_cols].astype("int64")
    out["received_total"] = out[["received_online", "received_postal", "received_direct"]].sum(
        axis=1)
    return out


def plan_indicators(uptake: pd.DataFrame, unit_code: str, period: Period,
                    targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """``online_procedure_rate``, ``postal_procedure_rate``, ``postal_return_share``.

    - online: procedures (partial/full) with ≥ 1 dossier received online in P
      ÷ procedures (partial/full);
    - postal: postal-enabled procedures with ≥ 1 dossier received or returned by post in P
      ÷ postal-enabled procedures;
    - postal return: dossiers of postal-enabled procedures returned by post in P
      ÷ dossiers of postal-enabled procedures returned in P (any channel).
    """
    on = uptake[uptake.online_enabled]
    po = uptake[uptake.postal_enabled]
    parts = {
        "online_procedure_rate": (int((on.received_online > 0).sum()), len(on)),
        "postal_procedure_rate": (int(((po.received_postal > 0) | (po.returned_postal > 0)).sum()),
                                  len(po)),
        "postal_return_share": (int(po.returned_postal.sum()), int(po.returned_total.sum())),
    }
    rows = [row(ind, unit_code, period, num, den,
                 target_for(targets, ind, unit_code, period.year))
            for ind, (num, den) in parts.items()]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


def judged_on_year_to_date(period_rows: pd.DataFrame, ytd_rows: pd.DataFrame) -> pd.DataFrame:
    """A yearly target judged on the year to date, beside the period's own value.

    Adds ``ytd_numerator``, ``ytd_denominator``, ``ytd_value`` (1 January → the period's end)
    to the plan rows and takes ``met`` from them, with ``judged_on`` = ``"year_to_date"``:
    a quarter or a month alone says nothing about a target set for the year.
    """
    ytd = ytd_rows.set_index(["indicator", ytd_rows.field.fillna("")])
    key = list(zip(period_rows.indicator, period_rows.field.fillna(""), strict=True))
    out = period_rows.copy()
    for column in ("numerator", "denominator", "value", "met"):
        out[f"ytd_{column}"] = [ytd[column].get(k) for k in key]
    out["met"] = out.pop("ytd_met")
    out["judged_on"] = "year_to_date"
    return out


def needed_for_target(indicator: str, numerator: int, denominator: int,
                      target: float | None) -> int | None:
    """How many more procedures (or postal returns) reach the target (indicators.md, Gap).

    Procedure rates: max(0, ceil(target × denominator) − numerator).
    Postal return share: max(0, ceil(target × denominator − numerator)).
    Products are rounded to 9 decimals first, so 0.6 × 5 is 3, not 3.0000000000000004.
    """
    if target is None or not denominator:
        return None
    if indicator == "postal_return_share":
        return max(0, math.ceil(round(target * denominator - numerator, 9)))
    return max(0, math.ceil(round(target * denominator, 9)) - numerator)


@dataclass(frozen=True)
class Gap:
    indicator: str
    numerator: int
    denominator: int
    value: float | None
    target: float | None
    needed: int | None
    candidates: pd.DataFrame  # ranked: where the next online/postal dossier can come from


def gaps(uptake: pd.DataFrame, results: pd.DataFrame) -> dict[str, Gap]:
    """For each plan indicator: the needed count and the ranked candidate procedures.

    Candidates for the procedure rates are enabled procedures with no dossier through the
    channel yet, ranked by dossiers received in P through other channels (demand that could
    move); for the postal return share, postal-enabled procedures ranked by counter returns.
    """
    out = {}
    base = uptake.reset_index()
    by_demand = ["demand", "procedure_code"]
    for r in results.itertuples(index=False):
        if r.indicator == "online_procedure_rate":
            c = base[base.online_enabled & (base.received_online == 0)]
            c = c.assign(demand=c.received_total - c.received_online)
        elif r.indicator == "postal_procedure_rate":
            none_yet = (base.received_postal == 0) & (base.returned_postal == 0)
            c = base[base.postal_enabled & none_yet]
            c = c.assign(demand=c.received_total - c.received_postal)
        elif r.indicator == "postal_return_share":
            c = base[base.postal_enabled & (base.returned_direct > 0)]
            c = c.assign(demand=c.returned_direct)
        else:
            continue
        c = c.sort_values(by_demand, ascending=[False, True], kind="stable")
        c = c[["procedure_code", "procedure_name", "field_name", "demand"]].reset_index(drop=True)
        out[r.indicator] = Gap(r.indicator, r.numerator, r.denominator, r.value, r.target,
                               needed_for_target(r.indicator, r.numerator, r.denominator,
                                                 r.target), c)
    return out


def cumulative_by_month(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                        period: Period, targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """The plan indicators from 1 January to the end of each month up to the period's end."""
    ytd = period.year_to_date()
    frames = []
    for month in ytd.months():
        span = Period(ytd.start, month.end, month.label)
        frames.append(plan_indicators(procedure_uptake(dossiers, catalogue, unit_code, span),
                                      unit_code, span, targets))
    return pd.concat(frames, ignore_index=True)


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

    Columns: ``field`` and the 11 counts of :data:`schema.BIEU06_COLUMNS`, then
    ``on_time_rate`` = (early + on time) ÷ resolved_total.
    """
    d = unit_dossiers(dossiers, unit_code)
    flags = bieu06_flags(d, period)
    counts = flags.groupby(d.field_name.astype(object)).sum()
    fields = set(offered_procedures(catalogue, unit_code, period).field_name.dropna())
    fields |= set(counts.index)
    cols = list(schema.BIEU06_COLUMNS)
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
        for col in schema.BIEU06_COLUMNS:
            rows.append(row(col, unit_code, period, None, None, field=r.field,
                             value=int(getattr(r, col))))
        rows.append(row("on_time_rate", unit_code, period,
                         int(r.resolved_early + r.resolved_on_time), int(r.resolved_total),
                         field=r.field))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


# --------------------------------------------------------------------------------------
# Comparison and projection
# --------------------------------------------------------------------------------------


PROJECTION_MONTHS = 3  # the run-rate is the mean monthly change of the last three months
PROJECTION_COLUMNS = ["indicator", "last_month", "value", "projected", "low", "high", "target",
                      "met_projected", "verdict"]
VERDICTS_VI = {"met": "Dự kiến đạt", "unsure": "Chưa chắc đạt", "missed": "Khó đạt",
               "no_data": "Chưa đủ số liệu để dự báo", "no_target": "—", "final": "Cả năm"}


def projection(trend: pd.DataFrame, min_months: int = PROJECTION_MONTHS) -> pd.DataFrame:
    """Where each plan indicator may stand on 31 December, without overpromising.

    ``trend`` is :func:`cumulative_by_month` (the value from 1 January to the end of each
    month). From today's year-to-date value, the mean monthly change of the last three months
    is carried to December (``projected``); the spread (standard deviation) of those changes
    gives a range (``low``, ``high``), kept within [0, 1]. "Dự kiến đạt" (``met``) only when
    the low end meets the target; "Khó đạt" when even the high end misses it; "Chưa chắc đạt"
    between. Fewer than three months of data: no projection.
    """
    rows = []
    for indicator, part in trend.groupby("indicator", sort=False):
        part = part[part.value.notna()]
        months = part.period.str.slice(5, 7).astype(int).to_numpy()
        values = part.value.astype(float).to_numpy()
        target = part.target.dropna()
        target = float(target.iloc[0]) if len(target) else None
        out = {"indicator": indicator, "last_month": int(months.max()) if len(part) else None,
               "value": float(values[-1]) if len(part) else None, "projected": None,
               "low": None, "high": None, "target": target, "met_projected": None,
               "verdict": "no_data"}
        if len(part) and months.max() == 12:  # the year is over: its value is final
            out |= {"projected": out["value"], "low": out["value"], "high": out["value"],
                    "verdict": "final"}
        elif len(part) >= min_months:
            changes = np.diff(values)[-PROJECTION_MONTHS:]
            ahead = 12 - int(months.max())
            mean, spread = float(changes.mean()), float(changes.std())
            now = float(values[-1])
            out |= {"projected": float(np.clip(now + ahead * mean, 0, 1)),
                    "low": float(np.clip(now + ahead * (mean - spread), 0, 1)),
                    "high": float(np.clip(now + ahead * (mean + spread), 0, 1))}
        if target is None:
            out["verdict"] = "no_target" if out["verdict"] != "no_data" else "no_data"
        elif out["low"] is not None:
            met = out["low"] >= target - 1e-12
            out["met_projected"] = bool(met)
            if out["verdict"] != "final":
                out["verdict"] = ("met" if met else
                                  "missed" if out["high"] < target - 1e-12 else "unsure")
        rows.append(out)
    return pd.DataFrame(rows, columns=PROJECTION_COLUMNS, dtype=object)


def comparison(now: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """Plan indicator values now and a year before, with the change in percentage points."""
    merged = now.merge(before[["indicator", "value", "period"]], on="indicator", how="left",
                       suffixes=("", "_before"))
    merged["change"] = merged.value.astype(float) - merged.value_before.astype(float)
    merged["change"] = merged.change.where(np.isfinite(merged.change), None)
    return merged
