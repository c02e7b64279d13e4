"""A column an export does not have is "không có số liệu", never 0 (docs/reading_exports.md).

A small town ingested from real CSV exports (:func:`write_town`), every number worked by hand:

- Phường Một (TEST-A): two exports, ``a_cu.csv`` without the apology column, ``a_moi.csv``
  with it. Late in 2022: A01, A02 (a_cu: apology unknown), A05 (slip), A06 (no slip). Read as
  "no", the coverage would be 1/4 = 25 %; it is "không có số liệu".
- Phường Hai (TEST-B): one export without the return channel. Its three dossiers were returned
  (how, nobody knows): read as "no", the postal return share would be 0/3 = 0 % "Chưa đạt".
- Phường Ba (TEST-C): every column. Its figures are what they were before the rule.
- Phường Bốn (TEST-D): one export without either end date (its ended dossier D03 is kept: a
  file without the column cannot be blamed for an empty cell): what was resolved, pending or
  carried over cannot be counted; what was received can.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.core.catalog import load_catalog
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators.base import missing_columns
from cchc_lib.indicators.bieu06 import bieu06
from cchc_lib.indicators.results import all_indicators
from cchc_lib.indicators.unknown import Lacking
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.result import summary_text
from cchc_lib.ingest.store import read_processed, write_processed

ROOT = Path(__file__).resolve().parents[2]
APOLOGY_NOTE = ("không có số liệu: tệp xuất không có cột apology_issued (Phiếu xin lỗi) "
                "(tệp a_cu.csv)")
RETURN_NOTE = "không có số liệu: tệp xuất không có cột return_channel (Hình thức trả kết quả)"
ENDS_NOTE = ("không có số liệu: tệp xuất không có cột finished_at (Ngày kết thúc xử lý) và "
             "returned_at (Ngày trả kết quả)")

COLUMNS = {"id": "Mã hồ sơ", "unit": "Mã đơn vị", "code": "Mã TTHC", "channel": "Kênh thực hiện",
           "received": "Ngày tiếp nhận", "due": "Ngày hẹn trả", "finished": "Ngày kết thúc xử lý",
           "returned": "Ngày trả kết quả", "return": "Hình thức trả kết quả",
           "status": "Trạng thái", "requests": "Số lần bổ sung", "days": "Số ngày bổ sung",
           "paid": "Thanh toán trực tuyến", "digitized": "Số hóa hồ sơ",
           "e_result": "Kết quả điện tử", "apology": "Phiếu xin lỗi"}
P1, P2 = "1.001193", "2.000815"  # Hộ tịch, Chứng thực: both online (full, partial) and postal
DONE, OPEN = "Đã trả kết quả", "Đang xử lý"
DESK, ONLINE, POST = "Tại bộ phận một cửa", "Trực tuyến", "Bưu chính công ích"


def dossier(id_, unit, code, channel, received, due, finished="", returned="", ret=DESK,
            status=DONE, requests="0", days="0", apology="Không") -> dict[str, str]:
    return {"id": id_, "unit": unit, "code": code, "channel": channel, "received": received,
            "due": due, "finished": finished, "returned": returned, "return": ret,
            "status": status, "requests": requests, "days": days, "paid": "Không",
            "digitized": "Có", "e_result": "Không", "apology": apology}


EXPORTS: dict[str, tuple[tuple[str, ...], list[dict[str, str]]]] = {
    # file: (the columns it does not have, its dossiers)
    "a_cu.csv": (("apology",), [
        dossier("A01", "TEST-A", P1, "Trực tiếp", "03/01/2022 08:00", "05/01/2022 17:00",
                "07/01/2022 09:00", "07/01/2022 10:00"),  # late
        dossier("A02", "TEST-A", P1, "Trực tuyến", "04/01/2022 08:00", "06/01/2022 17:00",
                "10/01/2022 09:00", "10/01/2022 10:00", POST),  # late
        dossier("A03", "TEST-A", P2, "Trực tiếp", "05/01/2022 08:00", "07/01/2022 17:00",
                "06/01/2022 09:00", "06/01/2022 10:00"),  # early
        dossier("A04", "TEST-A", P2, "Trực tiếp", "06/01/2022 08:00", "10/01/2022 17:00",
                "10/01/2022 15:00", "10/01/2022 16:00"),  # on time
    ]),
    "a_moi.csv": ((), [
        dossier("A05", "TEST-A", P1, "Trực tiếp", "14/02/2022 08:00", "16/02/2022 17:00",
                "18/02/2022 09:00", "18/02/2022 10:00", apology="Có"),  # late, slip
        dossier("A06", "TEST-A", P2, "Trực tiếp", "15/02/2022 08:00", "17/02/2022 17:00",
                "21/02/2022 09:00", "21/02/2022 10:00", apology="Không"),  # late, no slip
        dossier("A07", "TEST-A", P1, "Trực tuyến", "16/02/2022 08:00", "18/02/2022 17:00",
                "18/02/2022 09:00", "18/02/2022 10:00", POST),  # on time
    ]),
    "b.csv": (("return",), [
        dossier("B01", "TEST-B", P1, "Trực tiếp", "03/01/2022 08:00", "05/01/2022 17:00",
                "04/01/2022 09:00", "05/01/2022 10:00"),
        dossier("B02", "TEST-B", P1, "Trực tuyến", "04/01/2022 08:00", "06/01/2022 17:00",
                "05/01/2022 09:00", "06/01/2022 10:00"),
        dossier("B03", "TEST-B", P2, "Trực tiếp", "05/01/2022 08:00", "07/01/2022 17:00",
                "06/01/2022 09:00", "07/01/2022 10:00"),
    ]),
    "c.csv": ((), [
        dossier("C01", "TEST-C", P1, "Trực tuyến", "03/01/2022 08:00", "05/01/2022 17:00",
                "05/01/2022 09:00", "05/01/2022 10:00", POST, requests="1", days="1"),
        dossier("C02", "TEST-C", P2, "Trực tiếp", "04/01/2022 08:00", "06/01/2022 17:00",
                "07/01/2022 09:00", "07/01/2022 10:00", apology="Có"),  # late, slip
        dossier("C03", "TEST-C", P2, "Qua BCCI", "05/01/2022 08:00", "07/01/2022 17:00",
                "06/01/2022 09:00", "07/01/2022 10:00", POST),
        dossier("C04", "TEST-C", P1, "Trực tiếp", "10/01/2022 08:00", "12/01/2022 17:00",
                status=OPEN, ret="", apology="Không"),  # pending, overdue at the end
    ]),
    "d.csv": (("finished", "returned"), [
        dossier("D01", "TEST-D", P1, "Trực tiếp", "03/01/2022 08:00", "05/01/2022 17:00",
                status=OPEN, ret=""),
        dossier("D02", "TEST-D", P1, "Trực tuyến", "04/01/2022 08:00", "06/01/2022 17:00",
                status=OPEN, ret=""),
        dossier("D03", "TEST-D", P2, "Trực tiếp", "05/01/2022 08:00", "07/01/2022 17:00"),
    ]),
}

UNITS = """unit_code,unit_name,parent_code,parent_name
TEST-A,Phường Một,TEST-TX,Thị xã Thử
TEST-B,Phường Hai,TEST-TX,Thị xã Thử
TEST-C,Phường Ba,TEST-TX,Thị xã Thử
TEST-D,Phường Bốn,TEST-TX,Thị xã Thử
"""
CATALOGUE = """Mã TTHC,Tên TTHC,Lĩnh vực,Mức độ,Tiếp nhận/trả kết quả qua BCCI,Thời hạn giải quyết (ngày làm việc),"Phí, lệ phí"
1.001193,Đăng ký khai sinh,Hộ tịch,Toàn trình,Có,3,0
2.000815,Chứng thực bản sao từ bản chính,Chứng thực,Một phần,Có,1,0
"""  # noqa: E501
PLANS = """plan_id,unit_code,number,date,issuer,title,year
KH-B,TEST-B,12/KH-UBND,2022-01-20,UBND phường Hai,Nâng cao Chỉ số CCHC năm 2022,2022
"""
PLAN_TASKS = """task_id,section,section_title,task,lead,coordinators,timeframe,indicators,plan_id
I.1,I,Cải cách thủ tục hành chính,Trả kết quả qua dịch vụ bưu chính công ích,Công chức Một cửa,,Thường xuyên,postal_return_share,KH-B
"""  # noqa: E501
TARGETS = """indicator,target,unit_code,year,source
online_procedure_rate,0.5,,2022,Kế hoạch thử
postal_procedure_rate,0.6,,2022,Kế hoạch thử
postal_return_share,0.15,,2022,Kế hoạch thử
"""


def write_town(folder: Path) -> Path:
    """The exports, units, catalogue, targets and the sample's methodology written to
    ``folder/raw``, ingested into ``folder/processed`` (returned)."""
    raw = folder / "raw"
    raw.mkdir(parents=True)
    for name, (lacks, rows) in EXPORTS.items():
        keys = [k for k in COLUMNS if k not in lacks]
        frame = pd.DataFrame([{COLUMNS[k]: r[k] for k in keys} for r in rows])
        frame.to_csv(raw / name, index=False, encoding="utf-8")
    (raw / "units.csv").write_text(UNITS, encoding="utf-8")
    (raw / "catalogue.csv").write_text(CATALOGUE, encoding="utf-8")
    (raw / "targets.csv").write_text(TARGETS, encoding="utf-8")
    (raw / "plans.csv").write_text(PLANS, encoding="utf-8")
    (raw / "plan_tasks.csv").write_text(PLAN_TASKS, encoding="utf-8")
    shutil.copy(ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml",
                raw / "methodology.yml")
    (raw / "catalog.yml").write_text(
        "units: {path: units.csv}\ncatalogue: {path: catalogue.csv}\n"
        "targets: {path: targets.csv}\nmethodology: {path: methodology.yml}\n"
        "plans: {path: plans.csv}\nplan_tasks: {path: plan_tasks.csv}\ndossiers:\n"
        + "".join(f"- {{path: {name}, date_order: dmy}}\n" for name in EXPORTS),
        encoding="utf-8")
    processed = folder / "processed"
    write_processed(ingest(load_catalog(raw / "catalog.yml")), processed)
    return processed


# --------------------------------------------------------------------------------------
# The result rows
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Path:
    return write_town(tmp_path_factory.mktemp("town"))


@pytest.fixture(scope="module")
def tables(town) -> dict[str, pd.DataFrame]:
    return read_processed(town)


def whole(result: pd.DataFrame) -> pd.DataFrame:
    return result[result.field.isna()].set_index("indicator")


FIGURES = ["numerator", "denominator", "value", "met"]


def test_what_each_unit_lacks(tables):
    missing = missing_columns(tables, ["TEST-A"])
    assert [Path(f).name for f in missing["apology_issued"]] == ["a_cu.csv"]
    assert "apology_issued" not in missing_columns(tables, ["TEST-C"])
    assert Lacking.of(tables, ["TEST-A"]).exports == 2
    assert Lacking.of(tables, ["TEST-C"]).note_vi(["late_apologised", "late"]) is None
    # processed data written before exports were described: nothing is said to be missing
    assert missing_columns({k: v for k, v in tables.items() if k != "source_columns"},
                           ["TEST-A"]) == {}


def test_apology_without_the_column_in_one_export_is_no_data_not_25_percent(tables):
    a = all_indicators(tables, "TEST-A", "2022")
    apology = a[a.indicator == "apology_coverage"]
    # the unit and both fields with late dossiers (Hộ tịch: A01, A02, A05; Chứng thực: A06)
    assert apology.field.tolist() == ["Chứng thực", "Hộ tịch", None]
    assert apology[FIGURES].isna().all().all()
    assert apology.no_data.tolist() == [APOLOGY_NOTE] * 3
    assert apology.missing_columns.tolist() == ["apology_issued"] * 3
    # what does not need the column is as it was: by hand, 1/2, 1/2, 2/7 and 4 resolved late
    w = whole(a)
    plan = w.loc[["online_procedure_rate", "postal_procedure_rate", "postal_return_share"]]
    assert plan.numerator.tolist() == [1, 1, 2] and plan.denominator.tolist() == [2, 2, 7]
    assert plan.met.tolist() == [True, False, True] and plan.no_data.isna().all()
    assert w.loc["resolved_late", "value"] == 4 and w.loc["received_total", "value"] == 7
    # read as "no", the apology coverage was 1/4
    old = all_indicators({k: v for k, v in tables.items() if k != "source_columns"},
                         "TEST-A", "2022")
    assert tuple(whole(old).loc["apology_coverage", ["numerator", "denominator"]]) == (1, 4)


def test_a_unit_without_the_return_channel_is_not_judged_on_postal_returns(tables):
    b = all_indicators(tables, "TEST-B", "2022", by_field=True)
    postal = b[b.indicator.isin(["postal_procedure_rate", "postal_return_share"])]
    assert len(postal) == 6  # the unit and its two fields, each
    assert postal[FIGURES + ["ytd_numerator", "ytd_denominator", "ytd_value"]].isna().all().all()
    assert set(postal.no_data) == {RETURN_NOTE}  # one export: no file named
    assert set(postal.missing_columns) == {"return_channel"}
    online = whole(b).loc["online_procedure_rate"]
    assert (online.numerator, online.denominator, online.met) == (1, 2, True)
    # judged on the year to date: a month without data gives no verdict either
    month = whole(all_indicators(tables, "TEST-B", "2022-01"))
    assert month.loc["postal_return_share", ["met", "ytd_value"]].isna().all()
    assert month.loc["postal_return_share", "judged_on"] == "year_to_date"
    # read as "no", it was 0/3 = 0 %, "Chưa đạt" against 15 %
    old = whole(all_indicators({k: v for k, v in tables.items() if k != "source_columns"},
                               "TEST-B", "2022"))
    assert tuple(old.loc["postal_return_share", ["numerator", "denominator", "met"]]) == \
        (0, 3, False)


def test_a_pooled_set_lacks_what_any_of_its_units_lacks(tables):
    ab = whole(all_indicators(tables, ["TEST-A", "TEST-B"], "2022"))
    assert ab.loc["apology_coverage", "no_data"] == APOLOGY_NOTE
    assert ab.loc["postal_return_share", "no_data"] == RETURN_NOTE + " (tệp b.csv)"
    online = ab.loc["online_procedure_rate"]  # 1/2 + 1/2, pooled
    assert (online.numerator, online.denominator) == (2, 4)


def test_a_unit_with_every_column_gets_the_numbers_it_got_before(tables):
    now = all_indicators(tables, "TEST-C", "2022", by_field=True)
    before = all_indicators({k: v for k, v in tables.items() if k != "source_columns"},
                            "TEST-C", "2022", by_field=True)
    columns = [c for c in before.columns if c not in ("missing_columns", "no_data")]
    pd.testing.assert_frame_equal(now[columns], before[columns])
    assert now.no_data.isna().all() and now.missing_columns.isna().all()
    w = whole(now)  # by hand (the module's docstring)
    assert tuple(w.loc["postal_return_share", ["numerator", "denominator"]]) == (2, 3)
    assert tuple(w.loc["apology_coverage", ["numerator", "denominator", "met"]]) == (1, 2, False)
    assert tuple(w.loc["progress_on_time", ["numerator", "denominator"]]) == (2, 4)


def test_bieu06_counts_what_it_can_and_says_what_it_cannot(tables):
    lacking = Lacking.of(tables, ["TEST-D"])
    form = bieu06(tables["dossiers"], tables["catalogue"], "TEST-D", parse_period("2022"),
                  lacking=lacking)
    # D01 direct, D02 online (Hộ tịch); D03 direct (Chứng thực), ended but without the column
    assert form.received_online.tolist() == [0, 1, 1]  # Chứng thực, Hộ tịch, total
    assert form.received_direct_postal.tolist() == [1, 1, 2]
    unknown = {"received_total", "carried_over", "resolved_total", "resolved_early",
               "resolved_on_time", "resolved_late", "pending_total", "pending_in_time",
               "pending_overdue", "on_time_rate"}
    assert set(form.attrs["no_data"]) == unknown
    assert set(form.attrs["no_data"].values()) == {ENDS_NOTE}
    assert form[sorted(unknown)].isna().all().all()
    # every column of a complete unit is counted
    c = bieu06(tables["dossiers"], tables["catalogue"], "TEST-C", parse_period("2022"),
               lacking=Lacking.of(tables, ["TEST-C"]))
    assert c.attrs["no_data"] == {} and c.resolved_late.tolist() == [1, 0, 1]


# --------------------------------------------------------------------------------------
# cchc indicators
# --------------------------------------------------------------------------------------


def cchc(*args: str) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run


def test_cli_json_gives_the_note_and_the_columns(town):
    rows = json.loads(cchc("indicators", "--data", str(town), "--unit", "TEST-B", "--period",
                           "2022", "--format", "json").stdout)
    share = next(r for r in rows if r["indicator"] == "postal_return_share")
    assert share["value"] is None and share["numerator"] is None and share["met"] is None
    assert share["missing_columns"] == ["return_channel"] and share["no_data"] == RETURN_NOTE
    known = next(r for r in rows if r["indicator"] == "online_procedure_rate")
    assert known["missing_columns"] is None and known["no_data"] is None
    assert known["value"] == 0.5
    d = json.loads(cchc("indicators", "--data", str(town), "--unit", "TEST-D", "--period",
                        "2022", "--format", "json").stdout)
    late = next(r for r in d if r["indicator"] == "resolved_late" and r["field"] is None)
    assert late["value"] is None and late["missing_columns"] == ["finished_at", "returned_at"]


def test_cli_csv_and_table(town):
    csv = cchc("indicators", "--data", str(town), "--unit", "TEST-B", "--period", "2022",
               "--format", "csv").stdout
    header, *lines = csv.splitlines()
    assert header.endswith(",judged_on,missing_columns,no_data")
    row = next(line for line in lines if line.startswith("postal_return_share,"))
    assert row == ("postal_return_share,TEST-B,2022,,,,,0.15,,,,,year_to_date,"
                   f"return_channel,{RETURN_NOTE}")
    table = cchc("indicators", "--data", str(town), "--unit", "TEST-B", "--period",
                 "2022").stdout
    line = next(x for x in table.splitlines() if x.strip().startswith("postal_return_share"))
    assert "không có số liệu" in line and "Không đánh giá" in line and "0,0" not in line
    assert f"postal_return_share: {RETURN_NOTE}" in table.splitlines()


def test_cli_bieu06_csv_writes_the_note_in_the_columns_it_cannot_count(town, tmp_path):
    out = tmp_path / "bieu06.csv"
    cchc("indicators", "--data", str(town), "--unit", "TEST-D", "--period", "2022",
         "--bieu06", str(out))
    form = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    total = form.iloc[-1]
    assert total["Số hồ sơ nhận giải quyết: Trực tuyến"] == "1"
    assert total["Số hồ sơ nhận giải quyết: Trực tiếp, dịch vụ bưu chính"] == "2"
    assert total["Số hồ sơ nhận giải quyết: Tổng số"] == ENDS_NOTE
    assert (form["Số lượng hồ sơ đã giải quyết: Quá hạn"] == ENDS_NOTE).all()


def test_a_column_titled_but_never_filled_is_no_data_not_zero(tmp_path):
    """A one-stop system that exports "Phiếu xin lỗi" and "Thanh toán trực tuyến" and never
    fills them has not said that no slip was issued nor that nothing was paid online: read
    as "no", C02 (late) would be 0/1 and "Chưa đạt" against the 100 % duty."""
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = [dossier("C02", "TEST-C", P2, "Trực tiếp", "04/01/2022 08:00", "06/01/2022 17:00",
                    "07/01/2022 09:00", "07/01/2022 10:00", apology=""),
            dossier("C03", "TEST-C", P2, "Trực tiếp", "05/01/2022 08:00", "07/01/2022 17:00",
                    "06/01/2022 09:00", "07/01/2022 10:00", apology="")]
    frame = pd.DataFrame([{COLUMNS[k]: r[k] for k in COLUMNS} for r in rows])
    frame[COLUMNS["paid"]] = "   "  # spaces are no value either
    frame.to_csv(raw / "c.csv", index=False, encoding="utf-8")
    (raw / "units.csv").write_text(UNITS, encoding="utf-8")
    (raw / "catalogue.csv").write_text(CATALOGUE, encoding="utf-8")
    (raw / "catalog.yml").write_text(
        "units: {path: units.csv}\ncatalogue: {path: catalogue.csv}\n"
        "dossiers:\n- {path: c.csv, date_order: dmy}\n", encoding="utf-8")
    result = ingest(load_catalog(raw / "catalog.yml"))
    (report,) = [f for f in result.files if f.table == "dossiers"]
    assert report.columns_empty == ["paid_online", "apology_issued"]
    assert {"paid_online", "apology_issued"} <= set(report.columns_missing)
    assert "cột có tiêu đề nhưng không có giá trị nào" in summary_text(result)
    write_processed(result, tmp_path / "processed")
    a = all_indicators(read_processed(tmp_path / "processed"), "TEST-C", "2022")
    apology = whole(a).loc["apology_coverage"]
    assert pd.isna(apology.numerator) and apology.met is None
    assert apology.missing_columns == "apology_issued"
    assert whole(a).loc["online_payment_share", "value"] is None
    # what was filled is counted as before: the digitized share is 2/2
    assert whole(a).loc["digitized_share", "value"] == 1.0
