"""Only what changed is parsed: each file's parsed blocks are kept by content (ingest/cache.py).
Change one of three exports and only it is parsed again; the processed tables are the bytes a
full ingest writes; `--full` parses everything; a damaged entry is parsed again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_lib.ingest import parse, pipeline
from cchc_lib.ingest.result import summary_text

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ("dossiers/haile_2022.csv", "dossiers/dvcqg_2022.csv", "dossiers/phuong2_2022.xlsx")


@pytest.fixture
def workbook(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data/raw/sample", raw / "sample")
    shutil.copytree(ROOT / "data/raw/methodology", raw / "methodology")
    catalog = (raw / "sample/catalog.yml").read_text(encoding="utf-8")
    head = catalog[:catalog.index("dossiers:")]
    (raw / "sample/catalog.yml").write_text(
        head + "dossiers:\n- path: dossiers/haile_2022.csv\n- path: dossiers/dvcqg_2022.csv\n"
        "- path: dossiers/phuong2_2022.xlsx\n  unit_code: SAMPLE-P2\n", encoding="utf-8")
    return raw / "sample/catalog.yml"


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))}


def _dossier_files(result) -> list[str]:
    """The exports parsed in a run (labels are as the catalog's paths read from here)."""
    return sorted(e for e in EXPORTS for f in result.files_parsed if f.endswith(e))


def test_only_the_changed_file_is_parsed_and_the_tables_are_the_same_bytes(workbook, tmp_path):
    out = tmp_path / "processed"
    first = pipeline.run(workbook, out)
    assert _dossier_files(first) == sorted(EXPORTS) and not first.files_reused
    second = pipeline.run(workbook, out)
    assert second.files_parsed == [] and len(second.files_reused) == len(first.files_parsed)
    assert "không đổi từ lần nhập trước" in summary_text(second)

    export = workbook.parent / "dossiers/haile_2022.csv"  # one more row: the first, again
    lines = export.read_bytes().splitlines(keepends=True)
    export.write_bytes(b"".join([*lines, lines[1]]))
    third = pipeline.run(workbook, out)
    assert len(third.files_parsed) == 1 and third.files_parsed[0].endswith(EXPORTS[0])
    label = third.files_parsed[0]
    assert sum(f.rows_in for f in third.files if f.file == label) == \
        sum(f.rows_in for f in first.files if f.file == label) + 1

    full = pipeline.run(workbook, tmp_path / "full", full=True)  # no entry used
    assert _dossier_files(full) == sorted(EXPORTS) and not full.files_reused
    assert _bytes(out) == _bytes(tmp_path / "full")
    assert (out / "quarantine.csv").read_bytes() == (tmp_path / "full/quarantine.csv").read_bytes()


def test_full_parses_every_file_again(workbook, tmp_path):
    out = tmp_path / "processed"
    pipeline.run(workbook, out)
    again = pipeline.run(workbook, out, full=True)
    assert _dossier_files(again) == sorted(EXPORTS) and again.files_reused == []


def test_a_damaged_entry_is_parsed_again(workbook, tmp_path):
    out = tmp_path / "processed"
    pipeline.run(workbook, out)
    before = _bytes(out)
    blocks = sorted((tmp_path / "cache/ingest").glob("*/block-*.parquet"))
    assert blocks
    for block in blocks:
        block.write_bytes(b"not parquet")
    again = pipeline.run(workbook, out)
    assert _dossier_files(again) == sorted(EXPORTS)
    assert _bytes(out) == before


def test_entries_of_files_no_longer_read_are_removed(workbook, tmp_path):
    out = tmp_path / "processed"
    pipeline.run(workbook, out)
    entries = {p.name for p in (tmp_path / "cache/ingest").iterdir()}
    text = workbook.read_text(encoding="utf-8").replace(
        "- path: dossiers/dvcqg_2022.csv\n", "")
    workbook.write_text(text, encoding="utf-8")
    pipeline.run(workbook, out)
    assert len({p.name for p in (tmp_path / "cache/ingest").iterdir()}) == len(entries) - 1


def test_files_parsed_in_parallel_give_the_same_tables(workbook, tmp_path, monkeypatch):
    serial = pipeline.run(workbook, tmp_path / "serial", full=True)
    monkeypatch.setattr(parse, "PARALLEL_MIN_BYTES", 0)  # even these small files
    calls = []
    real = pipeline.parse_files
    monkeypatch.setattr(pipeline, "parse_files",
                        lambda sources, *a: calls.append(len(sources)) or real(sources, *a))
    parallel = pipeline.run(workbook, tmp_path / "parallel", full=True)
    assert 3 in calls  # the three exports went to the pool together
    assert _bytes(tmp_path / "parallel") == _bytes(tmp_path / "serial")
    assert [(f.file, f.rows_in, f.accepted) for f in parallel.files] == \
        [(f.file, f.rows_in, f.accepted) for f in serial.files]


def test_a_broken_file_among_parallel_ones_stops_with_its_message(workbook, tmp_path,
                                                                  monkeypatch):
    from cchc_lib.core.errors import InputFileError

    monkeypatch.setattr(parse, "PARALLEL_MIN_BYTES", 0)
    (workbook.parent / "dossiers/phuong2_2022.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InputFileError, match=r"phuong2_2022\.xlsx: "):
        pipeline.run(workbook, tmp_path / "processed", full=True)
    assert not (tmp_path / "processed").exists()
