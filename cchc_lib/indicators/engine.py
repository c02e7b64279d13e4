"""Every count the indicators divide, defined once as SQL (the pieces in ``sql/``, composed by
:mod:`.queries`) and run by DuckDB (embedded).

One query counts, for a set of units and one period, every *part* the indicator registry names
(``received_online``, ``on_time``, ``online_offered``, …) per unit and field and per unit
(field NULL), in one pass over the dossiers and the catalogue: all units cost about what one
does. The indicators are the registry's divisions of these parts (:mod:`.figures`).

Inputs are the processed tables as DuckDB relations: ``dossiers``, ``catalogue``, the units
asked for (``wanted``) and the working days (``workdays``: ``day``, ordinal ``n``), so the
Vietnamese calendar is a table the query joins. Period bounds are parameters.

Rules (docs/indicators.md): accepted = all but registered/not_accepted; ended = resolved, returned,
withdrawn or stopped, its end ``finished_at`` else ``returned_at``; dates compare by day; a
dossier with no field counts in its unit's rows, not in a field's (Biểu 06 totals add up its
fields, as the form does).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TypeAlias

import duckdb
import numpy as np
import pandas as pd

from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.core.periods import Period
from cchc_lib.core.vi import UNKNOWN_FIELD_VI
from cchc_lib.indicators import queries
from cchc_lib.ingest.store import damaged_table, missing_columns_vi
from cchc_lib.ingest.store import reading_parquet as reading

# every part the engine computes (the parts query's columns after pid, unit_code, field)
PART_NAMES = queries.PART_NAMES
# every unit the bound dossiers hold; what the calendar tables must cover
UNITS = queries.compose("units")
SPAN = queries.compose("span")


def query(by_field: bool, dialect: str = "duckdb") -> str:
    """Per period, unit (field NULL) and, with ``by_field``, unit and field: every part
    (``sql/parts.sql`` composed, :mod:`.queries`)."""
    return queries.compose("parts", dialect, by_field)


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
    """The catalogue parts (``sql/catalogue_parts.sql``) of a per-procedure table as
    :func:`uptake` gives it, or of a part of one (a field's procedures)."""
    con = connect()
    frame = uptake_table.assign(online_level=uptake_table.online_enabled)
    for column in ("has_fee", "received_paid_online"):
        if column not in frame:
            frame[column] = False if column == "has_fee" else 0
    con.register("uptake", frame)
    got = con.execute("SELECT\n" + queries.piece("catalogue_parts") + "\nFROM uptake").df().iloc[0]
    return {k: int(v) for k, v in got.fillna(0).items()}




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
    # dossiers of no field (ingest names it; frames handed in directly may not) are a field
    # row of their own, never mistaken for the unit's whole row
    field = out.field.astype(object).where(out.field.notna(), UNKNOWN_FIELD_VI)
    out["field"] = field.where(out.whole == 0, None)
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
        out = _bound(tables, [unit], [period]).execute(queries.compose("uptake")).df()
    for c in ("postal_enabled", "online_enabled", "has_fee"):
        out[c] = out[c].astype(bool)
    for c in ("procedure_code", "procedure_name", "field_name", "level"):
        out[c] = out[c].astype("string")
    return out.set_index("procedure_code")


def late(tables: dict[str, Source], unit: str, period: Period) -> pd.DataFrame:
    """The unit's dossiers that owe an apology slip for the period: id, procedure, field, due,
    kind (resolved_late / pending_overdue), apology issued."""
    with reading(*tables.values()):
        out = _bound(tables, [unit], [period]).execute(queries.compose("late")).df()
    out["apology_issued"] = out.apology_issued.astype(bool)
    for c in ("dossier_id", "procedure_code", "field_name"):
        out[c] = out[c].astype("string")
    return out


__all__ = ["NO_CATALOGUE", "PART_NAMES", "SPAN", "UNITS", "Source", "bind", "calendar_of",
           "catalogue_parts", "connect", "field_rows", "late", "parts", "parts_by_period",
           "query", "small_tables", "tidy", "uptake", "with_optional", "workdays"]
