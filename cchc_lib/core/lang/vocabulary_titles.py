"""The words column titles are read by (:mod:`cchc_lib.core.titles`): the short forms offices
write, the words a glued title is cut into, the key words that name each canonical column of
the dossier and catalogue tables (and those that must, or must never, be in its title), and the
words of the data contract a title may name without being read. Words are folded (no
diacritics, ``đ`` → ``d``, lower case); ``\\b`` marks a word boundary. A leaf: it imports
nothing from the workbook."""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# cchc_lib.core.titles: a title's words
# --------------------------------------------------------------------------------------

# short forms offices write in titles, as folded words -> the words they stand for
TITLE_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    (r"\bhs\b", "ho so"), (r"\bkq\b", "ket qua"), (r"\bt ?gian\b", "thoi gian"),
    (r"\btg\b", "thoi gian"), (r"\bbs\b", "bo sung"), (r"\bdv\b", "don vi"),
    (r"\bsl\b", "so luong"), (r"\bxl\b", "xu ly"), (r"\bgq\b", "giai quyet"),
    (r"\btn\b", "tiep nhan"), (r"\bng\b", "ngay"), (r"\bbc ?ci\b", "bcci"),
    (r"\bdvc ?tt\b", "dich vu cong truc tuyen"), (r"\bcq\b", "co quan"),
    (r"\bycbs\b", "yeu cau bo sung"), (r"\bttoan\b", "thanh toan"),
)

# Words a glued title without capitals to split at ("NGAYHENTRAKETQUA", "mabiennhan") is
# cut into: the syllables of the rules' own words, and a few more a title is made of.
TITLE_MORE_WORDS: list[str] = """ho so ma so ngay nhan tiep tra ket qua hen han xu ly giai quyet thu
tuc hanh chinh linh vuc nhom ten don vi co quan kenh hinh thuc nop trang thai tinh dang ky
chuyen phat nhanh truc tuyen dien tu so hoa thanh toan bo sung lan xin loi loai id phieu bien
tep dinh kem giay to thoi gian het den hoan thanh thuc hien nhan vien cong dan to chuc ca nhan
ghi chu stt tt da""".split()

# how a title offers alternatives: "Ngày trả/hẹn trả", "Mã hồ sơ hoặc số biên nhận"
TITLE_ALTERNATIVES = r"\s*/\s*|\s+(?:hoặc|hoac|or)\s+"  # read ignoring case
# words that say a title is about a date or a time
DATE_WORDS = r"\b(ngay|thoi gian|thoi diem|gio|date|time|datetime|timestamp|luc)\b|\bat$"
# "nhân" folds as "nhận": a title about a person or the people is no receipt
PEOPLE_WORDS = (r"\b(ca nhan|nhan vien|nhan dan|nhan su|nhan than|nhan khau|nguoi|can bo|"
                r"cong chuc|chuyen vien)\b")

# --------------------------------------------------------------------------------------
# cchc_lib.core.titles: the rules of a table, by canonical column
# --------------------------------------------------------------------------------------

# the dossiers' titles: the words that name each column
DOSSIER_TITLE_RULES: dict[str, tuple[str, ...]] = {
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
}

# the dossiers' titles: words that name a column only weakly (read when nothing names it surely)
DOSSIER_TITLE_WEAK: dict[str, tuple[str, ...]] = {
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
}

# the dossiers' titles: words a title must also hold to name the column
DOSSIER_TITLE_NEEDS: dict[str, str] = {
    **{c: DATE_WORDS for c in ("submitted_at", "received_at", "finished_at")},
    # Mẫu số 05's "Trả kết quả cho cá nhân, tổ chức" holds the day it was handed over
    "returned_at": DATE_WORDS + r"|\btra (ket qua|kq) cho (ca nhan|to chuc|cong dan)\b",
}

# the dossiers' titles: words that say a title is about something else than the column
DOSSIER_TITLE_NEVER: dict[str, str] = {
    "dossier_id": r"\b(so luong|tong|bo sung|qua han|dung han|truoc han|tre han|lan|trang "
                  r"thai|tinh trang)\b|" + DATE_WORDS,
    "unit_code": r"\b(can bo|cong chuc|nguoi|phoi hop|don vi tinh|dia chi|ten can bo|ket qua|"
                 r"kq|chuyen|gui|toi)\b|" + DATE_WORDS,
    "procedure_code": r"\bnhom\b|" + DATE_WORDS,
    "procedure_name": r"\bma\b|" + DATE_WORDS,
    "field_name": r"\bma\b(?! linh vuc)|" + DATE_WORDS,
    "receive_channel": r"\b(tra|nhan) (ket qua|kq)\b|\bthanh toan\b|" + DATE_WORDS,
    "return_channel": DATE_WORDS,
    "submitted_at": r"\b(phi|le phi|thue|nghia vu|bo sung)\b",
    "received_at": r"\b(ket qua|kq|bo sung|hen|tra lai|phi|thue|ky nhan)\b|" + PEOPLE_WORDS,
    # a due date of the history (before, after a supplement) or of one officer's step
    "due_at": r"\b(thoi han|qua han|so ngay|lan hen|hen lai|so lan)\b|"
              r"\bhen tra (moi|cu|truoc|ca nhan)$|\b(moi|cu)$",
    "finished_at": r"\b(du kien|hen|thoi han|so ngay|so lan|quy dinh)\b|" + PEOPLE_WORDS,
    # (a result handed over "cho cá nhân, tổ chức" names its recipient, not a person column)
    "returned_at": r"\b(hen|du kien|tra lai|thoi han|so ngay|so lan|nhan vien|nhan su|nguoi|"
                   r"can bo|cong chuc|chuyen vien)\b",
    "status": r"\b(dong bo|ky so|thu phi|le phi|buu chinh|thanh toan|bo sung)\b",
    "supplement_requests": r"\b(noi dung|ly do|ngay)\b",
    "supplement_days": r"\b(noi dung|ly do)\b",
    "apology_issued": r"\b(ly do|noi dung|so ngay)\b",
}

# the catalogue's titles: the words that name each column
CATALOGUE_TITLE_RULES: dict[str, tuple[str, ...]] = {
    "procedure_code": DOSSIER_TITLE_RULES["procedure_code"],
    "procedure_name": DOSSIER_TITLE_RULES["procedure_name"],
    "field_name": DOSSIER_TITLE_RULES["field_name"],
    "level": (r"\bmuc do\b", r"\bmuc dvc\b", r"\bcap do\b", r"\blevel\b"),
    "postal_enabled": (r"\bbcci\b", r"\bbuu chinh\b", r"\bbuu dien\b", r"\bpostal\b"),
    "processing_days": (r"\bthoi (han|gian) (giai quyet|xu ly)\b",
                        r"\bso ngay (giai quyet|xu ly)\b", r"\bprocessing ?days\b"),
    "has_fee": (r"\b(phi|le phi)\b", r"\bfee\b"),
    "unit_code": DOSSIER_TITLE_RULES["unit_code"],
    "valid_from": (r"\b(hieu luc|ap dung) tu\b", r"\bvalid ?from\b"),
    "valid_to": (r"\b(hieu luc|ap dung) den\b", r"\bvalid ?to\b", r"\bhet hieu luc\b"),
}

# the catalogue's titles: words that say a title is about something else than the column
CATALOGUE_TITLE_NEVER: dict[str, str] = {"procedure_name": r"\bma\b", "field_name": r"\bma\b"}

# --------------------------------------------------------------------------------------
# cchc_lib.core.titles: words of the data contract a title may name without being read
# --------------------------------------------------------------------------------------

# (words with diacritics, the same words folded, the columns they make one think of). A title
# with diacritics is searched for the first form, so "cá nhân" is no "nhận"; a title
# written without them, for the second.
TITLE_CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
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

# the old and new places of a tone mark, made one ("hoá" = "hóa"): (old, new)
TONE_MARK_PLACES: tuple[tuple[str, str], ...] = (
    ("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
)

__all__ = [
    "CATALOGUE_TITLE_NEVER", "CATALOGUE_TITLE_RULES", "DATE_WORDS", "DOSSIER_TITLE_NEEDS",
    "DOSSIER_TITLE_NEVER", "DOSSIER_TITLE_RULES", "DOSSIER_TITLE_WEAK", "PEOPLE_WORDS",
    "TITLE_ALTERNATIVES", "TITLE_CONCEPTS", "TITLE_MORE_WORDS", "TITLE_SHORT_FORMS",
    "TONE_MARK_PLACES",
]
