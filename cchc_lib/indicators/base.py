"""Building blocks of every indicator: shares that keep their numerator and denominator, which
dossiers count in a period, the span the data covers (and the refusal to judge outside it),
the procedures a unit offers, its targets, and the tidy result row.

Nothing here reads files, prints or plots. A denominator of 0 gives ``value = None`` ("không
áp dụng"), never 0; so does a column the exports lack (``no_data``: "không có số liệu",
:mod:`.unknown`).

Conventions where the spec is silent (docs/decisions.md):
- a dossier with no due date (none in the export and none derivable) cannot be late:
  it counts as resolved on time, or pending in time;
- a period that runs past the end of the data is cut to the data (:func:`clip_to_data`);
  one the data does not reach is refused (:func:`require_data`).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from cchc_lib.core.errors import NoDataError
from cchc_lib.core.lang import indicators as lang
from cchc_lib.core.periods import Period
from cchc_lib.ingest.store import DATES_TABLE

# what a row could not be counted without: the columns its exports lack ("apology_issued";
# "finished_at, returned_at") and the note that says so (:mod:`.unknown`); None when it could
NO_DATA_COLUMNS = ["missing_columns", "no_data"]
RESULT_COLUMNS = ["indicator", "unit_code", "period", "field", "numerator", "denominator",
                  "value", "target", "met", *NO_DATA_COLUMNS]


# --------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------


def share(numerator: float, denominator: float) -> float | None:
    """numerator ÷ denominator, or None when the denominator is 0 (không áp dụng)."""
    return None if not denominator else numerator / denominator


def in_period(ts: pd.Series, period: Period) -> pd.Series:
    """Timestamps whose calendar day lies in the period (NaT is never in it)."""
    return (ts >= period.start_ts) & (ts < period.end_exclusive_ts)


def unit_dossiers(dossiers: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    return dossiers[dossiers.unit_code == unit_code]


def dated(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The dossiers whose dates say what span the data covers: every unit's, also when only
    one unit's rows were read (:data:`cchc_lib.ingest.store.DATES_TABLE`)."""
    return tables.get(DATES_TABLE, tables["dossiers"])


def data_through(dossiers: pd.DataFrame) -> pd.Timestamp | None:
    """The last day the data speaks for: the latest date on any dossier."""
    latest = max((dossiers[c].max() for c in ("received_at", "finished_at", "returned_at")),
                 key=lambda v: pd.Timestamp.min if pd.isna(v) else v)
    return None if pd.isna(latest) else latest.normalize()


def data_span(dossiers: pd.DataFrame) -> tuple[date, date] | None:
    """(first, last) day the data speaks for: the earliest receipt, the latest date on any
    dossier; None when there is no dossier."""
    if dossiers.empty or dossiers.received_at.isna().all():
        return None
    first = dossiers.received_at.min().normalize().date()
    last = data_through(dossiers)
    return None if last is None else (first, last.date())


def require_data(period: Period, dossiers: pd.DataFrame, unit_code: str | None = None,
                 unit_label: str | None = None) -> None:
    """Refuse a period wholly before the first day or after the last day of data (of the
    unit, when given): a figure for it would be a verdict without data."""
    scope = dossiers if unit_code is None else unit_dossiers(dossiers, unit_code)
    span = data_span(scope)
    who = f" ({unit_label or unit_code})" if unit_code is not None else ""
    if span is None:
        raise NoDataError(lang.NO_DOSSIERS_VI.format(who=who))
    first, last = span
    if period.start > last or period.end < first:
        raise NoDataError(lang.NO_DATA_FOR_PERIOD_VI.format(period=period.label_vi(), who=who,
                                                            first=first, last=last))


def clip_to_data(period: Period, dossiers: pd.DataFrame) -> Period:
    """The period, ended at the last day of data when the data stops earlier; a period the
    data does not reach at all is refused (:class:`NoDataError`)."""
    require_data(period, dossiers)
    last = data_through(dossiers)
    if last is None or last.date() >= period.end:  # (require_data refused no data at all)
        return period
    return Period(period.start, last.date(), period.label)


def missing_columns(tables: dict[str, pd.DataFrame], units: list[str] | tuple[str, ...]
                    ) -> dict[str, list[str]]:
    """The optional dossier columns that an export holding these units' dossiers lacks, each
    with those exports (files): what they measure is unknown for those dossiers, so an
    indicator that needs one is "không có số liệu", never 0. Processed data written before
    exports were described (no ``source_columns`` table) says nothing is missing."""
    columns = tables.get("source_columns")
    if columns is None or columns.empty:
        return {}
    d = tables["dossiers"]
    files = set(d.source_file[d.unit_code.isin(list(units))].dropna())
    lack = columns[~columns.present.astype(bool) & columns.source_file.isin(files)]
    return {str(c): sorted(set(part.source_file)) for c, part in lack.groupby("column")}


def target_for(targets: pd.DataFrame | None, indicator: str, unit_code: str,
               year: int) -> float | None:
    """The target of an indicator: a row for the unit and year wins over a general one."""
    if targets is None or targets.empty:
        return None
    # on arrays, not frames: the reports ask for dozens of targets, a province has hundreds
    units = targets.unit_code.to_numpy(dtype=object, na_value=None)
    years = targets.year.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    any_unit, any_year = np.array([u is None for u in units], dtype=bool), np.isnan(years)
    fits = ((targets.indicator.to_numpy(dtype=object) == indicator)
            & (any_unit | (units == unit_code)) & (any_year | (years == year)))
    if not fits.any():
        return None
    specificity = np.where(fits, (~any_unit).astype(int) * 2 + (~any_year).astype(int), -1)
    return float(targets.target.iloc[int(np.argmax(specificity))])


def row(indicator, unit_code, period, numerator, denominator, target=None, field=None,
         value=None) -> dict:
    if value is None and denominator is not None:
        value = share(numerator, denominator)
    met = None if target is None or value is None else bool(value >= target - 1e-12)
    return {"indicator": indicator, "unit_code": unit_code, "period": period.label,
            "field": field, "numerator": numerator, "denominator": denominator,
            "value": value, "target": target, "met": met, "missing_columns": None,
            "no_data": None}


__all__ = [
    "clip_to_data", "data_span", "data_through", "dated", "in_period", "missing_columns",
    "NO_DATA_COLUMNS", "require_data", "RESULT_COLUMNS", "row", "share", "target_for",
    "unit_dossiers",
]
