"""Corpus cases of column titles read by meaning (files 71-99; what each must give is in
expected_titles.yml). Run alone: python tests/corpus/build_titles.py

Where the titles come from: 71 is the layout of another vendor's one-stop export that a ward
tried (Windows-1258, ";", ISO date-times, its own titles); 75 follows Thông tư 01/2018/TT-VPCP,
Mẫu số 05 ("Sổ theo dõi hồ sơ"), whose dates sit under one merged "Ngày, tháng" title; the
others take titles listed with their sources in tests/ingest/data/real_titles.yml.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).parent))
from build import CREATED, cp1258  # noqa: E402


def _text(out: Path, name: str, body: str, encoding: str = "utf-8") -> None:
    data = cp1258(body) if encoding == "cp1258" else body.encode(encoding)
    (out / name).write_bytes(data)


def _book(out: Path, name: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(out / name), {"remove_timezone": True})
    wb.set_properties({"created": CREATED})
    return wb


def cases(out: Path) -> None:
    out.mkdir(exist_ok=True)
    _text(out, "71_other_vendor_titles_cp1258.csv",
          "Số hồ sơ;Mã đơn vị tiếp nhận;Mã thủ tục;Tên thủ tục;Họ tên người nộp;Hình thức nộp;"
          "Ngày nhận hồ sơ;Ngày hẹn trả kết quả;Ngày hoàn thành;Ngày trả kết quả;"
          "Tình trạng hồ sơ;Số lần yêu cầu bổ sung;Văn bản xin lỗi\r\n"
          "V1;U1;1.004873;Cấp bản sao trích lục hộ tịch;Nguyễn Văn Lâm;Trực tiếp;"
          "2022-04-04T08:00:00;2022-04-07T17:00:00;2022-04-08T09:00:00;2022-04-08T10:00:00;"
          "Đã trả kết quả;1;Có\r\n"
          "V2;U1;2.000815;Chứng thực bản sao từ bản chính;Trần Thị Mai;Trực tuyến;"
          "2022-04-04T09:00:00;2022-04-04T17:00:00;2022-04-04T10:00:00;;Đã xử lý xong;0;\r\n"
          "V3;U2;1.004873;Cấp bản sao trích lục hộ tịch;Lê Văn Hùng;Qua bưu chính;"
          "2022-04-05T08:00:00;2022-04-08T17:00:00;;;Đang xử lý;2;Không\r\n",
          encoding="cp1258")
    _text(out, "72_title_names_two_columns.csv",
          "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,Ngày trả/hẹn trả,TrangThaiHoSo\n"
          "W1,U1,1.004873,1,20220404080000,20220407170000,4\n")
    _text(out, "73_contract_word_not_read.csv",
          "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,Ngày hẹn lại,"
          "Cán bộ tiếp nhận\n"
          "W2,U1,1.004873,1,20220404080000,4,08/04/2022,Cán bộ A\n")
    wb = _book(out, "74_hidden_empty_copy.xlsx")
    ws = wb.add_worksheet("Hồ sơ")
    ws.write_row(0, 0, ["Mã hồ sơ", "Ngày tiếp nhận", "Mã TTHC", "Kênh thực hiện",
                        "Ngày tiếp nhận", "Trạng thái"])
    ws.set_column(1, 1, None, None, {"hidden": True})  # Excel hides the old, empty copy
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for i, (dossier, day) in enumerate((("W3", 4), ("W4", 5)), start=1):
        ws.write_row(i, 0, [dossier, None, "1.004873", "Trực tiếp"])
        ws.write_datetime(i, 4, datetime(2022, 4, day, 8, 0), when)
        ws.write(i, 5, "Đang xử lý")
    wb.close()
    wb = _book(out, "75_two_row_date_group.xlsx")
    ws = wb.add_worksheet("Sổ theo dõi")
    ws.merge_range(0, 0, 0, 8, "SỔ THEO DÕI HỒ SƠ")
    for col, title in enumerate(["STT", "Mã hồ sơ", "Tên TTHC", "Mã TTHC", "Kênh thực hiện",
                                 "Trạng thái"]):
        ws.merge_range(1, col, 2, col, title)
    ws.merge_range(1, 6, 1, 8, "Ngày, tháng")
    ws.write_row(2, 6, ["Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả"])
    ws.write_row(3, 0, [1, "W5", "Cấp bản sao trích lục hộ tịch", "1.004873", "Trực tiếp",
                        "Đã trả kết quả", "14/04/2022 08:00", "19/04/2022 17:00",
                        "19/04/2022 15:00"])
    wb.close()
    _text(out, "76_unit_code_and_unit_name.csv",
          "Mã hồ sơ;Mã đơn vị;Đơn vị xử lý;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái\n"
          "W6;U2;UBND Phường 2;1.004873;Trực tiếp;14/04/2022 08:00;Đang xử lý\n")
    _text(out, "77_api_field_names.csv",
          "ma_ho_so,maDonVi,maThuTuc,kenhNop,ngayTiepNhan,hanXuLy,ngayKetThuc,trangThai\n"
          "W7,U1,1.004873,2,2022-04-04 08:00:00,2022-04-07 17:00:00,2022-04-06 10:00:00,9\n")
    _text(out, "78_untitled_column_with_values.csv",
          "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,,Ghi chú\n"
          "W8,U1,1.004873,1,20220404080000,4,x,\n"
          "W9,U1,1.004873,1,20220404090000,4,y,\n")
    _text(out, "79_two_titles_one_column.csv",
          "Mã hồ sơ,Mã đơn vị,Mã TTHC,Kênh thực hiện,Ngày tiếp nhận,Thời gian tiếp nhận,"
          "Trạng thái\n"
          "W10,U1,1.004873,Trực tiếp,04/04/2022,04/04/2022 08:00,Đang xử lý\n")
    _text(out, "80_titles_pinned_in_the_catalog.csv",
          "Mã hồ sơ,Mã đơn vị,Mã TTHC,Kênh thực hiện,Ngày tiếp nhận,Thời gian tiếp nhận,"
          "Ngày trả/hẹn trả,Ngày hẹn lại,Trạng thái\n"
          "W11,U1,1.004873,Trực tiếp,14/04/2022,14/04/2022 08:00,19/04/2022 17:00,,Đang xử lý\n")
    # a register of its own making: most titles say nothing alone; the catalog says what each is
    _text(out, "81_header_found_by_pinned_titles.csv",
          "BỘ PHẬN MỘT CỬA\nSố,Đơn vị,Thủ tục,Kênh,Ngày,Tình hình\n"
          "W12,U2,1.004873,Trực tuyến,14/04/2022 08:00,Đang xử lý\n")


if __name__ == "__main__":
    cases(Path(__file__).parent / "files")
