"""The November plan report as a Word document: opened with python-docx, its parts checked
against the administrative format (NĐ 30/2020/NĐ-CP) and against the sample's plan."""

from __future__ import annotations

from datetime import date

import docx
import pandas as pd
import pytest

from cchc_lib.indicators.plan import Gap
from cchc_lib.reports.plan_document import recommendations, shortcomings, write_plan_document
from cchc_lib.reports.plan_progress import PlanProgress

SAMPLE = "tests/.sample_processed"


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("doc") / "bao_cao_ke_hoach.docx"
    write_plan_document("SAMPLE-P2", 2022, "2022-11-15", SAMPLE, path)
    return docx.Document(str(path))


def texts(doc) -> list[str]:
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            out += [c.text for c in row.cells]
    return out


def test_page_and_font(document):
    s = document.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.left_margin.mm), round(s.right_margin.mm)) == (30, 15)
    assert round(s.top_margin.mm) == round(s.bottom_margin.mm) == 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    fonts = {r.font.name for p in document.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}


def test_heading_block_and_signature(document):
    head = [c.text for c in document.tables[0].rows[0].cells]
    assert "ỦY BAN NHÂN DÂN PHƯỜNG 2" in head[0] and "Số:" in head[0] and "/BC-UBND" in head[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head[1]
    assert "Độc lập - Tự do - Hạnh phúc" in head[1]
    assert "Phường 2, ngày" in head[1] and "năm 2022" in head[1]
    last = [c.text for c in document.tables[-1].rows[0].cells]
    assert last[0].startswith("Nơi nhận:") and "Lưu: VT." in last[0]
    assert "TM. ỦY BAN NHÂN DÂN" in last[1] and "CHỦ TỊCH" in last[1]


def test_sections_and_tables(document):
    all_text = texts(document)
    for part in ("BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                 "III. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert part in all_text
    assert any("Kế hoạch 99/KH-UBND ngày 21/02/2022" in t for t in all_text)
    targets = document.tables[1]
    assert [c.text for c in targets.rows[0].cells][:2] == ["Chỉ tiêu", "Kết quả"]
    assert len(targets.rows) == 4  # the plan's three targets
    tasks = document.tables[2]
    assert [c.text for c in tasks.rows[0].cells] == ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian",
                                                      "Tình trạng", "Tài liệu kiểm chứng"]
    assert [r.cells[0].text for r in tasks.rows[1:]] == ["I.1", "I.2", "II.1", "III.1"]
    assert tasks.rows[1].cells[2].text == "Công chức VP-TK"
    assert any(t.startswith("Chỉ số cải cách hành chính năm 2022") for t in all_text)


def progress(plan_rows, tasks) -> PlanProgress:
    plan = pd.DataFrame(plan_rows, columns=["indicator", "numerator", "denominator", "value",
                                            "target", "met"])
    return PlanProgress("Phường 2", 2022, date(2022, 11, 15), tasks, plan, {}, "Kế hoạch 99")


def test_shortcomings_and_recommendations_by_hand():
    """One target missed by 2 procedures, one task overdue without evidence."""
    tasks = pd.DataFrame({"task_id": ["A", "B"], "task": ["t1", "t2"],
                          "lead": ["Công chức VP-TK", "Công chức Tư pháp"],
                          "status_flags": [["overdue"], ["done"]],
                          "evidence": [None, "Quyết định 12"]})
    p = progress([("postal_procedure_rate", 3, 10, 0.3, 0.5, False),
                  ("online_procedure_rate", 5, 10, 0.5, 0.5, True)], tasks)
    candidates = pd.DataFrame({"procedure_code": ["X"], "procedure_name": ["Đăng ký khai sinh"],
                               "field_name": ["Hộ tịch"], "demand": [4]})
    gaps = {"postal_procedure_rate": Gap("postal_procedure_rate", 3, 10, 0.3, 0.5, 2, candidates),
            "online_procedure_rate": Gap("online_procedure_rate", 5, 10, 0.5, 0.5, 0,
                                         candidates.iloc[:0])}
    lines = shortcomings(p, gaps)
    assert lines[0] == ("- TTHC có hồ sơ qua BCCI: đạt 30,0\u00a0%, chưa đạt mục tiêu "
                        "50\u00a0%; còn thiếu 2 TTHC.")
    assert "- Quá hạn: nhiệm vụ A." in lines
    assert "- Chưa có tài liệu kiểm chứng: 1 nhiệm vụ (A)." in lines
    uptake = pd.DataFrame({"online_enabled": [True, False], "postal_enabled": [True, True],
                           "received": [0, 3], "returned_total": [0, 1]})
    advice = recommendations(p, gaps, uptake)
    assert advice[0].startswith("- Cần thêm 2 TTHC có phát sinh hồ sơ qua dịch vụ BCCI")
    assert advice[0].endswith("Ưu tiên: Đăng ký khai sinh.")
    assert any("(1 TTHC)" in a for a in advice)  # the procedure with no dossier at all
    assert any(a.startswith("- Đề nghị Công chức VP-TK cung cấp") for a in advice)
