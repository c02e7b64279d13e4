"""The ward report: everything one unit's report shows, computed once, displayed in pieces.

A notebook cell calls one method and shows what it returns; the Vietnamese narrative
between them lives in the notebook's markdown cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import vi
from cchc_lib.core.catalog import resolve
from cchc_lib.core.formats import is_missing
from cchc_lib.core.lang import reports as lang_reports
from cchc_lib.core.lang import reports_detail as lang_detail
from cchc_lib.core.lang import reports_ward as lang
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.core.text import fold, within_sentence
from cchc_lib.core.units import parent_name, unit_name
from cchc_lib.core.vi import VERDICTS_VI
from cchc_lib.indicators import engine, national
from cchc_lib.indicators.base import RESULT_COLUMNS, clip_to_data, data_through, dated
from cchc_lib.indicators.bieu06 import bieu06_of
from cchc_lib.indicators.figures import unknown_rows
from cchc_lib.indicators.plan import (
    PROJECTION_MONTHS,
    Gap,
    comparison,
    gaps,
    judged_on_year_to_date,
    month_spans,
    other_readings,
    plan_rows,
    procedure_uptake,
    projection,
    trend_of,
)
from cchc_lib.indicators.unknown import Lacking, has_note
from cchc_lib.ingest.store import read_processed
from cchc_lib.par.tasks import PlanInfo, owners_of, plan_for
from cchc_lib.reports import charts, render
from cchc_lib.reports.charts import Charts
from cchc_lib.reports.quality import set_aside, set_aside_vi
from cchc_lib.reports.safe import Rich, raw_html, rich

APOLOGY_ID_LIMIT = 30
CANDIDATE_LIMIT = 10
FIRST_SCREEN_CANDIDATES = 2  # procedures named on the first screen, per missed target


@dataclass
class WardReport:
    unit_code: str
    unit_name: str
    parent_name: str
    requested: Period
    period: Period  # clipped to the last day of data
    before: Period
    plan: pd.DataFrame
    trend_now: pd.DataFrame
    trend_before: pd.DataFrame
    form: pd.DataFrame
    gaps: dict[str, Gap]
    set_aside: dict  # quality.set_aside: this period's dossiers set aside at ingest
    received: int  # dossiers of the unit received in the period (accepted ones)
    short: bool  # shorter than the year to date: targets judged from 1 January
    plan_info: PlanInfo  # whose targets: the unit's own plan, or the general ones (labelled)
    projection: pd.DataFrame
    national: pd.DataFrame  # the 766 estimates
    points: pd.DataFrame  # their estimated points
    apology: pd.DataFrame  # coverage per field and total
    late: pd.DataFrame  # the late dossiers, with or without a slip
    owners: dict[str, str]  # indicator -> the lead officer(s) of the plan tasks linked to it
    lacking: Lacking  # what the unit's exports lack: the figures that need it have no data
    readings: pd.DataFrame | None = None  # plan shares read the other way (plan.other_readings)

    # -- pieces the notebook shows ------------------------------------------------------

    def header(self) -> Rich:
        """The first screen: are we on target, what to do and who does it, the late dossiers
        still owing an apology; then the detail below."""
        met = int(self.plan.met.fillna(False).sum())
        judged = int((~self.plan.no_data.map(has_note)).sum())  # the targets with data
        clipped = (lang_reports.DATA_UNTIL_VI.format(day=render.day(self.period.end))
                   if self.period.end < self.requested.end else "")
        rows = list(self.plan.itertuples())
        warning = self._data_warning()
        values: dict[str, object] = {}
        items = []
        if not self.received:  # no dossier: say so, not "0 %" and "chưa đạt"
            summary = lang.SUMMARY_NO_DOSSIERS_VI
        else:
            summary = (lang.SUMMARY_MET_VI
                       + (lang.SUMMARY_SINCE_JANUARY_VI if self.short else "")
                       + (lang.SUMMARY_NOT_JUDGED_VI
                          if judged < len(rows) else "") + "." if judged else
                       lang.SUMMARY_NO_DATA_VI)
            values |= {"unknown": len(rows) - judged, "no_data": vi.NO_DATA_VI}
            for i, r in enumerate(rows):
                items.append(self._target_item(i, r, values))
            apology = self.apology[self.apology.field.isna()].iloc[0]
            owed = int((~self.late.apology_issued).sum()) if len(self.late) else 0
            if has_note(apology.no_data):  # who owes a slip is not known: said, not counted
                items.append("- {apology_label}: {apology_note}.")
                values |= {"apology_label": registry.label(apology.indicator),
                           "apology_note": apology.no_data}
            elif owed:
                items.append(lang.OWED_APOLOGY_ITEM_VI)
                values["owed"] = render.integer(owed)
        return rich(
            lang.HEADER_VI
            + summary + ("\n\n" + "\n".join(items) if items else "")
            + (lang.DATA_WARNING_VI if warning else ""),
            unit=self.unit_name, parent=within_sentence(self.parent_name),
            span=self.requested.label_vi(), clipped=clipped, met=met, count=judged,
            plan=self.plan_info.targets_vi, warning=warning,
            ytd_end=render.day(self.period.end), **values)

    def _target_item(self, i: int, r, values: dict) -> str:
        """One line per target: mark, colour and word, the value judged, and — when missed —
        what to do, where to start and who is responsible; without data, why, and no verdict."""
        if has_note(r.no_data):
            values |= {f"label{i}": registry.label(r.indicator), f"nodata{i}": r.no_data}
            return f"- {{label{i}}}: {{nodata{i}}}; {vi.NOT_JUDGED_VI.lower()}."
        values |= {f"label{i}": registry.label(r.indicator), f"value{i}": render.percent(r.value),
                   f"ytd{i}": render.percent(r.ytd_value),
                   f"target{i}": render.percent(r.target, 0)}
        value = lang.ITEM_YTD_VALUE_VI.format(i=i) if self.short else f"**{{value{i}}}**"
        aim = lang.ITEM_AIM_VI.format(i=i) + (
            lang.ITEM_AIM_PERIOD_VI.format(i=i) if self.short else ")")
        if r.met is None or pd.isna(r.met):
            return lang.ITEM_NO_TARGET_VI.format(i=i, value=value)
        if r.met:
            return lang.ITEM_MET_VI.format(i=i, value=value, aim=aim)
        line = lang.ITEM_MISSED_VI.format(i=i, value=value, aim=aim)
        gap = self.gaps.get(r.indicator)
        if gap is not None and gap.needed:
            values[f"todo{i}"] = registry.gap_rule(r.indicator).todo_vi.format(
                n=render.integer(gap.needed))
            line += f": {{todo{i}}}"
            names = [str(n) for n in gap.candidates.procedure_name.head(FIRST_SCREEN_CANDIDATES)]
            if names:
                values[f"start{i}"] = "; ".join(names)
                line += lang.ITEM_START_FROM_VI.format(i=i)
        if self.owners.get(r.indicator):
            values[f"owner{i}"] = self.owners[r.indicator]
            line += lang.ITEM_OWNER_VI.format(i=i)
        return line + "."

    def _data_warning(self) -> str:
        """Said at the top when the period lost at least 1 % of its dossiers at ingest."""
        n = self.set_aside["in_period"]
        if n and n >= 0.01 * (n + self.received):
            return set_aside_vi(self.set_aside)
        return ""

    def plan_definitions(self) -> Rich:
        """What each of the plan's indicators counts (the registry's words) and its target
        (the targets table's), one line each, above the table."""
        lines: list[str] = []
        values: dict[str, object] = {}
        for i, r in enumerate(self.plan.itertuples()):
            record = registry.get(r.indicator)
            template = (lang.PLAN_DEFINITION_NO_TARGET_VI if is_missing(r.target)
                        else lang.PLAN_DEFINITION_VI)
            lines.append(template.format(i=i))
            values |= {f"label{i}": record.label,
                       f"definition{i}": record.definition_vi or _in_words(record),
                       f"target{i}": "" if is_missing(r.target) else render.percent(r.target, 0)}
        return rich(lang.PLAN_DEFINITIONS_HEAD_VI + "\n\n" + ";\n".join(lines) + ".",
                    **values)

    def plan_table(self) -> HTML | Rich:
        table = render.plan_table(self.plan, str(self.before.year), self.short,
                                  self.period.end.month, PROJECTION_MONTHS)
        head = lang_reports.PLAN_COLUMNS_VI
        numeric = [c for c in table.columns if c not in (head["indicator"], head["verdict"],
                                                           head["verdict_short"])]
        return render.with_notes(render.html_table(table, "plan", numeric=numeric),
                                 render.notes_of(self.plan)
                                 + render.reading_lines(self.plan, self.readings)
                                 + [behind_plan(self.plan)])

    def trend_charts(self) -> Charts:
        """One chart per plan target, one under the other."""
        return Charts(tuple(
            charts.chart(charts.trend_figure(r.indicator, self.trend_now, self.trend_before,
                                             self.period.year, self.before.year,
                                             self.projection, has_note(r.no_data)),
                         self.trend_alt(r))
            for r in self.plan.itertuples()))

    def trend_alt(self, r) -> str:
        """One chart in words: the target's value from January to the period's end, against
        the target and the same day a year before; without data, why."""
        if has_note(r.no_data):
            return lang.CHART_ALT_NO_DATA_VI.format(label=registry.label(r.indicator),
                                                    note=r.no_data)
        value = r.ytd_value if self.short else r.value
        before = (lang.CHART_ALT_BEFORE_VI.format(year=self.before.year,
                                                  value=render.percent(r.value_before))
                  if "value_before" in self.plan else "")
        return lang.CHART_ALT_VI.format(
            label=registry.label(r.indicator), year=self.period.year,
            end=render.day(self.period.end), value=render.percent(value),
            target=render.percent(r.target, 0), before=before)

    def projection_table(self) -> Rich:
        """How the projection is made (the words of the code that makes it), then each
        target's year-end value, its range and the verdict."""
        p = self.projection
        unknown = p.indicator.map(dict(zip(self.plan.indicator, self.plan.no_data,
                                           strict=True))).map(has_note)
        head = lang.PROJECTION_COLUMNS_VI
        table = pd.DataFrame({
            head["indicator"]: p.indicator.map(registry.label),
            head["value"]: [vi.NO_DATA_VI if u else render.percent(v)
                            for v, u in zip(p.value, unknown, strict=True)],
            head["projected"]: ["—" if u else render.percent(v) if lo is None or lo == hi
                                else f"{render.percent(v)} ({render.percent(lo)}–"
                                     f"{render.percent(hi)})"
                                for v, lo, hi, u in zip(p.projected, p.low, p.high, unknown,
                                                        strict=True)],
            head["target"]: p.target.map(lambda t: render.percent(t, 0)),
            head["verdict"]: [vi.NO_DATA_VI if u else VERDICTS_VI[v]
                              for v, u in zip(p.verdict, unknown, strict=True)],
        })
        return rich(lang.PROJECTION_METHOD_VI, months=PROJECTION_MONTHS) + raw_html(
            render.show(table, "projection").data)

    def national_table(self) -> HTML | Rich:
        pts = self.points.merge(self.national[["indicator", "numerator", "denominator"]],
                                on="indicator")
        unknown = pts.no_data.map(has_note)
        counted = pts[~unknown]  # a criterion without data adds no points, and no maximum
        head = lang.NATIONAL_COLUMNS_VI
        table = pd.DataFrame({
            head["criterion"]: pts.criterion,
            head["group"]: pts.group,
            head["indicator"]: pts.indicator.map(registry.name),
            head["value"]: [render.share_shown(v, n) for v, n in zip(pts.value, pts.no_data,
                                                                     strict=True)],
            head["fraction"]: render.fraction(pts.numerator, pts.denominator),
            head["points"]: pts.points.map(render.points),
            head["max_points"]: pts.max_points.map(render.points),
        })
        left_out = (lang.NATIONAL_LEFT_OUT_VI.format(
            criteria=", ".join(pts.criterion[unknown]), no_data=vi.NO_DATA_VI)
            if unknown.any() else "")
        total = pd.DataFrame([{head["criterion"]: "", head["group"]: "",
                               head["indicator"]: vi.TOTAL_ROW_VI + left_out,
                               head["value"]: "", head["fraction"]: "",
                               head["points"]: render.points(counted.points.dropna().sum()),
                               head["max_points"]: render.points(counted.max_points.sum())}])
        table = pd.concat([table, total], ignore_index=True)
        return render.with_notes(render.html_table(table, "national", numeric=[
            head["value"], head["fraction"], head["points"], head["max_points"]],
            total_last=True),
            render.notes_of(self.national, name=registry.name))

    def national_caveat(self) -> Rich:
        """The 766 estimates' caveat, and what each of the page's two on-time rates counts."""
        form, estimate = registry.get("on_time_rate"), registry.get("progress_on_time")
        return rich("*{caveat}*", caveat=registry.caveat_766_vi()) + rich(
            lang.TWO_ON_TIME_RATES_VI, form_numerator=_mid_sentence(form.numerator_vi),
            form_denominator=_mid_sentence(form.denominator_vi),
            criterion=estimate.points.criterion if estimate.points else "",
            numerator=_mid_sentence(estimate.numerator_vi),
            denominator=_mid_sentence(estimate.denominator_vi))

    def apology_duty(self) -> Rich:
        """The duty of apology, its target the registry's (set by law)."""
        target = national.APOLOGY.fixed_target
        return rich(lang.APOLOGY_DUTY_VI, target=render.percent(target, 0))

    def apology_table(self) -> Rich:
        a = self.apology
        head = lang.APOLOGY_COLUMNS_VI
        table = pd.DataFrame({
            head["field"]: a.field.fillna(vi.TOTAL_ROW_VI),
            head["late"]: [render.count_shown(v, n) for v, n in zip(a.denominator,
                                                                    a.no_data, strict=True)],
            head["issued"]: [render.count_shown(v, n) for v, n in zip(a.numerator, a.no_data,
                                                                      strict=True)],
            head["share"]: [render.share_shown(v, n) for v, n in zip(a.value, a.no_data,
                                                                     strict=True)],
        })
        missing = self.late[~self.late.apology_issued]
        out = raw_html(render.html_table(table, "apology", numeric=[
            head["late"], head["issued"], head["share"]], total_last=True))
        if notes := render.notes_of(a):  # who has a slip is not known: no list of who owes one
            return out + render.no_data_lines(notes)
        if not len(missing):
            return out + rich(lang.ALL_APOLOGIES_ISSUED_VI)
        # the ones still owing a slip: by field, then the oldest due date first
        order = missing.assign(_key=missing.field_name.map(fold)).sort_values(
            ["_key", "due_at", "dossier_id"], kind="stable")
        shown = order.head(APOLOGY_ID_LIMIT)
        owed = lang.APOLOGY_OWED_COLUMNS_VI
        listing = pd.DataFrame({
            owed["dossier_id"]: shown.dossier_id.astype(str),
            owed["field"]: shown.field_name.fillna(vi.UNKNOWN_FIELD_VI).astype(str),
            owed["due_at"]: shown.due_at.map(render.day),
            owed["kind"]: shown.kind.map(vi.LATE_KIND_VI),
        })
        more = len(missing) - len(shown)
        out += rich(lang.APOLOGY_OWED_COUNT_VI, count=render.integer(len(missing)))
        out += raw_html(render.html_table(listing, "apology-owed"))
        if more > 0:
            out += rich(lang.MORE_DOSSIERS_VI, more=render.integer(more))
        return out

    def bieu06_table(self) -> HTML | Rich:
        table = render.bieu06_table(self.form)
        head = lang_reports.BIEU06_COLUMNS_VI
        numeric = [c for c in table.columns if c not in (head["number"], head["field"])]
        return render.with_notes(render.html_table(table, "bieu06", numeric=numeric,
                                                   total_last=True),
                                 render.bieu06_notes(self.form) + [behind_form()])

    def next_steps(self, indicator: str | None = None) -> Rich:
        """For each of the plan's indicators (or the one named): how far from its target, and
        the procedures to start with."""
        if indicator is None:
            parts = [self.next_steps(i) for i in self.plan.indicator]
            return sum(parts[1:], parts[0]) if parts else rich("")
        gap = self.gaps[indicator]
        title = lang.NEXT_STEPS_TITLE_YTD_VI if self.short else lang.NEXT_STEPS_TITLE_VI
        values = {"label": registry.label(indicator), "value": render.percent(gap.value)}
        if gap.no_data:  # nothing is suggested on a figure nobody knows
            return rich(lang.NEXT_STEPS_NO_DATA_VI, label=values["label"], note=gap.no_data)
        if gap.target is None:
            return rich(title + lang.NEXT_STEPS_NO_TARGET_VI, **values)
        target = render.percent(gap.target, 0)
        if not gap.needed:
            return rich(title + lang.NEXT_STEPS_MET_VI, target=target, **values)
        rule = registry.gap_rule(indicator)
        table = render.candidates_table(gap.candidates, rule.demand_vi, CANDIDATE_LIMIT)
        more = len(gap.candidates) - len(table)
        out = rich(title + ". " + rule.action_vi, n=render.integer(gap.needed), t=target,
                   **values)
        out += raw_html(render.html_table(table, f"gap-{indicator}",
                                          numeric=[rule.demand_vi]))
        if more > 0:
            out += rich(lang.MORE_PROCEDURES_VI, more=more)
        return out

    def unknown(self) -> bool:
        """Whether a figure of the report has no data (a column the unit's exports lack)."""
        return bool(self.form.attrs.get("no_data")) or any(
            rows.no_data.map(has_note).any() for rows in (self.plan, self.national,
                                                          self.apology))

    def data_note(self) -> Rich:
        return rich(
            lang.DATA_NOTE_VI + (lang.DATA_NOTE_NO_DATA_VI if self.unknown() else "") + ".",
            start=render.day(self.before.start), end=render.day(self.before.end),
            set_aside=set_aside_vi(self.set_aside), na=vi.NOT_APPLICABLE_VI,
            no_data=vi.NO_DATA_VI)


def _mid_sentence(words: str) -> str:
    """Registry words (written to stand alone, capitalised) inside a sentence."""
    return words[:1].lower() + words[1:]


def _in_words(record: registry.Indicator) -> str:
    """A share's definition from its registry record's words: numerator over denominator."""
    numerator = _mid_sentence(record.numerator_vi)
    return lang.PLAN_DEFINITION_PARTS_VI.format(numerator=numerator,
                                                denominator=record.denominator_vi.lower())


def behind_plan(plan: pd.DataFrame) -> str:
    """Where the rows behind each plan figure are: its sheet of the detail workbook."""
    from cchc_lib.reports.detail import FILE_NAME, sheet_names

    names = sheet_names()  # read now: the registry may have grown since import
    ids = [i for i in dict.fromkeys(plan.indicator.astype(str)) if i in names]
    if all(names[i] == registry.label(i) for i in ids):  # each sheet named as its figure
        sheets = lang_detail.BEHIND_FORM_VI.format(sheets=", ".join(
            lang_detail.SHEET_QUOTED_VI.format(sheet=names[i]) for i in ids))
    else:
        sheets = "; ".join(lang_detail.BEHIND_FIGURE_VI.format(label=registry.label(i),
                                                               sheet=names[i]) for i in ids)
    return lang_detail.BEHIND_FIGURES_VI.format(file=FILE_NAME, sheets=sheets)


def behind_form() -> str:
    """Where the dossiers behind Biểu 06's columns are: a sheet per column group."""
    from cchc_lib.reports.detail import FILE_NAME, group_keys, sheet_names

    names = sheet_names()
    sheets = ", ".join(lang_detail.SHEET_QUOTED_VI.format(sheet=names[k])
                       for k in group_keys())
    return lang_detail.BEHIND_FIGURES_VI.format(
        file=FILE_NAME, sheets=lang_detail.BEHIND_FORM_VI.format(sheets=sheets))


def ward_report(unit_code: str, period: str | Period, data_dir: str | Path) -> WardReport:
    """Compute everything the ward report shows for a unit and period."""
    tables = read_processed(resolve(data_dir), unit_code=unit_code)  # its own dossiers only
    units = tables["units"]
    name = unit_name(units, unit_code)
    parent = parent_name(units, unit_code)
    requested = parse_period(period)
    dossiers, catalogue, targets = tables["dossiers"], tables["catalogue"], tables.get("targets")
    clipped = clip_to_data(requested, dated(tables))
    before = clipped.same_period_years_before(1)
    lacking = Lacking.of(tables, [unit_code])  # what its exports lack: "không có số liệu"

    def known(rows: pd.DataFrame) -> pd.DataFrame:
        return unknown_rows(rows, lacking)

    # one engine query for every figure of the report: the period, the year to date (yearly
    # targets are judged on 1 January → the period's end), the same period a year before,
    # and 1 January → the end of each month of both years (the trend), each per field
    ytd = clipped.year_to_date()
    through = data_through(dated(tables))  # the export's last day, not the unit's
    months_now, note_now = month_spans(clipped, through)
    months_before, note_before = month_spans(before, through)
    spans = [clipped, ytd, before, *months_now, *months_before]
    p = engine.parts_by_period({"dossiers": dossiers, "catalogue": catalogue}, [unit_code],
                               spans, by_field=True)
    now, to_date, last_year = (p[p.pid == i].drop(columns="pid") for i in range(3))

    def plan_of(part: pd.DataFrame, span: Period) -> pd.DataFrame:
        whole = part[part.field.isna()].iloc[0]
        return known(pd.DataFrame(plan_rows(whole, unit_code, span, targets),
                                  columns=RESULT_COLUMNS, dtype=object))

    plan_ytd = plan_of(to_date, ytd)
    trend_now = known(trend_of(p, months_now, unit_code, targets, through, note_now, 3))
    estimates = known(national.estimates_of(now, unit_code, clipped))
    late = national.late_dossiers(dossiers, unit_code, clipped)  # read once, shown twice
    plan_info = plan_for(tables, unit_code, clipped.year)
    q = tables.get("quarantine")
    return WardReport(
        unit_code=unit_code, unit_name=name, parent_name=str(parent),
        requested=requested, period=clipped, before=before,
        plan=comparison(judged_on_year_to_date(plan_of(now, clipped), plan_ytd),
                        plan_of(last_year, before)),
        short=ytd.start < clipped.start,
        plan_info=plan_info,
        trend_now=trend_now,
        trend_before=known(trend_of(p, months_before, unit_code, targets, through,
                                    note_before, 3 + len(months_now))),
        form=bieu06_of(now, lacking),
        # the candidates per procedure: a second query, of the year to date
        gaps=gaps(procedure_uptake(dossiers, catalogue, unit_code, ytd), plan_ytd),
        set_aside=set_aside(q, [unit_code], clipped.start, clipped.end),
        received=int(now[now.field.isna()].iloc[0].received),  # accepted, as the engine counts
        projection=projection(trend_now),
        national=estimates,
        points=national.points_766(estimates),
        apology=known(national.apology_of(late, unit_code, clipped)),
        late=late,
        owners=owners_of(tables, plan_info),
        lacking=lacking,
        readings=other_readings(to_date[to_date.field.isna()].iloc[0], plan_ytd, ytd),
    )


__all__ = [
    "APOLOGY_ID_LIMIT", "CANDIDATE_LIMIT", "FIRST_SCREEN_CANDIDATES", "ward_report", "WardReport",
]
