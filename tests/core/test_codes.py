"""Codes by meaning: real spellings of every code family (cchc_lib/core/codes.py).

Where each spelling comes from (the tag after it):
  DVCQG  the national portal's sync specification: numeric KenhThucHien 1-3, HinhThuc 0-1,
         TrangThaiHoSo 1-10, MucDo 2-4, DuocThanhToanTrucTuyen 0-2, and their labels
  ND61   Nghị định 61/2018/NĐ-CP and 107/2021/NĐ-CP, Điều 6 and 18: the wording of the channels
         ("trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả", "thông qua dịch vụ bưu chính công ích",
         "trực tuyến tại Cổng Dịch vụ công")
  QD45   Quyết định 45/2016/QĐ-TTg (receiving and returning through the public postal service)
  TT01   Thông tư 01/2018/TT-VPCP: the dossier tracking book and control slip (Mẫu 01-06)
  ONEGATE  labels shown by provincial one-stop systems in their list exports (status columns
         "Chờ tiếp nhận", "Đã tiếp nhận", "Đang xử lý", "Chờ bổ sung", "Dừng xử lý",
         "Đã trả kết quả", "Hồ sơ mới", return methods "Nhận tại Bộ phận một cửa", …)
  CATALOG  published procedure catalogues (quyết định công bố danh mục TTHC): "Toàn trình",
         "Một phần", "DVC trực tuyến mức độ 3/4", "Cung cấp thông tin"
  SEED   the plan this workbook serves (Kế hoạch 99/KH-UBND, ../shared/seed)
  LEAVE  Bộ luật Lao động 2019 Điều 112 and the yearly notices on Tết leave (nghỉ bù, làm bù)
  TYPED  what ward staff type in their own spreadsheets: no diacritics, capitals,
         abbreviations, stray punctuation
Expected: a code, "?" for a value that names two meanings, "-" for one that names none or a
number outside the code list. None of these is a closed list in the code: the rules read words.
"""

from __future__ import annotations

import pytest

from cchc_lib.core import schema
from cchc_lib.core.codes import AMBIGUOUS, FAMILIES

CHANNEL = [  # receive_channel
    ("1", "direct", "DVCQG"), ("2", "online", "DVCQG"), ("3", "postal", "DVCQG"),
    ("1.0", "direct", "TYPED"), ("4", "-", "DVCQG"), ("-1", "-", "TYPED"), ("2.5", "-", "TYPED"),
    ("1/0", "-", "TYPED"), ("0", "-", "DVCQG"),
    ("Trực tiếp", "direct", "DVCQG"), ("Trực tuyến", "online", "DVCQG"),
    ("Qua bưu chính công ích", "postal", "DVCQG"),
    ("Trực tiếp tại bộ phận một cửa", "direct", "ONEGATE"),
    ("Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả", "direct", "ND61"),
    ("Thông qua dịch vụ bưu chính công ích", "postal", "ND61"),
    ("Qua dịch vụ bưu chính công ích", "postal", "ONEGATE"),
    ("Trực tuyến tại Cổng Dịch vụ công", "online", "ND61"),
    ("Nộp trực tuyến qua Cổng DVC", "online", "ONEGATE"),
    ("Cổng dịch vụ công quốc gia", "online", "ONEGATE"),
    ("Dịch vụ công trực tuyến", "online", "ONEGATE"), ("Qua mạng", "online", "ONEGATE"),
    ("Điện tử", "online", "ONEGATE"), ("Nộp hồ sơ điện tử", "online", "ONEGATE"),
    ("Qua BCCI", "postal", "QD45"), ("BCCI", "postal", "SEED"), ("Qua DVBCCI", "postal", "TYPED"),
    ("Bưu điện", "postal", "QD45"), ("Qua bưu điện", "postal", "ONEGATE"),
    ("Bưu chính", "postal", "QD45"), ("VNPost", "postal", "ONEGATE"),
    ("Nộp qua bưu điện đến bộ phận một cửa", "postal", "TYPED"),
    ("Tại bộ phận một cửa", "direct", "DVCQG"), ("Một cửa", "direct", "TYPED"),
    ("Nộp trực tiếp", "direct", "ONEGATE"), ("Tại trụ sở UBND", "direct", "TYPED"),
    ("TRUC TIEP", "direct", "TYPED"), ("truc tuyen", "online", "TYPED"),
    ("QUA BUU CHINH CONG ICH", "postal", "TYPED"), ("trực tiếp.", "direct", "TYPED"),
    ("- Trực tuyến -", "online", "TYPED"), ("Trực tuyến mức độ 4", "online", "TYPED"),
    ("TT", "?", "TYPED"), ("Một cửa điện tử", "?", "TYPED"),
    ("Trực tiếp hoặc trực tuyến", "?", "TYPED"), ("Khác", "-", "TYPED"),
    ("Nguyễn Văn An", "-", "TYPED"),
]

RETURN = [  # return_channel
    ("0", "direct", "DVCQG"), ("1", "postal", "DVCQG"), ("2", "-", "DVCQG"),
    ("-1", "-", "TYPED"), ("0/1", "-", "TYPED"),
    ("Trực tiếp", "direct", "DVCQG"), ("Tại bộ phận một cửa", "direct", "DVCQG"),
    ("Qua BCCI", "postal", "DVCQG"), ("Bưu chính", "postal", "DVCQG"),
    ("Trực tuyến", "online", "DVCQG"), ("Điện tử", "online", "DVCQG"),
    ("Nhận trực tiếp", "direct", "ONEGATE"), ("Nhận tại Bộ phận một cửa", "direct", "ONEGATE"),
    ("Trả tại Bộ phận Tiếp nhận và Trả kết quả", "direct", "ND61"),
    ("Nhận kết quả tại bộ phận TN&TKQ", "direct", "ONEGATE"),
    ("Qua dịch vụ bưu chính công ích", "postal", "ND61"),
    ("Trả kết quả qua dịch vụ BCCI", "postal", "QD45"),
    ("Nhận qua bưu điện", "postal", "ONEGATE"), ("Chuyển phát qua bưu điện", "postal", "QD45"),
    ("Gửi qua bưu chính công ích", "postal", "QD45"), ("Qua DV BCCI", "postal", "TYPED"),
    ("BCCI", "postal", "SEED"), ("bcci", "postal", "TYPED"), ("QUA BUU DIEN", "postal", "TYPED"),
    ("Trả kết quả điện tử", "online", "ONEGATE"), ("Kết quả điện tử", "online", "ONEGATE"),
    ("Trả kết quả trực tuyến", "online", "ONEGATE"), ("Qua mạng", "online", "ONEGATE"),
    ("Qua thư điện tử", "online", "TYPED"), ("Email", "online", "TYPED"),
    ("Cổng dịch vụ công", "online", "ONEGATE"), ("Tài khoản DVCQG", "online", "ONEGATE"),
    ("truc tiep", "direct", "TYPED"), ("TRỰC TIẾP", "direct", "TYPED"),
    ("Tại quầy", "direct", "TYPED"), ("Nhận tại UBND phường", "direct", "TYPED"),
    ("Trực tiếp;", "direct", "TYPED"), ("TT", "?", "TYPED"),
    ("Bản điện tử và bản giấy qua BCCI", "?", "TYPED"), ("Không", "-", "TYPED"),
    ("Chưa xác định", "-", "TYPED"),
]

STATUS = [
    *((str(n), code, "DVCQG") for n, code in enumerate(schema.STATUS_CODES, start=1)),
    ("11", "-", "TYPED"), ("0", "-", "TYPED"), ("-2", "-", "TYPED"), ("1/0", "-", "TYPED"),
    ("9.5", "-", "TYPED"),
    ("Mới đăng ký", "registered", "DVCQG"), ("Được tiếp nhận", "received", "DVCQG"),
    ("Không được tiếp nhận", "not_accepted", "DVCQG"), ("Đang xử lý", "processing", "DVCQG"),
    ("Yêu cầu bổ sung giấy tờ", "supplement_requested", "DVCQG"),
    ("Yêu cầu thực hiện nghĩa vụ tài chính", "awaiting_payment", "DVCQG"),
    ("Công dân yêu cầu rút hồ sơ", "withdrawn", "DVCQG"), ("Dừng xử lý", "stopped", "DVCQG"),
    ("Đã xử lý xong", "resolved", "DVCQG"), ("Đã trả kết quả", "returned", "DVCQG"),
    ("Chờ tiếp nhận", "registered", "ONEGATE"), ("Hồ sơ mới", "registered", "ONEGATE"),
    ("Đã tiếp nhận", "received", "ONEGATE"), ("Từ chối tiếp nhận", "not_accepted", "ONEGATE"),
    ("Từ chối", "not_accepted", "ONEGATE"), ("Đang giải quyết", "processing", "ONEGATE"),
    ("Chờ phê duyệt", "processing", "ONEGATE"), ("Chuyển xử lý", "processing", "ONEGATE"),
    ("Chờ bổ sung", "supplement_requested", "ONEGATE"),
    ("Đang xử lý - chờ bổ sung hồ sơ", "supplement_requested", "TYPED"),
    ("Chờ thực hiện nghĩa vụ tài chính", "awaiting_payment", "ONEGATE"),
    ("Rút hồ sơ", "withdrawn", "ONEGATE"), ("Đã rút", "withdrawn", "ONEGATE"),
    ("Tạm dừng", "stopped", "ONEGATE"), ("Đã giải quyết", "resolved", "TT01"),
    ("Hoàn thành", "resolved", "ONEGATE"), ("Đã có kết quả", "resolved", "ONEGATE"),
    ("Chờ trả kết quả", "resolved", "ONEGATE"), ("Đã giải quyết đúng hạn", "resolved", "TT01"),
    ("Đã giải quyết, chưa trả kết quả", "resolved", "TYPED"),
    ("Đã trả", "returned", "ONEGATE"), ("Trả kết quả", "returned", "ONEGATE"),
    ("Hoàn thành - đã trả kết quả", "returned", "TYPED"),
    ("DA TRA KET QUA", "returned", "TYPED"), ("dang xu ly", "processing", "TYPED"),
    ("KHONG TIEP NHAN", "not_accepted", "TYPED"), ("da giai quyet", "resolved", "TYPED"),
    ("Đang xử lý, đã rút", "?", "TYPED"), ("Quá hạn", "-", "TYPED"), ("Khác", "-", "TYPED"),
]

LEVEL = [
    ("2", "info", "DVCQG"), ("3", "partial", "DVCQG"), ("4", "full", "DVCQG"),
    ("5", "-", "TYPED"), ("3.5", "-", "TYPED"), ("-3", "-", "TYPED"), ("3/4", "-", "TYPED"),
    ("Mức độ 2", "info", "CATALOG"), ("Mức độ 3", "partial", "CATALOG"),
    ("Mức độ 4", "full", "CATALOG"), ("Mức độ 1", "info", "CATALOG"),
    ("DVC trực tuyến mức độ 3", "partial", "CATALOG"),
    ("DVC trực tuyến mức độ 4", "full", "CATALOG"),
    ("Dịch vụ công trực tuyến toàn trình", "full", "CATALOG"),
    ("Dịch vụ công trực tuyến một phần", "partial", "CATALOG"),
    ("Toàn trình", "full", "CATALOG"), ("Một phần", "partial", "CATALOG"),
    ("Cung cấp thông tin", "info", "CATALOG"), ("DVC cung cấp thông tin", "info", "CATALOG"),
    ("Cung cấp thông tin trực tuyến", "info", "CATALOG"),
    ("Trực tuyến toàn trình", "full", "CATALOG"), ("Trực tuyến một phần", "partial", "CATALOG"),
    ("Không cung cấp trực tuyến", "info", "CATALOG"), ("Chưa trực tuyến", "info", "TYPED"),
    ("TOAN TRINH", "full", "TYPED"), ("mot phan", "partial", "TYPED"),
    ("Mức 3", "partial", "TYPED"), ("Mức 4", "full", "TYPED"), ("Mức 2", "info", "TYPED"),
    ("MĐ3", "partial", "TYPED"), ("MĐ4", "full", "TYPED"), ("MD 2", "info", "TYPED"),
    ("mức độ 3.", "partial", "TYPED"), ("(Mức độ 4)", "full", "TYPED"),
    ("Thông tin", "info", "TYPED"), ("muc do 4", "full", "TYPED"),
    ("Một phần hoặc toàn trình", "?", "TYPED"), ("Trực tuyến", "-", "TYPED"),
    ("Khác", "-", "TYPED"), ("x", "-", "TYPED"),
]

FLAG = [
    ("1", True, "DVCQG"), ("2", True, "DVCQG"), ("0", False, "DVCQG"), ("3", "-", "TYPED"),
    ("-1", "-", "TYPED"), ("1/0", "-", "TYPED"), ("0.5", "-", "TYPED"),
    ("Có", True, "TT01"), ("Không", False, "TT01"), ("x", True, "TT01"), ("X", True, "TT01"),
    ("-", False, "TYPED"), ("✓", True, "TYPED"), ("✔", True, "TYPED"), ("✗", False, "TYPED"),
    ("true", True, "TYPED"), ("FALSE", False, "TYPED"), ("yes", True, "TYPED"),
    ("No", False, "TYPED"), ("y", True, "TYPED"), ("n", False, "TYPED"),
    ("co", True, "TYPED"), ("KHONG", False, "TYPED"), ("Đã", True, "TYPED"),
    ("Chưa", False, "TYPED"), ("Đúng", True, "TYPED"), ("Sai", False, "TYPED"),
    ("Đã số hóa", True, "ONEGATE"), ("Chưa số hóa", False, "ONEGATE"),
    ("Đã thanh toán", True, "ONEGATE"), ("Chưa thanh toán", False, "ONEGATE"),
    ("Đã xin lỗi", True, "TYPED"), ("Có phiếu xin lỗi", True, "TYPED"),
    ("Không có", False, "TYPED"), ("Không đúng", False, "TYPED"), ("Có.", True, "TYPED"),
    ("Miễn", False, "CATALOG"), ("Có/Không", "?", "TYPED"), ("Có, không", "?", "TYPED"),
    ("Không rõ", "-", "TYPED"), ("Chưa xác định", "-", "TYPED"), ("N/A", "-", "TYPED"),
    ("Chờ", "-", "TYPED"), ("?", "-", "TYPED"),
]

DAY_KIND = [
    ("Nghỉ", "off", "LEAVE"), ("Ngày nghỉ", "off", "LEAVE"), ("Nghỉ bù", "off", "LEAVE"),
    ("Nghỉ lễ", "off", "LEAVE"), ("Nghỉ Tết", "off", "LEAVE"),
    ("Nghỉ Tết Nguyên đán", "off", "LEAVE"), ("Nghỉ Tết Âm lịch", "off", "LEAVE"),
    ("Nghỉ lễ Quốc khánh", "off", "LEAVE"), ("Nghỉ lễ 30/4 - 1/5", "off", "LEAVE"),
    ("Nghỉ Giỗ Tổ Hùng Vương", "off", "LEAVE"), ("Nghỉ thêm", "off", "LEAVE"),
    ("Nghỉ bù ngày Quốc khánh", "off", "LEAVE"), ("Được nghỉ", "off", "LEAVE"),
    ("Ngày nghỉ lễ", "off", "LEAVE"), ("Nghỉ hằng tuần", "off", "LEAVE"),
    ("Nghỉ làm", "off", "TYPED"), ("NGHI", "off", "TYPED"), ("nghi bu", "off", "TYPED"),
    ("Ngày lễ", "off", "TYPED"), ("Tết", "off", "TYPED"), ("Holiday", "off", "TYPED"),
    ("Day off", "off", "TYPED"),
    ("Làm bù", "working", "LEAVE"), ("Ngày làm bù", "working", "LEAVE"),
    ("Đi làm bù", "working", "LEAVE"), ("Làm việc", "working", "LEAVE"),
    ("Đi làm", "working", "LEAVE"), ("Ngày làm việc", "working", "LEAVE"),
    ("Làm bù cho ngày nghỉ lễ", "working", "LEAVE"),
    ("Làm việc bù ngày 02/01", "working", "LEAVE"),
    ("Làm việc bình thường", "working", "TYPED"), ("LAM BU", "working", "TYPED"),
    ("lam viec", "working", "TYPED"), ("Thứ Bảy làm bù", "working", "LEAVE"),
    ("Working day", "working", "TYPED"), ("Đi làm bù Tết", "working", "TYPED"),
    ("Ngày làm việc bù", "working", "TYPED"),
    ("1", "-", "TYPED"), ("Khác", "-", "TYPED"), ("x", "-", "TYPED"),
]

TASK_STATUS = [
    ("Chưa thực hiện", "not_started", "SEED"), ("Đang thực hiện", "in_progress", "SEED"),
    ("Hoàn thành", "done", "SEED"), ("Vướng mắc", "blocked", "SEED"),
    ("Chưa triển khai", "not_started", "TYPED"), ("Đang triển khai", "in_progress", "TYPED"),
    ("Đã hoàn thành", "done", "TYPED"), ("Khó khăn, vướng mắc", "blocked", "TYPED"),
    ("Chậm", "blocked", "TYPED"), ("Chưa hoàn thành", "in_progress", "TYPED"),
    ("Đã thực hiện", "done", "TYPED"), ("Xong", "done", "TYPED"),
    ("Đang thực hiện, có vướng mắc", "blocked", "TYPED"),
    ("DANG THUC HIEN", "in_progress", "TYPED"),
    ("chua thuc hien", "not_started", "TYPED"), ("Khác", "-", "TYPED"), ("3", "-", "TYPED"),
]

CASES = [("receive_channel", *c) for c in CHANNEL] + [("return_channel", *c) for c in RETURN] \
    + [("status", *c) for c in STATUS] + [("level", *c) for c in LEVEL] \
    + [("flag", *c) for c in FLAG] + [("day_kind", *c) for c in DAY_KIND] \
    + [("task_status", *c) for c in TASK_STATUS]


@pytest.mark.parametrize(("family", "spelling", "expected", "source"), CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_spelling_read_by_meaning(family, spelling, expected, source):
    code, problem = FAMILIES[family].read(spelling)
    if expected == "?":
        assert code is None and problem.startswith(AMBIGUOUS), (code, problem)
    elif expected == "-":
        assert code is None and problem is not None and not problem.startswith(AMBIGUOUS)
    else:
        assert code == expected and problem is None, (code, problem)


@pytest.mark.parametrize(("name", "table"), [
    ("receive_channel", CHANNEL), ("return_channel", RETURN), ("status", STATUS),
    ("level", LEVEL), ("flag", FLAG), ("day_kind", DAY_KIND)])
def test_every_family_is_tried_on_at_least_40_spellings(name, table):
    assert len({s for s, _, _ in table}) >= 40
    sources = {src for _, _, src in table}
    assert sources - {"TYPED"}, "at least one source besides hand-typed variants"


def test_families_read_into_the_schema_code_lists():
    for name, family in FAMILIES.items():
        codes = set(schema.VOCABULARIES[name])
        assert set(family.rules) <= codes and set(family.numbers.values()) <= codes


# What no eye sees is no part of a code (cchc_lib.core.text.INVISIBLE). Where these come from:
#   BOM     a UTF-8 byte-order mark left inside a cell when two exports are pasted together,
#           or a CSV whose BOM was written once more after a header line was added
#   COPIED  text copied from a web page, PDF or Word file into a spreadsheet: zero-width
#           spaces (HTML &#8203;), soft hyphens (&shy;), no-break spaces (&nbsp;), and the
#           bidi isolates a browser's "copy" puts around text (U+2066..U+2069)
#   QUOTED  Excel's text mark: a leading apostrophe kept as a character by an export that
#           writes it so that Excel opens the code as text
HIDDEN = [
    ("receive_channel", "\ufeff2", "online", "BOM"),
    ("receive_channel", "\u200b1\u200b", "direct", "COPIED"),
    ("receive_channel", "Trực\u00a0tuyến", "online", "COPIED"),
    ("receive_channel", "Trực tuy\u00adến", "online", "COPIED"),
    ("receive_channel", "'3", "postal", "QUOTED"),
    ("status", "\u2066Đã xử lý xong\u2069", "resolved", "COPIED"),
    ("status", "\u200e10", "returned", "COPIED"),
    ("status", "Đang\u2060xử\u00a0lý", "-", "COPIED"),  # a word joiner joins: "Đangxử lý"
    ("flag", "\ufeffCó", True, "BOM"),
    ("flag", "'0", False, "QUOTED"),
    ("flag", "\u200b", "-", "COPIED"),  # nothing seen: no meaning (parsers read it as blank)
]


@pytest.mark.parametrize(("family", "spelling", "expected", "source"), HIDDEN,
                         ids=[f"{c[0]}:{c[1].encode('unicode_escape').decode()}"
                              for c in HIDDEN])
def test_invisible_characters_are_no_part_of_a_code(family, spelling, expected, source):
    code, problem = FAMILIES[family].read(spelling)
    if expected == "-":
        assert code is None and problem is not None
    else:
        assert code == expected and problem is None, (code, problem)
