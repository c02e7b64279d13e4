import pandas as pd

from cchc_lib.calendar import add_working_days


def due(received: str, days: float) -> str:
    out = add_working_days(pd.Series([pd.Timestamp(received)]), pd.Series([days]))
    return f"{out.iloc[0]:%Y-%m-%d}"


def test_same_day_procedure_and_the_15h_rule():
    assert due("2022-03-14 10:00", 0) == "2022-03-14"  # Monday morning: same day
    assert due("2022-03-14 14:59", 0) == "2022-03-14"
    assert due("2022-03-14 15:00", 0) == "2022-03-15"  # from 15:00: next working day
    assert due("2022-03-18 16:00", 0) == "2022-03-21"  # Friday afternoon: Monday


def test_weekends_are_skipped():
    assert due("2022-03-12 09:00", 0) == "2022-03-14"  # received on a Saturday
    assert due("2022-03-17 09:00", 3) == "2022-03-22"  # Thu + 3: Fri, Mon, Tue


def test_tet_2022_is_skipped():
    # Tết Nhâm Dần: Mon 31/01 to Fri 04/02/2022 are days off
    assert due("2022-01-28 09:00", 3) == "2022-02-09"


def test_reunification_and_labour_day_observed_2022():
    # 30/04 and 01/05/2022 fell on a weekend: Mon 02/05 and Tue 03/05 were off
    assert due("2022-04-29 09:00", 1) == "2022-05-04"


def test_fractional_days_round_up_and_missing_gives_nat():
    assert due("2022-03-14 09:00", 0.5) == "2022-03-15"
    out = add_working_days(pd.Series([pd.NaT, pd.Timestamp("2022-03-14")]),
                           pd.Series([1.0, None]))
    assert out.isna().all()
