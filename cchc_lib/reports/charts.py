"""Charts drawn for a phone: one chart per image, text that stays readable on a 390-px screen,
and a Vietnamese alt text stating the figure each one shows.

A chart is drawn :data:`WIDTH_IN` inches wide and shown at most :data:`SHOWN_PX` CSS pixels wide
on a desktop; on a 390-px phone the page and the email leave it at least :data:`PHONE_PX`. Text
of ``pt`` points then measures ``pt / 72 * PHONE_PX / WIDTH_IN`` pixels on the phone, so every
text is at least :data:`MIN_TEXT_PT` points; :func:`chart` refuses a figure that breaks either
rule with a ValueError (the browser test checks the shown width).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.formats import is_missing, percent
from cchc_lib.core.lang import reports as lang
from cchc_lib.core.vi import NO_DATA_VI

COLORS = {"now": "#1f5fa8", "before": "#9aa3ad", "target": "#c0392b", "met": "#1e8449",
          "missed": "#c0392b"}
WIDTH_IN = 3.8  # inches: a chart's drawn width
DPI = 200  # PNG pixels an inch: sharp on a phone's 2× screen
SHOWN_PX = 480  # CSS px: the widest a chart is shown (a desktop); max-width 100 % below it
PHONE_PX = 340  # CSS px: the narrowest it is shown on a 390-px phone (page and email margins)
PHONE_TEXT_PX = 11  # the smallest text a phone reader is asked to read
MIN_TEXT_PT = 9  # the smallest font: 9 pt at 3.8 in shown 340 px wide is 11.2 px
# labels sit on a white patch, so a target line or a grid line never runs through them
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9}

matplotlib.rcParams.update({"font.family": "DejaVu Sans", "svg.hashsalt": "cchc",
                            "figure.dpi": 100, "font.size": MIN_TEXT_PT})


def phone_text_px(fig: Figure) -> float:
    """The smallest text of the figure, in CSS pixels, once shown :data:`PHONE_PX` wide."""
    sizes = [float(t.get_fontsize()) for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    return min(sizes, default=MIN_TEXT_PT) / 72 * PHONE_PX / fig.get_figwidth()


def png(fig: Figure, dpi: int = DPI) -> bytes:
    """The figure as PNG bytes, without metadata that varies between runs."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def chart(fig: Figure, alt: str):
    """A chart for a report: one chart, readable on a phone, as PNG bytes with a Vietnamese alt
    text that states what it shows (what an email client shows with images blocked, and what a
    screen reader reads)."""
    from IPython.display import Image

    if len(fig.axes) != 1:
        # a chart drawn against the phone rules: the code's mistake, never the data's
        raise ValueError(f"one chart per image: this figure has {len(fig.axes)}")
    if phone_text_px(fig) < PHONE_TEXT_PX - 0.05:
        raise ValueError(f"text {phone_text_px(fig):.1f} px on a phone, under "
                             f"{PHONE_TEXT_PX} px")
    return Image(data=png(fig), format="png", width=SHOWN_PX, metadata={"alt": alt})


@dataclass(frozen=True)
class Charts:
    """Several charts shown one under the other by one notebook cell."""

    images: tuple

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for image in self.images:
            display(image)


def _month_number(labels: pd.Series) -> np.ndarray:
    return labels.str.slice(5, 7).astype(int).to_numpy()


def _percent_axis(axis) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v, 0)))


def trend_figure(indicator: str, now: pd.DataFrame, before: pd.DataFrame, year_now: int,
                 year_before: int, projection: pd.DataFrame | None = None,
                 no_data: bool = False) -> Figure:
    """One plan indicator's value since January, month by month, this year against last, with
    the target and, dashed, the recent run-rate to December with its range shaded. Without
    data (``no_data``: a column the exports lack) no line is drawn, and the chart says so."""
    fig = Figure(figsize=(WIDTH_IN, 3.0), layout="constrained")
    ax = fig.subplots()
    b = before[before.indicator == indicator]
    n = now[now.indicator == indicator]
    ax.plot(_month_number(b.period), b.value.astype(float), color=COLORS["before"],
            linestyle="--", marker="o", markersize=3,
            label=lang.CHART_YEAR_VI.format(year=year_before))
    ax.plot(_month_number(n.period), n.value.astype(float), color=COLORS["now"],
            linewidth=2.2, marker="o", markersize=4,
            label=lang.CHART_YEAR_VI.format(year=year_now))
    target = n.target.dropna()
    if len(target):
        ax.axhline(float(target.iloc[0]), color=COLORS["target"], linestyle=":",
                   linewidth=1.6,
                   label=lang.CHART_TARGET_VI.format(target=percent(float(target.iloc[0]), 0)))
    proj = (projection[projection.indicator == indicator] if projection is not None
            else pd.DataFrame())
    if len(proj) and not is_missing(proj.projected.iloc[0]) and len(n) \
            and _month_number(n.period)[-1] < 12:
        p = proj.iloc[0]
        m, now_value = _month_number(n.period)[-1], float(n.value.iloc[-1])
        ax.fill_between([m, 12], [now_value, float(p.low)], [now_value, float(p.high)],
                        color=COLORS["now"], alpha=0.12, linewidth=0,
                        label=lang.CHART_PROJECTION_RANGE_VI)
        ax.plot([m, 12], [now_value, float(p.projected)], color=COLORS["now"],
                linestyle=(0, (4, 3)), linewidth=1.4)
        # the year-end label sits right of December, the current one left of its point:
        # they cannot overlap
        ax.annotate(percent(float(p.projected)), (12, float(p.projected)),
                    textcoords="offset points", xytext=(5, 0), va="center",
                    color=COLORS["now"], ha="left", bbox=LABEL_BOX)
    if len(n) and not is_missing(n.value.iloc[-1]):
        last = n.iloc[-1]
        ax.annotate(percent(float(last.value)), (_month_number(n.period)[-1], last.value),
                    textcoords="offset points", xytext=(-6, 8), ha="right",
                    color=COLORS["now"], fontweight="bold", bbox=LABEL_BOX)
    if no_data:
        ax.text(0.5, 0.5, NO_DATA_VI, transform=ax.transAxes, ha="center", va="center",
                color=COLORS["before"], fontsize=11, bbox=LABEL_BOX)
    ax.set_title(registry.label(indicator), loc="left", fontsize=11, fontweight="bold")
    _percent_axis(ax.yaxis)
    ax.grid(axis="y", color="#e3e6ea")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", frameon=False, ncols=2, handlelength=1.6,
              columnspacing=0.8)
    top = max([0.1, *n.value.dropna().astype(float), *b.value.dropna().astype(float),
               *target.astype(float), *(proj.high.dropna().astype(float) if len(proj) else [])])
    # room above the lines for the legend
    ax.set_ylim(0, min(1.0, top * 1.6) if top < 0.62 else 1.3)
    ax.set_yticks([t for t in ax.get_yticks() if 0 <= t <= 1.0])
    ax.set_xticks(range(1, 13, 2), [f"T{m}" for m in range(1, 13, 2)])
    ax.set_xlim(0.6, 14.2)  # room for the year-end label right of December
    return fig


def units_figure(indicator: str, names: pd.Series, values: pd.Series, met: pd.Series,
                 target: float | None, unknown: Sequence[str | None] = ()) -> Figure:
    """One plan indicator across units: a bar each, green when it meets the target, red when
    not (the label says so too: the chart is not read by colour alone). A unit whose value
    is not known (``unknown``: the words to show instead, "không có số liệu") has no bar and
    no mark: it is never drawn as 0."""
    fig = Figure(figsize=(WIDTH_IN, 1.2 + 0.34 * len(names)), layout="constrained")
    ax = fig.subplots()
    said = list(unknown) or [None] * len(names)
    values = values.where(pd.Series([w is None for w in said], index=values.index), 0.0)
    colors = [COLORS["met"] if m else COLORS["missed"] for m in met]
    ax.barh(names, values, color=colors, height=0.6)
    if target is not None:
        ax.axvline(target, color="#333", linestyle=":", linewidth=1.4)
    for y, (v, m, w) in enumerate(zip(values, met, said, strict=True)):
        ax.annotate(w if w is not None else percent(v) + (" ✓" if m else " ✗"), (v, y),
                    xytext=(4, 0), textcoords="offset points", va="center", bbox=LABEL_BOX)
    title = registry.label(indicator)
    ax.set_title(title + (lang.CHART_TARGET_LINE_VI.format(target=percent(target, 0))
                          if target else ""), loc="left",
                 fontsize=11, fontweight="bold")
    _percent_axis(ax.xaxis)
    ax.set_xlim(0, max(1.0, float(values.max()) * 1.15) * 1.25)  # room for the labels
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    return fig


__all__ = ["COLORS", "Charts", "DPI", "PHONE_PX", "PHONE_TEXT_PX",
           "SHOWN_PX", "chart", "phone_text_px", "png", "trend_figure", "units_figure"]
