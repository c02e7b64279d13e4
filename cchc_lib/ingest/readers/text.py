"""Text exports (CSV and its cousins): encoding (UTF-8, UTF-16, cp1258, TCVN3, VNI), delimiter
and header found by content, physical line numbers kept for every row.

A row's number is the line of the file it starts on. A file's lines end where its own line
end is: LF or CRLF, or CR alone in an old Mac file; the other kind inside a value (a carriage
return typed in a name) does not end a line. A quoted value spanning lines moves the rows
below it down; so does a line the parser could not split (its own quoted values included).
NUL bytes are never text: they are removed and counted (``RawSheet.cleaned``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
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
_FIELDS = re.compile(r"[Ee]xpected (\d+) fields.*?saw (\d+)")


def _problem_vi(problem: str) -> str:
    """pandas' "Expected 8 fields in line 5, saw 12", as the quarantine says it."""
    m = _FIELDS.search(problem)
    if m is None:
        return lang.LINE_UNSPLIT_VI
    return lang.LINE_FIELDS_VI.format(saw=int(m[2]), expected=int(m[1]))
HEAD_SCAN_BYTES = 32 * 2**20  # the header is looked for in the first lines within this
# what each of Arrow's reading threads takes at a time: its default (1 MB) and 4 MB read a big
# export fastest here, with values spanning lines allowed (16 MB: a third slower)
BLOCK_BYTES = 4 * 2**20
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
ANY_DELIMITER = "".join(CSV_DELIMITERS)


class Decoded(NamedTuple):
    """A text file as the readers take it."""

    encoding: str  # the file's own encoding
    data: bytes  # its text as UTF-8, no BOM, no NUL, lines ended by LF
    on_disk: bool  # these are the file's own bytes: Arrow is to read it from disk
    nul: int  # NUL characters removed from the text


def decode_text(source: Source, arrow_reads: bool = False) -> Decoded:
    """The whole text file, decoded (:class:`Decoded`).

    ``arrow_reads``: the caller has Arrow read the file from disk, and Arrow checks every
    value's UTF-8 as it reads (and refuses the file otherwise: the caller then asks again
    without it). A file without BOM, carriage return or NUL whose first lines are UTF-8 is
    then taken as UTF-8 without a pass of Python's own over the rest (the NUL is looked for
    by ``memchr``, no copy). Every NUL is removed from the text after decoding (UTF-16's
    U+0000 as UTF-8's), and counted."""
    data = source.path.read_bytes()
    has_nul = b"\x00" in data
    if arrow_reads and not has_nul and b"\r" not in data and not data.startswith(BOMS):
        head = data[:HEAD_SCAN_BYTES]
        if len(data) > len(head):  # whole lines only: a character may straddle the cut
            head = head[:head.rfind(b"\n") + 1]
        if head and is_utf8(head):
            return Decoded("utf-8", data, True, 0)
    encoding = detect(data)
    data = to_utf8(data, encoding)
    nul = data.count(b"\x00") if has_nul else 0  # (no NUL byte in the file, none decoded)
    if nul:  # padding, or a byte another program left: never a value
        data = data.replace(b"\x00", b"")
    return Decoded(encoding, plain_line_ends(data), False, nul)


def plain_line_ends(data: bytes) -> bytes:
    """``data`` with every line ended by LF. The file's line end is CR alone (old Mac) when
    its first line ends so or when lone CRs outnumber LFs; otherwise LF or CRLF. The other
    kind, typed inside a value, becomes a space: it must not split a dossier in two."""
    if b"\r" not in data:
        return data
    crlf = data.count(b"\r\n")
    lone_cr, lf = data.count(b"\r") - crlf, data.count(b"\n")
    first = min(i for i in (data.find(b"\r"), data.find(b"\n"), len(data)) if i >= 0)
    mac_first = data[first:first + 1] == b"\r" and data[first + 1:first + 2] != b"\n"
    if lone_cr and (mac_first or lone_cr > lf):
        return data.replace(b"\r\n", b"\r").replace(b"\n", b" ").replace(b"\r", b"\n")
    return data.replace(b"\r\n", b"\n").replace(b"\r", b" ")


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
        raise InputFileError(source.label, lang.FILE_CHANGED_VI)
    return [sheet]


def _read_decoded(source: Source, table: Table, keep: Keep | None, arrow_reads: bool
                  ) -> RawSheet | None:
    """The file's block, decoded (:func:`decode_text`): Arrow reads it (from disk when those
    are the file's own bytes), pandas when Arrow will not. None when Arrow refused the file
    on disk (its UTF-8 included): the caller asks again without ``arrow_reads``. (The bytes
    are decoded here, so that this function holds the only reference to them.)"""
    encoding, data, on_disk, nul = decode_text(source, arrow_reads)
    delim, header, start, wide = find_layout(source, data, table)
    if wide:  # empty cells right of the titled columns (Excel's used range), on any line
        data, on_disk = strip_trailing_fields(data, delim), False
    width = len(header)
    kept = sorted(keep(header)) if keep is not None else list(range(width))
    offset = line_offset(data, start)
    quotes_even = not (data.count(b'"', 0, offset) % 2 or data.count(b'"', offset) % 2)
    # a value spans lines only if the file has more line ends than lines read
    line_ends = data.count(b"\n") + (not data.endswith(b"\n"))
    whole: Path | bytes = data
    if on_disk:  # the file on disk is what is read: Arrow
        whole = source.path  # reads it from there, its bytes need not stay beside the table
        del data
    values = _read_arrow(whole, offset, width, delim, kept) if quotes_even else None
    broken: list[tuple[int, str]] = []  # (place among the records, problem)
    if values is None:
        if not isinstance(whole, bytes):
            return None
        values, broken = _read_pandas(source, whole, delim, offset, width)
    spans = line_ends > start + len(values) + len(broken)
    extra = _newlines(values) if spans else np.zeros(len(values), dtype="int64")
    left_out = [pos for pos in range(width) if pos not in values.columns]
    if spans and left_out and not broken:  # lines spanned by values not read: counted
        more = _read_arrow(whole, offset, width, delim, left_out)
        assert more is not None  # the lines Arrow has just read
        extra += _newlines(more)
        del more
    skipped_text = whole if spans and broken and isinstance(whole, bytes) else b""
    lines = record_lines(skipped_text, delim, offset, start + 1, extra,
                         [place for place, _ in broken])
    del skipped_text
    del whole
    read = np.ones(len(lines), dtype=bool)
    read[[place for place, _ in broken]] = False
    values = values[kept] if len(kept) < values.shape[1] else values  # (pandas reads all)
    return RawSheet(source.label, "", header, values.reset_index(drop=True), lines[read],
                    broken_rows=[(int(lines[place]), problem) for place, problem in broken],
                    encoding=encoding, cleaned={"nul": nul} if nul else {})


def line_offset(data: bytes, lines: int) -> int:
    """The byte after the first ``lines`` lines (the end of ``data`` when it has fewer)."""
    offset = 0
    for _ in range(lines):
        offset = data.find(b"\n", offset) + 1
        if not offset:
            return len(data)
    return offset


def arrow_offset(data: bytes, start: int) -> int | None:
    """Where the data rows begin (the byte after ``start`` lines), for Arrow's reader; None
    when a quote may be left open (an odd count above the data or in it): Arrow would read
    to the end of the file without a word, pandas says where."""
    offset = line_offset(data, start)
    if data.count(b'"', 0, offset) % 2 or data.count(b'"', offset) % 2:
        return None
    return offset


class Layout(NamedTuple):
    """Where a text file's table is."""

    delim: str
    header: list[str]  # the header's cells, its empty cells at the right left out
    start: int  # the lines above the first data row (title lines and the header)
    wide: bool  # the header had empty cells at its right: so may any line


def find_layout(source: Source, data: bytes, table: Table) -> Layout:
    """The delimiter, header and start of a decoded text file, the header found by content
    in its first lines under each usual delimiter. Empty cells at the right of every line
    are set aside before the header is looked for (Excel saves its whole used range, a
    hundred thousand empty cells on a line): only then is the header's width limited."""
    head = data[:HEAD_SCAN_BYTES].decode("utf-8", errors="ignore")
    lines = head.split("\n", HEADER_SCAN_ROWS + 1)[:HEADER_SCAN_ROWS + 1]
    best: tuple[int, str, tuple[list[str], int] | None, list[int]] = (-1, ",", None, [])
    limit = csv.field_size_limit(MAX_CELL_CHARS)  # one huge note must not refuse a file
    try:
        scans = {d: _scan_rows(lines, d) for d in CSV_DELIMITERS}
    finally:
        csv.field_size_limit(limit)
    for delim, (rows, ends) in scans.items():
        found = find_header(rows, table, source.columns)
        score = header_score(found[0], alias_index(table, source.columns)) if found else -1
        if found and score > best[0]:
            best = (score, delim, found, ends)
    _, delim, found, ends = best
    if found is None:
        raise no_header_error(source, table, lang.TEXT_SCANNED_VI.format(rows=HEADER_SCAN_ROWS))
    header, start = found
    wide = lines[ends[start - 1] - 1].endswith(delim)  # the header's last line
    while header and not header[-1]:  # (cells of spaces only)
        header, wide = header[:-1], True
    if len(header) > MAX_COLUMNS:
        raise InputFileError(source.label, lang.TEXT_HEADER_TOO_WIDE_VI.format(
            n=len(header), limit=MAX_COLUMNS))
    return Layout(delim, header, ends[start - 1], wide)


def _scan_rows(lines: list[str], delim: str) -> tuple[list[list[str]], list[int]]:
    """The rows of the first lines under one delimiter, each line's empty cells at its right
    left out (the delimiters at its end, of every kind: a hundred thousand commas are not
    one title under another delimiter), and the line each row ends on (a quoted cell may
    span lines)."""
    reader = csv.reader((line.rstrip(ANY_DELIMITER) for line in lines), delimiter=delim)
    rows, ends = [], []
    for row in reader:
        rows.append(row)
        ends.append(reader.line_num)
    return rows, ends


def strip_trailing_fields(data: bytes, delim: str) -> bytes:
    """Every line without the empty fields at its right (the delimiters before its end),
    but where a quoted value goes on to the next line: those delimiters are the value's.
    A line of values past the titled columns keeps them (and is refused as today)."""
    sep = delim.encode()
    lines = data.split(b"\n")
    inside = False
    for i, line in enumerate(lines):
        if inside or b'"' in line:
            inside = ends_quoted(line, sep, inside)
        if not inside:
            lines[i] = line.rstrip(sep)
    return b"\n".join(lines)


def ends_quoted(line: bytes, sep: bytes, inside: bool) -> bool:
    """Whether ``line`` ends inside a quoted value (``inside``: it begins in one), as the CSV
    parsers read quotes: one opens a value only at the value's start, two in a quoted value
    are one quote, one closes it; any other quote is a character."""
    pos = 0
    while True:
        q = line.find(b'"', pos)
        if q < 0:
            return inside
        if inside and line[q + 1:q + 2] == b'"':
            pos = q + 2
            continue
        inside = not inside if inside else (q == 0 or line[q - 1:q] == sep)
        pos = q + 1


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


def _read_pandas(source: Source, data: bytes, delim: str, offset: int, width: int
                 ) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """The data rows (from byte ``offset``) read by pandas' parser, which skips a record that
    does not split into the header's columns with a warning naming it: those come back as
    (place among the records, problem) and become quarantined rows; a short line is kept,
    its missing values empty.

    pandas takes its first line's width as the table's (a first line one value too wide
    would make its first column the index and shift every value), and numbers records, not
    lines: the data is read under a line of ``width`` empty values of our own, left out
    after; its "Skipping line N" is the N-th record, that line included."""
    own = delim.encode() * (width - 1) + b"\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            values = pd.read_csv(io.BytesIO(b"".join([own, memoryview(data)[offset:]])),
                                 sep=delim, encoding="utf-8", header=None, index_col=False,
                                 names=range(width), dtype="string", keep_default_na=False,
                                 na_values=[], skip_blank_lines=False, on_bad_lines="warn")
        except (pd.errors.ParserError, ValueError) as exc:
            if "EOF inside string" in str(exc):
                raise InputFileError(source.label, lang.QUOTE_NOT_CLOSED_VI) from None
            raise InputFileError(source.label, lang.NOT_A_TABLE_VI.format(
                problem=str(exc).splitlines()[0])) from None
    broken = []
    for w in caught:
        for m in _SKIP_LINE.finditer(str(w.message)):
            broken.append((int(m[1]) - 2, _problem_vi(m[2])))  # (our line is record 1)
    return values.iloc[1:].reset_index(drop=True), sorted(broken)


def _newlines(values: pd.DataFrame) -> np.ndarray:
    """Per row, the line ends inside its values (a quoted value that spans lines)."""
    extra = np.zeros(len(values), dtype="int64")
    for c in values.columns:
        col = values[c]
        if col.dtype == "string" or col.dtype == object:
            extra += col.astype("string").str.count("\n").fillna(0).to_numpy(dtype="int64")
    return extra


def record_lines(data: bytes, delim: str, offset: int, first: int, extra: np.ndarray,
                 skipped: list[int]) -> np.ndarray:
    """The line each record starts on, the first on line ``first`` (at byte ``offset`` of
    ``data``): each record moves the next down by its own line and the line ends inside its
    values, ``extra`` for the records read (in order), found in ``data`` for the records the
    parser skipped (``skipped``: their places among all records, in order; ``data`` is
    needed only when values span lines)."""
    total = len(extra) + len(skipped)
    inside = np.zeros(total, dtype="int64")
    read = np.ones(total, dtype=bool)
    read[skipped] = False
    inside[read] = extra
    if data:
        cursor, done, above = _LineCursor(data, offset, first), 0, 0
        for place in skipped:
            above += int(inside[done:place].sum())
            done = place
            inside[place] = _record_breaks(data, cursor.seek(first + place + above),
                                           delim.encode())
    return first + np.arange(total) + np.concatenate([[0], np.cumsum(inside)[:-1]]) \
        if total else np.zeros(0, dtype="int64")


class _LineCursor:
    """The byte where a line begins, for lines asked in increasing order: whole blocks are
    skipped by counting their line ends (in C), the last lines are found one by one."""

    BLOCK = 2**20

    def __init__(self, data: bytes, offset: int, line: int):
        self.data, self.pos, self.line = data, offset, line  # ``pos`` is on line ``line``

    def seek(self, line: int) -> int:
        data = self.data
        while self.pos + self.BLOCK < len(data):
            ends = data.count(b"\n", self.pos, self.pos + self.BLOCK)
            if self.line + ends >= line:
                break
            self.pos, self.line = self.pos + self.BLOCK, self.line + ends
        while self.line < line:
            found = data.find(b"\n", self.pos)
            if found < 0:
                return len(data)
            self.pos, self.line = found + 1, self.line + 1
        return self.pos


def _record_breaks(data: bytes, pos: int, sep: bytes) -> int:
    """The line ends inside the record that starts at byte ``pos`` (its quoted values')."""
    inside, breaks = False, 0
    while True:
        end = data.find(b"\n", pos)
        inside = ends_quoted(data[pos:] if end < 0 else data[pos:end], sep, inside)
        if not inside or end < 0:
            return breaks
        breaks, pos = breaks + 1, end + 1


__all__ = [
    "ANY_DELIMITER", "arrow_offset", "BLOCK_BYTES", "BOMS", "decode_text", "Decoded",
    "ends_quoted", "find_layout", "HEAD_SCAN_BYTES", "Layout", "line_offset", "plain_line_ends",
    "read_csv", "record_lines", "strip_trailing_fields",
]
