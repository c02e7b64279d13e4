"""Zipped workbooks (xlsx, xlsm, xlsb, ods) measured before calamine reads them.

The zip's directory is checked (parts, their declared sizes and deflate ratio), then every
part is inflated here, in 4 MB pieces, never past its declared size: a part that inflates to
more or less than it declares, or whose checksum differs, is refused as damaged, so what
calamine reads next is what was measured. Each sheet's cells are counted and its farthest
cell holding a value found as it streams by (:func:`scan_sheet_xml`, :func:`scan_xlsb`,
:func:`scan_ods`), and :func:`limits.check_extent` refuses a sheet over the limits.
"""

from __future__ import annotations

import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from typing import BinaryIO

from lxml import etree

from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import ingest_readers as lang
from cchc_lib.ingest.readers.limits import (
    KIND_VI,
    MAX_BOOK_BYTES,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_RATIO,
    MAX_SHEET_CELLS,
    RATIO_FROM_BYTES,
    Extent,
    check_extent,
    column_number,
    damaged,
    encrypted,
    integer,
    megabytes,
    too_big,
)

CHUNK = 4 * 2**20
SMALL_PART = 64 * 2**20  # a workbook's list of sheets, its relationships, an ODS manifest
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# what else an office zips, and how it is called
OTHER_DOCUMENTS = lang.ZIP_DOCUMENTS_VI


def safe_xml_parser(**options: object) -> etree.XMLParser:
    """lxml's parser for a file from outside: no entity expanded, no DTD loaded, nothing
    fetched from the network, no node past libxml2's default limits."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                           huge_tree=False, dtd_validation=False, **options)


def check_zip_book(source: Source) -> str:
    """The kind of a zipped workbook ('xlsx', 'xlsm', 'xlsb', 'ods'), once its every part and
    sheet is within the limits; one :class:`InputFileError` otherwise."""
    try:
        book = zipfile.ZipFile(source.path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, struct.error, EOFError,
            NotImplementedError):
        raise InputFileError(source.label, lang.ZIP_UNREADABLE_VI) from None
    with book, open(source.path, "rb") as fh:
        infos = book.infolist()
        names = {i.filename for i in infos}
        kind = _kind(source, names, book)
        if len(infos) > MAX_PARTS:
            raise too_big(source, kind, lang.ZIP_PARTS_VI.format(n=integer(len(infos))))
        if len(names) < len(infos):
            raise damaged(source, kind, lang.ZIP_SAME_NAMES_VI)
        for info in infos:
            _check_declared(source, kind, info)
        if sum(i.file_size for i in infos) > MAX_BOOK_BYTES:
            raise too_big(source, kind, lang.ZIP_INFLATED_VI.format(
                size=megabytes(sum(i.file_size for i in infos))))
        parts = {i.filename: i for i in infos}

        def stream(name: str, checksum: bool = True) -> Iterator[bytes]:
            return inflate(fh, parts[name], source, kind, checksum)

        def whole(name: str) -> bytes:
            if parts[name].file_size > SMALL_PART:
                raise too_big(source, kind, lang.PART_INFLATED_VI.format(
                    name=name, size=megabytes(parts[name].file_size)))
            return b"".join(stream(name))

        sheets = _sheet_parts(source, kind, names, whole)
        for name in sorted(names):  # every part checked: what calamine reads is what was
            if name in sheets:        # measured
                sheet = sheets[name]
                if kind == "xlsb":
                    check_extent(source, sheet, scan_xlsb(stream(name)))
                else:
                    again = partial(stream, name, False)
                    check_extent(source, sheet, scan_sheet_xml(
                        again(), again, parts[name].file_size))
            elif kind == "ods" and name == "content.xml":
                content = stream(name)
                try:
                    for sheet, extent in scan_ods(content):
                        check_extent(source, sheet, extent)
                except etree.XMLSyntaxError:
                    raise damaged(source, kind, lang.ODS_CONTENT_UNREADABLE_VI) from None
                for _ in content:  # (to its end: its size and checksum are checked there)
                    pass
            else:
                for _ in stream(name):
                    pass
    return kind


def _kind(source: Source, names: set[str], book: zipfile.ZipFile) -> str:
    if "xl/workbook.xml" in names:
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and "mimetype" in names:
        info = book.getinfo("mimetype")
        try:
            if info.file_size <= 200 and book.read(info).strip() == ODS_MIME:
                return "ods"
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            pass  # not an ODS one can read: said below
    if "EncryptedPackage" in names:  # (never zipped by Office: an OLE file; said all the same)
        raise encrypted(source, "xlsx")
    what = next((v for k, v in OTHER_DOCUMENTS.items() if k in names), None)
    if what:
        raise InputFileError(source.label, lang.OTHER_DOCUMENT_VI.format(what=what))
    raise InputFileError(source.label, lang.ZIP_NO_BOOK_VI)


def _check_declared(source: Source, kind: str, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_PART_BYTES:
        raise too_big(source, kind, lang.PART_INFLATED_VI.format(
            name=info.filename, size=megabytes(info.file_size)))
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * info.compress_size:
        raise InputFileError(source.label, lang.PART_RATIO_VI.format(
            kind=KIND_VI[kind], name=info.filename, size=megabytes(info.file_size),
            stored=megabytes(info.compress_size), ratio=MAX_RATIO))
    if info.flag_bits & 0x1:
        raise encrypted(source, kind)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise damaged(source, kind, lang.PART_METHOD_VI.format(name=info.filename))


def inflate(fh: BinaryIO, info: zipfile.ZipInfo, source: Source, kind: str,
            checksum: bool = True) -> Iterator[bytes]:
    """A part's bytes, in pieces of at most :data:`CHUNK`, inflated from the file itself (the
    same bytes calamine's reader takes); the part is refused as damaged the moment it
    inflates past its declared size, and at its end unless its size (and ``checksum``: its
    CRC; a sheet's is left to calamine's reader, which checks it as it reads) matches."""
    def lie() -> InputFileError:
        return damaged(source, kind, lang.PART_SIZE_MISMATCH_VI.format(name=info.filename))
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise lie()
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left, size, crc = info.compress_size, 0, 0
    while left > 0 or (inflater is not None and inflater.unconsumed_tail):
        if inflater is not None and inflater.unconsumed_tail:
            piece = inflater.decompress(inflater.unconsumed_tail, CHUNK)
        else:
            raw = fh.read(min(CHUNK, left))
            if not raw:
                raise lie()
            left -= len(raw)
            try:
                piece = raw if inflater is None else inflater.decompress(raw, CHUNK)
            except zlib.error:
                raise damaged(source, kind, lang.PART_NOT_INFLATED_VI.format(
                    name=info.filename)) from None
        size += len(piece)
        if size > info.file_size:
            raise lie()
        if checksum:
            crc = zlib.crc32(piece, crc)
        if piece:
            yield piece
    if (inflater is not None and not inflater.eof) or size != info.file_size \
            or (checksum and crc != info.CRC):
        raise lie()


# --------------------------------------------------------------------------------------
# Which part is which sheet
# --------------------------------------------------------------------------------------


def _sheet_parts(source: Source, kind: str, names: set[str],
                 whole: Callable[[str], bytes]) -> dict[str, str]:
    """Part name -> sheet name (NFC) of an xlsx/xlsm/xlsb workbook's worksheets (an ODS
    holds every sheet in content.xml); a sheet whose part is missing is refused."""
    if kind == "ods":
        if "META-INF/manifest.xml" in names and \
                b"encryption-data" in whole("META-INF/manifest.xml"):
            raise encrypted(source, kind)
        return {}
    book = f"xl/workbook.{'bin' if kind == 'xlsb' else 'xml'}"
    rels_name = f"xl/_rels/workbook.{'bin' if kind == 'xlsb' else 'xml'}.rels"
    if rels_name not in names:
        raise damaged(source, kind, lang.PART_MISSING_VI.format(name=rels_name))
    targets: dict[str, str] = {}
    try:
        for el in etree.fromstring(whole(rels_name), safe_xml_parser()).iter():
            if isinstance(el.tag, str) and etree.QName(el).localname == "Relationship":
                target = el.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.normpath(
                    posixpath.join("xl", target))
                targets[el.get("Id", "")] = path
        sheets = _xlsb_sheets(whole(book)) if kind == "xlsb" else _xlsx_sheets(whole(book))
    except (etree.XMLSyntaxError, ValueError, struct.error, UnicodeDecodeError):
        raise damaged(source, kind, lang.SHEET_LIST_UNREADABLE_VI) from None
    parts: dict[str, str] = {}
    for name, rid in sheets:
        part = targets.get(rid)
        if part is None or part not in names:
            raise damaged(source, kind, lang.SHEET_PART_MISSING_VI.format(name=name))
        parts[part] = name
    return parts


def _xlsx_sheets(data: bytes) -> list[tuple[str, str]]:
    """(sheet name, relationship id) of workbook.xml's sheets, in order."""
    out = []
    for el in etree.fromstring(data, safe_xml_parser()).iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == "sheet":
            rid = next((v for k, v in el.attrib.items()
                        if etree.QName(k).localname == "id" and "relationships" in k), "")
            out.append((unicodedata.normalize("NFC", el.get("name", "")), rid))
    return out


def _xlsb_sheets(data: bytes) -> list[tuple[str, str]]:
    """(sheet name, relationship id) of workbook.bin's BrtBundleSh records (type 156)."""
    out = []
    for rtype, body in _records(data):
        if rtype == 156:
            rid_len = struct.unpack_from("<I", body, 8)[0]
            rid = body[12:12 + 2 * rid_len].decode("utf-16-le")
            at = 12 + 2 * rid_len
            name_len = struct.unpack_from("<I", body, at)[0]
            name = body[at + 4:at + 4 + 2 * name_len].decode("utf-16-le")
            out.append((unicodedata.normalize("NFC", name), rid))
    return out


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The records of an xlsb part: type and size each a little-endian base-128 number."""
    pos, end = 0, len(data)
    while pos < end:
        rtype, pos = _varint(data, pos, 2)
        size, pos = _varint(data, pos, 4)
        if pos + size > end:
            raise ValueError("record past the end")
        yield rtype, data[pos:pos + size]
        pos += size


def _varint(data: bytes, pos: int, most: int) -> tuple[int, int]:
    value = 0
    for i in range(most):
        if pos >= len(data):
            raise ValueError("record past the end")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            break
    return value, pos


# --------------------------------------------------------------------------------------
# How far a sheet reaches
# --------------------------------------------------------------------------------------

# The form every office program writes a cell in: <c r="B7" ...>. A cell that is not a
# single letter and at most six digits in that form is looked at one by one (the few
# columns past Z, rows past 999,999); any of them written otherwise (attributes in another
# order, no reference, lower case, a namespace prefix) sends the sheet to the exact reading.
_NOT_NEAR = re.compile(rb'<c(?! r="[A-Z][0-9]{1,6}")([\s/][^>]*)?>')
_STANDARD = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_PREFIXED = re.compile(rb':c[\s/>]')
_SIX_DIGITS = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{6}')
_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')
_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>')
_REF_ATTR = re.compile(rb'(?:^|\s)r\s*=\s*["\']([A-Za-z]*)([0-9]*)["\']')


def _pieces(stream: Iterator[bytes]) -> Iterator[tuple[bytes, int, int]]:
    """(buffer, start, end): the stream in regions that each end at a tag's end, so no tag
    straddles two; a piece is read in place (re's and bytes' pos/end arguments), only the
    few bytes around the cut between two pieces are copied."""
    tail = b""
    for piece in stream:
        first = piece.find(b">") + 1
        if not first or len(tail) > CHUNK:  # no tag ends in it (or a tag longer than a
            tail += piece                     # piece): carried on whole
            if len(tail) > 2 * CHUNK:
                yield tail, 0, len(tail)
                tail = b""
            continue
        around = tail + piece[:first]
        yield around, 0, len(around)
        last = piece.rfind(b">") + 1
        yield piece, first, last
        tail = piece[last:]
    if tail:
        yield tail, 0, len(tail)


# a cell is at least 11 bytes of XML (<c r="A1"/>): a part this small cannot hold more cells
# than the limit, and its cells need not be counted
MIN_CELL_BYTES = 11


def scan_sheet_xml(stream: Iterator[bytes], again: Callable[[], Iterator[bytes]],
                   size: int) -> Extent:
    """An xlsx sheet's cell count (of a sheet of ``size`` bytes) and farthest cell with a
    value (a self-closing cell is styled and empty: calamine leaves it out, and so does
    this).

    The fast pass reads only the cells that can be far: columns past Z and rows of seven
    digits (the others are inside Z999999, or Z99999 when no row has six digits, which is
    within the limit). When the sheet is written unusually, or this bound is over the
    limit, ``again()`` streams the sheet once more for an exact reading."""
    counted = size // MIN_CELL_BYTES > MAX_SHEET_CELLS
    cells = 0 if counted else size // MIN_CELL_BYTES  # (else: a bound, within the limit)
    rows = cols = 0
    near = six = unusual = False
    for data, start, end in _pieces(stream):
        if counted:
            cells += data.count(b'<c r="', start, end)
        for attrs in _NOT_NEAR.findall(data, start, end):
            ref = _STANDARD.match(attrs)
            if ref is None:
                unusual = True
            elif not attrs.rstrip().endswith(b"/"):
                rows, cols = max(rows, int(ref[2])), max(cols, column_number(ref[1]))
        unusual = unusual or _PREFIXED.search(data, start, end) is not None
        near = near or data.find(b'<c r="', start, end) != -1
        six = six or _SIX_DIGITS.search(data, start, end) is not None
    if near:  # the cells not looked at: inside Z999999 (Z99999 without six-digit rows)
        cols, rows = max(cols, 26), max(rows, 999_999 if six else 99_999)
    if not unusual and rows * cols <= MAX_SHEET_CELLS:
        return Extent(cells, rows, cols)
    return _exact_standard(again()) if not unusual else _exact_any(again())


def _exact_standard(stream: Iterator[bytes]) -> Extent:
    cells = rows = cols = 0
    for data, start, end in _pieces(stream):
        found = _CELL.findall(data, start, end)
        cells += len(found)
        valued = [(r, c) for c, r, slash in found if not slash]
        if valued:
            rows = max(rows, max(int(r) for r, _ in valued))
            longest = max(len(c) for _, c in valued)
            cols = max(cols, column_number(max(c for _, c in valued if len(c) == longest)))
    return Extent(cells, rows, cols)


def _exact_any(stream: Iterator[bytes]) -> Extent:
    """Every row and cell tag read in order, as calamine places them: a row without its
    number follows the one before, a cell without its reference the cell before."""
    cells = rows = cols = row = col = 0
    for data, start, end in _pieces(stream):
        for name, attrs in _TAG.findall(data, start, end):
            ref = _REF_ATTR.search(attrs)
            if name == b"row":
                row = int(ref[2]) if ref and ref[2] else row + 1
                col = 0
                continue
            cells += 1
            if ref and ref[1] and ref[2]:
                row, col = int(ref[2]), column_number(ref[1])
            else:
                col += 1
            if not attrs.rstrip().endswith(b"/"):
                rows, cols = max(rows, row), max(cols, col)
    return Extent(cells, rows, cols)


_XLSB_CELLS = set(range(2, 12))  # BrtCellRk … BrtFmlaError (1, BrtCellBlank: no value)


def scan_xlsb(stream: Iterator[bytes]) -> Extent:
    """An xlsb sheet's records, read as they stream by: BrtRowHdr (0) gives the row, each
    cell record its column (its first four bytes)."""
    cells = rows = cols = row = 0
    buffer, pos = b"", 0
    for piece in stream:
        buffer, pos = buffer[pos:] + piece, 0
        while True:
            try:
                rtype, start = _varint(buffer, pos, 2)
                size, start = _varint(buffer, start, 4)
            except ValueError:  # the record's header is in the next piece
                break
            if start + size > len(buffer):
                break
            if rtype == 0 and size >= 4:
                row = struct.unpack_from("<I", buffer, start)[0] + 1
            elif rtype in _XLSB_CELLS and size >= 4:
                cells += 1
                rows = max(rows, row)
                cols = max(cols, struct.unpack_from("<I", buffer, start)[0] + 1)
            pos = start + size
    return Extent(cells, rows, cols)


_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T = f"{{{_TABLE_NS}}}"


class _Feed:
    """A stream of bytes as a file for lxml's iterparse."""

    def __init__(self, stream: Iterator[bytes]):
        self.stream, self.buffer = stream, b""

    def read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            piece = next(self.stream, b"")
            if not piece:
                break
            self.buffer += piece
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out


def scan_ods(stream: Iterator[bytes]) -> Iterator[tuple[str, Extent]]:
    """Each table of content.xml: its farthest cell with a value, repeats counted (a cell
    repeated 1,000 times across and 1,000 rows down is a million cells); repeated empty
    cells and rows only move the position, as calamine reads them."""
    events = etree.iterparse(_Feed(stream), events=("start", "end"), resolve_entities=False,
                             load_dtd=False, no_network=True, huge_tree=False)
    name, cells, rows, cols, row, col, repeat_rows = "", 0, 0, 0, 0, 0, 1
    for event, el in events:
        tag = el.tag
        if event == "start":
            if tag == _T + "table":
                name, cells, rows, cols, row = el.get(_T + "name", ""), 0, 0, 0, 0
            elif tag == _T + "table-row":
                repeat_rows = _repeat(el, "number-rows-repeated")
                col = 0
            continue
        if tag in (_T + "table-cell", _T + "covered-table-cell"):
            across = _repeat(el, "number-columns-repeated")
            if el.get(f"{{{_OFFICE_NS}}}value-type") is not None or len(el):
                cells += across * repeat_rows
                rows, cols = max(rows, row + repeat_rows), max(cols, col + across)
            col += across
            el.clear()
        elif tag == _T + "table-row":
            row += repeat_rows
            el.clear()
            while el.getprevious() is not None:  # rows read are let go of
                del el.getparent()[0]
        elif tag == _T + "table":
            el.clear()
            yield unicodedata.normalize("NFC", name), Extent(cells, rows, cols)


def _repeat(el: etree._Element, attr: str) -> int:
    value = el.get(_T + attr, "1")
    return int(value) if value.isdigit() and len(value) <= 9 else 1


__all__ = [
    "check_zip_book", "CHUNK", "inflate", "MIN_CELL_BYTES", "ODS_MIME", "OTHER_DOCUMENTS",
    "safe_xml_parser", "scan_ods", "scan_sheet_xml", "scan_xlsb", "SMALL_PART",
]
