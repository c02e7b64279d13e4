"""The Vietnamese of the ward report (:mod:`cchc_lib.reports.ward`): its first screen (the
summary and one line per target), the charts' alt texts, the column titles of its tables, the
next steps per target and the note on the data. Templates take named placeholders, filled with
``str.format`` or by ``safe.rich``; the first screen's per-target lines are templates of
templates: ``str.format(i=...)`` names their values (``{label0}``, ``{value0}``, …), which
``safe.rich`` then fills. The column titles of the plan and Biểu 06 tables are the display
layer's (``reports.PLAN_COLUMNS_VI``, ``reports.BIEU06_COLUMNS_VI``)."""

__all__ = [
    "ALL_APOLOGIES_ISSUED_VI", "APOLOGY_COLUMNS_VI", "APOLOGY_DUTY_VI", "APOLOGY_OWED_COLUMNS_VI",
    "APOLOGY_OWED_COUNT_VI", "CHART_ALT_BEFORE_VI", "CHART_ALT_NO_DATA_VI", "CHART_ALT_VI",
    "DATA_NOTE_NO_DATA_VI", "DATA_NOTE_VI", "DATA_WARNING_VI", "HEADER_VI", "ITEM_AIM_PERIOD_VI",
    "ITEM_AIM_VI", "ITEM_MET_VI", "ITEM_MISSED_VI", "ITEM_NO_TARGET_VI", "ITEM_OWNER_VI",
    "ITEM_START_FROM_VI", "ITEM_YTD_VALUE_VI", "MORE_DOSSIERS_VI", "MORE_PROCEDURES_VI",
    "NATIONAL_COLUMNS_VI", "NATIONAL_LEFT_OUT_VI", "NEXT_STEPS_MET_VI", "NEXT_STEPS_NO_DATA_VI",
    "NEXT_STEPS_NO_TARGET_VI", "NEXT_STEPS_TITLE_VI", "NEXT_STEPS_TITLE_YTD_VI",
    "OWED_APOLOGY_ITEM_VI", "PLAN_DEFINITIONS_HEAD_VI", "PLAN_DEFINITION_NO_TARGET_VI",
    "PLAN_DEFINITION_PARTS_VI", "PLAN_DEFINITION_VI", "PROJECTION_COLUMNS_VI",
    "PROJECTION_METHOD_VI", "SUMMARY_MET_VI", "SUMMARY_NOT_JUDGED_VI", "SUMMARY_NO_DATA_VI",
    "SUMMARY_NO_DOSSIERS_VI", "SUMMARY_SINCE_JANUARY_VI", "TWO_ON_TIME_RATES_VI",
]

# --------------------------------------------------------------------------------------
# reports/ward.py: the first screen (safe.rich templates)
# --------------------------------------------------------------------------------------

# the header, then the summary and its items, then the data warning
HEADER_VI = ("# Báo cáo Chỉ số CCHC: {unit}\n\n"
             "**Đơn vị:** {unit}, {parent} · **Kỳ báo cáo:** {span}{clipped}\n\n")
DATA_WARNING_VI = "\n\n**Lưu ý về dữ liệu:** {warning}"
# the summary: no dossier at all; targets met (from January, and the targets without data,
# when so) then "."; or no target with data
SUMMARY_NO_DOSSIERS_VI = ("**Tóm tắt:** đơn vị không có hồ sơ nào tiếp nhận trong kỳ này, nên "
                          "chưa đánh giá được mục tiêu năm {plan}.")
SUMMARY_MET_VI = "**Tóm tắt:** đạt **{met}/{count}** mục tiêu năm {plan}"
SUMMARY_SINCE_JANUARY_VI = " (tính từ đầu năm đến {ytd_end})"
SUMMARY_NOT_JUDGED_VI = " ({unknown} mục tiêu {no_data}, không đánh giá)"
SUMMARY_NO_DATA_VI = "**Tóm tắt:** {no_data} để đánh giá mục tiêu năm {plan}."
OWED_APOLOGY_ITEM_VI = ("- !!✗ Cần xử lý!! **{owed}** hồ sơ trễ hạn chưa có phiếu xin lỗi "
                        "(danh sách ở mục Trách nhiệm xin lỗi).")

# one line per target: templates of templates, formatted with i= (and value=, aim=) first
ITEM_YTD_VALUE_VI = "**{{ytd{i}}}** từ đầu năm"  # the value judged, from January
ITEM_AIM_VI = "(mục tiêu {{target{i}}}"  # then ")" or, for a short period, the next
ITEM_AIM_PERIOD_VI = "; riêng kỳ này: {{value{i}}})"
ITEM_NO_TARGET_VI = "- {{label{i}}}: {value} (chưa có mục tiêu)."
ITEM_MET_VI = "- ^^✓ Đạt^^ {{label{i}}}: {value} {aim}."
ITEM_MISSED_VI = "- !!✗ Chưa đạt!! {{label{i}}}: {value} {aim}"  # then what to do, who
ITEM_START_FROM_VI = ", bắt đầu từ: {{start{i}}}"
ITEM_OWNER_VI = ". Phụ trách: **{{owner{i}}}**"

# --------------------------------------------------------------------------------------
# reports/ward.py: the charts' alt texts
# --------------------------------------------------------------------------------------

CHART_ALT_NO_DATA_VI = "Biểu đồ {label}: {note}."
CHART_ALT_BEFORE_VI = ", cùng kỳ {year}: {value}"
CHART_ALT_VI = ("Biểu đồ {label}, lũy kế từ đầu năm {year} đến ngày {end}: {value} (mục tiêu "
                "{target}{before}).")

# --------------------------------------------------------------------------------------
# reports/ward.py: the tables
# --------------------------------------------------------------------------------------

PROJECTION_COLUMNS_VI = {
    "indicator": "Chỉ tiêu",
    "value": "Lũy kế đến nay",
    "projected": "Dự báo cuối năm",
    "target": "Mục tiêu",
    "verdict": "Dự báo",
}
NATIONAL_COLUMNS_VI = {
    "criterion": "Tiêu chí 766",
    "group": "Nhóm",
    "indicator": "Chỉ số",
    "value": "Kết quả",
    "fraction": "Tử số / mẫu số",
    "points": "Điểm ước tính",
    "max_points": "Điểm tối đa",
}
# after the total's label: the criteria without data, not counted
NATIONAL_LEFT_OUT_VI = " (không tính tiêu chí {criteria}: {no_data})"
APOLOGY_COLUMNS_VI = {
    "field": "Lĩnh vực",
    "late": "Hồ sơ trễ hạn",
    "issued": "Có phiếu xin lỗi",
    "share": "Tỷ lệ",
}
ALL_APOLOGIES_ISSUED_VI = "Mọi hồ sơ trễ hạn đều đã có phiếu xin lỗi."
APOLOGY_OWED_COUNT_VI = "Hồ sơ trễ hạn chưa có phiếu xin lỗi: **{count}**."
APOLOGY_OWED_COLUMNS_VI = {
    "dossier_id": "Mã hồ sơ",
    "field": "Lĩnh vực",
    "due_at": "Hạn trả",
    "kind": "Tình trạng",
}
MORE_DOSSIERS_VI = "*… và {more} hồ sơ khác.*"

# --------------------------------------------------------------------------------------
# reports/ward.py: next steps per target, and the note on the data
# --------------------------------------------------------------------------------------

NEXT_STEPS_TITLE_VI = "**{label}**: {value}"
NEXT_STEPS_TITLE_YTD_VI = "**{label}** (từ đầu năm): {value}"
NEXT_STEPS_NO_DATA_VI = ("**{label}**: {note}. Không tính số còn thiếu và không gợi ý TTHC khi "
                         "chưa có số liệu.")
NEXT_STEPS_NO_TARGET_VI = ". Chưa có mục tiêu cho chỉ tiêu này."  # after the title
NEXT_STEPS_MET_VI = ", đã đạt mục tiêu {target}. Tiếp tục duy trì."  # after the title
MORE_PROCEDURES_VI = "*… và {more} TTHC khác.*"
DATA_NOTE_VI = ("Nguồn: dữ liệu hồ sơ một cửa đã chuẩn hóa (`data/processed`). Kỳ so sánh: từ "
                "{start} đến {end}. {set_aside} Tỷ lệ làm tròn một chữ số thập phân; “{na}” khi "
                "mẫu số bằng 0")
# inserted before the note's final "." when a figure has no data
DATA_NOTE_NO_DATA_VI = ("; “{no_data}” khi tệp xuất của đơn vị không có cột cần để tính "
                        "(tên cột ghi dưới bảng), không tính là 0 và không đánh giá")

# ---- ward.py: the definitions above the plan's table, the duty of apology -----------------
PLAN_DEFINITIONS_HEAD_VI = "Kết quả trong kỳ so với mục tiêu năm và với cùng kỳ năm trước:"
# one line per indicator ({i}: its place; formatted with i first, then with the values)
PLAN_DEFINITION_VI = "- **{{label{i}}}**: {{definition{i}}}, mục tiêu từ {{target{i}}} trở lên"
PLAN_DEFINITION_NO_TARGET_VI = "- **{{label{i}}}**: {{definition{i}}}, chưa có mục tiêu"
APOLOGY_DUTY_VI = ("Hồ sơ giải quyết quá hạn trong kỳ hoặc đang giải quyết quá hạn cuối kỳ phải "
                   "có “Phiếu xin lỗi và hẹn lại ngày trả kết quả” (mục tiêu {target}). Mã hồ sơ "
                   "không phải dữ liệu cá nhân.")
# a record without its own definition: what its numerator and denominator count
PLAN_DEFINITION_PARTS_VI = "{numerator} trên {denominator}"
# how the year-end projection is made: the words of indicators/plan.projection, with its number
PROJECTION_METHOD_VI = ("Dự báo cuối năm nếu giữ tốc độ gần đây: giá trị lũy kế đến nay, cộng "
                        "mức thay đổi bình quân mỗi tháng của {months} tháng gần nhất cho mỗi "
                        "tháng còn lại của năm; khoảng trong ngoặc là thêm, bớt một độ lệch "
                        "chuẩn của các mức thay đổi đó. Chưa đủ {months} tháng số liệu thì "
                        "không dự báo.")
# the two on-time rates of the page, each with what it counts (the registry's words)
TWO_ON_TIME_RATES_VI = ("Hai tỷ lệ đúng hạn trên trang này đếm khác nhau. Biểu 06: "
                        "{form_numerator} trên {form_denominator}. Chỉ số {criterion} của Bộ "
                        "chỉ số 766: {numerator} trên {denominator}; ngày kết thúc được trừ "
                        "thời gian chờ công dân bổ sung hồ sơ, và hồ sơ phải bổ sung hơn một "
                        "lần tính là trễ hạn.")
