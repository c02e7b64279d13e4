"""Vietnamese display strings: every fixed word a report, a form, a message or the quarantine
shows for a code, in one place (indicator names and labels are the indicator registry's,
:mod:`cchc_lib.core.indicator_registry`). Administrative register, with diacritics."""

from __future__ import annotations

import errno

from cchc_lib.core.schema import DOSSIERS, STATUS_CODES

# ---- codes of the dossier data ---------------------------------------------------------
CHANNEL_LABELS_VI = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính công ích"}
LEVEL_LABELS_VI = {"info": "Cung cấp thông tin", "partial": "Một phần", "full": "Toàn trình"}
STATUS_LABELS_VI = {code: spellings[1] for code, spellings in STATUS_CODES.items()}
UNKNOWN_FIELD_VI = "Chưa xác định lĩnh vực"
TOTAL_ROW_VI = "Tổng cộng"
NOT_APPLICABLE_VI = "không áp dụng"
MET_VI = {True: "Đạt", False: "Chưa đạt", None: "—"}

# ---- ingest: why a row was set aside, and rows that are not data ---------------------
QUARANTINE_REASONS_VI: dict[str, str] = {
    "missing": "Thiếu giá trị bắt buộc",
    "bad_date": "Ngày tháng không đọc được",
    "ambiguous_date": "Ngày tháng có thể hiểu theo hai cách (ngày/tháng hoặc tháng/ngày)",
    "implausible_year": "Năm không thể có (trước năm 2015 hoặc sau năm tới)",
    "implausible_date": "Ngày tháng không thể có (trước năm 2015 hoặc sau ngày xuất dữ liệu)",
    "bad_code": "Mã không hợp lệ",
    "bad_number": "Số không hợp lệ",
    "received_after_finished": "Ngày tiếp nhận sau ngày kết thúc xử lý",
    "due_before_received": "Ngày hẹn trả trước ngày tiếp nhận",
    "status_without_end_date": "Trạng thái đã kết thúc nhưng không có ngày kết thúc",
    "duplicate": "Mã bị trùng",
    "conflicting_duplicate": "Một mã khai hai lần với nội dung khác nhau",
    "unknown_criterion": "Tiêu chí không có trong bộ chỉ số",
    "unknown_task": "Nhiệm vụ không có trong kế hoạch",
    "above_maximum": "Điểm tự chấm cao hơn điểm tối đa của tiêu chí",
    "not_self_assessed": "Tiêu chí không tự chấm (tính từ dữ liệu hồ sơ, hoặc là nhóm tiêu chí)",
    "outside_plan_year": "Ngày cập nhật ngoài năm của kế hoạch",
    "evidence_outside": "Tệp minh chứng nằm ngoài thư mục data/evidence (không nhận)",
    "unknown_unit": "Mã đơn vị không có trong danh sách đơn vị",
    "bad_timeframe": "Thời gian thực hiện không đọc được",
    "wrong_field_count": "Dòng có số cột khác tiêu đề (dấu phân cách trong nội dung)",
}
NON_DATA_REASONS_VI = {
    "blank": "Dòng trống",
    "not_filled": "Dòng lập sẵn chưa điền (tiêu chí chưa chấm, kế hoạch chưa ghi số)",
    "column_numbers": "Dòng đánh số cột (1), (2), …",
    "totals": "Dòng tổng cộng",
    "incomplete_sheet": "Trang tính thiếu cột bắt buộc (không đọc)",
    "header": "Dòng tiêu đề lặp lại giữa danh sách",
    "sub_header": "Dòng tiêu đề phụ dưới tiêu đề nhóm",
    "no_header": "Trang tính không có dòng tiêu đề và không nối tiếp trang trước (không đọc)",
    "empty_sheet": "Trang tính trống",
    "section": "Dòng tên nhóm (I, II, … hoặc tên lĩnh vực) trong danh sách chia nhóm",
    "page": "Dòng đầu trang lặp lại (số trang, tên danh sách)",
    "footer": "Dòng chân danh sách (người lập biểu, ký tên, ngày tháng, số trang)",
}
LEGACY_NAMES_VI = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# a late dossier: resolved late in the period, or still open past its due day
LATE_KIND_VI = {"resolved_late": "Đã giải quyết, quá hạn",
                "pending_overdue": "Đang giải quyết, quá hạn"}

# ---- indicators, the PAR score and the plan's tasks -----------------------------------
VERDICTS_VI = {"met": "Dự kiến đạt", "unsure": "Chưa chắc đạt", "missed": "Khó đạt",
               "no_data": "Chưa đủ số liệu để dự báo", "no_target": "—", "final": "Cả năm"}
# the status of a plan task as of a day
TASK_STATUS_VI = {"done": "Hoàn thành", "not_due": "Chưa đến hạn", "overdue": "Quá hạn",
             "no_update": "Không cập nhật quá 1 tháng", "at_risk": "Có nguy cơ không đạt",
             "on_track": "Đúng tiến độ"}
# where a criterion's points come from
POINTS_SOURCE_VI = {"indicator": "Tính từ dữ liệu", "manual": "Tự chấm", "survey": "Điều tra XHH",
             "sum": ""}

# a criterion's evidence, as the checklist for the Home Affairs office says it
EVIDENCE_STATUS_VI = {"missing": "Còn thiếu", "file_missing": "Thiếu tệp minh chứng",
                      "not_scored": "Chưa tự chấm",
                      "attached": "Đã có", "zero": "Không có điểm tự chấm",
                      "data": "Tự tính từ dữ liệu hồ sơ",
                      "no_data": "Không chấm điểm: không có số liệu"}
EVIDENCE_FROM_DATA_VI = "Số liệu hồ sơ trên Hệ thống thông tin giải quyết TTHC"
EVIDENCE_UNNAMED_VI = "(bộ chỉ số chưa ghi)"
NO_OWNER_VI = "chưa phân công"

# ---- the command line: what the operating system refused, and what to do ------------
OS_HINTS_VI = {
    errno.EACCES: "không có quyền: kiểm tra quyền đọc/ghi của thư mục",
    errno.EPERM: "không được phép: kiểm tra quyền đọc/ghi của thư mục",
    errno.EROFS: "ổ đĩa chỉ đọc: chọn thư mục khác (--reports, --out, --data)",
    errno.ENOSPC: "ổ đĩa đã đầy: giải phóng chỗ trống rồi chạy lại",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục: sửa đường dẫn",
    errno.EISDIR: "đây là thư mục, cần một tệp: sửa đường dẫn",
    errno.ELOOP: "vòng lặp liên kết tượng trưng (symlink): sửa liên kết",
    errno.ENOENT: "không tìm thấy: kiểm tra đường dẫn",
}


def os_problem_vi(exc: OSError) -> str:
    """An operating-system refusal as one line naming the file and what to do."""
    where = exc.filename or ""
    hint = (OS_HINTS_VI.get(exc.errno) if exc.errno is not None else None) or \
        exc.strerror or type(exc).__name__
    return f"{where}: {hint}" if where else hint

# ---- the data catalog: what each source is (its JSON Schema and messages say it) ----
CATALOG_SOURCES_VI: dict[str, str] = {
    "units": "Tệp danh sách đơn vị (mã, tên, đơn vị cấp trên). Bắt buộc, ở đây hoặc trong "
             "danh mục được include.",
    "catalogue": "Tệp danh mục TTHC (mã, tên, lĩnh vực, mức độ, BCCI, thời hạn giải quyết). "
                 "Bắt buộc, ở đây hoặc trong danh mục được include.",
    "targets": "Tệp mục tiêu của các chỉ tiêu (theo đơn vị, theo năm).",
    "plans": "Tệp các kế hoạch CCHC (số, ngày ban hành, đơn vị, năm).",
    "plan_tasks": "Tệp nhiệm vụ của Kế hoạch (Phụ lục 1).",
    "calendar": "Tệp lịch làm việc riêng của đơn vị (ngày nghỉ thêm, ngày làm bù).",
    "self_assessment": "Tệp tự chấm điểm các tiêu chí chấm thủ công.",
    "official_results": "Tệp kết quả Chỉ số CCHC đã công bố của các năm trước.",
    "plan_progress": "Tệp tiến độ thực hiện các nhiệm vụ của kế hoạch.",
    "methodology": "Tệp YAML phương pháp chấm điểm Chỉ số CCHC (lĩnh vực, tiêu chí, điểm).",
    "dossiers": "Các tệp xuất hồ sơ TTHC (CSV, XLSX) của phần mềm một cửa hoặc Cổng DVCQG.",
    # the other keys of the catalog
    "personal_columns": "Tiêu đề các cột chứa dữ liệu cá nhân cần bỏ khi nhập, ngoài những cột "
                        "đã được nhận ra sẵn (họ tên, số giấy tờ, điện thoại, địa chỉ...).",
    "value_map": "Cách viết mà đơn vị ghim cho cột có mã, cho mọi tệp: cột: {cách viết: mã}; "
                 "thắng các quy tắc đọc theo nghĩa.",
    "columns": "Ghim tiêu đề cột như viết trong tệp vào tên cột chuẩn, cho mọi tệp (chỉ áp dụng "
               "cho tệp của bảng có cột đó); null: không đọc cột đó.",
    "date_order": "Thứ tự ngày, tháng của mọi tệp xuất hồ sơ không ghi date_order riêng: dmy "
                  "(ngày trước) hoặc mdy (tháng trước); dùng cho ngày như 03/04/2022 khi tệp "
                  "không tự cho thấy thứ tự.",
    "include": "Danh mục dữ liệu khác gộp vào danh mục này (đường dẫn tính từ thư mục chứa danh "
               "mục này); các khóa của danh mục này ghi đè lên.",
    "description": "Mô tả danh mục, cho người đọc; không ảnh hưởng đến việc nhập.",
}

# ---- a column an export does not have: unknown, not "no" (docs/reading_exports.md) ----
NO_DATA_VI = "không có số liệu"
NOT_JUDGED_VI = "Không đánh giá"  # the verdict on a figure without data


def _column_label(aliases: tuple[str, ...], name: str) -> str:
    """A column's Vietnamese name: its first alias written in words (with diacritics or a
    space), not a system's field name."""
    return next((a for a in aliases if not a.isascii() or " " in a), name)


# a dossier column as an office knows it: "apology_issued" -> "Phiếu xin lỗi" (schema aliases)
COLUMN_LABELS_VI: dict[str, str] = {c.name: _column_label(c.aliases, c.name)
                                    for c in DOSSIERS.columns}


__all__ = [
    "CATALOG_SOURCES_VI", "CHANNEL_LABELS_VI", "COLUMN_LABELS_VI", "EVIDENCE_FROM_DATA_VI",
    "EVIDENCE_STATUS_VI", "EVIDENCE_UNNAMED_VI", "LATE_KIND_VI", "LEGACY_NAMES_VI",
    "LEVEL_LABELS_VI", "MET_VI", "NO_DATA_VI", "NO_OWNER_VI", "NON_DATA_REASONS_VI",
    "NOT_APPLICABLE_VI", "NOT_JUDGED_VI", "OS_HINTS_VI", "os_problem_vi", "POINTS_SOURCE_VI",
    "QUARANTINE_REASONS_VI", "STATUS_LABELS_VI", "TASK_STATUS_VI", "TOTAL_ROW_VI",
    "UNKNOWN_FIELD_VI", "VERDICTS_VI",
]
