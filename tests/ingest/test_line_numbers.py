"""Every row a CSV export gives is numbered by the line it starts on in the file, in whatever
combination the file mixes: quoted values spanning lines (LF or CRLF inside the quotes),
lines with a stray separator (too many values), short lines, blank lines, a carriage return
typed inside an unquoted name, CRLF/LF/CR line ends, a BOM or UTF-16, title lines above the
header (one of them quoted over two lines), the header repeated mid-file (in the same order or
another one), personal columns the reader leaves out, empty cells right of every line
(Excel's used range).

Files are generated (hypothesis): each row has a known dossier id and a known first line,
counted here on the text written; some rows are made bad on purpose. Each batch of files goes
through the real pipeline (``ingest``, the corpus's catalog), and every ``source_row`` it
reports, of the rows accepted and of the quarantine, is checked against that line.

Lines are counted as a reader counts them: a line ends at LF (CRLF once); in a file whose
lines end in CR alone (old Mac), at CR (a CRLF inside a value too), a LF inside a value being
part of the value; a CR typed inside a name in a LF or CRLF file ends no line.

About 100 files in the normal run, always the same ones (derandomized: ten ingests of ten
files); ``HYPOTHESIS_PROFILE=slow`` (the profile of tests/conftest.py) runs 2,000 random
ones, ``CCHC_LINE_FILES=<n>`` any number.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_lib.core.catalog import load_catalog, with_overrides
from cchc_lib.ingest.pipeline import ingest

CORPUS = Path(__file__).parents[1] / "corpus"
FILES_PER_BATCH = 10
SLOW = os.environ.get("HYPOTHESIS_PROFILE") == "slow"
FILES = int(os.environ.get("CCHC_LINE_FILES", 2000 if SLOW else 100))

# DVCQG sync names (the national portal's export); ChuHoSo (the owner's name) is personal:
# the reader leaves its values out, its line breaks still count
HEADER = ["MaHoSo", "MaDonVi", "MaTTHC", "TenTTHC", "ChuHoSo", "KenhThucHien", "NgayTiepNhan",
          "TrangThaiHoSo"]
# the same columns in another order: two exports pasted one under the other
SWAPPED = [2, 1, 0, 3, 4, 5, 7, 6]
KINDS = ["good", "good", "spanning", "bad_date", "stray", "stray_spanning", "short", "blank",
         "typed_cr", "header", "header_swapped"]


@dataclass
class Export:
    """One generated file: its bytes, and what each row must give."""

    name: str
    data: bytes
    lines: dict[str, int] = field(default_factory=dict)  # dossier id -> first line
    accepted: set[str] = field(default_factory=set)
    broken: set[int] = field(default_factory=set)  # lines of rows with too many values


def line_ends(text: str, end: str) -> int:
    """How many lines ``text`` ends (see the module's docstring)."""
    return text.count("\r") if end == "\r" else text.count("\n")


@st.composite
def exports(draw, number: int) -> Export:
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    sep = draw(st.sampled_from([",", ";"]))
    used_range = draw(st.sampled_from([0, 0, 1, 3]))  # empty cells right of the header
    inner = draw(st.sampled_from(["\n", "\r\n"]))  # a line break typed in a cell (Alt+Enter)
    out = Export(f"export_{number}.csv", b"")
    records: list[str] = []  # each with its own line end
    order = list(range(len(HEADER)))

    def record(cells: list[str], pad: int = used_range) -> None:
        records.append(sep.join(cells) + sep * pad + end)

    for title in draw(st.lists(st.sampled_from(["UBND PHƯỜNG 2", "DANH SÁCH HỒ SƠ",
                                                f'"UBND THỊ XÃ{inner}QUẢNG TRỊ"']),
                               max_size=2)):
        record([title], draw(st.integers(0, len(HEADER))))
    record(HEADER)
    for i, kind in enumerate(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=10))):
        dossier = f"F{number}D{i}"
        pad = draw(st.integers(0, used_range + 2)) if used_range else 0
        if kind in ("header", "header_swapped"):
            order = SWAPPED if kind == "header_swapped" else order
            record([HEADER[j] for j in order], pad)
            continue
        if kind == "blank":
            records.append(sep * pad + end)
            continue
        name, person = "Chứng thực", "Nguyễn Văn An"
        date, status = "20220401080000", "4"
        if kind in ("spanning", "stray_spanning"):
            person = f'"Nguyễn{inner}Văn An"'
        if kind == "typed_cr" and end != "\r":  # a CR typed inside the unquoted name
            person = "Nguyễn Văn\rAn"
        if kind in ("stray", "stray_spanning"):
            name = f"Chứng thực{sep} bản sao"  # a separator in a value not quoted
        if kind == "bad_date":
            date = "20221345080000"
        cells = [dossier, "U1", "1.004873", name, person, "1", date, status]
        cells = [cells[j] for j in order]
        if kind == "short":  # the line stops before its last value (a required one)
            cells = cells[:-1]
        first = 1 + sum(line_ends(r, end) for r in records)
        record(cells, pad)
        if kind in ("stray", "stray_spanning"):
            out.broken.add(first)
            continue
        out.lines[dossier] = first
        if kind in ("good", "spanning", "typed_cr"):
            out.accepted.add(dossier)
    text = "".join(records)
    out.data = text.encode(encoding)
    return out


@settings(max_examples=max(1, FILES // FILES_PER_BATCH), deadline=None, derandomize=not SLOW,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.tuples(*(exports(k) for k in range(FILES_PER_BATCH))))
def test_every_source_row_is_the_line_the_row_starts_on(batch):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for export in batch:
            path = Path(tmp) / export.name
            path.write_bytes(export.data)
            paths.append(str(path))
        catalog = with_overrides(load_catalog(CORPUS / "catalog.yml"), dossiers=paths)
        result = ingest(catalog)
    accepted = result.tables["dossiers"]
    quarantine = result.quarantine[result.quarantine.table == "dossiers"]
    for export in batch:
        mine = accepted[accepted.source_file.str.endswith(export.name)]
        got = dict(zip(mine.dossier_id, mine.source_row.astype(int), strict=True))
        assert got == {d: export.lines[d] for d in export.accepted}, export.data
        held = quarantine[quarantine.source_file.str.endswith(export.name)]
        broken = held.reasons.str.contains("wrong_field_count")
        assert set(held.source_row[broken].astype(int)) == export.broken, export.data
        assert len(held[broken]) == len(export.broken)
        got = dict(zip(held.dossier_id[~broken], held.source_row[~broken].astype(int),
                       strict=True))
        assert got == {d: line for d, line in export.lines.items()
                       if d not in export.accepted}, export.data


def test_a_broken_line_is_said_in_vietnamese(tmp_path):
    """pandas says "Expected 8 fields in line 5, saw 12"; the quarantine and the alert say
    it in Vietnamese, and a reason about the whole line names no column ("ở cột row")."""
    from cchc_lib.ingest.quality import quarantine_for_readers
    from cchc_lib.ingest.result import alerts_text

    path = tmp_path / "hs.csv"
    path.write_text(
        "Mã hồ sơ,Mã đơn vị,Mã TTHC,Kênh,Ngày tiếp nhận,Trạng thái\n"
        "H1,U1,1.001193,Trực tiếp,13/01/2022 08:00,Đang xử lý\n"
        "H2,U1,1.001193,Trực tiếp,13/01/2022 08:00,Đang xử lý,thừa,thừa\n", encoding="utf-8")
    catalog = with_overrides(load_catalog(Path(__file__).parents[1] / "corpus/catalog.yml"),
                             dossiers=[str(path)])
    result = ingest(catalog)
    shown = quarantine_for_readers(result.quarantine)
    (row,) = shown.to_dict("records")
    assert row["Dòng"] == 3 and row["Lý do"].endswith("(dấu phân cách trong nội dung)")
    assert row["Chi tiết"].startswith("dòng có 8 giá trị, tiêu đề có 6 cột")
    said = alerts_text(result)
    assert "nội dung); lần đầu ở dòng 3" in said and "ở cột row" not in said
