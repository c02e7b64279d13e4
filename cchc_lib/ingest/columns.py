"""Parsing a block of rows by column kind, collecting the reasons a row breaks a rule (the
header is mapped before, by :mod:`cchc_lib.ingest.mapping`: personal columns are dropped before
any value is read).
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.codes import problem_vi
from cchc_lib.core.schema import REASON_SEP, Column, Table
from cchc_lib.core.text import missing, shown_values
from cchc_lib.ingest.dates import AMBIGUOUS_DATE, DatesParsed
from cchc_lib.ingest.mapping import ColumnMap
from cchc_lib.ingest.memory import release_memory
from cchc_lib.ingest.parsers import BAD_REASON, PARSERS, code_problems, family_of

# --------------------------------------------------------------------------------------
# Rows: parse, and collect the reasons a row breaks a rule
# --------------------------------------------------------------------------------------


class Reasons:
    """Per-row reasons a row is rejected, built column by column (never row by row)."""

    def __init__(self, index: pd.Index):
        self.text = pd.Series("", index=index, dtype=object)
        self.detail = pd.Series("", index=index, dtype=object)
        # unreadable codes, kept in memory only: (column, raw values, problems) for alerts
        self.bad_codes: list[tuple[str, pd.Series, pd.Series]] = []
        # rows set aside for a date that reads both day first and month first
        self.ambiguous_dates = np.zeros(len(index), dtype=bool)
        self.date_order: str | None = None  # the day/month order the block's dates were read in
        # each date column's own order, where its values showed one (or it was given)
        self.date_orders: dict[str, str] = {}

    def add(self, mask: pd.Series, reason: str, column: str, shown: pd.Series | None = None):
        """Mark rows; ``shown`` is what the quarantine may show of the value (see
        :func:`cchc_lib.core.text.shown_values`), never the raw text."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        tag = f"{reason}:{column}"
        self.text[mask] = np.where(self.text[mask] == "", tag, self.text[mask] + REASON_SEP + tag)
        if shown is not None:
            note = column + "=" + shown[mask].astype(str)
            self.detail[mask] = np.where(self.detail[mask] == "", note,
                                         self.detail[mask] + REASON_SEP + note)

    @property
    def rejected(self) -> pd.Series:
        return pd.Series(self.text.to_numpy() != "", index=self.text.index)  # (numpy's compare)

    @staticmethod
    def concat(parts: list[Reasons], index: pd.Index) -> Reasons:
        out = Reasons(index)
        if parts:
            out.text[:] = np.concatenate([p.text.to_numpy() for p in parts])
            out.detail[:] = np.concatenate([p.detail.to_numpy() for p in parts])
        return out


def vocabulary(col) -> re.Pattern | None:
    """The words of a code column's family, to tell a label from text a person typed."""
    return family_of(col).vocabulary() if col.kind in ("code", "flag", "fee") else None


def _shown_bad(raw: pd.Series, bad: pd.Series, col, problems: pd.Series | None
               ) -> pd.Series:
    """What the quarantine says of each unreadable value: the value when it may be shown,
    and for codes why it was not read (``problems``, on the bad rows)."""
    shown = pd.Series("", index=raw.index, dtype=object)
    if not bad.any():
        return shown
    text = shown_values(raw[bad], col.kind, vocabulary(col)).astype(object)
    if problems is not None:
        text = '"' + text + '" (' + problems.fillna("unknown").map(problem_vi) + ")"
    shown[bad] = text
    return shown


# columns parsed at once: the parsers' work is in Arrow and numpy, which let other threads run;
# each column in the works holds its temporaries, so more threads cost memory before time
PARSE_THREADS = 2


def _parse(raw: pd.Series, col: Column, value_map: dict | None) -> tuple:
    try:
        return PARSERS[col.kind](raw, col, value_map)
    finally:  # this thread's heap, given back (Arrow's allocator keeps one per thread)
        release_memory()


def _parsed_columns(values: pd.DataFrame, todo: list[tuple[int, Column]],
                    value_maps: dict[str, dict]) -> Iterator[tuple[Column, pd.Series, tuple]]:
    """(column, raw values, (parsed, bad)) of each ``todo`` position, in order, parsed on
    :data:`PARSE_THREADS` threads. A raw column is taken out of ``values`` only when its turn
    comes, and given back once its result is used: a big file's text goes as it is parsed."""
    workers = max(1, min(PARSE_THREADS, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        running: deque = deque()
        for i, (pos, col) in enumerate(todo):
            raw = values.pop(pos)
            running.append((col, raw, pool.submit(_parse, raw, col, value_maps.get(col.name))))
            del raw
            last = i == len(todo) - 1
            while len(running) >= workers or (last and running):
                done, raw, job = running.popleft()
                yield done, raw, job.result()
                del raw, job
                release_memory()  # what the column used in this thread


def parse_block(values: pd.DataFrame, table: Table, cmap: ColumnMap, unit_code: str | None,
                value_maps: dict[str, dict] | None = None,
                date_order: str | None = None,
                column_orders: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, Reasons]:
    """Typed canonical columns of one block, and the reasons each row breaks a rule.

    Only canonical positions of ``values`` are read, and taken out of it as they are parsed
    (``values`` keeps the other columns). ``value_maps``: the office's pinned
    spellings, column -> folded spelling -> code. The reason's detail shows a failing value
    only when it looks like a date, number or code (never text a person typed).

    A date column that shows no day/month order of its own is read in the order the same
    column showed on an earlier sheet of the file (``column_orders``), else in the order
    the block's other date columns show (one export system writes all its dates one way),
    else in ``date_order`` (an earlier sheet's, or the data catalog's for the source); with
    none, a date that reads both ways is set aside
    (:data:`~cchc_lib.ingest.dates.AMBIGUOUS_DATE`), never guessed.
    """
    column_orders = column_orders or {}
    value_maps = value_maps or {}
    index = values.index
    frame = pd.DataFrame(index=index)
    reasons = Reasons(index)
    extras = {}
    unreadable: dict[str, pd.Series] = {}
    columns = {c.name: c for c in table.columns}
    todo = []
    for pos, name in cmap.canonical.items():
        if name.startswith("_"):
            extras[name] = values.pop(pos)
        else:
            todo.append((pos, columns[name]))
    found: list[tuple] = []  # per column, in order: what its reasons are made of
    dates: dict[str, list] = {}  # date column -> [raw kept to read again, its result]
    for col, raw, result in _parsed_columns(values, todo, value_maps):
        parsed, bad = result
        frame[col.name] = parsed
        if isinstance(result, DatesParsed):
            unsure = result.ambiguous.any() and result.order is None
            dates[col.name] = [raw if unsure else None, result, _shown_bad(raw, bad, col, None)]
            found.append((col, None))
        elif col.kind in BAD_REASON:
            problems = None
            if col.kind in ("code", "flag") and bad.any():  # why each value was not read
                problems = code_problems(raw[bad], family_of(col), value_maps.get(col.name))
                reasons.bad_codes.append((col.name, raw[bad], problems))
            found.append((col, (bad, _shown_bad(raw, bad, col, problems))))
        del raw, parsed, bad, result
    order = _block_order([entry[1].order for entry in dates.values()]) or date_order
    reasons.date_order = order  # (the next sheet of the file reads its dates with it)
    reasons.date_orders = {name: entry[1].order for name, entry in dates.items()
                           if entry[1].order}
    for name, entry in dates.items():
        raw, _, _ = entry
        own = column_orders.get(name) or order
        if raw is not None and own is not None:  # read again in the order found
            entry[1] = PARSERS["datetime"](raw, columns[name], None, order=own)
            entry[2] = _shown_bad(raw, entry[1][1], columns[name], None)
            frame[name] = entry[1][0]
    for col, bad_shown in found:
        if bad_shown is None:  # a date column
            _, result, shown = dates[col.name]
            bad, ambiguous = result[1], result.ambiguous
            reasons.add(bad & ~ambiguous, BAD_REASON["datetime"], col.name, shown)
            reasons.add(ambiguous, AMBIGUOUS_DATE, col.name, shown)
            reasons.ambiguous_dates |= ambiguous.to_numpy(dtype=bool)
        else:
            bad, shown = bad_shown
            reasons.add(bad, BAD_REASON[col.kind], col.name, shown)
        unreadable[col.name] = bad
    for col in table.columns:
        if col.name not in frame:
            frame[col.name] = pd.Series(pd.NA, index=index, dtype=schema.KIND_DTYPES[col.kind])
    if "unit_code" in columns and unit_code:
        frame["unit_code"] = frame["unit_code"].fillna(unit_code)
    # the DVCQG pair tells an electronic result only whole: half of it says nothing
    if table is schema.DOSSIERS and frame["e_result"].isna().all() and len(extras) == len(
            schema.E_RESULT_PARTS):
        parts = [~missing(extras.get(f"_{p}", pd.Series(None, index=index, dtype=object)))
                 for p in schema.E_RESULT_PARTS]
        frame["e_result"] = (parts[0] & parts[1]).astype("boolean")
    for col in table.columns:
        if col.required:  # a value that was there but unreadable is not also "missing"
            already = unreadable.get(col.name, pd.Series(False, index=index))
            reasons.add(frame[col.name].isna() & ~already, "missing", col.name)
    return frame, reasons


def _block_order(orders: list[str | None]) -> str | None:
    """The day/month order the date columns of a block agree on (those that show one)."""
    shown = {o for o in orders if o}
    return shown.pop() if len(shown) == 1 else None


__all__ = [
    "parse_block", "PARSE_THREADS", "Reasons", "vocabulary",
]
