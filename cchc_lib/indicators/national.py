"""The national "766" indicators the dossier data supports, and the duty of apology.

QĐ 766/QĐ-TTg (23/6/2022) scores every agency on the national portal. The formulas here are
reconstructions (docs/indicators.md): the portal's own score is authoritative, and these are
estimates from local data. Which estimates there are, their points and what they leave out
(groups that need portal data) is the indicator registry's (family "766").

Pure functions: DataFrames in, tidy result rows out (columns of ``RESULT_COLUMNS``).
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.core.periods import Period
from cchc_lib.core.text import match_key
from cchc_lib.indicators import engine
from cchc_lib.indicators.base import RESULT_COLUMNS, row

APOLOGY = registry.get("apology_coverage")


def national_indicators(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                        period: Period, calendar: WorkCalendar | None = None,
                        by_field: bool = False) -> pd.DataFrame:
    """The 766 estimates of the registry (family "766") for one unit and period (per field
    with ``by_field``, sorted by name), with numerator and denominator: each divides two parts
    the registry names, counted by the engine (engine.py says how each part is counted)."""
    p = engine.parts({"dossiers": dossiers, "catalogue": catalogue, "calendar": calendar},
                     [unit_code], period, by_field=by_field)
    return estimates_of(p, unit_code, period, by_field)


def estimates_of(p: pd.DataFrame, unit_code: str, period: Period,
                 by_field: bool = False) -> pd.DataFrame:
    """:func:`national_indicators` from the engine's parts of one unit and period."""
    groups = engine.field_rows(p) if by_field else p[p.field.isna()]
    rows = [row(i.id, unit_code, period, int(getattr(r, str(i.numerator))),
                int(getattr(r, str(i.denominator))), field=r.field if by_field else None)
            for r in groups.itertuples() for i in registry.family("766")]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


def points_766(results: pd.DataFrame) -> pd.DataFrame:
    """Estimated 766 points of each indicator: criterion, group, share, points, maximum
    (the registry's :class:`~cchc_lib.core.indicator_registry.Points766`), and ``no_data``:
    why a share has no figure, so no points (None when it has one)."""
    out = []
    for r in results.itertuples(index=False):
        rule = registry.BY_ID[r.indicator].points if r.indicator in registry.BY_ID else None
        if rule is None:
            continue
        # None or NaN: not applicable (min() with NaN would silently give the cap)
        points = None if pd.isna(r.value) else round(rule.points(float(r.value)), 10)
        out.append({"criterion": rule.criterion, "indicator": r.indicator, "group": rule.group,
                    "value": r.value, "points": points, "max_points": rule.maximum,
                    "no_data": getattr(r, "no_data", None)})
    return pd.DataFrame(out, columns=["criterion", "indicator", "group", "value", "points",
                                      "max_points", "no_data"], dtype=object)


def late_dossiers(dossiers: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """Dossiers that owe an apology slip: resolved late in P, or pending overdue at its end
    (the engine's rule), sorted by field then id."""
    out = engine.late({"dossiers": dossiers, "catalogue": engine.NO_CATALOGUE}, unit_code,
                      period)
    out["_key"] = out.field_name.map(match_key)
    out = out.sort_values(["_key", "dossier_id"], kind="stable")
    return out.drop(columns="_key").reset_index(drop=True)


def apology_coverage(dossiers: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """``apology_coverage`` per field and for the unit (field None, last): late dossiers with
    an apology slip ÷ late dossiers; target 1.0 (NĐ 61/2018, kept by later decrees)."""
    return apology_of(late_dossiers(dossiers, unit_code, period), unit_code, period)


def apology_of(late: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """:func:`apology_coverage` from a late-dossier list already read (:func:`late_dossiers`)."""
    rows = []
    for field, part in late.groupby("field_name", sort=False):  # already sorted by name
        rows.append(row(APOLOGY.id, unit_code, period, int(part.apology_issued.sum()),
                        len(part), target=APOLOGY.fixed_target, field=field))
    rows.append(row(APOLOGY.id, unit_code, period, int(late.apology_issued.sum()),
                    len(late), target=APOLOGY.fixed_target))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


__all__ = [
    "APOLOGY", "apology_coverage", "apology_of", "estimates_of", "late_dossiers",
    "national_indicators", "points_766",
]
