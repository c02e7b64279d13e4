"""Next year's records from this year's, worked out by hand on a small plan: what is carried
(units, the plan as a stub, unfinished tasks marked and moved, targets marked for review,
this year's official results) and what is not (the progress log, the self-assessment)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cchc_lib.par.new_year import next_plan_id, next_year_tables


def tables() -> dict[str, pd.DataFrame]:
    return {
        "units": pd.DataFrame({"unit_code": ["U1", "U2"], "unit_name": ["Phường 1", "Phường 2"]}),
        "plans": pd.DataFrame({"plan_id": ["U1-KH7-2022"], "unit_code": ["U1"],
                               "number": ["7/KH-UBND"], "date": pd.to_datetime(["2022-02-01"]),
                               "issuer": ["UBND phường 1"], "title": ["Kế hoạch CCHC"],
                               "year": [2022], "signing": [None], "signer_title": [None],
                               "signer_name": ["Nguyễn Văn A"]}),
        "plan_tasks": pd.DataFrame({
            "task_id": ["1", "2", "3"], "section": ["I"] * 3, "section_title": [None] * 3,
            "task": ["Việc xong", "Việc dở", "Việc chưa làm"], "lead": ["VP-TK"] * 3,
            "coordinators": [None] * 3,
            "timeframe": ["Quý II năm 2022", "Quý IV năm 2022", "Thường xuyên"],
            "indicators": [None] * 3, "plan_id": ["U1-KH7-2022"] * 3}),
        "plan_progress": pd.DataFrame({
            "task_id": ["1", "2"], "date": pd.to_datetime(["2022-06-20", "2022-12-10"]),
            "status": ["done", "in_progress"], "note": ["Xong", "Đang làm"],
            "evidence": ["QĐ 1", None]}),
        "targets": pd.DataFrame({
            "indicator": ["online_procedure_rate", "online_procedure_rate",
                          "postal_procedure_rate"],
            "target": [0.5, 0.4, 0.6], "unit_code": ["U1", "U1", None],
            "year": pd.array([2022, 2021, None], dtype="Int64"),
            "source": ["Kế hoạch 7", "Kế hoạch cũ", None]}),
        "self_assessment": pd.DataFrame({"unit_code": ["U1"], "year": [2022],
                                         "criterion_id": ["1.1.1"], "points": [1.0]}),
        "official_results": pd.DataFrame({"year": [2021, 2022], "unit_code": ["U1", "U1"],
                                          "criterion_id": ["1.1.1", "1.1.1"],
                                          "points": [0.5, 1.0]}),
    }


def test_next_year_carries_what_it_should_and_nothing_else():
    got = next_year_tables(tables(), 2023)
    assert set(got) == {"units", "plans", "plan_tasks", "targets", "official_results"}
    assert list(got["units"].unit_code) == ["U1", "U2"]
    plan = got["plans"].iloc[0]
    assert (plan.plan_id, plan.unit_code, plan.year) == ("U1-KH7-2023", "U1", 2023)
    assert pd.isna(plan.number) and pd.isna(plan.signer_name)  # the new plan, to complete
    tasks = got["plan_tasks"]
    assert list(tasks.task_id) == ["2", "3"]  # task 1 was done on 20/06
    assert list(tasks.task) == ["[Chuyển từ năm 2022] Việc dở",
                                "[Chuyển từ năm 2022] Việc chưa làm"]
    assert list(tasks.timeframe) == ["Quý IV năm 2023", "Thường xuyên"]
    assert set(tasks.plan_id) == {"U1-KH7-2023"}
    targets = got["targets"]
    assert list(targets.target) == [0.5, 0.6]  # 2021's 40 % is not this year's
    assert set(targets.year) == {2023}
    assert list(targets.source) == ["Chuyển từ năm 2022, cần rà soát (Kế hoạch 7)",
                                    "Chuyển từ năm 2022, cần rà soát"]
    assert list(got["official_results"].points) == [1.0]  # 2022's, next year's baseline
    assert "source_file" not in targets


def test_next_plan_id_moves_the_year():
    assert next_plan_id("P2-KH99-2022", 2023) == "P2-KH99-2023"
    assert next_plan_id("KH99", 2023) == "KH99-2023"
    assert next_plan_id("KH2022022", 2023) == "KH2022022-2023"  # no year standing alone


def test_cchc_nam_moi_writes_next_years_workbook_and_never_over_one(sample_processed,
                                                                      tmp_path):
    """`cchc nam-moi 2023` on the sample's 2022 records: the workbook opens in Excel's format
    with the carried tasks marked and the targets for review, and a second run refuses to
    overwrite it (one Vietnamese line, exit 2)."""
    import subprocess
    import sys
    from pathlib import Path

    import openpyxl

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "so_theo_doi_2023.xlsx"
    cmd = [sys.executable, "-m", "cchc_lib.cli", "nam-moi", "2023", "--data",
           str(sample_processed), "--out", str(out)]
    run = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "3 nhiệm vụ chuyển sang, 6 mục tiêu cần rà soát" in run.stdout
    book = openpyxl.load_workbook(out)
    tasks = [r for r in book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert [r[0] for r in tasks] == ["I.2", "II.1", "III.1"]  # I.1 was done on 28/09/2022
    assert all(str(r[3]).startswith("[Chuyển từ năm 2022] ") for r in tasks)
    assert not [r for r in book["Tiến độ"].iter_rows(min_row=2, values_only=True) if any(r)]
    again = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "không ghi đè" in again.stderr
    assert "Traceback" not in again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_an_untouched_new_year_workbook_ingests_cleanly(sample_tables, tmp_path):
    """The office points its catalog at next year's workbook before filling it: nothing is
    set aside, the plan's row and the criteria wait as not filled, tasks carried over read."""
    import yaml

    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.ingest.methodology import load_methodology
    from cchc_lib.ingest.pipeline import ingest
    from cchc_lib.par.new_year import next_year_tables
    from cchc_lib.reports.logbook import SHEETS, TABLES, write_logbook

    root = Path(__file__).resolve().parents[2]
    sample = root / "data/raw/sample/catalog.yml"
    method = load_methodology(root / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml")
    path = write_logbook(tmp_path / "so_theo_doi_2023.xlsx", 2023,
                         next_year_tables(sample_tables, 2023), method)
    catalog = tmp_path / "catalog.yml"
    catalog.write_text(yaml.safe_dump({"include": [str(sample)], **{
        n: {"path": str(path), "sheet": SHEETS[n]} for n in TABLES}}, allow_unicode=True),
        encoding="utf-8")
    result = ingest(load_catalog(catalog))
    assert result.quarantine[result.quarantine.table.isin(TABLES)].empty
    skipped = {f.table: f.rows_skipped for f in result.files if f.table in TABLES}
    assert skipped["plans"] == {"not_filled": 1}
    manual = sum(1 for c in method.leaves() if c.manual)
    assert skipped["self_assessment"] == {"not_filled": manual * 5}
    assert result.tables["plan_tasks"].task_id.tolist() == ["I.2", "II.1", "III.1"]
    assert result.tables["self_assessment"].empty and result.tables["plans"].empty
