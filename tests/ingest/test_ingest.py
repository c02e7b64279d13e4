"""Ingest on small real files (CSV written as bytes, XLSX written by xlsxwriter)."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter

from cchc_lib.core.catalog import DataCatalog, Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import read_processed, write_processed

CATALOGUE_CSV = (
    "Mã TTHC,Tên TTHC,Lĩnh vực,Mức độ,Tiếp nhận/trả kết quả qua BCCI,"
    "Thời hạn giải quyết (ngày làm việc),\"Phí, lệ phí\"\n"
    "1.001193,Đăng ký khai sinh,Hộ tịch,Toàn trình,Có,0,0\n"
    "2.000815,Chứng thực bản sao từ bản chính,Chứng thực,Một phần,Có,Trong ngày,2.000\n"
    "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,Mức độ 4,x,3,3000\n"
    "2.000950,Công nhận tổ trưởng tổ hòa giải,Phổ biến giáo dục pháp luật,Cung cấp thông tin,"
    "Không,5,Miễn phí\n"
)
UNITS_CSV = ("unit_code,unit_name,parent_code,parent_name\n"
             "U1,Phường 1,T,Thị xã\nU2,Phường 2,T,Thị xã\n")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def catalog_for(tmp_path: Path, dossier_sources: list[Source], personal=()) -> DataCatalog:
    src = lambda p: Source(p, p.name)  # noqa: E731
    return DataCatalog(
        path=tmp_path / "catalog.yml",
        sources={"units": src(write(tmp_path / "units.csv", UNITS_CSV)),
                 "catalogue": src(write(tmp_path / "catalogue.csv", CATALOGUE_CSV))},
        dossiers=tuple(dossier_sources), personal_columns=tuple(personal))


def source(path: Path, unit_code: str | None = None) -> Source:
    return Source(path, path.name, unit_code=unit_code)


DVCQG = (
    "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,HinhThuc,ChuHoSo,SoDinhDanh,SoDienThoai,NgayTiepNhan,"
    "NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoLanBoSung,DuocThanhToanTrucTuyen,"
    "MaKetQua,DuongDanTepTinKetQua\n"
    "H1,U1, 1.001193 ,2,0,Nguyễn Văn An,045090000001,0912345678,20220315083000,"
    "20220315170000,20220315100000,20220315110000,10,0,0,KQ1,/kq/H1.pdf\n"
    "H2,U1,2.000815,1,1,Trần Thị Bình,045190000002,0987654321,20220316090000,"
    "20220316170000,20220316093000,20220318080000,10,1,2,,\n"
    "H3,U1,1.004873,3,,Lê Văn Cường,045090000003,0911111111,20220317100000,"
    ",,,4,,0,,\n"
)


def test_dvcqg_csv_values(tmp_path):
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "d.csv", DVCQG))]))
    d = r.tables["dossiers"].set_index("dossier_id")
    assert d.loc["H1", "procedure_code"] == "1.001193"  # stray spaces removed
    assert d.receive_channel.tolist() == ["online", "direct", "postal"]
    assert d.loc["H1", "return_channel"] == "direct" and d.loc["H2", "return_channel"] == "postal"
    assert d.loc["H1", "received_at"] == pd.Timestamp("2022-03-15 08:30")
    assert d.loc["H2", "returned_at"] == pd.Timestamp("2022-03-18 08:00")
    assert d.status.tolist() == ["returned", "returned", "processing"]
    assert d.loc["H2", "paid_online"]  # DuocThanhToanTrucTuyen 2 = paid online
    assert d.loc["H1", "e_result"] and not d.loc["H2", "e_result"]  # code + file path
    assert d.loc["H1", "field_name"] == "Hộ tịch"  # from the catalogue
    # H3 has no due date: derived from the catalogue, 3 working days after Thu 17/03/2022
    assert d.loc["H3", "due_at"].date() == datetime(2022, 3, 22).date()
    assert d.due_derived.tolist() == [False, False, True]


def test_personal_columns_are_dropped_and_named(tmp_path):
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "d.csv", DVCQG))]))
    report = [f for f in r.files if f.table == "dossiers"][0]
    assert report.personal_columns_dropped == ["ChuHoSo", "SoDinhDanh", "SoDienThoai"]
    flat = r.tables["dossiers"].astype(str).to_numpy().ravel().tolist()
    for value in ("Nguyễn Văn An", "045090000001", "0912345678"):
        assert value not in flat


def test_analyst_listed_column_is_dropped(tmp_path):
    text = DVCQG.replace("MaKetQua", "GhiChu", 1)
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "d.csv", text))],
                           personal=["Ghi chú"]))
    assert "GhiChu" in r.files[-1].personal_columns_dropped


VN_HEADERS = (
    "So ho so;Ma thu tuc;Ho ten nguoi nop;Hinh thuc nop;Ngay nhan;Han giai quyet;"
    "Ngay hoan thanh;Ngay tra;Hinh thuc nhan ket qua;Tinh trang;Da xin loi\n"
    "V1;1.001193;Phạm Thị Dung;Trực tuyến;15/03/2022 08:30;15/03/2022;15/03/2022 10:00;"
    "15/03/2022 11:00;Trả kết quả điện tử;Đã trả kết quả;\n"
    "V2;2.000815;Hoàng Văn Em;qua bưu chính công ích;1/4/2022;1/4/2022;4/4/2022;;;"
    "da xu ly xong;Co\n"
)


@pytest.mark.parametrize("encoding, prefix", [("utf-8", ""), ("utf-8", "\ufeff"),
                                              ("utf-16", "")])
def test_vietnamese_headers_without_diacritics_any_encoding(tmp_path, encoding, prefix):
    path = write(tmp_path / "hl.csv", prefix + VN_HEADERS, encoding)
    r = ingest(catalog_for(tmp_path, [source(path, unit_code="U2")]))
    d = r.tables["dossiers"].set_index("dossier_id")
    assert d.unit_code.tolist() == ["U2", "U2"]  # from the catalog: the file has no unit column
    assert d.receive_channel.tolist() == ["online", "postal"]
    assert d.loc["V1", "return_channel"] == "online"
    assert d.loc["V2", "received_at"] == pd.Timestamp("2022-04-01")  # day first, always
    assert d.status.tolist() == ["returned", "resolved"]
    assert d.loc["V2", "apology_issued"] and pd.isna(d.loc["V1", "apology_issued"])


def test_nfd_headers_and_values(tmp_path):
    nfd = unicodedata.normalize("NFD", VN_HEADERS.replace("So ho so", "Số hồ sơ"))
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "d.csv", nfd), "U1")]))
    d = r.tables["dossiers"]
    assert d.dossier_id.tolist() == ["V1", "V2"]
    assert d.status.tolist() == ["returned", "resolved"]


def write_xlsx(path: Path, header_row: int = 4) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Hồ sơ")
    ws.merge_range(0, 0, 0, 5, "UBND PHƯỜNG 2")
    ws.write(1, 0, "DANH SÁCH HỒ SƠ TIẾP NHẬN")
    headers = ["STT", "Mã hồ sơ", "Mã TTHC", "Chủ hồ sơ", "Kênh thực hiện", "Ngày tiếp nhận",
               "Ngày hẹn trả", "Ngày kết thúc xử lý", "Trạng thái"]
    ws.write_row(header_row, 0, headers)
    fmt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    rows = [
        (1, "X1", 2.000815, "Võ Thị Giang", "Trực tiếp", datetime(2022, 5, 9, 8, 0),
         "09/05/2022 17:00", datetime(2022, 5, 9, 9, 0), "Đã trả kết quả"),
        (2, "X2", "1.001193", "Đỗ Văn Hải", "Qua BCCI", 44691.5, "", "", 4),
        (3, "X3", "1.001193", "Bùi Thị Lan", "Trực tiếp", "31/02/2022 08:00", "", "",
         "Đang xử lý"),
    ]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if isinstance(v, datetime):
                ws.write_datetime(header_row + 1 + i, j, v, fmt)
            elif v != "":
                ws.write(header_row + 1 + i, j, v)
    wb.add_worksheet("Ghi chú").write(0, 0, "Xuất từ hệ thống một cửa")
    wb.close()
    return path


def test_xlsx_title_block_native_and_serial_dates(tmp_path):
    path = write_xlsx(tmp_path / "p2.xlsx")
    r = ingest(catalog_for(tmp_path, [source(path, "U2")]))
    d = r.tables["dossiers"].set_index("dossier_id")
    assert d.index.tolist() == ["X1", "X2"]
    assert d.loc["X1", "procedure_code"] == "2.000815"  # a float cell keeps 6 decimals
    assert d.loc["X1", "received_at"] == pd.Timestamp("2022-05-09 08:00")
    assert d.loc["X1", "due_at"] == pd.Timestamp("2022-05-09 17:00")
    assert d.loc["X2", "received_at"] == pd.Timestamp("2022-05-10 12:00")  # Excel serial
    assert d.loc["X2", "status"] == "processing"
    q = r.quarantine
    assert q.source_row.tolist() == [8]  # header on row 5, X3 on row 8
    assert q.source_sheet.tolist() == ["Hồ sơ"]
    assert q.reasons.tolist() == ["bad_date:received_at"]
    assert q.detail.tolist() == ["received_at=31/02/2022 08:00"]


BAD_ROWS = (
    "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,"
    "TrangThaiHoSo\n"
    "B1,U1,1.001193,1,20220301080000,20220301170000,20220301090000,20220301100000,10\n"  # ok
    "B2,U1,,1,20220301080000,,,,4\n"  # missing procedure code
    "B3,U1,1.001193,9,20220301080000,,,,4\n"  # unknown channel code
    "B4,U1,1.001193,1,20220305080000,20220305170000,20220303090000,,9\n"  # received after finished
    "B5,U1,1.001193,1,20220305080000,20220304170000,,,4\n"  # due before received
    "B6,U1,1.001193,1,20220301080000,,,,9\n"  # resolved with no end date
    "B1,U1,1.001193,1,20220301080000,20220301170000,,,4\n"  # older copy of B1
    "B7,U1,1.99999,1,20220301080000,20220301170000,,,4\n"  # unknown procedure: kept, flagged
    ",,,,,,,,\n"  # an empty line is not a row
)


def test_bad_rows_quarantined_with_reasons_and_rows_conserved(tmp_path):
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "b.csv", BAD_ROWS))]))
    d = r.tables["dossiers"]
    assert d.dossier_id.tolist() == ["B1", "B7"]
    assert d.set_index("dossier_id").loc["B1", "status"] == "returned"  # most advanced kept
    assert d.set_index("dossier_id").loc["B7", "unknown_procedure"]
    q = r.quarantine.set_index("source_row")
    assert q.reasons.to_dict() == {
        3: "missing:procedure_code",
        4: "bad_code:receive_channel",
        5: "received_after_finished:received_at",
        6: "due_before_received:due_at",
        7: "status_without_end_date:status",
        8: "duplicate:dossier_id",
    }
    f = [f for f in r.files if f.table == "dossiers"][0]
    assert (f.rows_in, f.accepted, f.quarantined) == (8, 2, 6)


def test_unreadable_files_stop_with_one_message(tmp_path):
    empty = write(tmp_path / "empty.csv", "")
    with pytest.raises(InputFileError, match="empty.csv: tệp trống, không có dữ liệu"):
        ingest(catalog_for(tmp_path, [source(empty)]))
    junk = write(tmp_path / "notes.csv", "hello\nworld\n")
    with pytest.raises(InputFileError, match="notes.csv: không tìm thấy dòng tiêu đề"):
        ingest(catalog_for(tmp_path, [source(junk)]))
    no_status = write(tmp_path / "nostatus.csv", DVCQG.replace("TrangThaiHoSo", "Khac"))
    with pytest.raises(InputFileError, match="thiếu cột bắt buộc: status"):
        ingest(catalog_for(tmp_path, [source(no_status)]))
    fake = tmp_path / "broken.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(InputFileError, match="broken.xlsx: không đọc được như một sổ Excel"):
        ingest(catalog_for(tmp_path, [source(fake)]))


def test_write_is_all_or_nothing_and_round_trips(tmp_path):
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "d.csv", DVCQG))]))
    out = tmp_path / "processed"
    write_processed(r, out)
    back = read_processed(out)
    pd.testing.assert_frame_equal(back["dossiers"], r.tables["dossiers"])
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["calendar.parquet", "catalogue.parquet", "data_quality.csv", "dossiers.parquet",
         "ingest_alerts.txt", "ingest_summary.csv", "official_results.parquet", "provenance.json",
         "plan_progress.parquet", "plans.parquet",
         "plan_tasks.parquet", "quarantine.csv", "quarantine.parquet", "self_assessment.parquet",
         "source_columns.parquet", "targets.parquet", "units.parquet"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".processed")]


def test_sheet_without_required_columns_is_skipped_and_counted(tmp_path):
    path = tmp_path / "two.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    summary = wb.add_worksheet("Thống kê")
    summary.write_row(0, 0, ["Lĩnh vực", "Mã TTHC", "Tên TTHC", "Số hồ sơ"])
    summary.write_row(1, 0, ["Hộ tịch", "1.001193", "Đăng ký khai sinh", 12])
    summary.write_row(2, 0, ["Chứng thực", "2.000815", "Chứng thực bản sao", 40])
    data = wb.add_worksheet("Hồ sơ")
    data.write_row(0, 0, ["Mã hồ sơ", "Mã TTHC", "Kênh thực hiện", "Ngày tiếp nhận", "Trạng thái"])
    data.write_row(1, 0, ["Z1", "1.001193", "Trực tiếp", "14/04/2022 08:00", "Đang xử lý"])
    wb.close()
    r = ingest(catalog_for(tmp_path, [source(path, "U1")]))
    reports = {f.sheet: f for f in r.files if f.table == "dossiers"}
    assert reports["Thống kê"].rows_skipped == {"incomplete_sheet": 2}
    assert (reports["Hồ sơ"].rows_in, reports["Hồ sơ"].accepted) == (1, 1)
    assert r.tables["dossiers"].dossier_id.tolist() == ["Z1"]


def test_two_digit_years_are_day_first(tmp_path):
    text = ("MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
            "Y1,U1,1.001193,1,15/04/22,4\n")
    r = ingest(catalog_for(tmp_path, [source(write(tmp_path / "y.csv", text))]))
    assert r.tables["dossiers"].received_at.iloc[0] == pd.Timestamp("2022-04-15")


def test_quarantine_csv_reads_in_vietnamese():
    from cchc_lib.ingest.quality import quarantine_for_readers, reasons_vi

    assert reasons_vi("bad_code:status; missing:received_at") == (
        "Mã không hợp lệ (status); Thiếu giá trị bắt buộc (received_at)")
    q = pd.DataFrame({"table": ["dossiers"], "source_file": ["a.csv"], "source_sheet": [""],
                      "source_row": [7], "reasons": ["duplicate:dossier_id"],
                      "unit_code": ["U1"], "dossier_id": ["H1"], "procedure_code": ["1.0"],
                      "received_at": [pd.NaT], "detail": [""]})
    out = quarantine_for_readers(q)
    assert list(out.columns) == ["Bảng", "Tệp", "Trang tính", "Dòng", "Lý do", "Mã lý do",
                                 "Mã đơn vị", "Mã hồ sơ", "Mã TTHC", "Ngày tiếp nhận",
                                 "Chi tiết"]
    assert out["Lý do"].iloc[0] == "Mã bị trùng (dossier_id)"
    assert out["Bảng"].iloc[0] != "dossiers"  # the table's Vietnamese name


def test_duplicates_are_decided_among_the_rows_still_in():
    """A row already set aside (``among`` False) neither is a duplicate nor makes one: B's
    second row is out, so B's first row stays; A's older copy is the duplicate."""
    from cchc_lib.ingest.checks import mark_duplicates

    at = pd.Timestamp("2022-03-01 08:00")
    df = pd.DataFrame({
        "unit_code": ["U1", "U1", "U1", "U1"],
        "dossier_id": ["A", "A", "B", "B"],
        "status": ["processing", "returned", "processing", "returned"],
        "received_at": [at] * 4,
        "finished_at": [pd.NaT, at, pd.NaT, at],
        "returned_at": [pd.NaT, at, pd.NaT, at],
    })
    among = pd.Series([True, True, True, False])
    assert mark_duplicates(df, among).tolist() == [True, False, False, False]
    assert mark_duplicates(df).tolist() == [True, False, True, False]
