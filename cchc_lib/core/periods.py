"""Reporting periods: closed calendar-day ranges parsed from one notation.

Forms (docs/indicators.md, "Periods"): ``2022`` (year), ``2022-H1`` (half), ``2022-Q3``
(quarter), ``2022-07`` (month), ``2022-01-01..2022-11-15`` (any range) and
``2022-YTD@2022-11-15`` (year to date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cchc_lib.core.errors import PeriodError
from cchc_lib.core.lang import core as lang

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    label: str

    @property
    def start_ts(self) -> pd.Timestamp:
        import pandas as pd  # here, not at the top: the command line starts without pandas

        return pd.Timestamp(self.start)

    @property
    def end_exclusive_ts(self) -> pd.Timestamp:
        """Midnight after the last day: ``t < end_exclusive_ts`` means "on or before end"."""
        import pandas as pd

        return pd.Timestamp(self.end + timedelta(days=1))

    @property
    def year(self) -> int:
        return self.end.year

    def months(self) -> list[Period]:
        """The calendar months the period touches, each clipped to the period."""
        out = []
        first = date(self.start.year, self.start.month, 1)
        while first <= self.end:
            month = parse_period(f"{first.year}-{first.month:02d}")
            out.append(Period(max(month.start, self.start), min(month.end, self.end),
                              month.label))
            first = month.end + timedelta(days=1)
        return out

    def year_to_date(self) -> Period:
        """From 1 January of the end's year to the end: the span a yearly target is judged on."""
        return Period(date(self.end.year, 1, 1), self.end, f"{self.end.year}-YTD@{self.end}")

    def same_period_years_before(self, years: int = 1) -> Period:
        """The same calendar span ``years`` earlier (29 February becomes 28 February)."""
        def shift(d: date) -> date:
            try:
                return d.replace(year=d.year - years)
            except ValueError:
                return d.replace(year=d.year - years, day=28)
        label = _shift_label(self.label, years)
        start, end = shift(self.start), shift(self.end)
        return Period(start, end, label or f"{start}..{end}")

    def label_vi(self) -> str:
        """Vietnamese wording of the period, for report titles."""
        return _label_vi(self)


_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
_YTD = re.compile(r"^(\d{4})-YTD@(\d{4}-\d{2}-\d{2})$", re.IGNORECASE)

PERIOD_FORMS = lang.PERIOD_FORMS
RELATIVE = ("last-month", "last-quarter", "last-year", "this-year")


def resolve_relative(text: str, today: date | None = None) -> str:
    """``last-month`` and friends, as the period they name today (cron runs use them)."""
    today = today or date.today()
    key = str(text).strip().lower()
    if key == "last-month":
        first = date(today.year, today.month, 1) - timedelta(days=1)
        return f"{first.year}-{first.month:02d}"
    if key == "last-quarter":
        q = (today.month - 1) // 3  # the current quarter's index 0..3
        return f"{today.year - 1}-Q4" if q == 0 else f"{today.year}-Q{q}"
    if key == "last-year":
        return str(today.year - 1)
    if key == "this-year":
        return f"{today.year}-YTD@{today:%Y-%m-%d}"
    return str(text).strip()


def periods_before(period: Period, count: int) -> list[Period]:
    """The ``count`` periods of the same kind just before ``period``, oldest first: months
    before a month, quarters before a quarter, years before a year (a scheduled run catching
    up). Another kind of period has no "before" here: a :class:`CchcError` says so."""
    label = period.label
    out = []
    if re.fullmatch(r"\d{4}-\d{2}", label):
        year, month = period.start.year, period.start.month
        for _ in range(count):
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            out.append(parse_period(f"{year}-{month:02d}"))
    elif re.fullmatch(r"\d{4}-Q[1-4]", label):
        year, q = period.start.year, (period.start.month - 1) // 3 + 1
        for _ in range(count):
            year, q = (year - 1, 4) if q == 1 else (year, q - 1)
            out.append(parse_period(f"{year}-Q{q}"))
    elif re.fullmatch(r"\d{4}", label):
        out = [parse_period(str(period.start.year - k)) for k in range(1, count + 1)]
    else:
        raise PeriodError(lang.CATCH_UP_KIND_VI.format(period=label))
    return out[::-1]


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _iso(text: str, whole: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise PeriodError(lang.PERIOD_DAY_NOT_REAL_VI.format(period=whole, day=text)) from exc


def parse_period(text: str | Period) -> Period:
    """Parse a period; raise :class:`PeriodError` naming the accepted forms otherwise."""
    if isinstance(text, Period):
        return text
    raw = resolve_relative(text)
    if m := _YEAR.match(raw):
        y = int(m[1])
        return Period(date(y, 1, 1), date(y, 12, 31), raw)
    if m := _HALF.match(raw):
        y, h = int(m[1]), int(m[2])
        return Period(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), f"{y}-H{h}")
    if m := _QUARTER.match(raw):
        y, q = int(m[1]), int(m[2])
        return Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"{y}-Q{q}")
    if m := _MONTH.match(raw):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            raise PeriodError(lang.PERIOD_NO_SUCH_MONTH_VI.format(period=raw, month=mo))
        return Period(date(y, mo, 1), _month_end(y, mo), raw)
    if m := _RANGE.match(raw):
        start, end = _iso(m[1], raw), _iso(m[2], raw)
        if end < start:
            raise PeriodError(lang.PERIOD_ENDS_BEFORE_START_VI.format(period=raw))
        return Period(start, end, raw)
    if m := _YTD.match(raw):
        y, end = int(m[1]), _iso(m[2], raw)
        if end.year != y:
            raise PeriodError(lang.PERIOD_DAY_OUTSIDE_YEAR_VI.format(period=raw, year=y))
        return Period(date(y, 1, 1), end, f"{y}-YTD@{end}")
    raise PeriodError(lang.PERIOD_UNREADABLE_VI.format(period=raw, forms=PERIOD_FORMS))


def _shift_label(label: str, years: int) -> str | None:
    for pattern in (_YEAR, _HALF, _QUARTER, _MONTH):
        if pattern.match(label):
            return f"{int(label[:4]) - years}{label[4:]}"
    return None


def _label_vi(p: Period) -> str:
    label = p.label
    if _YEAR.match(label):
        return lang.YEAR_LABEL_VI.format(year=label)
    if m := _HALF.match(label):
        return lang.HALF_LABEL_VI.format(half=lang.HALVES_VI[0 if m[2] == "1" else 1], year=m[1])
    if m := _QUARTER.match(label):
        return lang.QUARTER_LABEL_VI.format(quarter=["I", "II", "III", "IV"][int(m[2]) - 1],
                                            year=m[1])
    if m := _MONTH.match(label):
        return lang.MONTH_LABEL_VI.format(month=int(m[2]), year=m[1])
    return lang.RANGE_LABEL_VI.format(start=p.start, end=p.end)


__all__ = [
    "parse_period", "Period", "PERIOD_FORMS", "periods_before", "RELATIVE", "resolve_relative",
]
