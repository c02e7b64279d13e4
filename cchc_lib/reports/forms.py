"""Biểu số 06/VPCP/KSTT ready to file: the form's 13 columns, as XLSX laid out like the form
(title, two header rows, field rows, total) and as CSV.

A column the unit's exports cannot count (the end dates, for what was resolved, pending or
carried over: ``attrs["no_data"]`` of :func:`~cchc_lib.indicators.bieu06.bieu06`) is written,
not refused: its cells say "không có số liệu" (the CSV's, the whole note: it has no other
place for it), and the XLSX says why under the table. The columns that can be counted are
true and the office files them; a 0 in the others would be filed as a fact.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import sheets, vi
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang.reports import (
    BIEU06_COLUMNS_VI,
    FORM_CODE,
    FORM_DATE_RECEIVED_VI,
    FORM_FIELD_HEAD_VI,
    FORM_KIND_UNKNOWN_VI,
    FORM_NOTE_LINE_VI,
    FORM_NOTE_VI,
    FORM_PERIOD_VI,
    FORM_PLACE_DATE_VI,
    FORM_RECEIVER_BLANK,
    FORM_RECEIVING_UNIT_VI,
    FORM_REPORTING_UNIT_VI,
    FORM_SHEET_VI,
    FORM_TITLE,
    SIGNERS,
)
from cchc_lib.core.periods import Period
from cchc_lib.core.provenance import Stamp
from cchc_lib.core.sheets import print_a4_landscape, stamp_workbook, write_text
from cchc_lib.core.text import within_sentence
from cchc_lib.core.units import parent_name, unit_name
from cchc_lib.indicators.base import clip_to_data, dated
from cchc_lib.indicators.bieu06 import bieu06
from cchc_lib.indicators.unknown import Lacking

GROUPS = tuple((title, tuple(c for c, _ in cols), tuple(label for _, label in cols))
               for title, _, cols in registry.bieu06_groups())  # the registry


def form_table(table: pd.DataFrame, said: str = "note") -> pd.DataFrame:
    """The 13 columns of the form, flat headers, field rows then the total row; a column that
    cannot be counted holds, in every row, its note (``said="note"``) or "không có số liệu"
    (``said="short"``)."""
    unknown = table.attrs.get("no_data", {})
    head = BIEU06_COLUMNS_VI
    out = pd.DataFrame({head["number"]: [str(i) for i in range(1, len(table))] + [""],
                        head["field"]: table.field.fillna(vi.TOTAL_ROW_VI).tolist()})
    for group, cols, subs in GROUPS:
        for col, sub in zip(cols, subs, strict=True):
            out[f"{group}: {sub}"] = (
                table[col].astype("int64").to_numpy() if col not in unknown
                else [unknown[col] if said == "note" else vi.NO_DATA_VI] * len(table))
    return out


def form_notes(table: pd.DataFrame) -> list[str]:
    """Why the form's columns that cannot be counted say "không có số liệu", by the form's
    column numbers: "cột (3), (6): không có số liệu: tệp xuất không có cột …"."""
    unknown = table.attrs.get("no_data", {})
    numbers = {col: n for n, col in enumerate((c for _, cols, _ in GROUPS for c in cols),
                                              start=3)}  # (1) STT, (2) Lĩnh vực
    by_note: dict[str, list[str]] = {}
    for column, note in unknown.items():
        if column in numbers:
            by_note.setdefault(note, []).append(f"({numbers[column]})")
    return [FORM_NOTE_VI.format(columns=", ".join(columns), note=note)
            for note, columns in by_note.items()]


def write_csv(table: pd.DataFrame, path: Path, sep: str = ",") -> Path:
    """The form as CSV with a BOM (Excel reads UTF-8 by it); ``sep=";"`` for Excel set to a
    Vietnamese locale, which reads ``,`` as the decimal mark and opens a comma file in one
    column."""
    return sheets.write_csv(form_table(table), path, encoding="utf-8-sig", sep=sep)


LAST_COL = 12  # the form's 13 columns: A..M


def write_xlsx(table: pd.DataFrame, path: Path, unit_name: str, period: Period,
               receiver: str = "", stamp: Stamp | None = None) -> Path:
    """The form laid out to be printed, signed and filed: reporting and receiving unit, the
    date received left to fill, the form's two header rows and numbered columns, STT as
    numbers, the total row as SUM formulas (their values stored for readers that do not
    calculate), the signature block; A4 landscape, one page wide, header rows repeated."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": f"{FORM_CODE} {unit_name} {period.label}",
                       "created": pd.Timestamp(period.end).to_pydatetime()})
    ws = wb.add_worksheet(FORM_SHEET_VI)
    base: dict[str, object] = {"font_name": "Times New Roman", "font_size": 11, "valign": "vcenter"}
    specs: dict[str, dict[str, object]] = {
        "head": {"bold": True, "align": "center", "text_wrap": True, "border": 1,
                 "bg_color": "#E8EFF7"},
        "title": {"bold": True, "align": "center", "font_size": 13, "text_wrap": True},
        "center": {"align": "center"},
        "left": {"align": "left"},
        "left_bold": {"align": "left", "bold": True},
        "right": {"align": "right", "italic": True},
        "number": {"border": 1, "num_format": "#,##0"},
        "stt": {"border": 1, "align": "center", "num_format": "0"},
        "text": {"border": 1, "text_wrap": True},
        "total": {"border": 1, "bold": True, "num_format": "#,##0"},
        "total_text": {"border": 1, "bold": True},
        "sign": {"bold": True, "align": "center"},
        "sign_note": {"italic": True, "align": "center"},
        "note": {"italic": True, "align": "left", "text_wrap": True},
    }
    fmt = {name: wb.add_format(base | spec) for name, spec in specs.items()}

    def line(row: int, first: int, last: int, value: str, style: str) -> None:
        ws.merge_range(row, first, row, last, "", fmt[style])
        write_text(ws, row, first, value, fmt[style])

    line(0, 0, 6, FORM_REPORTING_UNIT_VI.format(unit=unit_name), "left_bold")
    line(0, 9, LAST_COL, FORM_CODE, "right")
    line(1, 0, 6, FORM_RECEIVING_UNIT_VI.format(
        receiver=receiver or FORM_RECEIVER_BLANK), "left")
    line(1, 9, LAST_COL, FORM_DATE_RECEIVED_VI, "right")
    line(3, 0, LAST_COL, FORM_TITLE, "title")
    line(4, 0, LAST_COL, FORM_PERIOD_VI.format(label=period.label_vi(), start=period.start,
                                               end=period.end), "center")
    top, sub = 6, 7
    ws.merge_range(top, 0, sub, 0, BIEU06_COLUMNS_VI["number"], fmt["head"])
    ws.merge_range(top, 1, sub, 1, FORM_FIELD_HEAD_VI, fmt["head"])
    col = 2
    for group, cols, subs in GROUPS:
        ws.merge_range(top, col, top, col + len(cols) - 1, group, fmt["head"])
        for j, name in enumerate(subs):
            write_text(ws, sub, col + j, name, fmt["head"])
        col += len(cols)
    for i in range(LAST_COL + 1):
        write_text(ws, sub + 1, i, f"({i + 1})", fmt["center"])
    form = form_table(table, said="short")
    first = sub + 2
    fields = form.iloc[:-1]
    for i, r in enumerate(fields.itertuples(index=False), start=first):
        ws.write_number(i, 0, int(r[0]), fmt["stt"])
        write_text(ws, i, 1, r[1], fmt["text"])
        for j, v in enumerate(r[2:], start=2):
            if isinstance(v, str):  # a column that cannot be counted: said, not 0
                write_text(ws, i, j, v, fmt["text"])
            else:
                ws.write_number(i, j, int(v), fmt["number"])
    total_row = first + len(fields)
    ws.write_blank(total_row, 0, None, fmt["total_text"])
    write_text(ws, total_row, 1, vi.TOTAL_ROW_VI, fmt["total_text"])
    for j, v in enumerate(form.iloc[-1, 2:], start=2):
        if isinstance(v, str):
            write_text(ws, total_row, j, v, fmt["total_text"])
        elif len(fields):
            cells = f"{xl_rowcol_to_cell(first, j)}:{xl_rowcol_to_cell(total_row - 1, j)}"
            ws.write_formula(total_row, j, f"=SUM({cells})", fmt["total"], int(v))
        else:
            ws.write_number(total_row, j, int(v), fmt["total"])
    notes = form_notes(table)  # why a column says "không có số liệu", under the table
    for k, note in enumerate(notes, start=total_row + 1):
        line(k, 0, LAST_COL, FORM_NOTE_LINE_VI.format(note=note), "note")
        ws.set_row(k, 30)
    sign = total_row + 2 + len(notes)
    line(sign, 8, LAST_COL, FORM_PLACE_DATE_VI, "sign_note")
    for (title, note), (a, b) in zip(SIGNERS, ((0, 4), (8, LAST_COL)), strict=True):
        line(sign + 1, a, b, title, "sign")
        line(sign + 2, a, b, note, "sign_note")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 30)
    ws.set_column(2, LAST_COL, 10.5)
    ws.set_row(3, 33)
    ws.set_row(sub, 45)
    ws.freeze_panes(first, 2)
    print_a4_landscape(ws, (top, sub + 1), sign + 6, LAST_COL)
    ws.center_horizontally()
    stamp_workbook(wb, ws, stamp)
    wb.close()
    return path


FORM_KINDS = (".xlsx", ".csv", ";.csv")  # ";.csv": the semicolon CSV for Vietnamese Excel


def form_kind(name: str) -> str:
    """The kind of a Biểu 06 file from its name: ``…_vn.csv`` is the semicolon CSV."""
    return ";.csv" if name.endswith("_vn.csv") else Path(name).suffix.lower()


def write_form(table: pd.DataFrame, path: str | Path, unit_name: str, period: Period,
               kind: str | None = None, receiver: str = "", stamp: Stamp | None = None) -> Path:
    """Write Biểu 06 as ``.xlsx``, ``.csv`` or ``;.csv`` (``kind``, else from the file's
    name)."""
    path = Path(path)
    kind = (kind or form_kind(path.name)).lower()
    if kind == ".xlsx":
        return write_xlsx(table, path, unit_name, period, receiver, stamp)
    if kind == ".csv":
        return write_csv(table, path)
    if kind == ";.csv":
        return write_csv(table, path, sep=";")
    raise CchcError(FORM_KIND_UNKNOWN_VI.format(path=path))


def write_unit_form(tables: dict[str, pd.DataFrame], unit_code: str, period: Period,
                    path: Path, kind: str | None = None, stamp: Stamp | None = None) -> Path:
    """Biểu 06 of one unit for a period (cut at the last day of data), written to ``path``."""
    form, name, span, receiver = unit_form(tables, unit_code, period)
    return write_form(form, path, name, span, kind=kind, receiver=receiver, stamp=stamp)


def unit_form(tables: dict[str, pd.DataFrame], unit_code: str, period: Period
              ) -> tuple[pd.DataFrame, str, Period, str]:
    """Biểu 06 of one unit for a period cut at the last day of data: the table, the unit's
    name, the period it covers and the receiving office."""
    span = clip_to_data(period, dated(tables))
    form = bieu06(tables["dossiers"], tables["catalogue"], unit_code, span,
                  lacking=Lacking.of(tables, [unit_code]))
    parent = parent_name(tables["units"], unit_code)
    receiver = f"UBND {within_sentence(parent)}" if parent else ""
    return form, unit_name(tables["units"], unit_code), span, receiver


__all__ = [
    "form_kind", "FORM_KINDS", "form_notes", "form_table", "GROUPS", "LAST_COL", "unit_form",
    "write_csv", "write_form", "write_unit_form", "write_xlsx",
]
