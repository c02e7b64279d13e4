"""The queries the engine runs, as composed from the pieces in cchc_lib/indicators/sql/, are
the reviewed ones kept in tests/indicators/sql/: a change to a piece shows here until the
snapshot is renewed (python tools/sql_snapshot.py) and its diff read."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from cchc_lib.indicators import engine, queries

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("sql_snapshot", ROOT / "tools" / "sql_snapshot.py")
sql_snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sql_snapshot)


@pytest.mark.parametrize("name", sorted(sql_snapshot.snapshots()))
def test_the_composed_query_is_the_reviewed_one(name):
    pytest.importorskip("sqlglot") if "spark" in name else None
    kept = (sql_snapshot.SNAPSHOT / name).read_text(encoding="utf-8")
    assert sql_snapshot.snapshots()[name] == kept, (
        f"{name} changed: read the diff, then renew with python tools/sql_snapshot.py")


def test_the_snapshot_holds_no_stale_file():
    kept = {p.name for p in sql_snapshot.SNAPSHOT.glob("*.sql")}
    assert kept == set(sql_snapshot.snapshots())


def test_every_piece_is_used_and_every_placeholder_filled():
    pieces = {p.name.removesuffix(".sql") for p in
              (ROOT / "cchc_lib" / "indicators" / "sql").glob("*.sql")}
    text = "".join(queries.compose(q, d, f) for q in ("parts", "uptake", "late", "units", "span")
                   for d in queries.DIALECTS for f in (False, True))
    assert not re.search(r"\{\w+\}", text)
    used = {re.sub(r"\.(duckdb|portable)$", "", p) for p in pieces}
    named = set(re.findall(r"\{(\w+)\}", "".join(queries.piece(p) for p in pieces)))
    assert used - named == {"parts", "uptake", "late", "units", "span"}


def test_every_part_is_a_column_of_the_query_with_its_words_beside_it():
    """A part is defined once, in a list piece, with a comment saying it in words."""
    composed = queries.compose("parts", by_field=True)
    for name in engine.PART_NAMES:
        assert re.search(rf"\bAS {name}\b", composed), name
    for list_piece in ("dossier_parts", "fee_parts", "catalogue_parts"):
        text = queries.piece(list_piece)
        for name in queries.names(list_piece):
            assert re.search(rf"--[^\n]*\b{name}\b", text), (list_piece, name)
