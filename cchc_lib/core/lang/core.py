"""The core's Vietnamese other than the data contract and the data catalog: the letters text is
normalised by and what the quarantine shows of a value (:mod:`cchc_lib.core.text`, also
:mod:`cchc_lib.core.titles`), reporting periods (:mod:`cchc_lib.core.periods`), the command
line's parser (:mod:`cchc_lib.core.argparse_vi`), the project lock (:mod:`cchc_lib.core.lock`),
the provenance line (:mod:`cchc_lib.core.provenance`), output paths
(:mod:`cchc_lib.core.paths`), the reason a code was not read (:mod:`cchc_lib.core.codes`), a
plan task's time frame (:mod:`cchc_lib.core.timeframes`), the units table
(:mod:`cchc_lib.core.units`) and number formats (:mod:`cchc_lib.core.formats`). A leaf: it
imports nothing from the workbook."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# cchc_lib.core.text (and cchc_lib.core.titles): the Vietnamese letters
# --------------------------------------------------------------------------------------

D_WITH_STROKE = "đ"
CAPITAL_D_WITH_STROKE = "Đ"
# the twelve vowels, which take the five tones
VIETNAMESE_VOWELS = "aăâeêioôơuưy"

# cchc_lib.core.text: what the quarantine shows instead of text a person typed
SHOWN_TEXT_VI = "<văn bản, {chars} ký tự>"
SHOWN_DIGITS_VI = "<số, {digits} chữ số>"

# cchc_lib.core.text: the administrative levels a unit's name may begin with
ADMIN_LEVELS = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Phường", "Tỉnh", "Xã")

# --------------------------------------------------------------------------------------
# cchc_lib.core.periods
# --------------------------------------------------------------------------------------

PERIOD_FORMS = ("YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD..YYYY-MM-DD, YYYY-YTD@YYYY-MM-DD, "
                "hoặc last-month, last-quarter, last-year, this-year (cho lịch chạy tự động)")
PERIOD_DAY_NOT_REAL_VI = "'{period}': {day} không phải ngày có thật"
PERIOD_NO_SUCH_MONTH_VI = "'{period}': không có tháng {month}"
PERIOD_ENDS_BEFORE_START_VI = "'{period}': khoảng thời gian kết thúc trước khi bắt đầu"
PERIOD_DAY_OUTSIDE_YEAR_VI = "'{period}': ngày phải thuộc năm {year}"
PERIOD_UNREADABLE_VI = ("'{period}' không phải kỳ báo cáo; hãy viết theo một trong các dạng: "
                        "{forms}")
# a period in words, for report titles
YEAR_LABEL_VI = "năm {year}"
HALVES_VI = ("6 tháng đầu", "6 tháng cuối")
HALF_LABEL_VI = "{half} năm {year}"
QUARTER_LABEL_VI = "quý {quarter} năm {year}"
MONTH_LABEL_VI = "tháng {month}/{year}"
RANGE_LABEL_VI = "từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"

# --------------------------------------------------------------------------------------
# cchc_lib.core.argparse_vi
# --------------------------------------------------------------------------------------

# argparse's own messages (a regular expression of the English), as a Vietnamese user reads them
ARGPARSE_MESSAGES_VI = (
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số: \1"),
    (r"argument (.*?): not allowed with argument (.*)", r"tham số \1 không dùng cùng với \2"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
     r"tham số \1: không có lựa chọn \2 (chọn một trong: \3)"),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"tham số \1: giá trị \3 không hợp lệ"),
    (r"argument (.*?): expected one argument", r"tham số \1: cần một giá trị"),
    (r"unrecognized arguments: (.*)", r"không hiểu tham số: \1"),
)
POSITIONALS_TITLE_VI = "lệnh"
OPTIONALS_TITLE_VI = "tùy chọn"
HELP_HELP_VI = "xem hướng dẫn này rồi thoát"
USAGE_VI = "cách dùng:"
PARSER_ERROR_VI = "{prog}: lỗi: {message}\n"
VERSION_HELP_VI = "in phiên bản của sổ tay và của các thư viện chính rồi thoát"

# --------------------------------------------------------------------------------------
# cchc_lib.core.lock
# --------------------------------------------------------------------------------------

LOCK_WAIT_NOT_SECONDS_VI = "{env} phải là số giây (ví dụ 30)"
LOCK_BUSY_VI = ("một lệnh khác đang ghi dữ liệu hoặc báo cáo của dự án (khóa {path}); "
                "đã chờ {seconds:g} giây, chưa ghi gì. Hãy chạy lại khi lệnh kia xong "
                "(hoặc đặt {env} để chờ lâu hơn)")

# --------------------------------------------------------------------------------------
# cchc_lib.core.provenance
# --------------------------------------------------------------------------------------

DATA_UNKNOWN_VI = "không rõ"
STAMP_LINE_VI = "Lập bằng Sổ tay CCHC {workbook} · dữ liệu {data} · {libraries}"
VERSION_TEXT_VI = "Sổ tay CCHC ({package}) {version}\nPython {python}\nthư viện:\n{libraries}"

# --------------------------------------------------------------------------------------
# cchc_lib.core.paths
# --------------------------------------------------------------------------------------

PATH_PART_WHAT_VI = "mã"  # what a path part is, when the caller does not say
PATH_PART_UNSAFE_VI = ("{what} '{value}' không dùng được làm tên thư mục: chỉ gồm chữ "
                       "không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự, không "
                       "bắt đầu hay kết thúc bằng dấu chấm, không phải tên Windows dành riêng "
                       "như CON, NUL, AUX, PRN, COM1, LPT1)")
# the run log (core/runlog.py)
LOG_HEAD_VI = "{when} | {command} | {outcome}"
LOG_OUTCOMES_VI = {0: "xong", 1: "lỗi ngoài dự kiến (mã 1)", 2: "dừng vì lỗi (mã 2)",
                   3: "xong một phần (mã 3)", 130: "dừng theo yêu cầu (Ctrl-C, mã 130)",
                   143: "dừng theo yêu cầu (SIGTERM, mã 143)"}
LOG_OUTCOME_OTHER_VI = "kết thúc với mã {code}"
CATCH_UP_KIND_VI = ("--catch-up: kỳ '{period}' không có kỳ liền trước cùng loại; dùng với tháng "
                    "(YYYY-MM, last-month), quý (YYYY-Qn, last-quarter) hoặc năm (YYYY, "
                    "last-year)")
FILE_HELD_VI = ("Tệp {path} đang mở trong chương trình khác (Excel?): đóng tệp rồi chạy lại "
                "(tệp cũ vẫn giữ nguyên)")
PATH_OUTSIDE_ROOT_VI = "{path}: đường dẫn ra ngoài thư mục {root}"

# --------------------------------------------------------------------------------------
# cchc_lib.core.codes: why a value was not read as a code
# --------------------------------------------------------------------------------------

CODE_AMBIGUOUS_VI = "mang hai nghĩa: {meanings}"
CODE_NOT_IN_LIST_VI = "số không có trong bảng mã"
CODE_UNKNOWN_VI = "không nhận ra nghĩa"

# --------------------------------------------------------------------------------------
# cchc_lib.core.timeframes
# --------------------------------------------------------------------------------------

TIMEFRAME_LABEL_VI = "{text} ({span})"
TIMEFRAME_ONGOING_LABEL_VI = "{text} ({span}, theo dõi hằng tháng)"
TIMEFRAME_UNREADABLE_VI = "không hiểu thời gian thực hiện: '{text}'"

# --------------------------------------------------------------------------------------
# cchc_lib.core.units and cchc_lib.core.formats
# --------------------------------------------------------------------------------------

UNIT_UNKNOWN_VI = "không có đơn vị '{unit_code}' trong dữ liệu; các đơn vị: {known}"
PERCENTAGE_POINTS_VI = "điểm phần trăm"

__all__ = [
    "ADMIN_LEVELS", "ARGPARSE_MESSAGES_VI", "CAPITAL_D_WITH_STROKE", "CATCH_UP_KIND_VI",
    "CODE_AMBIGUOUS_VI", "CODE_NOT_IN_LIST_VI", "CODE_UNKNOWN_VI", "D_WITH_STROKE",
    "DATA_UNKNOWN_VI", "FILE_HELD_VI", "HALF_LABEL_VI", "HALVES_VI", "HELP_HELP_VI",
    "LOCK_BUSY_VI", "LOCK_WAIT_NOT_SECONDS_VI", "LOG_HEAD_VI", "LOG_OUTCOME_OTHER_VI",
    "LOG_OUTCOMES_VI", "MONTH_LABEL_VI", "OPTIONALS_TITLE_VI", "PARSER_ERROR_VI",
    "PATH_OUTSIDE_ROOT_VI", "PATH_PART_UNSAFE_VI", "PATH_PART_WHAT_VI", "PERCENTAGE_POINTS_VI",
    "PERIOD_DAY_NOT_REAL_VI", "PERIOD_DAY_OUTSIDE_YEAR_VI", "PERIOD_ENDS_BEFORE_START_VI",
    "PERIOD_FORMS", "PERIOD_NO_SUCH_MONTH_VI", "PERIOD_UNREADABLE_VI", "POSITIONALS_TITLE_VI",
    "QUARTER_LABEL_VI", "RANGE_LABEL_VI", "SHOWN_DIGITS_VI", "SHOWN_TEXT_VI", "STAMP_LINE_VI",
    "TIMEFRAME_LABEL_VI", "TIMEFRAME_ONGOING_LABEL_VI", "TIMEFRAME_UNREADABLE_VI",
    "UNIT_UNKNOWN_VI", "USAGE_VI", "VERSION_HELP_VI", "VERSION_TEXT_VI", "VIETNAMESE_VOWELS",
    "YEAR_LABEL_VI",
]
