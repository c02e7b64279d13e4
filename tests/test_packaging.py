"""A workbook anywhere: the wheel built from this checkout, installed in a new virtual
environment outside it (its dependencies from requirements.lock), runs `cchc init` and then
`cchc ingest` and a report on the example data, with no file of the checkout in reach."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from cchc_lib import __version__

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed():
    """pyproject lists cchc_lib's packages by hand (two are mapped from project folders): a
    new package left out would be missing from the wheel."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "cchc_lib").rglob("__init__.py")}
    assert listed == found | {"cchc_lib.resources.notebooks", "cchc_lib.resources.data"}


def _clean_env(home: Path) -> dict[str, str]:
    """No trace of this checkout or its environment: no PYTHONPATH, no project folder, a
    home of its own (no user-level Jupyter kernels)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "CCHC_", "JUPYTER", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), MPLBACKEND="Agg", PATH=os.defpath)
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist),
                            str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (wheel,) = dist.glob("cchc_workbook-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = _clean_env(base / "home")
    (base / "home").mkdir()
    pip = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet",
                          "-c", str(ROOT / "requirements.lock"), str(wheel)],
                         capture_output=True, text=True, timeout=900, env=env, cwd=base)
    assert pip.returncode == 0, pip.stderr[-3000:]
    return venv / "bin", env


def test_the_wheel_holds_the_notebooks_and_the_starter_data(installed):
    bin_dir, env = installed
    (wheel,) = Path(bin_dir).parents[1].glob("dist/*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("cchc_lib/resources/notebooks/ward_report.ipynb",
                   "cchc_lib/resources/data/catalog.yml",
                   "cchc_lib/resources/data/README.md",
                   "cchc_lib/resources/data/raw/methodology/chi_so_cchc_cap_xa_mau.yml",
                   "cchc_lib/resources/data/raw/sample/dossiers/phuong2_2022.xlsx",
                   "cchc_lib/delivery/templates/cchc_html/index.html.j2", "cchc_lib/py.typed"):
        assert needed in names
    assert not [n for n in names if "/processed/" in n or "/cache/" in n]


def test_init_then_a_report_outside_the_checkout(installed, tmp_path):
    bin_dir, env = installed
    cchc = str(bin_dir / "cchc")
    where = subprocess.run([str(bin_dir / "python"), "-c",
                            "import cchc_lib; print(cchc_lib.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert str(ROOT) not in where.stdout and str(bin_dir.parent) in where.stdout

    def run(*args, cwd):
        done = subprocess.run([cchc, *args], capture_output=True, text=True, env=env, cwd=cwd,
                              timeout=900)
        assert done.returncode == 0, done.stderr[-3000:]
        return done

    version = run("--version", cwd=tmp_path)
    assert f"cchc-workbook) {__version__}" in version.stdout
    run("init", "so_tay", cwd=tmp_path)
    folder = tmp_path / "so_tay"
    assert (folder / "data/catalog.yml").is_file() and (folder / "README.md").is_file()
    assert "Thư mục sổ tay" in (folder / "README.md").read_text(encoding="utf-8")
    run("ingest", cwd=folder)
    run("run", "--unit", "SAMPLE-P2", "--period", "2022", "--report", "all", cwd=folder / "data")
    out = folder / "reports/2022/SAMPLE-P2"
    for name in ("ward_report.html", "scorecard.html", "plan_progress.html", "bieu06.xlsx",
                 "kiem_chung.xlsx", "bao_cao_ke_hoach.docx"):
        assert (out / name).is_file(), name
    page = (out / "ward_report.html").read_text(encoding="utf-8")
    assert "Phường 2" in page and f"Sổ tay CCHC {__version__}" in page
    # a second init into the same folder refuses, and writes nothing
    again = subprocess.run([cchc, "init", "so_tay"], capture_output=True, text=True, env=env,
                           cwd=tmp_path)
    assert again.returncode == 2 and "đã có nội dung" in again.stderr
    assert "Traceback" not in again.stderr
