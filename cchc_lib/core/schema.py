"""Canonical tables, code vocabularies, header aliases and indicator labels.

Data, not logic: every column name, alias, code and Vietnamese label used by the
workbook is declared here once (see ``../shared/spec/data_contract.md``). Matching
of headers and text codes goes through :func:`cchc_lib.core.text.match_key`, so the
aliases below match with or without diacritics, in any case, NFC or NFD.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------
# Column declarations
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One canonical column: its name, parser kind, whether required, and header aliases."""

    name: str
    kind: str  # a key of cchc_lib.ingest.parsers.PARSERS
    required: bool = False
    aliases: tuple[str, ...] = ()
    vocabulary: str | None = None  # for kind "code": a key of VOCABULARIES


@dataclass(frozen=True)
class Table:
    name: str
    label_vi: str
    columns: tuple[Column, ...]
    derived: dict[str, str] = field(default_factory=dict)  # extra output column -> dtype

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def __reduce__(self):  # one object per table, in a worker process too (``is`` holds)
        return (table_named, (self.name,))


def table_named(name: str) -> Table:
    """The table declared under ``name``."""
    return TABLES[name]


DOSSIERS = Table(
    name="dossiers",
    label_vi="Hồ sơ TTHC",
    columns=(
        Column("dossier_id", "text", True, ("MaHoSo", "Mã hồ sơ", "Số hồ sơ", "Mã số hồ sơ")),
        # required, but may come from the data catalog when an export holds one unit
        Column("unit_code", "text", True,
               ("MaDonVi", "DonViXuLy", "Mã đơn vị", "Đơn vị xử lý", "Đơn vị tiếp nhận")),
        Column("procedure_code", "procedure_code", True, ("MaTTHC", "Mã TTHC", "Mã thủ tục")),
        Column("procedure_name", "text", False,
               ("TenTTHC", "Tên TTHC", "Tên thủ tục", "Thủ tục hành chính")),
        Column("field_name", "text", False, ("TenLinhVuc", "Lĩnh vực", "Tên lĩnh vực")),
        Column("receive_channel", "code", True,
               ("KenhThucHien", "Kênh thực hiện", "Hình thức nộp", "Kênh tiếp nhận"),
               vocabulary="receive_channel"),
        Column("return_channel", "code", False,
               ("HinhThucTra", "HinhThuc", "Hình thức trả kết quả", "Hình thức nhận kết quả"),
               vocabulary="return_channel"),
        Column("submitted_at", "datetime", False, ("NgayNopHoSo", "Ngày nộp")),
        Column("received_at", "datetime", True, ("NgayTiepNhan", "Ngày tiếp nhận", "Ngày nhận")),
        Column("due_at", "datetime", False,
               ("NgayHenTra", "Ngày hẹn trả", "Hạn xử lý", "Hạn giải quyết")),
        Column("finished_at", "datetime", False,
               ("NgayKetThucXuLy", "Ngày kết thúc xử lý", "Ngày hoàn thành", "Ngày có kết quả")),
        Column("returned_at", "datetime", False, ("NgayTra", "Ngày trả kết quả", "Ngày trả")),
        Column("status", "code", True, ("TrangThaiHoSo", "Trạng thái", "Tình trạng"),
               vocabulary="status"),
        Column("supplement_requests", "count", False, ("SoLanBoSung", "Số lần bổ sung")),
        Column("supplement_days", "amount", False,
               ("SoNgayBoSung", "Số ngày chờ bổ sung", "Số ngày bổ sung")),
        Column("paid_online", "flag", False, ("DuocThanhToanTrucTuyen", "Thanh toán trực tuyến")),
        Column("digitized", "flag", False, ("HoSoCoThanhPhanSoHoa", "Số hóa hồ sơ", "Đã số hóa")),
        Column("e_result", "flag", False, ("KetQuaDienTu", "Kết quả điện tử")),
        Column("apology_issued", "flag", False,
               ("PhieuXinLoi", "Phiếu xin lỗi", "Đã xin lỗi", "Thư xin lỗi")),
    ),
    derived={
        "due_derived": "bool",  # due_at computed from the catalogue (data_contract.md §1 **)
        "unknown_procedure": "bool",  # procedure_code not in the catalogue: kept and flagged
    },
)

# Optional dossier columns the procedure catalogue gives when an export lacks them (its name and
# field, always; the due date, worked out from the processing days and flagged due_derived):
# an export without them is not missing what they measure.
FROM_CATALOGUE = ("procedure_name", "field_name")

# DVCQG exports mark an electronic result by a result code plus a file path; both present
# means e_result (data_contract.md §1). These raw columns are read only for that.
E_RESULT_PARTS = ("MaKetQua", "DuongDanTepTinKetQua")

CATALOGUE = Table(
    name="catalogue",
    label_vi="Danh mục TTHC",
    columns=(
        Column("procedure_code", "procedure_code", True, ("MaTTHC", "Mã TTHC", "Mã thủ tục")),
        Column("procedure_name", "text", True, ("TenTTHC", "Tên TTHC", "Tên thủ tục")),
        Column("field_name", "text", True, ("TenLinhVuc", "Lĩnh vực", "Tên lĩnh vực")),
        Column("level", "code", True,
               ("MucDo", "Mức độ", "Mức độ DVCTT", "Mức độ dịch vụ công trực tuyến"),
               vocabulary="level"),
        Column("postal_enabled", "flag", True,
               ("BCCI", "Tiếp nhận/trả kết quả qua BCCI", "Qua BCCI", "Bưu chính công ích")),
        Column("processing_days", "amount", True,
               ("ThoiHanGiaiQuyet", "Thời hạn giải quyết (ngày làm việc)",
                "Thời hạn giải quyết", "Số ngày giải quyết")),
        Column("has_fee", "fee", False, ("PhiLePhi", "Phí, lệ phí", "Lệ phí", "Phí")),
        Column("unit_code", "text", False, ("MaDonVi", "Mã đơn vị")),
        Column("valid_from", "datetime", False, ("HieuLucTu", "Hiệu lực từ", "Áp dụng từ")),
        Column("valid_to", "datetime", False, ("HieuLucDen", "Hiệu lực đến", "Áp dụng đến")),
    ),
)

UNITS = Table(
    name="units",
    label_vi="Đơn vị",
    columns=(
        Column("unit_code", "text", True, ("MaDonVi", "Mã đơn vị")),
        Column("unit_name", "text", True, ("TenDonVi", "Tên đơn vị")),
        Column("parent_code", "text", False, ("MaDonViCha", "Mã đơn vị cấp trên")),
        Column("parent_name", "text", False, ("TenDonViCha", "Tên đơn vị cấp trên")),
    ),
)

TARGETS = Table(
    name="targets",
    label_vi="Mục tiêu",
    columns=(
        Column("indicator", "text", True, ("Chỉ tiêu", "Mã chỉ tiêu")),
        Column("target", "amount", True, ("Mục tiêu",)),
        Column("unit_code", "text", False, ("Mã đơn vị",)),  # blank = every unit
        Column("year", "count", False, ("Năm",)),  # blank = every year
        Column("source", "text", False, ("Căn cứ", "Nguồn")),
    ),
)

PLANS = Table(
    name="plans",
    label_vi="Kế hoạch",
    columns=(
        Column("plan_id", "text", True, ("Mã kế hoạch",)),
        Column("unit_code", "text", True, ("Mã đơn vị", "Đơn vị")),
        Column("number", "text", True, ("Số", "Số hiệu", "Số kế hoạch")),
        Column("date", "datetime", False, ("Ngày", "Ngày ban hành")),
        Column("issuer", "text", False, ("Cơ quan ban hành", "Đơn vị ban hành")),
        Column("title", "text", False, ("Trích yếu", "Tên kế hoạch")),
        Column("year", "count", True, ("Năm",)),
    ),
)

PLAN_TASKS = Table(
    name="plan_tasks",
    label_vi="Nhiệm vụ của Kế hoạch",
    columns=(
        Column("task_id", "text", True, ("TT", "STT", "Mã nhiệm vụ")),
        Column("section", "text", True, ("Mục", "Phần")),
        Column("section_title", "text", False, ("Tên mục",)),
        Column("task", "text", True, ("Nhiệm vụ và giải pháp", "Nhiệm vụ")),
        Column("lead", "text", True, ("Công chức chủ trì", "Chủ trì")),
        Column("coordinators", "text", False, ("Công chức phối hợp", "Phối hợp")),
        Column("timeframe", "text", True, ("Thời gian thực hiện", "Thời gian")),
        # indicator ids separated by ";", their targets live in the targets file
        Column("indicators", "text", False, ("Chỉ tiêu liên quan", "indicator")),
        Column("plan_id", "text", False, ("Mã kế hoạch",)),  # blank: the only plan
    ),
)

CALENDAR = Table(
    name="calendar",
    label_vi="Lịch làm việc của đơn vị",
    columns=(
        Column("date", "datetime", True, ("Ngày", "Ngày tháng")),
        Column("kind", "code", True, ("Loại", "Loại ngày"), vocabulary="day_kind"),
        Column("note", "text", False, ("Ghi chú", "Lý do")),
    ),
)

SELF_ASSESSMENT = Table(
    name="self_assessment",
    label_vi="Tự chấm điểm",
    columns=(
        Column("unit_code", "text", True, ("Mã đơn vị", "Đơn vị")),
        Column("year", "count", True, ("Năm",)),
        Column("criterion_id", "text", True, ("Mã tiêu chí", "Tiêu chí", "TT")),
        Column("points", "amount", True, ("Điểm tự chấm", "Điểm")),
        Column("evidence", "text", False, ("Tài liệu kiểm chứng", "Minh chứng")),
        Column("note", "text", False, ("Ghi chú",)),
    ),
)

OFFICIAL_RESULTS = Table(
    name="official_results",
    label_vi="Kết quả Chỉ số CCHC đã công bố",
    columns=(
        Column("year", "count", True, ("Năm",)),
        Column("unit_code", "text", True, ("Mã đơn vị", "Đơn vị")),
        Column("criterion_id", "text", True, ("Mã tiêu chí", "Tiêu chí")),
        Column("points", "amount", True, ("Điểm", "Điểm thẩm định")),
    ),
)

PLAN_PROGRESS = Table(
    name="plan_progress",
    label_vi="Tiến độ thực hiện kế hoạch",
    columns=(
        Column("task_id", "text", True, ("Mã nhiệm vụ", "TT", "Nhiệm vụ")),
        Column("date", "datetime", True, ("Ngày", "Ngày cập nhật")),
        Column("status", "code", True, ("Tình trạng", "Trạng thái"), vocabulary="task_status"),
        Column("note", "text", False, ("Ghi chú", "Nội dung")),
        Column("evidence", "text", False, ("Tài liệu kiểm chứng", "Minh chứng", "Văn bản")),
    ),
)

TASK_STATUSES: dict[str, tuple[str, ...]] = {
    "not_started": ("Chưa thực hiện", "Chưa triển khai"),
    "in_progress": ("Đang thực hiện", "Đang triển khai"),
    "done": ("Hoàn thành", "Đã hoàn thành", "Đã thực hiện"),
    "blocked": ("Vướng mắc", "Khó khăn, vướng mắc", "Chậm"),
}

TABLES: dict[str, Table] = {t.name: t for t in (DOSSIERS, CATALOGUE, UNITS, TARGETS, PLANS,
                                                PLAN_TASKS,
                                                CALENDAR, SELF_ASSESSMENT, OFFICIAL_RESULTS,
                                                PLAN_PROGRESS)}

# Headers that hold personal data (data_contract.md §1): dropped at ingest, never read.
# A header is personal when its match key contains one of these keys.
PERSONAL_ALIASES = (
    "ChuHoSo", "Chủ hồ sơ", "Người nộp", "Họ tên", "Họ và tên", "Tên công dân",
    "Tên cá nhân", "Tên tổ chức", "Người ủy quyền", "Người liên lạc", "Applicant", "FullName",
    "SoDinhDanh", "Định danh", "CCCD", "CMND", "Số giấy tờ", "Hộ chiếu", "Mã đối tượng",
    "SoDienThoai", "Điện thoại", "SĐT", "TelNo", "Phone", "Mobile", "Email", "Thư điện tử",
    "Zalo",
    "DiaChi", "Địa chỉ", "Nơi cư trú", "Hộ khẩu", "HKTT", "Thường trú",
    "Ngày sinh", "NgaySinh", "Năm sinh",
)

# --------------------------------------------------------------------------------------
# Code vocabularies: canonical code -> the spellings that mean it
# --------------------------------------------------------------------------------------

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

VOCABULARIES: dict[str, dict] = {
    "status": STATUS_CODES,
    "receive_channel": RECEIVE_CHANNELS,
    "return_channel": RETURN_CHANNELS,
    "level": LEVELS,
    "flag": FLAGS,
    "day_kind": DAY_KINDS,
    "task_status": TASK_STATUSES,
}

# --------------------------------------------------------------------------------------
# Status groups (indicators.md, "Periods")
# --------------------------------------------------------------------------------------

NOT_ACCEPTED_STATUSES = frozenset({"registered", "not_accepted"})
ENDED_STATUSES = frozenset({"resolved", "returned", "withdrawn", "stopped"})
RESOLVED_STATUSES = frozenset({"resolved", "returned"})
ONLINE_LEVELS = frozenset({"partial", "full"})
# How far a dossier has progressed, to keep the most advanced of duplicate rows.
STATUS_PROGRESS = {
    "registered": 0, "not_accepted": 1, "received": 2, "processing": 3,
    "supplement_requested": 4, "awaiting_payment": 5, "withdrawn": 6, "stopped": 6,
    "resolved": 7, "returned": 8,
}

# Indicator ids, labels, targets and points: cchc_lib.core.indicator_registry (one record each).


# The dtype each column kind is stored as (ingest parses into it, pandera checks it).
KIND_DTYPES = {"text": "string", "procedure_code": "string", "code": "string",
               "flag": "boolean", "datetime": "datetime64[us]", "count": "Int64",
               "amount": "Float64", "fee": "boolean"}

# Quarantine reasons are written "reason:column", several joined by this separator.
REASON_SEP = "; "

# Reasons a row is quarantined, with the Vietnamese text the data-quality report shows.
