"""Section II of the plan report ("Tồn tại, hạn chế và nguyên nhân"), and the 2021 lost points
against this year, computed (pure: from tables already read, nothing written).

Each shortcoming comes with its cause where the data shows one:
- a procedure-count target missed: of the procedures it counts, those that had no dossier at
  all since 1 January (no demand), those that had dossiers through other channels, and the
  months in which no procedure counted (no dossier through the target's channel);
- dossiers resolved late, by field (most first);
- a task overdue or at risk: the cause the office wrote in its progress log, as written.
Office-process flags (no update for a month) are reminders, not shortcomings of the unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cchc_lib.core import formats
from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.lang import reports_plan as lang
from cchc_lib.core.periods import Period
from cchc_lib.core.text import match_key
from cchc_lib.core.vi import TASK_STATUS_VI
from cchc_lib.indicators import engine
from cchc_lib.indicators.plan import Gap
from cchc_lib.indicators.unknown import has_note

LATE_FIELDS_SHOWN = 3  # the fields with the most late dossiers named in the cause
REPORTED_FLAGS = ("overdue", "at_risk")  # task flags that are shortcomings of the unit


@dataclass(frozen=True)
class Evidence:
    """What the data says behind the plan's figures, year to date."""

    uptake: pd.DataFrame  # engine.uptake: per procedure the unit offers
    idle_months: dict[str, list[int]]  # indicator -> months its numerator counted nothing
    late: pd.DataFrame  # national.late_dossiers: resolved late or pending overdue


def evidence_of(tables: dict[str, pd.DataFrame], unit_code: str, ytd: Period,
                uptake: pd.DataFrame) -> Evidence:
    """The facts the causes are read from: the months (1 January → each month's end,
    within ``ytd``) in which a procedure-count plan target counted no procedure, and the
    late dossiers."""
    from cchc_lib.indicators.national import late_dossiers

    months = [Period(m.start, min(m.end, ytd.end), m.label) for m in ytd.months()
              if m.start <= ytd.end]
    idle: dict[str, list[int]] = {}
    if months:
        p = engine.parts_by_period({"dossiers": tables["dossiers"],
                                    "catalogue": tables["catalogue"]}, [unit_code], months)
        whole = p[p.field.isna()].set_index("pid")
        for indicator in registry.plan_ids(tables.get("targets")):
            rule = registry.get(indicator).gap
            if rule is None or rule.counts != "procedures":
                continue
            num, _ = registry.parts_of(indicator)
            idle[indicator] = [months[i].start.month for i in range(len(months))
                               if i in whole.index and int(whole.loc[i, num]) == 0]
    return Evidence(uptake, idle, late_dossiers(tables["dossiers"], unit_code, ytd))


def _listed(items: list[str]) -> str:
    return ", ".join(items)


def target_causes(indicator: str, gap: Gap | None, evidence: Evidence) -> list[str]:
    """Why a missed procedure-count target is short, from the per-procedure table and the
    months: no demand, demand through other channels, months without any."""
    rule = registry.get(indicator).gap
    if rule is None or rule.candidates is None or rule.counts != "procedures":
        return []
    up = evidence.uptake
    enabled = up[up[rule.candidates.enabled].fillna(False).astype(bool)]
    idle = enabled[(enabled.received == 0) & (enabled.returned_total == 0)]
    out = []
    if len(idle):
        out.append(lang.CAUSE_NO_DEMAND_VI.format(idle=formats.integer(len(idle)),
                                                  enabled=formats.integer(len(enabled))))
    # the candidates with some dossier: the others have no demand at all (counted above)
    codes = idle.procedure_code if "procedure_code" in idle else idle.index.to_series()
    other = (gap.candidates[~gap.candidates.procedure_code.isin(codes)] if gap is not None
             else pd.DataFrame())
    if len(other):
        out.append(lang.CAUSE_OTHER_CHANNELS_VI.format(
            count=formats.integer(len(other)), demand=rule.demand_vi.lower()))
    if months := evidence.idle_months.get(indicator):
        out.append(lang.CAUSE_IDLE_MONTHS_VI.format(months=_listed([str(m) for m in months])))
    return out


def late_cause(evidence: Evidence) -> str | None:
    """The dossiers resolved late or pending overdue since 1 January, and the fields with
    most of them."""
    late = evidence.late
    if not len(late):
        return None
    by_field = late.field_name.fillna(lang.FIELD_UNKNOWN_VI).value_counts()
    order = sorted(by_field.items(), key=lambda kv: (-kv[1], match_key(str(kv[0]))))
    fields = [f"{name} ({formats.integer(n)})" for name, n in order[:LATE_FIELDS_SHOWN]]
    return lang.SHORTCOMING_LATE_VI.format(count=formats.integer(len(late)),
                                           fields="; ".join(fields))


def task_shortcomings(tasks: pd.DataFrame) -> list[str]:
    """Each task overdue or at risk, with the cause its lead wrote in the progress log (as
    written), or the note that none was written."""
    out = []
    for t in tasks.itertuples():
        flags = [f for f in t.status_flags if f in REPORTED_FLAGS]
        if not flags:
            continue
        status = ", ".join(TASK_STATUS_VI[f].lower() for f in flags)
        cause = t.cause if isinstance(t.cause, str) and t.cause.strip() else None
        out.append(lang.SHORTCOMING_TASK_VI.format(
            id=t.task_id, lead=t.lead, status=status,
            cause=(lang.CAUSE_WRITTEN_VI.format(cause=cause) if cause
                   else lang.CAUSE_NOT_WRITTEN_VI)))
    return out


def no_data_note(r) -> str | None:
    """Why a plan row has no figure (None: it has one)."""
    note = getattr(r, "no_data", None)
    return note if has_note(note) else None


def shortcomings(plan: pd.DataFrame, tasks: pd.DataFrame, found: dict[str, Gap],
                 evidence: Evidence | None, as_of) -> list[str]:
    """Section II: each plan target missed (with its causes from the data), the late
    dossiers by field, each task overdue or at risk (with the cause its lead wrote), the
    tasks without evidence; a target without data is said to be so, and not judged."""
    out = []
    for r in plan.itertuples():
        if (note := no_data_note(r)) is not None:
            out.append(lang.SHORTCOMING_NO_DATA_VI.format(label=registry.label(r.indicator),
                                                          note=note))
            continue
        gap = found.get(r.indicator)
        if r.met is False and gap is not None and gap.needed:
            rule = registry.get(r.indicator).gap
            unit = (lang.GAP_UNIT_DOSSIERS_VI if rule is not None and rule.counts == "dossiers"
                    else lang.GAP_UNIT_PROCEDURES_VI)
            out.append(lang.SHORTCOMING_GAP_VI.format(
                label=registry.label(r.indicator), value=formats.percent(r.value),
                target=formats.percent(r.target, 0), needed=formats.integer(gap.needed),
                unit=unit))
            if evidence is not None and (causes := target_causes(r.indicator, gap, evidence)):
                out.append(lang.CAUSES_FROM_DATA_VI.format(causes="; ".join(causes)))
    if evidence is not None and (late := late_cause(evidence)):
        out.append(late)
    out += task_shortcomings(tasks)
    missing = tasks[tasks.evidence.isna()]
    if len(missing):
        out.append(lang.SHORTCOMING_NO_EVIDENCE_VI.format(
            count=len(missing), ids=", ".join(str(i) for i in missing.task_id)))
    return out or [lang.NOTHING_BEHIND_VI.format(day=formats.day(as_of))]


IDLE_NAMED = 5  # procedures with no dossier named in the recommendation, the rest counted
CANDIDATES_SHOWN = 3


def recommendations(tasks: pd.DataFrame, found: dict[str, Gap], uptake: pd.DataFrame,
                    parent: str = "") -> list[str]:
    """Section III: what to do next (each gap, with the procedures to start from), the
    procedures with no dossier since 1 January to raise with the body above (named), and
    the leads whose tasks lack evidence."""
    out = []
    for indicator, gap in found.items():
        rule = registry.get(indicator).gap
        if not gap.needed or rule is None:
            continue
        action = rule.action_vi.format(n=formats.integer(gap.needed),
                                       t=formats.percent(gap.target, 0)).replace("**", "")
        action = action.rsplit(".", 1)[0] + "."  # the sentence, without the table's lead-in
        names = [str(n) for n in gap.candidates.procedure_name.head(CANDIDATES_SHOWN)]
        out.append(f"- {action}"
                   + (lang.RECOMMEND_PRIORITY_VI.format(names="; ".join(names)) if names else ""))
    enabled = uptake[uptake.online_enabled | uptake.postal_enabled]
    idle = enabled[(enabled.received == 0) & (enabled.returned_total == 0)]
    if len(idle):
        key = idle.procedure_name.astype(str).map(match_key) if "procedure_name" in idle \
            else pd.Series(range(len(idle)), index=idle.index)
        idle = idle.loc[key.sort_values(kind="stable").index]
        names = ([str(n) for n in idle.procedure_name.head(IDLE_NAMED)]
                 if "procedure_name" in idle else [])
        listed = "; ".join(names) + (lang.RECOMMEND_IDLE_MORE_VI.format(
            more=formats.integer(len(idle) - len(names))) if len(idle) > len(names) else "")
        out.append(lang.RECOMMEND_IDLE_PROCEDURES_VI.format(
            parent=parent or lang.UPPER_BODY_VI, count=formats.integer(len(idle)),
            names=f": {listed}" if listed else ""))
    missing = tasks[tasks.evidence.isna()]
    if len(missing):
        leads = sorted({str(x) for x in missing.lead.dropna()})
        out.append(lang.RECOMMEND_EVIDENCE_VI.format(leads=", ".join(leads)))
    return out or [lang.RECOMMEND_KEEP_UP_VI]


def lost_before(card) -> pd.DataFrame:
    """The criteria where last year's official result lost points, against this year's
    points (self-assessed and with evidence), by field in the methodology's order."""
    lost = card.lost
    rows = lost[(lost.lost_before > 1e-9) & lost.points_before.notna()].copy()
    titles = dict(zip(card.scored.id, card.scored.title, strict=True))
    order = {i: n for n, i in enumerate(card.scored.id)}
    rows["field_title"] = rows.field.map(lambda f: titles.get(f, f))
    rows["order"] = rows.id.map(lambda i: order.get(i, len(order)))
    return rows.sort_values("order", kind="stable").drop(columns="order").reset_index(drop=True)


def recovered_vi(r) -> str:
    """A criterion lost last year, this year: made good, partly, not, or not scored."""
    if has_note(getattr(r, "no_data", None)) or pd.isna(r.evidenced):
        return lang.RECOVERED_VI["unknown"]
    if r.evidenced >= r.max_points - 1e-9:
        return lang.RECOVERED_VI["full"]
    if r.evidenced > r.points_before + 1e-9:
        return lang.RECOVERED_VI["part"]
    return lang.RECOVERED_VI["none"]


__all__ = [
    "CANDIDATES_SHOWN", "Evidence", "evidence_of", "IDLE_NAMED", "late_cause", "LATE_FIELDS_SHOWN",
    "lost_before", "recommendations", "recovered_vi", "REPORTED_FLAGS", "shortcomings",
    "target_causes", "task_shortcomings",
]
