"""Reminders to the plan's task owners: each lead officer gets, by email, the tasks of the
plan that are overdue, at risk of missing their linked target, without an update for a month,
or due within the next 30 days — with the linked indicator against its target.

Addresses come from the recipients file, under ``officers:`` per unit, by the lead's title as
the plan's task table writes it::

    officers:
      SAMPLE-P2:
        Công chức VP-TK: [vptk.phuong2@example.vn]

Every value from data reaches the message through the one rendering path (escaped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from cchc_lib.core.errors import CchcError, InputFileError
from cchc_lib.core.lang import delivery as lang
from cchc_lib.core.request import RunRequest
from cchc_lib.core.text import fold
from cchc_lib.delivery.mail import EmailBody, email_body

DUE_SOON = timedelta(days=30)
REMIND_FLAGS = ("overdue", "at_risk", "no_update")
REMINDERS_FOLDER = "nhac_viec"


def tasks_to_remind(tasks: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Tasks not done that are overdue, at risk, without an update, or due within 30 days."""
    if tasks.empty:
        return tasks
    flags = tasks.status_flags
    done = flags.map(lambda f: "done" in f)
    flagged = flags.map(lambda f: any(x in f for x in REMIND_FLAGS))
    due_soon = pd.to_datetime(tasks.end).dt.date.map(lambda d: d <= as_of + DUE_SOON)
    return tasks[~done & (flagged | due_soon)]


def officer_addresses(book_path: Path, unit_code: str) -> dict[str, list[str]]:
    """Lead officer (as the task table names them) -> addresses, for one unit (from the
    recipients file or the logbook's recipients sheet)."""
    from cchc_lib.delivery.recipients import load_book

    book = load_book(book_path)
    officers = (book or {}).get("officers", {}) if isinstance(book, dict) else None
    mine = officers.get(unit_code, {}) if isinstance(officers, dict) else None
    if not isinstance(mine, dict):
        raise InputFileError(str(book_path), lang.OFFICERS_FORMAT_VI.format())
    return {fold(str(k)): [v] if isinstance(v, str) else list(v or []) for k, v in mine.items()}


@dataclass(frozen=True)
class Reminder:
    lead: str
    to: tuple[str, ...]  # empty: no address in the recipients file
    tasks: int
    body: EmailBody


def reminders(progress, addresses: dict[str, list[str]]) -> list[Reminder]:
    """One message per lead officer with tasks to act on (``progress``: a PlanProgress)."""
    todo = tasks_to_remind(progress.tasks, progress.as_of)
    out = []
    for lead, part in todo.groupby("lead", sort=True):
        subject = lang.REMINDER_SUBJECT_VI.format(plan=progress.plan_name, n=len(part),
                                                  unit=progress.unit_name)
        out.append(Reminder(str(lead), tuple(addresses.get(fold(str(lead)), ())), len(part),
                            _body(str(lead), part, progress, subject)))
    return out


def _body(lead: str, tasks: pd.DataFrame, progress, subject: str) -> EmailBody:
    from cchc_lib.core import formats
    from cchc_lib.reports import render
    from cchc_lib.reports.safe import plain, rich

    title = lang.REMINDER_COLUMNS_VI
    table = pd.DataFrame({
        title["task_id"]: tasks.task_id.astype(str), title["task"]: tasks.task.astype(str),
        title["timeframe"]: tasks.timeframe.astype(str),
        title["status"]: tasks.status_vi.astype(str),
        title["last_update"]: [formats.day(d) if d else lang.NO_UPDATE_YET_VI
                               for d in tasks.last_update],
        title["indicators"]: tasks.indicators.map(
            lambda ids: progress.linked_vi(ids) or "—"),
    })
    head = rich(lang.REMINDER_HEAD_VI, plan=progress.plan_name, lead=lead,
                unit=progress.unit_name,
                as_of=formats.day(progress.as_of), n=len(tasks))
    page = ("<html><body>" + head.html + render.html_table(table, "remind") +
            "</body></html>")
    lines = [plain(head.markdown)] + [f"- {r.task_id}: {r.status_vi} ({r.timeframe})"
                                      for r in tasks.itertuples()]
    return email_body(page, "\n".join(lines), subject)


def write_or_send(request: RunRequest, *, book_path: Path, dry_run: str | None, sender: str,
                  send) -> list[tuple[Reminder, Path | None]]:
    """Make every lead's reminder for the request's unit; write ``.eml`` files (``dry_run``
    is not None: into that folder, or ``reports/<period>/<unit>/nhac_viec/``) or hand each
    message to ``send``."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.paths import check_part
    from cchc_lib.delivery.mail import build_message
    from cchc_lib.delivery.runs import report_folder, settle
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.reports.plan_progress import plan_progress_of

    unit_code = str(request.unit)
    tables = read_processed(resolve(request.folders.data), unit_code=unit_code)  # read once
    request = settle(request, tables)  # the day reported on: asked, or the data's last day
    progress = plan_progress_of(tables, unit_code, request.year, f"{request.as_of:%Y-%m-%d}")
    made = reminders(progress, officer_addresses(book_path, unit_code))
    if made and not any(r.to for r in made):
        raise CchcError(lang.NO_LEAD_ADDRESS_VI.format(unit=unit_code, book=book_path))
    out: list[tuple[Reminder, Path | None]] = []
    folder = None
    if dry_run is not None:
        folder = Path(dry_run) if dry_run else \
            report_folder(request.label, unit_code, request.folders.reports) / REMINDERS_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
    for r in made:
        if not r.to:
            out.append((r, None))
            continue
        message = build_message(r.body, sender, list(r.to))
        if folder is not None:
            name = "".join(ch if ch.isalnum() else "_" for ch in fold(r.lead)).strip("_")
            check_part(name, lang.FILE_NAME_WHAT_VI)
            target = folder / f"{name or 'can_bo'}.eml"
            target.write_bytes(bytes(message))
            out.append((r, target))
        else:
            send(message, r)  # the sender says what the server took and refused
            out.append((r, None))
    return out


__all__ = [
    "DUE_SOON", "officer_addresses", "REMIND_FLAGS", "Reminder", "reminders", "REMINDERS_FOLDER",
    "tasks_to_remind", "write_or_send",
]
