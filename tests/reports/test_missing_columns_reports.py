"""Every report says "không có số liệu" where an export lacks a column, never 0 % and never a
verdict; a unit with every column reads as it did. The town of
``tests/indicators/test_missing_columns.py`` (hand-worked there): Phường Một (TEST-A) has an
export without the apology column, Phường Hai (TEST-B) one without the return channel,
Phường Ba (TEST-C) every column, Phường Bốn (TEST-D) no end dates."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.core.periods import parse_period
from cchc_lib.ingest.store import read_processed
from cchc_lib.reports.overview import overview_table, town_overview
from cchc_lib.reports.plan_progress import plan_progress
from cchc_lib.reports.scorecard import scorecard
from cchc_lib.reports.ward import ward_report
from tests.indicators.test_missing_columns import (
    APOLOGY_NOTE,
    ENDS_NOTE,
    RETURN_NOTE,
    write_town,
)

ROOT = Path(__file__).resolve().parents[2]
NO_DATA = "không có số liệu"


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Path:
    return write_town(tmp_path_factory.mktemp("town"))


@pytest.fixture(scope="module")
def town_before(town, tmp_path_factory) -> Path:
    """The same processed data as written before exports were described."""
    old = tmp_path_factory.mktemp("before") / "processed"
    shutil.copytree(town, old)
    (old / "source_columns.parquet").unlink()
    return old


def html(piece) -> str:
    return piece._repr_html_() if hasattr(piece, "_repr_html_") else piece.data


# --------------------------------------------------------------------------------------
# The ward report, through its module
# --------------------------------------------------------------------------------------


def test_ward_report_without_the_apology_column_lists_no_one_as_owing(town):
    report = ward_report("TEST-A", "2022", town)
    header = repr(report.header())
    assert f"Hồ sơ trễ hạn có phiếu xin lỗi: {APOLOGY_NOTE}." in header
    assert "Cần xử lý" not in header  # A06 owes a slip, A01 and A02 may: nobody is counted
    assert "đạt 2/3 mục tiêu năm" in header  # 1/2, 1/2 (60 %), 2/7: known, judged
    apology = repr(report.apology_table())
    assert apology.count(NO_DATA) >= 9  # three rows, three figures each
    assert APOLOGY_NOTE in apology and "chưa có phiếu xin lỗi" not in apology
    assert "Mọi hồ sơ trễ hạn đều đã có phiếu xin lỗi" not in apology
    assert "“không có số liệu” khi tệp xuất" in repr(report.data_note())


def test_ward_report_without_the_return_channel(town):
    report = ward_report("TEST-B", "2022", town)
    header = repr(report.header())
    assert "đạt 1/1 mục tiêu năm" in header and "(2 mục tiêu không có số liệu" in header
    assert f"Hồ sơ trả kết quả qua BCCI: {RETURN_NOTE}; không đánh giá." in header
    assert "Chưa đạt" not in header
    plan = html(report.plan_table())
    assert plan.count(f">{NO_DATA}<") == 4  # two targets: this year, the year before
    assert plan.count(">Không đánh giá<") == 2
    assert 'data-label="Kết quả" >0,0' not in plan  # (2021 had no dossier: its 0 % is true)
    assert RETURN_NOTE in plan
    steps = repr(report.next_steps("postal_return_share"))
    assert RETURN_NOTE in steps and "Cần thêm" not in steps and "TTHC khác" not in steps
    assert report.gaps["postal_return_share"].needed is None
    assert report.gaps["postal_return_share"].candidates.empty
    projection = html(report.projection_table())
    assert projection.count(f">{NO_DATA}<") == 4  # value and verdict, two targets
    charts = report.trend_charts().images
    assert len(charts) == 3
    assert charts[2].metadata["alt"] == f"Biểu đồ Hồ sơ trả kết quả qua BCCI: {RETURN_NOTE}."


def test_trend_chart_without_data_draws_no_line_and_says_so(town):
    from cchc_lib.reports.charts import trend_figure

    report = ward_report("TEST-B", "2022", town)
    fig = trend_figure("postal_return_share", report.trend_now, report.trend_before, 2022, 2021,
                       report.projection, no_data=True)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == [NO_DATA]
    assert all(pd.isna(line.get_ydata()).all() for line in ax.lines
               if len(line.get_xdata()) > 2)  # this year and last: no point drawn


def test_ward_report_bieu06_and_766_without_end_dates(town):
    report = ward_report("TEST-D", "2022", town)
    form = html(report.bieu06_table())
    assert ENDS_NOTE in form and f">{NO_DATA}<" in form
    national = html(report.national_table())
    # 2.1 (progress) and 4.1 (electronic results) need the end dates: not scored, not summed
    assert "Tổng cộng (không tính tiêu chí 2.1, 4.1: không có số liệu)" in national


def test_a_unit_with_every_column_reads_as_it_did(town, town_before):
    now, before = ward_report("TEST-C", "2022", town), ward_report("TEST-C", "2022", town_before)
    for piece in ("header", "plan_table", "projection_table", "bieu06_table", "apology_table",
                  "national_table", "data_note"):
        assert html(getattr(now, piece)()) == html(getattr(before, piece)()), piece
    assert NO_DATA not in html(now.header())


# --------------------------------------------------------------------------------------
# The scorecard, the plan, the overview
# --------------------------------------------------------------------------------------


def test_scorecard_criterion_without_data_is_not_scored_and_says_so(town):
    card = scorecard("TEST-B", 2022, town)
    scored = card.scored.set_index("indicator")
    ret = scored.loc["postal_return_share"]
    assert ret.points == 0 and ret.no_data == RETURN_NOTE
    assert ret.flag == f"Không chấm điểm: {RETURN_NOTE}"
    assert set(card.summary["no_data"]) == set(scored[scored.no_data.notna()].id)
    lost = html(card.lost_table())
    assert f">{NO_DATA}<" in lost and "Không chấm điểm" in lost
    assert "chưa tính 2 tiêu chí" in repr(card.header())
    # the field's points not scored are not counted as lost (7.2 and 7.3: the postal targets)
    assert "chưa chấm 7.2, 7.3 (không có số liệu)" in html(card.fields_table())
    status = card.checklist.set_index("id").status
    assert status[ret.id] == "no_data"
    # only Phường Ba has every criterion scored: the others are not ranked
    ranks = card.ranks.set_index("unit_code")["rank"]
    assert ranks["TEST-C"] == 1 and ranks[["TEST-A", "TEST-B", "TEST-D"]].isna().all()
    table = html(card.ranking_table())
    assert "Phường Hai: không xếp hạng vì tiêu chí" in table and ">—<" in table


def test_plan_progress_and_its_word_document(town, tmp_path):
    from docx import Document

    from cchc_lib.reports.plan_document import write_plan_document

    progress = plan_progress("TEST-B", 2022, "2022-02-28", town)
    table = html(progress.indicators_table())
    assert table.count(f">{NO_DATA}<") == 2 and table.count(">Không đánh giá<") == 2
    linked = progress.linked_vi(["postal_return_share"])
    assert linked == f"Hồ sơ trả kết quả qua BCCI: {NO_DATA} / mục tiêu 15\u00a0%"
    assert "at_risk" not in progress.tasks.status_flags.iloc[0]
    path = write_plan_document("TEST-B", 2022, "2022-02-28", town, tmp_path / "kh.docx")
    doc = Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for row in doc.tables[1].rows for c in row.cells]
    assert cells.count(NO_DATA) == 2 and cells.count("Không đánh giá") == 2
    assert f"- Hồ sơ trả kết quả qua BCCI: {RETURN_NOTE}; chưa đánh giá được." in text
    assert "hồ sơ trả kết quả qua dịch vụ BCCI để đạt mục tiêu" not in text  # no action
    assert "chưa xếp hạng vì có tiêu chí không chấm được" in text


def test_overview_ranks_only_what_it_can_compare(town):
    overview = town_overview("2022", town)  # with the methodology: by the scorecard's index
    t = overview.table.set_index("unit_code")
    assert t.loc["TEST-C", "rank"] == 1 and t["rank"].isna().sum() == 3
    assert overview.table.unit_code.tolist() == ["TEST-C", "TEST-A", "TEST-B", "TEST-D"]
    ranking = html(overview.ranking())
    assert "Phường Hai: không xếp hạng vì có tiêu chí không chấm được" in ranking
    assert f"Phường Hai: Hồ sơ trả kết quả qua BCCI: {RETURN_NOTE}" in ranking
    assert "1/1 (2 không có số liệu)" in ranking and ">0,0\u00a0%" not in ranking
    # without a methodology: by targets met; Phường Hai and Bốn lack two of them
    tables = read_processed(town)
    plain = overview_table(tables, parse_period("2022-01-01..2022-02-21"),
                           ["TEST-A", "TEST-B", "TEST-C", "TEST-D"]).set_index("unit_code")
    assert plain.loc["TEST-C", "rank"] == 1 and plain.loc["TEST-A", "rank"] == 2
    assert plain.loc[["TEST-B", "TEST-D"], "rank"].isna().all()
    assert plain.loc["TEST-B", "unranked_why"] == (
        "TTHC có hồ sơ qua BCCI, Hồ sơ trả kết quả qua BCCI không có số liệu")


def test_overview_chart_draws_no_bar_for_a_unit_without_data(town):
    overview = town_overview("2022", town)
    fig_alt = overview.chart_alt("postal_return_share")
    assert f"Phường Hai {NO_DATA}" in fig_alt and "Phường Ba 66,7" in fig_alt
    from cchc_lib.reports.charts import units_figure

    t = overview.table.sort_values("unit_code")
    fig = units_figure("postal_return_share", t.unit_code, t.postal_return_share.astype(float),
                       t.postal_return_share_met.fillna(False).astype(bool), 0.15,
                       overview._unknown("postal_return_share", t))
    labels = [a.get_text() for a in fig.axes[0].texts]
    assert labels == ["28,6\u00a0% ✓", NO_DATA, "66,7\u00a0% ✓", NO_DATA]
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths[1] == 0 and widths[3] == 0


# --------------------------------------------------------------------------------------
# Biểu 06 to file
# --------------------------------------------------------------------------------------


def test_bieu06_xlsx_writes_the_note_not_numbers(town, tmp_path):
    import openpyxl

    from cchc_lib.reports.forms import write_unit_form

    tables = read_processed(town)
    path = write_unit_form(tables, "TEST-D", parse_period("2022"), tmp_path / "b06.xlsx")
    ws = openpyxl.load_workbook(path, data_only=True).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert total[2:5] == [NO_DATA, 1, 2]  # Tổng số cannot be counted; online; direct
    assert total[5:] == [NO_DATA] * 8
    notes = [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith("Ghi chú")]
    assert notes == [f"Ghi chú: cột (3), (6), (7), (8), (9), (10), (11), (12), (13): "
                     f"{ENDS_NOTE}."]
    complete = write_unit_form(tables, "TEST-C", parse_period("2022"), tmp_path / "c.xlsx")
    c_rows = [[c.value for c in row] for row in openpyxl.load_workbook(complete).active
              .iter_rows()]
    assert not [r for r in c_rows if isinstance(r[0], str) and r[0].startswith("Ghi chú")]


# --------------------------------------------------------------------------------------
# The notebook, its HTML and the email
# --------------------------------------------------------------------------------------


def test_ward_notebook_html_and_email(town, tmp_path):
    reports = tmp_path / "reports"
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "TEST-B",
                          "--period", "2022", "--skip-ingest", "--data", str(town),
                          "--reports", str(reports), "--report", "ward"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    page = next((reports / "2022" / "TEST-B").glob("*.html")).read_text(encoding="utf-8")
    assert RETURN_NOTE in page and "Không đánh giá" in page
    eml = tmp_path / "thu.eml"
    sent = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "email", "--unit", "TEST-B",
                           "--period", "2022", "--data", str(town), "--reports", str(reports),
                           "--to", "a@example.vn", "--dry-run", str(eml)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert sent.returncode == 0, sent.stderr
    message = email.message_from_bytes(eml.read_bytes())
    parts = {p.get_content_type(): p.get_payload(decode=True).decode("utf-8")
             for p in message.walk() if p.get_content_type() in ("text/plain", "text/html")}
    assert f"Hồ sơ trả kết quả qua BCCI: {RETURN_NOTE}; không đánh giá." in parts["text/plain"]
    assert RETURN_NOTE in parts["text/html"]
