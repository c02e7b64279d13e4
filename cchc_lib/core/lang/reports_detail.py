"""The Vietnamese of the detail workbook (``so_lieu_chi_tiet.xlsx``,
:mod:`cchc_lib.reports.detail`): the dossiers and procedures behind each figure of the plan
and of Biểu 06, for an officer who doubts one. Sheet names, the heading block of each sheet
and the table's column titles. An indicator's name and what its numerator and denominator
count are the registry's words; a dossier column's title is
:data:`cchc_lib.core.vi.COLUMN_LABELS_VI`. Templates take named placeholders, filled with
``str.format``."""

__all__ = [
    "BEHIND_FIGURE_VI", "BEHIND_FIGURES_VI", "BEHIND_FORM_VI", "BIEU06_SHEET_VI",
    "BIEU06_TITLE_VI", "COUNT_WORDS_VI", "DATA_UNTIL_LINE_VI", "DEFINITION_LINE_VI",
    "FLAG_COLUMNS_VI", "HEADING_LABELS_VI", "NO_DATA_ROWS_VI", "NO_ROWS_VI", "PERIOD_LINE_VI",
    "PLAN_PERIOD_LINE_VI", "PLAN_SHEET_VI", "PROCEDURE_COLUMNS_VI", "ROWS_BIEU06_VI",
    "ROWS_DOSSIERS_VI", "ROWS_PROCEDURES_VI", "SEE_SHEET_VI", "SHEET_QUOTED_VI", "UNIT_LINE_VI",
    "WORKBOOK_TITLE_VI", "YES_NO_VI",
]

# --------------------------------------------------------------------------------------
# sheet names (≤ 31 characters, none of []:*?/\ once filled) and the workbook's title
# --------------------------------------------------------------------------------------

# a plan target's sheet: the registry's short label of the target
PLAN_SHEET_VI = "{label}"
# a Biểu 06 column group's sheet: the registry's short title of the group ("Tiếp nhận")
BIEU06_SHEET_VI = "Biểu 06 - {group}"
WORKBOOK_TITLE_VI = "Số liệu chi tiết: {unit}, {period}"
# what a report says beside a figure, to send the reader to its sheet
SEE_SHEET_VI = "xem trang tính “{sheet}” trong {file}"
# under a table: where the rows behind each of its figures are
BEHIND_FIGURES_VI = "Hồ sơ, TTHC phía sau từng số liệu (tệp {file}): {sheets}"
BEHIND_FIGURE_VI = "{label}: trang tính “{sheet}”"
BEHIND_FORM_VI = "trang tính {sheets}"
SHEET_QUOTED_VI = "“{sheet}”"

# --------------------------------------------------------------------------------------
# the heading block above each sheet's table
# --------------------------------------------------------------------------------------

# a Biểu 06 sheet's title: the form and the group's title ("Số hồ sơ nhận giải quyết")
BIEU06_TITLE_VI = "Biểu số 06/VPCP/KSTT: {group}"
UNIT_LINE_VI = "Đơn vị: {unit} (mã {code})"
PERIOD_LINE_VI = "Kỳ báo cáo: {label} (từ ngày {start} đến ngày {end})"
# the plan's targets are yearly: judged from 1 January to the period's end
PLAN_PERIOD_LINE_VI = ("Chỉ tiêu năm, đánh giá trên số liệu lũy kế từ đầu năm: từ ngày {start} "
                       "đến ngày {end}.")
DATA_UNTIL_LINE_VI = "Số liệu đến ngày {day}: kỳ báo cáo được tính đến ngày đó."
DEFINITION_LINE_VI = "Cách tính: {definition}."
# the first cell of a heading line; the figure is in the cell beside it
HEADING_LABELS_VI = {
    "value": "Kết quả",
    "target": "Mục tiêu",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    # a plan share read another way (the registry's ``Indicator.reading``): its denominator
    "reading": "Mẫu số (cách hiểu khác)",
}
# what a figure counts (the registry's words) and the table's column that marks its rows
COUNT_WORDS_VI = "{words} (cột “{column}”)"

# what one row of the table is
ROWS_DOSSIERS_VI = ("Mỗi dòng là một hồ sơ tính vào tử số hoặc mẫu số; ở các cột “Tính vào "
                    "…”, 1 là có tính, 0 là không. Tổng mỗi cột bằng số ở trên.")
ROWS_PROCEDURES_VI = ("Mỗi dòng là một TTHC đơn vị cung cấp ngày {end} tính vào tử số hoặc mẫu "
                      "số, với số hồ sơ của TTHC trong kỳ; ở các cột “Tính vào …”, 1 là có "
                      "tính, 0 là không. Tổng mỗi cột bằng số ở trên.")
ROWS_BIEU06_VI = ("Mỗi dòng là một hồ sơ tính vào ít nhất một cột của biểu ở trên; cột của "
                  "mỗi số: 1 là hồ sơ có tính vào số đó, 0 là không. Tổng mỗi cột bằng số ở "
                  "trên; tổng theo lĩnh vực bằng dòng của lĩnh vực đó trong biểu.")
NO_ROWS_VI = "Không có hồ sơ hoặc TTHC nào tính vào số liệu này."
NO_DATA_ROWS_VI = "Không liệt kê: {note}."

# --------------------------------------------------------------------------------------
# the table's column titles (a dossier column's is core.vi.COLUMN_LABELS_VI)
# --------------------------------------------------------------------------------------

# whether a row counts in a share's numerator, its denominator
FLAG_COLUMNS_VI = {
    "numerator": "Tính vào tử số",
    "denominator": "Tính vào mẫu số",
    "reading": "Tính vào mẫu số theo cách hiểu khác",
}
# a procedure's row: the catalogue's facts and its dossiers in the period, by channel (the
# engine's per-procedure counts, sql/procedure_counts.sql)
PROCEDURE_COLUMNS_VI = {
    "procedure_code": "Mã TTHC",
    "procedure_name": "Tên TTHC",
    "field_name": "Lĩnh vực",
    "level": "Mức độ",
    "online_enabled": "Cung cấp trực tuyến (một phần, toàn trình)",
    "postal_enabled": "Triển khai qua BCCI",
    "has_fee": "Có phí, lệ phí",
    "received_online": "Hồ sơ nộp trực tuyến trong kỳ",
    "received": "Hồ sơ tiếp nhận trong kỳ",
    "received_postal": "Hồ sơ nộp qua BCCI trong kỳ",
    "received_direct": "Hồ sơ nộp trực tiếp trong kỳ",
    "returned_online": "Hồ sơ trả kết quả trực tuyến trong kỳ",
    "returned_postal": "Hồ sơ trả kết quả qua BCCI trong kỳ",
    "returned_direct": "Hồ sơ trả kết quả trực tiếp trong kỳ",
    "returned_total": "Hồ sơ đã trả kết quả trong kỳ",
    "received_paid_online": "Hồ sơ tiếp nhận trong kỳ đã thanh toán trực tuyến",
}
YES_NO_VI = {True: "Có", False: "Không"}
