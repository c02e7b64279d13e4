"""A province-size scheduled run: `cchc run --all-units --report all` (ward report, PAR scorecard
and plan report, each with its HTML, Biểu 06 files, Word document and evidence checklist) for
N units on this machine's cores.

    .venv/bin/python benchmarks/bench_province.py [--units 150] [--jobs 2]

The units are the sample's five, each cloned N/5 times under its own code: its dossiers, its
self-assessment, its official results and a copy of Phường 2's plan (so every unit has the three
reports). The reference, timed in the same run, is one unit's three reports through the same
command: the ratio says what a unit costs in the batch against on its own.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests/.sample_processed"


def province(folder: Path, units: int) -> list[str]:
    """``units`` units cloned from the sample's, written as processed tables in ``folder``."""
    sys.path.insert(0, str(ROOT))
    from cchc_lib.ingest.store import read_processed

    t = read_processed(SAMPLE)
    folder.mkdir(parents=True)
    for f in SAMPLE.iterdir():  # methodology, calendar, the ingest's own records
        if f.is_file():
            shutil.copy(f, folder / f.name)
    sample_units = list(t["units"].unit_code)
    clones = {f"{sample_units[i % 5]}-{i:03d}": sample_units[i % 5] for i in range(units)}

    def cloned(table: pd.DataFrame, **renames) -> pd.DataFrame:
        parts = []
        for code, source in clones.items():
            part = table[table.unit_code == source].copy()
            part["unit_code"] = code
            for column, make in renames.items():
                part[column] = make(code, part[column])
            parts.append(part)
        return pd.concat(parts, ignore_index=True)

    out = {
        "dossiers": cloned(t["dossiers"], dossier_id=lambda c, s: c + "/" + s.astype(str)),
        "units": cloned(t["units"], unit_name=lambda c, s: "Đơn vị " + c[-3:]),
        "self_assessment": cloned(t["self_assessment"]),
        "official_results": cloned(t["official_results"]),
        "quarantine": cloned(t["quarantine"]),
    }
    plan = t["plans"].iloc[0]
    out["plans"] = pd.DataFrame([{**plan.to_dict(), "unit_code": c, "plan_id": f"{c}-KH"}
                                 for c in clones]).astype(t["plans"].dtypes.to_dict())
    out["plan_tasks"] = pd.concat([t["plan_tasks"].assign(plan_id=f"{c}-KH") for c in clones],
                                  ignore_index=True)
    own = t["targets"][t["targets"].unit_code.notna()]
    out["targets"] = pd.concat([t["targets"][t["targets"].unit_code.isna()]]
                               + [own.assign(unit_code=c) for c in clones], ignore_index=True)
    for name, frame in out.items():
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    return list(clones)


def timed(data: Path, reports: Path, *args: str) -> float:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--period", "2022",
                          "--report", "all", "--skip-ingest", "--data", str(data),
                          "--reports", str(reports), *args],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stdout[-3000:] + run.stderr[-3000:])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        codes = province(tmp / "data", args.units)
        one = timed(tmp / "data", tmp / "one", "--unit", codes[1])
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        every = timed(tmp / "data", tmp / "all", "--all-units", *jobs)
        made = sorted(p.name for p in (tmp / "all" / "2022").glob("*/*.html"))
        print(f"{args.units} units, {len(made)} HTML reports: {every:6.1f} s wall "
              f"({every / max(len(made), 1):.2f} s a report)")
        print(f"  one unit's 3 reports alone (reference): {one:5.1f} s; "
              f"a unit in the batch costs {every / args.units / one:.2f}x that")


if __name__ == "__main__":
    main()
