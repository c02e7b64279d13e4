"""The figures people read, from the engine's counts: every indicator of a unit or a set of
units (the registry's divisions of the parts), every unit × month, a national set one unit
group at a time. The counts themselves are defined once, in :mod:`.engine`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from cchc_lib.core.errors import NoDataError
from cchc_lib.core.lang import indicators as lang
from cchc_lib.core.periods import Period
from cchc_lib.indicators.engine import (
    PART_NAMES,
    UNITS,
    Source,
    bind,
    connect,
    field_rows,
    parts,
    parts_by_period,
)
from cchc_lib.indicators.unknown import Lacking
from cchc_lib.ingest.store import DATES_TABLE
from cchc_lib.ingest.store import reading_parquet as reading


def month_periods(first: str, last: str) -> list[Period]:
    """The months ``first``..``last`` (YYYY-MM), each a period of its own."""
    from cchc_lib.core.periods import parse_period

    months = pd.period_range(first, last, freq="M")
    return [parse_period(str(m)) for m in months]


# the first and last day the data speaks for (base.data_span): the earliest receipt, the latest
# date on any dossier; the same text for DuckDB and Spark
SPAN_SQL = ("SELECT CAST(min(received_at) AS DATE), "
            "CAST(max(greatest(received_at, finished_at, returned_at)) AS DATE) FROM {table}")


def data_span_of(dossiers: Source) -> tuple:
    """(first, last) day a processed dossiers table speaks for (:data:`SPAN_SQL`), read by
    DuckDB; a damaged table is one message saying to run ingest again."""
    con = connect()
    bind(con, "dossiers", dossiers)
    with reading(dossiers):
        return tuple(con.execute(SPAN_SQL.format(table="dossiers")).fetchall()[0])


def months_in_data(first: str, last: str, span: tuple | None
                   ) -> tuple[list[Period], date | None, str]:
    """The months ``first``..``last`` (YYYY-MM) the data speaks for, as ``cchc indicators``
    judges a period (base.require_data, base.clip_to_data): a range wholly before the first
    day or after the last day of data (``span``, :data:`SPAN_SQL`) is refused; months after
    the last day are left out, and the month it falls in ends on it (its label kept: a row
    per month). Also the last day of data and the note that says what was cut ("" when
    nothing was): a month after the data would show every dossier still open as overdue."""
    months = month_periods(first, last)
    lo, hi = span if span is not None else (None, None)
    if lo is None or hi is None:
        raise NoDataError(lang.NO_DOSSIERS_VI.format(who=""))
    lo, hi = pd.Timestamp(lo).date(), pd.Timestamp(hi).date()
    if months[0].start > hi or months[-1].end < lo:
        raise NoDataError(lang.NO_DATA_FOR_MONTHS_VI.format(first=first, last=last, lo=lo,
                                                            hi=hi))
    kept, note = cut_to_data(months, hi)
    return kept, hi, note


def cut_to_data(months: list[Period], last: date) -> tuple[list[Period], str]:
    """``months`` (in order) without those after ``last``, the last day of data, the one it
    falls in ended on it (its label kept); and the note that says so ("" when nothing was
    cut): "số liệu đến ngày 20/11/2022: tháng 2022-11 tính đến ngày đó; các tháng sau không
    tính"."""
    kept = [m if m.end <= last else Period(m.start, last, m.label)
            for m in months if m.start <= last]
    said = []
    if kept and kept[-1].end < months[len(kept) - 1].end:
        said.append(lang.MONTH_CUT_VI.format(label=kept[-1].label))
    if len(kept) < len(months):
        said.append(lang.LATER_MONTHS_LEFT_OUT_VI)
    return kept, (lang.DATA_THROUGH_NOTE_VI.format(last=last, said="; ".join(said))
                  if said else "")


def said_to_data(table: pd.DataFrame, through: date | None, note: str) -> pd.DataFrame:
    """``table`` with what it covers in its ``attrs``: ``data_through`` (the last day of
    data) and ``note`` (what was left out or cut, in Vietnamese; "" when nothing)."""
    table.attrs.update(data_through=through, note=note)
    return table


UNIT_GROUP = "unit_group"  # a partition column: units split into groups, one group at a time


def unit_groups(source: Source) -> list[str]:
    """The ``unit_group=…`` partitions of a Parquet folder (none for anything else): a
    national set is computed one group of units at a time, so memory follows a group's size,
    not the nation's."""
    if isinstance(source, pd.DataFrame) or not Path(source).is_dir():
        return []
    return sorted({d.name.split("=", 1)[1] for d in Path(source).rglob(f"{UNIT_GROUP}=*")
                   if d.is_dir()})


def monthly(tables: dict[str, Source], first: str | None = None, last: str | None = None,
            units: Sequence[str] | None = None,
            progress: Callable[[int, int], None] = lambda done, total: None) -> pd.DataFrame:
    """Every indicator for every unit × month (``first``..``last`` as YYYY-MM; default: the
    months the data covers; every unit in the dossiers unless ``units``): a row per unit and
    month with the Biểu 06 counts and, for every share, ``<id>_num``, ``<id>_den`` and
    ``<id>`` (None when the denominator is 0). Only the months the data speaks for, the last
    one ended on the last day of data (:func:`months_in_data`: what was cut is said in
    ``attrs["note"]``). One query; for Parquet partitioned by ``unit_group``, one query per
    group (``progress(done, total)`` after each)."""
    con = connect()
    bind(con, "dossiers", tables["dossiers"])
    dates = "dossiers"
    if DATES_TABLE in tables:  # a unit's own rows read: the span is every unit's
        bind(con, DATES_TABLE, tables[DATES_TABLE])
        dates = DATES_TABLE
    with reading(tables["dossiers"]):
        span = con.execute(SPAN_SQL.format(table=dates)).fetchall()[0]
    if first is None or last is None:
        if span[0] is None:
            return said_to_data(pd.DataFrame(columns=["unit_code", "period"]), None, "")
        first, last = first or f"{span[0]:%Y-%m}", last or f"{span[1]:%Y-%m}"
    periods, through, note = months_in_data(first, last, span)
    groups = unit_groups(tables["dossiers"])
    if not groups:
        return said_to_data(monthly_rows(parts_by_period(tables, units or _units(con), periods,
                                                          connection=con), periods),
                            through, note)
    out = []
    wanted = None if units is None else set(units)
    for done, group in enumerate(groups, start=1):
        part = {**tables, "dossiers": str(Path(tables["dossiers"]) / "**" /
                                          f"{UNIT_GROUP}={group}" / "*.parquet")}
        con = connect()
        bind(con, "dossiers", part["dossiers"])
        mine = [u for u in _units(con) if wanted is None or u in wanted]
        if mine:
            out.append(monthly_rows(parts_by_period(part, mine, periods, connection=con),
                                     periods))
        progress(done, len(groups))
    return said_to_data(pd.concat(out, ignore_index=True).sort_values(
        ["unit_code", "period"], kind="stable").reset_index(drop=True), through, note)


def _units(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [u for (u,) in con.execute(UNITS).fetchall()]


def monthly_rows(p: pd.DataFrame, periods: Sequence[Period]) -> pd.DataFrame:
    from cchc_lib.core import indicator_registry as registry

    out = pd.DataFrame({"unit_code": p.unit_code.astype(str),
                        "period": [periods[i].label for i in p.pid]})
    for column in registry.BIEU06_COLUMNS:
        out[column] = p[column].to_numpy()
    for ind in shares():
        num, den = registry.parts_of(ind)
        out[f"{ind}_num"], out[f"{ind}_den"] = p[num].to_numpy(), p[den].to_numpy()
        out[ind] = (p[num] / p[den].where(p[den] > 0)).astype(object).where(p[den] > 0, None)
    return out.sort_values(["unit_code", "period"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Indicators: the registry's divisions of the parts
# --------------------------------------------------------------------------------------

def shares() -> tuple[str, ...]:
    """Every share the registry divides, the 766 estimates last (the monthly table's
    column order)."""
    from cchc_lib.core import indicator_registry as registry

    found = [i for i in registry.INDICATORS if i.kind == "share" and i.numerator]
    return (*(i.id for i in found if i.family != "766"),
            *(i.id for i in found if i.family == "766"))


def counted_from(indicator: str) -> tuple[str, ...]:
    """The parts an indicator is counted from: a share's two (its registry record's), a count's
    own (Biểu 06 counts are parts of the engine under their ids)."""
    from cchc_lib.core import indicator_registry as registry

    found = registry.BY_ID.get(indicator)
    return registry.parts_of(indicator) if found is None or found.kind == "share" else (indicator,)


# what a row without data loses: every figure, and the verdict judged on them
_FIGURES = ("numerator", "denominator", "value", "met", "ytd_numerator", "ytd_denominator",
            "ytd_value")


def unknown_rows(rows: pd.DataFrame, lacking: Lacking) -> pd.DataFrame:
    """Result rows with every figure and verdict None where the indicator's parts need a
    column an export lacks, and ``missing_columns`` and ``no_data`` (the note) saying it:
    "không có số liệu", never 0. Rows that could be counted are left as they are."""
    if not lacking or rows.empty:
        return rows
    out = rows.copy()
    said = {i: (", ".join(lacking.columns(counted_from(i))), lacking.note_vi(counted_from(i)))
            for i in out.indicator.unique()}
    unknown = out.indicator.map(lambda i: said[i][1] is not None).to_numpy(dtype=bool)
    if not unknown.any():
        return out
    for column in _FIGURES:
        if column in out:
            out[column] = out[column].astype(object).where(~unknown, None)
    out.loc[unknown, "missing_columns"] = out.indicator[unknown].map(lambda i: said[i][0])
    out.loc[unknown, "no_data"] = out.indicator[unknown].map(lambda i: said[i][1])
    return out


def indicator_rows(p: pd.DataFrame, label: str, period: Period, targets, by_field: bool,
                   pooled: bool, every_plan: bool = False) -> pd.DataFrame:
    """Result rows (RESULT_COLUMNS) from the parts of one unit, or of several summed
    (``pooled``: general targets), in the order the reports and the CLI print them: the plan's
    three (then per field), Biểu 06 per field then total, the 766 estimates (then per field),
    the duty of apology per field with late dossiers, then the unit's."""
    from cchc_lib.core import indicator_registry as registry
    from cchc_lib.indicators.base import RESULT_COLUMNS, row, target_for

    unit = "" if pooled else label
    whole = p[p.field.isna()].iloc[0] if (p.field.isna()).any() else pd.Series(0, PART_NAMES)
    fields = field_rows(p)
    # the plan's records the targets name; ``every_plan``: all of them (the index scores a
    # criterion on its indicator whether or not a plan sets a target for it)
    plan = registry.plan_ids() if every_plan else registry.plan_ids(targets)
    target = {i: target_for(targets, i, unit, period.year) for i in plan}
    rows: list[dict] = []

    def share(ind: str, r, field=None, fixed=None):
        num, den = registry.parts_of(ind)
        rows.append(row(ind, label, period, int(r[num]), int(r[den]),
                        target.get(ind, fixed), field=field))

    plan_fields = fields[fields.offered > 0]  # fields with procedures the unit offers
    for ind in plan:
        share(ind, whole)
    if by_field:
        for _, r in plan_fields.iterrows():
            for ind in plan:
                share(ind, r, r.field)
    bieu06_total = fields[list(registry.BIEU06_COLUMNS) + ["resolved_in_time"]].sum()
    for field, r in [*((r.field, r) for _, r in fields.iterrows()), (None, bieu06_total)]:
        for col in registry.BIEU06_COLUMNS:
            rows.append(row(col, label, period, None, None, field=field, value=int(r[col])))
        share("on_time_rate", r, field)
    estimates = [i.id for i in registry.family("766")]
    for ind in estimates:
        share(ind, whole)
    if by_field:
        for _, r in fields.iterrows():
            for ind in estimates:
                share(ind, r, r.field)
    apology = registry.get("apology_coverage")
    for _, r in fields[fields.late > 0].iterrows():
        share("apology_coverage", r, r.field, apology.fixed_target)
    share("apology_coverage", whole, None, apology.fixed_target)
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


def indicators(tables: dict[str, pd.DataFrame], units: Sequence[str], period: Period,
               label: str, by_field: bool = False) -> pd.DataFrame:
    """Every indicator of one unit, or of several pooled (parts added, shares taken again,
    general targets), for a period already cut to the data: one query for all units. What an
    export of a unit lacks leaves the indicators that need it without data
    (:func:`unknown_rows`)."""
    p = parts(tables, units, period, by_field=True)
    pooled = len(units) > 1
    if pooled:  # the units' parts added, per field and for the set
        names = list(PART_NAMES)
        whole = p[p.field.isna()][names].sum().to_frame().T.assign(field=None)
        fields = p[p.field.notna()].groupby("field", sort=False)[names].sum().reset_index()
        p = pd.concat([fields, whole], ignore_index=True)
    return unknown_rows(indicator_rows(p, label, period, tables.get("targets"), by_field,
                                       pooled), Lacking.of(tables, units))


def per_unit(tables: dict[str, pd.DataFrame], units: Sequence[str], period: Period,
             every_plan: bool = False) -> dict[str, pd.DataFrame]:
    """Every indicator of each unit (its own rows, its own targets), from one query for all
    of them: what the town overview ranks (``every_plan``: every plan record, targeted or
    not, as the index scores them)."""
    p = parts(tables, units, period, by_field=True)
    mine = dict(iter(p.groupby("unit_code", sort=False)))
    empty = p.iloc[:0]
    return {u: unknown_rows(indicator_rows(mine.get(u, empty), u, period,
                                           tables.get("targets"), False, False, every_plan),
                            Lacking.of(tables, [u])) for u in units}


__all__ = ["SPAN_SQL", "UNIT_GROUP", "counted_from", "data_span_of",
           "indicator_rows",
           "indicators", "unknown_rows",
           "cut_to_data", "month_periods", "monthly", "months_in_data", "per_unit",
           "said_to_data", "shares", "unit_groups"]
