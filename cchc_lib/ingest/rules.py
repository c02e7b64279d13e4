"""The rules a dossier row must keep, once: ingest quarantines the rows that break them
(with the reason), and the pandera schema checks the written table against the same rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from cchc_lib.core import schema


def day(values: pd.Series) -> pd.Series:
    """Timestamps as their calendar day (rules compare days, not times)."""
    return values.dt.normalize()


@dataclass(frozen=True)
class RowRule:
    reason: str  # the quarantine reason (vi.QUARANTINE_REASONS_VI)
    column: str  # the column the reason names
    broken: Callable[[pd.DataFrame], pd.Series]  # True where a row breaks the rule


# the frame's attribute naming the exports that have no end-date column at all
NO_END_DATES = "files_without_end_dates"

DOSSIER_RULES: tuple[RowRule, ...] = (
    RowRule("received_after_finished", "received_at",
            lambda d: (day(d.finished_at) < day(d.received_at)).fillna(False)),
    RowRule("due_before_received", "due_at",
            lambda d: (day(d.due_at) < day(d.received_at)).fillna(False)),
    # (an export without the end-date column says nothing of when its dossiers ended: the
    # indicators that need it are "không có số liệu", its rows are not set aside)
    RowRule("status_without_end_date", "status",
            lambda d: d.status.isin(list(schema.ENDED_STATUSES)) & d.finished_at.isna()
            & d.returned_at.isna() & ~d.source_file.isin(list(d.attrs.get(NO_END_DATES, ())))),
)

__all__ = ["RowRule", "DOSSIER_RULES", "NO_END_DATES", "day"]
