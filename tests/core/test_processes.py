"""Worker processes the way each platform starts them. Windows has no forkserver (nor fork):
its only start method, spawn, is forced here on Linux (CCHC_START_METHOD=spawn), which runs
the same path a Windows PC runs: a fresh interpreter per worker, the function and its
arguments pickled by name. (What Windows itself does beyond spawn, these tests cannot see.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from cchc_lib.core.catalog import load_catalog
from cchc_lib.core.processes import START_METHOD_ENV, process_context, start_method
from cchc_lib.core.schema import DOSSIERS
from cchc_lib.ingest.parse import parse_in_parallel, parse_source

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"


def test_the_method_chosen_by_what_the_platform_has(monkeypatch):
    monkeypatch.delenv(START_METHOD_ENV, raising=False)
    assert start_method(["fork", "spawn", "forkserver"]) == "forkserver"  # Linux
    assert start_method(["spawn"]) == "spawn"                             # Windows
    assert start_method(["spawn", "fork", "forkserver"]) == "forkserver"  # macOS
    monkeypatch.setenv(START_METHOD_ENV, "spawn")
    assert start_method(["fork", "spawn", "forkserver"]) == "spawn"
    monkeypatch.setenv(START_METHOD_ENV, "forkserver")  # forced, but missing: the fallback
    assert start_method(["spawn"]) == "spawn"
    assert process_context().get_start_method() == "forkserver"


def test_the_parallel_ingest_under_spawn_reads_as_one_process_does(monkeypatch):
    """Every dossier export of the sample parsed in two spawned workers: the same blocks,
    rows and reports as parsed here, in order."""
    monkeypatch.setenv(START_METHOD_ENV, "spawn")
    assert process_context().get_start_method() == "spawn"
    catalog = load_catalog(SAMPLE_CATALOG)
    sources = list(catalog.dossiers)
    spawned = parse_in_parallel(sources, DOSSIERS, catalog, 2)
    assert spawned is not None, "no spawned worker started"
    here = [parse_source(s, DOSSIERS, catalog) for s in sources]
    assert len(spawned) == len(here) == 6
    for theirs, ours in zip(spawned, here, strict=True):
        for (f1, _, r1), (f2, _, r2) in zip(theirs, ours, strict=True):
            pd.testing.assert_frame_equal(f1, f2)
            assert r1 == r2


def test_every_unit_under_spawn(tmp_path, own_project):
    """`cchc run --all-units` with spawned workers (two units, two workers): both reports
    written, one line per unit, nothing left over."""
    env = {**own_project, START_METHOD_ENV: "spawn"}
    run = subprocess.run(
        [sys.executable, "-m", "cchc_lib.cli", "run", "--all-units", "--period", "2022-Q3",
         "--skip-ingest", "--data", str(ROOT / "tests/.sample_processed"), "--reports",
         str(tmp_path), "--jobs", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    pages = sorted(p.parent.name for p in tmp_path.glob("2022-Q3/*/ward_report.html"))
    assert pages == ["SAMPLE-AD", "SAMPLE-HL", "SAMPLE-P1", "SAMPLE-P2", "SAMPLE-P3"]


def test_the_whole_ingest_under_spawn(tmp_path, sample_tables, own_project):
    """`cchc ingest --full` with spawned workers for the exports (threshold lowered): the
    same tables as the session's ingest."""
    env = {**own_project, START_METHOD_ENV: "spawn", "CCHC_PARALLEL_MIN_MB": "0"}
    run = subprocess.run([sys.executable, "-m", "cchc_lib", "ingest", "--full", "--catalog",
                          str(SAMPLE_CATALOG), "--out", str(tmp_path / "p")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    from cchc_lib.ingest.result import SOURCE_COLUMNS
    from cchc_lib.ingest.store import read_processed

    got = read_processed(tmp_path / "p")
    for name in ("dossiers", "self_assessment", "units"):  # (files named from its project)
        pd.testing.assert_frame_equal(got[name].drop(columns=SOURCE_COLUMNS),
                                      sample_tables[name].drop(columns=SOURCE_COLUMNS), obj=name)


def test_workers_take_the_commands_environment_of_now(monkeypatch):
    """A forkserver started before the command took its lock holds the environment of then:
    the workers are given the command's environment of now (the lock marker with it)."""
    from concurrent.futures import ProcessPoolExecutor

    from cchc_lib.core.processes import worker_arguments

    monkeypatch.delenv(START_METHOD_ENV, raising=False)
    context = process_context()
    with ProcessPoolExecutor(1, mp_context=context) as early:  # the server starts now
        assert early.submit(os.getenv, "CCHC_LOCK_HELD").result() is None
    monkeypatch.setenv("CCHC_LOCK_HELD", "/project/.cchc.lock|1")
    with ProcessPoolExecutor(1, mp_context=context, **worker_arguments()) as pool:
        assert pool.submit(os.getenv, "CCHC_LOCK_HELD").result() == "/project/.cchc.lock|1"
