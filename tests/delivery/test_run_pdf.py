"""`cchc run --pdf`, as a user types it: the plan report's page and its Word document each get
a PDF beside them, printed by the real programs; on a PC without them, the run still makes
its reports, exits 0, and says in one line per program what was not printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from cchc_lib.delivery import pdf
from tests.conftest import missing_program

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = "data/raw/sample/catalog.yml"


def run_plan(reports: Path, data: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2", "--period", "2022",
         "--report", "plan", "--skip-ingest", "--catalog", SAMPLE_CATALOG, "--data", str(data),
         "--reports", str(reports), "--as-of", "2022-11-15", "--pdf"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def test_run_pdf_prints_the_page_and_the_word_document(sample_processed, tmp_path):
    if pdf.find_chromium() is None:
        missing_program("Chromium", "apt-get install chromium")
    if pdf.find_soffice() is None:
        missing_program("LibreOffice", "apt-get install libreoffice-writer-nogui")
    reports = tmp_path / "reports"
    run = run_plan(reports, sample_processed)
    assert run.returncode == 0, run.stderr
    folder = reports / "2022" / "SAMPLE-P2"
    for name in ("plan_progress.pdf", "bao_cao_ke_hoach.pdf"):
        assert str(folder / name) in run.stdout.splitlines()
        reader = PdfReader(str(folder / name))
        assert len(reader.pages) >= 1
        assert "Kế hoạch số 99/KH-UBND" in " ".join(p.extract_text() for p in reader.pages)


def test_run_pdf_without_the_programs_says_so_and_makes_the_reports(sample_processed,
                                                                     tmp_path):
    """A PATH that holds Python alone (and no Program Files: simulated Linux office PC)."""
    reports = tmp_path / "reports"
    env = {k: v for k, v in os.environ.items() if k not in ("PATH",)}
    env["PATH"] = str(Path(sys.executable).parent)
    run = run_plan(reports, sample_processed, env)
    assert run.returncode == 0, run.stderr
    folder = reports / "2022" / "SAMPLE-P2"
    assert (folder / "bao_cao_ke_hoach.docx").exists() and (folder / "plan_progress.html").exists()
    assert not list(folder.glob("*.pdf"))
    said = [line for line in run.stderr.splitlines() if "PDF" in line]
    assert len(said) == 2, run.stderr  # one line per missing program
    assert any("Chromium" in line for line in said) and any("LibreOffice" in line for line in said)
    assert "Traceback" not in run.stderr
