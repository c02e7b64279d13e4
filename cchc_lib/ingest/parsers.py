"""Value parsers: one per column kind, each vectorised over a whole column.

A parser takes the raw column (text from CSV; text, numbers, datetimes from Excel) and returns
``(values, bad)``: the typed values and a mask of cells that held something unreadable.
Codes are matched once per distinct spelling (:func:`map_unique`), never row by row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime

import numpy as np
import pandas as pd

from cchc_lib.core.codes import FAMILIES, CodeFamily, family_of
from cchc_lib.core.schema import Column
from cchc_lib.core.text import (
    SPACE,
    display_number_text,
    fold,
    match_key,
    on_uniques,
    to_nfc,
)

Parsed = tuple[pd.Series, pd.Series]
LOCAL_TZ = "Asia/Ho_Chi_Minh"


def blank(raw: pd.Series) -> pd.Series:
    """True (plain booleans) where a cell holds nothing: missing, empty or only spaces."""
    if raw.dtype.kind in "fiumM":  # numbers or datetimes: only a missing one is blank
        return pd.Series(raw.isna().to_numpy(dtype=bool), index=raw.index)
    # CSV text: tested in Arrow, without a stripped copy of the text
    if isinstance(raw.array, pd.arrays.ArrowStringArray):
        import pyarrow as pa
        import pyarrow.compute as pc

        values = pa.array(raw.array)
        spaces = pc.or_kleene(pc.equal(pc.binary_length(values), 0), pc.utf8_is_space(values))
        return pd.Series(pc.fill_null(spaces, True).to_numpy(zero_copy_only=False),
                         index=raw.index)
    empty = raw.isna().to_numpy(dtype=bool, copy=True)
    kind = pd.api.types.infer_dtype(raw, skipna=True)
    if kind in ("string", "empty"):
        text = np.ones(len(raw), dtype=bool)
    elif kind.startswith("mixed"):  # (Excel) only the text cells may be spaces
        text = raw.map(type, na_action="ignore").eq(str).to_numpy(dtype=bool)
    else:  # no text at all (Excel dates, numbers, booleans): none is written as spaces
        return pd.Series(empty, index=raw.index)
    if text.any():
        spaces = raw[text].astype("string").str.strip().fillna("").eq("")
        empty[text] |= spaces.to_numpy(dtype=bool)
    return pd.Series(empty, index=raw.index)


def map_unique(text: pd.Series, func: Callable[[str], object]) -> pd.Series:
    """Apply ``func`` once per distinct non-blank value, then map: codes repeat a lot."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    done = np.empty(len(uniques) + 1, dtype=object)  # the last one: a blank cell
    done[:-1] = [func(u) for u in uniques]
    done[-1] = None
    return pd.Series(done[codes], index=text.index)  # code -1 takes the last one


def _kinds(raw: pd.Series) -> pd.Series | None:
    """The Python type of each cell, or None when the column holds only text (CSV)."""
    inferred = pd.api.types.infer_dtype(raw, skipna=True)
    return None if inferred in ("string", "empty") else raw.map(type)


def _no(raw: pd.Series) -> pd.Series:
    return pd.Series(False, index=raw.index)


def parse_text(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """Text in NFC, spaces collapsed, a blank cell missing: once per distinct value
    (:func:`to_nfc`), so not wrapped in :func:`on_distinct`, which would look for the
    distinct values twice."""
    return to_nfc(raw), _no(raw)


def parse_procedure_code(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """Codes as text without any space; Excel numbers get six decimals back (2.00095 ->
    2.000950, every national code has six digits after the dot)."""
    kinds = _kinds(raw)
    text = raw.astype(object)
    if kinds is not None:
        is_float = kinds.eq(float)
        text = text.where(~is_float, raw[is_float].map("{:.6f}".format))
    text = on_uniques(text.where(~blank(raw)),
                      lambda t: t.str.normalize("NFC").str.replace(f"(?:{SPACE}|\u200b)+", "",
                                                                   regex=True))
    return text.mask(text == ""), _no(raw)


def reader(family: CodeFamily, value_map: dict | None) -> Callable[[str], tuple]:
    """Read one distinct value: the office's ``value_map`` (keys folded) first, then the
    family's meaning rules. Returns (code, problem)."""
    pinned = value_map or {}

    def read(value: str) -> tuple:
        key = fold(value)
        if key in pinned:
            return pinned[key], None
        return family.read(value)
    return read


def codes(raw: pd.Series, family: CodeFamily, value_map: dict | None = None) -> Parsed:
    text = display_number_text(raw.where(~blank(raw)))
    read = reader(family, value_map)
    mapped = map_unique(text, lambda u: read(u)[0])
    return mapped, text.notna() & mapped.isna()


def code_problems(raw: pd.Series, family: CodeFamily, value_map: dict | None = None
                  ) -> pd.Series:
    """Why each (bad) value was not read: ``"unknown"`` or ``"ambiguous:a/b"``."""
    text = display_number_text(raw.where(~blank(raw)))
    read = reader(family, value_map)
    return map_unique(text, lambda u: read(u)[1])


def _flag_text(raw: pd.Series) -> pd.Series:
    kinds = _kinds(raw)
    if kinds is not None:
        is_bool = kinds.eq(bool)
        raw = raw.where(~is_bool, raw[is_bool].map({True: "1", False: "0"}))
    return raw


def parse_code(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    values, bad = codes(raw, family_of(col), value_map)
    return values.astype("string"), bad


def parse_flag(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    values, bad = codes(_flag_text(raw), FLAGS_FAMILY, value_map)
    return values.astype("boolean"), bad


FLAGS_FAMILY = FAMILIES["flag"]


# (regex the text must match, format); day first, always (data_contract.md). [0-9], not \d:
# pandas runs a pattern with \d in Python's regex, value by value, once a column holds any
# non-ASCII text (a date cell that says "Chưa có")
DATE_FORMATS = (
    (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "%Y-%m-%d"),
    (r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?", "ISO8601"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", "%d/%m/%Y"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}", "%d/%m/%y"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}", "%d/%m/%Y %H:%M"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2}", "%d/%m/%Y %H:%M:%S"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2} [AP]M", "%d/%m/%Y %I:%M %p"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2} [AP]M", "%d/%m/%Y %I:%M:%S %p"),
    (r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", "%d-%m-%Y"),
    (r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4} [0-9]{1,2}:[0-9]{2}", "%d-%m-%Y %H:%M"),
    (r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2}", "%d-%m-%Y %H:%M:%S"),
    (r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}", "%d.%m.%Y"),
    (r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4} [0-9]{1,2}:[0-9]{2}", "%d.%m.%Y %H:%M"),
    (r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2}", "%d.%m.%Y %H:%M:%S"),
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


ARROW_TEXT = pd.StringDtype("pyarrow")
# formats of digits only, in fixed widths (the pattern has checked them): Arrow's strptime,
# many times faster than pandas' on the national portal's yyyyMMddHHmmss
ARROW_FORMATS = {"%Y%m%d%H%M%S": 14, "%Y%m%d%H%M": 12, "%Y%m%d": 8, "%Y-%m-%d": 8}
DIGIT_FORMATS = ("%Y%m%d%H%M%S", "%Y%m%d%H%M", "%Y%m%d")  # no separator at all


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
        import pyarrow as pa
        import pyarrow.compute as pc

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


def _excel_serial(numbers: pd.Series) -> pd.Series:
    ok = numbers.between(1, EXCEL_MAX_SERIAL)
    stamps = EXCEL_EPOCH + pd.to_timedelta(numbers[ok], unit="D")
    return stamps.dt.round("s").astype("datetime64[us]")


def parse_datetime(raw: pd.Series, col: Column | None = None, value_map=None) -> Parsed:
    """ISO, day-first dd/mm/yyyy (with or without time, SA/CH or AM/PM), yyyyMMddHHmmss,
    Excel serials and native datetimes. Times with a zone become Vietnam local time, naive."""
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    empty = blank(raw)
    kinds = _kinds(raw)
    text_mask = ~empty
    if kinds is not None:
        native = kinds.isin([datetime, pd.Timestamp, date]) & ~empty
        if native.any():
            out[native] = pd.to_datetime(raw[native].astype(object), errors="coerce").astype(
                "datetime64[us]")
        serial = kinds.isin([float, int]) & ~empty
        if serial.any():
            stamps = _excel_serial(pd.to_numeric(raw[serial], errors="coerce"))
            out[stamps.index] = stamps
        text_mask &= ~(native | serial)
    if kinds is None and text_mask.any():  # the portal's export: one digits-only format
        written = raw[text_mask]
        fmt = _digits_format(written)
        if fmt is not None:
            out[text_mask] = _strptime(written, fmt)
            return out, ~empty & out.isna()
    # Arrow strings: the pattern tests below run in Arrow's C++, not value by value
    text = raw.where(text_mask).astype(ARROW_TEXT).str.strip()
    # rare spellings are rewritten on the few cells that have them, not on every date
    # (text is stripped: "ends in a letter" is its last character; neither "$" nor "\s",
    # which pandas runs in Python's regex, value by value)
    odd = (text.str.contains(SPACE + "{2}|\t", regex=True)
           | text.str[-1:].str.contains(r"[A-Za-z]", regex=True)).fillna(False)
    if odd.any():
        fixed = text[odd].str.replace(r"\s+", " ", regex=True).str.replace(
            r"(?i)\s*\bSA$", " AM", regex=True).str.replace(
            r"(?i)\s*\bCH$", " PM", regex=True).str.upper()
        text = text.mask(odd, fixed)
    serial_text = text.str.fullmatch(r"[0-9]{5}(\.[0-9]+)?").fillna(False)
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
    for pattern, fmt in DATE_FORMATS:
        todo = pending & (digits if fmt in DIGIT_FORMATS else ~digits)
        if not todo.any():
            continue
        tried = text[todo]
        hit = tried.index[tried.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)]
        if len(hit):
            out[hit] = _strptime(text[hit], fmt)
            pending[hit] = False
    return out, ~empty & out.isna()


def _number_text(raw: pd.Series) -> pd.Series:
    """Numbers as text without spaces, "1,5" as "1.5": once per distinct value."""
    return on_uniques(raw.astype("string"), lambda t: t.str.strip().str.replace(
        SPACE + "+", "", regex=True).str.replace(",", ".", regex=False))


def parse_count(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    empty = blank(raw)
    num = pd.to_numeric(_number_text(raw.where(~empty)), errors="coerce")
    ok = num.notna() & (num >= 0) & (num == np.floor(num))
    return num.where(ok).astype("Int64"), ~empty & ~ok


SAME_DAY = {match_key(s) for s in ("Trong ngày", "Ngay trong ngày", "Trả ngay")}
FREE = {match_key(s) for s in ("Miễn phí", "Không thu", "Miễn", "Không", "0 đồng")}


def parse_amount(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A non-negative number; "1,5" is 1.5; "Trong ngày" is 0; "3 ngày làm việc" is 3."""
    empty = blank(raw)
    text = raw.where(~empty).astype("string").str.strip()
    same_day = map_unique(text, lambda v: match_key(v) in SAME_DAY).fillna(False).astype(bool)
    text = text.str.replace(r"(?i)\s*(ngày( làm việc)?|ngay( lam viec)?)$", "", regex=True)
    num = pd.to_numeric(_number_text(text), errors="coerce").mask(same_day, 0.0)
    ok = num.notna() & (num >= 0) & np.isfinite(num.astype(float).fillna(0))
    return num.where(ok).astype("Float64"), ~empty & ~ok


def parse_fee(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A fee column holds an amount (non-zero = has a fee: "8.000 đồng") or a yes/no word."""
    empty = blank(raw)
    digits = raw.astype("string").str.replace(r"[.,\s]|đồng|đ|VNĐ|VND", "", regex=True)
    amount = pd.to_numeric(digits.where(digits.str.fullmatch(r"\d+").fillna(False)),
                           errors="coerce")
    words, _ = parse_flag(raw.where(amount.isna()), col, value_map)
    free = map_unique(raw.astype("string"), lambda v: match_key(v) in FREE).fillna(False)
    values = (amount > 0).astype("boolean").where(amount.notna(), words)
    values = values.mask(free.astype(bool), False)
    return values.astype("boolean"), ~empty & values.isna()


def on_distinct(parser: Callable[..., Parsed], objects: bool = False) -> Callable[..., Parsed]:
    """``parser`` run once per distinct value of a text column, its result spread back over
    the rows: an export repeats its dates, codes and amounts thousands of times. A blank
    (missing) cell gives a missing value, not a bad one. Columns of Python objects (Excel)
    are parsed as they are unless ``objects``: 1, 1.0 and True are one value to a hash."""

    @functools.wraps(parser)
    def run(raw: pd.Series, col: Column | None = None, value_map=None) -> Parsed:
        if not (objects or isinstance(raw.dtype, pd.StringDtype)):
            return parser(raw, col, value_map)
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
        values, bad = parser(pd.Series(uniques, dtype=raw.dtype), col, value_map)
        spread = values.array.take(codes, allow_fill=True)
        return (pd.Series(spread, index=raw.index),
                pd.Series(np.append(bad.to_numpy(dtype=bool), False)[codes], index=raw.index))
    return run


PARSERS: dict[str, Callable[..., Parsed]] = {
    "text": parse_text,
    "procedure_code": on_distinct(parse_procedure_code),
    "code": on_distinct(parse_code),
    "flag": on_distinct(parse_flag),
    "datetime": on_distinct(parse_datetime, objects=True),
    "count": on_distinct(parse_count),
    "amount": on_distinct(parse_amount),
    "fee": on_distinct(parse_fee),
}
# the quarantine reason for an unreadable value, by column kind
BAD_REASON = {"datetime": "bad_date", "code": "bad_code", "flag": "bad_code",
              "count": "bad_number", "amount": "bad_number", "fee": "bad_number"}
