"""The report registry is what the command line, the runs and the mail read."""

from __future__ import annotations

from pathlib import Path

from cchc_lib.cli import build_parser
from cchc_lib.reports.registry import FORM_FILES, REPORTS, UNIT_REPORTS

ROOT = Path(__file__).resolve().parents[2]


def test_every_report_has_its_notebook_and_golden_copy():
    for kind in REPORTS.values():
        assert (ROOT / "notebooks" / kind.notebook).is_file(), kind.kind
        for unit, period, _ in kind.golden:
            assert (ROOT / "tests/golden" / kind.golden_name(unit, period)).is_file(), kind.kind


def test_outputs_and_subject():
    ward = REPORTS["ward"]
    assert ward.outputs == ("ward_report.ipynb", "ward_report.html", *FORM_FILES)
    assert REPORTS["scorecard"].outputs == ("scorecard.ipynb", "scorecard.html")
    assert ward.subject("Báo cáo Chỉ số CCHC: Phường 2", "năm 2022") == \
        "Báo cáo Chỉ số CCHC: Phường 2 (năm 2022)"


def test_the_command_line_offers_the_registry():
    parser = build_parser()
    email = parser.parse_args(["email", "--unit", "X", "--period", "2022", "--report",
                               "scorecard"])
    assert email.report == "scorecard"
    sub = next(a for a in parser._actions if a.dest == "command").choices["email"]
    choices = next(a for a in sub._actions if a.dest == "report").choices
    assert sorted(choices) == sorted(REPORTS)
    assert set(UNIT_REPORTS) == {k for k, r in REPORTS.items() if r.scope == "unit"}
