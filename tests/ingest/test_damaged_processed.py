"""A processed folder damaged after ingest wrote it (a copy cut short, a file overwritten by
another program's, an emptied file, another table under the name) stops every command that
reads it with one line naming the file and saying to run `cchc ingest` again (exit 2), never
"lỗi ngoài dự kiến" (exit 1): the pandas reader, DuckDB reading the Parquet files where they
lie, and the `cchc indicators` and `cchc run --skip-ingest` commands."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.cli import main
from cchc_lib.core.errors import CchcError
from cchc_lib.indicators import figures
from cchc_lib.ingest import store

UNREADABLE = "không đọc được như tệp Parquet: có thể đã bị cắt ngắn hoặc ghi đè"


def truncated(path: Path) -> str:  # a copy stopped half-way (a full disk, a USB stick pulled)
    path.write_bytes(path.read_bytes()[:path.stat().st_size // 2])
    return UNREADABLE


def random_bytes(path: Path) -> str:  # overwritten by something else under the same name
    path.write_bytes(random.Random(7).randbytes(4096))
    return UNREADABLE


def other_shape(path: Path) -> str:  # a Parquet table of another program (or another table)
    pd.DataFrame({"ma": ["X1"], "so_luong": [3]}).to_parquet(path, index=False)
    return "thiếu cột"


def empty(path: Path) -> str:  # emptied by a failed sync
    path.write_bytes(b"")
    return "tệp rỗng, 0 byte"


DAMAGES = {f.__name__: f for f in (truncated, random_bytes, other_shape, empty)}


@pytest.fixture
def folder(tmp_path, sample_processed) -> Path:
    target = tmp_path / "processed"
    shutil.copytree(sample_processed, target)
    return target


def said(capsys) -> list[str]:
    return capsys.readouterr().err.strip().splitlines()


def expected(path: Path, detail: str) -> str:
    return (f"cchc: lỗi: {path}: bảng đã chuẩn hóa bị hỏng hoặc không phải của sổ tay này "
            f"({detail}")


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("table", ["dossiers", "quarantine", "catalogue", "units",
                                   "targets", "calendar"])
def test_cchc_indicators_says_to_ingest_again(folder, capsys, table, damage):
    path = folder / f"{table}.parquet"
    detail = DAMAGES[damage](path)
    code = main(["indicators", "--data", str(folder), "--unit", "SAMPLE-P2", "--period",
                 "2022"])
    err = said(capsys)
    assert code == 2 and len(err) == 1, err
    assert err[0].startswith(expected(path, detail)), err[0]
    assert err[0].endswith("): chạy lại `cchc ingest`")


def test_the_missing_columns_are_named(folder, capsys):
    path = folder / "dossiers.parquet"
    pd.read_parquet(path).drop(columns=["received_at", "status"]).to_parquet(path)
    assert main(["indicators", "--data", str(folder), "--unit", "SAMPLE-P2", "--period",
                 "2022"]) == 2
    assert "(thiếu cột received_at, status)" in said(capsys)[0]


@pytest.mark.parametrize("damage", DAMAGES)
def test_cchc_run_skip_ingest_says_to_ingest_again(folder, tmp_path, capsys, damage):
    path = folder / "dossiers.parquet"
    detail = DAMAGES[damage](path)
    code = main(["run", "--unit", "SAMPLE-P2", "--period", "2022", "--skip-ingest",
                 "--data", str(folder), "--reports", str(tmp_path / "reports")])
    err = [line for line in said(capsys) if line.startswith("cchc")]  # (tqdm's bar aside)
    assert code == 2 and len(err) == 1, err
    assert err[0].startswith(expected(path, detail)), err[0]
    assert not (tmp_path / "reports" / "2022" / "SAMPLE-P2").exists()


def test_cchc_run_skip_ingest_with_a_damaged_catalogue(folder, tmp_path, capsys):
    path = folder / "catalogue.parquet"
    other_shape(path)
    code = main(["run", "--unit", "SAMPLE-P2", "--period", "2022", "--skip-ingest",
                 "--data", str(folder), "--reports", str(tmp_path / "reports")])
    err = [line for line in said(capsys) if line.startswith("cchc")]
    assert code == 2 and err[0].startswith(expected(path, "thiếu cột procedure_code")), err


def test_a_units_own_rows_read_from_a_damaged_table(folder):
    """A unit's report reads its own dossiers (a filtered scan) and the dates of all."""
    other_shape(folder / "dossiers.parquet")
    with pytest.raises(CchcError, match="dossiers.parquet: .*thiếu cột dossier_id, unit_code"):
        store.read_processed(folder, unit_code="SAMPLE-P2")


@pytest.mark.parametrize("damage", DAMAGES)
def test_duckdb_reading_the_parquet_files_says_to_ingest_again(folder, damage):
    path = folder / "dossiers.parquet"
    detail = DAMAGES[damage](path)
    with pytest.raises(CchcError) as err:
        figures.monthly({"dossiers": path, "catalogue": folder / "catalogue.parquet"})
    assert str(err.value).startswith(f"{path}: bảng đã chuẩn hóa bị hỏng hoặc không phải "
                                     f"của sổ tay này ({detail}")


def test_a_damaged_part_of_a_partitioned_folder_is_named(folder, tmp_path):
    """The national layout: DuckDB names the part it could not read, and so does the message."""
    d = pd.read_parquet(folder / "dossiers.parquet")
    for group, part in d.groupby(d.unit_code.isin(["SAMPLE-P1", "SAMPLE-P2"])):
        where = tmp_path / "national" / f"unit_group={int(group)}"
        where.mkdir(parents=True)
        part.to_parquet(where / "part.parquet", index=False)
    bad = tmp_path / "national" / "unit_group=1" / "part.parquet"
    truncated(bad)
    with pytest.raises(CchcError, match=f"^{bad}: bảng đã chuẩn hóa bị hỏng"):
        figures.monthly({"dossiers": tmp_path / "national",
                         "catalogue": folder / "catalogue.parquet"})
