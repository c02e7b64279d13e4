"""The Vietnamese of :mod:`cchc_lib.delivery.pdf` (the run's pages and Word documents printed
to PDF by Chromium and LibreOffice): the one line said when a program is missing, and the
one line said when a file could not be printed. Templates take named placeholders, filled
with ``str.format``. A leaf: it imports nothing from the workbook."""

__all__ = [
    "EXIT_CODE_VI", "NO_CHROMIUM_VI", "NO_PDF_WRITTEN_VI", "NO_SOFFICE_VI", "NOT_A_DOCX_VI",
    "NOT_A_FILE_VI", "PDF_FAILED_VI", "PDF_NAME_TAKEN_VI", "PROGRAM_NOT_STARTED_VI",
    "PROGRAM_TIMED_OUT_VI",
]

# a program not installed: said once for all the files it would have printed
NO_CHROMIUM_VI = ("Không tìm thấy Chromium: chưa xuất PDF cho {count} trang HTML (cài gói "
                  "chromium; trên Windows, cài Google Chrome hoặc dùng Microsoft Edge)")
NO_SOFFICE_VI = ("Không tìm thấy LibreOffice: chưa xuất PDF cho {count} văn bản Word (cài gói "
                 "libreoffice-writer; trên Windows, cài LibreOffice)")

# one file that could not be printed: {file} is its path, {problem} one of the lines below
PDF_FAILED_VI = "{file}: chưa xuất được PDF: {problem}"
NOT_A_FILE_VI = "không có tệp này"
NOT_A_DOCX_VI = "tệp không phải văn bản Word (.docx) hợp lệ"
PROGRAM_NOT_STARTED_VI = "không chạy được {program} ({error})"
PROGRAM_TIMED_OUT_VI = "{program} không xong sau {seconds:g} giây, đã dừng"
NO_PDF_WRITTEN_VI = "{program} không tạo ra tệp PDF ({detail})"
EXIT_CODE_VI = "mã thoát {code}"  # the detail when the program said nothing
PDF_NAME_TAKEN_VI = "tệp PDF {pdf} đã được xuất từ {other} cùng tên"
