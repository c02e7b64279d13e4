"""Display layer: Vietnamese number and date formats and report tables (charts: charts.py).

Formats follow docs/indicators.md: shares as ``52,4 %`` (one decimal, comma), counts with a
dot for thousands (``4.123``), dates ``dd/mm/yyyy``, points with two decimals. Tables are
returned as HTML with fixed ids and no index, so executed notebooks are deterministic.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pandas as pd
from IPython.display import HTML

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import vi
from cchc_lib.core.formats import (  # noqa: F401 (render.percent etc.)
    NBSP,
    change_pp,
    day,
    fraction,
    integer,
    is_missing,
    met,
    percent,
    points,
)
from cchc_lib.core.lang import reports as lang
from cchc_lib.indicators.unknown import has_note
from cchc_lib.reports.safe import Rich, raw_html, rich

# --------------------------------------------------------------------------------------
# A figure without data: "không có số liệu", never 0 (indicators/unknown.py)
# --------------------------------------------------------------------------------------


def share_shown(value: float | None, no_data: object = None, decimals: int = 1) -> str:
    """A share as a report writes it: "52,4 %"; "không áp dụng" when its denominator is 0;
    "không có số liệu" when a column it needs is not in the exports (``no_data``)."""
    return vi.NO_DATA_VI if has_note(no_data) else percent(value, decimals)


def count_shown(value: float | None, no_data: object = None) -> str:
    """A count: "4.123", or "không có số liệu"."""
    return vi.NO_DATA_VI if has_note(no_data) else integer(value)


def verdict_shown(m: bool | None, no_data: object = None) -> str:
    """"Đạt", "Chưa đạt", "—" (no target); "Không đánh giá" on a figure without data."""
    return vi.NOT_JUDGED_VI if has_note(no_data) else met(m)


def notes_of(rows: pd.DataFrame, name=registry.label) -> list[str]:
    """One line per indicator without data: "<its label>: không có số liệu: tệp xuất không
    có cột …", in the rows' order, each indicator once."""
    if "no_data" not in rows:
        return []
    said = dict.fromkeys((str(i), str(n)) for i, n in zip(rows.indicator, rows.no_data,
                                                          strict=True) if has_note(n))
    return [f"{name(i)}: {n}" for i, n in said]


def reading_lines(plan: pd.DataFrame, readings: pd.DataFrame | None) -> list[str]:
    """For each plan share whose sentence reads two ways (``indicators.plan.other_readings``):
    the denominator the figure uses, in words; and where the other reading's verdict differs,
    that reading's figure and verdict too."""
    if readings is None or not len(readings):
        return []
    judged = {str(r.indicator): r.met for r in plan.itertuples()
              if getattr(r, "field", None) is None or pd.isna(r.field)}
    out = []
    for r in readings.itertuples():
        record = registry.get(str(r.indicator))
        assert record.reading is not None
        line = lang.READING_USED_VI.format(label=record.label,
                                           denominator=record.denominator_vi[:1].lower()
                                           + record.denominator_vi[1:])
        mine = judged.get(str(r.indicator))
        if r.met is not None and mine is not None and not pd.isna(mine) and bool(mine) != r.met:
            line += lang.READING_OTHER_VI.format(
                denominator=record.reading.denominator_vi, value=percent(r.value),
                numerator=integer(r.numerator), total=integer(r.denominator),
                verdict=lang.READING_MET_VI[bool(r.met)], target=percent(r.target, 0))
        out.append(line)
    return out


def no_data_lines(lines: Sequence[str]) -> Rich:
    """The notes under a table, one paragraph each (escaped)."""
    return rich("\n\n".join(f"*{{line{i}}}.*" for i in range(len(lines))),
                **{f"line{i}": line for i, line in enumerate(lines)})


def with_notes(table: str, lines: Sequence[str]) -> HTML | Rich:
    """A rendered table, with the notes of its figures without data under it (the table
    alone, as it was, when there are none)."""
    return raw_html(table) + no_data_lines(lines) if lines else HTML(table)


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def html_table(frame: pd.DataFrame, table_id: str, numeric: Sequence[str] = (),
               total_last: bool = False) -> str:
    """A plain, deterministic HTML table (no index, fixed id) from already formatted text.

    Every cell and column header is HTML-escaped here (the Styler's ``escape="html"``): a
    value from data shows as text, never as markup."""
    styler = frame.style.hide(axis="index").set_uuid(table_id)
    styler = styler.format(escape="html").format_index(escape="html", axis=1)
    styler = styler.set_table_attributes('class="cchc-table"')
    if numeric:
        styler = styler.set_properties(subset=list(numeric), **{"text-align": "right"})
    if total_last and len(frame):
        styler = styler.set_properties(subset=pd.IndexSlice[frame.index[-1], :],
                                       **{"font-weight": "bold"})
    return _labelled(styler.to_html(), [str(c) for c in frame.columns])


_DATA_CELL = re.compile(r'(<td id="T_[\w-]+_row\d+_col(\d+)" class="data row\d+ col\d+)"'
                        r'( ?>\s*)([^<]*?)(\s*</td>)')
# a cell that is a figure: a count, a share, a fraction, points ("2.015", "52,4 %", "3 / 7",
# "≥ 50 %", "+1,2"): kept on one line (class cchc-num in the page's stylesheet)
_FIGURE = re.compile(r"[−+\-≥≤]?[\s\u00a0]*\d[\d.,]*([\s\u00a0]*%)?"
                     r"([\s\u00a0]*/[\s\u00a0]*\d[\d.,]*)?")


def _labelled(table: str, columns: list[str]) -> str:
    """Each data cell carries its column's name (``data-label``, escaped): on a narrow screen
    the page stacks a table's rows and shows each value under its name. A cell holding a
    figure is marked ``cchc-num``: a number is never broken across lines."""
    def cell(m: re.Match) -> str:
        figure = " cchc-num" if _FIGURE.fullmatch(m[4].strip()) else ""
        label = html.escape(columns[int(m[2])])
        return f'{m[1]}{figure}" data-label="{label}"{m[3]}{m[4]}{m[5]}'

    return _DATA_CELL.sub(cell, table)


def show(frame: pd.DataFrame, table_id: str) -> HTML:
    """A formatted table for a notebook cell: numbers right-aligned when they look like numbers."""
    numeric = [c for c in frame.columns
               if frame[c].astype(str).str.fullmatch(r"[−+\-]?[\d.,]+([ \u00a0]%)?|—").all()]
    return HTML(html_table(frame, table_id, numeric=numeric))


def plan_table(comp: pd.DataFrame, year_before: str, short: bool = False,
               through_month: int = 12, early_months: int = 0) -> pd.DataFrame:
    """The plan's targets: result, parts, target, met, a year before, change. For a
    period shorter than the year to date, the year to date (what the yearly target is judged
    on) stands beside the period's own result, and the verdict says so. A target without
    data says "không có số liệu" in every figure and is not judged. A target missed before
    December says how far along the year its figure is (``through_month``), and in the first
    ``early_months`` that it is too early to conclude."""
    unknown = comp.no_data if "no_data" in comp else pd.Series([None] * len(comp), comp.index)
    c = lang.PLAN_COLUMNS_VI
    out = pd.DataFrame({
        c["indicator"]: comp.indicator.map(registry.label),
        c["value_short"] if short else c["value"]: _shares(comp.value, unknown),
        c["fraction"]: fraction(comp.numerator, comp.denominator),
    })
    if short:
        out[c["ytd_value"]] = _shares(comp.ytd_value, unknown)
        out[c["ytd_fraction"]] = fraction(comp.ytd_numerator, comp.ytd_denominator)
    out[c["target"]] = comp.target.map(
        lambda t: "—" if is_missing(t) else "≥" + NBSP + percent(t, 0))
    out[c["verdict_short"] if short else c["verdict"]] = [
        part_year(verdict_shown(m, n), m, through_month, early_months)
        for m, n in zip(comp.met, unknown, strict=True)]
    out[c["before"].format(year=year_before)] = _shares(comp.value_before, unknown)
    out[c["change"]] = comp.change.map(change_pp)
    return out


def part_year(verdict: str, met: bool | None, month: int, early_months: int) -> str:
    """A yearly target's verdict before December: a miss says the month the figure reaches
    (a target met stays met; the year is not over for a miss)."""
    if met is None or pd.isna(met) or bool(met) or month >= 12:
        return verdict
    template = lang.VERDICT_TOO_EARLY_VI if month < early_months else lang.VERDICT_PART_YEAR_VI
    return template.format(verdict=verdict, month=month)


def _shares(values: pd.Series, unknown: pd.Series) -> list[str]:
    return [share_shown(v, n) for v, n in zip(values, unknown, strict=True)]


def bieu06_table(table: pd.DataFrame) -> pd.DataFrame:
    """Biểu số 06/VPCP/KSTT laid out as the form: STT, Lĩnh vực, the 11 counts, on-time rate;
    a column the exports cannot count (``attrs["no_data"]``) says "không có số liệu"."""
    n = len(table)
    unknown = table.attrs.get("no_data", {})
    head = lang.BIEU06_COLUMNS_VI
    out = pd.DataFrame({
        head["number"]: [str(i) for i in range(1, n)] + [""],
        head["field"]: table.field.fillna(vi.TOTAL_ROW_VI),
    })
    for col, header in registry.BIEU06_HEADERS_VI.items():
        out[header] = table[col].map(lambda v, c=col: count_shown(v, unknown.get(c)))
    out[head["on_time_rate"]] = table.on_time_rate.map(
        lambda v: share_shown(v, unknown.get("on_time_rate")))
    return out


def bieu06_notes(table: pd.DataFrame) -> list[str]:
    """Why the columns of Biểu 06 the exports cannot count say "không có số liệu": one line
    for the columns that share a reason ("Đã giải quyết: Tổng số, …: không có số liệu: …")."""
    unknown = table.attrs.get("no_data", {})
    headers = {**registry.BIEU06_HEADERS_VI, "on_time_rate": registry.label("on_time_rate")}
    by_note: dict[str, list[str]] = {}
    for column, note in unknown.items():
        by_note.setdefault(note, []).append(headers[column])
    return [f"{'; '.join(columns)}: {note}" for note, columns in by_note.items()]


def candidates_table(candidates: pd.DataFrame, demand_label: str, limit: int = 10
                     ) -> pd.DataFrame:
    top = candidates.head(limit)
    c = lang.CANDIDATES_COLUMNS_VI
    return pd.DataFrame({
        c["code"]: top.procedure_code,
        c["name"]: top.procedure_name,
        c["field"]: top.field_name,
        demand_label: top.demand.map(integer),
    })


def indicators_text(result: pd.DataFrame) -> str:
    """Indicator rows as an aligned text table for a terminal: shares as percentages, counts
    as integers, the unit's own row named; a figure without data "không có số liệu", its
    reason once per indicator under the table."""
    unknown = result.no_data.map(has_note) if "no_data" in result else \
        pd.Series(False, index=result.index)
    shown = result.drop(columns=["missing_columns", "no_data"], errors="ignore").assign(
        field=result.field.fillna(lang.WHOLE_UNIT_VI),
        value=[vi.NO_DATA_VI if u else percent(v) if d is not pd.NA and d is not None
               else integer(v)
               for v, d, u in zip(result.value, result.denominator, unknown, strict=True)],
        target=result.target.map(lambda t: "" if pd.isna(t) else percent(t, 0)),
        met=[vi.NOT_JUDGED_VI if u and not pd.isna(t) else
             "" if m is None or pd.isna(m) else met(m)
             for m, t, u in zip(result.met, result.target, unknown, strict=True)],
    )
    text = shown.astype(object).where(shown.notna(), "").to_string(index=False)
    notes = notes_of(result, name=str)
    return text + ("\n\n" + "\n".join(notes) if notes else "")


__all__ = [
    "bieu06_notes", "bieu06_table", "candidates_table", "count_shown", "html_table",
    "indicators_text", "no_data_lines", "notes_of", "plan_table", "reading_lines", "share_shown",
    "show",
    "verdict_shown", "with_notes",
]
