"""The Vietnamese of the office's yearly logbook (``so_theo_doi_<năm>.xlsx``,
:mod:`cchc_lib.reports.logbook`): its sheet names, the column titles (each one a header alias
that ingest reads back as exactly that column: checked when the workbook is written), the
prompts and error alerts of the drop-down lists and checks, the instructions sheet and the
recipients sheet. A leaf: it imports nothing from the workbook. Templates take named
placeholders, filled with ``str.format``."""

__all__ = [
    "COLUMN_TITLES_VI", "DEFAULT_RECIPIENT_VI", "ERRORS_VI", "GUIDE_LINES_VI", "GUIDE_SHEETS_VI",
    "GUIDE_TITLE_VI", "HELPER_TITLES_VI", "LISTS_TITLES_VI", "PROMPTS_VI", "RECIPIENT_KINDS_VI",
    "RECIPIENT_TITLES_VI", "RULE_PROMPTS_VI", "SHEET_NAMES_VI", "WORKBOOK_TITLE_VI",
]

# --------------------------------------------------------------------------------------
# the workbook and its sheets (≤ 31 characters, none of []:*?/\)
# --------------------------------------------------------------------------------------

WORKBOOK_TITLE_VI = "Sổ theo dõi cải cách hành chính năm {year}"

# by table name, and the three sheets that hold no table of ingest
SHEET_NAMES_VI: dict[str, str] = {
    "guide": "Hướng dẫn",
    "units": "Đơn vị",
    "plans": "Kế hoạch",
    "targets": "Mục tiêu",
    "plan_tasks": "Nhiệm vụ",
    "plan_progress": "Tiến độ",
    "self_assessment": "Tự chấm điểm",
    "official_results": "Kết quả chính thức",
    "recipients": "Người nhận",
    "lists": "Danh mục",
}

# --------------------------------------------------------------------------------------
# column titles: table -> column -> one of the column's header aliases (core/lang/vocabulary)
# --------------------------------------------------------------------------------------

COLUMN_TITLES_VI: dict[str, dict[str, str]] = {
    "units": {"unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị",
              "parent_code": "Mã đơn vị cấp trên", "parent_name": "Tên đơn vị cấp trên"},
    "plans": {"plan_id": "Mã kế hoạch", "unit_code": "Mã đơn vị", "number": "Số kế hoạch",
              "date": "Ngày ban hành", "issuer": "Cơ quan ban hành", "title": "Trích yếu",
              "year": "Năm", "signing": "Thẩm quyền ký", "signer_title": "Chức vụ người ký",
              "signer_name": "Người ký"},
    "targets": {"indicator": "Mã chỉ tiêu", "target": "Mục tiêu", "unit_code": "Mã đơn vị",
                "year": "Năm", "source": "Căn cứ"},
    "plan_tasks": {"task_id": "Mã nhiệm vụ", "section": "Mục", "section_title": "Tên mục",
                   "task": "Nhiệm vụ và giải pháp", "lead": "Công chức chủ trì",
                   "coordinators": "Công chức phối hợp", "timeframe": "Thời gian thực hiện",
                   "indicators": "Chỉ tiêu liên quan", "plan_id": "Mã kế hoạch"},
    "plan_progress": {"task_id": "Mã nhiệm vụ", "date": "Ngày cập nhật", "status": "Tình trạng",
                      "note": "Nội dung", "evidence": "Tài liệu kiểm chứng",
                      "cause": "Nguyên nhân"},
    "self_assessment": {"unit_code": "Mã đơn vị", "year": "Năm", "criterion_id": "Mã tiêu chí",
                        "points": "Điểm tự chấm", "evidence": "Tài liệu kiểm chứng",
                        "note": "Ghi chú"},
    "official_results": {"year": "Năm", "unit_code": "Mã đơn vị", "criterion_id": "Mã tiêu chí",
                         "points": "Điểm thẩm định"},
}

# the self-assessment's read-only helper columns, right of the data: titles that name no
# column and none of the data contract's words, so ingest passes over them without a warning
HELPER_TITLES_VI: dict[str, str] = {
    "title": "Nội dung tiêu chí (để tham khảo)",
    "max_points": "Điểm tối đa (để tham khảo)",
    "evidence": "Kiểm chứng cần có (để tham khảo)",
}

# the hidden lists sheet's column titles
LISTS_TITLES_VI: dict[str, str] = {
    "indicator": "Mã chỉ tiêu", "status": "Tình trạng nhiệm vụ", "criterion": "Mã tiêu chí",
    "title": "Nội dung tiêu chí", "max_points": "Điểm tối đa",
    "manual": "Tiêu chí tự chấm",
}

# --------------------------------------------------------------------------------------
# the recipients sheet (written from the recipients file; not read back)
# --------------------------------------------------------------------------------------

RECIPIENT_TITLES_VI = ("Mã đơn vị", "Nhận", "Chức danh công chức", "Thư điện tử")
RECIPIENT_KINDS_VI: dict[str, str] = {"report": "Báo cáo của đơn vị",
                                      "officer": "Nhắc việc nhiệm vụ"}
DEFAULT_RECIPIENT_VI = "Các đơn vị khác"

# --------------------------------------------------------------------------------------
# prompts shown when a cell is selected (title ≤ 32 characters, text ≤ 255)
# --------------------------------------------------------------------------------------

# by the kind of check a column has
RULE_PROMPTS_VI: dict[str, str] = {
    "unit_list": "Chọn mã đơn vị trong danh sách (lấy từ trang “Đơn vị”).",
    "plan_list": "Chọn mã kế hoạch trong danh sách (lấy từ trang “Kế hoạch”).",
    "task_list": "Chọn mã nhiệm vụ trong danh sách (lấy từ trang “Nhiệm vụ”).",
    "indicator_list": "Chọn mã chỉ tiêu trong danh sách.",
    "status_list": "Chọn một tình trạng trong danh sách.",
    "criterion_list": "Chọn mã tiêu chí trong danh sách (theo bộ chỉ số).",
    "unique": "Mã viết một lần, không trùng với dòng khác.",
    "year": "Năm, 4 chữ số (ví dụ {year}).",
    "date_year": "Ngày trong năm {year}, dạng ngày/tháng/năm.",
    "date": "Ngày, dạng ngày/tháng/năm.",
    "share": "Tỷ lệ phần trăm, từ 0% đến 100% (gõ 50 là 50%).",
    "points": "Số điểm, từ 0 đến điểm tối đa của tiêu chí.",
    "number": "Số, không âm.",
    "text": "",
}

# by table and column: what the column holds, before the rule's prompt
PROMPTS_VI: dict[str, dict[str, str]] = {
    "units": {"unit_code": "Mã đơn vị dùng trong mọi trang của sổ.",
              "unit_name": "Tên đơn vị, ví dụ Phường 2.",
              "parent_code": "Mã đơn vị cấp trên (thị xã, huyện).",
              "parent_name": "Tên đơn vị cấp trên."},
    "plans": {"plan_id": "Mã tự đặt cho kế hoạch, ví dụ P2-KH99-2022.",
              "unit_code": "Đơn vị ban hành kế hoạch.",
              "number": "Số, ký hiệu văn bản, ví dụ 99/KH-UBND.",
              "date": "Ngày ban hành kế hoạch.",
              "issuer": "Cơ quan ban hành, ví dụ UBND phường 2.",
              "title": "Trích yếu nội dung kế hoạch.",
              "year": "Năm thực hiện kế hoạch.",
              "signing": "TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH; để trống nếu chưa rõ.",
              "signer_title": "Chức vụ người ký báo cáo, ví dụ CHỦ TỊCH.",
              "signer_name": "Họ tên người ký báo cáo."},
    "targets": {"indicator": "Chỉ tiêu của kế hoạch.",
                "target": "Mức phấn đấu của chỉ tiêu.",
                "unit_code": "Để trống: áp dụng cho mọi đơn vị.",
                "year": "Để trống: áp dụng cho mọi năm.",
                "source": "Văn bản giao mục tiêu."},
    "plan_tasks": {"task_id": "Số thứ tự nhiệm vụ trong kế hoạch, ví dụ I.1.",
                   "section": "Mục của kế hoạch, ví dụ I.",
                   "section_title": "Tên mục của kế hoạch.",
                   "task": "Nội dung nhiệm vụ và giải pháp.",
                   "lead": "Công chức chủ trì (chức danh).",
                   "coordinators": "Công chức phối hợp.",
                   "timeframe": "Ví dụ: Thường xuyên; Quý II/2022; Trước 30/9/2022.",
                   "indicators": "Mã chỉ tiêu liên quan (trang “Mục tiêu”), cách nhau "
                                 "bằng dấu chấm phẩy; để trống nếu không có.",
                   "plan_id": "Kế hoạch của nhiệm vụ."},
    "plan_progress": {"task_id": "Nhiệm vụ được cập nhật.",
                      "date": "Ngày cập nhật tiến độ.",
                      "status": "Tình trạng của nhiệm vụ tại ngày cập nhật.",
                      "note": "Việc đã làm.",
                      "evidence": "Văn bản, tài liệu chứng minh (số, ngày).",
                      "cause": "Nguyên nhân chậm hoặc vướng mắc, nếu có."},
    "self_assessment": {"unit_code": "Đơn vị tự chấm.",
                        "year": "Năm đánh giá.",
                        "criterion_id": "Tiêu chí đơn vị tự chấm điểm.",
                        "points": "Điểm đơn vị tự chấm.",
                        "evidence": "Tài liệu kiểm chứng đã có (số, ngày văn bản).",
                        "note": "Ghi chú, nếu có."},
    "official_results": {"year": "Năm của kết quả đã công bố.",
                         "unit_code": "Đơn vị được đánh giá.",
                         "criterion_id": "Tiêu chí (hoặc survey: điều tra xã hội học).",
                         "points": "Điểm thẩm định đã công bố."},
}

# --------------------------------------------------------------------------------------
# error alerts: (title ≤ 32 characters, text ≤ 255), by the kind of check
# --------------------------------------------------------------------------------------

ERRORS_VI: dict[str, tuple[str, str]] = {
    "list": ("Giá trị không có trong danh sách",
             "Hãy chọn một giá trị trong danh sách thả xuống. Nếu cần giá trị mới, thêm "
             "vào trang nguồn của danh sách trước."),
    "unique": ("Mã bị trùng", "Mã này đã có ở dòng khác. Mỗi mã chỉ ghi một lần."),
    "year": ("Năm không hợp lệ", "Năm phải là số nguyên từ {low} đến {high}."),
    "date": ("Ngày không hợp lệ",
             "Ngày phải nằm trong khoảng {low} đến {high}, dạng ngày/tháng/năm."),
    "share": ("Tỷ lệ không hợp lệ", "Tỷ lệ phải từ 0% đến 100%."),
    "points": ("Điểm không hợp lệ",
               "Điểm phải từ 0 đến điểm tối đa của tiêu chí. Chọn mã tiêu chí trước khi "
               "ghi điểm."),
    "number": ("Số không hợp lệ", "Phải là một số không âm."),
}

# --------------------------------------------------------------------------------------
# the instructions sheet
# --------------------------------------------------------------------------------------

GUIDE_TITLE_VI = "SỔ THEO DÕI CẢI CÁCH HÀNH CHÍNH NĂM {year}: HƯỚNG DẪN GHI CHÉP"

GUIDE_LINES_VI: tuple[str, ...] = (
    "Sổ này gồm các trang mà phần mềm đọc lại để tính Chỉ số CCHC và theo dõi kế hoạch. "
    "Mỗi trang là một danh sách: dòng 1 là tiêu đề cột, mỗi dòng tiếp theo là một bản ghi.",
    "Không sửa, không xóa, không đổi thứ tự dòng tiêu đề (dòng 1) của các trang: phần mềm "
    "nhận biết cột theo đúng tiêu đề này. Dòng tiêu đề đã được khóa.",
    "Ghi từ dòng 2 trở xuống, không để dòng trống xen giữa, không gộp ô. Không ghi dòng "
    "tổng cộng, không ghi chữ ký ở cuối danh sách.",
    "Ô có danh sách thả xuống (mũi tên bên phải ô): chọn giá trị trong danh sách; giá trị "
    "khác sẽ bị từ chối. Mã đơn vị lấy từ trang “Đơn vị”, mã kế hoạch từ trang “Kế hoạch”, "
    "mã nhiệm vụ từ trang “Nhiệm vụ”: thêm mã mới ở trang đó trước, rồi mới chọn được.",
    "Ngày ghi dạng ngày/tháng/năm (ví dụ 15/04/{year}). Điểm, tỷ lệ ghi bằng số.",
    "Các trang được bảo vệ không mật khẩu để tránh sửa nhầm tiêu đề. Khi cần (ví dụ thêm "
    "cột ghi chú riêng), chọn Review → Unprotect Sheet (Xem lại → Bỏ bảo vệ trang tính).",
    "Trang “Danh mục” (ẩn) chứa các danh sách thả xuống; không sửa trang này.",
    "Tài liệu kiểm chứng dạng tệp (bản quét PDF, ảnh, Word…): đặt tệp trong thư mục "
    "data/evidence của sổ tay, rồi ghi tên tệp tính từ thư mục đó (ví dụ "
    "{year}/quyet_dinh_12.pdf) vào cột tài liệu kiểm chứng, mỗi tài liệu một dòng hoặc cách "
    "nhau bằng dấu “;”. Tệp không có trong thư mục bị đánh dấu thiếu; đường dẫn ra ngoài thư "
    "mục đó không được nhận.",
)

# (sheet key, what it holds and how to fill it)
GUIDE_SHEETS_VI: tuple[tuple[str, str], ...] = (
    ("units", "Các đơn vị (phường, xã) và đơn vị cấp trên. Mã đơn vị không trùng nhau."),
    ("plans", "Kế hoạch CCHC năm của đơn vị: số, ngày ban hành, trích yếu, người ký báo cáo."),
    ("targets", "Mục tiêu của các chỉ tiêu trong kế hoạch. Để trống mã đơn vị: mục tiêu "
                "chung cho mọi đơn vị; để trống năm: cho mọi năm."),
    ("plan_tasks", "Nhiệm vụ của kế hoạch: mục, nội dung, công chức chủ trì, thời gian "
                   "thực hiện, chỉ tiêu liên quan."),
    ("plan_progress", "Mỗi lần cập nhật tiến độ một nhiệm vụ là một dòng: ngày, tình trạng "
                      "(Chưa thực hiện, Đang thực hiện, Hoàn thành, Vướng mắc), việc đã làm, "
                      "tài liệu kiểm chứng, nguyên nhân nếu chậm."),
    ("self_assessment", "Điểm tự chấm của các tiêu chí đơn vị tự chấm, đã ghi sẵn một dòng "
                        "cho mỗi đơn vị và tiêu chí: ghi điểm và tài liệu kiểm chứng. Các cột "
                        "xám bên phải (nội dung tiêu chí, điểm tối đa, kiểm chứng cần có) chỉ "
                        "để tham khảo, phần mềm không đọc."),
    ("official_results", "Điểm thẩm định Chỉ số CCHC đã công bố (của năm trước: làm mốc so "
                         "sánh)."),
    ("recipients", "Người nhận báo cáo và nhắc việc: mã đơn vị (hoặc “Các đơn vị khác”), loại "
                   "thư nhận, chức danh (khi nhận nhắc việc), một địa chỉ mỗi dòng. Phần mềm "
                   "đọc trang này khi lệnh gửi thư ghi --recipients là tệp sổ này."),
)
