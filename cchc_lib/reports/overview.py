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
from cchc_lib.core.lang import reports as lang
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.core.vi import NO_DATA_VI, NOT_APPLICABLE_VI
from cchc_lib.indicators import national
from cchc_lib.indicators.base import clip_to_data, target_for
from cchc_lib.indicators.figures import per_unit
from cchc_lib.indicators.unknown import has_note
from cchc_lib.ingest.store import METHODOLOGY_FILE, read_processed
from cchc_lib.par.scoring import processed_methodology, unit_scores, unranked
from cchc_lib.reports import charts, render
from cchc_lib.reports.charts import Charts
from cchc_lib.reports.quality import set_aside, set_aside_vi
from cchc_lib.reports.safe import Rich, rich


# the figures of the overview that are an indicator's own (each with ``<id>_no_data``)
def shown() -> tuple[str, ...]:
    """The overview's columns: the plan's indicators, then what every unit is compared on."""
    return (*registry.PLAN_INDICATORS, "received_total", "on_time_rate", "apology_coverage")


def unit_row(rows: pd.DataFrame, unit_code: str) -> dict:
    """One unit's figures for the overview, read off its whole-unit indicator rows. A figure
    without data is None with ``<id>_no_data`` saying why; the 766 points are None when an
    estimate has no data (``points_766_no_data``: which, and why), never a sum short of it."""
    unit = rows[rows.field.isna()].set_index("indicator")
    out: dict[str, object] = {"unit_code": unit_code}
    for indicator in shown():
        out[indicator] = unit.loc[indicator, "value"]
        out[f"{indicator}_no_data"] = unit.loc[indicator, "no_data"]
    for indicator in registry.PLAN_INDICATORS:
        out[f"{indicator}_met"] = unit.loc[indicator, "met"]
    out["targets_met"] = int(sum(bool(out[f"{i}_met"]) for i in registry.PLAN_INDICATORS))
    out["targets_unknown"] = int(sum(has_note(out[f"{i}_no_data"])
                                     for i in registry.PLAN_INDICATORS))
    received = unit.loc["received_total", "value"]
    out["received_total"] = None if received is None or pd.isna(received) else int(received)
    points = national.points_766(unit.reset_index())
    unknown = points[points.no_data.map(has_note)]
    out["points_766"] = (None if len(unknown) else float(points.points.dropna().sum()))
    out["points_766_no_data"] = "; ".join(
        lang.POINTS_UNKNOWN_CRITERION_VI.format(criterion=c, group=g, note=n)
        for c, g, n in zip(unknown.criterion, unknown.group, unknown.no_data,
                           strict=True)) or None
    return out


def overview_table(tables: dict[str, pd.DataFrame], period: Period,
                   unit_codes: list[str], indexes: dict[str, float] | None = None,
                   unranked: set[str] | frozenset[str] = frozenset()) -> pd.DataFrame:
    """Every unit's figures, ranked (1 = best) by the estimated PAR index of the year, as the
    scorecard ranks them (ties: targets met, then the code); without a methodology, by
    targets met then estimated 766 points. A unit whose first ranking figure lacks data is
    not ranked (``rank`` None, last, by code; ``unranked_why`` says why): with a methodology,
    the units in ``unranked`` (a criterion not scored, :func:`scoring.unranked`); without, a
    plan target without data. Without a methodology, 766 points without data rank nobody:
    the unit comes after those with as many targets met whose points are known."""
    every = per_unit(tables, unit_codes, period)  # one query for the town
    rows = pd.DataFrame([unit_row(every[u], u) for u in unit_codes])
    rows["index"] = rows.unit_code.map(indexes or {})
    keys = (["index", "targets_met", "unit_code"] if indexes
            else ["targets_met", "_points_known", "points_766", "unit_code"])
    rows["_points_known"] = rows.points_766.notna()
    rows["unranked_why"] = [_unranked_why(r, indexes is not None and bool(indexes),
                                          r.unit_code in unranked)
                            for r in rows.itertuples(index=False)]
    ranked = rows[rows.unranked_why.isna()].sort_values(
        keys, ascending=[False] * (len(keys) - 1) + [True], kind="stable")
    rest = rows[rows.unranked_why.notna()].sort_values("unit_code", kind="stable")
    rows = pd.concat([ranked, rest], ignore_index=True).drop(columns="_points_known")
    rows.insert(0, "rank", list(range(1, len(ranked) + 1)) + [None] * len(rest))
    if len(rest):
        rows["rank"] = rows["rank"].astype("Int64")
    return rows


def _unranked_why(r, by_index: bool, unscored: bool) -> str | None:
    """Why a unit is not ranked ("" -> None: it is)."""
    if by_index:
        return lang.UNRANKED_UNSCORED_VI.format(no_data=NO_DATA_VI) if unscored else None
    said = [registry.label(i) for i in registry.PLAN_INDICATORS
            if has_note(getattr(r, f"{i}_no_data"))]
    return f"{', '.join(said)} {NO_DATA_VI}" if said else None


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
        clipped = (lang.DATA_UNTIL_VI.format(day=render.day(self.period.end))
                   if self.period.end < self.requested.end else "")
        met_all = int((self.table.targets_met == len(registry.PLAN_INDICATORS)).sum())
        ranked = (lang.RANKED_BY_INDEX_VI if self.table["index"].notna().any() else
                  lang.RANKED_BY_TARGETS_VI)
        return rich(
            lang.OVERVIEW_HEADER_VI + ranked + ".*", town=self.town_name,
            span=self.requested.label_vi(), clipped=clipped, count=len(self.table),
            met_all=met_all, year=self.period.year)

    def ranking(self) -> HTML | Rich:
        t = self.table
        names = self.units.set_index("unit_code").unit_name
        head = lang.OVERVIEW_COLUMNS_VI
        out = pd.DataFrame({head["rank"]: t["rank"].map(lambda v: "—" if pd.isna(v)
                                                        else str(int(v))),
                            head["unit"]: t.unit_code.map(names)})
        if t["index"].notna().any():
            out[head["index"].format(year=self.period.year)] = t["index"].map(render.points)
        for indicator in registry.PLAN_INDICATORS:
            mark = t[f"{indicator}_met"].map(lambda m: "" if m is None else " ✓" if m else " ✗")
            out[registry.label(indicator)] = self._shares(indicator) + mark
        count = len(registry.PLAN_INDICATORS)
        out[head["targets_met"]] = [
            f"{m}/{count}" if not u else f"{m}/{count - u} ({u} {NO_DATA_VI})"
            for m, u in zip(t.targets_met, t.targets_unknown, strict=True)]
        out[head["received_total"]] = [render.count_shown(v, n) for v, n in zip(
            t.received_total, t.received_total_no_data, strict=True)]
        out[head["on_time_rate"]] = self._shares("on_time_rate")
        points_label = head["points_766"].format(maximum=registry.max_points_766_vi())
        out[points_label] = [NO_DATA_VI if has_note(n) else render.points(v)
                             for v, n in zip(t.points_766, t.points_766_no_data, strict=True)]
        out[head["apology_coverage"]] = self._shares("apology_coverage")
        numeric = [c for c in out.columns if c not in (head["unit"],)]
        return render.with_notes(render.html_table(out, "overview", numeric=numeric),
                                 self.no_data_notes())

    def _shares(self, indicator: str) -> pd.Series:
        t = self.table
        return pd.Series([render.share_shown(v, n) for v, n in zip(
            t[indicator], t[f"{indicator}_no_data"], strict=True)], index=t.index)

    def no_data_notes(self) -> list[str]:
        """Per unit, each figure without data and why, and why a unit is not ranked."""
        names = self.units.set_index("unit_code").unit_name
        by_index = bool(self.table["index"].notna().any())
        out = []
        for r in self.table.itertuples(index=False):
            said = [f"{registry.label(i)}: {getattr(r, f'{i}_no_data')}" for i in shown()
                    if has_note(getattr(r, f"{i}_no_data"))]
            if has_note(r.points_766_no_data):
                said.append(lang.POINTS_NOT_SUMMED_VI.format(why=r.points_766_no_data)
                            + ("" if by_index or has_note(r.unranked_why) else
                               lang.POINTS_NOT_SUMMED_AFTER_VI))
            if has_note(r.unranked_why):
                said.append(lang.OVERVIEW_UNRANKED_NOTE_VI.format(why=r.unranked_why))
            out += [f"{names.get(r.unit_code, r.unit_code)}: {s}" for s in said]
        return out

    def charts(self) -> Charts:
        """One chart per plan target: every unit's value against it."""
        t = self.table.sort_values("unit_code")
        names = t.unit_code.map(self.units.set_index("unit_code").unit_name)
        return Charts(tuple(
            charts.chart(charts.units_figure(i, names, t[i].astype(float).fillna(0),
                                             t[f"{i}_met"].fillna(False).astype(bool),
                                             self.targets.get(i), self._unknown(i, t)),
                         self.chart_alt(i))
            for i in registry.PLAN_INDICATORS))

    @staticmethod
    def _unknown(indicator: str, t: pd.DataFrame) -> list[str | None]:
        """What a unit's bar says instead of a value it does not have ("không có số liệu",
        "không áp dụng"): never a bar of 0."""
        return [NO_DATA_VI if has_note(n) else NOT_APPLICABLE_VI if pd.isna(v) else None
                for v, n in zip(t[indicator], t[f"{indicator}_no_data"], strict=True)]

    def chart_alt(self, indicator: str) -> str:
        """One chart in words: how many units meet the target, and each unit's value."""
        t = self.table.sort_values("unit_code")
        names = t.unit_code.map(self.units.set_index("unit_code").unit_name)
        met = int(t[f"{indicator}_met"].fillna(False).astype(bool).sum())
        values = "; ".join(f"{n} {render.share_shown(v, u)}" for n, v, u in zip(
            names, t[indicator], t[f"{indicator}_no_data"], strict=True))
        if len(t) > ALT_UNITS:  # a screen reader reads every word: the count is enough
            values = ""
        target = self.targets.get(indicator)
        aim = (lang.OVERVIEW_CHART_TARGET_VI.format(target=render.percent(target, 0))
               if target is not None else "")
        return (lang.OVERVIEW_CHART_ALT_VI.format(label=registry.label(indicator), aim=aim,
                                                   met=met, count=len(t))
                + (f"; {values}." if values else "."))

    def note(self) -> Rich:
        return rich(
            lang.OVERVIEW_NOTE_VI, maximum=registry.max_points_766_vi(),
            caveat=registry.caveat_766_vi(),
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
    town = str(parents.iloc[0]) if len(parents) else lang.ALL_UNITS_VI
    targets = {i: target_for(tables.get("targets"), i, "", clipped.year)
               for i in registry.PLAN_INDICATORS}
    indexes, unscored = None, set()
    data = resolve(data_dir)
    if (data / METHODOLOGY_FILE).is_file():  # one ranking: the scorecard's estimated index
        method = processed_methodology(data)
        scores = unit_scores(method, tables, units.unit_code.tolist(), clipped.year)
        indexes = {u: summary["index"] for u, (_, summary) in scores.items()}
        unscored = unranked(scores)
    return TownOverview(town, requested, clipped, units[["unit_code", "unit_name"]],
                        overview_table(tables, clipped, units.unit_code.tolist(), indexes,
                                       unscored),
                        targets,
                        set_aside(tables.get("quarantine"), units.unit_code.tolist(),
                                  clipped.start, clipped.end))


__all__ = [
    "ALT_UNITS", "overview_table", "shown", "town_overview", "TownOverview", "unit_row",
]
