"""The data catalog checked against its one declared schema (core/catalog_schema.py): every
refusal names the file, the line, the key path and what is allowed; the JSON Schema editors
read is written from the same declaration and agrees with the loader; ``columns:`` pins
merge like ``value_map`` and reach a source through ``pinned_columns``."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from cchc_lib.cli import main
from cchc_lib.core.catalog import (
    load_catalog,
    pinned,
    pinned_columns,
    with_overrides,
    with_schema_line,
)
from cchc_lib.core.catalog_schema import SCHEMA_FILE, json_schema, schema_text
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.yamlfile import MAX_YAML_DEPTH
from cchc_lib.delivery.init import init_workbook

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/corpus"
SHIPPED = [ROOT / "data/catalog.yml", ROOT / "data/raw/sample/catalog.yml",
           CORPUS / "catalog.yml"]
TOP_KEYS = ("units, catalogue, targets, plans, plan_tasks, calendar, self_assessment, "
            "official_results, plan_progress, methodology, dossiers, personal_columns, "
            "value_map, columns, date_order, include, description")
DOSSIER_OPTIONS = "path, unit_code, sheet, exported_on, date_order, value_map, columns"
DOSSIER_COLUMNS = ("dossier_id, unit_code, procedure_code, procedure_name, field_name, "
                   "receive_channel, return_channel, submitted_at, received_at, due_at, "
                   "finished_at, returned_at, status, supplement_requests, supplement_days, "
                   "paid_online, digitized, e_result, apology_issued")
TEXT = 'chuỗi ký tự (số thì đặt trong ngoặc kép, ví dụ "2022")'


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server hands it to the JSON Schema: a date is text."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
VALIDATOR = jsonschema.Draft7Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def editor_errors(path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)  # noqa: S506
    return [e.message for e in VALIDATOR.iter_errors(data)]


def write(folder: Path, text: str, name: str = "catalog.yml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(InputFileError) as caught:
        load_catalog(path)
    return str(caught.value)


# --------------------------------------------------------------------------------------
# Bad catalogs: one message each, with the file and the line
# --------------------------------------------------------------------------------------

BAD = {  # name -> (catalog text, the message after "<file>: ")
    "unknown top-level key": (
        "units: {path: u.csv}\n\nunitz: {path: v.csv}\n",
        f"dòng 3: khóa 'unitz' không dùng được; các khóa dùng được: {TOP_KEYS} "
        "(có phải 'units'?)"),
    "unknown option of a dossier export": (
        "dossiers:\n  - {path: a.csv}\n  - path: b.csv\n    colums: {Ngày hẹn: due_at}\n",
        f"dòng 4: dossiers[1]: khóa 'colums' không dùng được; các khóa dùng được: "
        f"{DOSSIER_OPTIONS} (có phải 'columns'?)"),
    "unknown option of the units file (no code column: no value_map)": (
        "units:\n  path: u.csv\n  value_map: {}\n",
        "dòng 3: units: khóa 'value_map' không dùng được; các khóa dùng được: path, "
        "unit_code, sheet, exported_on, columns"),
    "unknown option of the methodology": (
        "methodology: {path: m.yml, sheet: Sheet1}\n",
        "dòng 1: methodology: khóa 'sheet' không dùng được; các khóa dùng được: path"),
    "value_map names a column without codes": (
        "value_map:\n  receive_channel: {Một cửa: direct}\n  procedure_name: {TT: online}\n",
        "dòng 3: value_map: cột 'procedure_name' không chứa mã; các cột có mã dùng được: "
        "apology_issued, digitized, e_result, has_fee, kind, level, paid_online, "
        "postal_enabled, receive_channel, return_channel, status"),
    "a source's value_map names a column of another table": (
        "catalogue:\n  path: c.csv\n  value_map: {receive_channel: {BCCI: postal}}\n",
        "dòng 3: catalogue.value_map: cột 'receive_channel' không chứa mã; các cột có mã "
        "dùng được: has_fee, level, postal_enabled"),
    "value_map pins a code the column does not have": (
        "value_map: {receive_channel: {TT: buu dien}}\n",
        "dòng 1: value_map.receive_channel: 'TT' -> 'buu dien' không phải mã của cột "
        "receive_channel; các mã: direct, online, postal"),
    "personal_columns a number": (
        "units: u.csv\npersonal_columns: 5\n",
        "dòng 2: personal_columns: phải là danh sách chuỗi ký tự (một chuỗi cũng được), "
        "không phải số nguyên 5"),
    "personal_columns holding a list": (
        "personal_columns:\n  - Ghi chú\n  - [a, b]\n",
        f"dòng 3: personal_columns[1]: phải là {TEXT}, không phải một danh sách"),
    "a source given as a number": (
        "units: 5\n",
        "dòng 1: units: phải là đường dẫn tệp, hoặc các tùy chọn của nguồn ({path: tệp, "
        "...}), không phải số nguyên 5"),
    "a source with nothing after its name": (
        "units:\ncatalogue: c.csv\n",
        "dòng 1: units: phải là đường dẫn tệp, hoặc các tùy chọn của nguồn ({path: tệp, "
        "...}), không phải để trống"),
    "a source without a path": (
        "catalogue: {sheet: DanhMuc}\n",
        "dòng 1: catalogue: thiếu khóa 'path' (Đường dẫn tệp, tính từ thư mục chứa danh mục "
        "này (hoặc đường dẫn đầy đủ).)"),
    "a sheet named by a number": (
        "dossiers:\n  - {path: a.xlsx, sheet: 2022}\n",
        f"dòng 2: dossiers[0].sheet: phải là {TEXT}, không phải số nguyên 2022"),
    "exported_on day first": (
        "dossiers:\n  - path: a.csv\n    exported_on: 15/03/2022\n",
        "dòng 3: dossiers[0].exported_on: phải là một ngày viết YYYY-MM-DD (ví dụ "
        "2022-03-15), không phải chuỗi '15/03/2022'"),
    "exported_on a day that does not exist": (
        "dossiers: [{path: a.csv, exported_on: 2022-02-30}]\n",
        "dòng 1: dossiers[0].exported_on: ngày 2022-02-30 không có thật"),
    "exported_on with a time": (
        "dossiers: [{path: a.csv, exported_on: 2022-03-15 08:30:00}]\n",
        "dòng 1: dossiers[0].exported_on: phải là một ngày viết YYYY-MM-DD (ví dụ "
        "2022-03-15), không phải ngày giờ 2022-03-15 08:30:00"),
    "a key written twice": (
        "units: u.csv\ncatalogue: c.csv\nunits: u2.csv\n",
        "dòng 3: khóa 'units' viết hai lần (dòng 1 và dòng 3); chỉ giữ một"),
    "a list, not named sources": (
        "- units.csv\n- catalogue.csv\n",
        "dòng 1: danh mục dữ liệu phải liệt kê các nguồn theo tên (tên: tệp), không phải một "
        "danh sách"),
    "a dossier column that does not exist": (
        'dossiers:\n  - path: a.csv\n    columns: {"Ngày hẹn": due}\n',
        f"dòng 3: dossiers[0].columns: 'Ngày hẹn': 'due' không phải cột của bảng Hồ sơ TTHC "
        f"(dossiers); các cột dùng được: {DOSSIER_COLUMNS}"),
    "a catalogue title pinned to a dossier column": (
        'catalogue:\n  path: c.csv\n  columns: {"Ngày nhận": received_at}\n',
        "dòng 3: catalogue.columns: 'Ngày nhận': 'received_at' không phải cột của bảng Danh "
        "mục TTHC (catalogue); các cột dùng được: procedure_code, procedure_name, field_name, "
        "level, postal_enabled, processing_days, has_fee, unit_code, valid_from, valid_to"),
    "a top-level column of no table": (
        'columns:\n  "Ngày nhận hồ sơ": received_at\n  "Mã ĐV": unit_cod\n',
        "dòng 3: columns: 'Mã ĐV': 'unit_cod' không phải cột của bảng nào; các cột dùng được: "
        "apology_issued, cause, coordinators, criterion_id, date, digitized, dossier_id, due_at, "
        "e_result, evidence, field_name, finished_at, has_fee, indicator, indicators, issuer, "
        "kind, lead, level, note, number, paid_online, parent_code, parent_name, plan_id, "
        "points, postal_enabled, procedure_code, procedure_name, processing_days, "
        "receive_channel, received_at, return_channel, returned_at, section, section_title, "
        "signer_name, signer_title, signing, source, status, submitted_at, supplement_days, "
        "supplement_requests, target, task, task_id, timeframe, title, unit_code, unit_name, "
        "valid_from, valid_to, year "
        "(có phải 'unit_code'?)"),
    "two titles pinned to one column": (
        'columns:\n  "Ngày nhận hồ sơ": received_at\n  "Tình trạng": status\n'
        '  "Ngày tiếp nhận": received_at\n',
        "dòng 4: columns: hai tiêu đề cùng ghim vào cột received_at: 'Ngày nhận hồ sơ' (dòng "
        "2) và 'Ngày tiếp nhận' (dòng 4); mỗi cột chỉ ghim một tiêu đề"),
    "two titles of one source pinned to one column": (
        'dossiers:\n  - {path: a.csv, columns: {"Hạn": due_at, "Ngày hẹn": due_at}}\n',
        "dòng 2: dossiers[0].columns: hai tiêu đề cùng ghim vào cột due_at: 'Hạn' (dòng 2) "
        "và 'Ngày hẹn' (dòng 2); mỗi cột chỉ ghim một tiêu đề"),
    "one title written twice as the header matcher reads it": (
        'columns:\n  "Ngày hẹn": due_at\n  "NGAY  HEN": null\n',
        "dòng 3: columns: tiêu đề 'NGAY HEN' và 'Ngày hẹn' (dòng 2) là một tiêu đề khi so "
        "khớp (không kể dấu, hoa thường, khoảng trắng); chỉ giữ một"),
    "a title of personal data read into a column": (
        'columns: {"Họ tên người nộp": procedure_name}\n',
        "dòng 1: columns: tiêu đề 'Họ tên người nộp' là cột dữ liệu cá nhân, không được đọc "
        "vào cột nào (chỉ ghim được null: không đọc)"),
    "columns as a list": (
        "columns:\n  - Ngày hẹn\n",
        "dòng 2: columns: phải là các cặp tiêu đề cột: tên cột chuẩn (hoặc null: không đọc "
        "cột này), không phải một danh sách"),
    "an include that is a number": (
        "include:\n  - other.yml\n  - 5\n",
        f"dòng 3: include[1]: phải là {TEXT}, không phải số nguyên 5"),
    "an include that is not there": (
        "units: u.csv\ninclude: [missing.yml]\n",
        "dòng 2: include: không tìm thấy danh mục dữ liệu '{folder}/missing.yml'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_catalog_is_one_message_naming_file_line_and_what_is_allowed(case, tmp_path):
    text, message = BAD[case]
    path = write(tmp_path, text)
    assert refusal(path) == f"{path}: " + message.replace("{folder}", str(tmp_path))


@pytest.mark.parametrize("case", ["unknown top-level key", "unknown option of a dossier export",
                                  "personal_columns a number", "a source given as a number",
                                  "a sheet named by a number", "exported_on day first",
                                  "a dossier column that does not exist", "columns as a list",
                                  "a top-level column of no table",
                                  "value_map pins a code the column does not have"])
def test_the_editor_schema_refuses_them_too(case, tmp_path):
    assert editor_errors(write(tmp_path, BAD[case][0])) != []


def test_an_error_inside_an_included_catalog_names_that_file_and_its_line(tmp_path):
    (tmp_path / "sub").mkdir()
    inner = write(tmp_path / "sub", "units: u.csv\ndossiers:\n  - path: a.csv\n"
                  "    columns: {Hạn: due}\n", "inner.yml")
    outer = write(tmp_path, "include: sub/inner.yml\n")
    assert refusal(outer).startswith(f"{inner}: dòng 4: dossiers[0].columns: 'Hạn': 'due' "
                                     "không phải cột của bảng Hồ sơ TTHC (dossiers)")


def test_an_include_loop_is_named_at_the_line_that_closes_it(tmp_path):
    a = write(tmp_path, "include: b.yml\n", "a.yml")
    b = write(tmp_path, "units: u.csv\ninclude: [a.yml]\n", "b.yml")
    assert refusal(a) == (f"{b}: dòng 2: include: danh mục dữ liệu tự include chính nó (vòng "
                          f"lặp include: {a} → {b} → {a})")


def test_nesting_and_numbers_no_loader_survives_are_one_message(tmp_path):
    deep = write(tmp_path, "units: " + "[" * (MAX_YAML_DEPTH + 10) + "\n", "deep.yml")
    assert refusal(deep) == (f"{deep}: dòng 1: không phải YAML hợp lệ (các mục lồng nhau quá "
                             f"{MAX_YAML_DEPTH} cấp)")
    huge = write(tmp_path, f"value_map:\n  paid_online: {{x: {'9' * 5000}}}\n", "huge.yml")
    assert refusal(huge) == (f"{huge}: dòng 2: value_map.paid_online: giá trị "
                             f"'{'9' * 39}…' không đọc được (Exceeds the limit (4300 digits) "
                             "for integer string conversion: value has 5000 digits; use "
                             "sys.set_int_max_str_digits() to increase the limit)")


def test_the_command_prints_the_one_line_and_exits_2(tmp_path, capsys):
    path = write(tmp_path, "units: u.csv\ncatalogue: c.csv\npersonal_columns: 5\n")
    code = main(["ingest", "--catalog", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].endswith(f"{path}: dòng 3: personal_columns: phải là danh sách chuỗi ký tự "
                           "(một chuỗi cũng được), không phải số nguyên 5")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------
# Good catalogs: what they give
# --------------------------------------------------------------------------------------


def test_lists_may_be_one_item_and_days_may_be_quoted(tmp_path):
    write(tmp_path, "units: u.csv\n", "base.yml")
    path = write(tmp_path, ("include: base.yml\npersonal_columns: Ghi chú người nộp\n"
                            "dossiers: {path: a.csv, unit_code: P2, exported_on: '2022-03-31'}\n"
                            "description: mẫu\n"))
    assert editor_errors(path) == []
    catalog = load_catalog(path)
    assert catalog.personal_columns == ("Ghi chú người nộp",)
    (export,) = catalog.dossiers
    assert (export.unit_code, export.exported_on, export.table) == ("P2", date(2022, 3, 31),
                                                                    "dossiers")
    assert catalog.sources["units"].path == tmp_path / "u.csv"


def test_pins_of_the_catalog_and_of_a_source_reach_the_source(tmp_path):
    write(tmp_path, 'columns: {"Ngày hẹn": due_at, "Ngày": date, "Ghi chú": null}\n',
          "base.yml")
    path = write(tmp_path, (
        "include: base.yml\n"
        'columns: {"Ngày nhận hồ sơ": received_at, "Tình trạng hồ sơ": status}\n'
        "dossiers:\n"
        '  - {path: a.csv, columns: {"Hạn giải quyết (ngày)": due_at, "Ghi chú cán bộ": null}}\n'
        "  - b.csv\n"
        'plan_progress: {path: p.csv, columns: {"Kết quả": status}}\n'))
    assert editor_errors(path) == []
    catalog = load_catalog(path)
    first, second = catalog.dossiers
    # the catalog's pins of a dossier column or null; a.csv's own due_at title replaces the
    # catalog's; "Ngày" -> date is a column of plans and the progress log, not of dossiers
    assert pinned_columns(catalog, first) == {
        "ghichu": None, "ngaynhanhoso": "received_at", "tinhtranghoso": "status",
        "hangiaiquyetngay": "due_at", "ghichucanbo": None}
    assert pinned_columns(catalog, second) == {
        "ngayhen": "due_at", "ghichu": None, "ngaynhanhoso": "received_at",
        "tinhtranghoso": "status"}
    # the progress log's own status title replaces the catalog's; its date is pinned too
    assert pinned_columns(catalog, catalog.sources["plan_progress"]) == {
        "ngay": "date", "ghichu": None, "ketqua": "status"}


def test_sources_named_on_the_command_line_keep_the_catalogs_pins(tmp_path):
    catalog = load_catalog(write(tmp_path, (
        'columns: {"Ngày nhận hồ sơ": received_at, "Mã ĐV": unit_code}\n'
        'value_map: {receive_channel: {"Một cửa điện tử": online}}\n'
        'dossiers: [{path: a.csv, columns: {"Hạn": due_at}}]\n')))
    ran = with_overrides(catalog, dossiers=[str(tmp_path / "other.csv")],
                         units_file=str(tmp_path / "dv.csv"))
    (export,) = ran.dossiers
    assert pinned_columns(ran, export) == {"ngaynhanhoso": "received_at", "madv": "unit_code"}
    assert pinned_columns(ran, ran.sources["units"]) == {"madv": "unit_code"}
    assert pinned(ran, export) == {"receive_channel": {"mot cua dien tu": "online"}}


def test_a_status_spelling_is_pinned_for_the_table_whose_code_it_is(tmp_path):
    """``status`` is a column of the dossiers and of the progress log, with other codes."""
    path = write(tmp_path, ('value_map: {status: {"Đã xong": returned, "Tạm dừng": blocked}}\n'
                            "dossiers: [a.csv]\nplan_progress: p.csv\n"))
    assert editor_errors(path) == []
    catalog = load_catalog(path)
    assert pinned(catalog, catalog.dossiers[0]) == {"status": {"da xong": "returned"}}
    assert pinned(catalog, catalog.sources["plan_progress"]) == {
        "status": {"tam dung": "blocked"}}


# --------------------------------------------------------------------------------------
# The shipped catalogs, and the JSON Schema beside them
# --------------------------------------------------------------------------------------


def test_the_shipped_json_schema_is_the_declaration_written_out():
    """tools/catalog_schema.py rewrites it after a change to the declaration."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    jsonschema.Draft7Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_catalog_loads_and_is_valid_for_the_editor(path):
    catalog = load_catalog(path)
    assert catalog.path == path
    assert editor_errors(path) == []


def test_the_catalog_init_writes_loads_and_is_valid_for_the_editor(tmp_path):
    init_workbook(tmp_path / "wb")
    path = tmp_path / "wb/data/catalog.yml"
    catalog = load_catalog(path)
    assert {"units", "catalogue", "methodology"} <= set(catalog.sources)
    assert len(catalog.dossiers) == 6 and all(s.path.is_file() for s in catalog.dossiers)
    assert editor_errors(path) == []


@pytest.mark.parametrize("path", [ROOT / "data/catalog.yml", CORPUS / "catalog.yml"],
                         ids=["data", "corpus"])
def test_the_schema_line_of_a_shipped_catalog_points_at_the_schema(path):
    text = path.read_text(encoding="utf-8")
    line = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert line and (path.parent / line[1]).resolve() == SCHEMA_FILE
    assert with_schema_line(text, path) == text


def test_the_schema_line_for_a_copy_beside_the_catalog(tmp_path):
    text = "# yaml-language-server: $schema=../old/catalog.schema.json\nunits: u.csv\n"
    assert with_schema_line(text, tmp_path / "data/catalog.yml",
                            tmp_path / "data/catalog.schema.json") == (
        "# yaml-language-server: $schema=catalog.schema.json\nunits: u.csv\n")
