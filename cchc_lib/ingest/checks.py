"""Rules across columns and rows: dossier date order and status, plausible dates, reference
tables (duplicates, unknown units, criteria and tasks), duplicate dossiers, derived due dates.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from cchc_lib.core import schema, vi
from cchc_lib.core.calendar import WorkCalendar, add_working_days
from cchc_lib.core.paths import is_safe_part
from cchc_lib.core.schema import Table
from cchc_lib.core.text import shown_values
from cchc_lib.ingest.columns import Reasons
from cchc_lib.ingest.rules import DOSSIER_RULES


def check_dossier_rules(df: pd.DataFrame, reasons: Reasons) -> None:
    """Dates out of order and statuses that contradict the dates (data_contract.md), from
    the one rule table (:mod:`cchc_lib.ingest.rules`) pandera also checks."""
    for rule in DOSSIER_RULES:
        reasons.add(rule.broken(df), rule.reason, rule.column)


# Dates a one-stop export can hold: the national portal and the provinces' one-stop systems
# date from 2015 at the earliest; nothing happened after the export was made (the run day
# unless the data catalog gives ``exported_on``); a due date lies at most a year after it.
EARLIEST_DATE = pd.Timestamp("2015-01-01")
DUE_AHEAD = pd.Timedelta(days=366)
DATE_COLUMNS = ("submitted_at", "received_at", "due_at", "finished_at", "returned_at")


def check_plausible_dates(df: pd.DataFrame, reasons: Reasons, latest: pd.Series) -> None:
    """Dates outside what an export can hold (a year 0022 or 1900, a receipt next year) are
    set aside as implausible: never counted as carried over or overdue.

    ``latest``: per row, the last moment the row's export can speak of (end of its day).
    """
    for column in DATE_COLUMNS:
        limit = latest + DUE_AHEAD if column == "due_at" else latest
        values = df[column]
        bad = values.notna() & ((values < EARLIEST_DATE) | (values > limit))
        shown = pd.Series("", index=df.index, dtype=object)
        if bad.any():  # written out for the few rows set aside, not for every row
            shown[bad] = values[bad].dt.strftime("%d/%m/%Y").astype(object)
        reasons.add(bad, "implausible_date", column, shown)


# the column a duplicate of a hand-kept table is reported under: what names the row
NAMED_BY = {"targets": "indicator", "plans": "plan_id", "plan_tasks": "task_id",
            "self_assessment": "criterion_id", "official_results": "criterion_id"}
# the hand-kept tables whose unit must be one of the units file's (a blank one is general)
UNIT_CHECKED = (schema.TARGETS, schema.PLANS, schema.SELF_ASSESSMENT, schema.OFFICIAL_RESULTS)


def _keyed_duplicates(table: Table, frame: pd.DataFrame, reasons: Reasons, key: list[str],
                      ok: pd.Series, column: str, shown: pd.Series | None = None) -> None:
    """Rows that share a key: given twice alike, the later one is a duplicate; given with
    different content, every one of them is set aside (which is right is the office's
    call). Rows already set aside take no part."""
    attrs = [c for c in table.names if c not in key]
    rows = frame[ok]
    distinct = rows.drop_duplicates(key + attrs)
    conflicting = distinct[distinct.duplicated(key, keep=False)]
    clash = rows.set_index(key).index.isin(conflicting.set_index(key).index)
    reasons.add(pd.Series(clash, index=rows.index).reindex(frame.index, fill_value=False),
                "conflicting_duplicate", column,
                shown if shown is not None else shown_values(frame[column].astype("string"),
                                                             "code"))
    same = rows.duplicated(key + attrs) & ~pd.Series(clash, index=rows.index)
    reasons.add(same.reindex(frame.index, fill_value=False), "duplicate", column)


def check_reference_rows(table: Table, frame: pd.DataFrame, reasons: Reasons,
                         tables: dict[str, pd.DataFrame], methodology,
                         today: date | None = None) -> None:
    """Reference files are held to the rules exports are: a row that would be dropped
    without a trace or crash a report later is quarantined here, with its file and line.

    - catalogue: a procedure code listed twice with different attributes (both rows: which
      one is right is the office's call); listed twice the same (the later row);
    - units: a unit code listed twice (the later row);
    - hand-kept tables with a key (``Table.key``): a row given twice; targets, plans and
      scores: a unit the units file lacks, a year before 2015 or after next year;
    - self-assessment: a criterion the methodology lacks, one it does not leave to the office
      (scored from the dossiers, or a group), points above its maximum;
    - progress log: a task the plan lacks, an update dated outside its plan's year;
    - plan tasks: a time frame that cannot be read as dates.
    """
    ok = ~reasons.rejected
    if "year" in frame and table in UNIT_CHECKED:  # a year typed wrong: 2202, 202
        latest = (today or date.today()).year + 1  # next year's plan may be written now
        wrong = frame.year.notna() & ((frame.year < EARLIEST_DATE.year)
                                      | (frame.year > latest)).fillna(False).astype(bool)
        reasons.add(wrong, "implausible_year", "year",
                    shown_values(frame.year.astype("string"), "code").where(wrong, ""))
    if "unit_code" in frame and table in UNIT_CHECKED and "units" in tables:
        known = frame.unit_code.isin(tables["units"].unit_code) | frame.unit_code.isna()
        reasons.add(~known, "unknown_unit", "unit_code",
                    shown_values(frame.unit_code, "code").where(~known, ""))
    if table is schema.CATALOGUE:
        _keyed_duplicates(table, frame, reasons, ["procedure_code", "unit_code"], ok,
                          "procedure_code", frame.procedure_code)
    elif table is schema.UNITS:
        # a unit code names the unit's report folder: it must be a plain name
        unsafe = frame.unit_code.notna() & ~frame.unit_code.map(is_safe_part,
                                                                 na_action="ignore").fillna(True)
        reasons.add(unsafe.astype(bool), "bad_code", "unit_code",
                    shown_values(frame.unit_code, "code"))
        reasons.add(frame.unit_code.duplicated() & ok, "duplicate", "unit_code",
                    frame.unit_code)
    elif table is schema.SELF_ASSESSMENT and methodology is not None:
        unknown = frame.criterion_id.notna() & ~frame.criterion_id.isin(
            list(methodology.criteria))
        reasons.add(unknown, "unknown_criterion", "criterion_id",
                    shown_values(frame.criterion_id, "code"))
        # a criterion scored from the dossiers, or a group of criteria: not the office's
        manual = [c.id for c in methodology.criteria.values() if c.is_leaf and c.manual]
        computed = frame.criterion_id.notna() & ~unknown & ~frame.criterion_id.isin(manual)
        reasons.add(computed, "not_self_assessed", "criterion_id",
                    shown_values(frame.criterion_id, "code"))
        maximum = frame.criterion_id.map(
            {c.id: c.max_points for c in methodology.criteria.values()}).astype("Float64")
        above = (frame.points > maximum + 1e-9).fillna(False).astype(bool)
        reasons.add(above, "above_maximum", "points",
                    shown_values(frame.points.astype("string"), "amount"))
    elif table is schema.PLAN_PROGRESS and "plan_tasks" in tables:
        tasks = tables["plan_tasks"]
        unknown = frame.task_id.notna() & ~frame.task_id.isin(tasks.task_id)
        reasons.add(unknown, "unknown_task", "task_id", shown_values(frame.task_id, "code"))
        # an update dated outside its plan's year (the task's plan in the plans file)
        plans = tables.get("plans")
        if plans is not None and len(plans) and "plan_id" in tasks and frame.date.notna().any():
            plan_year = dict(zip(plans.plan_id, plans.year, strict=True))
            task_year = {t: plan_year.get(p) for t, p in zip(tasks.task_id, tasks.plan_id,
                                                             strict=True) if p in plan_year}
            year = frame.task_id.map(task_year).astype("Float64")
            outside = (frame.date.dt.year.astype("Float64") != year).fillna(False).astype(bool)
            shown = pd.Series("", index=frame.index, dtype=object)
            if outside.any():
                shown[outside] = frame.date[outside].dt.strftime("%d/%m/%Y").astype(object)
            reasons.add(outside, "outside_plan_year", "date", shown)
    elif table is schema.PLAN_TASKS:
        from cchc_lib.core.errors import TimeframeError
        from cchc_lib.core.timeframes import parse_timeframe

        def unreadable(text: str) -> bool:
            try:
                parse_timeframe(text, 2000)
            except TimeframeError:
                return True
            return False
        bad = frame.timeframe.map(unreadable, na_action="ignore").fillna(False).astype(bool)
        reasons.add(bad, "bad_timeframe", "timeframe",
                    shown_values(frame.timeframe, "code"))
    if table.key:  # a hand-kept row given twice, among the rows kept so far
        _keyed_duplicates(table, frame, reasons, list(table.key), ~reasons.rejected,
                          NAMED_BY[table.name])


# what deciding the duplicates reads of a dossier
DUPLICATE_KEYS = ["unit_code", "dossier_id", "status", "received_at", "finished_at",
                  "returned_at"]


def mark_duplicates(df: pd.DataFrame, among: pd.Series | None = None) -> pd.Series:
    """Rows to quarantine as ``duplicate``: all but the most advanced row of each dossier,
    among the rows ``among`` marks (default: all; the others are never duplicates, nor do
    they make one).

    Most advanced = furthest status, then latest date seen on the row, then the later row.
    """
    out = pd.Series(False, index=df.index)
    # one integer per (unit, dossier id): pandas would hash the text of both columns again
    units, _ = pd.factorize(df.unit_code)
    ids, _ = pd.factorize(df.dossier_id)
    key = (units.astype("int64") + 1) * (int(ids.max(initial=0)) + 2) + ids + 1
    if among is not None:  # a row left out gets a key of its own (negative, never repeated)
        key = np.where(among.to_numpy(dtype=bool), key, -1 - np.arange(len(key)))
    repeated = pd.Series(key).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return out
    df = df.loc[repeated, DUPLICATE_KEYS]  # only the dossiers seen more than once are ordered
    progress = df.status.map(schema.STATUS_PROGRESS).astype(float).fillna(-1)
    latest = df[["received_at", "finished_at", "returned_at"]].max(axis=1)
    order = pd.DataFrame({"unit": df.unit_code, "id": df.dossier_id, "p": progress, "t": latest,
                          "pos": np.arange(len(df))}, index=df.index)
    order = order.sort_values(["unit", "id", "p", "t", "pos"], kind="stable")
    out[df.index] = order.duplicated(["unit", "id"], keep="last").reindex(df.index)
    return out


def complete_dossiers(df: pd.DataFrame, catalogue: pd.DataFrame,
                      calendar: WorkCalendar) -> pd.DataFrame:
    """Flag unknown procedures, take field/name from the catalogue, derive missing due dates."""
    cat = catalogue.drop_duplicates("procedure_code").set_index("procedure_code")
    # each distinct code looked up once, the answers spread over the rows
    codes, distinct = pd.factorize(df.procedure_code)
    found = cat.reindex(distinct)

    def per_row(column: str) -> pd.Series:
        return pd.Series(found[column].array.take(codes, allow_fill=True), index=df.index)

    known = pd.Series(distinct.isin(cat.index)[codes] & (codes >= 0), index=df.index)
    df = df.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    df["unknown_procedure"] = ~known
    df["field_name"] = (per_row("field_name").astype("string")
                        .fillna(df.field_name).fillna(vi.UNKNOWN_FIELD_VI))
    df["procedure_name"] = per_row("procedure_name").astype("string").fillna(df.procedure_name)
    missing_due = df.due_at.isna() & known
    derived = add_working_days(df.received_at[missing_due],
                               per_row("processing_days")[missing_due], calendar)
    df.loc[missing_due, "due_at"] = derived
    df["due_derived"] = missing_due & df.due_at.notna()
    return df


__all__ = [
    "check_dossier_rules", "check_plausible_dates", "check_reference_rows", "complete_dossiers",
    "DATE_COLUMNS", "DUE_AHEAD", "DUPLICATE_KEYS", "EARLIEST_DATE", "mark_duplicates", "NAMED_BY",
    "UNIT_CHECKED",
]
