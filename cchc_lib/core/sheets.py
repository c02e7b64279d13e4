"""Spreadsheet cells that cannot run anything (OWASP, "CSV Injection").

Every CSV and XLSX the office may open in Excel or LibreOffice is written through here: a text
cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after any spaces)
gets a leading apostrophe, so the program shows it as text instead of evaluating it; numbers stay
numbers. XLSX text is always written as a string cell (``write_string``), never through
xlsxwriter's ``write()``, which turns text starting with ``=`` into a formula.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from cchc_lib.core.text import on_uniques

_TRIGGER = re.compile(r"^[ \u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]")


def neutral(value: object) -> object:
    """A text value made inert (``"=1+1"`` → ``"'=1+1"``); anything else unchanged."""
    if isinstance(value, str) and _TRIGGER.match(value):
        return "'" + value
    return value


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of the frame made inert; numeric and date columns untouched."""
    out = frame.copy()
    for column in out.columns:
        col = out[column]
        if pd.api.types.is_string_dtype(col) or col.dtype == object:
            text = col.astype("string")
            fixed = on_uniques(text, lambda t: t.map(neutral, na_action="ignore"))
            out[column] = fixed.where(text.notna(), col) if col.dtype == object else fixed
    out.columns = [neutral(str(c)) for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path: str | Path, **options) -> Path:
    """``frame`` as CSV with every text cell made inert (pandas ``to_csv`` options), in UTF-8
    with a BOM unless told otherwise: every CSV the workbook writes is one a person may open in
    Excel, which reads a file without it in the ANSI code page ("Má»¥c" for "Mục")."""
    options.setdefault("encoding", "utf-8-sig")
    neutral_frame(frame).to_csv(path, index=False, **options)
    return Path(path)


def csv_text(frame: pd.DataFrame) -> str:
    return neutral_frame(frame).to_csv(index=False)


def json_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain JSON values (missing -> null, numpy scalars -> Python)."""
    clean = frame.astype(object).where(frame.notna(), None)
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in clean.to_dict("records")]


def write_text(ws, row: int, col: int, value: object, fmt=None) -> None:
    """An XLSX text cell, always a string cell, made inert."""
    ws.write_string(row, col, str(neutral("" if value is None else str(value))), fmt)


def print_a4_landscape(ws, header_rows: tuple[int, int], last_row: int, last_col: int,
                       left_margin: float = 0.6) -> None:
    """The print set-up of a sheet to file: A4 landscape, one page wide and as many tall as
    it takes, the header rows repeated on every page, printed from A1 to
    (``last_row``, ``last_col``)."""
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(*header_rows)
    ws.set_margins(left=left_margin, right=0.4, top=0.6, bottom=0.6)
    ws.print_area(0, 0, last_row, last_col)


def stamp_workbook(wb, ws, stamp) -> None:
    """What made the workbook (:class:`cchc_lib.core.provenance.Stamp`): in its document
    properties (comments, and one custom property each) and, for readers, in the printed
    page's footer. ``None``: nothing."""
    if stamp is None:
        return
    wb.doc_properties["comments"] = stamp.line_vi()
    wb.set_custom_property("cchc_workbook", stamp.workbook)
    wb.set_custom_property("cchc_data_sha256", stamp.data_sha256 or "-")
    wb.set_custom_property("cchc_libraries", ", ".join(
        f"{name} {v}" for name, v in stamp.libraries.items()))
    ws.set_footer("&L&7" + stamp.line_vi().replace("&", "&&"))


__all__ = ["neutral", "neutral_frame", "print_a4_landscape", "stamp_workbook", "write_csv",
           "csv_text", "write_text"]
