"""One project lock before any write; data/processed replaced atomically, also when it is a
symlink or a mount point; nothing left behind after a kill. Real processes, real mounts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.store import PROCESSED_FILES, read_processed, write_processed

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/corpus"


def small_result(name: str = "01_dvcqg_utf8.csv"):
    return ingest(with_overrides(load_catalog(CORPUS / "catalog.yml"),
                                 dossiers=[str(CORPUS / "files" / name)], unit="U2"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_symlinked_processed_folder_stays_a_link(tmp_path):
    real = tmp_path / "share" / "processed"
    real.mkdir(parents=True)
    (real / "dossiers.parquet").write_bytes(b"old")
    link = tmp_path / "processed"
    link.symlink_to(real, target_is_directory=True)
    write_processed(small_result(), link)
    write_processed(small_result("02_vn_semicolon_bom.csv"), link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(read_processed(link)["dossiers"]) == 2
    assert leftovers(tmp_path / "share") == [] and leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"),
                    reason="mounting a tmpfs needs root")
def test_a_mount_point_has_its_contents_swapped(tmp_path):
    mnt = tmp_path / "processed"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mnt)], check=True)
    try:
        write_processed(small_result(), mnt)
        (mnt / "stray-old-file.txt").write_text("from before", encoding="utf-8")
        write_processed(small_result("02_vn_semicolon_bom.csv"), mnt)
        assert os.path.ismount(mnt)
        names = {p.name for p in mnt.iterdir()}
        assert set(PROCESSED_FILES.values()) <= names and "stray-old-file.txt" not in names
        assert leftovers(mnt) == []
        assert set(read_processed(mnt)["dossiers"].dossier_id) == {"B1", "B2"}
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_a_killed_runs_leftovers_are_removed_by_the_next(tmp_path):
    out = tmp_path / "processed"
    write_processed(small_result(), out)
    (tmp_path / ".processed-new-abc123").mkdir()  # what a SIGKILL mid-write leaves
    (tmp_path / ".processed-old").mkdir()
    write_processed(small_result(), out)
    assert leftovers(tmp_path) == []


def test_a_file_where_the_folder_should_be_is_one_message(tmp_path):
    (tmp_path / "processed").write_text("not a folder", encoding="utf-8")
    from cchc_lib.core.errors import CchcError
    with pytest.raises(CchcError, match="không phải thư mục"):
        write_processed(small_result(), tmp_path / "processed")


def test_two_ingests_at_once_take_turns(tmp_path):
    """Two real `cchc ingest` processes on one folder: the second waits for the first's lock;
    both succeed, the folder holds one whole ingest, nothing is left behind."""
    cmd = [sys.executable, "-m", "cchc_lib.cli", "ingest", "--catalog",
           str(ROOT / "data/raw/sample/catalog.yml"), "--out", str(tmp_path / "processed")]
    env = {**os.environ, "CCHC_LOCK_WAIT": "120"}
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    for p in (first, second):
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    tables = read_processed(tmp_path / "processed")
    assert len(tables["dossiers"]) == 31061
    assert leftovers(tmp_path) == []
