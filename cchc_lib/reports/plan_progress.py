"""The plan-progress report ("Báo cáo kết quả thực hiện Kế hoạch 99/KH-UBND"): every task's
status as of a date, with owner, last update and evidence, and the plan's targets. Computed
once, shown piece by piece by ``notebooks/plan_progress.ipynb``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.catalog import resolve
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import reports_plan as lang
from cchc_lib.core.lang.vocabulary import TABLE_LABELS_VI
from cchc_lib.core.periods import Period
from cchc_lib.core.units import unit_name
from cchc_lib.core.vi import TASK_STATUS_VI
from cchc_lib.indicators import engine
from cchc_lib.indicators.base import clip_to_data, dated
from cchc_lib.indicators.plan import other_readings
from cchc_lib.indicators.results import all_indicators
from cchc_lib.ingest.store import read_processed
from cchc_lib.par.tasks import Signer, has_tasks_to_report, plan_for, task_status, tasks_of
from cchc_lib.reports import render
from cchc_lib.reports.quality import set_aside, set_aside_vi
from cchc_lib.reports.safe import Rich, rich


@dataclass
class PlanProgress:
    unit_name: str
    year: int
    as_of: date
    tasks: pd.DataFrame
    plan: pd.DataFrame  # the plan's three indicators, year to date
    set_aside: dict  # quality.set_aside from the start of the year to as_of
    plan_name: str  # "Kế hoạch 99/KH-UBND ngày 21/02/2022 của UBND phường 2", from the data
    signer: Signer | None = None  # who signs the report, from the plans file
    readings: pd.DataFrame | None = None  # plan shares read the other way (plan.other_readings)
    hand_kept_aside: dict[str, int] | None = None  # table -> rows of the plan's files set aside
    plan_year: int | None = None  # the plan's own year (an earlier one: no plan this year)

    def hand_kept_note(self) -> str:
        """What whoever reviews the report must know first ("" when nothing): the plan is an
        earlier year's (the unit has none for this year), and rows of the plan's own files
        (targets, plans, tasks, progress) ingest could not read."""
        notes = []
        if self.plan_year is not None and self.plan_year < self.year:
            notes.append(lang.EARLIER_PLAN_VI.format(year=self.year, plan_year=self.plan_year))
        if aside := self.hand_kept_aside or {}:
            rows = ", ".join(lang.HAND_KEPT_ROWS_VI.format(count=n, table=TABLE_LABELS_VI[t])
                             for t, n in aside.items())
            notes.append(lang.HAND_KEPT_SET_ASIDE_VI.format(rows=rows))
        return " ".join(notes)

    def header(self) -> Rich:
        counts = self.tasks.status.map(TASK_STATUS_VI).value_counts()  # by the first flag
        summary = ", ".join(f"{n} {s.lower()}" for s, n in counts.items())
        head = rich(
            lang.PROGRESS_HEADER_VI, plan=self.plan_name, unit=self.unit_name,
            as_of=render.day(self.as_of), count=len(self.tasks), summary=summary or "—",
            set_aside=set_aside_vi(self.set_aside))
        if note := self.hand_kept_note():
            head += rich("*{note}*", note=note)
        return head if len(self.tasks) else head + self.no_tasks()

    def no_tasks(self) -> Rich:
        """What a plan without tasks says, where its task table would stand."""
        return rich(lang.NO_TASKS_YET_VI, plan=self.plan_name[:1].upper() + self.plan_name[1:])

    def linked_vi(self, ids: list[str]) -> str:
        """A task's linked indicators: each one's value from January against its target
        ("không có số liệu" when the exports lack a column it needs)."""
        values = dict(zip(self.plan.indicator, self.plan.value, strict=True))
        targets = dict(zip(self.plan.indicator, self.plan.target, strict=True))
        unknown = dict(zip(self.plan.indicator, self._no_data(), strict=True))
        return "; ".join(lang.LINKED_INDICATOR_VI.format(
            label=registry.label(i), value=render.share_shown(values.get(i), unknown.get(i)),
            target=render.percent(targets.get(i), 0)) for i in ids)

    def _no_data(self) -> pd.Series:
        p = self.plan
        return p.no_data if "no_data" in p else pd.Series([None] * len(p), index=p.index)

    def tasks_table(self) -> HTML | Rich:
        t = self.tasks
        if not len(t):
            return self.no_tasks()
        head = lang.TASKS_COLUMNS_VI
        table = pd.DataFrame({
            head["task_id"]: t.task_id, head["task"]: t.task, head["lead"]: t.lead,
            head["coordinators"]: t.coordinators.fillna(""), head["timeframe"]: t.timeframe,
            head["status"]: t.status_vi,
            head["last_update"]: [f"{render.day(d)}: {n}" if d else "—"
                                  for d, n in zip(t.last_update, t.last_note.fillna(""),
                                                  strict=True)],
            head["evidence"]: t.evidence.fillna("—"),
            head["indicators"]: t.indicators.map(self.linked_vi),
        })
        return HTML(render.html_table(table, "tasks"))

    def indicators_table(self) -> HTML | Rich:
        p, unknown = self.plan, self._no_data()
        head = lang.PLAN_YTD_COLUMNS_VI
        table = pd.DataFrame({
            head["indicator"]: p.indicator.map(registry.label),
            head["value"]: [render.share_shown(v, n) for v, n in zip(p.value, unknown,
                                                                     strict=True)],
            head["fraction"]: render.fraction(p.numerator, p.denominator),
            head["target"]: p.target.map(lambda v: render.percent(v, 0)),
            head["verdict"]: [render.verdict_shown(m, n) for m, n in zip(p.met, unknown,
                                                                         strict=True)],
        })
        shown = render.show(table, "plan-ytd")
        notes = render.notes_of(p) + render.reading_lines(p, self.readings)
        return render.with_notes(shown.data, notes) if notes else shown


HAND_KEPT = ("targets", "plans", "plan_tasks", "plan_progress")  # the plan's own files


def hand_kept_set_aside(quarantine: pd.DataFrame | None, unit_code: str) -> dict[str, int]:
    """Rows of the plan's own files set aside at ingest that may concern the unit (its own,
    or naming no unit), by table, in HAND_KEPT's order."""
    if quarantine is None or quarantine.empty:
        return {}
    q = quarantine[quarantine.table.isin(HAND_KEPT)]
    if "unit_code" in q:
        q = q[q.unit_code.isna() | (q.unit_code == unit_code)]
    counts = q.table.value_counts()
    return {t: int(counts[t]) for t in HAND_KEPT if t in counts}


def plan_progress(unit_code: str, year: int, as_of: str | date, data_dir: str | Path
                  ) -> PlanProgress:
    tables = read_processed(resolve(data_dir), unit_code=unit_code)  # its own dossiers only
    return plan_progress_of(tables, unit_code, year, as_of)


def plan_progress_of(tables: dict[str, pd.DataFrame], unit_code: str, year: int,
                     as_of: str | date) -> PlanProgress:
    """The plan report from tables already read (the Word report and the reminders read them
    once for everything they make)."""
    day = pd.Timestamp(as_of).date()
    name = unit_name(tables["units"], unit_code)
    info = plan_for(tables, unit_code, year)
    if not has_tasks_to_report(tables, unit_code, year):
        raise CchcError(lang.NO_OWN_PLAN_VI.format(unit=name, year=year))
    plan = all_indicators(tables, unit_code, f"{year}-YTD@{day:%Y-%m-%d}")
    plan = plan[plan.indicator.isin(registry.PLAN_INDICATORS)]
    ytd = Period(date(year, 1, 1), day, f"{year}-YTD")
    whole = engine.parts(tables, [unit_code], clip_to_data(ytd, dated(tables)))
    readings = other_readings(whole[whole.field.isna()].iloc[0], plan, ytd)
    values = {i: (None if pd.isna(v) else float(v)) for i, v in zip(plan.indicator, plan.value,
                                                                    strict=True)}
    targets = {i: (None if pd.isna(v) else float(v)) for i, v in zip(plan.indicator,
                                                                     plan.target, strict=True)}
    tasks = task_status(tasks_of(tables, info), tables.get("plan_progress"), day,
                        info.year or year, values, targets)  # tasks keep their plan's year
    return PlanProgress(name, year, day, tasks, plan,
                        set_aside(tables.get("quarantine"), [unit_code], date(year, 1, 1),
                                  day), info.name_vi if info.own else lang.GENERAL_PLAN_NAME_VI,
                        info.signer, readings,
                        hand_kept_set_aside(tables.get("quarantine"), unit_code), info.year)


__all__ = [
    "HAND_KEPT", "hand_kept_set_aside", "plan_progress", "plan_progress_of", "PlanProgress",
]
