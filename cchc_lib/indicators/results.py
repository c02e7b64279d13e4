"""Every indicator of a unit, or of a set of units, for a period as one tidy table (the
``cchc indicators`` output): the plan's three with targets, Biểu 06 per field and total, the
766 estimates, the duty of apology per field and total; with ``by_field`` the plan's and the
766 indicators per field too. An indicator that needs a column an export of the units lacks
has no figure and no verdict: ``missing_columns`` and ``no_data`` say why (:mod:`.unknown`).

A set of units is pooled: numerators and denominators are added over the units (so a
procedure rate counts unit × procedure pairs), then the share is taken.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.core.units import unit_name
from cchc_lib.indicators import figures
from cchc_lib.indicators.base import (
    NO_DATA_COLUMNS,
    clip_to_data,
    dated,
    require_data,
)
from cchc_lib.indicators.plan import judged_on_year_to_date

TOTAL_KEY = "__unit_total__"  # stands for field None while grouping


SET_LABEL_MAX = 40  # a set of units is named by its codes only when that is short


def set_label(codes: Sequence[str], every_unit: Sequence[str] = ()) -> str:
    """The name of a set of units in data outputs: ``all`` for every unit, the codes joined
    by ``+`` when short, else ``<n>_units``."""
    if every_unit and sorted(codes) == sorted(every_unit) and len(codes) > 1:
        return "all"
    joined = "+".join(codes)
    return joined if len(joined) <= SET_LABEL_MAX else f"{len(codes)}_units"


def all_indicators(tables: dict[str, pd.DataFrame], units: str | Sequence[str],
                   period: Period | str, by_field: bool = False) -> pd.DataFrame:
    """Every indicator for a unit, or for several units pooled, tidy.

    A period that runs past the data is cut at the last day of data (:func:`clip_to_data`),
    as the ward report does, so both give the same figures.
    """
    codes = [units] if isinstance(units, str) else list(units)
    period = clip_to_data(parse_period(period), dated(tables))
    label = set_label(codes, tables["units"].unit_code.tolist())

    def compute(span: Period) -> pd.DataFrame:  # one DuckDB query for the whole set
        return figures.indicators(tables, codes, span, codes[0] if len(codes) == 1 else label,
                                 by_field)

    out = compute(period).copy()
    plan = out.indicator.isin(list(registry.plan_ids(tables.get("targets"))))
    # the yearly targets on 1 January → the period's end (the period itself when it starts
    # on 1 January), beside the period's own value
    ytd = period.year_to_date()
    whole = compute(ytd) if ytd.start < period.start else out
    judged = judged_on_year_to_date(out[plan], whole[whole.indicator.isin(
        list(registry.plan_ids(tables.get("targets"))))])
    out = pd.concat([judged, out[~plan]], ignore_index=True)
    for column in ("numerator", "denominator", "ytd_numerator", "ytd_denominator"):
        if column in out:
            out[column] = out[column].astype("Int64")
    # what could not be counted, and why, last (after the year to date's columns)
    return out[[c for c in out.columns if c not in NO_DATA_COLUMNS] + NO_DATA_COLUMNS]


def records(result: pd.DataFrame) -> list[dict]:
    """The rows as JSON values (``cchc indicators --format json``): ``missing_columns`` as a
    list of the columns ("finished_at, returned_at" -> two), ``no_data`` the note."""
    from cchc_lib.core.sheets import json_records

    return [r | {"missing_columns": r["missing_columns"].split(", ")}
            if r.get("missing_columns") else r for r in json_records(result)]


def units_of(tables: dict[str, pd.DataFrame], spec: str) -> list[str]:
    """``all`` or ``A,B`` -> unit codes; a code the units table does not hold stops with the
    known codes."""
    codes = (sorted(tables["units"].unit_code) if spec == "all"
             else [u.strip() for u in spec.split(",") if u.strip()])
    for code in codes:
        unit_name(tables["units"], code)
    return codes


def indicators_for(tables: dict[str, pd.DataFrame], units: list[str], period: Period,
                   by_field: bool = False) -> pd.DataFrame:
    """:func:`all_indicators` after refusing a period the data does not reach (for the one
    unit asked for, by name, or for the data as a whole)."""
    if len(units) == 1:
        require_data(period, dated(tables), units[0], unit_name(tables["units"], units[0]))
    require_data(period, dated(tables))
    return all_indicators(tables, units, period, by_field=by_field)


__all__ = [
    "all_indicators", "indicators_for", "records", "set_label", "SET_LABEL_MAX", "TOTAL_KEY",
    "units_of",
]
