"""Sets of units through the engine: a set is its units' parts added, then divided; the town
overview's one query gives each unit what that unit's own query gives. (Every count is checked
against the row-by-row oracle in test_oracle.py and the hand-computed fixtures.)"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import engine, figures


def test_a_set_of_units_adds_its_units_parts(sample_tables):
    p = parse_period("2022")
    units = sorted(sample_tables["units"].unit_code)
    each = engine.parts(sample_tables, units, p)
    pooled = figures.indicators(sample_tables, units, p, "all", True)
    whole = pooled[pooled.field.isna()].set_index("indicator")
    # (not the 766 estimates: one unit's export lacks a column they need)
    for indicator in [i for i in figures.shares() if registry.get(i).family != "766"]:
        num, den = registry.parts_of(indicator)
        assert whole.loc[indicator, "numerator"] == each[num].sum(), indicator
        assert whole.loc[indicator, "denominator"] == each[den].sum(), indicator
    assert whole.loc["received_total", "value"] == each.received_total.sum()
    # the duty of apology keeps its fixed 100 % target for a set (the pandas pool lost it)
    assert (pooled[pooled.indicator == "apology_coverage"].target == 1.0).all()
    # Phường 2 alone: 27 of its 53 online procedures used, the 50,9 % its report shows
    p2 = figures.indicators(sample_tables, ["SAMPLE-P2"], p, "SAMPLE-P2")
    row = p2[(p2.indicator == "online_procedure_rate") & p2.field.isna()].iloc[0]
    assert (row.numerator, row.denominator) == (27, 53)


def test_one_query_for_the_town_equals_one_per_unit(sample_tables):
    p = parse_period("2022-Q3")
    units = sorted(sample_tables["units"].unit_code)
    together = figures.per_unit(sample_tables, units, p)
    for unit in units:
        alone = figures.indicators(sample_tables, [unit], p, unit)
        pd.testing.assert_frame_equal(together[unit].reset_index(drop=True),
                                      alone.reset_index(drop=True))
