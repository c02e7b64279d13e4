"""Every unit × month in one query (engine.monthly: each dossier joined to the months it is
alive in) gives exactly what one query per unit and month gives, and what the per-unit
definitions give."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.errors import NoDataError
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import figures
from cchc_lib.indicators.base import clip_to_data
from cchc_lib.indicators.bieu06 import bieu06
from cchc_lib.indicators.national import apology_coverage, national_indicators
from cchc_lib.indicators.plan import (
    cumulative_by_month,
    plan_indicators,
    procedure_uptake,
    projection,
)


@pytest.fixture(scope="module")
def monthly(sample_tables):
    return figures.monthly(sample_tables)


def reference(tables, unit: str, month: str) -> dict:
    """One unit and month through the per-unit library functions."""
    d, cat, p = tables["dossiers"], tables["catalogue"], parse_period(month)
    out = {}
    form = bieu06(d, cat, unit, p).iloc[-1]
    for col in registry.BIEU06_COLUMNS:
        out[col] = int(form[col])
    out["on_time_rate_num"] = int(form.resolved_early + form.resolved_on_time)
    out["on_time_rate_den"] = int(form.resolved_total)
    rows = [plan_indicators(procedure_uptake(d, cat, unit, p), unit, p),
            national_indicators(d, cat, unit, p), apology_coverage(d, unit, p).iloc[[-1]]]
    for frame in rows:
        for r in frame.itertuples():
            out[f"{r.indicator}_num"], out[f"{r.indicator}_den"] = r.numerator, r.denominator
    return out


CASES = [("SAMPLE-P2", f"2022-{m:02d}") for m in range(1, 12)] + [
    ("SAMPLE-P2", "2021-12"), ("SAMPLE-P1", "2021-01"), ("SAMPLE-P3", "2021-07"),
    ("SAMPLE-AD", "2022-02"), ("SAMPLE-HL", "2022-11")]


@pytest.mark.parametrize("unit, month", CASES)
def test_monthly_equals_the_definitions(monthly, sample_tables, unit, month):
    got = monthly[(monthly.unit_code == unit) & (monthly.period == month)].iloc[0]
    want = reference(sample_tables, unit, month)
    assert {k: int(got[k]) for k in want} == want


def test_monthly_covers_every_unit_and_month(monthly, sample_tables):
    units = sorted(sample_tables["units"].unit_code)
    assert sorted(monthly.unit_code.unique()) == units
    assert monthly.period.min() == "2021-01" and monthly.period.max() == "2022-11"
    assert len(monthly) == len(units) * 23
    for share in figures.shares():
        v = monthly[share].dropna().astype(float)
        assert ((v >= 0) & (v <= 1)).all(), share


def test_monthly_reads_parquet_directly(monthly):
    """The same figures from the Parquet files, scanned by DuckDB (the national-size path)."""
    folder = "tests/.sample_processed"
    got = figures.monthly({"dossiers": f"{folder}/dossiers.parquet",
                          "catalogue": f"{folder}/catalogue.parquet"})
    cols = [c for c in monthly.columns if c.endswith(("_num", "_den"))]
    assert got[["unit_code", "period", *cols]].equals(monthly[["unit_code", "period", *cols]])


def test_monthly_by_unit_group_equals_one_query(monthly, sample_tables, tmp_path):
    """Parquet partitioned by year and unit group (the national layout): one group of units
    at a time gives the same rows as one query over everything."""
    d = sample_tables["dossiers"]
    group = d.unit_code.isin(["SAMPLE-AD", "SAMPLE-HL"]).map({True: "000", False: "001"})
    for (year, g), part in d.groupby([d.received_at.dt.year, group]):
        folder = tmp_path / "dossiers" / f"year={year}" / f"unit_group={g}"
        folder.mkdir(parents=True)
        part.to_parquet(folder / "part.parquet", index=False)
    sample_tables["catalogue"].to_parquet(tmp_path / "catalogue.parquet")
    seen = []
    got = figures.monthly({"dossiers": tmp_path / "dossiers",
                          "catalogue": tmp_path / "catalogue.parquet"},
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    cols = [c for c in monthly.columns if c.endswith(("_num", "_den"))]
    assert got[["unit_code", "period", *cols]].equals(monthly[["unit_code", "period", *cols]])


# --------------------------------------------------------------------------------------
# Months stop at the data's last day (as `cchc indicators` judges a period)
# --------------------------------------------------------------------------------------


def test_months_after_the_data_are_left_out_and_said(monthly, sample_tables):
    """The sample's data ends on 30/11/2022. December was a month without data: SAMPLE-P2's
    15 dossiers pending in time on 30 November were all shown overdue in it."""
    got = figures.monthly(sample_tables, "2022-10", "2023-02")
    assert sorted(got.period.unique()) == ["2022-10", "2022-11"]
    assert got.attrs["note"] == "số liệu đến ngày 30/11/2022: các tháng sau không tính"
    assert str(got.attrs["data_through"]) == "2022-11-30"
    p2 = got[(got.unit_code == "SAMPLE-P2") & (got.period == "2022-11")].iloc[0]
    assert (p2.pending_in_time, p2.pending_overdue) == (15, 0)
    same = monthly[monthly.period.isin(["2022-10", "2022-11"])].reset_index(drop=True)
    cols = [c for c in monthly.columns if c.endswith(("_num", "_den"))]
    assert got[["unit_code", "period", *cols]].equals(same[["unit_code", "period", *cols]])
    assert monthly.attrs["note"] == ""  # the months the data covers: nothing cut


def test_a_range_the_data_does_not_reach_is_refused(sample_tables):
    with pytest.raises(NoDataError, match=r"^Không có số liệu cho các tháng 2023-01\.\.2023-03: "
                       r"số liệu từ ngày 04/01/2021 đến ngày 30/11/2022$"):
        figures.monthly(sample_tables, "2023-01", "2023-03")
    with pytest.raises(NoDataError, match="các tháng 2020-01..2020-12"):
        figures.monthly(sample_tables, "2020-01", "2020-12")


def hand_made() -> dict[str, pd.DataFrame]:
    """One unit, one procedure; an export made on 20/11/2022 (its latest date):
    A received 03/10, due 10/10, still open: overdue at the end of October and on 20/11;
    B received 02/11, due 25/11, still open: in time on 20/11 (overdue on 30/11: no data);
    C received 18/11, due 21/11, resolved 20/11 10:00: early."""
    ts = pd.to_datetime
    dossiers = pd.DataFrame({
        "dossier_id": ["A", "B", "C"], "unit_code": "U1", "procedure_code": "1.004873",
        "receive_channel": ["direct", "online", "direct"],
        "received_at": ts(["2022-10-03 08:00", "2022-11-02 08:00", "2022-11-18 08:00"]),
        "due_at": ts(["2022-10-10 17:00", "2022-11-25 17:00", "2022-11-21 17:00"]),
        "finished_at": ts([None, None, "2022-11-20 10:00"]),
        "status": ["processing", "processing", "resolved"]})
    catalogue = pd.DataFrame({"procedure_code": ["1.004873"], "level": ["full"]})
    return {"dossiers": dossiers.astype({"received_at": "datetime64[us]",
                                         "due_at": "datetime64[us]",
                                         "finished_at": "datetime64[us]"}),
            "catalogue": catalogue}


@pytest.mark.parametrize("months", [("2022-10", "2022-12"), (None, None)])
def test_a_last_month_partly_covered_ends_on_the_last_day(months):
    got = figures.monthly(hand_made(), *months).set_index("period")
    assert list(got.index) == ["2022-10", "2022-11"]
    assert got.attrs["note"] == ("số liệu đến ngày 20/11/2022: tháng 2022-11 tính đến ngày đó"
                                 + ("; các tháng sau không tính" if months[0] else ""))
    october, november = got.loc["2022-10"], got.loc["2022-11"]
    assert (october.pending_overdue, october.pending_in_time) == (1, 0)
    assert (november.carried_over, november.received_total) == (1, 3)
    assert (november.pending_overdue, november.pending_in_time) == (1, 1)  # A late, B not yet
    assert (november.resolved_total, november.resolved_early) == (1, 1)


def test_the_plan_trend_stops_at_the_data(sample_tables):
    """A year asked for whole: the trend stops at November (its December was read as the
    year's final value by the projection); as from the period cut to the data (the ward
    report's way, unchanged)."""
    d, cat = sample_tables["dossiers"], sample_tables["catalogue"]
    whole = cumulative_by_month(d, cat, "SAMPLE-P2", parse_period("2022"))
    clipped = cumulative_by_month(d, cat, "SAMPLE-P2", clip_to_data(parse_period("2022"), d))
    assert whole.period.iloc[-1] == "2022-11" and len(whole) == 11 * 3
    assert whole.attrs["note"] == "số liệu đến ngày 30/11/2022: các tháng sau không tính"
    assert whole.equals(clipped) and clipped.attrs["note"] == ""
    assert "final" not in set(projection(whole).verdict)
    with pytest.raises(NoDataError, match="năm 2023: số liệu đến ngày 30/11/2022"):
        cumulative_by_month(d, cat, "SAMPLE-P2", parse_period("2023"))
