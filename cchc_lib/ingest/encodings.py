"""Text encodings Vietnamese offices still meet, decided on the whole file.

- UTF-8 (with or without BOM) and UTF-16 (Excel "Unicode text"), by BOM or a strict decode
  of *every* byte (a file whose first accented letter comes late is still UTF-8); UTF-16
  without its BOM by the NUL byte beside each Latin letter and digit;
- Windows-1258 (Vietnamese "ANSI"), and the two font encodings of the 1990s–2000s still found
  in old spreadsheets saved as text: TCVN3 (ABC, fonts ``.VnTime``; TCVN 5712:1993) and VNI
  (fonts ``VNI-Times``), converted to Unicode.

The legacy encodings are all single-byte, so any byte sequence decodes in each; the right one
is the one whose text reads as Vietnamese: the decoding with the most common Vietnamese
syllables wins, and a file where none reads as Vietnamese is refused by the caller.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from cchc_lib.core.lang import ingest as lang

# TCVN 5712:1993 (VN1, a superset of VN3/ABC): bytes 0x80-0xFF; the rest is ASCII.
_TCVN_HIGH = lang.TCVN_HIGH
_TCVN_TABLE = {0x80 + i: ch for i, ch in enumerate(_TCVN_HIGH)}
assert len(_TCVN_HIGH) == 128

# VNI: Windows-1252 letters after a vowel carry its marks; a few stand for whole letters.
_VNI_MARKS = lang.VNI_MARKS  # mark letter -> combining marks (lower and upper case alike)
_VNI_LETTERS = lang.VNI_LETTERS
_VNI_MARK_RE = re.compile(
    "([" + lang.VNI_MARKED_VOWELS + "])([" + "".join(_VNI_MARKS) + "])", re.IGNORECASE)
_VNI_LETTER_RE = re.compile("[" + "".join(_VNI_LETTERS) + "".join(_VNI_LETTERS).upper() + "]")


def decode_tcvn3(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN_TABLE))


def _vni_letter(m: re.Match) -> str:
    ch = m.group(0)
    out = _VNI_LETTERS[ch.lower()]
    return out.upper() if ch.isupper() else out


def _vni_mark(m: re.Match) -> str:
    return m.group(1) + _VNI_MARKS[m.group(2).lower()]


def decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    text = _VNI_LETTER_RE.sub(_vni_letter, text)  # ơ, ư, đ and the i/y letters first
    text = _VNI_MARK_RE.sub(_vni_mark, text)
    return unicodedata.normalize("NFC", text)


def decode_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


LEGACY = {"cp1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}

# Syllables that any dossier list, catalogue or plan has many of.
_COMMON = lang.COMMON_SYLLABLES


def vietnamese_score(text: str) -> int:
    """How many words of the text are common Vietnamese syllables with their diacritics."""
    words = re.findall(r"\w+", text.lower())
    return sum(w in _COMMON for w in words if not w.isascii())


SCORE_BYTES = 8 * 2**20  # the legacy encodings are told apart on the first 8 MB


def is_utf8(data: bytes) -> bool:
    """Whether every byte of ``data`` is valid UTF-8: Arrow's validation of the bytes as one
    string, in place (no copy, no Python text)."""
    import pyarrow as pa

    offsets = pa.array([0, len(data)], type=pa.int64()).buffers()[1]
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


UTF16_SAMPLE_BYTES = 64 * 1024  # UTF-16 without BOM is told on the first 64 KB


def utf16_order(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without its BOM (Excel's "Unicode text"
    after another program dropped the BOM): an export is mostly digits, Latin letters and
    punctuation, each a code unit with one NUL byte, in the same half of every unit; at least
    half the units are so and almost none (1 in 20) the other way round. None otherwise: a
    UTF-8 file padded with NULs has them in pairs (padding, not counted), or alone."""
    sample = data[:UTF16_SAMPLE_BYTES]
    if b"\x00" not in sample:
        return None
    import numpy as np

    units = np.frombuffer(sample, dtype=np.uint8, count=len(sample) // 2 * 2).reshape(-1, 2)
    zero = units == 0
    text = int((~(zero[:, 0] & zero[:, 1])).sum())
    low = int((zero[:, 1] & ~zero[:, 0]).sum())  # "A\0": little-endian
    high = int((zero[:, 0] & ~zero[:, 1]).sum())  # "\0A": big-endian
    for order, ours, other in (("utf-16-le", low, high), ("utf-16-be", high, low)):
        if text and ours * 2 >= text and other * 20 <= text:
            return order
    return None


def detect(data: bytes) -> str:
    """The encoding of a whole file: utf-8-sig or utf-16 by their BOM, UTF-16 without BOM by
    its NULs (:func:`utf16_order`), utf-8 when every byte is valid UTF-8, else the legacy
    encoding whose text reads most like Vietnamese (Windows-1258 on a tie)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    order = utf16_order(data)
    if order is not None:
        return order
    if is_utf8(data):
        return "utf-8"
    sample = data[:SCORE_BYTES]
    scores = {name: vietnamese_score(f(sample)) for name, f in LEGACY.items()}
    return max(scores, key=lambda e: (scores[e], e == "cp1258"))


def to_utf8(data: bytes, encoding: str) -> bytes:
    """The file's bytes as UTF-8 without BOM (no copy when they already are)."""
    if encoding == "utf-8":
        return data
    if encoding == "utf-8-sig":
        return data[3:]
    if encoding in ("utf-16", "utf-16-le", "utf-16-be"):  # (by its BOM, or without one)
        return data.decode(encoding, errors="replace").encode("utf-8")
    return LEGACY[encoding](data).encode("utf-8")


def decode(data: bytes) -> tuple[str, str]:
    """(encoding, text) of a whole file (see :func:`detect`)."""
    encoding = detect(data)
    return encoding, to_utf8(data, encoding).decode("utf-8", errors="replace")


# A workbook's cell typed in a legacy font (.VnTime: TCVN3, VNI-Times: VNI) holds the font's
# bytes as the characters Windows-1252 shows for them (Latin-1's where Windows-1252 has none):
# those characters, back to their bytes, then decoded.
FONT_ENCODINGS = {"tcvn3": decode_tcvn3, "vni": decode_vni}
_CP1252_TO_LATIN1 = {ord(bytes([b]).decode("cp1252")): b for b in range(0x80, 0xA0)
                     if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode_font_text(text: str, encoding: str) -> str:
    """A cell's text typed in the legacy font of ``encoding`` ('tcvn3', 'vni'), as Unicode;
    a text holding a character no byte of Windows-1252 or Latin-1 gives is Unicode already,
    and kept as it is (so is ASCII, the same in every one of them)."""
    if text.isascii():
        return text
    try:
        data = text.translate(_CP1252_TO_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        return text
    return FONT_ENCODINGS[encoding](data)


def legacy_scores(data: bytes) -> dict[str, tuple[int, str]]:
    return {name: (vietnamese_score(text), text)
            for name, text in ((n, f(data)) for n, f in LEGACY.items())}


__all__ = ["detect", "utf16_order", "to_utf8", "decode", "is_utf8", "decode_tcvn3", "decode_vni",
           "decode_cp1258", "decode_font_text", "vietnamese_score"]
