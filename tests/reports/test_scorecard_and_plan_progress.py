"""The scorecard and plan-progress reports on the sample: figures traced to their inputs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from cchc_lib.indicators.results import all_indicators
from cchc_lib.par.scoring import FLAG_NO_EVIDENCE, band_points
from cchc_lib.reports.plan_progress import plan_progress
from cchc_lib.reports.scorecard import scorecard

ROOT = Path(__file__).resolve().parents[2]
DATA = "tests/.sample_processed"


def test_scorecard_traces_to_indicators_and_self_assessment(sample_tables):
    card = scorecard("SAMPLE-P2", 2022, DATA)
    s = card.scored.set_index("id")
    values = all_indicators(sample_tables, "SAMPLE-P2", "2022")
    values = values[values.field.isna()].set_index("indicator").value
    for cid, indicator in (("3.4", "online_procedure_rate"), ("7.2", "postal_procedure_rate"),
                           ("7.3", "postal_return_share"), ("3.2", "on_time_rate")):
        assert s.loc[cid, "value"] == values[indicator]
        assert s.loc[cid, "points"] == band_points(card.method.criteria[cid].bands,
                                                   values[indicator])
    sa = sample_tables["self_assessment"]
    mine = sa[(sa.unit_code == "SAMPLE-P2") & (sa.year == 2022)].set_index("criterion_id")
    assert s.loc["1.2", "points"] == mine.loc["1.2", "points"]
    assert s.loc["1.4", "flag"] == FLAG_NO_EVIDENCE  # scored, no evidence in the sample
    top = card.scored[card.scored.level == 1]
    assert card.summary["points"] == top.points.sum()
    assert card.summary["index"] == top.points.sum() / card.method.max_points * 100


def test_points_lost_sorted_and_2021_lost_points_shown():
    card = scorecard("SAMPLE-P2", 2022, DATA)
    lost = card.lost
    assert (lost.recoverable.diff().dropna() <= 0).all()  # most recoverable first
    before = lost.set_index("id").points_before
    # the sample's 2021 results: Phường 2 lost points where the plan acts (section I, II, III)
    assert before["1.5"] == 0 and before["3.4"] == 0 and before["7.2"] == 1
    assert len(card.ranks) == 5 and card.ranks["rank"].tolist() == [1, 2, 3, 4, 5]


def test_plan_progress_as_of_15_november():
    p = plan_progress("SAMPLE-P2", 2022, "2022-11-15", DATA)
    t = p.tasks.set_index("task_id")
    assert t.index.tolist() == ["I.1", "I.2", "II.1", "III.1"]
    assert t.loc["I.1", "lead"] == "Công chức VP-TK"
    assert t.loc["I.1", "timeframe"].startswith("Quý II, Quý III năm 2022 (01/04/2022–30/09/2022")
    assert t.loc["I.1", "status"] == "done"  # "Hoàn thành" on 28/09 in the sample log
    assert "Quyết định số 120/QĐ-UBND" in t.loc["I.1", "evidence"]
    assert t.loc["III.1", "status"] == "at_risk"  # blocker reported on 25/10
    assert t.loc["III.1", "indicators"] == ["postal_procedure_rate", "postal_return_share"]
    plan = p.plan.set_index("indicator")
    assert plan.loc["postal_return_share", "target"] == 0.15
    assert str(plan.loc["online_procedure_rate", "period"]) == "2022-YTD@2022-11-15"


def test_run_writes_all_three_unit_reports(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--report", "scorecard,plan", "--as-of",
                          "2022-11-15", "--skip-ingest", "--data", DATA, "--reports",
                          str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "2022/SAMPLE-P2"
    html = (folder / "plan_progress.html").read_text(encoding="utf-8")
    assert "Báo cáo kết quả thực hiện Kế hoạch số 99/KH-UBND" in html and "15/11/2022" in html
    assert "<script" not in html
    card = (folder / "scorecard.html").read_text(encoding="utf-8")
    assert "Điểm bị mất theo tiêu chí" in card and "mẫu" in card
    bad = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--report", "budget", "--skip-ingest", "--data",
                          DATA], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "không có báo cáo budget" in bad.stderr


def test_malformed_methodology_stops_ingest_with_its_line(tmp_path):
    text = (ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml").read_text(encoding="utf-8")
    broken = tmp_path / "m.yml"
    broken.write_text(text.replace("{min: 0.50, points: 4}", "{min: 0.40, points: 4}", 1),
                      encoding="utf-8")
    catalog = tmp_path / "catalog.yml"
    catalog.write_text(f"include: {ROOT / 'data/raw/sample/catalog.yml'}\n"
                       f"methodology: {{path: {broken}}}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "ingest", "--catalog",
                          str(catalog), "--out", str(tmp_path / "out")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert re.search(r"m\.yml, dòng \d+: tiêu chí 3\.4: các mức điểm chồng lên nhau", run.stderr)
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_every_units_index_from_one_query_equals_each_units_own(sample_tables):
    """The scorecard and the overview rank units by indexes computed together (one engine
    query); each must be what the unit's own score gives."""
    from cchc_lib.par.scoring import processed_methodology, unit_score, unit_scores

    method = processed_methodology(ROOT / DATA)
    units = sorted(sample_tables["units"].unit_code)
    for year in (2021, 2022):
        together = {u: summary["index"] for u, (_, summary)
                    in unit_scores(method, sample_tables, units, year).items()}
        assert together == {u: unit_score(method, sample_tables, u, year)[1]["index"]
                            for u in units}
    assert together["SAMPLE-P2"] == 87.15  # the sample's Phường 2, as its scorecard shows
