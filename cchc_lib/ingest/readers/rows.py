"""Rows that are not data: blank, a row of column numbers, a totals row, a sub-header.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cchc_lib.ingest.parsers import blank
from cchc_lib.ingest.readers.headers import TOTAL_LABELS, header_key

# --------------------------------------------------------------------------------------
# Rows that are not data
# --------------------------------------------------------------------------------------



def blank_cells(values: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds nothing (None, NaN or only spaces)."""
    return pd.DataFrame({c: blank(values[c]) for c in values.columns}, index=values.index)


def non_data_rows(values: pd.DataFrame, received_pos: int | None,
                  id_pos: int | None = None) -> pd.Series:
    """Why a row is not a dossier ('blank', 'column_numbers', 'totals'), else ''.

    - blank: every cell empty;
    - column numbers: the row right under a printed header numbering the columns, "1 2 3 …"
      or "(1) (2) (3) …";
    - totals: a cell reads "Tổng cộng"/"Cộng"/"Tổng số" and there is no receipt date.
    ``values`` holds no personal-data column.
    """
    empty = blank_cells(values)
    reason = pd.Series("", index=values.index, dtype=object)
    reason[empty.to_numpy(dtype=bool).all(axis=1)] = "blank"
    # a sub-header under group titles ("Kết quả giải quyết" over "Trước hạn | Đúng hạn"):
    # among the first rows, one with words only, and neither a dossier id nor a receipt date
    if received_pos in values.columns and id_pos in values.columns:
        for i in range(min(2, len(values))):
            row = values.iloc[i][~empty.iloc[i]]
            if reason.iloc[i] or not len(row):
                continue
            words = row.astype(str).str.contains(r"[^\W\d_]", regex=True).all()
            if words and empty.iloc[i][received_pos] and empty.iloc[i][id_pos]:
                reason.iloc[i] = "sub_header"
    if len(values):
        first = values.iloc[0][~empty.iloc[0]].astype(str).str.strip().str.strip("()")
        if len(first) >= 3 and first.str.fullmatch(r"\d+").all():
            nums = first.astype(int).to_numpy()
            if (np.diff(nums) > 0).all():  # increasing: personal columns are already gone
                reason.iloc[0] = "column_numbers"
    # a totals row has no receipt date: only those rows are looked at, cell by cell
    candidates = reason == ""
    if received_pos is not None and received_pos in values.columns:
        candidates &= empty[received_pos]
    if candidates.any():
        cells = values[candidates].astype("string")
        labels = cells.apply(lambda col: col.map(header_key, na_action="ignore").isin(TOTAL_LABELS))
        totals = labels.fillna(False).astype(bool).any(axis=1)
        reason[totals[totals].index] = "totals"
    return reason
