"""Unattended runs: every unit, a failing unit does not stop the others, a lock stops
overlapping runs, and a run killed midway leaves the last good reports in place."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from cchc_lib.core.periods import resolve_relative
from cchc_lib.core.request import run_request
from cchc_lib.delivery.schedule import run_all_units

ROOT = Path(__file__).resolve().parents[2]
DATA = "tests/.sample_processed"


def cchc_run(reports: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cchc_lib.cli", "run", "--all-units", "--period", "2022-Q3",
            "--skip-ingest", "--data", DATA, "--reports", str(reports), *extra]


def test_relative_periods_for_cron():
    assert resolve_relative("last-month", date(2023, 1, 5)) == "2022-12"
    assert resolve_relative("last-quarter", date(2022, 11, 28)) == "2022-Q3"
    assert resolve_relative("last-quarter", date(2023, 2, 1)) == "2022-Q4"
    assert resolve_relative("last-year", date(2023, 2, 1)) == "2022"
    assert resolve_relative("this-year", date(2022, 11, 15)) == "2022-YTD@2022-11-15"


def test_a_failing_unit_does_not_stop_the_others(tmp_path):
    request = run_request("2022-Q3", ["NO-SUCH-UNIT", "SAMPLE-P2"], data=DATA,
                          reports_dir=tmp_path, ingest=False, jobs=2)
    outcomes = run_all_units(request)
    by_unit = {o.unit_code: o for o in outcomes}
    assert by_unit["SAMPLE-P2"].ok
    assert (tmp_path / "2022-Q3/SAMPLE-P2/ward_report.html").is_file()
    bad = by_unit["NO-SUCH-UNIT"]
    assert not bad.ok and "không có đơn vị 'NO-SUCH-UNIT'" in bad.message
    assert bad.log.read_text(encoding="utf-8").startswith("failed:")


def test_a_second_run_waits_for_the_lock_then_stops_having_touched_nothing(tmp_path):
    """Two real processes: the first holds the project lock (a run in progress), the second
    waits its bounded time, exits 2 and writes nothing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time\nfrom cchc_lib.core.lock import project_lock\n"
         "with project_lock():\n    print('held', flush=True)\n    time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        run = subprocess.run(cchc_run(tmp_path / "reports"), cwd=ROOT, capture_output=True,
                             text=True, timeout=120, env={**os.environ, "CCHC_LOCK_WAIT": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 2
    assert "một lệnh khác đang ghi" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "reports").exists()


def test_killed_run_leaves_reports_intact_and_the_next_run_succeeds(tmp_path):
    first = subprocess.run(cchc_run(tmp_path), cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.html")}
    assert len(before) == 5
    second = subprocess.Popen(cchc_run(tmp_path), cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(6)  # kernels running, some files being replaced
    os.killpg(second.pid, signal.SIGKILL)
    second.wait(timeout=30)
    for path in before:  # every report is still there, whole: the old one or a new one
        text = path.read_text(encoding="utf-8")
        assert text.rstrip().endswith("</html>") and "Biểu số 06/VPCP/KSTT" in text
    third = subprocess.run(cchc_run(tmp_path), cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert third.returncode == 0, third.stderr
    assert "đã lập báo cáo 5/5 đơn vị" in third.stdout
