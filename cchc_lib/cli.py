"""``cchc``: the workbook's command line. Argument parsing only; the work is in the modules."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from cchc_lib.core.argparse_vi import EXIT_USER_ERROR, VersionAction, VietnameseParser
from cchc_lib.core.catalog import CATALOG_FILE, PROCESSED_DIR, REPORTS_DIR
from cchc_lib.core.errors import CchcError
from cchc_lib.core.paths import check_part
from cchc_lib.core.periods import PERIOD_FORMS
from cchc_lib.core.vi import os_problem_vi
from cchc_lib.reports.registry import REPORTS

EXIT_PARTIAL = 3  # a scheduled run where some units failed

DESCRIPTION = """\
Sổ tay Chỉ số CCHC: từ dữ liệu hồ sơ một cửa đến các chỉ tiêu của Chỉ số cải cách hành
chính, Biểu số 06/VPCP/KSTT, bảng điểm, báo cáo kế hoạch và báo cáo của phường, xã.

cách dùng thường gặp:
  cchc ingest                                  đọc data/catalog.yml -> data/processed/
  cchc indicators --unit SAMPLE-P2 --period 2022 --format json
  cchc run --unit SAMPLE-P2 --period 2022      lập báo cáo -> reports/2022/SAMPLE-P2/
  cchc run --unit SAMPLE-P2 --period 2022 --report plan   báo cáo kế hoạch (Word)
  cchc email --unit SAMPLE-P2 --period 2022 --dry-run     soạn thư (tệp .eml)
  cchc spark --months 2022-01..2022-12 --out thang.parquet  mọi đơn vị, trên Spark
"""


def _add_ingest(sub) -> None:
    p = sub.add_parser("ingest", help="nhập dữ liệu: đọc tệp xuất, bỏ dữ liệu cá nhân, ghi "
                       "bảng đã chuẩn hóa",
                       description="Đọc các tệp khai trong danh mục dữ liệu (hoặc các tệp chỉ ra ở "
                       "đây), bỏ các cột dữ liệu cá nhân, ghi các bảng đã chuẩn hóa (Parquet), "
                       "danh sách dòng bị cách ly kèm lý do và bảng tổng hợp.")
    p.add_argument("--catalog", default=str(CATALOG_FILE),
                   help="danh mục dữ liệu, YAML (mặc định: %(default)s)")
    p.add_argument("--dossiers", nargs="+", metavar="FILE",
                   help="tệp xuất hồ sơ (CSV/XLSX) đọc thay cho tệp trong danh mục")
    p.add_argument("--unit-code", metavar="CODE",
                   help="mã đơn vị của các tệp --dossiers khi tệp không có cột đơn vị")
    p.add_argument("--catalogue", metavar="FILE",
                   help="danh mục TTHC dùng thay cho tệp trong danh mục dữ liệu")
    p.add_argument("--units", metavar="FILE",
                   help="tệp danh sách đơn vị dùng thay cho tệp trong danh mục dữ liệu")
    p.add_argument("--out", default=str(PROCESSED_DIR),
                   help="thư mục ghi kết quả (mặc định: %(default)s)")
    p.add_argument("--full", action="store_true",
                   help="đọc lại mọi tệp, kể cả tệp không đổi từ lần nhập trước (mặc định: "
                   "chỉ đọc tệp mới hoặc đã đổi, kết quả các tệp khác lấy từ data/cache/)")
    p.add_argument("--strict", action="store_true",
                   help="cho lần chạy tự động: dừng với mã 2, không ghi gì, khi có cảnh báo: một "
                   "giá trị không đọc được làm cách ly từ 1 %% số dòng của một tệp (hoặc 20 "
                   "dòng), một cột có tiêu đề nhắc đến hẹn, bổ sung, xin lỗi… không được đọc")


def _add_indicators(sub) -> None:
    p = sub.add_parser("indicators", help="tính các chỉ tiêu của một đơn vị (hoặc nhiều đơn "
                       "vị) trong một kỳ",
                       description="Ba chỉ tiêu của kế hoạch (kèm mục tiêu), các chỉ số 766 ước "
                       "tính, trách nhiệm xin lỗi và Biểu 06 theo lĩnh vực, từ dữ liệu đã chuẩn "
                       "hóa.")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="thư mục dữ liệu đã chuẩn hóa (mặc định: %(default)s)")
    p.add_argument("--unit", required=True, metavar="CODE",
                   help="mã đơn vị, ví dụ SAMPLE-P2; nhiều mã cách nhau bằng dấu phẩy, hoặc "
                   "'all' cho mọi đơn vị, được cộng gộp thành một nhóm")
    p.add_argument("--period", required=True, metavar="P", help=f"kỳ báo cáo: {PERIOD_FORMS}")
    p.add_argument("--by-field", action="store_true",
                   help="thêm các chỉ tiêu của kế hoạch và chỉ số 766 theo từng lĩnh vực")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="định dạng kết quả (mặc định: %(default)s)")
    p.add_argument("--bieu06", metavar="FILE",
                   help="ghi thêm Biểu số 06/VPCP/KSTT để nộp (.xlsx hoặc .csv)")


def _add_run(sub) -> None:
    p = sub.add_parser("run", help="lập báo cáo: chạy các sổ tính (papermill), ghi HTML, "
                       "Biểu 06 và văn bản",
                       description="Nhập dữ liệu rồi lập các báo cáo của đơn vị vào "
                       "reports/<kỳ>/<mã đơn vị>/: bản HTML để đọc và gửi, Biểu 06 (XLSX, CSV), "
                       "báo cáo kế hoạch (Word) với --report plan; hoặc, với --overview, bảng "
                       "tổng hợp mọi đơn vị vào reports/<kỳ>/overview/.")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--unit", metavar="CODE", help="mã đơn vị, ví dụ SAMPLE-P2")
    target.add_argument("--overview", action="store_true",
                        help="bảng tổng hợp cấp thị xã: mọi đơn vị, có xếp hạng")
    target.add_argument("--all-units", action="store_true",
                        help="mọi đơn vị trong dữ liệu, chạy song song (cho lịch chạy tự động): "
                        "một đơn vị lỗi không làm dừng các đơn vị khác; mã thoát 3 nếu có lỗi")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="--all-units: số đơn vị chạy cùng lúc (mặc định: mỗi nhân CPU một đơn vị)")
    p.add_argument("--period", required=True, metavar="P", help=f"kỳ báo cáo: {PERIOD_FORMS}")
    p.add_argument("--catalog", default=str(CATALOG_FILE),
                   help="danh mục dữ liệu (mặc định: %(default)s)")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="thư mục dữ liệu đã chuẩn hóa (mặc định: %(default)s)")
    p.add_argument("--reports", default=str(REPORTS_DIR),
                   help="thư mục báo cáo (mặc định: %(default)s)")
    p.add_argument("--report", default="ward",
                   help="báo cáo nào, cách nhau bằng dấu phẩy: ward (báo cáo chỉ số), "
                   "scorecard (bảng điểm), plan (báo cáo kế hoạch), hoặc all "
                   "(mặc định: %(default)s)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="báo cáo kế hoạch: tính đến ngày nào (mặc định: cuối kỳ hoặc ngày cuối "
                   "cùng có số liệu)")
    p.add_argument("--skip-ingest", action="store_true",
                   help="dùng dữ liệu đã chuẩn hóa sẵn, không nhập lại")
    p.add_argument("--kernel", default="cchc", help="tên kernel Jupyter (mặc định: %(default)s)")


def _add_spark(sub) -> None:
    p = sub.add_parser("spark", help="mọi chỉ tiêu của mọi đơn vị theo tháng, tính trên Apache "
                       "Spark (cấp tỉnh, cấp quốc gia)",
                       description="Cùng các truy vấn của bộ tính chỉ tiêu, chạy trên Apache "
                       "Spark: mọi chỉ tiêu (Biểu 06, kế hoạch, 766, xin lỗi) của mọi đơn vị "
                       "theo từng tháng, đọc Parquet đã chuẩn hóa ngay nơi lưu (thư mục "
                       "year=/unit_group=, hdfs://, s3a://). Cần gói tùy chọn [spark] và Java "
                       "17 trở lên. Xem docs/spark.md.")
    p.add_argument("--dossiers", default=str(PROCESSED_DIR / "dossiers.parquet"), metavar="PATH",
                   help="hồ sơ đã chuẩn hóa: tệp, thư mục hoặc mẫu Parquet (mặc định: "
                   "%(default)s)")
    p.add_argument("--catalogue", default=str(PROCESSED_DIR / "catalogue.parquet"),
                   metavar="PATH", help="danh mục TTHC đã chuẩn hóa (mặc định: %(default)s)")
    p.add_argument("--calendar", metavar="FILE",
                   help="lịch làm việc đã chuẩn hóa (calendar.parquet); nếu không: lịch nghỉ lễ "
                   "quốc gia")
    p.add_argument("--months", required=True, metavar="YYYY-MM..YYYY-MM",
                   help="các tháng cần tính, ví dụ 2021-01..2022-12")
    p.add_argument("--units", metavar="CODES", help="chỉ các mã đơn vị này, cách nhau bằng dấu "
                   "phẩy (mặc định: mọi đơn vị có hồ sơ)")
    p.add_argument("--master", metavar="URL", help="cụm Spark, ví dụ spark://host:7077, yarn, "
                   "local[4] (mặc định: của spark-submit, hoặc mọi nhân máy này)")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="tệp kết quả, .parquet hoặc .csv (một dòng mỗi đơn vị × tháng)")


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="cchc", description=DESCRIPTION)
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH",
                                parser_class=VietnameseParser)
    _add_ingest(sub)
    _add_indicators(sub)
    _add_run(sub)
    _add_spark(sub)
    p = sub.add_parser("init", help="tạo một thư mục sổ tay mới (dữ liệu mẫu, danh mục dữ "
                       "liệu, mẫu bộ tiêu chí, README)", description="Tạo thư mục sổ tay sẵn "
                       "dùng cho đơn vị đã cài gói bằng pip (không cần bản dự án): "
                       "data/catalog.yml trỏ tới data/raw/, dữ liệu mẫu cho mỗi loại tệp đầu "
                       "vào, mẫu bộ tiêu chí chấm điểm, README.md hướng dẫn.")
    p.add_argument("folder", metavar="THƯ_MỤC", help="thư mục mới hoặc trống")
    p = sub.add_parser("email", help="gửi báo cáo qua thư điện tử (hoặc ghi tệp .eml)",
                       description="Soạn thư từ báo cáo đã lập (chạy `cchc run` trước): "
                       "nội dung báo cáo đọc được trên điện thoại, biểu đồ kèm trong thư, "
                       "phần tóm tắt dạng văn bản, các văn bản cần nộp đính kèm; gửi qua "
                       "SMTP. Cấu hình: "
                       "CCHC_SMTP_HOST, CCHC_SMTP_PORT, CCHC_SMTP_SECURITY (starttls|ssl|none), "
                       "CCHC_SMTP_USER, CCHC_SMTP_FROM, CCHC_SMTP_CAFILE; mật khẩu chỉ đặt ở "
                       "biến môi trường CCHC_SMTP_PASSWORD.")
    p.add_argument("--unit", required=True, metavar="CODE",
                   help="mã đơn vị, ví dụ SAMPLE-P2 (với --report overview: đơn vị nhận thư)")
    p.add_argument("--period", required=True, metavar="P", help=f"kỳ báo cáo: {PERIOD_FORMS}")
    p.add_argument("--report", choices=[*sorted(REPORTS), "tasks"], default="ward",
                   help="gửi báo cáo nào; tasks: nhắc việc từng người chủ trì các nhiệm vụ "
                   "quá hạn, có nguy cơ, chưa cập nhật hoặc sắp đến hạn (mặc định: "
                   "%(default)s)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="--report tasks: tính đến ngày nào (mặc định: cuối kỳ hoặc ngày cuối "
                   "cùng có số liệu)")
    p.add_argument("--to", nargs="+", metavar="ADDR",
                   help="địa chỉ người nhận (nếu không, lấy từ tệp danh sách người nhận)")
    p.add_argument("--recipients", default="data/recipients.yml",
                   help="danh sách người nhận theo đơn vị, YAML (mặc định: %(default)s)")
    p.add_argument("--reports", default=str(REPORTS_DIR),
                   help="thư mục báo cáo (mặc định: %(default)s)")
    p.add_argument("--data", default=str(PROCESSED_DIR),
                   help="thư mục dữ liệu đã chuẩn hóa, để kiểm tra kỳ có số liệu (mặc định: "
                   "%(default)s)")
    p.add_argument("--smtp-config", metavar="FILE",
                   help="tệp INI có mục [smtp], để ngoài thư mục dự án")
    p.add_argument("--dry-run", nargs="?", const="", metavar="FILE.eml",
                   help="ghi thư ra tệp thay vì gửi (mặc định: cạnh báo cáo)")
    return parser


# --------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------


def cmd_init(args) -> int:
    from cchc_lib.delivery.init import init_workbook

    written = init_workbook(args.folder)
    print(f"đã tạo thư mục sổ tay {Path(args.folder).resolve()} ({len(written)} tệp). Tiếp "
          f"theo:\n  cd {args.folder}\n  cchc ingest\n  cchc run --unit SAMPLE-P2 --period "
          "2022\nĐọc README.md trong thư mục để thay dữ liệu mẫu bằng dữ liệu của đơn vị.")
    return 0


def cmd_ingest(args) -> int:
    from cchc_lib.ingest.pipeline import run
    from cchc_lib.ingest.result import alerts_text, summary_text

    result = run(args.catalog, args.out, dossiers=args.dossiers, catalogue=args.catalogue,
                 units=args.units, unit_code=args.unit_code, strict=args.strict,
                 full=args.full)
    if result.stops_strict:
        print(alerts_text(result), file=sys.stderr)
        if args.strict:
            print("cchc: lỗi: --strict: không ghi dữ liệu nào; hãy ghi các giá trị và cột trên "
                  "trong danh mục dữ liệu (value_map, columns) hoặc sửa tệp xuất",
                  file=sys.stderr)
            return EXIT_USER_ERROR
    print(summary_text(result), end="")
    print(f"đã ghi vào {args.out}")
    return 0


def cmd_indicators(args) -> int:
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.periods import parse_period
    from cchc_lib.indicators.results import indicators_for, records, units_of
    from cchc_lib.ingest.store import read_processed
    from cchc_lib.reports.forms import write_unit_form
    from cchc_lib.reports.render import indicators_text

    period = parse_period(args.period)
    tables = read_processed(resolve(args.data))
    units = units_of(tables, args.unit)
    if args.bieu06 and len(units) > 1:
        raise CchcError("--bieu06: Biểu 06 được lập cho từng đơn vị một")
    result = indicators_for(tables, units, period, by_field=args.by_field)
    if args.bieu06:
        from cchc_lib.core.provenance import stamp

        written = write_unit_form(tables, units[0], period, args.bieu06,
                                  stamp=stamp(resolve(args.data)))
        print(f"đã ghi Biểu 06 vào {written}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(records(result), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        from cchc_lib.core.sheets import csv_text

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
        raise CchcError(f"--report: không có báo cáo {', '.join(unknown) or '(trống)'}; chọn "
                        f"trong {', '.join(REPORT_KINDS)} hoặc all")
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
    print(f"đã lập báo cáo {len(outcomes) - len(failed) - len(empty)}/{len(outcomes)} đơn vị "
          f"cho kỳ {period}; báo cáo trong {args.reports}/{period}/")
    for o in empty:
        print(f"KHÔNG CÓ SỐ LIỆU {o.unit_code}: {o.message} (không lập báo cáo)")
    for o in failed:
        print(f"LỖI {o.unit_code}: {o.message} (nhật ký: {o.log})")
    return EXIT_PARTIAL if failed else 0


def cmd_spark(args) -> int:
    from cchc_lib.indicators import spark

    first, sep, last = args.months.partition("..")
    if not sep or not all(re.fullmatch(r"\d{4}-\d{2}", m) for m in (first, last)) \
            or first > last:
        raise CchcError(f"--months: '{args.months}' không đúng dạng YYYY-MM..YYYY-MM")
    tables = {"dossiers": args.dossiers, "catalogue": args.catalogue}
    if args.calendar:  # a damaged file: one line saying to run ingest again
        from cchc_lib.ingest.store import read_table

        tables["calendar"] = read_table(Path(args.calendar), "calendar")
    units = [u.strip() for u in args.units.split(",") if u.strip()] if args.units else None
    if Path(args.dossiers).is_file():  # on this disk: its shape and span checked by DuckDB
        from cchc_lib.indicators.figures import data_span_of, months_in_data  # before the JVM

        months_in_data(first, last, data_span_of(args.dossiers))
    session = spark.session(args.master)
    try:
        result = spark.monthly(session, tables, first, last, units)
    finally:
        session.stop()
    written = spark.write(result, args.out)  # (first, the months left out after the data)
    print(*[n for n in [result.attrs.get("note")] if n], f"đã tính {result.unit_code.nunique()} "
          f"đơn vị × {result.period.nunique()} tháng ({len(result)} dòng) vào {written}", sep="\n")
    return 0


def cmd_email(args) -> int:
    from cchc_lib.core.catalog import resolve
    from cchc_lib.core.formats import integer
    from cchc_lib.core.periods import parse_period
    from cchc_lib.delivery.mail import build_message, prepare, recipients, send, smtp_settings

    check_part(args.unit, "mã đơn vị")
    period = parse_period(args.period).label
    if args.report == "tasks":
        return _email_reminders(args, period)
    to = args.to or recipients(resolve(args.recipients), args.unit)
    ready = prepare(args.report, args.unit, period, args.data, args.reports)
    body = ready.body
    if args.dry_run is not None:
        sender = os.environ.get("CCHC_SMTP_FROM", "cchc@localhost")
        target = Path(args.dry_run) if args.dry_run else ready.folder / f"{ready.stem}.eml"
        target.write_bytes(bytes(build_message(body, sender, to)))
        print(f"đã ghi thư vào {target} ({integer(len(body.html.encode()))} byte HTML, "
              f"{len(body.images)} biểu đồ, {len(body.attachments)} tệp đính kèm)")
        return 0
    settings = smtp_settings(args.smtp_config)
    send(build_message(body, settings.sender, to), settings)
    print(f"đã gửi tới {', '.join(to)} qua {settings.host}:{settings.port}")
    return 0


def _email_reminders(args, period: str) -> int:
    from cchc_lib.core.catalog import resolve
    from cchc_lib.delivery.mail import send, smtp_settings
    from cchc_lib.delivery.reminders import write_or_send

    settings = None if args.dry_run is not None else smtp_settings(args.smtp_config)
    sender = settings.sender if settings else os.environ.get("CCHC_SMTP_FROM", "cchc@localhost")
    done = write_or_send(args.unit, period, data_dir=args.data, reports_dir=args.reports,
                         book_path=resolve(args.recipients), as_of=args.as_of,
                         dry_run=args.dry_run, sender=sender,
                         send=lambda message: send(message, settings))
    if not done:
        print("không có nhiệm vụ nào cần nhắc")
    for r, path in done:
        if not r.to:
            print(f"chưa có địa chỉ của {r.lead} ({r.tasks} nhiệm vụ): thêm vào mục officers:")
        elif path is not None:
            print(f"đã ghi thư nhắc việc cho {r.lead} ({r.tasks} nhiệm vụ) vào {path}")
        else:
            print(f"đã gửi thư nhắc việc cho {r.lead} ({r.tasks} nhiệm vụ) tới "
                  f"{', '.join(r.to)}")
    return 0


# commands that write data/processed or reports/: they run under the project lock (`spark`
# writes only the file it is given, and runs where there is no workbook: a cluster's driver)
WRITING_COMMANDS = {"ingest", "run", "email"}
COMMANDS = {"ingest": cmd_ingest, "indicators": cmd_indicators, "run": cmd_run,
            "spark": cmd_spark, "email": cmd_email, "init": cmd_init}


def _root_from_catalog(args) -> str | None:
    """The project folder of a command given a data catalog outside any workbook folder: the
    catalog's folder (the parent of its ``data/``), for relative paths and the lock; None when
    the project is found as usual."""
    from cchc_lib.core.catalog import ROOT_ENV, project_root

    given = getattr(args, "catalog", None)
    if given is None or os.environ.get(ROOT_ENV):
        return None
    try:
        project_root()
    except CchcError:
        if Path(given).is_file():
            folder = Path(given).resolve().parent
            return str(folder.parent if folder.name == "data" else folder)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = _root_from_catalog(args)
    if root is not None:  # for this command only
        from cchc_lib.core.catalog import ROOT_ENV

        os.environ[ROOT_ENV] = root
    try:
        return _run(args)
    finally:
        if root is not None:
            os.environ.pop(ROOT_ENV, None)


def _run(args) -> int:
    try:
        if args.command not in WRITING_COMMANDS:
            return COMMANDS[args.command](args)
        from cchc_lib.core.lock import project_lock

        with project_lock():  # one lock, then any write
            return COMMANDS[args.command](args)
    except CchcError as exc:
        print(f"cchc: lỗi: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("cchc: đã dừng theo yêu cầu", file=sys.stderr)
        return 130
    except OSError as exc:  # the machine said no: a user's or an administrator's matter
        print(f"cchc: lỗi: {os_problem_vi(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # no traceback for analysts; developers set CCHC_DEBUG=1
        if os.environ.get("CCHC_DEBUG"):
            raise
        print(f"cchc: lỗi ngoài dự kiến: {type(exc).__name__}: {exc}\n"
              "(đây là lỗi của phần mềm; chạy lại với CCHC_DEBUG=1 để xem chi tiết và báo "
              "cho người phát triển)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
