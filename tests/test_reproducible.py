"""The same data, the same environment: the same bytes. `cchc run --report all` twice on the
sample, into the same folders, gives identical processed tables, executed notebooks, HTML
pages, workbooks and Word documents; every one of them says which workbook, which data and
which libraries made it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import nbformat
import pytest

from cchc_lib import __version__
from cchc_lib.core.provenance import KEY_LIBRARIES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CATALOG = ROOT / "data/raw/sample/catalog.yml"


def _run(base: Path) -> None:
    args = [sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2", "--period",
            "2022", "--report", "all", "--catalog", str(SAMPLE_CATALOG),
            "--data", str(base / "processed"), "--reports", str(base / "reports")]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr


def _files(base: Path) -> dict[str, str]:
    """Every output file (logs aside: they say when they ran) and the SHA-256 of its bytes."""
    return {str(p.relative_to(base)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(base.rglob("*")) if p.is_file() and "logs" not in p.parts
            and "cache" not in p.parts}


@pytest.fixture(scope="module")
def twice(tmp_path_factory):
    base = tmp_path_factory.mktemp("again")
    _run(base)
    first = _files(base)
    _run(base)
    return base, first, _files(base)


def test_a_second_run_writes_the_same_bytes(twice):
    base, first, second = twice
    kinds = {Path(name).suffix for name in first}
    assert {".parquet", ".ipynb", ".html", ".xlsx", ".docx", ".csv"} <= kinds
    changed = sorted(name for name in first if first[name] != second.get(name))
    assert changed == [] and first.keys() == second.keys()


def _data_hash(base: Path) -> str:
    return json.loads((base / "processed/provenance.json").read_text())["data_sha256"]


def test_every_output_says_what_made_it(twice):
    base, _, _ = twice
    data = _data_hash(base)
    assert len(data) == 64
    folder = base / "reports/2022/SAMPLE-P2"
    pandas = f"pandas {metadata.version('pandas')}"
    for nb_path in folder.glob("*.ipynb"):
        made = nbformat.read(str(nb_path), as_version=4).metadata["cchc"]
        assert made["workbook"] == __version__ and made["data_sha256"] == data, nb_path.name
        assert set(made["libraries"]) == set(KEY_LIBRARIES)
    for page in folder.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert f'content="cchc-workbook {__version__}"' in html
        assert f"dữ liệu {data[:12]}" in html and pandas in html, page.name  # the reader's line
    with zipfile.ZipFile(folder / "bao_cao_ke_hoach.docx") as docx:
        core = docx.read("docProps/core.xml").decode()
        footer = "".join(docx.read(n).decode() for n in docx.namelist() if "footer" in n)
    assert f"<cp:version>{__version__}</cp:version>" in core and data in core
    # the reader's line stays in the properties; the page carries the report alone (issue 26)
    assert f"dữ liệu {data[:12]}" in core and "dữ liệu" not in footer
    for book in ("bieu06.xlsx", "kiem_chung.xlsx"):
        with zipfile.ZipFile(folder / book) as xlsx:
            custom = xlsx.read("docProps/custom.xml").decode()
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        assert data in custom and __version__ in custom, book
        assert f"dữ liệu {data[:12]}" in sheet, book  # the printed page's footer


def test_the_version_is_written_once():
    assert metadata.version("cchc-workbook") == __version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert __version__ not in pyproject and 'dynamic = ["version"]' in pyproject
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and f"cchc-workbook) {__version__}" in run.stdout
    assert f"pandas {metadata.version('pandas')}" in run.stdout


def test_help_starts_without_the_heavy_libraries():
    """`cchc --help` and the parsing of every command import no data library."""
    code = ("import sys; from cchc_lib.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'duckdb', 'matplotlib', "
            "'papermill', 'nbformat') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=ROOT)
    assert run.returncode == 0 and run.stdout.strip() == "[]", run.stdout + run.stderr
