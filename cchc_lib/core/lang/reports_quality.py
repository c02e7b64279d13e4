"""The Vietnamese of the data-quality view of an ingest run
(:mod:`cchc_lib.reports.quality`): the alerts the ingest notebook shows first, the column
titles of its tables, and the sentence every report says about the dossiers set aside at
ingest. Templates take named placeholders, filled with ``str.format`` or by ``safe.rich``."""

__all__ = [
    "COLUMNS_TABLE_VI",
    "DATE_ORDER_ALERT_VI",
    "FILES_COLUMNS_VI",
    "NO_TITLE_ALERTS_VI",
    "NO_VALUE_ALERTS_VI",
    "OR_VI",
    "REASONS_COLUMNS_VI",
    "REASON_ALERT_COLUMN_VI",
    "REASON_ALERT_FIRST_VI",
    "REASON_ALERT_VI",
    "SET_ASIDE_DETAIL_VI",
    "SET_ASIDE_REASON_VI",
    "SET_ASIDE_UNDATED_VI",
    "SET_ASIDE_VI",
    "STATUS_COLUMNS_VI",
    "TITLE_ALERTS_VI",
    "TITLE_ALERT_ITEM_VI",
    "UNKNOWN_PROCEDURES_COLUMNS_VI",
    "VALUE_ALERTS_VI",
    "VALUE_ALERT_ITEM_VI",
]

# --------------------------------------------------------------------------------------
# reports/quality.py: the alerts (safe.rich templates)
# --------------------------------------------------------------------------------------

# an export whose dates read both ways
DATE_ORDER_ALERT_VI = (
    "**⚠ Cảnh báo: {file}**: {rows}/{rows_in} dòng bị cách ly vì ngày tháng đọc "
    "được hai cách (03/04/2022: ngày 3 tháng 4 hay ngày 4 tháng 3) và tệp không "
    "có ngày nào cho thấy thứ tự. Ghi vào nguồn của tệp trong danh mục dữ liệu: "
    "`date_order: dmy` (ngày trước) hoặc `date_order: mdy` (tháng trước).")
# a reason that set many rows aside: the first, then the column (unless the whole row), then
# the first row
REASON_ALERT_VI = "**⚠ Cảnh báo: {file}**: {rows}/{rows_in} dòng bị cách ly vì {reason}"
REASON_ALERT_COLUMN_VI = " ở cột `{column}`"
REASON_ALERT_FIRST_VI = "; lần đầu ở dòng {first}{example}."
NO_VALUE_ALERTS_VI = ("Không có giá trị nào làm nhiều dòng bị cách ly (ngưỡng: 1 % số dòng "
                      "của một tệp hoặc 20 dòng).")
VALUE_ALERTS_VI = ("**⚠ Cảnh báo: {n} giá trị không đọc được làm nhiều dòng bị cách "
                   "ly.** Mọi chỉ số tính trên phần còn lại sẽ sai cho đến khi sửa.")
VALUE_ALERT_ITEM_VI = (
    "- **{file}**, cột `{column}`: giá trị “{value}” ({problem}) làm **{rows}/{rows_in} "
    "dòng ({share})** bị cách ly; lần đầu ở dòng {first}. Khi đã rõ nghĩa, thêm vào danh "
    "mục dữ liệu (giữ một mã): `{line}`")
NO_TITLE_ALERTS_VI = (
    "Không có cột nào bị bỏ qua mà tiêu đề nhắc đến nội dung của dữ liệu "
    "chuẩn (hẹn, hạn, bổ sung, xin lỗi, trả, nhận, trạng thái, kênh, hình thức, "
    "thanh toán, số hóa, kết quả điện tử).")
TITLE_ALERTS_VI = (
    "**⚠ Cảnh báo: {n} cột không được đọc dù tiêu đề nhắc đến nội dung của dữ "
    "liệu chuẩn.** Chỉ số cần các cột đó ghi “không có số liệu” cho đến khi danh mục "
    "dữ liệu nói rõ.")
TITLE_ALERT_ITEM_VI = ("- **{file}**{sheet}: cột “{title}” nhắc đến {words}. Nếu là cột "
                       "{columns}: `{read}`; nếu không cần đọc: `{skip}`")
OR_VI = " hoặc "  # between the data contract's columns a title may mean

# --------------------------------------------------------------------------------------
# reports/quality.py: the tables' column titles
# --------------------------------------------------------------------------------------

COLUMNS_TABLE_VI = {
    "file": "Tệp",
    "read": "Cột đọc theo nghĩa hoặc theo danh mục dữ liệu",
    "missing": "Tệp không có cột",
    "unread": "Cột không đọc",
}
FILES_COLUMNS_VI = {
    "table": "Bảng",
    "file": "Tệp",
    "sheet": "Trang tính",
    "rows_in": "Số dòng dữ liệu",
    "accepted": "Nhận",
    "quarantined": "Cách ly",
    "rows_skipped": "Dòng không phải dữ liệu",
    "personal_columns_dropped": "Cột dữ liệu cá nhân đã bỏ",
    "note": "Ghi chú",
}
REASONS_COLUMNS_VI = {
    "table": "Bảng",
    "reason": "Lý do",
    "column": "Cột",
    "rows": "Số dòng",
}
UNKNOWN_PROCEDURES_COLUMNS_VI = {
    "unit": "Đơn vị",
    "procedure": "Mã TTHC không có trong danh mục",
    "dossiers": "Số hồ sơ",
}
STATUS_COLUMNS_VI = {
    "unit": "Đơn vị",
    "due_derived": "Hạn trả tính từ danh mục",
}

# --------------------------------------------------------------------------------------
# reports/quality.py: what a report says of the dossiers set aside at ingest
# --------------------------------------------------------------------------------------

SET_ASIDE_VI = "Hồ sơ tiếp nhận trong kỳ bị loại khi nhập dữ liệu: {count}"
SET_ASIDE_REASON_VI = " (chủ yếu: {reason}, {rows} hồ sơ)"
SET_ASIDE_UNDATED_VI = (" Ngoài ra {undated} dòng không đọc được ngày tiếp nhận nên "
                        "không xác định được thuộc kỳ nào.")
SET_ASIDE_DETAIL_VI = " Chi tiết: báo cáo nhập dữ liệu (quarantine.csv)."
