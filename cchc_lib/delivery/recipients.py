"""The recipients book, from either place an office keeps it: ``data/recipients.yml``, or the
"Người nhận" sheet of its logbook (``so_theo_doi_<year>.xlsx``, reports.logbook), given to
``cchc email --recipients``. Both read into the same mapping::

    {"default": [addresses], "UNIT": [addresses],
     "officers": {"UNIT": {"lead's title": [addresses]}}}

The sheet is read as strictly as any input: a row whose "what they receive" is not one of the
sheet's words, or whose address is not one, stops with one message naming the sheet and row.
"""

from __future__ import annotations

from pathlib import Path

from cchc_lib.core import yamlfile
from cchc_lib.core.errors import InputFileError
from cchc_lib.core.lang import delivery as lang
from cchc_lib.core.lang import logbook as book_lang
from cchc_lib.core.text import fold

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def load_book(path: Path) -> object:
    """The recipients book at ``path`` ({} when there is none): YAML, or a logbook."""
    if not path.exists():
        return {}
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return book_from_logbook(path)
    return yamlfile.load_file(path, str(path))


def _rows(path: Path) -> list[list]:
    from python_calamine import CalamineWorkbook

    wanted = book_lang.SHEET_NAMES_VI["recipients"]
    try:
        book = CalamineWorkbook.from_path(str(path))
        name = next((n for n in book.sheet_names if fold(n) == fold(wanted)), None)
        if name is None:
            raise InputFileError(str(path), lang.RECIPIENTS_NO_SHEET_VI.format(sheet=wanted))
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except InputFileError:
        raise
    except Exception as exc:  # calamine's own errors: one line, the file named
        raise InputFileError(str(path), lang.RECIPIENTS_UNREADABLE_VI.format(
            problem=type(exc).__name__)) from None


def book_from_logbook(path: Path) -> dict:
    """The mapping the "Người nhận" sheet holds (rows after its header; blank rows passed)."""
    sheet = book_lang.SHEET_NAMES_VI["recipients"]
    kinds = {fold(v): k for k, v in book_lang.RECIPIENT_KINDS_VI.items()}
    default = fold(book_lang.DEFAULT_RECIPIENT_VI)
    out: dict = {}
    for number, row in enumerate(_rows(path)[1:], start=2):
        cells = [str(c).strip() if c is not None else "" for c in (list(row) + [""] * 4)[:4]]
        unit, kind, title, address = cells
        if not any(cells):
            continue
        where = lang.RECIPIENTS_ROW_VI.format(sheet=sheet, row=number)
        if fold(kind) not in kinds:
            raise InputFileError(str(path), lang.RECIPIENTS_BAD_KIND_VI.format(
                where=where, kinds=", ".join(book_lang.RECIPIENT_KINDS_VI.values())))
        if address.count("@") != 1 or any(ch.isspace() for ch in address) or not unit:
            raise InputFileError(str(path), lang.RECIPIENTS_BAD_ROW_VI.format(where=where))
        if kinds[fold(kind)] == "officer":
            if not title or fold(unit) == default:
                raise InputFileError(str(path), lang.RECIPIENTS_BAD_ROW_VI.format(where=where))
            out.setdefault("officers", {}).setdefault(unit, {}).setdefault(title, []).append(
                address)
        else:
            out.setdefault("default" if fold(unit) == default else unit, []).append(address)
    return out


__all__ = ["WORKBOOK_SUFFIXES", "book_from_logbook", "load_book"]
