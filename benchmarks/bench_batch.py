"""Wall time of a scheduled run (`cchc run --all-units`) for the 5 sample units and for 50
synthetic units, on this machine's cores.

    .venv/bin/python benchmarks/bench_batch.py [--units 5 50]

The sample is used as ingested (tests/.sample_processed); the 50-unit set is made by
benchmarks/bench_indicators.synthetic (60,000 dossiers) with the sample's catalogue and
targets. Each run goes through the real command: papermill, one kernel per report, HTML and
the Biểu 06 files. Results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def synthetic_processed(folder: Path, units: int) -> None:
    from bench_indicators import synthetic

    from cchc_lib.ingest.store import read_processed

    sample = read_processed(ROOT / "tests/.sample_processed")
    folder.mkdir(parents=True)
    d = synthetic(1200 * units, units)
    d["unit_code"] = d.unit_code.astype(str)
    for col in ("procedure_code", "field_name", "receive_channel", "return_channel", "status"):
        d[col] = d[col].astype("string")
    codes = sorted(d.unit_code.unique())
    d.to_parquet(folder / "dossiers.parquet")
    pd.DataFrame({"unit_code": codes, "unit_name": [f"Đơn vị {c}" for c in codes],
                  "parent_code": "T", "parent_name": "Thị xã (tổng hợp)"}).to_parquet(
        folder / "units.parquet")
    for name in ("catalogue", "targets", "quarantine"):
        sample[name].to_parquet(folder / f"{name}.parquet")


def timed_run(data: Path, reports: Path) -> float:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--all-units",
                          "--period", "2022", "--skip-ingest", "--data", str(data),
                          "--reports", str(reports)], cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stdout + run.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, nargs="+", default=[5, 50])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.units:
            data = ROOT / "tests/.sample_processed" if n == 5 else tmp / f"data{n}"
            if n != 5:
                synthetic_processed(data, n)
            seconds = timed_run(data, tmp / f"reports{n}")
            print(f"{n:>3} units: {seconds:6.1f} s wall, {seconds / n:.2f} s per unit "
                  "(ward report notebook + HTML + Biểu 06 XLSX/CSV)")


if __name__ == "__main__":
    main()
