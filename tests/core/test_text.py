import unicodedata

import pandas as pd
import pyarrow as pa
import pytest

from cchc_lib.core.text import match_key, to_nfc


def test_spellings_of_a_header_share_one_key():
    nfd = unicodedata.normalize("NFD", "Mã hồ sơ")
    assert {match_key(s) for s in ("Mã hồ sơ", "MA HO SO", "ma_ho_so", "MaHoSo", nfd,
                                   " Mã  hồ sơ ")} == {"mahoso"}


def test_d_with_stroke_folds_to_d():
    assert match_key("Đơn vị xử lý") == match_key("Don vi xu ly") == "donvixuly"


# Text is stored stripped, inner spaces collapsed, in NFC, a blank cell missing. A column of
# plain ASCII codes takes a shorter way; both ways give the same text. Expected by hand.
def arrow_text(values: list) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(pa.array(values, pa.large_string())))


@pytest.mark.parametrize(("cells", "expected"), [
    # plain ASCII codes, no space: the short way
    (["MAU.P1-0001", "", None, "X2"], ["MAU.P1-0001", None, None, "X2"]),
    # ASCII with spaces to strip and collapse
    ([" A  B ", "\tC", "   "], ["A B", "C", None]),
    # Vietnamese written decomposed (NFD) becomes composed (NFC)
    (["Phu\u031bo\u031b\u0300ng 2", "Phường 2"], ["Phường 2", "Phường 2"]),
    # a no-break space inside ASCII letters is a space
    (["A\u00a0B"], ["A B"]),
])
def test_text_is_stored_clean(cells, expected):
    out = to_nfc(arrow_text(cells))
    assert [None if pd.isna(v) else v for v in out] == expected
    assert out.dtype == "string"
    assert [None if pd.isna(v) else v for v in to_nfc(pd.Series(cells, dtype=object))] \
        == expected
