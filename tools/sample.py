"""Deterministic sample data for thị xã Quảng Trị (made up, marked as sample).

``python tools/sample.py`` (or ``make sample``) rewrites ``data/raw/sample/`` byte for byte:
the five units (codes start with ``SAMPLE-``), a catalogue of 75 commune procedures (the 16
real codes of domain.md; the rest are real procedure names with made-up codes starting
``9.``), dossier exports for January 2021 to November 2022 in three shapes real systems
produce, the plan's targets and the four tasks of Phụ lục 1 of Kế hoạch 99/KH-UBND.

The records an office keeps by hand (units, plan, targets, tasks, progress log,
self-assessment, official results) are written as the office's logbook,
``so_theo_doi_2022.xlsx``, which the sample catalog reads, and as the same records in CSV
files under ``csv/`` with their own catalog (``csv/catalog.yml``): both give the same tables.

Every citizen name, ID number, phone and address in the exports is invented; they are
there so ingest can prove it drops them. A handful of bad rows (duplicates, impossible
dates, unknown codes) are planted the way real exports carry them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from cchc_lib.core.calendar import WorkCalendar, add_working_days
from cchc_lib.reports.logbook import FILE_NAME, logbook_catalog_entries, write_logbook

SEED = 99_2022
EXPORTED_AT = pd.Timestamp("2022-11-30 17:30")
TOWN = ("SAMPLE-TXQT", "Thị xã Quảng Trị (dữ liệu mẫu)")

# unit_code, unit_name, dossiers per full year, export shape
UNITS = (
    ("SAMPLE-P1", "Phường 1", 4300, "dvcqg"),
    ("SAMPLE-P2", "Phường 2", 3900, "xlsx"),
    ("SAMPLE-P3", "Phường 3", 3200, "dvcqg"),
    ("SAMPLE-AD", "Phường An Đôn", 2300, "dvcqg"),
    ("SAMPLE-HL", "Xã Hải Lệ", 2600, "vn_csv"),
)

# code, name, field, level, postal-enabled, processing days (0 = trong ngày), fee (đồng),
# relative volume. The first 16 are the real procedures of domain.md.
PROCEDURES = (
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", "full", True, 0, 0, 6.0),
    ("1.000656", "Đăng ký khai tử", "Hộ tịch", "full", True, 0, 0, 2.0),
    ("1.004884", "Đăng ký lại khai sinh", "Hộ tịch", "partial", True, 5, 5000, 0.4),
    ("2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "full", True, 0, 8000, 5.0),
    ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "full", True, 3, 3000, 5.0),
    ("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "partial", True, 0, 2000, 40.0),
    ("2.000884", "Chứng thực chữ ký", "Chứng thực", "info", False, 0, 10000, 10.0),
    ("2.001019", "Chứng thực di chúc", "Chứng thực", "info", False, 2, 50000, 0.3),
    ("2.001016", "Chứng thực văn bản từ chối nhận di sản", "Chứng thực", "info", False, 2,
     50000, 0.2),
    ("2.001263", "Đăng ký nuôi con nuôi trong nước", "Nuôi con nuôi", "partial", True, 20,
     400000, 0.08),
    ("2.000950", "Công nhận tổ trưởng tổ hòa giải", "Phổ biến giáo dục pháp luật", "info",
     False, 5, 0, 0.1),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh", "Đăng ký kinh doanh", "full", True, 3,
     100000, 1.0),
    ("1.001776", "Trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", "partial", True, 20, 0, 0.8),
    ("1.001699", "Xác định mức độ khuyết tật", "Bảo trợ xã hội", "partial", True, 30, 0, 0.3),
    ("1.004222", "Đăng ký thường trú", "Cư trú", "full", True, 7, 20000, 3.0),
    ("1.004194", "Đăng ký tạm trú", "Cư trú", "full", True, 3, 15000, 2.0),
    # real procedure names, made-up codes (9.xxxxxx)
    ("9.000101", "Đăng ký kết hôn", "Hộ tịch", "full", True, 0, 0, 2.0),
    ("9.000102", "Đăng ký nhận cha, mẹ, con", "Hộ tịch", "partial", True, 3, 15000, 0.3),
    ("9.000103", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "Hộ tịch", "partial", True, 3,
     15000, 0.2),
    ("9.000104", "Đăng ký giám hộ", "Hộ tịch", "partial", True, 3, 15000, 0.1),
    ("9.000105", "Đăng ký chấm dứt giám hộ", "Hộ tịch", "partial", True, 2, 15000, 0.05),
    ("9.000106", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", "partial", True, 3,
     15000, 0.8),
    ("9.000107", "Đăng ký lại khai tử", "Hộ tịch", "partial", True, 5, 5000, 0.1),
    ("9.000108", "Đăng ký lại kết hôn", "Hộ tịch", "partial", True, 5, 0, 0.05),
    ("9.000109", "Đăng ký kết hôn lưu động", "Hộ tịch", "info", False, 5, 0, 0.02),
    ("9.000110", "Đăng ký khai sinh lưu động", "Hộ tịch", "info", False, 5, 0, 0.02),
    ("9.000111", "Đăng ký khai tử lưu động", "Hộ tịch", "info", False, 5, 0, 0.02),
    ("9.000112", "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", "Hộ tịch",
     "partial", True, 5, 5000, 0.3),
    ("9.000113", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho "
     "trẻ em dưới 6 tuổi", "Hộ tịch", "full", True, 10, 0, 1.0),
    ("9.000114", "Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, "
     "mai táng phí", "Hộ tịch", "full", True, 10, 0, 0.3),
    ("9.000201", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử "
     "dụng đất, nhà ở", "Chứng thực", "info", False, 2, 50000, 3.0),
    ("9.000202", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "Chứng thực",
     "info", False, 2, 30000, 0.3),
    ("9.000203", "Sửa lỗi sai sót trong hợp đồng, giao dịch", "Chứng thực", "info", False, 2,
     25000, 0.1),
    ("9.000204", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
     "Chứng thực", "partial", True, 2, 2000, 0.5),
    ("9.000205", "Chứng thực văn bản thỏa thuận phân chia di sản", "Chứng thực", "info", False, 2,
     50000, 0.5),
    ("9.000206", "Chứng thực văn bản khai nhận di sản", "Chứng thực", "info", False, 2, 50000, 0.4),
    ("9.000301", "Đăng ký lại việc nuôi con nuôi trong nước", "Nuôi con nuôi", "partial", True, 5,
     0, 0.02),
    ("9.000401", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội",
     "partial", True, 3, 0, 0.3),
    ("9.000402", "Đổi, cấp lại Giấy xác nhận khuyết tật", "Bảo trợ xã hội", "partial", True, 5, 0,
     0.1),
    ("9.000403", "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở",
     "Bảo trợ xã hội", "info", False, 10, 0, 0.05),
    ("9.000404", "Đăng ký hoạt động cơ sở trợ giúp xã hội dưới 10 đối tượng", "Bảo trợ xã hội",
     "partial", True, 5, 0, 0.01),
    ("9.000501", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", "Người có công", "partial", True,
     5, 0, 0.1),
    ("9.000502", "Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ", "Người có công", "partial",
     True, 3, 0, 0.02),
    ("9.000503", "Hỗ trợ người có công đi làm phương tiện, dụng cụ trợ giúp chỉnh hình",
     "Người có công", "partial", True, 5, 0, 0.05),
    ("9.000504", "Giải quyết chế độ mai táng phí đối với cựu chiến binh", "Người có công",
     "partial", True, 5, 0, 0.1),
    ("9.000505", "Giải quyết chế độ ưu đãi đối với con đẻ của người hoạt động kháng chiến bị "
     "nhiễm chất độc hóa học", "Người có công", "info", False, 10, 0, 0.02),
    ("9.000601", "Hòa giải tranh chấp đất đai", "Đất đai", "info", False, 30, 0, 0.2),
    ("9.000602", "Xác nhận đơn đề nghị cấp Giấy chứng nhận quyền sử dụng đất", "Đất đai",
     "partial", True, 10, 0, 0.6),
    ("9.000701", "Xác nhận hiện trạng nhà ở để sửa chữa, cải tạo", "Xây dựng", "partial", True,
     5, 0, 0.2),
    ("9.000801", "Tặng Giấy khen của Chủ tịch UBND cấp xã về thực hiện nhiệm vụ chính trị",
     "Thi đua khen thưởng", "partial", False, 20, 0, 0.2),
    ("9.000802", "Tặng Giấy khen của Chủ tịch UBND cấp xã cho gia đình", "Thi đua khen thưởng",
     "partial", False, 20, 0, 0.1),
    ("9.000803", "Tặng danh hiệu Lao động tiên tiến", "Thi đua khen thưởng", "info", False, 20, 0,
     0.05),
    ("9.000901", "Xét tặng danh hiệu Gia đình văn hóa hằng năm", "Văn hóa", "partial", False, 20,
     0, 0.3),
    ("9.000902", "Xét tặng danh hiệu Khu dân cư văn hóa hằng năm", "Văn hóa", "info", False, 20,
     0, 0.02),
    ("9.000903", "Đăng ký tổ chức lễ hội", "Văn hóa", "partial", True, 15, 0, 0.02),
    ("9.000904", "Thông báo tổ chức lễ hội", "Văn hóa", "partial", True, 10, 0, 0.02),
    ("9.001001", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", "Giáo dục",
     "partial", True, 20, 0, 0.01),
    ("9.001002", "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập", "Giáo dục", "info",
     False, 20, 0, 0.005),
    ("9.001003", "Xét, duyệt chính sách hỗ trợ đối với trẻ em mẫu giáo", "Giáo dục", "partial",
     True, 10, 0, 0.1),
    ("9.001004", "Xét cấp hỗ trợ học tập đối với học sinh", "Giáo dục", "info", True, 10, 0,
     0.05),
    ("9.001101", "Đăng ký hoạt động tín ngưỡng", "Nội vụ", "partial", True, 15, 0, 0.02),
    ("9.001102", "Đăng ký sinh hoạt tôn giáo tập trung", "Nội vụ", "info", False, 20, 0, 0.01),
    ("9.001103", "Thông báo danh mục hoạt động tín ngưỡng bổ sung", "Nội vụ", "partial", True,
     15, 0, 0.01),
    ("9.001104", "Đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung", "Nội vụ", "info",
     False, 20, 0, 0.005),
    ("9.001201", "Xóa đăng ký thường trú", "Cư trú", "full", True, 2, 0, 0.8),
    ("9.001202", "Gia hạn tạm trú", "Cư trú", "full", True, 3, 15000, 0.3),
    ("9.001203", "Khai báo tạm vắng", "Cư trú", "full", True, 1, 0, 0.3),
    ("9.001204", "Thông báo lưu trú", "Cư trú", "full", False, 0, 0, 0.5),
    ("9.001205", "Xóa đăng ký tạm trú", "Cư trú", "full", True, 2, 0, 0.2),
    ("9.001301", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "Nông nghiệp",
     "partial", True, 10, 0, 0.05),
    ("9.001401", "Thủ tục công nhận hòa giải viên", "Phổ biến giáo dục pháp luật", "info", False,
     5, 0, 0.03),
    ("9.001402", "Thủ tục thôi làm hòa giải viên", "Phổ biến giáo dục pháp luật", "info", False,
     5, 0, 0.02),
    ("9.001403", "Thủ tục thanh toán thù lao cho hòa giải viên", "Phổ biến giáo dục pháp luật",
     "partial", True, 5, 0, 0.05),
    ("9.001501", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Đăng ký kinh doanh", "full",
     True, 3, 50000, 0.4),
    ("9.001502", "Tạm ngừng hoạt động hộ kinh doanh", "Đăng ký kinh doanh", "full", True, 3, 0,
     0.2),
    ("9.001503", "Chấm dứt hoạt động hộ kinh doanh", "Đăng ký kinh doanh", "full", True, 3, 0,
     0.2),
)


@dataclass(frozen=True)
class Profile:
    """How one unit used the channels in one year (drives the sample, not the indicators)."""

    online_procedures: int  # procedures (partial/full) that take online dossiers by year end
    postal_procedures: int  # postal-enabled procedures that take postal dossiers by year end
    postal_return: tuple[float, float]  # share returned by post, January -> December
    late: float  # share of dossiers resolved late
    digitized: float


# Phường 2 misses all three targets in 2021 and closes the gap through 2022 (Kế hoạch 99).
PROFILES = {
    ("SAMPLE-P1", 2021): Profile(22, 24, (0.10, 0.14), 0.03, 0.30),
    ("SAMPLE-P1", 2022): Profile(36, 36, (0.12, 0.18), 0.02, 0.55),
    ("SAMPLE-P2", 2021): Profile(15, 17, (0.04, 0.07), 0.05, 0.20),
    ("SAMPLE-P2", 2022): Profile(40, 44, (0.05, 0.19), 0.02, 0.50),
    ("SAMPLE-P3", 2021): Profile(18, 20, (0.06, 0.09), 0.04, 0.25),
    ("SAMPLE-P3", 2022): Profile(24, 27, (0.09, 0.13), 0.03, 0.45),
    ("SAMPLE-AD", 2021): Profile(12, 15, (0.03, 0.05), 0.06, 0.15),
    ("SAMPLE-AD", 2022): Profile(20, 30, (0.05, 0.10), 0.04, 0.35),
    ("SAMPLE-HL", 2021): Profile(10, 18, (0.05, 0.08), 0.05, 0.10),
    ("SAMPLE-HL", 2022): Profile(16, 31, (0.12, 0.20), 0.03, 0.30),
}

# month weights: fewer dossiers around Tết, more before the school year
MONTH_WEIGHTS = np.array([1.0, 0.7, 1.1, 1.0, 1.0, 1.05, 1.1, 1.15, 1.1, 1.0, 1.0, 1.05])

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Thu", "Công")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hạnh", "Hoa", "Hùng", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo",
         "Trang", "Tuấn", "Vân", "Yến")

STATUS_NUMBER = {"registered": 1, "received": 2, "not_accepted": 3, "processing": 4,
                 "supplement_requested": 5, "awaiting_payment": 6, "withdrawn": 7, "stopped": 8,
                 "resolved": 9, "returned": 10}
STATUS_TEXT = {"registered": "Mới đăng ký", "received": "Được tiếp nhận",
               "not_accepted": "Không được tiếp nhận", "processing": "Đang xử lý",
               "supplement_requested": "Yêu cầu bổ sung giấy tờ",
               "awaiting_payment": "Yêu cầu thực hiện nghĩa vụ tài chính",
               "withdrawn": "Công dân yêu cầu rút hồ sơ", "stopped": "Dừng xử lý",
               "resolved": "Đã xử lý xong", "returned": "Đã trả kết quả"}
CHANNEL_TEXT = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Qua BCCI"}
RETURN_TEXT = {"direct": "Tại bộ phận một cửa", "online": "Trả kết quả điện tử",
               "postal": "Bưu chính công ích"}
LEVEL_TEXT = {"info": "Cung cấp thông tin", "partial": "Một phần", "full": "Toàn trình"}

TARGETS = (
    ("online_procedure_rate", 0.50),
    ("postal_procedure_rate", 0.60),
    ("postal_return_share", 0.15),
)
PLAN_SOURCE = "Kế hoạch 99/KH-UBND ngày 21/02/2022 của UBND phường 2"
# the seed plan's heading, transcribed
PLAN = {"plan_id": "P2-KH99-2022", "unit_code": "SAMPLE-P2", "number": "99/KH-UBND",
        "date": "2022-02-21", "issuer": "UBND phường 2",
        "title": "Thực hiện các nội dung nhằm khắc phục những tồn tại, hạn chế về Chỉ số cải "
                 "cách hành chính năm 2021, nâng cao chỉ số năm 2022", "year": 2022,
        # signed as the seed plan is ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"); the seed leaves the
        # name out, so the sample's is the customary placeholder name of Vietnamese forms
        "signing": "TM. ỦY BAN NHÂN DÂN", "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn A"}
GENERAL_TARGETS_SOURCE = ("của thị xã cho đơn vị chưa có kế hoạch riêng; dữ liệu mẫu, bằng mục "
                          "tiêu của Kế hoạch 99/KH-UBND phường 2")

# Phụ lục 1 of Kế hoạch 99/KH-UBND, transcribed from the seed (lines of the PDF joined).
PLAN_TASKS = (
    ("I.1", "I", "Công tác chỉ đạo, điều hành CCHC",
     "Tham mưu UBND phường chỉ đạo các công chức nghiên cứu tìm kiếm các sáng kiến, giải pháp "
     "mới thiết thực, áp dụng có hiệu quả trong chỉ đạo, điều hành thực hiện CCHC",
     "Công chức VP-TK", "Các công chức chuyên môn", "Quý II, Quý III năm 2022", ""),
    ("I.2", "I", "Công tác chỉ đạo, điều hành CCHC",
     "Thường xuyên theo dõi, đôn đốc các ban ngành, công chức chuyên môn thực hiện các nhiệm vụ "
     "của UBND thị xã, Chủ tịch UBND thị xã giao",
     "Công chức VP-TK", "Các công chức chuyên môn", "Thường xuyên", ""),
    ("II.1", "II", "Cải cách thủ tục hành chính, thực hiện cơ chế một cửa",
     "Tham mưu các giải pháp nâng cao tỷ lệ cung cấp dịch vụ công trực tuyến mức độ 3, 4. Phấn "
     "đấu tỷ lệ % giữa số TTHC có phát sinh hồ sơ trực tuyến so với tổng số TTHC đang cung cấp "
     "trực tuyến mức độ 3, 4 đạt từ 50% trở lên.",
     "Công chức chuyên môn", "Công chức VP-TK", "Thường xuyên", "online_procedure_rate"),
    ("III.1", "III", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
     "Tham mưu UBND phường chỉ đạo đẩy mạnh hơn nữa việc thực hiện tiếp nhận, trả kết quả TTHC "
     "qua dịch vụ bưu chính công ích; thực hiện tốt công tác tuyên truyền, phổ biến đến các tổ "
     "chức, cá nhân và nhân dân trên địa bàn về lợi ích của bưu chính công ích, dịch vụ bưu chính "
     "công ích. - Tỷ lệ giữa số TTHC có phát sinh hồ sơ qua dịch vụ BCCI (tiếp nhận hoặc trả kết "
     "quả hoặc cả hai) so với tổng số TTHC đang triển khai thực hiện tiếp nhận, trả kết quả giải "
     "quyết qua dịch vụ BCCI đạt 60% trở lên. - Tỷ lệ số hồ sơ trả kết quả qua dịch vụ BCCI của "
     "các TTHC BCCI so với tổng số hồ sơ đã trả kết quả (cả BCCI, trực tuyến và trực tiếp) đạt "
     "15% trở lên.",
     "Công chức VP-TK", "Công chức chuyên môn", "Thường xuyên",
     "postal_procedure_rate;postal_return_share"),
)


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def catalogue_frame() -> pd.DataFrame:
    cols = ["procedure_code", "procedure_name", "field_name", "level", "postal_enabled",
            "processing_days", "fee", "weight"]
    return pd.DataFrame(PROCEDURES, columns=cols)


def _adoption(rng: np.random.Generator, eligible: pd.DataFrame, count: int,
              earlier: pd.Series | None) -> pd.Series:
    """Month (1-12) from which each procedure takes dossiers through a channel; 13 = never.

    Procedures already adopted the year before keep it from January; the rest are picked
    with a preference for those with more demand, and start during the year.
    """
    month = pd.Series(13, index=eligible.index)
    kept = earlier[earlier <= 12].index.intersection(eligible.index) if earlier is not None \
        else eligible.index[:0]
    month[kept] = 1
    rest = eligible.index.difference(kept)
    need = max(0, count - len(kept))
    if need and len(rest):
        w = np.sqrt(eligible.loc[rest, "weight"].to_numpy())
        pick = rng.choice(rest.to_numpy(), size=min(need, len(rest)), replace=False, p=w / w.sum())
        first = 1 if earlier is None else 2
        month[pick] = np.sort(rng.integers(first, 10, size=len(pick)))
    return month


def _working_days(year: int, last: pd.Timestamp) -> np.ndarray:
    days = WorkCalendar().working_days(np.datetime64(f"{year}-01-01"),
                                       np.datetime64(f"{year}-12-31"))
    return days[days <= np.datetime64(last.date())]


def _dossiers_for(rng: np.random.Generator, unit: tuple, year: int, cat: pd.DataFrame,
                  adoption_before: dict | None) -> tuple[pd.DataFrame, dict]:
    unit_code, unit_name, volume, _shape = unit
    prof = PROFILES[(unit_code, year)]
    last_day = (EXPORTED_AT.normalize() if year == EXPORTED_AT.year
                else pd.Timestamp(f"{year}-12-31"))
    days = _working_days(year, last_day)
    months = days.astype("datetime64[M]").astype(int) % 12
    n = int(volume * MONTH_WEIGHTS[: months.max() + 1].sum() / MONTH_WEIGHTS.sum())
    n = int(n * rng.uniform(0.95, 1.05))

    online_ok = cat[cat.level.isin(["partial", "full"])]
    postal_ok = cat[cat.postal_enabled]
    adoption = {
        "online": _adoption(rng, online_ok, prof.online_procedures,
                            adoption_before["online"] if adoption_before else None),
        "postal": _adoption(rng, postal_ok, prof.postal_procedures,
                            adoption_before["postal"] if adoption_before else None),
    }

    proc = rng.choice(len(cat), size=n, p=(cat.weight / cat.weight.sum()).to_numpy())
    day_w = MONTH_WEIGHTS[months]
    day = days[rng.choice(len(days), size=n, p=day_w / day_w.sum())]
    minutes = np.where(rng.random(n) < 0.55, rng.integers(450, 690, n), rng.integers(810, 1020, n))
    received = pd.to_datetime(day) + pd.to_timedelta(minutes, unit="m")
    month = received.month.to_numpy()
    c = cat.iloc[proc].reset_index(drop=True)

    online_from = adoption["online"].reindex(range(len(cat)), fill_value=13).to_numpy()[proc]
    postal_from = adoption["postal"].reindex(range(len(cat)), fill_value=13).to_numpy()[proc]
    # the big counter procedures move online slowly; the rest much faster once adopted
    online_share = np.where(c.weight >= 10, 0.02, 0.30)
    is_online = (month >= online_from) & (rng.random(n) < online_share)
    is_postal = ~is_online & (month >= postal_from) & (rng.random(n) < 0.10)
    channel = np.select([is_online, is_postal], ["online", "postal"], "direct")

    received_s = pd.Series(received)
    due = add_working_days(received_s, c.processing_days)
    # outcome: processing time in working days, a few late
    cal = WorkCalendar()
    late = rng.random(n) < prof.late
    span = np.maximum(c.processing_days.to_numpy(), 0)
    took = np.floor(rng.random(n) * (span + 1)).astype(int)
    took = np.where(late, span + rng.integers(1, 6, n), took)
    finish_day = cal.offset(np.asarray(day, dtype="datetime64[D]"), took)
    supplement = np.where(c.processing_days.to_numpy() > 0,
                          np.select([rng.random(n) < 0.005, rng.random(n) < 0.04], [2, 1], 0), 0)
    supp_days = np.where(supplement > 0, rng.integers(1, 6, n), 0)
    finish_day = cal.offset(finish_day, supp_days)
    finish_min = np.where(took == 0, minutes + rng.integers(20, 120, n), rng.integers(450, 1020, n))
    finished = pd.Series(pd.to_datetime(finish_day) + pd.to_timedelta(np.minimum(finish_min, 1050),
                                                                        unit="m"))
    pickup = cal.offset(finish_day, rng.integers(0, 4, n))
    returned = pd.Series(pd.to_datetime(pickup) + pd.to_timedelta(rng.integers(460, 1020, n),
                                                                   unit="m"))
    returned = returned.where(returned > finished, finished + pd.Timedelta(minutes=10))

    # return channel: post for adopted postal procedures (share rising over the year)
    lo, hi = prof.postal_return
    p_post = lo + (hi - lo) * (month - 1) / 11
    by_post = (month >= postal_from) & c.postal_enabled.to_numpy() & (rng.random(n) < p_post)
    by_post |= is_postal & (rng.random(n) < 0.7)
    e_result = np.where(is_online, rng.random(n) < 0.7, rng.random(n) < 0.1)
    return_channel = np.select([by_post, is_online & e_result], ["postal", "online"], "direct")

    # status as of the export
    status = np.full(n, "returned", dtype=object)
    unfinished = finished.to_numpy() > np.datetime64(EXPORTED_AT)
    not_picked = (~unfinished) & ((returned.to_numpy() > np.datetime64(EXPORTED_AT))
                                  | (rng.random(n) < 0.015))
    status[not_picked] = "resolved"
    r = rng.random(n)
    pending_kind = np.select([r < 0.2, (r < 0.3) & (c.fee.to_numpy() > 0)],
                             ["supplement_requested", "awaiting_payment"], "processing")
    status[unfinished] = pending_kind[unfinished]
    special = rng.random(n)
    status[special < 0.004] = "withdrawn"
    status[(special >= 0.004) & (special < 0.006)] = "stopped"
    status[(special >= 0.006) & (special < 0.011)] = "not_accepted"
    fresh_online = is_online & (received > EXPORTED_AT - pd.Timedelta(days=3))
    status[fresh_online & (rng.random(n) < 0.5)] = "registered"

    ended_other = np.isin(status, ["withdrawn", "stopped"])
    no_end = np.isin(status, ["processing", "supplement_requested", "awaiting_payment",
                              "registered", "not_accepted"])
    finished = finished.where(~no_end)
    withdrawn_at = (received_s + pd.Timedelta(days=1)).clip(upper=EXPORTED_AT)
    finished = finished.where(~ended_other, withdrawn_at)
    returned = returned.where(status == "returned")
    return_channel = np.where(status == "returned", return_channel, None)

    frame = pd.DataFrame({
        "unit_code": unit_code,
        "procedure_code": c.procedure_code,
        "procedure_name": c.procedure_name,
        "field_name": c.field_name,
        "receive_channel": channel,
        "return_channel": return_channel,
        "submitted_at": received_s - pd.to_timedelta(np.where(is_online,
                                                              rng.integers(10, 2000, n), 0),
                                                     unit="m"),
        "received_at": received_s,
        "due_at": due,
        "finished_at": finished,
        "returned_at": returned,
        "status": status,
        "supplement_requests": supplement,
        "supplement_days": supp_days.astype(float),
        "paid_online": is_online & (c.fee.to_numpy() > 0) & (rng.random(n) < 0.6),
        "digitized": is_online | (rng.random(n) < prof.digitized),
        "e_result": e_result & ~no_end,
        "apology_issued": (late | (supplement > 1)) & (rng.random(n) < (0.5 if year == 2021
                                                                         else 0.85)),
    })
    frame = frame.sort_values(["received_at", "procedure_code"], kind="stable",
                              ignore_index=True)
    seq = frame.groupby(frame.received_at.dt.date).cumcount() + 1
    frame.insert(0, "dossier_id", unit_code.replace("SAMPLE-", "MAU.")
                 + "-" + frame.received_at.dt.strftime("%y%m%d") + "-"
                 + seq.astype(str).str.zfill(4))
    return pd.concat([frame, _people(rng, len(frame), unit_name)], axis=1), adoption


def _people(rng: np.random.Generator, n: int, unit_name: str) -> pd.DataFrame:
    """Invented applicants: the personal data that ingest must drop."""
    name = (np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)].astype(object) + " "
            + np.array(MIDDLE)[rng.integers(0, len(MIDDLE), n)] + " "
            + np.array(GIVEN)[rng.integers(0, len(GIVEN), n)])
    birth = rng.integers(40, 105, n)  # born 1940-2004; CCCD: 045 (Quảng Trị), sex+century, yy
    sex_century = (np.where(birth >= 100, 2, 0) + rng.integers(0, 2, n)).astype(str)
    id_number = ("045" + pd.Series(sex_century) + pd.Series(birth % 100).astype(str).str.zfill(2)
                 + pd.Series(rng.integers(0, 10**6, n)).astype(str).str.zfill(6))
    phone = "09" + pd.Series(rng.integers(0, 10**8, n)).astype(str).str.zfill(8)
    address = ("Số " + pd.Series(rng.integers(1, 200, n)).astype(str) + ", khu phố "
               + pd.Series(rng.integers(1, 9, n)).astype(str) + ", " + unit_name
               + ", thị xã Quảng Trị")
    email = np.where(rng.random(n) < 0.2,
                     "nguoidan" + pd.Series(rng.integers(10**5, 10**6, n)).astype(str)
                     + "@example.vn", "")
    return pd.DataFrame({"applicant_name": name, "applicant_id": id_number,
                         "applicant_phone": phone, "applicant_address": address,
                         "applicant_email": email})


def _plant_bad_rows(rng: np.random.Generator, df: pd.DataFrame) -> pd.DataFrame:
    """What real exports carry: a re-exported row, a typo'd date, a lost code, a derived due."""
    df = df.copy()
    idx = rng.choice(df.index[df.status == "returned"].to_numpy(), size=8, replace=False)
    dup = df.loc[idx[:2]].copy()
    dup["status"] = "processing"  # an older snapshot of the same dossier
    dup[["finished_at", "returned_at"]] = pd.NaT
    dup["return_channel"] = None
    df.loc[idx[2], "procedure_code"] = None
    df.loc[idx[3], "received_at"] = df.loc[idx[3], "finished_at"] + pd.Timedelta(days=2)
    df.loc[idx[4], "procedure_code"] = df.loc[idx[4], "procedure_code"][:-1]  # 1.00119: mangled
    df.loc[idx[5:8], "due_at"] = pd.NaT  # blank due date: ingest derives it
    df = pd.concat([df, dup]).sort_index(kind="stable").reset_index(drop=True)
    df["bad_date"] = False
    df.loc[rng.integers(0, len(df)), "bad_date"] = True  # "31/02/…": a day that does not exist
    return df


# --------------------------------------------------------------------------------------
# Export shapes
# --------------------------------------------------------------------------------------


def _dmy(series: pd.Series, with_time: bool = True) -> pd.Series:
    return series.dt.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y").fillna("")


def _flag_text(series: pd.Series, yes: str, no: str = "") -> pd.Series:
    return pd.Series(np.where(series, yes, no), index=series.index)


def _write_xlsx(df: pd.DataFrame, path: Path, unit_name: str, year: int) -> None:
    """A one-stop system's Excel report: title block, Vietnamese headers, mixed date types."""
    import xlsxwriter

    out = pd.DataFrame({
        "STT": np.arange(1, len(df) + 1),
        "Mã hồ sơ": df.dossier_id,
        "Mã TTHC": df.procedure_code.fillna(""),
        "Tên thủ tục": df.procedure_name,
        "Lĩnh vực": df.field_name,
        "Chủ hồ sơ": df.applicant_name,
        "Số CCCD": df.applicant_id,
        "Điện thoại": df.applicant_phone,
        "Địa chỉ": df.applicant_address,
        "Kênh thực hiện": df.receive_channel.map(CHANNEL_TEXT),
        "Ngày tiếp nhận": df.received_at,
        "Ngày hẹn trả": _dmy(df.due_at),
        "Ngày kết thúc xử lý": df.finished_at,
        "Ngày trả kết quả": _dmy(df.returned_at),
        "Hình thức trả kết quả": df.return_channel.map(RETURN_TEXT).fillna(""),
        "Trạng thái": df.status.map(STATUS_TEXT),
        "Số lần bổ sung": df.supplement_requests,
        "Số ngày chờ bổ sung": df.supplement_days,
        "Thanh toán trực tuyến": _flag_text(df.paid_online, "Có", "Không"),
        "Số hóa hồ sơ": _flag_text(df.digitized, "x"),
        "Kết quả điện tử": _flag_text(df.e_result, "x"),
        "Phiếu xin lỗi": _flag_text(df.apology_issued, "Có"),
    })
    bad = df.bad_date.to_numpy()
    wb = xlsxwriter.Workbook(str(path), {"remove_timezone": True})
    wb.set_properties({"title": f"Danh sách hồ sơ {unit_name} năm {year}",
                       "author": "Dữ liệu mẫu CCHC", "created": datetime(2022, 11, 30, 17, 30)})
    ws = wb.add_worksheet("Danh sách hồ sơ")
    title = wb.add_format({"bold": True, "align": "center"})
    head = wb.add_format({"bold": True, "border": 1, "text_wrap": True, "bg_color": "#DDEBF7"})
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    ws.merge_range(0, 0, 0, 8, f"UBND {unit_name.upper()}", title)
    ws.merge_range(1, 0, 1, 8, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", title)
    ws.merge_range(2, 0, 2, 12, f"DANH SÁCH HỒ SƠ TIẾP NHẬN NĂM {year}", title)
    ws.merge_range(3, 0, 3, 12, f"(Từ ngày 01/01/{year} đến ngày "
                   f"{'30/11/2022' if year == 2022 else '31/12/2021'})", title)
    header_row = 5
    ws.write_row(header_row, 0, list(out.columns), head)
    date_cols = {"Ngày tiếp nhận", "Ngày kết thúc xử lý"}
    for j, col in enumerate(out.columns):
        values = out[col].tolist()
        for i, v in enumerate(values):
            row = header_row + 1 + i
            if col in date_cols:
                if pd.isna(v):
                    continue
                if col == "Ngày tiếp nhận" and bad[i]:
                    ws.write_string(row, j, f"31/02/{year} 08:00")
                else:
                    ws.write_datetime(row, j, v.to_pydatetime(), when)
            elif isinstance(v, str):
                if v:
                    ws.write_string(row, j, v)
            else:
                ws.write_number(row, j, float(v))
    ws.set_column(0, 0, 6)
    ws.set_column(1, 2, 20)
    ws.set_column(3, 3, 40)
    ws.freeze_panes(header_row + 1, 0)
    wb.close()


def _yyyymmddhhmmss(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%Y%m%d%H%M%S").fillna("")


def _dvcqg_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The national portal's sync field names (DVCQG), numeric codes, compact dates."""
    received = _yyyymmddhhmmss(df.received_at)
    received[df.bad_date.to_numpy()] = "20220231080000"
    status_no = df.status.map(STATUS_NUMBER)
    return pd.DataFrame({
        "MaHoSo": df.dossier_id,
        "MaDonVi": df.unit_code,
        "MaTTHC": df.procedure_code.fillna(""),
        "TenTTHC": df.procedure_name,
        "TenLinhVuc": df.field_name,
        "KenhThucHien": df.receive_channel.map({"direct": 1, "online": 2, "postal": 3}),
        "HinhThuc": df.return_channel.map({"direct": "0", "postal": "1", "online": "0"}).fillna(""),
        "ChuHoSo": df.applicant_name,
        "SoDinhDanh": df.applicant_id,
        "SoDienThoai": df.applicant_phone,
        "Email": df.applicant_email,
        "DiaChi": df.applicant_address,
        "NgayNopHoSo": _yyyymmddhhmmss(df.submitted_at),
        "NgayTiepNhan": received,
        "NgayHenTra": _yyyymmddhhmmss(df.due_at),
        "NgayKetThucXuLy": _yyyymmddhhmmss(df.finished_at),
        "NgayTra": _yyyymmddhhmmss(df.returned_at),
        "TrangThaiHoSo": status_no,
        "SoLanBoSung": df.supplement_requests,
        "SoNgayBoSung": df.supplement_days.map(lambda v: f"{v:g}"),
        "DuocThanhToanTrucTuyen": np.where(df.paid_online, 1, 0),
        "HoSoCoThanhPhanSoHoa": np.where(df.digitized, 1, 0),
        "MaKetQua": np.where(df.e_result, "KQ-" + df.dossier_id, ""),
        "DuongDanTepTinKetQua": np.where(df.e_result, "/ketqua/" + df.dossier_id + ".pdf", ""),
        "PhieuXinLoi": np.where(df.apology_issued, 1, 0),
    })


def _vn_csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A provincial system's CSV: Vietnamese headers typed without diacritics, dd/mm/yyyy."""
    received = _dmy(df.received_at)
    received[df.bad_date.to_numpy()] = "31/02/2022 08:00"
    return pd.DataFrame({
        "So ho so": df.dossier_id,
        "Don vi tiep nhan": df.unit_code,
        "Ma thu tuc": df.procedure_code.fillna(""),
        "Ten thu tuc": df.procedure_name,
        "Linh vuc": df.field_name,
        "Ho ten nguoi nop": df.applicant_name,
        "So CCCD": df.applicant_id,
        "Dien thoai": df.applicant_phone,
        "Dia chi": df.applicant_address,
        "Hinh thuc nop": df.receive_channel.map(CHANNEL_TEXT),
        "Ngay nhan": received,
        "Han giai quyet": _dmy(df.due_at),
        "Ngay hoan thanh": _dmy(df.finished_at),
        "Ngay tra": _dmy(df.returned_at),
        "Hinh thuc nhan ket qua": df.return_channel.map(RETURN_TEXT).fillna(""),
        "Tinh trang": df.status.map(STATUS_TEXT),
        "So lan bo sung": df.supplement_requests,
        "Thanh toan truc tuyen": _flag_text(df.paid_online, "Co", "Khong"),
        "Da so hoa": _flag_text(df.digitized, "Co", "Khong"),
        "Ket qua dien tu": _flag_text(df.e_result, "Co", "Khong"),
        "Da xin loi": _flag_text(df.apology_issued, "Co", ""),
    })


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def _csv(frame: pd.DataFrame, sep: str = ",") -> str:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, sep=sep, lineterminator="\n")
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# PAR scoring inputs and the plan's progress log (all marked as samples)
# --------------------------------------------------------------------------------------

METHODOLOGY_TEMPLATE = "methodology/chi_so_cchc_cap_xa_mau.yml"  # under data/raw
YEAR = 2022  # the plan's year: the office's logbook is this year's
LOGBOOK = FILE_NAME.format(year=YEAR)  # the hand-kept records the sample catalog reads
CSV_DIR = "csv"  # the same records as CSV files, with their own catalog
CSV_FILES = {"units": "units.csv", "plans": "plans.csv", "targets": "targets.csv",
             "plan_tasks": "plan_tasks.csv", "plan_progress": "plan_progress.csv",
             "self_assessment": "self_assessment_2022.csv",
             "official_results": "official_results.csv"}
# Phường 2 lost points in 2021 where Phụ lục 1 of the plan acts: 1.5, 1.6 (section I),
# 3.4 (section II), 7.2 and 7.3 (section III)
P2_LOST_2021 = {"1.5": 0.0, "1.6": 1.0, "3.4": 0.0, "7.2": 1.0, "7.3": 1.0}
SAMPLE_NOTE = "dữ liệu mẫu"

PROGRESS_P2 = (  # task, date, status, note, evidence, cause (document numbers are made up)
    ("I.1", "2022-04-15", "Đang thực hiện", "Họp giao nhiệm vụ nghiên cứu sáng kiến CCHC",
     "Thông báo số 35/TB-UBND ngày 15/4/2022 (mẫu)", ""),
    ("I.1", "2022-09-28", "Hoàn thành", "Công nhận 02 giải pháp mới trong chỉ đạo, điều hành",
     "Quyết định số 120/QĐ-UBND ngày 28/9/2022 (mẫu)", ""),
    ("I.2", "2022-03-31", "Đang thực hiện", "Theo dõi, đôn đốc nhiệm vụ quý I",
     "Báo cáo số 30/BC-UBND ngày 31/3/2022 (mẫu)", ""),
    ("I.2", "2022-06-30", "Đang thực hiện", "Theo dõi, đôn đốc nhiệm vụ quý II",
     "Báo cáo số 61/BC-UBND ngày 30/6/2022 (mẫu)", ""),
    ("I.2", "2022-09-30", "Đang thực hiện", "Theo dõi, đôn đốc nhiệm vụ quý III",
     "Báo cáo số 95/BC-UBND ngày 30/9/2022 (mẫu)", ""),
    ("I.2", "2022-11-07", "Đang thực hiện", "Rà soát nhiệm vụ thị xã giao còn tồn đọng", "", ""),
    ("II.1", "2022-04-30", "Đang thực hiện", "Hướng dẫn người dân nộp hồ sơ trực tuyến tại "
     "bộ phận một cửa", "Kế hoạch số 40/KH-UBND ngày 30/4/2022 (mẫu)", ""),
    ("II.1", "2022-08-31", "Đang thực hiện", "Bố trí máy tính hỗ trợ nộp hồ sơ trực tuyến", "", ""),
    ("II.1", "2022-10-31", "Đang thực hiện", "27/53 TTHC đã có hồ sơ trực tuyến",
     "Báo cáo số 110/BC-UBND ngày 31/10/2022 (mẫu)",
     "Người dân, nhất là người cao tuổi, chưa quen nộp hồ sơ trực tuyến"),
    ("III.1", "2022-05-15", "Đang thực hiện", "Phối hợp Bưu điện tuyên truyền dịch vụ BCCI",
     "Biên bản làm việc với Bưu điện thị xã ngày 15/5/2022 (mẫu)", ""),
    ("III.1", "2022-10-25", "Vướng mắc", "Đề xuất UBND thị xã hỗ trợ phí dịch vụ BCCI",
     "Báo cáo số 108/BC-UBND ngày 25/10/2022 (mẫu)", "Người dân còn ngại trả phí dịch vụ BCCI"),
)


def _scoring_inputs(rng: np.random.Generator, methodology_path: Path
                    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    from cchc_lib.ingest.methodology import load_methodology

    method = load_methodology(methodology_path)
    leaves = method.leaves()
    official, self_rows = [], []
    for code, _name, _volume, _shape in UNITS:
        for c in leaves:
            share = rng.choice([1.0, 1.0, 0.75, 0.5], p=[0.55, 0.2, 0.15, 0.1])
            points = round(c.max_points * share * 4) / 4
            if code == "SAMPLE-P2" and c.id in P2_LOST_2021:
                points = P2_LOST_2021[c.id]
            official.append((2021, code, c.id, points))
            if c.manual:
                points_now = round(c.max_points * rng.choice([1.0, 1.0, 0.75]) * 4) / 4
                number = int(rng.integers(10, 150))
                evidence = f"Văn bản số {number}/UBND năm 2022 ({SAMPLE_NOTE})"
                if code == "SAMPLE-P2" and c.id == "1.4":
                    evidence = ""  # scored without evidence: the scorecard flags it
                self_rows.append((code, 2022, c.id, points_now, evidence, ""))
        official.append((2021, code, "survey", round(float(rng.uniform(6.5, 9.5)), 2)))
    return (pd.DataFrame(official, columns=["year", "unit_code", "criterion_id", "points"]),
            pd.DataFrame(self_rows, columns=["unit_code", "year", "criterion_id", "points",
                                             "evidence", "note"]),
            pd.DataFrame(PROGRESS_P2, columns=["task_id", "date", "status", "note",
                                               "evidence", "cause"]))


def _write_logbook(out: Path, methodology: Path) -> Path:
    """The office's logbook of the sample year, written from the CSV files (ingested as an
    office's would be: the logbook holds exactly what ingest read from them)."""
    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.core.yamlfile import load_file
    from cchc_lib.ingest.methodology import load_methodology
    from cchc_lib.ingest.pipeline import ingest

    # the CSV files' own catalog (every table of the logbook read from them), the
    # methodology given (the sample may be written outside data/raw)
    temporary = out / CSV_DIR / ".logbook.yml"
    temporary.write_text(yaml.safe_dump({"include": ["catalog.yml"], "methodology": {
        "path": str(methodology.resolve())}}), encoding="utf-8")
    try:
        result = ingest(load_catalog(temporary), today=EXPORTED_AT.date())
    finally:
        temporary.unlink()
    if not result.quarantine[result.quarantine.table.isin(CSV_FILES)].empty:
        raise SystemExit("the sample's own records were set aside: see tools/sample.py")
    from cchc_lib.core.catalog import project_root

    recipients = load_file(project_root() / "data" / "recipients.yml")
    return write_logbook(out / LOGBOOK, YEAR, result.tables, load_methodology(methodology),
                         recipients)


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def generate(out_dir: Path | str, methodology: Path | str | None = None) -> list[Path]:
    """Write the whole sample under ``out_dir`` and return the files written, sorted.

    ``methodology``: the template whose criteria the sample self-assessments score
    (default: data/raw/methodology/ of the project).
    """
    from cchc_lib.core.catalog import project_root

    out = Path(out_dir)
    methodology = Path(methodology) if methodology else \
        project_root() / "data/raw" / METHODOLOGY_TEMPLATE
    (out / "dossiers").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    cat = catalogue_frame()
    written: list[Path] = []
    sources = []

    def save(path: Path, text: str, encoding: str = "utf-8") -> None:
        _write_text(path, text, encoding)
        written.append(path)

    units = pd.DataFrame([(u[0], u[1], *TOWN) for u in UNITS],
                         columns=["unit_code", "unit_name", "parent_code", "parent_name"])
    save(out / CSV_DIR / "units.csv", _csv(units))
    catalogue = pd.DataFrame({
        "Mã TTHC": cat.procedure_code,
        "Tên TTHC": cat.procedure_name,
        "Lĩnh vực": cat.field_name,
        "Mức độ": cat.level.map(LEVEL_TEXT),
        "Tiếp nhận/trả kết quả qua BCCI": np.where(cat.postal_enabled, "Có", "Không"),
        "Thời hạn giải quyết (ngày làm việc)": cat.processing_days,
        "Phí, lệ phí": cat.fee,
    })
    save(out / "catalogue.csv", _csv(catalogue))
    # Phường 2's targets are its plan's; the other units have no plan of their own in the
    # sample, so a general row (blank unit) stands for the town's targets, labelled as such
    targets = pd.DataFrame(
        [(i, t, "SAMPLE-P2", 2022, PLAN_SOURCE) for i, t in TARGETS]
        + [(i, t, "", 2022, GENERAL_TARGETS_SOURCE) for i, t in TARGETS],
        columns=["indicator", "target", "unit_code", "year", "source"])
    save(out / CSV_DIR / "targets.csv", _csv(targets))
    save(out / CSV_DIR / "plans.csv", _csv(pd.DataFrame([PLAN], columns=list(PLAN))))
    tasks = pd.DataFrame(PLAN_TASKS, columns=["task_id", "section", "section_title", "task",
                                              "lead", "coordinators", "timeframe", "indicators"])
    tasks["plan_id"] = PLAN["plan_id"]
    save(out / CSV_DIR / "plan_tasks.csv", _csv(tasks))

    frames: dict[tuple[str, int], pd.DataFrame] = {}
    for unit in UNITS:
        before = None
        for year in (2021, 2022):
            df, before = _dossiers_for(rng, unit, year, cat, before)
            frames[(unit[0], year)] = _plant_bad_rows(rng, df)

    for year in (2021, 2022):
        for unit in UNITS:
            code, name, _, shape = unit
            if shape == "xlsx":
                path = out / "dossiers" / f"phuong2_{year}.xlsx"
                _write_xlsx(frames[(code, year)], path, name, year)
                written.append(path)
                sources.append({"path": f"dossiers/{path.name}", "unit_code": code})
            elif shape == "vn_csv":
                path = out / "dossiers" / f"haile_{year}.csv"
                save(path, "\ufeff" + _csv(_vn_csv_frame(frames[(code, year)]), sep=";"))
                sources.append({"path": f"dossiers/{path.name}"})
        dvcqg = pd.concat([_dvcqg_frame(frames[(u[0], year)]) for u in UNITS if u[3] == "dvcqg"],
                          ignore_index=True)
        path = out / "dossiers" / f"dvcqg_{year}.csv"
        save(path, _csv(dvcqg))
        sources.append({"path": f"dossiers/{path.name}"})

    official, self_assessment, progress = _scoring_inputs(np.random.default_rng(SEED + 1),
                                                          methodology)
    save(out / CSV_DIR / "official_results.csv", _csv(official))
    save(out / CSV_DIR / "self_assessment_2022.csv", _csv(self_assessment))
    save(out / CSV_DIR / "plan_progress.csv", _csv(progress))
    sample_note = "Dữ liệu mẫu thị xã Quảng Trị (made-up sample data, see tools/sample.py)"
    header = ("# yaml-language-server: $schema={schema}\n"
              "# Generated by tools/sample.py: do not edit.\n")
    catalog = {
        "description": sample_note,
        **logbook_catalog_entries(LOGBOOK),
        "catalogue": {"path": "catalogue.csv"},
        "methodology": {"path": f"../{METHODOLOGY_TEMPLATE}"},
        "dossiers": sources,
    }
    save(out / "catalog.yml", header.format(schema="../../../cchc_lib/resources/"
                                            "catalog.schema.json")
         + yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False))
    # the same records as CSV files: the catalog of an office that keeps them so (and the
    # round trip's other side: both catalogs give the same processed tables)
    csv_catalog = {"description": sample_note + "; các bảng tự theo dõi dạng CSV",
                   "include": ["../catalog.yml"],
                   **{name: {"path": file} for name, file in CSV_FILES.items()}}
    save(out / CSV_DIR / "catalog.yml", header.format(
        schema="../../../../cchc_lib/resources/catalog.schema.json")
         + yaml.safe_dump(csv_catalog, allow_unicode=True, sort_keys=False))
    written.append(_write_logbook(out, methodology))
    return sorted(written)


if __name__ == "__main__":  # pragma: no cover
    import argparse

    parser = argparse.ArgumentParser(description="Rewrite the shipped sample data (a "
                                     "development tool; deterministic, byte for byte).")
    parser.add_argument("--out", default="data/raw/sample", help="folder (default: %(default)s)")
    for p in generate(parser.parse_args().out):
        print(p)
