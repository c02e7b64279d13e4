"""The ward report's first screen says what to do and who does it."""

from __future__ import annotations

import pandas as pd

from cchc_lib.par.tasks import PlanInfo, owners_of
from cchc_lib.reports.ward import ward_report


def test_owners_come_from_the_plan_tasks_linked_to_each_indicator():
    tables = {"plan_tasks": pd.DataFrame({
        "task_id": ["1", "2", "3"], "plan_id": ["P", "P", "P"],
        "lead": ["Công chức VP-TK", "Công chức Tư pháp", "Công chức VP-TK"],
        "indicators": ["postal_procedure_rate;postal_return_share", "online_procedure_rate",
                       "postal_return_share"]})}
    own = PlanInfo("P", True, 2022, "Kế hoạch 99", "của Kế hoạch 99")
    assert owners_of(tables, own) == {"postal_procedure_rate": "Công chức VP-TK",
                                      "postal_return_share": "Công chức VP-TK",
                                      "online_procedure_rate": "Công chức Tư pháp"}
    general = PlanInfo(None, False, None, "mục tiêu chung", "chung")
    assert owners_of(tables, general) == {}


def test_first_screen_of_the_sample_ward_report():
    report = ward_report("SAMPLE-P2", "2022", "tests/.sample_processed")
    head = report.header()
    text = repr(head)
    missed = report.plan[report.plan.met == False]  # noqa: E712 (a column of booleans)
    assert len(missed) == 1 and missed.indicator.iloc[0] == "postal_procedure_rate"
    gap = report.gaps["postal_procedure_rate"]
    line = next(ln for ln in text.splitlines() if "✗ Chưa đạt" in ln)
    assert f"cần thêm {gap.needed} TTHC có hồ sơ qua BCCI" in line
    assert gap.candidates.procedure_name.iloc[0] in line
    assert line.endswith("Phụ trách: Công chức VP-TK.")  # task III.1 of the sample plan
    assert text.count("✓ Đạt") == 2
    owed = int((~report.late.apology_issued).sum())
    assert f"{owed} hồ sơ trễ hạn chưa có phiếu xin lỗi" in text
    assert "thị xã Quảng Trị" in text  # the level in lower case inside the line


def test_late_dossiers_owing_an_apology_are_a_sorted_table():
    import re
    from datetime import datetime

    from cchc_lib.core.text import fold

    report = ward_report("SAMPLE-P2", "2022", "tests/.sample_processed")
    html = report.apology_table().html
    body = html[html.index('id="T_apology-owed'):]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", body)
    rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
    owed = report.late[~report.late.apology_issued]
    assert len(rows) == min(len(owed), 30) and set(r[0] for r in rows) <= set(owed.dossier_id)
    keys = [(fold(f), datetime.strptime(d, "%d/%m/%Y"), i) for i, f, d, _ in rows]
    assert keys == sorted(keys)  # by field, then the oldest due date first
    assert {r[3] for r in rows} <= {"Đã giải quyết, quá hạn", "Đang giải quyết, quá hạn"}
