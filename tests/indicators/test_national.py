"""766 estimates and the duty of apology on a hand-computed fixture (Q1 2022, unit U1)."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.national import (
    apology_coverage,
    late_dossiers,
    national_indicators,
    points_766,
)

Q1 = parse_period("2022-Q1")
CATALOGUE = pd.DataFrame({
    "procedure_code": ["A", "B", "C"], "procedure_name": ["A", "B", "C"],
    "field_name": ["F1", "F1", "F2"], "level": ["partial", "full", "info"],
    "postal_enabled": [True, True, False], "processing_days": [2.0, 2.0, 3.0],
    "has_fee": [True, False, True], "unit_code": [None] * 3,
    "valid_from": pd.Series([pd.NaT] * 3, dtype="datetime64[us]"),
    "valid_to": pd.Series([pd.NaT] * 3, dtype="datetime64[us]"),
})
COLS = ["dossier_id", "procedure_code", "field_name", "receive_channel", "received_at", "due_at",
        "finished_at", "returned_at", "status", "supplement_requests", "supplement_days",
        "paid_online", "digitized", "e_result", "apology_issued"]
ROWS = [
    # n1: ended on time, online, paid, digitized, electronic result
    ("n1", "A", "F1", "online", "2022-01-05", "2022-01-07", "2022-01-06", "2022-01-06", "returned", 0, 0, True, True, True, None),
    # n2: finished Fri 14/01 after due Wed 12/01, but waited 2 working days for the citizen:
    #     effective end Wed 12/01 -> on time for 766; late for Biểu 06 and the apology duty
    ("n2", "A", "F1", "direct", "2022-01-10", "2022-01-12", "2022-01-14", "2022-01-14", "returned", 1, 2, False, False, False, False),
    # n3: finished on its due day but asked the citizen twice -> late for 766
    ("n3", "B", "F1", "direct", "2022-02-01", "2022-02-03", "2022-02-03", None, "resolved", 2, 0, False, True, True, None),
    # n4: still open on 31/03, due 04/03 -> pending overdue; an apology slip was issued
    ("n4", "C", "F2", "direct", "2022-03-01", "2022-03-04", None, None, "processing", 0, 0, False, False, False, True),
    # n5: open, due after the quarter -> pending in time
    ("n5", "B", "F1", "online", "2022-03-20", "2022-04-05", None, None, "processing", 0, 0, False, False, False, None),
    # n6: 2021, ended in 2021 -> nowhere
    ("n6", "A", "F1", "direct", "2021-12-20", "2021-12-22", "2021-12-22", "2021-12-22", "returned", 0, 0, False, False, False, None),
    # n7: withdrawn in Q1 before its due day -> ended in P, on time
    ("n7", "A", "F1", "direct", "2022-02-10", "2022-02-15", "2022-02-11", None, "withdrawn", 0, 0, False, False, False, None),
    # n8: not accepted -> nowhere
    ("n8", "C", "F2", "online", "2022-02-10", None, None, None, "not_accepted", 0, 0, True, True, True, None),
]


def dossiers() -> pd.DataFrame:
    d = pd.DataFrame(ROWS, columns=COLS)
    for c in ("received_at", "due_at", "finished_at", "returned_at"):
        d[c] = pd.to_datetime(d[c]).astype("datetime64[us]")
    for c in ("paid_online", "digitized", "e_result", "apology_issued"):
        d[c] = d[c].astype("boolean")
    d["return_channel"] = "direct"
    d.insert(1, "unit_code", "U1")
    return d


def test_766_shares():
    r = national_indicators(dossiers(), CATALOGUE, "U1", Q1).set_index("indicator")
    parts = {i: (r.loc[i, "numerator"], r.loc[i, "denominator"]) for i in r.index}
    assert parts == {
        # ended in Q1: n1 n2 n3 n7; pending at 31/03: n4 n5 -> on time: n1 n2 n7 n5
        "progress_on_time": (4, 6),
        # offered A B C; partial/full: A B
        "online_provision_rate": (2, 3),
        # A (n1) and B (n5) have an online dossier in Q1
        "online_service_uptake": (2, 2),
        # received in Q1 (accepted): n1 n2 n3 n4 n5 n7; online: n1 n5
        "online_dossier_share": (2, 6),
        # fee procedures offered: A, C; with a dossier received in Q1 and paid online: A (n1);
        # C's n8 was paid online but never accepted
        "online_payment_procedures": (1, 2),
        # received in Q1 for fee procedures A, C: n1 n2 n4 n7; paid online: n1
        "online_payment_share": (1, 4),
        # ended in Q1: n1 n2 n3 n7; electronic result: n1 n3
        "e_result_share": (2, 4),
        # received in Q1: 6; digitized: n1 n3
        "digitized_share": (2, 6),
    }


def test_766_points():
    r = national_indicators(dossiers(), CATALOGUE, "U1", Q1)
    p = points_766(r).set_index("indicator").points
    assert p["progress_on_time"] == pytest.approx(20 * 4 / 6)
    assert p["online_provision_rate"] == pytest.approx(2 * (2 / 3) / 0.8)  # under the 2 cap
    assert p["online_service_uptake"] == pytest.approx(4.0)
    assert p["online_dossier_share"] == pytest.approx(4.0)  # 6 x (1/3) / 0.5
    assert p["online_payment_procedures"] == pytest.approx(2.0)  # 4 x 1/2
    assert p["online_payment_share"] == pytest.approx(1.5)
    assert p["e_result_share"] == pytest.approx(3.0)
    assert p["digitized_share"] == pytest.approx(4 * (1 / 3) / 0.8)


def test_766_per_field():
    r = national_indicators(dossiers(), CATALOGUE, "U1", Q1, by_field=True)
    r = r[r.indicator == "online_payment_procedures"]
    # F1 offers fee procedure A (paid online by n1); F2 offers fee procedure C (n8 not accepted)
    assert list(zip(r.field, r.numerator, r.denominator, strict=True)) == [("F1", 1, 1),
                                                                          ("F2", 0, 1)]


def test_766_caps_and_not_applicable():
    r = pd.DataFrame({"indicator": ["online_dossier_share", "digitized_share"],
                      "value": [0.9, None]})
    p = points_766(r).set_index("indicator")
    assert p.loc["online_dossier_share", "points"] == 6.0  # capped at the criterion maximum
    assert p.loc["digitized_share", "points"] is None


def test_apology_coverage_per_field_with_ids():
    late = late_dossiers(dossiers(), "U1", Q1)
    # resolved late in Q1: n2 (finished 14/01 > due 12/01); pending overdue at 31/03: n4
    assert late.dossier_id.tolist() == ["n2", "n4"]
    assert late.kind.tolist() == ["resolved_late", "pending_overdue"]
    cov = apology_coverage(dossiers(), "U1", Q1)
    assert [(f, n, m) for f, n, m in zip(cov.field, cov.numerator, cov.denominator,
                                         strict=True)] == [("F1", 0, 1), ("F2", 1, 1),
                                                           (None, 1, 2)]
    assert cov.iloc[-1].value == 0.5 and cov.iloc[-1].target == 1.0 and not cov.iloc[-1].met


def test_no_late_dossiers_is_not_applicable():
    d = dossiers()
    d = d[d.dossier_id.isin(["n1", "n5"])]
    cov = apology_coverage(d, "U1", Q1)
    assert len(cov) == 1 and cov.iloc[0].denominator == 0 and cov.iloc[0].value is None
