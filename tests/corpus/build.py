"""Writes the corpus of small problem files under tests/corpus/files/ (committed).

One file, one real-world problem. What each must give (loaded with these values,
quarantined with this reason, refused with this message) is written by hand in
expected.yml; tests/ingest/test_corpus.py checks every file against it.
Run: python tests/corpus/build.py
"""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
OUT = HERE / "files"
CREATED = datetime(2022, 11, 30, 17, 30)

DVCQG_HEAD = ("MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,"
              "NgayTra,TrangThaiHoSo")
ROW_A1 = "A1,U1,1.001193,2,20220315083000,20220315170000,20220315100000,20220315110000,10"
ROW_A2 = "A2,U1,2.000815,1,20220316090000,20220316170000,20220316093000,,9"
VN_HEAD = ("Mã hồ sơ;Mã TTHC;Chủ hồ sơ;Kênh thực hiện;Ngày tiếp nhận;Ngày hẹn trả;"
           "Ngày kết thúc xử lý;Trạng thái")
VN_B1 = ("B1;1.004873;Nguyễn Văn An;Trực tiếp;15/03/2022 08:30;18/03/2022;17/03/2022 10:00;"
         "Đã xử lý xong")
VN_B2 = "B2;1.001193;Trần Thị Bình;Trực tuyến;16/03/2022;16/03/2022;16/03/2022;Đã trả kết quả"


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(body: str) -> bytes:
    """Vietnamese Windows text: letters precomposed where the code page has them, tone marks
    as combining characters after them (as Windows writes CP1258)."""
    out = []
    for ch in body:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append((base + "".join(c for c in parts if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


def text(name: str, body: str, encoding: str = "utf-8", bom: bool = False) -> None:
    data = cp1258(body) if encoding == "cp1258" else body.encode(encoding)
    (OUT / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def csv_cases() -> None:
    text("01_dvcqg_utf8.csv", f"{DVCQG_HEAD}\n{ROW_A1}\n{ROW_A2}\n")
    text("02_vn_semicolon_bom.csv", f"{VN_HEAD}\n{VN_B1}\n{VN_B2}\n", bom=True)
    text("03_utf16_tab.csv", (VN_HEAD + "\n" + VN_B1 + "\n" + VN_B2 + "\n").replace(";", "\t"),
         encoding="utf-16")
    text("04_windows_cp1258.csv", f"{VN_HEAD}\r\n{VN_B1}\r\n{VN_B2}\r\n".replace(
        "Nguyễn Văn An", "Lê Văn Cường").replace("Trần Thị Bình", "Phạm Văn Dũng"),
        encoding="cp1258")
    text("05_title_lines_above_header.csv",
         "UBND PHƯỜNG 2;;;;;;;\nDANH SÁCH HỒ SƠ TIẾP NHẬN;;;;;;;\n;;;;;;;\n"
         f"{VN_HEAD}\n{VN_B1}\n{VN_B2}\n")
    text("06_nfd_headers_and_values.csv",
         unicodedata.normalize("NFD", f"{VN_HEAD}\n{VN_B1}\n{VN_B2}\n"))
    text("07_upper_case_no_diacritics.csv",
         "MA HO SO,MA TTHC,KENH THUC HIEN,NGAY TIEP NHAN,NGAY HEN TRA,NGAY KET THUC XU LY,"
         "TRANG THAI\nC1,1.001193,TRUC TUYEN,2022-03-15 08:30,2022-03-15 17:00,"
         "2022-03-15 10:00,DA TRA KET QUA\n")
    text("08_reordered_extra_columns.csv",
         "Ghi chú nội bộ,TrangThaiHoSo,NgayTiepNhan,MaTTHC,Người xử lý,MaHoSo,KenhThucHien,"
         "MaDonVi\nkhẩn,4,20220401080000,1.004873,Cán bộ A,D1,3,U2\n")
    text("09_blank_lines.csv", f"{DVCQG_HEAD}\n\n{ROW_A1}\n,,,,,,,,\n{ROW_A2}\n\n\n")
    text("10_decimal_comma.csv",
         "Mã hồ sơ;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái;Số ngày chờ bổ sung\n"
         "E1;1.004873;Trực tiếp;01/04/2022 08:00;Đang xử lý;1,5\n")
    text("11_unquoted_separator_in_value.csv",
         "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "F1,U1,1.001193,Đăng ký khai sinh,1,20220401080000,4\n"
         "F2,U1,2.000815,Chứng thực bản sao, bản dịch,1,20220401090000,4\n"
         "F3,U1,2.000815,Chứng thực bản sao,1,20220401100000,4\n")
    text("12_quoted_values.csv",
         "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         'G1,U1,2.000815,"Chứng thực bản sao, bản dịch ""gấp""",1,20220401080000,4\n')


def date_cases() -> None:
    head = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
    text("13_iso_dates.csv", head + "H1,U1,1.004873,1,2022-04-01 08:15:00,4\n"
                                    "H2,U1,1.004873,1,2022-04-01T09:30,4\n")
    text("14_day_first_no_time.csv", head + "H3,U1,1.004873,1,01/04/2022,4\n"
                                            "H4,U1,1.004873,1,1/4/2022,4\n")
    text("15_dvcqg_compact_dates.csv", head + "H5,U1,1.004873,1,20220401081500,4\n")
    text("16_excel_serial_as_text.csv", head + "H6,U1,1.004873,1,44652.5,4\n")
    text("17_vietnamese_am_pm.csv", head + "H7,U1,1.004873,1,01/04/2022 08:15:00 SA,4\n"
                                           "H8,U1,1.004873,1,01/04/2022 02:30:00 CH,4\n")
    text("18_iso_with_time_zone.csv", head + "H9,U1,1.004873,1,2022-04-01T01:15:00Z,4\n"
                                             "H10,U1,1.004873,1,2022-04-01T08:15:00+07:00,4\n")
    text("19_impossible_date.csv", head + "H11,U1,1.004873,1,31/02/2022 08:00,4\n"
                                          "H12,U1,1.004873,1,01/03/2022 08:00,4\n")
    text("20_ambiguous_day_month.csv", head + "H13,U1,1.004873,1,03/04/2022,4\n")


def code_cases() -> None:
    text("21_channel_spellings.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "K1,U1,1.004873,trực tuyến,20220401080000,4\n"
         "K2,U1,1.004873,TRUC TIEP,20220401080000,4\n"
         "K3,U1,1.004873,BCCI,20220401080000,4\n"
         "K4,U1,1.004873, Qua bưu chính công ích ,20220401080000,4\n"
         "K5,U1,1.004873,2.0,20220401080000,4\n")
    text("22_status_spellings.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayKetThucXuLy,TrangThaiHoSo\n"
         "S1,U1,1.004873,1,20220401080000,,  đang   xử lý \n"
         "S2,U1,1.004873,1,20220401080000,20220402080000,"
         + unicodedata.normalize("NFD", "Đã xử lý xong") + "\n"
         "S3,U1,1.004873,1,20220401080000,,YEU CAU BO SUNG\n")
    text("23_unknown_status_code.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "S4,U1,1.004873,1,20220401080000,11\n")
    text("24_boolean_spellings.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,Thanh toán trực tuyến,"
         "Số hóa hồ sơ,Kết quả điện tử,Phiếu xin lỗi\n"
         "T1,U1,1.004873,2,20220401080000,4,Có,x,1,true\n"
         "T2,U1,1.004873,1,20220401080000,4,Không,,0,false\n"
         "T3,U1,1.004873,1,20220401080000,4,co,X,TRUE,khong\n")
    text("25_code_with_spaces.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "P1,U1, 1.004873 ,1,20220401080000,4\nP2,U1,1.0048\u00a073,1,20220401080000,4\n")
    text("27_unknown_procedure.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "P3,U1,1.00119,1,20220401080000,4\n")


def row_cases() -> None:
    head = ("MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,"
            "TrangThaiHoSo,SoLanBoSung\n")
    text("28_missing_dossier_id.csv", head + ",U1,1.004873,1,20220401080000,,,,4,0\n")
    text("29_missing_received_date.csv", head + "R1,U1,1.004873,1,,,,,4,0\n")
    text("30_received_after_finished.csv",
         head + "R2,U1,1.004873,1,20220405080000,20220408170000,20220401090000,,9,0\n")
    text("31_due_before_received.csv",
         head + "R3,U1,1.004873,1,20220405080000,20220401170000,,,4,0\n")
    text("32_duplicate_dossier.csv",
         head + "R4,U1,1.004873,1,20220401080000,20220406170000,,,4,0\n"
                "R4,U1,1.004873,1,20220401080000,20220406170000,20220405090000,20220405100000,10,0\n"
                "R4,U1,1.004873,1,20220401080000,20220406170000,20220405090000,,9,0\n")
    text("33_resolved_without_dates.csv", head + "R5,U1,1.004873,1,20220401080000,,,,10,0\n")
    text("34_negative_count.csv", head + "R6,U1,1.004873,1,20220401080000,,,,4,-1\n")
    text("35_missing_due_derived.csv", head + "R7,U1,1.004873,1,20220428080000,,,,4,0\n")
    text("36_same_day_after_15h.csv", head + "R8,U1,1.001193,1,20220401153000,,,,4,0\n")


def _book(name: str) -> tuple[xlsxwriter.Workbook, object]:
    wb = xlsxwriter.Workbook(str(OUT / name), {"remove_timezone": True})
    wb.set_properties({"created": CREATED})
    return wb


def xlsx_cases() -> None:
    when = {"num_format": "dd/mm/yyyy hh:mm"}
    head = ["STT", "Mã hồ sơ", "Mã TTHC", "Chủ hồ sơ", "Kênh thực hiện", "Ngày tiếp nhận",
            "Trạng thái"]

    wb = _book("37_xlsx_title_block.xlsx")
    ws = wb.add_worksheet("Danh sách")
    ws.merge_range(0, 0, 0, 6, "UBND PHƯỜNG 2")
    ws.merge_range(1, 0, 1, 6, "DANH SÁCH HỒ SƠ TIẾP NHẬN QUÝ II NĂM 2022")
    ws.write_row(3, 0, head)
    fmt = wb.add_format(when)
    ws.write_row(4, 0, [1, "X1", "1.004873", "Hoàng Văn Em", "Trực tiếp"])
    ws.write_datetime(4, 5, datetime(2022, 4, 4, 8, 0), fmt)
    ws.write(4, 6, "Đang xử lý")
    wb.close()

    wb = _book("38_xlsx_two_row_merged_header.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.merge_range(0, 0, 1, 0, "STT")
    ws.merge_range(0, 1, 1, 1, "Mã hồ sơ")
    ws.merge_range(0, 2, 0, 3, "Thủ tục hành chính")
    ws.write_row(1, 2, ["Mã TTHC", "Tên TTHC"])
    ws.merge_range(0, 4, 0, 5, "Tiếp nhận")
    ws.write_row(1, 4, ["Kênh thực hiện", "Ngày tiếp nhận"])
    ws.merge_range(0, 6, 1, 6, "Trạng thái")
    ws.write_row(2, 0, [1, "X2", "2.000815", "Chứng thực bản sao", "Trực tuyến",
                        "05/04/2022 09:00", "Đang xử lý"])
    ws.write_row(3, 0, [2, "X3", "1.004873", "Xác nhận TTHN", "Trực tiếp",
                        "05/04/2022 10:00", "Đang xử lý"])
    wb.close()

    wb = _book("39_xlsx_totals_row.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, head)
    ws.write_row(1, 0, [1, "X4", "1.004873", "Đỗ Thị Giang", "Trực tiếp", "06/04/2022 08:00",
                        "Đang xử lý"])
    ws.write_row(2, 0, [2, "X5", "1.004873", "Bùi Văn Hải", "Trực tiếp", "06/04/2022 09:00",
                        "Đang xử lý"])
    ws.write_row(3, 0, ["Tổng cộng", "2 hồ sơ"])
    wb.close()

    wb = _book("40_xlsx_several_sheets.xlsx")
    notes = wb.add_worksheet("Hướng dẫn")
    notes.write(0, 0, "Dữ liệu xuất từ hệ thống một cửa điện tử")
    for sheet, dossier in (("Tháng 4", "X6"), ("Tháng 5", "X7")):
        ws = wb.add_worksheet(sheet)
        ws.write_row(0, 0, head)
        ws.write_row(1, 0, [1, dossier, "1.004873", "Ngô Thị Khánh", "Trực tiếp",
                            "02/05/2022 08:00" if sheet == "Tháng 5" else "04/04/2022 08:00",
                            "Đang xử lý"])
    wb.close()

    wb = _book("41_xlsx_native_and_text_dates.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, head + ["Ngày hẹn trả"])
    fmt = wb.add_format(when)
    ws.write_row(1, 0, [1, "X8", 2.000815, "Lý Văn Long", 1])
    ws.write_datetime(1, 5, datetime(2022, 4, 7, 8, 30), fmt)
    ws.write(1, 6, 4)
    ws.write(1, 7, "07/04/2022 17:00")
    ws.write_row(2, 0, [2, "X9", "1.004873", "Phan Thị Mai", "Trực tiếp"])
    ws.write_number(2, 5, 44658.375)  # a date stored as a plain number
    ws.write(2, 6, "Đang xử lý")
    ws.write(2, 7, "")
    wb.close()

    wb = _book("42_xlsx_column_number_row.xlsx")
    ws = wb.add_worksheet("Biểu")
    ws.write_row(0, 0, head)
    ws.write_row(1, 0, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    ws.write_row(2, 0, [1, "X10", "1.004873", "Võ Văn Nam", "Trực tiếp", "08/04/2022 08:00",
                        "Đang xử lý"])
    wb.close()

    wb = _book("43_xlsx_table_not_at_a1.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write(0, 0, "Báo cáo")
    ws.write_row(4, 2, head)
    ws.write_row(5, 2, [1, "X11", "1.004873", "Đặng Thị Nga", "Trực tiếp", "11/04/2022 08:00",
                        "Đang xử lý"])
    wb.close()

    wb = _book("26_xlsx_code_as_number.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, head)
    ws.write_row(1, 0, [1, "X12", 2.00095, "Huỳnh Văn Phong", "Trực tiếp", "12/04/2022 08:00",
                        "Đang xử lý"])
    wb.close()


def _encrypted_workbook(path: Path) -> None:
    """A real Excel workbook saved with a password (msoffcrypto-tool, as Excel encrypts)."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    plain = OUT / "_plain.xlsx"
    wb = xlsxwriter.Workbook(str(plain))
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Trạng thái"])
    wb.close()
    out = io.BytesIO()
    with open(plain, "rb") as fh:
        OOXMLFile(fh).encrypt("matkhau", out)
    plain.unlink()
    path.write_bytes(out.getvalue())


def bad_file_cases() -> None:
    text("44_empty.csv", "")
    text("45_header_only.csv", DVCQG_HEAD + "\n")
    (OUT / "46_image_named_csv.csv").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00")
    text("47_no_recognisable_header.csv", "tên,tuổi,quê quán\nAn,30,Quảng Trị\n")
    text("48_required_column_missing.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan\nA9,U1,1.004873,1,20220401080000\n")
    with zipfile.ZipFile(OUT / "49_corrupt.xlsx", "w") as z:  # a zip, but no workbook inside
        z.writestr("readme.txt", "not a workbook")
    _encrypted_workbook(OUT / "50_password_protected.xlsx")
    (OUT / "51_pdf_named_xlsx.xlsx").write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    text("52_web_page_named_xls.xls",
         "<html><head><meta charset='utf-8'></head><body><table><tr><td>Mã hồ sơ</td></tr>"
         "</table></body></html>")
    text("53_truncated_download.xlsx", "PK\x03\x04\x14\x00\x06\x00")
    text("54_unclosed_quote.csv", "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         'A1,U1,"1.001193,1,20220401,4\nA2,U1,1.001193,1,20220401,4\n')


def more_cases() -> None:
    text("55_excel_sep_hint_dotted_dates.csv",
         "sep=;\nMaHoSo;MaDonVi;MaTTHC;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\n"
         "M1;U1;1.001193;1;15.03.2022 08:30;4\n")
    text("56_year_first_slashes.tsv",
         "MaHoSo\tMaDonVi\tMaTTHC\tKenhThucHien\tNgayTiepNhan\tTrangThaiHoSo\r\n"
         "M2\tU1\t1.001193\t1\t2022/03/15 14:05\t4\r\n")
    text("57_duplicated_header.csv",
         "Mã hồ sơ,Số hồ sơ,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "M3,SO-99,U1,1.001193,1,20220315,4\n")


# --------------------------------------------------------------------------------------
# Other systems' exports and files offices really have (issue: real exports)
# --------------------------------------------------------------------------------------

TCVN3_SLOTS = {  # TCVN 5712:1993 VN3 (ABC fonts): byte -> letter, lower case and ĂÂÊÔƠƯĐ
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ",
    0xBE: "ắ", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è",
    0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế",
    0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE1: "ỏ",
    0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ",
    0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ",
    0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}


def tcvn3(body: str) -> bytes:
    """As a .VnTime document saved as text: capitals with marks are written as small letters
    (ABC fonts keep capitals in a second font), ĂÂÊÔƠƯĐ have their own bytes."""
    slots = {ch: b for b, ch in TCVN3_SLOTS.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", body):
        if ord(ch) < 128:
            out.append(ord(ch))
        else:
            out.append(slots[ch] if ch in slots else slots[ch.lower()])
    return bytes(out)


VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã",
                  "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(body: str) -> bytes:
    """As a VNI-Times document saved as text: a letter, then Windows-1252 letters for its
    marks (ơ ư đ and the marked i, ỵ are single letters of their own)."""
    out = []
    for ch in unicodedata.normalize("NFC", body):
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in VNI_TONES), "")
        upper = base.isupper()
        low = base.lower()

        def case(s: str, upper: bool = upper) -> str:
            return s.upper() if upper else s
        if ch in "đĐ":
            out.append(case("ñ"))
        elif "\u031b" in marks:  # horn: ơ ư
            out.append(case({"o": "ô", "u": "ö"}[low]) + case(VNI_TONES.get(tone, "")))
        elif low == "i" and tone:
            out.append(case(VNI_I[tone]))
        elif low == "y" and tone == "\u0323":
            out.append(case("î"))
        elif "\u0302" in marks:
            out.append(base + case(VNI_CIRCUMFLEX[tone]))
        elif "\u0306" in marks:
            out.append(base + case(VNI_BREVE[tone]))
        elif tone:
            out.append(base + case(VNI_TONES[tone]))
        else:
            out.append(ch)
    return "".join(out).encode("cp1252")


def real_export_cases() -> None:
    wb = _book("58_other_system_spellings.xlsx")
    ws = wb.add_worksheet("DS")
    ws.write_row(0, 0, ["STT", "Mã hồ sơ", "Mã TTHC", "Họ tên người nộp", "Kênh thực hiện",
                        "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả",
                        "Hình thức trả kết quả", "Trạng thái"])
    ws.write_row(1, 0, [1, "P1", "1.004873", "Hồ Văn Tâm", "Trực tiếp tại bộ phận một cửa",
                        "04/04/2022 08:00", "07/04/2022 17:00", "06/04/2022 10:00",
                        "Nhận tại Bộ phận một cửa", "Đã trả kết quả"])
    ws.write_row(2, 0, [2, "P2", "2.000950", "Võ Thị Lan", "Qua dịch vụ bưu chính công ích",
                        "05/04/2022 09:00", "12/04/2022 17:00", "11/04/2022 15:00",
                        "Qua dịch vụ BCCI", "Hoàn thành"])
    ws.write_row(3, 0, [3, "P3", "1.001193", "Đặng Văn Hùng", "Nộp trực tuyến qua Cổng DVC",
                        "06/04/2022 08:30", "06/04/2022 17:00", "", "Trả kết quả điện tử",
                        "Đang giải quyết"])
    wb.close()
    text("59_bad_and_ambiguous_codes.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "Q1,U1,1.004873,-1,20220401080000,4\n"
         "Q2,U1,1.004873,1,20220401080000,1/0\n"
         "Q3,U1,1.004873,Một cửa điện tử,20220401080000,4\n"
         "Q4,U1,1.004873,Nguyễn Thị Hoa,20220401080000,4\n"
         "Q5,U1,1.004873,4,20220401080000,4\n"
         "Q6,U1,1.004873,2.5,20220401080000,4\n"
         "Q7,U1,1.004873,Trực tuyến,20220401080000,Đang xử lý\n")
    text("60_value_map_pinned.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "V1,U1,1.004873,Một cửa điện tử,20220401080000,4\n"
         "V2,U1,1.004873,tt,20220401080000,4\n")
    wb = _book("61_split_sheets_no_header.xlsx")
    head = ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Trạng thái"]
    ws = wb.add_worksheet("Trang 1")
    ws.write_row(0, 0, head)
    ws.write_row(1, 0, ["R1", "1.004873", "Trực tiếp", "04/04/2022 08:00", "Đang xử lý"])
    ws.write_row(2, 0, ["R2", "1.004873", "Trực tuyến", "04/04/2022 09:00", "Đang xử lý"])
    ws = wb.add_worksheet("Trang 2")  # the list goes on, without its header row
    ws.write_row(0, 0, ["R3", "1.004873", "Trực tiếp", "05/04/2022 08:00", "Đang xử lý"])
    ws.write_row(1, 0, ["R4", "2.000950", "BCCI", "05/04/2022 09:00", "Đang xử lý"])
    wb.add_worksheet("Ghi chú").write(0, 0, "Số liệu xuất ngày 30/11/2022")
    wb.add_worksheet("Trống")
    wb.close()
    text("62_implausible_years.csv",
         "Mã hồ sơ;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Ngày kết thúc xử lý;Trạng thái\n"
         "Y1;1.004873;Trực tiếp;15/03/0022 08:00;;Đang xử lý\n"
         "Y2;1.004873;Trực tiếp;01/01/1900;;Đang xử lý\n"
         "Y3;1.004873;Trực tiếp;15/03/2022 08:00;15/03/2099 10:00;Đã xử lý xong\n"
         "Y4;1.004873;Trực tiếp;15/03/2022 08:00;;Đang xử lý\n")
    text("63_repeated_header_swapped.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         "W1,U1,1.004873,1,20220401080000,4\n"
         "MaHoSo,MaDonVi,MaTTHC,TrangThaiHoSo,NgayTiepNhan,KenhThucHien\n"
         "W2,U1,1.004873,4,20220402080000,2\n")
    text("64_multiline_quoted_then_bad.csv",
         "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
         'L1,U1,2.000815,"Chứng thực bản sao\ntừ bản chính\n(3 dòng)",1,20220401080000,4\n'
         "L2,U1,2.000815,Chứng thực,9,20220401090000,4\n"
         "L3,U1,2.000815,Chứng thực,1,20220401100000,4\n")
    text("65_stray_cr_in_unquoted_field.csv",
         "Mã hồ sơ;Họ tên người nộp;Số CCCD;Điện thoại;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;"
         "Trạng thái\r\n"
         "Z1;Trần Văn\rBình;001203004567;0912345678;1.004873;Trực tiếp;01/04/2022 08:00;"
         "Đang xử lý\r\n"
         "Z2;Lê Thị Hà;001203004568;0912345679;1.004873;Trực tuyến;01/04/2022 09:00;"
         "Đang xử lý\r\n")
    rows = "".join(f"N{i},U1,1.004873,1,20220401080000,4\n" for i in range(1, 9001))
    text("66_utf8_late_accent.csv",
         "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayKetThucXuLy,TrangThaiHoSo\n"
         + rows.replace(",4\n", ",,4\n")
         + "N9001,U1,1.004873,1,20220401080000,20220401100000,Đã trả kết quả\n")
    (OUT / "67_tcvn3_abc.csv").write_bytes(tcvn3(f"{VN_HEAD}\r\n{VN_B1}\r\n{VN_B2}\r\n"))
    (OUT / "68_vni_windows.csv").write_bytes(vni(f"{VN_HEAD}\r\n{VN_B1}\r\n{VN_B2}\r\n"))
    extra = ",".join(f"Cột {i}" for i in range(1, 3001))
    text("69_wide_header_huge_cell.csv",
         f"MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,Ghi chú,{extra}\n"
         f"WH1,U1,1.004873,1,20220401080000,4,{'x' * 1_000_000},{',' * 2999}\n")
    wb = _book("70_sub_header_row.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, ["STT", "Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận",
                        "Trạng thái", "Kết quả giải quyết"])
    ws.write_row(1, 6, ["Trước hạn", "Đúng hạn", "Quá hạn"])
    ws.write_row(2, 0, [1, "SH1", "1.004873", "Trực tiếp", "04/04/2022 08:00", "Đang xử lý"])
    ws.write_row(3, 0, [2, "SH2", "1.004873", "Trực tuyến", "04/04/2022 09:00", "Đang xử lý"])
    wb.close()


def topic_builders() -> list:
    """The ``cases(out)`` function of every ``build_<topic>.py`` beside this file: each topic
    writes its own files (and lists what they must give in ``expected_<topic>.yml``)."""
    import importlib.util

    out = []
    for path in sorted(HERE.glob("build_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.append(module.cases)
    return out


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    csv_cases()
    date_cases()
    code_cases()
    row_cases()
    xlsx_cases()
    bad_file_cases()
    more_cases()
    real_export_cases()
    for build_topic in topic_builders():
        build_topic(OUT)
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")
