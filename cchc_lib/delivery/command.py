"""The bodies of ``cchc run``, ``cchc email`` and ``cchc init``: what the command line hands a
parsed request to, with the progress bar and the lines a person (or cron's mail) reads."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from cchc_lib.core.lang import cli as lang
from cchc_lib.core.lang import delivery as mail_lang
from cchc_lib.core.request import RunRequest

EXIT_PARTIAL = 3  # a scheduled run where some units failed
DEFAULT_SENDER = "cchc@localhost"


def _bar(total: int, desc: str, unit: str):
    """A progress bar on the console itself (never into the run's log): shown on a terminal;
    with --verbose, one line per step with the time, wherever stderr goes; never with
    --quiet."""
    from tqdm import tqdm

    from cchc_lib.delivery.console import VERBOSE_ENV

    console = getattr(sys.stderr, "stream", sys.stderr)  # past the log's recorder
    verbose = os.environ.get(VERBOSE_ENV) == "1"
    return tqdm(total=total, desc=desc, unit=unit, file=console,
                disable=False if verbose else None,
                mininterval=0 if verbose else 0.1, ascii=verbose or None,
                bar_format="{desc} [{elapsed}] {n}/{total}{postfix}\n" if verbose else None)


def run_reports(request: RunRequest, overview: bool = False) -> int:
    """``cchc run --unit`` / ``--overview``: one unit's reports, or the town's, each step on
    a progress bar; the files written, one per line."""
    from cchc_lib.delivery.runs import run_overview, run_unit

    steps = (1 if overview else len(request.reports) + int(request.pdf)) + int(request.ingest)
    what = "overview" if overview else request.unit
    with _bar(steps, f"{what} {request.label}", lang.PROGRESS_STEP_VI) as bar:
        done = -1

        def progress(step: str) -> None:  # called as each step starts
            nonlocal done
            done += 1
            bar.update(done - bar.n)
            bar.set_postfix_str(step)

        run = run_overview(request, progress) if overview else run_unit(request, progress)
        bar.update(steps - bar.n)
    say_alerts(request)
    for line in run.skipped:
        print(line, file=sys.stderr)
    for f in run.files:
        print(f)
    return 0


def say_alerts(request: RunRequest) -> None:
    """After an ingest inside a run (cron mails stderr), the alerts it raised, first."""
    if not request.ingest:
        return
    from cchc_lib.core.catalog import resolve
    from cchc_lib.ingest.store import last_alerts

    text = last_alerts(resolve(request.folders.data))
    if text:
        print(text, file=sys.stderr, end="")


def run_every_unit(request: RunRequest, catch_up: int = 0) -> int:
    """``cchc run --all-units``: ingest once, every unit in parallel; a unit that fails does
    not stop the others (exit 3 when one did). ``catch_up``: the earlier periods of the same
    kind (up to that many) whose reports are missing for some unit are made first, oldest
    first (a PC that was off on the 1st still files every month)."""
    from cchc_lib.core.periods import periods_before
    from cchc_lib.delivery.schedule import run_all_units, units_to_run

    earlier = periods_before(request.period, catch_up) if catch_up else []
    units = units_to_run(request)
    say_alerts(request)
    request = replace(request, units=tuple(units), ingest=False)
    first = _first_day(request) if earlier else None
    missing = [p for p in earlier if first is not None and p.end >= first
               and _reports_missing(replace(request, period=p))]
    codes = [_every_unit(replace(request, period=p), run_all_units) for p in missing]
    if missing:
        print(lang.CAUGHT_UP_VI.format(periods=", ".join(p.label for p in missing)))
    codes.append(_every_unit(request, run_all_units))
    return max(codes)


def _first_day(request: RunRequest):
    """The day the processed dossiers begin (None without any): a period ending before it was
    not "missed"."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.ingest.store import read_processed

    dossiers = read_processed(resolve(request.folders.data), tables=("dossiers",))["dossiers"]
    return None if dossiers.empty else dossiers.received_at.min().date()


def _reports_missing(request: RunRequest) -> bool:
    """Whether some unit lacks one of the request's report pages for its period."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.reports.registry import REPORTS

    folder = resolve(request.folders.reports) / request.label
    return any(not (folder / unit / REPORTS[kind].outputs[1]).is_file()
               for unit in request.units for kind in request.reports)


def _every_unit(request: RunRequest, run_all_units) -> int:
    with _bar(len(request.units), request.label, lang.PROGRESS_UNIT_VI) as bar:
        outcomes = run_all_units(request, on_done=lambda o: (bar.update(1), bar.set_postfix_str(
            o.unit_code + ("" if o.ok else " FAILED"))))
    failed = [o for o in outcomes if not o.ok]
    empty = [o for o in outcomes if o.no_data]
    print(lang.ALL_UNITS_DONE_VI.format(made=len(outcomes) - len(failed) - len(empty),
                                        total=len(outcomes), period=request.label,
                                        folder=request.folders.reports))
    for o in empty:
        print(lang.ALL_UNITS_NO_DATA_VI.format(unit=o.unit_code, message=o.message))
    for o in failed:
        print(lang.ALL_UNITS_FAILED_VI.format(unit=o.unit_code, message=o.message, log=o.log))
    return EXIT_PARTIAL if failed else 0


def email_report(request: RunRequest, report: str, *, to: list[str] | None,
                 recipients: str | Path, dry_run: str | None, smtp_config: str | None) -> int:
    """``cchc email``: the report made for the request's unit and period, as a message sent
    over SMTP, or written as ``.eml`` (``dry_run`` not None: that file, or beside the
    report)."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.formats import integer
    from cchc_lib.delivery.mail import build_message, prepare, send, smtp_settings
    from cchc_lib.delivery.mail import recipients as book

    unit = str(request.unit)
    if report == "tasks":
        return email_reminders(request, recipients=recipients, dry_run=dry_run,
                               smtp_config=smtp_config)
    to = to or book(resolve(recipients), unit)
    ready = prepare(report, request)
    body = ready.body
    if dry_run is not None:
        sender = os.environ.get("CCHC_SMTP_FROM", DEFAULT_SENDER)
        target = Path(dry_run) if dry_run else ready.folder / f"{ready.stem}.eml"
        target.write_bytes(bytes(build_message(body, sender, to)))
        print(lang.EMAIL_WRITTEN_VI.format(path=target, size=integer(len(body.html.encode())),
                                           images=len(body.images),
                                           files=len(body.attachments)))
        return 0
    settings = smtp_settings(smtp_config)
    message = build_message(body, settings.sender, to)
    refused = send(message, settings)
    return said_sent(message, refused, lambda sent: lang.EMAIL_SENT_VI.format(
        to=", ".join(sent), host=settings.host, port=settings.port))


def said_sent(message, refused: list, line) -> int:
    """What the server took and what it refused, each refused address with its reply on
    stderr (cron mails it); exit 3 when any was refused: not everyone got it."""
    to = [a.addr_spec for a in message["To"].addresses]
    gone = {r.address for r in refused}
    sent = [a for a in to if a not in gone]
    for r in refused:
        print(mail_lang.REFUSED_VI.format(address=r.address, code=r.code, reply=r.reply),
              file=sys.stderr)
    if sent:
        print(line(sent))
    if refused:
        print(mail_lang.DELIVERED_SOME_VI.format(sent=len(sent), total=len(to),
                                                 refused=len(refused)), file=sys.stderr)
        return EXIT_PARTIAL
    return 0


def email_reminders(request: RunRequest, *, recipients: str | Path, dry_run: str | None,
                    smtp_config: str | None) -> int:
    """``cchc email --report tasks``: each lead officer's reminder, sent or written."""
    from cchc_lib.core.catalog import resolve
    from cchc_lib.delivery.mail import send, smtp_settings
    from cchc_lib.delivery.reminders import write_or_send

    settings = None if dry_run is not None else smtp_settings(smtp_config)
    sender = settings.sender if settings else os.environ.get("CCHC_SMTP_FROM", DEFAULT_SENDER)
    codes: list[int] = []

    def deliver(message, reminder) -> None:
        codes.append(said_sent(message, send(message, settings),
                               lambda sent: lang.REMINDER_SENT_VI.format(
                                   lead=reminder.lead, n=reminder.tasks, to=", ".join(sent))))
    done = write_or_send(request, book_path=resolve(recipients), dry_run=dry_run,
                         sender=sender, send=deliver)
    if not done:
        print(lang.NO_REMINDERS_VI)
    for r, path in done:
        if not r.to:
            print(lang.REMINDER_NO_ADDRESS_VI.format(lead=r.lead, n=r.tasks))
        elif path is not None:
            print(lang.REMINDER_WRITTEN_VI.format(lead=r.lead, n=r.tasks, path=path))
    return max(codes, default=0)


def init_folder(folder: str) -> int:
    """``cchc init``: a new workbook folder, and what to type next."""
    from cchc_lib.delivery.init import init_workbook

    written = init_workbook(folder)
    print(lang.INIT_DONE_VI.format(folder=Path(folder).resolve(), n=len(written), given=folder))
    return 0


def new_year_workbook(year: int, data: str | Path, out: str | Path | None) -> int:
    """``cchc nam-moi``: next year's logbook from the processed records of the year before
    (par.new_year), never over an existing file."""
    from cchc_lib.core.catalog import project_root, resolve
    from cchc_lib.core.errors import CchcError
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.par.new_year import next_year_tables
    from cchc_lib.par.scoring import processed_methodology
    from cchc_lib.reports.logbook import write_logbook

    folder = resolve(data)
    path = Path(out) if out else project_root() / "data" / "raw" / f"so_theo_doi_{year}.xlsx"
    if path.exists():
        raise CchcError(lang.NEW_YEAR_EXISTS_VI.format(path=path))
    from cchc_lib.delivery.notebooks import atomic_write

    tables = next_year_tables(read_processed(folder), year)
    method = processed_methodology(folder)
    # under the project lock (cli), whole or not at all
    atomic_write(path, lambda tmp: write_logbook(tmp, year, tables, method))
    print(lang.NEW_YEAR_WRITTEN_VI.format(year=year, path=path,
                                          tasks=len(tables.get("plan_tasks", ())),
                                          targets=len(tables.get("targets", ()))))
    return 0


__all__ = ["EXIT_PARTIAL", "email_report", "said_sent", "email_reminders", "init_folder",
           "new_year_workbook", "run_every_unit", "run_reports", "say_alerts"]
