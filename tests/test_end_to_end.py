"""Sample end to end through the real command line: ingest -> indicators JSON, checked
against figures recomputed straight from the raw export with plain pandas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data/raw/sample"


def cchc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "processed"
    run = cchc("ingest", "--catalog", str(RAW / "catalog.yml"), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "cột dữ liệu cá nhân đã bỏ: ChuHoSo" in run.stdout
    return out


@pytest.fixture(scope="module")
def p2_2022(processed) -> list[dict]:
    run = cchc("indicators", "--data", str(processed), "--unit", "SAMPLE-P2", "--period", "2022",
               "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_rows_conserved_for_every_file(processed):
    summary = pd.read_csv(processed / "ingest_summary.csv")
    assert (summary.rows_in == summary.accepted + summary.quarantined).all()
    dossiers = pd.read_parquet(processed / "dossiers.parquet")
    quarantine = pd.read_parquet(processed / "quarantine.parquet")
    d = summary[summary.table == "dossiers"]
    assert d.accepted.sum() == len(dossiers)
    assert d.quarantined.sum() == (quarantine.table == "dossiers").sum()
    # the raw files' data lines, counted without the workbook's reader
    raw_rows = sum(len(pd.read_csv(RAW / "dossiers" / f, sep=None, engine="python", dtype=str))
                   for f in ("dvcqg_2021.csv", "dvcqg_2022.csv", "haile_2021.csv",
                             "haile_2022.csv"))
    raw_rows += sum(len(pd.read_excel(RAW / "dossiers" / f, engine="calamine", skiprows=5))
                    for f in ("phuong2_2021.xlsx", "phuong2_2022.xlsx"))
    assert d.rows_in.sum() == raw_rows


def test_json_shape(p2_2022):
    keys = ["indicator", "unit_code", "period", "field", "numerator", "denominator", "value",
            "target", "met", "ytd_numerator", "ytd_denominator", "ytd_value", "judged_on",
            "missing_columns", "no_data"]
    assert all(list(r) == keys for r in p2_2022)
    plan_ids = ["online_procedure_rate", "postal_procedure_rate", "postal_return_share"]
    plan = [r for r in p2_2022 if r["indicator"] in plan_ids]
    assert [r["indicator"] for r in plan] == plan_ids
    assert p2_2022[:3] == plan  # the plan's three come first
    assert [r["target"] for r in plan] == [0.5, 0.6, 0.15]
    count = next(r for r in p2_2022 if r["indicator"] == "received_online" and r["field"] is None)
    assert count["numerator"] is None and count["denominator"] is None
    assert isinstance(count["value"], int)
    fields = {r["field"] for r in p2_2022 if r["indicator"] == "received_total"}
    assert None in fields and {"Hộ tịch", "Chứng thực"} <= fields
    ids = {r["indicator"] for r in p2_2022}
    assert {"progress_on_time", "online_provision_rate", "online_service_uptake",
            "online_dossier_share", "online_payment_share", "digitized_share", "e_result_share",
            "apology_coverage", "on_time_rate"} <= ids


def _raw_p2(processed: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Phường 2's exports (2021 and 2022) and the catalogue, read with pandas alone, less the
    rows ingest listed in its quarantine."""
    quarantine = pd.read_csv(processed / "quarantine.csv", encoding="utf-8-sig")
    frames = []
    for year in (2021, 2022):
        x = pd.read_excel(RAW / f"dossiers/phuong2_{year}.xlsx", engine="calamine", skiprows=5,
                          dtype={"Mã TTHC": str, "Mã hồ sơ": str})
        bad = quarantine[quarantine["Tệp"].str.endswith(f"phuong2_{year}.xlsx")]
        frames.append(x.drop(index=bad["Dòng"] - 7))  # header on row 6: row n = index n - 7
    x = pd.concat(frames, ignore_index=True)
    x = x[~x["Trạng thái"].isin(["Mới đăng ký", "Không được tiếp nhận"])]
    x["received"] = pd.to_datetime(x["Ngày tiếp nhận"], errors="coerce")
    x["returned"] = pd.to_datetime(x["Ngày trả kết quả"], format="%d/%m/%Y %H:%M")
    return x, pd.read_csv(RAW / "catalogue.csv", dtype=str)


def test_hand_check_online_procedures(p2_2022, processed):
    x, cat = _raw_p2(processed)
    x = x[x.received.dt.year == 2022]
    online_enabled = set(cat.loc[cat["Mức độ"].isin(["Một phần", "Toàn trình"]), "Mã TTHC"])
    with_online = set(x.loc[x["Kênh thực hiện"] == "Trực tuyến", "Mã TTHC"]) & online_enabled
    r = next(r for r in p2_2022 if r["indicator"] == "online_procedure_rate")
    assert (r["numerator"], r["denominator"]) == (len(with_online), len(online_enabled))
    # one procedure by hand: birth registrations received online in 2022
    births = x[(x["Mã TTHC"] == "1.001193") & (x["Kênh thực hiện"] == "Trực tuyến")]
    d = pd.read_parquet(processed / "dossiers.parquet")
    mine = d[(d.unit_code == "SAMPLE-P2") & (d.procedure_code == "1.001193")
             & (d.receive_channel == "online") & (d.received_at.dt.year == 2022)
             & ~d.status.isin(["registered", "not_accepted"])]
    assert len(mine) == len(births) > 0


def test_hand_check_postal_returns(p2_2022, processed):
    x, cat = _raw_p2(processed)
    postal = set(cat.loc[cat["Tiếp nhận/trả kết quả qua BCCI"] == "Có", "Mã TTHC"])
    returned = x[(x.returned.dt.year == 2022) & x["Mã TTHC"].isin(postal)]
    by_post = returned["Hình thức trả kết quả"] == "Bưu chính công ích"
    r = next(r for r in p2_2022 if r["indicator"] == "postal_return_share")
    assert (r["numerator"], r["denominator"]) == (int(by_post.sum()), len(returned))
    assert r["value"] == pytest.approx(by_post.mean())


def test_bieu06_total_adds_up(p2_2022):
    total = {r["indicator"]: r["value"] for r in p2_2022 if r["field"] is None}
    assert total["received_total"] == (total["received_online"] + total["received_direct_postal"]
                                       + total["carried_over"])
    assert total["resolved_total"] == (total["resolved_early"] + total["resolved_on_time"]
                                       + total["resolved_late"])
    per_field = [r["value"] for r in p2_2022
                 if r["indicator"] == "received_total" and r["field"] is not None]
    assert sum(per_field) == total["received_total"]
