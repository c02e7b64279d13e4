"""Excel 2003 XML Spreadsheets (SpreadsheetML: ``<?mso-application progid="Excel.Sheet"?>``,
``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">``), what some systems
export under an .xls name and Excel opens. Every ``<Worksheet>`` is a sheet; a cell keeps
the type it declares (Number a float, DateTime a datetime, Boolean a bool, String text), as
calamine's cells do; ``ss:Index`` skips rows and cells, ``ss:MergeAcross`` takes the
positions it merges.

Parsed by lxml as a stream: no entity expanded, no DTD loaded (a file that declares one is
refused: Excel never writes one), nothing fetched; each row let go of once read; a sheet
refused the moment it grows past :data:`limits.MAX_SHEET_CELLS`.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.book import chosen_sheets, read_book
from cchc_lib.ingest.readers.headers import Keep, RawSheet
from cchc_lib.ingest.readers.limits import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    MAX_MARKUP_BYTES,
    Extent,
    check_extent,
    damaged,
    grown,
    megabytes,
    too_big,
)

SS = "urn:schemas-microsoft-com:office:spreadsheet"
NAMESPACE = SS.encode()  # what sniff looks for
_WORKSHEET, _ROW, _CELL, _DATA = (f"{{{SS}}}{t}" for t in ("Worksheet", "Row", "Cell", "Data"))
_INDEX, _NAME, _TYPE, _ACROSS = (f"{{{SS}}}{a}" for a in ("Index", "Name", "Type",
                                                          "MergeAcross"))
_DECLARES = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def read_spreadsheetml(source: Source, table: Table, keep: Keep | None = None
                       ) -> list[RawSheet]:
    """Every worksheet of the file. ``keep`` is not used: a row's cells are read together."""
    size = source.path.stat().st_size
    if size > MAX_MARKUP_BYTES:
        raise too_big(source, "xml", lang.FILE_WEIGHS_VI.format(size=megabytes(size)))
    with open(source.path, "rb") as fh:
        head = fh.read(64 * 1024)
    prolog = head.split(b"<Workbook", 1)[0] if b"<Workbook" in head else head
    if _DECLARES.search(prolog):
        raise damaged(source, "xml", lang.DECLARES_DOCTYPE_VI)
    sheets = worksheets(source)
    names = chosen_sheets(source, list(sheets))
    return read_book(source, table, names, sheets.__getitem__, typed=True)


def worksheets(source: Source) -> dict[str, list[list]]:
    """Worksheet name -> its rows (a row skipped by ``ss:Index`` is an empty row)."""
    out: dict[str, list[list]] = {}
    rows: list[list] = []
    name, extent = "", Extent()
    try:
        fh = open(source.path, "rb")  # (a file, not its path: libxml2 on Windows may not open
    except OSError as exc:              # a path of Vietnamese letters)
        raise InputFileError(source.label, lang.CANNOT_OPEN_VI.format(
            problem=exc.strerror or exc)) from None
    try:
        for event, el in etree.iterparse(fh, events=("start", "end"),
                                         tag=(_WORKSHEET, _ROW), resolve_entities=False,
                                         load_dtd=False, no_network=True, huge_tree=False,
                                         remove_comments=True, remove_pis=True):
            if el.tag == _WORKSHEET:
                if event == "start":
                    name, rows, extent = el.get(_NAME, f"Sheet{len(out) + 1}"), [], Extent()
                    if name in out:
                        raise damaged(source, "xml", lang.SHEET_NAME_TWICE_VI.format(name=name))
                else:
                    out[name] = rows
                    el.clear(keep_tail=True)
                continue
            if event == "start":
                continue
            at = _index(el, len(rows) + 1)
            if at > EXCEL_ROWS:
                check_extent(source, name, Extent(extent.cells, at, max(extent.columns, 1)))
            rows.extend([] for _ in range(at - 1 - len(rows)))
            row = _cells(source, name, el, at)
            if at <= len(rows):  # a row placed again above the last one: its cells go in
                rows[at - 1] = row
            else:
                rows.append(row)
            extent = grown(source, name, extent, len(rows), row)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise damaged(source, "xml", lang.XML_MALFORMED_VI.format(line=exc.lineno)) from None
    finally:
        fh.close()
    if not out:
        raise InputFileError(source.label, lang.XML_NO_SHEET_VI)
    return out


def _index(el: etree._Element, default: int) -> int:
    """A row's or cell's 1-based ``ss:Index``, else ``default`` (the next position)."""
    value = el.get(_INDEX)
    if value is None:
        return default
    value = value.strip()
    return int(value) if value.isdigit() and len(value) <= 9 else default


def _cells(source: Source, sheet: str, row_el: etree._Element, at: int) -> list:
    row: list = []
    for cell in row_el:
        if cell.tag != _CELL:
            continue
        col = _index(cell, len(row) + 1)
        across = _index_attr(cell.get(_ACROSS))
        if col + across > EXCEL_COLUMNS:
            check_extent(source, sheet, Extent(0, at, col + across))
        row.extend([None] * (col - 1 - len(row)))
        data = cell.find(_DATA)
        value = None if data is None else _value(data)
        if col <= len(row):
            row[col - 1] = value
        else:
            row.append(value)
        row.extend([None] * across)
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def _index_attr(value: str | None) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 5 else 0


def _value(data: etree._Element) -> object:
    """A cell's value by its declared type (text the type does not read stays text)."""
    text = "".join(data.itertext())
    kind = data.get(_TYPE, "String")
    try:
        if kind == "Number":
            return float(text)
        if kind == "DateTime":
            return datetime.fromisoformat(text.strip())
        if kind == "Boolean":
            return text.strip() in ("1", "true", "TRUE")
    except ValueError:
        return text
    return text


__all__ = [
    "NAMESPACE", "read_spreadsheetml", "SS", "worksheets",
]
