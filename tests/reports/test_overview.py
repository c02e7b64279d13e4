"""The town overview: every unit, ranked by the estimated index (without a methodology: by targets
met, then estimated 766 points)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cchc_lib.core.periods import parse_period
from cchc_lib.reports.overview import overview_table

ROOT = Path(__file__).resolve().parents[2]


def test_ranking_rule(sample_tables):
    period = parse_period("2022-01-01..2022-11-30")
    units = sorted(sample_tables["units"].unit_code)
    t = overview_table(sample_tables, period, units)
    assert t["rank"].tolist() == list(range(1, len(units) + 1))
    assert sorted(t.unit_code) == units
    keys = list(zip(-t.targets_met, -t.points_766, strict=True))
    assert keys == sorted(keys)  # most targets met first, then more points
    p2 = t.set_index("unit_code").loc["SAMPLE-P2"]
    # the ward report's figures for Phường 2 (tests/test_end_to_end.py checks them by hand)
    assert (p2.online_procedure_rate_met, p2.postal_procedure_rate_met,
            p2.postal_return_share_met) == (True, False, True)
    assert p2.targets_met == 2


def test_cchc_run_overview(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--overview", "--period",
                          "2022-Q3", "--skip-ingest", "--data", "tests/.sample_processed",
                          "--reports", str(tmp_path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "2022-Q3/overview/town_overview.html").read_text(encoding="utf-8")
    assert "Tổng hợp Chỉ số CCHC" in html and "quý III năm 2022" in html
    assert "<script" not in html and "Phường An Đôn" in html


def test_run_needs_a_unit_or_the_overview():
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--period", "2022"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "--unit" in run.stderr and "Traceback" not in run.stderr


def test_the_overview_and_the_scorecard_rank_alike(sample_tables):
    """One ranking: the overview orders units by the scorecard's estimated index."""
    from cchc_lib.reports.overview import town_overview
    from cchc_lib.reports.scorecard import scorecard

    overview = town_overview("2022", ROOT / "tests/.sample_processed").table
    card = scorecard("SAMPLE-P2", 2022, ROOT / "tests/.sample_processed").ranks
    assert overview.unit_code.tolist() == card.unit_code.tolist()
    assert overview["index"].tolist() == card["index"].tolist()
    # ties would fall to targets met; the indexes here are all different
    assert overview["index"].is_monotonic_decreasing
