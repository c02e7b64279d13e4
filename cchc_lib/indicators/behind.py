"""The rows behind the engine's counts: for one unit and one period, each dossier (or each
procedure the unit offers) with what it adds to each part the engine counts.

Nothing here defines a count again. Each part of a list piece of ``sql/``
(``dossier_parts``, ``procedure_counts``, ``catalogue_parts``) is an aggregate with its
condition (``count(*) FILTER (WHERE c) AS name``, ``coalesce(sum(x) FILTER (WHERE c), 0) AS
name``); :func:`contributions` reads it as what one row adds (1, or ``x``, where ``c`` holds),
and the rows are the engine's own relations: the dossiers of ``sql/dossiers.sql`` and
``sql/dossier_flags.sql`` (``g``: a dossier as it stands in the period), the per-procedure
table of :func:`.engine.uptake`. Adding a row's contributions up gives the part, by
construction; the detail workbook checks it before it writes a sheet, and its test again from
the written rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cchc_lib.core.periods import Period
from cchc_lib.indicators import engine, queries

# what a dossier's row shows (no personal data: ingest keeps none, and no free text)
DOSSIER_COLUMNS = ("dossier_id", "procedure_code", "procedure_name", "field_name",
                   "received_at", "due_at", "finished_at", "returned_at", "receive_channel",
                   "return_channel", "status")
ROW = "row_position"  # a row's place in the table it was read from

_COALESCE = re.compile(r"coalesce\((.*),\s*0\)", re.S | re.I)
_COUNT = re.compile(r"count\(\*\)(?:\s+FILTER\s*\(\s*WHERE\s+(.*)\))?", re.S | re.I)
_SUM = re.compile(r"sum\((\w+)\)(?:\s+FILTER\s*\(\s*WHERE\s+(.*)\))?", re.S | re.I)
_ITEM = re.compile(r"(.*)\s+AS\s+(\w+)", re.S | re.I)


@dataclass(frozen=True)
class Contribution:
    """What one row adds to a part: ``column`` (the summed column; None: the row counts 1)
    where ``condition`` holds (None: always)."""

    column: str | None
    condition: str | None

    def sql(self) -> str:
        """The row's contribution as a SQL expression (an integer)."""
        value = "1" if self.column is None else f"coalesce({self.column}, 0)"
        if self.condition is None:
            return f"CAST({value} AS BIGINT)"
        return f"CAST(CASE WHEN coalesce(({self.condition}), false) THEN {value} ELSE 0 END " \
               "AS BIGINT)"

    def reads(self, name: str) -> bool:
        """Whether the part reads the column ``name`` (in its condition or as its sum)."""
        return self.column == name or bool(
            self.condition and re.search(rf"\b{re.escape(name)}\b", self.condition))


def _items(text: str) -> list[str]:
    """A list piece's items: split at the commas outside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [" ".join(item.split()) for item in out if item.strip()]


def _contribution(expr: str) -> Contribution:
    if m := _COALESCE.fullmatch(expr):
        return _contribution(m[1])
    if m := _COUNT.fullmatch(expr):
        return Contribution(None, m[1])
    if m := _SUM.fullmatch(expr):
        return Contribution(m[1], m[2])
    raise ValueError(f"{expr}: not an aggregate whose rows can be listed")


def contributions(piece: str) -> dict[str, Contribution]:
    """Each part of a list piece of ``sql/`` (composed: ``{late_condition}`` in place), in its
    order, as what one row adds to it."""
    text = "\n".join(line.split("--")[0] for line in queries.compose(piece).splitlines())
    out = {}
    for item in _items(text):
        m = _ITEM.fullmatch(item)
        if m is None:
            raise ValueError(f"sql/{piece}.sql: {item}: no name")
        out[m[2]] = _contribution(m[1])
    return out


@dataclass(frozen=True)
class Behind:
    """Rows and what each adds to each part asked for: ``rows`` (a dossier's
    :data:`DOSSIER_COLUMNS`, or a procedure's row of :func:`.engine.uptake`) and ``parts``
    (a column per part, integers), on the same index."""

    rows: pd.DataFrame
    parts: pd.DataFrame

    def where(self, keep: pd.Series) -> Behind:
        return Behind(self.rows[keep.to_numpy()].reset_index(drop=True),
                      self.parts[keep.to_numpy()].reset_index(drop=True))


def _connection(tables: Mapping, unit: str, period: Period, dossiers: pd.DataFrame):
    """A DuckDB connection with what the dossier pieces read bound, as the engine binds it
    (:func:`.engine.parts_by_period`)."""
    con = engine.connect()
    engine.bind(con, "dossiers", dossiers)
    engine.bind(con, "catalogue", tables["catalogue"])
    span = con.execute(engine.SPAN).fetchall()[0]
    for name, frame in engine.small_tables(dict(tables), [unit], [period], span).items():
        con.register(name, frame)
    return con


def per_dossier(tables: Mapping, unit: str, period: Period,
                parts: Mapping[str, Contribution]) -> Behind:
    """Each dossier of ``unit`` alive in ``period`` (the engine's ``g``: accepted, and
    received, ended, returned, pending or carried over in it), in the table's order, with what
    it adds to each of ``parts`` (of ``dossier_parts`` or ``procedure_counts``).

    The dossiers are bound with each row's position in place of its id, so a row behind a
    count is the table's own row, whatever the ids."""
    frame = engine.with_optional("dossiers", tables["dossiers"]).reset_index(drop=True)
    keyed = frame.assign(dossier_id=pd.Series(np.arange(len(frame)).astype(str),
                                              dtype="string"))
    sql = ("WITH\n" + queries.compose("dossiers").rstrip("\n") + ",\n"
           + queries.compose("dossier_flags").rstrip("\n")
           + f"\nSELECT CAST(dossier_id AS BIGINT) AS {ROW}"
           + "".join(f",\n  {c.sql()} AS {name}" for name, c in parts.items())
           + f"\nFROM g ORDER BY {ROW}")
    out = _connection(tables, unit, period, keyed).execute(sql).df()
    rows = frame.iloc[out[ROW].to_numpy()].reindex(columns=list(DOSSIER_COLUMNS)) \
        .reset_index(drop=True)
    return Behind(rows, out[list(parts)].astype("int64").reset_index(drop=True))


def per_procedure(tables: Mapping, unit: str, period: Period,
                  parts: Mapping[str, Contribution]) -> Behind:
    """Each procedure the unit offers on the period's last day (:func:`.engine.uptake`, by
    code), with what it adds to each of ``parts`` (of ``catalogue_parts``)."""
    uptake = engine.uptake(dict(tables), unit, period).reset_index()
    frame = uptake.assign(online_level=uptake.online_enabled,  # as engine.catalogue_parts
                          **{ROW: np.arange(len(uptake))})
    con = engine.connect()
    con.register("uptake", frame)
    sql = (f"SELECT {ROW}" + "".join(f", {c.sql()} AS {name}" for name, c in parts.items())
           + f" FROM uptake ORDER BY {ROW}")
    out = con.execute(sql).df()
    return Behind(uptake, out[list(parts)].astype("int64"))


def summed_over_dossiers(part: Contribution) -> bool:
    """Whether a catalogue part adds up one of the per-procedure dossier counts (``sum(x)``,
    ``x`` a part of ``procedure_counts``): then its rows are dossiers, not procedures."""
    return part.column is not None and part.column in contributions("procedure_counts")


def dossiers_of_procedures(tables: Mapping, unit: str, period: Period,
                           parts: Mapping[str, Contribution]) -> Behind:
    """The catalogue parts that add up a per-procedure dossier count
    (:func:`summed_over_dossiers`), dossier by dossier: what the dossier adds to that count
    (``procedure_counts``) when its procedure, as the unit offers it on the period's last
    day, meets the part's condition (a procedure not offered adds nothing)."""
    counts = contributions("procedure_counts")
    summed = {name: str(c.column) for name, c in parts.items()}
    dossiers = per_dossier(tables, unit, period,
                           {col: counts[col] for col in dict.fromkeys(summed.values())})
    meets = per_procedure(tables, unit, period,
                          {name: Contribution(None, c.condition) for name, c in parts.items()})
    codes = dossiers.rows.procedure_code.astype(object)
    out = {}
    for name, col in summed.items():
        flag = dict(zip(meets.rows.procedure_code.astype(object), meets.parts[name],
                        strict=True))
        out[name] = dossiers.parts[col] * codes.map(flag).fillna(0).astype("int64")
    return Behind(dossiers.rows, pd.DataFrame(out, index=dossiers.rows.index))


__all__ = ["Behind", "Contribution", "DOSSIER_COLUMNS", "ROW", "contributions",
           "dossiers_of_procedures", "per_dossier", "per_procedure", "summed_over_dossiers"]
