from datetime import date

import pytest

from cchc_lib.core.errors import PeriodError
from cchc_lib.core.periods import Period, parse_period


@pytest.mark.parametrize("text, start, end", [
    ("2022", date(2022, 1, 1), date(2022, 12, 31)),
    ("2022-H1", date(2022, 1, 1), date(2022, 6, 30)),
    ("2022-H2", date(2022, 7, 1), date(2022, 12, 31)),
    ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31)),
    ("2022-q4", date(2022, 10, 1), date(2022, 12, 31)),
    ("2022-02", date(2022, 2, 1), date(2022, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2022-12", date(2022, 12, 1), date(2022, 12, 31)),
    ("2022-01-01..2022-11-15", date(2022, 1, 1), date(2022, 11, 15)),
    ("2022-YTD@2022-11-15", date(2022, 1, 1), date(2022, 11, 15)),
])
def test_parse_period(text, start, end):
    p = parse_period(text)
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize("bad", ["22", "2022-Q5", "2022-13", "2022-H3", "2022-11-31..2022-12-01",
                                 "2022-12-01..2022-01-01", "2021-YTD@2022-01-05", "last month", ""])
def test_bad_period_names_the_forms(bad):
    with pytest.raises(PeriodError) as err:
        parse_period(bad)
    assert repr(bad)[1:-1] in str(err.value)


def test_year_before_keeps_the_span_and_label():
    assert parse_period("2022-Q3").same_period_years_before() == parse_period("2021-Q3")
    clipped = Period(date(2022, 1, 1), date(2022, 11, 30), "2022")
    before = clipped.same_period_years_before()
    assert (before.start, before.end) == (date(2021, 1, 1), date(2021, 11, 30))


def test_months_are_clipped_to_the_period():
    months = parse_period("2022-02-15..2022-04-10").months()
    assert [(m.label, m.start.day, m.end.day) for m in months] == [
        ("2022-02", 15, 28), ("2022-03", 1, 31), ("2022-04", 1, 10)]


def test_vietnamese_labels():
    assert parse_period("2022").label_vi() == "năm 2022"
    assert parse_period("2022-Q2").label_vi() == "quý II năm 2022"
    assert parse_period("2022-07").label_vi() == "tháng 7/2022"
    assert parse_period("2022-H1").label_vi() == "6 tháng đầu năm 2022"
