"""Column titles read by meaning (cchc_lib/core/titles.py, cchc_lib/ingest/mapping.py).

The table test reads every real title of tests/ingest/data/real_titles.yml (each with where it
was seen) as a header of its own, through the same path as an export's header: a title
written "upper / lower" is the two rows of a merged header. The hand cases below hold the
precedence, the problems that stop ingest and the words that warn.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_lib.core import schema
from cchc_lib.core.titles import DOSSIER_TITLES, about_people, concepts, title_words
from cchc_lib.ingest.mapping import COPY, NO_MEANING, PINNED_OFF, WEAKER, map_columns
from cchc_lib.ingest.readers.headers import TitleIndex, find_header, two_row_titles

REAL = yaml.safe_load((Path(__file__).parent / "data" / "real_titles.yml").read_text(
    encoding="utf-8"))

# Real titles the rules do not read as the column they were listed under, on purpose; each
# is settled by one `columns:` line in the data catalog.
NOT_READ_AS_LISTED = {
    # a bare word names nothing on its own
    "code": (None, "VNPT iGate's dossier number, but any code column could be titled so"),
    "online": (None, "a yes/no flag of the online channel, not the channel's code"),
    # what a system keys a row by, not the national code the catalogue holds: a required
    # column missing is said, with the line to add, rather than every dossier unknown
    "thuTucId": (None, "an internal id of the procedure, not its national code"),
    "thuTucHanhChinhId": (None, "as above"),
    "THUTUCHANHCHINHID": (None, "as above"),
    "FK_RECORDTYPE": (None, "as above (a foreign key)"),
    # the type of dossier: the channel in one system, the procedure in another
    "loaiHoSo": (None, "online/offline in CMON's list, the procedure in its public lookup"),
    "LOAIHOSO": (None, "as above"),
    "tenLoaiHoSo": (None, "as above"),
    # yes/no flags of one channel, not the channel's code
    "fromViaPostal": (None, "a yes/no of postal receipt, not the channel's code"),
    "viaPostal": (None, "a yes/no of postal return, not the return method's code"),
    "daDangKyChuyenPhatNhanh": (None, "a yes/no of asking for express delivery"),
    "DADANGKYCHUYENPHATNHANH": (None, "as above"),
    "TenFileGiayToKetQuaDinhKem": (None, "the name of the result file attached"),
    # the values are not what the column holds
    "Hình thức thanh toán": (None, "the way the fee was paid (Tiền mặt, Chuyển khoản…), not "
                             "a yes/no of paying online"),
    "Đăng ký nhận qua BCCI": (None, "a yes/no of the citizen asking for postal return, not "
                              "the way the result was returned"),
    "Đăng ký nhận kết quả hồ sơ qua BCCI": (None, "as above"),
    "DanhSachGiayToKetQua": (None, "the result documents themselves; the electronic result "
                             "is read from the DVCQG pair MaKetQua + DuongDanTepTinKetQua"),
    "MaGiayToKetQua": (None, "as above"),
    "DinhKemKetQua": (None, "as above"),
    "dinhKemKetQua": (None, "as above"),
    "Đính kèm kết quả": (None, "as above"),
    "Giấy tờ kết quả": (None, "as above"),
    "DuongDanTepTinKetQua": ("_DuongDanTepTinKetQua", "one half of the DVCQG pair that tells "
                             "an electronic result"),
    # words whose meaning the vendor bent
    "finishDate": ("finished_at", "OpenCPS syncs it to DVCQG's NgayTra (the hand-over), but the "
                   "word says finished"),
    "Ký nhận / Ngày, tháng, năm": (None, "the register's signature cell: an export leaves it "
                                   "empty"),
}
# Titles of other meanings that the rules cannot tell from a column of the contract.
NOT_A_COLUMN_READ = {
    "Hạn xử lý": ("due_at", "the days left in one system's list; the due date in most"),
    "Số hồ sơ đã giải quyết / Quá hạn (đã có thư xin lỗi)": (
        "apology_issued", "a count of a per-unit report; such a sheet has no dossier ids and "
        "is never read as dossiers"),
    "MaDonvi": ("unit_code", "BHXH's employer code is spelled as DVCQG's MaDonVi"),
    "DuocSoHoa": ("digitized", "a flag of one attachment inside a nested list; flat, it is "
                  "the dossier's"),
}


def read_as_header(title: str) -> str | None:
    """The column a title names, read as a one-column header (two rows when "a / b")."""
    index = TitleIndex(schema.DOSSIERS)
    if " / " in title:
        upper, lower = title.split(" / ", 1)
        title = two_row_titles([upper], [lower], index)[0]
    cmap = map_columns([title], schema.DOSSIERS)
    return "personal" if cmap.personal else cmap.canonical.get(0)


COLUMN_CASES = [(column, entry["title"]) for column, entries in REAL["columns"].items()
                for entry in entries]


@pytest.mark.parametrize(("column", "title"), COLUMN_CASES)
def test_every_real_title_is_read_as_its_column(column, title):
    expected = NOT_READ_AS_LISTED.get(title, (column, ""))[0]
    assert read_as_header(title) == expected


@pytest.mark.parametrize("title", [e["title"] for e in REAL["personal"]])
def test_every_real_personal_title_is_dropped(title):
    assert read_as_header(title) == "personal"


@pytest.mark.parametrize("entry", REAL["not_a_column"], ids=lambda e: e["title"])
def test_titles_of_other_meanings_are_no_column(entry):
    got = read_as_header(entry["title"])
    assert got in (None, "personal", NOT_A_COLUMN_READ.get(entry["title"], ("-",))[0]), \
        entry["means"]


# Columns for which public material gave fewer than 15 titles (searched: one-stop systems'
# code on GitHub, their i18n files and report templates, provincial portals, Q&A pages):
# exports seldom carry them, and the systems that do name them in few ways. Each number is
# the floor the table must keep.
SHORT_COLUMNS = {"supplement_requests": 5, "supplement_days": 0, "paid_online": 4,
                 "digitized": 8, "e_result": 10, "apology_issued": 2}


def test_the_table_holds_15_real_titles_per_column_where_they_exist():
    counts = {c: len(REAL["columns"].get(c, [])) for c in schema.DOSSIERS.names}
    assert {c: n for c, n in counts.items() if n < 15} == {
        c: counts[c] for c in SHORT_COLUMNS}
    assert all(counts[c] >= floor for c, floor in SHORT_COLUMNS.items())


def test_every_source_is_named_and_used():
    used = {e["source"] for entries in (*REAL["columns"].values(), REAL["personal"],
                                        REAL["not_a_column"]) for e in entries}
    assert used == set(REAL["sources"])


# --------------------------------------------------------------------------------------
# Hand cases
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "words"), [
    ("NgayHenTraKQ", "ngay hen tra ket qua"),
    ("MaTTHCTen", "ma tthc ten"),
    ("T.gian tiếp nhận HS", "thoi gian tiep nhan ho so"),
    ("ma_ho_so", "ma ho so"),
    ("SỐ LẦN BS", "so lan bo sung"),
])
def test_title_words(title, words):
    assert title_words(title) == words


@pytest.mark.parametrize(("title", "column"), [
    # the words that name the column, and the column that wins when two are named
    ("Ngày hẹn trả kết quả", "due_at"),  # "trả" too, but an appointment to return
    ("Ngày trả kết quả", "returned_at"),
    ("Nhận kết quả từ cơ quan giải quyết lúc", "finished_at"),
    ("Hình thức nhận kết quả", "return_channel"),  # "nhận", but no date
    ("Mã đơn vị tiếp nhận", "unit_code"),  # "tiếp nhận", but no date
    ("Số ngày chờ bổ sung", "supplement_days"),
    ("Số lần yêu cầu bổ sung", "supplement_requests"),
    ("Kết quả điện tử", "e_result"),
    ("Ngày/giờ tiếp nhận", "received_at"),  # one part names the column
    ("receivedDate", "received_at"),
    ("completed_at", "finished_at"),
    # what rules a title out
    ("Thời hạn giải quyết", None),  # a duration, not a due date
    ("Cán bộ tiếp nhận", None),  # a person
    ("Số lượng hồ sơ", None),  # a count
    ("Trạng thái thanh toán", None),  # not the dossier's status
    ("Ngày hẹn trả mới", None),  # a due date of the history
    ("Lý do quá hạn", None),
    ("Nội dung yêu cầu bổ sung", None),  # text, not a count
    ("Tên cá nhân, tổ chức", "personal"),
    ("SĐT liên hệ", "personal"),
    ("Ngày xong", "finished_at"),
    ("Số lần YCBS", "supplement_requests"),
    ("Trả kết quả cho cá nhân, tổ chức", "returned_at"),  # Mẫu số 05: the day handed over
    ("Người nhận kết quả", None),  # a person
    ("Cán bộ trả kết quả", None),
])
def test_precedence(title, column):
    assert read_as_header(title) == column


def test_a_title_naming_two_columns_is_a_problem_with_the_line_to_add():
    cmap = map_columns(["Mã hồ sơ", "Ngày trả/hẹn trả"], schema.DOSSIERS)
    assert cmap.problems == [
        'tiêu đề “Ngày trả/hẹn trả” có thể là 2 cột: due_at (Ngày hẹn trả) hoặc returned_at '
        '(Ngày trả kết quả); ghi rõ cột nào trong danh mục dữ liệu (data/catalog.yml), ví dụ: '
        'columns: {"Ngày trả/hẹn trả": due_at}']


def test_two_titles_naming_one_column_are_a_problem_and_a_pin_settles_it():
    header = ["Mã hồ sơ", "Ngày tiếp nhận", "Thời gian tiếp nhận"]
    cmap = map_columns(header, schema.DOSSIERS)
    assert cmap.problems and "“Ngày tiếp nhận”, “Thời gian tiếp nhận”" in cmap.problems[0]
    assert 'columns: {"Thời gian tiếp nhận": null}' in cmap.problems[0]
    # the line the message gives: the other title is not read, and said so
    cmap = map_columns(header, schema.DOSSIERS, pins={"thoigiantiepnhan": None})
    assert not cmap.problems and cmap.canonical == {0: "dossier_id", 1: "received_at"}
    assert cmap.unread[2].why == PINNED_OFF
    # or a pin to the column: it wins, the other title is said as read instead
    cmap = map_columns(header, schema.DOSSIERS, pins={"thoigiantiepnhan": "received_at"})
    assert not cmap.problems and cmap.canonical[2] == "received_at"
    assert cmap.unread[1].why == WEAKER and cmap.how[2] == "pinned"


def test_the_list_of_supplements_is_counted_unless_a_count_is_there():
    assert map_columns(["DanhSachHoSoBoSung"], schema.DOSSIERS).canonical == {
        0: "supplement_requests"}
    cmap = map_columns(["SoLanBoSung", "DanhSachHoSoBoSung"], schema.DOSSIERS)
    assert not cmap.problems and cmap.canonical == {0: "supplement_requests"}
    assert cmap.unread[1].why == WEAKER


def test_a_weak_title_yields_to_a_sure_one_and_is_said():
    cmap = map_columns(["Mã đơn vị", "Đơn vị xử lý", "Mã hồ sơ"], schema.DOSSIERS)
    assert not cmap.problems and cmap.canonical[0] == "unit_code"
    assert cmap.unread[1].why == WEAKER and cmap.unread[1].other == "Mã đơn vị"
    # alone, the weak title is read
    assert map_columns(["Đơn vị xử lý"], schema.DOSSIERS).canonical == {0: "unit_code"}


def test_copies_of_one_title_are_all_kept_for_their_values():
    cmap = map_columns(["Ngày tiếp nhận", "Mã hồ sơ", "Ngày tiếp nhận"], schema.DOSSIERS)
    assert not cmap.problems and cmap.copies == {"received_at": [0, 2]}
    assert cmap.kept == [0, 1, 2] and cmap.unread[2].why == COPY
    cmap.use_copy("received_at", 2)
    assert cmap.canonical == {1: "dossier_id", 2: "received_at"} and cmap.unread[0].why == COPY


def test_contract_words_warn_unless_the_title_is_about_a_person():
    cmap = map_columns(["Mã hồ sơ", "Ngày hẹn lại", "Người tiếp nhận", "Ghi chú"],
                       schema.DOSSIERS)
    assert [u.title for u in cmap.unread.values() if u.warns] == ["Ngày hẹn lại"]
    assert all(u.why == NO_MEANING for u in cmap.unread.values())


@pytest.mark.parametrize(("title", "words"), [
    ("Ngày hẹn lại", ["hẹn"]),
    ("NGAY NHAN HO SO", ["nhận"]),  # no diacritics at all: read folded
    ("Tên cá nhân", []),  # "nhân" is not "nhận"
    ("Mã tra cứu", []),  # "tra" is not "trả"
    ("Tình trạng xử lý", ["tình trạng"]),
    ("Đã số hoá", ["số hóa"]),  # the old place of the tone mark
])
def test_contract_words_by_their_diacritics(title, words):
    assert [w for w, _ in concepts(title)] == words


def test_about_people():
    assert about_people("Cán bộ tiếp nhận") and about_people("Người trả kết quả")
    assert not about_people("Ngày trả kết quả")


def test_a_header_of_other_titles_is_found_by_their_meaning():
    rows = [["UBND PHƯỜNG 2"], ["DANH SÁCH HỒ SƠ"],
            ["Số hồ sơ", "Mã đơn vị tiếp nhận", "Mã thủ tục", "Hình thức nộp", "Ngày nhận hồ sơ",
             "Tình trạng hồ sơ"],
            ["V1", "U1", "1.004873", "Trực tiếp", "04/04/2022", "Đang xử lý"]]
    header, start = find_header(rows, schema.DOSSIERS)
    assert start == 3 and header[4] == "Ngày nhận hồ sơ"


def test_rules_name_only_columns_of_the_table():
    names = {c.name for c in schema.DOSSIERS.columns}
    assert set(DOSSIER_TITLES.rules) <= names and set(DOSSIER_TITLES.weak) <= names
    assert {c for pair in DOSSIER_TITLES.beats for c in pair} <= names
