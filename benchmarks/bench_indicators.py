"""Every indicator for every unit × month on 1 M and 10 M synthetic dossiers: the library's
batch engine (cchc_lib.indicators.batch) against DuckDB SQL (benchmarks/duckdb_reference.py).

    .venv/bin/python benchmarks/bench_indicators.py [--rows 1000000 10000000] [--units 1000]

The dossiers are generated once per size (numpy, seeded) and written to Parquet; each engine
then runs in a fresh process that reads them, computes, and reports its own wall time and peak
memory (ru_maxrss, data included). The two results are compared cell by cell.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
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
import json, resource, sys, time
import pandas as pd
sys.path.insert(0, sys.argv[4])
d = pd.read_parquet(sys.argv[1])
cat = pd.read_parquet(sys.argv[2])
t = time.perf_counter()
if sys.argv[3] == "library":
    from cchc_lib.indicators.batch import monthly_indicators
    out = monthly_indicators(d, cat)
else:
    from duckdb_reference import reference
    out = reference(d, cat)
seconds = time.perf_counter() - t
cols = [c for c in out.columns if c == "unit_code" or c == "period" or c.endswith(("_num", "_den"))
        or c in ("received_online", "received_direct_postal", "carried_over", "received_total",
                 "resolved_early", "resolved_on_time", "resolved_late", "resolved_total",
                 "pending_in_time", "pending_overdue", "pending_total")]
out[cols].to_parquet(sys.argv[5])
print(json.dumps({"seconds": seconds, "rows_out": len(out),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(engine: str, data: Path, cat: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(data), str(cat), engine,
                           str(ROOT / "benchmarks"), str(out)], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--units", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from cchc_lib.ingest.store import read_processed

    catalogue = read_processed(ROOT / "tests/.sample_processed")["catalogue"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        catalogue.to_parquet(tmp / "catalogue.parquet")
        for rows in args.rows:
            synthetic(rows, args.units).to_parquet(tmp / "d.parquet")
            lib = run("library", tmp / "d.parquet", tmp / "catalogue.parquet", tmp / "lib.parquet")
            ref = run("duckdb", tmp / "d.parquet", tmp / "catalogue.parquet", tmp / "ref.parquet")
            a = pd.read_parquet(tmp / "lib.parquet")
            b = pd.read_parquet(tmp / "ref.parquet")[a.columns]
            equal = a.astype(str).equals(b.astype(str).reset_index(drop=True)) or all(
                a[c].astype(str).tolist() == b[c].astype(str).tolist() for c in a.columns)
            print(f"{rows:>11,} dossiers, {args.units} units, {lib['rows_out']:,} unit-months "
                  f"x {a.shape[1] - 2} figures: equal results: {equal}")
            for name, r in (("cchc_lib.indicators.batch", lib), ("DuckDB SQL", ref)):
                print(f"    {name:<15} {r['seconds']:7.1f} s   peak {r['peak_mb']:8,.0f} MB")


if __name__ == "__main__":
    main()
