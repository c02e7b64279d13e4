"""The engine's queries, composed from the named SQL pieces in ``indicators/sql/`` (their
``README.md`` lists them): a piece names another as ``{name}``, and this module puts the
piece there, or one of the few values the code owns (the status lists of the data contract,
the grouping of a by-field query, column lists made from the parts' names).

Dialects: ``duckdb`` (the engine) and ``portable`` (the same text with the effective end by
equi-joins, for engines without an ASOF join); :func:`spark` writes the portable text in
Spark's SQL. The composed queries are kept, reviewed, in ``tests/indicators/sql/``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from cchc_lib.core import schema

DIALECTS = ("duckdb", "portable")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_COLUMN = re.compile(r"\bAS (\w+)(?=,|\s*$)")


@cache
def piece(name: str) -> str:
    """The text of ``sql/<name>.sql`` (trailing newline dropped)."""
    return (resources.files("cchc_lib.indicators") / "sql" / f"{name}.sql") \
        .read_text(encoding="utf-8").rstrip("\n")


def _exists(name: str) -> bool:
    return (resources.files("cchc_lib.indicators") / "sql" / f"{name}.sql").is_file()


def names(name: str) -> tuple[str, ...]:
    """The columns a list piece (``dossier_parts``, …) defines, in its order."""
    text = "\n".join(line.split("--")[0] for line in piece(name).splitlines())
    return tuple(_COLUMN.findall(text))


def _in(values) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


def _values(by_field: bool) -> dict[str, str]:
    """The values the code owns, for a query per unit or per unit and field."""
    counts = names("procedure_counts")
    return {
        "resolved_statuses": _in(schema.RESOLVED_STATUSES),
        "ended_statuses": _in(schema.ENDED_STATUSES),
        "not_accepted_statuses": _in(schema.NOT_ACCEPTED_STATUSES),
        "online_levels": _in(schema.ONLINE_LEVELS),
        # a unit's whole row (field NULL, whole 1), and by field its fields' rows (whole 0)
        "group_by": ("GROUPING SETS ((pid, unit_code, field_name), (pid, unit_code))"
                     if by_field else "pid, unit_code"),
        "field_column": ("field_name, GROUPING(field_name) AS whole" if by_field
                         else "NULL::VARCHAR AS field_name, 1 AS whole"),
        "procedure_field": "field_name" if by_field else "NULL::VARCHAR AS field_name",
        "procedure_field_group": ", field_name" if by_field else "",
        "procedure_columns": ", ".join(f"coalesce(u.{n}, 0) AS {n}" for n in counts),
        "procedure_sums": ", ".join(f"sum({n}) AS {n}" for n in counts),
        "fee_columns": ", ".join(f"fp.{n}" for n in names("fee_parts")),
        "part_columns": ",\n       ".join(
            [f"dfp.{n}" for n in names("dossier_parts") + names("fee_parts")]
            + [f"cp.{n}" for n in names("catalogue_parts")]),
    }


def compose(name: str, dialect: str = "duckdb", by_field: bool = False) -> str:
    """The query ``name`` with every ``{piece}`` in place, for ``dialect``."""
    if dialect not in DIALECTS:
        raise ValueError(dialect)
    values = _values(by_field)

    def fill(match: re.Match) -> str:
        key = match.group(1)
        if key in values:
            return values[key]
        for candidate in (f"{key}.{dialect}", key):
            if _exists(candidate):
                return _PLACEHOLDER.sub(fill, piece(candidate))
        raise KeyError(f"sql/{name}.sql: no piece or value named {{{key}}}")

    return _PLACEHOLDER.sub(fill, piece(name)) + "\n"


# every part the engine computes, in the order of the parts query's columns
PART_NAMES = names("dossier_parts") + names("fee_parts") + names("catalogue_parts")


def spark(sql: str) -> str:
    """A portable query in Spark's dialect (sqlglot): DuckDB's ``round_even`` is Spark's
    ``bround`` (both round half to even)."""
    import sqlglot
    from sqlglot import exp

    def spark_names(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Anonymous) and str(node.this).lower() == "round_even":
            return exp.Anonymous(this="BROUND", expressions=node.expressions)
        return node

    return sqlglot.parse_one(sql, read="duckdb").transform(spark_names).sql(
        dialect="spark", pretty=True)


__all__ = ["DIALECTS", "PART_NAMES", "compose", "names", "piece", "spark"]
