"""The Vietnamese of the plan reports: the plan-progress report
(:mod:`cchc_lib.reports.plan_progress`) and the November report on the plan as an official
document in the format of Nghị định 30/2020/NĐ-CP (:mod:`cchc_lib.reports.plan_document`):
headings, column titles, sentences of results, shortcomings and recommendations, and the
document's administrative blocks. Templates take named placeholders, filled with
``str.format`` or by ``safe.rich``."""

__all__ = [
    "AUTHOR_VI", "CLOSING_VI", "DOCUMENT_TYPE_VI", "DRAFT_MARK_VI", "GAP_UNIT_DOSSIERS_VI",
    "GAP_UNIT_PROCEDURES_VI", "GENERAL_PLAN_NAME_VI", "INDEX_BEFORE_VI", "INDEX_DOWN_VI",
    "INDEX_NO_METHOD_VI", "INDEX_RANKED_VI", "INDEX_RANK_BEFORE_VI", "INDEX_UNRANKED_VI",
    "INDEX_UP_VI", "INDEX_VI", "ISSUER_VI", "LINKED_INDICATOR_VI", "MOTTO_VI", "NATIONAL_TITLE_VI",
    "NOTHING_BEHIND_VI", "NO_OWN_PLAN_VI", "NO_TASKS_YET_VI", "NUMBER_LINE_VI", "OPENING_VI",
    "PLACE_DATE_VI", "PLAN_YTD_COLUMNS_VI", "PROGRESS_HEADER_VI", "RECIPIENTS_OTHERS_VI",
    "RECIPIENTS_VI", "RECIPIENT_PARENT_VI", "RECIPIENT_UPPER_VI", "RECOMMEND_EVIDENCE_VI",
    "RECOMMEND_IDLE_PROCEDURES_VI", "RECOMMEND_KEEP_UP_VI", "RECOMMEND_PRIORITY_VI",
    "SECTION_RECOMMENDATIONS_VI", "SECTION_RESULTS_VI", "SECTION_SHORTCOMINGS_VI",
    "SHORTCOMING_GAP_VI", "SHORTCOMING_NO_DATA_VI", "SHORTCOMING_NO_EVIDENCE_VI",
    "SHORTCOMING_TASKS_VI", "SIGNER_NOTE_VI", "SIGNER_ON_BEHALF_VI", "SIGNER_TITLE_VI",
    "SUBJECT_VI", "SUB_INDEX_VI", "SUB_TARGETS_VI", "SUB_TASKS_VI", "TARGETS_HEADER_VI",
    "TASKS_COLUMNS_VI", "TASKS_HEADER_VI",
]

# --------------------------------------------------------------------------------------
# reports/plan_progress.py
# --------------------------------------------------------------------------------------

PROGRESS_HEADER_VI = (
    "# Báo cáo kết quả thực hiện {plan}\n\n"
    "**Đơn vị:** {unit} · **Tính đến ngày:** {as_of} · **{count} nhiệm vụ:** "
    "{summary}.\n\n*{set_aside}*")
# a task's linked indicator: its value from January against its target
LINKED_INDICATOR_VI = "{label}: {value} / mục tiêu {target}"
TASKS_COLUMNS_VI = {
    "task_id": "TT",
    "task": "Nhiệm vụ và giải pháp",
    "lead": "Chủ trì",
    "coordinators": "Phối hợp",
    "timeframe": "Thời gian",
    "status": "Tình trạng",
    "last_update": "Cập nhật gần nhất",
    "evidence": "Tài liệu kiểm chứng",
    "indicators": "Chỉ tiêu liên quan",
}
PLAN_YTD_COLUMNS_VI = {
    "indicator": "Chỉ tiêu",
    "value": "Kết quả từ đầu năm",
    "fraction": "Tử số / mẫu số",
    "target": "Mục tiêu",
    "verdict": "Đánh giá",
}
NO_OWN_PLAN_VI = ("{unit} chưa có kế hoạch riêng trong tệp kế hoạch (plans) cho năm "
                  "{year}: không có nhiệm vụ nào để báo cáo")
NO_TASKS_YET_VI = ("{plan} chưa có nhiệm vụ nào trong tệp nhiệm vụ (plan_tasks): chưa có "
                   "gì để báo cáo về tiến độ; các chỉ tiêu của kế hoạch vẫn được báo cáo dưới "
                   "đây.")
GENERAL_PLAN_NAME_VI = "kế hoạch"  # the plan's name when the targets are the general ones

# --------------------------------------------------------------------------------------
# reports/plan_document.py: the body
# --------------------------------------------------------------------------------------

DOCUMENT_TYPE_VI = "BÁO CÁO"
SUBJECT_VI = ("Kết quả thực hiện {plan} nhằm nâng cao Chỉ số cải cách hành "
              "chính năm {year}")
OPENING_VI = ("Thực hiện {plan}, Ủy ban nhân dân {unit} báo "
              "cáo kết quả thực hiện tính đến ngày {as_of} như sau:")
SECTION_RESULTS_VI = "I. KẾT QUẢ THỰC HIỆN"
SUB_TARGETS_VI = "1. Các chỉ tiêu của kế hoạch (từ ngày 01/01/{year} đến ngày {as_of})"
TARGETS_HEADER_VI = ("Chỉ tiêu", "Kết quả", "Tử số / mẫu số", "Mục tiêu", "Đánh giá")
SUB_TASKS_VI = "2. Kết quả thực hiện các nhiệm vụ (Phụ lục 1 của kế hoạch)"
TASKS_HEADER_VI = ("TT", "Nhiệm vụ", "Chủ trì", "Thời gian", "Tình trạng", "Tài liệu kiểm chứng")
SUB_INDEX_VI = "3. Chỉ số cải cách hành chính"
SECTION_SHORTCOMINGS_VI = "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"
SECTION_RECOMMENDATIONS_VI = "III. KIẾN NGHỊ, ĐỀ XUẤT"
CLOSING_VI = "Trên đây là báo cáo kết quả thực hiện {plan}./."

# the index: without a methodology; else the year's index and place, then last year's
INDEX_NO_METHOD_VI = ("Chưa có bộ tiêu chí chấm điểm trong dữ liệu nên chưa ước tính được Chỉ số "
                      "cải cách hành chính năm {year}.")
INDEX_RANKED_VI = "xếp thứ {rank}/{units} đơn vị"
INDEX_UNRANKED_VI = "chưa xếp hạng vì có tiêu chí không chấm được ({no_data})"
INDEX_VI = ("Chỉ số cải cách hành chính năm {year} (tự chấm, ước tính từ dữ liệu): "
            "{points} điểm, {placed}.")
INDEX_RANK_BEFORE_VI = ", xếp thứ {rank}"
INDEX_BEFORE_VI = (" Năm {year} (kết quả chính thức): {points} điểm{rank}; {direction} "
                   "{change} điểm.")
INDEX_UP_VI = "tăng"
INDEX_DOWN_VI = "giảm"

# shortcomings
SHORTCOMING_NO_DATA_VI = "- {label}: {note}; chưa đánh giá được."
GAP_UNIT_DOSSIERS_VI = "hồ sơ"  # what a target is short of: dossiers
GAP_UNIT_PROCEDURES_VI = "TTHC"  # ... or procedures
SHORTCOMING_GAP_VI = ("- {label}: đạt {value}, chưa đạt mục tiêu {target}; còn thiếu "
                      "{needed} {unit}.")
SHORTCOMING_TASKS_VI = "- {status}: nhiệm vụ {ids}."
SHORTCOMING_NO_EVIDENCE_VI = "- Chưa có tài liệu kiểm chứng: {count} nhiệm vụ ({ids})."
NOTHING_BEHIND_VI = "Tính đến ngày {day}, không có chỉ tiêu, nhiệm vụ nào chậm so với kế hoạch."

# recommendations
RECOMMEND_PRIORITY_VI = " Ưu tiên: {names}."
RECOMMEND_IDLE_PROCEDURES_VI = (
    "- Đề nghị UBND cấp trên xem xét không tính vào mẫu số các chỉ tiêu các "
    "TTHC không phát sinh hồ sơ nào trong năm ({count} TTHC), vì tỷ lệ "
    "của các TTHC này không phụ thuộc vào nỗ lực của đơn vị.")
RECOMMEND_EVIDENCE_VI = ("- Đề nghị {leads} cung cấp đầy đủ, kịp thời tài liệu kiểm "
                         "chứng của các nhiệm vụ được giao.")
RECOMMEND_KEEP_UP_VI = "- Tiếp tục duy trì các kết quả đã đạt."

# --------------------------------------------------------------------------------------
# reports/plan_document.py: the administrative format's blocks
# --------------------------------------------------------------------------------------

# the heading: the issuing body (its name upper-cased), the number left to fill, quốc hiệu,
# tiêu ngữ, place and date
ISSUER_VI = "ỦY BAN NHÂN DÂN {unit}"
NUMBER_LINE_VI = "Số:        /BC-UBND"
NATIONAL_TITLE_VI = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_VI = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE_VI = "{place}, ngày      tháng      năm {year}"
# nơi nhận: the body above (named, or not), then the others
RECIPIENTS_VI = "Nơi nhận:"
RECIPIENT_PARENT_VI = "- UBND {parent} (b/c);"
RECIPIENT_UPPER_VI = "- UBND cấp trên (b/c);"
RECIPIENTS_OTHERS_VI = ("- Phòng Nội vụ (b/c);", "- Chủ tịch, các PCT UBND;", "- Lưu: VT.")
# the signer
SIGNER_ON_BEHALF_VI = "TM. ỦY BAN NHÂN DÂN"
SIGNER_TITLE_VI = "CHỦ TỊCH"
SIGNER_NOTE_VI = "(Ký, ghi rõ họ tên và đóng dấu)"
# a draft until the office marks the report final (cchc run --final): on the document and in
# its properties (category), where cchc email reads it
DRAFT_MARK_VI = "DỰ THẢO"
# the document's properties: its author is the issuing body
AUTHOR_VI = "UBND {unit}"
