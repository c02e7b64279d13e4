"""Dates and times as offices' machines write them, read a whole column at once.

What is read (data_contract.md, "Formats a real export comes in", and what offices' files
showed):

- ISO: ``2022-03-15``, ``2022-03-15 08:30``, ``2022-03-15T08:30:15.5`` (or ``08:30:15,5``: ISO
  8601's own decimal comma), with a zone (``Z``, ``+07:00``): turned into Vietnam time, naive;
- year last: ``15/03/2022``, ``15-03-2022``, ``15.03.2022``, ``15/03/22`` (a two-digit year
  with slashes only; 00-68 is 20xx, 69-99 is 19xx, as strptime reads it), alone or with a time
  ``8:30``, ``08:30:15``, ``08:30:15.123``, ``AM``/``PM`` or the Vietnamese ``SA``/``CH``, a
  comma after the date (``4/25/2022, 2:00:00 PM``: what JavaScript's toLocaleString writes);
- year last with the time written before it, or in Vietnamese words (what clerks type and
  one-stop systems print): ``08:30 14/03/2022``, ``8g30 14/3/2022``, ``09h15 ngày
  16/03/2022``, ``14/03/2022 lúc 08:30``, ``14/03/2022 08h30``, ``8 giờ 30 phút sáng ngày
  14/3/2022``, ``2 giờ chiều 14/03/2022`` (see "Times in words" below);
- year first: ``2022/03/15[ 08:30[:15]]``;
- the portal's digits: ``yyyyMMddHHmmss``, ``yyyyMMddHHmm``, ``yyyyMMdd``, as text or as a
  workbook's number (``20220314081500``: a whole number of 8, 12 or 14 digits beginning 19
  or 20; never an Excel serial, which has at most 7 digits);
- Excel: native datetimes, and serial days as numbers or as text;
- a cell that says it holds nothing (``NULL``, ``N/A``, ``-``:
  :data:`cchc_lib.core.text.NO_VALUE_WORDS`, ``NO_VALUE_DASHES``) is missing, as a blank one.

Times in words. A year-last date may have its time before it or after it, joined by a
space, a comma, ``ngày`` ("day", before the date), ``lúc`` or ``vào lúc`` ("at", before the
time), with or without diacritics, in any case. The time is ``8:30[:15]``, ``8h30``,
``8g30``, ``8 giờ 30[ phút]`` (``h``, ``g``, ``giờ`` = hour, minutes two digits, ``p``/``phút``
after them or not) or a whole hour ``8h``, ``8 giờ``; ``SA``/``CH``/``AM``/``PM`` after
it, or a part of the day: ``sáng`` (morning: 0 to 11 o'clock, as written), ``chiều``
(afternoon: 1 to 11 o'clock is 13 to 23, 12 is 12, 13 to 23 as written: "14 giờ chiều"),
``tối`` (evening: 1 to 11 o'clock is 13 to 23, 13 to 23 as written). Not read (a bad date,
never a guess): ``trưa`` and ``đêm`` (noon and night: which 12 is meant?), ``12 giờ tối``,
``13 giờ sáng``, minutes of one digit (``8h5``), seconds in words (``giây``), a weekday
(``Thứ Hai,``), the month in words (``ngày 14 tháng 3 năm 2022``), and a time before an ISO
or year-first date. Day or month first is decided as for any year-last date (below).

A cell written in an unusual way is tidied first, on those cells only: invisible characters
dropped (:data:`cchc_lib.core.text.INVISIBLE`: a BOM, a zero-width space), compatibility forms
folded (NFKC: full-width ``２０２２／０３／１５``, a no-break, narrow or figure space between date
and time), runs of spaces made one, Excel's text mark (a leading apostrophe, ``'44635``)
dropped. A cell of invisible characters only is missing, not unreadable.

What is a number. An Excel serial written as text is five digits (the days from 1973 to
2173) with or without a fraction after ONE decimal mark, dot or comma (``44635,354166``: a
Vietnamese-locale PC writes Excel's decimal dot as a comma). Nothing else: a thousands
separator is never read (Excel writes no grouping in a date cell; ``44.635`` may be 44635
grouped or 44.635, a day of 1900; ``44.635,35`` would need a guess at which mark is which):
such a cell is a bad date, shown as it is in the quarantine.

Day or month first, decided per column. The contract says day first, but other systems write
month first (``04/25/2022 14:00``). A year-last value whose first part is over 12 can only be
day first, one whose second part is over 12 only month first; a column's order is the one at
least :data:`CLEAR_MAJORITY` of its distinct such dates show (:func:`date_order`). In a column
with an order, a value that contradicts it is a bad date. A column with no such value at all
takes ``order``, the order its caller knows (the one its block's other date columns show). In
a column with no order (none shown and none given, or both shown without a clear majority), a
value that reads one way only is read that way, and a value that reads both ways (both parts
12 or under, and not equal: ``03/04/2022``) is never guessed: it is bad, and marked
``ambiguous`` (:class:`DatesParsed`) for its own quarantine reason, :data:`AMBIGUOUS_DATE`.
The parser says which order the column showed (``DatesParsed.order``), so that a caller can
learn a block's order from the date columns it has read and read again, with it, only a
column that has ambiguous dates and no order of its own.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import Column
from cchc_lib.core.text import INVISIBLE, SPACE, cell_types, missing

LOCAL_TZ = "Asia/Ho_Chi_Minh"
ORDERS = ("dmy", "mdy")
# the share of a column's distinct one-way dates one order needs to be the column's: one
# date in ten the other way (a typo, a pasted row) is tolerated, more is a mixed column
CLEAR_MAJORITY = 0.9
AMBIGUOUS_DATE = "ambiguous_date"  # the quarantine reason (core/vi.py QUARANTINE_REASONS_VI)

# Year last, one pattern for every separator, order and time (RE2, run by Arrow). Its parts
# are checked after: the two separators alike, a two-digit year after slashes only.
YEAR_LAST = (r"^(?P<a>[0-9]{1,2})(?P<s1>[/.-])(?P<b>[0-9]{1,2})(?P<s2>[/.-])"
             r"(?P<y>[0-9]{4}|[0-9]{2})(?: (?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})"
             r"(?::(?P<S>[0-9]{2})(?:\.(?P<F>[0-9]{1,6}))?)?(?: ?(?P<p>AM|PM))?)?$")
YEAR_LAST_START = r"^[0-9]{1,2}[/.-]"
# (regex the text must match, format) of the other spellings. [0-9], not \d: pandas runs a
# pattern with \d in Python's regex, value by value, once a column holds any non-ASCII text
DATE_FORMATS = (
    (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "%Y-%m-%d"),
    (r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?", "ISO8601"),
    (r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}", "%Y/%m/%d"),
    (r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2} [0-9]{1,2}:[0-9]{2}", "%Y/%m/%d %H:%M"),
    (r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2} [0-9]{1,2}:[0-9]{2}:[0-9]{2}", "%Y/%m/%d %H:%M:%S"),
    (r"[0-9]{14}", "%Y%m%d%H%M%S"),
    (r"[0-9]{12}", "%Y%m%d%H%M"),
    (r"[0-9]{8}", "%Y%m%d"),
)
ISO_WITH_ZONE = (r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
                 r"(Z|[+-][0-9]{2}:?[0-9]{2})")
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
EXCEL_MAX_SERIAL = 2_958_465  # 9999-12-31
SERIAL_TEXT = r"[0-9]{5}(\.[0-9]+)?"  # (a decimal comma is made a dot by _tidy)

ARROW_TEXT = pd.StringDtype("pyarrow")
# formats of digits only, in fixed widths (the pattern has checked them): Arrow's strptime,
# many times faster than pandas' on the national portal's yyyyMMddHHmmss
ARROW_FORMATS = {"%Y%m%d%H%M%S": 14, "%Y%m%d%H%M": 12, "%Y%m%d": 8, "%Y-%m-%d": 8}
DIGIT_FORMATS = ("%Y%m%d%H%M%S", "%Y%m%d%H%M", "%Y%m%d")  # no separator at all
# cells _tidy rewrites (besides those not plain ASCII): runs of spaces, a tab, an apostrophe
# or comma, a letter at the end (AM, SA, Z), a letter beside a space ("14/03/2022 luc 8:30"),
# an hour in letters ("8h30", "8g"), a time first ("08:30 14/03/2022")
ODD = SPACE + "{2}|\t|[',]|[A-Za-z]$|[A-Za-z] | [A-Za-z]|[0-9][GHgh]|^[0-9]{1,2}:"
# (RE2 on upper-case text; its \b is ASCII's: these words all end in an ASCII letter)
DAY_WORDS = lang.DAY_WORDS
CLOCK = ":[0-9]{2}(?::[0-9]{2})?"  # minutes, and seconds
TIME_WORDS = lang.TIME_WORDS  # written after a number
TIME_FIRST = (r"^([0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?: ?(?:AM|PM))?) "
              r"(?:- )?([0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2}))$")


class DatesParsed(tuple[pd.Series, pd.Series]):
    """What every parser gives, ``(values, bad)`` (it unpacks as that pair), and
    ``ambiguous``: the cells among ``bad`` that read as a date day first and month first, in
    a column that shows neither (their quarantine reason is :data:`AMBIGUOUS_DATE`);
    ``order``: the order the column shows by itself (as :func:`date_order` says), so that a
    caller learns its block's order from the columns it has parsed, without another pass."""

    ambiguous: pd.Series
    order: str | None

    def __new__(cls, values: pd.Series, bad: pd.Series, ambiguous: pd.Series,
                order: str | None = None) -> DatesParsed:
        self = super().__new__(cls, (values, bad))
        self.ambiguous = ambiguous
        self.order = order
        return self


def _digits(stamps: np.ndarray, width: int) -> np.ndarray:
    """Each datetime written as the integer yyyyMMdd[HHmm[ss]] (``width`` digits); NaT as -1."""
    days = stamps.astype("datetime64[D]")
    months = stamps.astype("datetime64[M]")
    years = stamps.astype("datetime64[Y]").astype("int64") + 1970
    out = (years * 100 + months.astype("int64") % 12 + 1) * 100 \
        + (days - months.astype("datetime64[D]")).astype("int64") + 1
    seconds = (stamps - days.astype("datetime64[s]")).astype("int64")
    if width >= 12:
        out = (out * 100 + seconds // 3600) * 100 + seconds // 60 % 60
    if width == 14:
        out = out * 100 + seconds % 60
    return np.where(np.isnat(stamps), -1, out)


def _strptime(text: pd.Series, fmt: str) -> pd.Series:
    """``text`` (each value matching ``fmt``'s pattern) as datetimes; an impossible date (a
    13th month, 30 February) is NaT."""
    if fmt in ARROW_FORMATS:
        values = pa.array(text.astype(ARROW_TEXT).array)
        parsed = pc.strptime(values, format=fmt, unit="s", error_is_null=True)
        stamps = parsed.to_numpy(zero_copy_only=False).astype("datetime64[s]")
        # Arrow rolls 30 February over to 2 March and 07:59:60 to 08:00: a date whose
        # digits do not come back the same is no date
        written = pc.cast(pc.replace_substring(values, "-", ""), pa.int64()).to_numpy(
            zero_copy_only=False)
        same = _digits(stamps, ARROW_FORMATS[fmt]) == written
        return pd.Series(np.where(same, stamps, np.datetime64("NaT")), index=text.index,
                         dtype="datetime64[us]")
    return pd.to_datetime(text, format=fmt, errors="coerce").astype("datetime64[us]")


def _digits_format(written: pd.Series) -> str | None:
    """The digits-only format (yyyyMMdd[HHmm[ss]]) every value of ``written`` (text, none
    blank) is written in, as it is, or None: then each value is tried against every pattern
    (the same format for these values, found by one test instead of several)."""
    first = written.iloc[0]
    width = len(first) if isinstance(first, str) and first.isdigit() else 0
    fmt = next((f for f in DIGIT_FORMATS if ARROW_FORMATS[f] == width), None)
    if fmt is None or not written.astype(ARROW_TEXT).str.fullmatch(
            f"[0-9]{{{width}}}").fillna(False).all():
        return None
    return fmt


def _compact_numbers(numbers: pd.Series) -> pd.Series:
    """The numbers that are the portal's digits (a workbook's number cell holding
    yyyyMMdd[HHmm[ss]]: whole, 8, 12 or 14 digits, 19… or 20…) as datetimes, NaT where no
    such date is (20221399); the others are left out of the result."""
    values = numbers.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        whole = np.floor(values) == values
    parts = [pd.Series(pd.NaT, index=numbers.index[:0], dtype="datetime64[us]")]
    for fmt in DIGIT_FORMATS:
        width = ARROW_FORMATS[fmt]
        hit = whole & (values >= 19 * 10 ** (width - 2)) & (values < 21 * 10 ** (width - 2))
        if hit.any():
            digits = pd.Series(values[hit].astype("int64").astype(str), index=numbers.index[hit])
            parts.append(_strptime(digits, fmt))
    return pd.concat(parts)


def _excel_serial(numbers: pd.Series) -> pd.Series:
    ok = numbers.between(1, EXCEL_MAX_SERIAL)
    stamps = EXCEL_EPOCH + pd.to_timedelta(numbers[ok], unit="D")
    return stamps.dt.round("s").astype("datetime64[us]")


def _tidy(text: pd.Series) -> pd.Series:
    """``text`` (Arrow strings, stripped) with the cells written in an unusual way tidied
    (see the module's docstring), and only those: most cells of a column are plain ASCII.
    (Not "\\s", which pandas runs in Python's regex, value by value: ``SPACE``.)"""
    odd = (~text.str.isascii() | text.str.contains(ODD, regex=True)).fillna(False).astype(bool)
    if not odd.any():
        return text
    # each step in Arrow (RE2), but NFKC, which Python runs on the few cells still wide
    fixed = text[odd].str.replace(INVISIBLE, "", regex=True).str.replace(
        SPACE + "+", " ", regex=True)
    wide = ~fixed.str.isascii().fillna(True).astype(bool)
    if wide.any():
        fixed[wide] = fixed[wide].str.normalize("NFKC").str.replace(SPACE + "+", " ",
                                                                    regex=True)
    fixed = (fixed.str.strip()
             .str.replace("^' ?", "", regex=True)  # Excel's text mark
             .str.replace("^([0-9]{5}),([0-9]+)$", r"\1.\2", regex=True)  # a serial
             .str.replace("(:[0-9]{2}),([0-9]+)", r"\1.\2", regex=True)  # seconds
             .str.replace(" ?, ?", " ", regex=True)  # "4/25/2022, 2:00:00 PM"
             .str.replace("([0-9]) ?[Ss][Aa]( |$)", r"\1 AM\2", regex=True)  # "08:30SA" too
             .str.replace("([0-9]) ?[Cc][Hh]( |$)", r"\1 PM\2", regex=True).str.upper())
    return text.mask(odd, _time_words(fixed))


def _time_words(text: pd.Series) -> pd.Series:
    """Tidied, upper-case ``text`` with its time in words or before its date written as
    ``dd/mm/yyyy HH:MM[:SS][ AM|PM]`` (the module's "Times in words")."""
    hour = "([0-9]{1,2}) ?(?:" + lang.HOUR_WORDS + ")"
    text = (text.str.replace(DAY_WORDS, " ", regex=True)
            .str.replace(f"([0-9])({TIME_WORDS})", r"\1 \2", regex=True)  # "8h30sáng"
            .str.replace(" +", " ", regex=True).str.strip()
            .str.replace(hour + " ?([0-9]{2})(?: ?(?:" + lang.MINUTE_WORDS + "))?( |$)",
                         r"\1:\2\3", regex=True)
            .str.replace(hour + "( |$)", r"\1:00\2", regex=True))
    for hours, words, noon in lang.DAY_PART_WORDS:
        text = text.str.replace(f"(^| )((?:{hours}){CLOCK}) ?(?:{words})( |$)",
                                f"\\1\\2{noon}\\3", regex=True)
    return text.str.strip().str.replace(TIME_FIRST, r"\2 \1", regex=True)


def _year_last(text: pd.Series) -> pd.DataFrame:
    """The parts of each value of ``text`` written year last, as integers (index: the rows of
    ``text`` that are; ``hour`` already on 24 hours, -1 when AM/PM names an hour over 12)."""
    values = pa.array(text.astype(ARROW_TEXT).array)
    # extracting is slow beside a match: only the values that begin as a year-last date
    begins = pc.fill_null(pc.match_substring_regex(values, YEAR_LAST_START), False)
    if not pc.all(begins).as_py():
        text = text[begins.to_numpy(zero_copy_only=False)]
        values = values.filter(begins)
    found = pc.extract_regex(values, YEAR_LAST)
    hit = pc.fill_null(pc.is_valid(found), False)
    parts = found.filter(hit)

    def field(name: str) -> pa.Array:
        return pc.struct_field(parts, name)

    def number(name: str, width: int = 0) -> np.ndarray:
        f = field(name) if not width else pc.utf8_rpad(field(name), width, "0")
        return pc.cast(pc.if_else(pc.equal(f, ""), "0", f), pa.int64()).to_numpy(
            zero_copy_only=False)

    short = pc.equal(pc.utf8_length(field("y")), 2)
    alike = pc.and_(pc.equal(field("s1"), field("s2")),
                    pc.or_(pc.invert(short), pc.equal(field("s1"), "/")))
    year = number("y")
    year = np.where(short.to_numpy(zero_copy_only=False),
                    np.where(year < 69, 2000 + year, 1900 + year), year)
    hour = number("H")
    noon = field("p").to_numpy(zero_copy_only=False)
    twelve = (hour >= 1) & (hour <= 12)
    hour = np.where(noon == "AM", np.where(twelve, hour % 12, -1),
                    np.where(noon == "PM", np.where(twelve, hour % 12 + 12, -1), hour))
    out = pd.DataFrame({"a": number("a"), "b": number("b"), "year": year, "hour": hour,
                        "minute": number("M"), "second": number("S"),
                        "micro": number("F", 6)},
                       index=text.index[hit.to_numpy(zero_copy_only=False)])
    return out[alike.to_numpy(zero_copy_only=False)]


def _one_way(parts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(day first only, month first only): the values that read as a date one way only."""
    a, b = parts.a.to_numpy(), parts.b.to_numpy()
    return ((a > 12) & (a <= 31) & (b >= 1) & (b <= 12),
            (b > 12) & (b <= 31) & (a >= 1) & (a <= 12))


def _shown_orders(parts: pd.DataFrame) -> tuple[int, int]:
    """How many distinct dates of the column read day first only, and month first only."""
    day_first, month_first = _one_way(parts)
    key = (parts.year.to_numpy() * 100 + parts.a.to_numpy()) * 100 + parts.b.to_numpy()
    return len(np.unique(key[day_first])), len(np.unique(key[month_first]))


def _decide(day_first: int, month_first: int) -> str | None:
    total = day_first + month_first
    if total and day_first >= CLEAR_MAJORITY * total:
        return "dmy"
    if total and month_first >= CLEAR_MAJORITY * total:
        return "mdy"
    return None


def date_order(raw: pd.Series) -> str | None:
    """The order a date column shows: ``"dmy"`` when at least :data:`CLEAR_MAJORITY` of its
    distinct dates that read one way only read day first (``25/04/2022``), ``"mdy"`` when as
    many read month first (``04/25/2022``), None when it shows none or no clear one. Only
    year-last text counts (ISO, the portal's digits and Excel's dates say nothing of it)."""
    kinds = cell_types(raw)
    cells = raw if kinds is None else raw[kinds.eq(str)]
    distinct = pd.Series(pd.unique(cells.dropna()), dtype=ARROW_TEXT).str.strip()
    distinct = distinct[distinct.ne("")]
    if not len(distinct) or _digits_format(distinct) is not None:  # the portal's digits
        return None
    return _decide(*_shown_orders(_year_last(_tidy(distinct))))


def _compose(parts: pd.DataFrame, day: np.ndarray, month: np.ndarray) -> np.ndarray:
    """The datetimes of the parts (NaT where the date or the time is impossible)."""
    year = parts.year.to_numpy()
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    hour, minute, second = (parts[c].to_numpy() for c in ("hour", "minute", "second"))
    ok = ((month >= 1) & (month <= 12) & (day >= 1) & (days.astype("datetime64[M]") == months)
          & (hour >= 0) & (hour <= 23) & (minute <= 59) & (second <= 59))
    micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + parts.micro.to_numpy()
    stamps = days.astype("datetime64[us]") + micros.astype("timedelta64[us]")
    return np.where(ok, stamps, np.datetime64("NaT", "us"))


def _read_year_last(parts: pd.DataFrame, order: str | None
                    ) -> tuple[np.ndarray, np.ndarray, str | None]:
    """(datetimes, ambiguous, the order the column shows) of a column's year-last values;
    ``order``: the column's when it shows none of its own."""
    day_first, month_first = _one_way(parts)
    shown = _shown_orders(parts)
    own = _decide(*shown)
    if sum(shown):
        order = own
    a, b = parts.a.to_numpy(), parts.b.to_numpy()
    if order == "dmy":
        return _compose(parts, a, b), np.zeros(len(parts), dtype=bool), own
    if order == "mdy":
        return _compose(parts, b, a), np.zeros(len(parts), dtype=bool), own
    stamps = _compose(parts, np.where(month_first, b, a), np.where(month_first, a, b))
    both = ~day_first & ~month_first & (a != b) & (a >= 1) & (a <= 12) & (b >= 1) & (b <= 12)
    both &= ~np.isnat(stamps)  # (a time of 25:00 is no date either way: a bad one)
    return np.where(both, np.datetime64("NaT", "us"), stamps), both, own


def parse_datetime(raw: pd.Series, col: Column | None = None, value_map=None, *,
                   order: str | None = None) -> DatesParsed:
    """The spellings of the module's docstring, as naive Vietnam-time datetimes, with the
    cells that held something unreadable (``bad``) and, among them, the ones ambiguous for
    want of an order (``ambiguous``). ``order`` (``"dmy"``, ``"mdy"``): the order of a
    column that shows none of its own (:func:`date_order` of its block's other columns)."""
    if order not in (None, *ORDERS):
        raise ValueError(f"order: {order!r} (one of {ORDERS} or None)")
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    none = pd.Series(False, index=raw.index)
    empty = missing(raw)
    kinds = cell_types(raw)
    text_mask = ~empty
    if kinds is not None:
        native = kinds.isin([datetime, pd.Timestamp, date]) & ~empty
        if native.any():
            out[native] = pd.to_datetime(raw[native].astype(object), errors="coerce").astype(
                "datetime64[us]")
        serial = kinds.isin([float, int]) & ~empty
        if serial.any():
            numbers = pd.to_numeric(raw[serial], errors="coerce")
            compact = _compact_numbers(numbers)
            out[compact.index] = compact
            stamps = _excel_serial(numbers.drop(compact.index))
            out[stamps.index] = stamps
        text_mask &= ~(native | serial)
    if kinds is None and text_mask.any():  # the portal's export: one digits-only format
        written = raw[text_mask]
        fmt = _digits_format(written)
        if fmt is not None:
            out[text_mask] = _strptime(written, fmt)
            return DatesParsed(out, ~empty & out.isna(), none)
    # Arrow strings: the pattern tests below run in Arrow's C++, not value by value
    text = _tidy(raw.where(text_mask).astype(ARROW_TEXT).str.strip())
    gone = text.eq("").fillna(False).astype(bool)  # invisible characters only
    text = text.mask(gone)
    serial_text = text.str.fullmatch(SERIAL_TEXT).fillna(False)
    if serial_text.any():
        stamps = _excel_serial(pd.to_numeric(text[serial_text], errors="coerce"))
        out[stamps.index] = stamps
    zoned = text.str.fullmatch(ISO_WITH_ZONE).fillna(False)
    if zoned.any():
        local = pd.to_datetime(text[zoned], utc=True, errors="coerce", format="ISO8601")
        out[zoned] = local.dt.tz_convert(LOCAL_TZ).dt.tz_localize(None).astype("datetime64[us]")
    pending = text.notna() & ~serial_text & ~zoned
    # a value of digits only can match only a digits-only format, and the rest only the
    # others: each value is tried against its own group's patterns
    digits = text.str.fullmatch("[0-9]+").fillna(False).astype(bool)
    ambiguous, own = none.copy(), None
    if (pending & ~digits).any():
        parts = _year_last(text[pending & ~digits])
        if len(parts):
            stamps, unsure, own = _read_year_last(parts, order)
            out[parts.index] = stamps
            ambiguous[parts.index] = unsure
            pending[parts.index] = False
    for pattern, fmt in DATE_FORMATS:
        todo = pending & (digits if fmt in DIGIT_FORMATS else ~digits)
        if not todo.any():
            continue
        tried = text[todo]
        hit = tried.index[tried.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)]
        if len(hit):
            out[hit] = _strptime(text[hit], fmt)
            pending[hit] = False
    return DatesParsed(out, ~empty & ~gone & out.isna(), ambiguous, own)


__all__ = ["AMBIGUOUS_DATE", "CLEAR_MAJORITY", "DatesParsed", "date_order", "parse_datetime"]
