import unicodedata

import pandas as pd
import pyarrow as pa
import pytest

from cchc_lib.core.text import code_points, fold, match_key, shown_values, to_nfc, visible


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


# ---- invisible characters and other spaces (offices' files, see each case) ----------------

@pytest.mark.parametrize(("cells", "expected"), [
    # a zero-width space after an id copied from a web page (HTML &#8203;): the same id
    (["H001\u200b", "H001", "\u200bH001"], ["H001", "H001", "H001"]),
    # a byte-order mark left in a cell when two UTF-8 exports were pasted together
    (["\ufeffU1"], ["U1"]),
    # a soft hyphen (Word's optional hyphen, HTML &shy;) and bidi marks (LRM, RLM, isolates
    # a browser's copy puts around text) inside an id
    (["H\u00ad001", "\u200eH001\u200f", "\u2066H001\u2069", "H\u2060001"],
     ["H001", "H001", "H001", "H001"]),
    # a joiner between a letter and its tone marks (NFD): dropped first, then composed
    (["Phu\u200d\u031bo\u031b\u0300ng 2"], ["Phường 2"]),
    # no-break, narrow no-break and figure spaces (number and time formatting, CLDR 42+)
    # are spaces: collapsed, stripped
    (["Phường\u00a02", "Phường\u202f\u20072", "\u00a0Hộ tịch\u00a0"],
     ["Phường 2", "Phường 2", "Hộ tịch"]),
    # a cell of invisible characters only holds nothing
    (["\u200b", "\ufeff\u200b ", "x"], [None, None, "x"]),
])
def test_invisible_characters_are_dropped_and_spaces_are_spaces(cells, expected):
    out = to_nfc(arrow_text(cells))
    assert [None if pd.isna(v) else v for v in out] == expected
    assert [None if pd.isna(v) else v for v in to_nfc(pd.Series(cells, dtype=object))] \
        == expected


def test_every_named_invisible_character_is_dropped():
    """The characters the task names, one by one, each inside an id and alone."""
    named = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f",
             *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
    out = to_nfc(arrow_text([f"A{ch}1" for ch in named] + named))
    assert out.tolist()[:len(named)] == ["A1"] * len(named)
    assert out.isna().tolist()[len(named):] == [True] * len(named)
    assert all(visible(f"x{ch}y") == "xy" for ch in named)


def test_vietnamese_text_keeps_every_letter():
    """Dropping invisible characters touches no letter or tone mark (NFC or NFD)."""
    text = "Đăng ký khai sinh, chứng thực bản sao; Ưu tiên: Ỷ Ỹ ỵ Ơ ờ ở ỡ ợ"
    assert visible(text) == text
    assert to_nfc(arrow_text([unicodedata.normalize("NFD", text)])).tolist() == [text]


def test_headers_and_code_words_ignore_invisible_characters():
    # a BOM before the first header (a UTF-8 file with its BOM read as text), a soft hyphen
    assert match_key("\ufeffMã hồ sơ") == match_key("Mã hồ\u00adsơ") == "mahoso"
    assert match_key("Mã\u00a0TTHC\u200b") == "matthc"
    # code words: an invisible character splits no word, a no-break space is a space
    assert fold("\u2066Trực tuy\u00adến\u2069") == "truc tuyen"
    assert fold("Trực\u00a0tuyến") == fold("Trực\u202ftuyến") == "truc tuyen"
    assert fold("Đã\u200b xử\u200d lý") == "da xu ly"


# ---- what the quarantine shows: look-alikes and invisible characters as code points ----

@pytest.mark.parametrize(("value", "kind", "shown"), [
    ("U1", "code", "U1"),  # the real code, as it is
    ("\u054d1", "code", "<U+054D>1"),  # Armenian capital Seh, which looks like U
    ("\uff351", "code", "<U+FF35>1"),  # full-width U (Chinese/Japanese input)
    ("\u04231", "code", "<U+0423>1"),  # Cyrillic U (У), a Russian keyboard layout
    ("\u03a51", "code", "<U+03A5>1"),  # Greek capital upsilon (Υ)
    ("\U0001d4041", "code", "<U+1D404>1"),  # mathematical bold capital U (Word's equations)
    ("U1\u200b", "code", "U1<U+200B>"),  # a zero-width space after it
    ("\ufeff2.000950", "code", "<U+FEFF>2.000950"),
    ("x\u0301", "code", "x<U+0301>"),  # a tone mark on no Vietnamese vowel
    ("Phường", "code", "Phường"),  # Vietnamese letters as they are
    ("15/03/2022\u00a0x", "datetime", "<văn bản, 12 ký tự>"),  # not date-like: text
    ("31/02/2022\u00a008:00", "datetime", "31/02/2022<U+00A0>08:00"),
    ("２０２２-02-30", "datetime", "<U+FF12><U+FF10><U+FF12><U+FF12>-02-30"),
    ("1\u200b5", "count", "1<U+200B>5"),
])
def test_shown_values_never_look_like_what_they_imitate(value, kind, shown):
    assert shown_values(pd.Series([value], dtype="string"), kind).tolist() == [shown]


@pytest.mark.parametrize("value", [
    "Nguyễn Văn An",  # a name typed in a code column
    "Nguyễn\u00a0Văn\u00a0An",  # the same with no-break spaces (copied from a web form)
    "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",  # a Cyrillic name
])
def test_personal_text_is_never_shown(value):
    assert shown_values(pd.Series([value], dtype="string"), "code").tolist() == [
        f"<văn bản, {len(value)} ký tự>"]


def test_a_phone_number_split_by_invisible_characters_is_not_shown():
    shown = shown_values(pd.Series(["0912\u200b345\u200b678"], dtype="string"), "code")
    assert shown.tolist() == ["<số, 10 chữ số>"]


def test_every_vietnamese_letter_is_shown_as_it_is():
    vowels = "aăâeêioôơuưy"
    letters = [unicodedata.normalize("NFC", v + tone) for v in vowels + vowels.upper()
               for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")]
    assert len(set(letters)) == 144
    word = "".join(letters) + "đĐ"
    assert code_points(word) == word
    assert code_points("ñ") == "<U+00F1>" and code_points("ç") == "<U+00E7>"  # not ours
