"""Reference files held to the rules exports are (units, catalogue, plan, progress,
self-assessment, methodology): each bad row quarantined with file and line, never dropped
without a trace; and the loud side of ingest (alerts, --strict, value_map, size limits)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_lib.cli import main
from cchc_lib.core.catalog import load_catalog
from cchc_lib.core.errors import CchcError, InputFileError, MethodologyError
from cchc_lib.ingest.methodology import load_methodology, parse_methodology
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.readers import headers

CORPUS = Path(__file__).parents[1] / "corpus"
TEMPLATE = Path(__file__).parents[2] / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml"
DOSSIERS = ("MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
            "A1,U1,1.004873,1,20220401080000,4\n")


def write_project(tmp: Path, **files: str) -> Path:
    """A small project: the corpus units and catalogue unless replaced, one dossier."""
    defaults = {"units.csv": (CORPUS / "units.csv").read_text(encoding="utf-8"),
                "catalogue.csv": (CORPUS / "catalogue.csv").read_text(encoding="utf-8"),
                "dossiers.csv": DOSSIERS}
    for name, body in {**defaults, **files}.items():
        (tmp / name).write_text(body, encoding="utf-8")
    spec = ["units: {path: units.csv}", "catalogue: {path: catalogue.csv}",
            "dossiers: [dossiers.csv]"]
    names = {"plan_tasks.csv": "plan_tasks", "plan_progress.csv": "plan_progress",
             "plans.csv": "plans",
             "self_assessment.csv": "self_assessment", "methodology.yml": "methodology"}
    spec += [f"{names[n]}: {{path: {n}}}" for n in files if n in names]
    (tmp / "catalog.yml").write_text("\n".join(spec) + "\n", encoding="utf-8")
    return tmp / "catalog.yml"


def quarantined(result, table: str) -> dict[int, str]:
    q = result.quarantine[result.quarantine.table == table]
    return dict(zip(q.source_row.astype(int), q.reasons, strict=True))


def test_units_listed_twice_keep_the_first(tmp_path):
    units = "unit_code,unit_name\nU1,Phường 1\nU2,Phường 2\nU1,Phường Một\n"
    result = ingest(load_catalog(write_project(tmp_path, **{"units.csv": units})))
    assert quarantined(result, "units") == {4: "duplicate:unit_code"}
    assert list(result.tables["units"].unit_name) == ["Phường 1", "Phường 2"]


def test_catalogue_code_twice_with_other_attributes_is_set_aside_both_times(tmp_path):
    head = (CORPUS / "catalogue.csv").read_text(encoding="utf-8")
    body = head + ("1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,Mức độ 4,x,5,3000\n"
                   "2.000950,Công nhận tổ trưởng tổ hòa giải,Phổ biến giáo dục pháp luật,"
                   "Cung cấp thông tin,Không,5,Miễn phí\n")
    result = ingest(load_catalog(write_project(tmp_path, **{"catalogue.csv": body})))
    # line 4 says 3 days, line 6 says 5 days: which is right is the office's call
    assert quarantined(result, "catalogue") == {4: "conflicting_duplicate:procedure_code",
                                                6: "conflicting_duplicate:procedure_code",
                                                7: "duplicate:procedure_code"}
    assert sorted(result.tables["catalogue"].procedure_code) == ["1.001193", "2.000815",
                                                                 "2.000950"]


def test_plan_time_frames_must_read_as_dates(tmp_path):
    tasks = ("task_id,section,task,lead,timeframe\n"
             "I.1,I,Việc một,Công chức VP-TK,Trong năm\n"
             "I.2,I,Việc hai,Công chức VP-TK,Khi nào xong thì báo\n"
             "I.3,I,Việc ba,Công chức VP-TK,\"Quý II, Quý III năm 2022\"\n")
    result = ingest(load_catalog(write_project(tmp_path, **{"plan_tasks.csv": tasks})))
    assert quarantined(result, "plan_tasks") == {3: "bad_timeframe:timeframe"}
    assert list(result.tables["plan_tasks"].task_id) == ["I.1", "I.3"]


def test_progress_rows_for_a_task_the_plan_lacks(tmp_path):
    tasks = "task_id,section,task,lead,timeframe\nI.1,I,Việc một,Công chức VP-TK,Thường xuyên\n"
    progress = ("task_id,date,status,note,evidence\n"
                "I.1,2022-04-15,Đang thực hiện,,\n"
                "I.9,2022-04-15,Hoàn thành,,\n"
                "I.1,2022-05-15,Không rõ,,\n")
    result = ingest(load_catalog(write_project(
        tmp_path, **{"plan_tasks.csv": tasks, "plan_progress.csv": progress})))
    assert quarantined(result, "plan_progress") == {3: "unknown_task:task_id",
                                                    4: "bad_code:status"}


def test_self_assessment_rows_for_unknown_criteria_and_impossible_points(tmp_path):
    rows = ("unit_code,year,criterion_id,points,evidence\n"
            "U1,2022,1.1.1,1,Văn bản số 1\n"
            "U1,2022,1.10,1,Văn bản số 2\n"
            "U1,2022,1.2,inf,Văn bản số 3\n"
            "U1,2022,1.3,hai,Văn bản số 4\n"
            "U1,2022,1.1.2,2,Văn bản số 5\n"  # its maximum: 2 points, accepted
            "U1,2022,1.1.2,2.25,Văn bản số 6\n")  # above its maximum
    result = ingest(load_catalog(write_project(
        tmp_path, **{"self_assessment.csv": rows,
                     "methodology.yml": TEMPLATE.read_text(encoding="utf-8")})))
    assert quarantined(result, "self_assessment") == {3: "unknown_criterion:criterion_id",
                                                      4: "bad_number:points",
                                                      5: "bad_number:points",
                                                      7: "above_maximum:points"}
    q = result.quarantine
    assert q[q.source_row == 7].detail.iloc[0] == "points=2.25"


def test_progress_dated_outside_its_plans_year(tmp_path):
    """A 2022 plan's update dated 2021 or 2023 (a year typed wrong) is set aside, named by
    its line; an update of a task whose plan the plans file does not date is kept."""
    plans = "plan_id,unit_code,number,year\nKH99,U1,99/KH-UBND,2022\n"
    tasks = ("task_id,section,task,lead,timeframe,plan_id\n"
             "I.1,I,Việc một,Công chức VP-TK,Thường xuyên,KH99\n"
             "I.2,I,Việc hai,Công chức VP-TK,Thường xuyên,\n")
    progress = ("task_id,date,status,note,evidence\n"
                "I.1,2022-04-15,Đang thực hiện,,\n"
                "I.1,2021-04-15,Đang thực hiện,,\n"
                "I.1,15/04/2023,Hoàn thành,,\n"
                "I.2,2021-04-15,Đang thực hiện,,\n")
    result = ingest(load_catalog(write_project(
        tmp_path, **{"plans.csv": plans, "plan_tasks.csv": tasks,
                     "plan_progress.csv": progress})))
    assert quarantined(result, "plan_progress") == {3: "outside_plan_year:date",
                                                    4: "outside_plan_year:date"}


def test_template_titles_read_whole():
    m = load_methodology(TEMPLATE)
    titles = {c.id: c.title for c in m.criteria.values()}
    assert titles["1.2"] == "Báo cáo CCHC định kỳ đầy đủ, đúng hạn"
    assert titles["1.5"] == "Sáng kiến, giải pháp mới trong chỉ đạo, điều hành CCHC"
    assert titles["3.6"] == "Thực hiện cơ chế một cửa, một cửa liên thông"
    text = TEMPLATE.read_text(encoding="utf-8")
    # every title written inside {…} is quoted, so a comma cannot cut it
    for line in text.splitlines():
        if "{" in line and "title:" in line:
            assert 'title: "' in line, line


@pytest.mark.parametrize(("snippet", "message"), [
    ('{id: "1.2", title: Báo cáo đầy đủ, đúng hạn, max_points: 100, manual: true}',
     "khóa không dùng được: đúng hạn"),
    ('{id: 1.10, title: "Báo cáo", max_points: 100, manual: true}', "bị đọc thành số"),
    ('{id: "1", title: "Báo cáo", max_points: .inf, manual: true}', "phải là số"),
    ('{id: "1", title: "Báo cáo", max_points: 100, manual: true, diem: 3}',
     "khóa không dùng được: diem"),
])
def test_methodology_refuses_what_it_would_misread(snippet, message):
    with pytest.raises(MethodologyError, match=r"dòng \d+.*" + message.replace("(", r"\(")
                       .replace(")", r"\)")):
        parse_methodology(f"max_points: 100\nfields:\n  - {snippet}\n", "m.yml")


# --------------------------------------------------------------------------------------
# Loud, not silent
# --------------------------------------------------------------------------------------

def _export(tmp: Path, rows: int, channel: str) -> Path:
    body = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n" + "".join(
        f"D{i},U1,1.004873,{channel if i % 2 else 1},20220401080000,4\n" for i in range(rows))
    path = tmp / "export.csv"
    path.write_text(body, encoding="utf-8")
    return path


def test_one_unread_value_setting_many_rows_aside_is_said_first(tmp_path, capsys):
    export = _export(tmp_path, 60, "Một cửa điện tử")  # 30 of 60 rows
    code = main(["ingest", "--catalog", str(CORPUS / "catalog.yml"), "--out",
                 str(tmp_path / "out"), "--dossiers", str(export)])
    out = capsys.readouterr()
    assert code == 0
    assert "30/60 dòng (50,0\u00a0%)" in out.err and '"Một cửa điện tử"' in out.err
    assert 'value_map: {receive_channel: {"Một cửa điện tử": online|direct}}' in out.err


def test_strict_refuses_to_write_when_an_unread_value_sets_rows_aside(tmp_path, capsys):
    export = _export(tmp_path, 60, "Một cửa điện tử")
    code = main(["ingest", "--catalog", str(CORPUS / "catalog.yml"), "--out",
                 str(tmp_path / "out"), "--dossiers", str(export), "--strict"])
    assert code == 2 and not (tmp_path / "out").exists()
    assert "--strict: không ghi dữ liệu nào" in capsys.readouterr().err


def test_a_few_unread_values_below_both_thresholds_are_not_alerts(tmp_path):
    # 1 of 200 rows (0.5 %, under 20 rows): quarantined, not shouted
    body = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n" + "".join(
        f"D{i},U1,1.004873,{'9' if i == 0 else 1},20220401080000,4\n" for i in range(200))
    (tmp_path / "e.csv").write_text(body, encoding="utf-8")
    from cchc_lib.core.catalog import with_overrides
    result = ingest(with_overrides(load_catalog(CORPUS / "catalog.yml"),
                                   dossiers=[str(tmp_path / "e.csv")]))
    assert len(result.quarantine) == 1 and result.alerts == []


def test_a_typed_name_is_never_written_in_the_alert(tmp_path, capsys):
    export = _export(tmp_path, 60, "Nguyễn Thị Hoa")
    main(["ingest", "--catalog", str(CORPUS / "catalog.yml"), "--out", str(tmp_path / "out"),
          "--dossiers", str(export)])
    err = capsys.readouterr().err
    assert "Nguyễn" not in err and "<văn bản, 14 ký tự>" in err and "<giá trị ở dòng 3>" in err
    assert "Nguyễn" not in (tmp_path / "out" / "quarantine.csv").read_text(encoding="utf-8")


def test_value_map_names_a_code_of_the_column(tmp_path):
    path = write_project(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "value_map: {receive_channel: {TT: buu dien}}\n", encoding="utf-8")
    with pytest.raises(CchcError, match="không phải mã của cột receive_channel"):
        load_catalog(path)
    path.write_text(text + "value_map: {procedure_name: {TT: online}}\n", encoding="utf-8")
    with pytest.raises(CchcError, match="không chứa mã"):
        load_catalog(path)


def test_a_file_past_the_size_limit_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(headers, "MAX_FILE_BYTES", 2000)  # the catalogue is smaller
    export = _export(tmp_path, 100, "1")
    shutil.copy(export, tmp_path / "big.csv")
    from cchc_lib.core.catalog import with_overrides
    with pytest.raises(InputFileError, match="big.csv.*nhiều hơn"):
        ingest(with_overrides(load_catalog(CORPUS / "catalog.yml"),
                              dossiers=[str(tmp_path / "big.csv")]))


def test_ingest_leaves_its_alerts_for_the_run_to_say(tmp_path):
    """`cchc run` ingests inside a notebook, then prints the alerts it left (cron mails them)."""
    from cchc_lib.ingest.pipeline import run
    from cchc_lib.ingest.store import last_alerts

    export = _export(tmp_path, 60, "Một cửa điện tử")
    catalog = tmp_path / "catalog.yml"
    catalog.write_text(f"include: {CORPUS / 'catalog.yml'}\ndossiers: [{export}]\n",
                       encoding="utf-8")
    run(catalog, tmp_path / "out")
    assert '"Một cửa điện tử"' in last_alerts(tmp_path / "out")
    clean = _export(tmp_path, 60, "Trực tuyến")
    run(catalog, tmp_path / "out", dossiers=[str(clean)])
    assert last_alerts(tmp_path / "out") == ""


def test_a_name_or_phone_in_an_id_column_never_reaches_the_quarantine(tmp_path):
    """A hand-edited sheet with columns shifted: the citizen's name sits in the dossier-id
    column and the phone in the unit column; the row is set aside, neither value is kept."""
    body = ("MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
            "Nguyễn Văn An,0912345678,1.004873,1,20220401080000,4\n"
            "A2,U1,1.004873,1,20220401080000,4\n")
    (tmp_path / "shifted.csv").write_text(body, encoding="utf-8")
    from cchc_lib.core.catalog import with_overrides
    result = ingest(with_overrides(load_catalog(CORPUS / "catalog.yml"),
                                   dossiers=[str(tmp_path / "shifted.csv")]))
    q = result.quarantine
    assert len(q) == 1
    row = q.iloc[0]
    assert row.dossier_id == "<văn bản, 13 ký tự>" and row.unit_code == "<số, 10 chữ số>"
    assert "Nguyễn" not in q.to_csv() and "0912345678" not in q.to_csv()


def test_quarantine_names_the_column_as_the_office_titled_it(tmp_path):
    """quarantine.csv says which cell to fix in the office's own words: the file, the sheet,
    the line and the column under the title the file gives it."""
    import pandas as pd

    from cchc_lib.ingest.store import write_processed

    rows = ("Mã đơn vị,Năm,Mã tiêu chí,Điểm tự chấm,Tài liệu kiểm chứng\n"
            "U1,2022,1.1.2,9,Văn bản số 6\n")
    result = ingest(load_catalog(write_project(
        tmp_path, **{"self_assessment.csv": rows,
                     "methodology.yml": TEMPLATE.read_text(encoding="utf-8")})))
    write_processed(result, tmp_path / "processed")
    q = pd.read_csv(tmp_path / "processed/quarantine.csv", encoding="utf-8-sig")
    row = q[q["Mã lý do"] == "above_maximum:points"].iloc[0]
    assert row["Dòng"] == 2 and row["Cột trong tệp"] == "Điểm tự chấm"
    assert row["Lý do"] == "Điểm tự chấm cao hơn điểm tối đa của tiêu chí (points)"
