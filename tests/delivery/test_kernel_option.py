"""`--kernel` mistyped: one line naming the kernels installed, exit 2, before anything is
ingested or written, and no kernel installed under the typo (it used to be)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_mistyped_kernel_stops_and_installs_nothing(tmp_path):
    kernels = Path(sys.prefix) / "share" / "jupyter" / "kernels"
    before = sorted(p.name for p in kernels.iterdir()) if kernels.is_dir() else []
    for args in (["--unit", "SAMPLE-P2"], ["--overview"]):
        run = subprocess.run(
            [sys.executable, "-m", "cchc_lib", "run", *args, "--period", "2022", "--kernel",
             "cchc-khong-co", "--data", str(tmp_path / "d"), "--reports", str(tmp_path / "r")],
            cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 2, run.stderr
        (line,) = run.stderr.strip().splitlines()
        assert line.startswith("cchc: lỗi: --kernel: không có kernel Jupyter 'cchc-khong-co'")
        assert "đã cài: " in line and "cchc" in line
    after = sorted(p.name for p in kernels.iterdir()) if kernels.is_dir() else []
    assert after == before and "cchc-khong-co" not in after
    assert not list(tmp_path.iterdir())  # nothing ingested, no report folder
