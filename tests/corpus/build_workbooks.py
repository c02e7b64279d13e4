"""Corpus cases of workbooks (files 100-129; what each must give is in expected_workbooks.yml):
the exports Excel opens that are not XLSX (an HTML table or an Excel 2003 XML file saved as
.xls, a true Excel 97-2003 file), and workbooks that must be refused with one line
(password, damage, bombs). Run alone: python tests/corpus/build_workbooks.py

Where the layouts come from: 100-102 are what the "Xuất Excel" button of one-stop systems
sends offices (an HTML <table> named .xls: <meta>/<style> and mso- attributes, a title in
merged cells above a header over two rows, UTF-8, or Windows-1258 with or without its
charset declared), with corpus file 02's dossiers; 103 is Excel 2003's "XML Spreadsheet"
(SpreadsheetML) as other systems export it, with file 37's dossier; 104 is an Excel 97-2003
(BIFF8) workbook, hand-assembled (:func:`biff8`, :func:`compound_file`: no library here
writes one) with file 02's dossiers. The refused files are the damage and bombs tried from
real offices: a password set in Excel 97-2003 (RC4 FILEPASS) and in LibreOffice (ODS
manifest), a BIFF sheet pointing outside the file (calamine panics on it), records cut
short, a zip with a sheet part missing or cut short, one space typed in XFD1048576, a
sheet XML inflating 1,000 times, a zip whose sizes lie, an ODS cell repeated over the whole
sheet, a web page without a table, an XML file declaring entities.

118-127 are what a new office's exports held that were refused or lost before: the totals
row most "Xuất Excel" tables end with, in one merged cell (a row shorter than the header),
in HTML and in Excel 2003 XML (with a column no row fills and empty rows skipped by
ss:Index); a value typed past the titled columns; a list split over sheets whose second one
ends with its totals; an XLSX named .xls and an Excel 97-2003 file named .xlsx (what a
download or a colleague renames); a tab-separated "Xuất Excel" named .xls; workbooks typed in
the legacy fonts (.VnTime: TCVN3, VNI-Times: VNI), in XLSX and in an HTML table.

Deterministic byte for byte (fixed dates; zlib's output on one machine).
"""

from __future__ import annotations

import struct
import sys
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).parent))
from build import CREATED, VN_B1, VN_B2, VN_HEAD, cp1258, tcvn3, vni  # noqa: E402

ZIP_DATE = (2022, 11, 30, 17, 30, 0)
ROWS_02 = [VN_HEAD.split(";"), VN_B1.split(";"), VN_B2.split(";")]  # corpus file 02's rows


# --------------------------------------------------------------------------------------
# Excel 97-2003 (BIFF8 records in an OLE compound file)
# --------------------------------------------------------------------------------------


def _rec(rtype: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", rtype, len(data)) + data


def biff8(sheets: list[tuple[str, list[list]]], filepass: bool = False) -> bytes:
    """A Workbook stream: globals (BOF, [FILEPASS], CODEPAGE, BOUNDSHEETs, SST, EOF), then
    one substream per sheet (BOF, DIMENSIONS, a LABELSST per text cell, a NUMBER per
    number, EOF). Padded past 4,096 bytes so it sits in regular sectors."""
    strings: dict[str, int] = {}
    for _, rows in sheets:
        for row in rows:
            for v in row:
                if isinstance(v, str):
                    strings.setdefault(v, len(strings))
    sst = _rec(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(
        struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings))
    bodies = []
    for _, rows in sheets:
        cells = b""
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, str):
                    cells += _rec(0x00FD, struct.pack("<HHHI", r, c, 15, strings[v]))
                elif v is not None:
                    cells += _rec(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
        dims = _rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows)), 0))
        bof = _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0x41, 6))
        bodies.append(bof + dims + cells + _rec(0x000A))
    head = _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x41, 6))
    if filepass:  # RC4 CryptoAPI, as Excel 2003 and later encrypt a .xls
        head += _rec(0x002F, struct.pack("<HHH", 1, 2, 2) + bytes(48))
    head += _rec(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
    head += _rec(0x00E2) * 1100  # INTERFACEEND, empty: padding a reader skips

    def boundsheets(offsets: list[int]) -> bytes:
        return b"".join(_rec(0x0085, struct.pack("<IBBBB", off, 0, 0, len(name), 1)
                             + name.encode("utf-16-le"))
                        for off, (name, _) in zip(offsets, sheets, strict=True))
    at = len(head) + len(boundsheets([0] * len(sheets))) + len(sst) + 4
    offsets = []
    for body in bodies:
        offsets.append(at)
        at += len(body)
    return head + boundsheets(offsets) + sst + _rec(0x000A) + b"".join(bodies)


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding one stream of at least
    4,096 bytes: header, the stream's sectors, one FAT sector, one directory sector."""
    data = stream + bytes(-len(stream) % 512)
    n = len(data) // 512
    assert len(stream) >= 4096 and n + 2 <= 128
    end, fat_sect, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [*range(1, n), end, fat_sect, end] + [free] * (128 - n - 2)

    def entry(label: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = (label.encode("utf-16-le") + b"\0\0") if label else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1 if label
                                                   else 0, free, free, child)
                + bytes(20) + bytes(16) + struct.pack("<IIi", start, size, 0))
    directory = (entry("Root Entry", 5, 1, end, 0) + entry(name, 2, free, 0, len(stream))
                 + entry("", 0, free, 0, 0) * 2)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, 1, n + 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", n) + struct.pack("<I", free) * 108)
    return header + data + struct.pack("<128I", *fat) + directory


# --------------------------------------------------------------------------------------
# Zipped workbooks written part by part
# --------------------------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
       'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
       '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
       'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
       'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
       'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:'
         '//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://'
             'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hồ sơ"'
             ' sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="'
            'rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def sheet_xml(body: str, dimension: str = "A1:E2") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="'
            f'{dimension}"/><sheetData>{body}</sheetData></worksheet>').encode()


def inline_row(r: int, values: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


HEADER_ROW = inline_row(1, ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận",
                            "Trạng thái"])


def zipped(path: Path, parts: dict[str, bytes | str]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else \
                zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def xlsx_parts(sheet: bytes, with_sheet: bool = True) -> dict[str, bytes | str]:
    parts: dict[str, bytes | str] = {"[Content_Types].xml": _CT, "_rels/.rels": _RELS,
                                     "xl/workbook.xml": _WORKBOOK,
                                     "xl/_rels/workbook.xml.rels": _WB_RELS}
    if with_sheet:
        parts["xl/worksheets/sheet1.xml"] = sheet
    return parts


def lying_sizes(path: Path, part: str, declared: int) -> None:
    """Write ``declared`` as ``part``'s inflated size in the zip's local header and central
    directory (its checksum left as is): a zip whose sizes lie."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(part)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_len]) == part.encode():
            struct.pack_into("<I", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def ods(path: Path, tables: str, encrypted: bool = False) -> None:
    """An OpenDocument spreadsheet with ``tables`` in content.xml; ``encrypted``: its manifest
    says content.xml is encrypted (Blowfish, as LibreOffice's "Save with password")."""
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office='
               '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:'
               'names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:'
               'opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet>{tables}</office:spreadsheet></office:body>'
               '</office:document-content>').encode()
    crypt = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="'
             'AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:'
             'initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-'
             'name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/></manifest:'
             'encryption-data>') if encrypted else ""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="'
                'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
                f'"text/xml" manifest:size="{len(content)}">{crypt}</manifest:file-entry>'
                '</manifest:manifest>')
    zipped(path, {"mimetype": ODS_MIME, "META-INF/manifest.xml": manifest,
                  "content.xml": bytes(range(256)) * 8 if encrypted else content})


# --------------------------------------------------------------------------------------
# Exports Excel opens that are not workbooks: an HTML table, an Excel 2003 XML file
# --------------------------------------------------------------------------------------


def html_export(rows: list[list[str]], head: str) -> str:
    """A one-stop system's "Xuất Excel": a title in merged cells, a header over two rows
    (group titles with colspan, the others spanning both rows), cells kept as text by
    mso-number-format; file 02's columns."""
    def cells(row: list[str]) -> str:
        return "".join(f"<td class=xl66 x:str>{v}</td>" if i != 1 else
                       f"<td style='mso-number-format:\"\\@\"'>{v}</td>"
                       for i, v in enumerate(row))
    name, code, owner, channel, received, due, finished, status = rows[0]
    return (f"{head}<table border=1 cellpadding=0 cellspacing=0 style='border-collapse:"
            "collapse'>\n"
            "<tr><td colspan=8 align=center style='mso-height-source:userset'><b>UBND PHƯỜNG 2"
            "</b></td></tr>\n"
            "<tr><td colspan=8 align=center>DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 3/2022</td></tr>\n"
            f"<tr><th rowspan=2>{name}</th><th rowspan=2>{code}</th><th rowspan=2>{owner}</th>"
            f"<th colspan=2>Tiếp nhận</th><th rowspan=\"2\">{due}</th><th colspan='2'>Kết quả"
            "</th></tr>\n"
            f"<tr><th>{channel}</th><th>{received}</th><th>{finished}</th><th>{status}</th>"
            "</tr>\n"
            + "".join(f"<tr>{cells(r)}</tr>\n" for r in rows[1:]) + "</table>\n")


HTML_HEAD = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-"
             "microsoft-com:office:excel\">\n<head><meta http-equiv=\"Content-Type\" content="
             "\"text/html; charset={charset}\">\n<style>td {{mso-number-format:General;}} "
             ".xl66 {{mso-number-format:\"\\@\";}}</style>\n</head><body>\n")

SS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\n'
           ' xmlns:o="urn:schemas-microsoft-com:office:office"\n'
           ' xmlns:x="urn:schemas-microsoft-com:office:excel"\n'
           ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"\n'
           ' xmlns:html="http://www.w3.org/TR/REC-html40">\n')


def spreadsheetml_export() -> str:
    """Excel 2003's XML Spreadsheet: a notes sheet, then the list (file 37's dossier): a
    title merged across (ss:MergeAcross), rows skipped by ss:Index, a typed number and
    date-time, an empty due date skipped by the next cell's ss:Index, as Excel writes."""
    def s(v: str) -> str:
        return f'<Cell><Data ss:Type="String">{v}</Data></Cell>'
    head = ["STT", "Mã hồ sơ", "Mã TTHC", "Chủ hồ sơ", "Kênh thực hiện", "Ngày tiếp nhận",
            "Ngày hẹn trả", "Trạng thái"]
    return (SS_HEAD + ' <Styles><Style ss:ID="Default" ss:Name="Normal"/><Style ss:ID="d">'
            '<NumberFormat ss:Format="dd/mm/yyyy hh:mm"/></Style></Styles>\n'
            ' <Worksheet ss:Name="Hướng dẫn"><Table><Row>'
            + s("Dữ liệu xuất từ hệ thống một cửa điện tử") + '</Row></Table></Worksheet>\n'
            ' <Worksheet ss:Name="Danh sách"><Table ss:ExpandedColumnCount="8" '
            'ss:ExpandedRowCount="5" x:FullColumns="1" x:FullRows="1">\n'
            '  <Row><Cell ss:MergeAcross="7"><Data ss:Type="String">UBND PHƯỜNG 2</Data></Cell>'
            '</Row>\n  <Row><Cell ss:MergeAcross="7"><Data ss:Type="String">DANH SÁCH HỒ SƠ '
            'TIẾP NHẬN QUÝ II NĂM 2022</Data></Cell></Row>\n'
            '  <Row ss:Index="4">' + "".join(s(h) for h in head) + '</Row>\n'
            '  <Row><Cell><Data ss:Type="Number">1</Data></Cell>' + s("X1") + s("1.004873")
            + s("Hoàng Văn Em") + s("Trực tiếp") + '<Cell ss:StyleID="d"><Data ss:Type='
            '"DateTime">2022-04-04T08:00:00.000</Data></Cell><Cell ss:Index="8"><Data '
            'ss:Type="String">Đang xử lý</Data></Cell></Row>\n </Table></Worksheet>\n'
            '</Workbook>\n')


# --------------------------------------------------------------------------------------
# A new office's exports (118-127)
# --------------------------------------------------------------------------------------

# a one-stop system's eleven columns, and four dossiers of March 2022 (dates day first, the
# day past 12: they read one way only)
WIDE_HEAD = ["STT", "Mã hồ sơ", "Mã TTHC", "Chủ hồ sơ", "Kênh thực hiện", "Ngày tiếp nhận",
             "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái", "Người xử lý", "Ghi chú"]


def wide_rows(prefix: str, n: int = 4) -> list[list[str]]:
    """``n`` dossiers under :data:`WIDE_HEAD` (ids ``prefix``1…), the last column empty."""
    people = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hồ Văn Em"]
    return [[str(i), f"{prefix}{i}", "1.004873" if i % 2 else "1.001193", people[i - 1],
             "Trực tiếp" if i % 2 else "Trực tuyến", f"{13 + i}/03/2022 08:30",
             f"{17 + i}/03/2022", f"{16 + i}/03/2022 10:00", "Đã xử lý xong", "Cán bộ một cửa",
             ""] for i in range(1, n + 1)]


def html_table(rows: list[list[str]], tail: str = "", head: str = "") -> str:
    """An HTML "Xuất Excel" of ``rows`` (the first the header), each cell a <td>, then the
    raw rows of ``tail`` (a totals row, a signature)."""
    def row(cells: list[str]) -> str:
        return "<tr>" + "".join(f"<td>{v}</td>" for v in cells) + "</tr>\n"
    return (f"{head}<table border=1>\n<tr><td colspan={len(rows[0])} align=center>DANH SÁCH "
            "HỒ SƠ THÁNG 3/2022</td></tr>\n" + "".join(row(r) for r in rows) + tail
            + "</table>\n")


def spreadsheetml_totals() -> str:
    """An Excel 2003 XML list whose "Ghi chú" column no row fills, the STT a typed number, an
    empty row skipped by ss:Index between two dossiers, and the totals merged across the
    sheet (a row of one cell)."""
    def s(v: str) -> str:
        return f'<Cell><Data ss:Type="String">{v}</Data></Cell>' if v else ""

    def dossier(r: list[str], index: str = "") -> str:
        return (f"  <Row{index}><Cell><Data ss:Type=\"Number\">{r[0]}</Data></Cell>"
                + "".join(s(v) for v in r[1:]) + "</Row>\n")
    rows = wide_rows("S", 3)
    return (SS_HEAD + ' <Worksheet ss:Name="Hồ sơ"><Table>\n'
            '  <Row>' + "".join(s(h) for h in WIDE_HEAD) + '</Row>\n'
            + dossier(rows[0]) + dossier(rows[1]) + dossier(rows[2], ' ss:Index="5"')
            + '  <Row><Cell ss:MergeAcross="10"><Data ss:Type="String">Tổng cộng</Data>'
            '</Cell></Row>\n </Table></Worksheet>\n</Workbook>\n')


def font_text(rows: list[list], encoding: str) -> list[list]:
    """The rows as a workbook typed in a legacy font holds them: each text's bytes in that
    font, as the characters Windows-1252 shows for them."""
    def cell(v: object) -> object:
        if not isinstance(v, str):
            return v
        return tcvn3(v).decode("latin-1") if encoding == "tcvn3" else \
            vni(v).decode("cp1252")
    return [[cell(v) for v in r] for r in rows]


def _book(out: Path, name: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(out / name), {"remove_timezone": True})
    wb.set_properties({"created": CREATED})
    return wb


# --------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------


def cases(out: Path) -> None:
    out.mkdir(exist_ok=True)
    html = html_export(ROWS_02, HTML_HEAD.format(charset="utf-8"))
    (out / "100_html_table_named_xls.xls").write_text(
        html + "</body></html>\n", encoding="utf-8")
    (out / "101_html_cp1258_no_charset.xls").write_bytes(cp1258(html_export(ROWS_02, "")))
    (out / "102_html_cp1258_declared.xls").write_bytes(cp1258(
        html_export(ROWS_02, HTML_HEAD.format(charset="windows-1258")) + "</body></html>\n"))
    (out / "103_spreadsheetml_named_xls.xls").write_text(spreadsheetml_export(),
                                                         encoding="utf-8")
    (out / "104_excel_97_2003.xls").write_bytes(compound_file(biff8([("Hồ sơ", ROWS_02)])))

    # refused: password, damage
    (out / "105_xls_password.xls").write_bytes(
        compound_file(biff8([("Hồ sơ", ROWS_02)], filepass=True)))
    stream = bytearray(biff8([("Hồ sơ", ROWS_02)]))
    at = stream.find(struct.pack("<H", 0x0085))  # the sheet's offset, past the stream's end
    struct.pack_into("<I", stream, at + 4, 1_000_000)
    (out / "106_xls_sheet_outside_file.xls").write_bytes(compound_file(bytes(stream)))
    stream = bytearray(biff8([("Hồ sơ", ROWS_02)]))
    at = stream.rfind(struct.pack("<H", 0x00FD))  # the last cell says it is longer than the
    struct.pack_into("<H", stream, at + 2, 60_000)  # stream: its records are cut short
    (out / "107_xls_records_cut_short.xls").write_bytes(compound_file(bytes(stream)))
    ods(out / "108_ods_password.ods", "", encrypted=True)
    zipped(out / "109_xlsx_sheet_part_missing.xlsx", xlsx_parts(b"", with_sheet=False))
    wb = _book(out, "_whole.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    for r, row in enumerate(ROWS_02):
        ws.write_row(r, 0, row)
    wb.close()
    whole = (out / "_whole.xlsx").read_bytes()
    (out / "_whole.xlsx").unlink()
    (out / "110_xlsx_cut_short.xlsx").write_bytes(whole[:len(whole) // 2])

    # refused: bombs
    wb = _book(out, "111_xlsx_space_in_xfd1048576.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    for r, row in enumerate(ROWS_02):
        ws.write_row(r, 0, row)
    ws.write_string(1_048_575, 16_383, " ")  # one space typed in the sheet's last cell
    wb.close()
    zipped(out / "112_xlsx_sheet_inflates_1000_times.xlsx",
           xlsx_parts(sheet_xml(HEADER_ROW + " " * (48 * 2**20))))
    zipped(out / "113_xlsx_sizes_lie.xlsx", xlsx_parts(sheet_xml(HEADER_ROW + inline_row(
        2, ["L1", "1.004873", "Trực tiếp", "04/04/2022 08:00", "Đang xử lý"]))))
    lying_sizes(out / "113_xlsx_sizes_lie.xlsx", "xl/worksheets/sheet1.xml", 300)
    cell = ('<table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="16384"/>')
    ods(out / "114_ods_value_repeated_over_sheet.ods",
        '<table:table table:name="Hồ sơ"><table:table-row table:number-rows-repeated='
        f'"1048576">{cell}</table:table-row></table:table>')
    (out / "115_html_page_without_table.xls").write_text(
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Đăng nhập</title></head>"
        "<body><form method=post><p>Phiên làm việc đã hết hạn, vui lòng đăng nhập lại</p>"
        "</form></body></html>\n", encoding="utf-8")
    (out / "116_spreadsheetml_entity_bomb.xls").write_text(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;'
        '&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-'
        'microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table><Row><Cell><Data '
        'ss:Type="String">&c;</Data></Cell></Row></Table></Worksheet></Workbook>\n',
        encoding="utf-8")

    # loaded: a sheet name stored decomposed (NFD), as some Mac and web tools write it
    wb = _book(out, "117_xlsx_sheet_name_nfd.xlsx")
    ws = wb.add_worksheet(unicodedata.normalize("NFD", "Tháng 4"))
    ws.write_row(0, 0, ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận",
                        "Trạng thái"])
    ws.write_row(1, 0, ["N1", "1.004873", "Trực tiếp"])
    ws.write_datetime(1, 3, datetime(2022, 4, 4, 8, 0),
                      wb.add_format({"num_format": "dd/mm/yyyy hh:mm"}))
    ws.write(1, 4, "Đang xử lý")
    wb.close()

    # loaded: a new office's exports
    short = '<tr><td colspan="3">Tổng cộng</td><td colspan="8">4 hồ sơ</td></tr>\n'
    (out / "118_html_totals_row_shorter_than_header.xls").write_text(
        html_table([WIDE_HEAD, *wide_rows("T")], short), encoding="utf-8")
    (out / "119_spreadsheetml_totals_merged_across.xls").write_text(spreadsheetml_totals(),
                                                                    encoding="utf-8")
    wider = [WIDE_HEAD[:-1], *[r[:-1] for r in wide_rows("W", 2)]]
    wider[2] = [*wider[2], "", "gọi lại cho công dân"]  # typed two columns past the titles
    (out / "120_html_value_past_the_titled_columns.xls").write_text(
        html_table(wider), encoding="utf-8")
    wb = _book(out, "121_xlsx_continued_sheet_ends_with_totals.xlsx")
    first, second = wb.add_worksheet("Trang 1"), wb.add_worksheet("Trang 2")
    rows = wide_rows("C", 5)
    for r, row in enumerate([WIDE_HEAD, *rows[:3]]):
        first.write_row(r, 0, row)
    for r, row in enumerate([*rows[3:], ["Tổng cộng", "5"]]):
        second.write_row(r, 0, row)
    wb.close()
    wb = _book(out, "_book.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    for r, row in enumerate(ROWS_02):
        ws.write_row(r, 0, row)
    wb.close()
    (out / "_book.xlsx").rename(out / "122_xlsx_named_xls.xls")
    (out / "123_xls_named_xlsx.xlsx").write_bytes(compound_file(biff8([("Hồ sơ", ROWS_02)])))
    (out / "124_tab_separated_named_xls.xls").write_text(
        "\r\n".join("\t".join(r) for r in ROWS_02) + "\r\n", encoding="utf-8")
    wb = _book(out, "125_xlsx_tcvn3_font.xlsx")
    rows = font_text([WIDE_HEAD, *wide_rows("V", 3)], "tcvn3")
    first, second = wb.add_worksheet("Trang 1"), wb.add_worksheet("Trang 2")
    for r, row in enumerate(font_text([["DANH SÁCH HỒ SƠ TIẾP NHẬN"]], "tcvn3") + rows[:3]):
        first.write_row(r, 0, row)
    for r, row in enumerate(rows[3:]):  # the list goes on, typed in the same font
        second.write_row(r, 0, row)
    wb.close()
    wb = _book(out, "126_xlsx_vni_font.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    for r, row in enumerate(font_text([WIDE_HEAD, *wide_rows("N", 2)], "vni")):
        ws.write_row(r, 0, row)
    wb.close()
    (out / "127_html_tcvn3_font.xls").write_text(html_table(
        font_text([WIDE_HEAD, *wide_rows("H", 2)], "tcvn3"),
        head="<meta charset='utf-8'><style>td {font-family: .VnTime}</style>\n"),
        encoding="utf-8")


if __name__ == "__main__":
    cases(Path(__file__).parent / "files")
