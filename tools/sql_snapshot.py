"""Write the engine's composed queries to tests/indicators/sql/, after reviewing the change.

The test ``tests/indicators/test_sql_snapshot.py`` fails when a piece under
``cchc_lib/indicators/sql/`` changes a query and this snapshot was not renewed: run this,
read ``git diff tests/indicators/sql``, and commit the snapshot with the piece."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_lib.indicators import queries  # noqa: E402

SNAPSHOT = ROOT / "tests" / "indicators" / "sql"


def snapshots() -> dict[str, str]:
    """Every query the engine runs, as composed, by file name."""
    return {
        "parts.duckdb.sql": queries.compose("parts"),
        "parts_by_field.duckdb.sql": queries.compose("parts", by_field=True),
        "parts_by_field.spark.sql": queries.spark(
            queries.compose("parts", "portable", by_field=True)) + "\n",
        "uptake.duckdb.sql": queries.compose("uptake"),
        "late.duckdb.sql": queries.compose("late"),
        "units.duckdb.sql": queries.compose("units"),
        "span.duckdb.sql": queries.compose("span"),
    }


def main() -> None:
    SNAPSHOT.mkdir(parents=True, exist_ok=True)
    for name, text in snapshots().items():
        (SNAPSHOT / name).write_text(text, encoding="utf-8", newline="\n")
        print(SNAPSHOT.relative_to(ROOT) / name)


if __name__ == "__main__":
    main()
