"""Safety classes other than rendering: YAML bombs and loops, path checks, neutral cells."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.cli import main
from cchc_lib.core.catalog import load_catalog
from cchc_lib.core.errors import CchcError, InputFileError, MethodologyError
from cchc_lib.core.paths import inside
from cchc_lib.core.sheets import neutral, neutral_frame
from cchc_lib.ingest.methodology import parse_methodology

ROOT = Path(__file__).resolve().parents[1]
BOMB = """\
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
units: {path: units.csv}
"""


def test_an_alias_bomb_in_the_catalog_is_one_message(tmp_path):
    (tmp_path / "catalog.yml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(InputFileError, match="dòng 2: .*aliases"):
        load_catalog(tmp_path / "catalog.yml")


def test_an_alias_bomb_in_the_methodology_is_one_message():
    with pytest.raises(MethodologyError, match="aliases"):
        parse_methodology(BOMB, "m.yml")


def test_a_catalog_that_includes_itself_is_one_message(tmp_path):
    (tmp_path / "a.yml").write_text("include: b.yml\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("include: a.yml\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="vòng lặp include"):
        load_catalog(tmp_path / "a.yml")


def test_a_huge_yaml_file_is_refused_unread(tmp_path):
    (tmp_path / "catalog.yml").write_text("# " + "x" * (2 * 2**20) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="giới hạn"):
        load_catalog(tmp_path / "catalog.yml")


def test_the_command_says_one_line_and_exits_2_on_a_bomb(tmp_path, capsys):
    (tmp_path / "catalog.yml").write_text(BOMB, encoding="utf-8")
    code = main(["ingest", "--catalog", str(tmp_path / "catalog.yml"), "--out",
                 str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("cchc: lỗi:")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("unit", ["../../../X", "a/b", "..", ".hidden", "P 2", "x" * 65, "",
                                  # names a Windows PC cannot open as folders
                                  "CON", "nul", "Aux", "COM1.x", "lpt9", "prn.txt", "P1."])
def test_a_bad_unit_is_refused_before_anything_is_written(unit, tmp_path, capsys):
    code = main(["run", "--unit", unit, "--period", "2022", "--data", str(tmp_path / "d"),
                 "--reports", str(tmp_path / "r")])
    assert code == 2 and "không dùng được làm tên thư mục" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing ingested, nothing written


def test_paths_stay_inside_their_root(tmp_path):
    assert inside(tmp_path, "2022-Q3", "SAMPLE-P2") == tmp_path.resolve() / "2022-Q3/SAMPLE-P2"
    (tmp_path / "out").symlink_to("/tmp")
    with pytest.raises(CchcError, match="ra ngoài"):
        inside(tmp_path, "out", "x")
    with pytest.raises(CchcError):
        inside(tmp_path, "..", "x")


def test_a_unit_code_that_cannot_be_a_folder_is_quarantined(tmp_path):
    corpus = ROOT / "tests/corpus"
    (tmp_path / "units.csv").write_text("unit_code,unit_name\nU1,Phường 1\n../U2,Phường 2\n"
                                        "NUL,Phường 3\nP4.,Phường 4\nCOM1.x,Phường 5\n"
                                        "CONSOLE,Phường 6\n", encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        f"units: {{path: units.csv}}\ncatalogue: {{path: {corpus / 'catalogue.csv'}}}\n"
        f"dossiers: [{corpus / 'files/01_dvcqg_utf8.csv'}]\n", encoding="utf-8")
    from cchc_lib.ingest.pipeline import ingest
    result = ingest(load_catalog(tmp_path / "catalog.yml"))
    q = result.quarantine[result.quarantine.table == "units"]
    assert list(q.source_row) == [3, 4, 5, 6]  # CONSOLE is a name like any other
    assert set(q.reasons) == {"bad_code:unit_code"}


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+84912", "'+84912"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("  =1", "'  =1"), ("＝1", "'＝1"),
    ("Hộ tịch", "Hộ tịch"), ("1.004873", "1.004873"), (-5, -5), (None, None)])
def test_cells_that_a_spreadsheet_would_run_are_made_text(value, expected):
    assert neutral(value) == expected


def test_a_frame_keeps_its_numbers_and_neutralises_its_text():
    frame = pd.DataFrame({"a": ["=x", "y"], "n": [-1, 2], "=h": ["z", None]})
    out = neutral_frame(frame)
    assert list(out.columns) == ["a", "n", "'=h"]
    assert out.a.tolist() == ["'=x", "y"] and out.n.tolist() == [-1, 2]


# --------------------------------------------------------------------------------------
# A user's mistake is one line naming the file and the fix, exit 2 (never "a bug")
# --------------------------------------------------------------------------------------

def one_line(capsys, code: int) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("cchc: lỗi: "), err
    assert "bug" not in err[0] and "Traceback" not in err[0]
    return err[0]


def ingest_args(tmp_path, *dossiers: str) -> list[str]:
    return ["ingest", "--catalog", str(ROOT / "tests/corpus/catalog.yml"), "--out",
            str(tmp_path / "out"), "--dossiers", *dossiers]


def test_a_folder_given_as_an_export(tmp_path, capsys):
    (tmp_path / "exports").mkdir()
    line = one_line(capsys, main(ingest_args(tmp_path, str(tmp_path / "exports"))))
    assert "exports" in line and "thư mục" in line


def test_a_symlink_loop_given_as_an_export(tmp_path, capsys):
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    line = one_line(capsys, main(ingest_args(tmp_path, str(tmp_path / "loop.csv"))))
    assert "loop.csv" in line and "symlink" in line


def test_a_yaml_syntax_error(tmp_path, capsys):
    (tmp_path / "catalog.yml").write_text("units: {path: u.csv\n", encoding="utf-8")
    line = one_line(capsys, main(["ingest", "--catalog", str(tmp_path / "catalog.yml"),
                                  "--out", str(tmp_path / "out")]))
    assert "catalog.yml" in line and "dòng 2" in line


def test_a_broken_methodology_value(tmp_path, capsys):
    text = (ROOT / "data/raw/methodology/chi_so_cchc_cap_xa_mau.yml").read_text(encoding="utf-8")
    (tmp_path / "m.yml").write_text(text.replace("max_points: 100", "max_points: nhiều", 1),
                                    encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        f"include: {ROOT / 'data/raw/sample/catalog.yml'}\nmethodology: {{path: m.yml}}\n",
        encoding="utf-8")
    line = one_line(capsys, main(["ingest", "--catalog", str(tmp_path / "catalog.yml"),
                                  "--out", str(tmp_path / "out")]))
    assert "m.yml" in line and "max_points" in line


def test_reports_under_a_file_instead_of_a_folder(tmp_path, capsys):
    (tmp_path / "reports").write_text("a file", encoding="utf-8")
    line = one_line(capsys, main(["run", "--unit", "SAMPLE-P2", "--period", "2022",
                                  "--skip-ingest", "--data", "tests/.sample_processed",
                                  "--reports", str(tmp_path / "reports")]))
    assert "reports" in line and "không phải thư mục" in line


def test_recipients_written_as_plain_text(tmp_path, capsys):
    (tmp_path / "rec.yml").write_text("a@example.vn, b@example.vn\n", encoding="utf-8")
    line = one_line(capsys, main(["email", "--unit", "SAMPLE-P2", "--period", "2022",
                                  "--reports", str(tmp_path / "reports"), "--recipients",
                                  str(tmp_path / "rec.yml"), "--dry-run"]))
    assert "rec.yml" in line and "MÃ_ĐƠN_VỊ" in line


def test_every_csv_a_person_opens_starts_with_a_bom(sample_processed):
    """Excel opens a CSV without a BOM in the ANSI code page: "Má»¥c" for "Mục"."""
    written = sorted(sample_processed.glob("*.csv"))
    assert {p.name for p in written} >= {"quarantine.csv", "ingest_summary.csv",
                                         "data_quality.csv"}
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
