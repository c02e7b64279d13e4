"""Biểu số 06/VPCP/KSTT ready to file: the form's 13 columns, as XLSX laid out like the form
(title, two header rows, field rows, total) and as CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import sheets, vi
from cchc_lib.core.errors import CchcError
from cchc_lib.core.periods import Period
from cchc_lib.core.sheets import write_text
from cchc_lib.core.units import unit_name
from cchc_lib.indicators.base import clip_to_data, dated
from cchc_lib.indicators.bieu06 import bieu06

FORM_TITLE = ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT "
              "TTHC")
FORM_CODE = "Biểu số 06/VPCP/KSTT"
GROUPS = tuple((title, tuple(c for c, _ in cols), tuple(label for _, label in cols))
               for title, _, cols in registry.bieu06_groups())  # the registry


def form_table(table: pd.DataFrame) -> pd.DataFrame:
    """The 13 columns of the form, flat headers, field rows then the total row."""
    out = pd.DataFrame({"STT": [str(i) for i in range(1, len(table))] + [""],
                        "Lĩnh vực": table.field.fillna(vi.TOTAL_ROW_VI).tolist()})
    for group, cols, subs in GROUPS:
        for col, sub in zip(cols, subs, strict=True):
            out[f"{group}: {sub}"] = table[col].astype("int64").to_numpy()
    return out


def write_csv(table: pd.DataFrame, path: Path) -> Path:
    return sheets.write_csv(form_table(table), path, encoding="utf-8-sig")  # BOM: Excel reads it


def write_xlsx(table: pd.DataFrame, path: Path, unit_name: str, period: Period) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": f"{FORM_CODE} {unit_name} {period.label}",
                       "created": pd.Timestamp(period.end).to_pydatetime()})
    ws = wb.add_worksheet("Biểu 06")
    bold = wb.add_format({"bold": True, "align": "center", "valign": "vcenter",
                          "text_wrap": True, "border": 1, "bg_color": "#E8EFF7"})
    title = wb.add_format({"bold": True, "align": "center", "font_size": 13})
    plain = wb.add_format({"align": "center"})
    cell = wb.add_format({"border": 1, "num_format": "#,##0"})
    text = wb.add_format({"border": 1, "text_wrap": True})
    total = wb.add_format({"border": 1, "bold": True, "num_format": "#,##0"})
    total_text = wb.add_format({"border": 1, "bold": True})
    write_text(ws, 0, 12, FORM_CODE, wb.add_format({"italic": True, "align": "right"}))
    ws.merge_range(1, 0, 1, 12, "", title)
    write_text(ws, 1, 0, FORM_TITLE, title)
    ws.merge_range(2, 0, 2, 12, "", plain)
    write_text(ws, 2, 0, f"Đơn vị: {unit_name} · Kỳ báo cáo: {period.label_vi()} "
               f"(từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})", plain)
    top, sub = 4, 5
    ws.merge_range(top, 0, sub, 0, "STT", bold)
    ws.merge_range(top, 1, sub, 1, "Lĩnh vực, công việc giải quyết", bold)
    col = 2
    for group, cols, subs in GROUPS:
        ws.merge_range(top, col, top, col + len(cols) - 1, group, bold)
        for j, name in enumerate(subs):
            write_text(ws, sub, col + j, name, bold)
        col += len(cols)
    for i in range(1, 14):
        write_text(ws, sub + 1, i - 1, f"({i})", plain)
    form = form_table(table)
    for i, r in enumerate(form.itertuples(index=False), start=sub + 2):
        last = i == sub + 1 + len(form)
        write_text(ws, i, 0, r[0], total_text if last else text)
        write_text(ws, i, 1, r[1], total_text if last else text)
        for j, v in enumerate(r[2:], start=2):
            ws.write_number(i, j, int(v), total if last else cell)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 12, 11)
    ws.set_row(sub, 45)
    ws.freeze_panes(sub + 2, 2)
    wb.close()
    return path


def write_form(table: pd.DataFrame, path: str | Path, unit_name: str, period: Period,
               kind: str | None = None) -> Path:
    """Write Biểu 06 as ``.xlsx`` or ``.csv`` (``kind``, else the file's suffix)."""
    path = Path(path)
    kind = (kind or path.suffix).lower()
    if kind == ".xlsx":
        return write_xlsx(table, path, unit_name, period)
    if kind == ".csv":
        return write_csv(table, path)
    raise CchcError(f"{path}: Biểu 06 is written as .xlsx or .csv")


def write_unit_form(tables: dict[str, pd.DataFrame], unit_code: str, period: Period,
                    path: Path, kind: str | None = None) -> Path:
    """Biểu 06 of one unit for a period (cut at the last day of data), written to ``path``."""
    span = clip_to_data(period, dated(tables))
    form = bieu06(tables["dossiers"], tables["catalogue"], unit_code, span)
    return write_form(form, path, unit_name(tables["units"], unit_code), span, kind=kind)
