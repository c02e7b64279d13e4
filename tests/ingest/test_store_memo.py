"""The processed tables are read once per process while the folder is unchanged (a scheduled
run's worker and its kept kernel): a new ingest is read again, a caller's change stays its
own, and a unit's rows cut from the whole table equal the rows the filtered scan reads."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from cchc_lib.ingest import store
from cchc_lib.ingest.store import DATES_TABLE, memo, read_processed


@pytest.fixture
def folder(tmp_path, sample_processed):
    target = tmp_path / "processed"
    shutil.copytree(sample_processed, target)
    store._MEMO.clear()
    yield target
    store._MEMO.clear()


def test_a_new_ingest_is_read_again(folder):
    first = read_processed(folder, tables=("units",))["units"]
    assert read_processed(folder, tables=("units",))["units"].equals(first)
    changed = first.assign(unit_name=first.unit_name + " (mới)")
    tmp = folder / "units.parquet.new"
    changed.to_parquet(tmp, index=False)
    os.replace(tmp, folder / "units.parquet")  # as ingest writes: a new file renamed in
    again = read_processed(folder, tables=("units",))["units"]
    assert list(again.unit_name) == [n + " (mới)" for n in first.unit_name]


def test_a_callers_change_stays_its_own(folder):
    mine = read_processed(folder)["dossiers"]
    mine["status"] = "changed"
    mine.loc[0, "unit_code"] = "X"
    theirs = read_processed(folder)["dossiers"]
    assert "changed" not in set(theirs.status) and theirs.unit_code[0] != "X"


def test_a_units_rows_cut_from_the_whole_table_equal_the_filtered_scan(folder):
    scanned = read_processed(folder, unit_code="SAMPLE-P2")
    store._MEMO.clear()
    read_processed(folder)  # the whole table kept: the unit's rows are cut from it
    cut = read_processed(folder, unit_code="SAMPLE-P2")
    assert set(cut) == set(scanned) and DATES_TABLE in cut
    assert len(cut["dossiers"]) == 7355 and set(cut["dossiers"].unit_code) == {"SAMPLE-P2"}
    for name in scanned:
        pd.testing.assert_frame_equal(cut[name], scanned[name], check_like=False)


def test_memo_computes_once_while_the_folder_is_unchanged(folder):
    calls = []
    for _ in range(3):
        assert memo(folder, "k", lambda: calls.append(1) or len(calls)) == 1
    (folder / "note.txt").write_text("x")  # any file of the folder changed
    assert memo(folder, "k", lambda: calls.append(1) or len(calls)) == 2
