"""Corpus files 130-159 and 180-189: values as offices' machines write them
(expected_values.yml says what each must give, worked out by hand).

Numbers in a Vietnamese locale, invisible characters, look-alike letters, full-width digits,
Excel's text mark, two-digit years with a time, month-first exports beside day-first ones,
times written first or in Vietnamese words, the portal's digits stored as numbers, cells
that say "no value" (NULL, N/A, a dash), an ID number in the procedure-code column, ids
stored as numbers, and the portal's list of supplement requests (JSON). Each file says in
a comment where its spellings come from. Written byte for byte the same on every run (fixed
dates, no randomness).

Run alone: python tests/corpus/build_values.py
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

CREATED = datetime(2022, 11, 30, 17, 30)  # the workbooks' creation date, as build.py's
HEAD = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo"
VI_HEAD = "Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái"
XLSX_HEAD = ["Mã hồ sơ", "Mã đơn vị", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận",
             "Trạng thái"]


def _text(out: Path, name: str, lines: list[str], end: str = "\n") -> None:
    (out / name).write_bytes((end.join(lines) + end).encode("utf-8"))


def _rows(out: Path, name: str, dates: list[tuple[str, str]]) -> None:
    """A DVCQG-named CSV of processing dossiers of U1, procedure 1.004873: (id, date)."""
    _text(out, name, [HEAD] + [f"{i},U1,1.004873,1,{d},4" for i, d in dates])


def _book(out: Path, name: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(out / name), {"remove_timezone": True})
    wb.set_properties({"created": CREATED})
    return wb


def number_cases(out: Path) -> None:
    # Excel on a PC set to Vietnamese (decimal comma, list separator ";") saves "CSV (Comma
    # delimited)" with semicolons and writes numbers as it shows them: a procedure code it
    # turned into a number comes out "2,00095" (2.000950), "1,001193"
    _text(out, "130_vi_locale_code_decimal_comma.csv", [
        VI_HEAD,
        "V1;U1;2,00095;1;15/03/2022 08:30;4",
        "V2;U1;1,001193;2;16/03/2022 09:00;4",
        "V3;U1;1.00119;1;17/03/2022 10:00;4",  # text with a dot: a code typed short, flagged
    ], end="\r\n")
    # the same PC, a date column formatted as a number ("0.000000", then "#,##0.00" on the
    # last row): Excel serial days with a decimal comma, one with a thousands dot
    _text(out, "131_vi_locale_serial_dates.csv", [
        VI_HEAD,
        "W1;U1;1.004873;1;44635,354166;4",
        "W2;U1;1.004873;1;44636,5;4",
        "W3;U1;1.004873;1;44637;4",
        "W4;U1;1.004873;1;44.638,25;4",
    ], end="\r\n")


def invisible_cases(out: Path) -> None:
    # dossier ids copied from the national portal's web page, where long ids carry a
    # zero-width space (HTML &#8203;) so that they may wrap: the same dossier twice
    _text(out, "132_zero_width_space_in_ids.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayKetThucXuLy,TrangThaiHoSo",
        "Z1,U1,1.004873,1,20220315080000,,4",
        "Z1\u200b,U1,1.004873,1,20220315080000,20220316100000,9",
        "Z2,U1,1.004873,1,20220315090000,,4",
    ])
    # two UTF-8 exports joined with "copy /b a.csv + b.csv", the second without a header:
    # its byte-order mark lands before its first cell, here the procedure code
    (out / "133_bom_before_code.csv").write_bytes(
        b"\xef\xbb\xbfMaTTHC,MaHoSo,MaDonVi,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
        b"1.004873,C1,U1,1,20220315080000,4\n"
        b"\xef\xbb\xbf2.000950,C2,U1,2,20220316080000,4\n")
    # dates copied from a web page table (HTML &nbsp; between date and time), and the
    # narrow no-break space CLDR 42 (ICU 72: Windows 11, Chrome 110+) writes before SA/AM
    _text(out, "134_nbsp_between_date_and_time.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo",
        "N1,U1,1.004873,1,15/03/2022\u00a008:30,18/03/2022\u00a017:00,4",
        "N2,U1,1.004873,1,2022-03-16\u00a009:00,,4",
        "N3,U1,1.004873,1,16/03/2022 8:30\u202fSA,,4",
    ])
    # a list copied from a browser into a sheet: bidi isolates around cells (U+2066/2069),
    # a soft hyphen inside a word (&shy;), a left-to-right mark, no-break spaces, a
    # zero-width space after a unit code and a BOM before one
    _text(out, "135_copied_from_a_web_page.csv", [
        "Mã hồ sơ,Mã đơn vị,Mã TTHC,Kênh thực hiện,Ngày tiếp nhận,Trạng thái",
        "\u2066G1\u2069,U1\u200b,1.004873,Trực tuy\u00adến,20220315080000,"
        "\u2066Đang xử lý\u2069",
        "G2,\ufeffU2,\u200e2.000815,Trực\u00a0tiếp,20220315090000,Đang\u00a0xử\u00a0lý",
    ])
    # a blank-looking cell that holds only invisible characters: nothing, not a bad value
    _text(out, "148_invisible_only_cells.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,HinhThucTra,SoLanBoSung,"
        "TrangThaiHoSo",
        "B1,U1,1.004873,1,20220315080000,\u200b,\u200b,\u200b,4",
        "B2,U1,1.004873,1,\ufeff,,,,4",
    ])


def look_alike_cases(out: Path) -> None:
    # unit codes that look like U1: an Armenian capital Seh (U+054D, pasted from a chat
    # message) and a full-width U (U+FF35, an input method left in full-width mode); a
    # zero-width space after the real one is no part of it
    _text(out, "136_look_alike_unit_codes.csv", [
        HEAD,
        "L1,U1,1.004873,1,20220315080000,4",
        "L2,\u054d1,1.004873,1,20220315080000,4",
        "L3,\uff351,1.004873,1,20220315080000,4",
        "L4,U1\u200b,1.004873,1,20220315080000,4",
    ])


def order_cases(out: Path) -> None:
    # an export from a system set to US English (month first, as its vendor shipped it)
    _text(out, "137_month_first_other_system.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo",
        "M1,U1,1.004873,1,04/25/2022 14:00,04/28/2022 17:00,4",
        "M2,U1,1.004873,1,03/04/2022 09:00,03/09/2022 17:00,4",
        "M3,U1,1.004873,1,4/1/2022 2:00 PM,,4",
    ])
    # a web application's export written by JavaScript's toLocaleString("en-US"): a comma
    # after the date; ICU 72+ (Chrome 110, Node 20) puts U+202F before AM/PM
    _text(out, "138_month_first_javascript.csv", [
        HEAD,
        'J1,U1,1.004873,1,"4/25/2022, 2:00:00 PM",4',
        'J2,U1,1.004873,1,"4/26/2022, 8:30\u202fAM",4',
        'J3,U1,1.004873,1,"3/4/2022, 9:00:00 AM",4',
    ])
    # the contract's day first, shown by the 25th: 03/04 is 3 April
    _rows(out, "139_day_first_shows_its_order.csv",
          [("D1", "25/04/2022"), ("D2", "03/04/2022 08:00")])
    # nothing says which comes first: 03/04 and 05/04 are never guessed; 03/03 is the same
    # either way
    _rows(out, "140_ambiguous_dates_alone.csv",
          [("Q1", "03/04/2022"), ("Q2", "05/04/2022 08:00"), ("Q3", "03/03/2022")])
    # the receipt dates show no order, the due dates do (04/15: month first): one export
    # system writes all its dates the same way
    _text(out, "141_order_from_the_other_date_column.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo",
        "O1,U1,1.004873,1,03/04/2022 08:00,04/15/2022,4",
        "O2,U1,1.004873,1,03/07/2022 09:00,03/10/2022,4",
    ])
    # a register typed by hand, day first, where one clerk wrote a date month first: nine
    # dates of ten say day first (a clear majority), the tenth is no date
    _rows(out, "142_one_date_against_the_column.csv",
          [(f"R{d - 12}", f"{d}/04/2022 08:00") for d in range(13, 22)]
          + [("R10", "04/22/2022 08:00")])
    # two systems' exports pasted into one sheet: one date day first, one month first, no
    # majority; each one-way date read its way, the one that reads both ways set aside
    _rows(out, "143_two_orders_pasted_together.csv",
          [("P1", "25/04/2022 08:00"), ("P2", "04/26/2022 09:00"), ("P3", "05/04/2022 10:00")])


def spelling_cases(out: Path) -> None:
    # Excel's custom format "dd/mm/yy hh:mm" saved as CSV; SA/CH from a Vietnamese Windows
    # time format ("hh:mm tt")
    _rows(out, "144_two_digit_year_with_time.csv",
          [("T1", "15/03/22 08:30"), ("T2", "16/03/22 14:05:30"), ("T3", "17/03/22 08:30 SA"),
           ("T4", "17/03/22 02:30 CH")])
    # an export built from a log: Python's logging writes "2022-03-15 08:30:15,500"; ISO
    # 8601 allows the comma before a fraction of a second
    # (quoted by Python's csv writer: the comma is the separator too)
    _rows(out, "145_iso_comma_in_seconds.csv",
          [("I1", '"2022-03-15 08:30:15,500"'), ("I2", '"2022-03-15T09:00:00,25+07:00"')])
    # dates typed with a Chinese or Japanese input method left in full-width mode
    _rows(out, "146_full_width_digits.csv",
          [("F1", "２０２２-０３-１５ ０８：３０"), ("F2", "１６/０３/２０２２")])
    # a one-stop system's "Xuất Excel" CSV that writes Excel's text mark (a leading
    # apostrophe) before numbers so that Excel keeps them as text: a serial date, a code,
    # a channel and a status number
    _text(out, "147_excel_text_mark.csv", [HEAD, "E1,U1,'1.004873,'1,'44635,'4"])


def xlsx_cases(out: Path) -> None:
    # An XLSX number cell is stored with a dot whatever the PC's locale (<v>2.00095</v>): the
    # decimal comma reaches a workbook only as text, here a vi-VN CSV pasted into a column
    # formatted as Text, beside the same code as Excel's number
    wb = _book(out, "150_xlsx_code_as_text_with_comma.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X1", "U1"])
    ws.write_string(1, 2, "2,00095")
    ws.write_row(1, 3, ["Trực tiếp"])
    ws.write_datetime(1, 4, datetime(2022, 3, 15, 8, 30), when)
    ws.write(1, 5, "Đang xử lý")
    ws.write_row(2, 0, ["X2", "U1"])
    ws.write_number(2, 2, 2.00095)
    ws.write_row(2, 3, ["Trực tiếp"])
    ws.write_datetime(2, 4, datetime(2022, 3, 16, 9, 0), when)
    ws.write(2, 5, "Đang xử lý")
    wb.close()

    # a month-first export pasted as text beside a date Excel holds as a date
    wb = _book(out, "151_xlsx_text_dates_month_first.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X3", "U1", "1.004873", "Trực tiếp", "04/25/2022 14:00", "Đang xử lý"])
    ws.write_row(2, 0, ["X4", "U1", "1.004873", "Trực tiếp", "03/04/2022 09:00", "Đang xử lý"])
    ws.write_row(3, 0, ["X5", "U1", "1.004873", "Trực tiếp"])
    ws.write_datetime(3, 4, datetime(2022, 4, 26, 8, 0),
                      wb.add_format({"num_format": "mm/dd/yyyy hh:mm"}))
    ws.write(3, 5, "Đang xử lý")
    wb.close()

    # cells pasted from a web page into text cells: a BOM before the code, a no-break space
    # in the date, a zero-width space after the unit code
    wb = _book(out, "152_xlsx_invisible_characters.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X6", "U1\u200b", "\ufeff1.004873", "Trực tiếp",
                        "15/03/2022\u00a008:30", "Đang xử lý"])
    wb.close()

    # a serial date as text from a vi-VN CSV pasted into a sheet, beside a number cell
    wb = _book(out, "153_xlsx_serial_text_with_comma.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X7", "U1", "1.004873", "Trực tiếp", "44635,354166", "Đang xử lý"])
    ws.write_row(2, 0, ["X8", "U1", "1.004873", "Trực tiếp"])
    ws.write_number(2, 4, 44636.5)
    ws.write(2, 5, "Đang xử lý")
    wb.close()

    # the Armenian look-alike of U1 in a workbook
    wb = _book(out, "154_xlsx_look_alike_unit.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X9", "\u054d1", "1.004873", "Trực tiếp", "15/03/2022 08:30",
                        "Đang xử lý"])
    ws.write_row(2, 0, ["X10", "U1", "1.004873", "Trực tiếp", "15/03/2022 09:30",
                        "Đang xử lý"])
    wb.close()

    # two-digit years with a time as text ("dd/mm/yy hh:mm tt", Vietnamese Windows)
    wb = _book(out, "155_xlsx_two_digit_year_with_time.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["X11", "U1", "1.004873", "Trực tiếp", "15/03/22 08:30 SA",
                        "Đang xử lý"])
    ws.write_row(2, 0, ["X12", "U1", "1.004873", "Trực tiếp", "16/03/22 14:05",
                        "Đang xử lý"])
    wb.close()


def time_cases(out: Path) -> None:
    # a one-stop system that prints the time before the date ("giờ ngày" order, as a
    # receipt slip reads: "08:30 14/03/2022"), and clerks' own ways of writing an hour
    _text(out, "156_time_before_the_date.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo",
        "K1,U1,1.004873,1,08:30 14/03/2022,17:00 17/03/2022,4",
        "K2,U1,1.004873,1,8g30 15/3/2022,,4",
        "K3,U1,1.004873,1,14/03/2022 08h30,,4",
        "K4,U1,1.004873,1,\"09:15:20, 16/03/2022\",,4",
    ])
    # a register typed by hand, as Vietnamese is written: "09h15 ngày 16/03/2022" (hour,
    # then "ngày" before the date), "lúc" (at) before the time, "giờ ... phút" and the part
    # of the day; "trưa" (noon) is not read: which 12 o'clock is meant is not guessed
    _text(out, "157_time_in_vietnamese_words.csv", [
        VI_HEAD,
        "W1;U1;1.004873;1;09h15 ngày 16/03/2022;4",
        "W2;U1;1.004873;1;14/03/2022 lúc 08:30;4",
        "W3;U1;1.004873;1;8 giờ 30 phút sáng ngày 15/3/2022;4",
        "W4;U1;1.004873;1;2 giờ chiều ngày 15/03/2022;4",
        "W5;U1;1.004873;1;Ngay 17/03/2022 luc 7h45;4",
        "W6;U1;1.004873;1;12 giờ trưa 17/03/2022;4",
    ], end="\r\n")
    # the same receipt slip from a system set to US English: time first, month first (the
    # 25th says so), so 03/04/2022 is 4 March
    _rows(out, "186_time_first_month_first.csv",
          [("A1", "2:00 PM 04/25/2022"), ("A2", "9:00 AM 03/04/2022")])


def portal_number_cases(out: Path) -> None:
    # the portal's sync saved to a workbook by a script that wrote its digits as numbers
    # (yyyyMMddHHmmss, yyyyMMdd, yyyyMMddHHmm), beside an Excel serial day and a number of
    # eight digits that is no date (the 99th of month 13)
    wb = _book(out, "158_xlsx_portal_dates_as_numbers.xlsx")
    ws = wb.add_worksheet("Sheet1")
    ws.write_row(0, 0, ["MaHoSo", "MaDonVi", "MaTTHC", "KenhThucHien", "NgayTiepNhan",
                        "NgayHenTra", "TrangThaiHoSo"])
    for row, (dossier, received, due) in enumerate([
            ("N1", 20220314081500, 20220317170000), ("N2", 20220315, None),
            ("N3", 202203160930, None), ("N4", 44636.5, None), ("N5", 20221399, None)], 1):
        ws.write_row(row, 0, [dossier, "U1", "1.004873"])
        ws.write_number(row, 3, 1)
        ws.write_number(row, 4, received)
        if due is not None:
            ws.write_number(row, 5, due)
        ws.write_number(row, 6, 4)
    wb.close()


def no_value_cases(out: Path) -> None:
    # SQL Server's "Save results as" CSV writes NULL for a missing value; a script's export
    # writes None or NaN; clerks type N/A, #N/A (copied from Excel) and dashes. A dash in the
    # online-payment column (a ticked column) means no; anywhere else nothing
    _text(out, "159_no_value_placeholders.csv", [
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,HinhThucTra,NgayTiepNhan,NgayHenTra,"
        "NgayKetThucXuLy,SoLanBoSung,DuocThanhToanTrucTuyen,TrangThaiHoSo",
        "S1,U1,1.004873,1,NULL,20220314080000,NULL,NULL,NULL,NULL,4",
        "S2,U1,1.004873,2,null,20220314090000,None,NaN,N/A,-,4",
        "S3,U1,1.004873,1,#N/A,20220315080000,\u2014,--,-,\u2014,4",
        "S4,U1,1.004873,1, n/a ,20220315090000,20220318170000,\u2013,0,1,4",
        "S5,NULL,1.004873,1,,20220315100000,,,,,4",
        "S6,U1,1.004873,1,,NULL,,,,,4",
    ])
    # the same in a workbook: Excel's #N/A (a formula =NA()), NULL typed as text, a dash in
    # a ticked column and an em dash in a date column
    wb = _book(out, "180_xlsx_no_value_placeholders.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD[:5] + ["Ngày hẹn trả", "Số lần bổ sung",
                                        "Thanh toán trực tuyến", "Trạng thái"])
    ws.write_row(1, 0, ["P1", "U1", "1.004873", "Trực tuyến"])
    ws.write_datetime(1, 4, datetime(2022, 3, 14, 8, 0),
                      wb.add_format({"num_format": "dd/mm/yyyy hh:mm"}))
    ws.write_formula(1, 5, "=NA()", None, "#N/A")
    ws.write_row(1, 6, ["NULL", "-", "Đang xử lý"])
    ws.write_row(2, 0, ["P2", "U1", "1.004873", "Trực tuyến", "15/03/2022 09:00",
                        "\u2014"])
    ws.write_number(2, 6, 2)
    ws.write_row(2, 7, ["Có", "Đang xử lý"])
    wb.close()


def personal_number_cases(out: Path) -> None:
    # a clerk typed the citizen's ID card number (12 digits) or phone number into the
    # procedure-code column; a system whose dossier ids are 12 digits (yyMMdd + a
    # number): those ids are kept as they are. A unit code that is an ID number is no unit
    _text(out, "181_id_number_in_procedure_code.csv", [
        HEAD,
        "220314000123,U1,1.004873,1,20220314080000,4",
        "220314000124,U1,045200009876,1,20220314090000,4",
        "220314000125,U1,0912 345 678,1,20220314100000,4",
        "220314000126,U1,BTP-HCM-123,1,20220314110000,4",
        "220314000127,045200009876,1.004873,1,20220314140000,4",
    ])
    # the same ID number typed into a workbook's number cell: Excel dropped its leading 0
    wb = _book(out, "182_xlsx_id_number_as_a_number_code.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD)
    ws.write_row(1, 0, ["Y1", "U1"])
    ws.write_number(1, 2, 45200009876)
    ws.write_row(1, 3, ["Trực tiếp", "14/03/2022 08:00", "Đang xử lý"])
    ws.write_row(2, 0, ["Y2", "U1"])
    ws.write_number(2, 2, 2.00095)
    ws.write_row(2, 3, ["Trực tiếp", "14/03/2022 09:00", "Đang xử lý"])
    wb.close()
    # dossier ids stored as numbers (a system's 12-digit ids, Excel made them numbers), and
    # the same dossier again with its id as text: one id, so the later status is kept
    wb = _book(out, "183_xlsx_dossier_ids_as_numbers.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, XLSX_HEAD + ["Ngày kết thúc xử lý"])
    ws.write_number(1, 0, 220314000123)
    ws.write_row(1, 1, ["U1", "1.004873", "Trực tiếp", "14/03/2022 08:00", "Đang xử lý"])
    ws.write_string(2, 0, "220314000123")
    ws.write_row(2, 1, ["U1", "1.004873", "Trực tiếp", "14/03/2022 08:00",
                        "Đã xử lý xong", "16/03/2022 10:00"])
    ws.write_number(3, 0, 220314000124)
    ws.write_row(3, 1, ["U1", "1.004873", "Trực tiếp", "15/03/2022 08:00", "Đang xử lý"])
    wb.close()


# the portal's list of supplement requests, as its sync API gives it (DanhSachHoSoBoSung);
# the second request's text names the citizen, which must never be shown nor stored
_REQUESTS = ('[{"NgayYeuCau":"20220314","NoiDung":"Bổ sung bản sao giấy khai sinh"},'
             '{"NgayYeuCau":"20220316","NoiDung":"Ký lại tờ khai"}]')
_CUT = '[{"NgayYeuCau":"20220314","NoiDung":"Ông Nguyễn Văn A, 0912345678'


def supplement_list_cases(out: Path) -> None:
    # the count of supplement requests derived from the list (data_contract.md): two
    # requests, an empty list, nothing, NULL, and a list cut short (a cell limit)
    quoted = [f'"{v.replace(chr(34), chr(34) * 2)}"' for v in (_REQUESTS, _CUT)]
    _text(out, "184_supplement_request_list.csv", [
        HEAD + ",DanhSachHoSoBoSung",
        f"J1,U1,1.004873,1,20220314080000,5,{quoted[0]}",
        "J2,U1,1.004873,1,20220314090000,4,[]",
        "J3,U1,1.004873,1,20220314100000,4,",
        "J4,U1,1.004873,1,20220314110000,4,NULL",
        f"J5,U1,1.004873,1,20220314140000,5,{quoted[1]}",
    ])
    # in a workbook: the list as text beside a count typed as a number
    wb = _book(out, "185_xlsx_supplement_request_list.xlsx")
    ws = wb.add_worksheet("Sheet1")
    ws.write_row(0, 0, HEAD.split(",") + ["DanhSachHoSoBoSung"])
    ws.write_row(1, 0, ["J6", "U1", "1.004873", "1", "20220314080000", "5",
                        '[{"NgayYeuCau":"20220401"}]'])
    ws.write_row(2, 0, ["J7", "U1", "1.004873", "1", "20220314090000", "5"])
    ws.write_number(2, 6, 3)
    ws.write_row(3, 0, ["J8", "U1", "1.004873", "1", "20220314100000", "5", "[1, 2"])
    wb.close()


def cases(out: Path) -> None:
    """Write files 130-159 and 180-189 into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    number_cases(out)
    invisible_cases(out)
    look_alike_cases(out)
    order_cases(out)
    spelling_cases(out)
    xlsx_cases(out)
    time_cases(out)
    portal_number_cases(out)
    no_value_cases(out)
    personal_number_cases(out)
    supplement_list_cases(out)


if __name__ == "__main__":
    cases(Path(__file__).parent / "files")
