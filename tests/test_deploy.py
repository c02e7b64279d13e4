"""The scheduling examples under deploy/ (systemd, Windows Task Scheduler, cron): each starts
the same command, which the command line accepts as written, and each runs a missed start:
systemd's timer with Persistent=true, Task Scheduler with StartWhenAvailable, cron (which
cannot) through --catch-up. Their files are read as those programs read them (an INI-like
unit, the Task Scheduler XML schema's elements); the programs themselves are not here."""

from __future__ import annotations

import configparser
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from cchc_lib.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys keep their case
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def _accepted(command: list[str]) -> None:
    """The command line parses as `cchc` would parse it, with a catch-up and quiet."""
    assert Path(command[0]).name in ("cchc", "cchc.exe")
    args = build_parser().parse_args(command[1:])
    assert args.all_units and args.period == "last-month" and args.catch_up == 2 and args.quiet


def test_systemd_timer_runs_a_missed_start_and_the_service_runs_cchc():
    timer = _unit(DEPLOY / "systemd" / "cchc-monthly.timer")
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["OnCalendar"] == "*-*-01 02:00:00"
    service = _unit(DEPLOY / "systemd" / "cchc-monthly.service")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["KillSignal"] == "SIGTERM"  # exit 143, cleanly
    assert "3" in service["Service"]["SuccessExitStatus"].split()
    assert "CCHC_SMTP_PASSWORD=" not in (DEPLOY / "systemd" / "cchc-monthly.service"
                                         ).read_text(encoding="utf-8")  # never in the file
    _accepted(shlex.split(service["Service"]["ExecStart"]))


def test_task_scheduler_starts_when_available_and_runs_cchc():
    task = ET.parse(DEPLOY / "windows" / "cchc-monthly.xml").getroot()
    settings = task.find("t:Settings", TASK_NS)
    assert settings.findtext("t:StartWhenAvailable", namespaces=TASK_NS) == "true"
    assert settings.findtext("t:MultipleInstancesPolicy", namespaces=TASK_NS) == "IgnoreNew"
    days = task.findall(".//t:ScheduleByMonth/t:DaysOfMonth/t:Day", TASK_NS)
    assert [d.text for d in days] == ["1"]
    assert len(task.find(".//t:ScheduleByMonth/t:Months", TASK_NS)) == 12
    exe = task.find(".//t:Exec", TASK_NS)
    command = [exe.findtext("t:Command", namespaces=TASK_NS).replace("\\", "/"),
               *shlex.split(exe.findtext("t:Arguments", namespaces=TASK_NS))]
    _accepted(command)


def test_cron_line_catches_up():
    lines = [ln for ln in (DEPLOY / "cron" / "crontab").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#") and "=" not in ln.split()[0]]
    (line,) = lines
    fields = line.split(None, 5)
    assert fields[:5] == ["0", "2", "1", "*", "*"]
    command = shlex.split(fields[5].split("&&", 1)[1])
    _accepted(command)
