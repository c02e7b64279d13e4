"""All units at the cost of one: `cchc indicators --unit all --by-field` computed by the
DuckDB engine (cchc_lib.indicators.engine, one query for the set) on synthetic dossiers, as a
ratio to one unit in the same run. (The per-unit pandas path it replaced took 67.2 s for 400
units and 200,000 dossiers, 263× the engine, measured with this script before its removal.)

    cd benchmarks && ../.venv/bin/python bench_units.py [--rows 200000] [--units 400]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd
from bench_indicators import synthetic

from cchc_lib.indicators.results import all_indicators

ROOT = Path(__file__).resolve().parents[1]


def tables_for(rows: int, units: int) -> dict[str, pd.DataFrame]:
    d = synthetic(rows, units)
    for c in ("unit_code", "procedure_code", "field_name", "receive_channel", "return_channel",
              "status"):
        d[c] = d[c].astype("string")
    d["supplement_requests"] = d.supplement_requests.astype("Int64")
    d["supplement_days"] = d.supplement_days.astype("Float64")
    for c in ("paid_online", "digitized", "e_result", "apology_issued"):
        d[c] = d[c].astype("boolean")
    raw = pd.read_csv(ROOT / "data/raw/sample/catalogue.csv", dtype=str)
    cat = pd.DataFrame({
        "procedure_code": raw["Mã TTHC"], "procedure_name": raw["Tên TTHC"],
        "field_name": raw["Lĩnh vực"],
        "level": ["full" if i % 3 == 0 else "partial" if i % 3 == 1 else "info"
                  for i in range(len(raw))],
        "postal_enabled": pd.array([i % 3 != 2 for i in range(len(raw))], dtype="boolean"),
        "has_fee": pd.array([i % 4 == 0 for i in range(len(raw))], dtype="boolean"),
        "unit_code": pd.Series([None] * len(raw), dtype="string"),
        "valid_from": pd.Series([pd.NaT] * len(raw), dtype="datetime64[us]"),
        "valid_to": pd.Series([pd.NaT] * len(raw), dtype="datetime64[us]"),
    }).astype({"procedure_code": "string", "procedure_name": "string",
               "field_name": "string", "level": "string"})
    codes = sorted(d.unit_code.unique())
    units_t = pd.DataFrame({"unit_code": pd.Series(codes, dtype="string"),
                            "unit_name": pd.Series(codes, dtype="string")})
    return {"dossiers": d, "catalogue": cat, "units": units_t}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--units", type=int, default=400)
    args = parser.parse_args()
    tables = tables_for(args.rows, args.units)
    codes = sorted(tables["units"].unit_code)
    all_indicators(tables, codes[0], "2022", by_field=True)  # warm-up: imports, first query
    one = timed(lambda: all_indicators(tables, codes[0], "2022", by_field=True))
    every = timed(lambda: all_indicators(tables, codes, "2022", by_field=True))
    print(f"{args.rows:,} dossiers, {len(codes)} units, period 2022, by field")
    print(f"  engine, one unit:  {one:6.2f} s")
    print(f"  engine, all units: {every:6.2f} s  = {every / one:.1f}× one unit")


if __name__ == "__main__":
    main()
