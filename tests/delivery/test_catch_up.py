"""Runs that catch up: a PC switched off on the 1st did not make last month's reports; the
next scheduled run (`--period last-month --catch-up N`) makes the missing earlier periods
first, oldest first, and leaves the ones already made alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.core.errors import CchcError
from cchc_lib.core.periods import parse_period, periods_before

ROOT = Path(__file__).resolve().parents[2]


def labels(period: str, n: int) -> list[str]:
    return [p.label for p in periods_before(parse_period(period), n)]


def test_the_periods_before_of_each_kind():
    assert labels("2023-02", 3) == ["2022-11", "2022-12", "2023-01"]
    assert labels("2023-Q1", 2) == ["2022-Q3", "2022-Q4"]
    assert labels("2022", 2) == ["2020", "2021"]
    assert labels("2022-09", 0) == []
    assert periods_before(parse_period("2022-09"), 1)[0].end == date(2022, 8, 31)
    for kind in ("2022-H1", "2022-YTD@2022-10-15", "2022-01-01..2022-03-15"):
        with pytest.raises(CchcError, match="--catch-up"):
            periods_before(parse_period(kind), 1)


@pytest.fixture
def one_unit(sample_processed, tmp_path):
    """The sample's processed data with Phường 2 alone (one unit: a short run)."""
    data = tmp_path / "processed"
    shutil.copytree(sample_processed, data)
    units = pd.read_parquet(data / "units.parquet")
    units[units.unit_code == "SAMPLE-P2"].to_parquet(data / "units.parquet", index=False)
    return data


def _run(data: Path, reports: Path, *args: str, env: dict | None = None
         ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib", "run", "--all-units", "--skip-ingest",
                           "--data", str(data), "--reports", str(reports), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, env=env)


def test_a_missed_month_is_made_the_made_one_left(one_unit, tmp_path, own_project):
    reports = tmp_path / "reports"
    first = _run(one_unit, reports, "--period", "2022-08", env=own_project)
    assert first.returncode == 0, first.stderr
    made = reports / "2022-08" / "SAMPLE-P2" / "ward_report.html"
    before = made.stat().st_mtime_ns
    run = _run(one_unit, reports, "--period", "2022-09", "--catch-up", "2", env=own_project)
    assert run.returncode == 0, run.stderr
    assert "đã lập bù báo cáo các kỳ còn thiếu: 2022-07" in run.stdout
    for month in ("2022-07", "2022-08", "2022-09"):
        assert (reports / month / "SAMPLE-P2" / "ward_report.html").is_file(), month
    assert made.stat().st_mtime_ns == before  # not made again


def test_catch_up_is_for_scheduled_runs_of_every_unit(one_unit, tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022-09", "--catch-up", "2", "--skip-ingest", "--data",
                          str(one_unit), "--reports", str(tmp_path / "r")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--catch-up chỉ dùng cùng --all-units" in run.stderr
    run = _run(one_unit, tmp_path / "r", "--period", "2022-H1", "--catch-up", "1")
    assert run.returncode == 2 and "không có kỳ liền trước cùng loại" in run.stderr
    assert not (tmp_path / "r").exists() or not list((tmp_path / "r").rglob("*.html"))
