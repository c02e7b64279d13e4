"""The DuckDB engine against the per-unit pandas computation it replaces, on the sample:
every unit, three period forms, whole and by field, the same rows in the same order. (The
hand-computed fixtures of the other indicator tests run through the engine too, since
all_indicators now calls it.)"""

from __future__ import annotations

import pandas as pd
import pytest

from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import figures
from cchc_lib.indicators.results import pool, unit_indicators


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    norm = lambda f: f.astype(object).where(f.notna(), None).reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(norm(a), norm(b), check_dtype=False)


@pytest.mark.parametrize("period", ["2022", "2022-Q3", "2021-07"])
@pytest.mark.parametrize("by_field", [False, True])
def test_engine_equals_the_pandas_path_for_each_unit(sample_tables, period, by_field):
    p = parse_period(period)
    for unit in sorted(sample_tables["units"].unit_code):
        _same(figures.indicators(sample_tables, [unit], p, unit, by_field),
              unit_indicators(sample_tables, unit, p, by_field))


def test_engine_pools_a_set_of_units(sample_tables):
    p = parse_period("2022")
    units = sorted(sample_tables["units"].unit_code)
    got = figures.indicators(sample_tables, units, p, "all", True)
    old = pool([unit_indicators(sample_tables, u, p, True) for u in units], "all", p,
               sample_tables.get("targets"))
    key = ["indicator", "field"]
    got, old = (f.assign(field=f.field.fillna("")).sort_values(key).reset_index(drop=True)
                for f in (got, old))
    apology = got.indicator == "apology_coverage"
    # the one difference: the duty of apology keeps its fixed target (100 %) for a set of
    # units; the pandas pool lost it (no general target in the targets file)
    assert (got[apology].target == 1.0).all() and old[apology].target.isna().all()
    _same(got.drop(columns=["target", "met"]), old.drop(columns=["target", "met"]))
    _same(got[~apology], old[~apology])
    # Phường 2 alone: 27 of its 53 online procedures used, the 50,9 % its report shows
    p2 = figures.indicators(sample_tables, ["SAMPLE-P2"], p, "SAMPLE-P2")
    row = p2[(p2.indicator == "online_procedure_rate") & p2.field.isna()].iloc[0]
    assert (row.numerator, row.denominator) == (27, 53)
