"""Every count the indicators divide, defined once as SQL and run by DuckDB (embedded).

One query counts, for a set of units and one period, every *part* the indicator registry names
(``received_online``, ``on_time``, ``online_offered``, …) per unit and field and per unit
(field NULL), in one pass over the dossiers and the catalogue: all units cost about what one
does. The indicators are the registry's divisions of these parts (:mod:`.figures`).

Inputs are the processed tables as DuckDB relations: ``dossiers``, ``catalogue``, the units
asked for (``wanted``) and the working days (``workdays``: ``day``, ordinal ``n``), so the
Vietnamese calendar is a table the query joins. Period bounds are parameters.

Rules (indicators.md): accepted = all but registered/not_accepted; ended = resolved, returned,
withdrawn or stopped, its end ``finished_at`` else ``returned_at``; dates compare by day; a
dossier with no field counts in its unit's rows, not in a field's (Biểu 06 totals add up its
fields, as the form does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TypeAlias

import duckdb
import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.core.periods import Period
from cchc_lib.ingest.store import damaged_table, missing_columns_vi
from cchc_lib.ingest.store import reading_parquet as reading


def _in(values) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


NOT_ACCEPTED = _in(schema.NOT_ACCEPTED_STATUSES)
ENDED = _in(schema.ENDED_STATUSES)
RESOLVED = _in(schema.RESOLVED_STATUSES)
ONLINE_LEVELS = _in(schema.ONLINE_LEVELS)

# the effective end: the end day less the supplement wait, in working days. DuckDB finds the
# end day's working-day number by an ASOF join (about 10 % faster at 10 M dossiers than the
# equi-join, see docs/performance.md); SQL engines without ASOF (Spark) take EFFECTIVE_END_EQUI,
# two equi-joins on the calendar tables (:func:`workdays`): the same day, tested equal
EFFECTIVE_END = """ee AS (
  SELECT e.*,
    CASE WHEN e.wait > 0 AND e.end_day IS NOT NULL
         THEN (SELECT w2.day FROM workdays w2 WHERE w2.n = wd.n - e.wait)
         ELSE e.end_day END AS effective_end
  FROM e ASOF LEFT JOIN workdays wd ON e.end_day >= wd.day"""
EFFECTIVE_END_EQUI = """ee AS (
  SELECT e.*,
    CASE WHEN e.wait > 0 AND e.end_day IS NOT NULL THEN w2.day
         ELSE e.end_day END AS effective_end
  FROM e LEFT JOIN daynum dn ON dn.day = e.end_day
         LEFT JOIN workdays w2 ON w2.n = dn.n - e.wait"""

# per accepted dossier: its dates, its effective end and the span it is alive in
DOSSIERS = f"""
d AS (
  SELECT x.dossier_id, x.unit_code, x.procedure_code, x.field_name, x.receive_channel,
    x.return_channel, x.received_at, x.returned_at, x.due_at,
    x.status IN {RESOLVED} AS res_status,
    CASE WHEN x.status IN {ENDED} THEN coalesce(x.finished_at, x.returned_at) END AS end_ts,
    CAST(x.due_at AS DATE) AS due_day,
    coalesce(x.digitized, false) AS digitized, coalesce(x.e_result, false) AS e_result,
    coalesce(x.paid_online, false) AS paid_online,
    coalesce(x.apology_issued, false) AS apology,
    coalesce(x.supplement_requests, 0) > 1 AS many_supplements,
    greatest(round_even(coalesce(x.supplement_days, 0), 0), 0)::BIGINT AS wait
  FROM dossiers x SEMI JOIN wanted w ON x.unit_code = w.unit_code
  WHERE x.status NOT IN {NOT_ACCEPTED}
), e AS (
  SELECT d.*, CAST(end_ts AS DATE) AS end_day,
    least(received_at, end_ts, returned_at) AS alive_from,
    CASE WHEN end_ts IS NULL THEN TIMESTAMP '9999-12-31 00:00:00'
         ELSE greatest(received_at, end_ts, returned_at) END AS alive_to
  FROM d
), {EFFECTIVE_END}
)"""

# per dossier and period it is alive in: which parts it counts in (a dossier outside a
# period's span counts in none of them, so the range join loses nothing)
DOSSIER_FLAGS = f"""
{DOSSIERS}, g AS (
  SELECT ee.*, p.pid, p.last_day,
    coalesce(received_at >= p.start_ts AND received_at < p.stop_ts, false) AS received,
    coalesce(end_ts >= p.start_ts AND end_ts < p.stop_ts, false) AS ended,
    res_status AND coalesce(end_ts >= p.start_ts AND end_ts < p.stop_ts, false) AS resolved,
    coalesce(received_at < p.stop_ts, false) AND NOT coalesce(end_ts < p.stop_ts, false)
      AS pending,
    coalesce(received_at < p.start_ts, false) AND NOT coalesce(end_ts < p.start_ts, false)
      AS carried,
    coalesce(returned_at >= p.start_ts AND returned_at < p.stop_ts, false) AS returned
  FROM ee JOIN periods p ON ee.alive_from < p.stop_ts AND ee.alive_to >= p.start_ts
)"""

# the catalogue each unit offers on last_day: a unit's own row overrides the row every unit offers
OFFERED = f"""
offered AS (
  SELECT p.pid, w.unit_code, c.procedure_code, c.procedure_name, c.field_name, c.level,
    c.level IN {ONLINE_LEVELS} AS online_level,
    coalesce(c.postal_enabled, false) AS postal_enabled,
    coalesce(c.has_fee, false) AS has_fee
  FROM wanted w CROSS JOIN periods p
    JOIN catalogue c ON c.unit_code IS NULL OR c.unit_code = w.unit_code
  WHERE (c.valid_from IS NULL OR c.valid_from <= p.last_ts)
    AND (c.valid_to IS NULL OR c.valid_to >= p.last_ts)
  QUALIFY row_number() OVER (PARTITION BY p.pid, w.unit_code, c.procedure_code
                             ORDER BY c.unit_code IS NOT NULL DESC) = 1
)"""

# per period, unit, procedure and dossier field: every dossier count, from one scan of the
# period-joined dossiers (the parts add these up; the fee parts need the offered catalogue)
# owes an apology slip: resolved late in the period, or pending overdue at its end
LATE = "(resolved AND end_day > due_day) OR (pending AND due_day < last_day)"
DOSSIER_PARTS = f"""
  count(*) FILTER (WHERE received AND receive_channel = 'online') AS received_online,
  count(*) FILTER (WHERE received AND receive_channel IN ('direct', 'postal'))
    AS received_direct_postal,
  count(*) FILTER (WHERE carried) AS carried_over,
  count(*) FILTER (WHERE (received AND receive_channel IN ('online', 'direct', 'postal'))
                   OR carried) AS received_total,
  count(*) FILTER (WHERE resolved AND end_day < due_day) AS resolved_early,
  count(*) FILTER (WHERE resolved AND (end_day = due_day OR due_day IS NULL))
    AS resolved_on_time,
  count(*) FILTER (WHERE resolved AND end_day > due_day) AS resolved_late,
  count(*) FILTER (WHERE resolved) AS resolved_total,
  count(*) FILTER (WHERE pending AND (due_day >= last_day OR due_day IS NULL)) AS pending_in_time,
  count(*) FILTER (WHERE pending AND due_day < last_day) AS pending_overdue,
  count(*) FILTER (WHERE pending) AS pending_total,
  count(*) FILTER (WHERE resolved AND (end_day < due_day OR end_day = due_day
                                       OR due_day IS NULL)) AS resolved_in_time,
  count(*) FILTER (WHERE (ended AND (effective_end <= due_day OR due_day IS NULL)
                          AND NOT many_supplements)
                      OR (pending AND (due_day >= last_day OR due_day IS NULL))) AS on_time,
  count(*) FILTER (WHERE ended OR pending) AS ended_or_pending,
  count(*) FILTER (WHERE received) AS received,
  count(*) FILTER (WHERE received AND digitized) AS received_digitized,
  count(*) FILTER (WHERE ended) AS ended,
  count(*) FILTER (WHERE ended AND e_result) AS ended_e_result,
  count(*) FILTER (WHERE {LATE}) AS late,
  count(*) FILTER (WHERE ({LATE}) AND apology) AS late_apologised"""
# per procedure only: what the plan's procedure rates and the fee parts read
PROCEDURE_COUNTS = """
  count(*) FILTER (WHERE received AND receive_channel = 'postal') AS received_postal,
  count(*) FILTER (WHERE received AND receive_channel = 'direct') AS received_direct,
  count(*) FILTER (WHERE returned AND return_channel = 'online') AS returned_online,
  count(*) FILTER (WHERE returned AND return_channel = 'postal') AS returned_postal,
  count(*) FILTER (WHERE returned AND return_channel = 'direct') AS returned_direct,
  count(*) FILTER (WHERE returned) AS returned_total,
  count(*) FILTER (WHERE received AND paid_online) AS received_paid_online"""
PROCEDURE_COUNTS_ALL = """
  count(*) FILTER (WHERE received AND receive_channel = 'online') AS received_online,
  count(*) FILTER (WHERE received) AS received,""" + PROCEDURE_COUNTS
FEE_PARTS = """
  sum(received) AS fee_received,
  sum(received_paid_online) AS fee_paid_online"""  # over the fee procedures offered

CATALOGUE_PARTS = """
  count(*) AS offered,
  count(*) FILTER (WHERE online_level) AS online_offered,
  count(*) FILTER (WHERE online_level AND received_online > 0) AS online_used,
  count(*) FILTER (WHERE postal_enabled) AS postal_offered,
  count(*) FILTER (WHERE postal_enabled AND (received_postal > 0 OR returned_postal > 0))
    AS postal_used,
  coalesce(sum(returned_postal) FILTER (WHERE postal_enabled), 0) AS returned_postal,
  coalesce(sum(returned_total) FILTER (WHERE postal_enabled), 0) AS returned_postal_procedures,
  count(*) FILTER (WHERE has_fee) AS fee_offered,
  count(*) FILTER (WHERE has_fee AND received_paid_online > 0) AS fee_offered_paid_online"""


def _names(sql: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\bAS (\w+)(?=,|\s*$)", sql))


def query(by_field: bool) -> str:
    """Per period, unit (field NULL) and, with ``by_field``, unit and field: every part."""
    sets = ("GROUPING SETS ((pid, unit_code, field_name), (pid, unit_code))" if by_field
            else "pid, unit_code")
    field = ("field_name, GROUPING(field_name) AS whole" if by_field
             else "NULL::VARCHAR AS field_name, 1 AS whole")
    counts = ("received_online", *_names(PROCEDURE_COUNTS))
    per_procedure = ", ".join(f"sum({n}) AS {n}" for n in counts)
    return f"""
WITH {DOSSIER_FLAGS}, {OFFERED},
pp AS (  -- per procedure: only the dossiers received or returned in the period count
  SELECT pid, unit_code, procedure_code, {"field_name" if by_field else "NULL AS field_name"},
    {PROCEDURE_COUNTS_ALL}
  FROM g WHERE received OR returned
  GROUP BY pid, unit_code, procedure_code{", field_name" if by_field else ""}
),
uptake AS (
  SELECT o.*, {", ".join(f"coalesce(u.{n}, 0) AS {n}" for n in counts)}
  FROM offered o LEFT JOIN (
    SELECT pid, unit_code, procedure_code, {per_procedure} FROM pp
    GROUP BY pid, unit_code, procedure_code
  ) u ON u.pid = o.pid AND u.unit_code = o.unit_code AND u.procedure_code = o.procedure_code
),
dp AS (
  SELECT pid, unit_code, {field}, {DOSSIER_PARTS}
  FROM g GROUP BY {sets}
),
fp AS (
  SELECT pid, unit_code, {field}, {FEE_PARTS}
  FROM (SELECT pp.* FROM pp SEMI JOIN offered o
        ON o.pid = pp.pid AND o.unit_code = pp.unit_code
        AND o.procedure_code = pp.procedure_code AND o.has_fee)
  GROUP BY {sets}
),
cp AS (
  SELECT pid, unit_code, {field}, {CATALOGUE_PARTS}
  FROM uptake GROUP BY {sets}
),
dfp AS (
  SELECT dp.*, {", ".join(f"fp.{n}" for n in _names(FEE_PARTS))}
  FROM dp LEFT JOIN fp ON fp.pid = dp.pid AND fp.unit_code = dp.unit_code
                       AND fp.whole = dp.whole
                       AND fp.field_name IS NOT DISTINCT FROM dp.field_name
)
SELECT coalesce(dfp.pid, cp.pid) AS pid, coalesce(dfp.unit_code, cp.unit_code) AS unit_code,
       coalesce(dfp.field_name, cp.field_name) AS field,
       coalesce(dfp.whole, cp.whole) AS whole,
       {", ".join(f"dfp.{n}" for n in _names(DOSSIER_PARTS) + _names(FEE_PARTS))},
       {", ".join(f"cp.{n}" for n in _names(CATALOGUE_PARTS))}
FROM dfp FULL JOIN cp ON dfp.pid = cp.pid AND dfp.unit_code = cp.unit_code
                      AND dfp.whole = cp.whole
                      AND dfp.field_name IS NOT DISTINCT FROM cp.field_name
"""


UPTAKE_COLUMNS = ("received_online", "returned_online", "received_postal", "returned_postal",
                  "received_direct", "returned_direct", "returned_total")


def _uptake_query() -> str:
    """Per procedure the unit offers on the period's last day: its dossiers by channel."""
    sql = query(False)
    ctes = sql[:sql.index("dp AS (")].rstrip().rstrip(",")
    counts = ", ".join(f"{c}::BIGINT AS {c}" for c in UPTAKE_COLUMNS)
    return f"""{ctes}
SELECT procedure_code, procedure_name, field_name, level, postal_enabled,
       online_level AS online_enabled, has_fee, {counts},
       (received_online + received_postal + received_direct)::BIGINT AS received_total,
       received_paid_online::BIGINT AS received_paid_online
FROM uptake ORDER BY procedure_code"""


LATE_QUERY = f"""
WITH {DOSSIER_FLAGS}
SELECT dossier_id, procedure_code, field_name, due_at,
       CASE WHEN resolved AND end_day > due_day THEN 'resolved_late'
            ELSE 'pending_overdue' END AS kind,
       apology AS apology_issued
FROM g WHERE {LATE}"""


PART_NAMES = _names(DOSSIER_PARTS) + _names(FEE_PARTS) + _names(CATALOGUE_PARTS)


# a table in memory, or Parquet files (a file, a folder, a glob)
Source: TypeAlias = pd.DataFrame | str | Path


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection, quiet (no progress bar on a terminal or in a log)."""
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error:  # in a Jupyter kernel DuckDB wants ipywidgets to touch the setting;
        pass  # without them it draws no bar there anyway
    return con


# columns a table may lack (a test's small frame, an export without them): empty when absent
OPTIONAL = {"dossiers": {"dossier_id": "string", "field_name": "string",
                         "return_channel": "string", "returned_at": "datetime64[us]",
                         "finished_at": "datetime64[us]", "due_at": "datetime64[us]",
                         "supplement_requests": "Int64", "supplement_days": "Float64",
                         "paid_online": "boolean", "digitized": "boolean",
                         "e_result": "boolean", "apology_issued": "boolean"},
            "catalogue": {"unit_code": "string", "valid_from": "datetime64[us]",
                          "valid_to": "datetime64[us]", "postal_enabled": "boolean",
                          "has_fee": "boolean", "procedure_name": "string",
                          "field_name": "string"}}


def with_optional(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the optional columns of table ``name`` it lacks, empty (as ingest leaves
    a column the file did not have)."""
    missing = {c: t for c, t in OPTIONAL.get(name, {}).items() if c not in frame}
    return frame.assign(**{c: pd.Series(pd.NA, index=frame.index, dtype=t)
                           for c, t in missing.items()}) if missing else frame


# the columns the queries read (ingest writes them all): a Parquet file without one is damaged
READ_COLUMNS = {"dossiers": ("unit_code", "procedure_code", "receive_channel", "received_at",
                             "status", *OPTIONAL["dossiers"]),
                "catalogue": ("procedure_code", "level", *OPTIONAL["catalogue"])}


def bind(con: duckdb.DuckDBPyConnection, name: str, source: Source) -> None:
    """``name`` in the query is ``source``: a DataFrame registered as it is, or a Parquet scan
    (a folder means every ``.parquet`` below it, ``year=2022/`` folders read as columns), so a
    national-size set is read by DuckDB, out of core, never loaded into pandas. Files not
    readable, or without a column the queries read, stop with one message (ingest again)."""
    if isinstance(source, pd.DataFrame):
        con.register(name, with_optional(name, source))
        return
    path = Path(source)
    literal = str(path / "**" / "*.parquet" if path.is_dir() else path).replace("'", "''")
    with reading(source):
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{literal}', "
                    "hive_partitioning = true, union_by_name = true)")
        have = {c[0] for c in con.execute(f"SELECT * FROM {name} LIMIT 0").description}
    if [c for c in READ_COLUMNS.get(name, ()) if c not in have]:
        raise damaged_table(path, missing_columns_vi(
            [c for c in READ_COLUMNS[name] if c not in have]))


def calendar_of(tables: dict) -> WorkCalendar:
    """The working-day calendar: the processed calendar table (the office's days off and
    make-up days), a WorkCalendar given as it is, or the national one."""
    calendar = tables.get("calendar")
    if isinstance(calendar, WorkCalendar):
        return calendar
    return WorkCalendar.from_table(calendar if isinstance(calendar, pd.DataFrame) else None)


# the catalogue when a computation needs none (the late-dossier list): no procedure offered
NO_CATALOGUE = pd.DataFrame({
    **{c: pd.Series(dtype="string") for c in ("procedure_code", "procedure_name", "field_name",
                                              "level", "unit_code")},
    **{c: pd.Series(dtype="boolean") for c in ("postal_enabled", "has_fee")},
    **{c: pd.Series(dtype="datetime64[us]") for c in ("valid_from", "valid_to")}})


def catalogue_parts(uptake_table: pd.DataFrame) -> dict[str, int]:
    """The catalogue parts (:data:`CATALOGUE_PARTS`) of a per-procedure table as
    :func:`uptake` gives it, or of a part of one (a field's procedures)."""
    con = connect()
    frame = uptake_table.assign(online_level=uptake_table.online_enabled)
    for column in ("has_fee", "received_paid_online"):
        if column not in frame:
            frame[column] = False if column == "has_fee" else 0
    con.register("uptake", frame)
    got = con.execute(f"SELECT {CATALOGUE_PARTS} FROM uptake").df().iloc[0]
    return {k: int(v) for k, v in got.fillna(0).items()}


# every unit the bound dossiers hold
UNITS = "SELECT DISTINCT unit_code FROM dossiers WHERE unit_code IS NOT NULL ORDER BY 1"
# what the calendar tables must cover: the first and last end date, the longest wait
SPAN = ("SELECT min(least(finished_at, returned_at)), max(greatest(finished_at, returned_at)),"
        " max(supplement_days) FROM dossiers")


def workdays(calendar: WorkCalendar, first, last, longest) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The calendar tables the effective end joins, around the dossiers' end dates ``first``
    .. ``last`` (:data:`SPAN`): ``workdays`` (``day``, ``n``: the working days, numbered) and
    ``daynum`` (every calendar day to ``last``, ``n`` the number of the last working day on or
    before it). A wait of k working days from an end day is the working day numbered k less."""
    if first is None:
        empty = pd.DataFrame({"day": pd.Series(dtype="datetime64[s]"),
                              "n": pd.Series(dtype="int64")})
        return empty, empty.copy()
    margin = timedelta(days=max(int(longest or 0), 0) * 2 + 40)
    start = np.datetime64(first.date() - margin, "D")
    stop = np.datetime64(last.date(), "D")
    days = calendar.working_days(start, stop).astype("datetime64[D]")
    every = np.arange(start, stop + 1, dtype="datetime64[D]")
    n = np.searchsorted(days, every, side="right") - 1
    known = n >= 0  # a day before the first working day has none on or before it
    return (pd.DataFrame({"day": days.astype("datetime64[s]"),
                          "n": np.arange(len(days), dtype="int64")}),
            pd.DataFrame({"day": every[known].astype("datetime64[s]"),
                          "n": n[known].astype("int64")}))


def portable(sql: str) -> str:
    """``sql`` with the effective end found by equi-joins (:data:`EFFECTIVE_END_EQUI`), for SQL
    engines without an ``ASOF`` join; every count is the same text."""
    assert EFFECTIVE_END in sql
    return sql.replace(EFFECTIVE_END, EFFECTIVE_END_EQUI)


def _periods(periods: Sequence[Period]) -> pd.DataFrame:
    return pd.DataFrame({
        "pid": np.arange(len(periods), dtype="int64"),
        "start_ts": pd.to_datetime([p.start_ts for p in periods]).astype("datetime64[us]"),
        "stop_ts": pd.to_datetime([p.end_exclusive_ts for p in periods]).astype("datetime64[us]"),
        "last_day": pd.to_datetime([p.end for p in periods]).astype("datetime64[s]"),
        "last_ts": pd.to_datetime([p.end for p in periods]).astype("datetime64[us]"),
    })


def small_tables(tables: dict, units: Sequence[str], periods: Sequence[Period],
                 span: tuple) -> dict[str, pd.DataFrame]:
    """The small relations every engine binds beside the dossiers and the catalogue: the units
    asked for (``wanted``), the calendar tables (``workdays``, ``daynum``, around ``span``, the
    result of :data:`SPAN`) and the ``periods``."""
    days, numbers = workdays(calendar_of(tables), *span)
    frame = _periods(periods)
    return {"wanted": pd.DataFrame({"unit_code": pd.Series(list(units), dtype="string")}),
            "workdays": days, "daynum": numbers,
            "periods": frame.assign(last_day=frame.last_day.dt.date)}


def _bound(tables: dict[str, Source], units: Sequence[str], periods: Sequence[Period],
           connection: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """A connection with every relation the queries read bound: the dossiers, the catalogue,
    the units asked for, the working days and the periods."""
    con = connection or connect()
    bind(con, "dossiers", tables["dossiers"])
    bind(con, "catalogue", tables["catalogue"])
    span = con.execute(SPAN).fetchall()[0]
    for name, frame in small_tables(tables, units, periods, span).items():
        con.register(name, frame)
    return con


def parts_by_period(tables: dict[str, Source], units: Sequence[str],
                    periods: Sequence[Period], by_field: bool = False,
                    connection: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Every part for each period and unit asked for (field None) and, with ``by_field``,
    each field: one row per (pid, unit_code, field), ``pid`` the period's place in
    ``periods``, a column per part (integers). One query, whatever the number of units and
    periods: a dossier is joined to the periods it is alive in only."""
    with reading(*tables.values()):
        return tidy(_bound(tables, units, periods, connection).execute(query(by_field)).df())


def tidy(out: pd.DataFrame) -> pd.DataFrame:
    """The parts query's rows as :func:`parts_by_period` gives them, whichever engine ran it:
    parts as integers (0 where a unit had nothing to count), ``field`` None on a unit's whole
    row, sorted by period and unit."""
    out[list(PART_NAMES)] = out[list(PART_NAMES)].fillna(0).astype("int64")
    out["field"] = out.field.astype(object).where(out.whole == 0, None)
    return out.drop(columns="whole").sort_values(["pid", "unit_code"], kind="stable") \
        .reset_index(drop=True)


def parts(tables: dict[str, Source], units: Sequence[str], period: Period,
          by_field: bool = False, connection: duckdb.DuckDBPyConnection | None = None
          ) -> pd.DataFrame:
    """Every part for one period: :func:`parts_by_period` with one period."""
    return parts_by_period(tables, units, [period], by_field, connection).drop(columns="pid")


def field_rows(p: pd.DataFrame) -> pd.DataFrame:
    """The per-field rows of a parts table, in the order reports list fields (by name,
    diacritics and case aside)."""
    from cchc_lib.core.text import match_key

    fields = p[p.field.notna()]
    return fields.iloc[sorted(range(len(fields)), key=lambda i: match_key(fields.field.iloc[i]))]



def uptake(tables: dict[str, Source], unit: str, period: Period) -> pd.DataFrame:
    """Per procedure the unit offers on the period's last day (index ``procedure_code``):
    name, field, level, postal/online enabled, fee, its dossiers received and returned in the
    period by channel: what the plan's procedure rates, their gaps and candidates read."""
    with reading(*tables.values()):
        out = _bound(tables, [unit], [period]).execute(_uptake_query()).df()
    for c in ("postal_enabled", "online_enabled", "has_fee"):
        out[c] = out[c].astype(bool)
    for c in ("procedure_code", "procedure_name", "field_name", "level"):
        out[c] = out[c].astype("string")
    return out.set_index("procedure_code")


def late(tables: dict[str, Source], unit: str, period: Period) -> pd.DataFrame:
    """The unit's dossiers that owe an apology slip for the period: id, procedure, field, due,
    kind (resolved_late / pending_overdue), apology issued."""
    with reading(*tables.values()):
        out = _bound(tables, [unit], [period]).execute(LATE_QUERY).df()
    out["apology_issued"] = out.apology_issued.astype(bool)
    for c in ("dossier_id", "procedure_code", "field_name"):
        out[c] = out[c].astype("string")
    return out


__all__ = ["NO_CATALOGUE", "PART_NAMES", "SPAN", "UNITS", "Source", "bind", "calendar_of",
           "catalogue_parts", "connect", "field_rows", "late", "parts", "parts_by_period",
           "portable", "query", "small_tables", "tidy", "uptake", "with_optional", "workdays"]
