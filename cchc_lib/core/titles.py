"""Column titles read by meaning: which canonical column an export's title names.

Like codes (:mod:`cchc_lib.core.codes`), a title is read by *meaning rules*, not looked up in a
closed list. A title is first split where its words are glued (``NgayHenTraKQ`` → "Ngay Hen Tra
KQ"), folded (no diacritics, ``đ`` → ``d``, lower case, punctuation read as a space) and its
usual short forms written out (``HS`` → "ho so", ``KQ`` → "ket qua", ``T.gian`` → "thoi gian").
Then, for each canonical column of the table, key words are searched in it:

- ``rules``: the words that name the column ("hen tra" names the due date);
- ``needs``: words the title must also hold (a date column is named by a date word: "ngày",
  "thời gian", "date" …, so "Đơn vị tiếp nhận" is no receipt date);
- ``never``: words that say the title is about something else ("cán bộ tiếp nhận" is an officer,
  "số lượng hồ sơ" a count, "thời hạn giải quyết" a duration);
- ``beats``: which column is meant when a title names two ("ngày hẹn trả" names the due date
  and the word "trả", and is the due date).

A title that still names two columns is *ambiguous* (the office says which in the data catalog,
``columns:``); one that names none is not read, and said. The exact header aliases of
:data:`cchc_lib.core.schema.TABLES` (the DVCQG sync names, the sample's own titles) are read
first and always win; a table without rules here is read by its aliases alone.

Where the words come from: the data contract (``data_contract.md`` §1–2), the forms of Thông tư
01/2018/TT-VPCP (Mẫu số 05 "Sổ theo dõi hồ sơ", the phiếu kiểm soát and phiếu xin lỗi), the
DVCQG sync field names, and the exports of provincial one-stop systems; the titles they were
tested against are listed with their sources in ``tests/ingest/data/real_titles.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from cchc_lib.core.lang.core import CAPITAL_D_WITH_STROKE, D_WITH_STROKE
from cchc_lib.core.lang.vocabulary_titles import (
    CATALOGUE_TITLE_NEVER,
    CATALOGUE_TITLE_RULES,
    DOSSIER_TITLE_NEEDS,
    DOSSIER_TITLE_NEVER,
    DOSSIER_TITLE_RULES,
    DOSSIER_TITLE_WEAK,
    PEOPLE_WORDS,
    TITLE_ALTERNATIVES,
    TITLE_CONCEPTS,
    TITLE_MORE_WORDS,
    TITLE_SHORT_FORMS,
    TONE_MARK_PLACES,
)
from cchc_lib.core.text import fold, visible

AMBIGUOUS = "ambiguous"
TITLE_MAX_CHARS = 200  # no title is longer: a longer cell is a value (a note, a pasted text)

# --------------------------------------------------------------------------------------
# A title's words
# --------------------------------------------------------------------------------------

_SHORT = [(re.compile(p), words) for p, words in TITLE_SHORT_FORMS]


def _unglue(text: str) -> str:
    """A space where glued words meet: before a capital that follows a small letter or a
    digit, and before the last capital of a run followed by a small letter ("MaTTHCTen" ->
    "Ma TTHC Ten")."""
    out = []
    for i, ch in enumerate(text):
        if i and ch.isupper():
            before, after = text[i - 1], text[i + 1] if i + 1 < len(text) else ""
            if before.islower() or before.isdigit() or (before.isupper() and after.islower()):
                out.append(" ")
        out.append(ch)
    return "".join(out)


_GLUED_MIN = 6  # a word this long that is no word of the table may be glued words


def _vocabulary() -> frozenset[str]:
    """The words the rules are written in (see :data:`TITLE_RULES`), and
    :data:`~cchc_lib.core.lang.vocabulary_titles.TITLE_MORE_WORDS`."""
    words = set(TITLE_MORE_WORDS)
    for rules in TITLE_RULES.values():
        for table in (rules.rules, rules.weak):
            for patterns in table.values():
                for pattern in patterns:
                    words.update(re.findall(r"[a-z]{2,}", pattern))
    return frozenset(words)


@lru_cache(maxsize=4096)
def _cut(word: str) -> str:
    """A glued word cut into the fewest words of :func:`_vocabulary` that make it up exactly
    ("ngaynhanhoso" → "ngay nhan ho so"); the word itself when no cut makes it up."""
    vocabulary = _VOCABULARY
    if len(word) < _GLUED_MIN or word in vocabulary:
        return word
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 8), end):
            head, piece = best[start], word[start:end]
            if head is not None and piece in vocabulary and (
                    best[end] is None or len(head) + 1 < len(best[end] or ())):
                best[end] = [*head, piece]
    return " ".join(best[-1]) if best[-1] else word


@lru_cache(maxsize=4096)
def title_words(title: str) -> str:
    """The words of a title, for the rules: glued words split (at capitals, or by the words
    they are made of), folded, short forms written out. ``"NgayHenTraKQ"`` → ``"ngay hen tra
    ket qua"``; ``"NGAYNHANHOSO"`` → ``"ngay nhan ho so"``; ``"T.gian tiếp nhận HS"`` →
    ``"thoi gian tiep nhan ho so"``."""
    # invisible characters go first: a word joiner where glued words meet hides the capital
    text = visible(unicodedata.normalize("NFC", str(title)))
    words = " ".join(_cut(w) for w in fold(_unglue(text)).split())
    for pattern, full in _SHORT:
        words = pattern.sub(full, words)
    return words


# --------------------------------------------------------------------------------------
# The rules of a table
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleReading:
    """What a title names: ``column`` (a canonical name) or None; ``problem`` is
    ``"ambiguous:a/b"`` when it names two columns; ``weak`` when it names its column only by
    words another title may name more surely ("Đơn vị xử lý" beside "Mã đơn vị")."""

    column: str | None
    problem: str | None = None
    weak: bool = False


@dataclass(frozen=True)
class TitleRules:
    """How the titles of one table's exports are read (see the module's docstring)."""

    table: str
    rules: Mapping[str, tuple[str, ...]]
    weak: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    needs: Mapping[str, str] = field(default_factory=dict)
    never: Mapping[str, str] = field(default_factory=dict)
    beats: tuple[tuple[str, str], ...] = ()
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def _patterns(self) -> dict:
        if not self._compiled:
            def join(pats: tuple[str, ...]) -> re.Pattern:
                return re.compile("|".join(f"(?:{p})" for p in pats))
            self._compiled.update(
                rules={c: join(p) for c, p in self.rules.items()},
                weak={c: join(p) for c, p in self.weak.items()},
                needs={c: re.compile(p) for c, p in self.needs.items()},
                never={c: re.compile(p) for c, p in self.never.items()})
        return self._compiled

    def named(self, words: str) -> tuple[list[str], list[str]]:
        """(columns the words name surely, columns they name only weakly)."""
        p = self._patterns()

        def allowed(column: str) -> bool:
            need, never = p["needs"].get(column), p["never"].get(column)
            return ((need is None or bool(need.search(words)))
                    and (never is None or not never.search(words)))
        strong = [c for c, pat in p["rules"].items() if pat.search(words) and allowed(c)]
        weak = [c for c, pat in p["weak"].items()
                if c not in strong and pat.search(words) and allowed(c)]
        return strong, weak

    def read(self, title: str) -> TitleReading:
        """What the title names. A title written as alternatives ("Ngày trả/hẹn trả", "… hoặc
        …") whose parts name different columns is ambiguous, whatever the whole would say;
        when one part alone names a column, the title names it; when none does, the title
        is read whole ("Ngày tháng / Nhận hồ sơ", a group title over its column)."""
        if len(str(title)) > TITLE_MAX_CHARS:  # a value, not a title: never searched
            return TitleReading(None)
        parts = [p for p in _ALTERNATIVES.split(str(title)) if p.strip()]
        if len(parts) > 1:
            read = [r for r in map(self._read_words, map(title_words, parts)) if r.column]
            alone = {str(r.column) for r in read}
            if len(alone) > 1:
                return TitleReading(None, f"{AMBIGUOUS}:{'/'.join(sorted(alone))}")
            if alone:  # one part names a column, the others nothing ("Ngày/giờ tiếp nhận")
                return read[0]
        return self._read_words(title_words(title))

    def _read_words(self, words: str) -> TitleReading:
        if not words:
            return TitleReading(None)
        strong, weak = self.named(words)
        for named, is_weak in ((strong, False), (weak, True)):
            beaten = {loser for winner, loser in self.beats if winner in named}
            meant = [c for c in named if c not in beaten]
            if len(meant) == 1:
                return TitleReading(meant[0], weak=is_weak)
            if meant:
                return TitleReading(None, f"{AMBIGUOUS}:{'/'.join(sorted(meant))}")
        return TitleReading(None)


# how a title offers alternatives: "Ngày trả/hẹn trả", "Mã hồ sơ hoặc số biên nhận"
_ALTERNATIVES = re.compile(TITLE_ALTERNATIVES, re.IGNORECASE)

DOSSIER_TITLES = TitleRules(
    "dossiers",
    rules=DOSSIER_TITLE_RULES,
    weak=DOSSIER_TITLE_WEAK,
    needs=DOSSIER_TITLE_NEEDS,
    never=DOSSIER_TITLE_NEVER,
    beats=(
        ("due_at", "returned_at"), ("due_at", "finished_at"), ("due_at", "received_at"),
        ("finished_at", "returned_at"),  # "nhận kết quả từ cơ quan giải quyết"
        ("returned_at", "received_at"), ("finished_at", "received_at"),
        ("procedure_code", "procedure_name"), ("field_name", "procedure_name"),
        ("return_channel", "receive_channel"),
        ("paid_online", "status"), ("digitized", "status"), ("e_result", "status"),
        ("e_result", "digitized"), ("e_result", "finished_at"), ("e_result", "returned_at"),
        ("apology_issued", "status"), ("apology_issued", "returned_at"),
        ("apology_issued", "due_at"),
        ("supplement_requests", "status"), ("supplement_days", "status"),
        ("supplement_days", "supplement_requests"),
        ("submitted_at", "received_at"),  # "ngày nộp, tiếp nhận" is the citizen's
        ("dossier_id", "received_at"),
    ),
)

CATALOGUE_TITLES = TitleRules(
    "catalogue",
    rules=CATALOGUE_TITLE_RULES,
    never=CATALOGUE_TITLE_NEVER,
    beats=(("procedure_code", "procedure_name"), ("field_name", "procedure_name"),
           ("postal_enabled", "level")),
)

TITLE_RULES: dict[str, TitleRules] = {r.table: r for r in (DOSSIER_TITLES, CATALOGUE_TITLES)}
_VOCABULARY = _vocabulary()


# --------------------------------------------------------------------------------------
# Words of the data contract a title may name without being read: said aloud
# --------------------------------------------------------------------------------------

# (words with diacritics, the same words folded, the columns they make one think of): see
# cchc_lib.core.lang.vocabulary_titles
CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = TITLE_CONCEPTS
_ACCENTED = re.compile(r"[^\x00-\x7f]")


def _marked(text: str) -> str:
    """Lower case, NFC, the old and new places of a tone mark made one ("hoá" = "hóa")."""
    text = unicodedata.normalize("NFC", text.lower())
    for old, new in TONE_MARK_PLACES:
        text = text.replace(old, new)
    return " " + re.sub(r"[\W_]+", " ", text) + " "


def about_people(title: str) -> bool:
    """Whether a title is about a person ("Cán bộ tiếp nhận", "Người trả kết quả"): such a
    column names the contract's words without being one of its columns."""
    return bool(re.search(PEOPLE_WORDS, title_words(str(title))))


def concepts(title: str) -> list[tuple[str, tuple[str, ...]]]:
    """The contract's words a title names, each with the columns it makes one think of:
    ``"Ngày hẹn (dự kiến)"`` → ``[("hẹn", ("due_at",))]``."""
    text = str(title)
    if _ACCENTED.search(unicodedata.normalize("NFC", text).replace(D_WITH_STROKE, "").replace(
            CAPITAL_D_WITH_STROKE, "")):
        marked = _marked(text)
        return [(word, cols) for word, _, cols in CONCEPTS
                if f" {_marked(word).strip()} " in marked]
    words = f" {title_words(text)} "
    return [(word, cols) for word, plain, cols in CONCEPTS if f" {plain} " in words]


__all__ = ["TitleRules", "TitleReading", "TITLE_RULES", "DOSSIER_TITLES", "CATALOGUE_TITLES",
           "title_words", "concepts", "about_people", "AMBIGUOUS"]
