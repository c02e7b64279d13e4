"""The command line: helpful --help, one-line errors with exit status 2, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cchc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_help_lists_commands_and_examples():
    out = cchc("--help")
    assert out.returncode == 0
    for word in ("ingest", "indicators", "run", "cchc run --unit SAMPLE-P2 --period 2022",
                 "cách dùng:", "tùy chọn:", "xem hướng dẫn này rồi thoát", "lập báo cáo"):
        assert word in out.stdout
    sub = cchc("indicators", "--help")
    assert "YYYY-Qn" in sub.stdout and "--format" in sub.stdout


def check_error(run: subprocess.CompletedProcess, *needles: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cchc: lỗi: "), run.stderr
    for needle in needles:
        assert needle in lines[0]


def test_argument_errors_are_vietnamese():
    run = cchc("email", "--unit", "X")
    assert run.returncode == 2
    last = run.stderr.strip().splitlines()[-1]
    assert last == "cchc email: lỗi: thiếu tham số bắt buộc: --period"
    bad = cchc("indicators", "--unit", "X", "--period", "2022", "--format", "pdf")
    assert "tham số --format: không có lựa chọn 'pdf'" in bad.stderr


def test_errors_are_one_clear_line():
    check_error(cchc("indicators", "--unit", "SAMPLE-P2", "--period", "2022-Q5"),
                "'2022-Q5' không phải kỳ báo cáo")
    check_error(cchc("indicators", "--data", "tests/.sample_processed", "--unit", "P9",
                     "--period", "2022"), "không có đơn vị 'P9'", "SAMPLE-P2")
    check_error(cchc("indicators", "--data", "no/such/folder", "--unit", "SAMPLE-P2",
                     "--period", "2022"), "chạy `cchc ingest` trước")


def test_bad_input_file_stops_ingest_and_keeps_previous_output(tmp_path):
    out = tmp_path / "processed"
    good = cchc("ingest", "--catalog", "data/raw/sample/catalog.yml", "--out", str(out))
    assert good.returncode == 0, good.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = tmp_path / "export.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated download")
    bad = cchc("ingest", "--catalog", "data/raw/sample/catalog.yml", "--out", str(out),
               "--dossiers", str(broken))
    check_error(bad, "export.xlsx", "không đọc được như một sổ Excel")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_outside_the_project_says_so(tmp_path):
    run = cchc("indicators", "--unit", "X", "--period", "2022", cwd=tmp_path)
    check_error(run, "không tìm thấy dự án")


def test_indicators_csv_and_table_formats():
    args = ["indicators", "--data", "tests/.sample_processed", "--unit", "SAMPLE-P2",
            "--period", "2022-Q3"]
    csv = cchc(*args, "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.splitlines()
    assert lines[0] == ("indicator,unit_code,period,field,numerator,denominator,value,target,met,"
                        "ytd_numerator,ytd_denominator,ytd_value,judged_on,missing_columns,no_data")
    assert lines[1].startswith("online_procedure_rate,SAMPLE-P2,2022-Q3,,")
    table = cchc(*args)
    assert table.returncode == 0, table.stderr
    assert "postal_return_share" in table.stdout and "Tổng cộng" not in table.stdout


def test_indicators_for_a_set_of_units_and_per_field():
    import json

    base = ["indicators", "--data", "tests/.sample_processed", "--period", "2022-Q3",
            "--format", "json"]
    one = {u: json.loads(cchc(*base, "--unit", u).stdout) for u in ("SAMPLE-P1", "SAMPLE-P2")}
    both = json.loads(cchc(*base, "--unit", "SAMPLE-P1,SAMPLE-P2").stdout)
    pick = lambda rows, i: next(r for r in rows if r["indicator"] == i and r["field"] is None)  # noqa: E731
    for indicator in ("online_procedure_rate", "postal_return_share", "progress_on_time"):
        a, b, ab = pick(one["SAMPLE-P1"], indicator), pick(one["SAMPLE-P2"], indicator), \
            pick(both, indicator)
        assert ab["numerator"] == a["numerator"] + b["numerator"]
        assert ab["denominator"] == a["denominator"] + b["denominator"]
        assert ab["unit_code"] == "SAMPLE-P1+SAMPLE-P2"
    assert pick(both, "received_total")["value"] == (
        pick(one["SAMPLE-P1"], "received_total")["value"]
        + pick(one["SAMPLE-P2"], "received_total")["value"])
    per_field = json.loads(cchc(*base, "--unit", "SAMPLE-P2", "--by-field").stdout)
    rate = [r for r in per_field if r["indicator"] == "online_dossier_share"]
    total = next(r for r in rate if r["field"] is None)
    assert len(rate) > 5
    assert sum(r["numerator"] for r in rate if r["field"]) == total["numerator"]
    assert sum(r["denominator"] for r in rate if r["field"]) == total["denominator"]
    plan = [r for r in per_field if r["indicator"] == "online_procedure_rate" and r["field"]]
    assert sum(r["denominator"] for r in plan) == pick(per_field, "online_procedure_rate")[
        "denominator"]


def test_a_catalog_outside_any_workbook_folder_is_its_own_project(tmp_path, monkeypatch):
    """An office that keeps its catalog beside its exports, not in data/, runs ingest with
    --catalog from that folder: the catalog's folder is the project (for relative paths and
    the lock), for that command only."""
    import shutil

    from cchc_lib.cli import main
    from cchc_lib.core.catalog import ROOT_ENV

    corpus = Path(__file__).parent / "corpus"
    for name in ("catalog.yml", "units.csv", "catalogue.csv"):
        shutil.copy(corpus / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ROOT_ENV, raising=False)
    code = main(["ingest", "--catalog", "catalog.yml", "--out", "out", "--dossiers",
                 str(corpus / "files" / "01_dvcqg_utf8.csv")])
    assert code == 0 and (tmp_path / "out" / "dossiers.parquet").is_file()
    assert ROOT_ENV not in os.environ


def test_one_name_per_idea_and_the_older_spellings_still_read():
    """--unit, --units-file, --procedure-catalogue; a scheduled command written with the
    older spellings keeps working, and the help shows only the names of now."""
    from cchc_lib.cli import build_parser

    parser = build_parser()
    old = parser.parse_args(["ingest", "--unit-code", "P2", "--catalogue", "c.csv",
                             "--units", "u.csv"])
    new = parser.parse_args(["ingest", "--unit", "P2", "--procedure-catalogue", "c.csv",
                             "--units-file", "u.csv"])
    assert (old.unit, old.procedure_catalogue, old.units_file) == ("P2", "c.csv", "u.csv")
    assert vars(old) == vars(new)
    spark = parser.parse_args(["spark", "--months", "2022-01..2022-02", "--out", "x.csv",
                               "--units", "A,B", "--catalogue", "c.parquet"])
    assert (spark.unit, spark.procedure_catalogue) == ("A,B", "c.parquet")
    shown = cchc("ingest", "--help").stdout
    assert "--procedure-catalogue" in shown and "--units-file" in shown
    assert "--unit-code" not in shown and "--catalogue " not in shown


def test_a_run_request_is_checked_before_anything_runs(tmp_path):
    """A day that does not exist, a day outside the period's year, no workers: refused in
    one line before a kernel starts or a folder is made."""
    base = ("run", "--unit", "SAMPLE-P2", "--period", "2022", "--skip-ingest", "--data",
            "tests/.sample_processed", "--reports", str(tmp_path / "r"), "--report", "plan")
    check_error(cchc(*base, "--as-of", "2022-02-30"), "'2022-02-30' không phải một ngày")
    check_error(cchc(*base, "--as-of", "ngày mai"), "--as-of")
    check_error(cchc(*base, "--as-of", "2099-01-01"), "01/01/2099", "31/12/2022")
    check_error(cchc("run", "--all-units", "--period", "2022", "--jobs", "0"), "--jobs")
    assert not (tmp_path / "r").exists()
