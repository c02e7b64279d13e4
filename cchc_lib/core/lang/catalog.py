"""The Vietnamese of the data catalog and of the YAML files the analyst writes: what each key of
the catalog means (:mod:`cchc_lib.core.catalog_schema`, shown in its errors and written into the
JSON Schema ``cchc_lib/resources/catalog.schema.json``), what a key's value must be and what
was written instead, and the messages of :mod:`cchc_lib.core.catalog_schema`,
:mod:`cchc_lib.core.catalog` and :mod:`cchc_lib.core.yamlfile`. A leaf: it imports nothing
from the workbook."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# cchc_lib.core.yamlfile: a YAML file refused, and what a node holds, in words
# --------------------------------------------------------------------------------------

YAML_TOO_DEEP_VI = "các mục lồng nhau quá {depth} cấp"
YAML_IS_FOLDER_VI = "đây là một thư mục, không phải tệp YAML"
YAML_TOO_BIG_VI = "tệp YAML lớn {size:,} byte, quá giới hạn {limit:,} byte"
FILE_UNREADABLE_VI = "không đọc được tệp ({problem})"
YAML_NOT_UTF8_VI = "tệp YAML phải lưu ở bảng mã UTF-8"
YAML_OVER_LIMIT_VI = "tệp YAML quá giới hạn {limit:,} byte"
YAML_INVALID_VI = "{where}không phải YAML hợp lệ ({problem})"
# where a problem is, before the problem (also cchc_lib.core.catalog)
AT_LINE_VI = "dòng {line}: "
VALUE_UNREADABLE_VI = "giá trị '{value}' không đọc được ({problem})"
KEY_NOT_A_NAME_VI = "khóa phải là một tên, không phải {shown}"
KEY_TWICE_VI = "khóa '{key}' viết hai lần (dòng {first} và dòng {second}); chỉ giữ một"
# what a node holds: a mapping, a list, or a scalar by its tag (another tag: SHOWN_OTHER_VI)
SHOWN_MAPPING_VI = "các cặp khóa: giá trị"
SHOWN_LIST_VI = "một danh sách"
SHOWN_SCALARS_VI = {"str": "chuỗi '{text}'", "int": "số nguyên {text}", "float": "số {text}",
                    "bool": "giá trị đúng/sai {text}", "null": "để trống",
                    "timestamp": "ngày giờ {text}"}
SHOWN_OTHER_VI = "'{text}' ({tag})"

# --------------------------------------------------------------------------------------
# cchc_lib.core.catalog: a catalog that cannot be read
# --------------------------------------------------------------------------------------

PROJECT_NOT_FOUND_VI = ("không tìm thấy dự án: không có {catalog} trong {here} hay thư mục nào "
                        "phía trên (hãy chạy trong thư mục sổ tay, hoặc đặt {env})")
VALUE_MAP_NOT_MAPPING_VI = "{where}: value_map phải có dạng cột -> {{cách viết: mã}}"
VALUE_MAP_NOT_CODE_COLUMN_VI = ("{where}: value_map nêu cột '{column}', cột này không chứa "
                                "mã (các cột có mã: {columns})")
VALUE_MAP_PINS_NOT_MAPPING_VI = "{where}: value_map.{column} phải có dạng cách viết -> mã"
VALUE_MAP_NOT_A_CODE_VI = ("{where}: value_map.{column}: '{spelling}' -> '{code}' "
                           "không phải mã của cột {column} (các mã: {codes})")
SYMLINK_LOOP_VI = ("vòng lặp liên kết tượng trưng (symlink): sửa liên kết hoặc ghi đường dẫn "
                   "thật của {what}")
WHAT_FILE_VI = "tệp"
WHAT_CATALOG_VI = "danh mục dữ liệu"
INCLUDE_NOT_FOUND_VI = "{where}không tìm thấy danh mục dữ liệu '{target}'"
INCLUDE_LOOP_VI = "{where}danh mục dữ liệu tự include chính nó (vòng lặp include: {chain})"
INCLUDE_TOO_DEEP_VI = "{where}include lồng quá {depth} cấp"
CATALOG_NOT_FOUND_VI = "không tìm thấy danh mục dữ liệu"

# --------------------------------------------------------------------------------------
# cchc_lib.core.catalog_schema: a value that is not what its key takes
# --------------------------------------------------------------------------------------

ALLOWED_VI = "; các {what} dùng được: {names}{hint}"
ALLOWED_HINT_VI = " (có phải '{name}'?)"
# what the allowed names are (ALLOWED_VI's {what})
WHAT_KEY_VI = "khóa"
WHAT_COLUMN_VI = "cột"
WHAT_CODE_COLUMN_VI = "cột có mã"
MUST_BE_VI = "phải là {expected}, không phải {shown}"
MUST_BE_ONE_OF_VI = "phải là một trong: {words}, không phải {shown}"
NOT_EMPTY_VI = "không được để trống"
DAY_NOT_REAL_VI = "ngày {day} không có thật"
KEY_UNKNOWN_VI = "khóa '{key}' không dùng được"
KEY_MISSING_VI = "thiếu khóa '{key}' ({description})"
TITLE_NO_LETTERS_VI = "tiêu đề '{title}' không có chữ hay số nào"
TITLE_TWICE_VI = ("tiêu đề '{title}' và '{other}' (dòng {line}) là một tiêu đề khi so khớp "
                  "(không kể dấu, hoa thường, khoảng trắng); chỉ giữ một")
NOT_A_COLUMN_OF_VI = "'{title}': {what} không phải cột {whose}"
OF_TABLE_VI = "của bảng {label} ({name})"
OF_ANY_TABLE_VI = "của bảng nào"
PERSONAL_TITLE_PINNED_VI = ("tiêu đề '{title}' là cột dữ liệu cá nhân, không được đọc vào cột "
                            "nào (chỉ ghim được null: không đọc)")
TWO_TITLES_ONE_COLUMN_VI = ("hai tiêu đề cùng ghim vào cột {column}: '{first}' (dòng "
                            "{first_line}) và '{title}' (dòng {line}); mỗi cột chỉ ghim một "
                            "tiêu đề")
COLUMN_HOLDS_NO_CODE_VI = "cột '{column}' không chứa mã"
PINS_NOT_MAPPING_VI = "phải có dạng cách viết: mã, không phải {shown}"
PIN_NOT_A_CODE_VI = "'{spelling}' -> '{code}' không phải mã của cột {column}; các mã: {codes}"
SPELLING_TWICE_VI = ("'{spelling}' và '{other}' (dòng {line}) là một cách viết khi so khớp "
                     "nhưng ghim hai mã khác nhau; chỉ giữ một")
CATALOG_NOT_MAPPING_VI = ("danh mục dữ liệu phải liệt kê các nguồn theo tên (tên: tệp), "
                          "không phải {shown}")

# what a value must be (MUST_BE_VI's {expected}), by kind of value
EXPECTED_TEXT_VI = "chuỗi ký tự (số thì đặt trong ngoặc kép, ví dụ \"2022\")"
EXPECTED_DAY_VI = "một ngày viết YYYY-MM-DD (ví dụ 2022-03-15)"
EXPECTED_TEXTS_VI = "danh sách chuỗi ký tự (một chuỗi cũng được)"
EXPECTED_FIELDS_VI = "các cặp khóa: giá trị"
EXPECTED_SOURCE_VI = "đường dẫn tệp, hoặc các tùy chọn của nguồn ({path: tệp, ...})"
EXPECTED_SOURCE_LIST_VI = "danh sách nguồn dữ liệu (một nguồn cũng được)"
EXPECTED_COLUMN_PINS_VI = "các cặp tiêu đề cột: tên cột chuẩn (hoặc null: không đọc cột này)"
EXPECTED_VALUE_MAP_VI = "các cặp cột: {cách viết: mã}"
EXPECTED_SOURCE_OPTIONS_VI = "các tùy chọn của nguồn"
EXPECTED_CATALOG_VI = "các cặp tên nguồn: tệp"

# --------------------------------------------------------------------------------------
# cchc_lib.core.catalog_schema: what the keys mean (errors, and the JSON Schema)
# --------------------------------------------------------------------------------------

SOURCE_PATH_ONLY_DESCRIPTION_VI = "Đường dẫn tệp (không có tùy chọn nào khác)."
VALUE_MAP_COLUMN_DESCRIPTION_VI = "Cách viết -> mã của cột {column} (các mã: {codes})."
# the options of one source, by key ("columns" names the source's table: {label})
SOURCE_OPTION_DESCRIPTIONS_VI = {
    "path": "Đường dẫn tệp, tính từ thư mục chứa danh mục này (hoặc đường dẫn đầy đủ).",
    "unit_code": "Mã đơn vị, cho tệp chỉ có dữ liệu của một đơn vị và không có cột mã đơn vị.",
    "sheet": "Tệp Excel: chỉ đọc trang tính có tên này.",
    "exported_on": "Ngày xuất tệp (YYYY-MM-DD): không ngày nào trong tệp được muộn hơn ngày "
                   "này.",
    "date_order": "Thứ tự ngày, tháng của hệ thống xuất tệp: dmy (ngày trước) hoặc mdy (tháng "
                  "trước); dùng cho ngày như 03/04/2022 khi tệp không tự cho thấy thứ tự.",
    "value_map": "Cách viết mà đơn vị ghim cho cột có mã, chỉ cho tệp này: cột: {cách viết: "
                 "mã}.",
    "columns": "Ghim tiêu đề cột như viết trong tệp vào tên cột chuẩn của bảng {label}, chỉ cho "
               "tệp này; null: không đọc cột đó.",
}
METHODOLOGY_PATH_DESCRIPTION_VI = ("Đường dẫn tệp YAML phương pháp chấm điểm, tính từ thư mục "
                                   "chứa danh mục này.")
CATALOG_SCHEMA_TITLE_VI = "Danh mục dữ liệu của sổ tay CCHC (data/catalog.yml)"
CATALOG_SCHEMA_DESCRIPTION_VI = ("Mọi tệp đầu vào, mỗi tệp ghi một lần: tên nguồn -> tệp và "
                                 "cách đọc. Xem docs/data_catalog.md.")

__all__ = [
    "ALLOWED_HINT_VI", "ALLOWED_VI", "AT_LINE_VI", "CATALOG_NOT_FOUND_VI",
    "CATALOG_NOT_MAPPING_VI", "CATALOG_SCHEMA_DESCRIPTION_VI", "CATALOG_SCHEMA_TITLE_VI",
    "COLUMN_HOLDS_NO_CODE_VI", "DAY_NOT_REAL_VI", "EXPECTED_CATALOG_VI",
    "EXPECTED_COLUMN_PINS_VI", "EXPECTED_DAY_VI", "EXPECTED_FIELDS_VI", "EXPECTED_SOURCE_LIST_VI",
    "EXPECTED_SOURCE_OPTIONS_VI", "EXPECTED_SOURCE_VI", "EXPECTED_TEXTS_VI", "EXPECTED_TEXT_VI",
    "EXPECTED_VALUE_MAP_VI", "FILE_UNREADABLE_VI", "INCLUDE_LOOP_VI", "INCLUDE_NOT_FOUND_VI",
    "INCLUDE_TOO_DEEP_VI", "KEY_MISSING_VI", "KEY_NOT_A_NAME_VI", "KEY_TWICE_VI",
    "KEY_UNKNOWN_VI", "METHODOLOGY_PATH_DESCRIPTION_VI", "MUST_BE_ONE_OF_VI", "MUST_BE_VI",
    "NOT_A_COLUMN_OF_VI", "NOT_EMPTY_VI", "OF_ANY_TABLE_VI", "OF_TABLE_VI",
    "PERSONAL_TITLE_PINNED_VI", "PINS_NOT_MAPPING_VI", "PIN_NOT_A_CODE_VI",
    "PROJECT_NOT_FOUND_VI", "SHOWN_LIST_VI", "SHOWN_MAPPING_VI", "SHOWN_OTHER_VI",
    "SHOWN_SCALARS_VI", "SOURCE_OPTION_DESCRIPTIONS_VI", "SOURCE_PATH_ONLY_DESCRIPTION_VI",
    "SPELLING_TWICE_VI", "SYMLINK_LOOP_VI", "TITLE_NO_LETTERS_VI", "TITLE_TWICE_VI",
    "TWO_TITLES_ONE_COLUMN_VI", "VALUE_MAP_COLUMN_DESCRIPTION_VI", "VALUE_MAP_NOT_A_CODE_VI",
    "VALUE_MAP_NOT_CODE_COLUMN_VI", "VALUE_MAP_NOT_MAPPING_VI", "VALUE_MAP_PINS_NOT_MAPPING_VI",
    "VALUE_UNREADABLE_VI", "WHAT_CATALOG_VI", "WHAT_CODE_COLUMN_VI", "WHAT_COLUMN_VI",
    "WHAT_FILE_VI", "WHAT_KEY_VI", "YAML_INVALID_VI", "YAML_IS_FOLDER_VI", "YAML_NOT_UTF8_VI",
    "YAML_OVER_LIMIT_VI", "YAML_TOO_BIG_VI", "YAML_TOO_DEEP_VI",
]
