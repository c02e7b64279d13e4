"""Shared fixtures. The sample is ingested once per session into tests/.sample_processed,
the folder the golden notebooks (nbval) read."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # tools/ (the sample generator, the golden notebooks)
    sys.path.insert(0, str(ROOT))
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"
SAMPLE_PROCESSED = ROOT / "tests/.sample_processed"
# CI sets it (.ci/run): a test that needs a system program (Chromium, Java) fails without it;
# on a developer's machine without root to install them, it is skipped, and said
REQUIRE_SYSTEM = os.environ.get("CCHC_CI") == "1"

# hypothesis: HYPOTHESIS_PROFILE=slow runs the property tests that follow the profile
# (tests/ingest/test_generated_exports.py) on thousands of random examples instead of the
# fixed, derandomized few of `make test`
settings.register_profile("slow", max_examples=3000, deadline=None, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def missing_program(what: str, install: str) -> None:
    """Fail (CI) or skip loudly (elsewhere) a test whose system program is not installed."""
    message = f"{what} is missing: `make test` installs it as root ({install})"
    if REQUIRE_SYSTEM:
        pytest.fail(message)
    pytest.skip(f"SKIPPED, NOT RUN: {message}; CI always runs this test")


def pytest_sessionstart(session):
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.chdir(ROOT)
    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.delivery.notebooks import ensure_kernel
    from cchc_lib.ingest.pipeline import ingest
    from cchc_lib.ingest.store import write_processed

    # `make test` runs the suite in several processes (pytest-xdist): the first session (the
    # one that starts the others) writes the sample; the others, started after, inherit the
    # mark and read it (a process started alone writes it: the write is atomic and locked)
    if os.environ.get("CCHC_TEST_SAMPLE_WRITTEN") == str(SAMPLE_PROCESSED):
        return
    ensure_kernel()  # nbval runs the golden notebooks on this environment's kernel
    write_processed(ingest(load_catalog(SAMPLE_CATALOG)), SAMPLE_PROCESSED)
    os.environ["CCHC_TEST_SAMPLE_WRITTEN"] = str(SAMPLE_PROCESSED)


@pytest.fixture(scope="session")
def sample_tables() -> dict[str, pd.DataFrame]:
    from cchc_lib.ingest.store import read_processed

    return read_processed(SAMPLE_PROCESSED)


@pytest.fixture(scope="session")
def sample_processed() -> Path:
    """The folder of the sample's processed Parquet tables."""
    return SAMPLE_PROCESSED


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> dict[str, Path]:
    """`cchc run` for Phường 2, 2022 on the sample, as the cron job would: ingest notebook,
    report notebook and HTML, all through papermill, into a temporary reports folder."""
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("run")
    args = [sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2", "--period", "2022",
            "--catalog", str(SAMPLE_CATALOG), "--data", str(base / "processed"),
            "--reports", str(base / "reports")]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    folder = base / "reports" / "2022" / "SAMPLE-P2"
    return {"base": base, "folder": folder, "stdout": run.stdout, "stderr": run.stderr,
            "processed": base / "processed"}


@pytest.fixture
def own_project(tmp_path_factory) -> dict:
    """The environment of a command run in a workbook folder of its own (its own lock and
    log, the sample's catalog included): a long command then never holds the checkout's lock
    while other tests, in other processes, wait for it."""
    folder = tmp_path_factory.mktemp("project")
    (folder / "data").mkdir()
    (folder / "data" / "catalog.yml").write_text(f"include: {SAMPLE_CATALOG}\n",
                                                 encoding="utf-8")
    return {**os.environ, "CCHC_PROJECT_DIR": str(folder)}
