"""Display layer: Vietnamese number and date formats and report tables (charts: charts.py).

Formats follow indicators.md: shares as ``52,4 %`` (one decimal, comma), counts with a
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


_DATA_CELL = re.compile(r'(<td id="T_[\w-]+_row\d+_col(\d+)" class="data row\d+ col\d+")')


def _labelled(table: str, columns: list[str]) -> str:
    """Each data cell carries its column's name (``data-label``, escaped): on a narrow screen
    the page stacks a table's rows and shows each value under its name."""
    return _DATA_CELL.sub(lambda m: f'{m[1]} data-label="{html.escape(columns[int(m[2])])}"',
                          table)


def show(frame: pd.DataFrame, table_id: str) -> HTML:
    """A formatted table for a notebook cell: numbers right-aligned when they look like numbers."""
    numeric = [c for c in frame.columns
               if frame[c].astype(str).str.fullmatch(r"[−+\-]?[\d.,]+([ \u00a0]%)?|—").all()]
    return HTML(html_table(frame, table_id, numeric=numeric))


def plan_table(comp: pd.DataFrame, year_before: str, short: bool = False) -> pd.DataFrame:
    """The three plan targets: result, parts, target, met, a year before, change. For a
    period shorter than the year to date, the year to date (what the yearly target is judged
    on) stands beside the period's own result, and the verdict says so."""
    out = pd.DataFrame({
        "Chỉ tiêu": comp.indicator.map(registry.label),
        "Kết quả trong kỳ" if short else "Kết quả": comp.value.map(percent),
        "Tử số / mẫu số": fraction(comp.numerator, comp.denominator),
    })
    if short:
        out["Từ đầu năm"] = comp.ytd_value.map(percent)
        out["Tử số / mẫu số từ đầu năm"] = fraction(comp.ytd_numerator, comp.ytd_denominator)
    out["Mục tiêu năm"] = comp.target.map(
        lambda t: "—" if is_missing(t) else "≥" + NBSP + percent(t, 0))
    out["Đánh giá (từ đầu năm)" if short else "Đánh giá"] = comp.met.map(met)
    out[f"Cùng kỳ {year_before}"] = comp.value_before.map(percent)
    out["Thay đổi"] = comp.change.map(change_pp)
    return out


def bieu06_table(table: pd.DataFrame) -> pd.DataFrame:
    """Biểu số 06/VPCP/KSTT laid out as the form: STT, Lĩnh vực, the 11 counts, on-time rate."""
    n = len(table)
    out = pd.DataFrame({
        "STT": [str(i) for i in range(1, n)] + [""],
        "Lĩnh vực": table.field.fillna(vi.TOTAL_ROW_VI),
    })
    for col, header in registry.BIEU06_HEADERS_VI.items():
        out[header] = table[col].map(integer)
    out["Tỷ lệ trước hạn, đúng hạn"] = table.on_time_rate.map(percent)
    return out


def candidates_table(candidates: pd.DataFrame, demand_label: str, limit: int = 10
                     ) -> pd.DataFrame:
    top = candidates.head(limit)
    return pd.DataFrame({
        "Mã TTHC": top.procedure_code,
        "Thủ tục hành chính": top.procedure_name,
        "Lĩnh vực": top.field_name,
        demand_label: top.demand.map(integer),
    })


def indicators_text(result: pd.DataFrame) -> str:
    """Indicator rows as an aligned text table for a terminal: shares as percentages, counts
    as integers, the unit's own row named."""
    shown = result.assign(
        field=result.field.fillna("(toàn đơn vị / total)"),
        value=[percent(v) if d is not pd.NA and d is not None else integer(v)
               for v, d in zip(result.value, result.denominator, strict=True)],
        target=result.target.map(lambda t: "" if pd.isna(t) else percent(t, 0)),
        met=result.met.map(lambda m: "" if m is None or pd.isna(m) else met(m)),
    )
    return shown.astype(object).where(shown.notna(), "").to_string(index=False)
