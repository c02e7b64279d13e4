"""The recipients an office keeps in its logbook's "Người nhận" sheet: read as the YAML
recipients file is (the shipped sample logbook holds data/recipients.yml), mistakes named
with the sheet and row, and `cchc email --recipients so_theo_doi_2022.xlsx` addressing the
mail from it (a dry run: the message written, its headers read back)."""

from __future__ import annotations

import email
import email.utils
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cchc_lib.core import yamlfile
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.text import fold
from cchc_lib.delivery.mail import recipients
from cchc_lib.delivery.recipients import book_from_logbook, load_book
from cchc_lib.delivery.reminders import officer_addresses

ROOT = Path(__file__).resolve().parents[2]
LOGBOOK = ROOT / "data/raw/sample/so_theo_doi_2022.xlsx"


def test_the_sample_logbook_holds_the_recipients_file():
    assert book_from_logbook(LOGBOOK) == yamlfile.load_file(ROOT / "data/recipients.yml")
    assert recipients(LOGBOOK, "SAMPLE-P2") == ["chutich.phuong2@example.vn",
                                                "vanphong.phuong2@example.vn",
                                                "phongnoivu@example.vn"]
    assert recipients(LOGBOOK, "SAMPLE-P1") == ["phongnoivu@example.vn"]  # the default
    assert officer_addresses(LOGBOOK, "SAMPLE-P2")[fold("công chức vp-tk")] == [
        "vptk.phuong2@example.vn"]


def _edited(tmp_path: Path, rows: list[tuple]) -> Path:
    path = tmp_path / "so_theo_doi_2022.xlsx"
    wb = openpyxl.load_workbook(LOGBOOK)
    ws = wb["Người nhận"]
    ws.delete_rows(2, ws.max_row)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_rows_as_an_office_types_them(tmp_path):
    path = _edited(tmp_path, [
        ("P2", "báo cáo của đơn vị", None, " a@example.vn "),  # case and spaces aside
        (None, None, None, None),                              # a blank row between
        ("các đơn vị khác", "Báo cáo của đơn vị", None, "b@example.vn"),
        ("P2", "NHẮC VIỆC NHIỆM VỤ", "Công chức VP-TK", "c@example.vn"),
    ])
    assert load_book(path) == {"P2": ["a@example.vn"], "default": ["b@example.vn"],
                               "officers": {"P2": {"Công chức VP-TK": ["c@example.vn"]}}}


@pytest.mark.parametrize("row, line", [
    (("P2", "Gửi báo cáo", None, "a@example.vn"), 3),          # not one of the sheet's words
    (("P2", "Báo cáo của đơn vị", None, "a@example.vn; b@x.vn"), 3),  # two in one cell
    (("P2", "Báo cáo của đơn vị", None, "Nguyễn Văn A"), 3),    # a name, not an address
    ((None, "Báo cáo của đơn vị", None, "a@example.vn"), 3),    # no unit
    (("P2", "Nhắc việc nhiệm vụ", None, "a@example.vn"), 3),    # an officer without title
])
def test_a_mistake_is_named_with_its_sheet_and_row(tmp_path, row, line):
    path = _edited(tmp_path, [("P1", "Báo cáo của đơn vị", None, "ok@example.vn"), row])
    with pytest.raises(InputFileError) as err:
        load_book(path)
    assert f"trang tính “Người nhận”, dòng {line}" in str(err.value)
    assert path.name in str(err.value)


def test_a_logbook_without_the_sheet_or_not_a_workbook(tmp_path):
    wb = openpyxl.load_workbook(LOGBOOK)
    del wb["Người nhận"]
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(InputFileError, match="không có trang tính “Người nhận”"):
        load_book(tmp_path / "a.xlsx")
    (tmp_path / "b.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputFileError, match="không đọc được sổ theo dõi"):
        load_book(tmp_path / "b.xlsx")


def test_email_addressed_from_the_logbook(sample_run, tmp_path, own_project):
    eml = tmp_path / "ward.eml"
    done = subprocess.run(
        [sys.executable, "-m", "cchc_lib.cli", "email", "--unit", "SAMPLE-P2", "--period",
         "2022", "--recipients", str(LOGBOOK), "--dry-run", str(eml),
         "--reports", str(sample_run["base"] / "reports"), "--data",
         str(sample_run["processed"])],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=own_project)
    assert done.returncode == 0, done.stderr
    message = email.message_from_bytes(eml.read_bytes())
    assert [a for _, a in email.utils.getaddresses([message["To"]])] == [
        "chutich.phuong2@example.vn", "vanphong.phuong2@example.vn", "phongnoivu@example.vn"]
