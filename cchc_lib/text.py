"""Vietnamese text normalisation: one key for matching, NFC for storage."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def match_key(value: object) -> str:
    """The form two spellings share when they mean the same thing.

    Drops diacritics (đ → d), case, spaces and punctuation, so "Mã hồ sơ", "MA HO SO",
    "mã_hồ_sơ" (NFD or NFC) and "MaHoSo" all give ``"mahoso"``.
    """
    text = unicodedata.normalize("NFD", str(value)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub("", text)


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
    done = transform(pd.Series(uniques, dtype="string")).to_numpy(dtype=object)
    out = pd.Series(pd.array(done.take(codes) if len(done) else [None] * len(codes),
                             dtype="string"), index=series.index)
    return out.mask(codes < 0)


def _nfc(text: pd.Series) -> pd.Series:
    text = text.str.normalize("NFC").str.strip().str.replace(r"\s+", " ", regex=True)
    return text.mask(text == "")


def to_nfc(series: pd.Series) -> pd.Series:
    """Strip, collapse inner whitespace and store text in NFC; blanks become <NA>."""
    return on_uniques(series, _nfc)


def display_number_text(series: pd.Series) -> pd.Series:
    """Excel often turns a code such as ``1`` into ``1.0``: give back ``"1"``."""
    return on_uniques(series, lambda t: t.str.strip().str.replace(r"^(-?\d+)\.0+$", r"\1",
                                                                   regex=True))
