"""The plan's three indicators (Kế hoạch 99/KH-UBND), judged on the year to date, the gap to
each target with the procedures that can close it, the monthly trend and the year-end
projection (docs/indicators.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.errors import NoDataError
from cchc_lib.core.lang import indicators as lang
from cchc_lib.core.periods import Period
from cchc_lib.indicators import engine
from cchc_lib.indicators.base import RESULT_COLUMNS, data_through, row, target_for
from cchc_lib.indicators.figures import cut_to_data, said_to_data
from cchc_lib.indicators.unknown import has_note

# --------------------------------------------------------------------------------------
# The plan's three indicators (Kế hoạch 99/KH-UBND) and the gap to target
# --------------------------------------------------------------------------------------


def procedure_uptake(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                     period: Period, calendar=None) -> pd.DataFrame:
    """Per procedure the unit offers: dossiers received in P by channel, returned in P by
    channel (the engine's per-procedure counts). The plan's three indicators, their gaps and
    candidates are all read off this one table."""
    tables = {"dossiers": dossiers, "catalogue": catalogue, "calendar": calendar}
    return engine.uptake(tables, unit_code, period)


def plan_indicators(uptake: pd.DataFrame, unit_code: str, period: Period,
                    targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """The plan's indicators (the registry's records the ``targets`` name) of a
    per-procedure table (all the unit's procedures, or a field's): the engine's catalogue
    parts divided as each record says (:func:`plan_rows`).

    - online: procedures (partial/full) with ≥ 1 dossier received online in P
      ÷ procedures (partial/full);
    - postal: postal-enabled procedures with ≥ 1 dossier received or returned by post in P
      ÷ postal-enabled procedures;
    - postal return: dossiers of postal-enabled procedures returned by post in P
      ÷ dossiers of postal-enabled procedures returned in P (any channel).
    """
    return pd.DataFrame(plan_rows(engine.catalogue_parts(uptake), unit_code, period, targets),
                        columns=RESULT_COLUMNS, dtype=object)


def plan_rows(parts: Mapping, unit_code: str, period: Period,
              targets: pd.DataFrame | None = None) -> list[dict]:
    """Result rows of the plan's indicators from one set of the engine's parts (a row of
    :func:`engine.parts_by_period`, or :func:`engine.catalogue_parts`)."""
    out = []
    for ind in registry.plan_ids(targets):
        num, den = registry.parts_of(ind)
        out.append(row(ind, unit_code, period, int(parts[num]), int(parts[den]),
                       target_for(targets, ind, unit_code, period.year)))
    return out


def other_readings(parts: Mapping, plan: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The plan's whole-unit rows read the other way their registry record names
    (``Indicator.reading``): the same numerator over the reading's denominator (an engine
    part of the same ``parts``), judged on the row's target. Rows without a figure (an
    export lacks a column) have no other reading either."""
    out = []
    whole = plan[plan.field.isna()] if "field" in plan else plan
    for r in whole.itertuples():
        reading = registry.get(str(r.indicator)).reading
        if reading is None or has_note(getattr(r, "no_data", None)):
            continue
        num, _ = registry.parts_of(str(r.indicator))
        target = None if r.target is None or pd.isna(r.target) else float(r.target)
        out.append(row(r.indicator, r.unit_code, period, int(parts[num]),
                       int(parts[reading.denominator]), target))
    return pd.DataFrame(out, columns=RESULT_COLUMNS, dtype=object)


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
    """How many more procedures (or postal returns) reach the target (docs/indicators.md, Gap);
    what one more is, the registry's :class:`~cchc_lib.core.indicator_registry.GapRule` says.

    Procedure rates: max(0, ceil(target × denominator) − numerator).
    Postal return share (dossiers): max(0, ceil(target × denominator − numerator)).
    Products are rounded to 9 decimals first, so 0.6 × 5 is 3, not 3.0000000000000004.
    """
    if target is None or not denominator:
        return None
    if registry.gap_rule(indicator).counts == "dossiers":
        return max(0, math.ceil(round(target * denominator - numerator, 9)))
    return max(0, math.ceil(round(target * denominator, 9)) - numerator)


@dataclass(frozen=True)
class Gap:
    indicator: str
    numerator: int | None
    denominator: int | None
    value: float | None
    target: float | None
    needed: int | None
    candidates: pd.DataFrame  # ranked: where the next online/postal dossier can come from
    no_data: str | None = None  # why it has no figure ("không có số liệu: …"): no gap, no list


def gaps(uptake: pd.DataFrame, results: pd.DataFrame) -> dict[str, Gap]:
    """For each plan indicator: the needed count and the ranked candidate procedures.

    Which procedures are candidates, and their demand, each record's gap rule says
    (:class:`~cchc_lib.core.indicator_registry.Candidates`): for the procedure rates,
    enabled procedures with no dossier through the channel yet, ranked by dossiers received
    in P through other channels (demand that could move); for the postal return share,
    postal-enabled procedures ranked by counter returns. An indicator without data (its
    ``no_data`` note) has no gap and no candidates: nothing is suggested on a figure nobody
    knows.
    """
    out = {}
    base = uptake.reset_index()
    by_demand = ["demand", "procedure_code"]
    for r in results.itertuples(index=False):
        record = registry.BY_ID.get(r.indicator)
        rule = record.gap.candidates if record is not None and record.gap else None
        if rule is None:
            continue
        keep = base[rule.enabled].astype(bool)
        for column in rule.none_of:
            keep &= base[column] == 0
        if rule.some_of:
            keep &= (base[list(rule.some_of)] > 0).any(axis=1)
        c = base[keep]
        demand = sum((c[n] for n in rule.demand[1:]), c[rule.demand[0]])
        c = c.assign(demand=sum((-c[n] for n in rule.less), demand))
        c = c.sort_values(by_demand, ascending=[False, True], kind="stable")
        c = c[["procedure_code", "procedure_name", "field_name", "demand"]].reset_index(drop=True)
        note = getattr(r, "no_data", None)
        if has_note(note):
            out[r.indicator] = Gap(r.indicator, None, None, None, r.target, None, c.iloc[:0],
                                   note)
            continue
        out[r.indicator] = Gap(r.indicator, r.numerator, r.denominator, r.value, r.target,
                               needed_for_target(r.indicator, r.numerator, r.denominator,
                                                 r.target), c)
    return out


def cumulative_by_month(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                        period: Period, targets: pd.DataFrame | None = None,
                        through: date | None = None) -> pd.DataFrame:
    """The plan indicators from 1 January to the end of each month up to the period's end:
    one engine query for every month. Months after the last day of data (``through``:
    the export's, ``data_through(dated(tables))``; default: the latest date of ``dossiers``)
    are left out and the last one ends on it, said in ``attrs["note"]``: a month without
    data would be read as the year's final value by :func:`projection`."""
    last = through if through is not None else data_through(
        engine.with_optional("dossiers", dossiers))
    spans, note = month_spans(period, last)
    p = engine.parts_by_period({"dossiers": dossiers, "catalogue": catalogue}, [unit_code],
                               spans)
    return trend_of(p, spans, unit_code, targets, last, note)


def month_spans(period: Period, last: date | None) -> tuple[list[Period], str]:
    """1 January to the end of each month of ``period``'s year up to its end, the months
    after ``last`` (the last day of data) left out and the one it falls in ended on it; and
    the note that says so. A year that starts after ``last`` is refused."""
    ytd = period.year_to_date()
    months, note = ytd.months(), ""
    if last is not None:
        last = pd.Timestamp(last).date()
        if ytd.start > last:
            raise NoDataError(lang.NO_DATA_FOR_YEAR_VI.format(period=period.label_vi(),
                                                              last=last))
        months, note = cut_to_data(months, last)
    return [Period(ytd.start, month.end, month.label) for month in months], note


def trend_of(p: pd.DataFrame, spans: list[Period], unit_code: str,
             targets: pd.DataFrame | None, last: date | None, note: str,
             first: int = 0) -> pd.DataFrame:
    """:func:`cumulative_by_month`'s table from the engine's parts of ``spans`` (the
    periods numbered ``first``, ``first`` + 1, … in ``p``; the unit's whole rows)."""
    whole = p[p.field.isna()] if "field" in p else p
    mine = whole[(whole.pid >= first) & (whole.pid < first + len(spans))]
    rows = [r for part in mine.to_dict("records")
            for r in plan_rows(part, unit_code, spans[part["pid"] - first], targets)]
    return said_to_data(pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object),
                        pd.Timestamp(last).date() if last is not None else None, note)


# --------------------------------------------------------------------------------------
# Comparison and projection
# --------------------------------------------------------------------------------------


PROJECTION_MONTHS = 3  # the run-rate is the mean monthly change of the last three months
PROJECTION_COLUMNS = ["indicator", "last_month", "value", "projected", "low", "high", "target",
                      "met_projected", "verdict"]


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


__all__ = [
    "comparison", "cumulative_by_month", "Gap", "gaps", "judged_on_year_to_date", "month_spans",
    "needed_for_target", "other_readings", "plan_indicators", "plan_rows", "procedure_uptake",
    "projection", "PROJECTION_COLUMNS", "PROJECTION_MONTHS", "trend_of",
]
