"""The two CSV readers agree: pyarrow's multi-threaded reader takes a file only when every line
splits into the header's columns, and then gives what pandas' parser gives; any other file
goes to pandas, which names the lines it could not split."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cchc_lib.core import schema
from cchc_lib.core.catalog import Source
from cchc_lib.core.errors import InputFileError
from cchc_lib.ingest.readers import read_source, text

CORPUS = Path(__file__).parents[1] / "corpus" / "files"
HEADER = "MaHoSo,MaTTHC,NgayTiepNhan,HoTenNguoiNop\n"


def layout(path: Path):
    source = Source(path=path, label=path.name)
    data = text.decode_text(source).data
    delim, header, start, _ = text.find_layout(source, data, schema.DOSSIERS)
    return source, data, delim, len(header), start


def readable_corpus() -> list[Path]:
    out = []
    for path in sorted(CORPUS.glob("*.csv")):
        try:
            layout(path)
        except InputFileError:
            continue  # refused before reading: no header, an image named .csv, ...
        out.append(path)
    return out


@pytest.mark.parametrize("path", readable_corpus(), ids=lambda p: p.name)
def test_fast_reader_gives_what_pandas_gives(path):
    source, data, delim, width, start = layout(path)
    fast = arrow(data, delim, width, start)
    try:
        slow, broken = text._read_pandas(source, data, delim, text.line_offset(data, start),
                                         width)
    except InputFileError:
        assert fast is None  # an unclosed quote: pandas' message is the one the user sees
        return
    if fast is None:
        return
    assert broken == []
    pd.testing.assert_frame_equal(fast, slow.reset_index(drop=True), check_dtype=True)


def arrow(data: bytes, delim: str, width: int, start: int):
    """What Arrow's reader gives for the file, or None when the file goes to pandas."""
    offset = text.arrow_offset(data, start)
    return None if offset is None else text._read_arrow(data, offset, width, delim)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body", [
    "1,2.001,01/02/2022,A\n2,2.001,01/02/2022,B,extra\n",  # a line with one value too many
    "1,2.001,01/02/2022,A\n2,2.001,01/02/2022\n",  # a line with one value too few
    '1,2.001,01/02/2022,"A\n',  # a quote never closed
])
def test_uneven_lines_go_to_pandas(tmp_path, body):
    source, data, delim, width, start = layout(write(tmp_path, body))
    assert arrow(data, delim, width, start) is None


def test_quoted_line_breaks_keep_line_numbers(tmp_path):
    path = write(tmp_path, '1,2.001,01/02/2022,"Nguyễn\nVăn A"\n2,2.001,01/02/2022,B\n'
                           '3,2.001,"01/02/2022",C\n')
    source, data, delim, width, start = layout(path)
    assert arrow(data, delim, width, start) is not None
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    # header on line 1; dossier 1 on lines 2-3, so dossier 2 starts on line 4
    assert sheet.row_numbers.tolist() == [2, 4, 5]
    assert sheet.values[0].tolist() == ["1", "2", "3"]
    assert sheet.values[2].tolist() == ["01/02/2022"] * 3


def test_a_quote_in_the_title_block_goes_to_pandas(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('UBND "PHƯỜNG 2\n' + HEADER + "1,2.001,01/02/2022,A\n", encoding="utf-8")
    source, data, delim, width, start = layout(path)
    assert arrow(data, delim, width, start) is None


def test_a_file_changed_while_read_stops_with_its_name(tmp_path, monkeypatch):
    """Arrow reads a plain UTF-8 export from disk after it was decoded: if the export is still
    being written meanwhile, the two reads differ, and the run stops instead of mixing them."""
    path = write(tmp_path, "1,2.001,01/02/2022,A\n2,2.001,01/02/2022,B\n")
    real = text._read_arrow

    def still_exporting(*args, **kwargs):  # the export tool appends while Arrow reads
        done = real(*args, **kwargs)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("3,2.001,01/02/2022,C\n")
        return done

    monkeypatch.setattr(text, "_read_arrow", still_exporting)
    with pytest.raises(InputFileError, match="export.csv: tệp đã thay đổi trong khi đọc"):
        text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)


def test_a_legacy_file_whose_first_lines_are_ascii_is_still_decoded(tmp_path, monkeypatch):
    """Arrow reads a file from disk when its first lines are UTF-8 (it checks the rest itself).
    A Windows-1258 export whose accents come only after those lines is refused by Arrow, then
    decoded whole and read again: its names come out in Vietnamese, not as broken bytes."""
    path = tmp_path / "export.csv"
    rows = "".join(f"{i},2.001,01/02/2022,A\n" for i in range(1, 40))
    # Windows-1258 writes a tone as a mark after its letter: ê + ~, ă, Đ, ư + ´
    late = b"40,2.001,01/02/2022,Nguy\xea\xden V\xe3n \xd0\xfd\xecc\n"
    path.write_bytes((HEADER + rows).encode("ascii") + late)
    monkeypatch.setattr(text, "HEAD_SCAN_BYTES", 200)  # the first lines: a few hundred bytes
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert sheet.encoding == "cp1258"
    assert sheet.values[3].iloc[-1] == "Nguyễn Văn Đức" and len(sheet.values) == 40


def test_a_broken_line_in_a_plain_file_is_named_by_pandas(tmp_path):
    """A plain UTF-8 file (LF line ends, read by Arrow from disk) with one line of too many
    values: Arrow refuses it, pandas reads it from the decoded bytes and names the line."""
    path = write(tmp_path, "1,2.001,01/02/2022,A\n2,2.001,01/02/2022,B,extra\n"
                           "3,2.001,01/02/2022,C\n")
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert [row for row, _ in sheet.broken_rows] == [3]  # header on line 1
    assert sheet.values[0].tolist() == ["1", "3"] and sheet.row_numbers.tolist() == [2, 4]


def test_columns_not_kept_are_not_read_and_lines_still_count(tmp_path):
    """Personal columns are left out by the reader itself (``keep``): they never become values.
    A line break inside such a value still moves the later rows' line numbers."""
    path = write(tmp_path, '1,2.001,01/02/2022,"Nguyễn\nVăn A"\n2,2.001,01/02/2022,B\n'
                           "3,2.001,01/02/2022,C\n")
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS,
                             keep=lambda header: [0, 1, 2])
    assert list(sheet.values.columns) == [0, 1, 2]
    assert sheet.row_numbers.tolist() == [2, 4, 5]  # dossier 1 on lines 2-3
    assert sheet.values[0].tolist() == ["1", "2", "3"]


def test_a_header_repeated_in_another_order_is_read_again_whole(tmp_path):
    """Two exports pasted one under the other, the second with its columns in another order:
    its rows are moved under the first header's columns, which needs the columns the reader
    left out (here the name column now holds the procedure code): the file is read again
    with every column, and the kept columns come out as from a whole read."""
    path = tmp_path / "export.csv"
    path.write_text(HEADER + "1,2.001,01/02/2022,A\n"
                    "MaHoSo,HoTenNguoiNop,NgayTiepNhan,MaTTHC\n2,B,02/02/2022,2.002\n",
                    encoding="utf-8")
    source = Source(path=path, label="export.csv")
    (left_out,) = read_source(source, schema.DOSSIERS, keep=lambda header: [0, 1, 2])
    (whole,) = read_source(source, schema.DOSSIERS)
    assert left_out.values[1].tolist() == [pd.NA if v is None else v for v in
                                           whole.values[1].tolist()]
    assert whole.values[1].iloc[-1] == "2.002"  # moved from the fourth column
    assert left_out.header_rows.tolist() == [1]


def test_a_header_repeated_in_the_same_order_needs_no_second_read(tmp_path):
    """Two exports of the same layout pasted one under the other: the second header is set
    aside as it is, and the columns the reader left out stay out (no second, whole read)."""
    path = tmp_path / "export.csv"
    path.write_text(HEADER + "1,2.001,01/02/2022,A\n" + HEADER + "2,2.002,02/02/2022,B\n",
                    encoding="utf-8")
    (sheet,) = read_source(Source(path=path, label="export.csv"), schema.DOSSIERS,
                           keep=lambda header: [0, 1, 2])
    assert list(sheet.values.columns) == [0, 1, 2]
    assert sheet.header_rows.tolist() == [1]
    assert sheet.values[1].tolist() == ["2.001", "MaTTHC", "2.002"]
    assert sheet.row_numbers.tolist() == [2, 3, 4]


def test_nul_bytes_are_removed_and_counted():
    """NULs padding the end of a file (a program writing fixed blocks) and inside a row past
    the first 256 KB: none reaches a value, and the block says how many were removed."""
    for name, nul, last in (("165_nul_padding_at_end.csv", 4096, "T11"),
                            ("166_nul_inside_row_past_256kb.csv", 4, "N5501")):
        (sheet,) = text.read_csv(Source(path=CORPUS / name, label=name), schema.DOSSIERS)
        assert sheet.cleaned == {"nul": nul}
        assert sheet.values[0].iloc[-1] == last
        assert not any(sheet.values[c].str.contains("\x00").any() for c in sheet.values)
    (sheet,) = text.read_csv(Source(path=CORPUS / "01_dvcqg_utf8.csv", label="01"),
                             schema.DOSSIERS)
    assert sheet.cleaned == {}


def test_a_plain_file_is_still_read_by_arrow_from_disk(tmp_path):
    """The NUL is looked for in the bytes already read: a plain UTF-8 file is still Arrow's
    to read from disk; one NUL anywhere and the decoded, cleaned text is read instead."""
    path = write(tmp_path, "1,2.001,01/02/2022,A\n")
    assert text.decode_text(Source(path=path, label="x"), arrow_reads=True).on_disk
    path.write_bytes(path.read_bytes() + b"2,2.001,01/02/2022,B\x00\n")
    decoded = text.decode_text(Source(path=path, label="x"), arrow_reads=True)
    assert not decoded.on_disk and decoded.nul == 1 and b"\x00" not in decoded.data


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_utf16(tmp_path, order):
    path = tmp_path / "export.csv"
    path.write_bytes((HEADER + "1,2.001,01/02/2022,Nguyễn Văn Đức\n").encode(order))
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert sheet.encoding == order and sheet.cleaned == {}
    assert sheet.values[3].tolist() == ["Nguyễn Văn Đức"]


def test_empty_cells_right_of_the_header_are_not_columns(tmp_path):
    """Excel's used range: 100,000 empty cells after the header are no columns (the limit is
    on titled ones); data lines with none, as many or more empty cells are read, a line with
    a value past the titles is broken."""
    path = tmp_path / "export.csv"
    empty = "," * 100_000
    path.write_text(HEADER.rstrip("\n") + empty + "\n1,2.001,01/02/2022,A\n"
                    f"2,2.001,01/02/2022,B{empty}\n3,2.001,01/02/2022,C{empty},,\n"
                    "4,2.001,01/02/2022,D,,x,\n5,2.001,01/02/2022,\n", encoding="utf-8")
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert sheet.header == ["MaHoSo", "MaTTHC", "NgayTiepNhan", "HoTenNguoiNop"]
    assert sheet.values[0].tolist() == ["1", "2", "3", "5"]
    assert sheet.values[3].fillna("").tolist() == ["A", "B", "C", ""]
    assert sheet.row_numbers.tolist() == [2, 3, 4, 6]
    assert [row for row, _ in sheet.broken_rows] == [5]


def test_too_many_titled_columns_are_still_refused(tmp_path):
    path = tmp_path / "export.csv"
    titles = ",".join(f"Cột {i}" for i in range(16_400))
    path.write_text(HEADER.rstrip("\n") + "," + titles + "\n1,2.001,01/02/2022,A\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError, match="16,404 cột, nhiều hơn 16,384"):
        text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)


@pytest.mark.parametrize("body", [
    # every line ends in a separator, the header's too; a short line sends it to pandas
    "1,2.001,01/02/2022,A,\n2,2.001,01/02/2022,\n3,2.001,01/02/2022,C,\n",
    # the first data line one value too many: pandas took its first column for the index
    "1,2.001,01/02/2022,A,x\n2,2.001,01/02/2022,B\n3,2.001,01/02/2022,C\n",
])
def test_pandas_never_shifts_the_values(tmp_path, body):
    header = HEADER.replace("\n", ",\n") if body.startswith("1,2.001,01/02/2022,A,\n") \
        else HEADER
    path = tmp_path / "export.csv"
    path.write_text(header + body, encoding="utf-8")
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert sheet.values[1].tolist() == ["2.001"] * len(sheet.values)
    assert sheet.values[2].tolist() == ["01/02/2022"] * len(sheet.values)
    assert set(sheet.values[0]) <= {"1", "2", "3"} and "3" in set(sheet.values[0])


def test_a_broken_line_below_values_over_lines_is_named_by_its_line(tmp_path):
    """pandas numbers records, not lines: the broken line below a value over three lines is
    line 6, not 4, and a broken line with its own value over two lines moves the rest."""
    path = write(tmp_path, '1,2.001,01/02/2022,"Nguyễn\nVăn\nAn"\n2,2.001,01/02/2022,B\n'
                           '3,2.001,01/02/2022,C,x\n4,2.001,"01/02\n/2022",D,x\n'
                           "5,2.001,01/02/2022,E\n")
    for keep in (None, lambda header: [0, 1, 2]):
        (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS, keep)
        assert sheet.row_numbers.tolist() == [2, 5, 9]
        assert [row for row, _ in sheet.broken_rows] == [6, 7]


@pytest.mark.parametrize("inner", ["\n", "\r\n"])
def test_old_mac_line_ends_with_a_line_break_inside_a_value(tmp_path, inner):
    """Lines ended by CR alone (Excel for Mac): a LF or CRLF typed inside a quoted value
    does not join the lines into one (it was taken for the file's line end)."""
    path = tmp_path / "export.csv"
    path.write_bytes((HEADER.replace("\n", "\r") + f'1,2.001,01/02/2022,"Nguyễn{inner}An"\r'
                      "2,2.001,01/02/2022,B\r3,2.001,01/02/2022,C\r").encode())
    (sheet,) = text.read_csv(Source(path=path, label="export.csv"), schema.DOSSIERS)
    assert sheet.values[0].tolist() == ["1", "2", "3"]
    assert sheet.row_numbers.tolist() == ([2, 3, 4] if inner == "\n" else [2, 4, 5])
