"""The Vietnamese of the indicators stage: for :mod:`cchc_lib.indicators.base` and
:mod:`cchc_lib.indicators.figures` (the refusal of a period or months the data does not reach,
the note on months cut to the data), :mod:`cchc_lib.indicators.plan` (the refusal of a year the
data does not reach) and :mod:`cchc_lib.indicators.unknown` (the note on what an export lacks).
A leaf: it imports nothing from the workbook."""

__all__ = [
    "AND_VI",
    "DATA_THROUGH_NOTE_VI",
    "EXPORT_LACKS_COLUMNS_VI",
    "IN_FILES_VI",
    "LATER_MONTHS_LEFT_OUT_VI",
    "MONTH_CUT_VI",
    "NO_DATA_FOR_MONTHS_VI",
    "NO_DATA_FOR_PERIOD_VI",
    "NO_DATA_FOR_YEAR_VI",
    "NO_DOSSIERS_VI",
]

# cchc_lib.indicators.base (require_data) and cchc_lib.indicators.figures (months_in_data):
# no data at all, or none for the period asked for; ``who`` is " (unit)" or ""
NO_DOSSIERS_VI = "Không có số liệu hồ sơ nào{who}: hãy nhập tệp xuất hồ sơ (`cchc ingest`)"
NO_DATA_FOR_PERIOD_VI = ("Không có số liệu cho kỳ {period}{who}: số liệu từ ngày "
                         "{first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}")
NO_DATA_FOR_MONTHS_VI = ("Không có số liệu cho các tháng {first}..{last}: số liệu từ ngày "
                         "{lo:%d/%m/%Y} đến ngày {hi:%d/%m/%Y}")

# cchc_lib.indicators.figures (cut_to_data): what was cut from months after the data, e.g.
# "số liệu đến ngày 20/11/2022: tháng 2022-11 tính đến ngày đó; các tháng sau không tính"
MONTH_CUT_VI = "tháng {label} tính đến ngày đó"
LATER_MONTHS_LEFT_OUT_VI = "các tháng sau không tính"
DATA_THROUGH_NOTE_VI = "số liệu đến ngày {last:%d/%m/%Y}: {said}"

# cchc_lib.indicators.plan (month_spans): a year that starts after the data
NO_DATA_FOR_YEAR_VI = "Không có số liệu cho kỳ {period}: số liệu đến ngày {last:%d/%m/%Y}"

# cchc_lib.indicators.unknown (Lacking.note_vi): "tệp xuất không có cột a (A) và b (B)",
# with " (tệp x.csv, y.csv)" when the dossiers come from several exports
EXPORT_LACKS_COLUMNS_VI = "tệp xuất không có cột {columns}"
IN_FILES_VI = " (tệp {files})"
AND_VI = " và "  # between the last two of a list
