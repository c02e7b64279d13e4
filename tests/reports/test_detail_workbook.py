"""The detail workbook (so_lieu_chi_tiet.xlsx): read back with openpyxl, every plan figure and
every Biểu 06 figure is worked out again from the workbook's rows alone and compared with
the engine's own results (the ward report's, for the sample); the dossier rows are also read
by the plain-Python oracle of docs/indicators.md. Then: no personal-data column, formula-like
text made inert, one sheet per SHEET_OF name, the same bytes twice, and a fixture counted by
hand."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema, vi
from cchc_lib.core.lang import reports_detail as lang
from cchc_lib.core.text import match_key
from cchc_lib.indicators import behind, queries
from cchc_lib.reports.detail import (
    FILE_NAME,
    SHEET_OF,
    group_keys,
    sheet_names,
    write_detail,
    write_detail_workbook,
)
from cchc_lib.reports.ward import ward_report
from tests.indicators.oracle import Workdays
from tests.indicators.oracle import parts as oracle_parts

SAMPLE = "tests/.sample_processed"
UNIT = "SAMPLE-P2"
WORKDAYS = Workdays()
TITLES = {c: vi.COLUMN_LABELS_VI[c] for c in behind.DOSSIER_COLUMNS}
FLAG = lang.FLAG_COLUMNS_VI
PROC = lang.PROCEDURE_COLUMNS_VI
CODES = {"receive_channel": vi.CHANNEL_LABELS_VI, "return_channel": vi.CHANNEL_LABELS_VI,
         "status": vi.STATUS_LABELS_VI}
COLUMN_OF = re.compile(r"\(cột “(.+)”\)$")


# --------------------------------------------------------------------------------------
# reading a sheet back
# --------------------------------------------------------------------------------------


def read_sheet(ws) -> tuple[list[tuple], pd.DataFrame]:
    """(heading lines as (label, figure, words), the table) of one sheet."""
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows)
                if r and r[0] in (TITLES["dossier_id"], PROC["procedure_code"]))
    lines = [(r[0], r[1], r[2] if len(r) > 2 else None) for r in rows[1:head]
             if len(r) > 1 and r[1] is not None]
    titles = [t for t in rows[head] if t is not None]
    body = [r[:len(titles)] for r in rows[head + 1:] if any(v is not None for v in r)]
    return lines, pd.DataFrame(body, columns=titles)


def read_book(path) -> dict[str, tuple[list[tuple], pd.DataFrame]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: read_sheet(ws) for ws in wb.worksheets}
    finally:
        wb.close()


def figure(lines: list[tuple], label: str, n: int = 0):
    return [f for lab, f, _ in lines if lab == label][n]


def as_dossiers(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    """A dossier sheet's rows as the dossiers table the oracle reads (labels back to codes;
    what the sheet does not show, empty)."""
    out = pd.DataFrame({c: table[t] for c, t in TITLES.items()})
    for column, labels in CODES.items():
        back = {label: code for code, label in labels.items()}
        out[column] = out[column].map(lambda v, back=back: back.get(v, v))
    for column in ("received_at", "due_at", "finished_at", "returned_at"):
        out[column] = pd.to_datetime(out[column])
    return out.assign(unit_code=unit, supplement_days=None, supplement_requests=None,
                      digitized=None, e_result=None, paid_online=None, apology_issued=None)


def headings_add_up(lines: list[tuple], table: pd.DataFrame) -> None:
    """Each heading count that names its column is that column's sum."""
    for _, fig, words in lines:
        found = COLUMN_OF.search(words or "")
        if found and isinstance(fig, int | float):
            assert table[found[1]].sum() == fig, words


# --------------------------------------------------------------------------------------
# the sample: Phường 2, the year and a quarter
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["2022", "2022-Q2"])
def sample(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("detail") / FILE_NAME
    write_detail_workbook(UNIT, request.param, SAMPLE, path)
    return path, read_book(path), ward_report(UNIT, request.param, SAMPLE)


@pytest.fixture(scope="module")
def sample_tables_p2():
    from cchc_lib.ingest.store import read_processed

    return read_processed(SAMPLE, unit_code=UNIT)


def test_plan_figures_recomputed_from_the_rows(sample, sample_tables_p2):
    _, book, ward = sample
    ytd = ward.period.year_to_date()
    assert len(ward.plan) == 3
    for r in ward.plan.itertuples():
        lines, table = book[SHEET_OF[r.indicator]]
        num, den = table[FLAG["numerator"]].sum(), table[FLAG["denominator"]].sum()
        assert (num, den) == (r.ytd_numerator, r.ytd_denominator), r.indicator
        assert num / den == pytest.approx(r.ytd_value)
        assert figure(lines, lang.HEADING_LABELS_VI["value"]) == pytest.approx(r.ytd_value)
        assert figure(lines, lang.HEADING_LABELS_VI["target"]) == pytest.approx(r.target)
        headings_add_up(lines, table)
        # and again from what each row shows, as docs/indicators.md defines the target
        if r.indicator == "online_procedure_rate":
            online = table[PROC["online_enabled"]] == "Có"
            assert (online & (table[PROC["received_online"]] > 0)).sum() == num
            assert online.sum() == den
        elif r.indicator == "postal_procedure_rate":
            postal = table[PROC["postal_enabled"]] == "Có"
            used = (table[PROC["received_postal"]] > 0) | (table[PROC["returned_postal"]] > 0)
            assert ((postal & used).sum(), postal.sum()) == (num, den)
        elif r.indicator == "postal_return_share":
            want = oracle_parts(as_dossiers(table, UNIT), sample_tables_p2["catalogue"], UNIT,
                                ytd.start, ytd.end, WORKDAYS)
            assert (want["returned_postal"], want["returned_postal_procedures"]) == (num, den)
    readings = getattr(ward, "readings", None)  # the plan's sentence read another way
    for r in ([] if readings is None else readings.itertuples()):
        _, table = book[SHEET_OF[r.indicator]]
        assert table[FLAG["reading"]].sum() == r.denominator


def test_bieu06_figures_recomputed_from_the_rows(sample, sample_tables_p2):
    _, book, ward = sample
    form, period = ward.form, ward.period
    fields = form[form.field.notna()].set_index("field")
    total = form[form.field.isna()].iloc[0]
    rate = registry.get("on_time_rate")
    for key, (_, _, cols) in zip(group_keys(), registry.bieu06_groups(), strict=True):
        lines, table = book[SHEET_OF[key]]
        headings_add_up(lines, table)
        assert set(table[TITLES["field_name"]]) <= set(fields.index)
        by_field = table.groupby(TITLES["field_name"])
        oracle_total: dict[str, int] = {}
        for field, rows in by_field:  # each field's row of the form, from its dossiers
            want = oracle_parts(as_dossiers(rows, UNIT), sample_tables_p2["catalogue"], UNIT,
                                period.start, period.end, WORKDAYS)
            for col, label in cols:
                assert rows[label].sum() == fields.loc[field, col] == want[col], (field, col)
                oracle_total[col] = oracle_total.get(col, 0) + want[col]
        for col, label in cols:
            assert table[label].sum() == total[col] == oracle_total.get(col, 0), col
            assert figure(lines, label) == total[col]
        if rate.denominator in dict(cols):
            in_time = table[rate.numerator_vi]
            assert in_time.sum() / table[dict(cols)[rate.denominator]].sum() == \
                pytest.approx(total.on_time_rate)
            assert figure(lines, lang.HEADING_LABELS_VI["value"]) == \
                pytest.approx(total.on_time_rate)
            assert figure(lines, lang.HEADING_LABELS_VI["numerator"]) == in_time.sum()


def test_no_personal_data_and_only_the_columns_meant(sample):
    path, book, _ = sample
    allowed = (set(TITLES.values()) | set(PROC.values()) | set(FLAG.values())
               | {label for _, _, cols in registry.bieu06_groups() for _, label in cols}
               | {i.numerator_vi for i in registry.family("bieu06") if i.kind == "share"})
    personal = [match_key(a) for a in schema.PERSONAL_ALIASES]
    for name, (_, table) in book.items():
        assert set(table.columns) <= allowed, name
        for title in table.columns:
            assert not [p for p in personal if p in match_key(title)], (name, title)
    with zipfile.ZipFile(path) as xlsx:
        strings = xlsx.read("xl/sharedStrings.xml").decode()
    assert "data/raw" not in strings and ".xlsx" not in strings  # no source file, sheet or row


def test_sheets_are_the_names_of_sheet_of(sample):
    _, book, _ = sample
    assert list(book) == list(dict.fromkeys(SHEET_OF.values()))
    assert SHEET_OF == sheet_names()
    for name in book:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name
    keys = [*registry.PLAN_INDICATORS, *group_keys(), *registry.BIEU06_COLUMNS, "on_time_rate"]
    assert set(SHEET_OF) == set(keys)
    assert len({SHEET_OF[k] for k in registry.PLAN_INDICATORS}) == 3  # one sheet each


def test_the_same_input_gives_the_same_bytes(sample, tmp_path):
    path, _, ward = sample
    again = write_detail_workbook(UNIT, ward.requested.label, SAMPLE, tmp_path / FILE_NAME)
    assert hashlib.sha256(again.read_bytes()).digest() == \
        hashlib.sha256(path.read_bytes()).digest()


def test_the_rows_behind_read_the_engines_own_parts():
    for piece in ("dossier_parts", "procedure_counts", "catalogue_parts", "fee_parts"):
        assert tuple(behind.contributions(piece)) == queries.names(piece)
    catalogue = behind.contributions("catalogue_parts")
    assert catalogue["returned_postal"] == behind.Contribution("returned_postal",
                                                               "postal_enabled")
    assert catalogue["offered"] == behind.Contribution(None, None)
    assert behind.summed_over_dossiers(catalogue["returned_postal"])
    assert not behind.summed_over_dossiers(catalogue["online_used"])


# --------------------------------------------------------------------------------------
# by hand: one unit, 2022-Q2 (the plan's year to date: 1 January to 30 June)
# --------------------------------------------------------------------------------------

def ts(text: str | None):
    return pd.NaT if text is None else pd.Timestamp(text)


# id, procedure, field, channel, received, due, finished, returned, return channel, status
DOSSIERS = [
    ("D1", "P1", "Hộ tịch", "online", "2022-04-05 09:00", "2022-04-10 17:00",
     "2022-04-08 10:00", "2022-04-09 10:00", "postal", "returned"),  # early, back by post
    ("D2", "P1", "Hộ tịch", "direct", "2022-03-28 09:00", "2022-04-02 17:00",
     "2022-04-05 10:00", "2022-04-06 10:00", "direct", "returned"),  # carried over, late
    ("D3", "P2", "Chứng thực", "postal", "2022-05-10 09:00", "2022-05-12 17:00",
     "2022-05-12 15:00", "2022-05-13 10:00", "postal", "returned"),  # on its due day
    ("D4", "P3", "Đất đai", "direct", "2022-06-20 09:00", "2022-07-05 17:00",
     None, None, None, "processing"),  # open, due after 30 June: in time
    ("D5", "P2", "Chứng thực", "direct", "2022-06-01 09:00", "2022-06-10 17:00",
     None, None, None, "processing"),  # open, due 10 June: overdue
    ("D6", "P1", "Hộ tịch", "online", "2022-02-01 09:00", "2022-02-05 17:00",
     "2022-02-04 10:00", "2022-02-04 15:00", "online", "returned"),  # Q1: the plan's only
    ("D7", "P3", "Đất đai", "direct", "2022-05-02 09:00", None, None, None, None,
     "not_accepted"),  # never counted
    ("D8", "P2", "Chứng thực", "direct", "2022-06-15 09:00", "2022-06-20 17:00",
     "2022-06-16 10:00", None, None, "withdrawn"),  # ended, not resolved
    ("D9", "P9", None, "direct", "2022-04-20 09:00", "2022-04-25 17:00",
     "2022-04-21 10:00", "2022-04-22 10:00", "direct", "returned"),  # no field: its own row
    ("D10", "P3", "Đất đai", "direct", "2022-01-10 09:00", "2022-01-20 17:00",
     "2022-01-15 10:00", "2022-01-16 10:00", "direct", "returned"),  # Q1, not a BCCI procedure
    ("D11", "P1", "Hộ tịch", "direct", "2022-07-02 09:00", "2022-07-08 17:00",
     "2022-07-03 10:00", "2022-07-04 10:00", "direct", "returned"),  # July: the data go on
]
# code, name, field, level, postal
CATALOGUE = [("P1", "Đăng ký khai sinh", "Hộ tịch", "full", True),
             ("P2", "Chứng thực bản sao", "Chứng thực", "info", True),
             ("P3", "Đăng ký đất đai", "Đất đai", "partial", False)]


def hand_tables(hostile: bool = False) -> dict[str, pd.DataFrame]:
    rows = [list(r) for r in DOSSIERS]
    catalogue = [list(r) for r in CATALOGUE]
    names = {c[0]: c[1] for c in catalogue}
    if hostile:  # text a spreadsheet would run: in an id, a name, a field
        rows[0][0] = "=1+1"
        names["P1"] = catalogue[0][1] = '=HYPERLINK("http://x.invalid","y")'
        for r in [*rows, *catalogue]:
            if r[2] == "Chứng thực":
                r[2] = "@SUM(A1)"
    cols = ["dossier_id", "procedure_code", "field_name", "receive_channel", "received_at",
            "due_at", "finished_at", "returned_at", "return_channel", "status"]
    d = pd.DataFrame(rows, columns=cols)
    for c in ("received_at", "due_at", "finished_at", "returned_at"):
        d[c] = d[c].map(ts).astype("datetime64[us]")
    for c in ("dossier_id", "procedure_code", "field_name", "receive_channel",
              "return_channel", "status"):
        d[c] = d[c].astype("string")
    d["procedure_name"] = d.procedure_code.map(names).astype("string")
    d["unit_code"] = pd.Series(["U1"] * len(d), dtype="string")
    cat = pd.DataFrame(catalogue, columns=["procedure_code", "procedure_name", "field_name",
                                           "level", "postal_enabled"])
    cat = cat.astype({"procedure_code": "string", "procedure_name": "string",
                      "field_name": "string", "level": "string", "postal_enabled": "boolean"})
    cat["has_fee"] = pd.Series([False] * len(cat), dtype="boolean")
    cat["unit_code"] = pd.Series([None] * len(cat), dtype="string")
    targets = pd.DataFrame({"indicator": list(registry.PLAN_INDICATORS),
                            "unit_code": [None] * 3, "year": pd.array([None] * 3, "Int64"),
                            "target": [0.5, 0.6, 0.15]})
    units = pd.DataFrame({"unit_code": ["U1"],
                          "unit_name": ["-2+3" if hostile else "Phường Mẫu"]})
    return {"dossiers": d, "catalogue": cat, "units": units, "targets": targets}


def ids(table: pd.DataFrame, column: str) -> set[str]:
    first = table.columns[0]
    return set(table.loc[table[column] == 1, first])


def test_a_fixture_counted_by_hand(tmp_path):
    path = write_detail(hand_tables(), "U1", "2022-Q2", tmp_path / FILE_NAME)
    book = read_book(path)
    received, resolved, pending = (book[SHEET_OF[k]] for k in group_keys())
    lines, t = received
    # D9 has no field: the form's row "Chưa xác định lĩnh vực", as ingest names it
    assert ids(t, "Tổng số") == {"D1", "D2", "D3", "D4", "D5", "D8", "D9"}
    assert ids(t, "Trực tuyến") == {"D1"}
    assert ids(t, "Trực tiếp, dịch vụ bưu chính") == {"D3", "D4", "D5", "D8", "D9"}
    assert ids(t, "Từ kỳ trước chuyển qua") == {"D2"}
    assert [f for _, f, _ in lines] == [7, 1, 5, 1]
    lines, t = resolved
    assert ids(t, "Tổng số") == {"D1", "D2", "D3", "D9"}
    assert (ids(t, "Trước hạn"), ids(t, "Đúng hạn"), ids(t, "Quá hạn")) == (
        {"D1", "D9"}, {"D3"}, {"D2"})
    assert ids(t, registry.get("on_time_rate").numerator_vi) == {"D1", "D3", "D9"}
    assert figure(lines, "Kết quả") == pytest.approx(3 / 4)
    by_field = t.groupby("Lĩnh vực")["Tổng số"].sum().to_dict()
    assert by_field == {"Hộ tịch": 2, "Chứng thực": 1, vi.UNKNOWN_FIELD_VI: 1}
    lines, t = pending
    assert (ids(t, "Tổng số"), ids(t, "Trong hạn"), ids(t, "Quá hạn")) == (
        {"D4", "D5"}, {"D4"}, {"D5"})
    # the plan, 1 January to 30 June: P1 and P3 offered online, P1 and P2 by post
    lines, t = book[SHEET_OF["online_procedure_rate"]]
    assert dict(zip(t["Mã TTHC"], zip(t[FLAG["numerator"]], t[FLAG["denominator"]],
                                       strict=True), strict=True)) == {"P1": (1, 1),
                                                                       "P3": (0, 1)}
    assert (figure(lines, "Kết quả"), figure(lines, "Tử số"), figure(lines, "Mẫu số")) == (
        0.5, 1, 2)
    lines, t = book[SHEET_OF["postal_procedure_rate"]]
    assert set(t["Mã TTHC"]) == {"P1", "P2"} and figure(lines, "Kết quả") == 1.0
    lines, t = book[SHEET_OF["postal_return_share"]]
    assert ids(t, FLAG["numerator"]) == {"D1", "D3"}
    assert ids(t, FLAG["denominator"]) == {"D1", "D2", "D3", "D6"}
    assert figure(lines, "Kết quả") == 0.5
    if FLAG["reading"] in t:  # the plan's sentence read over every returned dossier
        assert ids(t, FLAG["reading"]) == {"D1", "D2", "D3", "D6", "D10"}


def test_text_a_spreadsheet_would_run_is_made_inert(tmp_path):
    path = write_detail(hand_tables(hostile=True), "U1", "2022-Q2", tmp_path / FILE_NAME)
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert {"'=1+1", "'@SUM(A1)", "'=HYPERLINK(\"http://x.invalid\",\"y\")"} <= values
    assert not {"=1+1", "@SUM(A1)"} & values
    with zipfile.ZipFile(path) as xlsx:
        assert not [n for n in xlsx.namelist() if n.startswith("xl/worksheets/")
                    and "<f>" in xlsx.read(n).decode()]
    assert any(str(v).startswith("Đơn vị: -2+3") for v in values)  # inside a sentence
    assert datetime(2022, 4, 5, 9, 0) in values  # dates stay dates


@pytest.mark.parametrize("missing", [("return_channel",), ("finished_at", "returned_at")])
def test_a_figure_an_export_cannot_count_lists_nothing(tmp_path, missing):
    """A column the export lacks: its figures say "không có số liệu" and no row stands
    behind them (never a 0 and an empty list that would read as one)."""
    tables = hand_tables()
    tables["dossiers"]["source_file"] = pd.Series(["a.csv"] * len(tables["dossiers"]),
                                                  dtype="string")
    tables["source_columns"] = pd.DataFrame({"source_file": ["a.csv"] * len(missing),
                                             "column": list(missing),
                                             "present": [False] * len(missing)})
    book = read_book(write_detail(tables, "U1", "2022-Q2", tmp_path / FILE_NAME))
    for indicator in registry.PLAN_INDICATORS:
        lines, table = book[SHEET_OF[indicator]]
        parts = registry.parts_of(indicator)
        if registry.lacking(parts, set(missing)):
            assert figure(lines, "Kết quả") == vi.NO_DATA_VI and table.empty, indicator
        else:
            assert isinstance(figure(lines, "Kết quả"), float) and len(table), indicator
    for _, _, cols in registry.bieu06_groups():
        lines, table = book[SHEET_OF[cols[0][0]]]
        for col, label in cols:
            unknown = bool(registry.lacking((col,), set(missing)))
            assert (figure(lines, label) == vi.NO_DATA_VI) is unknown, col
            assert (label not in table.columns) is unknown, col
        if all(registry.lacking((col,), set(missing)) for col, _ in cols):
            assert table.empty


def test_every_sheet_says_what_made_it(sample):
    path, book, _ = sample
    data = json.loads(Path(SAMPLE, "provenance.json").read_text(encoding="utf-8"))[
        "data_sha256"]
    with zipfile.ZipFile(path) as xlsx:
        custom = xlsx.read("docProps/custom.xml").decode()
        sheets = [xlsx.read(n).decode() for n in sorted(xlsx.namelist())
                  if n.startswith("xl/worksheets/sheet")]
    assert data in custom
    assert len(sheets) == len(book)
    assert all(f"dữ liệu {data[:12]}" in sheet for sheet in sheets)  # each printed page


def test_a_plan_target_added_as_a_record_gets_its_sheet(sample_tables_p2, tmp_path):
    """docs/architecture.md, "A plan target": its record alone; its sheet follows."""
    fee = registry.Indicator(
        "fee_online_rate", "plan", "share", "Tỷ lệ TTHC có phí có hồ sơ thanh toán trực tuyến",
        "TTHC có thanh toán trực tuyến", "TTHC có phí có ít nhất một hồ sơ thanh toán trực tuyến",
        "TTHC có phí, lệ phí", target="plan",
        numerator="fee_offered_paid_online", denominator="fee_offered")
    targets = sample_tables_p2["targets"]
    extra = targets.iloc[:1].assign(indicator=fee.id, target=0.9)
    tables = {**sample_tables_p2, "targets": pd.concat([targets, extra], ignore_index=True)}
    with registry.extended(fee):
        names = sheet_names()
        book = read_book(write_detail(tables, UNIT, "2022", tmp_path / FILE_NAME))
    assert names[fee.id] == fee.short_vi and fee.id not in SHEET_OF
    lines, table = book[names[fee.id]]
    paid = (table[PROC["has_fee"]] == "Có") & (table[PROC["received_paid_online"]] > 0)
    assert table[FLAG["numerator"]].sum() == paid.sum() == figure(lines, "Tử số")
    assert table[FLAG["denominator"]].sum() == (table[PROC["has_fee"]] == "Có").sum() == \
        figure(lines, "Mẫu số") > 0
