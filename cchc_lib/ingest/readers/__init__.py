"""Reading files into raw blocks: the reader registry (one module per format), chosen by
what the file is (its first bytes), not by its name.

A file that cannot be read stops with one :class:`InputFileError` naming it and the problem.
A new format is a module with a ``read_…(source, table, keep) -> list[RawSheet]`` function (it
may leave out the columns ``keep`` does not name, and must when it can), an entry
in :data:`READERS` and a test in :func:`sniff`.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.excel import read_excel
from cchc_lib.ingest.readers.headers import Keep, RawSheet, alias_index, split_repeated_headers
from cchc_lib.ingest.readers.rows import non_data_rows
from cchc_lib.ingest.readers.text import read_csv

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEAD_BYTES = 256 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

# what :func:`sniff` says a file is -> the reader of that format
READERS: dict[str, Callable[[Source, Table, Keep | None], list[RawSheet]]] = {
    "excel": read_excel,
    "text": read_csv,
}

__all__ = ["READERS", "Keep", "RawSheet", "alias_index", "non_data_rows",
           "read_source", "sniff"]


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
            raise InputFileError(label, "không tìm thấy tệp")
    except OSError as exc:  # a symlink loop, a path through a file
        raise InputFileError(label, f"không mở được ({exc.strerror or exc})") from None
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise InputFileError(label, "tệp trống, không có dữ liệu")
    if head.startswith(_OLE_MAGIC):
        with open(path, "rb") as fh:
            whole = fh.read(4 * 1024 * 1024)
        if _ENCRYPTED in whole:
            raise InputFileError(label, "sổ Excel có đặt mật khẩu: mở bằng Excel và lưu một "
                                 "bản không đặt mật khẩu")
        return "excel"  # .xls (BIFF) workbooks
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    if head.startswith(b"%PDF"):
        raise InputFileError(label, "đây là tài liệu PDF, không phải bảng: hãy xuất danh sách "
                             "ra Excel hoặc CSV")
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")) or b"<html" in lowered:
        raise InputFileError(label, "đây là trang web (HTML) lưu với tên của bảng tính: mở "
                             "bằng Excel rồi lưu lại thành .xlsx")
    if path.suffix.lower() in EXCEL_SUFFIXES:
        raise InputFileError(label, "không đọc được như một sổ Excel (tệp không ở định dạng "
                             "Excel nào)")
    bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not bom16:
        raise InputFileError(label, "không phải bảng dạng văn bản (nội dung nhị phân)")
    return "text"


def read_source(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """The table-shaped blocks of one file (sheets not read are returned, marked skipped).
    ``keep``: the header positions whose values are read; a reader that can (CSV) leaves
    the others out, the rest are dropped by the caller."""
    read = READERS[sniff(source.path, source.label)]
    sheets = [split_repeated_headers(s, table) for s in read(source, table, keep)]
    if any(s is None for s in sheets):  # a row that may be a header in another order:
        sheets = [split_repeated_headers(s, table) for s in read(source, table, None)]
    return [s for s in sheets if s is not None]  # (read whole, none is None)
