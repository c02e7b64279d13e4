"""The sample's logbook filled in as an office fills it, with the mistakes offices make (each
one tried on a copy of the workbook by hand first, in Excel's place with openpyxl): every
mistake is set aside with its sheet, its Excel row and its reason, nothing wrong reaches the
processed tables, and every row read is accounted for.

The mistakes come from trying the workbook as a ward officer would: a unit typed that is not
in the units sheet, a criterion scored twice with different points, a criterion the dossiers
score typed into the self-assessment, points above the maximum or in words, evidence in a
folder outside data/evidence, a task the plan lacks, an update dated in the next year, a status
typed outside the list, a task written twice with different content, a target and an official
result for a unit that does not exist, a new plan's row left for later."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml

from cchc_lib.core.catalog import load_catalog
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.reports.logbook import SHEETS, TABLES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"
LOGBOOK = ROOT / "data/raw/sample/so_theo_doi_2022.xlsx"
SA, PROGRESS, TASKS = SHEETS["self_assessment"], SHEETS["plan_progress"], SHEETS["plan_tasks"]
TARGETS, RESULTS, PLANS = SHEETS["targets"], SHEETS["official_results"], SHEETS["plans"]


def _append(ws, row: tuple) -> int:
    ws.append(row)
    return ws.max_row


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The logbook with the office's mistakes, ingested; the rows each mistake sits on."""
    folder = tmp_path_factory.mktemp("office")
    wb = openpyxl.load_workbook(LOGBOOK)
    at: dict[str, tuple[str, int, str]] = {}
    sa = wb[SA]
    at["unknown unit"] = (SA, _append(sa, ("SAMPLE-P9", 2022, "1.2", 1, "Văn bản số 3")),
                          "unknown_unit:unit_code")
    # Phường 2's 1.2 scored twice, with different points: both rows set aside
    first = next(r[0].row for r in sa.iter_rows(min_row=2)
                 if r[0].value == "SAMPLE-P2" and r[2].value == "1.2")
    at["scored twice (first)"] = (SA, first, "conflicting_duplicate:criterion_id")
    at["scored twice (second)"] = (SA, _append(sa, ("SAMPLE-P2", 2022, "1.2", 0.5, "VB 9")),
                                   "conflicting_duplicate:criterion_id")
    at["year typed wrong"] = (SA, _append(sa, ("SAMPLE-P1", 2202, "1.2", 1, "VB 8")),
                              "implausible_year:year")
    at["computed criterion"] = (SA, _append(sa, ("SAMPLE-P2", 2022, "3.2", 2, "VB 10")),
                                "not_self_assessed:criterion_id")
    at["group of criteria"] = (SA, _append(sa, ("SAMPLE-P3", 2022, "1.1", 3, "VB 11")),
                               "not_self_assessed:criterion_id")
    at["above maximum"] = (SA, _append(sa, ("SAMPLE-AD", 2023, "1.2", 5, "VB 12")),
                           "above_maximum:points")
    at["points in words"] = (SA, _append(sa, ("SAMPLE-AD", 2023, "1.3", "hai", "VB 13")),
                             "bad_number:points")
    at["evidence outside"] = (SA, _append(sa, ("SAMPLE-AD", 2023, "1.4", 1,
                                               "..\\..\\Documents\\quyet_dinh.pdf")),
                              "evidence_outside:evidence")
    at["evidence, no points"] = (SA, _append(sa, ("SAMPLE-AD", 2023, "1.5", None, "VB 14")),
                                 "missing:points")
    progress = wb[PROGRESS]
    at["unknown task"] = (PROGRESS, _append(progress, ("I.9", "15/06/2022", "Đang thực hiện")),
                          "unknown_task:task_id")
    at["next year's date"] = (PROGRESS, _append(progress, ("I.1", "15/06/2023",
                                                           "Đang thực hiện")),
                              "outside_plan_year:date")
    at["status not in the list"] = (PROGRESS, _append(progress, ("I.2", "15/06/2022",
                                                                 "Sắp xong")),
                                    "bad_code:status")
    tasks = wb[TASKS]
    row = ("IV.1", "IV", "Khác", "Việc mới", "Công chức VP-TK", None, "Quý IV năm 2022", None,
           "P2-KH99-2022")
    at["task twice (first)"] = (TASKS, _append(tasks, row), "conflicting_duplicate:task_id")
    at["task twice (second)"] = (TASKS, _append(tasks, (*row[:3], "Việc mới, sửa lại",
                                                        *row[4:])),
                                 "conflicting_duplicate:task_id")
    at["target of no unit"] = (TARGETS, _append(wb[TARGETS], ("online_procedure_rate", 0.5,
                                                               "SAMPLE-P9", 2022)),
                               "unknown_unit:unit_code")
    at["result of no unit"] = (RESULTS, _append(wb[RESULTS], (2021, "SAMPLE-P9", "1.2", 2)),
                               "unknown_unit:unit_code")
    # next year's plan, its number and date left for later: not filled, not a mistake
    _append(wb[PLANS], ("P2-KH-2023", "SAMPLE-P2", None, None, None, None, 2023))
    path = folder / "so_theo_doi_2022.xlsx"
    wb.save(path)
    catalog = folder / "catalog.yml"
    spec = {"include": [str(SAMPLE_CATALOG)],
            **{name: {"path": str(path), "sheet": SHEETS[name]} for name in TABLES}}
    catalog.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return ingest(load_catalog(catalog)), at


def test_every_mistake_is_named_with_its_sheet_and_row(filled):
    result, at = filled
    q = result.quarantine[result.quarantine.table.isin(TABLES)]
    got = {(s, int(r)): reasons for s, r, reasons in
           zip(q.source_sheet, q.source_row, q.reasons, strict=True)}
    for mistake, (sheet, row, reason) in at.items():
        assert got.get((sheet, row)) == reason, (mistake, sheet, row, got.get((sheet, row)))
    assert len(got) == len(at), sorted(set(got) - {(s, r) for s, r, _ in at.values()})


def test_nothing_wrong_is_accepted(filled):
    result, _ = filled
    t = result.tables
    for name in ("self_assessment", "targets", "official_results"):
        assert "SAMPLE-P9" not in set(t[name].unit_code.dropna()), name
    sa = t["self_assessment"]
    assert not sa.criterion_id.isin(["3.2", "1.1"]).any()
    assert not ((sa.unit_code == "SAMPLE-P2") & (sa.criterion_id == "1.2")).any()
    assert set(sa.year) == {2022}  # every row of another year was a mistake
    assert len(sa) == 100 - 1  # the sample's, but Phường 2's 1.2 (scored twice)
    assert "IV.1" not in set(t["plan_tasks"].task_id)
    assert (t["plan_progress"].date.dt.year == 2022).all()
    assert t["plans"].plan_id.tolist() == ["P2-KH99-2022"]


def test_every_row_is_accounted_for(filled):
    result, _ = filled
    read = {f.table: f for f in result.files if f.table in TABLES}
    for name, f in read.items():
        assert f.rows_in == f.accepted + f.quarantined, name
        assert f.accepted == len(result.tables[name]), name
    assert read["plans"].rows_skipped == {"not_filled": 1}


def test_the_console_names_the_sheet_and_what_it_skipped(filled):
    from cchc_lib.ingest.result import summary_text

    said = summary_text(filled[0])
    assert ("so_theo_doi_2022.xlsx [Kế hoạch]: 1 = 1 nhận + 0 cách ly (bỏ qua: dòng lập sẵn "
            "chưa điền (tiêu chí chưa chấm, kế hoạch chưa ghi số) 1)") in said


def test_a_sheet_that_lost_its_evidence_column_says_so(tmp_path):
    from cchc_lib.ingest.result import ReasonAlert, summary_text

    wb = openpyxl.load_workbook(LOGBOOK)
    wb[SA].delete_cols(5)  # "Tài liệu kiểm chứng", deleted by mistake
    path = tmp_path / "so_theo_doi_2022.xlsx"
    wb.save(path)
    catalog = tmp_path / "catalog.yml"
    catalog.write_text(yaml.safe_dump({"include": [str(SAMPLE_CATALOG)], "self_assessment": {
        "path": str(path), "sheet": SA}}, allow_unicode=True), encoding="utf-8")
    said = summary_text(ingest(load_catalog(catalog)))
    assert f"so_theo_doi_2022.xlsx [{SA}]: 100 = 100 nhận + 0 cách ly\n    không có cột " \
           "“Tài liệu kiểm chứng”: đọc là để trống" in said
    # an alert about a logbook's sheet names the sheet and the column's title there
    alert = ReasonAlert("self_assessment", "so.xlsx", "bad_number", "points", 30, 100, 5, "",
                        SA, "Điểm tự chấm")
    assert alert.message_vi().startswith(
        f"CẢNH BÁO so.xlsx [{SA}]: 30/100 dòng (30,0\u00a0%) bị cách ly vì số không hợp lệ "
        "ở cột “Điểm tự chấm” (points); lần đầu ở dòng 5")
