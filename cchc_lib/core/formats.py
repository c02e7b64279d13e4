"""Numbers, shares and days as a Vietnamese reader writes them: "52,4 %", "4.123", "12,50",
"15/11/2022"; "không áp dụng" for a share without a denominator."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from cchc_lib.core.lang.core import PERCENTAGE_POINTS_VI
from cchc_lib.core.vi import MET_VI, NOT_APPLICABLE_VI


def is_missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


NBSP = "\u00a0"  # keeps "52,4 %" on one line in narrow table cells


def percent(v: float | None, decimals: int = 1) -> str:
    """0.524 -> '52,4 %' (with a no-break space); None -> 'không áp dụng'."""
    if v is None or is_missing(v):
        return NOT_APPLICABLE_VI
    return f"{v * 100:.{decimals}f}".replace(".", ",") + NBSP + "%"


def integer(v: float | None) -> str:
    """4123 -> '4.123'."""
    if v is None or is_missing(v):
        return "—"
    return f"{int(v):,}".replace(",", ".")


def points(v: float | None) -> str:
    """12.5 -> '12,50'."""
    return "—" if is_missing(v) else f"{v:.2f}".replace(".", ",")


def change_pp(v: float | None) -> str:
    """A change of a share, in percentage points: 0.123 -> '+12,3 điểm phần trăm'."""
    if v is None or is_missing(v):
        return "—"
    sign = "+" if v > 0 else "−" if v < 0 else "±"
    return f"{sign}{abs(v) * 100:.1f}".replace(".", ",") + NBSP + PERCENTAGE_POINTS_VI


def fraction(numerators: pd.Series, denominators: pd.Series) -> list[str]:
    """'27 / 53' for each numerator and denominator."""
    return [f"{integer(n)} / {integer(d)}" for n, d in zip(numerators, denominators, strict=True)]


def met(m: bool | None) -> str:
    """'Đạt', 'Chưa đạt', or '—' when there is no target or no value."""
    return MET_VI[None if is_missing(m) else bool(m)]


def day(d: date | pd.Timestamp | None) -> str:
    return "—" if is_missing(d) or d is pd.NaT else f"{pd.Timestamp(d):%d/%m/%Y}"


__all__ = [
    "change_pp", "day", "fraction", "integer", "is_missing", "met", "NBSP", "percent", "points",
]
