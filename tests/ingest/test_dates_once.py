"""Dates are parsed once per distinct value (an export repeats its times): a column of repeated
values, blank cells, unreadable text, Excel serials and native datetimes reads as each value
read on its own. Expected values worked out by hand."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from cchc_lib.core import schema
from cchc_lib.ingest.parsers import PARSERS

# as ingest runs it, once per distinct value, in a block whose dates read day first
parse_datetime = PARSERS["datetime"]
COLUMN = next(c for c in schema.DOSSIERS.columns if c.name == "received_at")
CELLS = [  # (cell, expected value or None, unreadable)
    ("04/01/2022 07:42", "2022-01-04 07:42", False),
    ("20220104074200", "2022-01-04 07:42", False),
    ("", None, False),
    (None, None, False),
    ("ngày 4", None, True),
    (44565.5, "2022-01-04 12:00", False),  # Excel's serial day: 1899-12-30 + 44565.5 days
    (datetime(2022, 1, 5, 16, 30), "2022-01-05 16:30", False),
    ("2022-01-04T07:42:00+00:00", "2022-01-04 14:42", False),  # UTC -> Vietnam time
]


def test_repeated_values_read_as_each_value_alone():
    rows = [cell for cell, _, _ in CELLS] * 5  # each value five times: parsed once
    raw = pd.Series(rows, dtype=object)
    values, bad = parse_datetime(raw, COLUMN, order="dmy")
    want = [None if v is None else pd.Timestamp(v) for _, v, _ in CELLS] * 5
    assert [None if pd.isna(v) else v for v in values] == want
    assert list(bad) == [b for _, _, b in CELLS] * 5
    assert values.dtype == "datetime64[us]" and list(values.index) == list(raw.index)


def test_text_column_of_repeated_times():
    raw = pd.Series(["04/01/2022 07:42", "05/01/2022", "04/01/2022 07:42", None, "xx", "xx"],
                    dtype="string")
    values, bad = parse_datetime(raw, COLUMN, order="dmy")
    assert list(values.astype("string").fillna("-")) == [
        "2022-01-04 07:42:00", "2022-01-05 00:00:00", "2022-01-04 07:42:00", "-", "-", "-"]
    assert list(bad) == [False, False, False, False, True, True]


def test_the_portals_digit_dates_are_read_strictly():
    """yyyyMMddHHmmss and its kin go through Arrow's strptime, which would roll 30 February
    over to 2 March: an impossible date or time is unreadable, as pandas reads it."""
    raw = pd.Series(["20220104074200", "20220230120000", "20221345000000", "20220104246000",
                     "20240229", "20230229", "2022-02-28", "2022-02-30", "202201040742"],
                    dtype="string")
    values, bad = parse_datetime(raw, COLUMN, order="dmy")
    assert list(values.astype("string").fillna("-")) == [
        "2022-01-04 07:42:00", "-", "-", "-", "2024-02-29 00:00:00", "-",
        "2022-02-28 00:00:00", "-", "2022-01-04 07:42:00"]
    assert list(bad) == [False, True, True, True, False, True, False, True, False]


def test_a_column_in_one_digit_format_reads_as_a_mixed_one():
    """A column all in one digits-only format takes one test for all of it; the same values
    among others take every pattern. Both read each value the same."""
    same = ["20220104074200", "20220230120000", "20220105170000", "20220105170000"]
    values, bad = parse_datetime(pd.Series(same, dtype="string"), COLUMN, order="dmy")
    assert list(values.astype("string").fillna("-")) == [
        "2022-01-04 07:42:00", "-", "2022-01-05 17:00:00", "2022-01-05 17:00:00"]
    assert list(bad) == [False, True, False, False]
    mixed = [*same, " 20220104074200", "202201040742", "05/01/2022", "x"]
    values, bad = parse_datetime(pd.Series(mixed, dtype="string"), COLUMN,
                                  order="dmy")
    assert list(values.astype("string").fillna("-")) == [
        "2022-01-04 07:42:00", "-", "2022-01-05 17:00:00", "2022-01-05 17:00:00",
        "2022-01-04 07:42:00", "2022-01-04 07:42:00", "2022-01-05 00:00:00", "-"]
    assert list(bad) == [False, True, False, False, False, False, False, True]
