"""Each "how to add" route of docs/architecture.md, tried from a test alone: a 766 estimate
(a registry record), a count (one line of the engine's SQL), a report (a notebook and one
record). The plan target's route is tests/indicators/test_registry.py
(test_a_plan_target_added_as_a_record_alone, and the ward report and notebook cells after it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.indicator_registry import Indicator, Points766
from cchc_lib.core.periods import parse_period
from cchc_lib.indicators import engine, queries
from cchc_lib.indicators.results import all_indicators

ROOT = Path(__file__).resolve().parents[1]

# a 766 estimate from parts the engine already counts: received dossiers that were digitized
DIGITIZED_AGAIN = Indicator(
    "digitized_again", "766", "share", "Hồ sơ số hóa (thử thêm)",
    numerator_vi="Hồ sơ tiếp nhận trong kỳ được số hóa",
    denominator_vi="Hồ sơ tiếp nhận trong kỳ",
    points=Points766("9.9", "Số hóa hồ sơ", 1.0), numerator="received_digitized",
    denominator="received")


def test_a_766_estimate_added_as_a_record_alone(sample_tables):
    period = parse_period("2022")
    with registry.extended(DIGITIZED_AGAIN):
        got = all_indicators(sample_tables, ["SAMPLE-P2"], period).set_index("indicator")
    row = got.loc[DIGITIZED_AGAIN.id]
    # by hand: the unit's accepted dossiers received in 2022, and the digitized ones
    d = sample_tables["dossiers"]
    mine = d[(d.unit_code == "SAMPLE-P2") & ~d.status.isin(["registered", "not_accepted"])
             & (d.received_at >= "2022-01-01") & (d.received_at < "2023-01-01")]
    assert (row.numerator, row.denominator) == (int(mine.digitized.fillna(False).sum()),
                                                len(mine))
    assert DIGITIZED_AGAIN.id not in registry.BY_ID


def test_a_count_is_one_line_of_the_engines_sql(sample_tables, monkeypatch):
    """A new part: one line, with its words, in sql/dossier_parts.sql; the composed query
    counts it for every unit, period and field with the rest."""
    line = ("  -- withdrawn_received: received in the period, later withdrawn\n"
            "  count(*) FILTER (WHERE received AND dossier_id IN (SELECT dossier_id FROM "
            "dossiers WHERE status = 'withdrawn')) AS withdrawn_received")
    original = queries.piece

    def piece(name: str) -> str:
        text = original(name)
        return text + ",\n" + line if name == "dossier_parts" else text

    monkeypatch.setattr(queries, "piece", piece)
    period = parse_period("2022")
    con = engine._bound(sample_tables, ["SAMPLE-P2"], [period])
    got = con.execute(engine.query(False)).df().iloc[0]
    d = sample_tables["dossiers"]
    want = int(((d.unit_code == "SAMPLE-P2") & (d.status == "withdrawn")
                & (d.received_at >= "2022-01-01") & (d.received_at < "2023-01-01")).sum())
    assert int(got["withdrawn_received"]) == want
    assert "withdrawn_received" in queries.names("dossier_parts")


def test_a_report_is_its_notebook_and_one_record(sample_processed, tmp_path, monkeypatch):
    """A new report: a notebook in notebooks/, one ReportKind; run_unit runs it, writes its
    HTML beside the others, with the parameters its record makes from the request."""
    from cchc_lib.core.request import run_request
    from cchc_lib.delivery import runs
    from cchc_lib.reports import registry as reports

    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    cells = [{"cell_type": "code", "execution_count": None, "id": "p", "metadata":
              {"tags": ["parameters"]}, "outputs": [],
              "source": 'unit_code = ""\nperiod = ""'},
             {"cell_type": "code", "execution_count": None, "id": "h", "metadata": {},
              "outputs": [], "source": 'from IPython.display import Markdown\n'
                                       'Markdown(f"# Mini {unit_code} {period}")'}]
    (notebooks / "mini.ipynb").write_text(json.dumps(
        {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "language": "python",
                                                     "display_name": "Python 3"}},
         "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    mini = reports.ReportKind("mini", "mini.ipynb", "unit", "Mini",
                              lambda r: {"unit_code": r.unit, "period": r.label})
    monkeypatch.setitem(reports.REPORTS, "mini", mini)
    monkeypatch.setattr(runs, "notebooks_dir", lambda: notebooks)
    request = run_request("2022", ["SAMPLE-P2"], reports=("mini",), data=sample_processed,
                          reports_dir=tmp_path / "reports", ingest=False)
    run = runs.run_unit(request)
    page = run.folder / "mini.html"
    assert page in run.files and "Mini SAMPLE-P2 2022" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("route", ["A 766 estimate", "A plan target", "A count",
                                   "A report", "An input format", "A column title an export uses",
                                   "A Vietnamese display string"])
def test_the_architecture_guide_names_each_route(route):
    guide = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"**{route}.**" in guide

