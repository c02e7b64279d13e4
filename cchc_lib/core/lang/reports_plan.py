"""The Vietnamese of the plan reports: the plan-progress report
(:mod:`cchc_lib.reports.plan_progress`) and the November report on the plan as an official
document in the format of Nghị định 30/2020/NĐ-CP (:mod:`cchc_lib.reports.plan_document`):
headings, column titles, sentences of results, shortcomings and recommendations, and the
document's administrative blocks. Templates take named placeholders, filled with
``str.format`` or by ``safe.rich``."""

__all__ = [
    "AUTHOR_VI", "CAUSE_IDLE_MONTHS_VI", "CAUSE_NO_DEMAND_VI", "CAUSE_NOT_WRITTEN_VI",
    "CAUSE_OTHER_CHANNELS_VI", "CAUSE_WRITTEN_VI", "CAUSES_FROM_DATA_VI", "CLOSING_VI",
    "DATA_ENDS_VI", "DOCUMENT_TYPE_VI", "DRAFT_MARK_VI", "EARLIER_PLAN_VI", "FIELD_UNKNOWN_VI",
    "GAP_UNIT_DOSSIERS_VI", "GAP_UNIT_PROCEDURES_VI", "GENERAL_PLAN_NAME_VI", "HAND_KEPT_ROWS_VI",
    "HAND_KEPT_SET_ASIDE_VI", "INDEX_BEFORE_VI", "INDEX_DOWN_VI", "INDEX_EVIDENCED_VI",
    "INDEX_NO_METHOD_VI", "INDEX_RANK_BEFORE_VI", "INDEX_RANKED_VI", "INDEX_UNRANKED_VI",
    "INDEX_UP_VI", "INDEX_VI", "ISSUER_VI", "LINKED_INDICATOR_VI", "LOST_BEFORE_HEADER_VI",
    "MOTTO_VI", "NATIONAL_TITLE_VI", "NO_LOST_BEFORE_VI", "NO_OWN_PLAN_VI", "NO_TASKS_YET_VI",
    "NOTHING_BEHIND_VI", "NUMBER_LINE_VI", "OPENING_VI", "PLACE_DATE_VI", "PLAN_YTD_COLUMNS_VI",
    "PROGRESS_HEADER_VI", "RECIPIENT_NOI_VU_VI", "RECIPIENT_PARENT_VI", "RECIPIENT_UPPER_VI",
    "RECIPIENTS_OTHERS_VI", "RECIPIENTS_VI", "RECOMMEND_EVIDENCE_VI", "RECOMMEND_IDLE_MORE_VI",
    "RECOMMEND_IDLE_PROCEDURES_VI", "RECOMMEND_KEEP_UP_VI", "RECOMMEND_PRIORITY_VI",
    "RECOVERED_VI", "SECTION_RECOMMENDATIONS_VI", "SECTION_RESULTS_VI", "SECTION_SHORTCOMINGS_VI",
    "SHORTCOMING_GAP_VI", "SHORTCOMING_LATE_VI", "SHORTCOMING_NO_DATA_VI",
    "SHORTCOMING_NO_EVIDENCE_VI", "SHORTCOMING_TASK_VI", "SIGNER_DEPUTY_PREFIX", "SIGNER_NOTE_VI",
    "SIGNER_ON_BEHALF_VI", "SIGNER_TITLE_VI", "SUB_INDEX_VI", "SUB_LOST_BEFORE_VI",
    "SUB_TARGETS_VI", "SUB_TASKS_VI", "SUBJECT_VI", "SURVEY_CARRIED_VI", "TARGETS_HEADER_VI",
    "TASK_DONE_LINE_VI", "TASK_NOTHING_DONE_VI", "TASK_STATUS_LINE_VI", "TASKS_COLUMNS_VI",
    "TASKS_HEADER_VI", "UPPER_BODY_VI",
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
                   "gì để báo cáo về tiến độ thực hiện nhiệm vụ; kết quả các chỉ tiêu của kế "
                   "hoạch vẫn được báo cáo trong phần chỉ tiêu.")
HAND_KEPT_SET_ASIDE_VI = ("Lưu ý khi soát xét: khi nhập dữ liệu, {rows} không đọc được nên đã để "
                          "riêng (xem quarantine.csv); mục tiêu, nhiệm vụ hoặc tiến độ nêu trong "
                          "báo cáo này có thể chưa đầy đủ.")
EARLIER_PLAN_VI = ("Lưu ý khi soát xét: tệp kế hoạch chưa có kế hoạch năm {year} của đơn vị; "
                   "báo cáo theo kế hoạch năm {plan_year} gần nhất, với thời gian thực hiện "
                   "nhiệm vụ của năm đó.")
HAND_KEPT_ROWS_VI = "{count} dòng của tệp {table}"
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
TASKS_HEADER_VI = ("TT", "Nhiệm vụ", "Chủ trì, thời gian", "Kết quả thực hiện",
                   "Tài liệu kiểm chứng")
TASK_DONE_LINE_VI = "{day}: {note}"
TASK_NOTHING_DONE_VI = "Chưa có cập nhật trong sổ theo dõi tiến độ."
TASK_STATUS_LINE_VI = "Tình trạng: {status}."
SUB_INDEX_VI = "3. Chỉ số cải cách hành chính"
SECTION_SHORTCOMINGS_VI = "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"
SECTION_RECOMMENDATIONS_VI = "III. KIẾN NGHỊ, ĐỀ XUẤT"
CLOSING_VI = "Trên đây là báo cáo kết quả thực hiện {plan}./."

# the index: without a methodology; else the year's index and place, then last year's
INDEX_NO_METHOD_VI = ("Chưa có bộ tiêu chí chấm điểm trong dữ liệu nên chưa ước tính được Chỉ số "
                      "cải cách hành chính năm {year}.")
INDEX_RANKED_VI = "xếp thứ {rank}/{units} đơn vị"
INDEX_UNRANKED_VI = "chưa xếp hạng vì có tiêu chí không chấm được ({no_data})"
INDEX_EVIDENCED_VI = (" Tính riêng các điểm có tài liệu kiểm chứng: {points} điểm ({lost} "
                      "điểm tự chấm chưa có tài liệu kiểm chứng).")
SUB_LOST_BEFORE_VI = ("Các tiêu chí bị trừ điểm năm {before} (kết quả chính thức) và kết quả "
                      "năm {year}:")
LOST_BEFORE_HEADER_VI = ("Tiêu chí", "Điểm tối đa", "Năm {before}", "Năm {year} (tự chấm)",
                         "Năm {year} (có kiểm chứng)", "Kết quả")
RECOVERED_VI = {"full": "Đã khắc phục", "part": "Khắc phục một phần",
                "none": "Chưa khắc phục", "unknown": "Chưa chấm được"}
SURVEY_CARRIED_VI = ("Điểm điều tra xã hội học năm {year} chưa công bố: cột năm {year} tạm lấy "
                     "điểm năm {before} (tính cả vào Chỉ số ước tính).")
NO_LOST_BEFORE_VI = "Năm {before} (kết quả chính thức) đơn vị không bị trừ điểm tiêu chí nào."
INDEX_VI = ("Chỉ số cải cách hành chính năm {year} (tự chấm, ước tính từ dữ liệu đến ngày "
            "{through}): {points} điểm, {placed}.")
DATA_ENDS_VI = (" (số liệu hồ sơ chỉ có đến ngày {day}: các chỉ tiêu, nguyên nhân và chỉ số dưới "
                "đây tính đến ngày đó)")
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
SHORTCOMING_TASK_VI = "- Nhiệm vụ {id} ({lead}): {status}. {cause}"
CAUSE_WRITTEN_VI = "Nguyên nhân (theo sổ theo dõi tiến độ): {cause}."
CAUSE_NOT_WRITTEN_VI = "Nguyên nhân: chưa được ghi trong sổ theo dõi tiến độ."
CAUSES_FROM_DATA_VI = "Nguyên nhân (từ số liệu): {causes}."
CAUSE_NO_DEMAND_VI = ("{idle}/{enabled} TTHC thuộc diện tính chỉ tiêu không phát sinh hồ sơ "
                      "nào từ đầu năm (không có nhu cầu)")
CAUSE_OTHER_CHANNELS_VI = "{count} TTHC có {demand} nhưng chưa có hồ sơ tính vào chỉ tiêu"
CAUSE_IDLE_MONTHS_VI = "không có TTHC nào đạt yêu cầu của chỉ tiêu trong tháng {months}"
SHORTCOMING_LATE_VI = ("- Có {count} hồ sơ giải quyết quá hạn hoặc đang quá hạn từ đầu năm; "
                       "nhiều nhất ở các lĩnh vực: {fields}.")
FIELD_UNKNOWN_VI = "chưa rõ lĩnh vực"
SHORTCOMING_NO_EVIDENCE_VI = "- Chưa có tài liệu kiểm chứng: {count} nhiệm vụ ({ids})."
NOTHING_BEHIND_VI = "Tính đến ngày {day}, không có chỉ tiêu, nhiệm vụ nào chậm so với kế hoạch."

# recommendations
RECOMMEND_PRIORITY_VI = " Ưu tiên: {names}."
RECOMMEND_IDLE_PROCEDURES_VI = (
    "- Đề nghị UBND {parent} xem xét không tính vào mẫu số các chỉ tiêu các "
    "TTHC không phát sinh hồ sơ nào từ đầu năm ({count} TTHC{names}), vì tỷ lệ "
    "của các TTHC này không phụ thuộc vào nỗ lực của đơn vị.")
RECOMMEND_IDLE_MORE_VI = "; và {more} TTHC khác"
UPPER_BODY_VI = "cấp trên"  # the body above, when the units file names none
RECOMMEND_EVIDENCE_VI = ("- Đề nghị {leads} cung cấp đầy đủ, kịp thời tài liệu kiểm "
                         "chứng của các nhiệm vụ được giao.")
RECOMMEND_KEEP_UP_VI = "- Tiếp tục duy trì các kết quả đã đạt."

# --------------------------------------------------------------------------------------
# reports/plan_document.py: the administrative format's blocks
# --------------------------------------------------------------------------------------

# the heading: the issuing body (its name upper-cased), the number left to fill, quốc hiệu,
# tiêu ngữ, place and date
ISSUER_VI = "ỦY BAN NHÂN DÂN\n{unit}"  # the body, then the unit's name on a line of its own
NUMBER_LINE_VI = "Số:        /BC-UBND"
NATIONAL_TITLE_VI = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_VI = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE_VI = "{place}, ngày      tháng      năm {year}"
# nơi nhận: the body above (named, or not), then the others
RECIPIENTS_VI = "Nơi nhận:"
RECIPIENT_PARENT_VI = "- UBND {parent} (b/c);"
RECIPIENT_UPPER_VI = "- UBND cấp trên (b/c);"
RECIPIENT_NOI_VU_VI = "- Phòng Nội vụ {parent} (b/c);"
RECIPIENTS_OTHERS_VI = ("- Chủ tịch, các Phó Chủ tịch UBND {unit};", "- Lưu: VT.")
# the signer
SIGNER_ON_BEHALF_VI = "TM. ỦY BAN NHÂN DÂN"
SIGNER_TITLE_VI = "CHỦ TỊCH"
SIGNER_DEPUTY_PREFIX = "KT."  # a deputy signing for the head (ký thay)
SIGNER_NOTE_VI = "(Ký, ghi rõ họ tên và đóng dấu)"
# a draft until the office marks the report final (cchc run --final): on the document and in
# its properties (category), where cchc email reads it
DRAFT_MARK_VI = "DỰ THẢO"
# the document's properties: its author is the issuing body
AUTHOR_VI = "UBND {unit}"
