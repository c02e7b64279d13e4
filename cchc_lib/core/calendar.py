"""Vietnamese working days, vectorised.

Public holidays (Tết included) come from the maintained ``holidays`` library. An office adds
its own days off (a Tết bridge day decided by the province) and make-up working days (a
Saturday worked to pay back a bridge) in the calendar file the data catalog names.
Rules (data_contract.md §1): a procedure with 0 processing days ("trong ngày") is due the
same day, or the next working day when received at or after 15:00; otherwise the due day is
that many working days after receipt; a dossier received on a day off counts from the next
working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import holidays
import numpy as np
import pandas as pd

SAME_DAY_CUTOFF_HOUR = 15
DUE_TIME = np.timedelta64(17, "h")
_DAY = np.timedelta64(1, "D")


def _days(values: Iterable) -> np.ndarray:
    return np.array(sorted({pd.Timestamp(d).date() for d in values}), dtype="datetime64[D]")


@dataclass(frozen=True)
class WorkCalendar:
    """Monday to Friday, less public holidays and extra days off, plus make-up working days."""

    extra_days_off: tuple[date, ...] = ()
    makeup_working_days: tuple[date, ...] = ()

    @classmethod
    def from_table(cls, table: pd.DataFrame | None) -> WorkCalendar:
        """From the processed calendar table (columns ``date``, ``kind`` off/working)."""
        if table is None or table.empty:
            return cls()
        days = table.dropna(subset=["date"])
        pick = lambda kind: tuple(sorted(days.loc[days.kind == kind, "date"].dt.date))  # noqa: E731
        return cls(pick("off"), pick("working"))

    def is_working(self, days: np.ndarray) -> np.ndarray:
        days = np.asarray(days, dtype="datetime64[D]")
        if days.size == 0:
            return np.zeros(0, dtype=bool)
        weekday = (days.astype("int64") + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
        years = range(int(str(days.min())[:4]), int(str(days.max())[:4]) + 1)
        off = _days([*holidays.country_holidays("VN", years=years).keys(),
                     *self.extra_days_off])
        working = (weekday < 5) & ~np.isin(days, off)
        return working | np.isin(days, _days(self.makeup_working_days))

    def working_days(self, first: np.datetime64, last: np.datetime64) -> np.ndarray:
        span = np.arange(first, last + _DAY, dtype="datetime64[D]")
        return span[self.is_working(span)]

    def offset(self, days: np.ndarray, n: np.ndarray) -> np.ndarray:
        """The working day ``n`` working days after each day (a day off rolls forward first)."""
        days = np.asarray(days, dtype="datetime64[D]")
        n = np.asarray(n, dtype=np.int64)
        if days.size == 0:
            return days
        margin = np.timedelta64(int(n.max()) * 2 + 40, "D")  # enough for Tết inside the span
        work = self.working_days(days.min(), days.max() + margin)
        return work[np.searchsorted(work, days, side="left") + n]

    def offset_back(self, days: np.ndarray, n: np.ndarray) -> np.ndarray:
        """The working day ``n`` working days before each day (a day off rolls back first)."""
        days = np.asarray(days, dtype="datetime64[D]")
        n = np.asarray(n, dtype=np.int64)
        if days.size == 0:
            return days
        margin = np.timedelta64(int(n.max()) * 2 + 40, "D")
        work = self.working_days(days.min() - margin, days.max())
        return work[np.searchsorted(work, days, side="right") - 1 - n]


def add_working_days(received_at: pd.Series, processing_days: pd.Series,
                     calendar: WorkCalendar | None = None) -> pd.Series:
    """Due date of each dossier: ``processing_days`` working days after ``received_at``.

    Fractions of a day round up; missing inputs give NaT; the time of day is set to 17:00.
    """
    calendar = calendar or WorkCalendar()
    received = pd.to_datetime(received_at)
    days = pd.to_numeric(processing_days, errors="coerce")
    ok = received.notna() & days.notna() & (days >= 0)
    out = pd.Series(pd.NaT, index=received.index, dtype="datetime64[us]")
    if not ok.any():
        return out
    r = received[ok]
    n = np.ceil(days[ok].to_numpy(dtype=float)).astype(np.int64)
    n += (n == 0) & (r.dt.hour.to_numpy() >= SAME_DAY_CUTOFF_HOUR)
    due = calendar.offset(r.dt.normalize().to_numpy().astype("datetime64[D]"), n)
    out[ok] = due.astype("datetime64[us]") + DUE_TIME
    return out


__all__ = [
    "add_working_days", "DUE_TIME", "SAME_DAY_CUTOFF_HOUR", "WorkCalendar",
]
