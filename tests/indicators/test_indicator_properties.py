"""Invariants of the indicators over random dossiers (hypothesis)."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.bieu06 import bieu06
from cchc_lib.indicators.national import apology_coverage, national_indicators
from cchc_lib.indicators.plan import plan_indicators, procedure_uptake

CATALOGUE = pd.DataFrame({
    "procedure_code": list("ABCDE"), "procedure_name": list("ABCDE"),
    "field_name": ["F1", "F1", "F2", "F3", "F3"],
    "level": ["partial", "full", "info", "partial", "full"],
    "postal_enabled": [True, False, True, True, False],
    "processing_days": [0.0, 3.0, 5.0, 2.0, 1.0], "has_fee": [True, False, True, False, True],
    "unit_code": [None] * 5,
    "valid_from": pd.Series([pd.NaT] * 5, dtype="datetime64[us]"),
    "valid_to": pd.Series([pd.NaT] * 5, dtype="datetime64[us]"),
})
DAY0 = pd.Timestamp("2021-11-01")

dossier = st.fixed_dictionaries({
    "procedure_code": st.sampled_from(list("ABCDE")),
    "receive_channel": st.sampled_from(["direct", "online", "postal"]),
    "return_channel": st.sampled_from(["direct", "online", "postal", None]),
    "received": st.integers(0, 500),  # days after 01/11/2021
    "due_after": st.one_of(st.none(), st.integers(0, 20)),
    "takes": st.one_of(st.none(), st.integers(0, 40)),
    "status": st.sampled_from(list(schema.STATUS_CODES)),
    "supplement_requests": st.integers(0, 3),
    "supplement_days": st.integers(0, 5),
    "flags": st.tuples(*[st.booleans()] * 4),
})


def frame(rows: list[dict]) -> pd.DataFrame:
    out = []
    for i, r in enumerate(rows):
        received = DAY0 + pd.Timedelta(days=r["received"], hours=9)
        ended = r["status"] in schema.ENDED_STATUSES
        finished = received + pd.Timedelta(days=r["takes"] or 0) if ended else pd.NaT
        out.append({
            "dossier_id": f"D{i}", "unit_code": "U1", "procedure_code": r["procedure_code"],
            "field_name": dict(zip(CATALOGUE.procedure_code, CATALOGUE.field_name,
                                   strict=True))[r["procedure_code"]],
            "receive_channel": r["receive_channel"], "return_channel": r["return_channel"],
            "received_at": received,
            "due_at": pd.NaT if r["due_after"] is None
            else received.normalize() + pd.Timedelta(days=r["due_after"], hours=17),
            "finished_at": finished,
            "returned_at": finished + pd.Timedelta(hours=1) if r["status"] == "returned"
            else pd.NaT,
            "status": r["status"], "supplement_requests": r["supplement_requests"],
            "supplement_days": float(r["supplement_days"]),
            "paid_online": r["flags"][0], "digitized": r["flags"][1], "e_result": r["flags"][2],
            "apology_issued": r["flags"][3],
        })
    d = pd.DataFrame(out, columns=["dossier_id", "unit_code", "procedure_code", "field_name",
                                   "receive_channel", "return_channel", "received_at", "due_at",
                                   "finished_at", "returned_at", "status", "supplement_requests",
                                   "supplement_days", "paid_online", "digitized", "e_result",
                                   "apology_issued"])
    for c in ("received_at", "due_at", "finished_at", "returned_at"):
        d[c] = pd.to_datetime(d[c]).astype("datetime64[us]")
    return d


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
periods = st.sampled_from(["2022", "2022-H1", "2022-Q2", "2022-Q4", "2022-03", "2021-12",
                           "2022-02-10..2022-05-20"])


@SETTINGS
@given(rows=st.lists(dossier, max_size=40), period=periods)
def test_bieu06_columns_and_rows_add_up(rows, period):
    t = bieu06(frame(rows), CATALOGUE, "U1", parse_period(period))
    fields, total = t.iloc[:-1], t.iloc[-1]
    assert total.field is None
    for col in registry.BIEU06_COLUMNS:
        assert fields[col].sum() == total[col]  # per-field rows sum to the total
    for r in (*fields.itertuples(), total):
        assert r.received_total == r.received_online + r.received_direct_postal + r.carried_over
        assert r.resolved_total == r.resolved_early + r.resolved_on_time + r.resolved_late
        assert r.pending_total == r.pending_in_time + r.pending_overdue
        # what is received is resolved, still pending, or withdrawn/stopped: never less
        assert r.received_total >= r.resolved_total + r.pending_total
        assert r.on_time_rate is None or 0 <= r.on_time_rate <= 1


@SETTINGS
@given(rows=st.lists(dossier, max_size=40))
def test_a_year_is_the_sum_of_its_quarters_for_flows(rows):
    d = frame(rows)
    year = bieu06(d, CATALOGUE, "U1", parse_period("2022")).iloc[-1]
    quarters = [bieu06(d, CATALOGUE, "U1", parse_period(f"2022-Q{q}")).iloc[-1]
                for q in (1, 2, 3, 4)]
    for col in ("received_online", "received_direct_postal", "resolved_early",
                "resolved_on_time", "resolved_late", "resolved_total"):
        assert year[col] == sum(q[col] for q in quarters), col
    # stocks: carried into the year = carried into Q1; pending at its end = pending after Q4
    assert year.carried_over == quarters[0].carried_over
    assert year.pending_total == quarters[3].pending_total


@SETTINGS
@given(rows=st.lists(dossier, max_size=40), period=periods)
def test_every_share_is_in_0_1_or_not_applicable(rows, period):
    d, p = frame(rows), parse_period(period)
    results = pd.concat([
        plan_indicators(procedure_uptake(d, CATALOGUE, "U1", p), "U1", p),
        national_indicators(d, CATALOGUE, "U1", p),
        apology_coverage(d, "U1", p),
    ])
    for r in results.itertuples():
        assert 0 <= r.numerator <= r.denominator
        assert (r.value is None) == (r.denominator == 0)
        assert r.value is None or 0 <= r.value <= 1
