"""The November plan report as the office prints it: the Word document rendered to PDF by
LibreOffice (Debian's package, installed by `make test`) and read back with pypdf. Checked
on paper, as Nghị định 30/2020/NĐ-CP Phụ lục I lays a document out: A4 pages, a few of them;
no page number on the first page, and from the second on the page's number alone at the top
of the page; quốc hiệu on one line on page 1 (a wrapped "…VIỆT / NAM" fails); the draft mark
on page 1; the signer's name on the last page; and no line of the software anywhere."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from cchc_lib.delivery import pdf
from cchc_lib.reports.plan_document import write_plan_document
from tests.conftest import missing_program

SAMPLE = "tests/.sample_processed"
A4 = (595, 842)  # points
MAX_PAGES = 6  # the sample's report fits in a few pages; more means a table ran wild


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[str]:
    soffice = pdf.find_soffice()
    if soffice is None:
        missing_program("LibreOffice", "apt-get install libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("báo cáo in")
    docx = write_plan_document("SAMPLE-P2", 2022, "2022-11-15", SAMPLE,
                               folder / "bao_cao_ke_hoach.docx")
    out = pdf.docx_to_pdf(docx, folder / "bao_cao_ke_hoach.pdf", soffice)
    reader = PdfReader(str(out))
    for page in reader.pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4, size
    return [page.extract_text() or "" for page in reader.pages]


def lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def test_a_few_a4_pages(rendered):
    assert 2 <= len(rendered) <= MAX_PAGES, len(rendered)


def test_page_numbers_from_the_second_page_at_the_top(rendered):
    first = lines(rendered[0])
    assert first[0] in ("DỰ THẢO", "UBND THỊ XÃ QUẢNG TRỊ (DỮ LIỆU MẪU)"), first[:3]
    assert not re.fullmatch(r"\d+", first[0])  # page 1 carries no number
    for number, text in enumerate(rendered[1:], start=2):
        assert lines(text)[0] == str(number), (number, lines(text)[:2])


def test_national_heading_on_one_line_and_the_draft_mark(rendered):
    first = lines(rendered[0])
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in first), first[:8]
    assert not any(line.strip() == "NAM" for line in first)
    assert "PHƯỜNG 2" in first  # the issuing unit's name is never split across lines
    assert "DỰ THẢO" in first
    assert any("Độc lập - Tự do - Hạnh phúc" in line for line in first)


def test_signed_and_nothing_of_the_software(rendered):
    last = lines(rendered[-1])
    assert "Nguyễn Văn A" in last and "TM. ỦY BAN NHÂN DÂN" in last
    everything = " ".join(rendered)
    for software in ("python-docx", "pandas", "Sổ tay CCHC", "duckdb"):
        assert software not in everything
