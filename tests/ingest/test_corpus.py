"""Every file of the corpus (tests/corpus/files) gives what tests/corpus/expected.yml says."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cchc_lib.cli import main
from cchc_lib.core.catalog import load_catalog, value_map, with_overrides
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.text import match_key
from cchc_lib.ingest.pipeline import ingest

CORPUS = Path(__file__).parents[1] / "corpus"


def _cases() -> dict[str, dict]:
    """expected.yml, and each topic's expected_<topic>.yml (no file named twice)."""
    cases: dict[str, dict] = {}
    for path in [CORPUS / "expected.yml", *sorted(CORPUS.glob("expected_*.yml"))]:
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        twice = set(part) & set(cases)
        assert not twice, f"{path.name} names again: {sorted(twice)}"
        cases.update(part)
    return cases


CASES = _cases()


def test_corpus_is_complete():
    files = sorted(p.name for p in (CORPUS / "files").iterdir())
    assert files == sorted(CASES) and len(files) >= 70


def run_case(name: str):
    case = CASES[name]
    catalog = with_overrides(load_catalog(CORPUS / "catalog.yml"),
                             dossiers=[str(CORPUS / "files" / name)],
                             unit=case.get("unit_code"))
    if "value_map" in case:  # spellings the office pins in its data catalog
        catalog = replace(catalog, value_map=value_map(case["value_map"], name))
    if "date_order" in case:  # the order its data catalog says the export's dates are in
        catalog = replace(catalog, dossiers=tuple(replace(s, date_order=case["date_order"])
                                                  for s in catalog.dossiers))
    if "columns" in case:  # titles the office pins in its data catalog
        catalog = replace(catalog, columns={match_key(t): c for t, c in case["columns"].items()})
    return ingest(catalog)


def same(actual, expected) -> bool:
    if expected is None:
        return pd.isna(actual)
    if isinstance(expected, str) and isinstance(actual, pd.Timestamp):
        return actual == pd.Timestamp(expected)
    if isinstance(expected, bool):
        return not pd.isna(actual) and bool(actual) is expected
    if isinstance(expected, float):
        return actual == pytest.approx(expected)
    return actual == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file(name):
    case = CASES[name]
    if "refused" in case:
        with pytest.raises(InputFileError) as err:
            run_case(name)
        assert name in str(err.value) and case["refused"] in str(err.value), str(err.value)
        return
    result = run_case(name)
    reports = [f for f in result.files if f.table == "dossiers"]
    assert sum(f.accepted for f in reports) == case["accepted"]
    q = result.quarantine[result.quarantine.table == "dossiers"]
    got = {int(r): reasons.split("; ") for r, reasons in zip(q.source_row, q.reasons,
                                                              strict=True)}
    assert got == case.get("quarantine", {})
    assert sum(f.rows_in for f in reports) == case["accepted"] + len(got)  # rows conserved
    if "detail" in case:
        assert dict(zip(q.source_row.astype(int), q.detail, strict=True)) == case["detail"]
    skipped: dict[str, int] = {}
    for f in reports:
        for kind, n in f.rows_skipped.items():
            skipped[kind] = skipped.get(kind, 0) + n
    assert skipped == case.get("skipped", {})
    dropped = {c for f in reports for c in f.personal_columns_dropped}
    assert set(case.get("personal", [])) <= dropped
    assert set(case.get("ignored", [])) <= {c for f in reports for c in f.columns_ignored}
    if "warnings" in case:  # columns not read whose titles name a word of the contract
        assert [a.title for a in result.title_alerts] == case["warnings"]
    else:
        assert not result.title_alerts, [a.title for a in result.title_alerts]
    if "missing" in case:
        assert sorted({c for f in reports for c in f.columns_missing}) == sorted(case["missing"])
    for column, title in case.get("read", {}).items():
        assert {f.columns_read.get(column) for f in reports} == {title}, column
    d = result.tables["dossiers"].set_index("dossier_id")
    for dossier, values in case.get("values", {}).items():
        for column, expected in values.items():
            actual = d.loc[dossier, column]
            assert same(actual, expected), (dossier, column, actual, expected)


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if "refused" in c))
def test_refused_files_stop_the_command_with_one_line(name, tmp_path, capsys):
    code = main(["ingest", "--catalog", str(CORPUS / "catalog.yml"), "--out",
                 str(tmp_path / "out"), "--dossiers", str(CORPUS / "files" / name)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("cchc: lỗi: ") and name in err[0]
    assert not (tmp_path / "out").exists()  # nothing half-written
