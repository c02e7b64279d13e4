"""The Vietnamese of the PAR scorecard (:mod:`cchc_lib.reports.scorecard`) and of the evidence
checklist beside it (:mod:`cchc_lib.reports.checklist`): the scorecard's header, its tables'
column titles and notes, and the checklist's columns, summary sentence and sheet titles.
Templates take named placeholders, filled with ``str.format`` or by ``safe.rich``."""

__all__ = [
    "CHECKLIST_COLUMNS_VI", "CHECKLIST_FILE_MISSING_VI", "CHECKLIST_FILE_PRESENT_VI",
    "CHECKLIST_FILES_COLUMNS_VI", "CHECKLIST_FILES_SHEET_VI", "CHECKLIST_FILES_TITLE_VI",
    "CHECKLIST_METHOD_VI", "CHECKLIST_SHEET_VI", "CHECKLIST_SUMMARY_ALL_EVIDENCED_VI",
    "CHECKLIST_SUMMARY_FILE_MISSING_VI", "CHECKLIST_SUMMARY_MISSING_VI",
    "CHECKLIST_SUMMARY_NOT_SCORED_VI", "CHECKLIST_SUMMARY_VI", "CHECKLIST_TITLE_VI",
    "CHECKLIST_TOTAL_NOTE_NO_SURVEY_VI", "CHECKLIST_TOTAL_NOTE_VI", "CHECKLIST_UNIT_VI",
    "CHECKLIST_WORKBOOK_TITLE_VI", "EVIDENCE_SUMMARY_VI", "FIELD_NOT_SCORED_VI",
    "FIELDS_COLUMNS_VI", "HEADER_ALL_EVIDENCED_VI", "HEADER_BEFORE_VI", "HEADER_EVIDENCED_GAP_VI",
    "HEADER_GRADE_VI", "HEADER_TEMPLATE_METHOD_VI", "HEADER_UNSCORED_VI", "HEADER_VI",
    "LOST_COLUMNS_VI", "NOTE_VI", "NOTHING_TO_ADD_VI", "RANKING_COLUMNS_VI", "SURVEY_SHORT_VI",
    "UNRANKED_NOTE_VI",
]

# --------------------------------------------------------------------------------------
# reports/scorecard.py (safe.rich templates, column titles)
# --------------------------------------------------------------------------------------

# the header: the index (then its points when the maximum is not 100, and the criteria not
# scored), the grade, the index with evidence, last year's, and the template methodology
HEADER_VI = ("# Chỉ số CCHC năm {year}: {unit}\n\n"
             "**Chỉ số {year} (ước tính):** tự chấm {index} điểm")
HEADER_UNSCORED_VI = (" (chưa tính {unknown_count} tiêu chí, {unknown_points} điểm, không chấm "
                      "được vì {no_data}: {unknown_ids}; đơn vị không được xếp hạng)")
HEADER_GRADE_VI = ", xếp loại **{grade}**; "
HEADER_EVIDENCED_GAP_VI = ("**có đủ tài liệu kiểm chứng:** {index_evidenced} điểm, xếp loại "
                           "{grade_evidenced} (!!thiếu kiểm chứng: {gap} điểm!!)")
HEADER_ALL_EVIDENCED_VI = "mọi điểm tự chấm đều có tài liệu kiểm chứng"
HEADER_BEFORE_VI = (" · **Năm {year_before} (chính thức):** {index_before} điểm, xếp loại "
                    "{grade_before}")
HEADER_TEMPLATE_METHOD_VI = ("\n\n*Bộ chỉ số dùng ở đây là **mẫu** theo cấu trúc Chỉ số CCHC "
                             "quốc gia; điểm chính thức theo bộ chỉ số của tỉnh.*")
# per field; the templates take the year ({year}: the year before or the year itself)
FIELDS_COLUMNS_VI = {
    "field": "Lĩnh vực",
    "max_points": "Điểm tối đa",
    "official_before": "Năm {year} (chính thức)",
    "lost_before": "Bị mất năm {year}",
    "points": "Năm {year} tự chấm",
    "evidenced": "Năm {year} có kiểm chứng",
    "lost": "Bị mất năm {year}",
    "change": "So với năm {year}",
    "note": "Lưu ý",
}
FIELD_NOT_SCORED_VI = "chưa chấm {ids} ({no_data})"
SURVEY_SHORT_VI = "ĐTXHH"  # the sociological survey's criterion, in the lost points' table
# per criterion short of its maximum
LOST_COLUMNS_VI = {
    "id": "Tiêu chí",
    "title": "Nội dung",
    "source": "Cách chấm",
    "max_points": "Tối đa",
    "lost_before": "Bị mất năm {year}",
    "evidenced": "Năm {year} (có kiểm chứng)",
    "lost": "Bị mất năm {year}",
    "note": "Lưu ý",
}
EVIDENCE_SUMMARY_VI = ("{summary} Danh mục đầy đủ theo từng tiêu chí ở tệp Excel "
                       "**{file}** kèm theo báo cáo này, để gửi Phòng Nội vụ.")
NOTHING_TO_ADD_VI = "Không có tiêu chí nào cần bổ sung."
RANKING_COLUMNS_VI = {
    "rank": "Hạng",
    "unit": "Đơn vị",
    "index": "Chỉ số {year} (ước tính)",
    "grade": "Xếp loại",
    "index_before": "Chỉ số {year}",
    "rank_before": "Hạng {year}",
    "rank_change": "Thay đổi hạng",
}
UNRANKED_NOTE_VI = "{unit}: không xếp hạng vì tiêu chí {ids} không chấm được ({no_data})"
NOTE_VI = (
    "Tiêu chí tính từ dữ liệu: giá trị chỉ số của năm {year} (đến ngày cuối có dữ liệu) "
    "đối chiếu các mức điểm trong bộ chỉ số. Tiêu chí tự chấm: theo tệp tự chấm điểm; "
    "tiêu chí có điểm mà thiếu tài liệu kiểm chứng sẽ bị Phòng Nội vụ trừ điểm khi thẩm "
    "định. Điểm điều tra xã hội học năm {year} chưa công bố: tạm lấy điểm năm "
    "{year_before}. Bộ chỉ số: {method}. {set_aside}")

# --------------------------------------------------------------------------------------
# reports/checklist.py
# --------------------------------------------------------------------------------------

# the checklist's columns (checklist.COLUMNS_VI)
CHECKLIST_COLUMNS_VI = {"id": "Tiêu chí", "title": "Nội dung", "max_points": "Điểm tối đa",
                        "points": "Điểm tự chấm", "evidenced": "Điểm có kiểm chứng",
                        "required": "Tài liệu kiểm chứng cần có", "attached": "Tài liệu đã có",
                        "status": "Tình trạng", "owner": "Phụ trách"}
# the summary: "Còn " and its parts joined by "; ", or all evidenced
CHECKLIST_SUMMARY_MISSING_VI = ("{count} tiêu chí có điểm tự chấm nhưng còn thiếu tài liệu kiểm "
                                "chứng ({points} điểm chưa được tính)")
CHECKLIST_SUMMARY_NOT_SCORED_VI = "{count} tiêu chí chưa tự chấm"
CHECKLIST_SUMMARY_FILE_MISSING_VI = ("{count} tiêu chí nêu tệp minh chứng không có trong thư mục "
                                     "{folder} ({points} điểm chưa được tính)")
CHECKLIST_SUMMARY_ALL_EVIDENCED_VI = "Mọi tiêu chí tự chấm có điểm đều đã có tài liệu kiểm chứng."
CHECKLIST_SUMMARY_VI = "Còn {parts}."
# the workbook
CHECKLIST_WORKBOOK_TITLE_VI = "Tài liệu kiểm chứng Chỉ số CCHC {year}: {unit}"
CHECKLIST_SHEET_VI = "Kiểm chứng"
CHECKLIST_FILES_SHEET_VI = "Tệp minh chứng"
CHECKLIST_FILES_TITLE_VI = "TỆP MINH CHỨNG TRONG THƯ MỤC {folder} (theo lần nhập dữ liệu gần nhất)"
CHECKLIST_FILES_COLUMNS_VI = ("Tiêu chí", "Nội dung", "Tệp", "Tình trạng")
CHECKLIST_FILE_PRESENT_VI = "Có (bấm để mở)"
CHECKLIST_FILE_MISSING_VI = "KHÔNG CÓ TRONG THƯ MỤC"
CHECKLIST_TITLE_VI = "DANH MỤC TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CCHC NĂM {year}"
CHECKLIST_UNIT_VI = "Đơn vị: {unit}"
CHECKLIST_METHOD_VI = "Bộ chỉ số: {method}"
# under the checklist's total: what it adds up, and the points not in the table
CHECKLIST_TOTAL_NOTE_VI = ("Tổng cộng là điểm của {count} tiêu chí trong bảng ({points} điểm "
                           "tối đa). Không có trong bảng: {survey} ({survey_points} điểm), không "
                           "cần tài liệu kiểm chứng. Điểm tối đa của bộ chỉ số: {total}.")
CHECKLIST_TOTAL_NOTE_NO_SURVEY_VI = ("Tổng cộng là điểm của {count} tiêu chí trong bảng "
                                     "({points} điểm tối đa, cả bộ chỉ số).")
