"""The vocabulary the workbook reads exports with, and the names of its tables: for
:mod:`cchc_lib.core.schema` (each table's Vietnamese name, the titles its columns are exported
under, the spellings that mean each code, the titles of personal data) and, through it,
:mod:`cchc_lib.core.vi`, :mod:`cchc_lib.core.catalog_schema` and the ingest stage. A leaf:
it imports nothing from the workbook."""

from __future__ import annotations

# cchc_lib.core.schema: each table's name as people read it
TABLE_LABELS_VI: dict[str, str] = {
    "dossiers": "Hồ sơ TTHC",
    "catalogue": "Danh mục TTHC",
    "units": "Đơn vị",
    "targets": "Mục tiêu",
    "plans": "Kế hoạch",
    "plan_tasks": "Nhiệm vụ của Kế hoạch",
    "calendar": "Lịch làm việc của đơn vị",
    "self_assessment": "Tự chấm điểm",
    "official_results": "Kết quả Chỉ số CCHC đã công bố",
    "plan_progress": "Tiến độ thực hiện kế hoạch",
}

# cchc_lib.core.schema: the titles (header aliases) each table's canonical columns are
# exported under, by canonical column
DOSSIERS_ALIASES: dict[str, tuple[str, ...]] = {
    "dossier_id": ("MaHoSo", "Mã hồ sơ", "Số hồ sơ", "Mã số hồ sơ"),
    "unit_code": ("MaDonVi", "DonViXuLy", "Mã đơn vị", "Đơn vị xử lý", "Đơn vị tiếp nhận"),
    "procedure_code": ("MaTTHC", "Mã TTHC", "Mã thủ tục"),
    "procedure_name": ("TenTTHC", "Tên TTHC", "Tên thủ tục", "Thủ tục hành chính"),
    "field_name": ("TenLinhVuc", "Lĩnh vực", "Tên lĩnh vực"),
    "receive_channel": ("KenhThucHien", "Kênh thực hiện", "Hình thức nộp", "Kênh tiếp nhận"),
    "return_channel": ("HinhThucTra", "HinhThuc", "Hình thức trả kết quả",
                       "Hình thức nhận kết quả"),
    "submitted_at": ("NgayNopHoSo", "Ngày nộp"),
    "received_at": ("NgayTiepNhan", "Ngày tiếp nhận", "Ngày nhận"),
    "due_at": ("NgayHenTra", "Ngày hẹn trả", "Hạn xử lý", "Hạn giải quyết"),
    "finished_at": ("NgayKetThucXuLy", "Ngày kết thúc xử lý", "Ngày hoàn thành",
                    "Ngày có kết quả"),
    "returned_at": ("NgayTra", "Ngày trả kết quả", "Ngày trả"),
    "status": ("TrangThaiHoSo", "Trạng thái", "Tình trạng"),
    "supplement_requests": ("SoLanBoSung", "Số lần bổ sung"),
    "supplement_days": ("SoNgayBoSung", "Số ngày chờ bổ sung", "Số ngày bổ sung"),
    "paid_online": ("DuocThanhToanTrucTuyen", "Thanh toán trực tuyến"),
    "digitized": ("HoSoCoThanhPhanSoHoa", "Số hóa hồ sơ", "Đã số hóa"),
    "e_result": ("KetQuaDienTu", "Kết quả điện tử"),
    "apology_issued": ("PhieuXinLoi", "Phiếu xin lỗi", "Đã xin lỗi", "Thư xin lỗi"),
}

CATALOGUE_ALIASES: dict[str, tuple[str, ...]] = {
    "procedure_code": ("MaTTHC", "Mã TTHC", "Mã thủ tục"),
    "procedure_name": ("TenTTHC", "Tên TTHC", "Tên thủ tục"),
    "field_name": ("TenLinhVuc", "Lĩnh vực", "Tên lĩnh vực"),
    "level": ("MucDo", "Mức độ", "Mức độ DVCTT", "Mức độ dịch vụ công trực tuyến"),
    "postal_enabled": ("BCCI", "Tiếp nhận/trả kết quả qua BCCI", "Qua BCCI",
                       "Bưu chính công ích"),
    "processing_days": ("ThoiHanGiaiQuyet", "Thời hạn giải quyết (ngày làm việc)",
                        "Thời hạn giải quyết", "Số ngày giải quyết"),
    "has_fee": ("PhiLePhi", "Phí, lệ phí", "Lệ phí", "Phí"),
    "unit_code": ("MaDonVi", "Mã đơn vị"),
    "valid_from": ("HieuLucTu", "Hiệu lực từ", "Áp dụng từ"),
    "valid_to": ("HieuLucDen", "Hiệu lực đến", "Áp dụng đến"),
}

UNITS_ALIASES: dict[str, tuple[str, ...]] = {
    "unit_code": ("MaDonVi", "Mã đơn vị"),
    "unit_name": ("TenDonVi", "Tên đơn vị"),
    "parent_code": ("MaDonViCha", "Mã đơn vị cấp trên"),
    "parent_name": ("TenDonViCha", "Tên đơn vị cấp trên"),
}

TARGETS_ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("Chỉ tiêu", "Mã chỉ tiêu"),
    "target": ("Mục tiêu",),
    "unit_code": ("Mã đơn vị",),
    "year": ("Năm",),
    "source": ("Căn cứ", "Nguồn"),
}

PLANS_ALIASES: dict[str, tuple[str, ...]] = {
    "plan_id": ("Mã kế hoạch",),
    "unit_code": ("Mã đơn vị", "Đơn vị"),
    "number": ("Số", "Số hiệu", "Số kế hoạch"),
    "date": ("Ngày", "Ngày ban hành"),
    "issuer": ("Cơ quan ban hành", "Đơn vị ban hành"),
    "title": ("Trích yếu", "Tên kế hoạch"),
    "year": ("Năm",),
    "signing": ("Thẩm quyền ký", "Ký thay mặt"),
    "signer_title": ("Chức vụ người ký", "Chức vụ"),
    "signer_name": ("Người ký", "Họ tên người ký"),
}

PLAN_TASKS_ALIASES: dict[str, tuple[str, ...]] = {
    "task_id": ("TT", "STT", "Mã nhiệm vụ"),
    "section": ("Mục", "Phần"),
    "section_title": ("Tên mục",),
    "task": ("Nhiệm vụ và giải pháp", "Nhiệm vụ"),
    "lead": ("Công chức chủ trì", "Chủ trì"),
    "coordinators": ("Công chức phối hợp", "Phối hợp"),
    "timeframe": ("Thời gian thực hiện", "Thời gian"),
    "indicators": ("Chỉ tiêu liên quan", "indicator"),
    "plan_id": ("Mã kế hoạch",),
}

CALENDAR_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("Ngày", "Ngày tháng"),
    "kind": ("Loại", "Loại ngày"),
    "note": ("Ghi chú", "Lý do"),
}

SELF_ASSESSMENT_ALIASES: dict[str, tuple[str, ...]] = {
    "unit_code": ("Mã đơn vị", "Đơn vị"),
    "year": ("Năm",),
    "criterion_id": ("Mã tiêu chí", "Tiêu chí", "TT"),
    "points": ("Điểm tự chấm", "Điểm"),
    "evidence": ("Tài liệu kiểm chứng", "Minh chứng"),
    "note": ("Ghi chú",),
}

OFFICIAL_RESULTS_ALIASES: dict[str, tuple[str, ...]] = {
    "year": ("Năm",),
    "unit_code": ("Mã đơn vị", "Đơn vị"),
    "criterion_id": ("Mã tiêu chí", "Tiêu chí"),
    "points": ("Điểm", "Điểm thẩm định"),
}

PLAN_PROGRESS_ALIASES: dict[str, tuple[str, ...]] = {
    "task_id": ("Mã nhiệm vụ", "TT", "Nhiệm vụ"),
    "date": ("Ngày", "Ngày cập nhật"),
    "status": ("Tình trạng", "Trạng thái"),
    "note": ("Ghi chú", "Nội dung"),
    "evidence": ("Tài liệu kiểm chứng", "Minh chứng", "Văn bản"),
    "cause": ("Nguyên nhân", "Nguyên nhân chậm", "Lý do", "Khó khăn, vướng mắc"),
}

# cchc_lib.core.schema: DVCQG exports mark an electronic result by a result code plus a file
# path; both present means e_result (data_contract.md §1). These raw columns are read only for
# that.
E_RESULT_PARTS = ("MaKetQua", "DuongDanTepTinKetQua")

# cchc_lib.core.schema: the spellings of a plan task's progress
TASK_STATUSES: dict[str, tuple[str, ...]] = {
    "not_started": ("Chưa thực hiện", "Chưa triển khai"),
    "in_progress": ("Đang thực hiện", "Đang triển khai"),
    "done": ("Hoàn thành", "Đã hoàn thành", "Đã thực hiện"),
    "blocked": ("Vướng mắc", "Khó khăn, vướng mắc", "Chậm"),
}

# cchc_lib.core.schema: headers that hold personal data (data_contract.md §1): dropped at
# ingest, never read. A header is personal when its match key contains one of these keys.
PERSONAL_ALIASES = (
    "ChuHoSo", "Chủ hồ sơ", "Người nộp", "Họ tên", "Họ và tên", "Tên công dân",
    "Tên cá nhân", "Tên tổ chức", "Người ủy quyền", "Người liên lạc", "Applicant", "FullName",
    "SoDinhDanh", "Định danh", "CCCD", "CMND", "Số giấy tờ", "Hộ chiếu", "Mã đối tượng",
    "SoDienThoai", "Điện thoại", "SĐT", "TelNo", "Phone", "Mobile", "Email", "Thư điện tử",
    "Zalo",
    "DiaChi", "Địa chỉ", "Nơi cư trú", "Hộ khẩu", "HKTT", "Thường trú",
    "Ngày sinh", "NgaySinh", "Năm sinh",
)

# cchc_lib.core.schema: code vocabularies, canonical code -> the spellings that mean it
STATUS_CODES: dict[str, tuple[str, ...]] = {
    "registered": ("1", "Mới đăng ký", "Đăng ký mới", "Chờ tiếp nhận"),
    "received": ("2", "Được tiếp nhận", "Đã tiếp nhận", "Tiếp nhận"),
    "not_accepted": ("3", "Không được tiếp nhận", "Từ chối tiếp nhận", "Không tiếp nhận"),
    "processing": ("4", "Đang xử lý", "Đang giải quyết"),
    "supplement_requested": ("5", "Yêu cầu bổ sung giấy tờ", "Yêu cầu bổ sung", "Chờ bổ sung"),
    "awaiting_payment": ("6", "Yêu cầu thực hiện nghĩa vụ tài chính",
                         "Chờ thực hiện nghĩa vụ tài chính"),
    "withdrawn": ("7", "Công dân yêu cầu rút hồ sơ", "Rút hồ sơ", "Đã rút hồ sơ"),
    "stopped": ("8", "Dừng xử lý", "Đã dừng xử lý"),
    "resolved": ("9", "Đã xử lý xong", "Đã giải quyết", "Hoàn thành", "Đã có kết quả"),
    "returned": ("10", "Đã trả kết quả", "Đã trả"),
}

RECEIVE_CHANNELS: dict[str, tuple[str, ...]] = {
    "direct": ("1", "Trực tiếp", "Tại bộ phận một cửa", "Nộp trực tiếp"),
    "online": ("2", "Trực tuyến", "Dịch vụ công trực tuyến", "Qua mạng", "Nộp trực tuyến"),
    "postal": ("3", "Qua bưu chính công ích", "Bưu chính công ích", "Qua BCCI", "BCCI",
               "Bưu chính", "Qua bưu điện"),
}

RETURN_CHANNELS: dict[str, tuple[str, ...]] = {
    "direct": ("0", "Trực tiếp", "Tại bộ phận một cửa", "Nhận trực tiếp"),
    "postal": ("1", "Qua BCCI", "BCCI", "Bưu chính", "Bưu chính công ích",
               "Qua bưu chính công ích", "Qua bưu điện"),
    "online": ("Trực tuyến", "Điện tử", "Trả kết quả điện tử", "Qua mạng"),
}

LEVELS: dict[str, tuple[str, ...]] = {
    "info": ("2", "Mức độ 2", "Cung cấp thông tin", "DVC cung cấp thông tin", "Thông tin"),
    "partial": ("3", "Mức độ 3", "Một phần", "DVC trực tuyến một phần", "Trực tuyến một phần"),
    "full": ("4", "Mức độ 4", "Toàn trình", "DVC trực tuyến toàn trình", "Trực tuyến toàn trình"),
}

DAY_KINDS: dict[str, tuple[str, ...]] = {
    "off": ("Nghỉ", "Ngày nghỉ", "Nghỉ bù", "Nghỉ thêm", "Nghỉ lễ"),
    "working": ("Làm bù", "Ngày làm bù", "Làm việc", "Đi làm"),
}

FLAGS: dict[bool, tuple[str, ...]] = {
    True: ("1", "2", "Có", "x", "X", "true", "yes", "y", "Đã", "Đúng", "v", "✓"),
    False: ("0", "Không", "false", "no", "n", "Chưa", "Sai", "-"),
}

# --------------------------------------------------------------------------------------
# cchc_lib.core.codes: the key words each code is read by, by family. Words are folded (no
# diacritics, "đ" -> "d", lower case); \b marks a word boundary.
# --------------------------------------------------------------------------------------

# words that say a value is not known
UNCLEAR_WORDS = r"\b(khong|chua) (ro|xac dinh|biet)\b|\bunknown\b|^n ?a$"

# the channels (receive_channel, return_channel)
POSTAL_WORDS = (r"buu chinh", r"bcci", r"buu dien", r"vn ?post", r"chuyen phat", r"\bpostal\b",
                r"\bpost\b", r"qua duong buu")
ONLINE_WORDS = (r"truc tuyen", r"dien tu", r"qua mang", r"\bmang internet\b", r"\binternet\b",
                r"\bonline\b", r"cong (dvc|dich vu cong|thong tin)", r"dich vu cong", r"\bdvc",
                r"\bdvcqg\b", r"\bvneid\b", r"\bemail\b", r"\be ?mail\b", r"thu dien tu",
                r"ung dung", r"tai khoan", r"\bweb", r"\btt ?tuyen\b", r"\bttuyen\b")
DIRECT_WORDS = (r"truc tiep", r"mot cua", r"tai tru so", r"tai bo phan", r"tai quay", r"\bquay\b",
                r"offline", r"tai cho", r"tai (ubnd|uy ban)", r"bo phan tiep nhan",
                r"\btn ?(va )?tkq\b", r"\btiep nhan va tra ket qua\b", r"\bttiep\b",
                r"\btt ?tiep\b", r"\bden nhan\b", r"nhan tai", r"nop tai", r"\bdirect\b")
# "TT" is what both trực tiếp and trực tuyến are shortened to: it names both
TT_WORDS = r"^tt$"
CHANNEL_RULES: dict[str, tuple[str, ...]] = {
    "postal": POSTAL_WORDS, "online": (*ONLINE_WORDS, TT_WORDS),
    "direct": (*DIRECT_WORDS, TT_WORDS),
}

# not after "chưa", "chờ", "không" (not yet, waiting for, not)
NOT_YET = r"(?<!chua )(?<!cho )(?<!khong )"

STATUS_RULES: dict[str, tuple[str, ...]] = {
    "registered": (r"moi dang ky", r"dang ky moi", r"cho tiep nhan", r"chua tiep nhan",
                   r"^moi$", r"^ho so moi$", r"moi nop", r"\bnop moi\b", r"\bregistered\b"),
    "received": (r"tiep nhan", r"da nhan ho so", r"\breceived\b"),
    "not_accepted": (r"khong (duoc )?tiep nhan", r"tu choi", r"khong du dieu kien",
                     r"\brejected\b", r"not accepted"),
    "processing": (r"dang (xu ly|giai quyet|thu ly|tham dinh|thuc hien|trinh)",
                   r"cho (xu ly|phe duyet|duyet|ky|tham dinh|giai quyet)",
                   r"chuyen (xu ly|phong|bo phan|chuyen mon)", r"trinh ky",
                   r"\bprocessing\b", r"\bin progress\b", r"\bdxl\b"),
    "supplement_requested": (r"bo sung", r"hoan thien ho so", r"\bsupplement"),
    "awaiting_payment": (r"nghia vu tai chinh", r"cho (thanh toan|nop (le )?phi|nop thue)",
                         r"\bnvtc\b", r"\bpayment\b"),
    "withdrawn": (r"\brut\b", r"\bwithdrawn\b"),
    "stopped": (r"\bdung (xu ly|giai quyet|thuc hien)\b", r"^(da )?dung$", r"tam dung",
                r"\bstopped\b"),
    "resolved": (r"\bda (xu ly|giai quyet|co ket qua|duyet)\b", r"xu ly xong",
                 r"giai quyet xong", NOT_YET + r"hoan thanh", r"co ket qua",
                 r"cho tra (ket qua|kq)", r"\bresolved\b", r"\bdone\b", r"\bxong\b"),
    "returned": (NOT_YET + r"\bda tra\b", NOT_YET + r"\btra (ket qua|kq)\b",
                 r"\bda giao (ket qua|kq)\b", r"cong dan da nhan", r"\breturned\b"),
}

LEVEL_RULES: dict[str, tuple[str, ...]] = {
    "info": (r"\bmuc(?: do)? ?[12]\b", r"\bmd ?[12]\b", r"thong tin",
             r"(khong|chua) (cung cap )?(dvc )?truc tuyen", r"\bdvc ?cung cap\b"),
    "partial": (r"\bmuc(?: do)? ?3\b", r"\bmd ?3\b", r"mot phan", r"\bpartial\b"),
    "full": (r"\bmuc(?: do)? ?4\b", r"\bmd ?4\b", r"toan trinh", r"\bfull\b"),
}

FLAG_RULES: dict[bool, tuple[str, ...]] = {
    True: (r"^co\b", r"(?<!khong )(?<!chua )\bco$", r"^da\b", r"(?<!khong )\bdung\b",
           r"\byes\b", r"^y$", r"\btrue\b", r"^x$", r"^v$", r"^ok$", r"^roi$"),
    False: (r"\bkhong\b", r"\bchua\b", r"\bno\b", r"^n$", r"\bfalse\b", r"\bsai\b",
            r"\bmien\b"),
}

DAY_KIND_RULES: dict[str, tuple[str, ...]] = {
    "off": (r"\bnghi\b", r"\ble\b", r"\btet\b", r"\bholiday\b", r"day off"),
    "working": (r"\blam (viec )?bu\b", r"\bdi lam\b", r"\bngay lam viec\b",
                r"^lam viec\b", r"\bworking\b", r"\bwork day\b"),
}

TASK_STATUS_RULES: dict[str, tuple[str, ...]] = {
    "not_started": (r"chua (thuc hien|trien khai|bat dau|lam)", r"^chua$"),
    "in_progress": (r"dang (thuc hien|trien khai|lam)", r"^dang$", r"chua hoan thanh",
                    r"\bin progress\b"),
    "done": (NOT_YET + r"hoan thanh", r"\bda (thuc hien|trien khai|xong)\b",
             r"^xong$", r"\bdone\b"),
    "blocked": (r"vuong mac", r"kho khan", r"\bcham\b", r"\bblocked\b"),
}

# --------------------------------------------------------------------------------------
# cchc_lib.core.units and cchc_lib.core.timeframes: words read from the units' names and the
# plans' time frames, folded
# --------------------------------------------------------------------------------------

# what an export may write before a unit's name: "UBND Phường 2", "Ủy ban nhân dân xã Hải Lệ"
UNIT_NAME_PREFIXES = ("ubnd ", "uy ban nhan dan ", "bo phan mot cua ", "bo phan tiep nhan va tra "
                      "ket qua ")

# a plan task's time frame, its words folded and between spaces: "Thường xuyên", "Quý II/2022",
# "Trước 30/9/2022"; \b marks a word boundary
TIMEFRAME_ONGOING_WORDS = ("thuong xuyen", "hang thang", " ca nam ")  # reviewed monthly
TIMEFRAME_WHOLE_YEAR = r" (trong|ca|het) nam "  # "Trong năm", "Trong năm 2022"
TIMEFRAME_BEFORE = " truoc "
TIMEFRAME_QUARTER = r"quy (iv|iii|ii|i|[1-4])\b"
TIMEFRAME_FIRST_HALF = "6 thang dau"
TIMEFRAME_SECOND_HALF = "6 thang cuoi"
TIMEFRAME_MONTH = r"thang (\d{1,2})\b"
TIMEFRAME_YEAR = r"\bnam (20\d\d)\b"

__all__ = [
    "CALENDAR_ALIASES", "CATALOGUE_ALIASES", "CHANNEL_RULES", "DAY_KINDS", "DAY_KIND_RULES",
    "DIRECT_WORDS", "DOSSIERS_ALIASES", "E_RESULT_PARTS", "FLAGS", "FLAG_RULES", "LEVELS",
    "LEVEL_RULES", "NOT_YET", "OFFICIAL_RESULTS_ALIASES", "ONLINE_WORDS", "PERSONAL_ALIASES",
    "PLANS_ALIASES", "PLAN_PROGRESS_ALIASES", "PLAN_TASKS_ALIASES", "POSTAL_WORDS",
    "RECEIVE_CHANNELS", "RETURN_CHANNELS", "SELF_ASSESSMENT_ALIASES", "STATUS_CODES",
    "STATUS_RULES", "TABLE_LABELS_VI", "TARGETS_ALIASES", "TASK_STATUSES", "TASK_STATUS_RULES",
    "TIMEFRAME_BEFORE", "TIMEFRAME_FIRST_HALF", "TIMEFRAME_MONTH", "TIMEFRAME_ONGOING_WORDS",
    "TIMEFRAME_QUARTER", "TIMEFRAME_SECOND_HALF", "TIMEFRAME_WHOLE_YEAR", "TIMEFRAME_YEAR",
    "TT_WORDS", "UNCLEAR_WORDS", "UNITS_ALIASES", "UNIT_NAME_PREFIXES",
]
