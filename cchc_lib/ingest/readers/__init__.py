"""Reading files into raw blocks: the reader registry (one module per format), chosen by
what the file is (its first bytes), not by its name.

A file that cannot be read stops with one :class:`InputFileError` naming it and the problem.
A new format is a module with a ``read_…(source, table, keep) -> list[RawSheet]`` function (it
may leave out the columns ``keep`` does not name, and must when it can), an entry
in :data:`READERS` and a test in :func:`sniff`. A workbook's reader hands each sheet's rows
to :func:`book.read_book` (header, width, continued and skipped sheets, as for every
workbook), after measuring the file against :mod:`.limits` before any library reads it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.excel import OLE_MAGIC, read_excel
from cchc_lib.ingest.readers.headers import Keep, RawSheet, alias_index, split_repeated_headers
from cchc_lib.ingest.readers.html import read_html
from cchc_lib.ingest.readers.rows import non_data_rows
from cchc_lib.ingest.readers.spreadsheetml import NAMESPACE, read_spreadsheetml
from cchc_lib.ingest.readers.text import read_csv

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEAD_BYTES = 256 * 1024
# how an HTML export begins (Excel's "Save as Web Page", a system's <table> with or without
# <meta>/<style> above it)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<table", b"<meta", b"<style", b"<head",
                b"<body", b"<title")
# bytes no text file holds, NULs aside: the control characters but tab, LF, FF and CR
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")

# what :func:`sniff` says a file is -> the reader of that format
READERS: dict[str, Callable[[Source, Table, Keep | None], list[RawSheet]]] = {
    "excel": read_excel,
    "html": read_html,
    "spreadsheetml": read_spreadsheetml,
    "text": read_csv,
}

__all__ = ["READERS", "Keep", "RawSheet", "alias_index", "non_data_rows",
           "read_source", "sniff"]


# --------------------------------------------------------------------------------------
# What kind of file is this?
# --------------------------------------------------------------------------------------


def sniff(path: Path, label: str) -> str:
    """A key of :data:`READERS`: 'excel' (an OLE or zip workbook: what it holds is
    checked by its reader), 'spreadsheetml' (Excel 2003 XML), 'html' (a web page's tables)
    or 'text'; files that are none of these stop with a message saying what they are."""
    try:
        if path.is_dir():
            raise InputFileError(label, lang.IS_FOLDER_VI)
        if not path.is_file():
            raise InputFileError(label, lang.FILE_NOT_FOUND_VI)
    except OSError as exc:  # a symlink loop, a path through a file
        raise InputFileError(label, lang.CANNOT_OPEN_VI.format(problem=exc.strerror or exc)
                             ) from None
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise InputFileError(label, lang.FILE_EMPTY_VI)
    if head.startswith((OLE_MAGIC, b"PK\x03\x04")):
        return "excel"  # .xls (BIFF) in an OLE file; xlsx, xlsm, xlsb, ods zipped
    if head.startswith(b"%PDF"):
        raise InputFileError(label, lang.IS_PDF_VI)
    markup = _markup_head(head)
    if markup.startswith(b"<?xml") and NAMESPACE in head:
        return "spreadsheetml"
    if markup.startswith(_HTML_STARTS) or b"<html" in markup or (
            markup.startswith(b"<") and b"<table" in markup):  # (a comment or a <div> first)
        return "html"
    if path.suffix.lower() in EXCEL_SUFFIXES and not is_text_with_nuls(head):
        # (a workbook's name on text, a CSV or tab-separated "Xuất Excel", is read as text)
        raise InputFileError(label, lang.NOT_EXCEL_FORMAT_VI)
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not head.replace(b"\x00", b"").strip():
            raise InputFileError(label, lang.ONLY_NULS_VI)
        if not is_text_with_nuls(head):
            raise InputFileError(label, lang.BINARY_NOT_TEXT_VI)
    return "text"


def _markup_head(head: bytes) -> bytes:
    """The first characters of a file that may be markup, lower case, without BOM and
    leading space (UTF-16 read as such)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[:8192].decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head[:2048].lstrip().lower()


def is_text_with_nuls(head: bytes) -> bool:
    """Whether a file's first bytes holding NULs are text all the same: without its NULs,
    no control byte but tab, LF, FF and CR (a CSV padded with NULs by a download or a
    disk), or UTF-16 without its BOM (NULs in every other byte of ASCII text: in half
    the bytes of one parity at least, in almost none of the other's)."""
    if not _CONTROL.search(head.replace(b"\x00", b"")):
        return True
    even, odd = head[0::2], head[1::2]
    for nuls, other in ((odd, even), (even, odd)):  # little-endian, big-endian
        if nuls.count(0) * 2 >= len(nuls) and other.count(0) * 20 <= len(other):
            return True
    return False


def read_source(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """The table-shaped blocks of one file (sheets not read are returned, marked skipped).
    ``keep``: the header positions whose values are read; a reader that can (CSV) leaves
    the others out, the rest are dropped by the caller."""
    read = READERS[sniff(source.path, source.label)]
    sheets = [split_repeated_headers(s, table, source.columns)
              for s in read(source, table, keep)]
    if any(s is None for s in sheets):  # a row that may be a header in another order:
        sheets = [split_repeated_headers(s, table, source.columns)
                  for s in read(source, table, None)]
    return [s for s in sheets if s is not None]  # (read whole, none is None)
