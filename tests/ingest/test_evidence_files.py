"""Evidence kept as files under data/evidence/: an evidence cell naming a file is read as one
(by its type's extension, never by a list of words), a file that is there counts, one that is
not is flagged and its points are not evidenced, a name leading outside the folder sets the
row aside with its sheet, row and column; the checklist lists every file and links it.

The evidence cells are spelled as offices write them in a self-assessment: a document's number
and date, then the scanned file ("Quyết định số 12/QĐ-UBND; 2022/qd12.pdf"), several files on
several lines, Windows' backslashes, the folder written in front of the name."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_lib.core.catalog import ROOT_ENV, load_catalog
from cchc_lib.ingest.evidence import check_evidence_files, named_files, relative_name
from cchc_lib.ingest.methodology import load_methodology
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.par.evidence import evidence_checklist
from cchc_lib.par.scoring import FLAG_FILE_MISSING, score
from cchc_lib.reports.checklist import file_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"
METHOD = ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml"


def test_which_parts_of_a_cell_name_files():
    cell = ("Quyết định số 12/QĐ-UBND ngày 01/3/2022; 2022/qd12.pdf\n"
            "Biên bản họp.docx ; 'ảnh hiện trạng.JPG'\r\nBáo cáo số 95/BC-UBND (mẫu)")
    assert named_files(cell) == ["2022/qd12.pdf", "Biên bản họp.docx", "ảnh hiện trạng.JPG"]
    # a document number with slashes, a date, an abbreviation ending in a dot: not files
    assert named_files("Văn bản số 45/UBND-VP ngày 30/9/2022; v.v.; Kế hoạch 99/KH-UBND.") == []
    assert named_files(None) == [] and named_files(float("nan")) == []


def test_names_inside_the_folder_and_outside(tmp_path):
    folder = tmp_path / "data" / "evidence"
    (folder / "2022").mkdir(parents=True)
    (tmp_path / "secret.pdf").write_bytes(b"%PDF")
    assert relative_name("2022/a.pdf", folder) == "2022/a.pdf"
    assert relative_name("2022\\a.pdf", folder) == "2022/a.pdf"  # typed on Windows
    assert relative_name("data/evidence/2022/a.pdf", folder) == "2022/a.pdf"
    assert relative_name("Data\\Evidence\\a.pdf", folder) == "a.pdf"
    assert relative_name(str(folder / "2022" / "a.pdf"), folder) == "2022/a.pdf"
    for outside in ("../secret.pdf", "2022/../../secret.pdf", str(tmp_path / "secret.pdf"),
                    "/etc/passwd.txt", "C:\\Windows\\win.pdf", "\\\\server\\share\\a.pdf",
                    "//server/share/a.pdf"):
        assert relative_name(outside, folder) is None, outside
    # a link inside the folder that leads out of it
    os.symlink(tmp_path / "secret.pdf", folder / "link.pdf")
    assert relative_name("link.pdf", folder) is None


@given(st.lists(st.sampled_from(["..", ".", "a", "b c", "ổ", "", "/", "\\", "C:", "~"]),
                min_size=1, max_size=6))
def test_no_generated_name_resolves_outside_the_folder(tmp_path_factory, parts):
    folder = tmp_path_factory.getbasetemp() / "generated" / "data" / "evidence"
    folder.mkdir(parents=True, exist_ok=True)
    name = "/".join(parts) + ".pdf"
    rel = relative_name(name, folder)
    if rel is not None:
        target = (folder / rel).resolve()
        assert target.is_relative_to(folder.resolve()) and target != folder.resolve()


def test_each_row_files_missing_and_outside(tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF")
    cells = pd.Series(["Văn bản số 1/UBND", "a.pdf; b.pdf", "../x.pdf; a.pdf", None,
                       "a.pdf\na.pdf"])
    found = check_evidence_files(cells, folder)
    assert found.files.tolist() == [pd.NA, "a.pdf; b.pdf", pd.NA, pd.NA, "a.pdf"]
    assert found.missing.tolist() == [pd.NA, "b.pdf", pd.NA, pd.NA, pd.NA]
    assert found.outside.tolist() == [False, False, True, False, False]


# --------------------------------------------------------------------------------------
# Through ingest, the score and the checklist, in a workbook folder of its own
# --------------------------------------------------------------------------------------

ROWS = """unit_code,year,criterion_id,points,evidence,note
SAMPLE-P2,2022,1.1.1,1,"Kế hoạch số 99/KH-UBND; data/evidence/2022/ke_hoach_99.pdf",
SAMPLE-P2,2022,1.1.2,2,2022/bao_cao_thieu.pdf,
SAMPLE-P2,2022,1.2,2,..\\..\\raw\\khac.pdf,
SAMPLE-P2,2022,1.3,2,Văn bản số 7/UBND (không có tệp),
SAMPLE-P2,2022,1.4,1.5,"2022/ke_hoach_99.pdf
2022/anh.png",
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    evidence = folder / "data" / "evidence" / "2022"
    evidence.mkdir(parents=True)
    (evidence / "ke_hoach_99.pdf").write_bytes(b"%PDF-1.4 sample")
    (evidence / "anh.png").write_bytes(b"\x89PNG sample")
    (folder / "data" / "raw").mkdir()
    (folder / "data" / "raw" / "khac.pdf").write_bytes(b"%PDF outside the evidence folder")
    (folder / "data" / "tu_cham.csv").write_text(ROWS, encoding="utf-8")
    (folder / "data" / "catalog.yml").write_text(
        f"include: [{SAMPLE_CATALOG}]\nself_assessment: {{path: tu_cham.csv}}\n",
        encoding="utf-8")
    saved = os.environ.pop(ROOT_ENV, None)
    try:
        result = ingest(load_catalog(folder / "data" / "catalog.yml"))
    finally:
        if saved is not None:
            os.environ[ROOT_ENV] = saved
    return folder, result


def test_ingest_reads_the_files_and_refuses_a_path_outside(office):
    folder, result = office
    sa = result.tables["self_assessment"].set_index("criterion_id")
    assert sa.loc["1.1.1", "evidence_files"] == "2022/ke_hoach_99.pdf"
    assert pd.isna(sa.loc["1.1.1", "evidence_missing"])
    assert sa.loc["1.1.2", "evidence_missing"] == "2022/bao_cao_thieu.pdf"
    assert pd.isna(sa.loc["1.3", "evidence_files"])
    assert sa.loc["1.4", "evidence_files"] == "2022/ke_hoach_99.pdf; 2022/anh.png"
    assert "1.2" not in sa.index  # set aside, named with its row and column
    q = result.quarantine[result.quarantine.table == "self_assessment"]
    assert q[["source_row", "reasons"]].values.tolist() == [[4, "evidence_outside:evidence"]]
    assert "khac" not in q.to_csv()  # the path typed is not copied out
    note = next(f.note for f in result.files if f.table == "self_assessment")
    assert note == "1 dòng nêu tệp minh chứng không có trong thư mục data/evidence"


def test_a_missing_file_is_flagged_and_its_points_not_evidenced(office, tmp_path):
    folder, result = office
    method = load_methodology(METHOD)
    scored = score(method, {}, result.tables["self_assessment"])
    by = scored.set_index("id")
    assert by.loc["1.1.1", "evidenced"] == 1.0 and by.loc["1.4", "evidenced"] == 1.5
    assert by.loc["1.1.2", "points"] == 2.0 and by.loc["1.1.2", "evidenced"] == 0.0
    assert by.loc["1.1.2", "flag"] == f"{FLAG_FILE_MISSING}: 2022/bao_cao_thieu.pdf"
    assert by.loc["1.3", "evidenced"] == 2.0  # evidence in words: as before
    checklist = evidence_checklist(method, scored, {})
    status = checklist.set_index("id").status
    assert status["1.1.2"] == "file_missing" and status["1.1.1"] == "attached"
    assert file_rows(checklist)[0][2:] == ("2022/bao_cao_thieu.pdf", False)

    out = tmp_path / "reports" / "2022" / "SAMPLE-P2" / "kiem_chung.xlsx"
    out.parent.mkdir(parents=True)
    write_xlsx(checklist, out, "Phường 2", 2022, method.name,
               evidence_dir=folder / "data" / "evidence")
    book = openpyxl.load_workbook(out)
    main = book["Kiểm chứng"]
    assert "1 tiêu chí nêu tệp minh chứng không có trong thư mục data/evidence (2,00 điểm chưa" \
        in main["A4"].value
    ws = book["Tệp minh chứng"]
    rows = {r[2].value: r for r in ws.iter_rows(min_row=4)}
    assert set(rows) == {"2022/bao_cao_thieu.pdf", "2022/ke_hoach_99.pdf", "2022/anh.png"}
    missing = rows["2022/bao_cao_thieu.pdf"]
    assert missing[2].hyperlink is None and missing[3].value == "KHÔNG CÓ TRONG THƯ MỤC"
    link = rows["2022/ke_hoach_99.pdf"][2].hyperlink.target.replace("\\", "/")
    assert not os.path.isabs(link)  # relative: the folder copied or shared whole keeps it
    assert (out.parent / link).resolve() == (folder / "data/evidence/2022/ke_hoach_99.pdf"
                                             ).resolve()


def test_no_files_named_no_files_sheet(tmp_path, sample_tables):
    method = load_methodology(METHOD)
    sa = sample_tables["self_assessment"]
    scored = score(method, {}, sa[sa.unit_code == "SAMPLE-P2"])
    path = write_xlsx(evidence_checklist(method, scored, {}), tmp_path / "k.xlsx", "Phường 2",
                      2022, method.name, evidence_dir=tmp_path / "evidence")
    assert openpyxl.load_workbook(path).sheetnames == ["Kiểm chứng"]
