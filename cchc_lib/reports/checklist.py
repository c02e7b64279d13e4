"""The evidence checklist for the Home Affairs office: per criterion, the evidence the
methodology requires, what the self-assessment says is attached, what is missing, who answers
for it; shown in the scorecard and written as ``kiem_chung.xlsx`` beside it, to print or send.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from cchc_lib.core import provenance, vi
from cchc_lib.core.catalog import resolve
from cchc_lib.core.formats import points as points_text
from cchc_lib.core.lang.reports import FORM_PLACE_DATE_VI, SIGNERS
from cchc_lib.core.lang.reports_scorecard import (  # COLUMNS_VI: this module's public name
    CHECKLIST_COLUMNS_VI as COLUMNS_VI,
)
from cchc_lib.core.lang.reports_scorecard import (
    CHECKLIST_FILE_MISSING_VI,
    CHECKLIST_FILE_PRESENT_VI,
    CHECKLIST_FILES_COLUMNS_VI,
    CHECKLIST_FILES_SHEET_VI,
    CHECKLIST_FILES_TITLE_VI,
    CHECKLIST_METHOD_VI,
    CHECKLIST_SHEET_VI,
    CHECKLIST_SUMMARY_ALL_EVIDENCED_VI,
    CHECKLIST_SUMMARY_FILE_MISSING_VI,
    CHECKLIST_SUMMARY_MISSING_VI,
    CHECKLIST_SUMMARY_NOT_SCORED_VI,
    CHECKLIST_SUMMARY_VI,
    CHECKLIST_TITLE_VI,
    CHECKLIST_TOTAL_NOTE_NO_SURVEY_VI,
    CHECKLIST_TOTAL_NOTE_VI,
    CHECKLIST_UNIT_VI,
    CHECKLIST_WORKBOOK_TITLE_VI,
)
from cchc_lib.core.provenance import Stamp
from cchc_lib.core.sheets import neutral, print_a4_landscape, stamp_workbook, write_text
from cchc_lib.ingest.evidence import EVIDENCE_DIR
from cchc_lib.ingest.methodology import Methodology
from cchc_lib.par.evidence import criterion_owners, evidence_checklist
from cchc_lib.par.tasks import owners_of, plan_for, tasks_of

FILE_NAME = "kiem_chung.xlsx"
POINT_COLUMNS = ("max_points", "points", "evidenced")


def checklist_of(method: Methodology, tables: dict[str, pd.DataFrame], unit_code: str,
                 year: int, scored: pd.DataFrame) -> pd.DataFrame:
    """The unit's checklist from its scored criteria and its plan's task owners."""
    plan = plan_for(tables, unit_code, year)
    tasks = tasks_of(tables, plan) if plan.own and "plan_tasks" in tables else None
    owners = criterion_owners(method, tasks, owners_of(tables, plan))
    return evidence_checklist(method, scored, owners)


def readable(checklist: pd.DataFrame) -> pd.DataFrame:
    """The checklist in words, numbers kept as numbers: what the sheet and the page show."""
    data = checklist.source == "indicator"
    out = pd.DataFrame({
        "id": checklist.id, "title": checklist.title,
        "max_points": checklist.max_points, "points": checklist.points,
        "evidenced": checklist.evidenced,
        "required": checklist.required.where(~data, vi.EVIDENCE_FROM_DATA_VI)
        .fillna(vi.EVIDENCE_UNNAMED_VI),
        "attached": checklist.attached.where(~data, "—").fillna("").astype(str),
        "status": checklist.status.map(vi.EVIDENCE_STATUS_VI),
        "owner": checklist.owner.replace("", vi.NO_OWNER_VI),
    })
    return out.rename(columns=COLUMNS_VI)


def summary_vi(checklist: pd.DataFrame) -> str:
    """One sentence: how many criteria lack evidence, and the points that hang on it."""
    missing = checklist[checklist.status == "missing"]
    not_scored = int((checklist.status == "not_scored").sum())
    parts = []
    if len(missing):
        parts.append(CHECKLIST_SUMMARY_MISSING_VI.format(
            count=len(missing), points=points_text(missing.at_stake.sum())))
    files = checklist[checklist.status == "file_missing"]
    if len(files):
        parts.append(CHECKLIST_SUMMARY_FILE_MISSING_VI.format(
            count=len(files), folder=EVIDENCE_DIR.as_posix(),
            points=points_text(files.at_stake.sum())))
    if not_scored:
        parts.append(CHECKLIST_SUMMARY_NOT_SCORED_VI.format(count=not_scored))
    if not parts:
        return CHECKLIST_SUMMARY_ALL_EVIDENCED_VI
    return CHECKLIST_SUMMARY_VI.format(parts="; ".join(parts))


def total_note_vi(checklist: pd.DataFrame, method: Methodology) -> str:
    """What the checklist's total adds up, and the methodology's points not in the table
    (the survey's: no evidence to attach)."""
    values = {"count": len(checklist), "points": points_text(checklist.max_points.sum()),
              "total": points_text(method.max_points)}
    if not method.survey_max:
        return CHECKLIST_TOTAL_NOTE_NO_SURVEY_VI.format(**values)
    return CHECKLIST_TOTAL_NOTE_VI.format(survey=method.survey_title,
                                          survey_points=points_text(method.survey_max),
                                          **values)


def write_xlsx(checklist: pd.DataFrame, path: str | Path, unit_name: str, year: int,
               method_name: str, stamp: Stamp | None = None, total_note: str = "",
               evidence_dir: Path | None = None) -> Path:
    """The checklist laid out to print and send: title, unit, methodology, a one-line summary,
    the table (points as numbers, totals as SUM formulas with their values stored), filters on
    the header, what the total adds up (``total_note``), then the place and date and the two
    signatures (who made it, the head of the unit); A4 landscape, one page wide, the header
    repeated on each page. With ``evidence_dir`` (the workbook's ``data/evidence``), a second
    sheet lists every file the evidence names, linked where it was found, flagged where not."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    table = readable(checklist)
    path = Path(path)
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": CHECKLIST_WORKBOOK_TITLE_VI.format(year=year, unit=unit_name),
                       "created": pd.Timestamp(year, 12, 31).to_pydatetime()})
    ws = wb.add_worksheet(CHECKLIST_SHEET_VI)
    base: dict[str, object] = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
    specs: dict[str, dict[str, object]] = {
        "title": {"bold": True, "font_size": 13, "align": "center", "valign": "vcenter"},
        "left": {}, "bold": {"bold": True},
        "head": {"bold": True, "border": 1, "text_wrap": True, "align": "center",
                 "valign": "vcenter", "bg_color": "#E8EFF7"},
        "text": {"border": 1, "text_wrap": True},
        "missing": {"border": 1, "text_wrap": True, "bold": True, "font_color": "#B03A2E"},
        "number": {"border": 1, "num_format": "0.00"},
        "total": {"border": 1, "bold": True, "num_format": "0.00"},
        "total_text": {"border": 1, "bold": True},
        "note": {"italic": True, "text_wrap": True},
        "sign": {"bold": True, "align": "center"},
        "sign_note": {"italic": True, "align": "center"},
    }
    fmt = {name: wb.add_format(base | spec) for name, spec in specs.items()}
    last = len(table.columns) - 1
    ws.merge_range(0, 0, 0, last, "", fmt["title"])
    write_text(ws, 0, 0, CHECKLIST_TITLE_VI.format(year=year), fmt["title"])
    write_text(ws, 1, 0, CHECKLIST_UNIT_VI.format(unit=unit_name), fmt["bold"])
    write_text(ws, 2, 0, CHECKLIST_METHOD_VI.format(method=method_name), fmt["left"])
    write_text(ws, 3, 0, summary_vi(checklist), fmt["bold"])
    head = 5
    for j, name in enumerate(table.columns):
        write_text(ws, head, j, name, fmt["head"])
    numeric = {COLUMNS_VI[c] for c in POINT_COLUMNS}
    status = COLUMNS_VI["status"]
    flagged = {vi.EVIDENCE_STATUS_VI["missing"], vi.EVIDENCE_STATUS_VI["file_missing"]}
    first = head + 1
    for i, row in enumerate(table.itertuples(index=False), start=first):
        for j, (name, value) in enumerate(zip(table.columns, row, strict=True)):
            if name in numeric:
                ws.write_number(i, j, float(value), fmt["number"])
            elif value == "":
                ws.write_blank(i, j, None, fmt["text"])
            else:
                style = "missing" if name == status and value in flagged else "text"
                write_text(ws, i, j, value, fmt[style])
    total = first + len(table)
    write_text(ws, total, 1, vi.TOTAL_ROW_VI, fmt["total_text"])
    ws.write_blank(total, 0, None, fmt["total_text"])
    for j, name in enumerate(table.columns):
        if name in numeric and len(table):
            cells = f"{xl_rowcol_to_cell(first, j)}:{xl_rowcol_to_cell(total - 1, j)}"
            ws.write_formula(total, j, f"=SUM({cells})", fmt["total"],
                             round(float(table[name].sum()), 2))
        elif j > 1:
            ws.write_blank(total, j, None, fmt["total_text"])
    below = total + 1
    if total_note:
        ws.merge_range(below, 0, below, last, "", fmt["note"])
        write_text(ws, below, 0, total_note, fmt["note"])
        ws.set_row(below, 30)
        below += 1
    sign = below + 1
    ws.merge_range(sign, 5, sign, last, "", fmt["sign_note"])
    write_text(ws, sign, 5, FORM_PLACE_DATE_VI, fmt["sign_note"])
    for (title, note), (a, b) in zip(SIGNERS, ((0, 2), (5, last)), strict=True):
        for k, (text, style) in enumerate(((title, "sign"), (note, "sign_note")), start=1):
            ws.merge_range(sign + k, a, sign + k, b, "", fmt[style])
            write_text(ws, sign + k, a, text, fmt[style])
    for j, width in enumerate((8, 38, 8, 8, 10, 38, 34, 14, 18)):
        ws.set_column(j, j, width)
    ws.set_row(head, 32)
    ws.freeze_panes(first, 2)
    ws.autofilter(head, 0, total - 1, last)
    print_a4_landscape(ws, (head, head), sign + 6, last, left_margin=0.5)
    stamp_workbook(wb, ws, stamp)
    if evidence_dir is not None:
        _files_sheet(wb, fmt, checklist, path, Path(evidence_dir))
    wb.close()
    return path


def file_rows(checklist: pd.DataFrame) -> list[tuple[str, str, str, bool]]:
    """One row per file a criterion's evidence names: id, title, file (relative to the
    evidence folder), whether it was there at the last ingest; in the checklist's order."""
    out: list[tuple[str, str, str, bool]] = []
    for r in checklist.itertuples(index=False):
        if not isinstance(r.evidence_files, str) or not r.evidence_files:
            continue
        gone = set(str(r.evidence_missing).split("; ")) if isinstance(r.evidence_missing,
                                                                     str) else set()
        out.extend((r.id, r.title, name, name not in gone)
                   for name in r.evidence_files.split("; "))
    return out


def _link(file: str, evidence_dir: Path, workbook: Path) -> str | None:
    """A link from the workbook to an evidence file, relative (the folder copied or shared
    whole keeps it); None for a name that leads outside the folder or that Excel would read
    as something else."""
    from cchc_lib.ingest.evidence import relative_name

    if relative_name(file, evidence_dir) != file or "#" in file or len(file) > 200:
        return None
    target = evidence_dir / file
    try:
        return "external:" + Path(os.path.relpath(target, workbook.resolve().parent)).as_posix()
    except ValueError:  # Windows: another drive
        return "external:" + str(target.resolve())


def _files_sheet(wb, fmt: dict, checklist: pd.DataFrame, path: Path,
                 evidence_dir: Path) -> None:
    """The files the evidence names, one per row, each linked where it is on disk; written
    when some criterion names a file."""
    rows = file_rows(checklist)
    if not rows:
        return
    ws = wb.add_worksheet(CHECKLIST_FILES_SHEET_VI)
    link_fmt = wb.add_format({"font_name": "Times New Roman", "font_size": 11, "border": 1,
                              "font_color": "#1F4E79", "underline": 1})
    write_text(ws, 0, 0, CHECKLIST_FILES_TITLE_VI.format(folder=EVIDENCE_DIR.as_posix()),
               fmt["bold"])
    for j, title in enumerate(CHECKLIST_FILES_COLUMNS_VI):
        write_text(ws, 2, j, title, fmt["head"])
    for i, (cid, title, file, present) in enumerate(rows, start=3):
        write_text(ws, i, 0, cid, fmt["text"])
        write_text(ws, i, 1, title, fmt["text"])
        url = _link(file, evidence_dir, path) if present else None
        if url:
            ws.write_url(i, 2, url, link_fmt, string=str(neutral(file)))
        else:
            write_text(ws, i, 2, file, fmt["text"])
        write_text(ws, i, 3, CHECKLIST_FILE_PRESENT_VI if present
                   else CHECKLIST_FILE_MISSING_VI, fmt["text"] if present else fmt["missing"])
    for j, width in enumerate((8, 46, 46, 22)):
        ws.set_column(j, j, width)
    ws.freeze_panes(3, 0)
    print_a4_landscape(ws, (2, 2), 2 + len(rows), 3, left_margin=0.5)


def write_checklist_document(unit_code: str, year: int, data_dir: str | Path,
                             path: str | Path) -> Path:
    """Score the unit for the year and write its checklist to ``path``."""
    from cchc_lib.core.units import unit_name
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.par.scoring import processed_methodology, rankings

    data_dir = resolve(data_dir)
    tables = read_processed(data_dir, unit_code=unit_code)
    method = processed_methodology(data_dir)
    scored = rankings(data_dir, year)[0][unit_code][0].copy()  # as its scorecard scored it
    checklist = checklist_of(method, tables, unit_code, year, scored)
    return write_xlsx(checklist, path, unit_name(tables["units"], unit_code), year, method.name,
                      provenance.stamp(data_dir), total_note_vi(checklist, method),
                      resolve(EVIDENCE_DIR))


__all__ = ["COLUMNS_VI", "FILE_NAME", "checklist_of", "file_rows", "readable", "summary_vi",
           "total_note_vi", "write_checklist_document", "write_xlsx"]
