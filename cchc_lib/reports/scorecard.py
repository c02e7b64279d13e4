"""The PAR scorecard: the estimated index, where the points were lost and what they are worth,
the rank among the town's units, against the official result of the year before. Computed
once, shown piece by piece by ``notebooks/scorecard.ipynb``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from cchc_lib.core.catalog import resolve
from cchc_lib.core.lang import reports_scorecard as lang
from cchc_lib.core.periods import parse_period
from cchc_lib.core.units import unit_name
from cchc_lib.core.vi import NO_DATA_VI, POINTS_SOURCE_VI
from cchc_lib.indicators.base import clip_to_data
from cchc_lib.indicators.unknown import has_note
from cchc_lib.ingest.methodology import Methodology
from cchc_lib.ingest.store import read_processed
from cchc_lib.par.scoring import (
    SURVEY_ID,
    official_scored,
    points_lost,
    processed_methodology,
    ranking,
    rankings,
    total,
    unranked,
)
from cchc_lib.reports import render
from cchc_lib.reports.checklist import COLUMNS_VI, POINT_COLUMNS, checklist_of, readable, summary_vi
from cchc_lib.reports.checklist import FILE_NAME as CHECKLIST_FILE
from cchc_lib.reports.quality import set_aside, set_aside_vi
from cchc_lib.reports.safe import Rich, rich

LOST_LIMIT = 12
TO_DO = ("missing", "file_missing", "not_scored")  # the checklist's statuses still to act on


@dataclass
class Scorecard:
    unit_code: str
    unit_name: str
    year: int
    method: Methodology
    scored: pd.DataFrame
    summary: dict
    before: pd.DataFrame | None
    summary_before: dict | None
    lost: pd.DataFrame
    ranks: pd.DataFrame
    names: dict[str, str]
    set_aside: dict  # quality.set_aside for the year's data
    summary_evidenced: dict  # the index counting only the points that have their evidence
    checklist: pd.DataFrame  # par.evidence.evidence_checklist: per criterion
    unknown: dict[str, list[str]]  # unit -> its criteria not scored for want of data

    def header(self) -> Rich:
        s, e, b = self.summary, self.summary_evidenced, self.summary_before
        before = lang.HEADER_BEFORE_VI if b else ""
        template = lang.HEADER_TEMPLATE_METHOD_VI if self.method.template else ""
        gap = s["points"] - e["points"]
        evidenced = (lang.HEADER_EVIDENCED_GAP_VI if gap > 1e-9 else
                     lang.HEADER_ALL_EVIDENCED_VI)
        unknown = lang.HEADER_UNSCORED_VI if s.get("no_data") else ""
        return rich(
            lang.HEADER_VI
            + ("" if s["max_points"] == 100 else " ({points}/{max_points})")
            + unknown + lang.HEADER_GRADE_VI + evidenced + before + template,
            unknown_count=len(s.get("no_data", [])),
            unknown_points=render.points(s.get("no_data_points", 0.0)),
            unknown_ids=", ".join(s.get("no_data", [])), no_data=NO_DATA_VI,
            year=self.year, unit=self.unit_name, index=render.points(s["index"]),
            points=render.points(s["points"]), max_points=render.points(s["max_points"]),
            grade=s["grade"], index_evidenced=render.points(e["index"]),
            grade_evidenced=e["grade"], gap=render.points(gap), year_before=self.year - 1,
            index_before=render.points(b["index"]) if b else "",
            grade_before=b["grade"] if b else "")

    def fields_table(self) -> HTML:
        """Per field: the maximum, last year's official points and points lost, this year's
        self-assessed points, those with evidence, the points lost (not those of a criterion
        not scored for want of data: said in a note), and the change."""
        top = self.scored[self.scored.level == 1]
        y, b = self.year, self.year - 1
        leaves = self.scored[self.scored.no_data.map(has_note)] if "no_data" in self.scored \
            else self.scored.iloc[:0]
        field_of = leaves.id.str.split(".").str[0]
        unknown = leaves.max_points.groupby(field_of).sum()  # field -> points not scored
        ids = leaves.id.groupby(field_of).apply(list).to_dict()
        then = (top.id.map(self.before.set_index("id").points) if self.before is not None
                else pd.Series([float("nan")] * len(top), index=top.index))
        head = lang.FIELDS_COLUMNS_VI
        table = pd.DataFrame({
            head["field"]: [f"{i}. {t}" if i != SURVEY_ID else t
                            for i, t in zip(top.id, top.title, strict=True)],
            head["max_points"]: top.max_points.map(render.points),
            head["official_before"].format(year=b): then.map(render.points),
            head["lost_before"].format(year=b): (top.max_points - then).map(render.points),
            head["points"].format(year=y): top.points.map(render.points),
            head["evidenced"].format(year=y): top.evidenced.map(render.points),
            head["lost"].format(year=y): (top.max_points - top.evidenced - unknown.reindex(
                top.id, fill_value=0.0).to_numpy()).map(render.points),
            head["change"].format(year=b): (top.evidenced - then).map(
                lambda v: "—" if pd.isna(v) else f"{v:+.2f}".replace(".", ",")),
        })
        if len(unknown):  # what was not scored is not lost: said beside its field
            table[head["note"]] = top.id.map(
                lambda i: lang.FIELD_NOT_SCORED_VI.format(ids=", ".join(ids[i]),
                                                          no_data=NO_DATA_VI)
                if i in ids else "").to_numpy()
        return render.show(table, "fields")

    def lost_table(self) -> HTML:
        """Per criterion still short of its maximum: the points lost this year (counting only
        points with evidence) beside those lost last year, most first."""
        unknown = self.lost.no_data.map(has_note)  # not scored for want of data: always listed
        lost = self.lost[self.lost.recoverable > 0].head(LOST_LIMIT)
        if unknown.any():
            lost = pd.concat([lost, self.lost[unknown]])
        unknown = unknown[lost.index]
        y, b = self.year, self.year - 1
        head = lang.LOST_COLUMNS_VI
        lost_before = head["lost_before"].format(year=b)
        evidenced = head["evidenced"].format(year=y)
        lost_now = head["lost"].format(year=y)
        table = pd.DataFrame({
            head["id"]: lost.id.replace({SURVEY_ID: lang.SURVEY_SHORT_VI}),
            head["title"]: lost.title,
            head["source"]: lost.source.map(POINTS_SOURCE_VI),
            head["max_points"]: lost.max_points.map(render.points),
            lost_before: lost.lost_before.map(render.points),
            evidenced: [NO_DATA_VI if u else render.points(v)
                        for v, u in zip(lost.evidenced, unknown, strict=True)],
            lost_now: lost.recoverable.map(render.points),
            head["note"]: lost.flag.fillna(""),
        })
        if not table[head["note"]].astype(bool).any():  # no column of blanks
            table = table.drop(columns=head["note"])
        return HTML(render.html_table(table, "lost", numeric=[
            head["max_points"], lost_before, evidenced, lost_now]))

    def evidence_summary(self) -> Rich:
        return rich(lang.EVIDENCE_SUMMARY_VI, summary=summary_vi(self.checklist),
                    file=CHECKLIST_FILE)

    def evidence_table(self) -> HTML | Rich:
        """The criteria whose evidence is missing (in words, or its file) or not yet scored:
        what to do first."""
        todo = self.checklist[self.checklist.status.isin(TO_DO)]
        if todo.empty:
            return rich(lang.NOTHING_TO_ADD_VI)
        table = readable(todo).drop(columns=[COLUMNS_VI["attached"]])
        for c in POINT_COLUMNS:
            table[COLUMNS_VI[c]] = table[COLUMNS_VI[c]].map(render.points)
        return render.show(table, "evidence")

    def ranking_table(self) -> HTML | Rich:
        r = self.ranks
        head = lang.RANKING_COLUMNS_VI
        table = pd.DataFrame({
            head["rank"]: r["rank"].map(lambda v: "—" if pd.isna(v) else str(int(v))),
            head["unit"]: r.unit_code.map(self.names),
            head["index"].format(year=self.year): r["index"].map(render.points),
            head["grade"]: r["index"].map(self.method.grade),
            head["index_before"].format(year=self.year - 1): r.index_before.map(render.points),
            head["rank_before"].format(year=self.year - 1): r.rank_before.map(
                lambda v: "—" if pd.isna(v) else str(int(v))),
            head["rank_change"]: r.rank_change.map(lambda v: "—" if pd.isna(v) else
                                                   f"{int(v):+d}" if v else "0"),
        })
        shown = render.show(table, "ranking")
        notes = [lang.UNRANKED_NOTE_VI.format(unit=self.names.get(u, u),
                                              ids=", ".join(self.unknown[u]),
                                              no_data=NO_DATA_VI)
                 for u in r.unit_code[r["rank"].isna()]]
        return render.with_notes(shown.data, notes) if notes else shown

    def note(self) -> Rich:
        return rich(
            lang.NOTE_VI, year=self.year,
            year_before=self.year - 1, method=self.method.name,
            set_aside=set_aside_vi(self.set_aside))


def scorecard(unit_code: str, year: int, data_dir: str | Path,
              through: date | None = None) -> Scorecard:
    """The unit's scorecard for the year: indicator criteria on the data to its last day, or
    to ``through`` (the day a report stands on) when that is earlier."""
    data_dir = resolve(data_dir)
    tables = read_processed(data_dir)
    method = processed_methodology(data_dir)
    name = unit_name(tables["units"], unit_code)
    scores, now, then = rankings(data_dir, year, through)
    scored, summary = scores[unit_code]
    scored = scored.copy()
    official = tables.get("official_results")
    before = official_scored(method, official, unit_code, year - 1) \
        if official is not None else None  # last year's official points
    summary_before = total(method, before) if before is not None else None
    names = dict(zip(tables["units"].unit_code, tables["units"].unit_name, strict=True))
    span = clip_to_data(parse_period(str(year)), tables["dossiers"])
    return Scorecard(unit_code, name, year, method, scored, summary, before, summary_before,
                     points_lost(method, scored, before),
                     ranking(now, then, unranked(scores)), names,
                     set_aside(tables.get("quarantine"), [unit_code], span.start, span.end),
                     total(method, scored, "evidenced"),
                     checklist_of(method, tables, unit_code, year, scored),
                     {u: s["no_data"] for u, (_, s) in scores.items() if s.get("no_data")})


__all__ = [
    "LOST_LIMIT", "Scorecard", "TO_DO", "scorecard",
]
