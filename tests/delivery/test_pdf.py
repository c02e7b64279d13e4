"""The run's outputs as PDFs, printed by the real programs (headless Chromium for a report
page, LibreOffice for a Word document) and read back with pypdf: A4 paper, the Vietnamese text
there to copy, no header or footer with the file's address or the date; a broken document
named in one line while the others are printed all the same; a missing program said once.

The programs start once for the module (LibreOffice takes a few seconds): every conversion is
one ``write_pdfs`` call, in a folder and a temporary folder whose names hold spaces and
Vietnamese letters (the profile's address, ``-env:UserInstallation=file:///…``, and the page's
``file://`` address must be written right)."""

from __future__ import annotations

import os
import re
import time
import unicodedata
import zipfile
from pathlib import Path

import nbformat
import pytest
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import pdf as lang
from cchc_lib.delivery import pdf
from cchc_lib.delivery.notebooks import to_html
from tests.conftest import missing_program

A4 = (595, 842)  # points
HEADING = "Báo cáo kết quả cải cách hành chính"
CELL = "Hồ sơ trực tuyến toàn trình"
SENTENCE = "Ủy ban nhân dân phường báo cáo kết quả thực hiện kế hoạch năm 2022."
TABLE = (f"<table><thead><tr><th>Chỉ tiêu</th><th>Tỷ lệ</th></tr></thead>"
         f"<tbody><tr><td>{CELL}</td><td>62,5%</td></tr>"
         f"<tr><td>Thanh toán trực tuyến</td><td>41,0%</td></tr></tbody></table>")
# a browser's own header and footer: the date and time, the page's address, "1/1"
BROWSER_MARKS = re.compile(r"file:|\d{1,2}/\d{1,2}/\d{2,4},\s*\d{1,2}:\d{2}|\b1/1\b")


@pytest.fixture(scope="module")
def chromium() -> str:
    program = pdf.find_chromium()
    if program is None:
        missing_program("Chromium", "apt-get install chromium")
    assert program is not None
    return program


@pytest.fixture(scope="module")
def soffice() -> str:
    program = pdf.find_soffice()
    if program is None:
        missing_program("LibreOffice", "apt-get install libreoffice-writer")
    assert program is not None
    return program


def _page(folder: Path) -> Path:
    """A report page as the run makes it: a notebook through the workbook's HTML template
    (its print stylesheet: A4, the margins), a heading and a table."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {HEADING}\n\n{SENTENCE}"),
                nbformat.v4.new_code_cell("table", outputs=[nbformat.v4.new_output(
                    "display_data", data={"text/html": TABLE})])]
    notebook = folder / "báo cáo phường.ipynb"
    nbformat.write(nb, str(notebook))
    return to_html(notebook, notebook.with_suffix(".html"))


def _document(path: Path) -> Path:
    """A Word document as the plan report is: A4, Times New Roman, a heading, a paragraph, a
    table."""
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    doc.add_heading(HEADING, level=1)
    doc.add_paragraph(SENTENCE)
    table = doc.add_table(rows=2, cols=2)
    for row, (name, share) in zip(table.rows, [("Chỉ tiêu", "Tỷ lệ"), (CELL, "62,5%")],
                                  strict=True):
        row.cells[0].text, row.cells[1].text = name, share
    doc.save(str(path))
    return path


def _broken(path: Path, good: Path) -> Path:
    """A .docx that is a zip with Word's parts, its text part not XML: LibreOffice refuses it
    (a text part cut short it would print as an empty page)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            broken = item.filename == "word/document.xml"
            out.writestr(item, b"<w:document broken" if broken else src.read(item))
    return path


@pytest.fixture(scope="module")
def printed(tmp_path_factory, chromium, soffice) -> dict:
    """One ``write_pdfs`` over a run's files: the broken document first, then the page and the
    Word document (and a notebook, which is not printed)."""
    folder = tmp_path_factory.mktemp("pdf") / "Báo cáo 2022" / "Phường 2"
    folder.mkdir(parents=True)
    scratch = folder.parent / "thư mục tạm"
    scratch.mkdir()
    page = _page(folder)
    document = _document(folder / "kế hoạch.docx")
    broken = _broken(folder / "hỏng.docx", document)
    stale = broken.with_suffix(".pdf")
    stale.write_bytes(b"%PDF- the PDF of an earlier run")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("tempfile.tempdir", str(scratch))  # the programs' profiles go here
        start = time.monotonic()
        result = pdf.write_pdfs([broken, page.with_suffix(".ipynb"), page, document])
        seconds = time.monotonic() - start
    return {"result": result, "page": page, "document": document, "broken": broken,
            "stale": stale, "folder": folder, "scratch": scratch, "seconds": seconds}


def _read(path: Path) -> tuple[list[tuple[float, float]], str]:
    reader = PdfReader(path)
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    # NFKC: the "fi" ligature pypdf may give for a browser footer's "file:" is two letters again
    return sizes, unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


def _on_a4(sizes: list[tuple[float, float]]) -> bool:
    return bool(sizes) and all(abs(w - A4[0]) <= 2 and abs(h - A4[1]) <= 2 for w, h in sizes)


def test_the_page_prints_on_a4_with_its_vietnamese_and_no_browser_header(printed):
    pdf_file = printed["page"].with_suffix(".pdf")
    assert pdf_file in printed["result"].written
    sizes, text = _read(pdf_file)
    assert _on_a4(sizes), sizes  # the page's print stylesheet, not the browser's Letter
    assert HEADING in text and CELL in text and "62,5%" in text
    assert not BROWSER_MARKS.search(text), text


def test_the_word_document_prints_on_a4_with_its_vietnamese(printed):
    pdf_file = printed["document"].with_suffix(".pdf")
    assert pdf_file in printed["result"].written
    sizes, text = _read(pdf_file)
    assert _on_a4(sizes), sizes
    assert HEADING in text and SENTENCE in text and CELL in text


def test_a_broken_document_is_named_in_one_line_and_the_others_still_print(printed):
    result, broken = printed["result"], printed["broken"]
    assert result.written == (printed["page"].with_suffix(".pdf"),
                              printed["document"].with_suffix(".pdf"))
    (problem,) = result.problems
    assert problem.startswith(f"{broken}: ") and "LibreOffice" in problem
    assert "\n" not in problem and "Traceback" not in problem
    # the earlier PDF stays whole; no temporary file is left in the folder or the scratch one
    assert printed["stale"].read_bytes() == b"%PDF- the PDF of an earlier run"
    assert sorted(p.name for p in printed["folder"].iterdir()) == sorted([
        "báo cáo phường.ipynb", "báo cáo phường.html", "báo cáo phường.pdf",
        "kế hoạch.docx", "kế hoạch.pdf", "hỏng.docx", "hỏng.pdf"])
    assert list(printed["scratch"].iterdir()) == []
    assert printed["seconds"] < 60  # ~3 s here: Chromium ~1 s, LibreOffice ~1 s a document


def test_missing_programs_are_said_once_each(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "")
    for variable in pdf.WINDOWS_ROOTS:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(pdf, "CHROMIUM_MACOS", ())
    monkeypatch.setattr(pdf, "SOFFICE_MACOS", ())
    files = [tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.docx", tmp_path / "d.xlsx"]
    result = pdf.write_pdfs(files)
    assert result.written == ()
    assert result.problems == (lang.NO_CHROMIUM_VI.format(count=2),
                               lang.NO_SOFFICE_VI.format(count=1))
    assert result.problems[0].startswith("Không tìm thấy Chromium: chưa xuất PDF cho 2 trang")
    assert all("\n" not in line for line in result.problems)
    assert list(tmp_path.iterdir()) == []


def test_windows_install_folders_are_searched(tmp_path, monkeypatch):
    """SIMULATED, not run on Windows: ``os.name`` is set to "nt" and %ProgramFiles%,
    %ProgramFiles(x86)% point to a temporary folder holding empty stand-ins for
    ``soffice.exe`` (an older versioned folder) and ``msedge.exe``; PATH is empty."""
    files, files_x86 = tmp_path / "Program Files", tmp_path / "Program Files (x86)"
    soffice = files_x86 / "LibreOffice 5" / "program" / "soffice.exe"
    edge = files_x86 / "Microsoft" / "Edge" / "Application" / "msedge.exe"
    for stand_in in (soffice, edge):
        stand_in.parent.mkdir(parents=True)
        stand_in.write_bytes(b"")
    files.mkdir()
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("ProgramFiles", str(files))
    monkeypatch.setenv("ProgramFiles(x86)", str(files_x86))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    with monkeypatch.context() as windows:
        windows.setattr(os, "name", "nt")  # no Path made while it holds: strings only
        found = pdf.find_soffice(), pdf.find_chromium()
    assert found == (str(soffice), str(edge))
    # Chrome, when installed, comes before Edge; LibreOffice's own folder before an older one
    chrome = files / "Google" / "Chrome" / "Application" / "chrome.exe"
    current = files / "LibreOffice" / "program" / "soffice.exe"
    for stand_in in (chrome, current):
        stand_in.parent.mkdir(parents=True)
        stand_in.write_bytes(b"")
    with monkeypatch.context() as windows:
        windows.setattr(os, "name", "nt")
        found = pdf.find_soffice(), pdf.find_chromium()
    assert found == (str(current), str(chrome))
    if os.name != "nt":  # the same folders mean nothing off Windows
        monkeypatch.setattr(pdf.sys, "platform", "linux")
        assert (pdf.find_soffice(), pdf.find_chromium()) == (None, None)


def test_a_page_past_its_time_is_stopped_and_said(chromium, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><meta charset='utf-8'><h1>{HEADING}</h1>", encoding="utf-8")
    with pytest.raises(CchcError) as caught:
        pdf.html_to_pdf(page, tmp_path / "page.pdf", chromium, seconds=0.05)
    assert str(caught.value).startswith(f"{page}: ")
    assert lang.PROGRAM_TIMED_OUT_VI.format(program="Chromium", seconds=0.05) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_what_is_not_a_word_document_never_reaches_libreoffice(tmp_path):
    fake = tmp_path / "ghi chú.docx"
    fake.write_text("Đây không phải văn bản Word", encoding="utf-8")  # LO would print it
    with pytest.raises(CchcError, match=re.escape(lang.NOT_A_DOCX_VI)):
        pdf.docx_to_pdf(fake, tmp_path / "ghi chú.pdf", str(tmp_path / "no-soffice"))
    with pytest.raises(CchcError, match=re.escape(lang.NOT_A_FILE_VI)):
        pdf.docx_to_pdf(tmp_path / "none.docx", tmp_path / "none.pdf", "soffice")


def test_a_program_that_cannot_start_is_said(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(CchcError) as caught:
        pdf.html_to_pdf(page, tmp_path / "page.pdf", str(tmp_path / "no-chromium"))
    assert lang.PROGRAM_NOT_STARTED_VI.split("{")[0] in str(caught.value)
    assert str(caught.value).startswith(f"{page}: ")
