"""An export whose dates all read both ways (day and month both 12 or under): set aside with an
alert that gives the date_order line, then read in the order the data catalog gives, for a
source or for every dossier export (the catalog's own key), files named on the command line
too. Dates worked out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from cchc_lib.cli import main

CORPUS = Path(__file__).parents[1] / "corpus"
EXPORT = ("Mã hồ sơ,Mã đơn vị,Mã TTHC,Kênh thực hiện,Ngày tiếp nhận,Trạng thái\n"
          "D1,U1,1.004873,Trực tiếp,03/04/2022 08:00,Đang xử lý\n"
          "D2,U1,1.004873,Trực tiếp,05/04/2022 09:00,Đang xử lý\n")


def _project(tmp_path: Path, extra: str = "") -> Path:
    for name in ("units.csv", "catalogue.csv"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "catalog.yml").write_text(
        f"units: units.csv\ncatalogue: catalogue.csv\n{extra}", encoding="utf-8")
    (tmp_path / "tuan.csv").write_text(EXPORT, encoding="utf-8")
    return tmp_path


def _ingest(folder: Path, *more: str) -> tuple[int, str]:
    out = folder / "out"
    code = main(["ingest", "--catalog", str(folder / "catalog.yml"), "--out", str(out), *more])
    return code, (out / "ingest_alerts.txt").read_text(encoding="utf-8") if out.exists() else ""


def test_dates_that_read_both_ways_are_set_aside_with_the_line_to_add(tmp_path, capsys):
    folder = _project(tmp_path, "dossiers: [tuan.csv]\n")
    code, alerts = _ingest(folder)
    assert code == 0 and "date_order: dmy" in alerts
    assert pd.read_parquet(folder / "out" / "dossiers.parquet").empty
    q = pd.read_parquet(folder / "out" / "quarantine.parquet")
    assert q.reasons.tolist() == ["ambiguous_date:received_at"] * 2
    assert _ingest(folder, "--strict")[0] == 2  # an unattended run stops on it


def test_the_order_of_a_source(tmp_path):
    folder = _project(tmp_path, "dossiers: [{path: tuan.csv, date_order: mdy}]\n")
    assert _ingest(folder) == (0, "")
    d = pd.read_parquet(folder / "out" / "dossiers.parquet").set_index("dossier_id")
    assert d.received_at.tolist() == [pd.Timestamp("2022-03-04 08:00"),
                                      pd.Timestamp("2022-05-04 09:00")]


def test_the_catalogs_order_reaches_files_named_on_the_command_line(tmp_path):
    folder = _project(tmp_path, "date_order: dmy\n")
    code, alerts = _ingest(folder, "--dossiers", str(folder / "tuan.csv"))
    assert (code, alerts) == (0, "")
    d = pd.read_parquet(folder / "out" / "dossiers.parquet").set_index("dossier_id")
    assert d.received_at.tolist() == [pd.Timestamp("2022-04-03 08:00"),
                                      pd.Timestamp("2022-04-05 09:00")]


def test_a_value_not_read_in_many_rows_is_an_alert(tmp_path):
    """Dates written in no way ingest reads set the whole file aside: said first, with the
    first row and what it holds; --strict stops."""
    folder = _project(tmp_path, "dossiers: [tuan.csv]\n")
    (folder / "tuan.csv").write_text(EXPORT.replace("03/04/2022", "3 tháng Tư").replace(
        "05/04/2022", "5 tháng Tư"), encoding="utf-8")
    code, alerts = _ingest(folder)
    assert code == 0 and alerts.startswith("CẢNH BÁO ")
    assert ("2/2 dòng (100,0\u00a0%) bị cách ly vì ngày tháng không đọc được ở cột "
            "“Ngày tiếp nhận” (received_at); lần đầu ở dòng 2") in alerts
    assert _ingest(folder, "--strict")[0] == 2
