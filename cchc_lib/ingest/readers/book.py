"""What every workbook reader does with its sheets' rows (calamine's workbooks, HTML tables,
Excel 2003 XML): the header found by content, the width checked, the values framed, a sheet
without a header that fits the previous one read as its continuation, and a sheet not
read kept, marked skipped, with its rows counted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.headers import (
    HEADER_SCAN_ROWS,
    MAX_COLUMNS,
    RawSheet,
    alias_index,
    find_header,
    is_empty_cell,
    no_header_error,
)


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
        raise InputFileError(source.label, f"không có trang tính '{wanted}' "
                             f"(các trang tính: {', '.join(nfc(n) for n in names)})")
    return found[:1]


def read_book(source: Source, table: Table, names: list[str],
              rows_of: Callable[[str], list[list]], typed: bool,
              where: str = f"{HEADER_SCAN_ROWS} dòng đầu của mọi trang tính") -> list[RawSheet]:
    """Every sheet of ``names`` (in order; stored under its NFC name) read from the rows
    ``rows_of(name)`` gives. ``typed``: cells may be numbers and datetimes, not only text.
    A workbook with no header in any sheet stops with one message (``where`` says where
    it was looked for)."""
    sheets: list[RawSheet] = []
    previous: RawSheet | None = None  # the last sheet read with a header
    for name in names:
        rows = rows_of(name)
        shown = nfc(name)
        found = find_header(rows, table, source.columns)
        if found is None:
            filled = sum(1 for r in rows if any(not is_empty_cell(c) for c in r))
            if previous is not None and filled and continues(rows, previous, table,
                                                             source.columns):
                header, start, after = previous.header, 0, previous.sheet
            else:  # said in the summary, with its rows: a sheet never vanishes
                sheets.append(RawSheet(source.label, shown, [], pd.DataFrame(index=range(filled)),
                                       np.zeros(filled, dtype="int64"), typed=typed,
                                       skipped="no_header" if filled else "empty_sheet"))
                continue
        else:
            (header, start), after = found, ""
        if len(header) > MAX_COLUMNS:
            raise InputFileError(source.label, f"trang '{shown}': dòng tiêu đề có "
                                 f"{len(header):,} cột, nhiều hơn Excel cho phép".replace(",", "."))
        values = frame(rows[start:], len(header))
        sheet = RawSheet(source.label, shown, header, values,
                         np.arange(len(values)) + start + 1, typed=typed, continues=after)
        sheets.append(sheet)
        previous = sheet
    if not any(not s.skipped for s in sheets):
        raise no_header_error(source, table, where)
    return sheets


def frame(rows: list[list], width: int) -> pd.DataFrame:
    """The data rows as ``width`` columns; a column of text only (or empty) as Arrow text,
    as a CSV's columns are, so its values are parsed once per distinct value; a column of
    numbers only as floats; the others (dates, a mix) as the Python values read."""
    if rows and min(map(len, rows)) >= width:  # calamine's rows span the sheet's width
        values = pd.DataFrame(rows, dtype=object).iloc[:, :width]
    else:
        values = pd.DataFrame([list(r[:width]) + [None] * (width - len(r)) for r in rows],
                              columns=range(width), dtype=object)
    values.columns = range(width)
    for pos in values.columns:
        cells = values[pos].to_numpy()
        kind = pd.api.types.infer_dtype(cells, skipna=True)
        if kind in ("string", "empty"):
            text = pa.array(cells, type=pa.large_string(), from_pandas=True)
            values[pos] = pd.arrays.ArrowStringArray(text)
        elif kind == "floating":  # numbers only (Excel's are all floats): no text to look at
            values[pos] = cells.astype("float64")
    return values


def continues(rows: list[list], previous: RawSheet, table: Table,
              pins: Mapping[str, str | None] | None = None) -> bool:
    """Whether a sheet without a header row goes on with the previous sheet's list: as wide
    (give or take an empty last column), and its receipt-date column holds dates (titles
    read with the data catalog's ``pins``)."""
    from cchc_lib.ingest.parsers import parse_datetime

    index = alias_index(table, pins)
    keys = [index.column_of(h) for h in previous.header]
    if "received_at" not in keys:
        return False
    pos = keys.index("received_at")
    body = [r for r in rows if any(not is_empty_cell(c) for c in r)][:200]
    widths = {sum(1 for c in r if not is_empty_cell(c)) for r in body}
    if max(widths) > len(previous.header):
        return False
    cells = pd.Series([r[pos] if pos < len(r) else None for r in body], dtype=object)
    parsed = parse_datetime(cells, None)  # a date that reads both ways is a date too
    return (parsed[0].notna() | parsed.ambiguous).mean() >= 0.8
