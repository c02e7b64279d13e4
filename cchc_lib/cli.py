"""``cchc``: the workbook's command line. It parses, checks what a user typed into a typed
request, and hands it to the stage that does the work (``ingest/command.py``,
``reports/command.py``, ``indicators/spark.py``, ``delivery/command.py``); errors become one
Vietnamese line and an exit code. Every text it shows is in :mod:`cchc_lib.core.lang.cli`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from cchc_lib.core.argparse_vi import EXIT_USER_ERROR, VersionAction, VietnameseParser
from cchc_lib.core.catalog import CATALOG_FILE, PROCESSED_DIR, REPORTS_DIR
from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import cli as lang
from cchc_lib.core.periods import PERIOD_FORMS
from cchc_lib.core.request import KERNEL_NAME
from cchc_lib.core.vi import os_problem_vi
from cchc_lib.reports.registry import REPORTS, UNIT_REPORTS

RECIPIENTS_FILE = "data/recipients.yml"


class _Command:
    """One subcommand's parser: every option's help is the strings module's."""

    def __init__(self, sub, name: str):
        self.name = name
        summary, description = lang.COMMANDS_VI[name]
        self.parser = sub.add_parser(name, help=summary, description=description)
        loud = self.parser.add_mutually_exclusive_group()  # every command: for cron
        loud.add_argument("-q", "--quiet", action="store_true",
                          help=lang.OPTIONS_VI[("*", "--quiet")])
        loud.add_argument("-v", "--verbose", action="store_true",
                          help=lang.OPTIONS_VI[("*", "--verbose")])

    def add(self, *flags: str, old: Sequence[str] = (), **kw) -> None:
        """``flags`` with their help; ``old``: spellings of earlier versions, still read
        (so a scheduled command keeps working), not shown."""
        text = lang.OPTIONS_VI.get((self.name, flags[0])) or lang.OPTIONS_VI[("*", flags[0])]
        kw.setdefault("help", text.replace("{forms}", PERIOD_FORMS))
        action = self.parser.add_argument(*flags, **kw)
        for spelling in old:
            self.parser.add_argument(spelling, dest=action.dest, help=argparse.SUPPRESS,
                                     **{k: v for k, v in kw.items()
                                        if k in ("nargs", "metavar", "type")})


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="cchc", description=lang.DESCRIPTION_VI)
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar=lang.METAVAR_COMMAND_VI,
                                parser_class=VietnameseParser)
    c = _Command(sub, "ingest")
    c.add("--catalog", default=str(CATALOG_FILE))
    c.add("--dossiers", nargs="+", metavar="FILE")
    c.add("--unit", metavar="CODE", old=["--unit-code"])
    c.add("--procedure-catalogue", metavar="FILE", old=["--catalogue"])
    c.add("--units-file", metavar="FILE", old=["--units"])
    c.add("--out", default=str(PROCESSED_DIR))
    c.add("--full", action="store_true")
    c.add("--strict", action="store_true")

    c = _Command(sub, "indicators")
    c.add("--data", default=str(PROCESSED_DIR))
    c.add("--unit", required=True, metavar="CODE")
    c.add("--period", required=True, metavar="P")
    c.add("--by-field", action="store_true")
    c.add("--format", choices=["table", "csv", "json"], default="table")
    c.add("--bieu06", metavar="FILE")

    c = _Command(sub, "run")
    target = c.parser.add_mutually_exclusive_group(required=True)
    for flag, kw in (("--unit", {"metavar": "CODE"}), ("--overview", {"action": "store_true"}),
                     ("--all-units", {"action": "store_true"})):
        target.add_argument(flag, help=lang.OPTIONS_VI[("run", flag)], **kw)
    c.add("--jobs", type=int, metavar="N")
    c.add("--catch-up", type=int, default=0, metavar="N")
    c.add("--period", required=True, metavar="P")
    c.add("--catalog", default=str(CATALOG_FILE))
    c.add("--data", default=str(PROCESSED_DIR))
    c.add("--reports", default=str(REPORTS_DIR))
    c.add("--report", default="ward")
    c.add("--as-of", metavar="YYYY-MM-DD")
    c.add("--skip-ingest", action="store_true")
    c.add("--kernel", default=KERNEL_NAME)
    c.add("--final", action="store_true")
    c.add("--pdf", action="store_true")

    c = _Command(sub, "spark")
    c.add("--dossiers", default=str(PROCESSED_DIR / "dossiers.parquet"), metavar="PATH")
    c.add("--procedure-catalogue", default=str(PROCESSED_DIR / "catalogue.parquet"),
          metavar="PATH", old=["--catalogue"])
    c.add("--calendar", metavar="FILE")
    c.add("--months", required=True, metavar="YYYY-MM..YYYY-MM")
    c.add("--unit", metavar="CODES", old=["--units"])
    c.add("--master", metavar="URL")
    c.add("--out", required=True, metavar="FILE")

    c = _Command(sub, "init")
    c.add("folder", metavar=lang.METAVAR_FOLDER_VI)

    c = _Command(sub, "nam-moi")
    c.add("year", type=int, metavar=lang.METAVAR_YEAR_VI)
    c.add("--data", default=str(PROCESSED_DIR))
    c.add("--out", metavar="FILE.xlsx")

    c = _Command(sub, "email")
    c.add("--unit", required=True, metavar="CODE")
    c.add("--period", required=True, metavar="P")
    c.add("--report", choices=[*sorted(REPORTS), "tasks"], default="ward")
    c.add("--as-of", metavar="YYYY-MM-DD")
    c.add("--to", nargs="+", metavar="ADDR")
    c.add("--recipients", default=RECIPIENTS_FILE)
    c.add("--reports", default=str(REPORTS_DIR))
    c.add("--data", default=str(PROCESSED_DIR))
    c.add("--smtp-config", metavar="FILE")
    c.add("--dry-run", nargs="?", const="", metavar="FILE.eml")
    c.add("--final", action="store_true")
    return parser


# --------------------------------------------------------------------------------------
# From what was typed to the stage's call
# --------------------------------------------------------------------------------------


def report_kinds(text: str) -> tuple[str, ...]:
    """``--report``: ``all``, or report names with commas, each one of the unit reports."""
    kinds = UNIT_REPORTS if text == "all" else tuple(
        k.strip() for k in text.split(",") if k.strip())
    unknown = [k for k in kinds if k not in UNIT_REPORTS]
    if unknown or not kinds:
        raise CchcError(lang.REPORT_UNKNOWN_VI.format(
            names=", ".join(unknown) or lang.REPORT_NONE_VI, kinds=", ".join(UNIT_REPORTS)))
    return kinds


def _request(a, units: Sequence[str] = (), reports: tuple[str, ...] = ("ward",)):
    """The run request of a ``run`` or ``email`` command, checked before anything runs."""
    from cchc_lib.core.request import run_request

    return run_request(a.period, tuple(units), reports=reports, as_of=a.as_of,
                       catalog=getattr(a, "catalog", CATALOG_FILE), data=a.data,
                       reports_dir=a.reports, ingest=not getattr(a, "skip_ingest", False),
                       kernel=getattr(a, "kernel", KERNEL_NAME), jobs=getattr(a, "jobs", None),
                       final=a.final, pdf=getattr(a, "pdf", False))


def _ingest(a) -> int:
    from cchc_lib.ingest.command import ingest_command

    return ingest_command(a.catalog, a.out, dossiers=a.dossiers, catalogue=a.procedure_catalogue,
                          units_file=a.units_file, unit=a.unit, strict=a.strict, full=a.full)


def _indicators(a) -> int:
    from cchc_lib.core.periods import parse_period
    from cchc_lib.reports.command import indicators_command

    return indicators_command(a.data, a.unit, parse_period(a.period), by_field=a.by_field,
                              output=a.format, bieu06=a.bieu06)


def _run(a) -> int:
    from cchc_lib.delivery import command

    request = _request(a, [] if a.unit is None else [a.unit], report_kinds(a.report))
    if a.catch_up and not a.all_units:
        raise CchcError(lang.CATCH_UP_ALL_UNITS_VI)
    if a.catch_up < 0:
        raise CchcError(lang.CATCH_UP_NEGATIVE_VI.format(n=a.catch_up))
    if a.all_units:
        return command.run_every_unit(request, a.catch_up)
    return command.run_reports(request, overview=a.overview)


def _spark(a) -> int:
    from cchc_lib.indicators.spark import months_command

    units = [u.strip() for u in a.unit.split(",") if u.strip()] if a.unit else None
    return months_command(a.months, a.out, dossiers=a.dossiers,
                          catalogue=a.procedure_catalogue, calendar=a.calendar, units=units,
                          master=a.master)


def _email(a) -> int:
    from cchc_lib.delivery.command import email_report

    return email_report(_request(a, [a.unit]), a.report, to=a.to, recipients=a.recipients,
                        dry_run=a.dry_run, smtp_config=a.smtp_config)


def _init(a) -> int:
    from cchc_lib.delivery.command import init_folder

    return init_folder(a.folder)


def _new_year(a) -> int:
    from cchc_lib.delivery.command import new_year_workbook

    return new_year_workbook(a.year, a.data, a.out)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": _ingest, "indicators": _indicators, "run": _run, "spark": _spark,
    "email": _email, "init": _init, "nam-moi": _new_year}
# commands that write data/processed or reports/: they run under the project lock (`spark`
# writes only the file it is given, and runs where there is no workbook: a cluster's driver)
WRITING_COMMANDS = {"ingest", "run", "email", "nam-moi"}


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: its exit code (argparse's own exits for --help, --version and a
    usage mistake pass through). UTF-8 output, Ctrl-C 130 and SIGTERM 143 with one line, a
    log entry per command (delivery/console.py); a reader that goes away
    (``cchc --version | head -1``) ends the output quietly."""
    from cchc_lib.delivery import console

    console.utf8_streams()
    try:
        with console.stops(process_entry=argv is None):
            try:
                args = build_parser().parse_args(argv)
                return _logged(args, list(sys.argv[1:] if argv is None else argv))
            except KeyboardInterrupt:  # a stop between the command's own steps
                print(lang.INTERRUPTED_VI, file=sys.stderr)
                return console.stopped()
            finally:
                sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # (what is left unflushed goes nowhere)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0


def _logged(args, argv: list[str]) -> int:
    """The command, its output recorded for the project's log; stdout silenced with
    --quiet, progress shown as lines with --verbose."""
    from cchc_lib.core.catalog import ROOT_ENV
    from cchc_lib.delivery import console

    if args.verbose:
        os.environ[console.VERBOSE_ENV] = "1"
    root = console.catalog_project(getattr(args, "catalog", None))
    if root is not None:  # for this command only
        os.environ[ROOT_ENV] = root
    code = 1
    try:
        with console.recorded(args.quiet) as (out, err):
            code = _dispatch(args)
        return code
    finally:
        os.environ.pop(console.VERBOSE_ENV, None)
        console.write_log(argv, code, out.lines, err.lines)
        if root is not None:
            os.environ.pop(ROOT_ENV, None)


def _dispatch(args) -> int:
    try:
        if args.command not in WRITING_COMMANDS:
            return COMMANDS[args.command](args)
        from cchc_lib.core.lock import project_lock

        with project_lock():  # one lock, then any write
            return COMMANDS[args.command](args)
    except CchcError as exc:
        print(lang.ERROR_VI.format(problem=exc), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        from cchc_lib.delivery.console import stopped

        print(lang.INTERRUPTED_VI, file=sys.stderr)
        return stopped()
    except OSError as exc:  # the machine said no: a user's or an administrator's matter
        print(lang.ERROR_VI.format(problem=os_problem_vi(exc)), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # no traceback for analysts; developers set CCHC_DEBUG=1
        from cchc_lib.delivery.console import asked, stopped

        if asked():  # a library's own word for the stop (DuckDB: "Query interrupted")
            print(lang.INTERRUPTED_VI, file=sys.stderr)
            return stopped()
        if os.environ.get("CCHC_DEBUG"):
            raise
        print(lang.UNEXPECTED_VI.format(kind=type(exc).__name__, problem=exc), file=sys.stderr)
        return 1


__all__ = ["COMMANDS", "WRITING_COMMANDS", "build_parser", "main", "report_kinds"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
