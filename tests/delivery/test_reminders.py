"""Which tasks a lead officer is reminded of (hand-made task table)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from cchc_lib.delivery.reminders import officer_addresses, tasks_to_remind


def test_tasks_to_remind():
    tasks = pd.DataFrame({
        "task_id": ["done", "late", "risk", "stale", "soon", "later"],
        "status_flags": [["done"], ["overdue"], ["at_risk"], ["no_update"], ["on_track"],
                         ["on_track"]],
        "end": pd.to_datetime(["2022-06-30", "2022-09-30", "2022-12-31", "2022-12-31",
                               "2022-12-10", "2022-12-31"]),
    })
    # as of 15/11: "soon" ends within 30 days (10/12); "later" (31/12) does not
    picked = tasks_to_remind(tasks, date(2022, 11, 15))
    assert picked.task_id.tolist() == ["late", "risk", "stale", "soon"]


def test_officer_addresses_are_matched_by_meaning(tmp_path):
    book = tmp_path / "rec.yml"
    book.write_text("officers:\n  P2:\n    Công chức VP-TK: a@example.vn\n"
                    "    CÔNG CHỨC TƯ PHÁP: [b@example.vn, c@example.vn]\n", encoding="utf-8")
    got = officer_addresses(book, "P2")
    from cchc_lib.core.text import fold

    assert got[fold("công chức vp-tk")] == ["a@example.vn"]
    assert got[fold("Công chức Tư pháp")] == ["b@example.vn", "c@example.vn"]
    assert officer_addresses(book, "P9") == {}
