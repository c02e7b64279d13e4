"""What a workbook may declare and hold before any library reads it, and the one line a
workbook that cannot be read gets (damaged, encrypted, too big).

A reader that trusts a workbook's size can be made to allocate without bound: python-calamine
allocates a sheet's whole box, from A1 to its farthest cell, at 32 bytes a cell, and a
2 KB XLSX with one space typed in XFD1048576 makes it ask for 549 GB and abort the process
(an abort, not an exception: it can only be prevented). Every workbook is therefore measured
first (its parts' sizes, the farthest cell and the cell count of each sheet, read from the
file itself with bounded memory), and refused with one line when over these limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.formats import integer
from cchc_lib.core.lang import ingest_readers as lang

# A sheet's box (from A1 to its farthest cell holding a value) and its count of cells: a
# full-height sheet (1,048,576 rows) of 26 columns, A to Z. At that size calamine holds
# 0.87 GB for the box and its Python rows 0.2 GB of references more: about what an office
# PC of 8 GB can give one sheet. A real export is far below it (the 200,000-row benchmark
# workbook: 22 columns, 4.4 M cells); a sheet past it is stray cells far from the data,
# or a list to be split by year or unit.
MAX_SHEET_CELLS = 26 * 1_048_576
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # Excel's own sheet: no reference goes past it
# One part of a zipped workbook, inflated: a sheet at the cell limit written by Excel (about
# 50 bytes of XML a cell) fits. The scan before reading costs about 1 s per 250 MB.
MAX_PART_BYTES = 1536 * 2**20
MAX_BOOK_BYTES = 3 * 2**30  # every part together, inflated
# Excel's sheets deflate 5 to 20 times (the benchmark's: 9.2); a part of more than 32 MB
# inflating more than 100 times its stored size was made to inflate, not saved by an
# office program (the 9 MB XLSX whose sheet is 2 GB: 230 times).
MAX_RATIO, RATIO_FROM_BYTES = 100, 32 * 2**20
MAX_PARTS = 10_000  # a workbook of 255 sheets has about 600 parts, pictures included
# An HTML table or an Excel 2003 XML file is read whole into a parser's stream: about 30
# bytes a cell, so 512 MB is some 700,000 dossiers of 25 columns. A bigger export is
# XLSX or CSV.
MAX_MARKUP_BYTES = 512 * 2**20
# HTML's own caps (the HTML standard clamps colspan to 1,000 and rowspan to 65,534)
MAX_COLSPAN, MAX_ROWSPAN = 1_000, 65_534

# what each kind of workbook is called in a message, and what to do when it cannot be read
KIND_VI = lang.KIND_VI
_OPEN_WITH = lang.OPEN_WITH_VI
SAVE_AGAIN_VI = lang.SAVE_AGAIN_VI


@dataclass(frozen=True)
class Extent:
    """What a sheet holds, measured from the file: its cells holding something (a count
    that may include styled empty cells: an upper bound), and its farthest row and column
    (1-based) of a cell holding a value."""

    cells: int = 0
    rows: int = 0
    columns: int = 0

    def box(self) -> int:
        return self.rows * self.columns


def column_name(col: int) -> str:
    """1 -> 'A', 16384 -> 'XFD'."""
    name = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_number(letters: bytes | str) -> int:
    """'A' -> 1, 'XFD' -> 16384."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


def damaged(source: Source, kind: str, problem: str) -> InputFileError:
    """A workbook whose content cannot be read: what it is, what is wrong, what to do."""
    with_ = _OPEN_WITH.get(kind, "Excel")
    return InputFileError(source.label, lang.DAMAGED_VI.format(kind=KIND_VI[kind],
                                                               problem=problem, program=with_))


def encrypted(source: Source, kind: str) -> InputFileError:
    with_ = _OPEN_WITH.get(kind, "Excel")
    return InputFileError(source.label, lang.ENCRYPTED_VI.format(kind=KIND_VI[kind],
                                                                 program=with_))


def too_big(source: Source, kind: str, what: str) -> InputFileError:
    """A part or a file past a size limit (``what`` says which and how big)."""
    return InputFileError(source.label, lang.TOO_BIG_VI.format(kind=KIND_VI[kind], what=what))


def megabytes(n: int) -> str:
    """A size as a message says it: '48 MB', under a megabyte '51 KB'."""
    return f"{integer(n // 2**20)} MB" if n >= 2**20 else f"{integer(-(-n // 1024))} KB"


def check_extent(source: Source, sheet: str, extent: Extent) -> None:
    """Refuse a sheet whose box or cell count is over :data:`MAX_SHEET_CELLS`, naming the
    sheet, its farthest cell and what to do."""
    far = f"{column_name(extent.columns)}{extent.rows}"
    if extent.rows > EXCEL_ROWS or extent.columns > EXCEL_COLUMNS:
        raise InputFileError(source.label, lang.CELL_OUTSIDE_SHEET_VI.format(
            sheet=sheet, far=far, rows=integer(EXCEL_ROWS), columns=integer(EXCEL_COLUMNS)))
    if extent.box() > MAX_SHEET_CELLS:
        raise InputFileError(source.label, lang.SHEET_TOO_FAR_VI.format(
            sheet=sheet, far=far, rows=integer(extent.rows), columns=integer(extent.columns),
            limit=integer(MAX_SHEET_CELLS)))
    if extent.cells > MAX_SHEET_CELLS:
        raise InputFileError(source.label, lang.SHEET_TOO_MANY_CELLS_VI.format(
            sheet=sheet, cells=integer(extent.cells), limit=integer(MAX_SHEET_CELLS)))


def grown(source: Source, sheet: str, extent: Extent, rows: int, row: list) -> Extent:
    """The extent of a sheet read row by row, once ``row`` (its ``rows``-th) is added;
    refused at once past the limits, before the rest is read."""
    if rows > EXCEL_ROWS:  # (empty rows too: each is kept, to number the rows below it)
        check_extent(source, sheet, Extent(extent.cells, rows, max(extent.columns, 1)))
    filled = sum(1 for c in row if c != "" and c is not None)
    if not filled:
        return extent
    out = Extent(extent.cells + filled, rows, max(extent.columns, len(row)))
    if out.box() > MAX_SHEET_CELLS or out.cells > MAX_SHEET_CELLS:
        check_extent(source, sheet, out)
    return out


__all__ = [
    "check_extent", "column_name", "column_number", "damaged", "encrypted", "Extent", "grown",
    "KIND_VI", "MAX_BOOK_BYTES", "MAX_MARKUP_BYTES", "MAX_PART_BYTES", "MAX_PARTS",
    "MAX_SHEET_CELLS", "megabytes", "SAVE_AGAIN_VI", "too_big",
]
