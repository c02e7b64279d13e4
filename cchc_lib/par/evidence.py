"""The evidence checklist the Home Affairs office reads: per criterion, what the methodology
requires, what the self-assessment says is attached, what is missing, and who answers for it.

Who answers for a criterion comes from the unit's plan: the lead officer of the plan tasks
linked to the criterion's indicator; else the lead of the tasks under the plan section whose
title is the criterion's field's (same words, diacritics, case and punctuation aside: plan
sections are named after the index's fields, "Công tác chỉ đạo, điều hành CCHC"); else nobody
("chưa phân công"), said as such.
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core.lang.par import FLAG_FILE_MISSING
from cchc_lib.core.text import fold
from cchc_lib.ingest.methodology import Methodology

# the checklist's order: what costs points first
STATUS_ORDER = ("missing", "file_missing", "not_scored", "no_data", "zero", "attached", "data")


def section_owners(tasks: pd.DataFrame | None) -> dict[str, str]:
    """Folded plan-section title -> its tasks' lead officer(s), in task order."""
    if tasks is None or tasks.empty:
        return {}
    out: dict[str, list[str]] = {}
    for title, lead in zip(tasks.section_title, tasks.lead, strict=True):
        if pd.isna(title) or pd.isna(lead):
            continue
        leads = out.setdefault(fold(title), [])
        if str(lead) not in leads:
            leads.append(str(lead))
    return {k: ", ".join(v) for k, v in out.items()}


def criterion_owners(method: Methodology, tasks: pd.DataFrame | None,
                     indicator_owners: dict[str, str]) -> dict[str, str]:
    """Leaf criterion id -> who answers for it ("" when the plan names nobody)."""
    by_section = section_owners(tasks)
    out = {}
    for c in method.criteria.values():
        if not c.is_leaf:
            continue
        field = method.criteria[c.id.split(".")[0]] if c.level > 1 else c
        out[c.id] = (indicator_owners.get(c.indicator or "")
                     or by_section.get(fold(field.title), ""))
    return out


def evidence_status(source: str, points: float, evidence: object, flag: object,
                    not_scored_flag: str, no_data: object = None) -> str:
    if source == "indicator":  # from the dossiers; not scored when they lack a column
        return "no_data" if isinstance(no_data, str) and no_data else "data"
    if flag == not_scored_flag:
        return "not_scored"
    if not points:
        return "zero"
    if not (isinstance(evidence, str) and evidence.strip()):
        return "missing"
    return "file_missing" if isinstance(flag, str) and flag.startswith(
        f"{FLAG_FILE_MISSING}:") else "attached"


def evidence_checklist(method: Methodology, scored: pd.DataFrame, owners: dict[str, str]
                       ) -> pd.DataFrame:
    """One row per leaf criterion (the survey is the office's, not the unit's): id, field,
    title, max_points, source, points (self-assessed), evidenced, at_stake (points that count
    only once the evidence is attached), required, attached, status, owner, evidence_files and
    evidence_missing (the files the evidence names under data/evidence/); what costs points
    first, then in the methodology's order."""
    from cchc_lib.par.scoring import FLAG_NOT_SCORED

    leaves = scored[scored.source.isin(["indicator", "manual"])].copy()
    leaves["field"] = leaves.id.str.split(".").str[0]
    unknown = leaves.no_data if "no_data" in leaves else pd.Series(None, index=leaves.index)
    leaves["status"] = [evidence_status(s, p, e, f, FLAG_NOT_SCORED, n) for s, p, e, f, n in
                        zip(leaves.source, leaves.points, leaves.evidence, leaves.flag, unknown,
                            strict=True)]
    leaves["at_stake"] = leaves.points - leaves.evidenced
    leaves["required"] = leaves.evidence_required
    leaves["attached"] = leaves.evidence
    leaves["owner"] = leaves.id.map(lambda i: owners.get(i, ""))
    leaves["order"] = range(len(leaves))
    leaves["rank"] = leaves.status.map({s: i for i, s in enumerate(STATUS_ORDER)})
    leaves = leaves.sort_values(["rank", "at_stake", "order"], ascending=[True, False, True],
                                kind="stable")
    for column in ("evidence_files", "evidence_missing"):  # scored from older data: absent
        if column not in leaves:
            leaves[column] = None
    return leaves[["id", "field", "title", "max_points", "source", "points", "evidenced",
                   "at_stake", "required", "attached", "status", "owner", "evidence_files",
                   "evidence_missing"]].reset_index(drop=True)


__all__ = ["criterion_owners", "evidence_checklist", "section_owners"]
