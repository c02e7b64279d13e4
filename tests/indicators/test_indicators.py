"""Indicators on small fixtures whose expected numbers are worked out by hand in comments."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.base import target_for
from cchc_lib.indicators.bieu06 import bieu06, bieu06_long
from cchc_lib.indicators.plan import (
    gaps,
    needed_for_target,
    plan_indicators,
    procedure_uptake,
    projection,
)

Q1 = parse_period("2022-Q1")


def catalogue(rows):
    cols = ["procedure_code", "procedure_name", "field_name", "level", "postal_enabled",
            "processing_days", "has_fee", "unit_code", "valid_from", "valid_to"]
    frame = pd.DataFrame([dict(zip(cols, r + (None,) * (len(cols) - len(r)), strict=True)) for r in rows],
                         columns=cols)
    return frame.astype({"valid_from": "datetime64[us]", "valid_to": "datetime64[us]"})


def dossiers(rows, unit="U1"):
    """rows: (id, procedure, field, channel, received, due, finished, returned, return_ch, status)"""
    cols = ["dossier_id", "procedure_code", "field_name", "receive_channel", "received_at",
            "due_at", "finished_at", "returned_at", "return_channel", "status"]
    frame = pd.DataFrame(rows, columns=cols)
    for c in ("received_at", "due_at", "finished_at", "returned_at"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[us]")
    frame.insert(1, "unit_code", unit)
    return frame


CATALOGUE = catalogue([
    ("A", "Thủ tục A", "Hộ tịch", "partial", True),
    ("B", "Thủ tục B", "Hộ tịch", "full", True),
    ("C", "Thủ tục C", "Chứng thực", "info", True),
    ("D", "Thủ tục D", "Chứng thực", "partial", False),
    ("E", "Thủ tục E", "Cư trú", "full", False, 0, False, "U2"),  # offered by U2 only
])
TARGETS = pd.DataFrame({"indicator": ["online_procedure_rate", "postal_procedure_rate",
                                      "postal_return_share"],
                        "target": [0.5, 0.6, 0.75], "unit_code": [None] * 3,
                        "year": pd.array([None] * 3, dtype="Int64")})

PLAN_DOSSIERS = dossiers([
    # id  proc field       channel   received            due   finished returned      ret.ch    status
    ("1", "A", "Hộ tịch", "online", "2022-01-10 09:00", None, None, "2022-01-10 15:00", "direct", "returned"),
    ("2", "A", "Hộ tịch", "direct", "2022-02-01 09:00", None, None, "2022-02-02 10:00", "postal", "returned"),
    ("3", "B", "Hộ tịch", "direct", "2021-12-30 09:00", None, None, "2022-01-05 10:00", "postal", "returned"),
    ("4", "C", "Chứng thực", "postal", "2022-03-31 16:00", None, None, None, None, "processing"),
    ("5", "D", "Chứng thực", "online", "2022-04-01 08:00", None, None, None, None, "processing"),
    ("6", "B", "Hộ tịch", "online", "2022-02-10 09:00", None, None, None, None, "not_accepted"),
    ("8", "A", "Hộ tịch", "direct", "2022-03-15 09:00", None, None, "2022-03-16 10:00", "direct", "returned"),
    ("9", "D", "Chứng thực", "direct", "2022-01-20 09:00", None, None, None, None, "processing"),
])


def plan(frame=PLAN_DOSSIERS, period=Q1):
    uptake = procedure_uptake(frame, CATALOGUE, "U1", period)
    return uptake, plan_indicators(uptake, "U1", period, TARGETS).set_index("indicator")


def test_online_procedure_rate():
    # online-enabled for U1: A, B, D (E belongs to U2) -> 3.
    # with an accepted online dossier received in Q1: A (#1). B's (#6) was not accepted,
    # D's (#5) arrived on 1 April. -> 1 / 3
    _, r = plan()
    row = r.loc["online_procedure_rate"]
    assert (row.numerator, row.denominator) == (1, 3)
    assert row.value == pytest.approx(1 / 3)
    assert row.target == 0.5 and not row.met


def test_postal_procedure_rate():
    # postal-enabled: A, B, C -> 3. A returned by post (#2), B returned by post in Q1 though
    # received in 2021 (#3), C received by post on the last day of Q1 (#4). -> 3 / 3
    _, r = plan()
    row = r.loc["postal_procedure_rate"]
    assert (row.numerator, row.denominator, row.value) == (3, 3, 1.0)
    assert row.met


def test_postal_return_share():
    # returned in Q1, postal-enabled procedures: #1 direct, #2 post, #3 post, #8 direct -> 2 / 4
    _, r = plan()
    row = r.loc["postal_return_share"]
    assert (row.numerator, row.denominator, row.value) == (2, 4, 0.5)


def test_gap_and_candidates():
    uptake, r = plan()
    found = gaps(uptake, r.reset_index())
    # online: ceil(0.5 x 3) - 1 = 1 more procedure; candidates B and D have no online
    # dossier; D had 1 direct dossier in Q1 (#9), B none -> D first
    g = found["online_procedure_rate"]
    assert g.needed == 1
    assert g.candidates.procedure_code.tolist() == ["D", "B"]
    assert g.candidates.demand.tolist() == [1, 0]
    # postal: 3 of 3 already
    assert found["postal_procedure_rate"].needed == 0
    # returns: ceil(0.75 x 4 - 2) = 1 more; A has the counter returns (#1, #8)
    g = found["postal_return_share"]
    assert g.needed == 1
    assert g.candidates.procedure_code.tolist() == ["A"]
    assert g.candidates.demand.tolist() == [2]


@pytest.mark.parametrize("indicator, num, den, target, needed", [
    ("online_procedure_rate", 3, 5, 0.6, 0),  # 0.6 x 5 = 3.0000000000000004 in floats
    ("online_procedure_rate", 2, 5, 0.6, 1),
    ("postal_procedure_rate", 10, 61, 0.5, 21),  # ceil(30.5) = 31
    ("postal_return_share", 10, 100, 0.15, 5),
    ("postal_return_share", 20, 100, 0.15, 0),
    ("postal_return_share", 1, 3, 0.15, 0),  # ceil(0.45 - 1) = 0
    ("online_procedure_rate", 0, 0, 0.5, None),  # nothing offered: not applicable
])
def test_needed_for_target(indicator, num, den, target, needed):
    assert needed_for_target(indicator, num, den, target) == needed


def test_zero_denominator_is_not_applicable():
    empty = PLAN_DOSSIERS.iloc[0:0]
    uptake = procedure_uptake(empty, CATALOGUE, "U1", Q1)
    r = plan_indicators(uptake, "U1", Q1, TARGETS).set_index("indicator")
    row = r.loc["postal_return_share"]
    assert (row.numerator, row.denominator) == (0, 0)
    assert row.value is None and row.met is None


def test_procedure_offered_only_in_its_validity():
    cat = catalogue([("A", "A", "Hộ tịch", "partial", True, 0, False, None, None, "2022-02-28"),
                     ("B", "B", "Hộ tịch", "full", True)])
    # on the last day of Q1 (31/03) A is no longer offered
    assert procedure_uptake(PLAN_DOSSIERS.iloc[0:0], cat, "U1", Q1).index.tolist() == ["B"]


def test_targets_specific_row_wins():
    t = pd.DataFrame({"indicator": ["postal_return_share"] * 3, "target": [0.15, 0.2, 0.3],
                      "unit_code": [None, "U1", "U1"],
                      "year": pd.array([None, None, 2022], dtype="Int64")})
    assert target_for(t, "postal_return_share", "U1", 2022) == 0.3
    assert target_for(t, "postal_return_share", "U1", 2023) == 0.2
    assert target_for(t, "postal_return_share", "U9", 2022) == 0.15
    assert target_for(t, "online_procedure_rate", "U1", 2022) is None


# --------------------------------------------------------------------------------------
# Biểu 06
# --------------------------------------------------------------------------------------

FORM_DOSSIERS = dossiers([
    # a: received online, due 07/01, finished 06/01 -> early
    ("a", "A", "F1", "online", "2022-01-05 09:00", "2022-01-07 17:00", "2022-01-06 10:00", "2022-01-06 11:00", "direct", "returned"),
    # b: same-day procedure finished the same day -> on time
    ("b", "A", "F1", "direct", "2022-01-10 09:00", "2022-01-10 17:00", "2022-01-10 16:00", "2022-01-10 16:30", "direct", "returned"),
    # c: by post, due 03/02, finished 04/02 -> late (resolved, not yet returned)
    ("c", "A", "F1", "postal", "2022-02-01 09:00", "2022-02-03 17:00", "2022-02-04 09:00", None, None, "resolved"),
    # d: received 2021, still open on 01/01 -> carried over; finished before due -> early
    ("d", "A", "F1", "direct", "2021-12-28 09:00", "2022-01-04 17:00", "2022-01-03 09:00", "2022-01-03 10:00", "direct", "returned"),
    # e: received and finished in 2021 -> nowhere in Q1
    ("e", "A", "F1", "direct", "2021-12-20 09:00", "2021-12-31 17:00", "2021-12-31 09:00", "2021-12-31 10:00", "direct", "returned"),
    # f: received on the last day, due after -> pending in time
    ("f", "B", "F2", "direct", "2022-03-31 10:00", "2022-04-05 17:00", None, None, None, "processing"),
    # g: online, due 30/03, still open -> pending overdue
    ("g", "B", "F2", "online", "2022-03-01 09:00", "2022-03-30 17:00", None, None, None, "supplement_requested"),
    # h: due on the last day, finished the day after the period -> pending in time at 31/03
    ("h", "B", "F2", "direct", "2022-03-10 09:00", "2022-03-31 17:00", "2022-04-01 09:00", "2022-04-01 10:00", "direct", "returned"),
    # i: withdrawn in Q1 -> received, but neither resolved nor pending
    ("i", "B", "F2", "direct", "2022-02-10 09:00", "2022-02-15 17:00", "2022-02-11 09:00", None, None, "withdrawn"),
    # j: not accepted -> counts nowhere
    ("j", "B", "F2", "direct", "2022-02-10 09:00", "2022-02-15 17:00", None, None, None, "not_accepted"),
    # k: no due date at all -> cannot be late: on time
    ("k", "A", "F1", "direct", "2022-03-20 09:00", None, "2022-03-25 09:00", "2022-03-25 10:00", "direct", "returned"),
    # l: returned with no finished_at: the end date is returned_at (19/01 < due 20/01) -> early
    ("l", "B", "F2", "online", "2022-01-15 09:00", "2022-01-20 17:00", None, "2022-01-19 09:00", "direct", "returned"),
])
FORM_CATALOGUE = catalogue([("A", "A", "F1", "partial", True), ("B", "B", "F2", "full", False)])


def test_bieu06_per_field_and_total():
    t = bieu06(FORM_DOSSIERS, FORM_CATALOGUE, "U1", Q1).set_index("field", drop=False)
    f1, f2, total = t.iloc[0], t.iloc[1], t.iloc[2]
    assert f1.field == "F1" and f2.field == "F2" and total.field is None
    cols = ["received_online", "received_direct_postal", "carried_over", "received_total",
            "resolved_early", "resolved_on_time", "resolved_late", "resolved_total",
            "pending_in_time", "pending_overdue", "pending_total"]
    # F1: online a; direct/postal b, c, k; carried d; early a, d; on time b, k; late c
    assert f1[cols].tolist() == [1, 3, 1, 5, 2, 2, 1, 5, 0, 0, 0]
    # F2: online g, l; direct f, h, i; early l; pending f, h in time, g overdue
    assert f2[cols].tolist() == [2, 3, 0, 5, 1, 0, 0, 1, 2, 1, 3]
    assert total[cols].tolist() == [3, 6, 1, 10, 3, 2, 1, 6, 2, 1, 3]
    assert f1.on_time_rate == pytest.approx(4 / 5)
    assert f2.on_time_rate == 1.0
    assert total.on_time_rate == pytest.approx(5 / 6)


def test_bieu06_month_boundaries():
    # February: carried over = received before 01/02 and not ended before it: none of a, b,
    # d, l (all ended in January); g arrives in March. c (01/02) is received in February.
    t = bieu06(FORM_DOSSIERS, FORM_CATALOGUE, "U1", parse_period("2022-02"))
    total = t.iloc[-1]
    assert total.carried_over == 0
    assert (total.received_direct_postal, total.resolved_late, total.resolved_total) == (2, 1, 1)
    # April: f, g and h carried over; h ends 01/04 -> resolved in April, on the day after due
    t = bieu06(FORM_DOSSIERS, FORM_CATALOGUE, "U1", parse_period("2022-04"))
    total = t.iloc[-1]
    assert (total.carried_over, total.resolved_late, total.pending_total) == (3, 1, 2)


def test_field_without_dossiers_is_listed_with_not_applicable_rate():
    cat = catalogue([("A", "A", "F1", "partial", True), ("Z", "Z", "F9", "info", False)])
    t = bieu06(FORM_DOSSIERS[FORM_DOSSIERS.procedure_code == "A"], cat, "U1", Q1)
    f9 = t[t.field == "F9"].iloc[0]
    assert f9.received_total == 0 and f9.on_time_rate is None


def test_tidy_rows_for_json():
    long = bieu06_long(bieu06(FORM_DOSSIERS, FORM_CATALOGUE, "U1", Q1), "U1", Q1)
    total = long[long.field.isna()].set_index("indicator")
    assert total.loc["received_total", "value"] == 10
    assert pd.isna(total.loc["received_total", "numerator"])
    assert (total.loc["on_time_rate", "numerator"], total.loc["on_time_rate", "denominator"]) \
        == (5, 6)
    assert list(long.columns) == ["indicator", "unit_code", "period", "field", "numerator",
                                  "denominator", "value", "target", "met", "missing_columns",
                                  "no_data"]


def _trend(values, target=0.5):
    """Cumulative monthly values from January, as cumulative_by_month gives them."""
    return pd.DataFrame({"indicator": "online_procedure_rate",
                         "period": [f"2022-{m:02d}" for m in range(1, len(values) + 1)],
                         "value": values, "target": target})


def test_projection_of_a_flat_series_below_target_never_says_met():
    # Phường 1's case: 49,1 % flat for months, target 50 %; a line fit said 61 % "Đạt"
    p = projection(_trend([0.40, 0.45, 0.491, 0.491, 0.491, 0.491, 0.491, 0.491,
                               0.491])).iloc[0]
    assert p.projected == pytest.approx(0.491) and p.low == pytest.approx(0.491)
    assert p.met_projected is False and p.verdict == "missed"


def test_projection_of_a_falling_series():
    # changes of the last three months: -0.02, -0.02, -0.02; 3 months to go: 0.54 - 0.06
    p = projection(_trend([0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.58, 0.56, 0.54])).iloc[0]
    assert p.projected == pytest.approx(0.48) and p.low == pytest.approx(0.48)
    assert p.verdict == "missed"


def test_projection_range_and_verdicts_by_hand():
    # last three changes +0.01, +0.03, +0.02: mean 0.02, sd sqrt(2/3)/100 = 0.008165;
    # from 0.44 at September, 3 months: 0.50 (0.4755 .. 0.5245)
    p = projection(_trend([0.3, 0.32, 0.34, 0.36, 0.37, 0.38, 0.39, 0.42, 0.44])).iloc[0]
    assert p.projected == pytest.approx(0.50)
    assert p.low == pytest.approx(0.44 + 3 * (0.02 - 0.0081650), abs=1e-6)
    assert p.high == pytest.approx(0.44 + 3 * (0.02 + 0.0081650), abs=1e-6)
    assert p.verdict == "unsure" and p.met_projected is False
    met = projection(_trend([0.3, 0.32, 0.34, 0.36, 0.37, 0.38, 0.39, 0.42, 0.44],
                                target=0.45)).iloc[0]
    assert met.verdict == "met" and met.met_projected is True


def test_no_projection_with_fewer_than_three_months():
    p = projection(_trend([0.3, 0.5])).iloc[0]
    assert p.projected is None and p.verdict == "no_data"
