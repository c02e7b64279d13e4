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

from cchc_lib.core.lang import par as lang
from cchc_lib.core.timeframes import Timeframe, parse_timeframe
from cchc_lib.core.vi import TASK_STATUS_VI

STALE_AFTER = timedelta(days=30)
RISK_TIME_LEFT = 0.25


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


# the columns of :func:`task_status`, also when the plan has no task yet
TASK_COLUMNS = ("task_id", "section", "task", "lead", "coordinators", "timeframe", "start",
                "end", "ongoing", "last_update", "last_note", "done", "cause", "evidence",
                "indicators",
                "below_target", "status", "status_flags", "status_vi")


def task_status(tasks: pd.DataFrame, progress: pd.DataFrame | None, as_of: date,
                plan_year: int, indicator_values: dict[str, float | None],
                targets: dict[str, float | None]) -> pd.DataFrame:
    """Each task as of a date: owner, time frame, latest update, linked indicators, status."""
    as_of_ts = pd.Timestamp(as_of)
    log = progress if progress is not None else pd.DataFrame(
        columns=["task_id", "date", "status", "note", "evidence", "cause"])
    if "cause" not in log:  # a progress log read before the column existed
        log = log.assign(cause=None)
    # updates of the plan's year up to the end of that day (a line of an earlier year's log
    # says nothing of this plan's tasks)
    log = log[(log.date < as_of_ts + pd.Timedelta(days=1))
              & (log.date >= pd.Timestamp(plan_year, 1, 1))]
    log = log.sort_values(["task_id", "date"], kind="stable")
    rows = []
    for t in tasks.itertuples(index=False):
        frame = parse_timeframe(t.timeframe, plan_year)
        mine = log[log.task_id == t.task_id]
        last = mine.iloc[-1] if len(mine) else None
        evidence = [e for e in mine.evidence.dropna()] if len(mine) else []
        done = [(d.date(), str(n)) for d, n in zip(mine.date, mine.note, strict=True)
                if not pd.isna(n) and str(n).strip()]
        causes = [str(c) for c in mine.cause if not pd.isna(c) and str(c).strip()]
        linked = [i for i in str(t.indicators or "").split(";") if i.strip()] \
            if not pd.isna(t.indicators) else []
        below = [i for i in linked
                 if (value := indicator_values.get(i)) is not None
                 and (target := targets.get(i)) is not None and value < target - 1e-12]
        span = (frame.end - frame.start).days or 1
        left = (frame.end - as_of).days / span
        flags = status_flags(last, frame, as_of, as_of_ts, below, left)
        rows.append({
            "task_id": t.task_id, "section": t.section, "task": t.task, "lead": t.lead,
            "coordinators": t.coordinators, "timeframe": frame.label_vi(),
            "start": frame.start, "end": frame.end, "ongoing": frame.ongoing,
            "last_update": None if last is None else last.date.date(),
            "last_note": None if last is None else last.note,
            "done": done,  # what the log says was done: (day, note), oldest first
            "cause": causes[-1] if causes and flags[0] != "done" else None,  # the latest
            "evidence": "; ".join(evidence) if evidence else None,
            "indicators": linked, "below_target": below, "status": flags[0],
            "status_flags": flags, "status_vi": " · ".join(TASK_STATUS_VI[f] for f in flags),
        })
    return pd.DataFrame(rows, columns=list(TASK_COLUMNS))


# --------------------------------------------------------------------------------------
# Which plan a unit reports on: from the plans file, never from code
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """Who signs a report on the plan, as the plans file gives it (each part may be blank)."""

    signing: str | None  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    title: str | None  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str | None


@dataclass(frozen=True)
class PlanInfo:
    """The plan whose targets and tasks a unit's reports follow."""

    plan_id: str | None
    own: bool  # the unit's own plan; False: the general targets, labelled as such
    year: int | None
    name_vi: str  # "Kế hoạch 99/KH-UBND ngày 21/02/2022 của UBND phường 2"
    targets_vi: str  # what the targets are, after "mục tiêu năm …"
    signer: Signer | None = None


def plan_for(tables: dict[str, pd.DataFrame], unit_code: str, year: int) -> PlanInfo:
    """The unit's own plan for the year (else its latest earlier plan); a unit without one
    follows the general targets (blank unit in the targets file), named by their source."""
    plans = tables.get("plans")
    mine = (plans[(plans.unit_code == unit_code) & (plans.year <= year)]
            if plans is not None and len(plans) else pd.DataFrame())
    if len(mine):
        # of the latest year's plans: one with tasks first (a supplementary plan without
        # its own tasks does not replace the plan the office tracks), then the latest dated
        tasks = tables.get("plan_tasks")
        named = set(tasks.plan_id.dropna().astype(str)) \
            if tasks is not None and "plan_id" in tasks else set()
        ranked = mine.assign(_tasks=mine.plan_id.astype(str).isin(named),
                             _date=pd.to_datetime(mine.date, errors="coerce"))
        p = ranked.sort_values(["year", "_tasks", "_date", "plan_id"],
                               na_position="first").iloc[-1]
        # "Kế hoạch số 99/KH-UBND" (NĐ 30's way of citing a document), "số" said once when
        # the plans file already writes "số 99/KH-UBND" or "Số: 99/KH-UBND"
        number = re.sub(lang.NUMBER_PREFIX_PATTERN, "", str(p.number).strip(), flags=re.I)
        name = lang.PLAN_NAME_VI.format(number=number)
        if not pd.isna(p.date):
            name += lang.PLAN_DATE_VI.format(date=p.date)
        if not pd.isna(p.issuer):
            name += lang.PLAN_ISSUER_VI.format(issuer=p.issuer)
        def given(column: str) -> str | None:
            value = p.get(column)
            return None if value is None or pd.isna(value) or not str(value).strip() \
                else str(value).strip()

        return PlanInfo(str(p.plan_id), True, int(p.year), name,
                        lang.PLAN_TARGETS_VI.format(name=name),
                        Signer(given("signing"), given("signer_title"), given("signer_name")))
    targets = tables.get("targets")
    general = (targets[targets.unit_code.isna() & (targets.year.isna() | (targets.year == year))]
               if targets is not None else pd.DataFrame())
    sources = sorted({str(s) for s in general.get("source", pd.Series(dtype=object)).dropna()})
    basis = "; ".join(sources) if sources else lang.NO_OWN_PLAN_VI
    return PlanInfo(None, False, None, lang.GENERAL_TARGETS_NAME_VI,
                    lang.GENERAL_TARGETS_BASIS_VI.format(basis=basis))


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


def owners_of(tables: dict[str, pd.DataFrame], plan: PlanInfo) -> dict[str, str]:
    """Indicator -> the lead officer(s) of the plan's tasks linked to it ("" for none): who
    is responsible when a target is missed. A unit without a plan of its own has no owners."""
    if not plan.own or "plan_tasks" not in tables:
        return {}
    out: dict[str, list[str]] = {}
    for t in tasks_of(tables, plan).itertuples():
        if pd.isna(t.indicators) or pd.isna(t.lead):
            continue
        for indicator in (i.strip() for i in str(t.indicators).split(";") if i.strip()):
            if str(t.lead) not in out.setdefault(indicator, []):
                out[indicator].append(str(t.lead))
    return {k: ", ".join(v) for k, v in out.items()}


__all__ = [
    "has_tasks_to_report", "owners_of", "plan_for", "PlanInfo", "RISK_TIME_LEFT", "STALE_AFTER",
    "status_flags", "task_status", "tasks_of",
]
