"""Vietnamese text normalisation: one key for matching, NFC for storage."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# every character Python's \s matches in text, as characters: a pattern holding \s runs in
# Python's regex value by value (RE2's \s is ASCII only), one holding this class in Arrow
SPACE = "[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_INNER = re.compile(r"[\W_]+")


def _plain(value: object) -> str:
    text = unicodedata.normalize("NFD", str(value)).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def match_key(value: object) -> str:
    """The form two spellings of a *header* share when they mean the same thing.

    Drops diacritics (đ → d), case, spaces and punctuation, so "Mã hồ sơ", "MA HO SO",
    "mã_hồ_sơ" (NFD or NFC) and "MaHoSo" all give ``"mahoso"``.
    """
    return _NON_ALNUM.sub("", _plain(value))


def fold(value: object, keep: str = "") -> str:
    """The words of a *value*, for meaning rules: no diacritics (đ → d), lower case,
    punctuation read as spaces (except the characters in ``keep``), nothing at the ends:
    ``" Qua Dịch vụ BƯU CHÍNH công ích. "`` → ``"qua dich vu buu chinh cong ich"``."""
    inner = _INNER if not keep else re.compile(f"[^\\w{re.escape(keep)}]+|_+")
    return " ".join(inner.sub(" ", _EDGE.sub("", _plain(value))).split())


def vocabulary_index(vocabulary: dict) -> dict[str, object]:
    """Map the match key of every spelling (and of the canonical code) to the canonical code."""
    index: dict[str, object] = {}
    for code, spellings in vocabulary.items():
        for spelling in (code, *spellings):
            if isinstance(spelling, str):
                index[match_key(spelling)] = code
    return index


def on_uniques(series: pd.Series, transform) -> pd.Series:
    """``transform`` applied to each distinct value once, then spread back over the rows.

    Exports repeat the same names, fields and codes thousands of times; text clean-up that
    pandas runs value by value costs only as much as the distinct values.
    """
    codes, uniques = pd.factorize(series.astype("string"), use_na_sentinel=True)
    done = pa.array(transform(pd.Series(uniques, dtype="string")).astype("string").array)
    if isinstance(done, pa.ChunkedArray):
        done = done.combine_chunks()
    spread = pc.take(done.cast(pa.large_string()), pa.array(codes, mask=codes < 0))
    return pd.Series(pd.arrays.ArrowStringArray(spread), index=series.index)


def _nfc(text: pd.Series) -> pd.Series:
    # ASCII text is NFC already: pandas normalises value by value in Python, so only the
    # other values are given to it (an id column of a million codes costs nothing)
    other = ~text.str.isascii().fillna(True).to_numpy(dtype=bool)
    if other.any():
        text = text.copy()
        text[other] = text[other].str.normalize("NFC")
    text = text.str.strip().str.replace(SPACE + "+", " ", regex=True)
    return text.mask(text == "")


def to_nfc(series: pd.Series) -> pd.Series:
    """Strip, collapse inner whitespace and store text in NFC; blanks become <NA>.

    A column of Arrow text that is all ASCII without a space (an id column of a million
    distinct codes) has nothing to normalise, strip or collapse: two passes in Arrow tell,
    and looking for its distinct values, which costs more than all the rest, is skipped."""
    if isinstance(series.array, pd.arrays.ArrowStringArray):
        values = pa.array(series.array)
        if (pc.all(pc.string_is_ascii(values)).as_py()
                and not pc.any(pc.match_substring_regex(values, SPACE)).as_py()):
            return series.mask(series == "")
    return on_uniques(series, _nfc)


def display_number_text(series: pd.Series) -> pd.Series:
    """Excel often turns a code such as ``1`` into ``1.0``: give back ``"1"``."""
    return on_uniques(series, lambda t: t.str.strip().str.replace(r"^(-?\d+)\.0+$", r"\1",
                                                                   regex=True))


# What a failing value may show in the quarantine: dates, numbers and codes, never text a
# person typed (a name or an address that slid into a code column).
_DATE_LIKE = re.compile(r"[\dTZ:/\-.,+ ]{1,32}(?: ?(?:AM|PM|SA|CH))?", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[-+]?[\d.,\s]{1,20}")
_CODE_LIKE = re.compile(r"[^\s]{1,40}")  # a code or id: one word, not a sentence
_LONG_DIGITS = re.compile(r"\d{9,}")  # phone and ID numbers: 9 to 12 digits


def _shown_one(value: str, kind: str, vocabulary: re.Pattern | None) -> str:
    text = unicodedata.normalize("NFC", value).strip()
    if kind == "datetime" and _DATE_LIKE.fullmatch(text) and len(text) <= 32 and (
            not text.isdigit() or len(text) <= 6
            or (len(text) in (8, 12, 14) and text.startswith(("19", "20")))):
        return text  # a date, compact yyyyMMdd[HHmm[ss]] or an Excel serial
    if _LONG_DIGITS.search(text):
        return f"<số, {sum(ch.isdigit() for ch in text)} chữ số>"
    if kind in ("count", "amount", "fee") and _NUMBER_LIKE.fullmatch(text):
        return text
    if _CODE_LIKE.fullmatch(text):
        return text
    if vocabulary is not None and len(text) <= 60 and vocabulary.search(fold(text)):
        return text  # a label of the code family's own words ("Qua dịch vụ BCCI")
    return f"<văn bản, {len(text)} ký tự>"


def shown_values(raw: pd.Series, kind: str, vocabulary: re.Pattern | None = None
                 ) -> pd.Series:
    """Each value as the quarantine may show it: a date, number or short code as it is, a
    label made of the column's own code words as it is, anything else as
    ``<văn bản, 37 ký tự>`` and long digit runs as ``<số, 12 chữ số>``."""
    text = raw.astype("string")
    return on_uniques(text, lambda t: t.map(lambda v: _shown_one(v, kind, vocabulary),
                                            na_action="ignore"))


ADMIN_LEVELS = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Phường", "Tỉnh", "Xã")


def within_sentence(name: str) -> str:
    """A unit's name as written inside a sentence or after "UBND": the administrative level
    in lower case ("Thị xã Quảng Trị" -> "thị xã Quảng Trị"), the proper name untouched."""
    for level in ADMIN_LEVELS:
        if name.startswith(level + " "):
            return level.lower() + name[len(level):]
    return name
