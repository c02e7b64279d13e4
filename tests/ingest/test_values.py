"""Values as offices' machines write them: numbers in a Vietnamese locale, invisible
characters, two-digit years with a time, day-first or month-first dates decided per column,
times before the date or in Vietnamese words, the portal's digits as numbers, cells that say
"no value", personal numbers in the code column, ids as numbers and lists of requests
(cchc_lib/ingest/parsers.py, cchc_lib/ingest/dates.py). Expected values worked out by hand;
where each spelling comes from is said beside it.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_lib.core import schema
from cchc_lib.core.text import shown_values
from cchc_lib.ingest.dates import CLEAR_MAJORITY, DatesParsed, date_order, parse_datetime
from cchc_lib.ingest.parsers import PARSERS

COLUMNS = {c.name: c for c in schema.DOSSIERS.columns}
DATES = PARSERS["datetime"]  # as ingest runs it: once per distinct value
CODES = PARSERS["procedure_code"]


def text(values: list) -> pd.Series:
    return pd.Series(values, dtype="string")  # a CSV column (Arrow strings)


def read(values: list, **options) -> tuple[list, list, list]:
    """(datetimes as text or "-", bad, ambiguous) of a CSV column."""
    parsed = DATES(text(values), COLUMNS["received_at"], **options)
    values_, bad = parsed
    assert isinstance(parsed, DatesParsed)
    shown = [v.strftime("%Y-%m-%d %H:%M:%S.%f").removesuffix(".000000") if not pd.isna(v)
             else "-" for v in values_]
    return shown, bad.tolist(), parsed.ambiguous.tolist()


# ---- procedure codes ------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "stored"), [
    # Excel turned 2.000950 into a number; a PC set to Vietnamese writes it with a comma
    ("2,00095", "2.000950"),
    ("2,000950", "2.000950"),  # the same with Excel's format "0.000000"
    ("1,001193", "1.001193"),
    ("1,5", "1.500000"),  # a number: padded as its float would be (no such code: unknown)
    # not a number a locale writes: left as written (unknown procedures, flagged)
    ("1.234,5", "1.234,5"),  # a thousands dot and a decimal comma: no code has either
    ("2,0009501", "2,0009501"),  # seven decimals: no float Excel made of a code
    ("BTP,001", "BTP,001"),  # text with a comma (an old provincial code)
    ("1.00119", "1.00119"),  # a dot, five decimals: maybe typed short (data_contract.md)
    # invisible characters and spaces: a BOM before the code (two UTF-8 exports pasted),
    # a zero-width space (copied from the portal's web page), NBSP and narrow NBSP
    ("\ufeff2.000950", "2.000950"),
    ("1.001\u200b193", "1.001193"),
    ("\u00a01.004873\u202f", "1.004873"),
    # Excel's text mark kept by an export that writes it to keep Excel from making a number
    ("'1.004873", "1.004873"),
    ("\u200b", None),  # nothing seen: missing, not a code
])
def test_procedure_code_as_written(cell, stored):
    values, bad = CODES(text([cell, None]), COLUMNS["procedure_code"])
    assert [None if pd.isna(v) else v for v in values] == [stored, None]
    assert bad.tolist() == [False, False]


def test_a_decimal_comma_code_is_the_code_excel_s_float_gives():
    """The same code from an XLSX number cell (a float, Excel stores a dot whatever the
    locale) and from a Vietnamese-locale CSV (text with a comma): one stored code."""
    values, _ = CODES(pd.Series([2.00095, "2,00095", 1.001193, "1,001193"], dtype=object),
                      COLUMNS["procedure_code"])
    assert values.tolist() == ["2.000950", "2.000950", "1.001193", "1.001193"]


# ---- dates: spellings ---------------------------------------------------------------

SPELLINGS = [  # (cell, read as, where it comes from)
    # Excel serial days written by a Vietnamese-locale PC: 44635 is 2022-03-15 (1899-12-30 +
    # 44635 days); .354166 of a day is 30,599.94 s: 08:30 once rounded to the second
    ("44635,354166", "2022-03-15 08:30:00", "an Excel date column saved as numbers, vi-VN"),
    ("44635", "2022-03-15 00:00:00", "the same, a whole day"),
    ("'44635", "2022-03-15 00:00:00", "an export that writes Excel's text mark"),
    ("'44635,5", "2022-03-15 12:00:00", "both"),
    # ISO with a comma before the fraction: Python's logging asctime, ISO 8601's own mark
    ("2022-03-15 08:30:15,5", "2022-03-15 08:30:15.500000", "logging / ISO 8601"),
    ("2022-03-15T08:30:15,250+07:00", "2022-03-15 08:30:15.250000", "ISO 8601 with a zone"),
    # no-break spaces between date and time: HTML &nbsp; copied from a web page, and the
    # narrow one CLDR 42 (ICU, Java 20, macOS) writes before AM/PM
    ("2022-03-15\u00a008:30", "2022-03-15 08:30:00", "a web page"),
    ("15/03/2022\u00a008:30", "2022-03-15 08:30:00", "a web page"),
    ("15/03/2022 8:30\u202fSA", "2022-03-15 08:30:00", "CLDR 42 spacing, Vietnamese SA"),
    ("15/03/2022\u2007\u200708:30", "2022-03-15 08:30:00", "figure spaces"),
    # invisible characters: a BOM left in a cell, a zero-width space, bidi isolates
    ("\ufeff15/03/2022", "2022-03-15 00:00:00", "two exports pasted together"),
    ("15/03/2022\u200b 08:30", "2022-03-15 08:30:00", "a web page"),
    ("\u206615/03/2022 08:30\u2069", "2022-03-15 08:30:00", "a browser's copy"),
    # typed with a Chinese or Japanese input method left in full-width mode
    ("２０２２-０３-１５", "2022-03-15 00:00:00", "full-width digits"),
    ("１５／０３／２０２２　０８：３０", "2022-03-15 08:30:00", "full-width, ideographic space"),
    # two-digit years with a time: Excel's short date format "dd/mm/yy hh:mm"
    ("15/03/22", "2022-03-15 00:00:00", "Excel dd/mm/yy"),
    ("15/03/22 08:30", "2022-03-15 08:30:00", "Excel dd/mm/yy hh:mm"),
    ("15/03/22 08:30:15", "2022-03-15 08:30:15", "Excel dd/mm/yy hh:mm:ss"),
    ("15/03/22 08:30 SA", "2022-03-15 08:30:00", "Vietnamese Windows, SA = AM"),
    ("15/03/22 02:30:15 CH", "2022-03-15 14:30:15", "Vietnamese Windows, CH = PM"),
    ("15/03/22 12:05 SA", "2022-03-15 00:05:00", "12 SA is just after midnight"),
    ("15/03/22 12:05 CH", "2022-03-15 12:05:00", "12 CH is just after noon"),
    ("15/03/2022, 08:30:00", "2022-03-15 08:30:00", "JavaScript toLocaleString('en-GB')"),
    ("15.03.2022 8:05:07.25", "2022-03-15 08:05:07.250000", ".NET 'dd.MM.yyyy H:mm:ss.ff'"),
]


@pytest.mark.parametrize(("cell", "expected", "source"), SPELLINGS,
                         ids=[c.encode("unicode_escape").decode() for c, _, _ in SPELLINGS])
def test_date_spellings(cell, expected, source):
    values, bad, ambiguous = read([cell])
    assert (values, bad, ambiguous) == ([expected], [False], [False])


@pytest.mark.parametrize(("cell", "source"), [
    ("44.635,35", "a grouped number: which mark is which would be a guess"),
    ("44.635", "44635 grouped, or 44.635 (a day of 1900)"),
    ("44,635.35", "the same, the other way"),
    ("15-03-22", "a two-digit year after dashes: 15 March 2022 or 22 March 2015?"),
    ("15/03/22 13:30 CH", "13 o'clock in the afternoon"),
    ("25/13/2022", "both parts over 12: no date either way"),
    ("15/03/2022 24:00", "no 24th hour"),
    ("Chưa có", "text"),
])
def test_what_is_not_a_date(cell, source):
    assert read([cell]) == (["-"], [True], [False])


def test_a_cell_of_invisible_characters_only_is_missing():
    assert read(["\u200b", "\ufeff \u200d"]) == (["-", "-"], [False, False], [False, False])


# ---- dates: day first or month first, per column -----------------------------------

def test_a_month_first_column_is_read_month_first():
    """An export from another system: 04/25 and 12/31 can only be month first, so 03/04
    is 4 March (today's rule, day first always, read it as 3 April and set aside the rest)."""
    cells = ["04/25/2022 14:00", "12/31/2022", "03/04/2022", "4/1/2022 2:00 PM"]
    assert date_order(text(cells)) == "mdy"
    assert DATES(text(cells), COLUMNS["received_at"]).order == "mdy"  # said as it is read
    assert read(cells) == (["2022-04-25 14:00:00", "2022-12-31 00:00:00",
                            "2022-03-04 00:00:00", "2022-04-01 14:00:00"],
                           [False] * 4, [False] * 4)


def test_a_day_first_column_is_read_day_first():
    cells = ["25/04/2022", "03/04/2022 08:00", "3/4/2022"]
    assert date_order(text(cells)) == "dmy"
    assert read(cells)[0] == ["2022-04-25 00:00:00", "2022-04-03 08:00:00",
                              "2022-04-03 00:00:00"]


def test_an_ambiguous_date_in_a_column_with_no_order_is_never_guessed():
    assert date_order(text(["03/04/2022"])) is None
    assert DATES(text(["03/04/2022"]), COLUMNS["received_at"], order="dmy").order is None
    assert read(["03/04/2022", "03/04/2022"]) == (["-", "-"], [True, True], [True, True])
    # the order the caller knows (the block's other date columns) decides
    assert read(["03/04/2022"], order="mdy")[0] == ["2022-03-04 00:00:00"]
    assert read(["03/04/2022"], order="dmy")[0] == ["2022-04-03 00:00:00"]
    # a day equal to its month reads the same either way: no doubt
    assert read(["03/03/2022"]) == (["2022-03-03 00:00:00"], [False], [False])


def test_a_value_against_the_column_s_order_is_a_bad_date():
    """Nine distinct dates day first and one month first: 90 %, a clear majority
    (CLEAR_MAJORITY); 04/25/2022 is then no date (25th month), not an ambiguous one."""
    assert CLEAR_MAJORITY == 0.9
    cells = [f"{day}/04/2022" for day in range(13, 22)] + ["04/25/2022", "05/04/2022"]
    assert date_order(text(cells)) == "dmy"
    values, bad, ambiguous = read(cells)
    assert values[-2:] == ["-", "2022-04-05 00:00:00"]
    assert bad[-2:] == [True, False] and not any(ambiguous)


def test_a_mixed_column_shows_no_order():
    """Eight day first and one month first (89 %): no clear majority. A value that reads one
    way only is read so, one that reads both ways is ambiguous, whatever order is given:
    the column shows orders of its own, and they disagree."""
    cells = [f"{day}/04/2022" for day in range(13, 21)] + ["04/25/2022", "05/04/2022"]
    assert date_order(text(cells)) is None
    assert DATES(text(cells), COLUMNS["received_at"]).order is None
    for fallback in (None, "dmy"):
        values, bad, ambiguous = read(cells, order=fallback)
        assert values[0] == "2022-04-13 00:00:00" and values[-2:] == ["2022-04-25 00:00:00",
                                                                      "-"]
        assert bad[-2:] == [False, True] and ambiguous[-2:] == [False, True]


def test_the_column_s_own_order_wins_over_the_one_given():
    assert read(["25/04/2022", "03/04/2022"], order="mdy")[0] == [
        "2022-04-25 00:00:00", "2022-04-03 00:00:00"]


def test_a_day_counts_once_whatever_its_times():
    """Order is shown by distinct dates: one day first date written at ten times does not
    outweigh one month first date."""
    cells = [f"25/04/2022 08:{m:02d}" for m in range(10)] + ["04/26/2022 09:00"]
    assert date_order(text(cells)) is None


def test_an_ambiguous_date_with_an_impossible_time_is_a_bad_date():
    assert read(["03/04/2022 25:00"]) == (["-"], [True], [False])


def test_an_excel_column_shows_its_order_by_its_text_cells():
    """Native datetimes and serials say nothing of an order; the text cells do."""
    raw = pd.Series([datetime(2022, 3, 4, 8, 0), 44635.5, "04/25/2022", "03/04/2022", None],
                    dtype=object)
    assert date_order(raw) == "mdy"
    parsed = DATES(raw, COLUMNS["received_at"])
    values, bad = parsed
    assert [None if pd.isna(v) else str(v) for v in values] == [
        "2022-03-04 08:00:00", "2022-03-15 12:00:00", "2022-04-25 00:00:00",
        "2022-03-04 00:00:00", None]
    assert not bad.any() and not parsed.ambiguous.any()


def test_the_portal_s_digits_show_no_order():
    """yyyyMMddHHmmss is year first: neither order, and read by its own fast way."""
    cells = ["20220315083000", "20220401090000"]
    assert date_order(text(cells)) is None
    parsed = DATES(text(cells), COLUMNS["received_at"])
    assert parsed.order is None and not parsed[1].any()


def test_order_must_be_one_of_the_two():
    with pytest.raises(ValueError, match="order"):
        parse_datetime(text(["03/04/2022"]), order="ymd")


# ---- property: either order, any spelling, read back the same -----------------------

INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202c", "\u2066", "\u2069"]
GAPS = [" ", "  ", "\u00a0", "\u202f", "\u2007", "\u3000", ", "]  # between date and time
FULL_WIDTH = str.maketrans("0123456789/:", "０１２３４５６７８９／：")


@st.composite
def written_dates(draw):
    """(text, the instant it means, order): one datetime written as some system would."""
    stamp = draw(st.datetimes(datetime(2015, 1, 1), datetime(2030, 12, 31)))
    stamp = stamp.replace(microsecond=0, second=draw(st.sampled_from([0, stamp.second])))
    order = draw(st.sampled_from(["dmy", "mdy"]))
    sep = draw(st.sampled_from(["/", "-", "."]))
    short_year = sep == "/" and draw(st.booleans())
    pad = draw(st.booleans())
    day, month = (f"{stamp.day:02d}", f"{stamp.month:02d}") if pad else (
        str(stamp.day), str(stamp.month))
    year = f"{stamp.year % 100:02d}" if short_year else str(stamp.year)
    first, second = (day, month) if order == "dmy" else (month, day)
    out = f"{first}{sep}{second}{sep}{year}"
    clock = draw(st.sampled_from(["none", "24", "12", "12vi"]))
    if clock == "none":
        stamp = stamp.replace(hour=0, minute=0, second=0)
    else:
        hour = stamp.hour if clock == "24" else (stamp.hour % 12 or 12)
        time = f"{hour:02d}:{stamp.minute:02d}" if pad else f"{hour}:{stamp.minute:02d}"
        if stamp.second or draw(st.booleans()):
            time += f":{stamp.second:02d}"
        if clock != "24":
            words = ("AM", "PM") if clock == "12" else ("SA", "CH")
            noon = words[stamp.hour >= 12]
            time += draw(st.sampled_from([" ", "", "\u202f"])) + draw(
                st.sampled_from([noon, noon.lower()]))
        out += draw(st.sampled_from(GAPS)) + time
    if draw(st.booleans()):
        out = out.translate(FULL_WIDTH)
    for _ in range(draw(st.integers(0, 3))):  # invisible characters anywhere
        at = draw(st.integers(0, len(out)))
        out = out[:at] + draw(st.sampled_from(INVISIBLE)) + out[at:]
    return out, pd.Timestamp(stamp), order


@settings(max_examples=300, deadline=None)
@given(written_dates())
def test_any_date_in_a_column_that_shows_its_order_reads_back_the_same(case):
    """The column holds the date and one that shows its order (the 25th, either way)."""
    cell, instant, order = case
    shows = "25/12/2021" if order == "dmy" else "12/25/2021"
    values, bad = DATES(text([cell, shows]), COLUMNS["received_at"])
    assert values.iloc[0] == instant, cell.encode("unicode_escape")
    assert not bad.any()
    values, bad = DATES(text([cell]), COLUMNS["received_at"], order=order)  # order given
    assert values.iloc[0] == instant and not bad.any(), cell.encode("unicode_escape")


# ---- dates: the time before the date, or in Vietnamese words --------------------------

TIME_WORDS = [  # (cell, read as): where each is written is said beside it
    # a receipt slip printed by a one-stop system: the time before the date
    ("08:30 14/03/2022", "2022-03-14 08:30:00"),
    ("8:30:15 14/03/2022", "2022-03-14 08:30:15"),
    ("08:30, 14/03/2022", "2022-03-14 08:30:00"),
    ("08:30 - 14/03/2022", "2022-03-14 08:30:00"),
    ("08:30 SA 14/03/2022", "2022-03-14 08:30:00"),
    ("02:30 CH 14/03/2022", "2022-03-14 14:30:00"),
    ("2:00 PM 14/03/2022", "2022-03-14 14:00:00"),
    # an hour written h or g (giờ), as clerks type it
    ("8g30 14/3/2022", "2022-03-14 08:30:00"),
    ("14/03/2022 08h30", "2022-03-14 08:30:00"),
    ("14/03/2022 8H", "2022-03-14 08:00:00"),
    ("8h 14/03/2022", "2022-03-14 08:00:00"),
    ("8h30p 14/03/2022", "2022-03-14 08:30:00"),
    # "ngày" (day) before the date, "lúc" / "vào lúc" (at) before the time
    ("09h15 ngày 16/03/2022", "2022-03-16 09:15:00"),
    ("14/03/2022 lúc 08:30", "2022-03-14 08:30:00"),
    ("lúc 8 giờ ngày 14/03/2022", "2022-03-14 08:00:00"),
    ("ngày 14/03/2022 vào lúc 16 giờ 05 phút", "2022-03-14 16:05:00"),
    ("Ngay 14/03/2022 luc 8h30", "2022-03-14 08:30:00"),  # typed without diacritics
    ("NGÀY 14/03/2022 LÚC 8G30", "2022-03-14 08:30:00"),
    # the part of the day: sáng (morning) as written, chiều / tối 1-11 in the afternoon or
    # evening, 13-23 as written (a clerk writes "14 giờ chiều" too)
    ("8 giờ 30 phút sáng ngày 14/3/2022", "2022-03-14 08:30:00"),
    ("2 giờ chiều ngày 14/03/2022", "2022-03-14 14:00:00"),
    ("12 giờ 30 chiều 14/03/2022", "2022-03-14 12:30:00"),
    ("14h30 chiều 14/03/2022", "2022-03-14 14:30:00"),
    ("7 giờ tối 14/03/2022", "2022-03-14 19:00:00"),
    ("14/03/2022 lúc 9 giờ sáng", "2022-03-14 09:00:00"),
    # decomposed Vietnamese (a Mac's file names, some web forms)
    ("09h15 nga\u0300y 16/03/2022", "2022-03-16 09:15:00"),
]


@pytest.mark.parametrize(("cell", "expected"), TIME_WORDS,
                         ids=[c.encode("unicode_escape").decode() for c, _ in TIME_WORDS])
def test_times_written_first_or_in_words(cell, expected):
    assert read([cell, "25/12/2021"]) == ([expected, "2021-12-25 00:00:00"], [False] * 2,
                                          [False] * 2)


@pytest.mark.parametrize(("cell", "why"), [
    ("12 giờ trưa 14/03/2022", "noon: trưa is not read"),
    ("11 giờ đêm 14/03/2022", "night: đêm is not read"),
    ("12 giờ tối 14/03/2022", "12 in the evening: noon or midnight?"),
    ("13 giờ sáng 14/03/2022", "13 o'clock in the morning"),
    ("8 giờ 30 phút 15 giây 14/03/2022", "seconds in words"),
    ("ngày 14 tháng 3 năm 2022", "the month in words"),
    ("Thứ Hai, 14/03/2022", "a weekday"),
    ("08:30 2022-03-14", "a time before an ISO date"),
    ("25h30 14/03/2022", "no 25th hour"),
    ("8h5 14/03/2022", "minutes in one digit"),
])
def test_times_in_words_not_read(cell, why):
    assert read([cell, "25/12/2021"])[1] == [True, False], why


def test_the_time_first_dates_show_their_order():
    """Day or month first is decided as for any year-last date: the 25th says which."""
    assert date_order(text(["08:30 25/04/2022", "09h00 ngày 03/04/2022"])) == "dmy"
    assert date_order(text(["2:00 PM 04/25/2022", "9:00 AM 03/04/2022"])) == "mdy"
    assert read(["2:00 PM 04/25/2022", "9:00 AM 03/04/2022"])[0] == [
        "2022-04-25 14:00:00", "2022-03-04 09:00:00"]
    assert read(["08:30 03/04/2022"]) == (["-"], [True], [True])  # never guessed


@st.composite
def vietnamese_times(draw):
    """(text, the instant it means): a day-first date with its time first or after it,
    written with ":", h, g or giờ, "ngày", "lúc" and the part of the day."""
    stamp = draw(st.datetimes(datetime(2015, 1, 1), datetime(2030, 12, 31))).replace(
        second=0, microsecond=0)
    date_ = draw(st.sampled_from([f"{stamp.day:02d}/{stamp.month:02d}/{stamp.year}",
                                  f"{stamp.day}/{stamp.month}/{stamp.year}"]))
    hour, part = stamp.hour, ""
    if draw(st.booleans()):  # the part of the day, on a 12-hour clock when it may be
        if hour <= 11:
            part = draw(st.sampled_from(["sáng", "sang", "SÁNG"]))
        else:
            late = "tối" if hour >= 19 else "chiều"
            if hour == 12 or draw(st.booleans()):  # else 13-23, as written
                hour = hour - 12 if hour > 12 else hour  # (12 chiều is 12:xx PM)
            part = draw(st.sampled_from([late, late.upper(),
                                         "chieu" if late == "chiều" else "toi"]))
    mark = draw(st.sampled_from([":", "h", "g", "H", " giờ ", "giờ"]))
    if stamp.minute == 0 and mark != ":" and draw(st.booleans()):
        clock = f"{hour}{mark}".rstrip()
    else:
        clock = f"{hour:02d}{mark}{stamp.minute:02d}" if draw(st.booleans()) else \
            f"{hour}{mark}{stamp.minute:02d}"
        if mark.strip() == "giờ" and draw(st.booleans()):
            clock += draw(st.sampled_from([" phút", "phút", " p"]))
    if part:  # "8h30sáng" glued to the number too
        clock += draw(st.sampled_from([" ", ""] if clock[-1].isdigit() else [" "])) + part
    if draw(st.booleans()):  # time first
        out = f"{draw(st.sampled_from(['', 'lúc ', 'Lúc ']))}{clock}" \
              f"{draw(st.sampled_from([' ', ' ngày ', ', ', ' - ', ' Ngày ']))}{date_}"
    else:
        out = f"{draw(st.sampled_from(['', 'ngày ', 'Ngày ']))}{date_}" \
              f"{draw(st.sampled_from([' ', ' lúc ', ', ', ' vào lúc ']))}{clock}"
    return out, pd.Timestamp(stamp)


@settings(max_examples=300, deadline=None)
@given(vietnamese_times())
def test_any_time_in_words_reads_back_the_same(case):
    cell, instant = case
    values, bad = DATES(text([cell, "25/12/2021"]), COLUMNS["received_at"])
    assert values.iloc[0] == instant and not bad.any(), cell


# ---- dates: the portal's digits stored as numbers in a workbook -------------------------

def test_the_portal_s_digits_as_numbers_are_dates_not_serials():
    """A number of 8, 12 or 14 digits from 19… or 20… is yyyyMMdd[HHmm[ss]]; an Excel
    serial has at most seven digits (2,958,465 is 9999-12-31), so none is both."""
    raw = pd.Series([20220314081500.0, 20220314.0, 202203140815, 19991231, 44635.5,
                     20221399.0, 20220230.0, 20220314.5, 12345678.0, 2.0220314e13, None],
                    dtype=object)
    values, bad = DATES(raw, COLUMNS["received_at"])
    assert [None if pd.isna(v) else str(v) for v in values] == [
        "2022-03-14 08:15:00", "2022-03-14 00:00:00", "2022-03-14 08:15:00",
        "1999-12-31 00:00:00", "2022-03-15 12:00:00",
        None,  # a 13th month: no date, not a serial either
        None,  # 30 February
        None,  # 20220314.5: not whole, so not the portal's, and far past any serial
        None,  # 12345678: not 19… nor 20…, and no serial
        "2022-03-14 00:00:00",  # (2.0220314e13: 20220314000000)
        None]
    assert bad.tolist() == [False] * 5 + [True] * 4 + [False, False]
    floats = pd.Series([20220314081500.0, 44635.5])  # a column of numbers only
    assert DATES(floats, COLUMNS["received_at"])[0].tolist() == [
        pd.Timestamp("2022-03-14 08:15"), pd.Timestamp("2022-03-15 12:00")]


# ---- cells that say "no value" ------------------------------------------------------------

NO_VALUE = ["NULL", "null", "Null", "None", "NaN", "nan", "N/A", "n/a", "#N/A", "-", "--",
            "\u2013", "\u2014", " NULL ", "\u00a0N/A", "\u200b#N/A", "\tnone"]


@pytest.mark.parametrize("cell", NO_VALUE, ids=[c.encode("unicode_escape").decode()
                                                for c in NO_VALUE])
@pytest.mark.parametrize("column", ["received_at", "due_at", "procedure_code", "receive_channel",
                                    "return_channel", "status", "supplement_requests",
                                    "supplement_days", "dossier_id", "unit_code", "field_name"])
def test_a_placeholder_is_a_missing_value(cell, column):
    col = COLUMNS[column]
    for raw in (text([cell, None]), pd.Series([cell, None], dtype=object)):
        values, bad = PARSERS[col.kind](raw, col)
        assert values.isna().all() and not bad.any(), (cell, column)


@pytest.mark.parametrize(("cell", "read_as"), [
    ("-", False), ("\u2013", False), ("\u2014", False),  # a dash in a ticked column: no
    ("NULL", None), ("N/A", None), ("#N/A", None), ("nan", None), (" null ", None),
])
def test_in_a_ticked_column_a_dash_is_no_and_a_word_is_missing(cell, read_as):
    values, bad = PARSERS["flag"](text([cell]), COLUMNS["paid_online"])
    assert (None if pd.isna(values.iloc[0]) else bool(values.iloc[0])) is read_as
    assert not bad.any()


def test_what_is_no_placeholder_stays_as_it_was():
    # "--" in a ticked column is no symbol the flags know (as before): a bad code
    assert PARSERS["flag"](text(["--"]), COLUMNS["paid_online"])[1].tolist() == [True]
    # a placeholder is the whole cell: with anything more, it is a value like any other
    values, bad, _ = read(["NULL!", "N/A (chưa có)", "nil", "-1"])
    assert values == ["-"] * 4 and bad == [True] * 4
    assert PARSERS["text"](text(["NULL-1", "Nam"]), COLUMNS["dossier_id"])[0].tolist() == [
        "NULL-1", "Nam"]


def test_a_dash_is_no_fee_in_the_catalogue():
    """A fee column reads yes/no words: a dash is no (Excel's accounting format shows 0 as
    "-"); NULL is missing."""
    col = {c.name: c for c in schema.CATALOGUE.columns}["has_fee"]
    values, bad = PARSERS["fee"](text(["-", "NULL", "8.000 đồng"]), col)
    assert [None if pd.isna(v) else bool(v) for v in values] == [False, None, True]
    assert not bad.any()


# ---- an ID or phone number in the procedure-code column ------------------------------------

@pytest.mark.parametrize(("cell", "shown"), [
    ("045200009876", "<số, 12 chữ số>"),  # an ID card number (CCCD, 12 digits)
    ("0912345678", "<số, 10 chữ số>"),  # a phone number
    ("123456789", "<số, 9 chữ số>"),  # an old ID card number (CMND, 9 digits)
    ("0452 0000 9876", "<văn bản, 14 ký tự>"),  # typed in groups: spaces do not hide it
    ("1.001193 0912345678", "<số, 17 chữ số>"),  # a code with a phone after it
    ("0912\u200b345678", "<số, 10 chữ số>"),
])
def test_a_personal_number_is_no_procedure_code(cell, shown):
    values, bad = CODES(text([cell, "1.001193"]), COLUMNS["procedure_code"])
    assert values.isna().tolist() == [True, False] and bad.tolist() == [True, False]
    assert shown_values(text([cell]), "procedure_code").tolist() == [shown]


def test_codes_with_short_digit_runs_are_kept():
    cells = ["1.001193", "2.000815", "BTP-HCM-123", "12345678", "2.002187.000.00.00.H12"]
    values, bad = CODES(text(cells), COLUMNS["procedure_code"])
    assert values.tolist() == cells and not bad.any()


def test_a_personal_number_in_a_number_cell_is_no_procedure_code():
    raw = pd.Series([45200009876.0, 2.00095, 912345678, "1.004873"], dtype=object)
    values, bad = CODES(raw, COLUMNS["procedure_code"])
    assert [None if pd.isna(v) else v for v in values] == [None, "2.000950", None, "1.004873"]
    assert bad.tolist() == [True, False, True, False]
    assert shown_values(raw[bad], "procedure_code").tolist() == ["<số, 11 chữ số>",
                                                                 "<số, 9 chữ số>"]


def test_dossier_ids_of_twelve_digits_are_kept():
    values, _ = PARSERS["text"](text(["220314000123", "000.00.15.H45-220314-0001"]),
                                COLUMNS["dossier_id"])
    assert values.tolist() == ["220314000123", "000.00.15.H45-220314-0001"]


# ---- numbers a workbook holds in text columns ----------------------------------------------

@pytest.mark.parametrize("raw", [
    pd.Series([220314000123.0, 220314000124.0]),  # a column of numbers only (floats)
    pd.Series([220314000123.0, "220314000124"], dtype=object),  # numbers and text
    pd.Series([220314000123, 220314000124], dtype=object),  # Python integers
])
def test_a_number_in_a_text_column_is_written_as_its_cell_shows_it(raw):
    values, _ = PARSERS["text"](raw, COLUMNS["dossier_id"])
    assert values.tolist() == ["220314000123", "220314000124"]


def test_a_number_in_a_text_column_is_never_in_scientific_notation():
    raw = pd.Series([1e16, 1.5e20, 1e-07, 2.5, 12.0, None], dtype=object)
    values, _ = PARSERS["text"](raw, COLUMNS["dossier_id"])
    assert [None if pd.isna(v) else v for v in values] == [
        "10000000000000000", "150000000000000000000", "0.0000001", "2.5", "12", None]


# ---- the portal's list of supplement requests (DanhSachHoSoBoSung) ---------------------------

REQUESTS = ('[{"NgayYeuCau":"20220314","NoiDung":"Bổ sung bản sao giấy khai sinh"},'
            '{"NgayYeuCau":"20220316","NoiDung":"Ký lại tờ khai"}]')


@pytest.mark.parametrize(("cell", "count"), [
    (REQUESTS, 2),
    ("[]", 0),
    (" [ ] ", 0),
    ("\ufeff[{}]", 1),  # a BOM before it
    ("[{\"NgayYeuCau\": \"20220314\"}]", 1),
    ("3", 3),  # a count as today
    ("NULL", None),
])
def test_a_list_of_requests_counts_its_items(cell, count):
    values, bad = PARSERS["count"](text([cell]), COLUMNS["supplement_requests"])
    assert (None if pd.isna(values.iloc[0]) else int(values.iloc[0])) == count
    assert not bad.any()


@pytest.mark.parametrize("cell", [
    REQUESTS[:-5],  # cut short (a cell's 32,767 characters)
    '[{"NoiDung":"Ông Nguyễn Văn A, 0912345678"',
    "[1, 2",
    "{}",  # an object, not a list
    "[" * 100_000 + "]" * 100_000,  # nested past Python's limit: still no traceback
])
def test_a_malformed_list_is_a_bad_number_shown_masked(cell):
    values, bad = PARSERS["count"](text([cell]), COLUMNS["supplement_requests"])
    assert values.isna().all() and bad.all()
    assert shown_values(text([cell]), "count").tolist() == [f"<văn bản, {len(cell)} ký tự>"]


def test_a_list_in_a_workbook_beside_numbers():
    raw = pd.Series(['[{"NgayYeuCau":"20220401"}]', 3.0, "[]", None], dtype=object)
    values, bad = PARSERS["count"](raw, COLUMNS["supplement_requests"])
    assert [None if pd.isna(v) else int(v) for v in values] == [1, 3, 0, None]
    assert not bad.any()


TARGET = next(c for c in schema.TARGETS.columns if c.name == "target")


@given(st.integers(min_value=0, max_value=100),
       st.sampled_from(["{p}%", "{p} %", "{p}", "{f}", "{fc}", "\u200b{p}%\u00a0"]))
def test_a_target_is_read_as_offices_write_it(percent, spelling):
    """A yearly target as ward offices and the plan's own text write it ("đạt từ 50% trở
    lên"; Excel shows 0,5 or 50%): "50%", "50 %", "50", "0,5" and "0.5" are all 50 %; a
    number above 1 can only be percent (a share cannot pass 1). Never read as 5000 %."""
    cell = spelling.format(p=percent, f=percent / 100, fc=str(percent / 100).replace(".", ","))
    if spelling == "{p}" and percent <= 1:
        return  # "1" is 100 % (a share), "0" is 0: the bare number at most 1 is a share
    value, bad = PARSERS["share"](text([cell]), TARGET)
    assert not bad.iloc[0] and value.iloc[0] == pytest.approx(percent / 100)


@pytest.mark.parametrize("cell", ["150", "150%", "-0,2", "năm mươi", "100,5%"])
def test_a_target_no_share_can_be_is_unreadable(cell):
    value, bad = PARSERS["share"](text([cell]), TARGET)
    assert bad.iloc[0] and pd.isna(value.iloc[0])
