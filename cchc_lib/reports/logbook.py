"""The office's yearly logbook, ``so_theo_doi_<year>.xlsx``: the records it keeps by hand
(units, plans, targets, plan tasks, their progress, the self-assessment, the official results)
in one workbook with lists to pick from, which ingest reads back sheet by sheet (the data
catalog points each table at its sheet: :func:`logbook_catalog_entries`).

Each data sheet: row 1 the column titles (each one a header alias that ingest maps back to
exactly its column, checked here), locked and frozen; then the table's rows; the cells below
are formatted by their column (dates dd/mm/yyyy, numbers, text kept as text) and checked to
row :data:`LAST_ROW` (drop-down lists, dates within the year, points up to the criterion's
maximum), with a prompt on every column and a Vietnamese error alert. Sheets are protected
without a password (the header cannot be changed by mistake; an office can unprotect).
The formats are the columns' own, so no empty row is written: Excel prints and counts only the
rows that hold something.

The self-assessment holds one row per criterion the office scores by hand (the methodology's
``manual`` leaves) per unit, filled with what is already scored, and three read-only helper
columns at its right (the criterion's title, maximum, the evidence it needs) whose titles name
no column and none of the data contract's words: ingest passes over them without a warning.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema
from cchc_lib.core.lang import logbook as lang
from cchc_lib.core.schema import Table
from cchc_lib.core.sheets import write_text
from cchc_lib.core.text import match_key
from cchc_lib.ingest.methodology import Methodology
from cchc_lib.par.scoring import SURVEY_ID

FILE_NAME = "so_theo_doi_{year}.xlsx"
TABLES = schema.HAND_KEPT
SHEETS: dict[str, str] = {name: lang.SHEET_NAMES_VI[name] for name in TABLES}
GUIDE_SHEET = lang.SHEET_NAMES_VI["guide"]
RECIPIENTS_SHEET = lang.SHEET_NAMES_VI["recipients"]
LISTS_SHEET = lang.SHEET_NAMES_VI["lists"]
LAST_ROW = 1000  # the last row (Excel's numbering) the checks and lists reach
EARLIEST_YEAR = 2015  # the one-stop systems' data begin then (ingest/checks.py)
INLINE_LIST_MAX = 255  # Excel's limit on a list written into the check itself
# the lists sheet's columns (0-based)
LIST_COLUMNS = ("indicator", "status", "criterion", "title", "max_points", "manual")
HELPERS = ("title", "max_points", "evidence")
NUMBER_FORMATS = {"datetime": "dd/mm/yyyy", "count": "0", "amount": "0.0#", "share": "0.0%",
                  "text": "@", "code": "@", "procedure_code": "@"}
WIDTH_MIN, WIDTH_MAX = 8, 60


def logbook_catalog_entries(path_in_catalog: str) -> dict[str, dict]:
    """The data catalog's entries that read each table from its sheet of the logbook at
    ``path_in_catalog`` (as the catalog writes it: relative to the catalog file)."""
    return {name: {"path": path_in_catalog, "sheet": sheet} for name, sheet in SHEETS.items()}


def column_title(table: Table, column: str) -> str:
    """The logbook's title of a column: one of its header aliases, refused otherwise (the
    vocabulary changed under the logbook)."""
    title = lang.COLUMN_TITLES_VI[table.name][column]
    col = next(c for c in table.columns if c.name == column)
    others = {match_key(a) for c in table.columns if c.name != column for a in c.aliases}
    key = match_key(title)
    if key not in {match_key(a) for a in col.aliases} or key in others:
        raise ValueError(f"{table.name}.{column}: {title!r} is not read as that column")
    return title


# --------------------------------------------------------------------------------------
# The rows written: codes back in words, the self-assessment filled per unit and criterion
# --------------------------------------------------------------------------------------


def _words(table: Table, frame: pd.DataFrame | None) -> pd.DataFrame:
    """The table's columns in schema order (missing ones blank), codes as their first
    Vietnamese spelling, so ingest reads them back as the same codes."""
    frame = frame if frame is not None else pd.DataFrame()
    out = pd.DataFrame(index=frame.index)
    for col in table.columns:
        values = frame[col.name] if col.name in frame else pd.Series(pd.NA, index=frame.index,
                                                                      dtype=object)
        if col.kind == "code" and col.vocabulary:
            spelled = {code: words[0] for code, words in
                       schema.VOCABULARIES[col.vocabulary].items()}
            values = values.map(lambda v, s=spelled: s.get(v, v), na_action="ignore")
        out[col.name] = values
    return out.reset_index(drop=True)


def self_assessment_rows(tables: dict[str, pd.DataFrame], year: int,
                         methodology: Methodology) -> pd.DataFrame:
    """One row per manual criterion per unit for ``year``, with the points, evidence and note
    already given; then the given rows outside that grid (another year, another criterion, a
    row given twice), as they were: every given row is written."""
    table = schema.SELF_ASSESSMENT
    given = _words(table, tables.get("self_assessment"))
    units = tables.get("units")
    codes = list(dict.fromkeys(units.unit_code.dropna())) if units is not None else []
    manual = [c.id for c in methodology.leaves() if c.manual]
    grid = pd.DataFrame([(u, year, c) for u in codes for c in manual],
                        columns=["unit_code", "year", "criterion_id"])
    given_keys = _keys(given)
    first = ~given_keys.duplicated()
    by_key = given[first].set_index(given_keys[first])
    grid_keys = _keys(grid)
    filled = grid.assign(**{c: by_key[c].reindex(grid_keys).to_numpy()
                            for c in ("points", "evidence", "note")})
    outside = given[~(given_keys.isin(set(grid_keys)) & first)]  # a repeated row is kept too
    rows = pd.concat([filled, outside], ignore_index=True) if len(outside) else filled
    return rows[table.names]


def _keys(frame: pd.DataFrame) -> pd.Series:
    """A self-assessment row's key: unit, year, criterion, as one text."""
    parts = zip(frame.unit_code, frame.year, frame.criterion_id, strict=True)
    return pd.Series([f"{u}|{y}|{c}" for u, y, c in parts], index=frame.index, dtype=object)


# --------------------------------------------------------------------------------------
# Checks: what each column accepts
# --------------------------------------------------------------------------------------


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _span(col: int, first: int = 1, last: int = LAST_ROW - 1) -> str:
    """``$A$2:$A$1000``: a column's cells from row ``first`` to ``last`` (0-based)."""
    return f"{xl_rowcol_to_cell(first, col, True, True)}:{xl_rowcol_to_cell(last, col, True, True)}"


def _column_range(sheet: str, col: int, first: int = 1, last: int = LAST_ROW - 1) -> str:
    """``='Sheet'!$A$2:$A$1000``, a list check's source."""
    return f"={_quoted(sheet)}!{_span(col, first, last)}"


def _list_source(values: list[str], sheet_col: int) -> str | list[str]:
    """An inline list (≤ 255 characters, no comma in a value), else the lists sheet's range."""
    if values and len(",".join(values)) <= INLINE_LIST_MAX and not any("," in v for v in values):
        return values
    return _column_range(LISTS_SHEET, sheet_col, 1, max(len(values), 1))


def _rule(table: Table, column: str, year: int, lists: dict) -> tuple[str, dict]:
    """(the prompt's rule key, the xlsxwriter check without its messages) for a column."""
    col = next(c for c in table.columns if c.name == column)
    pos = table.names.index(column)
    here = xl_rowcol_to_cell(1, pos, row_abs=False, col_abs=True)
    keys = {"units": "unit_code", "plans": "plan_id", "plan_tasks": "task_id"}
    if keys.get(table.name) == column:
        return "unique", {"validate": "custom", "value": f"=COUNTIF({_span(pos)},{here})=1"}
    source = {"unit_code": "unit", "plan_id": "plan", "task_id": "task",
              "indicator": "indicator", "status": "status", "criterion_id": "criterion"}
    if column in source:
        name = source[column]
        if column == "criterion_id" and table is schema.SELF_ASSESSMENT:
            name = "manual"
        return f"{source[column]}_list", {"validate": "list", "source": lists[name]}
    if column == "points":
        criterion = xl_rowcol_to_cell(1, table.names.index("criterion_id"), False, True)
        maximum = f"=VLOOKUP({criterion},{lists['criteria_range']},3,FALSE)"
        return "points", {"validate": "decimal", "criteria": "between", "minimum": 0,
                          "maximum": maximum}
    if column == "year":
        return "year", {"validate": "integer", "criteria": "between",
                        "minimum": EARLIEST_YEAR, "maximum": year + 1}
    if col.kind == "datetime":
        low = date(year, 1, 1) if table is schema.PLAN_PROGRESS else date(year - 1, 1, 1)
        return ("date_year" if table is schema.PLAN_PROGRESS else "date"), {
            "validate": "date", "criteria": "between", "minimum": low,
            "maximum": date(year, 12, 31)}
    if col.kind == "share":
        return "share", {"validate": "decimal", "criteria": "between", "minimum": 0,
                         "maximum": 1}
    if col.kind in ("count", "amount"):
        return "number", {"validate": "decimal", "criteria": ">=", "value": 0}
    return "text", {"validate": "any"}


def _messages(table: Table, column: str, rule: str, check: dict, year: int) -> dict:
    """The check's prompt (the column's title and what it holds) and its error alert."""
    prompt = " ".join(p for p in (lang.PROMPTS_VI[table.name][column],
                                  lang.RULE_PROMPTS_VI[rule].format(year=year)) if p)
    out = {"input_title": column_title(table, column)[:32], "input_message": prompt[:255]}
    kind = "list" if rule.endswith("_list") else {"date_year": "date"}.get(rule, rule)
    if kind in lang.ERRORS_VI:
        title, text = lang.ERRORS_VI[kind]
        low, high = check.get("minimum"), check.get("maximum")
        if isinstance(low, date):
            low, high = low.strftime("%d/%m/%Y"), high.strftime("%d/%m/%Y")  # type: ignore[union-attr]
        out |= {"error_title": title[:32], "error_message": text.format(low=low,
                                                                         high=high)[:255],
                "error_type": "stop"}
    return out


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


def _width(title: str, values: pd.Series) -> float:
    texts = [len(str(v)) for v in values.dropna()]
    longest = max([len(title) + 2, *texts]) if texts else len(title) + 2
    return float(min(max(longest + 1, WIDTH_MIN), WIDTH_MAX))


def _cell(ws, row: int, col: int, value: object, kind: str, fmt) -> None:
    """One data cell: text through the neutralising writer, numbers and dates as such."""
    if value is None or value is pd.NA or value is pd.NaT or value == "" \
            or (isinstance(value, float) and pd.isna(value)):
        ws.write_blank(row, col, None, fmt)
    elif kind == "datetime":
        ws.write_datetime(row, col, pd.Timestamp(value).to_pydatetime(), fmt)
    elif kind in ("count", "amount", "share"):
        ws.write_number(row, col, float(value), fmt)  # type: ignore[arg-type]
    else:
        write_text(ws, row, col, value, fmt)


def _print_setup(ws) -> None:
    """A4 landscape, one page wide, row 1 on every page. No print area: Excel prints the
    rows that hold something, so a row an office adds is printed too (``core.sheets.
    print_a4_landscape`` fixes the area to the rows written)."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)


PROTECTION = {"format_columns": True, "format_rows": True, "insert_rows": True,
              "delete_rows": True, "autofilter": True, "sort": True}


def _data_sheet(wb, fmt: dict, table: Table, rows: pd.DataFrame, year: int, lists: dict,
                helpers: pd.DataFrame | None = None) -> None:
    ws = wb.add_worksheet(SHEETS[table.name])
    for j, col in enumerate(table.columns):
        title = column_title(table, col.name)
        cell = fmt[("cell", col.kind)]
        ws.set_column(j, j, _width(title, rows[col.name]), cell)
        write_text(ws, 0, j, title, fmt["head"])
        for i, value in enumerate(rows[col.name], start=1):
            _cell(ws, i, j, value, col.kind, cell)
        rule, check = _rule(table, col.name, year, lists)
        ws.data_validation(1, j, LAST_ROW - 1, j,
                           {**check, **_messages(table, col.name, rule, check, year)})
    last = len(table.columns) - 1
    if helpers is not None:
        for k, name in enumerate(HELPERS, start=len(table.columns)):
            title = lang.HELPER_TITLES_VI[name]
            kind = "amount" if name == "max_points" else "text"
            ws.set_column(k, k, _width(title, helpers[name]) if name != "title" else 50,
                          fmt[("helper", kind)])
            write_text(ws, 0, k, title, fmt["helper_head"])
            for i, value in enumerate(helpers[name], start=1):
                _cell(ws, i, k, value, kind, fmt[("helper", kind)])
        last += len(HELPERS)
    ws.set_row(0, 32)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), last)
    ws.protect("", PROTECTION)
    _print_setup(ws)


def list_values(methodology: Methodology) -> dict[str, list]:
    """The values of the hidden lists sheet, by column: the plan's indicators, the task
    status words (each status's first spelling), every scored criterion (the leaves and the
    survey) with its title and maximum, and the criteria the office scores by hand."""
    criteria = [(c.id, c.title, c.max_points) for c in methodology.leaves()]
    if methodology.survey_max:
        criteria.append((SURVEY_ID, methodology.survey_title, methodology.survey_max))
    return {
        "indicator": list(registry.plan_ids()),
        "status": [words[0] for words in schema.TASK_STATUSES.values()],
        "criterion": [c[0] for c in criteria], "title": [c[1] for c in criteria],
        "max_points": [c[2] for c in criteria],
        "manual": [c.id for c in methodology.leaves() if c.manual],
    }


def list_sources(columns: dict[str, list]) -> dict[str, str | list[str]]:
    """Where each list check takes its values: the units', plans' and tasks' sheets, an
    inline list when it fits, else the lists sheet; ``criteria_range`` is the id, title and
    maximum of every criterion (the points' maximum is looked up there)."""
    crit = LIST_COLUMNS.index("criterion")
    last = max(len(columns["criterion"]), 1)
    return {
        "unit": _column_range(SHEETS["units"], schema.UNITS.names.index("unit_code")),
        "plan": _column_range(SHEETS["plans"], schema.PLANS.names.index("plan_id")),
        "task": _column_range(SHEETS["plan_tasks"], schema.PLAN_TASKS.names.index("task_id")),
        **{name: _list_source([str(v) for v in columns[name]], LIST_COLUMNS.index(name))
           for name in ("indicator", "status", "criterion", "manual")},
        "criteria_range": (f"{_quoted(LISTS_SHEET)}!{xl_rowcol_to_cell(1, crit, True, True)}:"
                           f"{xl_rowcol_to_cell(last, crit + 2, True, True)}"),
    }


def _lists_sheet(wb, fmt: dict, columns: dict[str, list]) -> None:
    """The hidden lists sheet."""
    ws = wb.add_worksheet(LISTS_SHEET)
    for j, name in enumerate(LIST_COLUMNS):
        write_text(ws, 0, j, lang.LISTS_TITLES_VI[name], fmt["head"])
        for i, value in enumerate(columns[name], start=1):
            if name == "max_points":
                ws.write_number(i, j, float(value))
            else:
                write_text(ws, i, j, value)
    ws.hide()
    ws.protect("", PROTECTION)


def _height(text: str, per_line: int = 105) -> int:
    """A wrapped guide row's height: 16 points a line, two lines at least."""
    return 16 * max(2, -(-len(text) // per_line))


def _guide_sheet(wb, fmt: dict, year: int) -> None:
    ws = wb.add_worksheet(GUIDE_SHEET)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 100)
    write_text(ws, 0, 0, lang.GUIDE_TITLE_VI.format(year=year), fmt["title"])
    row = 2
    for line in lang.GUIDE_LINES_VI:
        ws.merge_range(row, 0, row, 1, "", fmt["wrap"])
        write_text(ws, row, 0, line.format(year=year), fmt["wrap"])
        ws.set_row(row, _height(line))
        row += 1
    row += 1
    for key, text in lang.GUIDE_SHEETS_VI:
        write_text(ws, row, 0, lang.SHEET_NAMES_VI[key], fmt["bold"])
        write_text(ws, row, 1, text, fmt["wrap"])
        ws.set_row(row, _height(text))
        row += 1
    ws.activate()
    _print_setup(ws)


def _recipient_rows(recipients: dict | None) -> list[tuple[str, str, str, str]]:
    """(unit, what they receive, officer's title, address), in the file's order."""
    rows: list[tuple[str, str, str, str]] = []
    for unit, value in (recipients or {}).items():
        if unit == "officers" and isinstance(value, dict):
            for code, officers in value.items():
                for title, addresses in (officers or {}).items():
                    for a in [addresses] if isinstance(addresses, str) else addresses or []:
                        rows.append((str(code), lang.RECIPIENT_KINDS_VI["officer"],
                                     str(title), str(a)))
            continue
        shown = lang.DEFAULT_RECIPIENT_VI if unit == "default" else str(unit)
        for a in [value] if isinstance(value, str) else value or []:
            rows.append((shown, lang.RECIPIENT_KINDS_VI["report"], "", str(a)))
    return rows


def _recipients_sheet(wb, fmt: dict, recipients: dict | None) -> None:
    ws = wb.add_worksheet(RECIPIENTS_SHEET)
    rows = _recipient_rows(recipients)
    for j, title in enumerate(lang.RECIPIENT_TITLES_VI):
        write_text(ws, 0, j, title, fmt["head"])
        ws.set_column(j, j, _width(title, pd.Series([r[j] for r in rows], dtype=object)),
                      fmt[("cell", "text")])
        for i, row in enumerate(rows, start=1):
            _cell(ws, i, j, row[j], "text", fmt[("cell", "text")])
    kinds = list(lang.RECIPIENT_KINDS_VI.values())
    ws.data_validation(1, 1, LAST_ROW - 1, 1, {
        "validate": "list", "source": kinds, "input_title": lang.RECIPIENT_TITLES_VI[1],
        "input_message": " / ".join(kinds), "error_type": "stop"})
    ws.freeze_panes(1, 0)
    _print_setup(ws)


def _formats(wb) -> dict:
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
    head = base | {"bold": True, "border": 1, "text_wrap": True, "align": "center",
                   "valign": "vcenter", "bg_color": "#E8EFF7", "locked": True}
    fmt: dict = {
        "head": wb.add_format(head),
        "helper_head": wb.add_format(head | {"bg_color": "#EDEDED", "italic": True}),
        "title": wb.add_format(base | {"bold": True, "font_size": 14}),
        "bold": wb.add_format(base | {"bold": True}),
        "wrap": wb.add_format(base | {"text_wrap": True}),
    }
    for kind, number in NUMBER_FORMATS.items():
        fmt[("cell", kind)] = wb.add_format(base | {"num_format": number, "locked": False,
                                                    "text_wrap": kind == "text"})
    for kind in ("text", "amount"):
        fmt[("helper", kind)] = wb.add_format(base | {
            "num_format": NUMBER_FORMATS[kind], "locked": True, "italic": True,
            "font_color": "#595959", "bg_color": "#F2F2F2", "text_wrap": kind == "text"})
    for kind in ("flag", "fee"):
        fmt[("cell", kind)] = fmt[("cell", "text")]
    return fmt


def write_logbook(path: str | Path, year: int, tables: dict[str, pd.DataFrame],
                  methodology: Methodology, recipients: dict | None = None) -> Path:
    """The logbook of ``year`` at ``path``, from the processed ``tables`` (any of
    :data:`TABLES`; a missing one is an empty sheet), the methodology (the criteria of the
    self-assessment and their maxima) and the recipients file's content, if given. The same
    input gives the same bytes."""
    import xlsxwriter

    path = Path(path)
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": lang.WORKBOOK_TITLE_VI.format(year=year),
                       "created": datetime(year, 1, 1)})
    fmt = _formats(wb)
    columns = list_values(methodology)
    sources = list_sources(columns)
    _guide_sheet(wb, fmt, year)
    for name in TABLES:
        table = schema.TABLES[name]
        if table is schema.SELF_ASSESSMENT:
            rows = self_assessment_rows(tables, year, methodology)
            _data_sheet(wb, fmt, table, rows, year, sources, _helpers(rows, methodology))
        else:
            _data_sheet(wb, fmt, table, _words(table, tables.get(name)), year, sources)
    _recipients_sheet(wb, fmt, recipients)
    _lists_sheet(wb, fmt, columns)
    wb.close()
    return path


def _helpers(rows: pd.DataFrame, methodology: Methodology) -> pd.DataFrame:
    """The self-assessment's helper columns: each row's criterion title, maximum, evidence."""
    crit = methodology.criteria
    found = [crit.get(str(c)) for c in rows.criterion_id]
    return pd.DataFrame({"title": [c.title if c else None for c in found],
                         "max_points": [c.max_points if c else None for c in found],
                         "evidence": [c.evidence if c else None for c in found]}, dtype=object)


__all__ = ["FILE_NAME", "LAST_ROW", "LISTS_SHEET", "GUIDE_SHEET", "RECIPIENTS_SHEET",
           "SHEETS", "TABLES", "column_title", "list_sources", "list_values",
           "logbook_catalog_entries", "self_assessment_rows", "write_logbook"]
