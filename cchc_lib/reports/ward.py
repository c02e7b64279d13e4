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
from cchc_lib.core.periods import Period, parse_period
from cchc_lib.core.text import fold, within_sentence
from cchc_lib.core.units import parent_name, unit_name
from cchc_lib.core.vi import VERDICTS_VI
from cchc_lib.indicators import engine, national
from cchc_lib.indicators.base import RESULT_COLUMNS, clip_to_data, data_through, dated
from cchc_lib.indicators.bieu06 import bieu06_of
from cchc_lib.indicators.figures import unknown_rows
from cchc_lib.indicators.plan import (
    Gap,
    comparison,
    gaps,
    judged_on_year_to_date,
    month_spans,
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

    # -- pieces the notebook shows ------------------------------------------------------

    def header(self) -> Rich:
        """The first screen: are we on target, what to do and who does it, the late dossiers
        still owing an apology; then the detail below."""
        met = int(self.plan.met.fillna(False).sum())
        judged = int((~self.plan.no_data.map(has_note)).sum())  # the targets with data
        clipped = (f" (số liệu đến ngày {render.day(self.period.end)})"
                   if self.period.end < self.requested.end else "")
        rows = list(self.plan.itertuples())
        warning = self._data_warning()
        values: dict[str, object] = {}
        items = []
        if not self.received:  # no dossier: say so, not "0 %" and "chưa đạt"
            summary = ("**Tóm tắt:** đơn vị không có hồ sơ nào tiếp nhận trong kỳ này, nên "
                       "chưa đánh giá được mục tiêu năm {plan}.")
        else:
            summary = ("**Tóm tắt:** đạt **{met}/{count}** mục tiêu năm {plan}"
                       + (" (tính từ đầu năm đến {ytd_end})" if self.short else "")
                       + (" ({unknown} mục tiêu {no_data}, không đánh giá)"
                          if judged < len(rows) else "") + "." if judged else
                       "**Tóm tắt:** {no_data} để đánh giá mục tiêu năm {plan}.")
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
                items.append("- !!✗ Cần xử lý!! **{owed}** hồ sơ trễ hạn chưa có phiếu xin lỗi "
                             "(danh sách ở mục Trách nhiệm xin lỗi).")
                values["owed"] = render.integer(owed)
        return rich(
            "# Báo cáo Chỉ số CCHC: {unit}\n\n"
            "**Đơn vị:** {unit}, {parent} · **Kỳ báo cáo:** {span}{clipped}\n\n"
            + summary + ("\n\n" + "\n".join(items) if items else "")
            + ("\n\n**Lưu ý về dữ liệu:** {warning}" if warning else ""),
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
        value = f"**{{ytd{i}}}** từ đầu năm" if self.short else f"**{{value{i}}}**"
        aim = f"(mục tiêu {{target{i}}}" + (f"; riêng kỳ này: {{value{i}}})" if self.short else ")")
        if r.met is None or pd.isna(r.met):
            return f"- {{label{i}}}: {value} (chưa có mục tiêu)."
        if r.met:
            return f"- ^^✓ Đạt^^ {{label{i}}}: {value} {aim}."
        line = f"- !!✗ Chưa đạt!! {{label{i}}}: {value} {aim}"
        gap = self.gaps.get(r.indicator)
        if gap is not None and gap.needed:
            values[f"todo{i}"] = registry.gap_rule(r.indicator).todo_vi.format(
                n=render.integer(gap.needed))
            line += f": {{todo{i}}}"
            names = [str(n) for n in gap.candidates.procedure_name.head(FIRST_SCREEN_CANDIDATES)]
            if names:
                values[f"start{i}"] = "; ".join(names)
                line += f", bắt đầu từ: {{start{i}}}"
        if self.owners.get(r.indicator):
            values[f"owner{i}"] = self.owners[r.indicator]
            line += f". Phụ trách: **{{owner{i}}}**"
        return line + "."

    def _data_warning(self) -> str:
        """Said at the top when the period lost at least 1 % of its dossiers at ingest."""
        n = self.set_aside["in_period"]
        if n and n >= 0.01 * (n + self.received):
            return set_aside_vi(self.set_aside)
        return ""

    def plan_table(self) -> HTML | Rich:
        table = render.plan_table(self.plan, str(self.before.year), self.short)
        numeric = [c for c in table.columns if c not in ("Chỉ tiêu", "Đánh giá",
                                                           "Đánh giá (từ đầu năm)")]
        return render.with_notes(render.html_table(table, "plan", numeric=numeric),
                                 render.notes_of(self.plan))

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
            return f"Biểu đồ {registry.label(r.indicator)}: {r.no_data}."
        value = r.ytd_value if self.short else r.value
        before = (f", cùng kỳ {self.before.year}: {render.percent(r.value_before)}"
                  if "value_before" in self.plan else "")
        return (f"Biểu đồ {registry.label(r.indicator)}, lũy kế từ đầu năm {self.period.year} "
                f"đến ngày {render.day(self.period.end)}: {render.percent(value)} (mục tiêu "
                f"{render.percent(r.target, 0)}{before}).")

    def projection_table(self) -> HTML:
        p = self.projection
        unknown = p.indicator.map(dict(zip(self.plan.indicator, self.plan.no_data,
                                           strict=True))).map(has_note)
        table = pd.DataFrame({
            "Chỉ tiêu": p.indicator.map(registry.label),
            "Lũy kế đến nay": [vi.NO_DATA_VI if u else render.percent(v)
                               for v, u in zip(p.value, unknown, strict=True)],
            "Dự báo cuối năm": ["—" if u else render.percent(v) if lo is None or lo == hi
                                else f"{render.percent(v)} ({render.percent(lo)}–"
                                     f"{render.percent(hi)})"
                                for v, lo, hi, u in zip(p.projected, p.low, p.high, unknown,
                                                        strict=True)],
            "Mục tiêu": p.target.map(lambda t: render.percent(t, 0)),
            "Dự báo": [vi.NO_DATA_VI if u else VERDICTS_VI[v]
                       for v, u in zip(p.verdict, unknown, strict=True)],
        })
        return render.show(table, "projection")

    def national_table(self) -> HTML | Rich:
        pts = self.points.merge(self.national[["indicator", "numerator", "denominator"]],
                                on="indicator")
        unknown = pts.no_data.map(has_note)
        counted = pts[~unknown]  # a criterion without data adds no points, and no maximum
        table = pd.DataFrame({
            "Tiêu chí 766": pts.criterion,
            "Nhóm": pts.group,
            "Chỉ số": pts.indicator.map(registry.name),
            "Kết quả": [render.share_shown(v, n) for v, n in zip(pts.value, pts.no_data,
                                                                  strict=True)],
            "Tử số / mẫu số": render.fraction(pts.numerator, pts.denominator),
            "Điểm ước tính": pts.points.map(render.points),
            "Điểm tối đa": pts.max_points.map(render.points),
        })
        left_out = (f" (không tính tiêu chí {', '.join(pts.criterion[unknown])}: "
                    f"{vi.NO_DATA_VI})" if unknown.any() else "")
        total = pd.DataFrame([{"Tiêu chí 766": "", "Nhóm": "",
                               "Chỉ số": vi.TOTAL_ROW_VI + left_out,
                               "Kết quả": "", "Tử số / mẫu số": "",
                               "Điểm ước tính": render.points(counted.points.dropna().sum()),
                               "Điểm tối đa": render.points(counted.max_points.sum())}])
        table = pd.concat([table, total], ignore_index=True)
        return render.with_notes(render.html_table(table, "national", numeric=[
            "Kết quả", "Tử số / mẫu số", "Điểm ước tính", "Điểm tối đa"], total_last=True),
            render.notes_of(self.national, name=registry.name))

    def national_caveat(self) -> Rich:
        return rich("*{caveat}*", caveat=registry.caveat_766_vi())

    def apology_table(self) -> Rich:
        a = self.apology
        table = pd.DataFrame({
            "Lĩnh vực": a.field.fillna(vi.TOTAL_ROW_VI),
            "Hồ sơ trễ hạn": [render.count_shown(v, n) for v, n in zip(a.denominator,
                                                                        a.no_data, strict=True)],
            "Có phiếu xin lỗi": [render.count_shown(v, n) for v, n in zip(a.numerator, a.no_data,
                                                                          strict=True)],
            "Tỷ lệ": [render.share_shown(v, n) for v, n in zip(a.value, a.no_data, strict=True)],
        })
        missing = self.late[~self.late.apology_issued]
        out = raw_html(render.html_table(table, "apology", numeric=[
            "Hồ sơ trễ hạn", "Có phiếu xin lỗi", "Tỷ lệ"], total_last=True))
        if notes := render.notes_of(a):  # who has a slip is not known: no list of who owes one
            return out + render.no_data_lines(notes)
        if not len(missing):
            return out + rich("Mọi hồ sơ trễ hạn đều đã có phiếu xin lỗi.")
        # the ones still owing a slip: by field, then the oldest due date first
        order = missing.assign(_key=missing.field_name.map(fold)).sort_values(
            ["_key", "due_at", "dossier_id"], kind="stable")
        shown = order.head(APOLOGY_ID_LIMIT)
        listing = pd.DataFrame({
            "Mã hồ sơ": shown.dossier_id.astype(str),
            "Lĩnh vực": shown.field_name.fillna(vi.UNKNOWN_FIELD_VI).astype(str),
            "Hạn trả": shown.due_at.map(render.day),
            "Tình trạng": shown.kind.map(vi.LATE_KIND_VI),
        })
        more = len(missing) - len(shown)
        out += rich("Hồ sơ trễ hạn chưa có phiếu xin lỗi: **{count}**.",
                    count=render.integer(len(missing)))
        out += raw_html(render.html_table(listing, "apology-owed"))
        if more > 0:
            out += rich("*… và {more} hồ sơ khác.*", more=render.integer(more))
        return out

    def bieu06_table(self) -> HTML | Rich:
        table = render.bieu06_table(self.form)
        numeric = [c for c in table.columns if c not in ("STT", "Lĩnh vực")]
        return render.with_notes(render.html_table(table, "bieu06", numeric=numeric,
                                                   total_last=True),
                                 render.bieu06_notes(self.form))

    def next_steps(self, indicator: str) -> Rich:
        gap = self.gaps[indicator]
        title = "**{label}** (từ đầu năm): {value}" if self.short else "**{label}**: {value}"
        values = {"label": registry.label(indicator), "value": render.percent(gap.value)}
        if gap.no_data:  # nothing is suggested on a figure nobody knows
            return rich("**{label}**: {note}. Không tính số còn thiếu và không gợi ý TTHC khi "
                        "chưa có số liệu.", label=values["label"], note=gap.no_data)
        if gap.target is None:
            return rich(title + ". Chưa có mục tiêu cho chỉ tiêu này.", **values)
        target = render.percent(gap.target, 0)
        if not gap.needed:
            return rich(title + ", đã đạt mục tiêu {target}. Tiếp tục duy trì.", target=target,
                        **values)
        rule = registry.gap_rule(indicator)
        table = render.candidates_table(gap.candidates, rule.demand_vi, CANDIDATE_LIMIT)
        more = len(gap.candidates) - len(table)
        out = rich(title + ". " + rule.action_vi, n=render.integer(gap.needed), t=target,
                   **values)
        out += raw_html(render.html_table(table, f"gap-{indicator}",
                                          numeric=[rule.demand_vi]))
        if more > 0:
            out += rich("*… và {more} TTHC khác.*", more=more)
        return out

    def unknown(self) -> bool:
        """Whether a figure of the report has no data (a column the unit's exports lack)."""
        return bool(self.form.attrs.get("no_data")) or any(
            rows.no_data.map(has_note).any() for rows in (self.plan, self.national,
                                                          self.apology))

    def data_note(self) -> Rich:
        return rich(
            "Nguồn: dữ liệu hồ sơ một cửa đã chuẩn hóa (`data/processed`). Kỳ so sánh: từ "
            "{start} đến {end}. {set_aside} Tỷ lệ làm tròn một chữ số thập phân; “{na}” khi "
            "mẫu số bằng 0" + ("; “{no_data}” khi tệp xuất của đơn vị không có cột cần để tính "
                              "(tên cột ghi dưới bảng), không tính là 0 và không đánh giá"
                              if self.unknown() else "") + ".",
            start=render.day(self.before.start), end=render.day(self.before.end),
            set_aside=set_aside_vi(self.set_aside), na=vi.NOT_APPLICABLE_VI,
            no_data=vi.NO_DATA_VI)


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
    )
