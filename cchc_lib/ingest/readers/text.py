"""Text exports (CSV and its cousins): encoding (UTF-8, UTF-16, cp1258, TCVN3, VNI), delimiter
and header found by content, physical line numbers kept for every row.
"""

from __future__ import annotations

import csv
import io
import re
import warnings

import numpy as np
import pandas as pd

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.ingest.encodings import detect, to_utf8
from cchc_lib.ingest.readers.headers import (
    CSV_DELIMITERS,
    HEADER_SCAN_ROWS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    RawSheet,
    alias_index,
    find_header,
    header_score,
    no_header_error,
    refuse_size,
)

_SKIP_LINE = re.compile(r"Skipping line (\d+): (.*)")  # pandas' warning for a bad line
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
    refuse_size(source, source.path.stat().st_size)
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
        if found and header_score(found[0], alias_index(table)) > best[0]:
            best = (header_score(found[0], alias_index(table)), delim, found)
    _, delim, found = best
    if found is None:
        raise no_header_error(source, table, f"{HEADER_SCAN_ROWS} dòng đầu của tệp")
    header, start = found
    if len(header) > MAX_COLUMNS:
        raise InputFileError(source.label, f"dòng tiêu đề có {len(header):,} cột, nhiều hơn "
                             f"{MAX_COLUMNS:,} cột một trang tính chứa được")
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
                raise InputFileError(source.label, 'một dấu ngoặc kép (") mở đầu một giá trị mà '
                                     "không đóng lại: kiểm tra dấu ngoặc kép trong tệp") from None
            else:
                raise InputFileError(source.label, f"không đọc được thành bảng: "
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
