"""A file's table-shaped block (:class:`RawSheet`), and its header found by content: one or two
rows anywhere in the first rows, matched to the canonical columns' aliases; a header
repeated mid-file re-read in its order.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from itertools import zip_longest

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.core.text import fold, match_key
from cchc_lib.core.titles import TITLE_MAX_CHARS, TITLE_RULES, TitleReading

HEADER_SCAN_ROWS = 30
CSV_DELIMITERS = (",", ";", "\t", "|")
MAX_FILE_BYTES = 4 * 2**30  # a text export larger than this is refused, not read slowly
MAX_COLUMNS = 16_384  # Excel's own limit: a wider header is not a table an office made
MAX_CELL_CHARS = 2**31 - 1  # no limit on one cell (the file size limit bounds it)
# raw DVCQG columns read only to derive e_result (schema.E_RESULT_PARTS)
E_RESULT_KEYS = {match_key(a): f"_{a}" for a in schema.E_RESULT_PARTS}
TOTAL_LABELS = {match_key(s) for s in lang.TOTAL_LABEL_WORDS}
# a totals row's label, its words folded: "Tổng cộng", "Tổng số hồ sơ: 2", "Cộng: 5 hồ sơ",
# "TONG" — the label, then only numbers and words that count ("Công nhận…", "Công chức…" are
# no totals)
_TOTALS = re.compile(lang.TOTALS_LABEL_PATTERN)


def is_totals_label(cell: object) -> bool:
    """Whether a cell opens a totals row by its words ("Tổng cộng: 5 hồ sơ")."""
    text = "" if is_empty_cell(cell) else str(cell)
    return len(text) <= 60 and bool(_TOTALS.match(fold(text)))


# a header's positions whose values a reader is to read (the others hold personal data: a
# reader that can leave them out never makes them into values)
Keep = Callable[[list[str]], Collection[int]]


@dataclass
class RawSheet:
    """One table-shaped block of a file: header found, values still as read."""

    file: str
    sheet: str
    header: list[str]
    values: pd.DataFrame  # columns by header position (those ``Keep`` asked for, or all), one
    # row per data row
    row_numbers: np.ndarray  # 1-based line (CSV) or row (XLSX) numbers of the data rows
    typed: bool = False  # values may be numbers/datetimes (Excel), not only text
    broken_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, problem)
    encoding: str = ""  # text files: the encoding the file was read in
    header_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))
    skipped: str = ""  # a sheet not read: why (NON_DATA_REASONS_VI), its rows all counted
    continues: str = ""  # a sheet without a header read under the previous sheet's header
    # what the reader removed from the file's text before reading it, and how much of it
    # (e.g. {"nul": 120} NUL bytes): said in the file's report, never silently
    cleaned: dict[str, int] = field(default_factory=dict)


HEADER_MAX_CHARS = TITLE_MAX_CHARS  # no header or totals label is longer: longer is a value


def header_key(cell: object) -> str:
    """:func:`match_key` of a cell that may be a header or a label; "" for long values, so a
    huge note in the first rows costs nothing."""
    text = str(cell)
    return "" if len(text) > HEADER_MAX_CHARS else match_key(text)


class TitleIndex(dict):
    """How one table's column titles are read: the office's pins (data catalog ``columns:``,
    by match key), then the exact aliases (the dict itself: match key -> column), then the
    meaning rules of :mod:`cchc_lib.core.titles`. Readings are kept per distinct title."""

    def __init__(self, table: Table, pins: Mapping[str, str | None] | None = None):
        super().__init__()
        for col in table.columns:
            for alias in (col.name, *col.aliases):
                self.setdefault(match_key(alias), col.name)
        if table is schema.DOSSIERS:
            self.update(E_RESULT_KEYS)
        self.table = table
        self.rules = TITLE_RULES.get(table.name)
        self.pins = dict(pins or {})
        self._seen: dict[str, TitleReading] = {}

    def reading(self, cell: object) -> TitleReading:
        """What a cell names when read as a title (``pinned`` kept apart by :meth:`how`)."""
        text = "" if is_empty_cell(cell) else str(cell)
        if len(text) > HEADER_MAX_CHARS:
            return TitleReading(None)
        found = self._seen.get(text)
        if found is None:
            key = match_key(text)
            if key in self.pins:
                found = TitleReading(self.pins[key])
            elif key in self:
                # an exact alias is weak when the rules say so: "Đơn vị xử lý" names the
                # unit, not its code, and yields to a "Mã đơn vị" beside it
                by_rules = self.rules.read(text) if self.rules is not None else None
                found = TitleReading(self[key], weak=bool(
                    by_rules and by_rules.column == self[key] and by_rules.weak))
            elif self.rules is not None and key:
                found = self.rules.read(text)
            else:
                found = TitleReading(None)
            self._seen[text] = found
        return found

    def how(self, cell: object) -> str:
        """How a title is read: "pinned" (the data catalog's ``columns:``), "alias" (an exact
        alias) or "rules"."""
        key = match_key(cell)
        return "pinned" if key in self.pins else "alias" if key in self else "rules"

    def column_of(self, cell: object) -> str | None:
        """The canonical column a cell names as a title, or None."""
        return self.reading(cell).column


def alias_index(table: Table, pins: Mapping[str, str | None] | None = None) -> TitleIndex:
    """How the table's titles are read (:class:`TitleIndex`; as a dict: match key of every
    exact alias -> canonical column name)."""
    return TitleIndex(table, pins)


def header_score(cells: list, index: dict[str, str]) -> int:
    """How many canonical columns a row names as titles."""
    if isinstance(index, TitleIndex):
        return len({c for c in map(index.column_of, cells) if c})
    return len({index[k] for k in (header_key(c) for c in cells if not is_empty_cell(c))
                if k in index})


def is_empty_cell(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""


def find_header(rows: list[list], table: Table,
                pins: Mapping[str, str | None] | None = None) -> tuple[list[str], int] | None:
    """The header cells and the index of the first data row, or None.

    A header is the row (among the first 30) that names the most canonical columns (titles
    read by :class:`TitleIndex`, with the office's ``pins``). When it spans two rows (merged
    cells: a group title above, column names below), the two rows are read as one
    (:func:`two_row_titles`).
    """
    index = alias_index(table, pins)
    best: tuple[int, list, int] = (0, [], 0)
    scan = rows[:HEADER_SCAN_ROWS + 1]
    for i, row in enumerate(scan[:HEADER_SCAN_ROWS]):
        candidates = [(list(row), i + 1)]
        # a second header row has titles in two cells at least: one cell under a header is a
        # section's title ("I. Lĩnh vực Hộ tịch") or a note, not the header's lower half
        if i + 1 < len(scan) and sum(not is_empty_cell(c) for c in scan[i + 1]) >= 2:
            candidates.append((two_row_titles(row, scan[i + 1], index), i + 2))
        for cells, start in candidates:
            score = header_score(cells, index)
            if score > best[0]:
                best = (score, cells, start)
    if best[0] < max(2, math.ceil(len(table.required) / 2)):
        return None
    return ["" if is_empty_cell(c) else unicodedata.normalize("NFC", str(c).strip())
            for c in best[1]], best[2]


def two_row_titles(upper: list, lower: list, index: TitleIndex) -> list:
    """Two header rows read as one: the lower cell where it has text, else the upper one. A
    group title spans the empty cells to its right (a merged cell keeps its text in its first
    cell only); a lower title that names no column alone is read with its group's title, as
    "upper / lower", when together they name one ("Ngày tháng" over "Nhận hồ sơ")."""
    out: list = []
    group = None
    for a, b in zip_longest(upper, lower):
        if not is_empty_cell(a):
            group = a
        elif is_empty_cell(b):
            group = None  # neither row has text here: the group has ended
        if is_empty_cell(b):
            out.append(a)
            continue
        if group is not None and index.column_of(b) is None and index.column_of(group) is None:
            joined = f"{str(group).strip()} / {str(b).strip()}"
            if index.rules is not None and index.rules.read(
                    f"{str(group).strip()} {str(b).strip()}").column is not None:
                out.append(joined)
                continue
        out.append(b)
    return out


def expected_headers(table: Table) -> str:
    """The required columns as an office would title them (the first Vietnamese alias)."""
    def shown(c) -> str:
        return next((a for a in c.aliases if " " in a), c.aliases[0] if c.aliases else c.name)
    return ", ".join(shown(c) for c in table.columns if c.required)


def no_header_error(source: Source, table: Table, where: str) -> InputFileError:
    return InputFileError(source.label, lang.NO_HEADER_VI.format(
        where=where, expected=expected_headers(table)))



def refuse_size(source: Source, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise InputFileError(source.label, lang.FILE_TOO_BIG_VI.format(
            size=size / 2**30, limit=MAX_FILE_BYTES // 2**30))



# --------------------------------------------------------------------------------------
# A header repeated in the middle of a list (pasted exports, printed page headers)
# --------------------------------------------------------------------------------------


def split_repeated_headers(raw: RawSheet, table: Table,
                           pins: Mapping[str, str | None] | None = None) -> RawSheet | None:
    """Rows that are a header again are set aside as ``header`` rows, and when they put the
    columns in another order, the rows below them are read in that order (moved under the
    first header's columns; a column the first header lacks is added to it). When the
    reader left columns out, only the header repeated in the same order is recognised; None
    when another row may be a header: read the file again with every column."""
    if raw.skipped or raw.values.empty:
        return raw
    index = alias_index(table, pins)
    # a header row holds no date where the receipt date goes: only such rows are looked at
    # (cell by cell), so the cost does not grow with the file
    first = {name: pos for pos, name in ((p, index.column_of(h))
                                         for p, h in enumerate(raw.header)) if name}
    pos = first.get("received_at", first.get("dossier_id"))
    if pos is None or pos not in raw.values.columns:
        return raw
    cells = raw.values[pos].astype("string")
    maybe = raw.values[~cells.str.contains(r"\d", regex=True).fillna(False).astype(bool)
                       & cells.notna()]
    if maybe.empty:
        return raw
    named = pd.DataFrame({c: maybe[c].map(index.column_of, na_action="ignore")
                          for c in maybe.columns}, index=maybe.index)
    candidates = named.notna().sum(axis=1) >= 2
    if not candidates.any():
        return raw
    read = list(raw.values.columns)  # positions read: all, unless the reader left some out
    if read != list(range(len(raw.header))):
        # the header again, in the same order, shows its names where they were read; any
        # other row that may be a header may hold names where the reader did not look
        own = pd.Series([header_key(raw.header[p]) for p in read], index=read)
        seen = pd.DataFrame({c: maybe.loc[candidates, c].map(header_key, na_action="ignore")
                             for c in read}).fillna("")
        same = seen.eq(own, axis=1).all(axis=1)
        if not same.all():
            return None  # read again whole
        header_rows = same.index.to_numpy()
    else:
        scores = named[candidates].nunique(axis=1)
        needed = max(2, math.ceil(len(table.required) / 2))
        header_rows = scores.index[scores >= needed].to_numpy()
    if not len(header_rows):
        return raw
    header = list(raw.header)
    keys = [header_key(h) for h in header]
    values = raw.values.copy()
    bounds = [*header_rows, len(values)]
    for h, end in zip(bounds[:-1], bounds[1:], strict=True):
        cells = ["" if is_empty_cell(c) else unicodedata.normalize("NFC", str(c).strip())
                 for c in raw.values.iloc[h]]
        target: list[int | None] = []
        for cell in cells:
            key = header_key(cell)
            if not key:
                target.append(None)
                continue
            if key not in keys:
                header.append(cell)
                keys.append(key)
                values[len(header) - 1] = ""  # (an empty cell, as every reader gives it)
            target.append(keys.index(key))
        same = all(t == p or (t is None and not keys[p]) for t, p in zip(target, read,
                                                                           strict=True))
        if same or end <= h + 1:
            continue
        block = raw.values.iloc[h + 1:end]
        if not all(map(pd.api.types.is_object_dtype, values.dtypes)):  # text, numbers
            values = values.astype(object)  # takes what another column held: any value
        moved = pd.DataFrame("", index=block.index, columns=values.columns, dtype=object)
        for src, dst in enumerate(target):
            if dst is not None:
                moved[dst] = block[src].astype(object)
        values.iloc[h + 1:end] = moved.to_numpy()
    return replace(raw, header=header, values=values, header_rows=header_rows)


__all__ = [
    "alias_index", "CSV_DELIMITERS", "E_RESULT_KEYS", "expected_headers", "find_header",
    "header_key", "HEADER_MAX_CHARS", "HEADER_SCAN_ROWS", "header_score", "is_empty_cell",
    "is_totals_label", "Keep", "MAX_CELL_CHARS", "MAX_COLUMNS", "MAX_FILE_BYTES",
    "no_header_error", "RawSheet", "refuse_size", "split_repeated_headers", "TitleIndex",
    "TOTAL_LABELS", "two_row_titles",
]
