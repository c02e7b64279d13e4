"""The canonical tables as pandera schemas, derived from the one declaration in
:mod:`cchc_lib.core.schema`, and the check ingest runs before anything is written."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa  # (pyspark's warning when pandera imports it: cchc_lib/__init__)
from pandera.errors import SchemaErrors

from cchc_lib.core import schema
from cchc_lib.core.schema import Table
from cchc_lib.ingest.rules import DOSSIER_RULES

SOURCE_COLUMNS = {"source_file": "string", "source_sheet": "string", "source_row": "int64"}


def _dossier_checks() -> list[pa.Check]:
    """The row rules the quarantine enforces (:mod:`cchc_lib.ingest.rules`), checked again on what
    is written."""
    return [pa.Check(lambda d, rule=rule: ~rule.broken(d), name=rule.reason)
            for rule in DOSSIER_RULES]


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    columns = {}
    for col in table.columns:
        checks = []
        if col.kind == "code":
            checks.append(pa.Check.isin(list(schema.VOCABULARIES[str(col.vocabulary)])))
        if col.kind in ("count", "amount", "share"):
            checks.append(pa.Check.ge(0))
        if col.kind == "share":
            checks.append(pa.Check.le(1))
        if col.required and schema.KIND_DTYPES[col.kind] == "string":
            checks.append(pa.Check.str_length(min_value=1))
        columns[col.name] = pa.Column(schema.KIND_DTYPES[col.kind], checks=checks,
                                      nullable=not col.required)
    for name, dtype in table.derived.items():  # flags always set; texts where they apply
        columns[name] = pa.Column(dtype, nullable=dtype == "string")
    for name, dtype in SOURCE_COLUMNS.items():
        columns[name] = pa.Column(dtype, nullable=False)
    return pa.DataFrameSchema(
        columns, strict=True, ordered=True, name=table.name,
        unique=["unit_code", "dossier_id"] if table is schema.DOSSIERS else None,
        checks=_dossier_checks() if table is schema.DOSSIERS else None)


_SCHEMAS: dict[str, pa.DataFrameSchema] = {}


def validate(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame, checked against its schema; a failure is a bug in ingest, said plainly."""
    if table.name not in _SCHEMAS:
        _SCHEMAS[table.name] = pandera_schema(table)
    try:
        # in place: nothing is coerced, and a copy of a million rows would be for nothing
        return _SCHEMAS[table.name].validate(frame, lazy=True, inplace=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases[["column", "check"]].drop_duplicates().head(5)
        found = "; ".join(f"{r.column}: {r.check}" for r in cases.itertuples())
        raise AssertionError(f"ingest produced a {table.name} table that breaks its schema "
                             f"({found})") from None


__all__ = [
    "pandera_schema", "SOURCE_COLUMNS", "validate",
]
