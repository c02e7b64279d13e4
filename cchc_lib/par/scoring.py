"""PAR index scoring from a methodology: pure functions over the methodology, the computed
indicators, the self-assessment and the official results of earlier years.

- indicator criteria: the band the unit's value for the year falls in;
- manual criteria: the self-assessed points (capped at the maximum); points above zero with no
  evidence, or whose evidence names a file not in ``data/evidence/``, are flagged, since the
  Home Affairs office rejects them, and count 0 in the score with evidence (``evidenced``) the
  scorecard shows beside the self-assessed one;
- parents: the sum of their children; index = points ÷ maximum × 100 (survey included); grade
  from the methodology's thresholds;
- an indicator criterion whose indicator has no data (a column the unit's exports lack) is not
  scored: no points, ``no_data`` saying why, never read as 0 against its bands; a unit with
  one is not ranked (its index leaves out points nobody can know).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang.par import (  # the flags, re-exported: tests and evidence read them
    FLAG_ABOVE_MAX,
    FLAG_FILE_MISSING,
    FLAG_NO_DATA,
    FLAG_NO_EVIDENCE,
    FLAG_NO_VALUE,
    FLAG_NOT_SCORED,
    NO_METHODOLOGY_VI,
)
from cchc_lib.ingest.methodology import Band, Methodology

SURVEY_ID = "survey"


def band_points(bands: tuple[Band, ...], value: float | None) -> float:
    """Points of the band the value falls in (min inclusive, max exclusive); 0 for None."""
    if value is None or pd.isna(value):
        return 0.0
    for band in bands:  # bands run from their min (inclusive) to the next band's min
        if band.min - 1e-12 <= value < band.max - 1e-12:
            return band.points
    return 0.0


def _text(entry, column: str) -> str | None:
    """A self-assessment row's text column, None when blank or absent (older processed
    data)."""
    value = getattr(entry, column, None)
    return None if value is None or pd.isna(value) or not str(value) else str(value)


def score(method: Methodology, values: dict[str, float | None],
          self_assessment: pd.DataFrame | None = None,
          survey_points: float | None = None,
          no_data: dict[str, str] | None = None) -> pd.DataFrame:
    """Every node of the methodology, scored: id, level, parent, title, max_points, source,
    indicator, value, points, evidenced (the points that have their evidence: a manual
    criterion's points without evidence count 0), evidence, evidence_required, note, flag,
    no_data (why an indicator criterion is not scored: ``no_data`` maps an indicator without
    data to its note). Fields and criteria add up their parts."""
    manual = {}
    if self_assessment is not None and len(self_assessment):
        for r in self_assessment.itertuples(index=False):
            manual[str(r.criterion_id)] = r
    rows: dict[str, dict] = {}
    for c in method.criteria.values():
        row = {"id": c.id, "level": c.level, "parent": c.parent, "title": c.title,
               "max_points": c.max_points, "source": "sum", "indicator": c.indicator,
               "value": None, "points": 0.0, "evidence": None, "note": None, "flag": None,
               "evidence_required": c.evidence, "no_data": None, "evidence_files": None,
               "evidence_missing": None}
        if c.indicator and (note := (no_data or {}).get(c.indicator)):
            row.update(source="indicator", flag=f"{FLAG_NO_DATA}: {note}", no_data=note)
        elif c.indicator:
            value = values.get(c.indicator)
            row.update(source="indicator", value=value, points=band_points(c.bands, value),
                       flag=FLAG_NO_VALUE if value is None or pd.isna(value) else None)
        elif c.manual:
            entry = manual.get(c.id)
            row["source"] = "manual"
            if entry is None:
                row["flag"] = FLAG_NOT_SCORED
            else:
                points = float(entry.points)
                evidence = None if pd.isna(entry.evidence) else str(entry.evidence)
                row.update(points=min(points, c.max_points), evidence=evidence,
                           note=None if pd.isna(entry.note) else str(entry.note),
                           evidence_files=_text(entry, "evidence_files"),
                           evidence_missing=_text(entry, "evidence_missing"))
                if points > c.max_points:
                    row["flag"] = FLAG_ABOVE_MAX
                elif points > 0 and not evidence:
                    row["flag"] = FLAG_NO_EVIDENCE
                elif points > 0 and row["evidence_missing"]:  # named, not in data/evidence
                    row["flag"] = f"{FLAG_FILE_MISSING}: {row['evidence_missing']}"
        row["evidenced"] = row["points"] if row["source"] != "manual" or (
            row["evidence"] and not row["evidence_missing"]) else 0.0
        rows[c.id] = row
    for c in reversed(list(method.criteria.values())):  # children come after their parent
        if c.children:
            for column in ("points", "evidenced"):
                rows[c.id][column] = sum(rows[k][column] for k in c.children)
    out = pd.DataFrame(list(rows.values()))
    if method.survey_max:
        out.loc[len(out)] = {"id": SURVEY_ID, "level": 1, "parent": None,
                             "title": method.survey_title, "max_points": method.survey_max,
                             "source": "survey", "indicator": None, "value": None,
                             "points": float(survey_points or 0.0),
                             "evidenced": float(survey_points or 0.0), "evidence": None,
                             "evidence_required": None, "note": None,
                             "flag": None if survey_points is not None else FLAG_NOT_SCORED,
                             "no_data": None, "evidence_files": None,
                             "evidence_missing": None}
    return out


def total(method: Methodology, scored: pd.DataFrame, column: str = "points") -> dict:
    """Points, maximum, index (points ÷ maximum × 100) and grade; of the self-assessed points,
    or (``column="evidenced"``) of the points that have their evidence. When criteria were not
    scored for want of data, also those (``no_data``: ids) and their maximum
    (``no_data_points``): the index leaves them out, so it is not ranked against others."""
    top = scored[scored.level == 1]
    points = float(top[column].sum())
    index = points / method.max_points * 100 if method.max_points else 0.0
    out = {"points": points, "max_points": method.max_points, "index": index,
           "grade": method.grade(index)}
    unknown = scored[scored.no_data.notna()] if "no_data" in scored else scored.iloc[:0]
    if len(unknown):
        out |= {"no_data": unknown.id.tolist(),
                "no_data_points": float(unknown.max_points.sum())}
    return out


def official_scored(method: Methodology, official: pd.DataFrame, unit_code: str,
                    year: int) -> pd.DataFrame | None:
    """An earlier year's published points laid on the methodology (parents summed)."""
    o = official[(official.unit_code == unit_code) & (official.year == year)]
    if o.empty:
        return None
    points = dict(zip(o.criterion_id.astype(str), o.points.astype(float), strict=True))
    rows = {c.id: points.get(c.id, 0.0) for c in method.criteria.values()}
    for c in reversed(list(method.criteria.values())):
        if c.children:
            rows[c.id] = sum(rows[k] for k in c.children)
    out = pd.DataFrame({"id": list(rows), "points": list(rows.values()),
                        "level": [method.criteria[i].level for i in rows]})
    if method.survey_max:
        out.loc[len(out)] = {"id": SURVEY_ID, "points": points.get(SURVEY_ID, 0.0), "level": 1}
    return out  # total() reads it like a scored frame


def points_lost(method: Methodology, now: pd.DataFrame, before: pd.DataFrame | None
                ) -> pd.DataFrame:
    """Per leaf criterion (and the survey): maximum, points then, points now (self-assessed and
    with evidence), still to recover (the maximum less the points with evidence: points without
    evidence are lost until it is attached), lost a year before, gained; sorted by what can
    still be recovered, most first."""
    leaves = now[(now.source != "sum")].copy()
    then = before.set_index("id").points if before is not None else pd.Series(dtype=float)
    leaves["points_before"] = leaves.id.map(then)
    # a criterion not scored for want of data has lost nothing anyone knows of: NaN, listed last
    unknown = leaves.no_data.notna() if "no_data" in leaves else False
    leaves["recoverable"] = (leaves.max_points - leaves.evidenced).where(~unknown)
    leaves["lost_before"] = leaves.max_points - leaves.points_before
    leaves["gained"] = leaves.points - leaves.points_before
    leaves["field"] = leaves.id.map(lambda i: i.split(".")[0] if i != SURVEY_ID else SURVEY_ID)
    leaves = leaves.sort_values(["recoverable", "max_points", "id"],
                                ascending=[False, False, True], kind="stable")
    if "no_data" not in leaves:
        leaves["no_data"] = None
    return leaves[["id", "field", "title", "source", "max_points", "points_before", "points",
                   "evidenced", "recoverable", "lost_before", "gained", "flag", "no_data"]
                  ].reset_index(drop=True)


def ranking(indexes_now: dict[str, float], indexes_before: dict[str, float],
            unranked: set[str] | frozenset[str] = frozenset()) -> pd.DataFrame:
    """Units ranked by index now (1 = highest), with last year's rank and the change. Units
    in ``unranked`` (an index with a criterion not scored for want of data) get no rank
    (None) and come last, by code."""
    t = pd.DataFrame({"unit_code": list(indexes_now), "index": list(indexes_now.values())})
    t["index_before"] = t.unit_code.map(indexes_before)
    out = t[~t.unit_code.isin(list(unranked))].sort_values(
        ["index", "unit_code"], ascending=[False, True], kind="stable")
    out["rank"] = range(1, len(out) + 1)
    if len(out) < len(t):  # the units not ranked: no rank, last, by code
        rest = t[t.unit_code.isin(list(unranked))].sort_values("unit_code", kind="stable")
        out = pd.concat([out, rest], ignore_index=True)
        out["rank"] = out["rank"].astype("Int64")
    t = out
    before = t.dropna(subset=["index_before"]).sort_values(
        ["index_before", "unit_code"], ascending=[False, True], kind="stable")
    t["rank_before"] = t.unit_code.map(dict(zip(before.unit_code, range(1, len(before) + 1),
                                                strict=True)))
    t["rank_change"] = t.rank_before - t["rank"]  # positive: climbed
    return t.reset_index(drop=True)


# --------------------------------------------------------------------------------------
# The estimated index of units from processed data: one ranking for every report
# --------------------------------------------------------------------------------------


def processed_methodology(data_dir: Path) -> Methodology:
    """The methodology ingest checked and copied beside the processed tables (read once per
    process while the folder is unchanged: a unit's scorecard, checklist and Word report each
    ask for it)."""
    from cchc_lib.ingest.methodology import parse_methodology
    from cchc_lib.ingest.store import METHODOLOGY_FILE, memo

    path = Path(data_dir) / METHODOLOGY_FILE
    if not path.is_file():
        raise CchcError(NO_METHODOLOGY_VI.format(path=path))
    return memo(data_dir, "methodology",
                lambda: parse_methodology(path.read_text(encoding="utf-8"), str(path)))


def _whole_values(rows: pd.DataFrame) -> dict[str, float | None]:
    r = rows[rows.field.isna()]
    return {i: (None if pd.isna(v) else float(v)) for i, v in zip(r.indicator, r.value,
                                                                   strict=True)}


def _whole_no_data(rows: pd.DataFrame) -> dict[str, str]:
    """The unit's indicators without data (indicator -> the note that says why)."""
    r = rows[rows.field.isna()]
    return {str(i): str(n) for i, n in zip(r.indicator, r.no_data, strict=True)
            if isinstance(n, str) and n}


def unranked(scores: dict[str, tuple[pd.DataFrame, dict]]) -> set[str]:
    """The units of :func:`unit_scores` whose index leaves out a criterion for want of data:
    not ranked (the scorecard's ranking and the town overview's)."""
    return {u for u, (_, summary) in scores.items() if summary.get("no_data")}


def _survey_points(tables: dict, unit: str, year: int) -> float | None:
    """Last year's published survey points (this year's are published late)."""
    official = tables.get("official_results")
    if official is None:
        return None
    last = official[(official.unit_code == unit) & (official.criterion_id == SURVEY_ID)
                    & (official.year == year - 1)]
    return float(last.points.iloc[0]) if len(last) else None


def _self_assessment(tables: dict, unit: str, year: int) -> pd.DataFrame | None:
    sa = tables.get("self_assessment")
    return sa[(sa.unit_code == unit) & (sa.year == year)] if sa is not None else None


def unit_score(method: Methodology, tables: dict, unit: str, year: int,
               through: date | None = None) -> tuple[pd.DataFrame, dict]:
    """A unit's estimated index for a year: indicator criteria from its data (the year to the
    last day of data, or to ``through`` when that is earlier), manual criteria from its
    self-assessment, the survey from last year's published points (this year's are published
    late)."""
    return unit_scores(method, tables, [unit], year, through)[unit]


def rankings(data_dir: Path, year: int, through: date | None = None
             ) -> tuple[dict, dict[str, float], dict[str, float]]:
    """Every unit's score for ``year`` (:func:`unit_scores`: one engine query), its index, and
    last year's official index: the same for every unit's scorecard, so a process (a scheduled
    run's worker, its kept kernel) computes it once while the processed data is unchanged."""
    from cchc_lib.ingest.store import memo, read_processed

    def compute():
        tables = read_processed(data_dir)
        method = processed_methodology(data_dir)
        units = sorted(tables["units"].unit_code)
        scores = unit_scores(method, tables, units, year, through)
        official = tables.get("official_results")
        then = {}
        for u in units if official is not None else ():
            if (b := official_scored(method, official, u, year - 1)) is not None:
                then[u] = total(method, b)["index"]
        return scores, {u: scores[u][1]["index"] for u in units}, then

    return memo(data_dir, ("rankings", year, through), compute)


def unit_scores(method: Methodology, tables: dict, units: list[str], year: int,
                through: date | None = None) -> dict[str, tuple[pd.DataFrame, dict]]:
    """:func:`unit_score` of every unit asked for, the indicators of all of them from one
    engine query: what the scorecard's and the overview's rankings read. ``through``: the
    day a report stands on (a report of 15 November scores the data to 15 November)."""
    from cchc_lib.core.periods import Period, parse_period
    from cchc_lib.indicators.base import clip_to_data, dated
    from cchc_lib.indicators.figures import per_unit

    period = parse_period(str(year))
    if through is not None and through < period.end:
        period = Period(period.start, max(through, period.start), f"{year}-YTD")
    period = clip_to_data(period, dated(tables))
    rows = per_unit(tables, units, period, every_plan=True)
    out = {}
    for unit in units:
        scored = score(method, _whole_values(rows[unit]), _self_assessment(tables, unit, year),
                       _survey_points(tables, unit, year), _whole_no_data(rows[unit]))
        out[unit] = scored, total(method, scored)
    return out


__all__ = [
    "band_points", "official_scored", "points_lost", "processed_methodology", "ranking",
    "rankings", "score", "SURVEY_ID", "total", "unit_score", "unit_scores", "unranked",
]
