"""Legacy Vietnamese encodings (cchc_lib/ingest/encodings.py): every letter converted, the right
encoding told from the others, UTF-8 decided on the whole file."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from cchc_lib.ingest.encodings import decode, decode_tcvn3, decode_vni, detect

_spec = importlib.util.spec_from_file_location("corpus_build",
                                               Path(__file__).parents[1] / "corpus" / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
LOWER = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]
UPPER = [c.upper() for c in LOWER]


def test_every_vni_letter_comes_back():
    text = " ".join(LOWER + UPPER)
    assert decode_vni(build.vni(text)) == text


def test_every_tcvn3_letter_comes_back_in_small_letters():
    # ABC fonts keep capitals with marks in a second font: the bytes are the small letters'
    assert decode_tcvn3(build.tcvn3(" ".join(LOWER))) == " ".join(LOWER)
    assert decode_tcvn3(build.tcvn3("ĂÂÊÔƠƯĐ")) == "ĂÂÊÔƠƯĐ"


SENTENCE = "Mã hồ sơ;Trạng thái;Đã trả kết quả;Trực tiếp;Phường 2;Hộ tịch"


@pytest.mark.parametrize(("encoding", "encode"), [
    ("tcvn3", build.tcvn3), ("vni", build.vni), ("cp1258", build.cp1258)])
def test_the_legacy_encoding_is_told_from_the_others(encoding, encode):
    found, text = decode(encode(SENTENCE))
    assert found == encoding
    assert text.lower() == SENTENCE.lower()


def test_utf8_is_decided_on_the_whole_file():
    late = ("x" * 400_000 + "\nĐã trả kết quả\n").encode("utf-8")
    assert detect(late) == "utf-8"
    broken = ("x" * 400_000 + "\n").encode() + build.cp1258("Đã trả")
    assert detect(broken) != "utf-8"
