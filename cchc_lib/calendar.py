"""Vietnamese working days, vectorised with numpy's business-day functions.

Public holidays (Tết included) come from the maintained ``holidays`` library; an office
adds extra days off through ``extra_days_off``. Rules (data_contract.md §1): a procedure
with 0 processing days ("trong ngày") is due the same day, or the next working day when
received after 15:00; otherwise the due day is that many working days after receipt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays
import numpy as np
import pandas as pd

SAME_DAY_CUTOFF_HOUR = 15
DUE_TIME = pd.Timedelta(hours=17)
WEEKMASK = "1111100"  # Monday to Friday


def public_holidays(years: Iterable[int], extra_days_off: Iterable[date] = ()) -> np.ndarray:
    """Days off that fall on weekdays, as ``datetime64[D]``, for the given years."""
    days = set(holidays.country_holidays("VN", years=sorted(set(years))).keys())
    days.update(pd.Timestamp(d).date() for d in extra_days_off)
    return np.array(sorted(days), dtype="datetime64[D]")


def working_calendar(years: Iterable[int],
                     extra_days_off: Iterable[date] = ()) -> np.busdaycalendar:
    return np.busdaycalendar(weekmask=WEEKMASK, holidays=public_holidays(years, extra_days_off))


def add_working_days(
    received_at: pd.Series,
    processing_days: pd.Series,
    extra_days_off: Iterable[date] = (),
) -> pd.Series:
    """Due date of each dossier: ``processing_days`` working days after ``received_at``.

    Fractions of a day round up. A dossier received on a day off counts from the next
    working day. Missing inputs give NaT. The time of day is set to 17:00.
    """
    received = pd.to_datetime(received_at)
    days = pd.to_numeric(processing_days, errors="coerce")
    ok = received.notna() & days.notna() & (days >= 0)
    out = pd.Series(pd.NaT, index=received.index, dtype="datetime64[us]")
    if not ok.any():
        return out
    r = received[ok]
    years = range(r.dt.year.min(), r.dt.year.max() + 2)
    cal = working_calendar(years, extra_days_off)
    offset = np.ceil(days[ok].to_numpy(dtype=float)).astype(np.int64)
    late_same_day = (offset == 0) & (r.dt.hour.to_numpy() >= SAME_DAY_CUTOFF_HOUR)
    offset = offset + late_same_day
    day = r.dt.normalize().to_numpy().astype("datetime64[D]")
    due = np.busday_offset(day, offset, roll="forward", busdaycal=cal)
    out[ok] = due.astype("datetime64[us]") + DUE_TIME.to_timedelta64()
    return out


def is_working_day(days: pd.Series, extra_days_off: Iterable[date] = ()) -> pd.Series:
    d = pd.to_datetime(days)
    years = range(d.dt.year.min(), d.dt.year.max() + 1)
    values = d.dt.normalize().to_numpy().astype("datetime64[D]")
    return pd.Series(np.is_busday(values, busdaycal=working_calendar(years, extra_days_off)),
                     index=d.index)
