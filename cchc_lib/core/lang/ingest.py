"""The Vietnamese of the ingest stage's own modules (the readers of each kind of file have
theirs in :mod:`cchc_lib.core.lang.ingest_readers`): the alerts and the run's summary
(:mod:`cchc_lib.ingest.result`), the data-quality table and the quarantine's headers
(:mod:`cchc_lib.ingest.quality`), what is not read of a header and why
(:mod:`cchc_lib.ingest.mapping`), the notes and errors of the run
(:mod:`cchc_lib.ingest.pipeline`, :mod:`cchc_lib.ingest.store`,
:mod:`cchc_lib.ingest.cache`), what is wrong with a methodology file
(:mod:`cchc_lib.ingest.methodology`), the words read in values (:mod:`cchc_lib.ingest.parsers`,
:mod:`cchc_lib.ingest.dates`) and the legacy encodings' letters and common syllables
(:mod:`cchc_lib.ingest.encodings`). Templates take named placeholders, filled with
``str.format``. A leaf: it imports nothing from the workbook."""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_TITLE_VI", "AT_LINE_VI", "BAND_EMPTY_VI", "BAND_INCOMPLETE_VI", "BAND_OVER_MAX_VI",
    "BANDS_MISSING_VI", "BANDS_OVERLAP_VI", "CACHE_KEY_WHAT_VI", "CATALOG_NO_DOSSIERS_VI",
    "CATALOG_SOURCE_MISSING_VI", "CHILDREN_TOTAL_VI", "CODE_ALERT_VI", "CODE_ALERTS_HEAD_VI",
    "COLUMN_TITLES_VI", "COLUMNS_ABSENT_VI", "COLUMNS_EMPTY_VI", "COLUMNS_MISSING_VI",
    "COLUMNS_MORE_VI", "COLUMNS_READ_HOW_VI", "COLUMNS_UNREAD_VI", "COMMON_SYLLABLES",
    "CONTINUES_NOTE_VI", "COPY_HAS_VALUES_VI", "CURRENCY_PATTERN", "DATE_ORDER_ALERT_VI",
    "DAY_PART_WORDS", "DAY_WORDS", "DAYS_SUFFIX_PATTERN", "DUE_DERIVED_UNITS_VI", "DUE_DERIVED_VI",
    "EVIDENCE_MISSING_NOTE_VI", "EVIDENCE_NOT_TEXT_VI", "FIELDS_MISSING_VI", "FILE_ACCEPTED_VI",
    "FILE_QUARANTINED_VI", "FILE_ROWS_IN_VI", "FILE_SKIPPED_VI", "FILE_SUMMARY_VI",
    "FILE_UNREADABLE_VI", "FILES_REUSED_VI", "FOLDER_HELD_VI", "FREE_WORDS", "GRADE_INCOMPLETE_VI",
    "HOUR_WORDS", "HOW_VI", "ID_READ_AS_NUMBER_VI", "ID_TWICE_VI", "INDICATOR_UNKNOWN_VI",
    "KEY_MISSING_VI", "KEYS_UNKNOWN_VI", "LEAF_SCORING_VI", "LEGACY_ENCODING_NOTE_VI",
    "METHODOLOGY_NOT_FOUND_VI", "MINUTE_WORDS", "MISSING_PIN_EXAMPLE_VI", "MISSING_PIN_VI",
    "MISSING_REQUIRED_VI", "MISSING_SHEET_VI", "NO_DETAIL_VI", "NODE_NOT_MAPPING_VI", "NONE_VI",
    "NOT_A_NUMBER_VI", "NOT_DATA_ROWS_VI", "NOT_INGESTED_VI", "NOT_YAML_VI", "NUL_BYTES_NOTE_VI",
    "OPTIONAL_MISSING_VI", "OR_VI", "OUT_NOT_FOLDER_VI", "PARENT_SCORED_VI", "PARQUET_EMPTY_VI",
    "PARQUET_UNREADABLE_VI", "PERSONAL_DROPPED_FILES_VI", "PERSONAL_DROPPED_VI",
    "PINNED_TOGETHER_VI", "PROBLEMS_SHEET_VI", "PROCEDURE_NOT_LISTED_VI", "QUALITY_COLUMNS_VI",
    "QUARANTINE_HEADERS_VI", "QUARANTINE_REASON_VI", "QUARANTINE_REASONS_LINE_VI",
    "READ_TOGETHER_VI", "REASON_ALERT_COLUMN_VI", "REASON_ALERT_VI", "REASONS_HEADER_VI",
    "SAME_COLUMN_VI", "SAME_DAY_WORDS", "STATUS_DOSSIERS_VI", "SURVEY_TITLE_VI",
    "TABLE_DAMAGED_VI", "TABLE_SUMMARY_VI", "TCVN_HIGH", "TIME_WORDS", "TITLE_ALERT_VI",
    "TITLE_ALERTS_HEAD_VI", "TITLE_IN_FILE_VI", "TITLE_NOT_TEXT_VI", "TOTAL_MISMATCH_VI",
    "UNIT_ACCEPTED_VI", "UNIT_FROM_NAMES_NOTE_VI", "UNIT_NOT_KNOWN_VI", "UNIT_QUARANTINED_VI",
    "UNKNOWN_PROCEDURES_VI", "UNREAD_WHY_VI", "UNTITLED_COLUMN_VI", "VALUE_AT_ROW_VI",
    "VALUE_UNUSABLE_VI", "VNI_LETTERS", "VNI_MARKED_VOWELS", "VNI_MARKS", "YAML_TOO_LARGE_VI",
]

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.result: the alerts
# --------------------------------------------------------------------------------------

# the value_map line's spelling when the value may not be shown (text a person typed)
VALUE_AT_ROW_VI = '"<giá trị ở dòng {row}>"'
# an unrecognised value that sets many rows aside
CODE_ALERT_VI = ("CẢNH BÁO {file}: cột {column}, giá trị \"{shown}\" ({problem}) làm "
                 "{rows}/{rows_in} dòng ({share}) bị cách ly; lần đầu ở dòng {first}. "
                 "Khi đã rõ nghĩa, ghim cách viết này trong danh mục dữ liệu (data/catalog.yml), "
                 "giữ một mã:\n    {line}")
# a column not read whose title names a word of the data contract
TITLE_ALERT_VI = ("CẢNH BÁO {file}{where}: cột “{title}” không được đọc, dù tiêu đề "
                  "nhắc đến {words}. Nếu đó là cột {columns}, ghi trong danh "
                  "mục dữ liệu (data/catalog.yml), giữ một cột:\n    {read}\n  Nếu không cần "
                  "đọc cột này, ghi:\n    {skip}")
OR_VI = " hoặc "  # between the columns a title may be
# a reason a value was not read that sets many rows aside; the column unless the whole row
REASON_ALERT_VI = ("CẢNH BÁO {file}: {rows}/{rows_in} dòng ({share}) bị cách ly vì "
                   "{reason}{column}; lần đầu ở dòng {first}{example}. Xem quarantine.csv, "
                   "sửa tệp xuất hoặc ghi cách đọc trong danh mục dữ liệu rồi nhập lại.")
REASON_ALERT_COLUMN_VI = " ở cột {column}"
# an export whose dates read both ways
DATE_ORDER_ALERT_VI = ("CẢNH BÁO {file}: {rows}/{rows_in} dòng bị "
                       "cách ly vì ngày tháng đọc được hai cách (như 03/04/2022: ngày 3 tháng 4 "
                       "hay ngày 4 tháng 3) mà tệp không có ngày nào cho thấy thứ tự. Khi đã rõ "
                       "hệ thống xuất ghi ngày trước hay tháng trước, ghi vào nguồn của tệp này "
                       "trong danh mục dữ liệu (data/catalog.yml):\n    date_order: dmy    "
                       "(ngày trước; mdy: tháng trước)")
# the heads of the alerts (alerts_text)
CODE_ALERTS_HEAD_VI = ("{n} giá trị không đọc được làm nhiều dòng bị cách ly "
                       "(mọi chỉ số tính trên phần còn lại sẽ sai):")
TITLE_ALERTS_HEAD_VI = ("{n} cột không được đọc dù tiêu đề nhắc đến nội dung "
                        "của dữ liệu chuẩn (chỉ số cần cột đó sẽ ghi “không có số liệu”):")

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.result: the run's summary (summary_text, columns_lines)
# --------------------------------------------------------------------------------------

# how a column's title was read, as the summary says it (an exact alias goes unsaid)
HOW_VI = {"pinned": "theo danh mục dữ liệu", "rules": "theo nghĩa của tiêu đề"}
# what a file's report says of its columns
COLUMNS_READ_HOW_VI = "cột đọc {how}: {columns}"
COLUMNS_ABSENT_VI = "tệp không có cột (chỉ số cần cột này sẽ ghi “không có số liệu”): {columns}"
COLUMNS_EMPTY_VI = ("cột có tiêu đề nhưng không có giá trị nào, tính như tệp không có cột "
                    "(“không có số liệu”, không tính là 0): {columns}")
DUE_DERIVED_VI = ("{n} hồ sơ không có hạn trả trong tệp: hạn trả tính từ thời "
                  "hạn giải quyết trong danh mục TTHC")
COLUMNS_UNREAD_VI = "cột không đọc: {columns}"
# the summary's lines
TABLE_SUMMARY_VI = ("{table}: {rows_in} dòng dữ liệu, nhận {accepted}, cách ly {quarantined} "
                    "({files} tệp)\n")
FILE_SKIPPED_VI = "bỏ qua: {skipped}"
EVIDENCE_MISSING_NOTE_VI = "{n} dòng nêu tệp minh chứng không có trong thư mục {folder}"
FOLDER_HELD_VI = ("Thư mục {path} có tệp đang mở trong chương trình khác (Excel đang mở "
                  "quarantine.csv hay data_quality.csv?): đóng tệp rồi chạy lại (dữ liệu cũ vẫn "
                  "giữ nguyên)")
OPTIONAL_MISSING_VI = "không có cột {columns}: đọc là để trống"
FILE_SUMMARY_VI = "  {file}{where}: {rows_in} = {accepted} nhận + {quarantined} cách ly"
FILES_REUSED_VI = ("{reused} tệp không đổi từ lần nhập trước: dùng lại kết quả đã đọc; đọc "
                   "{parsed} tệp (`cchc ingest --full` để đọc lại tất cả)\n")
PERSONAL_DROPPED_VI = "cột dữ liệu cá nhân đã bỏ: {columns}\n"
NONE_VI = "không có"  # no personal column dropped
QUARANTINE_REASONS_LINE_VI = "lý do cách ly: {reasons}\n"
UNKNOWN_PROCEDURES_VI = "hồ sơ có mã TTHC chưa có trong danh mục (vẫn nhận, có đánh dấu): {n}\n"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.quality: the data-quality table (Mục, Nội dung, Số lượng) and the
# quarantine as quarantine.csv shows it
# --------------------------------------------------------------------------------------

QUALITY_COLUMNS_VI = ("Mục", "Nội dung", "Số lượng")
# the table's items
FILE_ROWS_IN_VI = "Số dòng dữ liệu theo tệp"
FILE_ACCEPTED_VI = "Số dòng nhận theo tệp"
FILE_QUARANTINED_VI = "Số dòng cách ly theo tệp"
NOT_DATA_ROWS_VI = "Dòng không phải dữ liệu"
QUARANTINE_REASON_VI = "Lý do cách ly"
UNIT_ACCEPTED_VI = "Hồ sơ nhận theo đơn vị"
UNIT_NOT_KNOWN_VI = "(không rõ)"  # a quarantined dossier without a unit
UNIT_QUARANTINED_VI = "Hồ sơ cách ly theo đơn vị"
PROCEDURE_NOT_LISTED_VI = "Mã TTHC không có trong danh mục"
STATUS_DOSSIERS_VI = "Hồ sơ theo trạng thái"
DUE_DERIVED_UNITS_VI = "Hạn trả tính từ danh mục (ngày làm việc)"
PERSONAL_DROPPED_FILES_VI = "Cột dữ liệu cá nhân đã bỏ (số tệp)"
# quarantine.csv's headers, and the one of the reasons in words
QUARANTINE_HEADERS_VI = {
    "table": "Bảng", "source_file": "Tệp", "source_sheet": "Trang tính", "source_row": "Dòng",
    "reasons": "Mã lý do", "unit_code": "Mã đơn vị", "dossier_id": "Mã hồ sơ",
    "procedure_code": "Mã TTHC", "received_at": "Ngày tiếp nhận", "detail": "Chi tiết",
}
REASONS_HEADER_VI = "Lý do"
COLUMN_TITLES_VI = "Cột trong tệp"  # quarantine.csv: the column a reason names, as titled

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.mapping: why a column is not read, and the titles that stop ingest
# --------------------------------------------------------------------------------------

# why a column is not read, by mapping's reasons (NO_MEANING, PINNED_OFF, …)
UNREAD_WHY_VI = {
    "no_meaning": "tiêu đề không ứng với cột nào của dữ liệu chuẩn",
    "pinned_off": "danh mục dữ liệu ghi không đọc cột này (columns: … null)",
    "weaker": "cột {column} đã đọc từ cột “{other}”",
    "copy": "tiêu đề lặp lại; đã đọc bản có dữ liệu (cột thứ {other})",
    "untitled": "không có tiêu đề",
    "unit_given": "tên đơn vị; mã đơn vị của tệp đã ghi trong danh mục dữ liệu (unit_code)",
}
# a title that may be several columns
AMBIGUOUS_TITLE_VI = ("tiêu đề “{title}” có thể là {n} cột: {columns}; ghi rõ cột nào trong "
                      "danh mục dữ liệu (data/catalog.yml), ví dụ: {line}")
# different titles naming one column ({why}: pinned together, or read as the same)
SAME_COLUMN_VI = ("{n} cột {titles} {why} cột {column}; chọn một cột trong danh mục dữ liệu "
                  "(data/catalog.yml), ví dụ: {line} (đọc cột “{first}”)")
PINNED_TOGETHER_VI = "cùng được danh mục dữ liệu ghim vào"
READ_TOGETHER_VI = "cùng là"
# a copy of a title, not read though it holds values
COPY_HAS_VALUES_VI = "; bản này cũng có {n} giá trị, không đọc"
# the required columns no title names
MISSING_SHEET_VI = " (trang tính '{sheet}')"
MISSING_REQUIRED_VI = "thiếu cột bắt buộc{where}: {names}"
MISSING_PIN_EXAMPLE_VI = ("; nếu tệp có các cột này với tiêu đề khác, ghi trong danh mục dữ liệu "
                          "(data/catalog.yml), ví dụ: {line}")
MISSING_PIN_VI = ("; nếu tệp có các cột này với tiêu đề khác, ghi trong danh mục dữ liệu "
                  "(data/catalog.yml): {line}")
TITLE_IN_FILE_VI = "<tiêu đề trong tệp>"
# the sheet before the titles that stop ingest
PROBLEMS_SHEET_VI = "trang tính '{sheet}': "
# a column without a title that holds values, as the report names it
UNTITLED_COLUMN_VI = "(cột thứ {position}, không có tiêu đề, {filled} giá trị)"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.pipeline: a file's notes, and what stops a run
# --------------------------------------------------------------------------------------

LEGACY_ENCODING_NOTE_VI = "bảng mã {encoding}, đã chuyển sang Unicode"
CONTINUES_NOTE_VI = "không có dòng tiêu đề: đọc tiếp theo tiêu đề của trang '{sheet}'"
NUL_BYTES_NOTE_VI = "đã bỏ {n} byte rỗng (NUL) trong tệp"
UNIT_FROM_NAMES_NOTE_VI = "mã đơn vị đọc từ tên đơn vị: {rows} dòng"
# whatever else a strange file triggers
FILE_UNREADABLE_VI = "không đọc được ({kind}: {detail})"
NO_DETAIL_VI = "không có chi tiết"
CATALOG_SOURCE_MISSING_VI = "{catalog}: danh mục dữ liệu chưa có nguồn '{name}'"
CATALOG_NO_DOSSIERS_VI = "{catalog}: danh mục dữ liệu chưa có tệp xuất hồ sơ nào (dossiers)"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.store: the processed folder and its tables
# --------------------------------------------------------------------------------------

OUT_NOT_FOLDER_VI = ("{path}: không phải thư mục; chọn một thư mục cho dữ liệu đã "
                     "xử lý (--out)")
NOT_INGESTED_VI = "{path}: chưa có dữ liệu đã xử lý; chạy `cchc ingest` trước"
TABLE_DAMAGED_VI = ("{path}: bảng đã chuẩn hóa bị hỏng hoặc không phải của sổ "
                    "tay này ({detail}): chạy lại `cchc ingest`")
PARQUET_EMPTY_VI = "tệp rỗng, 0 byte"
PARQUET_UNREADABLE_VI = "không đọc được như tệp Parquet: có thể đã bị cắt ngắn hoặc ghi đè"
COLUMNS_MORE_VI = " và {n} cột khác"  # after the first five missing columns
COLUMNS_MISSING_VI = "thiếu cột {columns}"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.cache
# --------------------------------------------------------------------------------------

CACHE_KEY_WHAT_VI = "khóa bộ nhớ đệm"  # what an entry's folder name is, in a path error

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.methodology: what is wrong with a methodology file
# --------------------------------------------------------------------------------------

AT_LINE_VI = ", dòng {line}"  # after the file's name
NOT_A_NUMBER_VI = "'{key}' phải là số ≥ 0 (đang là {value!r})"
BANDS_MISSING_VI = ("tiêu chí {cid}: tiêu chí tính theo chỉ số cần có "
                    "'bands' (danh sách các mức {{min, points}})")
BAND_INCOMPLETE_VI = "tiêu chí {cid}: mỗi mức điểm cần có 'min' và 'points'"
BAND_EMPTY_VI = "tiêu chí {cid}: mức điểm có max {high:g} không lớn hơn min {low:g}"
BAND_OVER_MAX_VI = ("tiêu chí {cid}: một mức cho {points:g} điểm, nhiều "
                    "hơn điểm tối đa {maximum:g} của tiêu chí")
BANDS_OVERLAP_VI = "tiêu chí {cid}: các mức điểm chồng lên nhau (từ {first:g} và từ {second:g})"
NODE_NOT_MAPPING_VI = "trong {parent}: mỗi mục phải có dạng id, title, max_points"
KEY_MISSING_VI = "thiếu '{key}'"
KEYS_UNKNOWN_VI = ("khóa không dùng được: {unknown} (dùng được: {known}); tên có dấu phẩy "
                   'trong {{…}} phải đặt trong ngoặc kép: title: "…, …"')
ID_READ_AS_NUMBER_VI = ("id {id!r} bị đọc thành số (1.10 thành 1.1): "
                        'hãy đặt trong ngoặc kép, id: "…"')
TITLE_NOT_TEXT_VI = "title phải là chữ"
ID_TWICE_VI = "id {cid} bị trùng (đã có ở dòng {line})"
PARENT_SCORED_VI = ("{cid} có tiêu chí thành phần nên được chấm bằng "
                    "tổng của chúng: bỏ 'indicator'/'manual'/'evidence'")
CHILDREN_TOTAL_VI = ("{cid}: max_points là {maximum:g} nhưng các tiêu chí "
                     "thành phần cộng lại được {total:g}")
LEAF_SCORING_VI = "{cid}: cần đúng một trong hai: 'indicator' (kèm bands) hoặc 'manual: true'"
INDICATOR_UNKNOWN_VI = "{cid}: không có chỉ số '{indicator}' (các chỉ số: {known})"
EVIDENCE_NOT_TEXT_VI = "{cid}: 'evidence' phải là chữ: tài liệu kiểm chứng cần có"
YAML_TOO_LARGE_VI = "tệp lớn hơn {size:,} byte"  # (its commas then made dots)
NOT_YAML_VI = "không phải YAML hợp lệ ({problem})"
VALUE_UNUSABLE_VI = "giá trị không dùng được ({problem})"
FIELDS_MISSING_VI = "bộ chỉ số cần có danh sách lĩnh vực 'fields'"
TOTAL_MISMATCH_VI = ("max_points là {declared} nhưng các lĩnh vực và điểm "
                     "điều tra xã hội học cộng lại được {total:g}")
GRADE_INCOMPLETE_VI = "mỗi mức xếp loại cần có 'grade' và 'min'"
SURVEY_TITLE_VI = "Điều tra xã hội học"  # the survey block's title when the file gives none
METHODOLOGY_NOT_FOUND_VI = "{path}: không tìm thấy tệp bộ chỉ số"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.parsers: words read in amounts and fees
# --------------------------------------------------------------------------------------

# a processing time of no days
SAME_DAY_WORDS = ("Trong ngày", "Ngay trong ngày", "Trả ngay")
# a fee that is none
FREE_WORDS = ("Miễn phí", "Không thu", "Miễn", "Không", "0 đồng")
# the unit after a number of days ("3 ngày làm việc"), as a regular expression
DAYS_SUFFIX_PATTERN = r"(?i)\s*(ngày( làm việc)?|ngay( lam viec)?)$"
# the currency written beside an amount, as a regular expression's alternatives
CURRENCY_PATTERN = "đồng|đ|VNĐ|VND"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.dates: times in words (RE2 patterns on upper-case text)
# --------------------------------------------------------------------------------------

# (RE2 on upper-case text; its \b is ASCII's: these words all end in an ASCII letter)
DAY_WORDS = "(?:^| )(?:VÀO LÚC|VAO LUC|LÚC|LUC|NGÀY|NGAY)\\b"
TIME_WORDS = "PHÚT|PHUT|SÁNG|SANG|CHIỀU|CHIEU|TỐI|TOI"  # written after a number
HOUR_WORDS = "GIỜ|GIO|H|G"  # after the hour: "8 giờ", "8h", "8g"
MINUTE_WORDS = "PHÚT|PHUT|P"  # after the minutes: "30 phút", "30p"
# (hours, the words of the part of the day, what makes the hour a 24-hour one)
DAY_PART_WORDS = (("0?[0-9]|1[01]", "SÁNG|SANG", ""),
                  ("0?[1-9]|1[0-2]", "CHIỀU|CHIEU", " PM"),
                  ("0?[1-9]|1[01]", "TỐI|TOI", " PM"),
                  ("1[3-9]|2[0-3]", "CHIỀU|CHIEU|TỐI|TOI", ""))

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.encodings: the legacy encodings' letters, and syllables to tell them by
# --------------------------------------------------------------------------------------

# TCVN 5712:1993 (VN1, a superset of VN3/ABC): bytes 0x80-0xFF; the rest is ASCII.
TCVN_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x80-0x9F
    " ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0-0xAF
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0-0xBF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0-0xCF
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0-0xDF
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"  # 0xE0-0xFF
)
# VNI: Windows-1252 letters after a vowel carry its marks; a few stand for whole letters.
VNI_MARKS = {  # mark letter -> combining marks (lower and upper case alike)
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}
VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "î": "ỵ"}
VNI_MARKED_VOWELS = "aeouyơư"  # the vowels a VNI mark letter follows
# Syllables that any dossier list, catalogue or plan has many of.
COMMON_SYLLABLES = frozenset("""
hồ sơ mã số tên thủ tục hành chính lĩnh vực ngày tiếp nhận hẹn trả kết quả xử lý giải quyết
trạng thái đã đang chờ trực tuyến tiếp bưu công ích điện tử một cửa phường xã thị ủy ban nhân
dân đơn vị hộ tịch chứng thực đăng ký khai sinh tử kết hôn cấp giấy bản sao người nộp địa chỉ
điện thoại quá hạn đúng trước không có được thời gian phí lệ hình thức kênh nhận tình bổ sung
tổng cộng năm tháng quý báo cáo danh sách xuất thực hiện hiện việc trình toàn phần độ mức
""".split())
