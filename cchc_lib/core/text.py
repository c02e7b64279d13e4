"""Vietnamese text normalisation: one key for matching, NFC for storage, and what the
quarantine may show of a value."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_lib.core.lang.core import (
    ADMIN_LEVELS,
    CAPITAL_D_WITH_STROKE,
    D_WITH_STROKE,
    SHOWN_DIGITS_VI,
    SHOWN_TEXT_VI,
    VIETNAMESE_VOWELS,
)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# every character Python's \s matches in text, as characters: a pattern holding \s runs in
# Python's regex value by value (RE2's \s is ASCII only), one holding this class in Arrow
SPACE = "[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
# Characters no eye sees, which offices' files carry into ids, codes and dates: a byte-order
# mark left inside a cell (U+FEFF), zero-width space, non-joiner and joiner (U+200B-D), word
# joiner (U+2060), soft hyphen (U+00AD), bidi marks and embeddings (U+200E/F, U+202A-E,
# U+2066-9), variation selectors, tags: Unicode's Default_Ignorable_Code_Point
# (DerivedCoreProperties.txt), as one class Arrow's RE2 and Python's re both read. They are
# dropped, never read as a space: "Trực\u200btuyến" is one word. Spaces (NBSP U+00A0, narrow
# U+202F, figure U+2007, ideographic U+3000, ...) are :data:`SPACE`: read as a space.
INVISIBLE = ("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
             "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
             "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_INVISIBLE = re.compile(INVISIBLE)
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_INNER = re.compile(r"[\W_]+")


def visible(value: str) -> str:
    """``value`` without the characters no eye sees (:data:`INVISIBLE`)."""
    return _INVISIBLE.sub("", value)


def _plain(value: object) -> str:
    text = unicodedata.normalize("NFD", visible(str(value))).replace(D_WITH_STROKE, "d").replace(
        CAPITAL_D_WITH_STROKE, "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def match_key(value: object) -> str:
    """The form two spellings of a *header* share when they mean the same thing.

    Drops diacritics (đ → d), case, spaces and punctuation, so "Mã hồ sơ", "MA HO SO",
    "mã_hồ_sơ" (NFD or NFC) and "MaHoSo" all give ``"mahoso"``; invisible characters
    (:data:`INVISIBLE`: a BOM before the first header, a zero-width space) are no part of it.
    """
    return _NON_ALNUM.sub("", _plain(value))


def fold(value: object, keep: str = "") -> str:
    """The words of a *value*, for meaning rules: no diacritics (đ → d), lower case,
    punctuation and any space (NBSP too) read as spaces (except the characters in ``keep``),
    nothing at the ends, invisible characters dropped (not read as spaces: they split no word):
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
    # ASCII text is NFC already and holds no invisible character: pandas normalises value by
    # value in Python, so only the other values are given to it (an id column of a million
    # codes costs nothing). Invisible characters go first: a soft hyphen or a joiner between
    # a letter and its tone mark would keep them from composing.
    other = ~text.str.isascii().fillna(True).to_numpy(dtype=bool)
    if other.any():
        text = text.copy()
        text[other] = text[other].str.replace(INVISIBLE, "", regex=True).str.normalize("NFC")
    text = text.str.strip().str.replace(SPACE + "+", " ", regex=True)
    return text.mask(text == "")


def to_nfc(series: pd.Series) -> pd.Series:
    """Strip, collapse inner whitespace (any Unicode space is a space) and store text in NFC
    without invisible characters (:data:`INVISIBLE`); blanks, and cells of invisible
    characters only, become <NA>.

    A column of Arrow text that is all ASCII without a space (an id column of a million
    distinct codes) has nothing to normalise, strip or collapse: two passes in Arrow tell,
    and looking for its distinct values, which costs more than all the rest, is skipped."""
    if isinstance(series.array, pd.arrays.ArrowStringArray):
        values = pa.array(series.array)
        if (pc.all(pc.string_is_ascii(values)).as_py()
                and not pc.any(pc.match_substring_regex(values, SPACE)).as_py()):
            return series.mask(series == "")
    return on_uniques(series, _nfc)


# ---- cells that hold nothing ------------------------------------------------------------

# What exports write in a cell that holds no value, read as a blank cell (missing, never a
# bad value): SQL Server's NULL (its export wizard and "results to file" write it), null and
# None (JSON, Python), NaN (pandas and numpy writing a missing number), N/A and Excel's #N/A,
# the words in any case; and the dashes a clerk types for "nothing": "-", "--", the en dash
# "–" and the em dash "—" (Word and Excel make them of "-" and "--"). Only these, each alone
# in its cell (spaces and invisible characters around it are no part of it): "NULL!" or
# "N/A (chưa có)" are values, read or refused as any other. A dash in a ticked column means
# no (cchc_lib.core.codes): there, only the words are blank (``dashes=False``).
NO_VALUE_WORDS = ("null", "none", "nan", "n/a", "#n/a")
NO_VALUE_DASHES = ("-", "--", "\u2013", "\u2014")
_LONGEST_NO_VALUE = 16  # bytes: the longest spelling (4) with spaces around it


def _every_case(word: str) -> set[str]:
    spellings = {""}
    for ch in word:
        spellings = {s + c for s in spellings for c in {ch.lower(), ch.upper()}}
    return spellings


_NO_VALUE_WORDS = sorted(set().union(*map(_every_case, NO_VALUE_WORDS)))
_NO_VALUE_SETS = {False: pa.array(_NO_VALUE_WORDS, pa.large_string()),
                  True: pa.array(_NO_VALUE_WORDS + list(NO_VALUE_DASHES), pa.large_string())}


def _maybe_nothing(chunk: pa.Array, longest: int) -> np.ndarray:
    """The values of one chunk of large strings no longer than ``longest`` bytes whose first
    byte may begin a spelling of nothing (n, N, #, -, a space or control character, or any
    byte of a character outside ASCII: a dash, a no-break space, an invisible character),
    read off the chunk's buffers in numpy, without a copy: a value that begins otherwise (a
    digit, most letters) is not looked at further."""
    _, offsets, data = chunk.buffers()
    maybe = np.zeros(len(chunk), dtype=bool)
    if data is None or not data.size:
        return maybe
    ends = np.frombuffer(offsets, dtype=np.int64)[chunk.offset:chunk.offset + len(chunk) + 1]
    first = np.take(np.frombuffer(data, dtype=np.uint8), ends[:-1], mode="clip")
    begins = np.flatnonzero((first >= 0x80) | (first <= 0x20) | ((first | 0x20) == ord("n"))
                            | (first == ord("#")) | (first == ord("-")))
    lengths = ends[begins + 1] - ends[begins]
    maybe[begins[(lengths > 0) & (lengths <= longest)]] = True
    return maybe


def _says_nothing(values: pa.Array | pa.ChunkedArray, dashes: bool, tidy: bool
                  ) -> np.ndarray:
    """Which Arrow text values are a spelling of :data:`NO_VALUE_WORDS` (and of
    :data:`NO_VALUE_DASHES` when ``dashes``). Only values short enough to be one, and which
    begin as one may, are looked at (their lengths and first bytes, read in numpy); ``tidy``:
    the values are stripped and hold no invisible character already."""
    if values.type != pa.large_string():
        values = values.cast(pa.large_string())
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    longest = 4 if tidy else _LONGEST_NO_VALUE
    maybe = np.concatenate([_maybe_nothing(c, longest) for c in chunks] or [
        np.zeros(0, dtype=bool)])
    if not maybe.any():
        return maybe
    candidates = values.filter(pa.array(maybe))
    if not tidy:
        candidates = pc.utf8_trim_whitespace(pc.replace_substring_regex(
            candidates, INVISIBLE, ""))
    hit = pc.fill_null(pc.is_in(candidates, value_set=_NO_VALUE_SETS[dashes]), False)
    maybe[maybe] = hit.to_numpy(zero_copy_only=False)
    return maybe


def no_value(text: pd.Series, dashes: bool = True) -> pd.Series:
    """True where a column of text that is stored clean (stripped, no invisible character:
    :func:`to_nfc`) says it holds nothing (:data:`NO_VALUE_WORDS`, :data:`NO_VALUE_DASHES`)."""
    values = pa.array(text.array, type=pa.large_string(), from_pandas=True)
    return pd.Series(_says_nothing(values, dashes, tidy=True), index=text.index)


def _text_cells(raw: pd.Series) -> np.ndarray | None:
    """Which cells of an object column hold text (None: all of them, or the column is
    Arrow text); an empty array: none."""
    if isinstance(raw.array, pd.arrays.ArrowStringArray):
        return None
    kind = pd.api.types.infer_dtype(raw, skipna=True)
    if kind in ("string", "empty"):
        return None
    if kind.startswith("mixed"):  # (Excel) only the text cells may be spaces
        return raw.map(type, na_action="ignore").eq(str).to_numpy(dtype=bool)
    return np.zeros(0, dtype=bool)  # no text (Excel dates, numbers, booleans)


def _blank(raw: pd.Series, nothing: bool, dashes: bool = True) -> pd.Series:
    if raw.dtype.kind in "fiumMb":  # numbers or datetimes: only a missing one is blank
        return pd.Series(raw.isna().to_numpy(dtype=bool), index=raw.index)
    # CSV text: tested in Arrow, without a stripped copy of the text
    if isinstance(raw.array, pd.arrays.ArrowStringArray):
        values = pa.array(raw.array)
        spaces = pc.or_kleene(pc.equal(pc.binary_length(values), 0), pc.utf8_is_space(values))
        empty = pc.fill_null(spaces, True).to_numpy(zero_copy_only=False)
        if nothing:
            empty = empty | _says_nothing(values, dashes, tidy=False)
        return pd.Series(empty, index=raw.index)
    empty = raw.isna().to_numpy(dtype=bool, copy=True)
    text = _text_cells(raw)
    if text is None:
        text = np.ones(len(raw), dtype=bool)
    if text.any():
        stripped = raw[text].astype("string").str.strip()
        empty[text] |= stripped.fillna("").eq("").to_numpy(dtype=bool)
        if nothing:
            values = pa.array(stripped.array, pa.large_string())
            empty[text] |= _says_nothing(values, dashes, tidy=False)
    return pd.Series(empty, index=raw.index)


def blank(raw: pd.Series) -> pd.Series:
    """True (plain booleans) where a cell holds nothing: missing, empty or only spaces. (A
    cell of invisible characters is not blank here: each parser drops them, and a cell left
    empty is then missing, not unreadable.) What the readers test a row with; the parsers
    test its values with :func:`missing`."""
    return _blank(raw, nothing=False)


def missing(raw: pd.Series, dashes: bool = True) -> pd.Series:
    """True where a value is missing: a :func:`blank` cell, or one that says it holds
    nothing (:data:`NO_VALUE_WORDS`; :data:`NO_VALUE_DASHES` unless ``dashes`` is False, as
    in a ticked column, where a dash means no)."""
    return _blank(raw, nothing=True, dashes=dashes)


def cell_types(raw: pd.Series) -> pd.Series | None:
    """The Python type of each cell, or None when the column holds only text (CSV)."""
    inferred = pd.api.types.infer_dtype(raw, skipna=True)
    return None if inferred in ("string", "empty") else raw.map(type)


def display_number_text(series: pd.Series) -> pd.Series:
    """Excel often turns a code such as ``1`` into ``1.0``: give back ``"1"``. Invisible
    characters go (a cell of nothing else is missing, not a bad code)."""
    text = on_uniques(series, lambda t: t.str.replace(INVISIBLE, "", regex=True).str.strip(
        ).str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True))
    return text.mask(text == "")


def _number_str(value: object) -> str:
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if number.is_integer():
            return str(int(number))
        text = repr(number)
        return np.format_float_positional(number, trim="-") if "e" in text else text
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return str(int(value))
    return str(value)


def number_text(raw: pd.Series) -> pd.Series:
    """A column a workbook gave as numbers, or as text and numbers, as the text an office
    reads in its cells: a whole number without ``.0`` (``220314000123.0`` -> ``"220314000123"``:
    the same id as in a CSV export), any other number without an exponent (``1e-07`` ->
    ``"0.0000001"``, ``1e+16`` -> ``"10000000000000000"``), text as it is; once per distinct
    value. A column of text only (Arrow, as CSV and text-only workbook columns are) is given
    back as it is, at no cost."""
    if isinstance(raw.dtype, pd.StringDtype) or raw.dtype.kind not in "fiuO":
        return raw
    if raw.dtype == object and pd.api.types.infer_dtype(raw, skipna=True) in ("string",
                                                                              "empty"):
        return raw
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    shown = np.array([_number_str(u) for u in uniques] + [None], dtype=object)
    text = pa.array(shown[codes], type=pa.large_string(), from_pandas=True)
    return pd.Series(pd.arrays.ArrowStringArray(text), index=raw.index)


# What a failing value may show in the quarantine: dates, numbers and codes, never text a
# person typed (a name or an address that slid into a code column).
_DATE_LIKE = re.compile(r"[\dTZ:/\-.,+ ]{1,32}(?: ?(?:AM|PM|SA|CH))?", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[-+]?[\d.,\s]{1,20}")
_CODE_LIKE = re.compile(r"[^\s]{1,40}")  # a code or id: one word, not a sentence
_LONG_DIGITS = re.compile(r"\d{9,}")  # phone and ID numbers: 9 to 12 digits


# What the quarantine shows as it is: printable ASCII and the Vietnamese letters (the twelve
# vowels with their five tones, đ), composed. Anything else in a shown value is written as its
# code point: an Armenian Ս (U+054D) or a full-width Ｕ (U+FF35) in "Ս1" is shown
# "<U+054D>1", never "U1" (which the office would look for and find right); a zero-width
# space "U1<U+200B>"; a tone mark on no Vietnamese vowel "U<U+0301>1".
_VOWELS = VIETNAMESE_VOWELS
_SHOWN_AS_IS = frozenset(
    [chr(c) for c in range(0x20, 0x7F)] + [D_WITH_STROKE, CAPITAL_D_WITH_STROKE]
    + [unicodedata.normalize("NFC", v + tone) for base in (_VOWELS, _VOWELS.upper())
       for v in base for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")])
_SPACES = re.compile(SPACE)


def code_points(text: str) -> str:
    """``text`` with every character outside ASCII and the Vietnamese letters written as
    ``<U+XXXX>`` (hexadecimal, four digits or more), so that a look-alike or an invisible
    character can be seen, and searched for, by whoever reads the quarantine."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if ch in _SHOWN_AS_IS else f"<U+{ord(ch):04X}>" for ch in text)


def _shown_one(value: str, kind: str, vocabulary: re.Pattern | None) -> str:
    text = unicodedata.normalize("NFC", value).strip()
    # what the value is (a date, a number, a code, text) is judged on what an eye sees of
    # it: invisible characters dropped, any space a space; what is shown is all of it
    seen = _SPACES.sub(" ", visible(text)).strip()
    if kind == "datetime" and _DATE_LIKE.fullmatch(seen) and len(seen) <= 32 and (
            not seen.isdigit() or len(seen) <= 6
            or (len(seen) in (8, 12, 14) and seen.startswith(("19", "20")))):
        return code_points(text)  # a date, compact yyyyMMdd[HHmm[ss]] or an Excel serial
    if seen.startswith(("[", "{")):  # JSON (a list of requests, whole or cut): may hold text
        return SHOWN_TEXT_VI.format(chars=len(text))
    if _LONG_DIGITS.search(seen):
        return SHOWN_DIGITS_VI.format(digits=sum(ch.isdigit() for ch in seen))
    if kind in ("count", "amount", "share", "fee") and _NUMBER_LIKE.fullmatch(seen.rstrip("% ")):
        return code_points(text)
    if _CODE_LIKE.fullmatch(seen):
        return code_points(text)
    if vocabulary is not None and len(seen) <= 60 and vocabulary.search(fold(seen)):
        return code_points(text)  # a label of the code family's own words ("Qua dịch vụ BCCI")
    return SHOWN_TEXT_VI.format(chars=len(text))


def shown_values(raw: pd.Series, kind: str, vocabulary: re.Pattern | None = None
                 ) -> pd.Series:
    """Each value as the quarantine may show it: a date, number or short code as it is, a
    label made of the column's own code words as it is, anything else as
    ``<văn bản, 37 ký tự>`` and long digit runs as ``<số, 12 chữ số>``. Which of these a
    value is, is judged on what an eye sees of it (invisible characters dropped); a value
    shown as it is has every character outside ASCII and the Vietnamese letters written as
    its code point (:func:`code_points`: ``Ս1`` is shown ``<U+054D>1``). One code point per
    character, in angle brackets like the other stand-ins, so a clerk sees at once that the
    value is not the code it looks like and which character to retype. A workbook's number
    is shown as its cell shows it (:func:`number_text`: ``45200009876``, not ``…876.0``);
    JSON (a value opening with ``[`` or ``{``) as text, whatever it holds."""
    text = number_text(raw).astype("string")
    return on_uniques(text, lambda t: t.map(lambda v: _shown_one(v, kind, vocabulary),
                                            na_action="ignore"))


def within_sentence(name: str) -> str:
    """A unit's name as written inside a sentence or after "UBND": the administrative level
    in lower case ("Thị xã Quảng Trị" -> "thị xã Quảng Trị"), the proper name untouched."""
    for level in ADMIN_LEVELS:
        if name.startswith(level + " "):
            return level.lower() + name[len(level):]
    return name


__all__ = [
    "blank", "cell_types", "code_points", "display_number_text", "fold", "INVISIBLE", "match_key",
    "missing", "no_value", "NO_VALUE_DASHES", "NO_VALUE_WORDS", "number_text", "on_uniques",
    "shown_values", "SPACE", "to_nfc", "visible", "vocabulary_index", "within_sentence",
]
