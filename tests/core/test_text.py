import unicodedata

from cchc_lib.core.text import match_key


def test_spellings_of_a_header_share_one_key():
    nfd = unicodedata.normalize("NFD", "Mã hồ sơ")
    assert {match_key(s) for s in ("Mã hồ sơ", "MA HO SO", "ma_ho_so", "MaHoSo", nfd,
                                   " Mã  hồ sơ ")} == {"mahoso"}


def test_d_with_stroke_folds_to_d():
    assert match_key("Đơn vị xử lý") == match_key("Don vi xu ly") == "donvixuly"
