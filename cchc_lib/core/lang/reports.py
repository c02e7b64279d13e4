"""The Vietnamese of the reports stage's shared pieces: the display layer
(:mod:`cchc_lib.reports.render`), the charts (:mod:`cchc_lib.reports.charts`), the report
registry (:mod:`cchc_lib.reports.registry`), the town overview
(:mod:`cchc_lib.reports.overview`) and Biểu 06 as a file (:mod:`cchc_lib.reports.forms`);
the ward report, the plan reports, the scorecard and the data-quality view have their own
modules beside this one (``reports_ward``, ``reports_plan``, ``reports_scorecard``,
``reports_quality``). Templates take named placeholders, filled with ``str.format`` or by
``safe.rich``."""

__all__ = [
    "ALL_UNITS_VI", "BIEU06_COLUMNS_VI", "CANDIDATES_COLUMNS_VI", "CHART_PROJECTION_RANGE_VI",
    "CHART_TARGET_LINE_VI", "CHART_TARGET_VI", "CHART_YEAR_VI", "DATA_UNTIL_VI", "FORM_CODE",
    "FORM_DATE_RECEIVED_VI", "FORM_FIELD_HEAD_VI", "FORM_KIND_UNKNOWN_VI", "FORM_NOTE_LINE_VI",
    "FORM_NOTE_VI", "FORM_PERIOD_VI", "FORM_PLACE_DATE_VI", "FORM_RECEIVER_BLANK",
    "FORM_RECEIVING_UNIT_VI", "FORM_REPORTING_UNIT_VI", "FORM_SHEET_VI", "FORM_TITLE",
    "OVERVIEW_CHART_ALT_VI", "OVERVIEW_CHART_TARGET_VI", "OVERVIEW_COLUMNS_VI",
    "OVERVIEW_HEADER_VI", "OVERVIEW_NOTE_VI", "OVERVIEW_UNRANKED_NOTE_VI", "PLAN_COLUMNS_VI",
    "POINTS_NOT_SUMMED_AFTER_VI", "POINTS_NOT_SUMMED_VI", "POINTS_UNKNOWN_CRITERION_VI",
    "RANKED_BY_INDEX_VI", "RANKED_BY_TARGETS_VI", "READING_MET_VI", "READING_OTHER_VI",
    "READING_USED_VI", "REPORT_TITLES_VI", "SIGNERS", "UNRANKED_UNSCORED_VI",
    "VERDICT_PART_YEAR_VI", "VERDICT_TOO_EARLY_VI", "WHOLE_UNIT_VI",
]

# --------------------------------------------------------------------------------------
# Shared by reports/ward.py and reports/overview.py
# --------------------------------------------------------------------------------------

# after the period, when the data stop before its end
DATA_UNTIL_VI = " (số liệu đến ngày {day})"

# --------------------------------------------------------------------------------------
# reports/render.py (the column titles are also read by reports/ward.py and reports/forms.py)
# --------------------------------------------------------------------------------------

# the plan targets' table; "before" takes the year before
PLAN_COLUMNS_VI = {
    "indicator": "Chỉ tiêu",
    "value": "Kết quả",
    "value_short": "Kết quả trong kỳ",
    "fraction": "Tử số / mẫu số",
    "ytd_value": "Từ đầu năm",
    "ytd_fraction": "Tử số / mẫu số từ đầu năm",
    "target": "Mục tiêu năm",
    "verdict": "Đánh giá",
    "verdict_short": "Đánh giá (từ đầu năm)",
    "before": "Cùng kỳ {year}",
    "change": "Thay đổi",
}
# Biểu 06's columns besides its counts (whose headers the indicator registry holds)
BIEU06_COLUMNS_VI = {
    "number": "STT",
    "field": "Lĩnh vực",
    "on_time_rate": "Tỷ lệ trước hạn, đúng hạn",
}
# the procedures to start from, for a missed target
CANDIDATES_COLUMNS_VI = {
    "code": "Mã TTHC",
    "name": "Thủ tục hành chính",
    "field": "Lĩnh vực",
}
# the field of a unit's own row, in the terminal's table
WHOLE_UNIT_VI = "(toàn đơn vị / total)"

# --------------------------------------------------------------------------------------
# reports/charts.py
# --------------------------------------------------------------------------------------

CHART_YEAR_VI = "Năm {year}"  # a line's legend
CHART_TARGET_VI = "Mục tiêu {target}"  # the target line's legend
CHART_PROJECTION_RANGE_VI = "Khoảng dự báo"
CHART_TARGET_LINE_VI = "\n(mục tiêu {target})"  # under a units chart's title

# --------------------------------------------------------------------------------------
# reports/registry.py
# --------------------------------------------------------------------------------------

# each report's title, by its kind on the command line
REPORT_TITLES_VI = {
    "ward": "Báo cáo Chỉ số CCHC",
    "scorecard": "Bảng điểm Chỉ số CCHC",
    "plan": "Báo cáo kết quả thực hiện kế hoạch",
    "overview": "Tổng hợp Chỉ số CCHC",
}

# --------------------------------------------------------------------------------------
# reports/overview.py
# --------------------------------------------------------------------------------------

POINTS_UNKNOWN_CRITERION_VI = "tiêu chí {criterion} ({group}) {note}"
UNRANKED_UNSCORED_VI = "có tiêu chí không chấm được ({no_data})"
RANKED_BY_INDEX_VI = "Xếp hạng theo Chỉ số CCHC năm {year} (ước tính, như bảng điểm)"
RANKED_BY_TARGETS_VI = ("Xếp hạng theo số mục tiêu đạt, rồi điểm 766 ước tính (chưa có bộ chỉ "
                        "số)")
# the header: then the ranking's line (one of the two above), in italics
OVERVIEW_HEADER_VI = (
    "# Tổng hợp Chỉ số CCHC: {town}\n\n"
    "**Kỳ báo cáo:** {span}{clipped} · **Số đơn vị:** {count} · **Đạt mọi mục "
    "tiêu:** {met_all} đơn vị\n\n*")
# the ranking's columns; "index" takes the year, "points_766" the maximum points
OVERVIEW_COLUMNS_VI = {
    "rank": "Hạng",
    "unit": "Đơn vị",
    "index": "Chỉ số CCHC {year} (ước tính)",
    "targets_met": "Mục tiêu đạt",
    "received_total": "Hồ sơ nhận giải quyết (cả kỳ trước)",
    "on_time_rate": "Đúng hạn (Biểu 06)",
    "points_766": "Điểm 766 ước tính (/{maximum})",
    "apology_coverage": "Xin lỗi khi trễ hạn",
}
POINTS_NOT_SUMMED_VI = "Điểm 766 ước tính không cộng tổng vì {why}"
POINTS_NOT_SUMMED_AFTER_VI = "; xếp sau các đơn vị đạt cùng số mục tiêu có điểm 766"
OVERVIEW_UNRANKED_NOTE_VI = "không xếp hạng vì {why}"
OVERVIEW_CHART_TARGET_VI = " (mục tiêu {target})"
OVERVIEW_CHART_ALT_VI = "Biểu đồ {label}{aim}: {met}/{count} đơn vị đạt"
OVERVIEW_NOTE_VI = (
    "Xếp hạng: theo Chỉ số CCHC ước tính của năm (cùng cách tính với bảng điểm của "
    "từng đơn vị); bằng nhau thì xét số mục tiêu của kế hoạch đã đạt. Điểm 766 ước "
    "tính (tối đa {maximum} điểm tính được từ dữ liệu hồ sơ) để tham khảo. {caveat} "
    "{set_aside}")
# the town's name when the units have no parent named
ALL_UNITS_VI = "toàn bộ đơn vị"

# --------------------------------------------------------------------------------------
# reports/forms.py
# --------------------------------------------------------------------------------------

FORM_TITLE = ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT "
              "TTHC")
FORM_CODE = "Biểu số 06/VPCP/KSTT"
FORM_NOTE_VI = "cột {columns}: {note}"  # why the form's columns say "không có số liệu"
FORM_SHEET_VI = "Biểu 06"
FORM_REPORTING_UNIT_VI = "Đơn vị báo cáo: {unit}"
FORM_RECEIVING_UNIT_VI = "Đơn vị nhận báo cáo: {receiver}"
FORM_RECEIVER_BLANK = "……………………"  # the receiving unit, left to fill
FORM_DATE_RECEIVED_VI = "Ngày nhận báo cáo: ……/……/………"
FORM_PERIOD_VI = ("Kỳ báo cáo: {label} (từ ngày {start:%d/%m/%Y} "
                  "đến ngày {end:%d/%m/%Y})")
FORM_FIELD_HEAD_VI = "Lĩnh vực, công việc giải quyết"
FORM_NOTE_LINE_VI = "Ghi chú: {note}."
FORM_PLACE_DATE_VI = "……………, ngày …… tháng …… năm ………"
SIGNERS = (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))
FORM_KIND_UNKNOWN_VI = "{path}: Biểu 06 được ghi dưới dạng .xlsx hoặc .csv"
# a yearly target judged before December: how far along the year the figure is; in the first
# months (no projection yet either) that it is too early to conclude
VERDICT_PART_YEAR_VI = "{verdict} (tháng {month}/12)"
VERDICT_TOO_EARLY_VI = "{verdict} (tháng {month}/12: chưa đủ để kết luận)"
# cchc_lib.reports.render.reading_lines: a plan share whose sentence reads two ways
READING_USED_VI = "{label}: tính trên {denominator}"
READING_OTHER_VI = ("; nếu tính trên {denominator} thì tỷ lệ là {value} ({numerator}/{total}), "
                    "{verdict} mục tiêu {target}")
READING_MET_VI = {True: "đạt", False: "chưa đạt"}
