"""The log of unattended runs: each command appends one Vietnamese entry to logs/cchc.log of
its project (UTF-8 whatever the console), --quiet leaves only problems on the console (the log
still has everything), the log rotates, and a log that cannot be written fails nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from cchc_lib.core import runlog

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data/raw/sample/catalog.yml"


def _project(tmp_path: Path) -> tuple[Path, dict]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalog.yml").write_text(f"include: {SAMPLE}\n", encoding="utf-8")
    return tmp_path, {**os.environ, "CCHC_PROJECT_DIR": str(tmp_path),
                      "PYTHONIOENCODING": "cp1258"}


def _cchc(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=300)


def test_a_quiet_scheduled_ingest_and_a_mistyped_period_each_leave_an_entry(tmp_path):
    root, env = _project(tmp_path)
    done = _cchc(env, "ingest", "--quiet")
    assert done.returncode == 0 and done.stdout == b""  # nothing for cron to mail
    failed = _cchc(env, "run", "--unit", "SAMPLE-P2", "--period", "quý ba")
    assert failed.returncode == 2
    log = (root / "logs" / "cchc.log").read_text(encoding="utf-8")
    first, second = log.split("\n2")[0], "2" + log.split("\n2", 1)[1]
    assert first.splitlines()[0].split(" | ")[1:] == ["cchc ingest --quiet", "xong"]
    assert "Tự chấm điểm: 100 dòng dữ liệu, nhận 100, cách ly 0" in first
    assert "đã ghi vào" in first
    assert second.splitlines()[0].split(" | ")[1] == "cchc run --unit SAMPLE-P2 --period 'quý ba'"
    assert "dừng vì lỗi (mã 2)" in second and "không phải kỳ báo cáo" in second
    assert datetime.strptime(log[:19], "%Y-%m-%d %H:%M:%S")


def test_the_log_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(runlog, "MAX_BYTES", 2000)
    for i in range(200):
        runlog.append(tmp_path, runlog.entry(["run", "--unit", f"P{i}"], 0, ["x" * 100], []))
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["cchc.log", *[f"cchc.log.{k}" for k in range(1, runlog.BACKUPS + 1)]]
    assert all(p.stat().st_size <= 2000 for p in (tmp_path / "logs").iterdir())


def test_a_log_that_cannot_be_written_fails_nothing(tmp_path):
    (tmp_path / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert runlog.append(tmp_path, "entry") is None
