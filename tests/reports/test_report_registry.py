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
    assert ward.outputs == ("ward_report.ipynb", "ward_report.html", *FORM_FILES,
                            "so_lieu_chi_tiet.xlsx")
    assert REPORTS["scorecard"].outputs == ("scorecard.ipynb", "scorecard.html", "kiem_chung.xlsx")
    assert REPORTS["scorecard"].attachments == ("kiem_chung.xlsx",)  # for Phòng Nội vụ
    assert ward.subject("Báo cáo Chỉ số CCHC: Phường 2", "năm 2022") == \
        "Báo cáo Chỉ số CCHC: Phường 2 (năm 2022)"


def test_the_command_line_offers_the_registry():
    parser = build_parser()
    email = parser.parse_args(["email", "--unit", "X", "--period", "2022", "--report",
                               "scorecard"])
    assert email.report == "scorecard"
    sub = next(a for a in parser._actions if a.dest == "command").choices["email"]
    choices = next(a for a in sub._actions if a.dest == "report").choices
    assert sorted(choices) == sorted([*REPORTS, "tasks"])  # tasks: the reminders
    assert set(UNIT_REPORTS) == {k for k, r in REPORTS.items() if r.scope == "unit"}


def test_plan_report_files_and_its_email_attachments(tmp_path):
    import email
    from email import policy

    from cchc_lib.delivery.mail import EmailBody, build_message

    plan = REPORTS["plan"]
    assert plan.outputs == ("plan_progress.ipynb", "plan_progress.html", *FORM_FILES,
                            "bao_cao_ke_hoach.docx")
    assert plan.attachments == ("bieu06.xlsx", "bao_cao_ke_hoach.docx")
    files = []
    for name in plan.attachments:
        (tmp_path / name).write_bytes(b"PK\x03\x04 " + name.encode())
        files.append(tmp_path / name)
    body = EmailBody("<p>x</p>", (), "tóm tắt", "Báo cáo", tuple(files))
    parsed = email.message_from_bytes(bytes(build_message(body, "a@b.vn", ["c@d.vn"])),
                                      policy=policy.default)
    got = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}
    assert got == {name: b"PK\x03\x04 " + name.encode() for name in plan.attachments}
    assert parsed.get_body(("html",)).get_content().strip() == "<p>x</p>"
