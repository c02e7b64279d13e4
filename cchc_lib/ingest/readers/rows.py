"""Rows that are not data: blank, a row of column numbers, a totals row, a sub-header, a section
title, a page's repeated heading, the signature block under the list.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from cchc_lib.core.text import fold
from cchc_lib.ingest.parsers import blank
from cchc_lib.ingest.readers.headers import is_totals_label

# --------------------------------------------------------------------------------------
# Rows that are not data
# --------------------------------------------------------------------------------------

# words of the block under a list (folded): who drew it up, who signs, the place and date line,
# the page number. Rows from the first of these (or from a totals row) to the end that hold no
# receipt date are the signature block, the signer's name among them.
_FOOTER = re.compile(
    r"^(nguoi lap( bieu)?|nguoi ky|thu truong|lanh dao|chu tich|pho chu tich|truong phong|"
    r"can bo (lap|tong hop)|xac nhan cua|tm |kt |tl |ky,? ghi ro|ky ten|ky\b|dong dau|"
    r"noi nhan|luu\b|trang \d+|.*\bngay \d{1,2} thang \d{1,2} nam \d{4})")
# a page's heading repeated inside a list printed to Excel: "Trang 2/5", the list's title
_PAGE = re.compile(r"^(trang \d+( (tren )?\d+)?|danh sach\b.*|bao cao\b.*|so theo doi\b.*|"
                   r"uy ban nhan dan\b.*|ubnd\b.*|cong hoa xa hoi\b.*|doc lap\b.*)$")
# a section title in a list grouped by field: "II", "II. Lĩnh vực hộ tịch", "B - Chứng thực"
_SECTION = re.compile(r"^([ivxlc]{1,6}|[a-h])( .*)?$")


def blank_cells(values: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds nothing (None, NaN or only spaces)."""
    return pd.DataFrame({c: blank(values[c]) for c in values.columns}, index=values.index)


def _words(row: pd.Series) -> list[str]:
    """The folded text of a row's filled cells."""
    return [fold(v) for v in row.astype(str)]


def non_data_rows(values: pd.DataFrame, received_pos: int | None,
                  id_pos: int | None = None) -> pd.Series:
    """Why a row is not a dossier, else ''.

    - blank: every cell empty;
    - column numbers: the row right under a printed header numbering the columns, "1 2 3 …"
      or "(1) (2) (3) …";
    - sub header: among the first rows, one with words only under group titles;
    - totals: a cell opens with "Tổng cộng", "Tổng số", "Tổng", "Cộng" (and whatever follows:
      "Tổng số hồ sơ: 2") and there is no receipt date;
    - section: a group's title in a list grouped by field ("II. Lĩnh vực hộ tịch"), with
      neither a dossier id nor a receipt date (words, no digit, where they go);
    - page: a page's heading repeated in a printed list ("Trang 2/5", "DANH SÁCH HỒ SƠ …"),
      with neither a dossier id nor a receipt date;
    - footer: the signature block, from a totals row or a line such as "Người lập biểu",
      "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "…, ngày 30 tháng 11 năm 2022" to the end of
      the list, every row of it without a receipt date (the signer's name too).
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
            words = row.astype(str).str.contains(r"[^\W\d_]", regex=True).all() and not any(
                is_totals_label(v) for v in row)  # (the totals of a short sheet are totals)
            if words and empty.iloc[i][received_pos] and empty.iloc[i][id_pos]:
                reason.iloc[i] = "sub_header"
    if len(values):
        first = values.iloc[0][~empty.iloc[0]].astype(str).str.strip().str.strip("()")
        if len(first) >= 3 and first.str.fullmatch(r"\d+").all():
            nums = first.astype(int).to_numpy()
            if (np.diff(nums) > 0).all():  # increasing: personal columns are already gone
                reason.iloc[0] = "column_numbers"
    # the other kinds have no receipt date: only those rows are looked at, cell by cell
    undated = reason == ""
    if received_pos is not None and received_pos in values.columns:
        # no date where the receipt date goes: empty, or words only ("Thủ trưởng đơn vị"
        # of a signature block laid across the columns)
        cells = values[received_pos]
        words = ~cells.astype("string").str.contains(r"[0-9]", regex=True).fillna(True)
        words &= ~empty[received_pos]
        if words.any() and not isinstance(cells.dtype, pd.StringDtype):  # (Excel) text only
            words[words] = [isinstance(v, str) for v in cells[words]]
        undated &= empty[received_pos] | words
    if not undated.any():
        return reason
    if received_pos is None or received_pos not in values.columns:
        # a reference table (catalogue, plan tasks numbered "I.1"…): only totals rows
        totals = values[undated].apply(lambda col: col.map(is_totals_label, na_action="ignore"))
        reason[totals.fillna(False).astype(bool).any(axis=1).pipe(lambda t: t[t].index)] = \
            "totals"
        return reason
    # no dossier id: nothing, or words only, where the id goes (a section's title runs on)
    no_id = pd.Series(True, index=values.index)
    if id_pos is not None and id_pos in values.columns:
        ids = values[id_pos].astype("string").str.contains(r"[0-9]", regex=True).fillna(False)
        no_id = empty[id_pos] | ~ids.astype(bool)
    for label, row in values[undated].iterrows():
        filled = row[~empty.loc[label]]
        words = _words(filled)
        if any(is_totals_label(v) for v in filled):
            reason[label] = "totals"
        elif no_id[label] and words and len(filled) <= 2 and _SECTION.match(words[0]) \
                and len(words[0]) <= 60:
            reason[label] = "section"
        elif no_id[label] and words and all(_PAGE.match(w) for w in words):
            reason[label] = "page"
        elif no_id[label] and words and _FOOTER.match(words[0]):
            reason[label] = "footer"
    _signature_block(reason, undated)
    return reason


def _signature_block(reason: pd.Series, undated: pd.Series) -> None:
    """The rows after the list's last dated row that start with a totals or footer row: every
    one of them undated is the signature block (a signer's name is just a name)."""
    dated = ~undated & (reason == "")
    last = np.flatnonzero(dated.to_numpy())
    tail = reason.iloc[(last[-1] + 1) if len(last) else 0:]
    opens = np.flatnonzero(tail.isin(["totals", "footer"]).to_numpy())
    if not len(opens):
        return
    block = tail.index[opens[0]:]
    rest = block[(reason[block] == "") & undated[block]]
    reason[rest] = "footer"


__all__ = [
    "blank_cells", "non_data_rows",
]
