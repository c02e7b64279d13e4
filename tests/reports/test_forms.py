"""Biểu 06 as a file to print, sign and file: read back with openpyxl (formulas, print setup)
and calamine (the values a reader that does not calculate sees)."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import parse_period
from cchc_lib.core.text import within_sentence
from cchc_lib.reports.forms import form_kind, write_form

Q3 = parse_period("2022-Q3")


def small_form() -> pd.DataFrame:
    """Two fields and their total, written by hand: received 3 = 1 online + 2 direct, etc."""
    rows = [
        ("Hộ tịch", 3, 1, 2, 1, 2, 1, 1, 0, 2, 1, 1),
        ("Chứng thực", 5, 0, 5, 0, 5, 2, 3, 0, 0, 0, 0),
        (None, 8, 1, 7, 1, 7, 3, 4, 0, 2, 1, 1),
    ]
    columns = ["field", "received_total", "received_online", "received_direct_postal",
               "carried_over", "resolved_total", "resolved_early", "resolved_on_time",
               "resolved_late", "pending_total", "pending_in_time", "pending_overdue"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame[["field", *registry.BIEU06_COLUMNS]]


@pytest.fixture()
def xlsx(tmp_path):
    return write_form(small_form(), tmp_path / "bieu06.xlsx", "Phường 2", Q3,
                      receiver="UBND thị xã Quảng Trị")


def test_header_fields_and_signature_block(xlsx):
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Biểu 06").to_python()
    flat = [c for r in rows for c in r if c != ""]
    for text in ("Đơn vị báo cáo: Phường 2", "Biểu số 06/VPCP/KSTT",
                 "Đơn vị nhận báo cáo: UBND thị xã Quảng Trị",
                 "Ngày nhận báo cáo: ……/……/………",
                 "Kỳ báo cáo: quý III năm 2022 (từ ngày 01/07/2022 đến ngày 30/09/2022)",
                 "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG ĐƠN VỊ",
                 "(Ký tên, đóng dấu)"):
        assert text in flat


def test_stt_numbers_and_totals_as_formulas_with_values(xlsx):
    ws = openpyxl.load_workbook(xlsx)["Biểu 06"]
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Hộ tịch")
    assert ws.cell(first, 1).value == 1 and ws.cell(first + 1, 1).value == 2  # numbers
    total = first + 2
    assert ws.cell(total, 2).value == "Tổng cộng"
    assert ws.cell(total, 3).value == f"=SUM(C{first}:C{first + 1})"
    assert ws.cell(total, 13).value == f"=SUM(M{first}:M{first + 1})"
    # the stored values: what a reader that does not calculate shows (3 + 5 = 8, …)
    cached = openpyxl.load_workbook(xlsx, data_only=True)["Biểu 06"]
    assert [cached.cell(total, c).value for c in range(3, 14)] == [8, 1, 7, 1, 7, 3, 4, 0, 2,
                                                                   1, 1]


def test_print_setup_a4_landscape_one_page_wide(xlsx):
    ws = openpyxl.load_workbook(xlsx)["Biểu 06"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth or 1) == 1 and int(setup.fitToHeight) == 0
    assert ws.print_title_rows  # the header rows repeat on every page
    assert ws.print_options.horizontalCentered


def test_semicolon_csv_for_vietnamese_excel(tmp_path):
    path = write_form(small_form(), tmp_path / "bieu06_vn.csv", "Phường 2", Q3)
    assert form_kind(path.name) == ";.csv"
    text = path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0].split(";")
    assert len(header) == 13 and header[0] == "STT"
    total = pd.read_csv(path, sep=";", encoding="utf-8-sig").iloc[-1]
    assert total["Lĩnh vực"] == "Tổng cộng" and int(total.iloc[2]) == 8


def test_unit_names_inside_a_sentence():
    assert within_sentence("Thị xã Quảng Trị") == "thị xã Quảng Trị"
    assert within_sentence("Thành phố Đông Hà") == "thành phố Đông Hà"
    assert within_sentence("Quảng Trị") == "Quảng Trị"
