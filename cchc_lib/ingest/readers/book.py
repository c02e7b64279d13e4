"""What every workbook reader does with its sheets' rows (calamine's workbooks, HTML tables,
Excel 2003 XML): the header found by content (in a legacy font's text when it is found only
so), the width checked, the values framed, a sheet without a header that fits the previous
one read as its continuation, and a sheet not read kept, marked skipped, with its rows
counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.ingest.encodings import FONT_ENCODINGS, decode_font_text, vietnamese_score
from cchc_lib.ingest.readers.headers import (
    HEADER_SCAN_ROWS,
    MAX_COLUMNS,
    RawSheet,
    alias_index,
    find_header,
    header_score,
    is_empty_cell,
    no_header_error,
)

Found = tuple[list[str], int]  # a header's cells, the index of the first data row


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def chosen_sheets(source: Source, names: list[str]) -> list[str]:
    """The sheets to read: all, or the one the catalog's ``sheet:`` names (compared NFC:
    a workbook may store its names decomposed, a catalog typed on Windows composed)."""
    if source.sheet is None:
        return names
    wanted = nfc(source.sheet)
    found = [n for n in names if nfc(n) == wanted]
    if not found:
        raise InputFileError(source.label, lang.SHEET_NOT_FOUND_VI.format(
            wanted=wanted, names=", ".join(nfc(n) for n in names)))
    return found[:1]


def read_book(source: Source, table: Table, names: list[str],
              rows_of: Callable[[str], list[list]], typed: bool,
              where: str = lang.SHEETS_SCANNED_VI.format(rows=HEADER_SCAN_ROWS)
              ) -> list[RawSheet]:
    """Every sheet of ``names`` (in order; stored under its NFC name) read from the rows
    ``rows_of(name)`` gives. ``typed``: cells may be numbers and datetimes, not only text.
    A workbook with no header in any sheet stops with one message (``where`` says where
    it was looked for)."""
    sheets: list[RawSheet] = []
    previous: RawSheet | None = None  # the last sheet read with a header
    for name in names:
        rows = rows_of(name)
        shown = nfc(name)
        encoding = ""  # a legacy font's, when the sheet's text is typed in one
        found = find_header(rows, table, source.columns)
        if found is None:  # (only then: a sheet whose header reads is never decoded)
            legacy = font_header(rows, table, source.columns)
            if legacy is not None:
                encoding, found = legacy
                rows = font_decoded(rows, encoding)
        if found is None:
            filled = sum(1 for r in rows if any(not is_empty_cell(c) for c in r))
            if previous is not None and filled and continues(rows, previous, table,
                                                             source.columns):
                header, start, after = previous.header, 0, previous.sheet
                encoding = previous.encoding  # typed in the previous sheet's font
                if encoding:
                    rows = font_decoded(rows, encoding)
            else:  # said in the summary, with its rows: a sheet never vanishes
                sheets.append(RawSheet(source.label, shown, [], pd.DataFrame(index=range(filled)),
                                       np.zeros(filled, dtype="int64"), typed=typed,
                                       skipped="no_header" if filled else "empty_sheet"))
                continue
        else:
            (header, start), after = found, ""
        body = rows[start:]
        header = header + [""] * (width_of(body, len(header)) - len(header))
        if len(header) > MAX_COLUMNS:
            raise InputFileError(source.label, lang.SHEET_HEADER_TOO_WIDE_VI.format(
                sheet=shown, n=len(header)).replace(",", "."))
        values = frame(body, len(header))
        sheet = RawSheet(source.label, shown, header, values,
                         np.arange(len(values)) + start + 1, typed=typed, continues=after,
                         encoding=encoding)
        sheets.append(sheet)
        previous = sheet
    if not any(not s.skipped for s in sheets):
        raise no_header_error(source, table, where)
    return sheets


def font_header(rows: list[list], table: Table, pins: Mapping[str, str | None] | None = None
                ) -> tuple[str, Found] | None:
    """(encoding, header) of a sheet whose header is found only once its text is read as
    typed in a legacy Vietnamese font (.VnTime: TCVN3, VNI-Times: VNI: "M· hå s¬" is "Mã hồ
    sơ"); None when neither gives one. Only the rows a header is looked for in are decoded;
    when both give one, the one naming more columns, then reading more like Vietnamese."""
    head = rows[:HEADER_SCAN_ROWS + 1]
    if not any(isinstance(c, str) and not c.isascii() for r in head for c in r):
        return None  # nothing a font could have changed
    index = alias_index(table, pins)
    best: tuple[tuple[int, int], str, Found] | None = None
    for encoding in FONT_ENCODINGS:
        found = find_header(font_decoded(head, encoding), table, pins)
        if found is not None:
            rank = (header_score(found[0], index), vietnamese_score(" ".join(found[0])))
            if best is None or rank > best[0]:
                best = (rank, encoding, found)
    return None if best is None else (best[1], best[2])


def font_decoded(rows: list[list], encoding: str) -> list[list]:
    """The rows with every text cell read as typed in the font of ``encoding`` (each distinct
    text decoded once); numbers and dates as they are."""
    seen: dict[str, str] = {}

    def cell(value: object) -> object:
        if not isinstance(value, str) or value.isascii():
            return value
        text = seen.get(value)
        if text is None:
            text = seen[value] = decode_font_text(value, encoding)
        return text

    return [[cell(v) for v in row] for row in rows]


def width_of(rows: list[list], header: int) -> int:
    """The columns the data rows take: the header's, and past it as far as a row's last
    filled cell (an HTML row or an XML row is as long as its cells, a value past the titled
    columns is read as a column without a title, never dropped)."""
    width = header
    for row in rows:
        if len(row) > width:
            width = max(width, next((i + 1 for i in range(len(row) - 1, width - 1, -1)
                                     if not is_empty_cell(row[i])), width))
    return width


def frame(rows: list[list], width: int) -> pd.DataFrame:
    """The data rows as ``width`` columns; a column of text only (or empty) as Arrow text,
    as a CSV's columns are, so its values are parsed once per distinct value; a column of
    numbers only as floats; the others (dates, a mix) as the Python values read.

    An empty cell is "", as in a CSV's columns and calamine's rows, never None: a row
    shorter than the header (a totals row in one merged cell, an HTML row whose last cells
    are empty), a cell an XML file skips, a row of nothing, a column no row fills. (A
    column with missing values where a set of rows holds none of its text makes Arrow's
    text functions see a column of type null, which the readers of rows do not expect.)"""
    if rows and min(map(len, rows)) >= width:  # calamine's rows span the sheet's width
        values = pd.DataFrame(rows, dtype=object).iloc[:, :width]
    else:
        values = pd.DataFrame([list(r[:width]) + [""] * (width - len(r)) for r in rows],
                              columns=range(width), dtype=object)
    values.columns = range(width)
    for pos in values.columns:
        cells = values[pos].to_numpy()
        missing = pd.isna(cells)
        if missing.any():  # None, NaN: nothing, as an empty cell
            cells = np.where(missing, "", cells).astype(object)
        kind = pd.api.types.infer_dtype(cells, skipna=True)
        if kind in ("string", "empty"):
            text = pa.array(cells, type=pa.large_string(), from_pandas=True)
            values[pos] = pd.arrays.ArrowStringArray(text)
        elif kind == "floating":  # numbers only (Excel's are all floats): no text to look at
            values[pos] = cells.astype("float64")
        elif missing.any():
            values[pos] = cells
    return values


def continues(rows: list[list], previous: RawSheet, table: Table,
              pins: Mapping[str, str | None] | None = None) -> bool:
    """Whether a sheet without a header row goes on with the previous sheet's list: as wide
    (give or take an empty last column), and its receipt-date column holds dates (titles
    read with the data catalog's ``pins``) in 80 % of its rows that may be dossiers: a row
    without a date that is plainly not one (:func:`plainly_not_data`: the totals under the
    list, a signature line) counts neither way, and at least one row has a date."""
    from cchc_lib.ingest.parsers import parse_datetime

    index = alias_index(table, pins)
    keys = [index.column_of(h) for h in previous.header]
    if "received_at" not in keys:
        return False
    body = [r for r in rows if any(not is_empty_cell(c) for c in r)][:200]
    # of copies of the title (an old empty one beside it), the one this sheet fills
    copies = [p for p, k in enumerate(keys) if k == "received_at"]
    pos = max(copies, key=lambda p: (sum(p < len(r) and not is_empty_cell(r[p])
                                         for r in body), -p))
    widths = {sum(1 for c in r if not is_empty_cell(c)) for r in body}
    if max(widths) > len(previous.header):
        return False
    cells = pd.Series([r[pos] if pos < len(r) else None for r in body], dtype=object)
    parsed = parse_datetime(cells, None)  # a date that reads both ways is a date too
    dated = (parsed[0].notna() | parsed.ambiguous).to_numpy(dtype=bool)
    counted = sum(1 for row, date in zip(body, dated, strict=True)
                  if date or not plainly_not_data(row))
    return bool(dated.any()) and dated.sum() >= 0.8 * counted


# a cell that opens a totals row: "Tổng cộng", "Tổng số hồ sơ: 2", "TỔNG", "Cộng: 5 hồ sơ"
_TOTALS = re.compile(lang.TOTALS_START_PATTERN)


def plainly_not_data(row: list) -> bool:
    """Whether a row without a receipt date is plainly no dossier: it holds a totals label
    (a cell opening with "Tổng cộng", "Tổng số", "Tổng" or "Cộng", whatever follows), or
    two cells at most (a signature line, a signer's name, a place and date, a page
    number: a dossier has its id, its procedure and its dates)."""
    filled = [c for c in row if not is_empty_cell(c)]
    return len(filled) <= 2 or any(
        isinstance(c, str) and _TOTALS.match(unicodedata.normalize("NFC", c).casefold())
        for c in filled)


__all__ = [
    "chosen_sheets", "continues", "font_decoded", "font_header", "Found", "frame", "nfc",
    "plainly_not_data", "read_book", "width_of",
]
