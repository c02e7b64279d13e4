"""The office's yearly logbook (`so_theo_doi_<year>.xlsx`): written from the sample's inputs,
read back with openpyxl (drop-down lists and their ranges, protection, frozen header, print
setup, formats), and read back by ingest through a catalog pointing the tables at its sheets:
the same processed tables as from the CSV files, nothing set aside, no alert."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

from cchc_lib.core import schema, yamlfile
from cchc_lib.core.catalog import load_catalog
from cchc_lib.core.lang import logbook as lang
from cchc_lib.ingest.mapping import map_columns
from cchc_lib.ingest.methodology import load_methodology
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.result import SOURCE_COLUMNS
from cchc_lib.reports.logbook import (
    LAST_ROW,
    LISTS_SHEET,
    SHEETS,
    TABLES,
    column_title,
    list_sources,
    list_values,
    logbook_catalog_entries,
    write_logbook,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"  # the hand-kept tables: its logbook
CSV_CATALOG = ROOT / "data/raw/sample/csv/catalog.yml"  # the same records as CSV files
YEAR = 2022


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample's CSV inputs ingested, its methodology, and the logbook written from them."""
    catalog = load_catalog(CSV_CATALOG)
    result = ingest(catalog)
    method = load_methodology(catalog.sources["methodology"].path)
    recipients = yamlfile.load_file(ROOT / "data/recipients.yml")
    path = tmp_path_factory.mktemp("logbook") / f"so_theo_doi_{YEAR}.xlsx"
    write_logbook(path, YEAR, result.tables, method, recipients)  # type: ignore[arg-type]
    return {"result": result, "method": method, "path": path, "recipients": recipients}


@pytest.fixture(scope="module")
def book(sample):
    return openpyxl.load_workbook(sample["path"])


def _checks(ws) -> dict[str, object]:
    """The sheet's checks by column letter (each covers rows 2 to LAST_ROW of one column)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        (ref,) = str(dv.sqref).split()
        first, last = ref.split(":")
        assert first.rstrip("0123456789") == last.rstrip("0123456789")
        assert first.endswith("2") and last == f"{first[:-1]}{LAST_ROW}", ref
        out[first[:-1]] = dv
    return out


def _column(ws, j: int):
    """The column format of column ``j`` (1-based): openpyxl keeps alike neighbours as one."""
    return next(d for d in ws.column_dimensions.values() if d.min <= j <= d.max)


def _letter(table: str, column: str) -> str:
    return openpyxl.utils.get_column_letter(schema.TABLES[table].names.index(column) + 1)


# --------------------------------------------------------------------------------------
# The sheets, their titles, the lists
# --------------------------------------------------------------------------------------


def test_sheets_in_order_titles_read_back_as_their_columns(book):
    assert book.sheetnames == ["Hướng dẫn", "Đơn vị", "Kế hoạch", "Mục tiêu", "Nhiệm vụ",
                               "Tiến độ", "Tự chấm điểm", "Kết quả chính thức", "Người nhận",
                               "Danh mục"]
    assert book.active.title == "Hướng dẫn"
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert [ws.sheet_state for ws in book if ws.title != LISTS_SHEET] == ["visible"] * 9
    for name in TABLES:
        table = schema.TABLES[name]
        header = [c.value for c in book[SHEETS[name]][1]][:len(table.columns)]
        assert header == [column_title(table, c) for c in table.names]
        mapped = map_columns(header, table)
        assert mapped.canonical == dict(enumerate(table.names)) and not mapped.problems, name


def test_a_title_that_is_not_an_alias_of_its_column_is_refused(monkeypatch):
    monkeypatch.setitem(lang.COLUMN_TITLES_VI["plan_progress"], "note", "Nhiệm vụ")
    with pytest.raises(ValueError, match="note"):
        column_title(schema.PLAN_PROGRESS, "note")


def test_every_coded_cell_has_its_drop_down_list(book, sample):
    method = sample["method"]
    units = "'Đơn vị'!$A$2:$A$1000"
    expected = {
        ("plans", "unit_code"): units, ("targets", "unit_code"): units,
        ("self_assessment", "unit_code"): units, ("official_results", "unit_code"): units,
        ("plan_tasks", "plan_id"): "'Kế hoạch'!$A$2:$A$1000",
        ("plan_progress", "task_id"): "'Nhiệm vụ'!$A$2:$A$1000",
        ("targets", "indicator"):
            '"online_procedure_rate,postal_procedure_rate,postal_return_share"',
        ("plan_progress", "status"): '"Chưa thực hiện,Đang thực hiện,Hoàn thành,Vướng mắc"',
        ("self_assessment", "criterion_id"):
            '"' + ",".join(c.id for c in method.leaves() if c.manual) + '"',
        ("official_results", "criterion_id"):
            '"' + ",".join([c.id for c in method.leaves()] + ["survey"]) + '"',
    }
    for (table, column), source in expected.items():
        dv = _checks(book[SHEETS[table]])[_letter(table, column)]
        assert (dv.type, dv.formula1) == ("list", source), (table, column)
        assert dv.showDropDown is not True  # (openpyxl's name for "hide the arrow")
        assert dv.errorStyle in (None, "stop") and dv.error and dv.errorTitle
    # every status word is one ingest reads as a task status, and every list spells its words
    assert list_values(method)["status"] == ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành",
                                             "Vướng mắc"]


def test_keys_unique_dates_in_the_year_points_up_to_the_criterions_maximum(book):
    units = _checks(book[SHEETS["units"]])
    assert (units["A"].type, units["A"].formula1) == ("custom", "COUNTIF($A$2:$A$1000,$A2)=1")
    assert _checks(book[SHEETS["plan_tasks"]])["A"].type == "custom"
    date = _checks(book[SHEETS["plan_progress"]])[_letter("plan_progress", "date")]
    day = pd.Timestamp("1899-12-30")  # Excel's day 0
    assert date.type == "date" and date.operator in (None, "between")
    assert [day + pd.Timedelta(days=int(f)) for f in (date.formula1, date.formula2)] == [
        pd.Timestamp(YEAR, 1, 1), pd.Timestamp(YEAR, 12, 31)]
    for table in ("self_assessment", "official_results"):
        points = _checks(book[SHEETS[table]])[_letter(table, "points")]
        assert (points.type, points.formula1) == ("decimal", "0")
        # per row: the maximum of the criterion chosen in column C (a leaf or the survey)
        assert points.formula2 == "VLOOKUP($C2,'Danh mục'!$C$2:$E$30,3,FALSE)"
    target = _checks(book[SHEETS["targets"]])["B"]
    assert (target.type, target.formula1, target.formula2) == ("decimal", "0", "1")
    # the lookup range holds each criterion's id, title and maximum
    lists = book[LISTS_SHEET]
    rows = list(lists.iter_rows(min_row=2, max_row=30, min_col=3, max_col=5, values_only=True))
    assert rows[0] == ("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 1)
    assert rows[-1][0] == "survey"


def test_every_column_prompts_in_vietnamese_within_excels_limits(book):
    for name in TABLES:
        table = schema.TABLES[name]
        checks = _checks(book[SHEETS[name]])
        assert len(checks) == len(table.columns), name
        for column in table.names:
            dv = checks[_letter(name, column)]
            assert dv.promptTitle == column_title(table, column) and dv.prompt, (name, column)
    for prompts in lang.PROMPTS_VI.values():
        for column, text in prompts.items():
            assert len(text) + max(len(r) for r in lang.RULE_PROMPTS_VI.values()) < 255, column
    assert all(len(t) <= 32 and len(m.format(low=2015, high=2023)) <= 255
               for t, m in lang.ERRORS_VI.values())


def test_a_long_list_is_read_from_the_hidden_lists_sheet():
    columns = {"indicator": ["x"], "status": ["a"], "manual": ["m"],
               "criterion": [f"criterion.{i:03}" for i in range(40)]}
    sources = list_sources(columns)
    assert sources["criterion"] == "='Danh mục'!$C$2:$C$41"
    assert sources["indicator"] == ["x"]
    assert sources["criteria_range"] == "'Danh mục'!$C$2:$E$41"


# --------------------------------------------------------------------------------------
# Protection, frozen header, print setup, formats
# --------------------------------------------------------------------------------------


def test_header_locked_data_unlocked_sheet_protected_without_password(book, sample):
    for name in TABLES:
        ws = book[SHEETS[name]]
        assert ws.protection.sheet and not ws.protection.password, name
        assert ws.protection.insertRows is False and ws.protection.autoFilter is False
        assert all(c.protection.locked for c in ws[1]), name
        assert ws.cell(2, 1).protection.locked is False, name
        width = len(schema.TABLES[name].columns)
        for j in range(1, width + 1):  # the rows below, formatted by their column
            assert _column(ws, j).protection.locked is False, (name, j)
        assert ws.freeze_panes == "A2", name
        if name != "self_assessment":  # no empty row written: the columns carry the formats
            assert ws.max_row == 1 + len(sample["result"].tables[name]), name


def test_a4_landscape_header_repeated(book):
    for ws in book:
        if ws.title == LISTS_SHEET:
            continue
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide (1: the default)
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        if ws.title in SHEETS.values():
            assert ws.print_title_rows == "$1:$1", ws.title


def test_dates_numbers_and_codes_formatted(book):
    progress = book[SHEETS["plan_progress"]]
    assert progress["B2"].is_date and progress["B2"].number_format == "dd/mm/yyyy"
    assert progress["B2"].value == pd.Timestamp("2022-04-15").to_pydatetime()
    assert progress["C2"].value == "Đang thực hiện"  # the code in words
    assert _column(progress, 2).number_format == "dd/mm/yyyy"
    plans = book[SHEETS["plans"]]
    assert plans["D2"].number_format == "dd/mm/yyyy" and plans["G2"].number_format == "0"
    targets = book[SHEETS["targets"]]
    assert targets["B2"].value == 0.5 and targets["B2"].number_format == "0.0%"
    scored = book[SHEETS["self_assessment"]]
    assert scored["D2"].number_format == "0.0#" and scored["B2"].number_format == "0"
    assert scored["C2"].number_format == "@"  # an id typed as 1.2 stays text
    assert _column(scored, 3).number_format == "@"
    units = book[SHEETS["units"]]
    assert _column(units, 1).width >= len("SAMPLE-TXQT")
    assert _column(units, 4).width >= len("Thị xã Quảng Trị (dữ liệu mẫu)")


def test_self_assessment_one_row_per_manual_criterion_and_unit_with_helpers(book, sample):
    method, tables = sample["method"], sample["result"].tables
    ws = book[SHEETS["self_assessment"]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    manual = [c for c in method.leaves() if c.manual]
    assert len(rows) == len(tables["units"]) * len(manual)
    assert [r[2] for r in rows[:len(manual)]] == [c.id for c in manual]
    assert {r[0] for r in rows} == set(tables["units"].unit_code)
    first = manual[0]
    assert rows[0][6:9] == (first.title, first.max_points, first.evidence)
    header = [c.value for c in ws[1]]
    assert header[6:] == list(lang.HELPER_TITLES_VI.values())
    assert ws.cell(2, 7).protection.locked and ws.cell(2, 4).protection.locked is False
    # ingest passes over the helpers: not read, and no warning about them
    mapped = map_columns(header, schema.SELF_ASSESSMENT)
    assert sorted(mapped.ignored) == [6, 7, 8]
    assert not any(u.warns for u in mapped.unread.values())


def test_a_new_year_prefills_the_grid_without_points(sample, tmp_path):
    tables = {"units": sample["result"].tables["units"]}
    path = write_logbook(tmp_path / "next.xlsx", YEAR + 1, tables, sample["method"])
    ws = openpyxl.load_workbook(path)[SHEETS["self_assessment"]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0][:4] == ("SAMPLE-P1", YEAR + 1, "1.1.1", None)
    assert openpyxl.load_workbook(path)["Người nhận"].max_row == 1  # no recipients given


def test_recipients_sheet(book, sample):
    rows = list(book["Người nhận"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("Các đơn vị khác", "Báo cáo của đơn vị", None, "phongnoivu@example.vn")
    assert ("SAMPLE-P2", "Nhắc việc nhiệm vụ", "Công chức VP-TK",
            "vptk.phuong2@example.vn") in rows
    (check,) = book["Người nhận"].data_validations.dataValidation
    assert str(check.sqref) == f"B2:B{LAST_ROW}" and check.type == "list"
    assert check.formula1 == '"Báo cáo của đơn vị,Nhắc việc nhiệm vụ"'


def test_text_is_neutralised_and_bytes_are_deterministic(sample, tmp_path):
    units = sample["result"].tables["units"].copy()
    units.loc[0, "unit_name"] = '=HYPERLINK("http://evil.example","x")'
    tables = {**sample["result"].tables, "units": units}
    one = write_logbook(tmp_path / "a.xlsx", YEAR, tables, sample["method"])
    two = write_logbook(tmp_path / "b.xlsx", YEAR, tables, sample["method"])
    assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(two.read_bytes()).digest()
    cell = openpyxl.load_workbook(one)[SHEETS["units"]]["B2"]
    assert cell.data_type == "s" and cell.value == "'" + units.loc[0, "unit_name"]


def test_catalog_entries():
    entries = logbook_catalog_entries("so_theo_doi_2022.xlsx")
    assert entries["targets"] == {"path": "so_theo_doi_2022.xlsx", "sheet": "Mục tiêu"}
    assert set(entries) == set(TABLES)


# --------------------------------------------------------------------------------------
# The round trip: ingest reads the logbook back as it read the CSV files
# --------------------------------------------------------------------------------------


def test_ingest_reads_the_logbook_back_as_the_csv_files(sample, tmp_path):
    catalog = tmp_path / "catalog.yml"
    spec = {"include": [str(SAMPLE_CATALOG)], **logbook_catalog_entries(str(sample["path"]))}
    catalog.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    again = ingest(load_catalog(catalog))
    first = sample["result"]
    for name in TABLES:
        want = first.tables[name].drop(columns=SOURCE_COLUMNS)
        got = again.tables[name].drop(columns=SOURCE_COLUMNS)
        keys = list(want.columns)
        pd.testing.assert_frame_equal(
            got.sort_values(keys, kind="stable").reset_index(drop=True),
            want.sort_values(keys, kind="stable").reset_index(drop=True), obj=name)
        assert set(again.tables[name].source_sheet) <= {SHEETS[name]}
    assert again.quarantine[again.quarantine.table.isin(TABLES)].empty
    assert not [a for a in again.alerts if a.table in TABLES]
    assert not [a for a in again.title_alerts if a.table in TABLES]
    assert not [a for a in again.reason_alerts if a.table in TABLES]
    assert not [a for a in again.date_alerts if a.table in TABLES]
    read = {f.table: f for f in again.files if f.table in TABLES}
    assert {t: (f.sheet, f.rows_skipped) for t, f in read.items()} == {
        t: (SHEETS[t], {}) for t in TABLES}


def test_the_shipped_sample_reads_its_records_from_its_logbook(sample):
    """The sample catalog (what `make report` and `cchc init` use) reads every hand-kept
    table from the shipped so_theo_doi_2022.xlsx; they are the CSV files' tables."""
    shipped = ingest(load_catalog(SAMPLE_CATALOG))
    for name in TABLES:
        table = shipped.tables[name]
        assert set(table.source_file) == {"data/raw/sample/so_theo_doi_2022.xlsx"}, name
        assert set(table.source_sheet) == {SHEETS[name]}, name
        keys = [c for c in table.columns if c not in SOURCE_COLUMNS]
        pd.testing.assert_frame_equal(
            table.drop(columns=SOURCE_COLUMNS).sort_values(keys).reset_index(drop=True),
            sample["result"].tables[name].drop(columns=SOURCE_COLUMNS).sort_values(keys)
            .reset_index(drop=True), obj=name)
    assert shipped.quarantine[shipped.quarantine.table.isin(TABLES)].empty


def test_every_given_self_assessment_row_is_written(sample):
    from cchc_lib.reports.logbook import self_assessment_rows

    given = pd.DataFrame({"unit_code": ["SAMPLE-P1", "SAMPLE-P1", "SAMPLE-P1"],
                          "year": [YEAR, YEAR, YEAR - 1],
                          "criterion_id": ["1.2", "1.2", "1.2"], "points": [2.0, 1.0, 1.5],
                          "evidence": ["a", "b", "c"], "note": [None, None, None]})
    units = pd.DataFrame({"unit_code": ["SAMPLE-P1"]})
    rows = self_assessment_rows({"units": units, "self_assessment": given}, YEAR,
                                sample["method"])
    manual = [c.id for c in sample["method"].leaves() if c.manual]
    assert len(rows) == len(manual) + 2  # the grid, the repeated row, last year's row
    assert rows.set_index("criterion_id").loc["1.2"].points.tolist() == [2.0, 1.0, 1.5]
    assert rows.points.isna().sum() == len(manual) - 1


def test_a_grid_row_not_filled_is_counted_not_refused_a_half_filled_one_is(sample, tmp_path):
    """The self-assessment sheet of a new year holds every criterion ready: rows the office
    has not scored yet are counted as not filled; a row given evidence but no points is set
    aside, named with its sheet and row; a scored row is read."""
    tables = {"units": sample["result"].tables["units"]}
    path = write_logbook(tmp_path / "so_theo_doi_2023.xlsx", YEAR + 1, tables, sample["method"])
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEETS["self_assessment"]]
    grid = ws.max_row - 1
    assert [c.value for c in ws[2]][:3] == ["SAMPLE-P1", YEAR + 1, "1.1.1"]
    ws["D2"], ws["E2"] = 1, "Kế hoạch số 5/KH-UBND"   # scored
    ws["E3"] = "Báo cáo số 7/BC-UBND"                  # evidence, points forgotten
    wb.save(path)
    catalog = tmp_path / "catalog.yml"
    spec = {"include": [str(SAMPLE_CATALOG)],
            "self_assessment": {"path": str(path), "sheet": SHEETS["self_assessment"]}}
    catalog.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    result = ingest(load_catalog(catalog))
    sa = result.tables["self_assessment"]
    assert sa[["criterion_id", "points"]].values.tolist() == [["1.1.1", 1.0]]
    (read,) = [f for f in result.files if f.table == "self_assessment"]
    assert read.rows_skipped == {"not_filled": grid - 2}
    assert (read.rows_in, read.accepted, read.quarantined) == (2, 1, 1)
    q = result.quarantine[result.quarantine.table == "self_assessment"]
    assert q[["source_sheet", "source_row", "reasons"]].values.tolist() == [
        [SHEETS["self_assessment"], 3, "missing:points"]]
