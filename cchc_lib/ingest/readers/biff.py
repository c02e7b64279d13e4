"""Excel 97-2003 workbooks (.xls: BIFF records in an OLE compound file) measured before
calamine reads them: password (a FILEPASS record), sheets that point outside the file (what
makes calamine panic), and each sheet's farthest cell and cell count (a BIFF8 record holds
a column of 16 bits: a hostile file can ask for a box of 65,536 × 65,536 cells).
"""

from __future__ import annotations

import struct
import unicodedata

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.ingest.readers.limits import (
    MAX_PART_BYTES,
    Extent,
    check_extent,
    damaged,
    encrypted,
    megabytes,
    too_big,
)

BOF, EOF, FILEPASS, BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085
# records of one cell holding a value, row and column their first two 16-bit numbers:
# FORMULA, RSTRING, LABELSST, NUMBER, LABEL, BOOLERR, RK (BLANK holds none: calamine,
# like Excel, leaves it out)
CELL_RECORDS = {0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E}
MULRK = 0x00BD  # several RK cells of one row: row, first column, …, last column
OTHER_OLE = lang.OLE_DOCUMENTS_VI


def check_xls(source: Source) -> None:
    """Refuse an .xls calamine must not be given: encrypted, damaged, or over the limits."""
    try:
        import olefile
    except ImportError:  # pragma: no cover - installed with the workbook
        raise InputFileError(source.label, lang.OLEFILE_MISSING_VI) from None
    try:
        ole = olefile.OleFileIO(str(source.path))
    except Exception:  # olefile's own errors for a container it cannot walk
        raise damaged(source, "xls", lang.OLE_UNREADABLE_VI) from None
    with ole:
        if ole.exists("EncryptedPackage"):  # an xlsx/xlsb saved with a password by Office
            raise encrypted(source, "ooxml")
        stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
        if stream is None:
            what = next((v for k, v in OTHER_OLE.items() if ole.exists(k)), None)
            raise InputFileError(source.label, lang.OTHER_DOCUMENT_VI.format(what=what)
                                 if what else lang.OLE_NO_BOOK_VI)
        size = ole.get_size(stream)
        if size > MAX_PART_BYTES:
            raise too_big(source, "xls", lang.CONTENT_WEIGHS_VI.format(size=megabytes(size)))
        try:
            data = ole.openstream(stream).read()
        except Exception:
            raise damaged(source, "xls", lang.BOOK_STREAM_UNREADABLE_VI) from None
    for name, extent in scan_biff(source, data):
        check_extent(source, name, extent)


def _record(data: bytes, pos: int) -> tuple[int, int, int]:
    """(type, data start, next record) of the record at ``pos``; ValueError past the end."""
    if pos + 4 > len(data):
        raise ValueError
    rtype, size = struct.unpack_from("<HH", data, pos)
    if pos + 4 + size > len(data):
        raise ValueError
    return rtype, pos + 4, pos + 4 + size


def scan_biff(source: Source, data: bytes) -> list[tuple[str, Extent]]:
    """Each sheet's (name, extent), from the globals' BOUNDSHEET records."""
    sheets: list[tuple[str, int]] = []
    pos = 0
    try:
        rtype, start, pos = _record(data, 0)
        if rtype != BOF:
            raise ValueError
        while True:
            rtype, start, pos = _record(data, pos)
            if rtype == EOF:
                break
            if rtype == FILEPASS:
                raise encrypted(source, "xls")
            if rtype == BOUNDSHEET and pos - start >= 8:
                offset, _state, kind = struct.unpack_from("<IBB", data, start)
                if kind == 0:  # a worksheet (not a chart, a macro sheet, a VB module)
                    sheets.append((_sheet_name(data[start + 6:pos]), offset))
    except ValueError:
        raise damaged(source, "xls", lang.SHEET_LIST_CUT_VI) from None
    out = []
    for name, offset in sheets:
        try:
            if _record(data, offset)[0] != BOF:
                raise ValueError
        except ValueError:
            raise damaged(source, "xls", lang.SHEET_POINTS_OUTSIDE_VI.format(name=name)
                          ) from None
        out.append((name, _sheet_extent(data, offset)))
    return out


def _sheet_name(raw: bytes) -> str:
    """A BOUNDSHEET's ShortXLUnicodeString (BIFF8: length, flag, Latin-1 or UTF-16)."""
    if len(raw) < 2:
        return ""
    length, wide = raw[0], raw[1] & 1
    text = raw[2:2 + length * (2 if wide else 1)]
    name = text.decode("utf-16-le" if wide else "latin-1", errors="replace")
    return unicodedata.normalize("NFC", name)


def _sheet_extent(data: bytes, offset: int) -> Extent:
    """The cells of one sheet's substream, from its BOF to its EOF (or where it is cut:
    calamine says what is cut itself)."""
    cells = rows = cols = 0
    pos = _record(data, offset)[2]
    try:
        while True:
            rtype, start, pos = _record(data, pos)
            if rtype == EOF or rtype == BOF:
                break
            if rtype in CELL_RECORDS and pos - start >= 4:
                row, col = struct.unpack_from("<HH", data, start)
                cells += 1
                rows, cols = max(rows, row + 1), max(cols, col + 1)
            elif rtype == MULRK and pos - start >= 6:
                row, first = struct.unpack_from("<HH", data, start)
                last = struct.unpack_from("<H", data, pos - 2)[0]
                if last >= first:
                    cells += last - first + 1
                    rows, cols = max(rows, row + 1), max(cols, last + 1)
    except ValueError:
        pass
    return Extent(cells, rows, cols)


__all__ = [
    "CELL_RECORDS", "check_xls", "MULRK", "OTHER_OLE", "scan_biff",
]
