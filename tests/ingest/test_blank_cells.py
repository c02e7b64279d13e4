"""A cell is blank when it holds nothing: missing, empty or only spaces. CSV text (Arrow
strings) is tested in Arrow without a stripped copy; that test must say what stripping says,
on every character Python calls a space and on characters that only look like one."""

from __future__ import annotations

import sys

import pandas as pd
import pyarrow as pa

from cchc_lib.ingest.parsers import blank

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
LOOK_ALIKE = ["\u200b", "\ufeff", "\u180e", "\u2060"]  # zero-width: text, not space


def arrow_text(values: list) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(pa.array(values, pa.large_string())))


def test_arrow_text_blank_as_stripping_says():
    cells = ["", None, "a", " a ", *SPACES, *(s * 3 for s in SPACES), *LOOK_ALIKE,
             "\u00a0x\u3000"]
    raw = arrow_text(cells)
    stripped = raw.str.strip().fillna("").eq("").to_numpy(dtype=bool)
    assert blank(raw).tolist() == stripped.tolist()
    # by hand: the empty cell, the missing one and every run of spaces; nothing else
    assert blank(raw).tolist() == ([True, True, False, False] + [True] * (2 * len(SPACES))
                                   + [False] * (len(LOOK_ALIKE) + 1))


def test_text_from_excel_and_arrow_agree():
    cells = ["", None, " ", "\t\n", "x", "\u3000"]
    assert blank(arrow_text(cells)).tolist() == blank(pd.Series(cells, dtype=object)).tolist()


def test_excel_cells_of_every_type():
    """An Excel column holds Python values of several types: only a missing cell and text of
    spaces are blank; a date, a zero, False and a number are values."""
    from datetime import datetime

    cells = [None, float("nan"), "", "  ", "\u3000", "x", 0, 0.0, False, 12.5,
             datetime(2022, 1, 4, 7, 42), pd.NaT]
    assert blank(pd.Series(cells, dtype=object)).tolist() == [
        True, True, True, True, True, False, False, False, False, False, False, True]
    dates = pd.Series([datetime(2022, 1, 4), None, datetime(2022, 1, 5)], dtype=object)
    assert blank(dates).tolist() == [False, True, False]
