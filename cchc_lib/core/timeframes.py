"""A plan task's time frame as the plan writes it ("Quý II/2022", "Tháng 6", "Trước
30/9/2022", "Thường xuyên", "Trong năm") read into the days it spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cchc_lib.core.errors import TimeframeError
from cchc_lib.core.lang.core import (
    TIMEFRAME_LABEL_VI,
    TIMEFRAME_ONGOING_LABEL_VI,
    TIMEFRAME_UNREADABLE_VI,
)
from cchc_lib.core.lang.vocabulary import (
    TIMEFRAME_BEFORE,
    TIMEFRAME_FIRST_HALF,
    TIMEFRAME_MONTH,
    TIMEFRAME_ONGOING_WORDS,
    TIMEFRAME_QUARTER,
    TIMEFRAME_SECOND_HALF,
    TIMEFRAME_WHOLE_YEAR,
    TIMEFRAME_YEAR,
)
from cchc_lib.core.periods import parse_period
from cchc_lib.core.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Timeframe:
    start: date
    end: date
    ongoing: bool  # "Thường xuyên": the whole year, reviewed monthly
    text: str

    def label_vi(self) -> str:
        span = f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"
        label = TIMEFRAME_ONGOING_LABEL_VI if self.ongoing else TIMEFRAME_LABEL_VI
        return label.format(text=self.text, span=span)


def parse_timeframe(text: str, plan_year: int) -> Timeframe:
    """A time frame as written in a plan -> dates.

    "Quý II, Quý III năm 2022" -> 01/04/2022–30/09/2022; "Thường xuyên" -> the plan's year;
    also "Quý IV/2022", "Tháng 3 năm 2022", "6 tháng đầu năm 2022", "Năm 2022",
    "Trước ngày 30/6/2022", "Từ 01/3/2022 đến 31/5/2022".
    """
    raw = str(text).strip()
    key = " " + re.sub(r"[^0-9a-z/]+", " ", fold(raw, keep="/")) + " "
    years = [int(y) for y in re.findall(r"(20\d\d)", key)]
    year = years[-1] if years else plan_year
    if any(words in key for words in TIMEFRAME_ONGOING_WORDS):
        return Timeframe(date(year, 1, 1), date(year, 12, 31), True, raw)
    if re.search(TIMEFRAME_WHOLE_YEAR, key):  # "Trong năm", "Trong năm 2022"
        return Timeframe(date(year, 1, 1), date(year, 12, 31), False, raw)
    dates = re.findall(r"(\d{1,2})/(\d{1,2})/(20\d\d)", key)
    if dates:
        days = [date(int(y), int(m), int(d)) for d, m, y in dates]
        if TIMEFRAME_BEFORE in key and len(days) == 1:
            return Timeframe(date(days[0].year, 1, 1), days[0], False, raw)
        return Timeframe(min(days), max(days), False, raw)
    quarters = [ROMAN.get(q) or int(q) for q in re.findall(TIMEFRAME_QUARTER, key)]
    if quarters:
        first, last = parse_period(f"{year}-Q{min(quarters)}"), parse_period(
            f"{year}-Q{max(quarters)}")
        return Timeframe(first.start, last.end, False, raw)
    if TIMEFRAME_FIRST_HALF in key:
        return Timeframe(date(year, 1, 1), date(year, 6, 30), False, raw)
    if TIMEFRAME_SECOND_HALF in key:
        return Timeframe(date(year, 7, 1), date(year, 12, 31), False, raw)
    months = [int(m) for m in re.findall(TIMEFRAME_MONTH, key)]
    if months:
        first, last = parse_period(f"{year}-{min(months):02d}"), parse_period(
            f"{year}-{max(months):02d}")
        return Timeframe(first.start, last.end, False, raw)
    if re.search(TIMEFRAME_YEAR, key):
        return Timeframe(date(year, 1, 1), date(year, 12, 31), False, raw)
    raise TimeframeError(TIMEFRAME_UNREADABLE_VI.format(text=raw))


__all__ = [
    "parse_timeframe", "ROMAN", "Timeframe",
]
