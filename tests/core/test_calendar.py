import pandas as pd

from cchc_lib.core.calendar import add_working_days


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


def test_office_days_off_and_make_up_saturdays():
    from datetime import date

    from cchc_lib.core.calendar import WorkCalendar

    # National Day 2022 was Thu 01/09 and Fri 02/09; say the province adds Monday 05/09 as a
    # bridge day, paid back by working Saturday 10/09
    cal = WorkCalendar(extra_days_off=(date(2022, 9, 5),),
                       makeup_working_days=(date(2022, 9, 10),))
    due = add_working_days(pd.Series([pd.Timestamp("2022-09-01 09:00"),
                                      pd.Timestamp("2022-09-09 09:00")]),
                           pd.Series([1, 1]), cal)
    # received Thu 01/09 (a holiday): counts from the next working day, Tue 06/09 (02/09 off,
    # weekend, 05/09 off); + 1 working day -> Wed 07/09
    # received Fri 09/09: + 1 working day -> Saturday 10/09, a make-up working day
    assert [f"{d:%Y-%m-%d}" for d in due] == ["2022-09-07", "2022-09-10"]


def test_calendar_file_in_the_data_catalog(tmp_path):
    from cchc_lib.core.catalog import load_catalog
    from cchc_lib.ingest.pipeline import ingest

    corpus = __import__("pathlib").Path(__file__).parents[1] / "corpus"
    (tmp_path / "lich.csv").write_text("Ngày,Loại,Ghi chú\n05/09/2022,Nghỉ,Nghỉ bù\n"
                                       "10/09/2022,Làm bù,Làm bù cho ngày 05/09\n",
                                       encoding="utf-8")
    (tmp_path / "d.csv").write_text(
        "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
        "C1,U1,2.000950,1,20220901090000,4\n", encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        f"units: {{path: {corpus / 'units.csv'}}}\ncatalogue: {{path: {corpus / 'catalogue.csv'}}}"
        "\ncalendar: {path: lich.csv}\ndossiers: [d.csv]\n", encoding="utf-8")
    result = ingest(load_catalog(tmp_path / "catalog.yml"))
    assert result.tables["calendar"].kind.tolist() == ["off", "working"]
    # received on the holiday Thu 01/09: counts from Tue 06/09 (02/09 holiday, 05/09 off in
    # the file); + 5 working days: 07, 08, 09, Saturday 10 (make-up), Monday 12
    d = result.tables["dossiers"].iloc[0]
    assert f"{d.due_at:%Y-%m-%d}" == "2022-09-12" and d.due_derived
