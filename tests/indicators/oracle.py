"""A plain-Python, row-by-row reading of docs/indicators.md: the independent check of the engine.

Written from the spec, not from the SQL: one dossier at a time, dates as ``date`` objects, the
working days counted one day at a time with the ``holidays`` library. Slow, obvious, and
sharing no code with ``cchc_lib.indicators`` beyond the status names of the data contract.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import pandas as pd

NOT_ACCEPTED = {"registered", "not_accepted"}
ENDED = {"resolved", "returned", "withdrawn", "stopped"}
RESOLVED = {"resolved", "returned"}
ONLINE_LEVELS = {"partial", "full"}


def _value(v):
    """A cell as plain Python: None for anything missing."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v


def _rows(frame: pd.DataFrame) -> list[dict]:
    return [{k: _value(v) for k, v in r.items()} for r in frame.to_dict("records")]


def _day(ts: datetime | None) -> date | None:
    return None if ts is None else ts.date()


class Workdays:
    """Monday to Friday less Vietnam's public holidays, one day at a time."""

    def __init__(self):
        self.off = holidays.country_holidays("VN", years=range(2015, 2035))

    def working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.off

    def back(self, d: date, n: int) -> date:
        """The working day n working days before d (a day off first rolls back)."""
        while not self.working(d):
            d -= timedelta(days=1)
        for _ in range(n):
            d -= timedelta(days=1)
            while not self.working(d):
                d -= timedelta(days=1)
        return d


def offered(catalogue: pd.DataFrame, unit: str, last: date) -> dict[str, dict]:
    """Procedure code -> the catalogue row the unit offers on the period's last day (its own
    row over the row every unit offers)."""
    out: dict[str, dict] = {}
    for r in _rows(catalogue):
        if r["unit_code"] not in (None, unit):
            continue
        if r["valid_from"] is not None and r["valid_from"].date() > last:
            continue
        if r["valid_to"] is not None and r["valid_to"].date() < last:
            continue
        if r["procedure_code"] in out and out[r["procedure_code"]]["unit_code"] is not None:
            continue  # the unit's own row already won
        out[r["procedure_code"]] = r
    return out


def parts(dossiers: pd.DataFrame, catalogue: pd.DataFrame, unit: str, start: date,
          end: date, workdays: Workdays | None = None) -> dict[str, int]:
    """Every part the engine counts, for one unit and the period start..end (days)."""
    workdays = workdays or Workdays()
    cat = offered(catalogue, unit, end)
    n = dict.fromkeys([
        "received_online", "received_direct_postal", "carried_over", "received_total",
        "resolved_early", "resolved_on_time", "resolved_late", "resolved_total",
        "pending_in_time", "pending_overdue", "pending_total", "resolved_in_time", "on_time",
        "ended_or_pending", "received", "received_digitized", "ended", "ended_e_result",
        "late", "late_apologised", "fee_received", "fee_paid_online"], 0)
    per_procedure: dict[str, dict[str, int]] = {}

    def within(d: date | None) -> bool:
        return d is not None and start <= d <= end

    for r in _rows(dossiers):
        if r["unit_code"] != unit or r["status"] in NOT_ACCEPTED:
            continue
        received_day = _day(r["received_at"])
        end_ts = (r["finished_at"] or r["returned_at"]) if r["status"] in ENDED else None
        end_day, due = _day(end_ts), _day(r["due_at"])
        received = within(received_day)
        ended = within(end_day)
        resolved = ended and r["status"] in RESOLVED
        pending = received_day is not None and received_day <= end and not (
            end_day is not None and end_day <= end)
        carried = received_day is not None and received_day < start and not (
            end_day is not None and end_day < start)
        returned = within(_day(r["returned_at"]))
        channel = r["receive_channel"]
        if received and channel == "online":
            n["received_online"] += 1
        if received and channel in ("direct", "postal"):
            n["received_direct_postal"] += 1
        if carried:
            n["carried_over"] += 1
        if (received and channel in ("online", "direct", "postal")) or carried:
            n["received_total"] += 1
        late = False
        if resolved:
            n["resolved_total"] += 1
            if due is None or end_day == due:
                n["resolved_on_time"] += 1
            elif end_day < due:
                n["resolved_early"] += 1
            else:
                n["resolved_late"] += 1
                late = True
            if due is None or end_day <= due:
                n["resolved_in_time"] += 1
        if pending:
            n["pending_total"] += 1
            if due is None or due >= end:
                n["pending_in_time"] += 1
            else:
                n["pending_overdue"] += 1
                late = True
        if late:
            n["late"] += 1
            n["late_apologised"] += bool(r["apology_issued"])
        # 766 2.1: the end less the supplement wait in working days; more than one request
        # is late
        wait = max(round(r["supplement_days"] or 0), 0)
        effective = workdays.back(end_day, wait) if ended and wait > 0 else end_day
        many = (r["supplement_requests"] or 0) > 1
        if ended and (due is None or effective <= due) and not many:
            n["on_time"] += 1
        if pending and (due is None or due >= end):
            n["on_time"] += 1
        n["ended_or_pending"] += ended or pending
        n["received"] += received
        n["received_digitized"] += received and bool(r["digitized"])
        n["ended"] += ended
        n["ended_e_result"] += ended and bool(r["e_result"])
        code = r["procedure_code"]
        if code in cat:
            p = per_procedure.setdefault(code, dict.fromkeys(
                ["online", "postal", "ret_postal", "ret", "paid"], 0))
            p["online"] += received and channel == "online"
            p["postal"] += (received and channel == "postal") or (
                returned and r["return_channel"] == "postal")
            p["ret_postal"] += returned and r["return_channel"] == "postal"
            p["ret"] += returned
            p["paid"] += received and bool(r["paid_online"])
            if cat[code]["has_fee"]:
                n["fee_received"] += received
                n["fee_paid_online"] += received and bool(r["paid_online"])
    used = lambda code, key: per_procedure.get(code, {}).get(key, 0)  # noqa: E731
    online = [c for c, r in cat.items() if r["level"] in ONLINE_LEVELS]
    postal = [c for c, r in cat.items() if r["postal_enabled"]]
    fee = [c for c, r in cat.items() if r["has_fee"]]
    n.update({
        "offered": len(cat), "online_offered": len(online),
        "online_used": sum(used(c, "online") > 0 for c in online),
        "postal_offered": len(postal),
        "postal_used": sum(used(c, "postal") > 0 for c in postal),
        "returned_postal": sum(used(c, "ret_postal") for c in postal),
        "returned_postal_procedures": sum(used(c, "ret") for c in postal),
        "returned_all": sum(used(c, "ret") for c in cat),
        "fee_offered": len(fee),
        "fee_offered_paid_online": sum(used(c, "paid") > 0 for c in fee),
    })
    return n
