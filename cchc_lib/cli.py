"""``cchc``: the workbook's command line. Argument parsing only; the work is in the modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cchc_lib.core.catalog import CATALOG_FILE, PROCESSED_DIR, REPORTS_DIR
from cchc_lib.core.errors import CchcError
from cchc_lib.core.paths import check_part
from cchc_lib.core.periods import PERIOD_FORMS
from cchc_lib.core.sheets import csv_text
from cchc_lib.core.vi import OS_HINTS_VI
from cchc_lib.reports.registry import REPORTS

EXIT_USER_ERROR = 2
EXIT_PARTIAL = 3  # a scheduled run where some units failed

DESCRIPTION = """\
CCHC workbook: one-stop dossier exports -> indicators of the PAR index (Chỉ số CCHC),
report form Biểu 06 and the ward report.

typical use:
  cchc ingest                                  read data/catalog.yml -> data/processed/
  cchc indicators --unit SAMPLE-P2 --period 2022 --format json
  cchc run --unit SAMPLE-P2 --period 2022      notebooks -> reports/2022/SAMPLE-P2/
"""


def _add_ingest(sub) -> None:
    p = sub.add_parser("ingest", help="read raw exports into clean Parquet",
                       description="Read the sources named by the data catalog (or the files "
                       "given here), drop personal data, write canonical Parquet tables, the "
                       "quarantine of rejected rows with reasons, and a summary.")
    p.add_argument("--catalog", default=str(CATALOG_FILE),
                   help="data catalog YAML (default: %(default)s)")
    p.add_argument("--dossiers", nargs="+", metavar="FILE",
                   help="dossier exports (CSV/XLSX) to read instead of the catalog's")
    p.add_argument("--unit-code", metavar="CODE",
                   help="unit of the --dossiers files when they have no unit column")
    p.add_argument("--catalogue", metavar="FILE",
                   help="procedure catalogue instead of the catalog's")
    p.add_argument("--units", metavar="FILE", help="units file instead of the catalog's")
    p.add_argument("--out", default=str(PROCESSED_DIR),
                   help="output folder (default: %(default)s)")
    p.add_argument("--strict", action="store_true",
                   help="for unattended runs: exit with status 2, writing nothing, when one "
                   "unrecognised value sets aside at least 1 %% of a file's rows (or 20 rows)")


def _add_indicators(sub) -> None:
    p = sub.add_parser("indicators", help="compute the indicators of one unit and period",
                       description="The plan's three indicators (with targets) and the Biểu 06 "
                       "rows per field plus total, from processed data.")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="processed data folder (default: %(default)s)")
    p.add_argument("--unit", required=True, metavar="CODE",
                   help="unit code, e.g. SAMPLE-P2; several separated by commas, or 'all', "
                   "are pooled into one set")
    p.add_argument("--period", required=True, metavar="P", help=f"period: {PERIOD_FORMS}")
    p.add_argument("--by-field", action="store_true",
                   help="also give the plan's and the 766 indicators per field (lĩnh vực)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="output format (default: %(default)s)")
    p.add_argument("--bieu06", metavar="FILE",
                   help="also write Biểu số 06/VPCP/KSTT ready to file (.xlsx or .csv)")


def _add_run(sub) -> None:
    p = sub.add_parser("run", help="execute the notebooks with papermill and write the report",
                       description="Ingest (notebooks/ingest.ipynb) then the ward report "
                       "(notebooks/ward_report.ipynb) through papermill, into "
                       "reports/<period>/<unit>/, with an HTML copy without code and Biểu 06 "
                       "as XLSX and CSV; or, with --overview, the town overview of every unit "
                       "(notebooks/town_overview.ipynb) into reports/<period>/overview/.")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--unit", metavar="CODE", help="unit code, e.g. SAMPLE-P2")
    target.add_argument("--overview", action="store_true",
                        help="the town overview: all units side by side, ranked")
    target.add_argument("--all-units", action="store_true",
                        help="every unit of the data, in parallel (for cron): a failing unit "
                        "does not stop the others; exit status 3 if any failed")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="--all-units: units run at once (default: one per core)")
    p.add_argument("--period", required=True, metavar="P", help=f"period: {PERIOD_FORMS}")
    p.add_argument("--catalog", default=str(CATALOG_FILE),
                   help="data catalog (default: %(default)s)")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="processed data folder (default: %(default)s)")
    p.add_argument("--reports", default=str(REPORTS_DIR),
                   help="reports folder (default: %(default)s)")
    p.add_argument("--report", default="ward",
                   help="which unit reports, comma separated: ward, scorecard, plan, or all "
                   "(default: %(default)s)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="plan report: the day it reports on (default: the period's end or the "
                   "last day of data)")
    p.add_argument("--skip-ingest", action="store_true",
                   help="use the processed data as it is, do not ingest again")
    p.add_argument("--kernel", default="cchc", help="Jupyter kernel name (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_ingest(sub)
    _add_indicators(sub)
    _add_run(sub)
    p = sub.add_parser("email", help="send a unit's ward report by email (or write the .eml)",
                       description="Build an email from reports/<period>/<unit>/ward_report.ipynb "
                       "(run `cchc run` first): inlined styles, charts as cid: images, a "
                       "plain-text summary; send it over SMTP. Settings: CCHC_SMTP_HOST, "
                       "CCHC_SMTP_PORT, CCHC_SMTP_SECURITY (starttls|ssl|none), "
                       "CCHC_SMTP_USER, CCHC_SMTP_FROM, CCHC_SMTP_CAFILE, and the password in "
                       "CCHC_SMTP_PASSWORD (environment only).")
    p.add_argument("--unit", required=True, metavar="CODE",
                   help="unit code, e.g. SAMPLE-P2 (with --report overview: who receives it)")
    p.add_argument("--period", required=True, metavar="P", help=f"period: {PERIOD_FORMS}")
    p.add_argument("--report", choices=sorted(REPORTS), default="ward",
                   help="which executed report to send (default: %(default)s)")
    p.add_argument("--to", nargs="+", metavar="ADDR", help="recipients (else the recipients file)")
    p.add_argument("--recipients", default="data/recipients.yml",
                   help="recipients per unit, YAML (default: %(default)s)")
    p.add_argument("--reports", default=str(REPORTS_DIR),
                   help="reports folder (default: %(default)s)")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="processed data folder, to check the period has data (default: "
                   "%(default)s)")
    p.add_argument("--smtp-config", metavar="FILE",
                   help="INI file with an [smtp] section, kept outside the repository")
    p.add_argument("--dry-run", nargs="?", const="", metavar="FILE.eml",
                   help="write the message instead of sending it (default: beside the report)")
    return parser


# --------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------


def cmd_ingest(args) -> int:
    from cchc_lib.ingest.pipeline import run
    from cchc_lib.ingest.result import alerts_text, summary_text

    result = run(args.catalog, args.out, dossiers=args.dossiers, catalogue=args.catalogue,
                 units=args.units, unit_code=args.unit_code, strict=args.strict)
    if result.alerts:
        print(alerts_text(result), file=sys.stderr)
        if args.strict:
            print("cchc: lỗi: --strict: không ghi dữ liệu nào; hãy ghim các giá trị trên trong "
                  "danh mục dữ liệu hoặc sửa tệp xuất", file=sys.stderr)
            return EXIT_USER_ERROR
    print(summary_text(result), end="")
    print(f"đã ghi vào {args.out}")
    return 0


def cmd_indicators(args) -> int:
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.periods import parse_period
    from cchc_lib.core.sheets import json_records
    from cchc_lib.indicators.results import indicators_for, units_of
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.reports.forms import write_unit_form
    from cchc_lib.reports.render import indicators_text

    period = parse_period(args.period)
    tables = read_processed(resolve(args.data))
    units = units_of(tables, args.unit)
    if args.bieu06 and len(units) > 1:
        raise CchcError("--bieu06 is written for one unit at a time")
    result = indicators_for(tables, units, period, by_field=args.by_field)
    if args.bieu06:
        written = write_unit_form(tables, units[0], period, args.bieu06)
        print(f"Biểu 06 written to {written}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(json_records(result), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(csv_text(result), end="")
    else:
        print(indicators_text(result))
    return 0


def cmd_run(args) -> int:
    from tqdm import tqdm

    from cchc_lib.core.periods import parse_period
    from cchc_lib.delivery.runs import REPORT_KINDS, run_overview, run_unit

    period = parse_period(args.period).label
    kinds = REPORT_KINDS if args.report == "all" else tuple(
        k.strip() for k in args.report.split(",") if k.strip())
    unknown = [k for k in kinds if k not in REPORT_KINDS]
    if unknown or not kinds:
        raise CchcError(f"--report: unknown report {', '.join(unknown) or '(none)'}; choose "
                        f"from {', '.join(REPORT_KINDS)} or all")
    check_part(period, "kỳ")
    if args.unit is not None:  # refused before anything is ingested or written
        check_part(args.unit, "mã đơn vị")
    if args.all_units:
        return _run_all_units(args, period, kinds)
    steps = (1 if args.overview else len(kinds)) + (0 if args.skip_ingest else 1)
    what = "overview" if args.overview else args.unit
    with tqdm(total=steps, desc=f"{what} {period}", unit="bước", file=sys.stderr,
              disable=None) as bar:
        done = -1

        def progress(step: str) -> None:  # called as each step starts
            nonlocal done
            done += 1
            bar.update(done - bar.n)
            bar.set_postfix_str(step)

        options = dict(catalog=args.catalog, data_dir=args.data, reports_dir=args.reports,
                       ingest=not args.skip_ingest, kernel=args.kernel, progress=progress)
        run = (run_overview(period, **options) if args.overview
               else run_unit(args.unit, period, reports=kinds, as_of=args.as_of, **options))
        bar.update(steps - bar.n)
    _say_alerts(args)
    for f in run.files:
        print(f)
    return 0


def _say_alerts(args) -> None:
    """After an ingest inside a run (cron mails stderr), the alerts it raised, first."""
    if args.skip_ingest:
        return
    from cchc_lib.core.catalog import resolve
    from cchc_lib.ingest.store import last_alerts

    text = last_alerts(resolve(args.data))
    if text:
        print(text, file=sys.stderr, end="")


def _run_all_units(args, period: str, kinds: tuple[str, ...]) -> int:
    from tqdm import tqdm

    from cchc_lib.delivery.schedule import run_all_units, units_to_run

    units = units_to_run(args.catalog, args.data, ingest=not args.skip_ingest)
    _say_alerts(args)
    with tqdm(total=len(units), desc=f"{period}", unit="đơn vị", file=sys.stderr,
              disable=None) as bar:
        outcomes = run_all_units(period, units, catalog=args.catalog, data_dir=args.data,
                                 reports_dir=args.reports, ingest=False, kernel=args.kernel,
                                 reports=kinds, as_of=args.as_of, jobs=args.jobs,
                                 on_done=lambda o: (bar.update(1), bar.set_postfix_str(
                                     o.unit_code + ("" if o.ok else " FAILED"))))
    failed = [o for o in outcomes if not o.ok]
    empty = [o for o in outcomes if o.no_data]
    print(f"{len(outcomes) - len(failed) - len(empty)} of {len(outcomes)} units done for "
          f"{period}; reports in {args.reports}/{period}/")
    for o in empty:
        print(f"KHÔNG CÓ SỐ LIỆU {o.unit_code}: {o.message} (không lập báo cáo)")
    for o in failed:
        print(f"FAILED {o.unit_code}: {o.message} (log: {o.log})")
    return EXIT_PARTIAL if failed else 0


def cmd_email(args) -> int:
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.periods import parse_period
    from cchc_lib.delivery.mail import build_message, prepare, recipients, send, smtp_settings

    check_part(args.unit, "mã đơn vị")
    period = parse_period(args.period).label
    to = args.to or recipients(resolve(args.recipients), args.unit)
    ready = prepare(args.report, args.unit, period, args.data, args.reports)
    body = ready.body
    if args.dry_run is not None:
        sender = os.environ.get("CCHC_SMTP_FROM", "cchc@localhost")
        target = Path(args.dry_run) if args.dry_run else ready.folder / f"{ready.stem}.eml"
        target.write_bytes(bytes(build_message(body, sender, to)))
        print(f"message written to {target} ({len(body.html.encode()):,} bytes of HTML, "
              f"{len(body.images)} chart(s))")
        return 0
    settings = smtp_settings(args.smtp_config)
    send(build_message(body, settings.sender, to), settings)
    print(f"sent to {', '.join(to)} through {settings.host}:{settings.port}")
    return 0


# commands that write data/processed or reports/: they run under the project lock
WRITING_COMMANDS = {"ingest", "run", "email"}
COMMANDS = {"ingest": cmd_ingest, "indicators": cmd_indicators, "run": cmd_run,
            "email": cmd_email}




def os_problem_vi(exc: OSError) -> str:
    """An operating-system refusal as one line naming the file and what to do."""
    where = exc.filename or ""
    hint = OS_HINTS_VI.get(exc.errno, exc.strerror or type(exc).__name__)
    return f"{where}: {hint}" if where else hint


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command not in WRITING_COMMANDS:
            return COMMANDS[args.command](args)
        from cchc_lib.core.lock import project_lock

        with project_lock():  # one lock, then any write
            return COMMANDS[args.command](args)
    except CchcError as exc:
        print(f"cchc: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("cchc: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # the machine said no: a user's or an administrator's matter
        print(f"cchc: error: {os_problem_vi(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # no traceback for analysts; developers set CCHC_DEBUG=1
        if os.environ.get("CCHC_DEBUG"):
            raise
        print(f"cchc: unexpected error: {type(exc).__name__}: {exc}\n"
              "(this is a bug in the workbook; run again with CCHC_DEBUG=1 for details)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
