"""Every indicator of one unit and period as one tidy table (the ``cchc indicators`` output):
the plan's three with targets, Biểu 06 per field and total, the 766 estimates, the duty of
apology per field and total."""

from __future__ import annotations

import pandas as pd

from .indicators import bieu06, bieu06_long, clip_to_data, plan_indicators, procedure_uptake
from .national import apology_coverage, national_indicators
from .periods import Period, parse_period


def all_indicators(tables: dict[str, pd.DataFrame], unit_code: str,
                   period: Period | str) -> pd.DataFrame:
    """The plan indicators, Biểu 06, the 766 estimates and apology coverage, tidy.

    A period that runs past the data is cut at the last day of data (:func:`clip_to_data`),
    as the ward report does, so both give the same figures.
    """
    dossiers, catalogue = tables["dossiers"], tables["catalogue"]
    period = clip_to_data(parse_period(period), dossiers)
    uptake = procedure_uptake(dossiers, catalogue, unit_code, period)
    parts = [
        plan_indicators(uptake, unit_code, period, tables.get("targets")),
        bieu06_long(bieu06(dossiers, catalogue, unit_code, period), unit_code, period),
        national_indicators(dossiers, catalogue, unit_code, period),
        apology_coverage(dossiers, unit_code, period),
    ]
    out = pd.concat(parts, ignore_index=True)
    out[["numerator", "denominator"]] = out[["numerator", "denominator"]].astype("Int64")
    return out
