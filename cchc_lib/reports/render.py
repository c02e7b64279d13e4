"""Display layer: Vietnamese number and date formats, report tables and charts.

Formats follow indicators.md: shares as ``52,4 %`` (one decimal, comma), counts with a
dot for thousands (``4.123``), dates ``dd/mm/yyyy``, points with two decimals. Tables are
returned as HTML with fixed ids and no index, so executed notebooks are deterministic.
"""

from __future__ import annotations

import html
import io
import re

import matplotlib
import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

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

COLORS = {"now": "#1f5fa8", "before": "#9aa3ad", "target": "#c0392b", "met": "#1e8449",
          "missed": "#c0392b"}

matplotlib.rcParams.update({"font.family": "DejaVu Sans", "svg.hashsalt": "cchc",
                            "figure.dpi": 100})


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def html_table(frame: pd.DataFrame, table_id: str, numeric: list[str] = (),
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


# --------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------


# labels sit on a white patch, so a target line or a grid line never runs through them
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9}


def _month_number(labels: pd.Series) -> np.ndarray:
    return labels.str.slice(5, 7).astype(int).to_numpy()


def trend_chart(now: pd.DataFrame, before: pd.DataFrame, year_now: int, year_before: int,
                projection: pd.DataFrame | None = None) -> Figure:
    """Cumulative value since January of each plan indicator, this year against last, with
    the target and, dashed, the recent run-rate to December with its range shaded: one small
    panel per indicator, stacked so it reads on a phone."""
    fig = Figure(figsize=(7.2, 7.8), layout="constrained")
    axes = fig.subplots(len(registry.PLAN_INDICATORS), 1, sharex=True)
    for ax, ind in zip(axes, registry.PLAN_INDICATORS, strict=True):
        b = before[before.indicator == ind]
        n = now[now.indicator == ind]
        ax.plot(_month_number(b.period), b.value.astype(float), color=COLORS["before"],
                linestyle="--", marker="o", markersize=3, label=f"Năm {year_before}")
        ax.plot(_month_number(n.period), n.value.astype(float), color=COLORS["now"],
                linewidth=2.2, marker="o", markersize=4, label=f"Năm {year_now}")
        target = n.target.dropna()
        if len(target):
            ax.axhline(float(target.iloc[0]), color=COLORS["target"], linestyle=":",
                       linewidth=1.6, label=f"Mục tiêu {percent(float(target.iloc[0]), 0)}")
        proj = (projection[projection.indicator == ind] if projection is not None
                else pd.DataFrame())
        if len(proj) and not is_missing(proj.projected.iloc[0]) and len(n) \
                and _month_number(n.period)[-1] < 12:
            p = proj.iloc[0]
            m, now_value = _month_number(n.period)[-1], float(n.value.iloc[-1])
            ax.fill_between([m, 12], [now_value, float(p.low)], [now_value, float(p.high)],
                            color=COLORS["now"], alpha=0.12, linewidth=0,
                            label="Khoảng dự báo")
            ax.plot([m, 12], [now_value, float(p.projected)], color=COLORS["now"],
                    linestyle=(0, (4, 3)), linewidth=1.4)
            # the year-end label sits right of December, the current one left of its point:
            # they cannot overlap
            ax.annotate(percent(float(p.projected)), (12, float(p.projected)),
                        textcoords="offset points", xytext=(6, 0), fontsize=8, va="center",
                        color=COLORS["now"], ha="left", bbox=LABEL_BOX)
        if len(n) and not is_missing(n.value.iloc[-1]):
            last = n.iloc[-1]
            ax.annotate(percent(float(last.value)), (_month_number(n.period)[-1], last.value),
                        textcoords="offset points", xytext=(-6, 8), fontsize=9, ha="right",
                        color=COLORS["now"], fontweight="bold", bbox=LABEL_BOX)
        ax.set_title(registry.label(ind), loc="left", fontsize=11, fontweight="bold")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v, 0)))
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", color="#e3e6ea")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=4)
        top = max([0.1, *now[now.indicator == ind].value.dropna().astype(float),
                   *b.value.dropna().astype(float), *target.astype(float),
                   *(proj.high.dropna().astype(float) if len(proj) else [])])
        ax.set_ylim(0, min(1.0, top * 1.3) if top < 0.77 else 1.02)
    axes[-1].set_xticks(range(1, 13), [f"T{m}" for m in range(1, 13)])
    axes[-1].set_xlim(0.6, 13.6)  # room for the year-end label right of December
    fig.suptitle("Lũy kế từ đầu năm, theo tháng", fontsize=10, x=0.01, ha="left",
                 color="#444")
    return fig


def png(fig: Figure, dpi: int = 110) -> bytes:
    """The figure as PNG bytes, without metadata that varies between runs."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


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


def chart(fig, alt: str):
    """A chart for a report: PNG bytes with a Vietnamese alt text that states what it shows
    (what an email client shows with images blocked, and what a screen reader reads)."""
    from IPython.display import Image

    return Image(data=png(fig), format="png", metadata={"alt": alt})
