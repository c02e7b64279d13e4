"""Drawn dossier exports (tests/ingest/exports.py: one fixed set of dossiers written in the
containers, encodings, layouts, titles and spellings real exports come in), each ingested
alone as tests/ingest/test_corpus.py ingests a corpus file: either every dossier is accepted
with the values it was written with, no row lost and no personal value kept anywhere, or
the file is refused with the line the generator expects.

`make test` runs a fixed, derandomized set of examples; HYPOTHESIS_PROFILE=slow (the
profile of tests/conftest.py) runs thousands of random ones.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.text import fold, match_key
from cchc_lib.ingest.pipeline import ingest
from cchc_lib.ingest.result import alerts_text, summary_text

HERE = Path(__file__).parent
CATALOG = load_catalog(HERE.parent / "corpus" / "catalog.yml")  # units U1, U2; catalogue


def _exports():
    if "generated_exports" in sys.modules:
        return sys.modules["generated_exports"]
    spec = importlib.util.spec_from_file_location("generated_exports", HERE / "exports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generated_exports"] = module
    spec.loader.exec_module(module)
    return module


exports = _exports()

PROFILE = settings()  # the profile loaded by tests/conftest.py
SLOW = PROFILE.max_examples > 1000  # HYPOTHESIS_PROFILE=slow
# per container and encoding: 10 x 20 take about 100 s of one core here (an ingest costs
# 0.3-0.6 s); 10 x 300 with the slow profile
EXAMPLES = PROFILE.max_examples // len(exports.KINDS) if SLOW else 20


def same(actual, expected) -> bool:
    if expected is None:
        return pd.isna(actual)
    if pd.isna(actual):
        return False
    if isinstance(expected, datetime):
        return pd.Timestamp(actual) == pd.Timestamp(expected)
    if isinstance(expected, bool):
        return bool(actual) is expected
    if isinstance(expected, float):
        return actual == pytest.approx(expected)
    return actual == expected


def text_of(result) -> str:
    """Everything ingest gives as text: every table, the quarantine, the summary."""
    parts = [frame.to_csv() for frame in result.tables.values()]
    parts += [result.quarantine.to_csv(), result.summary.to_csv(),
              result.source_columns.to_csv(), summary_text(result), alerts_text(result)]
    return "\n".join(parts)


@pytest.mark.parametrize(("container", "encoding"), exports.KINDS)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=not SLOW,
          database=PROFILE.database if SLOW else None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_drawn_export_gives_its_dossiers_or_its_refusal(container, encoding, data,
                                                          tmp_path):
    export = data.draw(exports.exports(container, encoding), label="export")
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = exports.write(export, folder)
    note(exports.describe(export, path))
    event(f"{export.container} {export.encoding}".strip())  # --hypothesis-show-statistics
    event("refused" if export.left_out and not export.unit_override else "read")
    check(export, path)


def check(export, path: Path) -> None:
    """Ingest the export alone and hold it to what the generator says it must give."""
    want = exports.expected(export)
    catalog = with_overrides(CATALOG, dossiers=[str(path)], unit=export.unit_override)
    if want.refused:
        with pytest.raises(InputFileError) as err:
            ingest(catalog)
        assert path.name in str(err.value) and want.refused in str(err.value), str(err.value)
        return
    result = ingest(catalog)

    # no row lost: every data row accepted, nothing quarantined
    reports = [f for f in result.files if f.table == "dossiers"]
    q = result.quarantine[result.quarantine.table == "dossiers"]
    assert q.empty, q[["source_sheet", "source_row", "reasons", "detail"]].to_string()
    rows_in = sum(f.rows_in for f in reports)
    accepted = sum(f.accepted for f in reports)
    assert rows_in == accepted + len(q) == len(exports.DOSSIERS), (rows_in, accepted)
    skipped: dict[str, int] = {}
    for f in reports:
        for kind, n in f.rows_skipped.items():
            skipped[kind] = skipped.get(kind, 0) + n
    assert skipped == want.skipped

    # every value, column by column
    table = result.tables["dossiers"].set_index("dossier_id")
    assert sorted(table.index) == sorted(want.values)
    wrong = [(dossier, column, table.loc[dossier, column], value)
             for dossier, row in want.values.items() for column, value in row.items()
             if column != "dossier_id"  # (the index)
             if not same(table.loc[dossier, column], value)]
    assert not wrong, "\n".join(f"{d} {c}: got {a!r}, want {e!r}" for d, c, a, e in wrong)

    # personal data: its columns dropped and said, its values nowhere
    dropped = {match_key(t) for f in reports for t in f.personal_columns_dropped}
    assert {match_key(t) for t in want.personal_titles} <= dropped
    everything = fold(text_of(result))
    kept = [v for v in want.personal if fold(v) in everything]
    assert not kept, kept
