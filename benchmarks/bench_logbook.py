"""Reading the office's hand-kept records from its logbook (`so_theo_doi_2022.xlsx`, seven
sheets) against reading the same records from seven CSV files, in the same run: ingest of a
catalog holding the units, the procedure catalogue, the seven tables and one small export.
The logbook is the sample's, and a larger one (every unit's self-assessment repeated for
`--units` units) shows how it grows.

    cd benchmarks && ../.venv/bin/python bench_logbook.py [--runs 5] [--units 400]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

from cchc_lib.core.catalog import load_catalog
from cchc_lib.ingest.methodology import load_methodology
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.reports.logbook import SHEETS, TABLES, write_logbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data/raw/sample"
CSV_FILES = {"units": "units.csv", "plans": "plans.csv", "targets": "targets.csv",
             "plan_tasks": "plan_tasks.csv", "plan_progress": "plan_progress.csv",
             "self_assessment": "self_assessment_2022.csv",
             "official_results": "official_results.csv"}
METHOD = ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml"


def catalog(folder: Path, sources: dict) -> Path:
    spec = {"catalogue": {"path": str(SAMPLE / "catalogue.csv")},
            "methodology": {"path": str(METHOD)},
            "dossiers": [{"path": str(SAMPLE / "dossiers/haile_2022.csv")}], **sources}
    path = folder / f"catalog_{len(list(folder.iterdir()))}.yml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def seconds(path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        ingest(load_catalog(path))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bigger(folder: Path, units: int) -> tuple[Path, Path]:
    """The sample's records for ``units`` units: the logbook and the CSV files."""
    tables = ingest(load_catalog(SAMPLE / "csv/catalog.yml")).tables
    u = tables["units"]
    many = pd.DataFrame({"unit_code": [f"U{i:04d}" for i in range(units)],
                         "unit_name": [f"Phường {i}" for i in range(units)],
                         "parent_code": u.parent_code.iloc[0],
                         "parent_name": u.parent_name.iloc[0]})
    sa = tables["self_assessment"]
    one = sa[sa.unit_code == sa.unit_code.iloc[0]]
    scores = pd.concat([one.assign(unit_code=c) for c in many.unit_code], ignore_index=True)
    records = {**{n: tables[n] for n in TABLES}, "units": many, "self_assessment": scores,
               "official_results": tables["official_results"].iloc[:0]}
    book = write_logbook(folder / "so_theo_doi_2022.xlsx", 2022, records,
                         load_methodology(METHOD))
    csvs = {}
    for name, frame in records.items():
        keep = [c for c in frame.columns if not c.startswith("source_")
                and c not in ("evidence_files", "evidence_missing")]
        frame[keep].to_csv(folder / CSV_FILES[name], index=False)
        csvs[name] = {"path": str(folder / CSV_FILES[name])}
    return (catalog(folder, {n: {"path": str(book), "sheet": SHEETS[n]} for n in TABLES}),
            catalog(folder, csvs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--units", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = catalog(folder, {n: {"path": str(SAMPLE / "so_theo_doi_2022.xlsx"),
                                    "sheet": SHEETS[n]} for n in TABLES})
        csv = catalog(folder, {n: {"path": str(SAMPLE / "csv" / f)}
                               for n, f in CSV_FILES.items()})
        ingest(load_catalog(csv))  # warm up imports
        a, b = seconds(book, args.runs), seconds(csv, args.runs)
        print(f"sample (5 units): logbook {a:.2f} s, CSV {b:.2f} s, ratio {a / b:.2f}")
        sub = folder / "big"
        sub.mkdir()
        big_book, big_csv = bigger(sub, args.units)
        a, b = seconds(big_book, args.runs), seconds(big_csv, args.runs)
        print(f"{args.units} units: logbook {a:.2f} s, CSV {b:.2f} s, ratio {a / b:.2f}")


if __name__ == "__main__":
    main()
