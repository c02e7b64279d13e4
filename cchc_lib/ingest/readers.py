"""Reading files into raw blocks: what kind of file it is, its encoding and delimiter, where
its header is (found by content, one or two rows, anywhere in the first rows), and which rows
are not data (blank, a row of column numbers, a totals row).

A file that cannot be read stops with one :class:`InputFileError` naming it and the problem.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from pathlib import Path

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.core.text import match_key
from cchc_lib.ingest.encodings import detect, to_utf8
from cchc_lib.ingest.parsers import blank

HEADER_SCAN_ROWS = 30
CSV_DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEAD_BYTES = 256 * 1024
MAX_FILE_BYTES = 4 * 2**30  # a text export larger than this is refused, not read slowly
MAX_COLUMNS = 16_384  # Excel's own limit: a wider header is not a table an office made
MAX_CELL_CHARS = 2**31 - 1  # no limit on one cell (the file size limit bounds it)
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
    encoding: str = ""  # text files: the encoding the file was read in
    header_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))
    skipped: str = ""  # a sheet not read: why (NON_DATA_REASONS_VI), its rows all counted
    continues: str = ""  # a sheet without a header read under the previous sheet's header


HEADER_MAX_CHARS = 200  # no header or totals label is longer: a longer cell is a value


def header_key(cell: object) -> str:
    """:func:`match_key` of a cell that may be a header or a label; "" for long values, so a
    huge note in the first rows costs nothing."""
    text = str(cell)
    return "" if len(text) > HEADER_MAX_CHARS else match_key(text)


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
    return len({index[k] for k in (header_key(c) for c in cells if not _empty(c))
                if k in index})


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


def _refuse_size(source: Source, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise InputFileError(source.label, f"the file is {size / 2**30:.1f} GB, more than the "
                             f"{MAX_FILE_BYTES // 2**30} GB one export may hold: export one "
                             "year (or one unit) per file")


HEAD_SCAN_BYTES = 32 * 2**20  # the header is looked for in the first lines within this


def decode_text(source: Source) -> tuple[str, bytes]:
    """(encoding, the file as UTF-8 bytes with plain line ends) of a whole text file."""
    data = source.path.read_bytes()
    encoding = detect(data)
    data = to_utf8(data, encoding)
    if b"\n" in data:
        # a carriage return alone inside a field (typed into a cell) is not a line end when
        # the file's lines end in LF or CRLF: it must not split a dossier in two
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b" ")
    else:
        data = data.replace(b"\r", b"\n")  # old Mac line ends
    return encoding, data


def read_csv(source: Source, table: Table) -> list[RawSheet]:
    _refuse_size(source, source.path.stat().st_size)
    encoding, data = decode_text(source)
    head = data[:HEAD_SCAN_BYTES].decode("utf-8", errors="ignore")
    lines = head.split("\n", HEADER_SCAN_ROWS + 1)[:HEADER_SCAN_ROWS + 1]
    best: tuple[int, str, tuple[list[str], int] | None] = (-1, ",", None)
    limit = csv.field_size_limit(MAX_CELL_CHARS)  # one huge note must not refuse a file
    try:
        scans = {d: list(csv.reader(lines, delimiter=d)) for d in CSV_DELIMITERS}
    finally:
        csv.field_size_limit(limit)
    for delim, rows in scans.items():
        found = find_header(rows, table)
        if found and _score(found[0], alias_index(table)) > best[0]:
            best = (_score(found[0], alias_index(table)), delim, found)
    _, delim, found = best
    if found is None:
        raise _no_header(source, table, f"the first {HEADER_SCAN_ROWS} lines")
    header, start = found
    if len(header) > MAX_COLUMNS:
        raise InputFileError(source.label, f"the header has {len(header):,} columns, more than "
                             f"the {MAX_COLUMNS:,} a worksheet can hold")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            values = pd.read_csv(io.BytesIO(data), sep=delim, skiprows=start, encoding="utf-8",
                                 header=None, names=range(len(header)), dtype="string",
                                 keep_default_na=False, na_values=[], skip_blank_lines=False,
                                 on_bad_lines="warn")
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
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
    # a value spans lines only if the file has more line ends than lines read
    spans = data.count(b"\n") + (not data.endswith(b"\n")) > start + len(values) + len(broken)
    rows = _line_numbers(values, start + 1, [b[0] for b in broken], spans)
    return [RawSheet(source.label, "", header, values.reset_index(drop=True), rows,
                     broken_rows=broken, encoding=encoding)]


def _line_numbers(values: pd.DataFrame, first: int, broken: list[int], spans: bool = True
                  ) -> np.ndarray:
    """The physical line each record starts on: a quoted value that spans lines moves every
    later record down (looked for only when ``spans``), and so does each broken line the
    parser skipped."""
    extra = np.zeros(len(values), dtype="int64")
    for c in values.columns if spans else ():
        col = values[c]
        if col.dtype == "string" or col.dtype == object:
            extra += col.astype("string").str.count("\n").fillna(0).to_numpy(dtype="int64")
    lines = first + np.arange(len(values)) + np.concatenate([[0], np.cumsum(extra)[:-1]]) \
        if len(values) else np.zeros(0, dtype="int64")
    for b in sorted(broken):
        lines[lines >= b] += 1
    return lines


# --------------------------------------------------------------------------------------
# Excel workbooks (python-calamine: xlsx, xlsm, xls, xlsb, ods)
# --------------------------------------------------------------------------------------


def read_excel(source: Source, table: Table) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    _refuse_size(source, source.path.stat().st_size)
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
    sheets: list[RawSheet] = []
    previous: RawSheet | None = None  # the last sheet read with a header
    for name in names:
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise InputFileError(source.label, f"sheet '{name}' cannot be read ({exc})") from None
        filled = sum(1 for r in rows if any(not _empty(c) for c in r))
        found = find_header(rows, table)
        if found is None:
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
            raise InputFileError(source.label, f"sheet '{name}': the header has "
                                 f"{len(header):,} columns, more than Excel allows")
        width = len(header)
        data = [list(r[:width]) + [None] * (width - len(r)) for r in rows[start:]]
        values = pd.DataFrame(data, columns=range(width), dtype=object)
        sheet = RawSheet(source.label, name, header, values,
                         np.arange(len(values)) + start + 1, typed=True, continues=continues)
        sheets.append(sheet)
        previous = sheet
    if not any(not s.skipped for s in sheets):
        raise _no_header(source, table, f"any sheet's first {HEADER_SCAN_ROWS} rows")
    return sheets


def _continues(rows: list[list], previous: RawSheet, table: Table) -> bool:
    """Whether a sheet without a header row goes on with the previous sheet's list: as wide
    (give or take an empty last column), and its receipt-date column holds dates."""
    from cchc_lib.ingest.parsers import parse_datetime

    index = alias_index(table)
    keys = [index.get(header_key(h)) for h in previous.header]
    if "received_at" not in keys:
        return False
    pos = keys.index("received_at")
    body = [r for r in rows if any(not _empty(c) for c in r)][:200]
    widths = {sum(1 for c in r if not _empty(c)) for r in body}
    if max(widths) > len(previous.header):
        return False
    cells = pd.Series([r[pos] if pos < len(r) else None for r in body], dtype=object)
    parsed, bad = parse_datetime(cells, None)
    return parsed.notna().mean() >= 0.8


# --------------------------------------------------------------------------------------
# A header repeated in the middle of a list (pasted exports, printed page headers)
# --------------------------------------------------------------------------------------


def split_repeated_headers(raw: RawSheet, table: Table) -> RawSheet:
    """Rows that are a header again are set aside as ``header`` rows, and when they put the
    columns in another order, the rows below them are read in that order (moved under the
    first header's columns; a column the first header lacks is added to it)."""
    if raw.skipped or raw.values.empty:
        return raw
    index = alias_index(table)
    # a header row holds no date where the receipt date goes: only such rows are looked at
    # (cell by cell), so the cost does not grow with the file
    first = {name: pos for pos, name in ((p, index.get(header_key(h)))
                                         for p, h in enumerate(raw.header)) if name}
    pos = first.get("received_at", first.get("dossier_id"))
    if pos is None:
        return raw
    cells = raw.values[pos].astype("string")
    maybe = raw.values[~cells.str.contains(r"\d", regex=True).fillna(False).astype(bool)
                       & cells.notna()]
    if maybe.empty:
        return raw
    named = pd.DataFrame({c: maybe[c].map(lambda v: index.get(header_key(v)),
                                          na_action="ignore")
                          for c in maybe.columns}, index=maybe.index)
    candidates = named.notna().sum(axis=1) >= 2
    if not candidates.any():
        return raw
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
        cells = ["" if _empty(c) else unicodedata.normalize("NFC", str(c).strip())
                 for c in raw.values.iloc[h]]
        target = []
        for cell in cells:
            key = header_key(cell)
            if not key:
                target.append(None)
                continue
            if key not in keys:
                header.append(cell)
                keys.append(key)
                values[len(header) - 1] = None
            target.append(keys.index(key))
        if target == list(range(len(cells))) or end <= h + 1:
            continue
        block = raw.values.iloc[h + 1:end]
        moved = pd.DataFrame(None, index=block.index, columns=values.columns, dtype=object)
        for src, dst in enumerate(target):
            if dst is not None:
                moved[dst] = block[src].astype(object)
        values.iloc[h + 1:end] = moved.to_numpy()
    return replace(raw, header=header, values=values, header_rows=header_rows)


# --------------------------------------------------------------------------------------
# What kind of file is this?
# --------------------------------------------------------------------------------------


def sniff(path: Path, label: str) -> str:
    """'excel' or 'text'; files that are neither stop with a message saying what they are."""
    try:
        if path.is_dir():
            raise InputFileError(label, "đây là một thư mục, không phải tệp: ghi đường dẫn của "
                                 "tệp xuất (CSV/XLSX) trong thư mục này")
        if not path.is_file():
            raise InputFileError(label, "file not found")
    except OSError as exc:  # a symlink loop, a path through a file
        raise InputFileError(label, f"không mở được ({exc.strerror or exc})") from None
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
    """The table-shaped blocks of one file (sheets not read are returned, marked skipped)."""
    kind = sniff(source.path, source.label)
    sheets = read_excel(source, table) if kind == "excel" else read_csv(source, table)
    return [split_repeated_headers(s, table) for s in sheets]


# --------------------------------------------------------------------------------------
# Rows that are not data
# --------------------------------------------------------------------------------------

NON_DATA_REASONS_VI = {
    "blank": "Dòng trống",
    "column_numbers": "Dòng đánh số cột (1), (2), …",
    "totals": "Dòng tổng cộng",
    "incomplete_sheet": "Trang tính thiếu cột bắt buộc (không đọc)",
    "header": "Dòng tiêu đề lặp lại giữa danh sách",
    "sub_header": "Dòng tiêu đề phụ dưới tiêu đề nhóm",
    "no_header": "Trang tính không có dòng tiêu đề và không nối tiếp trang trước (không đọc)",
    "empty_sheet": "Trang tính trống",
}


def blank_cells(values: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds nothing (None, NaN or only spaces)."""
    return pd.DataFrame({c: blank(values[c]) for c in values.columns}, index=values.index)


def non_data_rows(values: pd.DataFrame, received_pos: int | None,
                  id_pos: int | None = None) -> pd.Series:
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
    # a sub-header under group titles ("Kết quả giải quyết" over "Trước hạn | Đúng hạn"):
    # among the first rows, one with words only, and neither a dossier id nor a receipt date
    if received_pos in values.columns and id_pos in values.columns:
        for i in range(min(2, len(values))):
            row = values.iloc[i][~empty.iloc[i]]
            if reason.iloc[i] or not len(row):
                continue
            words = row.astype(str).str.contains(r"[^\W\d_]", regex=True).all()
            if words and empty.iloc[i][received_pos] and empty.iloc[i][id_pos]:
                reason.iloc[i] = "sub_header"
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
        labels = cells.apply(lambda col: col.map(header_key, na_action="ignore").isin(TOTAL_LABELS))
        totals = labels.fillna(False).astype(bool).any(axis=1)
        reason[totals[totals].index] = "totals"
    return reason
