"""The command's output where Windows puts it: a redirect in the ANSI code page (simulated
here with PYTHONIOENCODING=cp1258, what a Vietnamese-locale PC gives Task Scheduler and
`> log.txt`), a pipe whose reader goes away, and `python -m cchc_lib` where the `cchc` script
is not on the PATH. (A real Windows console is UTF-8 for Python already; not run here.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CCHC = [sys.executable, "-m", "cchc_lib"]


def _redirected(tmp_path: Path, *args: str, encoding: str = "cp1258") -> tuple[int, str, str]:
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out, "wb") as o, open(err, "wb") as e:
        code = subprocess.run([*CCHC, *args], cwd=ROOT, stdout=o, stderr=e, timeout=300,
                              env={**os.environ, "PYTHONIOENCODING": encoding}).returncode
    return code, out.read_bytes().decode("utf-8"), err.read_bytes().decode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252", "ascii"])
def test_vietnamese_reaches_an_ansi_coded_redirect_as_utf8(tmp_path, encoding):
    code, out, err = _redirected(tmp_path, "--help", encoding=encoding)
    assert code == 0 and "Sổ tay Chỉ số CCHC" in out and not err
    code, out, err = _redirected(tmp_path, "run", "--unit", "P2", "--period", "quý 3",
                                 encoding=encoding)
    assert code == 2 and "không phải kỳ báo cáo" in err and "Traceback" not in err


def test_an_ingest_logged_to_a_file_on_a_vietnamese_windows_pc(tmp_path):
    code, out, err = _redirected(tmp_path, "ingest", "--catalog",
                                 "data/raw/sample/catalog.yml", "--out", str(tmp_path / "p"))
    assert code == 0, err
    assert "Tự chấm điểm: 100 dòng dữ liệu, nhận 100" in out
    assert "Traceback" not in err


def test_a_reader_that_goes_away_ends_the_output_quietly():
    for args in (["--version"], ["--help"], ["ingest", "--help"]):
        done = subprocess.run(["sh", "-c", " ".join([*CCHC, *args]) + " | true"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.stderr == "", (args, done.stderr)


def test_python_m_runs_the_command():
    done = subprocess.run([*CCHC, "--version"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "cchc-workbook" in done.stdout
