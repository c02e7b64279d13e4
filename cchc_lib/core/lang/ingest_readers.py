"""The Vietnamese of the readers of each kind of file (:mod:`cchc_lib.ingest.readers` and its
modules ``limits``, ``book``, ``headers``, ``text``, ``excel``, ``biff``, ``zipbook``,
``html`` and ``spreadsheetml``): the one line a file that cannot be read gets, what a
workbook is called, where a header was looked for, and the words that open a totals row.
Templates take named placeholders, filled with ``str.format``. A leaf: it imports nothing
from the workbook."""

from __future__ import annotations

__all__ = [
    "BINARY_NOT_TEXT_VI", "BOOK_STREAM_UNREADABLE_VI", "BOOK_XML_UNREADABLE_VI", "CANNOT_OPEN_VI",
    "CELL_OUTSIDE_SHEET_VI", "CONTENT_UNREADABLE_VI", "CONTENT_WEIGHS_VI", "DAMAGED_VI",
    "DECLARES_DOCTYPE_VI", "ENCRYPTED_VI", "FILE_CHANGED_VI", "FILE_EMPTY_VI", "FILE_NOT_FOUND_VI",
    "FILE_TOO_BIG_VI", "FILE_WEIGHS_VI", "HTML_NO_TABLE_VI", "HTML_ROW_TOO_WIDE_VI",
    "HTML_SCANNED_VI", "HTML_UNREADABLE_VI", "INNER_ZIP_UNREADABLE_VI", "IS_FOLDER_VI", "IS_PDF_VI",
    "KIND_VI", "LINE_FIELDS_VI", "LINE_UNSPLIT_VI", "NOT_A_TABLE_VI", "NOT_EXCEL_FORMAT_VI",
    "NO_HEADER_VI", "ODS_CONTENT_UNREADABLE_VI", "OLEFILE_MISSING_VI", "OLE_DOCUMENTS_VI",
    "OLE_NO_BOOK_VI", "OLE_UNREADABLE_VI", "ONLY_NULS_VI", "OPEN_WITH_VI", "OTHER_DOCUMENT_VI",
    "OUT_OF_MEMORY_VI", "PART_INFLATED_VI", "PART_METHOD_VI", "PART_MISSING_VI",
    "PART_NOT_INFLATED_VI", "PART_RATIO_VI", "PART_SIZE_MISMATCH_VI", "QUOTE_NOT_CLOSED_VI",
    "READER_STOPPED_VI", "SAVE_AGAIN_VI", "SHEETS_SCANNED_VI", "SHEET_CONTENT_MISSING_VI",
    "SHEET_HEADER_TOO_WIDE_VI", "SHEET_LIST_CUT_VI", "SHEET_LIST_UNREADABLE_VI",
    "SHEET_NAME_TWICE_VI", "SHEET_NOT_FOUND_VI", "SHEET_PART_MISSING_VI", "SHEET_POINTS_OUTSIDE_VI",
    "SHEET_TOO_FAR_VI", "SHEET_TOO_MANY_CELLS_VI", "TABLE_NAME_VI", "TEXT_HEADER_TOO_WIDE_VI",
    "TEXT_SCANNED_VI", "TOO_BIG_VI", "TOTALS_LABEL_PATTERN", "TOTALS_START_PATTERN",
    "TOTAL_LABEL_WORDS", "XML_MALFORMED_VI", "XML_NO_SHEET_VI", "ZIP_DOCUMENTS_VI",
    "ZIP_INFLATED_VI", "ZIP_NO_BOOK_VI", "ZIP_PARTS_VI", "ZIP_SAME_NAMES_VI", "ZIP_UNREADABLE_VI",
]

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers (sniff): what the file is, when it is no table
# --------------------------------------------------------------------------------------

IS_FOLDER_VI = ("đây là một thư mục, không phải tệp: ghi đường dẫn của "
                "tệp xuất (CSV/XLSX) trong thư mục này")
FILE_NOT_FOUND_VI = "không tìm thấy tệp"
CANNOT_OPEN_VI = "không mở được ({problem})"  # (also spreadsheetml)
FILE_EMPTY_VI = "tệp trống, không có dữ liệu"
IS_PDF_VI = "đây là tài liệu PDF, không phải bảng: hãy xuất danh sách ra Excel hoặc CSV"
NOT_EXCEL_FORMAT_VI = "không đọc được như một sổ Excel (tệp không ở định dạng Excel nào)"
ONLY_NULS_VI = ("tệp chỉ chứa byte rỗng (NUL), không có dữ liệu: tải "
                "hoặc xuất lại tệp từ hệ thống")
BINARY_NOT_TEXT_VI = "không phải bảng dạng văn bản (nội dung nhị phân)"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.limits: a workbook damaged, encrypted or too big
# --------------------------------------------------------------------------------------

# what each kind of workbook is called in a message, and what to do when it cannot be read
KIND_VI = {
    "ooxml": "sổ Excel",
    "xlsx": "sổ Excel (.xlsx)",
    "xlsm": "sổ Excel có macro (.xlsm)",
    "xlsb": "sổ Excel nhị phân (.xlsb)",
    "ods": "bảng tính OpenDocument (.ods)",
    "xls": "sổ Excel 97-2003 (.xls)",
    "xml": "sổ Excel 2003 dạng XML (XML Spreadsheet)",
    "html": "bảng trang web (HTML) lưu với tên của bảng tính",
    "zip": "tệp nén (zip)",
}
OPEN_WITH_VI = {"ods": "LibreOffice Calc hoặc Excel"}  # (any other kind: Excel)
SAVE_AGAIN_VI = "hoặc xuất lại tệp từ hệ thống"
DAMAGED_VI = ("{kind} bị hỏng: {problem}; mở bằng {program} để sửa rồi lưu lại thành "
              ".xlsx, " + SAVE_AGAIN_VI)
ENCRYPTED_VI = ("{kind} có đặt mật khẩu: mở bằng {program}, "
                "nhập mật khẩu rồi lưu một bản không đặt mật khẩu")
TOO_BIG_VI = ("{kind}: {what}, quá mức đọc được của một tệp xuất: không đọc tệp này; hãy xuất "
              "mỗi năm (hoặc mỗi đơn vị) một tệp, " + SAVE_AGAIN_VI)
CELL_OUTSIDE_SHEET_VI = ("trang '{sheet}': có ô ở vị trí {far}, ngoài {rows} dòng × {columns} "
                         "cột của một trang tính (tệp bị hỏng hoặc không do Excel ghi): mở "
                         "bằng Excel rồi lưu lại thành .xlsx, " + SAVE_AGAIN_VI)
SHEET_TOO_FAR_VI = ("trang '{sheet}': có ô chứa dữ liệu xa tới ô {far} ({rows} dòng × "
                    "{columns} cột, quá mức {limit} ô một trang tính được đọc): "
                    "xóa các ô thừa ở ngoài bảng dữ liệu (chọn các dòng trống phía "
                    "dưới và các cột trống bên phải bảng, bấm Delete) rồi lưu lại, "
                    "hoặc chép riêng vùng dữ liệu sang một sổ mới")
SHEET_TOO_MANY_CELLS_VI = ("trang '{sheet}': có {cells} ô, quá mức {limit} ô một trang tính "
                           "được đọc: hãy xuất mỗi năm (hoặc mỗi đơn vị) một tệp")

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.book: a workbook's sheets
# --------------------------------------------------------------------------------------

SHEET_NOT_FOUND_VI = "không có trang tính '{wanted}' (các trang tính: {names})"
SHEETS_SCANNED_VI = "{rows} dòng đầu của mọi trang tính"  # where a header was looked for
# (its commas, the number's and the text's, then made dots)
SHEET_HEADER_TOO_WIDE_VI = "trang '{sheet}': dòng tiêu đề có {n:,} cột, nhiều hơn Excel cho phép"
# a cell that opens a totals row: "Tổng cộng", "Tổng số hồ sơ: 2", "TỔNG", "Cộng: 5 hồ sơ"
# (a regular expression on the cell's NFC text, case folded)
TOTALS_START_PATTERN = r"\s*(tổng|cộng)"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.headers: the header, totals rows, the file's size
# --------------------------------------------------------------------------------------

TOTAL_LABEL_WORDS = ("Tổng cộng", "Tổng", "Cộng", "Tổng số", "Cộng:")
# a totals row's label, its words folded: "Tổng cộng", "Tổng số hồ sơ: 2", "Cộng: 5 hồ sơ",
# "TONG" — the label, then only numbers and words that count ("Công nhận…", "Công chức…" are
# no totals)
TOTALS_LABEL_PATTERN = (r"^(tong cong|tong so|tong|cong)( (\d+|ho so|hs|so|luong|dong|thu tuc|"
                        r"tthc|tat ca|toan bo|chung|ca))*$")
NO_HEADER_VI = ("không tìm thấy dòng tiêu đề trong {where} (cần các cột "
                "như {expected}); nếu dòng tiêu đề ở thấp hơn, xóa bớt "
                "các dòng phía trên; nếu tiêu đề cột viết khác, ghi tiêu đề vào danh "
                "mục dữ liệu, ví dụ columns: {{\"<tiêu đề trong tệp>\": received_at}}")
FILE_TOO_BIG_VI = ("tệp nặng {size:.1f} GB, nhiều hơn mức {limit} GB của một tệp xuất: hãy "
                   "xuất mỗi năm (hoặc mỗi đơn vị) một tệp")

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.text: CSV and other text exports
# --------------------------------------------------------------------------------------

# a line set aside (pandas' "Expected 8 fields in line 5, saw 12", or another problem)
LINE_UNSPLIT_VI = "dòng không tách được thành các cột của tiêu đề"
LINE_FIELDS_VI = ("dòng có {saw} giá trị, tiêu đề có {expected} cột (có dấu phân cách trong "
                  "một giá trị không đặt trong ngoặc kép?)")
FILE_CHANGED_VI = ("tệp đã thay đổi trong khi đọc (có thể đang được "
                   "ghi): chạy lại khi tệp đã xuất xong")
TEXT_SCANNED_VI = "{rows} dòng đầu của tệp"  # where a header was looked for
TEXT_HEADER_TOO_WIDE_VI = ("dòng tiêu đề có {n:,} cột, nhiều hơn "
                           "{limit:,} cột một trang tính chứa được")
QUOTE_NOT_CLOSED_VI = ('một dấu ngoặc kép (") mở đầu một giá trị mà '
                       "không đóng lại: kiểm tra dấu ngoặc kép trong tệp")
NOT_A_TABLE_VI = "không đọc được thành bảng: {problem}"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.excel: calamine's errors
# --------------------------------------------------------------------------------------

OUT_OF_MEMORY_VI = ("không đủ bộ nhớ để đọc sổ này: đóng bớt chương "
                    "trình rồi chạy lại, hoặc xuất mỗi năm (hoặc mỗi đơn vị) một tệp")
INNER_ZIP_UNREADABLE_VI = "tệp nén bên trong không đọc được"
BOOK_XML_UNREADABLE_VI = "nội dung XML của sổ không đọc được"
SHEET_CONTENT_MISSING_VI = "thiếu nội dung của một trang tính"
CONTENT_UNREADABLE_VI = "nội dung không đọc được"
READER_STOPPED_VI = "trình đọc dừng giữa chừng khi đọc nội dung"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.biff: Excel 97-2003 (.xls)
# --------------------------------------------------------------------------------------

# what else an office keeps in an OLE file, by its stream, and how it is called
OLE_DOCUMENTS_VI = {"WordDocument": "văn bản Word 97-2003 (.doc)",
                    "PowerPoint Document": "bản trình chiếu PowerPoint 97-2003 (.ppt)"}
OLEFILE_MISSING_VI = ("cần gói olefile để đọc sổ Excel 97-2003 (.xls): "
                      "cài lại môi trường của sổ tay (pip install olefile)")
OLE_UNREADABLE_VI = "vỏ tệp (OLE) không đọc được"
# another office document (also zipbook)
OTHER_DOCUMENT_VI = "đây là {what}, không phải bảng tính: hãy xuất danh sách ra Excel hoặc CSV"
OLE_NO_BOOK_VI = "không đọc được như một sổ Excel (tệp OLE không chứa sổ Excel nào)"
CONTENT_WEIGHS_VI = "nội dung nặng {size}"
BOOK_STREAM_UNREADABLE_VI = "nội dung sổ không đọc được"
SHEET_LIST_CUT_VI = "danh sách trang tính bị cắt cụt"
SHEET_POINTS_OUTSIDE_VI = "trang '{name}' chỉ tới chỗ không có trong tệp"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.zipbook: zipped workbooks (xlsx, xlsm, xlsb, ods)
# --------------------------------------------------------------------------------------

# what else an office zips, and how it is called
ZIP_DOCUMENTS_VI = {"word/document.xml": "văn bản Word (.docx)",
                    "ppt/presentation.xml": "bản trình chiếu PowerPoint (.pptx)"}
ZIP_UNREADABLE_VI = ("không đọc được như một sổ Excel: tệp nén (zip) bị "
                     "cắt cụt hoặc hỏng; tải hoặc xuất lại tệp từ hệ thống")
ZIP_PARTS_VI = "có {n} phần"
ZIP_SAME_NAMES_VI = "tệp nén có hai phần trùng tên"
ZIP_INFLATED_VI = "giải nén ra {size}"
PART_INFLATED_VI = "phần '{name}' giải nén ra {size}"
ODS_CONTENT_UNREADABLE_VI = "nội dung trang tính (content.xml) không đọc được"
ZIP_NO_BOOK_VI = ("không đọc được như một sổ Excel: tệp nén (zip) không "
                  "chứa sổ Excel nào; nếu đây là tệp nén của các tệp xuất, giải nén rồi "
                  "ghi đường dẫn của từng tệp")
PART_RATIO_VI = ("{kind}: phần '{name}' giải nén ra {size} từ {stored}, nén hơn {ratio} lần "
                 "(không tệp nào do phần mềm văn phòng lưu như vậy: tệp có thể được làm để "
                 "làm tràn bộ nhớ): không đọc tệp này; xuất lại tệp từ hệ thống")
PART_METHOD_VI = "phần '{name}' nén theo cách Excel không dùng"
PART_SIZE_MISMATCH_VI = "phần '{name}' không khớp kích thước ghi trong tệp nén"
PART_NOT_INFLATED_VI = "phần '{name}' không giải nén được"
PART_MISSING_VI = "thiếu phần '{name}'"
SHEET_LIST_UNREADABLE_VI = "danh sách trang tính không đọc được"
SHEET_PART_MISSING_VI = "thiếu phần nội dung của trang '{name}'"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.html: web pages saved under a spreadsheet's name
# --------------------------------------------------------------------------------------

FILE_WEIGHS_VI = "tệp nặng {size}"  # (also spreadsheetml)
HTML_NO_TABLE_VI = ("đây là trang web (HTML) không có bảng nào: hãy "
                    "xuất danh sách ra Excel hoặc CSV")
TABLE_NAME_VI = "Bảng {n}"  # a page's table, as a sheet is named (from 1)
HTML_SCANNED_VI = ("{rows} dòng đầu của mọi bảng trong tệp "
                   "(đây là trang web (HTML) lưu với tên của bảng tính)")
HTML_UNREADABLE_VI = "nội dung trang web không đọc được"
# (its commas, the number's and the text's, then made dots)
HTML_ROW_TOO_WIDE_VI = "bảng {n}: một dòng có hơn {limit:,} cột, nhiều hơn Excel cho phép"

# --------------------------------------------------------------------------------------
# cchc_lib.ingest.readers.spreadsheetml: Excel 2003 XML
# --------------------------------------------------------------------------------------

DECLARES_DOCTYPE_VI = "tệp khai báo DOCTYPE, điều Excel không bao giờ ghi"
SHEET_NAME_TWICE_VI = "hai trang tính cùng tên '{name}'"
XML_MALFORMED_VI = "nội dung XML sai cấu trúc ở dòng {line}"
XML_NO_SHEET_VI = "sổ Excel 2003 dạng XML không có trang tính nào"
