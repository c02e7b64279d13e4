"""No personal value of the raw sample survives anywhere downstream of ingest."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
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


PLANTED = {
    "ChuHoSo": ["Trương Thị Xuân Hương", "Mạc Văn Khải", "Tôn Nữ Diệu Linh"],
    "Số CCCD/CMND": ["045301234567", "045198765432", "045287654321"],
    "Địa chỉ thường trú": ["Số 7 Lê Lợi, khu phố 2", "Thôn Tích Tường", "Kiệt 3 Trần Hưng Đạo"],
    "Điện thoại liên hệ": ["0912000111", "0983000222", "0708000333"],
    "Ghi chú người nộp": ["gọi chị Hương sau 17h", "nhờ anh Khải nhận", "bà Linh ủy quyền"],
}


def test_planted_values_in_every_kind_of_row_never_leave_ingest(tmp_path):
    """Personal values on accepted rows, on rows quarantined for each reason, in a column the
    analyst lists as personal: none reaches the processed files, the quarantine or the log."""
    import subprocess
    import sys

    rows = [  # (id, code, channel, received, finished, status): good, bad date, duplicate
        ("Q1", "1.004873", "1", "01/04/2022 08:00", "05/04/2022 09:00", "9"),
        ("Q2", "1.004873", "1", "31/02/2022 08:00", "", "4"),
        ("Q1", "1.004873", "1", "01/04/2022 08:00", "", "4"),
    ]
    header = ["MaHoSo", "MaDonVi", "MaTTHC", "KenhThucHien", "NgayTiepNhan", "NgayKetThucXuLy",
              "TrangThaiHoSo", *PLANTED]
    lines = [",".join(header)]
    for i, row in enumerate(rows):
        lines.append(",".join([row[0], "U1", *row[1:], *(f'"{v[i]}"' for v in PLANTED.values())]))
    export = tmp_path / "export.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalog = tmp_path / "catalog.yml"
    corpus = ROOT / "tests/corpus"
    catalog.write_text(f"units: {{path: {corpus / 'units.csv'}}}\n"
                       f"catalogue: {{path: {corpus / 'catalogue.csv'}}}\n"
                       f"dossiers: [{export}]\npersonal_columns: [Ghi chú người nộp]\n",
                       encoding="utf-8")
    out = tmp_path / "processed"
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "ingest", "--catalog",
                          str(catalog), "--out", str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "1 nhận + 2 cách ly" in run.stdout
    for column in PLANTED:
        assert column in run.stdout  # the summary names each dropped column
    cells, texts = cells_and_texts([out])
    texts[Path("log")] = run.stdout + run.stderr
    values = {v for vs in PLANTED.values() for v in vs}
    assert not cells & values
    for name, text in texts.items():
        assert not [v for v in values if v in text], name
