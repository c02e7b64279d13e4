"""The town overview: every unit side by side for a period, ranked, with who meets which target.

Ranking (docs/decisions.md): by the estimated PAR index of the year, as the scorecard ranks
(ties: more plan targets met, then the unit code); without a methodology, by targets met then
estimated 766 points. Shares of a unit with nothing to measure show "không áp dụng".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.catalog import resolve
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.indicators import national
from cchc_lib.indicators.base import clip_to_data, target_for
from cchc_lib.indicators.figures import per_unit
from cchc_lib.ingest.store import METHODOLOGY_FILE, read_processed
from cchc_lib.par.scoring import processed_methodology, unit_scores
from cchc_lib.reports import charts, render
from cchc_lib.reports.charts import Charts
from cchc_lib.reports.quality import set_aside, set_aside_vi
from cchc_lib.reports.safe import Rich, rich


def unit_row(rows: pd.DataFrame, unit_code: str) -> dict:
    """One unit's figures for the overview, read off its whole-unit indicator rows."""
    unit = rows[rows.field.isna()].set_index("indicator")
    out: dict[str, object] = {"unit_code": unit_code}
    for indicator in registry.PLAN_INDICATORS:
        out[indicator] = unit.loc[indicator, "value"]
        out[f"{indicator}_met"] = unit.loc[indicator, "met"]
    out["targets_met"] = int(sum(bool(out[f"{i}_met"]) for i in registry.PLAN_INDICATORS))
    out["received_total"] = int(unit.loc["received_total", "value"])
    out["on_time_rate"] = unit.loc["on_time_rate", "value"]
    out["points_766"] = float(national.points_766(unit.reset_index()).points.dropna().sum())
    out["apology_coverage"] = unit.loc["apology_coverage", "value"]
    return out


def overview_table(tables: dict[str, pd.DataFrame], period: Period,
                   unit_codes: list[str], indexes: dict[str, float] | None = None
                   ) -> pd.DataFrame:
    """Every unit's figures, ranked (1 = best) by the estimated PAR index of the year, as the
    scorecard ranks them (ties: targets met, then the code); without a methodology, by
    targets met then estimated 766 points."""
    every = per_unit(tables, unit_codes, period)  # one query for the town
    rows = pd.DataFrame([unit_row(every[u], u) for u in unit_codes])
    rows["index"] = rows.unit_code.map(indexes or {})
    keys = (["index", "targets_met", "unit_code"] if indexes
            else ["targets_met", "points_766", "unit_code"])
    rows = rows.sort_values(keys, ascending=[False, False, True], kind="stable")
    rows = rows.reset_index(drop=True)
    rows.insert(0, "rank", range(1, len(rows) + 1))
    return rows


ALT_UNITS = 12  # a chart's alt text names each unit's value up to this many units


@dataclass
class TownOverview:
    town_name: str
    requested: Period
    period: Period
    units: pd.DataFrame  # unit_code -> unit_name
    table: pd.DataFrame
    targets: dict[str, float | None]
    set_aside: dict  # quality.set_aside for every unit of the overview

    def header(self) -> Rich:
        clipped = (f" (số liệu đến ngày {render.day(self.period.end)})"
                   if self.period.end < self.requested.end else "")
        met_all = int((self.table.targets_met == len(registry.PLAN_INDICATORS)).sum())
        ranked = ("Xếp hạng theo Chỉ số CCHC năm {year} (ước tính, như bảng điểm)"
                  if self.table["index"].notna().any() else
                  "Xếp hạng theo số mục tiêu đạt, rồi điểm 766 ước tính (chưa có bộ chỉ số)")
        return rich(
            "# Tổng hợp Chỉ số CCHC: {town}\n\n"
            "**Kỳ báo cáo:** {span}{clipped} · **Số đơn vị:** {count} · **Đạt cả ba mục "
            "tiêu:** {met_all} đơn vị\n\n*" + ranked + ".*", town=self.town_name,
            span=self.requested.label_vi(), clipped=clipped, count=len(self.table),
            met_all=met_all, year=self.period.year)

    def ranking(self) -> HTML:
        t = self.table
        names = self.units.set_index("unit_code").unit_name
        out = pd.DataFrame({"Hạng": t["rank"].astype(str), "Đơn vị": t.unit_code.map(names)})
        if t["index"].notna().any():
            out[f"Chỉ số CCHC {self.period.year} (ước tính)"] = t["index"].map(render.points)
        for indicator in registry.PLAN_INDICATORS:
            mark = t[f"{indicator}_met"].map(lambda m: "" if m is None else " ✓" if m else " ✗")
            out[registry.label(indicator)] = t[indicator].map(render.percent) + mark
        out["Mục tiêu đạt"] = t.targets_met.astype(str) + f"/{len(registry.PLAN_INDICATORS)}"
        out["Hồ sơ tiếp nhận"] = t.received_total.map(render.integer)
        out["Đúng hạn (Biểu 06)"] = t.on_time_rate.map(render.percent)
        points_label = f"Điểm 766 ước tính (/{registry.max_points_766_vi()})"
        out[points_label] = t.points_766.map(render.points)
        out["Xin lỗi khi trễ hạn"] = t.apology_coverage.map(render.percent)
        numeric = [c for c in out.columns if c not in ("Đơn vị",)]
        return HTML(render.html_table(out, "overview", numeric=numeric))

    def charts(self) -> Charts:
        """One chart per plan target: every unit's value against it."""
        t = self.table.sort_values("unit_code")
        names = t.unit_code.map(self.units.set_index("unit_code").unit_name)
        return Charts(tuple(
            charts.chart(charts.units_figure(i, names, t[i].astype(float).fillna(0),
                                             t[f"{i}_met"].fillna(False).astype(bool),
                                             self.targets.get(i)), self.chart_alt(i))
            for i in registry.PLAN_INDICATORS))

    def chart_alt(self, indicator: str) -> str:
        """One chart in words: how many units meet the target, and each unit's value."""
        t = self.table.sort_values("unit_code")
        names = t.unit_code.map(self.units.set_index("unit_code").unit_name)
        met = int(t[f"{indicator}_met"].fillna(False).astype(bool).sum())
        values = "; ".join(f"{n} {render.percent(v)}" for n, v in zip(names, t[indicator],
                                                                        strict=True))
        if len(t) > ALT_UNITS:  # a screen reader reads every word: the count is enough
            values = ""
        target = self.targets.get(indicator)
        aim = f" (mục tiêu {render.percent(target, 0)})" if target is not None else ""
        return (f"Biểu đồ {registry.label(indicator)}{aim}: {met}/{len(t)} đơn vị đạt"
                + (f"; {values}." if values else "."))

    def note(self) -> Rich:
        return rich(
            "Xếp hạng: theo Chỉ số CCHC ước tính của năm (cùng cách tính với bảng điểm của "
            "từng đơn vị); bằng nhau thì xét số mục tiêu của kế hoạch đã đạt. Điểm 766 ước "
            "tính (tối đa {maximum} điểm tính được từ dữ liệu hồ sơ) để tham khảo. {caveat} "
            "{set_aside}", maximum=registry.max_points_766_vi(), caveat=registry.caveat_766_vi(),
            set_aside=set_aside_vi(self.set_aside))


def town_overview(period: str | Period, data_dir: str | Path,
                  parent_code: str = "") -> TownOverview:
    """Compute the overview of every unit (of ``parent_code``, if given) for a period."""
    tables = read_processed(resolve(data_dir))
    units = tables["units"]
    if parent_code:
        units = units[units.parent_code == parent_code]
    units = units.sort_values("unit_code")
    requested = parse_period(period)
    clipped = clip_to_data(requested, tables["dossiers"])
    parents = units.parent_name.dropna()
    town = str(parents.iloc[0]) if len(parents) else "toàn bộ đơn vị"
    targets = {i: target_for(tables.get("targets"), i, "", clipped.year)
               for i in registry.PLAN_INDICATORS}
    indexes = None
    data = resolve(data_dir)
    if (data / METHODOLOGY_FILE).is_file():  # one ranking: the scorecard's estimated index
        method = processed_methodology(data)
        indexes = {u: summary["index"] for u, (_, summary) in unit_scores(
            method, tables, units.unit_code.tolist(), clipped.year).items()}
    return TownOverview(town, requested, clipped, units[["unit_code", "unit_name"]],
                        overview_table(tables, clipped, units.unit_code.tolist(), indexes),
                        targets,
                        set_aside(tables.get("quarantine"), units.unit_code.tolist(),
                                  clipped.start, clipped.end))
