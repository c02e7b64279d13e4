"""Every indicator for every unit × month at once, vectorised: the path for large data.

The per-unit functions of :mod:`indicators` and :mod:`national` are the definition; this
module computes the same numbers for all units and months in one pass (tests check they are
equal on the sample). Counts come from ``np.bincount`` on a (unit, month) key; stocks
(carried over, pending, overdue) from difference arrays over each dossier's span of months;
procedure-based rates from distinct (unit, month, procedure) events.

Output: one row per unit and month, with ``<indicator>_num`` / ``<indicator>_den`` for every
share and plain columns for the Biểu 06 counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cchc_lib.core import schema
from cchc_lib.core.calendar import WorkCalendar
from cchc_lib.indicators.base import accepted, end_date
from cchc_lib.indicators.national import effective_end

SHARES = ("online_procedure_rate", "postal_procedure_rate", "postal_return_share",
          "on_time_rate", "progress_on_time", "online_provision_rate", "online_service_uptake",
          "online_dossier_share", "online_payment_share", "digitized_share", "e_result_share",
          "apology_coverage")


def month_index(ts: pd.Series) -> np.ndarray:
    """Months since year 0 (year × 12 + month − 1); −1 for NaT."""
    values = ts.to_numpy(dtype="datetime64[us]")
    months = values.astype("datetime64[M]").astype(np.int64) + 1970 * 12  # a cast, no loop
    return np.where(np.isnat(values), -1, months)


class _Grid:
    """Units × months, and the helpers that count into it."""

    def __init__(self, units: np.ndarray, first: int, last: int):
        self.units = units
        self.first, self.n_months = first, last - first + 1
        self.shape = (len(units), self.n_months)

    def key(self, unit: np.ndarray, month: np.ndarray) -> np.ndarray:
        """The cell of each dossier for that month, −1 outside the grid (computed once)."""
        inside = (month >= self.first) & (month < self.first + self.n_months)
        return np.where(inside, unit * self.n_months + (month - self.first), -1)

    def count(self, key: np.ndarray, mask: np.ndarray) -> np.ndarray:
        cells = key[mask]
        cells = cells[cells >= 0]
        return np.bincount(cells, minlength=len(self.units) * self.n_months).reshape(self.shape)

    def spans(self, unit: np.ndarray, start: np.ndarray, stop: np.ndarray,
              mask: np.ndarray) -> np.ndarray:
        """How many dossiers cover each month, a dossier covering months start..stop."""
        lo = np.clip(start - self.first, 0, self.n_months)
        hi = np.clip(stop - self.first + 1, 0, self.n_months)
        m = mask & (lo < hi)
        width = self.n_months + 1
        size = len(self.units) * width
        diff = (np.bincount(unit[m] * width + lo[m], minlength=size)
                - np.bincount(unit[m] * width + hi[m], minlength=size))
        return np.cumsum(diff.reshape(len(self.units), width), axis=1)[:, :-1]

    def frame(self, columns: dict[str, np.ndarray]) -> pd.DataFrame:
        months = np.arange(self.first, self.first + self.n_months)
        out = pd.DataFrame({
            "unit_code": np.repeat(self.units, self.n_months),
            "period": [f"{m // 12}-{m % 12 + 1:02d}" for m in months] * len(self.units),
        })
        for name, grid in columns.items():
            out[name] = grid.reshape(-1)
        return out


def _offered(catalogue: pd.DataFrame, units: np.ndarray, months: np.ndarray,
             n_codes: int) -> dict[str, np.ndarray]:
    """Dense (unit, month, procedure) arrays: offered on the month's last day, and offered
    with each flag (online = partial/full, postal, fee). A unit's own catalogue row overrides
    the row offered by every unit, as :func:`indicators.offered_procedures` does."""
    last_days = (pd.to_datetime([f"{m // 12}-{m % 12 + 1:02d}-01" for m in months])
                 + pd.offsets.MonthEnd(0)).to_numpy()
    shape = (len(units), len(months), n_codes)
    out = {k: np.zeros(shape, dtype=bool) for k in ("all", "online", "postal", "fee")}
    unit_pos = {u: i for i, u in enumerate(units)}
    cat = catalogue.assign(_own=catalogue.unit_code.notna()).sort_values("_own", kind="stable")
    for own, part in cat.groupby("_own", sort=True):  # general rows first, then overrides
        p = part.procedure_code.to_numpy()
        valid = np.ones((len(part), len(months)), dtype=bool)
        start = part.valid_from.to_numpy()[:, None]
        stop = part.valid_to.to_numpy()[:, None]
        valid &= np.isnat(start) | (start <= last_days[None, :])
        valid &= np.isnat(stop) | (stop >= last_days[None, :])
        flags = {"all": np.ones(len(part), bool),
                 "online": part.level.isin(list(schema.ONLINE_LEVELS)).to_numpy(),
                 "postal": part.postal_enabled.fillna(False).astype(bool).to_numpy(),
                 "fee": part.has_fee.fillna(False).astype(bool).to_numpy()}
        if not own:
            for key, flag in flags.items():
                out[key][:, :, p] = (valid & flag[:, None]).T[None, :, :]
            continue
        u = part.unit_code.map(unit_pos)
        keep = u.notna().to_numpy()
        u = u[keep].astype(int).to_numpy()
        for key, flag in flags.items():
            for i, (ui, pi) in enumerate(zip(u, p[keep], strict=True)):  # a few rows at most
                out[key][ui, valid[keep][i], pi] = flag[keep][i]
                out[key][ui, ~valid[keep][i], pi] = False
    return out


def monthly_indicators(dossiers: pd.DataFrame, catalogue: pd.DataFrame,
                       calendar: WorkCalendar | None = None,
                       first: str | None = None, last: str | None = None) -> pd.DataFrame:
    """All indicators for every unit × month (``first``..``last`` as YYYY-MM, default: the
    months the data covers)."""
    d = dossiers
    acc = accepted(d).to_numpy()
    unit, units = pd.factorize(d.unit_code, sort=True)
    units = np.asarray(units, dtype=object)
    # procedures as integers (fast to key and look up), the catalogue's and the unknown ones
    row_codes, seen = pd.factorize(d.procedure_code)
    codes = pd.Index(catalogue.procedure_code.astype(str)).union(pd.Index(seen.astype(str)))
    proc = np.where(row_codes >= 0, codes.get_indexer(seen.astype(str))[row_codes], -1)
    catalogue = catalogue.assign(procedure_code=codes.get_indexer(catalogue.procedure_code))
    end = end_date(d)
    rm, em, retm = month_index(d.received_at), month_index(end), month_index(d.returned_at)
    due_day = d.due_at.dt.normalize()
    dm = month_index(due_day)
    # first month whose last day is after the due day: overdue from then on
    due_is_last_day = (due_day + pd.Timedelta(days=1)).dt.day.to_numpy() == 1
    od = np.where(d.due_at.isna().to_numpy(), np.iinfo(np.int64).max,
                  dm + due_is_last_day.astype(np.int64))
    dates = np.concatenate([rm, em, retm])
    lo = int(dates[dates >= 0].min()) if first is None else _month(first)
    hi = int(dates.max()) if last is None else _month(last)
    grid = _Grid(units, lo, hi)
    months = np.arange(lo, hi + 1)
    is_channel = lambda col, ch: (d[col] == ch).fillna(False).to_numpy(dtype=bool)  # noqa: E731
    online, postal = is_channel("receive_channel", "online"), is_channel("receive_channel",
                                                                           "postal")
    direct = is_channel("receive_channel", "direct")
    returned_by_post = is_channel("return_channel", "postal")
    ended = acc & (em >= 0)
    resolved = ended & d.status.isin(list(schema.RESOLVED_STATUSES)).to_numpy()
    end_day, no_due = end.dt.normalize(), d.due_at.isna().to_numpy()
    early = (end_day < due_day).to_numpy()
    late = (end_day > due_day).to_numpy()
    on_time = ~early & ~late  # equal days, or no due date
    never = np.iinfo(np.int64).max // 2
    stop = np.where(em >= 0, em - 1, never)  # pending through the month before it ended

    def flag(column: str) -> np.ndarray:
        if column not in d:
            return np.zeros(len(d), bool)
        return d[column].fillna(False).astype(bool).to_numpy()

    k_rm, k_em, k_retm = grid.key(unit, rm), grid.key(unit, em), grid.key(unit, retm)
    c: dict[str, np.ndarray] = {}
    c["received_online"] = grid.count(k_rm, acc & online)
    c["received_direct_postal"] = grid.count(k_rm, acc & (direct | postal))
    c["carried_over"] = grid.spans(unit, rm + 1, np.where(em >= 0, em, never), acc)
    c["received_total"] = c["received_online"] + c["received_direct_postal"] + c["carried_over"]
    c["resolved_early"] = grid.count(k_em, resolved & early)
    c["resolved_on_time"] = grid.count(k_em, resolved & on_time)
    c["resolved_late"] = grid.count(k_em, resolved & late)
    c["resolved_total"] = grid.count(k_em, resolved)
    c["pending_total"] = grid.spans(unit, rm, stop, acc)
    c["pending_overdue"] = grid.spans(unit, np.maximum(rm, od), stop, acc & ~no_due)
    c["pending_in_time"] = c["pending_total"] - c["pending_overdue"]
    c["on_time_rate_num"] = c["resolved_early"] + c["resolved_on_time"]
    c["on_time_rate_den"] = c["resolved_total"]

    offered = _offered(catalogue, units, months, len(codes))
    for name, arr in offered.items():
        c[f"_offered_{name}"] = arr.sum(axis=2)

    def procedure_cells(month: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each dossier's (unit, month, procedure) cell in ``offered``, where it has one."""
        ok = (month >= lo) & (month <= hi) & (proc >= 0)
        return ok, ((unit * grid.n_months + month - lo) * len(codes) + proc)[ok]

    cells = {"received": procedure_cells(rm), "returned": procedure_cells(retm)}

    def is_offered(kind: str, when: str) -> np.ndarray:
        """Per dossier: its procedure offered (with ``kind``) by its unit in the month it was
        ``received`` or ``returned``."""
        ok, flat = cells[when]
        out = np.zeros(len(d), dtype=bool)
        out[ok] = offered[kind].reshape(-1)[flat]
        return out

    def distinct_procedures(rows: np.ndarray, month: np.ndarray) -> np.ndarray:
        """Per cell: how many distinct procedures the dossiers ``rows`` (in ``month``) touch."""
        key = np.unique((unit[rows] * grid.n_months + (month - lo)) * len(codes) + proc[rows])
        return np.bincount(key // len(codes), minlength=grid.shape[0] * grid.shape[1]
                           ).reshape(grid.shape)

    rows = np.flatnonzero(acc & online & is_offered("online", "received"))
    online_hits = distinct_procedures(rows, rm[rows])
    c["online_procedure_rate_num"] = c["online_service_uptake_num"] = online_hits
    c["online_procedure_rate_den"] = c["online_service_uptake_den"] = c["_offered_online"]
    # a procedure counts once per month whether its postal dossier came in or went out
    came_in = np.flatnonzero(acc & postal & is_offered("postal", "received"))
    went_out = np.flatnonzero(acc & returned_by_post & is_offered("postal", "returned"))
    c["postal_procedure_rate_num"] = distinct_procedures(
        np.concatenate([came_in, went_out]), np.concatenate([rm[came_in], retm[went_out]]))
    c["postal_procedure_rate_den"] = c["_offered_postal"]
    returned = acc & (retm >= 0) & is_offered("postal", "returned")
    c["postal_return_share_den"] = grid.count(k_retm, returned)
    c["postal_return_share_num"] = grid.count(k_retm, returned & returned_by_post)
    c["online_provision_rate_num"], c["online_provision_rate_den"] = c["_offered_online"], \
        c["_offered_all"]

    received = acc & (rm >= 0)
    c["online_dossier_share_num"] = c["received_online"]
    c["online_dossier_share_den"] = grid.count(k_rm, received)
    c["digitized_share_num"] = grid.count(k_rm, received & flag("digitized"))
    c["digitized_share_den"] = c["online_dossier_share_den"]
    fee = received & is_offered("fee", "received")
    c["online_payment_share_den"] = grid.count(k_rm, fee)
    c["online_payment_share_num"] = grid.count(k_rm, fee & flag("paid_online"))
    c["e_result_share_num"] = grid.count(k_em, ended & flag("e_result"))
    c["e_result_share_den"] = grid.count(k_em, ended)

    eff = effective_end(d, calendar)
    many = pd.to_numeric(d.get("supplement_requests", pd.Series(0, index=d.index)),
                         errors="coerce").fillna(0).to_numpy() > 1
    ended_ok = ended & ((eff <= due_day).to_numpy() | no_due) & ~many
    c["progress_on_time_num"] = grid.count(k_em, ended_ok) + c["pending_in_time"]
    c["progress_on_time_den"] = grid.count(k_em, ended) + c["pending_total"]

    apology = flag("apology_issued")
    c["apology_coverage_den"] = c["resolved_late"] + c["pending_overdue"]
    c["apology_coverage_num"] = grid.count(k_em, resolved & late & apology) + grid.spans(
        unit, np.maximum(rm, od), stop, acc & ~no_due & apology)

    out = grid.frame({k: v for k, v in c.items() if not k.startswith("_")})
    for share in SHARES:
        den = out[f"{share}_den"]
        out[share] = (out[f"{share}_num"] / den.where(den > 0)).astype(object).where(den > 0,
                                                                                     None)
    return out


def _month(label: str) -> int:
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1
