"""No dead ends around the plan report: a plan without tasks still gets its report (saying
so), a unit without a plan is told in one line which file to complete, by `cchc run` and by
`cchc email` alike, and a plan report asked beside others is skipped aloud."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = "data/raw/sample/catalog.yml"


def cchc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def without_tasks(sample_processed, tmp_path) -> Path:
    data = tmp_path / "processed"
    shutil.copytree(sample_processed, data)
    for name in ("plan_tasks", "plan_progress"):
        table = pd.read_parquet(data / f"{name}.parquet")
        table.iloc[:0].to_parquet(data / f"{name}.parquet", index=False)
    return data


def test_a_plan_without_tasks_gets_its_report_saying_so(without_tasks, tmp_path):
    reports = tmp_path / "reports"
    run = cchc("run", "--unit", "SAMPLE-P2", "--period", "2022", "--report", "plan",
               "--skip-ingest", "--catalog", SAMPLE_CATALOG, "--data", str(without_tasks),
               "--reports", str(reports), "--as-of", "2022-11-15")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    folder = reports / "2022" / "SAMPLE-P2"
    page = (folder / "plan_progress.html").read_text(encoding="utf-8")
    assert "chưa có nhiệm vụ nào" in page
    assert (folder / "bao_cao_ke_hoach.docx").is_file()


def one_line(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return lines[0]


def test_a_unit_without_a_plan_is_told_which_file_to_complete(sample_processed, tmp_path):
    reports = tmp_path / "reports"
    base = ("--unit", "SAMPLE-P1", "--period", "2022", "--report", "plan", "--data",
            str(sample_processed), "--reports", str(reports))
    line = one_line(cchc("run", *base, "--skip-ingest", "--catalog", SAMPLE_CATALOG))
    assert "chưa có kế hoạch năm 2022" in line
    assert "so_theo_doi_2022.xlsx, trang tính “Kế hoạch”" in line
    assert not (reports / "2022" / "SAMPLE-P1" / "plan_progress.html").exists()
    mail = one_line(cchc("email", *base, "--dry-run"))
    assert "chưa có kế hoạch năm 2022" in mail and "cchc run" not in mail


def test_a_plan_report_asked_beside_others_is_skipped_aloud(sample_processed, tmp_path):
    run = cchc("run", "--unit", "SAMPLE-P1", "--period", "2022-Q3", "--report", "ward,plan",
               "--skip-ingest", "--catalog", SAMPLE_CATALOG, "--data", str(sample_processed),
               "--reports", str(tmp_path / "reports"))
    assert run.returncode == 0, run.stderr
    assert "không lập báo cáo kết quả thực hiện kế hoạch: " in run.stderr
    assert (tmp_path / "reports" / "2022-Q3" / "SAMPLE-P1" / "ward_report.html").is_file()
