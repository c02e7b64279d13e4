"""The units table: a unit's name, looked up once for every report, command and form."""

from __future__ import annotations

import pandas as pd

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang.core import UNIT_UNKNOWN_VI
from cchc_lib.core.lang.vocabulary import UNIT_NAME_PREFIXES


def unit_name(units: pd.DataFrame, unit_code: str) -> str:
    """The unit's name; a code the units table does not hold stops with the known codes."""
    row = units[units.unit_code == unit_code]
    if row.empty:
        known = ", ".join(sorted(units.unit_code))
        raise CchcError(UNIT_UNKNOWN_VI.format(unit_code=unit_code, known=known))
    return str(row.unit_name.iloc[0])


def parent_name(units: pd.DataFrame, unit_code: str) -> str:
    """The unit's parent as the units file writes it ("Thị xã Quảng Trị"); "" when none."""
    if "parent_name" not in units:
        return ""
    parent = units.loc[units.unit_code == unit_code, "parent_name"].dropna()
    return str(parent.iloc[0]).strip() if len(parent) else ""


# what an export may write before a unit's name: "UBND Phường 2", "Ủy ban nhân dân xã Hải Lệ"
_NAME_PREFIXES = UNIT_NAME_PREFIXES


def _name_key(name: object) -> str:
    from cchc_lib.core.text import fold

    key = fold(name)
    for prefix in _NAME_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


def codes_by_name(units: pd.DataFrame) -> dict[str, str]:
    """The units' codes by their names as an export may write them instead of the code
    ("UBND Phường 2", "PHUONG 2"), folded; a name two units share names neither."""
    keys = units.unit_name.map(_name_key)
    counts = keys.value_counts()
    return {k: str(c) for k, c in zip(keys, units.unit_code, strict=True)
            if k and counts[k] == 1}


def codes_for_names(values: pd.Series, units: pd.DataFrame) -> pd.Series:
    """``values`` with each unit written by its name (not a code of ``units``) as its code;
    anything else unchanged."""
    known = set(units.unit_code.dropna())
    by_name = codes_by_name(units)
    if not by_name:
        return values
    distinct = values.dropna().unique()
    found = {v: by_name[_name_key(v)] for v in distinct
             if v not in known and _name_key(v) in by_name}
    return values.replace(found) if found else values


__all__ = [
    "codes_by_name", "codes_for_names", "parent_name", "unit_name",
]
