"""Next year's hand-kept records from this year's (``cchc nam-moi``), pure: tables in, tables
out, nothing read or written.

What goes over, and nothing else:
- the units (the office's own list, needed by every drop-down);
- for each unit with a plan this year, next year's plan as a stub to complete: its id, unit
  and year (number, date and signer left for the office: the new plan is not issued yet);
- the tasks of that plan not done by the end of the year, under next year's plan, marked as
  carried over, their time frames moved to next year;
- the targets of this year (and the general ones), for next year, marked for review;
- this year's official results, when published, as next year's baseline.
The progress log and the self-assessment start empty (the workbook lists every criterion to
score).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from cchc_lib.core.lang import par as lang
from cchc_lib.par.tasks import task_status

CARRIED = ("units", "plans", "plan_tasks", "targets", "official_results")


def next_plan_id(plan_id: str, year: int) -> str:
    """Next year's plan id: the year in the id moved on ("P2-KH99-2022" -> "P2-KH99-2023"),
    or the year added."""
    moved = re.sub(rf"(?<!\d){year - 1}(?!\d)", str(year), plan_id)
    return moved if moved != plan_id else f"{plan_id}-{year}"


def _moved_timeframe(text: object, year: int) -> str:
    """A time frame of last year in next year's words ("Quý II năm 2022" -> "… năm 2023")."""
    return re.sub(rf"(?<!\d){year - 1}(?!\d)", str(year), str(text))


def next_year_tables(tables: dict[str, pd.DataFrame], year: int) -> dict[str, pd.DataFrame]:
    """The records of ``year`` (the new one) carried from ``year - 1``'s processed tables."""
    before = year - 1
    out: dict[str, pd.DataFrame] = {"units": tables["units"].copy()}
    plans = tables.get("plans")
    mine = plans[plans.year == before] if plans is not None and len(plans) else None
    new_ids: dict[str, str] = {}
    if mine is not None and len(mine):
        new_ids = {str(p): next_plan_id(str(p), year) for p in mine.plan_id}
        out["plans"] = pd.DataFrame({
            "plan_id": [new_ids[str(p)] for p in mine.plan_id],
            "unit_code": mine.unit_code.to_numpy(), "number": None, "date": pd.NaT,
            "issuer": mine.issuer.to_numpy() if "issuer" in mine else None,
            "title": None, "year": year, "signing": None, "signer_title": None,
            "signer_name": None})
    out["plan_tasks"] = _carried_tasks(tables, new_ids, year)
    targets = tables.get("targets")
    if targets is not None and len(targets):
        now = targets[targets.year.isna() | (targets.year == before)].copy()
        now["year"] = year
        now["source"] = [lang.TARGET_CARRIED_VI.format(year=before, source=s)
                         if isinstance(s, str) and s.strip()
                         else lang.TARGET_CARRIED_BARE_VI.format(year=before)
                         for s in now.get("source", pd.Series([None] * len(now)))]
        out["targets"] = now.reset_index(drop=True)
    official = tables.get("official_results")
    if official is not None and len(official):
        out["official_results"] = official[official.year == before].reset_index(drop=True)
    return {name: _contract_only(name, frame) for name, frame in out.items()}


def _contract_only(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table's own columns (the data contract's), without where last year's row was read."""
    from cchc_lib.core.schema import TABLES

    return frame[[c for c in TABLES[name].names if c in frame]].reset_index(drop=True)


def _carried_tasks(tables: dict[str, pd.DataFrame], new_ids: dict[str, str],
                   year: int) -> pd.DataFrame:
    """The tasks of last year's plans not done on 31 December, under next year's plan."""
    tasks = tables.get("plan_tasks")
    if tasks is None or not len(tasks) or not new_ids:
        return pd.DataFrame(columns=list(tasks.columns) if tasks is not None else [])
    ours = tasks[tasks.plan_id.astype(str).isin(new_ids)] if "plan_id" in tasks and \
        tasks.plan_id.notna().any() else tasks
    status = task_status(ours, tables.get("plan_progress"), date(year - 1, 12, 31), year - 1,
                         {}, {})
    open_ids = set(status.task_id[status.status != "done"])
    carried = ours[ours.task_id.isin(open_ids)].copy()
    carried["task"] = [lang.TASK_CARRIED_VI.format(year=year - 1, task=t) for t in carried.task]
    carried["timeframe"] = [_moved_timeframe(t, year) for t in carried.timeframe]
    if "plan_id" in carried:
        carried["plan_id"] = [new_ids.get(str(p), next(iter(new_ids.values())))
                              for p in carried.plan_id]
    return carried.reset_index(drop=True)


__all__ = ["CARRIED", "next_plan_id", "next_year_tables"]
