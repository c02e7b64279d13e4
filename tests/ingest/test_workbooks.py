"""Every workbook an office has is read or refused with one Vietnamese line, and none can
crash ingest or exhaust its memory (cchc_lib/ingest/readers: excel, zipbook, biff, html,
spreadsheetml, book, limits).

The files are real, written here: xlsxwriter's workbooks, zips written part by part (a lie
written into their sizes where the test is about a lie), HTML and SpreadsheetML as the
exports of one-stop systems write them, a BIFF8 .xls hand-assembled in an OLE file (no
library here writes one), ODS written part by part. Where each layout comes from is said in
tests/corpus/build_workbooks.py, whose writers these tests share.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import subprocess
import sys
import time
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import xlsxwriter

from cchc_lib.core import schema
from cchc_lib.core.catalog import Source, load_catalog, with_overrides
from cchc_lib.core.errors import InputFileError
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.readers import read_source, sniff
from cchc_lib.ingest.readers.excel import guarded
from cchc_lib.ingest.readers.limits import MAX_SHEET_CELLS, Extent
from cchc_lib.ingest.readers.zipbook import scan_sheet_xml, scan_xlsb

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_workbooks",
                                               ROOT / "tests/corpus/build_workbooks.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

HEADER = ["Mã hồ sơ", "Mã TTHC", "Chủ hồ sơ", "Kênh thực hiện", "Ngày tiếp nhận",
          "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái"]


def read(path: Path, sheet: str | None = None):
    return read_source(Source(path=path, label=path.name, sheet=sheet), schema.DOSSIERS)


def refused(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(InputFileError) as err:
        read(path, sheet)
    message = str(err.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    return message.removeprefix(f"{path.name}: ")


# --------------------------------------------------------------------------------------
# What a file is
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    # a CSV padded with NULs at its end (a copy cut short by a disk or a download tool)
    b"MaHoSo,MaTTHC\nA1,1.001193\n" + b"\x00" * 4096,
    # NULs inside a value (a system that pads fixed-width fields with NUL)
    b"MaHoSo,MaTTHC\nA1\x00\x00,1.001193\n",
    # Excel's "Unicode text" written without its BOM, little- and big-endian
    "MaHoSo\tMã TTHC\nA1\t1.001193\n".encode("utf-16-le"),
    "MaHoSo\tMã TTHC\nA1\t1.001193\n".encode("utf-16-be"),
])
def test_a_nul_byte_alone_does_not_make_a_text_file_binary(tmp_path, body):
    path = tmp_path / "export.csv"
    path.write_bytes(body)
    assert sniff(path, path.name) == "text"


def test_binary_and_nul_only_files_are_still_refused(tmp_path):
    png = tmp_path / "anh.csv"  # a picture named .csv: control bytes beside its NULs
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x08\x02\x00\x00")
    with pytest.raises(InputFileError, match="nội dung nhị phân"):
        sniff(png, png.name)
    zeros = tmp_path / "zeros.csv"  # space allocated by a download that never wrote
    zeros.write_bytes(b"\x00" * 1000)
    with pytest.raises(InputFileError, match="chỉ chứa byte rỗng"):
        sniff(zeros, zeros.name)


def test_html_and_xml_exports_named_xls_go_to_their_readers(tmp_path):
    html = tmp_path / "a.xls"
    html.write_bytes(b"\xef\xbb\xbf  <meta charset=utf-8><table><tr><td>x</td></tr></table>")
    xml = tmp_path / "b.xls"
    xml.write_text(build.spreadsheetml_export(), encoding="utf-8")
    assert (sniff(html, "a.xls"), sniff(xml, "b.xls")) == ("html", "spreadsheetml")


# --------------------------------------------------------------------------------------
# HTML tables
# --------------------------------------------------------------------------------------


def test_an_html_export_reads_like_the_workbook_excel_makes_of_it(tmp_path):
    path = tmp_path / "xuat_excel.xls"
    path.write_text(build.html_export(build.ROWS_02, build.HTML_HEAD.format(charset="utf-8")),
                    encoding="utf-8")
    (sheet,) = read(path)
    # the two header rows merged (group titles above, rowspan cells empty below them)
    assert sheet.header == HEADER and not sheet.typed and sheet.sheet == ""
    assert list(sheet.row_numbers) == [5, 6]  # two title rows and two header rows above
    assert list(sheet.values[1]) == ["1.004873", "1.001193"]  # codes stay text
    assert list(sheet.values[5]) == ["18/03/2022", "16/03/2022"]


def test_an_html_export_in_windows_1258_without_charset_is_read(tmp_path):
    path = tmp_path / "cp1258.xls"
    path.write_bytes(build.cp1258(build.html_export(build.ROWS_02, "")))
    (sheet,) = read(path)
    assert sheet.encoding == "cp1258"  # said in the file's note, as a text file's
    assert [unicodedata.normalize("NFC", v) for v in sheet.values[7]] == ["Đã xử lý xong",
                                                                         "Đã trả kết quả"]


def test_colspan_and_rowspan_are_capped(tmp_path):
    path = tmp_path / "spans.xls"
    path.write_text("<table><tr><td>Mã hồ sơ</td><td>Mã TTHC</td><td>Kênh thực hiện</td>"
                    "<td>Ngày tiếp nhận</td><td>Trạng thái</td>"
                    "<td colspan=99999999 rowspan=999999999>x</td><td>y</td></tr>"
                    "<tr><td>A1</td><td>1.001193</td><td>1</td><td>01/04/2022</td><td>4</td>"
                    "<td>z</td></tr></table>", encoding="utf-8")
    (sheet,) = read(path)
    assert len(sheet.header) == 5 + 1000 + 1 and sheet.header[-1] == "y"  # colspan <= 1000
    # the rowspan covers the row below (the table's last): its next cell goes past the span
    assert len(sheet.values) == 1 and sheet.values.iloc[0, 1005] == "z"


def test_an_html_table_past_the_cell_limit_is_refused_as_it_is_read(tmp_path):
    rows = MAX_SHEET_CELLS // 1001 + 64  # each row 1,001 columns wide by one colspan
    path = tmp_path / "bom.xls"
    path.write_text("<table>" + "<tr><td colspan=1000></td><td>x</td></tr>" * rows
                    + "</table>", encoding="utf-8")
    start = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - start < 30
    assert message.startswith(f"trang 'Bảng 1': có ô chứa dữ liệu xa tới ô ALM{rows - 63} ")


# --------------------------------------------------------------------------------------
# Excel 2003 XML Spreadsheets
# --------------------------------------------------------------------------------------


def test_a_spreadsheetml_file_keeps_its_declared_types(tmp_path):
    path = tmp_path / "xml.xls"
    path.write_text(build.spreadsheetml_export(), encoding="utf-8")
    notes, sheet = read(path)
    assert (notes.sheet, notes.skipped, len(notes.values)) == ("Hướng dẫn", "no_header", 1)
    assert sheet.sheet == "Danh sách" and sheet.typed and list(sheet.row_numbers) == [5]
    row = list(sheet.values.iloc[0])
    assert row[0] == 1.0 and row[5] == datetime(2022, 4, 4, 8, 0)  # Number, DateTime
    # skipped by ss:Index="8": empty, "" as every reader's empty cell
    assert row[6] == "" and row[7] == "Đang xử lý"


def test_a_spreadsheetml_sheet_name_is_stored_nfc_and_a_far_index_refused(tmp_path):
    nfd = unicodedata.normalize("NFD", "Tháng 4")
    path = tmp_path / "xml.xls"
    path.write_text(build.spreadsheetml_export().replace("Danh sách", nfd), encoding="utf-8")
    assert read(path, sheet="Tháng 4")[0].sheet == "Tháng 4"  # the catalog's NFC name
    far = tmp_path / "far.xls"
    far.write_text(build.spreadsheetml_export().replace(
        '<Row ss:Index="4">', '<Row ss:Index="2000000">'), encoding="utf-8")
    assert refused(far).startswith("trang 'Danh sách': có ô ở vị trí A2000000, ngoài "
                                   "1.048.576 dòng × 16.384 cột")


# --------------------------------------------------------------------------------------
# Zipped workbooks: declared sizes, lies, the farthest cell
# --------------------------------------------------------------------------------------


def _xlsx(path: Path, body: str) -> Path:
    build.zipped(path, build.xlsx_parts(build.sheet_xml(build.HEADER_ROW + body)))
    return path


def test_one_space_in_xfd1048576_is_refused_before_calamine_allocates(tmp_path):
    build.cases(tmp_path)  # (the corpus's files, written again here)
    start = time.perf_counter()
    message = refused(tmp_path / "111_xlsx_space_in_xfd1048576.xlsx")
    assert time.perf_counter() - start < 2
    assert "xa tới ô XFD1048576 (1.048.576 dòng × 16.384 cột" in message


@pytest.mark.parametrize("cell", [
    '<c s="0" r="XFD1048576" t="inlineStr"><is><t> </t></is></c>',  # attributes reordered
    '<c r=\'XFD1048576\' t="inlineStr"><is><t> </t></is></c>',  # single quotes
    '<x:c r="XFD1048576" t="inlineStr"><x:is><x:t> </x:t></x:is></x:c>',  # a prefix
    '<c r="XFD1048575"><v>1</v></c><c><v>1</v></c>',  # no reference: the cell after
])
def test_a_far_cell_written_unusually_is_found_all_the_same(tmp_path, cell):
    body = f'<row r="1048576">{cell}</row>'.replace("XFD1048575", "XFC1048576")
    message = refused(_xlsx(tmp_path / "far.xlsx", body))
    assert "xa tới ô XFD1048576" in message


def test_the_fast_reading_of_a_sheet_agrees_with_the_exact_one():
    def both(body: str) -> tuple[Extent, Extent]:
        xml = build.sheet_xml(body)
        return scan_sheet_xml(iter([xml]), lambda: iter([xml]), len(xml)), build_exact(xml)

    def build_exact(xml: bytes) -> Extent:
        from cchc_lib.ingest.readers.zipbook import _exact_any
        return _exact_any(iter([xml]))

    wide = "".join(f'<c r="{c}{r}"><v>1</v></c>' for r in (1, 9)
                   for c in ("A", "Z", "AA", "AD"))
    fast, exact = both(f"<row r=\"1\">{wide}</row>")
    assert (exact.rows, exact.columns) == (9, 30) and fast.columns == 30 and fast.rows >= 9
    # past the bound of the fast pass (30 columns, six-digit rows): read exactly, and within
    xml = build.sheet_xml('<row r="1"><c r="AD1"><v>1</v></c></row><row r="100000">'
                          '<c r="A100000"><v>1</v></c></row><row r="100001">'
                          '<c r="B100001" s="1"/></row>')
    assert scan_sheet_xml(iter([xml]), lambda: iter([xml]), len(xml)) == Extent(3, 100_000, 30)


def test_an_xlsb_sheets_records_give_its_farthest_cell():
    """[MS-XLSB] 2.1.4: a record is its type and its size, each in 7-bit bytes; BrtRowHdr (0)
    begins with its row, a cell record (BrtCellReal 5, BrtCellIsst 7) with its column;
    BrtCellBlank (1) holds no value. Read across the pieces the part streams in."""
    def record(rtype: int, first: int, rest: int) -> bytes:
        body = struct.pack("<I", first) + bytes(rest)
        return bytes([rtype, len(body)]) + body
    data = (record(0, 4, 8) + record(5, 29, 12) + record(1, 16_383, 4) + record(0, 9, 8)
            + record(7, 2, 8))
    whole = scan_xlsb(iter([data]))
    assert whole == Extent(2, 10, 30)  # AD5 and C10; the blank in XFD5 is no value
    assert scan_xlsb(iter([data[:7], data[7:13], data[13:]])) == whole


def test_a_part_declared_bigger_than_the_limit_is_refused_unread(tmp_path):
    path = _xlsx(tmp_path / "2gb.xlsx", "")
    build.lying_sizes(path, "xl/worksheets/sheet1.xml", 2**31)  # a 2 GB sheet, declared
    start = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - start < 1
    assert message.startswith("sổ Excel (.xlsx): phần 'xl/worksheets/sheet1.xml' giải nén ra "
                              "2.048 MB")


def test_a_part_inflating_to_less_than_it_declares_is_damaged(tmp_path):
    path = _xlsx(tmp_path / "less.xlsx", build.inline_row(2, ["L1"]))
    with zipfile.ZipFile(path) as z:
        size = z.getinfo("xl/worksheets/sheet1.xml").file_size
    build.lying_sizes(path, "xl/worksheets/sheet1.xml", size + 1000)
    assert "không khớp kích thước ghi trong tệp nén" in refused(path)


def test_two_parts_of_one_name_are_damaged(tmp_path):
    path = _xlsx(tmp_path / "twice.xlsx", "")
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/worksheets/sheet1.xml", build.sheet_xml(""))
    assert refused(path).startswith("sổ Excel (.xlsx) bị hỏng: tệp nén có hai phần trùng tên")


def test_a_sheet_named_in_nfd_is_stored_and_chosen_by_its_nfc_name(tmp_path):
    build.cases(tmp_path)
    path = tmp_path / "117_xlsx_sheet_name_nfd.xlsx"
    (sheet,) = read(path, sheet="Tháng 4")
    assert sheet.sheet == "Tháng 4" == unicodedata.normalize("NFC", sheet.sheet)
    assert refused(path, sheet="Tháng 5") == "không có trang tính 'Tháng 5' (các trang tính: " \
                                             "Tháng 4)"


# --------------------------------------------------------------------------------------
# Excel 97-2003 (BIFF) and OpenDocument
# --------------------------------------------------------------------------------------


def test_a_true_excel_97_2003_file_is_read_with_its_types(tmp_path):
    path = tmp_path / "cu.xls"
    rows = [["STT", *build.ROWS_02[0]], [1, *build.ROWS_02[1]], [2, *build.ROWS_02[2]]]
    path.write_bytes(build.compound_file(build.biff8([("Hồ sơ", rows)])))
    (sheet,) = read(path)
    assert sheet.sheet == "Hồ sơ" and sheet.typed and list(sheet.row_numbers) == [2, 3]
    assert list(sheet.values[0]) == [1.0, 2.0] and list(sheet.values[1]) == ["B1", "B2"]


def test_a_calamine_panic_becomes_the_files_one_line(tmp_path):
    from python_calamine import CalamineWorkbook

    build.cases(tmp_path)
    path = tmp_path / "106_xls_sheet_outside_file.xls"
    with pytest.raises(BaseException) as raw:  # what calamine does unguarded: a panic,
        CalamineWorkbook.from_path(str(path))  # which no `except Exception` catches
    assert not isinstance(raw.value, Exception)
    source = Source(path=path, label=path.name)
    with pytest.raises(InputFileError) as err:
        guarded(source, "xls", lambda: CalamineWorkbook.from_path(str(path)))
    assert str(err.value) == (f"{path.name}: sổ Excel 97-2003 (.xls) bị hỏng: trình đọc dừng "
                              "giữa chừng khi đọc nội dung; mở bằng Excel để sửa rồi lưu lại "
                              "thành .xlsx, hoặc xuất lại tệp từ hệ thống")

    def interrupted() -> None:
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):  # an interrupt is never turned into a message
        guarded(source, "xls", interrupted)


def test_an_ods_with_its_empty_rows_repeated_to_the_end_is_read(tmp_path):
    def row(*values: str) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
            "</table:table-cell>" for v in values) + "</table:table-row>"
    path = tmp_path / "lo.ods"  # LibreOffice writes the rest of the sheet as repeated empties
    build.ods(path, '<table:table table:name="Hồ sơ">'
              + row("Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Trạng thái")
              + row("O1", "1.004873", "Trực tiếp", "04/04/2022 08:00", "Đang xử lý")
              + '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row></table:table>')
    (sheet,) = read(path)
    assert list(sheet.values[0]) == ["O1"] and list(sheet.row_numbers) == [2]


# --------------------------------------------------------------------------------------
# A new office's exports: short rows, a list going on, any name, legacy fonts
# --------------------------------------------------------------------------------------


def _ingested(path: Path) -> tuple[int, int, list]:
    """(dossiers accepted, rows read or set aside, the file's reports) of ingesting ``path``."""
    catalog = with_overrides(load_catalog(ROOT / "tests/corpus/catalog.yml"),
                             dossiers=[str(path)], unit="U2")
    reports = [f for f in ingest(catalog).files if f.table == "dossiers"]
    rows = sum(f.rows_in + sum(f.rows_skipped.values()) for f in reports)
    return sum(f.accepted for f in reports), rows, reports


def _workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
    wb.close()
    return path


def test_rows_shorter_or_wider_than_the_header_are_read_in_every_reader(tmp_path):
    """The totals most "Xuất Excel" tables end with are one merged cell: a row shorter than
    the header, once refused with Arrow's "null vs string" (a cell padded with None made
    columns Arrow read as of type null). Every reader's empty cell is now "", none null."""
    head, rows = build.WIDE_HEAD, build.wide_rows("T")
    totals = '<tr><td colspan="11">Tổng số: 4 hồ sơ</td></tr>'
    html = tmp_path / "xuat_excel.xls"  # + a row of nothing, a value past the last title
    html.write_text(build.html_table([head, *rows], totals + "<tr></tr><tr><td colspan=12>"
                                     "</td><td>gọi lại</td></tr>"), encoding="utf-8")
    xml = tmp_path / "xml.xls"  # a column no row fills, an empty row, the totals merged
    xml.write_text(build.spreadsheetml_totals(), encoding="utf-8")
    xlsx = _workbook(tmp_path / "book.xlsx", {"Hồ sơ": [head, *rows, ["Tổng số: 4 hồ sơ"]]})
    ignored = {}
    for path, read_rows, dossiers in ((html, 7, 4), (xml, 5, 3), (xlsx, 5, 4)):
        (sheet,) = read(path)
        assert not sheet.values.isna().any().any(), path.name
        assert len(sheet.values) == read_rows
        accepted, accounted, (report,) = _ingested(path)  # read, every row accounted for
        assert (accepted, accounted) == (dossiers, read_rows), path.name
        ignored[path] = report.columns_ignored
    assert read(html)[0].header == [*head, "", ""]  # the value past the titles: a column,
    assert "(cột thứ 13, không có tiêu đề, 1 giá trị)" in ignored[html]  # said, not dropped


@pytest.mark.parametrize("tail", [
    [["Tổng cộng", "5"]],
    [["Cộng: 5 hồ sơ", "", "", "", "", "5"]],
    [["Tổng số hồ sơ: 2"], [], ["", "Người lập biểu", "", "", "", "", "", "", "Thủ trưởng"],
     ["", "(Ký, ghi rõ họ tên)"], ["", "Lê Văn Lập", "", "", "", "", "", "", "Hồ Thị Ký"]],
])
def test_a_sheet_going_on_with_the_list_is_read_though_it_ends_with_totals(tmp_path, tail):
    """Rows plainly not dossiers (totals, a signature line, a name) count neither way when a
    sheet without a header is asked whether it goes on with the list; a sheet of only such
    rows, or of notes, does not."""
    rows = build.wide_rows("C", 5)
    path = _workbook(tmp_path / "trang.xlsx", {
        "Trang 1": [build.WIDE_HEAD, *rows[:3]], "Trang 2": [*rows[3:], *tail],
        "Ký": [["Tổng cộng", "5"], ["Người lập biểu"], ["Lê Văn Lập"]],
        "Tổng hợp": [["Lĩnh vực", "Số hồ sơ", "Đúng hạn"], ["Hộ tịch", "5", "5"]]})
    first, second, signed, summary = read(path)
    assert (second.continues, second.skipped, list(second.values[1][:2])) == (
        "Trang 1", "", ["C4", "C5"])
    assert (signed.skipped, summary.skipped) == ("no_header", "no_header")


@pytest.mark.parametrize("kind, name", [
    ("xlsx", "ho_so.xls"), ("xlsx", "ho_so.ods"), ("xlsx", "ho_so.xlsb"), ("xlsx", "ho_so.csv"),
    ("xlsx", "ho_so"), ("xls", "ho_so.xlsx"), ("xls", "ho_so.ods"), ("ods", "ho_so.xlsx"),
])
def test_a_workbook_is_read_by_its_bytes_whatever_its_name(tmp_path, kind, name):
    """calamine picks its reader by a file's suffix: an XLSX named .xls was "damaged"."""
    path = tmp_path / name
    if kind == "xlsx":
        _workbook(tmp_path / "book.xlsx", {"Hồ sơ": build.ROWS_02}).rename(path)
    elif kind == "xls":
        path.write_bytes(build.compound_file(build.biff8([("Hồ sơ", build.ROWS_02)])))
    else:
        build.ods(path, '<table:table table:name="Hồ sơ">' + "".join(
            "<table:table-row>" + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                "</table:table-cell>" for v in row) + "</table:table-row>"
            for row in build.ROWS_02) + "</table:table>")
    (sheet,) = read(path)
    assert sheet.sheet == "Hồ sơ" and list(sheet.values[0]) == ["B1", "B2"]


def test_text_named_like_a_workbook_is_read_as_text_and_binary_refused(tmp_path):
    tsv = tmp_path / "xuat_excel.xls"  # a tab-separated "Xuất Excel"
    tsv.write_text("\n".join("\t".join(r) for r in build.ROWS_02), encoding="utf-8")
    assert sniff(tsv, tsv.name) == "text" and list(read(tsv)[0].values[0]) == ["B1", "B2"]
    png = tmp_path / "anh.xls"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x08\x02")
    assert refused(png) == "không đọc được như một sổ Excel (tệp không ở định dạng Excel nào)"


@pytest.mark.parametrize("encoding, shown", [("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI")])
def test_a_workbook_typed_in_a_legacy_font_is_read_in_unicode(tmp_path, encoding, shown):
    rows = build.font_text([["DANH SÁCH HỒ SƠ"], build.WIDE_HEAD, *build.wide_rows("F", 2)],
                           encoding)
    assert rows[1][1] == {"tcvn3": "M· hå s¬", "vni": "Maõ hoà sô"}[encoding]
    path = _workbook(tmp_path / "cu.xlsx", {"Hồ sơ": rows})
    (sheet,) = read(path)
    assert (sheet.encoding, sheet.header) == (encoding, build.WIDE_HEAD)
    assert list(sheet.values[8]) == ["Đã xử lý xong"] * 2 and list(sheet.values[2]) == [
        "1.004873", "1.001193"]
    accepted, _, (report,) = _ingested(path)
    assert accepted == 2 and report.note == f"bảng mã {shown}, đã chuyển sang Unicode"


def test_a_sheet_whose_header_reads_is_never_decoded(tmp_path):
    """A Unicode sheet is left as it is: its Latin-1 letters ("Cà Mau") would read otherwise
    in TCVN3; a Unicode notes sheet without a header stays a sheet not read."""
    rows = [build.WIDE_HEAD, [*build.wide_rows("U", 1)[0][:-1], "Cà Mau"]]
    path = _workbook(tmp_path / "moi.xlsx", {"Ghi chú": [["Dữ liệu từ hệ thống một cửa"]],
                                             "Hồ sơ": rows})
    notes, sheet = read(path)
    assert notes.skipped == "no_header" and sheet.encoding == ""
    assert list(sheet.values[10]) == ["Cà Mau"]


# --------------------------------------------------------------------------------------
# Peak memory of ingesting a bomb
# --------------------------------------------------------------------------------------

# The process's peak: Python, pandas, pyarrow and lxml imported take about 110 MB here; a
# bomb refused before any library allocates its box adds a few MB.
CEILING_MB = 256
CHILD = """
import json, resource, sys
from pathlib import Path
from cchc_lib.core import schema
from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.ingest.readers import read_source
path = Path(sys.argv[1])
try:
    read_source(Source(path=path, label=path.name), schema.DOSSIERS)
    outcome = "read"
except InputFileError as exc:
    outcome = str(exc)
print(json.dumps({"outcome": outcome,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# Linux keeps a process's high-water mark across fork and exec: a child started by pytest
# (grown to GBs by the tests before) would report pytest's peak. A small launcher starts it.
LAUNCHER = """
import subprocess, sys
run = subprocess.run([sys.executable, "-c", *sys.argv[1:]], capture_output=True, text=True)
sys.stdout.write(run.stdout)
sys.stderr.write(run.stderr)
sys.exit(run.returncode)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss is POSIX (resource); the "
                    "limits are the same code on Windows, only this measure is not")
@pytest.mark.parametrize("name", ["111_xlsx_space_in_xfd1048576.xlsx",
                                  "112_xlsx_sheet_inflates_1000_times.xlsx",
                                  "113_xlsx_sizes_lie.xlsx",
                                  "114_ods_value_repeated_over_sheet.ods",
                                  "116_spreadsheetml_entity_bomb.xls"])
def test_a_bomb_is_refused_within_the_memory_ceiling(tmp_path, name):
    build.cases(tmp_path)
    run = subprocess.run([sys.executable, "-c", LAUNCHER, CHILD, str(tmp_path / name)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]  # (an abort would be -6)
    report = json.loads(run.stdout)
    assert report["outcome"].startswith(f"{name}: ") and report["peak_mb"] < CEILING_MB


def test_a_second_table_under_the_list_is_named_not_a_python_error(tmp_path):
    """A summary by field under the dossier list, its numbers where the list has text: its
    title row reads as the header again in another order, and moving its rows once stopped
    with pandas' "Invalid value for dtype 'str'" (in English). Now the titles it shares a
    column with are named, with the line to add."""
    head = ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Ngày hẹn trả",
            "Ngày trả kết quả", "Trạng thái"]
    rows = [head, ["HS-001", "1.001193", "Trực tiếp", "05/03/2022 08:15", "05/03/2022 17:00",
                   "07/03/2022 09:00", "Đã trả kết quả"], [],
            ["Lĩnh vực", "Số hồ sơ tiếp nhận", "Trực tuyến", "Ngày cập nhật",
             "Số hồ sơ trễ hạn", "Đã trả", "Tình trạng"],
            ["Hộ tịch", 3, 1, "30/11/2022", 0, 2, "Tốt"]]
    path = _workbook(tmp_path / "bao_cao.xlsx", {"BaoCao": rows})
    with pytest.raises(InputFileError) as err:
        _ingested(path)
    said = str(err.value)
    assert "dtype" not in said and "Số hồ sơ tiếp nhận" in said and "columns:" in said


def test_a_date_column_keeps_its_order_on_the_next_sheet(tmp_path):
    """Found by the slow generator: a workbook whose receipt dates are month first (an
    export system's "8/16/2022, 8:00 AM") and whose due dates are day first (typed by the
    office). Sheet 2's due dates all read both ways: they are read as the same column on
    sheet 1 showed (day first), not as sheet 2's receipt dates (month first), and not set
    aside."""
    head = ["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh", "Ngày tiếp nhận", "Ngày hẹn trả",
            "Trạng thái"]
    one = [head, ["H1", "U2", "1.001193", "Trực tiếp", "8/16/2022, 8:00 AM", "18/8/2022",
                  "Đang xử lý"]]
    two = [head, ["H2", "U2", "1.001193", "Trực tiếp", "10/12/2022, 11:00 AM", "12/10/2022",
                  "Đang xử lý"],
           ["H3", "U2", "1.001193", "Trực tiếp", "9/28/2022, 1:20 PM", "1/11/2022",
            "Đang xử lý"]]
    path = _workbook(tmp_path / "hai_trang.xlsx", {"Trang 1": one, "Trang 2": two})
    catalog = with_overrides(load_catalog(ROOT / "tests/corpus/catalog.yml"),
                             dossiers=[str(path)], unit="U2")
    result = ingest(catalog)
    assert result.quarantine.empty
    got = result.tables["dossiers"].set_index("dossier_id")
    assert got.loc["H2", "due_at"].date() == datetime(2022, 10, 12).date()
    assert got.loc["H2", "received_at"] == datetime(2022, 10, 12, 11, 0)
    assert got.loc["H3", "due_at"].date() == datetime(2022, 11, 1).date()
