"""Excel workbooks (xlsx, xlsm, xls, xlsb, ods) read with python-calamine: every sheet read or
listed, a sheet without a header that fits the previous one continues it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.headers import (
    HEADER_SCAN_ROWS,
    MAX_COLUMNS,
    Keep,
    RawSheet,
    alias_index,
    find_header,
    header_key,
    is_empty_cell,
    no_header_error,
    refuse_size,
)

# --------------------------------------------------------------------------------------
# Excel workbooks (python-calamine: xlsx, xlsm, xls, xlsb, ods)
# --------------------------------------------------------------------------------------


def read_excel(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """Every sheet of the workbook. ``keep`` is not used: calamine reads a sheet whole, and
    the caller drops the personal columns before any value is looked at."""
    from python_calamine import CalamineWorkbook

    refuse_size(source, source.path.stat().st_size)
    try:
        book = CalamineWorkbook.from_path(str(source.path))
    except Exception as exc:  # calamine raises its own error types for every bad workbook
        raise InputFileError(source.label, f"không đọc được như một sổ Excel ({exc})") from None
    names = book.sheet_names
    if source.sheet is not None:
        if source.sheet not in names:
            raise InputFileError(source.label, f"không có trang tính '{source.sheet}' "
                                 f"(các trang tính: {', '.join(names)})")
        names = [source.sheet]
    sheets: list[RawSheet] = []
    previous: RawSheet | None = None  # the last sheet read with a header
    for name in names:
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise InputFileError(source.label, f"sheet '{name}' cannot be read ({exc})") from None
        found = find_header(rows, table)
        if found is None:
            filled = sum(1 for r in rows if any(not is_empty_cell(c) for c in r))
            if previous is not None and filled and _continues(rows, previous, table):
                header, start, continues = previous.header, 0, previous.sheet
            else:  # said in the summary, with its rows: a sheet never vanishes
                sheets.append(RawSheet(source.label, name, [], pd.DataFrame(index=range(filled)),
                                       np.zeros(filled, dtype="int64"), typed=True,
                                       skipped="no_header" if filled else "empty_sheet"))
                continue
        else:
            (header, start), continues = found, ""
        if len(header) > MAX_COLUMNS:
            raise InputFileError(source.label, f"trang '{name}': dòng tiêu đề có "
                                 f"{len(header):,} cột, nhiều hơn Excel cho phép".replace(",", "."))
        values = _frame(rows[start:], len(header))
        sheet = RawSheet(source.label, name, header, values,
                         np.arange(len(values)) + start + 1, typed=True, continues=continues)
        sheets.append(sheet)
        previous = sheet
    if not any(not s.skipped for s in sheets):
        raise no_header_error(source, table, f"{HEADER_SCAN_ROWS} dòng đầu của mọi trang tính")
    return sheets


def _frame(rows: list[list], width: int) -> pd.DataFrame:
    """The data rows as ``width`` columns; a column of text only (or empty) as Arrow text,
    as a CSV's columns are, so its values are parsed once per distinct value; a column of
    numbers only as floats; the others (dates, a mix) as the Python values calamine gave."""
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


def _continues(rows: list[list], previous: RawSheet, table: Table) -> bool:
    """Whether a sheet without a header row goes on with the previous sheet's list: as wide
    (give or take an empty last column), and its receipt-date column holds dates."""
    from cchc_lib.ingest.parsers import parse_datetime

    index = alias_index(table)
    keys = [index.get(header_key(h)) for h in previous.header]
    if "received_at" not in keys:
        return False
    pos = keys.index("received_at")
    body = [r for r in rows if any(not is_empty_cell(c) for c in r)][:200]
    widths = {sum(1 for c in r if not is_empty_cell(c)) for r in body}
    if max(widths) > len(previous.header):
        return False
    cells = pd.Series([r[pos] if pos < len(r) else None for r in body], dtype=object)
    parsed, bad = parse_datetime(cells, None)
    return parsed.notna().mean() >= 0.8
