"""The national "766" indicators the dossier data supports, and the duty of apology.

QĐ 766/QĐ-TTg (23/6/2022) scores every agency on the national portal. The formulas here are
reconstructions (indicators.md): the portal's own score is authoritative, and these are
estimates from local data. Which estimates there are, their points and what they leave out
(groups that need portal data) is the indicator registry's (family "766").

Pure functions: DataFrames in, tidy result rows out (columns of ``RESULT_COLUMNS``).
"""

from __future__ import annotations

import pandas as pd

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core import schema
from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.core.periods import Period
from cchc_lib.core.text import match_key
from cchc_lib.indicators.base import (
    RESULT_COLUMNS,
    accepted,
    end_date,
    in_period,
    offered_procedures,
    row,
    unit_dossiers,
)
from cchc_lib.indicators.bieu06 import bieu06_flags
from cchc_lib.indicators.plan import procedure_uptake

APOLOGY = registry.get("apology_coverage")


def _flag(series: pd.Series) -> pd.Series:
    return series.fillna(False).astype(bool)


def effective_end(dossiers: pd.DataFrame, calendar: WorkCalendar | None = None) -> pd.Series:
    """End date less the working days spent waiting for the citizen's supplement."""
    end = end_date(dossiers)
    if "supplement_days" not in dossiers:
        return end.dt.normalize()
    wait = pd.to_numeric(dossiers.supplement_days, errors="coerce").fillna(0)
    wait = wait.clip(lower=0).round().astype("int64")
    ok = end.notna() & (wait > 0)
    out = end.dt.normalize()
    if ok.any():
        out[ok] = (calendar or WorkCalendar()).offset_back(
            end[ok].dt.normalize().to_numpy().astype("datetime64[D]"),
            wait[ok].to_numpy()).astype("datetime64[us]")
    return out


def national_indicators(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit_code: str,
                        period: Period, calendar: WorkCalendar | None = None,
                        by_field: bool = False) -> pd.DataFrame:
    """The 766 estimates of the registry (family "766") for one unit and period (per field
    with ``by_field``), with numerator and denominator.

    Each estimate divides two named parts; the parts are counted here, once:
    - on_time / ended_or_pending (2.1): ended in P with effective end ≤ due, plus pending at
      the end of P with due ≥ end, over ended in P plus pending; more than one supplement
      request is late;
    - online_offered / offered (3.1): procedures offered partial/full online over all offered;
    - online_used / online_offered (3.2): the plan's online_procedure_rate;
    - received_online / received (3.3): received online in P over received in P;
    - fee_offered_paid_online / fee_offered (3.5): fee procedures with at least one dossier
      received in P and paid online, over the fee procedures offered;
    - fee_paid_online / fee_received (3.6): paid online over received in P, both among fee
      procedures;
    - ended_e_result / ended (4.1): ended in P with an electronic result over ended in P;
    - received_digitized / received (4.2): received in P digitized over received in P.
    """
    d = unit_dossiers(dossiers, unit_code)
    acc = accepted(d)
    end = end_date(d)
    received = acc & in_period(d.received_at, period)
    ended = acc & in_period(end, period)
    pending = bieu06_flags(d, period).pending_total
    due_day = d.due_at.dt.normalize()
    eff = effective_end(d, calendar)
    many_supplements = d.get("supplement_requests", pd.Series(0, index=d.index)).fillna(0) > 1
    ended_on_time = ended & ((eff <= due_day) | d.due_at.isna()) & ~many_supplements
    pending_on_time = pending & ((due_day >= pd.Timestamp(period.end)) | d.due_at.isna())
    offered = offered_procedures(catalogue, unit_code, period)
    fee_codes = offered.index[offered.has_fee.fillna(False).astype(bool)]
    fee = received & d.procedure_code.isin(fee_codes)
    offered_fee = pd.Series(offered.index.isin(fee_codes), index=offered.index)
    uptake = procedure_uptake(d, catalogue, unit_code, period)
    # every part is a count per group: the field with by_field, else one group for the unit
    key = d.field_name.astype(object) if by_field else pd.Series("", index=d.index)
    offered_key = offered.field_name.astype(object) if by_field else \
        pd.Series("", index=offered.index)
    uptake_key = uptake.field_name.astype(object) if by_field else \
        pd.Series("", index=uptake.index)
    count = lambda mask, k=key: mask.astype(int).groupby(k).sum()  # noqa: E731
    online_offered = offered.level.isin(list(schema.ONLINE_LEVELS))
    parts = {  # every part: a count per group (field with by_field, else one for the unit)
        "on_time": count(ended_on_time) + count(pending_on_time),
        "ended_or_pending": count(ended) + count(pending),
        "offered": count(pd.Series(True, index=offered.index), offered_key),
        "online_offered": count(online_offered, offered_key),
        "online_used": count(uptake.online_enabled & (uptake.received_online > 0), uptake_key),
        "received": count(received),
        "received_online": count(received & (d.receive_channel == "online")),
        "received_digitized": count(received & _flag(d.digitized)),
        "fee_received": count(fee),
        "fee_paid_online": count(fee & _flag(d.paid_online)),
        "fee_offered": count(offered_fee, offered_key),
        "fee_offered_paid_online": count(offered_fee & offered.index.isin(
            d.procedure_code[fee & _flag(d.paid_online)]), offered_key),
        "ended": count(ended),
        "ended_e_result": count(ended & _flag(d.e_result)),
    }
    estimates = registry.family("766")
    used = {p: parts[p] for i in estimates for p in (i.numerator, i.denominator)}
    groups = sorted({g for part in used.values() for g in part.index},
                    key=match_key) if by_field else [""]
    rows = [row(i.id, unit_code, period, int(used[i.numerator].get(g, 0)),
                int(used[i.denominator].get(g, 0)), field=g if by_field else None)
            for g in groups for i in estimates]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)


def points_766(results: pd.DataFrame) -> pd.DataFrame:
    """Estimated 766 points of each indicator: criterion, group, share, points, maximum
    (the registry's :class:`~cchc_lib.core.indicator_registry.Points766`)."""
    out = []
    for r in results.itertuples(index=False):
        rule = registry.BY_ID[r.indicator].points if r.indicator in registry.BY_ID else None
        if rule is None:
            continue
        # None or NaN: not applicable (min() with NaN would silently give the cap)
        points = None if pd.isna(r.value) else round(rule.points(float(r.value)), 10)
        out.append({"criterion": rule.criterion, "indicator": r.indicator, "group": rule.group,
                    "value": r.value, "points": points, "max_points": rule.maximum})
    return pd.DataFrame(out, columns=["criterion", "indicator", "group", "value", "points",
                                      "max_points"], dtype=object)


def late_dossiers(dossiers: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """Dossiers that owe an apology slip: resolved late in P, or pending overdue at its end."""
    d = unit_dossiers(dossiers, unit_code)
    flags = bieu06_flags(d, period)
    late = flags.resolved_late | flags.pending_overdue
    out = d.loc[late, ["dossier_id", "procedure_code", "field_name", "due_at"]].copy()
    out["kind"] = flags.resolved_late[late].map({True: "resolved_late", False: "pending_overdue"})
    out["apology_issued"] = _flag(d.apology_issued[late]) if "apology_issued" in d else False
    out["_key"] = out.field_name.map(match_key)
    out = out.sort_values(["_key", "dossier_id"], kind="stable")
    return out.drop(columns="_key").reset_index(drop=True)


def apology_coverage(dossiers: pd.DataFrame, unit_code: str, period: Period) -> pd.DataFrame:
    """``apology_coverage`` per field and for the unit (field None, last): late dossiers with
    an apology slip ÷ late dossiers; target 1.0 (NĐ 61/2018, kept by later decrees)."""
    late = late_dossiers(dossiers, unit_code, period)
    rows = []
    for field, part in late.groupby("field_name", sort=False):  # already sorted by name
        rows.append(row(APOLOGY.id, unit_code, period, int(part.apology_issued.sum()),
                        len(part), target=APOLOGY.fixed_target, field=field))
    rows.append(row(APOLOGY.id, unit_code, period, int(late.apology_issued.sum()),
                    len(late), target=APOLOGY.fixed_target))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, dtype=object)
