"""A file held open by another program, as Windows refuses to replace it (simulated here: the
replace fails with Windows' "sharing violation" while Excel holds the file; Linux lets any
open file be replaced, so the refusal itself cannot happen on this machine), and a processed
folder that is a mount point its parent cannot see (a bind mount of the same disk: "Device
or resource busy", simulated the same way). Every case: the old file or tables intact,
nothing left behind, one Vietnamese message."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.core.errors import CchcError
from cchc_lib.core.files import held_by_another_program, replace_path
from cchc_lib.delivery.notebooks import atomic_write
from cchc_lib.ingest.store import read_processed, write_processed

REAL_REPLACE = os.replace


def held(exc_errno: int = errno.EACCES, winerror: int | None = 32) -> OSError:
    exc = PermissionError(exc_errno, "The process cannot access the file")
    if winerror is not None:
        exc.winerror = winerror  # what Windows' PermissionError carries
    return exc


def holding(monkeypatch, target: Path, times: int, exc: OSError | None = None) -> list:
    """os.replace refuses to replace (or move) ``target`` ``times`` times, then does it (the
    waits between tries shortened: the same tries, in a tenth of the time)."""
    import cchc_lib.core.files as files

    monkeypatch.setattr(files, "RETRY_WAITS", tuple(w / 10 for w in files.RETRY_WAITS))
    calls: list = []

    def replace(src, dst):
        if Path(dst) == target or Path(src) == target:
            calls.append(dst)
            if len(calls) <= times:
                raise exc or held()
        return REAL_REPLACE(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_which_refusals_are_another_program_holding_the_file():
    assert held_by_another_program(held(winerror=32))  # sharing violation
    assert held_by_another_program(held(winerror=5))   # access denied (Excel's lock)
    assert not held_by_another_program(held(winerror=None))  # POSIX: no permission
    assert not held_by_another_program(FileNotFoundError(2, "x"))


def test_a_report_released_within_seconds_is_replaced(tmp_path, monkeypatch):
    page = tmp_path / "ward_report.html"
    page.write_text("old", encoding="utf-8")
    calls = holding(monkeypatch, page, times=2)
    atomic_write(page, lambda p: p.write_text("new", encoding="utf-8"))
    assert page.read_text(encoding="utf-8") == "new" and len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ward_report.html"]


def test_a_report_held_open_is_named_and_kept(tmp_path, monkeypatch):
    page = tmp_path / "bieu06.xlsx"
    page.write_bytes(b"old")
    holding(monkeypatch, page, times=100)
    with pytest.raises(CchcError) as err:
        atomic_write(page, lambda p: p.write_bytes(b"new"))
    assert str(err.value) == (f"Tệp {page} đang mở trong chương trình khác (Excel?): đóng tệp "
                              "rồi chạy lại (tệp cũ vẫn giữ nguyên)")
    assert page.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bieu06.xlsx"]  # no temporary file


def test_no_permission_is_not_taken_for_excel(tmp_path, monkeypatch):
    page = tmp_path / "a.html"
    page.write_text("old", encoding="utf-8")
    calls = holding(monkeypatch, page, times=100, exc=held(winerror=None))
    with pytest.raises(PermissionError):
        replace_path(tmp_path / "b", page)
    assert len(calls) == 1  # not retried


@pytest.fixture(scope="module")
def result():
    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.ingest.pipeline import ingest

    root = Path(__file__).resolve().parents[2]
    return ingest(load_catalog(root / "data/raw/sample/catalog.yml"))


def test_processed_folder_with_quarantine_open_in_excel(tmp_path, monkeypatch, result):
    out = tmp_path / "processed"
    write_processed(result, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    holding(monkeypatch, out, times=100)
    with pytest.raises(CchcError, match="có tệp đang mở trong chương trình khác"):
        write_processed(result, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]  # nothing left over


def test_processed_folder_on_a_mount_its_parent_cannot_see(tmp_path, monkeypatch, result):
    out = tmp_path / "processed"
    out.mkdir()
    (out / "stale.parquet").write_bytes(b"from last year")
    holding(monkeypatch, out, times=100, exc=OSError(errno.EBUSY, "Device or resource busy"))
    written = write_processed(result, out)
    assert out / "quarantine.csv" in written and not (out / "stale.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    pd.testing.assert_frame_equal(read_processed(out)["units"], result.tables["units"])
