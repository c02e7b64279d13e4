"""Every indicator for every unit × month, by the DuckDB engine (cchc_lib.indicators.engine)
reading Parquet directly, against a reference taken in the same run: DuckDB scanning the same
files and counting dossiers per unit × month (the floor any engine pays to read them). With
``--spark``, the same queries on Spark in local mode (cchc_lib.indicators.spark).

    .venv/bin/python benchmarks/bench_indicators.py [--rows 1000000 10000000] [--units 1000]
    .venv/bin/python benchmarks/bench_indicators.py --rows 100000000 --units 10000 \\
        --unit-groups 16 --tmp /var/tmp

Dossiers are generated (numpy, seeded) in chunks and written as Parquet partitioned by year
(``year=2021/``, ``year=2022/``), never held whole in memory; each engine then runs in a fresh
process that reports its own wall time and peak resident memory (VmHWM).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
STATUSES = ["returned", "resolved", "processing", "supplement_requested", "awaiting_payment",
            "withdrawn", "stopped", "not_accepted", "registered"]
STATUS_P = [0.80, 0.08, 0.04, 0.01, 0.01, 0.02, 0.01, 0.02, 0.01]


def synthetic(rows: int, units: int, seed: int = 766) -> pd.DataFrame:
    """Dossiers over 2021-2022 for ``units`` units, the sample's 76 procedures, vectorised."""
    rng = np.random.default_rng(seed)
    cat = pd.read_csv(ROOT / "data/raw/sample/catalogue.csv", dtype=str)
    codes = cat["Mã TTHC"].to_numpy()
    weights = rng.pareto(1.2, len(codes)) + 0.05
    proc = rng.choice(len(codes), rows, p=weights / weights.sum())
    days = rng.integers(0, 730, rows)
    received = (pd.Timestamp("2021-01-01") + pd.to_timedelta(days, unit="D")
                + pd.to_timedelta(rng.integers(7 * 60, 17 * 60, rows), unit="m"))
    status = rng.choice(STATUSES, rows, p=STATUS_P)
    ended = np.isin(status, ["returned", "resolved", "withdrawn", "stopped"])
    finished = received + pd.to_timedelta(rng.integers(0, 12, rows), unit="D")
    due = received.normalize() + pd.to_timedelta(rng.integers(0, 10, rows), unit="D") \
        + pd.Timedelta(hours=17)
    returned = finished + pd.to_timedelta(rng.integers(0, 4, rows), unit="D")
    frame = pd.DataFrame({
        "dossier_id": np.arange(rows).astype(str),
        "unit_code": pd.Categorical.from_codes(rng.integers(0, units, rows),
                                               [f"U{i:04d}" for i in range(units)]),
        "procedure_code": pd.Categorical.from_codes(proc, codes),
        "field_name": pd.Categorical(cat["Lĩnh vực"].to_numpy()[proc]),
        "receive_channel": pd.Categorical(rng.choice(["direct", "online", "postal"], rows,
                                                     p=[0.75, 0.15, 0.10])),
        "return_channel": pd.Categorical(rng.choice(["direct", "online", "postal"], rows,
                                                    p=[0.75, 0.10, 0.15])),
        "received_at": received.astype("datetime64[us]"),
        "due_at": pd.Series(due).where(rng.random(rows) > 0.02).astype("datetime64[us]"),
        "finished_at": pd.Series(finished).where(ended).astype("datetime64[us]"),
        "returned_at": pd.Series(returned).where(status == "returned").astype("datetime64[us]"),
        "status": pd.Categorical(status),
        "supplement_requests": rng.choice([0, 1, 2], rows, p=[0.95, 0.04, 0.01]),
        "supplement_days": rng.integers(0, 4, rows).astype(float),
        "paid_online": rng.random(rows) < 0.1,
        "digitized": rng.random(rows) < 0.5,
        "e_result": rng.random(rows) < 0.2,
        "apology_issued": rng.random(rows) < 0.6,
    })
    return frame


CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[3])
import duckdb
folder, which = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if which == "engine":
    from cchc_lib.indicators.figures import monthly
    out = monthly({"dossiers": folder + "/dossiers", "catalogue": folder + "/catalogue.parquet"})
    rows = len(out)
elif which == "spark":  # the same queries on Spark, local mode on this machine's cores
    from cchc_lib.indicators import spark
    session = spark.session("local[*]")
    lo, hi = duckdb.sql(  # the months the engine covers: those the data covers
        "SELECT strftime(min(received_at), '%Y-%m'), strftime(max(greatest(received_at, "
        "finished_at, returned_at)), '%Y-%m') FROM read_parquet('" + folder +
        "/dossiers/**/*.parquet')").fetchall()[0]
    t = time.perf_counter()  # the JVM's start is not the query's cost
    out = spark.monthly(session, {"dossiers": folder + "/dossiers",
                                  "catalogue": folder + "/catalogue.parquet"}, lo, hi)
    rows = len(out)
    session.stop()
else:
    rows = len(duckdb.sql(
        "SELECT unit_code, strftime(received_at, '%Y-%m') AS m, count(*) AS n FROM "
        "read_parquet('" + folder + "/dossiers/**/*.parquet', hive_partitioning = true) "
        "GROUP BY ALL").fetchall())
# VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's size (the generated data)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:"))
print(json.dumps({"seconds": time.perf_counter() - t, "rows_out": rows, "peak_mb": hwm / 1024}))
"""


def run(which: str, folder: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), which, str(ROOT)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def write_dossiers(folder: Path, rows: int, units: int, chunk: int = 5_000_000,
                   groups: int = 0) -> None:
    """``rows`` synthetic dossiers as Parquet partitioned by year (and, with ``groups``, by
    ``unit_group``: the engine then computes one group of units at a time), ``chunk`` rows at
    a time."""
    done = 0
    while done < rows:
        n = min(chunk, rows - done)
        part = synthetic(n, units, seed=766 + done)
        part["dossier_id"] = (part.dossier_id.astype("int64") + done).astype(str)
        years = part.received_at.dt.year.to_numpy()
        unit_index = part.unit_code.cat.codes.to_numpy()
        group = unit_index * groups // units if groups else np.zeros(n, dtype=int)
        for year in np.unique(years):
            for g in np.unique(group):
                target = folder / f"year={year}"
                if groups:
                    target = target / f"unit_group={g:03d}"
                target.mkdir(parents=True, exist_ok=True)
                part[(years == year) & (group == g)].to_parquet(
                    target / f"part-{done:012d}.parquet", index=False)
        done += n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--unit-groups", type=int, default=0,
                        help="also partition by unit group (national size: 16)")
    parser.add_argument("--spark", action="store_true",
                        help="also run the same queries on Spark in local mode (the [spark] "
                        "extra and Java)")
    parser.add_argument("--tmp", default=None, help="folder for the generated files "
                        "(a 100 M-row set takes about 10 GB)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from cchc_lib.ingest.store import read_processed

    catalogue = read_processed(ROOT / "tests/.sample_processed")["catalogue"]
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        tmp = Path(tmp)
        catalogue.to_parquet(tmp / "catalogue.parquet")
        for rows in args.rows:
            start = time.perf_counter()
            write_dossiers(tmp / "dossiers", rows, args.units, groups=args.unit_groups)
            made = time.perf_counter() - start
            ref = run("scan", tmp)
            eng = run("engine", tmp)
            print(f"{rows:>13,} dossiers, {args.units:,} units ({made:.0f} s to generate): "
                  f"{eng['rows_out']:,} unit-months")
            print(f"    engine, every indicator {eng['seconds']:8.1f} s   peak "
                  f"{eng['peak_mb']:8,.0f} MB   = {eng['seconds'] / ref['seconds']:.1f}x the scan")
            print(f"    DuckDB scan, count only {ref['seconds']:8.1f} s   peak "
                  f"{ref['peak_mb']:8,.0f} MB")
            if args.spark:  # its peak is the Python driver's; the JVM's is its heap setting
                sp = run("spark", tmp)
                print(f"    Spark (local), the same {sp['seconds']:8.1f} s   "
                      f"= {sp['seconds'] / ref['seconds']:.1f}x the scan, "
                      f"{sp['seconds'] / eng['seconds']:.1f}x the engine")
            shutil.rmtree(tmp / "dossiers")


if __name__ == "__main__":
    main()
