"""HTML tables saved under a spreadsheet's name (.xls): what the "Xuất Excel" button of many
one-stop systems sends, and Excel opens. Each ``<table>`` is read like a sheet (a title
table above the list is a sheet without a header, said and counted); ``colspan`` and
``rowspan`` are laid out as Excel lays merged cells (the value in the first cell, the
others empty), so a two-row header reads as an Excel one does. Cells are text, as a CSV's.

The markup is parsed by lxml's HTML parser as a stream (no DTD, no network, libxml2's
default limits on a node), each row let go of once read; a table is refused the moment
it grows past :data:`limits.MAX_SHEET_CELLS`.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from lxml import etree

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.ingest.encodings import LEGACY, detect, to_utf8
from cchc_lib.ingest.readers.book import chosen_sheets, read_book
from cchc_lib.ingest.readers.headers import HEADER_SCAN_ROWS, MAX_COLUMNS, Keep, RawSheet
from cchc_lib.ingest.readers.limits import (
    MAX_COLSPAN,
    MAX_MARKUP_BYTES,
    MAX_ROWSPAN,
    Extent,
    damaged,
    grown,
    megabytes,
    too_big,
)

_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w-]+)", re.IGNORECASE)
# the declared names of Vietnamese Windows text (detect() tells it from the other legacy
# encodings by content; a declaration settles a tie)
_CP1258 = {b"windows-1258", b"cp1258", b"x-cp1258"}


def read_html(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """Every table of the page. ``keep`` is not used: a row's cells are read together."""
    size = source.path.stat().st_size
    if size > MAX_MARKUP_BYTES:
        raise too_big(source, "html", lang.FILE_WEIGHS_VI.format(size=megabytes(size)))
    data = source.path.read_bytes()
    encoding = html_encoding(data)
    blocks = html_tables(source, to_utf8(data, encoding))
    if not blocks:
        raise InputFileError(source.label, lang.HTML_NO_TABLE_VI)
    names = [""] if len(blocks) == 1 else [lang.TABLE_NAME_VI.format(n=i)
                                           for i in range(1, len(blocks) + 1)]
    rows = dict(zip(names, blocks, strict=True))
    sheets = read_book(source, table, chosen_sheets(source, names), rows.__getitem__,
                       typed=False, where=lang.HTML_SCANNED_VI.format(rows=HEADER_SCAN_ROWS))
    if encoding in LEGACY:  # said in the file's note, as a text file's is
        sheets = [replace(s, encoding=s.encoding or encoding) for s in sheets]
    return sheets


def html_encoding(data: bytes) -> str:
    """The page's encoding: by its bytes (:func:`encodings.detect`), a Windows-1258
    declaration taken when the bytes are not UTF-8."""
    found = _CHARSET.search(data[:64 * 1024])
    encoding = detect(data)
    if found and found[1].lower() in _CP1258 and encoding in ("tcvn3", "vni"):
        return "cp1258"
    return encoding


def html_tables(source: Source, utf8: bytes) -> list[list[list[str]]]:
    """The rows of every table, in the order the tables open (a table inside a cell is a
    table of its own, and its text is not the cell's)."""
    blocks: list[list[list[str]]] = []
    open_: list[int] = []  # indices of the tables open around the parser
    spans: dict[int, dict[int, int]] = {}  # table -> column -> rows a rowspan still covers
    extents: dict[int, Extent] = {}
    try:
        for event, el in etree.iterparse(io.BytesIO(utf8), events=("start", "end"),
                                         tag=("table", "tr"), html=True, encoding="utf-8",
                                         no_network=True, huge_tree=False,
                                         remove_comments=True, remove_pis=True):
            if el.tag == "table":
                if event == "start":
                    open_.append(len(blocks))
                    blocks.append([])
                    spans[open_[-1]] = {}
                    extents[open_[-1]] = Extent()
                else:
                    open_.pop()
                    el.clear(keep_tail=True)
                continue
            if event == "start" or not open_:
                continue
            at = open_[-1]
            row = _row(source, el, spans, at)
            blocks[at].append(row)
            extents[at] = grown(source, lang.TABLE_NAME_VI.format(n=at + 1), extents[at],
                                len(blocks[at]), row)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
    except (etree.XMLSyntaxError, etree.ParserError):
        raise damaged(source, "html", lang.HTML_UNREADABLE_VI) from None
    return blocks


def _row(source: Source, tr: etree._Element, spans: dict[int, dict[int, int]], at: int
         ) -> list[str]:
    """One row's cells laid out: positions a rowspan above still covers are empty, a cell
    of colspan n takes n positions (its text in the first); trailing empties dropped."""
    above = spans[at]
    taken: dict[int, int] = {}
    row: list[str] = []
    col = 0
    for cell in tr:
        if cell.tag not in ("td", "th"):
            continue
        while col in above:
            row.append("")
            col += 1
        across = _span(cell.get("colspan"), MAX_COLSPAN)
        down = _span(cell.get("rowspan"), MAX_ROWSPAN)
        if col + across > MAX_COLUMNS:
            raise InputFileError(source.label, lang.HTML_ROW_TOO_WIDE_VI.format(
                n=at + 1, limit=MAX_COLUMNS).replace(",", "."))
        row.append(cell_text(cell))
        row.extend([""] * (across - 1))
        if down > 1:
            taken.update(dict.fromkeys(range(col, col + across), down - 1))
        col += across
    spans[at] = {c: n - 1 for c, n in above.items() if n > 1} | taken
    while row and row[-1] == "":
        row.pop()
    return row


def _span(value: str | None, most: int) -> int:
    """A colspan/rowspan as the HTML standard reads it: digits, at least 1, at most its cap
    (0, "to the end of the group", is read as 1)."""
    digits = re.match(r"\s*(\d{1,6})", value or "")
    return min(max(int(digits[1]), 1), most) if digits else 1


def cell_text(cell: etree._Element) -> str:
    """A cell's text as Excel shows it: a line break is a space, runs of spaces (the
    no-break space of an empty cell's &nbsp; included) one space, trimmed."""
    for br in cell.iter("br"):
        br.tail = " " + (br.tail or "")
    etree.strip_elements(cell, "script", "style", with_tail=False)
    return " ".join("".join(cell.itertext()).split())


__all__ = [
    "cell_text", "html_encoding", "html_tables", "read_html",
]
