"""Reading files into raw blocks: what kind of file it is, its encoding and delimiter, where
its header is (found by content, one or two rows, anywhere in the first rows), and which rows
are not data (blank, a row of column numbers, a totals row).

A file that cannot be read stops with one :class:`InputFileError` naming it and the problem.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .catalog import Source
from .errors import InputFileError
from .parsers import blank
from .schema import Table
from .text import match_key

HEADER_SCAN_ROWS = 30
CSV_DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEAD_BYTES = 256 * 1024
# raw DVCQG columns read only to derive e_result (schema.E_RESULT_PARTS)
E_RESULT_KEYS = {match_key(a): f"_{a}" for a in schema.E_RESULT_PARTS}
TOTAL_LABELS = {match_key(s) for s in ("Tổng cộng", "Tổng", "Cộng", "Tổng số", "Cộng:")}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_SKIP_LINE = re.compile(r"Skipping line (\d+): (.*)")


@dataclass
class RawSheet:
    """One table-shaped block of a file: header found, values still as read."""

    file: str
    sheet: str
    header: list[str]
    values: pd.DataFrame  # object columns by position, one row per data row
    row_numbers: np.ndarray  # 1-based line (CSV) or row (XLSX) numbers of the data rows
    typed: bool = False  # values may be numbers/datetimes (Excel), not only text
    broken_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, problem)


def alias_index(table: Table) -> dict[str, str]:
    """Match key of every header alias -> canonical column name."""
    index = {}
    for col in table.columns:
        for alias in (col.name, *col.aliases):
            index.setdefault(match_key(alias), col.name)
    if table is schema.DOSSIERS:
        index.update(E_RESULT_KEYS)
    return index


def _score(cells: list, index: dict[str, str]) -> int:
    return len({index[k] for k in (match_key(c) for c in cells if not _empty(c)) if k in index})


def _empty(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""


def find_header(rows: list[list], table: Table) -> tuple[list[str], int] | None:
    """The header cells and the index of the first data row, or None.

    A header is the row (among the first 30) that names the most canonical columns. When it
    spans two rows (merged cells: a group title above, column names below), the two rows are
    read as one: the lower cell where it has text, else the upper one.
    """
    index = alias_index(table)
    best: tuple[int, list, int] = (0, [], 0)
    scan = rows[:HEADER_SCAN_ROWS + 1]
    for i, row in enumerate(scan[:HEADER_SCAN_ROWS]):
        candidates = [(list(row), i + 1)]
        if i + 1 < len(scan):
            merged = [a if _empty(b) else b for a, b in zip_longest(row, scan[i + 1])]
            candidates.append((merged, i + 2))
        for cells, start in candidates:
            score = _score(cells, index)
            if score > best[0]:
                best = (score, cells, start)
    if best[0] < max(2, math.ceil(len(table.required) / 2)):
        return None
    return ["" if _empty(c) else unicodedata.normalize("NFC", str(c).strip())
            for c in best[1]], best[2]


def expected_headers(table: Table) -> str:
    """The required columns as an office would title them (the first Vietnamese alias)."""
    def shown(c) -> str:
        return next((a for a in c.aliases if " " in a), c.aliases[0] if c.aliases else c.name)
    return ", ".join(shown(c) for c in table.columns if c.required)


def _no_header(source: Source, table: Table, where: str) -> InputFileError:
    return InputFileError(source.label, f"no recognisable header in {where} (expected columns "
                          f"such as {expected_headers(table)})")


# --------------------------------------------------------------------------------------
# CSV and other delimited text
# --------------------------------------------------------------------------------------


def _decode_head(head: bytes) -> tuple[str, str]:
    """(encoding, decoded text) of the start of a text file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", head[3:].decode("utf-8", errors="ignore")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", head.decode("utf-16", errors="ignore")
    try:
        return "utf-8", codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        # Vietnamese Windows ("ANSI") exports: code page 1258
        return "cp1258", head.decode("cp1258", errors="replace")


def read_csv(source: Source, table: Table) -> list[RawSheet]:
    with open(source.path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    encoding, text = _decode_head(head)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:HEADER_SCAN_ROWS + 1]
    best: tuple[int, str, tuple[list[str], int] | None] = (-1, ",", None)
    for delim in CSV_DELIMITERS:
        rows = list(csv.reader(lines, delimiter=delim))
        found = find_header(rows, table)
        if found and _score(found[0], alias_index(table)) > best[0]:
            best = (_score(found[0], alias_index(table)), delim, found)
    _, delim, found = best
    if found is None:
        raise _no_header(source, table, f"the first {HEADER_SCAN_ROWS} lines")
    header, start = found
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            values = pd.read_csv(source.path, sep=delim, encoding=encoding, skiprows=start,
                                 header=None, names=range(len(header)), dtype="string",
                                 keep_default_na=False, na_values=[], skip_blank_lines=False,
                                 on_bad_lines="warn", encoding_errors="strict")
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError,
                ValueError) as exc:
            if isinstance(exc, pd.errors.EmptyDataError):
                values = pd.DataFrame(columns=range(len(header)), dtype=object)
            elif "EOF inside string" in str(exc):
                raise InputFileError(source.label, 'a quotation mark (") opens a value that '
                                     "never closes: check the quotes in the file") from None
            else:
                raise InputFileError(source.label, f"cannot be read as a table: "
                                     f"{str(exc).splitlines()[0]}") from None
    # lines the parser could not split into the header's columns (an unquoted separator in
    # a value): they become quarantined rows, with their line numbers
    broken = []
    for w in caught:
        for m in _SKIP_LINE.finditer(str(w.message)):
            broken.append((int(m[1]), m[2].strip()))  # pandas counts physical lines
    first = start + 1
    lines_taken = np.arange(first, first + len(values) + len(broken))
    rows = np.setdiff1d(lines_taken, [b[0] for b in broken]) if broken else lines_taken
    return [RawSheet(source.label, "", header, values.reset_index(drop=True), rows,
                     broken_rows=broken)]


# --------------------------------------------------------------------------------------
# Excel workbooks (python-calamine: xlsx, xlsm, xls, xlsb, ods)
# --------------------------------------------------------------------------------------


def read_excel(source: Source, table: Table) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(source.path))
    except Exception as exc:  # calamine raises its own error types for every bad workbook
        raise InputFileError(source.label, f"not a readable Excel workbook ({exc})") from None
    names = book.sheet_names
    if source.sheet is not None:
        if source.sheet not in names:
            raise InputFileError(source.label, f"no sheet named '{source.sheet}' "
                                 f"(sheets: {', '.join(names)})")
        names = [source.sheet]
    sheets = []
    for name in names:
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise InputFileError(source.label, f"sheet '{name}' cannot be read ({exc})") from None
        found = find_header(rows, table)
        if found is None:
            continue
        header, start = found
        width = len(header)
        data = [list(r[:width]) + [None] * (width - len(r)) for r in rows[start:]]
        values = pd.DataFrame(data, columns=range(width), dtype=object)
        sheets.append(RawSheet(source.label, name, header, values,
                               np.arange(len(values)) + start + 1, typed=True))
    if not sheets:
        raise _no_header(source, table, f"any sheet's first {HEADER_SCAN_ROWS} rows")
    return sheets


# --------------------------------------------------------------------------------------
# What kind of file is this?
# --------------------------------------------------------------------------------------


def sniff(path: Path, label: str) -> str:
    """'excel' or 'text'; files that are neither stop with a message saying what they are."""
    if not path.is_file():
        raise InputFileError(label, "file not found")
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise InputFileError(label, "the file is empty")
    if head.startswith(_OLE_MAGIC):
        with open(path, "rb") as fh:
            whole = fh.read(4 * 1024 * 1024)
        if _ENCRYPTED in whole:
            raise InputFileError(label, "the workbook is password-protected: open it in Excel "
                                 "and save a copy without a password")
        return "excel"  # .xls (BIFF) workbooks
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    if head.startswith(b"%PDF"):
        raise InputFileError(label, "this is a PDF document, not a table: export the list as "
                             "Excel or CSV")
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")) or b"<html" in lowered:
        raise InputFileError(label, "this is a web page (HTML) saved with a spreadsheet name: "
                             "open it in Excel and save it as .xlsx")
    if path.suffix.lower() in EXCEL_SUFFIXES:
        raise InputFileError(label, "not a readable Excel workbook (the file is not in any "
                             "Excel format)")
    bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not bom16:
        raise InputFileError(label, "not a text table (binary content)")
    return "text"


def read_source(source: Source, table: Table) -> list[RawSheet]:
    """The table-shaped blocks of one file."""
    kind = sniff(source.path, source.label)
    return read_excel(source, table) if kind == "excel" else read_csv(source, table)


# --------------------------------------------------------------------------------------
# Rows that are not data
# --------------------------------------------------------------------------------------

NON_DATA_REASONS_VI = {
    "blank": "Dòng trống",
    "column_numbers": "Dòng đánh số cột (1), (2), …",
    "totals": "Dòng tổng cộng",
    "incomplete_sheet": "Trang tính thiếu cột bắt buộc (không đọc)",
}


def blank_cells(values: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds nothing (None, NaN or only spaces)."""
    return pd.DataFrame({c: blank(values[c]) for c in values.columns}, index=values.index)


def non_data_rows(values: pd.DataFrame, received_pos: int | None) -> pd.Series:
    """Why a row is not a dossier ('blank', 'column_numbers', 'totals'), else ''.

    - blank: every cell empty;
    - column numbers: the row right under a printed header numbering the columns, "1 2 3 …"
      or "(1) (2) (3) …";
    - totals: a cell reads "Tổng cộng"/"Cộng"/"Tổng số" and there is no receipt date.
    ``values`` holds no personal-data column.
    """
    empty = blank_cells(values)
    reason = pd.Series("", index=values.index, dtype=object)
    reason[empty.all(axis=1)] = "blank"
    if len(values):
        first = values.iloc[0][~empty.iloc[0]].astype(str).str.strip().str.strip("()")
        if len(first) >= 3 and first.str.fullmatch(r"\d+").all():
            nums = first.astype(int).to_numpy()
            if (np.diff(nums) > 0).all():  # increasing: personal columns are already gone
                reason.iloc[0] = "column_numbers"
    # a totals row has no receipt date: only those rows are looked at, cell by cell
    candidates = reason == ""
    if received_pos is not None and received_pos in values.columns:
        candidates &= empty[received_pos]
    if candidates.any():
        cells = values[candidates].astype("string")
        labels = cells.apply(lambda col: col.map(match_key, na_action="ignore").isin(TOTAL_LABELS))
        totals = labels.fillna(False).astype(bool).any(axis=1)
        reason[totals[totals].index] = "totals"
    return reason
