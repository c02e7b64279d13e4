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
    rules: Mapping[object, tuple[str, ...]]
    beats: tuple[tuple[object, object], ...] = ()
    symbols: bool = False  # ticks and dashes stand for yes/no
    unclear: str = r"\b(khong|chua) (ro|xac dinh|biet)\b|\bunknown\b|^n ?a$"  # says it is not known
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
# The families. Words are folded (see fold); \b marks a word boundary.
# --------------------------------------------------------------------------------------

_POSTAL = (r"buu chinh", r"bcci", r"buu dien", r"vn ?post", r"chuyen phat", r"\bpostal\b",
           r"\bpost\b", r"qua duong buu")
_ONLINE = (r"truc tuyen", r"dien tu", r"qua mang", r"\bmang internet\b", r"\binternet\b",
           r"\bonline\b", r"cong (dvc|dich vu cong|thong tin)", r"dich vu cong", r"\bdvc",
           r"\bdvcqg\b", r"\bvneid\b", r"\bemail\b", r"\be ?mail\b", r"thu dien tu",
           r"ung dung", r"tai khoan", r"\bweb", r"\btt ?tuyen\b", r"\bttuyen\b")
_DIRECT = (r"truc tiep", r"mot cua", r"tai tru so", r"tai bo phan", r"tai quay", r"\bquay\b",
           r"offline", r"tai cho", r"tai (ubnd|uy ban)", r"bo phan tiep nhan",
           r"\btn ?(va )?tkq\b", r"\btiep nhan va tra ket qua\b", r"\bttiep\b",
           r"\btt ?tiep\b", r"\bden nhan\b", r"nhan tai", r"nop tai", r"\bdirect\b")
# "TT" is what both trực tiếp and trực tuyến are shortened to: it names both
_TT = r"^tt$"

RECEIVE_CHANNEL = CodeFamily(
    "receive_channel",
    numbers={1: "direct", 2: "online", 3: "postal"},
    rules={"postal": _POSTAL, "online": (*_ONLINE, _TT), "direct": (*_DIRECT, _TT)},
    beats=(("postal", "direct"),),  # "nộp qua bưu điện đến bộ phận một cửa" is postal
)

RETURN_CHANNEL = CodeFamily(
    "return_channel",
    numbers={0: "direct", 1: "postal"},  # DVCQG HinhThuc
    rules={"postal": _POSTAL, "online": (*_ONLINE, _TT), "direct": (*_DIRECT, _TT)},
    beats=(("postal", "direct"),),
)

_NOT_YET = r"(?<!chua )(?<!cho )(?<!khong )"
STATUS = CodeFamily(
    "status",
    numbers={1: "registered", 2: "received", 3: "not_accepted", 4: "processing",
             5: "supplement_requested", 6: "awaiting_payment", 7: "withdrawn", 8: "stopped",
             9: "resolved", 10: "returned"},
    rules={
        "registered": (r"moi dang ky", r"dang ky moi", r"cho tiep nhan", r"chua tiep nhan",
                       r"^moi$", r"^ho so moi$", r"moi nop", r"\bnop moi\b", r"\bregistered\b"),
        "received": (r"tiep nhan", r"da nhan ho so", r"\breceived\b"),
        "not_accepted": (r"khong (duoc )?tiep nhan", r"tu choi", r"khong du dieu kien",
                         r"\brejected\b", r"not accepted"),
        "processing": (r"dang (xu ly|giai quyet|thu ly|tham dinh|thuc hien|trinh)",
                       r"cho (xu ly|phe duyet|duyet|ky|tham dinh|giai quyet)",
                       r"chuyen (xu ly|phong|bo phan|chuyen mon)", r"trinh ky",
                       r"\bprocessing\b", r"\bin progress\b", r"\bdxl\b"),
        "supplement_requested": (r"bo sung", r"hoan thien ho so", r"\bsupplement"),
        "awaiting_payment": (r"nghia vu tai chinh", r"cho (thanh toan|nop (le )?phi|nop thue)",
                             r"\bnvtc\b", r"\bpayment\b"),
        "withdrawn": (r"\brut\b", r"\bwithdrawn\b"),
        "stopped": (r"\bdung (xu ly|giai quyet|thuc hien)\b", r"^(da )?dung$", r"tam dung",
                    r"\bstopped\b"),
        "resolved": (r"\bda (xu ly|giai quyet|co ket qua|duyet)\b", r"xu ly xong",
                     r"giai quyet xong", _NOT_YET + r"hoan thanh", r"co ket qua",
                     r"cho tra (ket qua|kq)", r"\bresolved\b", r"\bdone\b", r"\bxong\b"),
        "returned": (_NOT_YET + r"\bda tra\b", _NOT_YET + r"\btra (ket qua|kq)\b",
                     r"\bda giao (ket qua|kq)\b", r"cong dan da nhan", r"\breturned\b"),
    },
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
    rules={
        "info": (r"\bmuc(?: do)? ?[12]\b", r"\bmd ?[12]\b", r"thong tin",
                 r"(khong|chua) (cung cap )?(dvc )?truc tuyen", r"\bdvc ?cung cap\b"),
        "partial": (r"\bmuc(?: do)? ?3\b", r"\bmd ?3\b", r"mot phan", r"\bpartial\b"),
        "full": (r"\bmuc(?: do)? ?4\b", r"\bmd ?4\b", r"toan trinh", r"\bfull\b"),
    },
)

FLAG = CodeFamily(
    "flag",
    numbers={0: False, 1: True, 2: True},  # DVCQG: DuocThanhToanTrucTuyen 1 or 2 = yes
    rules={
        True: (r"^co\b", r"(?<!khong )(?<!chua )\bco$", r"^da\b", r"(?<!khong )\bdung\b",
               r"\byes\b", r"^y$", r"\btrue\b", r"^x$", r"^v$", r"^ok$", r"^roi$"),
        False: (r"\bkhong\b", r"\bchua\b", r"\bno\b", r"^n$", r"\bfalse\b", r"\bsai\b",
                r"\bmien\b"),
    },
    symbols=True,  # no precedence: "Có/Không" (a template left unfilled) names both
)

DAY_KIND = CodeFamily(
    "day_kind",
    numbers={},
    rules={
        "off": (r"\bnghi\b", r"\ble\b", r"\btet\b", r"\bholiday\b", r"day off"),
        "working": (r"\blam (viec )?bu\b", r"\bdi lam\b", r"\bngay lam viec\b",
                    r"^lam viec\b", r"\bworking\b", r"\bwork day\b"),
    },
    beats=(("working", "off"),),  # "làm bù cho ngày nghỉ lễ"
)

TASK_STATUS = CodeFamily(
    "task_status",
    numbers={},
    rules={
        "not_started": (r"chua (thuc hien|trien khai|bat dau|lam)", r"^chua$"),
        "in_progress": (r"dang (thuc hien|trien khai|lam)", r"^dang$", r"chua hoan thanh",
                        r"\bin progress\b"),
        "done": (_NOT_YET + r"hoan thanh", r"\bda (thuc hien|trien khai|xong)\b",
                 r"^xong$", r"\bdone\b"),
        "blocked": (r"vuong mac", r"kho khan", r"\bcham\b", r"\bblocked\b"),
    },
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
        return f"mang hai nghĩa: {problem.split(':', 1)[1]}"
    if problem == NOT_A_CODE:
        return "số không có trong bảng mã"
    return "không nhận ra nghĩa"


__all__ = ["CodeFamily", "FAMILIES", "family_of", "problem_vi", "AMBIGUOUS", "UNKNOWN",
           "NOT_A_CODE"]
