"""The units table: a unit's name, looked up once for every report, command and form."""

from __future__ import annotations

import pandas as pd

from cchc_lib.core.errors import CchcError


def unit_name(units: pd.DataFrame, unit_code: str) -> str:
    """The unit's name; a code the units table does not hold stops with the known codes."""
    row = units[units.unit_code == unit_code]
    if row.empty:
        known = ", ".join(sorted(units.unit_code))
        raise CchcError(f"không có đơn vị '{unit_code}' trong dữ liệu; các đơn vị: {known}")
    return str(row.unit_name.iloc[0])


def parent_name(units: pd.DataFrame, unit_code: str) -> str:
    """The unit's parent as the units file writes it ("Thị xã Quảng Trị"); "" when none."""
    if "parent_name" not in units:
        return ""
    parent = units.loc[units.unit_code == unit_code, "parent_name"].dropna()
    return str(parent.iloc[0]).strip() if len(parent) else ""
