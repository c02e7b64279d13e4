"""Value parsers: one per column kind, each vectorised over a whole column.

A parser takes the raw column (text from CSV; text, numbers, datetimes from Excel) and returns
``(values, bad)``: the typed values and a mask of cells that held something unreadable (the
date parser, :mod:`cchc_lib.ingest.dates`, gives the pair with one more mask, ``ambiguous``:
:class:`~cchc_lib.ingest.dates.DatesParsed`). Codes are matched once per distinct spelling
(:func:`map_unique`), never row by row. Invisible characters (a BOM, a zero-width space, a
bidi mark: :data:`cchc_lib.core.text.INVISIBLE`) are dropped from every value before it is
matched or stored, once per distinct value; what look-alike letters a value holds is kept.
A cell that says it holds nothing (``NULL``, ``N/A``, a dash: :data:`cchc_lib.core.text.
NO_VALUE_WORDS` and ``NO_VALUE_DASHES``) is missing, as a blank one, in every column but
the ticked ones, where a dash means no (:func:`cchc_lib.core.text.missing`).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_lib.core.codes import FAMILIES, CodeFamily, family_of
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.schema import Column
from cchc_lib.core.text import (
    INVISIBLE,
    SPACE,
    blank,
    cell_types,
    display_number_text,
    fold,
    match_key,
    missing,
    no_value,
    number_text,
    on_uniques,
    to_nfc,
    visible,
)
from cchc_lib.ingest.dates import (
    AMBIGUOUS_DATE,
    LOCAL_TZ,
    DatesParsed,
    date_order,
    parse_datetime,
)

Parsed = tuple[pd.Series, pd.Series]


def map_unique(text: pd.Series, func: Callable[[str], object]) -> pd.Series:
    """Apply ``func`` once per distinct non-blank value, then map: codes repeat a lot."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    done = np.empty(len(uniques) + 1, dtype=object)  # the last one: a blank cell
    done[:-1] = [func(u) for u in uniques]
    done[-1] = None
    return pd.Series(done[codes], index=text.index)  # code -1 takes the last one


def _no(raw: pd.Series) -> pd.Series:
    return pd.Series(False, index=raw.index)


def parse_text(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """Text in NFC, spaces collapsed, a blank cell or one that says it holds nothing
    (``NULL``, ``-``) missing: once per distinct value (:func:`to_nfc`), so not wrapped in
    :func:`on_distinct`, which would look for the distinct values twice. A workbook's number
    is the text its cell shows (:func:`number_text`): an id ``220314000123`` stored as a
    number is ``"220314000123"``, as in any other export, never ``"220314000123.0"``."""
    text = to_nfc(number_text(raw))
    nothing = no_value(text)
    return (text.mask(nothing) if nothing.any() else text), _no(raw)


# A code Excel made a number, written out by a Vietnamese-locale PC: "2,00095" for 2.000950.
# A comma is in no national code (d.dddddd), only in a number a locale wrote, so such a text
# is read as the number it is: one to three digits (nothing as big as a thousands group comes
# before the comma: codes are under 10) and one to six decimals (Excel's float of a code),
# nothing else ("1.234,5", "2,0009501", "BTP,01" stay as written, unknown procedures).
# "1.00119" with a dot stays as written too: it may be a code typed short, which the
# catalogue flags (data_contract.md), not a number.
DECIMAL_COMMA_CODE = r"[0-9]{1,3},[0-9]{1,6}"


def _code_text(text: pd.Series) -> pd.Series:
    """Distinct codes as stored: no space nor invisible character, no Excel text mark (a
    leading apostrophe), NFC; a decimal-comma number as its Excel float gives it."""
    text = text.str.replace(f"(?:{SPACE}|{INVISIBLE})+", "", regex=True).str.replace(
        "^'", "", regex=True).str.normalize("NFC")
    comma = text.str.fullmatch(DECIMAL_COMMA_CODE).fillna(False).astype(bool)
    if comma.any():
        text = text.mask(comma, text[comma].map(lambda v: f"{float(v.replace(',', '.')):.6f}"))
    return text


# a run of digits no procedure code has (national codes are d.dddddd, local ones such as
# BTP-HCM-123 short): a phone number (9 to 11 digits) or an ID card number (9 or 12)
PERSONAL_DIGITS = "[0-9]{9}"


def parse_procedure_code(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """Codes as text without any space or invisible character; Excel numbers get six
    decimals back (2.00095 -> 2.000950, every national code has six digits after the dot),
    and so do the same numbers written with a decimal comma (:data:`DECIMAL_COMMA_CODE`).
    Look-alike letters are kept: a code that holds one is not the catalogue's. A value with
    a run of nine digits or more (:data:`PERSONAL_DIGITS`, spaces inside it dropped: an ID
    or phone number typed in the wrong column) is no code and is never stored: a bad code,
    which the quarantine shows as ``<số, 12 chữ số>``."""
    kinds = cell_types(raw)
    text = raw.astype(object)
    if kinds is not None:
        is_float = kinds.eq(float)
        text = text.where(~is_float, raw[is_float].map("{:.6f}".format))
    codes_, uniques = pd.factorize(text.where(~missing(raw)).astype("string"),
                                   use_na_sentinel=True)
    distinct = _code_text(pd.Series(uniques, dtype="string"))
    personal = distinct.str.contains(PERSONAL_DIGITS, regex=True).fillna(False).astype(bool)
    distinct = distinct.mask(distinct.eq("").fillna(False) | personal)
    done = pa.array(distinct.array, type=pa.large_string(), from_pandas=True)
    values = pc.take(done, pa.array(codes_, mask=codes_ < 0))
    return (pd.Series(pd.arrays.ArrowStringArray(values), index=raw.index),
            pd.Series(np.append(personal.to_numpy(dtype=bool), False)[codes_],
                      index=raw.index))


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
    text = display_number_text(raw.where(~missing(raw, dashes=not family.symbols)))
    read = reader(family, value_map)
    mapped = map_unique(text, lambda u: read(u)[0])
    return mapped, text.notna() & mapped.isna()


def code_problems(raw: pd.Series, family: CodeFamily, value_map: dict | None = None
                  ) -> pd.Series:
    """Why each (bad) value was not read: ``"unknown"`` or ``"ambiguous:a/b"``."""
    text = display_number_text(raw.where(~missing(raw, dashes=not family.symbols)))
    read = reader(family, value_map)
    return map_unique(text, lambda u: read(u)[1])


def _flag_text(raw: pd.Series) -> pd.Series:
    kinds = cell_types(raw)
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


def _clean_number(text: pd.Series) -> pd.Series:
    return text.str.replace(f"{SPACE}+|{INVISIBLE}", "", regex=True).str.replace(
        ",", ".", regex=False)


def _number_text(raw: pd.Series) -> pd.Series:
    """Numbers as text without spaces (a no-break space between thousands too) nor invisible
    characters, "1,5" as "1.5", nothing left missing: once per distinct value."""
    text = on_uniques(raw.astype("string"), _clean_number)
    return text.mask(text == "")


def _array_length(value: str) -> str:
    """The number of items of a JSON array, as text; ``"["`` (no number) for anything else
    (cut short, not JSON, not an array). What the array holds is never kept."""
    try:
        items = json.loads(visible(value).strip())
    except (ValueError, RecursionError):  # (RecursionError: nested past Python's limit)
        return "["
    return str(len(items)) if isinstance(items, list) else "["


def _count_text(text: pd.Series) -> pd.Series:
    """Distinct count cells as numbers' text; a JSON array (the portal's list of supplement
    requests, DanhSachHoSoBoSung) as its length."""
    listed = text.str.contains(f"^(?:{SPACE}|{INVISIBLE})*\\[", regex=True).fillna(False)
    if listed.any():
        text = text.mask(listed, text[listed].map(_array_length))
    return _clean_number(text)


def parse_count(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A whole number, zero or more; a JSON array its number of items (``[]`` is 0: the
    portal's ``DanhSachHoSoBoSung`` for ``SoLanBoSung``, data_contract.md), a malformed one
    a bad number, shown masked (what it holds may be text a person typed)."""
    text = on_uniques(raw.where(~missing(raw)), _count_text)
    text = text.mask(text == "")
    num = pd.to_numeric(text, errors="coerce")
    ok = num.notna() & (num >= 0) & (num == np.floor(num))
    return num.where(ok).astype("Int64"), text.notna() & ~ok


PERCENT = re.compile(r"\s*%\s*$")


def _visible_text(raw: pd.Series) -> pd.Series:
    """A column's cells as text, invisible characters dropped and the ends trimmed."""
    return raw.where(~missing(raw)).astype("string").str.replace(INVISIBLE, "", regex=True
                                                                ).str.strip()


def parse_share(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A share, as offices write a target: "0,5", "0.5", "50%", "50 %" or "50" are all 50 %.
    A number above 1 and at most 100 is read as percent (a share cannot pass 1); a value
    with "%" is always percent; anything else (negative, above 100 %) is unreadable."""
    text = _visible_text(raw)
    written = text.fillna("").ne("")
    percent = text.str.contains(PERCENT, regex=True).fillna(False).astype(bool)
    num = pd.to_numeric(_number_text(text.str.replace(PERCENT, "", regex=True)),
                        errors="coerce").astype("Float64")
    num = num.where(~percent & (num <= 1), num / 100)
    ok = num.notna() & (num >= 0) & (num <= 1) & np.isfinite(num.astype(float).fillna(0))
    return num.where(ok).astype("Float64"), written & ~ok


SAME_DAY = {match_key(s) for s in lang.SAME_DAY_WORDS}
FREE = {match_key(s) for s in lang.FREE_WORDS}


def parse_amount(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A non-negative number; "1,5" is 1.5; "Trong ngày" is 0; "3 ngày làm việc" is 3."""
    text = _visible_text(raw)
    written = text.fillna("").ne("")  # (a cell of invisible characters only: nothing)
    same_day = map_unique(text, lambda v: match_key(v) in SAME_DAY).fillna(False).astype(bool)
    text = text.str.replace(lang.DAYS_SUFFIX_PATTERN, "", regex=True)
    num = pd.to_numeric(_number_text(text), errors="coerce").mask(same_day, 0.0)
    ok = num.notna() & (num >= 0) & np.isfinite(num.astype(float).fillna(0))
    return num.where(ok).astype("Float64"), written & ~ok


def parse_fee(raw: pd.Series, col: Column, value_map=None) -> Parsed:
    """A fee column holds an amount (non-zero = has a fee: "8.000 đồng") or a yes/no word."""
    # (invisible characters only: nothing); a dash is no fee (a flag's no, Excel's
    # accounting zero)
    empty = missing(raw, dashes=False) | _number_text(raw).isna()
    digits = raw.astype("string").str.replace(f"[.,\\s]|{INVISIBLE}|{lang.CURRENCY_PATTERN}",
                                              "", regex=True)
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
    def run(raw: pd.Series, col: Column | None = None, value_map=None, **options) -> Parsed:
        if not (objects or isinstance(raw.dtype, pd.StringDtype)):
            return parser(raw, col, value_map, **options)
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
        parsed = parser(pd.Series(uniques, dtype=raw.dtype), col, value_map, **options)
        values, bad = parsed

        def spread(mask: pd.Series) -> pd.Series:
            return pd.Series(np.append(mask.to_numpy(dtype=bool), False)[codes],
                             index=raw.index)
        values = pd.Series(values.array.take(codes, allow_fill=True), index=raw.index)
        if isinstance(parsed, DatesParsed):
            return DatesParsed(values, spread(bad), spread(parsed.ambiguous), parsed.order)
        return values, spread(bad)
    return run


PARSERS: dict[str, Callable[..., Parsed]] = {
    "text": parse_text,
    "procedure_code": on_distinct(parse_procedure_code),
    "code": on_distinct(parse_code),
    "flag": on_distinct(parse_flag),
    "datetime": on_distinct(parse_datetime, objects=True),
    "count": on_distinct(parse_count),
    "amount": on_distinct(parse_amount),
    "share": on_distinct(parse_share),
    "fee": on_distinct(parse_fee),
}
# the quarantine reason for an unreadable value, by column kind (a date that reads both day
# first and month first in a column that shows no order: AMBIGUOUS_DATE, from its own mask)
BAD_REASON = {"datetime": "bad_date", "code": "bad_code", "flag": "bad_code",
              "procedure_code": "bad_code", "count": "bad_number", "amount": "bad_number",
              "share": "bad_number",
              "fee": "bad_number"}

__all__ = ["AMBIGUOUS_DATE", "BAD_REASON", "LOCAL_TZ", "PARSERS", "DatesParsed", "blank",
           "code_problems", "codes", "date_order", "family_of", "map_unique", "on_distinct",
           "parse_datetime", "parse_share", "reader"]
