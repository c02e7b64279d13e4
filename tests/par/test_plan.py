"""Time frames of the seed plan and task status as of a date."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cchc_lib.core.errors import TimeframeError
from cchc_lib.core.timeframes import parse_timeframe
from cchc_lib.par.tasks import task_status


@pytest.mark.parametrize("text, start, end, ongoing", [
    # the two forms in the seed's Phụ lục 1
    ("Quý II, Quý III năm 2022", date(2022, 4, 1), date(2022, 9, 30), False),
    ("Thường xuyên", date(2022, 1, 1), date(2022, 12, 31), True),
    # forms other plans use
    ("Quý IV/2022", date(2022, 10, 1), date(2022, 12, 31), False),
    ("Quy 1 nam 2023", date(2023, 1, 1), date(2023, 3, 31), False),
    ("Tháng 3 năm 2022", date(2022, 3, 1), date(2022, 3, 31), False),
    ("Tháng 3, tháng 4", date(2022, 3, 1), date(2022, 4, 30), False),
    ("6 tháng đầu năm 2022", date(2022, 1, 1), date(2022, 6, 30), False),
    ("Năm 2022", date(2022, 1, 1), date(2022, 12, 31), False),
    ("Trước ngày 30/6/2022", date(2022, 1, 1), date(2022, 6, 30), False),
    ("Từ 01/3/2022 đến 31/5/2022", date(2022, 3, 1), date(2022, 5, 31), False),
])
def test_timeframes(text, start, end, ongoing):
    t = parse_timeframe(text, plan_year=2022)
    assert (t.start, t.end, t.ongoing) == (start, end, ongoing)


def test_unknown_timeframe_says_so():
    with pytest.raises(TimeframeError, match="không rõ"):
        parse_timeframe("không rõ", 2022)


TASKS = pd.DataFrame({
    "task_id": ["A", "B", "C", "D", "E", "F"], "section": ["I"] * 6, "task": list("abcdef"),
    "lead": ["VP-TK"] * 6, "coordinators": [None] * 6,
    "timeframe": ["Quý II, Quý III năm 2022", "Quý II, Quý III năm 2022", "Thường xuyên",
                  "Thường xuyên", "Quý IV năm 2022", "Thường xuyên"],
    "indicators": [None, None, None, "postal_procedure_rate", None, "online_procedure_rate"],
})
LOG = pd.DataFrame({
    "task_id": ["A", "B", "C", "D", "D", "F"],
    "date": pd.to_datetime(["2022-09-20", "2022-06-30", "2022-09-01", "2022-11-10",
                            "2022-12-01", "2022-11-05"]),
    "status": ["done", "in_progress", "in_progress", "in_progress", "done", "in_progress"],
    "note": [None] * 6, "evidence": ["QĐ 1", None, None, "BC 2", None, None],
})


def test_status_as_of_15_november():
    s = task_status(TASKS, LOG, date(2022, 11, 15), 2022,
                    {"postal_procedure_rate": 0.56, "online_procedure_rate": 0.51},
                    {"postal_procedure_rate": 0.6, "online_procedure_rate": 0.5})
    got = dict(zip(s.task_id, s.status, strict=True))
    assert got == {
        "A": "done",  # completed 20/09
        "B": "overdue",  # ended 30/09, last update "in progress"
        "C": "no_update",  # ongoing, last update 01/09: more than a month ago
        "D": "at_risk",  # postal rate 56 % < 60 %, 1.5 months of the year left (< 25 %);
                         # its "done" of 01/12 is after the date and not counted
        "E": "no_update",  # Q4 started on 01/10 and nothing was reported since
        "F": "on_track",  # online rate 51 % ≥ 50 %, updated 05/11
    }
    d = s.set_index("task_id").loc["D"]
    assert d.below_target == ["postal_procedure_rate"] and d.evidence == "BC 2"


def test_every_flag_shows_risk_first():
    """A linked indicator below target and a reported blocker, then a month without news:
    staleness must not hide the risk (it did: the status read only "no update")."""
    tasks = pd.DataFrame({"task_id": ["III.1"], "section": ["III"], "task": ["x"],
                          "lead": ["VP-TK"], "coordinators": [None],
                          "timeframe": ["Thường xuyên"], "indicators": ["postal_procedure_rate"]})
    log = pd.DataFrame({"task_id": ["III.1"], "date": pd.to_datetime(["2022-10-20"]),
                        "status": ["blocked"], "note": [None], "evidence": [None]})
    values, targets = {"postal_procedure_rate": 0.56}, {"postal_procedure_rate": 0.6}
    at_15 = task_status(tasks, log, date(2022, 11, 15), 2022, values, targets).iloc[0]
    at_30 = task_status(tasks, log, date(2022, 11, 30), 2022, values, targets).iloc[0]
    assert at_15.status_flags == ["at_risk"] and at_15.status_vi == "Có nguy cơ không đạt"
    assert at_30.status_flags == ["at_risk", "no_update"]
    assert at_30.status_vi == "Có nguy cơ không đạt · Không cập nhật quá 1 tháng"


def test_an_overdue_task_without_news_shows_both():
    s = task_status(TASKS, LOG, date(2022, 11, 15), 2022, {}, {})
    assert s.set_index("task_id").loc["B"].status_flags == ["overdue", "no_update"]


def test_the_plan_comes_from_the_plans_file(tmp_path):
    """Phường 2 reports on its own plan; Phường 1, without one, on the general targets,
    labelled as such (it used to cite Phường 2's plan); tasks keep their plan's year."""
    from pathlib import Path

    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.ingest.pipeline import ingest
    from cchc_lib.ingest.store import write_processed
    from cchc_lib.par.tasks import plan_for
    from cchc_lib.reports.plan_progress import plan_progress
    from cchc_lib.reports.ward import ward_report

    root = Path(__file__).resolve().parents[2]
    result = ingest(load_catalog(root / "data/raw/sample/catalog.yml"))
    tables = result.tables
    p2 = plan_for(tables, "SAMPLE-P2", 2022)
    assert p2.own and p2.year == 2022
    assert p2.name_vi == "Kế hoạch số 99/KH-UBND ngày 21/02/2022 của UBND phường 2"
    p1 = plan_for(tables, "SAMPLE-P1", 2022)
    assert not p1.own and "99/KH-UBND ngày" not in p1.targets_vi
    assert p1.targets_vi.startswith("chung (của thị xã cho đơn vị chưa có kế hoạch riêng")
    write_processed(result, tmp_path / "processed")
    header = ward_report("SAMPLE-P1", "2022", tmp_path / "processed").header().html
    assert "mục tiêu năm chung" in header and "ngày 21/02/2022" not in header
    # a 2023 report follows the latest plan, 2022's: its tasks keep 2022 ("Thường xuyên" is
    # the plan's year, not the report's)
    assert plan_for(tables, "SAMPLE-P2", 2023).year == 2022
    tasks = plan_progress("SAMPLE-P2", 2022, "2022-11-15", tmp_path / "processed").tasks
    assert {t.year for t in tasks.end} == {2022}


def test_a_log_line_of_an_earlier_year_says_nothing_of_this_plan():
    """A "done" written in December 2021 (last year's log pasted in) does not finish a task of
    the 2022 plan, nor count as what was done for it."""
    log = pd.concat([LOG, pd.DataFrame({
        "task_id": ["B"], "date": pd.to_datetime(["2021-12-15"]), "status": ["done"],
        "note": ["Hoàn thành năm trước"], "evidence": ["QĐ cũ"]})], ignore_index=True)
    s = task_status(TASKS, log, date(2022, 11, 15), 2022, {}, {}).set_index("task_id")
    assert s.loc["B", "status"] == "overdue"
    assert pd.isna(s.loc["B", "evidence"]) and s.loc["B", "done"] == []


def test_what_was_done_and_the_cause_come_from_the_log_as_written():
    log = LOG.assign(note=["QĐ công nhận", None, "Đôn đốc", "Làm việc với Bưu điện", None,
                           None],
                     cause=[None, "Thiếu kinh phí", None, "=HYPERLINK(\"x\")", None, None])
    s = task_status(TASKS, log, date(2022, 11, 15), 2022, {}, {}).set_index("task_id")
    assert s.loc["A", "done"] == [(date(2022, 9, 20), "QĐ công nhận")]
    assert s.loc["B", "cause"] == "Thiếu kinh phí"
    assert s.loc["D", "cause"] == "=HYPERLINK(\"x\")"  # text, printed as written
    assert pd.isna(s.loc["A", "cause"])  # a finished task has no cause to report


def test_a_second_plan_of_the_year_without_tasks_does_not_replace_the_tracked_one():
    """A supplementary plan of August (no tasks of its own, another signer) beside the plan
    whose tasks the office tracks: the report stays on the tracked plan, whatever the ids."""
    from cchc_lib.par.tasks import plan_for

    plans = pd.DataFrame({
        "plan_id": ["P2-KH99-2022", "P2-KH99-2022-BS"], "unit_code": ["U"] * 2,
        "number": ["99/KH-UBND", "150/KH-UBND"],
        "date": pd.to_datetime(["2022-02-21", "2022-08-10"]), "issuer": ["UBND phường 2"] * 2,
        "title": [None] * 2, "year": [2022, 2022], "signing": [None] * 2,
        "signer_title": [None] * 2, "signer_name": ["Nguyễn Văn A", "Lê Văn C"]})
    tasks = TASKS.assign(plan_id="P2-KH99-2022")
    got = plan_for({"plans": plans, "plan_tasks": tasks}, "U", 2022)
    assert got.plan_id == "P2-KH99-2022" and got.signer.name == "Nguyễn Văn A"
    both = plan_for({"plans": plans, "plan_tasks": tasks.assign(
        plan_id=["P2-KH99-2022"] * 3 + ["P2-KH99-2022-BS"] * 3)}, "U", 2022)
    assert both.plan_id == "P2-KH99-2022-BS"  # both tracked: the later one
