"""Text codes matched by meaning: channel, return method, status, service level, yes/no,
calendar day kind and task status.

A value is folded (no diacritics, ``đ`` → ``d``, lower case, punctuation at the ends trimmed,
inner punctuation read as a space) and then matched by *meaning rules*: key words of each code
and which code wins when two are named (``Dừng xử lý`` names stopping, not processing). Numbers
keep their DVCQG meaning and nothing else: a number outside the family's code list (``4`` for a
channel, ``-1``, ``2.5``) or numbers joined by punctuation (``1/0``) are bad codes, never
stripped into good ones (what no eye sees is dropped first: a BOM before ``2`` is ``2``). A
value that names two meanings, or none, is a bad code too, with the reason, so the office can
pin that spelling in the data catalog (``value_map:``), which wins over the rules.

The code lists themselves (and their Vietnamese labels) are
:data:`cchc_lib.core.schema.VOCABULARIES`;
this module holds how text is read into them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc_lib.core.lang.core import CODE_AMBIGUOUS_VI, CODE_NOT_IN_LIST_VI, CODE_UNKNOWN_VI
from cchc_lib.core.lang.vocabulary import (
    CHANNEL_RULES,
    DAY_KIND_RULES,
    FLAG_RULES,
    LEVEL_RULES,
    STATUS_RULES,
    TASK_STATUS_RULES,
    UNCLEAR_WORDS,
)
from cchc_lib.core.text import fold, visible

AMBIGUOUS = "ambiguous"
UNKNOWN = "unknown"
NOT_A_CODE = "not_a_code"  # a number outside the family's code list

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# symbols that stand for yes or no in ticked columns
_SYMBOLS = {"✓": "yes", "✔": "yes", "☑": "yes", "☒": "no", "✗": "no", "✘": "no",
            "-": "no", "–": "no", "—": "no"}


@dataclass(frozen=True)
class CodeFamily:
    """How the text of one code family is read.

    ``numbers``: the numeric codes and what they mean (DVCQG), nothing else is a number code.
    ``rules``: for each code, regular expressions searched in the folded text.
    ``beats``: (winner, loser) pairs: when both are named, the winner is meant.
    """

    name: str
    numbers: Mapping[int, object]
    rules: Mapping[Any, tuple[str, ...]]  # code (a str, or a bool for flags) -> words
    beats: tuple[tuple[object, object], ...] = ()
    symbols: bool = False  # ticks and dashes stand for yes/no
    unclear: str = UNCLEAR_WORDS  # says it is not known
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def patterns(self) -> dict[object, re.Pattern]:
        if "rules" not in self._compiled:
            self._compiled["rules"] = {code: re.compile("|".join(f"(?:{p})" for p in pats))
                                       for code, pats in self.rules.items()}
        return self._compiled["rules"]

    def vocabulary(self) -> re.Pattern:
        """Any of the family's key words: tells a label of this family from typed text."""
        if "vocabulary" not in self._compiled:
            self._compiled["vocabulary"] = re.compile(
                "|".join(p.pattern for p in self.patterns().values()))
        return self._compiled["vocabulary"]

    def read(self, value: object) -> tuple[object | None, str | None]:
        """(code, None) when the value has one meaning; (None, problem) otherwise, where
        problem is ``"unknown"``, ``"not_a_code"`` or ``"ambiguous:a/b"``. Invisible
        characters (a BOM before ``2``) are no part of the value, nor is Excel's text mark
        (a leading apostrophe: ``'2``)."""
        raw = visible(str(value)).strip().removeprefix("'").strip()
        if self.symbols and raw in _SYMBOLS:
            raw = _SYMBOLS[raw]
        if _NUMBER.fullmatch(raw):
            number = float(raw.replace(",", "."))
            if number.is_integer() and int(number) in self.numbers and not raw.startswith(
                    ("+", "-")):
                return self.numbers[int(number)], None
            return None, NOT_A_CODE
        words = fold(raw)
        if not words or re.search(self.unclear, words):
            return None, UNKNOWN
        named = [code for code, pattern in self.patterns().items() if pattern.search(words)]
        beaten = {loser for winner, loser in self.beats if winner in named}
        meant = [code for code in named if code not in beaten]
        if len(meant) == 1:
            return meant[0], None
        if not meant:
            return None, UNKNOWN
        return None, f"{AMBIGUOUS}:{'/'.join(str(c) for c in meant)}"


# --------------------------------------------------------------------------------------
# The families. Their key words: cchc_lib.core.lang.vocabulary (folded, see fold).
# --------------------------------------------------------------------------------------

RECEIVE_CHANNEL = CodeFamily(
    "receive_channel",
    numbers={1: "direct", 2: "online", 3: "postal"},
    rules=CHANNEL_RULES,
    beats=(("postal", "direct"),),  # "nộp qua bưu điện đến bộ phận một cửa" is postal
)

RETURN_CHANNEL = CodeFamily(
    "return_channel",
    numbers={0: "direct", 1: "postal"},  # DVCQG HinhThuc
    rules=CHANNEL_RULES,
    beats=(("postal", "direct"),),
)

STATUS = CodeFamily(
    "status",
    numbers={1: "registered", 2: "received", 3: "not_accepted", 4: "processing",
             5: "supplement_requested", 6: "awaiting_payment", 7: "withdrawn", 8: "stopped",
             9: "resolved", 10: "returned"},
    rules=STATUS_RULES,
    beats=(
        # the generic verb "tiếp nhận" yields to any other state named with it
        *((code, "received") for code in ("registered", "not_accepted", "processing",
                                          "supplement_requested", "awaiting_payment",
                                          "withdrawn", "stopped", "resolved", "returned")),
        ("not_accepted", "registered"),
        ("returned", "resolved"),  # "hoàn thành, đã trả kết quả"
        ("supplement_requested", "processing"),  # "đang xử lý - chờ bổ sung"
        ("awaiting_payment", "processing"),
    ),
)

LEVEL = CodeFamily(
    "level",
    numbers={2: "info", 3: "partial", 4: "full"},  # DVCQG MucDo
    rules=LEVEL_RULES,
)

FLAG = CodeFamily(
    "flag",
    numbers={0: False, 1: True, 2: True},  # DVCQG: DuocThanhToanTrucTuyen 1 or 2 = yes
    rules=FLAG_RULES,
    symbols=True,  # no precedence: "Có/Không" (a template left unfilled) names both
)

DAY_KIND = CodeFamily(
    "day_kind",
    numbers={},
    rules=DAY_KIND_RULES,
    beats=(("working", "off"),),  # "làm bù cho ngày nghỉ lễ"
)

TASK_STATUS = CodeFamily(
    "task_status",
    numbers={},
    rules=TASK_STATUS_RULES,
    beats=(("blocked", "in_progress"), ("blocked", "not_started"),
           ("in_progress", "not_started")),  # "chưa hoàn thành" is under way
)

FAMILIES: dict[str, CodeFamily] = {f.name: f for f in (
    RECEIVE_CHANNEL, RETURN_CHANNEL, STATUS, LEVEL, FLAG, DAY_KIND, TASK_STATUS)}


def family_of(col) -> CodeFamily:
    """The code family of a code, flag or fee column (:class:`cchc_lib.core.schema.Column`)."""
    return FAMILIES["flag" if col.kind in ("flag", "fee") else str(col.vocabulary)]


def problem_vi(problem: str) -> str:
    """The reason a value was not read, in Vietnamese."""
    if problem.startswith(AMBIGUOUS):
        return CODE_AMBIGUOUS_VI.format(meanings=problem.split(":", 1)[1])
    if problem == NOT_A_CODE:
        return CODE_NOT_IN_LIST_VI
    return CODE_UNKNOWN_VI


__all__ = ["CodeFamily", "FAMILIES", "family_of", "problem_vi", "AMBIGUOUS", "UNKNOWN",
           "NOT_A_CODE"]
