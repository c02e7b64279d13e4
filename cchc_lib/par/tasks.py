"""The plan tracker: the tasks of a plan (Phụ lục 1 of Kế hoạch 99/KH-UBND), their time frames
as dates, their progress log, and each task's status as of a date.

Status (docs/decisions.md), first that applies:
- done: the latest update on or before the date says "hoàn thành";
- not due yet: the time frame starts after the date;
- overdue: the time frame ended before the date and the task is not done;
- no update: started, and no update for more than a month (30 days) before the date;
- at risk: a linked indicator is below its target with less than a quarter of the time frame
  left (for "thường xuyên" tasks: of the year), or the latest update reports a blocker;
- on track: otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from cchc_lib.core.errors import TimeframeError
from cchc_lib.core.periods import parse_period
from cchc_lib.core.text import fold
from cchc_lib.core.vi import TASK_STATUS_VI

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
STALE_AFTER = timedelta(days=30)
RISK_TIME_LEFT = 0.25


@dataclass(frozen=True)
class Timeframe:
    start: date
    end: date
    ongoing: bool  # "Thường xuyên": the whole year, reviewed monthly
    text: str

    def label_vi(self) -> str:
        span = f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"
        return f"{self.text} ({span}, theo dõi hằng tháng)" if self.ongoing \
            else f"{self.text} ({span})"


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
    if "thuong xuyen" in key or "hang thang" in key or " ca nam " in key:
        return Timeframe(date(year, 1, 1), date(year, 12, 31), True, raw)
    if re.search(r" (trong|ca|het) nam ", key):  # "Trong năm", "Trong năm 2022"
        return Timeframe(date(year, 1, 1), date(year, 12, 31), False, raw)
    dates = re.findall(r"(\d{1,2})/(\d{1,2})/(20\d\d)", key)
    if dates:
        days = [date(int(y), int(m), int(d)) for d, m, y in dates]
        if " truoc " in key and len(days) == 1:
            return Timeframe(date(days[0].year, 1, 1), days[0], False, raw)
        return Timeframe(min(days), max(days), False, raw)
    quarters = [ROMAN.get(q) or int(q) for q in re.findall(r"quy (iv|iii|ii|i|[1-4])\b", key)]
    if quarters:
        first, last = parse_period(f"{year}-Q{min(quarters)}"), parse_period(
            f"{year}-Q{max(quarters)}")
        return Timeframe(first.start, last.end, False, raw)
    if "6 thang dau" in key:
        return Timeframe(date(year, 1, 1), date(year, 6, 30), False, raw)
    if "6 thang cuoi" in key:
        return Timeframe(date(year, 7, 1), date(year, 12, 31), False, raw)
    months = [int(m) for m in re.findall(r"thang (\d{1,2})\b", key)]
    if months:
        first, last = parse_period(f"{year}-{min(months):02d}"), parse_period(
            f"{year}-{max(months):02d}")
        return Timeframe(first.start, last.end, False, raw)
    if re.search(r"\bnam (20\d\d)\b", key):
        return Timeframe(date(year, 1, 1), date(year, 12, 31), False, raw)
    raise TimeframeError(f"time frame not understood: '{raw}'")


def status_flags(last, frame: Timeframe, as_of: date, as_of_ts: pd.Timestamp,
                 below: list[str], time_left: float) -> list[str]:
    """Every flag that applies to a task, risk first: a blocker or a linked indicator below
    target late in the time frame, then overdue, then no update for a month; a task that
    is done or not yet due has that one status."""
    if last is not None and last.status == "done":
        return ["done"]
    if as_of < frame.start:
        return ["not_due"]
    overdue = as_of > frame.end and not frame.ongoing
    flags = []
    if (last is not None and last.status == "blocked") or (
            below and (time_left < RISK_TIME_LEFT or overdue)):
        flags.append("at_risk")
    if overdue:
        flags.append("overdue")
    if last is None or as_of_ts - last.date > pd.Timedelta(STALE_AFTER):
        flags.append("no_update")
    return flags or ["on_track"]


def task_status(tasks: pd.DataFrame, progress: pd.DataFrame | None, as_of: date,
                plan_year: int, indicator_values: dict[str, float | None],
                targets: dict[str, float | None]) -> pd.DataFrame:
    """Each task as of a date: owner, time frame, latest update, linked indicators, status."""
    as_of_ts = pd.Timestamp(as_of)
    log = progress if progress is not None else pd.DataFrame(
        columns=["task_id", "date", "status", "note", "evidence"])
    log = log[log.date < as_of_ts + pd.Timedelta(days=1)]  # updates up to the end of that day
    log = log.sort_values(["task_id", "date"], kind="stable")
    rows = []
    for t in tasks.itertuples(index=False):
        frame = parse_timeframe(t.timeframe, plan_year)
        mine = log[log.task_id == t.task_id]
        last = mine.iloc[-1] if len(mine) else None
        evidence = [e for e in mine.evidence.dropna()] if len(mine) else []
        linked = [i for i in str(t.indicators or "").split(";") if i.strip()] \
            if not pd.isna(t.indicators) else []
        below = [i for i in linked if targets.get(i) is not None
                 and indicator_values.get(i) is not None
                 and indicator_values[i] < targets[i] - 1e-12]
        span = (frame.end - frame.start).days or 1
        left = (frame.end - as_of).days / span
        flags = status_flags(last, frame, as_of, as_of_ts, below, left)
        rows.append({
            "task_id": t.task_id, "section": t.section, "task": t.task, "lead": t.lead,
            "coordinators": t.coordinators, "timeframe": frame.label_vi(),
            "start": frame.start, "end": frame.end, "ongoing": frame.ongoing,
            "last_update": None if last is None else last.date.date(),
            "last_note": None if last is None else last.note,
            "evidence": "; ".join(evidence) if evidence else None,
            "indicators": linked, "below_target": below, "status": flags[0],
            "status_flags": flags, "status_vi": " · ".join(TASK_STATUS_VI[f] for f in flags),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Which plan a unit reports on: from the plans file, never from code
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInfo:
    """The plan whose targets and tasks a unit's reports follow."""

    plan_id: str | None
    own: bool  # the unit's own plan; False: the general targets, labelled as such
    year: int | None
    name_vi: str  # "Kế hoạch 99/KH-UBND ngày 21/02/2022 của UBND phường 2"
    targets_vi: str  # what the targets are, after "mục tiêu năm …"


def plan_for(tables: dict[str, pd.DataFrame], unit_code: str, year: int) -> PlanInfo:
    """The unit's own plan for the year (else its latest earlier plan); a unit without one
    follows the general targets (blank unit in the targets file), named by their source."""
    plans = tables.get("plans")
    mine = (plans[(plans.unit_code == unit_code) & (plans.year <= year)]
            if plans is not None and len(plans) else pd.DataFrame())
    if len(mine):
        p = mine.sort_values(["year", "plan_id"]).iloc[-1]
        name = f"Kế hoạch {p.number}"
        if not pd.isna(p.date):
            name += f" ngày {p.date:%d/%m/%Y}"
        if not pd.isna(p.issuer):
            name += f" của {p.issuer}"
        return PlanInfo(str(p.plan_id), True, int(p.year), name, f"của {name}")
    targets = tables.get("targets")
    general = (targets[targets.unit_code.isna() & (targets.year.isna() | (targets.year == year))]
               if targets is not None else pd.DataFrame())
    sources = sorted({str(s) for s in general.get("source", pd.Series(dtype=object)).dropna()})
    basis = "; ".join(sources) if sources else "đơn vị chưa có kế hoạch riêng"
    return PlanInfo(None, False, None, "mục tiêu chung", f"chung ({basis})")


def has_tasks_to_report(tables: dict[str, pd.DataFrame], unit_code: str, year: int) -> bool:
    """A unit reports on plan tasks when it has a plan of its own, or when the project keeps
    no plans file at all (every task is the unit's)."""
    plans = tables.get("plans")
    return plans is None or not len(plans) or plan_for(tables, unit_code, year).own


def tasks_of(tables: dict[str, pd.DataFrame], plan: PlanInfo) -> pd.DataFrame:
    """The tasks of a plan: rows naming it, or every row when the file names no plan."""
    tasks = tables["plan_tasks"]
    if plan.plan_id is None or "plan_id" not in tasks or tasks.plan_id.isna().all():
        return tasks
    return tasks[tasks.plan_id.isna() | (tasks.plan_id == plan.plan_id)]
