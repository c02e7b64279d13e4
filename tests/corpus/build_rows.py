"""Corpus cases of what surrounds a list in a printed export, and of units written by name
(files 190-199; what each must give is in expected_rows.yml). Run alone:
python tests/corpus/build_rows.py

The layouts are those a ward's "Xuất Excel" gives when the list is laid out for printing: a list
grouped by field under section titles "I.", "II.", a page's heading repeated at a page break, a
totals line written as a sentence, and the signature block under the list (Mẫu số 05 of Thông
tư 01/2018/TT-VPCP is signed "Người lập biểu" / "Thủ trưởng đơn vị"). Units written by name are
how one-stop systems that serve one commune write "Đơn vị tiếp nhận".
"""

from __future__ import annotations

import sys
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).parent))
from build import CREATED  # noqa: E402


def _text(out: Path, name: str, body: str) -> None:
    (out / name).write_bytes(body.encode("utf-8"))


def cases(out: Path) -> None:
    out.mkdir(exist_ok=True)
    wb = xlsxwriter.Workbook(str(out / "190_printed_list_sections_footer.xlsx"),
                             {"remove_timezone": True})
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet("Danh sách")
    rows = [
        ["UBND PHƯỜNG 1"],
        ["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 4 NĂM 2022"],
        [],
        ["STT", "Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Trạng thái"],
        ["I. Lĩnh vực Hộ tịch"],
        [1, "S1", "1.001193", "Trực tiếp", "14/04/2022 08:00", "Đang xử lý"],
        [2, "S2", "1.004873", "Trực tuyến", "15/04/2022 09:00", "Đang xử lý"],
        ["Trang 1/2"],
        ["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 4 NĂM 2022"],
        ["II", "Lĩnh vực Chứng thực"],
        [3, "S3", "2.000815", "Trực tiếp", "18/04/2022 10:00", "Đang xử lý"],
        ["Tổng cộng: 3 hồ sơ"],
        [],
        ["", "", "", "Phường 1, ngày 30 tháng 4 năm 2022"],
        ["", "Người lập biểu", "", "", "Thủ trưởng đơn vị"],
        ["", "(Ký, ghi rõ họ tên)", "", "", "(Ký tên, đóng dấu)"],
        ["", "Phạm Thị Lập", "", "", "Nguyễn Văn Trưởng"],
        ["Trang 2/2"],
    ]
    for i, row in enumerate(rows):
        ws.write_row(i, 0, row)
    wb.close()
    _text(out, "191_units_written_by_name.csv",
          "Mã hồ sơ;Đơn vị tiếp nhận;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái\n"
          "N1;UBND Phường 1;1.004873;Trực tiếp;14/04/2022 08:00;Đang xử lý\n"
          "N2;PHƯỜNG 2;1.004873;Trực tiếp;14/04/2022 09:00;Đang xử lý\n"
          "N3;UBND Phường 9;1.004873;Trực tiếp;14/04/2022 10:00;Đang xử lý\n")
    _text(out, "192_unit_by_name_and_code_given.csv",
          "Mã hồ sơ;Cơ quan chủ trì giải quyết;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái\n"
          "N4;UBND Phường Hai;1.004873;Trực tiếp;14/04/2022 08:00;Đang xử lý\n")


if __name__ == "__main__":
    cases(Path(__file__).parent / "files")
