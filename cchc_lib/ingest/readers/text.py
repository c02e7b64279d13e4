"""Text exports (CSV and its cousins): encoding (UTF-8, UTF-16, cp1258, TCVN3, VNI), delimiter
and header found by content, physical line numbers kept for every row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.ingest.encodings import detect, is_utf8, to_utf8
from cchc_lib.ingest.memory import release_memory
from cchc_lib.ingest.readers.headers import (
    CSV_DELIMITERS,
    HEADER_SCAN_ROWS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    Keep,
    RawSheet,
    alias_index,
    find_header,
    header_score,
    no_header_error,
    refuse_size,
)

_SKIP_LINE = re.compile(r"Skipping line (\d+): (.*)")  # pandas' warning for a bad line
HEAD_SCAN_BYTES = 32 * 2**20  # the header is looked for in the first lines within this
# what each of Arrow's reading threads takes at a time: its default (1 MB) and 4 MB read a big
# export fastest here, with values spanning lines allowed (16 MB: a third slower)
BLOCK_BYTES = 4 * 2**20
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(source: Source, arrow_reads: bool = False) -> tuple[str, bytes, bool]:
    """(encoding, the file as UTF-8 bytes with plain line ends, whether Arrow is to read the
    file itself from disk) of a whole text file.

    ``arrow_reads``: the caller has Arrow read the file from disk, and Arrow checks every
    value's UTF-8 as it reads (and refuses the file otherwise: the caller then asks again
    without it). A file without BOM or carriage return whose first lines are UTF-8 is then
    taken as UTF-8 without a pass of Python's own over the rest."""
    data = source.path.read_bytes()
    if arrow_reads and b"\r" not in data and not data.startswith(BOMS):
        head = data[:HEAD_SCAN_BYTES]
        if len(data) > len(head):  # whole lines only: a character may straddle the cut
            head = head[:head.rfind(b"\n") + 1]
        if head and is_utf8(head):
            return "utf-8", data, True
    encoding = detect(data)
    data = to_utf8(data, encoding)
    if b"\r" not in data:
        return encoding, data, False
    if b"\n" in data:
        # a carriage return alone inside a field (typed into a cell) is not a line end when
        # the file's lines end in LF or CRLF: it must not split a dossier in two
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b" ")
    else:
        data = data.replace(b"\r", b"\n")  # old Mac line ends
    return encoding, data, False


def read_csv(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """The file's one block. ``keep``: the header positions whose values are read (the
    others, personal data, are skipped by the reader and never become values)."""
    before = source.path.stat()
    refuse_size(source, before.st_size)
    sheet = _read_decoded(source, table, keep, arrow_reads=True)
    if sheet is None:  # Arrow refused the file as it is on disk: decoded whole, read again
        sheet = _read_decoded(source, table, keep, arrow_reads=False)
    assert sheet is not None  # (from decoded bytes, pandas reads what Arrow will not)
    after = source.path.stat()  # read twice (decoded, then by Arrow): the same file both times
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise InputFileError(source.label, "tệp đã thay đổi trong khi đọc (có thể đang được "
                             "ghi): chạy lại khi tệp đã xuất xong")
    return [sheet]


def _read_decoded(source: Source, table: Table, keep: Keep | None, arrow_reads: bool
                  ) -> RawSheet | None:
    """The file's block, decoded (:func:`decode_text`): Arrow reads it (from disk when those
    are the file's own bytes), pandas when Arrow will not. None when Arrow refused the file
    on disk (its UTF-8 included): the caller asks again without ``arrow_reads``. (The bytes
    are decoded here, so that this function holds the only reference to them.)"""
    encoding, data, on_disk = decode_text(source, arrow_reads)
    delim, header, start = find_layout(source, data, table)
    kept = sorted(keep(header)) if keep is not None else list(range(len(header)))
    offset = arrow_offset(data, start)
    # a value spans lines only if the file has more line ends than lines read
    line_ends = data.count(b"\n") + (not data.endswith(b"\n"))
    whole: Path | bytes = data
    if on_disk:  # the file on disk is what is read: Arrow
        whole = source.path  # reads it from there, its bytes need not stay beside the table
        del data
    values = None if offset is None else _read_arrow(whole, offset, len(header), delim, kept)
    broken: list[tuple[int, str]] = []
    if values is None:
        if not isinstance(whole, bytes):
            return None
        values, broken = _read_pandas(source, whole, delim, start, len(header))  # says which
    spans = line_ends > start + len(values) + len(broken)                     # line it skips
    extra = _newlines(values) if spans else np.zeros(len(values), dtype="int64")
    left_out = [pos for pos in range(len(header)) if pos not in values.columns]
    if spans and left_out and offset is not None:  # lines spanned by values not read: counted
        more = _read_arrow(whole, offset, len(header), delim, left_out)
        assert more is not None  # the lines Arrow has just read
        extra += _newlines(more)
        del more
    del whole
    rows = _line_numbers(len(values), start + 1, extra, [b[0] for b in broken])
    values = values[kept] if len(kept) < values.shape[1] else values  # (pandas reads all)
    return RawSheet(source.label, "", header, values.reset_index(drop=True), rows,
                    broken_rows=broken, encoding=encoding)


def arrow_offset(data: bytes, start: int) -> int | None:
    """Where the data rows begin (the byte after ``start`` lines), for Arrow's reader; None
    when a quote may be left open (an odd count above the data or in it): Arrow would read
    to the end of the file without a word, pandas says where."""
    offset = 0
    for _ in range(start):
        offset = data.find(b"\n", offset) + 1
        if not offset:
            return None
    if data.count(b'"', 0, offset) % 2 or data.count(b'"', offset) % 2:
        return None
    return offset


def find_layout(source: Source, data: bytes, table: Table) -> tuple[str, list[str], int]:
    """(delimiter, header cells, lines above the data) of a decoded text file, the header
    found by content in its first lines under each usual delimiter."""
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
    return delim, header, start


def _read_arrow(whole: Path | bytes, offset: int, width: int, delim: str,
                columns: list[int] | None = None) -> pd.DataFrame | None:
    """The data rows (from byte ``offset`` of the file on disk or of its UTF-8 bytes) as text
    columns, read by pyarrow's multi-threaded reader; None when a line does not split into
    the header's columns (too many or too few values) or the reader refuses the text.
    pandas then reads the file and names each line it cannot split. ``columns``: the
    positions read (default: all); the reader skips the others' values without making
    them into text."""
    names = [str(i) for i in range(width)]
    columns = list(range(width)) if columns is None else columns
    text = dict.fromkeys(names, pa.large_string())  # pandas' own string type: no copy
    uneven: list[object] = []

    def refuse(row: object) -> str:
        uneven.append(row)
        return "skip"

    if isinstance(whole, bytes):
        stream = pa.BufferReader(pa.py_buffer(whole)[offset:])
    else:
        stream = pa.OSFile(str(whole))
        stream.seek(offset)
    try:
        table = pa_csv.read_csv(
            stream,
            read_options=pa_csv.ReadOptions(column_names=names, block_size=BLOCK_BYTES),
            parse_options=pa_csv.ParseOptions(delimiter=delim, newlines_in_values=True,
                                              ignore_empty_lines=False,
                                              invalid_row_handler=refuse),
            convert_options=pa_csv.ConvertOptions(
                column_types=text, strings_can_be_null=False,
                # (Arrow reads every column when given none: then one, left out below)
                include_columns=[names[i] for i in columns] or names[:1]))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    finally:
        stream.close()
    if uneven:
        return None
    rows = table.num_rows
    read = {i: table.column(str(i)) for i in columns}
    del table
    for i in columns:  # each column in one piece of its own, its blocks given back as it goes
        read[i] = pa.chunked_array([read[i].combine_chunks()])
        release_memory()
    return pd.DataFrame({i: pd.arrays.ArrowStringArray(read.pop(i)) for i in columns},
                        index=pd.RangeIndex(rows))


def _read_pandas(source: Source, data: bytes, delim: str, start: int, width: int
                 ) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """The data rows read by pandas' parser, which skips a line that does not split into the
    header's columns with a warning naming the line: those lines come back as (line,
    problem) and become quarantined rows; a short line is kept, its missing values empty."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            values = pd.read_csv(io.BytesIO(data), sep=delim, skiprows=start, encoding="utf-8",
                                 header=None, names=range(width), dtype="string",
                                 keep_default_na=False, na_values=[], skip_blank_lines=False,
                                 on_bad_lines="warn")
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            if isinstance(exc, pd.errors.EmptyDataError):
                values = pd.DataFrame(columns=range(width), dtype=object)
            elif "EOF inside string" in str(exc):
                raise InputFileError(source.label, 'một dấu ngoặc kép (") mở đầu một giá trị mà '
                                     "không đóng lại: kiểm tra dấu ngoặc kép trong tệp") from None
            else:
                raise InputFileError(source.label, f"không đọc được thành bảng: "
                                     f"{str(exc).splitlines()[0]}") from None
    broken = []
    for w in caught:
        for m in _SKIP_LINE.finditer(str(w.message)):
            broken.append((int(m[1]), m[2].strip()))  # pandas counts physical lines
    return values, broken


def _newlines(values: pd.DataFrame) -> np.ndarray:
    """Per row, the line ends inside its values (a quoted value that spans lines)."""
    extra = np.zeros(len(values), dtype="int64")
    for c in values.columns:
        col = values[c]
        if col.dtype == "string" or col.dtype == object:
            extra += col.astype("string").str.count("\n").fillna(0).to_numpy(dtype="int64")
    return extra


def _line_numbers(rows: int, first: int, extra: np.ndarray, broken: list[int]) -> np.ndarray:
    """The physical line each record starts on: the line ends inside a record's values
    (``extra``) move every later record down, and so does each broken line the parser
    skipped."""
    lines = first + np.arange(rows) + np.concatenate([[0], np.cumsum(extra)[:-1]]) \
        if rows else np.zeros(0, dtype="int64")
    for b in sorted(broken):
        lines[lines >= b] += 1
    return lines
