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

from cchc_lib.core.text import fold, visible

AMBIGUOUS = "ambiguous"
TITLE_MAX_CHARS = 200  # no title is longer: a longer cell is a value (a note, a pasted text)

# --------------------------------------------------------------------------------------
# A title's words
# --------------------------------------------------------------------------------------

# short forms offices write in titles, as folded words -> the words they stand for
_SHORT_FORMS = (
    (r"\bhs\b", "ho so"), (r"\bkq\b", "ket qua"), (r"\bt ?gian\b", "thoi gian"),
    (r"\btg\b", "thoi gian"), (r"\bbs\b", "bo sung"), (r"\bdv\b", "don vi"),
    (r"\bsl\b", "so luong"), (r"\bxl\b", "xu ly"), (r"\bgq\b", "giai quyet"),
    (r"\btn\b", "tiep nhan"), (r"\bng\b", "ngay"), (r"\bbc ?ci\b", "bcci"),
    (r"\bdvc ?tt\b", "dich vu cong truc tuyen"), (r"\bcq\b", "co quan"),
    (r"\bycbs\b", "yeu cau bo sung"), (r"\bttoan\b", "thanh toan"),
)
_SHORT = [(re.compile(p), words) for p, words in _SHORT_FORMS]


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


# Words a glued title without capitals to split at ("NGAYHENTRAKETQUA", "mabiennhan") is
# cut into: the syllables of the rules' own words, and a few more a title is made of.
_MORE_WORDS = """ho so ma so ngay nhan tiep tra ket qua hen han xu ly giai quyet thu tuc hanh chinh
linh vuc nhom ten don vi co quan kenh hinh thuc nop trang thai tinh dang ky chuyen phat nhanh
truc tuyen dien tu so hoa thanh toan bo sung lan xin loi loai id phieu bien tep dinh kem giay to
thoi gian het den hoan thanh thuc hien nhan vien cong dan to chuc ca nhan ghi chu stt tt
da""".split()
_GLUED_MIN = 6  # a word this long that is no word of the table may be glued words


def _vocabulary() -> frozenset[str]:
    """The words the rules are written in (see :data:`TITLE_RULES`), and :data:`_MORE_WORDS`."""
    words = set(_MORE_WORDS)
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
_ALTERNATIVES = re.compile(r"\s*/\s*|\s+(?:hoặc|hoac|or)\s+", re.IGNORECASE)
# words that say a title is about a date or a time
_DATE = r"\b(ngay|thoi gian|thoi diem|gio|date|time|datetime|timestamp|luc)\b|\bat$"
# "nhân" folds as "nhận": a title about a person or the people is no receipt
_PEOPLE = r"\b(ca nhan|nhan vien|nhan dan|nhan su|nhan than|nhan khau|nguoi|can bo|" \
          r"cong chuc|chuyen vien)\b"

DOSSIER_TITLES = TitleRules(
    "dossiers",
    rules={
        "dossier_id": (r"\bma (so )?ho so\b", r"\bso ho so\b", r"\bma so ho so\b",
                       r"\b(ma|so) (bien nhan|giay bien nhan|phieu tiep nhan|phieu bien nhan|"
                       r"phieu hen)\b", r"\b(dossier|record|application) ?(id|code|no|number)\b",
                       r"\bid ho so\b", r"\bho so id\b", r"\bma tra cuu\b",
                       r"^ma tiep nhan$", r"\brecord ?(id|code|no|num|number)\b"),
        "unit_code": (r"\bma (don vi|co quan|to chuc|phuong xa|xa phuong)\b",
                      r"\b(don vi|co quan) id\b",
                      r"\b(unit|agency|org|organization) ?(code|id)\b"),
        "procedure_code": (r"\bma (so )?(thu tuc|tthc|dich vu cong|dvc|tt hanh chinh)\b",
                           r"\bma thu tuc hanh chinh\b", r"\b(procedure|service) ?(code|id)\b",
                           r"\b(so|ky) hieu (thu tuc|tthc)\b"),
        "procedure_name": (r"\bten (thu tuc|tthc|dich vu cong|dvc|dich vu)\b",
                           r"^(thu tuc|thu tuc hanh chinh|tthc|ten tthc|dich vu cong)$",
                           r"\b(procedure|service) ?name\b", r"^procedure$"),
        "field_name": (r"(?<!ma )\blinh vuc\b", r"\b(field|sector) ?(name)?$",
                       r"\bnhom (thu tuc|tthc)\b"),
        "receive_channel": (r"^kenh$", r"\bkenh (thuc hien|tiep nhan|nop|gui|nhan ho so)\b",
                            r"\bloai tiep nhan\b", r"\bcach nop\b", r"\breceive ?type\b",
                            r"\b(hinh thuc|phuong thuc|cach thuc) (nop|tiep nhan|gui|nhan ho so|"
                            r"thuc hien)\b", r"\bnop (qua|bang|theo)\b",
                            r"\bnguon (ho so|tiep nhan)\b",
                            r"\b(receive|receiving|submission|submit|apply) ?(channel|method)\b",
                            r"^channel$"),
        "return_channel": (r"\b(hinh thuc|phuong thuc|cach thuc|kenh|noi) (tra|nhan|tra ve|gui|"
                           r"giao) (ket qua|kq)\b", r"\b(tra|nhan) (ket qua|kq) (qua|tai|bang|"
                           r"theo)\b", r"\bhinh thuc tra\b",
                           r"\b(return|result|delivery) ?(channel|method)\b",
                           r"\b(form|method|way) of (receiving|returning|return|delivery)\b"),
        "submitted_at": (r"\bnop\b", r"\bgui\b", r"\bsubmit+(s|ed|ted|ting)?\b",
                         r"\bsubmission\b", r"\bappl(ied|ication)\b", r"\bfiling\b",
                         r"\bcreated?\b"),
        "received_at": (r"\btiep nhan\b", r"\bnhan( ho so)?\b", r"\breceiv(e|ed|ing)\b",
                        r"\baccept(ed)?\b"),
        "due_at": (r"\bhen\b", r"(?<!thoi )\bhan (xu ly|giai quyet|tra|hoan thanh|ket thuc|"
                   r"xl|gq)\b", r"\b(het|den) han\b", r"^han$", r"\bdue\b", r"\bdeadline\b",
                   r"\bappoint(ed|ment)\b", r"\bpredict(ed)?\b",
                   r"\bdu kien (tra|hoan thanh|co ket qua)\b"),
        "finished_at": (r"\bket thuc\b", r"\bhoan thanh\b", r"\b(xu ly|giai quyet) xong\b",
                        r"^ngay xong$",
                        r"\bco ket qua\b", r"\b(ky|phe) duyet\b", r"\bduyet\b",
                        r"\bnhan (ket qua|kq) tu\b", r"\b(finish|finished|complete|completed|"
                        r"resolved|end|processed|release|released)\b"),
        "returned_at": (r"\b(tra|giao) (ket qua|kq)\b", r"\bngay tra\b", r"\bthoi (gian|diem) "
                        r"tra\b", r"\bnhan (ket qua|kq)\b", r"\b(tra|giao) (cho )?(cong dan|"
                        r"to chuc|ca nhan|nguoi dan)\b", r"\b(return|returned|delivered|"
                        r"delivery)\b"),
        "status": (r"\btrang thai\b", r"\btinh trang\b", r"\bstatus\b", r"\bstate\b"),
        "supplement_requests": (r"\b(so lan|lan) (yeu cau |tiep nhan |nhan )?(bo sung|hoan "
                                r"thien)\b", r"\bbo sung (so lan|lan|count)\b",
                                r"\bso lan (tra lai|yeu cau)\b",
                                r"\bsupplement ?(count|requests?|times)\b"),
        "supplement_days": (r"\b(so ngay|thoi gian) (cho |tam dung (de )?|doi )?(bo sung|"
                            r"hoan thien)\b", r"\bso ngay (tam dung|dung|cho)\b",
                            r"\bsupplement ?days\b"),
        "paid_online": (r"\bthanh toan (truc tuyen|dien tu|online|qua mang|qua cong)\b",
                        r"\b(paid|payment) ?online\b", r"\bonline ?payment\b"),
        "digitized": (r"\bso hoa\b", r"\bthanh phan so hoa?\b", r"\bdigiti[sz]"),
        "e_result": (r"\bket qua (dien tu|so hoa|ban dien tu)\b", r"\bban dien tu (cua )?ket "
                     r"qua\b", r"\btra (ket qua|kq) (truc tuyen|dien tu|online)\b",
                     r"\be ?result\b", r"\belectronic ?result\b"),
        "apology_issued": (r"\bxin loi\b", r"\bapolog", r"\bsorry\b"),
    },
    weak={
        # the DVCQG sync's list of supplement requests, counted: read when no count is there
        "supplement_requests": (r"\bdanh sach (ho so )?bo sung\b",),
        # the code of the dossier's type: the procedure's in some systems
        "procedure_code": (r"\bma loai ho so\b",),
        # the unit by its name or role, not its code: read when nothing names the code
        "unit_code": (r"\b(don vi|co quan|noi|bo phan) (xu ly|tiep nhan|giai quyet|thuc hien|"
                      r"chu tri|nhan ho so)\b", r"^(don vi|co quan)$",
                      r"\bco quan (chu tri )?giai quyet\b", r"\bten (don vi|co quan)\b",
                      r"\bagenc(y|ies)\b", r"^unit$"),
        # the field's code: its name comes from the procedure catalogue anyway
        "field_name": (r"\bma linh vuc\b",),
    },
    needs={**{c: _DATE for c in ("submitted_at", "received_at", "finished_at")},
           # Mẫu số 05's "Trả kết quả cho cá nhân, tổ chức" holds the day it was handed over
           "returned_at": _DATE + r"|\btra (ket qua|kq) cho (ca nhan|to chuc|cong dan)\b"},
    never={
        "dossier_id": r"\b(so luong|tong|bo sung|qua han|dung han|truoc han|tre han|lan|trang "
                      r"thai|tinh trang)\b|" + _DATE,
        "unit_code": r"\b(can bo|cong chuc|nguoi|phoi hop|don vi tinh|dia chi|ten can bo|ket qua|"
                     r"kq|chuyen|gui|toi)\b|" + _DATE,
        "procedure_code": r"\bnhom\b|" + _DATE,
        "procedure_name": r"\bma\b|" + _DATE,
        "field_name": r"\bma\b(?! linh vuc)|" + _DATE,
        "receive_channel": r"\b(tra|nhan) (ket qua|kq)\b|\bthanh toan\b|" + _DATE,
        "return_channel": _DATE,
        "submitted_at": r"\b(phi|le phi|thue|nghia vu|bo sung)\b",
        "received_at": r"\b(ket qua|kq|bo sung|hen|tra lai|phi|thue|ky nhan)\b|" + _PEOPLE,
        # a due date of the history (before, after a supplement) or of one officer's step
        "due_at": r"\b(thoi han|qua han|so ngay|lan hen|hen lai|so lan)\b|"
                  r"\bhen tra (moi|cu|truoc|ca nhan)$|\b(moi|cu)$",
        "finished_at": r"\b(du kien|hen|thoi han|so ngay|so lan|quy dinh)\b|" + _PEOPLE,
        # (a result handed over "cho cá nhân, tổ chức" names its recipient, not a person column)
        "returned_at": r"\b(hen|du kien|tra lai|thoi han|so ngay|so lan|nhan vien|nhan su|nguoi|"
                       r"can bo|cong chuc|chuyen vien)\b",
        "status": r"\b(dong bo|ky so|thu phi|le phi|buu chinh|thanh toan|bo sung)\b",
        "supplement_requests": r"\b(noi dung|ly do|ngay)\b",
        "supplement_days": r"\b(noi dung|ly do)\b",
        "apology_issued": r"\b(ly do|noi dung|so ngay)\b",
    },
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
    rules={
        "procedure_code": DOSSIER_TITLES.rules["procedure_code"],
        "procedure_name": DOSSIER_TITLES.rules["procedure_name"],
        "field_name": DOSSIER_TITLES.rules["field_name"],
        "level": (r"\bmuc do\b", r"\bmuc dvc\b", r"\bcap do\b", r"\blevel\b"),
        "postal_enabled": (r"\bbcci\b", r"\bbuu chinh\b", r"\bbuu dien\b", r"\bpostal\b"),
        "processing_days": (r"\bthoi (han|gian) (giai quyet|xu ly)\b",
                            r"\bso ngay (giai quyet|xu ly)\b", r"\bprocessing ?days\b"),
        "has_fee": (r"\b(phi|le phi)\b", r"\bfee\b"),
        "unit_code": DOSSIER_TITLES.rules["unit_code"],
        "valid_from": (r"\b(hieu luc|ap dung) tu\b", r"\bvalid ?from\b"),
        "valid_to": (r"\b(hieu luc|ap dung) den\b", r"\bvalid ?to\b", r"\bhet hieu luc\b"),
    },
    never={"procedure_name": r"\bma\b", "field_name": r"\bma\b"},
    beats=(("procedure_code", "procedure_name"), ("field_name", "procedure_name"),
           ("postal_enabled", "level")),
)

TITLE_RULES: dict[str, TitleRules] = {r.table: r for r in (DOSSIER_TITLES, CATALOGUE_TITLES)}
_VOCABULARY = _vocabulary()


# --------------------------------------------------------------------------------------
# Words of the data contract a title may name without being read: said aloud
# --------------------------------------------------------------------------------------

# (words with diacritics, the same words folded, the columns they make one think of). A title
# with diacritics is searched for the first form, so "cá nhân" is no "nhận"; a title
# written without them, for the second.
CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("hẹn", "hen", ("due_at",)),
    ("hạn", "han", ("due_at",)),
    ("bổ sung", "bo sung", ("supplement_requests", "supplement_days")),
    ("xin lỗi", "xin loi", ("apology_issued",)),
    ("trả", "tra", ("returned_at", "return_channel")),
    ("nhận", "nhan", ("received_at",)),
    ("trạng thái", "trang thai", ("status",)),
    ("tình trạng", "tinh trang", ("status",)),
    ("kênh", "kenh", ("receive_channel",)),
    ("hình thức", "hinh thuc", ("receive_channel", "return_channel")),
    ("thanh toán", "thanh toan", ("paid_online",)),
    ("số hóa", "so hoa", ("digitized",)),
    ("kết quả điện tử", "ket qua dien tu", ("e_result",)),
)
_ACCENTED = re.compile(r"[^\x00-\x7f]")


def _marked(text: str) -> str:
    """Lower case, NFC, the old and new places of a tone mark made one ("hoá" = "hóa")."""
    text = unicodedata.normalize("NFC", text.lower())
    for old, new in (("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
                     ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")):
        text = text.replace(old, new)
    return " " + re.sub(r"[\W_]+", " ", text) + " "


def about_people(title: str) -> bool:
    """Whether a title is about a person ("Cán bộ tiếp nhận", "Người trả kết quả"): such a
    column names the contract's words without being one of its columns."""
    return bool(re.search(_PEOPLE, title_words(str(title))))


def concepts(title: str) -> list[tuple[str, tuple[str, ...]]]:
    """The contract's words a title names, each with the columns it makes one think of:
    ``"Ngày hẹn (dự kiến)"`` → ``[("hẹn", ("due_at",))]``."""
    text = str(title)
    if _ACCENTED.search(unicodedata.normalize("NFC", text).replace("đ", "").replace("Đ", "")):
        marked = _marked(text)
        return [(word, cols) for word, _, cols in CONCEPTS
                if f" {_marked(word).strip()} " in marked]
    words = f" {title_words(text)} "
    return [(word, cols) for word, plain, cols in CONCEPTS if f" {plain} " in words]


__all__ = ["TitleRules", "TitleReading", "TITLE_RULES", "DOSSIER_TITLES", "CATALOGUE_TITLES",
           "title_words", "concepts", "about_people", "AMBIGUOUS"]
