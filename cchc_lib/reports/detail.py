"""The detail workbook ``so_lieu_chi_tiet.xlsx``: for one unit and one period, the dossiers
and procedures behind each figure of the plan and of Biểu 06, for an officer who doubts one.

One sheet per plan target (the registry's records the targets table names, judged on the
year to date as the ward report judges them) and one per Biểu 06 column group (the period,
cut at the last day of data, as the form is filed). Each sheet opens with the figure, its
parts as the engine counts them and what they count (the registry's words), then lists the
rows behind them (:mod:`cchc_lib.indicators.behind`): a dossier per row, or, for a figure
that counts procedures, a procedure per row with its dossiers in the period; a column per
part says whether the row counts in it (1) or not (0). The rows are checked to add up to the
engine's figures before anything is written.

No personal data (the rows hold what ingest keeps, and no free text); every text cell goes
through :func:`cchc_lib.core.sheets.write_text`. The same data give the same bytes: the
workbook's date is the period's last day, its rows are sorted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import provenance, vi
from cchc_lib.core.catalog import resolve
from cchc_lib.core.formats import day
from cchc_lib.core.lang import reports_detail as lang
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.core.provenance import Stamp
from cchc_lib.core.sheets import print_a4_landscape, stamp_workbook, write_text
from cchc_lib.core.text import match_key
from cchc_lib.core.units import unit_name
from cchc_lib.indicators import behind, engine
from cchc_lib.indicators.base import RESULT_COLUMNS, clip_to_data, dated
from cchc_lib.indicators.behind import Behind
from cchc_lib.indicators.bieu06 import bieu06_of
from cchc_lib.indicators.figures import unknown_rows
from cchc_lib.indicators.plan import plan_rows
from cchc_lib.indicators.unknown import Lacking, has_note
from cchc_lib.ingest.store import read_processed
from cchc_lib.reports.registry import DETAIL_FILE

FILE_NAME = DETAIL_FILE  # the report registry names the files of a run
SHEET_NAME_LIMIT = 31  # Excel's
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


# --------------------------------------------------------------------------------------
# Sheet names: one per plan target, one per Biểu 06 column group
# --------------------------------------------------------------------------------------


def group_keys() -> tuple[str, ...]:
    """A key per Biểu 06 column group, in the form's order: its first column's id (the
    group's "Tổng số") without ``_total``: ``bieu06_received``, ``bieu06_resolved``, …"""
    return tuple("bieu06_" + cols[0][0].removesuffix("_total")
                 for _, _, cols in registry.bieu06_groups())


def _sheet_name(text: str, taken: set[str]) -> str:
    """``text`` as Excel takes a sheet name: none of ``[]:*?/\\``, no apostrophe at either
    end, 31 characters at most, unlike the names ``taken`` (case aside)."""
    base = _NOT_IN_SHEET_NAMES.sub("-", text).strip().strip("'")[:SHEET_NAME_LIMIT]
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base[:SHEET_NAME_LIMIT - len(str(n)) - 1]} {n}"
    taken.add(name.casefold())
    return name


def _shares_of(cols: tuple[str, ...]) -> tuple[registry.Indicator, ...]:
    """Biểu 06's shares whose denominator is one of a group's columns: shown on its sheet."""
    return tuple(i for i in registry.family("bieu06")
                 if i.kind == "share" and i.denominator in cols)


def sheet_names() -> dict[str, str]:
    """Every figure's sheet, by key: each plan target (every record of family "plan"), each
    Biểu 06 group (:func:`group_keys`), each Biểu 06 column and share; as the registry is
    now (read again under ``registry.extended``)."""
    taken: set[str] = set()
    out = {ind: _sheet_name(lang.PLAN_SHEET_VI.format(label=registry.label(ind)), taken)
           for ind in registry.PLAN_INDICATORS}
    for key, (_, short, cols) in zip(group_keys(), registry.bieu06_groups(), strict=True):
        name = _sheet_name(lang.BIEU06_SHEET_VI.format(group=short), taken)
        ids = tuple(c for c, _ in cols)
        out |= {key: name, **dict.fromkeys(ids, name),
                **{i.id: name for i in _shares_of(ids)}}
    return out


# figure key (registry id, Biểu 06 group key) -> its sheet in so_lieu_chi_tiet.xlsx
SHEET_OF: dict[str, str] = sheet_names()


# --------------------------------------------------------------------------------------
# What each sheet holds
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A heading line: a label, the figure (a count, a share, or text when there is none)
    and what it counts."""

    label: str
    figure: int | float | str
    words: str = ""
    share: bool = False


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name and title, the sentences and figures of its heading, what a row
    is, and the rows with their columns (the first: the dossier's id or the procedure's
    code; then a column per part, 1 or 0; then ``columns``)."""

    name: str
    title: str
    said: tuple[str, ...]  # sentences under the title: unit, period, definition
    lines: tuple[Line, ...]  # the figures
    about: str  # what a row of the table is
    kind: str  # "dossiers" or "procedures"
    rows: Behind
    flags: tuple[tuple[str, str], ...]  # (a column of rows.parts, its title)
    columns: tuple[str, ...]  # the columns of rows.rows shown, after the first


@dataclass(frozen=True)
class Scope:
    """Whose figures, and over which days: the period asked for, the period cut at the last
    day of data (Biểu 06's) and 1 January to its end (the plan's)."""

    unit_code: str
    unit_name: str
    requested: Period
    period: Period  # cut at the last day of data: Biểu 06's
    ytd: Period  # 1 January to its end: the plan's
    tables: Mapping  # what the engine reads: the unit's dossiers and the catalogue

    def said(self, plan: bool) -> tuple[str, ...]:
        out = [lang.UNIT_LINE_VI.format(unit=self.unit_name, code=self.unit_code),
               lang.PERIOD_LINE_VI.format(label=self.requested.label_vi(),
                                          start=day(self.period.start),
                                          end=day(self.period.end))]
        if plan:
            out.append(lang.PLAN_PERIOD_LINE_VI.format(start=day(self.ytd.start),
                                                       end=day(self.ytd.end)))
        if self.period.end < self.requested.end:
            out.append(lang.DATA_UNTIL_LINE_VI.format(day=day(self.period.end)))
        return tuple(out)


def _check(name: str, rows: Behind, column: str, expected: Any) -> None:
    """The rows of a sheet add up to the engine's figure, or nothing is written: a list
    that does not reconcile would be evidence against a true figure (a bug, not the data)."""
    got = int(rows.parts[column].sum())
    if got != int(expected):
        raise RuntimeError(f"{name}: the rows behind {column} add up to {got}, the engine "
                           f"counts {expected}")


def _share_value(value: Any, no_data: object) -> float | str:
    if has_note(no_data):
        return vi.NO_DATA_VI
    return vi.NOT_APPLICABLE_VI if value is None or pd.isna(value) else float(value)


def _counted(words: str, column: str) -> str:
    return lang.COUNT_WORDS_VI.format(words=words, column=column)


def _procedure_columns(record: registry.Indicator, parts: Mapping, uptake: pd.DataFrame
                       ) -> tuple[str, ...]:
    """A procedure sheet's columns: the catalogue's facts and the counts its parts read,
    and those its gap rule ranks the candidates by, in the order of the per-procedure table
    (``uptake``)."""
    rule = record.gap.candidates if record.gap else None
    wanted = set(rule.columns() if rule else ())
    shown = ["procedure_name", "field_name", "level"]
    for column in uptake.columns:
        read = any(p.reads(column) or (column == "online_enabled" and p.reads("online_level"))
                   for p in parts.values())  # online_level: the uptake's online_enabled
        if column not in shown and column != "procedure_code" and (read or column in wanted):
            shown.append(column)
    return tuple(shown)


def plan_sheet(r, whole: Mapping, scope: Scope, name: str) -> Sheet:
    """The sheet of one plan target (a result row of the year to date): its dossiers, or
    its procedures when it counts procedures."""
    record = registry.get(str(r.indicator))
    catalogue = behind.contributions("catalogue_parts")
    num, den = registry.parts_of(record.id)
    roles = {"numerator": num, "denominator": den}
    heads = dict(lang.FLAG_COLUMNS_VI)
    reading = getattr(record, "reading", None)  # the plan's sentence read another way
    by_dossier = all(behind.summed_over_dossiers(catalogue[p]) for p in roles.values())
    if reading is not None and behind.summed_over_dossiers(
            catalogue[reading.denominator]) == by_dossier:
        roles["reading"] = reading.denominator
    parts = {role: catalogue[part] for role, part in roles.items()}
    find = behind.dossiers_of_procedures if by_dossier else behind.per_procedure
    rows = find(scope.tables, scope.unit_code, scope.ytd, parts)
    rows = rows.where((rows.parts > 0).any(axis=1))
    if by_dossier:
        order = rows.rows.sort_values(["procedure_code", "received_at", "dossier_id"],
                                      kind="stable").index
    else:
        order = rows.rows.sort_values("procedure_code", kind="stable").index
    rows = Behind(rows.rows.loc[order].reset_index(drop=True),
                  rows.parts.loc[order].reset_index(drop=True))
    expected = {role: whole[part] for role, part in roles.items()} | {
        "numerator": r.numerator, "denominator": r.denominator}  # the rows the ward shows
    unknown = has_note(r.no_data)
    if unknown:  # the figure is not known: nothing is listed behind it
        rows = rows.where(pd.Series(False, index=rows.rows.index))
    else:
        for role in roles:
            _check(name, rows, role, expected[role])
    labels = lang.HEADING_LABELS_VI
    lines = [Line(labels["value"], _share_value(r.value, r.no_data),
                  str(r.no_data) if unknown else "", share=True)]
    if r.target is not None and not pd.isna(r.target):
        lines.append(Line(labels["target"], float(r.target), share=True))
    words = {"numerator": record.numerator_vi, "denominator": record.denominator_vi,
             "reading": reading.denominator_vi if reading is not None else ""}
    for role in roles:
        figure = vi.NO_DATA_VI if unknown else int(expected[role])
        said = words[role][:1].upper() + words[role][1:]  # (a reading's: mid-sentence)
        lines.append(Line(labels[role], figure, _counted(said, heads[role])))
    flags = tuple((role, heads[role]) for role in roles)
    about = (lang.ROWS_DOSSIERS_VI if by_dossier else lang.ROWS_PROCEDURES_VI).format(
        end=day(scope.ytd.end))
    if unknown:
        about = lang.NO_DATA_ROWS_VI.format(note=r.no_data)
    elif not len(rows.rows):
        about = lang.NO_ROWS_VI
    definition = (lang.DEFINITION_LINE_VI.format(definition=record.definition_vi),
                  ) if record.definition_vi else ()
    columns = (tuple(c for c in behind.DOSSIER_COLUMNS if c != "dossier_id") if by_dossier
               else _procedure_columns(record, parts, rows.rows))
    return Sheet(name, record.name_vi, scope.said(True) + definition, tuple(lines), about,
                 "dossiers" if by_dossier else "procedures", rows, flags, columns)


def bieu06_sheets(form: pd.DataFrame, now: pd.DataFrame, scope: Scope,
                  names: Mapping[str, str]) -> list[Sheet]:
    """A sheet per Biểu 06 column group: the dossiers counted in at least one of its columns
    (or in the numerator of a share over one of them), field by field as the form adds
    them up. ``form`` is :func:`~cchc_lib.indicators.bieu06.bieu06_of` of ``now``, the
    engine's parts of the period by field."""
    unknown = form.attrs.get("no_data", {})
    total = form[form.field.isna()].iloc[0]
    dossier_parts = behind.contributions("dossier_parts")
    shares = [i for i in registry.family("bieu06") if i.kind == "share" and i.numerator]
    wanted = dict.fromkeys([*registry.BIEU06_COLUMNS, *(str(i.numerator) for i in shares)])
    # a share's numerator over the form's rows: the sum of the fields, as the form adds up
    summed = engine.field_rows(now)[list(wanted)].sum()
    every = behind.per_dossier(scope.tables, scope.unit_code, scope.period,
                               {p: dossier_parts[p] for p in wanted})
    # a dossier of no field is on the form's row "Chưa xác định lĩnh vực" (engine.tidy, as
    # ingest names it)
    every.rows["field_name"] = every.rows.field_name.astype(object).where(
        every.rows.field_name.notna(), vi.UNKNOWN_FIELD_VI)
    field = every.rows.field_name
    keys = pd.DataFrame({"field": field.map(match_key),
                         "received_at": every.rows.received_at,
                         "dossier_id": every.rows.dossier_id.astype(str)})
    order = keys.sort_values(list(keys.columns), kind="stable").index
    every = Behind(every.rows.loc[order].reset_index(drop=True),
                   every.parts.loc[order].reset_index(drop=True))
    labels = lang.HEADING_LABELS_VI
    out = []
    for key, (title, _, cols) in zip(group_keys(), registry.bieu06_groups(), strict=True):
        name = names[key]
        flags = [(c, label) for c, label in cols if c not in unknown]
        lines = [Line(label, vi.NO_DATA_VI, unknown[c]) if c in unknown else
                 Line(label, int(total[c]), _counted(registry.name(c), label))
                 for c, label in cols]
        for share in _shares_of(tuple(c for c, _ in cols)):
            if share.id in unknown or share.numerator is None:
                continue
            numerator, denominator = share.numerator, str(share.denominator)
            flags.append((numerator, share.numerator_vi))
            heads = dict(cols)
            lines += [Line(labels["value"], _share_value(total[share.id], None), share.name_vi,
                           share=True),
                      Line(labels["numerator"], int(summed[numerator]),
                           _counted(share.numerator_vi, share.numerator_vi)),
                      Line(labels["denominator"], int(total[denominator]),
                           _counted(share.denominator_vi, heads[denominator]))]
        counted = (every.parts[[c for c, _ in flags]] > 0).any(axis=1) if flags else \
            pd.Series(False, index=every.rows.index)
        rows = every.where(counted)
        for column, _ in flags:
            _check(name, rows, column, total[column] if column in total.index
                   else summed[column])
        said = scope.said(False)
        out.append(Sheet(name, lang.BIEU06_TITLE_VI.format(group=title), said, tuple(lines),
                         lang.ROWS_BIEU06_VI if len(rows.rows) else lang.NO_ROWS_VI,
                         "dossiers", rows, tuple(flags),
                         tuple(c for c in behind.DOSSIER_COLUMNS if c != "dossier_id")))
    return out


def detail_sheets(tables: Mapping, unit_code: str, period: str | Period
                  ) -> tuple[Scope, list[Sheet]]:
    """Every sheet of the detail workbook of one unit and period, its figures as the ward
    report computes them (:func:`cchc_lib.reports.ward.ward_report`): the period cut at the
    last day of data, the plan's targets on 1 January → its end, Biểu 06 on the period."""
    requested = parse_period(period)
    clipped = clip_to_data(requested, dated(dict(tables)))
    ytd = clipped.year_to_date()
    sources = {"dossiers": tables["dossiers"], "catalogue": tables["catalogue"]}
    scope = Scope(unit_code, unit_name(tables["units"], unit_code), requested, clipped, ytd,
                  sources)
    lacking = Lacking.of(dict(tables), [unit_code])
    now = engine.parts(sources, [unit_code], clipped, by_field=True)
    # the unit's whole row from a query without fields: in a query by field, the row of the
    # dossiers without a field has field None too, like the unit's row (engine.tidy)
    whole = engine.parts(sources, [unit_code], ytd).iloc[0]
    plan = unknown_rows(pd.DataFrame(plan_rows(whole, unit_code, ytd, tables.get("targets")),
                                     columns=RESULT_COLUMNS, dtype=object), lacking)
    names = sheet_names()
    sheets = [plan_sheet(r, whole, scope, names[str(r.indicator)])
              for r in plan.itertuples(index=False)]
    return scope, sheets + bieu06_sheets(bieu06_of(now, lacking), now, scope, names)


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

_WIDTHS = {"dossier_id": 24, "procedure_code": 12, "procedure_name": 48, "field_name": 22,
           "received_at": 16, "due_at": 16, "finished_at": 16, "returned_at": 16,
           "receive_channel": 15, "return_channel": 15, "status": 18, "level": 14}
_CODES = {"receive_channel": vi.CHANNEL_LABELS_VI, "return_channel": vi.CHANNEL_LABELS_VI,
          "status": vi.STATUS_LABELS_VI, "level": vi.LEVEL_LABELS_VI}


def _title(column: str) -> str:
    return lang.PROCEDURE_COLUMNS_VI.get(column) or vi.COLUMN_LABELS_VI.get(column, column)


def _cell(ws, row: int, col: int, column: str, value: Any, fmt: dict) -> None:
    """A value of the data in its cell: a date as a date, a count as a number, a code by its
    label, a flag as Có/Không, text made inert; nothing for a missing value."""
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and pd.isna(value)):
        ws.write_blank(row, col, None, fmt["cell"])
    elif isinstance(value, pd.Timestamp):
        ws.write_datetime(row, col, value.to_pydatetime(), fmt["when"])
    elif isinstance(value, bool | np.bool_):
        write_text(ws, row, col, lang.YES_NO_VI[bool(value)], fmt["cell"])
    elif isinstance(value, str):
        write_text(ws, row, col, _CODES.get(column, {}).get(value, value), fmt["cell"])
    else:
        ws.write_number(row, col, int(value), fmt["count"])


def _write_sheet(wb, fmt: dict, sheet: Sheet):
    ws = wb.add_worksheet(sheet.name)
    write_text(ws, 0, 0, sheet.title, fmt["title"])
    row = 1
    for sentence in sheet.said:
        write_text(ws, row, 0, sentence, fmt["text"])
        row += 1
    row += 1
    for line in sheet.lines:
        write_text(ws, row, 0, line.label, fmt["label"])
        if isinstance(line.figure, str):
            write_text(ws, row, 1, line.figure, fmt["figure_text"])
        else:
            ws.write_number(row, 1, line.figure, fmt["share" if line.share else "figure"])
        write_text(ws, row, 2, line.words, fmt["text"])
        row += 1
    write_text(ws, row + 1, 0, sheet.about, fmt["note"])
    head = row + 3
    first = "dossier_id" if sheet.kind == "dossiers" else "procedure_code"
    titles = [_title(first), *(t for _, t in sheet.flags), *map(_title, sheet.columns)]
    for j, text in enumerate(titles):
        write_text(ws, head, j, text, fmt["head"])
    data = sheet.rows.rows
    shown = [first, *(p for p, _ in sheet.flags), *sheet.columns]
    values = [sheet.rows.parts[c].tolist() if k in range(1, 1 + len(sheet.flags))
              else data[c].astype(object).tolist() for k, c in enumerate(shown)]
    for i in range(len(data)):
        r = head + 1 + i
        for j, column in enumerate(shown):
            if 0 < j <= len(sheet.flags):
                ws.write_number(r, j, values[j][i], fmt["flag"])
            else:
                _cell(ws, r, j, column, values[j][i], fmt)
    last_col, last_row = len(titles) - 1, head + max(len(data), 1)
    ws.set_column(0, 0, _WIDTHS[first])
    ws.set_column(1, len(sheet.flags), 12)
    for j, column in enumerate(sheet.columns, start=1 + len(sheet.flags)):
        ws.set_column(j, j, _WIDTHS.get(column, 14))
    ws.set_row(head, 75)
    ws.freeze_panes(head + 1, 1)
    ws.autofilter(head, 0, last_row, last_col)
    print_a4_landscape(ws, (head, head), last_row, last_col, left_margin=0.5)
    return ws


def write_detail(tables: Mapping, unit_code: str, period: str | Period, path: str | Path,
                 stamp: Stamp | None = None) -> Path:
    """The detail workbook of one unit and period, from tables already read, to ``path``."""
    import xlsxwriter

    scope, sheets = detail_sheets(tables, unit_code, period)
    path = Path(path)
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": lang.WORKBOOK_TITLE_VI.format(
        unit=scope.unit_name, period=scope.requested.label_vi()),
        "created": pd.Timestamp(scope.period.end).to_pydatetime()})
    base: dict[str, object] = {"font_name": "Times New Roman", "font_size": 11,
                               "valign": "top"}
    specs: dict[str, dict[str, object]] = {
        "title": {"bold": True, "font_size": 13},
        "text": {}, "note": {"italic": True},
        "label": {"bold": True},
        "figure": {"bold": True, "num_format": "#,##0", "align": "right"},
        "share": {"bold": True, "num_format": "0.0%", "align": "right"},
        "figure_text": {"bold": True, "align": "right"},
        "head": {"bold": True, "border": 1, "text_wrap": True, "align": "center",
                 "valign": "vcenter", "bg_color": "#E8EFF7"},
        "cell": {"border": 1},
        "count": {"border": 1, "num_format": "#,##0"},
        "flag": {"border": 1, "num_format": "0", "align": "center"},
        "when": {"border": 1, "num_format": "dd/mm/yyyy hh:mm"},
    }
    fmt = {name: wb.add_format(base | spec) for name, spec in specs.items()}
    written = [_write_sheet(wb, fmt, sheet) for sheet in sheets]
    if written:
        stamp_workbook(wb, written[0], stamp)  # the properties, once; the footer…
        for ws in written[1:]:  # …on every printed page
            if getattr(written[0], "footer", ""):
                ws.set_footer(written[0].footer)
    wb.close()
    return path


def write_detail_workbook(unit_code: str, period: str | Period, data_dir: str | Path,
                          path: str | Path) -> Path:
    """The detail workbook of a unit and period from the processed data in ``data_dir``
    (the unit's own dossiers read), written to ``path``."""
    data_dir = resolve(data_dir)
    tables = read_processed(data_dir, unit_code=unit_code)
    return write_detail(tables, unit_code, period, path, provenance.stamp(data_dir))


__all__ = ["FILE_NAME", "Line", "SHEET_NAME_LIMIT", "SHEET_OF", "Scope", "Sheet",
           "bieu06_sheets", "detail_sheets", "group_keys", "plan_sheet", "sheet_names",
           "write_detail", "write_detail_workbook"]
