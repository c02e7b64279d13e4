"""No data, no verdict: a period the data does not reach gets no figure and no report; a unit
with no dossier in a covered period says so instead of 0 %."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.core.errors import NoDataError
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.base import clip_to_data, require_data
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import write_processed

ROOT = Path(__file__).resolve().parents[2]
DATA = "tests/.sample_processed"  # the sample: 04/01/2021 .. 30/11/2022
MESSAGE = "Không có số liệu cho kỳ"


def cchc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def one_line(run: subprocess.CompletedProcess) -> str:
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 1 and lines[0].startswith("cchc: lỗi: "), \
        run.stderr
    return lines[0]


@pytest.mark.parametrize("period", ["2022-12", "2023", "2023-03", "2020-Q4"])
def test_indicators_refuse_a_period_outside_the_data(period):
    line = one_line(cchc("indicators", "--data", DATA, "--unit", "SAMPLE-P2", "--period",
                         period))
    assert MESSAGE in line and "đến ngày 30/11/2022" in line


def test_run_refuses_and_writes_no_report(tmp_path):
    line = one_line(cchc("run", "--unit", "SAMPLE-P2", "--period", "2023-03", "--skip-ingest",
                         "--data", DATA, "--reports", str(tmp_path / "reports"),
                         "--report", "all"))
    assert MESSAGE in line
    assert not [p for p in (tmp_path / "reports").rglob("*") if p.is_file()]


def test_run_with_ingest_refuses_before_any_report_file(tmp_path):
    line = one_line(cchc("run", "--unit", "SAMPLE-P2", "--period", "2023-03", "--data",
                         str(tmp_path / "processed"), "--reports", str(tmp_path / "reports")))
    assert MESSAGE in line
    assert not [p for p in (tmp_path / "reports").rglob("*") if p.is_file()]


def test_email_mails_nothing_for_a_period_without_data(tmp_path):
    line = one_line(cchc("email", "--unit", "SAMPLE-P2", "--period", "2022-12", "--data", DATA,
                         "--to", "a@example.vn", "--dry-run", str(tmp_path / "x.eml")))
    assert MESSAGE in line and not (tmp_path / "x.eml").exists()


def test_a_partly_covered_period_is_cut_at_the_last_day(sample_tables):
    dossiers = sample_tables["dossiers"]
    period = clip_to_data(parse_period("2022-Q4"), dossiers)
    assert str(period.end) == "2022-11-30"
    with pytest.raises(NoDataError):
        clip_to_data(parse_period("2022-12"), dossiers)


@pytest.fixture(scope="module")
def sample_tables():
    from cchc_lib.ingest.store import read_processed
    return read_processed(ROOT / DATA)


def test_a_unit_with_no_dossier_in_a_covered_period_says_so(tmp_path):
    corpus = ROOT / "tests/corpus"
    result = ingest(with_overrides(load_catalog(corpus / "catalog.yml"),
                                   dossiers=[str(corpus / "files/01_dvcqg_utf8.csv")]))
    write_processed(result, tmp_path / "processed")  # dossiers of U1 only, 15-16/03/2022
    from cchc_lib.reports.ward import ward_report
    report = ward_report("U2", "2022-03", tmp_path / "processed")
    header = report.header().markdown
    assert "không có hồ sơ nào" in header and "%" not in header
    with pytest.raises(NoDataError, match=r"\(Phường 2\)"):
        require_data(parse_period("2022-03"), result.tables["dossiers"], "U2", "Phường 2")


def test_sets_of_units_have_short_names(sample_tables):
    from cchc_lib.indicators.results import all_indicators, set_label
    every = sorted(sample_tables["units"].unit_code)
    out = all_indicators(sample_tables, every, "2022-Q3")
    assert set(out.unit_code) == {"all"}
    assert set_label(["SAMPLE-P1", "SAMPLE-P2"], every) == "SAMPLE-P1+SAMPLE-P2"
    assert set_label([f"UNIT-{i:03d}" for i in range(400)]) == "400_units"


def test_a_month_is_judged_on_the_year_to_date(sample_tables):
    """Phường 2, November alone: 16/53 = 30,2 % online, but 27/53 = 50,9 % from January, which
    meets the yearly 50 %: the month must not say "chưa đạt" (numbers: the sample's)."""
    from cchc_lib.indicators.results import all_indicators
    out = all_indicators(sample_tables, "SAMPLE-P2", "2022-11").set_index("indicator")
    online = out.loc["online_procedure_rate"]
    assert (online.numerator, online.denominator) == (16, 53)
    assert (online.ytd_numerator, online.ytd_denominator) == (27, 53)
    assert online.met is True or online.met == True  # noqa: E712 - object column
    assert online.judged_on == "year_to_date"
    from cchc_lib.reports.ward import ward_report
    report = ward_report("SAMPLE-P2", "2022-11", ROOT / DATA)
    header = report.header().markdown
    assert ("**✓ Đạt** TTHC có hồ sơ trực tuyến: **50,9\u00a0%** từ đầu năm (mục tiêu "
            "50\u00a0%; riêng kỳ này: 30,2\u00a0%)") in header
    assert report.gaps["postal_procedure_rate"].needed == 2  # 28/50 from January, not 15/50


@pytest.mark.parametrize("target", [["--overview"], ["--all-units"]])
def test_overview_and_all_units_refuse_a_period_without_data(target, tmp_path):
    line = one_line(cchc("run", *target, "--period", "2023-03", "--skip-ingest", "--data", DATA,
                         "--reports", str(tmp_path / "reports")))
    assert MESSAGE in line
    assert not [p for p in (tmp_path / "reports").rglob("*") if p.is_file()]
