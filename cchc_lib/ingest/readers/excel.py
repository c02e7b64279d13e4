"""Excel workbooks (xlsx, xlsm, xlsb, xls, ods) read with python-calamine, after they are
measured (:mod:`.zipbook`, :mod:`.biff`): every sheet read or listed, a sheet without a
header that fits the previous one continues it (:func:`book.read_book`).

Every call into calamine goes through :func:`guarded`: calamine's errors and a Rust panic
(pyo3's ``PanicException`` derives from ``BaseException``, so no ``except Exception``
catches it) become the file's one line, in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.core.schema import Table
from cchc_lib.ingest.readers.biff import check_xls
from cchc_lib.ingest.readers.book import chosen_sheets, read_book
from cchc_lib.ingest.readers.headers import Keep, RawSheet, refuse_size
from cchc_lib.ingest.readers.limits import damaged, encrypted
from cchc_lib.ingest.readers.zipbook import check_zip_book

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

T = TypeVar("T")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_excel(source: Source, table: Table, keep: Keep | None = None) -> list[RawSheet]:
    """Every sheet of the workbook. ``keep`` is not used: calamine reads a sheet whole, and
    the caller drops the personal columns before any value is looked at."""
    refuse_size(source, source.path.stat().st_size)
    kind = check_workbook(source)
    book = guarded(source, kind, lambda: open_book(source, kind))
    names = chosen_sheets(source, guarded(source, kind, lambda: list(book.sheet_names)))

    def rows_of(name: str) -> list[list]:
        return guarded(source, kind, lambda: book.get_sheet_by_name(name).to_python(
            skip_empty_area=False))

    return read_book(source, table, names, rows_of, typed=True)


# the suffixes by which calamine picks its reader (it looks at the bytes only for a suffix it
# does not know): a workbook named otherwise than its kind is handed over as its bytes
CALAMINE_SUFFIXES = {"xls": {".xls", ".xla"}, "xlsx": {".xlsx", ".xlsm", ".xlam"},
                     "xlsm": {".xlsx", ".xlsm", ".xlam"}, "xlsb": {".xlsb"}, "ods": {".ods"}}
_KNOWN = set().union(*CALAMINE_SUFFIXES.values())


def open_book(source: Source, kind: str) -> CalamineWorkbook:
    """calamine's workbook of the file, read as the ``kind`` its bytes are. calamine picks its
    reader by the file's name (an XLSX named .xls would go to the .xls reader, and be
    "damaged"): a file whose suffix calamine takes for another kind is given as its bytes;
    the others (the usual case) from their path, read as they are needed."""
    from python_calamine import CalamineWorkbook

    suffix = source.path.suffix.lower()
    if suffix in _KNOWN and suffix not in CALAMINE_SUFFIXES[kind]:
        with open(source.path, "rb") as fh:
            return CalamineWorkbook.from_filelike(fh)
    return CalamineWorkbook.from_path(str(source.path))


def check_workbook(source: Source) -> str:
    """The workbook's kind ('xls', 'xlsx', 'xlsm', 'xlsb', 'ods') once it is measured within
    the limits (one :class:`InputFileError` otherwise)."""
    with open(source.path, "rb") as fh:
        head = fh.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        check_xls(source)
        return "xls"
    return check_zip_book(source)


def guarded(source: Source, kind: str, call: Callable[[], T]) -> T:
    """``call()``, calamine's every failure (a panic included) turned into one line naming
    what the file is and what to do; an interrupt or an exit goes through untouched."""
    try:
        return call()
    except (KeyboardInterrupt, SystemExit, GeneratorExit, InputFileError):
        raise
    except BaseException as exc:  # (BaseException: a Rust panic is not an Exception)
        raise calamine_error(source, kind, exc) from exc


def calamine_error(source: Source, kind: str, exc: BaseException) -> InputFileError:
    """calamine's error (English, by class) as the file's Vietnamese line."""
    import python_calamine as calamine

    if isinstance(exc, calamine.PasswordError):
        return encrypted(source, kind)
    if isinstance(exc, MemoryError):
        return InputFileError(source.label, lang.OUT_OF_MEMORY_VI)
    if isinstance(exc, calamine.ZipError):
        return damaged(source, kind, lang.INNER_ZIP_UNREADABLE_VI)
    if isinstance(exc, calamine.XmlError):
        return damaged(source, kind, lang.BOOK_XML_UNREADABLE_VI)
    if isinstance(exc, calamine.WorksheetNotFound):
        return damaged(source, kind, lang.SHEET_CONTENT_MISSING_VI)
    if isinstance(exc, calamine.CalamineError):
        return damaged(source, kind, lang.CONTENT_UNREADABLE_VI)
    return damaged(source, kind, lang.READER_STOPPED_VI)


__all__ = [
    "calamine_error", "CALAMINE_SUFFIXES", "check_workbook", "guarded", "OLE_MAGIC", "open_book",
    "read_excel", "T",
]
