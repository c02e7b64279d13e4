"""Corpus files 160-179: what the text reader meets in real CSV exports and must read line by
line: Excel's used range (empty cells right of every line), a separator ending every line,
a first line one value too wide, quoted values over lines beside lines with a stray
separator (line numbers counted by hand in expected_text.yml), old Mac line ends, NUL bytes
(padding, and inside a row past the first 256 KB), UTF-16 without its BOM.

Run alone: python tests/corpus/build_text.py (writes into tests/corpus/files/).
"""

from __future__ import annotations

from pathlib import Path

DVCQG = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo"


def _write(out: Path, name: str, data: bytes) -> None:
    (out / name).write_bytes(data)


def cases(out: Path) -> None:
    # Excel saves its whole used range: a cell once formatted far to the right gives every
    # line its empty cells up to there (here 100,000 of them after the header)
    wide = "," * 100_000
    _write(out, "160_used_range_100000_separators.csv", (
        f"{DVCQG}{wide}\n"
        "T1,U1,1.004873,1,20220401080000,4\n"  # none
        f"T2,U1,1.004873,2,20220401090000,4{wide}\n"  # as many as the header line
        f"T3,U1,1.004873,1,20220401100000,4{wide},,,,,,,,,,\n"  # more
        f"{',' * 100_005}\n").encode())  # an empty row of the used range
    # a separator after the last value of every line, the header's too (exports of some
    # provincial one-stop systems): the last column is empty, never a shifted table
    _write(out, "161_every_line_ends_in_separator.csv", (
        b"MaHoSo;MaDonVi;MaTTHC;KenhThucHien;NgayTiepNhan;TrangThaiHoSo;\n"
        b"T4;U1;1.004873;1;20220401080000;4;\n"
        b"T5;U2;2.000815;2;20220402080000;4;\n"
        b"T6;U1;1.004873;1;20220403080000;;\n"))
    # the first data line has a comma typed in a value not quoted: pandas took the first
    # column for the index (one value too many on its first line) and shifted every row
    _write(out, "162_first_line_one_value_too_many.csv", (
        "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
        "T7,U1,2.000815,Chứng thực, bản sao,1,20220401080000,4\n"
        "T8,U1,2.000815,Chứng thực,2,20220401090000,4\n"
        "T9,U1,2.000815,Chứng thực,1,20220401100000,4\n").encode())
    # quoted values over lines (a procedure name typed with Alt+Enter) beside lines with a
    # stray comma; one broken line has its own quoted line break
    _write(out, "163_multiline_values_and_stray_commas.csv", (
        "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"  # 1
        'M1,U1,2.000815,"Chứng thực\nbản sao\ntừ bản chính",1,20220401080000,4\n'  # 2-4
        "M2,U1,2.000815,Chứng thực,1,20220401090000,4\n"  # 5
        "M3,U1,2.000815,Chứng thực,1,20221345080000,4\n"  # 6: a date that does not exist
        "M4,U1,2.000815,Chứng thực, bản sao,1,20220401100000,4\n"  # 7: a stray comma
        'M5,U1,2.000815,"Chứng thực\nbản sao",2,20220401110000,4\n'  # 8-9
        'M6,U1,2.000815,"Chứng\nthực",bản sao,1,20220401120000,4\n'  # 10-11: both
        "M7,U1,2.000815,Chứng thực,1,20220401130000,4\n").encode())  # 12
    # the same in a Windows export: CRLF line ends and CRLF inside quotes, a title line, the
    # applicant's name (personal: never read) over two lines
    _write(out, "164_crlf_multiline_personal_and_stray_semicolon.csv", (
        "DANH SÁCH HỒ SƠ;;;;;;\r\n"  # 1
        "Mã hồ sơ;Họ tên người nộp;Mã TTHC;Kênh thực hiện;Ngày tiếp nhận;Trạng thái\r\n"  # 2
        'K1;"Nguyễn\r\nVăn An";1.004873;Trực tiếp;20220401080000;Đang xử lý\r\n'  # 3-4
        "K2;Lê Thị;Hà;1.004873;Trực tiếp;20220401090000;Đang xử lý\r\n"  # 5: stray ;
        "K3;Trần Văn Bình;1.004873;Trực tuyến;20220401100000;Đang xử lý\r\n").encode())  # 6
    # a program that wrote the file in fixed blocks padded its end with NUL bytes
    _write(out, "165_nul_padding_at_end.csv",
           (f"{DVCQG}\nT10,U1,1.004873,1,20220401080000,4\n"
            "T11,U1,1.004873,2,20220401090000,4\n").encode() + b"\x00" * 4096)
    # NUL bytes inside one row, after the first 256 KB (what the first bytes show): in its
    # id, its name and its date; 5,500 rows of 52 bytes come first
    rows = "".join(f"N{i},U1,1.004873,Chứng thực,1,20220401080000,4\n"
                   for i in range(1, 5501))
    _write(out, "166_nul_inside_row_past_256kb.csv",
           ("MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
            + rows).encode()
           + "N55\x0001,U1,1.004873,Chứng\x00\x00 thực,1,2022\x000401080000,4\n".encode())
    # Excel's "Unicode text" after a tool dropped its BOM: UTF-16 (little-endian), tabs
    _write(out, "167_utf16_without_bom.csv", (
        "Mã hồ sơ\tMã TTHC\tKênh thực hiện\tNgày tiếp nhận\tTrạng thái\r\n"
        "U16A\t1.004873\tTrực tiếp\t20220401080000\tĐang xử lý\r\n"
        "U16B\t1.001193\tTrực tuyến\t20220401090000\tĐang xử lý\r\n").encode("utf-16-le"))
    # Excel for Mac's "CSV (Macintosh)": lines end in CR, a line break typed in a cell is
    # a LF inside its quotes (part of the value, not a line)
    _write(out, "168_cr_line_ends_lf_inside_quotes.csv", (
        "MaHoSo,MaDonVi,MaTTHC,TenTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\r"
        'C1,U1,2.000815,"Chứng thực\nbản sao",1,20220401080000,4\r'
        "C2,U1,2.000815,Chứng thực,1,20220401090000,4\r"
        "C3,U1,2.000815,Chứng thực,2,20220401100000,4\r").encode())
    # a column title typed over two lines in its cell: the header takes lines 1-2
    _write(out, "169_header_title_over_two_lines.csv", (
        'Mã hồ sơ,Mã TTHC,Kênh thực hiện,"Ngày tiếp\nnhận",Trạng thái\n'
        "H1,1.004873,Trực tiếp,20220401080000,Đang xử lý\n"
        "H2,1.004873,Trực tuyến,20220401090000,Đang xử lý\n").encode())
    # a title above the header typed over two lines in one cell
    _write(out, "170_title_over_two_lines.csv", (
        '"UBND PHƯỜNG 2\nTHỊ XÃ QUẢNG TRỊ",,,,\n'
        "Mã hồ sơ,Mã TTHC,Kênh thực hiện,Ngày tiếp nhận,Trạng thái\n"
        "H3,1.004873,Trực tiếp,20220401080000,Đang xử lý\n"
        "H4,1.004873,Trực tuyến,20220401090000,Đang xử lý\n").encode())
    # Excel's used range, and a value typed past the titled columns: that line is broken
    _write(out, "171_used_range_value_past_titles.csv", (
        f"{DVCQG},,,\n"
        "V1,U1,1.004873,1,20220401080000,4,,,\n"
        "V2,U1,1.004873,1,20220401090000,4,,ghi chú,\n"
        "V3,U1,1.004873,2,20220401100000,4\n").encode())


if __name__ == "__main__":
    cases(Path(__file__).parent / "files")
