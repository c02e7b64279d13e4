"""No personal value of the raw sample survives anywhere downstream of ingest."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data/raw/sample/dossiers"
PERSONAL_HEADERS = {"Chủ hồ sơ", "Số CCCD", "Điện thoại", "Địa chỉ", "ChuHoSo", "SoDinhDanh",
                    "SoDienThoai", "Email", "DiaChi", "Ho ten nguoi nop", "So CCCD",
                    "Dien thoai", "Dia chi"}


def planted_values() -> set[str]:
    frames = [pd.read_excel(p, engine="calamine", skiprows=5, dtype=str)
              for p in RAW.glob("*.xlsx")]
    frames += [pd.read_csv(p, sep=None, engine="python", dtype=str) for p in RAW.glob("*.csv")]
    values = set()
    for f in frames:
        for col in set(f.columns) & PERSONAL_HEADERS:
            values |= set(f[col].dropna().astype(str))
    values.discard("")
    return values


def cells_and_texts(folders: list[Path]) -> tuple[set[str], dict[Path, str]]:
    """Every string cell (and column name) of the Parquet files; the text of the other files."""
    cells: set[str] = set()
    texts: dict[Path, str] = {}
    for folder in folders:
        for p in folder.rglob("*"):
            if p.suffix == ".parquet":
                df = pd.read_parquet(p)
                cells |= set(map(str, df.columns))
                for col in df.columns:
                    cells |= set(df[col].dropna().astype(str))
            elif p.suffix in {".csv", ".ipynb", ".html", ".txt", ".log", ".json"}:
                texts[p] = p.read_text(encoding="utf-8", errors="replace")
    return cells, texts


def test_no_planted_value_anywhere(sample_run):
    values = planted_values()
    assert len(values) > 10_000  # names, 12-digit IDs, phones, addresses, emails
    cells, texts = cells_and_texts([sample_run["processed"], sample_run["base"] / "reports",
                                    ROOT / "notebooks", ROOT / "tests/golden",
                                    ROOT / "tests/.sample_processed"])
    assert len(cells) > 1000 and any(p.suffix == ".html" for p in texts)
    texts[Path("cchc run output")] = sample_run["stdout"] + sample_run["stderr"]
    leaks = [("parquet", v) for v in cells & values]
    numbers = {v for v in values if re.fullmatch(r"\d{10,12}", v)}
    words = values - numbers
    for path, text in texts.items():
        leaks += [(path.name, v) for v in set(re.findall(r"\d{10,12}", text)) & numbers]
        leaks += [(path.name, v) for v in words if v in text]
    assert not leaks, leaks[:10]
