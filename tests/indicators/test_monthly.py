"""Every unit × month in one query (engine.monthly: each dossier joined to the months it is
alive in) gives exactly what one query per unit and month gives, and what the per-unit
definitions give."""

from __future__ import annotations

import pytest

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import figures
from cchc_lib.indicators.bieu06 import bieu06
from cchc_lib.indicators.national import apology_coverage, national_indicators
from cchc_lib.indicators.plan import plan_indicators, procedure_uptake


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
    for share in figures.SHARE_PARTS:
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
