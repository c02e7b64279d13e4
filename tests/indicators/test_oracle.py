"""The engine against a plain-Python, row-by-row reading of docs/indicators.md (oracle.py): on the
sample (every unit, several period forms) and on generated dossiers (hypothesis), every part
the indicators divide must agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle import Workdays, parts

from cchc_lib.core.periods import Period, parse_period
from cchc_lib.indicators import engine

WORKDAYS = Workdays()


def _engine(tables, unit: str, period: Period) -> dict[str, int]:
    got = engine.parts(tables, [unit], period).iloc[0]
    return {k: int(got[k]) for k in engine.PART_NAMES}


def _portable(tables, unit: str, period: Period) -> dict[str, int]:
    """The same parts by the SQL engines without an ASOF join run (Spark): the effective end by
    equi-joins on the calendar tables (the portable dialect), here run by DuckDB."""
    con = engine._bound(tables, [unit], [period])
    got = engine.tidy(con.execute(engine.query(False, "portable")).df()).iloc[0]
    return {k: int(got[k]) for k in engine.PART_NAMES}


@pytest.mark.parametrize("period", ["2022", "2021-Q4", "2022-07",
                                    "2022-01-01..2022-11-15"])
def test_engine_equals_the_oracle_on_the_sample(sample_tables, period):
    p = parse_period(period)
    for unit in sorted(sample_tables["units"].unit_code):
        want = parts(sample_tables["dossiers"], sample_tables["catalogue"], unit, p.start,
                     p.end, WORKDAYS)
        assert _engine(sample_tables, unit, p) == want, unit


# ---- generated dossiers --------------------------------------------------------------

START = datetime(2022, 3, 1)
STATUSES = ["registered", "not_accepted", "processing", "supplement_requested", "resolved",
            "returned", "withdrawn", "stopped"]
CHANNELS = ["online", "direct", "postal", None]
CODES = ["P1", "P2", "P3", "P4"]


def _moment(offset_hours: int) -> datetime:
    return START + timedelta(hours=offset_hours)


dossier = st.fixed_dictionaries({
    "unit_code": st.sampled_from(["U1", "U2"]),
    "procedure_code": st.sampled_from(CODES + ["X9"]),  # X9: in no catalogue
    "field_name": st.sampled_from(["Hộ tịch", "Chứng thực"]),
    "receive_channel": st.sampled_from(CHANNELS),
    "return_channel": st.sampled_from(CHANNELS),
    "status": st.sampled_from(STATUSES),
    "received": st.integers(0, 24 * 120),
    "takes": st.one_of(st.none(), st.integers(0, 24 * 40)),
    "returns_after": st.one_of(st.none(), st.integers(0, 24 * 10)),
    "due": st.one_of(st.none(), st.integers(-24 * 5, 24 * 30), st.integers(24, 24 * 4)),
    "supplement_requests": st.one_of(st.none(), st.integers(0, 3)),
    # whole and half days (a half rounds to even, as numpy does), and more than a week
    "supplement_days": st.one_of(st.none(), st.sampled_from([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 9]),
                                 st.floats(0, 12)),
    "paid_online": st.one_of(st.none(), st.booleans()),
    "digitized": st.one_of(st.none(), st.booleans()),
    "e_result": st.one_of(st.none(), st.booleans()),
    "apology_issued": st.one_of(st.none(), st.booleans()),
})


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = []
    for r in rows:
        received = _moment(r["received"])
        finished = None if r["takes"] is None else received + timedelta(hours=r["takes"])
        returned = None if finished is None or r["returns_after"] is None else \
            finished + timedelta(hours=r["returns_after"])
        due = None if r["due"] is None else received + timedelta(hours=r["due"])
        out.append({**{k: r[k] for k in ("unit_code", "procedure_code", "field_name",
                                         "receive_channel", "return_channel", "status")},
                    "received_at": received, "finished_at": finished, "returned_at": returned,
                    "due_at": due, "supplement_requests": r["supplement_requests"],
                    "supplement_days": r["supplement_days"],
                    **{k: r[k] for k in ("paid_online", "digitized", "e_result",
                                         "apology_issued")}})
    frame = pd.DataFrame(out, columns=list(out[0]) if out else None)
    for c in ("received_at", "finished_at", "returned_at", "due_at"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[us]")
    for c in ("unit_code", "procedure_code", "field_name", "receive_channel",
              "return_channel", "status"):
        frame[c] = frame[c].astype("string")
    frame["supplement_requests"] = frame.supplement_requests.astype("Int64")
    frame["supplement_days"] = frame.supplement_days.astype("Float64")
    for c in ("paid_online", "digitized", "e_result", "apology_issued"):
        frame[c] = frame[c].astype("boolean")
    return frame


def _catalogue() -> pd.DataFrame:
    """P1 online and postal with a fee; P2 postal; P3 online until 30/04 (then withdrawn);
    P4 offered by every unit as information only, but by U2 online (its own row)."""
    rows = [("P1", "Hộ tịch", "full", True, True, None, None, None),
            ("P2", "Hộ tịch", "info", True, False, None, None, None),
            ("P3", "Chứng thực", "partial", False, False, None, None, "2022-04-30"),
            ("P4", "Chứng thực", "info", False, True, None, None, None),
            ("P4", "Chứng thực", "full", False, True, "U2", "2022-01-01", None)]
    cat = pd.DataFrame(rows, columns=["procedure_code", "field_name", "level",
                                      "postal_enabled", "has_fee", "unit_code", "valid_from",
                                      "valid_to"])
    for c in ("procedure_code", "field_name", "level", "unit_code"):
        cat[c] = cat[c].astype("string")
    for c in ("postal_enabled", "has_fee"):
        cat[c] = cat[c].astype("boolean")
    for c in ("valid_from", "valid_to"):
        cat[c] = pd.to_datetime(cat[c]).astype("datetime64[us]")
    return cat


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(dossier, min_size=1, max_size=40),
       first=st.integers(0, 90), length=st.integers(0, 45), unit=st.sampled_from(["U1", "U2"]))
def test_engine_equals_the_oracle_on_generated_dossiers(rows, first, length, unit):
    tables = {"dossiers": _frame(rows), "catalogue": _catalogue()}
    start = (START + timedelta(days=first)).date()
    period = Period(start, start + timedelta(days=length), "test")
    want = parts(tables["dossiers"], tables["catalogue"], unit, period.start, period.end,
                 WORKDAYS)
    assert _engine(tables, unit, period) == want
    assert _portable(tables, unit, period) == want


def test_oracle_by_hand():
    """The oracle itself, on three dossiers worked out by hand for March 2022."""
    rows = [  # online, resolved on its due day; direct, returned a day late, apology;
        # postal, still pending on 31/03 with its due day 30/03 passed
        {"unit_code": "U1", "procedure_code": "P1", "field_name": "Hộ tịch",
         "receive_channel": "online", "return_channel": "online", "status": "resolved",
         "received": 0, "takes": 24 * 3, "returns_after": None, "due": 24 * 3,
         "supplement_requests": 0, "supplement_days": None, "paid_online": True,
         "digitized": True, "e_result": True, "apology_issued": None},
        {"unit_code": "U1", "procedure_code": "P2", "field_name": "Hộ tịch",
         "receive_channel": "direct", "return_channel": "postal", "status": "returned",
         "received": 24 * 5, "takes": 24 * 4, "returns_after": 0, "due": 24 * 3,
         "supplement_requests": None, "supplement_days": None, "paid_online": None,
         "digitized": False, "e_result": None, "apology_issued": True},
        {"unit_code": "U1", "procedure_code": "P1", "field_name": "Hộ tịch",
         "receive_channel": "postal", "return_channel": None, "status": "processing",
         "received": 24 * 20, "takes": None, "returns_after": None, "due": 24 * 9,
         "supplement_requests": None, "supplement_days": None, "paid_online": False,
         "digitized": None, "e_result": None, "apology_issued": False}]
    got = parts(_frame(rows), _catalogue(), "U1", date(2022, 3, 1), date(2022, 3, 31))
    assert (got["received"], got["received_online"], got["received_direct_postal"]) == (3, 1, 2)
    assert (got["resolved_on_time"], got["resolved_late"], got["pending_overdue"]) == (1, 1, 1)
    assert (got["late"], got["late_apologised"]) == (2, 1)
    # P1 (online, postal, fee) and P2 (postal): P3 (online until 30/04) is offered on 31/03
    assert (got["offered"], got["online_offered"], got["online_used"]) == (4, 2, 1)
    assert (got["postal_offered"], got["postal_used"]) == (2, 2)
    assert (got["returned_postal"], got["returned_postal_procedures"]) == (1, 1)
    assert got["returned_all"] == 1  # the one returned dossier, of P2
    assert (got["fee_received"], got["fee_paid_online"], got["fee_offered_paid_online"]) == (
        2, 1, 1)
    assert _engine({"dossiers": _frame(rows), "catalogue": _catalogue()}, "U1",
                   parse_period("2022-03")) == got


@pytest.mark.parametrize("wait, on_time", [
    (None, 0),  # finished Monday 14/03, due Friday 11/03: late
    (1, 1),  # one working day back: Friday 11/03, on the due day
    (0.5, 0),  # half a day rounds to even: 0, still late
    (1.5, 1), (2.5, 1),  # 2 working days back: Thursday 10/03
    (3, 1)])
def test_supplement_wait_moves_the_end_back_in_working_days(wait, on_time):
    """766 2.1 by hand: the end day less the supplement wait, counted in working days (the
    weekend of 12–13/03 does not count) and rounded half to even."""
    row = {"unit_code": "U1", "procedure_code": "P2", "field_name": "Hộ tịch",
           "receive_channel": "direct", "return_channel": None, "status": "resolved",
           "received": 24 * 7, "takes": 24 * 6 + 2, "returns_after": None, "due": 24 * 3,
           "supplement_requests": 1, "supplement_days": wait, "paid_online": None,
           "digitized": None, "e_result": None, "apology_issued": None}
    frame = _frame([row])
    assert frame.finished_at[0].date() == date(2022, 3, 14)
    assert frame.due_at[0].date() == date(2022, 3, 11)
    tables = {"dossiers": frame, "catalogue": _catalogue()}
    got = _engine(tables, "U1", parse_period("2022-03"))
    assert got["on_time"] == on_time and got["ended_or_pending"] == 1
    assert _portable(tables, "U1", parse_period("2022-03")) == got
    assert parts(frame, tables["catalogue"], "U1", date(2022, 3, 1),
                 date(2022, 3, 31))["on_time"] == on_time


def test_a_dossier_of_no_field_is_a_field_row_not_the_units_total():
    """Dossiers handed to the engine without a field (ingest names it; a frame built by hand
    may not): their per-field row is "Chưa xác định lĩnh vực", and the unit's whole row stays
    the only row with no field, counting every dossier."""
    from cchc_lib.core.vi import UNKNOWN_FIELD_VI

    rows = [{"unit_code": "U1", "procedure_code": code, "field_name": field,
             "receive_channel": "online", "return_channel": "online", "status": "resolved",
             "received": 24 * day, "takes": 24, "returns_after": None, "due": 24 * 3,
             "supplement_requests": 0, "supplement_days": None, "paid_online": None,
             "digitized": None, "e_result": None, "apology_issued": None}
            for code, field, day in (("P1", "Hộ tịch", 1), ("P9", None, 2), ("P9", None, 3))]
    p = engine.parts({"dossiers": _frame(rows), "catalogue": _catalogue()}, ["U1"],
                     parse_period("2022-03"), by_field=True)
    whole = p[p.field.isna()]
    assert len(whole) == 1 and int(whole.received.iloc[0]) == 3
    fields = p[p.field.notna()].set_index("field")
    assert int(fields.loc[UNKNOWN_FIELD_VI, "received"]) == 2
    assert int(fields.received.sum()) == 3
