"""The indicator registry is the one source of an indicator's facts: every part a record
names is a part the engine computes, every candidate rule reads columns the engine's
per-procedure table has, and a plan target added as a record alone (here, from this test,
without editing the package) works in every figure the plan's targets feed: the plan rows,
the year's cumulative trend, the gap and its candidates, and the ward report.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.indicator_registry import Candidates, GapRule, Indicator
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import engine, queries
from cchc_lib.indicators.figures import shares
from cchc_lib.indicators.plan import cumulative_by_month, gaps, plan_indicators, procedure_uptake


def test_every_part_a_record_names_is_computed_by_the_engine():
    names = set(engine.PART_NAMES)
    for record in registry.INDICATORS:
        if record.kind == "share":
            assert record.numerator in names and record.denominator in names, record.id
        elif record.family == "bieu06":  # a count is the engine's part of the same name
            assert record.id in names, record.id
    assert set(registry.PART_NEEDS) <= names
    # the plan's targets are judged per procedure too (the gap, the field): catalogue parts
    catalogue = set(queries.names("catalogue_parts"))
    for ind in registry.PLAN_INDICATORS:
        assert set(registry.parts_of(ind)) <= catalogue, ind


def test_every_candidate_rule_reads_columns_of_the_per_procedure_table(sample_tables):
    uptake = engine.uptake(sample_tables, "SAMPLE-P2", parse_period("2022")).reset_index()
    for record in registry.INDICATORS:
        if record.gap is not None and record.gap.candidates is not None:
            assert set(record.gap.candidates.columns()) <= set(uptake.columns), record.id


def test_no_share_is_divided_outside_the_registry():
    assert {r.id for r in registry.INDICATORS if r.kind == "share"} == set(shares())


# a target the plan did not set: procedures with a fee that have a dossier paid online
FEE_TARGET = Indicator(
    "fee_online_rate", "plan", "share", "Tỷ lệ TTHC có phí có hồ sơ thanh toán trực tuyến",
    "TTHC có thanh toán trực tuyến", "TTHC có phí có ít nhất một hồ sơ thanh toán trực tuyến",
    "TTHC có phí, lệ phí", target="plan",
    numerator="fee_offered_paid_online", denominator="fee_offered",
    gap=GapRule("procedures", "Cần thêm **{n}** TTHC có thanh toán trực tuyến để đạt {t}:",
                "Hồ sơ trong kỳ", "cần thêm {n} TTHC",
                Candidates("has_fee", ("received",), none_of=("received_paid_online",))))


def _with_target(targets: pd.DataFrame, value: float) -> pd.DataFrame:
    extra = targets.iloc[:1].copy()
    extra["indicator"], extra["target"] = FEE_TARGET.id, value
    return pd.concat([targets, extra], ignore_index=True)


def test_a_plan_target_added_as_a_record_alone(sample_tables):
    tables = {**sample_tables, "targets": _with_target(sample_tables["targets"], 0.9)}
    year = parse_period("2022")
    uptake = procedure_uptake(tables["dossiers"], tables["catalogue"], "SAMPLE-P2", year)
    with pytest.raises(KeyError):
        registry.get(FEE_TARGET.id)
    with registry.extended(FEE_TARGET):
        plan = plan_indicators(uptake, "SAMPLE-P2", year, tables["targets"]).set_index(
            "indicator")
        trend = cumulative_by_month(tables["dossiers"], tables["catalogue"], "SAMPLE-P2",
                                    year, tables["targets"])
        gap = gaps(uptake, plan.reset_index())[FEE_TARGET.id]
    # by hand from the per-procedure table: procedures with a fee, and those paid online
    fee = uptake[uptake.has_fee]
    paid = int((fee.received_paid_online > 0).sum())
    row = plan.loc[FEE_TARGET.id]
    assert (row.numerator, row.denominator, row.target) == (paid, len(fee), 0.9)
    assert row.met is (paid / len(fee) >= 0.9)
    assert set(plan.index) == {*registry.PLAN_INDICATORS, FEE_TARGET.id}
    december = trend[trend.indicator == FEE_TARGET.id].iloc[-1]
    assert (december.numerator, december.denominator) == (paid, len(fee))
    assert gap.needed == max(0, -(-9 * len(fee) // 10) - paid)
    unpaid = fee[fee.received_paid_online == 0]
    assert sorted(gap.candidates.procedure_code) == sorted(unpaid.index)
    assert gap.candidates.demand.tolist() == sorted(unpaid.received, reverse=True)
    # once the block ends, the registry is as it was
    assert FEE_TARGET.id not in registry.BY_ID


def test_the_ward_report_shows_a_plan_target_added_as_a_record(sample_processed, tmp_path):
    from cchc_lib.reports.ward import ward_report

    data = tmp_path / "processed"
    shutil.copytree(sample_processed, data)
    targets = pd.read_parquet(data / "targets.parquet")
    _with_target(targets, 0.9).to_parquet(data / "targets.parquet", index=False)
    with registry.extended(FEE_TARGET):
        report = ward_report("SAMPLE-P2", "2022", data)
        shown = report.plan_table()._repr_html_()
        steps = report.next_steps()._repr_html_()  # the notebook's cell: every target
        defined = report.plan_definitions()._repr_html_()
    assert FEE_TARGET.id in set(report.plan.indicator)
    assert FEE_TARGET.id in report.gaps
    assert FEE_TARGET.label in shown and "90" in shown
    assert "TTHC có thanh toán trực tuyến" in shown
    needed = report.gaps[FEE_TARGET.id].needed
    assert needed and f"<strong>{needed}</strong>" in steps  # the record's own sentence
    assert "TTHC có thanh toán trực tuyến để đạt" in steps
    assert FEE_TARGET.label in defined and "mục tiêu từ 90\xa0% trở lên" in defined


def test_plan_indicators_are_those_the_targets_name(sample_tables):
    targets = sample_tables["targets"]
    assert registry.plan_ids(targets) == registry.PLAN_INDICATORS
    only = targets[targets.indicator == "postal_return_share"]
    assert registry.plan_ids(only) == ("postal_return_share",)
    assert registry.plan_ids(None) == registry.PLAN_INDICATORS
    assert registry.plan_ids(targets.iloc[:0]) == registry.PLAN_INDICATORS
