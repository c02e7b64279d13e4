"""The November plan report as a Word document: opened with python-docx, its parts checked
against the administrative format (NĐ 30/2020/NĐ-CP) and against the sample's plan."""

from __future__ import annotations

from datetime import date

import docx
import pandas as pd
import pytest

from cchc_lib.indicators.plan import Gap
from cchc_lib.reports.plan_causes import recommendations, shortcomings
from cchc_lib.reports.plan_document import write_plan_document
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
    assert "ỦY BAN NHÂN DÂN\nPHƯỜNG 2" in head[0] and "Số:" in head[0] and "/BC-UBND" in head[0]
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
    assert any("Kế hoạch số 99/KH-UBND ngày 21/02/2022" in t for t in all_text)
    targets = document.tables[1]
    assert [c.text for c in targets.rows[0].cells][:2] == ["Chỉ tiêu", "Kết quả"]
    assert len(targets.rows) == 4  # the plan's three targets
    tasks = document.tables[2]
    assert [c.text for c in tasks.rows[0].cells] == ["TT", "Nhiệm vụ", "Chủ trì, thời gian",
                                                      "Kết quả thực hiện", "Tài liệu kiểm chứng"]
    assert [r.cells[0].text for r in tasks.rows[1:]] == ["I.1", "I.2", "II.1", "III.1"]
    assert tasks.rows[1].cells[2].text.startswith("Công chức VP-TK\nQuý II, Quý III năm 2022")
    # what was done: every note of the progress log, oldest first, then the status
    done = tasks.rows[1].cells[3].text.split("\n")
    assert done == ["15/04/2022: Họp giao nhiệm vụ nghiên cứu sáng kiến CCHC",
                    "28/09/2022: Công nhận 02 giải pháp mới trong chỉ đạo, điều hành",
                    "Tình trạng: Hoàn thành."]
    # a task linked to a target says the target's figure in its result
    linked = "TTHC có hồ sơ trực tuyến: 49,1\u00a0% / mục tiêu 50\u00a0%"
    assert linked in tasks.rows[3].cells[3].text
    index = next(t for t in all_text if t.startswith("Chỉ số cải cách hành chính năm 2022"))
    # both indexes, each named: self-assessed, and counting only the points with evidence
    # on the data to the report's day (15/11), not to the data's last day (30/11: 87,15)
    assert "(tự chấm, ước tính từ dữ liệu đến ngày 15/11/2022): 86,15 điểm" in index
    assert "Tính riêng các điểm có tài liệu kiểm chứng: 84,15 điểm (2,00 điểm" in index


def test_lost_last_year_against_this_year(document):
    """The 2021 criteria where points were lost (the plan's premise), by field, against 2022:
    the sample's official 2021 results lose points on 1.5, 1.6, 3.4, 7.2, 7.3 (among others)."""
    table = next(t for t in document.tables
                 if t.rows[0].cells[0].text == "Tiêu chí" and "Năm 2021" in t.rows[0].cells[2].text)
    rows = {r.cells[0].text.split(". ")[0]: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["1.5"][1:] == ["2,00", "0,00", "2,00", "2,00", "Đã khắc phục"]
    assert rows["1.6"][1:] == ["3,00", "1,00", "2,25", "2,25", "Khắc phục một phần"]
    assert rows["1.4"][-1] == "Chưa khắc phục"  # 2,00 self-assessed, no evidence: 0
    assert rows["Công tác chỉ đạo, điều hành CCHC"][0] == "Công tác chỉ đạo, điều hành CCHC"


def test_shortcomings_with_their_causes(document):
    """Section II: each missed target with its causes from the data, each task at risk with
    the cause its lead wrote in the progress log (printed as written); no "no update" flag."""
    all_text = [p.text for p in document.paragraphs]
    start = all_text.index("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
    end = all_text.index("III. KIẾN NGHỊ, ĐỀ XUẤT")
    section = all_text[start + 1:end]
    assert section[0].startswith("- TTHC có hồ sơ trực tuyến: đạt 49,1")
    assert section[1].startswith("Nguyên nhân (từ số liệu): 5/53 TTHC thuộc diện tính chỉ tiêu "
                                 "không phát sinh hồ sơ nào từ đầu năm")
    assert any(line.startswith("- Có ") and "nhiều nhất ở các lĩnh vực: Chứng thực" in line
               for line in section)
    assert ("- Nhiệm vụ III.1 (Công chức VP-TK): có nguy cơ không đạt. Nguyên nhân (theo sổ theo "
            "dõi tiến độ): Người dân còn ngại trả phí dịch vụ BCCI.") in section
    assert not any("Không cập nhật" in line for line in section)
    advice = all_text[end + 1:]
    assert any("5 TTHC: Cho phép nhóm trẻ" in a and a.startswith("- Đề nghị UBND thị xã")
               for a in advice)


def test_postal_return_share_names_its_denominator_and_the_other_reading(document):
    """474/2.693-style: the share is counted over the BCCI procedures' returned dossiers and
    met; over all returned dossiers it is not: both readings are printed."""
    line = next(p.text for p in document.paragraphs
                if p.text.startswith("Hồ sơ trả kết quả qua BCCI: tính trên"))
    assert "hồ sơ của TTHC triển khai BCCI đã trả kết quả trong kỳ" in line
    assert "nếu tính trên tổng số hồ sơ đã trả kết quả của mọi TTHC" in line
    assert "(445/3.168), chưa đạt mục tiêu 15\u00a0%" in line


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
    tasks["cause"] = [None, None]
    lines = shortcomings(p.plan, p.tasks, gaps, None, p.as_of)
    assert lines[0] == ("- TTHC có hồ sơ qua BCCI: đạt 30,0\u00a0%, chưa đạt mục tiêu "
                        "50\u00a0%; còn thiếu 2 TTHC.")
    assert ("- Nhiệm vụ A (Công chức VP-TK): quá hạn. Nguyên nhân: chưa được ghi trong sổ theo "
            "dõi tiến độ.") in lines
    assert "- Chưa có tài liệu kiểm chứng: 1 nhiệm vụ (A)." in lines
    uptake = pd.DataFrame({"online_enabled": [True, False], "postal_enabled": [True, True],
                           "received": [0, 3], "returned_total": [0, 1],
                           "procedure_name": ["Đăng ký lại kết hôn", "Chứng thực bản sao"]})
    advice = recommendations(p.tasks, gaps, uptake, "thị xã Quảng Trị")
    assert advice[0].startswith("- Cần thêm 2 TTHC có phát sinh hồ sơ qua dịch vụ BCCI")
    assert advice[0].endswith("Ưu tiên: Đăng ký khai sinh.")
    # the procedure with no dossier at all, named, raised with the body above by its name
    assert any(a.startswith("- Đề nghị UBND thị xã Quảng Trị xem xét") and
               "(1 TTHC: Đăng ký lại kết hôn)" in a for a in advice)
    assert any(a.startswith("- Đề nghị Công chức VP-TK cung cấp") for a in advice)


@pytest.mark.parametrize("given, lines", [
    (None, ["TM. ỦY BAN NHÂN DÂN"]),
    ("TM. ỦY BAN NHÂN DÂN", ["TM. ỦY BAN NHÂN DÂN"]),
    ("KT. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
    ("TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
])
def test_a_deputy_signs_within_the_committee(given, lines):
    """NĐ 30: a vice-chair signing for the chair of a People's Committee writes
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", however the plans file spells it."""
    from cchc_lib.reports.plan_document import signing_lines

    assert signing_lines(given) == lines


def test_a_report_after_the_data_ends_says_so_and_counts_to_the_data(tmp_path):
    """As of 31/12 on data that end on 30/11: every figure, cause and the index stop at 30/11,
    and the document says so; no month without data is called a month without dossiers."""
    path = write_plan_document("SAMPLE-P2", 2022, "2022-12-31", SAMPLE, tmp_path / "d.docx")
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any(t.startswith("1. Các chỉ tiêu của kế hoạch (từ ngày 01/01/2022 đến ngày "
                            "30/11/2022) (số liệu hồ sơ chỉ có đến ngày 30/11/2022") for t in text)
    assert any("(tự chấm, ước tính từ dữ liệu đến ngày 30/11/2022)" in t for t in text)
    assert not any("tháng 12" in t for t in text)


def test_the_index_stands_on_the_reports_day(document):
    """On 15/11/2022 the online rate is 26/53 = 49,1 %, below the 50 % that earns criterion 3.4
    its 4 points: the index of that day gives it 3, not the 4 of the data to 30/11 (27/53)."""
    table = next(t for t in document.tables
                 if t.rows[0].cells[0].text == "Tiêu chí" and "Năm 2021" in t.rows[0].cells[2].text)
    row = next(r for r in table.rows if r.cells[0].text.startswith("3.4."))
    assert [c.text for c in row.cells][1:] == ["4,00", "0,00", "3,00", "3,00",
                                               "Khắc phục một phần"]


def test_causes_count_each_procedure_once(document):
    """Of the 53 procedures offered online: 26 with an online dossier, 5 with no dossier at
    all, so 53 − 26 − 5 = 22 with dossiers through other channels only."""
    text = [p.text for p in document.paragraphs]
    assert any(t.startswith("Nguyên nhân (từ số liệu): 5/53 TTHC") and "; 22 TTHC có hồ sơ" in t
               for t in text)


def test_a_target_row_ingest_could_not_read_is_said_on_the_draft(sample_processed, tmp_path):
    """A unit's target row set aside at ingest (a typo in targets.csv): the draft tells its
    reviewer, by file and count, that the targets it shows may be incomplete; the final text
    does not carry the reviewer's note."""
    import shutil

    data = tmp_path / "processed"
    shutil.copytree(sample_processed, data)
    q = pd.read_parquet(data / "quarantine.parquet")
    extra = q.iloc[:1].copy()
    extra["table"], extra["unit_code"] = "targets", "SAMPLE-P2"
    pd.concat([q, extra], ignore_index=True).to_parquet(data / "quarantine.parquet", index=False)
    draft = write_plan_document("SAMPLE-P2", 2022, "2022-11-15", data, tmp_path / "d.docx")
    text = [p.text for p in docx.Document(str(draft)).paragraphs]
    assert any(t.startswith("Lưu ý khi soát xét: khi nhập dữ liệu, 1 dòng của tệp Mục tiêu "
                            "không đọc được") for t in text)
    final = write_plan_document("SAMPLE-P2", 2022, "2022-11-15", data, tmp_path / "f.docx",
                                final=True)
    assert not any("Lưu ý khi soát xét" in p.text for p in docx.Document(str(final)).paragraphs)


def test_a_plan_of_an_earlier_year_is_said_on_the_draft(sample_processed, tmp_path):
    """The plans file holds only the 2021 plan: the 2022 report follows it (the latest earlier
    plan) and its draft says so before anything else."""
    import shutil

    data = tmp_path / "processed"
    shutil.copytree(sample_processed, data)
    plans = pd.read_parquet(data / "plans.parquet")
    plans["year"] = plans.year.where(plans.unit_code != "SAMPLE-P2", 2021)
    plans.to_parquet(data / "plans.parquet", index=False)
    path = write_plan_document("SAMPLE-P2", 2022, "2022-11-15", data, tmp_path / "d.docx")
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any("chưa có kế hoạch năm 2022 của đơn vị; báo cáo theo kế hoạch năm 2021" in t
               for t in text)
