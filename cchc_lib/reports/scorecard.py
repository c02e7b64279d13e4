"""The PAR scorecard: the estimated index, where the points were lost and what they are worth,
the rank among the town's units, against the official result of the year before. Computed
once, shown piece by piece by ``notebooks/scorecard.ipynb``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from cchc_lib.core.catalog import resolve
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
        before = (" · **Năm {year_before} (chính thức):** {index_before} điểm, xếp loại "
                  "{grade_before}") if b else ""
        template = ("\n\n*Bộ chỉ số dùng ở đây là **mẫu** theo cấu trúc Chỉ số CCHC quốc gia; "
                    "điểm chính thức theo bộ chỉ số của tỉnh.*" if self.method.template else "")
        gap = s["points"] - e["points"]
        evidenced = ("**có đủ tài liệu kiểm chứng:** {index_evidenced} điểm, xếp loại "
                     "{grade_evidenced} (!!thiếu kiểm chứng: {gap} điểm!!)" if gap > 1e-9 else
                     "mọi điểm tự chấm đều có tài liệu kiểm chứng")
        unknown = (" (chưa tính {unknown_count} tiêu chí, {unknown_points} điểm, không chấm "
                   "được vì {no_data}: {unknown_ids}; đơn vị không được xếp hạng)"
                   if s.get("no_data") else "")
        return rich(
            "# Chỉ số CCHC năm {year}: {unit}\n\n"
            "**Chỉ số {year} (ước tính):** tự chấm {index} điểm"
            + ("" if s["max_points"] == 100 else " ({points}/{max_points})")
            + unknown + ", xếp loại **{grade}**; " + evidenced + before + template,
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
        table = pd.DataFrame({
            "Lĩnh vực": [f"{i}. {t}" if i != SURVEY_ID else t for i, t in zip(top.id, top.title,
                                                                             strict=True)],
            "Điểm tối đa": top.max_points.map(render.points),
            f"Năm {b} (chính thức)": then.map(render.points),
            f"Bị mất năm {b}": (top.max_points - then).map(render.points),
            f"Năm {y} tự chấm": top.points.map(render.points),
            f"Năm {y} có kiểm chứng": top.evidenced.map(render.points),
            f"Bị mất năm {y}": (top.max_points - top.evidenced - unknown.reindex(
                top.id, fill_value=0.0).to_numpy()).map(render.points),
            f"So với năm {b}": (top.evidenced - then).map(
                lambda v: "—" if pd.isna(v) else f"{v:+.2f}".replace(".", ",")),
        })
        if len(unknown):  # what was not scored is not lost: said beside its field
            table["Lưu ý"] = top.id.map(lambda i: f"chưa chấm {', '.join(ids[i])} ({NO_DATA_VI})"
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
        table = pd.DataFrame({
            "Tiêu chí": lost.id.replace({SURVEY_ID: "ĐTXHH"}),
            "Nội dung": lost.title,
            "Cách chấm": lost.source.map(POINTS_SOURCE_VI),
            "Tối đa": lost.max_points.map(render.points),
            f"Bị mất năm {b}": lost.lost_before.map(render.points),
            f"Năm {y} (có kiểm chứng)": [NO_DATA_VI if u else render.points(v)
                                          for v, u in zip(lost.evidenced, unknown,
                                                          strict=True)],
            f"Bị mất năm {y}": lost.recoverable.map(render.points),
            "Lưu ý": lost.flag.fillna(""),
        })
        if not table["Lưu ý"].astype(bool).any():  # no column of blanks
            table = table.drop(columns="Lưu ý")
        return HTML(render.html_table(table, "lost", numeric=[
            "Tối đa", f"Bị mất năm {b}", f"Năm {y} (có kiểm chứng)", f"Bị mất năm {y}"]))

    def evidence_summary(self) -> Rich:
        return rich("{summary} Danh mục đầy đủ theo từng tiêu chí ở tệp Excel "
                    "**{file}** kèm theo báo cáo này, để gửi Phòng Nội vụ.",
                    summary=summary_vi(self.checklist), file=CHECKLIST_FILE)

    def evidence_table(self) -> HTML | Rich:
        """The criteria whose evidence is missing or not yet scored: what to do first."""
        todo = self.checklist[self.checklist.status.isin(["missing", "not_scored"])]
        if todo.empty:
            return rich("Không có tiêu chí nào cần bổ sung.")
        table = readable(todo).drop(columns=[COLUMNS_VI["attached"]])
        for c in POINT_COLUMNS:
            table[COLUMNS_VI[c]] = table[COLUMNS_VI[c]].map(render.points)
        return render.show(table, "evidence")

    def ranking_table(self) -> HTML | Rich:
        r = self.ranks
        table = pd.DataFrame({
            "Hạng": r["rank"].map(lambda v: "—" if pd.isna(v) else str(int(v))),
            "Đơn vị": r.unit_code.map(self.names),
            f"Chỉ số {self.year} (ước tính)": r["index"].map(render.points),
            "Xếp loại": r["index"].map(self.method.grade),
            f"Chỉ số {self.year - 1}": r.index_before.map(render.points),
            f"Hạng {self.year - 1}": r.rank_before.map(lambda v: "—" if pd.isna(v)
                                                       else str(int(v))),
            "Thay đổi hạng": r.rank_change.map(lambda v: "—" if pd.isna(v) else
                                               f"{int(v):+d}" if v else "0"),
        })
        shown = render.show(table, "ranking")
        notes = [f"{self.names.get(u, u)}: không xếp hạng vì tiêu chí "
                 f"{', '.join(self.unknown[u])} không chấm được ({NO_DATA_VI})"
                 for u in r.unit_code[r["rank"].isna()]]
        return render.with_notes(shown.data, notes) if notes else shown

    def note(self) -> Rich:
        return rich(
            "Tiêu chí tính từ dữ liệu: giá trị chỉ số của năm {year} (đến ngày cuối có dữ liệu) "
            "đối chiếu các mức điểm trong bộ chỉ số. Tiêu chí tự chấm: theo tệp tự chấm điểm; "
            "tiêu chí có điểm mà thiếu tài liệu kiểm chứng sẽ bị Phòng Nội vụ trừ điểm khi thẩm "
            "định. Điểm điều tra xã hội học năm {year} chưa công bố: tạm lấy điểm năm "
            "{year_before}. Bộ chỉ số: {method}. {set_aside}", year=self.year,
            year_before=self.year - 1, method=self.method.name,
            set_aside=set_aside_vi(self.set_aside))


def scorecard(unit_code: str, year: int, data_dir: str | Path) -> Scorecard:
    data_dir = resolve(data_dir)
    tables = read_processed(data_dir)
    method = processed_methodology(data_dir)
    name = unit_name(tables["units"], unit_code)
    scores, now, then = rankings(data_dir, year)
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
