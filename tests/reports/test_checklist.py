"""The evidence checklist as a file for the Home Affairs office: read back with openpyxl
(print setup, formulas and their stored values, text that cannot run), and written by
`cchc run --report scorecard` beside the scorecard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd

from cchc_lib.reports.checklist import write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def _checklist() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["1.4", "1.2", "3.2"], "field": ["1", "1", "3"],
        "title": ["Tuyên truyền", "Báo cáo", "Đúng hạn"], "max_points": [2.0, 2.0, 6.0],
        "source": ["manual", "manual", "indicator"], "points": [2.0, 1.5, 4.0],
        "evidenced": [0.0, 1.5, 4.0], "at_stake": [2.0, 0.0, 0.0],
        "required": ["Kế hoạch tuyên truyền", None, None],
        "attached": [None, '=HYPERLINK("http://evil.example","x")', None],
        "status": ["missing", "attached", "data"], "owner": ["Công chức VP-TK", "", ""]})


def test_checklist_sheet_prints_and_adds_up(tmp_path):
    path = write_xlsx(_checklist(), tmp_path / "k.xlsx", "Phường 2", 2022, "Bộ chỉ số mẫu")
    ws = openpyxl.load_workbook(path)["Kiểm chứng"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][0] == "DANH MỤC TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CCHC NĂM 2022"
    assert rows[1][0] == "Đơn vị: Phường 2"
    assert rows[3][0] == ("Còn 1 tiêu chí có điểm tự chấm nhưng còn thiếu tài liệu kiểm chứng "
                          "(2,00 điểm chưa được tính).")
    assert rows[5] == ["Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự chấm",
                       "Điểm có kiểm chứng", "Tài liệu kiểm chứng cần có", "Tài liệu đã có",
                       "Tình trạng", "Phụ trách"]
    assert rows[6] == ["1.4", "Tuyên truyền", 2, 2, 0, "Kế hoạch tuyên truyền", None,
                       "Còn thiếu", "Công chức VP-TK"]
    # a methodology without the evidence named, data criteria, nobody assigned: said in words
    assert rows[7][5] == "(bộ chỉ số chưa ghi)" and rows[7][8] == "chưa phân công"
    assert rows[8][5].startswith("Số liệu hồ sơ") and rows[8][7] == "Tự tính từ dữ liệu hồ sơ"
    # a formula typed into the self-assessment stays text
    assert rows[7][6] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    # totals: formulas, with their values stored (2 + 2 + 6; 2 + 1.5 + 4; 0 + 1.5 + 4)
    assert rows[9][1] == "Tổng cộng" and rows[9][2:5] == ["=SUM(C7:C9)", "=SUM(D7:D9)",
                                                          "=SUM(E7:E9)"]
    cached = openpyxl.load_workbook(path, data_only=True)["Kiểm chứng"]
    assert [cached.cell(10, c).value for c in (3, 4, 5)] == [10, 7.5, 5.5]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToWidth or 1) == 1
    assert ws.print_title_rows == "$6:$6" and ws.auto_filter.ref == "A6:I9"
    assert ws["A7"].font.name == "Times New Roman"


def test_scorecard_run_writes_the_checklist(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--skip-ingest", "--report", "scorecard",
                          "--data", "tests/.sample_processed", "--reports", str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    ws = openpyxl.load_workbook(tmp_path / "2022/SAMPLE-P2/kiem_chung.xlsx")["Kiểm chứng"]
    first = [c.value for c in ws[7]]
    # the sample: Phường 2 scored 1.4 (2 points) with no evidence; the plan's section I lead
    assert first[0] == "1.4" and first[7] == "Còn thiếu" and first[8] == "Công chức VP-TK"
    assert first[5].startswith("Kế hoạch tuyên truyền CCHC")  # from the methodology
    html = (tmp_path / "2022/SAMPLE-P2/scorecard.html").read_text(encoding="utf-8")
    assert "tự chấm 87,15 điểm" in html and "có đủ tài liệu kiểm chứng:</strong> 85,15" in html


def test_the_checklist_says_what_its_total_adds_up_and_has_a_signature_block(tmp_path):
    """Filed on paper: the total says which points it leaves out (the survey's, no evidence
    to attach) and what the methodology's maximum is; the place, date and two signatures."""
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--skip-ingest", "--report", "scorecard",
                          "--data", "tests/.sample_processed", "--reports", str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    wb = openpyxl.load_workbook(tmp_path / "2022/SAMPLE-P2/kiem_chung.xlsx", data_only=True)
    ws = wb["Kiểm chứng"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    total = next(i for i, r in enumerate(rows) if r[1] == "Tổng cộng")
    maximum = rows[total][2]
    note = rows[total + 1][0]
    # by hand from the sample methodology: 100 points, 10 of them the survey's
    assert maximum == 90
    assert note.startswith(f"Tổng cộng là điểm của {total - 6} tiêu chí trong bảng (90,00 ")
    assert "Điều tra xã hội học" in note and "(10,00 điểm)" in note and "100,00" in note
    texts = [v for r in rows[total + 2:] for v in r if v]
    assert texts[:1] == ["……………, ngày …… tháng …… năm ………"]
    assert "NGƯỜI LẬP BIỂU" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts
    assert "(Ký tên, đóng dấu)" in texts
    printed_to = int(re.findall(r"\$(\d+)$", str(ws.print_area))[0])  # the signatures print
    signed = max(i for i, r in enumerate(rows) if "THỦ TRƯỞNG ĐƠN VỊ" in r)
    assert printed_to >= signed + 2
