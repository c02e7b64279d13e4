"""The engine's queries on Apache Spark (local mode, a real JVM) give what DuckDB gives: on the
sample, every part for every unit, whole and by field, for several period forms; every
indicator by month from Parquet partitioned by year and unit group; and `cchc spark` end to end.

Spark needs the [spark] extra and Java: `make test` installs both (Java from Debian's
packages, as Chromium for the browser test)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import engine, figures


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        from tests.conftest import missing_program

        missing_program("Java", "apt-get install default-jre-headless")
    from cchc_lib.indicators import spark as sp

    session = (sp._pyspark().builder.master("local[2]").appName("cchc-test")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out = frame.assign(**{k: frame[k].astype(object).where(frame[k].notna(), "")
                          for k in keys if k == "field"})
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("by_field", [False, True])
def test_spark_parts_equal_duckdb_on_the_sample(spark, sample_processed, sample_tables,
                                                by_field):
    from cchc_lib.indicators import spark as sp

    periods = [parse_period(p) for p in ("2022", "2021-Q4", "2022-07",
                                         "2022-01-01..2022-11-15")]
    units = sorted(sample_tables["units"].unit_code)
    # Spark reads the processed Parquet files where they lie; DuckDB the loaded tables
    files = {"dossiers": str(sample_processed / "dossiers.parquet"),
             "catalogue": str(sample_processed / "catalogue.parquet"),
             "calendar": sample_tables["calendar"]}
    got = sp.parts_by_period(spark, files, units, periods, by_field)
    want = engine.parts_by_period(sample_tables, units, periods, by_field)
    keys = ["pid", "unit_code", "field"]
    got, want = _sorted(got, keys), _sorted(want, keys)
    assert list(got.columns) == list(want.columns)
    assert len(want) == (len(units) * len(periods) if not by_field else len(got)) > 0
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert want[list(engine.PART_NAMES)].to_numpy().sum() > 0  # not a comparison of zeros


def test_spark_monthly_from_partitioned_parquet_equals_duckdb(spark, sample_tables, tmp_path):
    """Dossiers written as year=/unit_group= folders: Spark discovers the partitions; every
    indicator for every unit × month equals the DuckDB engine's."""
    from cchc_lib.indicators import spark as sp

    dossiers = sample_tables["dossiers"].copy()
    dossiers["year"] = dossiers.received_at.dt.year.fillna(0).astype(int)
    units = sorted(dossiers.unit_code.dropna().unique())
    dossiers["unit_group"] = dossiers.unit_code.map({u: i % 2 for i, u in enumerate(units)})
    dossiers.to_parquet(tmp_path / "dossiers", partition_cols=["year", "unit_group"])
    sample_tables["catalogue"].to_parquet(tmp_path / "catalogue.parquet")
    files = {"dossiers": str(tmp_path / "dossiers"),
             "catalogue": str(tmp_path / "catalogue.parquet"),
             "calendar": sample_tables["calendar"]}
    got = sp.monthly(spark, files, "2021-01", "2022-12")
    want = figures.monthly(sample_tables, "2021-01", "2022-12")
    assert len(want) == len(units) * 23  # the data ends on 30/11/2022: no December
    assert got.attrs == want.attrs and got.attrs["note"] == (
        "số liệu đến ngày 30/11/2022: các tháng sau không tính")
    keys = ["unit_code", "period"]
    pd.testing.assert_frame_equal(_sorted(got, keys), _sorted(want, keys), check_dtype=False)


def test_spark_sql_is_the_engines_sql():
    """One definition: the Spark text is the engine's query transpiled, every part named."""
    from cchc_lib.indicators import spark as sp

    text = sp.spark_sql(engine.query(True, "portable"))
    assert "ASOF" not in text.upper() and "ROUND_EVEN" not in text.upper()
    assert "BROUND(" in text.upper() and "daynum" in text
    for part in engine.PART_NAMES:
        assert f"AS {part}" in text


def spark_cli(sample_processed, tmp_path, months: str, dossiers=None):
    return subprocess.run(
        [sys.executable, "-m", "cchc_lib.cli", "spark", "--master", "local[2]",
         "--dossiers", str(dossiers or sample_processed / "dossiers.parquet"),
         "--procedure-catalogue", str(sample_processed / "catalogue.parquet"),
         "--calendar", str(sample_processed / "calendar.parquet"),
         "--months", months, "--unit", "SAMPLE-P2", "--out", str(tmp_path / "thang.csv")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_cchc_spark_writes_every_unit_month_and_stops_at_the_data(sample_processed,
                                                                  sample_tables, tmp_path):
    """Every unit × month asked for, as the one engine computes them; the sample's data ends
    on 30/11/2022: December and January are not computed (SAMPLE-P2's 15 dossiers pending in
    time on 30 November were shown all overdue in a December without data). One JVM start."""
    run = spark_cli(sample_processed, tmp_path, "2022-10..2023-01")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert set(pd.read_csv(tmp_path / "thang.csv").unit_code) == {"SAMPLE-P2"}
    assert run.stdout.splitlines()[:2] == [
        "số liệu đến ngày 30/11/2022: các tháng sau không tính",
        f"đã tính 1 đơn vị × 2 tháng (2 dòng) vào {tmp_path / 'thang.csv'}"]
    table = pd.read_csv(tmp_path / "thang.csv")
    assert list(table.period) == ["2022-10", "2022-11"]
    assert (table.pending_in_time.iloc[-1], table.pending_overdue.iloc[-1]) == (15, 0)
    want = figures.monthly(sample_tables, "2022-10", "2022-11", units=["SAMPLE-P2"])
    for column in ("carried_over", "pending_in_time", "pending_overdue", "resolved_total"):
        assert list(table[column]) == list(want[column]), column


def last_error(run) -> str:
    """The command's own line on stderr: the JVM writes its start-up notices before it."""
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    return run.stderr.strip().splitlines()[-1]


def test_cchc_spark_refuses_months_the_data_does_not_reach(sample_processed, tmp_path):
    run = spark_cli(sample_processed, tmp_path, "2023-01..2023-03")
    assert run.returncode == 2
    assert last_error(run) == ("cchc: lỗi: Không có số liệu cho các tháng 2023-01..2023-03: số "
                               "liệu từ ngày 04/01/2021 đến ngày 30/11/2022")
    assert not (tmp_path / "thang.csv").exists()


def test_cchc_spark_with_a_damaged_dossiers_file_says_to_ingest_again(sample_processed,
                                                                      tmp_path):
    cut = tmp_path / "dossiers.parquet"  # a copy stopped half-way
    data = (sample_processed / "dossiers.parquet").read_bytes()
    cut.write_bytes(data[:len(data) // 2])
    run = spark_cli(sample_processed, tmp_path, "2022-01..2022-03", dossiers=cut)
    assert run.returncode == 2, run.stderr[-2000:]
    assert last_error(run) == (  # (named from the folder the command runs in)
        "cchc: lỗi: dossiers.parquet: bảng đã chuẩn hóa bị hỏng hoặc không phải của sổ tay "
        "này (không đọc được như tệp Parquet: có thể đã bị cắt ngắn hoặc ghi đè): chạy lại "
        "`cchc ingest`")


def test_cchc_spark_refuses_a_bad_month_range(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "spark", "--months",
                          "2022-13", "--out", str(tmp_path / "x.csv")],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "cchc: lỗi: --months: '2022-13' không đúng dạng YYYY-MM..YYYY-MM"]


def test_cchc_spark_without_java_says_so_in_one_line(sample_processed, tmp_path):
    import os

    env = {**os.environ, "JAVA_HOME": str(tmp_path / "no-java")}
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "spark", "--master", "local[1]",
                          "--dossiers", str(sample_processed / "dossiers.parquet"),
                          "--months", "2022-01..2022-02", "--out", str(tmp_path / "x.csv")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cchc: lỗi: JAVA_HOME="), run.stderr
    assert "default-jre-headless" in lines[0] and not (tmp_path / "x.csv").exists()
