"""Ingest speed on big exports: a 1,000,000-row DVCQG CSV and a 200,000-row XLSX.

    .venv/bin/python benchmarks/bench_ingest.py [--rows 1000000] [--xlsx-rows 200000]

The files are made by repeating the shipped sample's exports (new dossier ids per copy, the
CSV's times moved per copy so they are as distinct as a real export's), personal-data columns
included. The reader alone (pyarrow's CSV reader, python-calamine's raw read) is timed on the
same file in the same run: the ratio is what ingest costs over reading. Each ingest runs in a
fresh process, which reports its wall time and peak memory (ru_maxrss). Both are run
--repeat times and the best runs compared (this machine's timings vary by a tenth from run to
run). Results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data/raw/sample"


def tiled(frame: pd.DataFrame, rows: int, id_col: str) -> pd.DataFrame:
    copies = -(-rows // len(frame))
    out = pd.concat([frame] * copies, ignore_index=True).iloc[:rows].copy()
    block = (pd.Series(range(len(out))) // len(frame)).astype(str).str.zfill(3)
    out[id_col] = out[id_col].astype(str) + "-" + block
    return out


DATE_COLUMNS = ("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra")


def make_csv(path: Path, rows: int) -> None:
    """The sample's DVCQG export repeated; each copy's times moved by 7 minutes more than the
    copy before, so the dates are as distinct as a real export's (a repeated sample would
    hold only the sample's few thousand distinct times, and flatter any per-value parsing)."""
    base = pd.read_csv(SAMPLE / "dossiers/dvcqg_2022.csv", dtype=str, keep_default_na=False)
    out = tiled(base, rows, "MaHoSo")
    shift = pd.to_timedelta((pd.Series(range(len(out))) // len(base)) * 7, unit="min")
    for column in DATE_COLUMNS:
        stamps = pd.to_datetime(out[column], format="%Y%m%d%H%M%S", errors="coerce")
        out[column] = (stamps + shift).dt.strftime("%Y%m%d%H%M%S").fillna("")
    out.to_csv(path, index=False)


def make_xlsx(path: Path, rows: int) -> None:
    import xlsxwriter

    base = pd.read_excel(SAMPLE / "dossiers/phuong2_2022.xlsx", engine="calamine", skiprows=5,
                         dtype=object)
    frame = tiled(base, rows, "Mã hồ sơ")
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách hồ sơ")
    ws.write(0, 0, "UBND PHƯỜNG 2 — DANH SÁCH HỒ SƠ (benchmark)")
    ws.write_row(2, 0, list(frame.columns))
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for i, row in enumerate(frame.itertuples(index=False), start=3):
        for j, v in enumerate(row):
            if isinstance(v, pd.Timestamp):
                ws.write_datetime(i, j, v.to_pydatetime(), when)
            elif v is None or (isinstance(v, float) and v != v):
                continue
            else:
                ws.write(i, j, v)
    wb.close()


CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import write_processed
catalog = with_overrides(load_catalog(sys.argv[1]), dossiers=[sys.argv[2]],
                         unit=sys.argv[3] or None)
t1 = time.perf_counter()
result = ingest(catalog)
t2 = time.perf_counter()
write_processed(result, sys.argv[4])
t3 = time.perf_counter()
d = [f for f in result.files if f.table == "dossiers"]
print(json.dumps({"rows_in": sum(f.rows_in for f in d), "accepted": sum(f.accepted for f in d),
                  "quarantined": sum(f.quarantined for f in d), "ingest_s": t2 - t1,
                  "write_s": t3 - t2, "total_s": t3 - t0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


READER = """
import sys, time
t = time.perf_counter()
if sys.argv[1].endswith(".csv"):
    import pyarrow.csv as c
    c.read_csv(sys.argv[1])
else:
    from python_calamine import CalamineWorkbook
    CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(time.perf_counter() - t)
"""


def reader_seconds(path: Path) -> tuple[float, float]:
    """The reader alone on the same file (pyarrow's CSV reader; python-calamine's raw read of
    the sheet): (its read, its whole process with the import)."""
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    return float(run.stdout.strip()), time.perf_counter() - t


def measure(path: Path, unit_code: str, out: Path) -> dict:
    run = subprocess.run([sys.executable, "-c", CHILD, str(SAMPLE / "catalog.yml"), str(path),
                          unit_code, str(out)], capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        raise SystemExit(run.stderr)
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV rows (%(default)s)")
    parser.add_argument("--xlsx-rows", type=int, default=200_000, help="XLSX rows (%(default)s)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the reader and of ingest; the best of each is compared "
                             "(%(default)s)")
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()}, pandas {pd.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for label, maker, rows, name, unit in (
                ("DVCQG CSV", make_csv, args.rows, "big.csv", ""),
                ("XLSX with title block", make_xlsx, args.xlsx_rows, "big.xlsx", "SAMPLE-P2")):
            t = time.perf_counter()
            maker(tmp / name, rows)
            size = (tmp / name).stat().st_size / 1e6
            print(f"\n{label}: {rows:,} rows, {size:,.0f} MB (made in "
                  f"{time.perf_counter() - t:.0f} s)")
            os.sync()  # a file just written is read slower while it goes to disk
            reads = [reader_seconds(tmp / name) for _ in range(args.repeat)]
            runs = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                runs.append((measure(tmp / name, unit, tmp / f"out-{name}"),
                             time.perf_counter() - t))
            read, read_process = min(reads)
            r, process = min(runs, key=lambda run: run[0]["ingest_s"])
            reader = "pyarrow.csv" if name.endswith(".csv") else "python-calamine"
            print(f"  {reader} read alone: {read:.2f} s ({read_process:.2f} s as a process), "
                  f"best of {args.repeat} ({', '.join(f'{x:.2f}' for x, _ in reads)})")
            ingests = ", ".join(f"{run['ingest_s']:.2f}" for run, _ in runs)
            print(f"  ingest / read = {r['ingest_s'] / read:.1f}x, as processes "
                  f"{process / read_process:.1f}x (ingest runs: {ingests} s)")
            print(f"  rows in {r['rows_in']:,} = accepted {r['accepted']:,} + quarantined "
                  f"{r['quarantined']:,}")
            print(f"  ingest {r['ingest_s']:.1f} s, write Parquet {r['write_s']:.1f} s, "
                  f"whole process {r['total_s']:.1f} s, peak memory {r['peak_mb']:,.0f} MiB, "
                  f"{r['rows_in'] / r['ingest_s']:,.0f} rows/s")


if __name__ == "__main__":
    main()
