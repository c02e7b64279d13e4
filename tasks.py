"""The project's tasks on any platform, with nothing but Python 3.11+ (no make, no bash):

    python tasks.py report [--unit SAMPLE-P2] [--period 2022]   set up, then the sample's reports
    python tasks.py test                                         set up, then the whole test suite
    python tasks.py setup | lab | lock | sample | golden | lint | typecheck | clean

On Windows (PowerShell): ``py -3.11 tasks.py report`` and ``py -3.11 tasks.py test``. The
Makefile's targets call this script, so ``make report`` and ``make test`` do the same.

Setting up makes ``.venv`` with exactly the tested versions (``requirements.lock`` constrains
every package pip installs) and registers the project's Jupyter kernel. ``test`` also needs
three programs from outside Python for a few tests (Java for Spark, Chromium for the browser
tests, LibreOffice for the print test): on Debian as root they are installed with apt-get;
elsewhere a missing one is said loudly and its tests are skipped (CI, ``CCHC_CI=1``, never
skips them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"


def venv_paths(windows: bool) -> tuple[Path, Path]:
    """The environment's programs folder and its python, as each platform lays them out."""
    folder = VENV / ("Scripts" if windows else "bin")
    return folder, folder / ("python.exe" if windows else "python")


BIN, PY = venv_paths(WINDOWS)
STAMP = VENV / ".installed"
PIP = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", "requirements.lock"]
KERNEL = ["-m", "ipykernel", "install", "--sys-prefix", "--name", "cchc", "--display-name",
          "CCHC workbook (Python 3.11)"]
# program -> (names to look for, Debian package, what needs it)
PROGRAMS = {"Java": (("java",), "default-jre-headless", "the Spark test"),
            "Chromium": (("chromium", "chromium-browser"), "chromium", "the browser tests"),
            "LibreOffice": (("soffice", "libreoffice"), "libreoffice-writer-nogui",
                            "the print test of the Word report")}


def run(*args: object, python: bool = True) -> None:
    """Run a command of the project's environment (``python=False``: a program as given);
    stop with its exit code when it fails."""
    cmd = [str(PY), *map(str, args)] if python else list(map(str, args))
    done = subprocess.run(cmd, cwd=ROOT)
    if done.returncode:
        sys.exit(done.returncode)


def _stale(stamp: Path) -> bool:
    newest = max((ROOT / f).stat().st_mtime for f in ("pyproject.toml", "requirements.lock"))
    return not stamp.exists() or stamp.stat().st_mtime < newest


def setup(extras: str = "dev") -> None:
    """``.venv`` with the locked versions and the package's ``extras``; redone when
    pyproject.toml or requirements.lock changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever python the user has
        sys.exit(f"Python 3.11 or newer is needed, found {sys.version.split()[0]}: "
                 "run this script with python3.11 (Windows: py -3.11 tasks.py …)")
    if not PY.exists():
        print(f"Setting up {VENV.name} with Python {sys.version.split()[0]}…", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        except subprocess.CalledProcessError:
            sys.exit(f"could not create {VENV}: on Debian/Ubuntu install python3-venv")
    stamp = STAMP if extras == "dev" else VENV / f".{extras.replace(',', '-')}-installed"
    if _stale(STAMP) or _stale(stamp):
        run(*PIP, "-e", f".[{extras}]")
        subprocess.run([str(PY), *KERNEL], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        STAMP.touch()
        stamp.touch()


def program(name: str) -> None:
    """A program some tests need: there, installed (Debian, as root), or said missing."""
    names, package, needed_by = PROGRAMS[name]
    if any(shutil.which(n) for n in names):
        return
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if shutil.which("apt-get") and root:
        print(f"Installing {name} (Debian package {package}) for {needed_by}…", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", package]):
            if subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env).returncode:
                sys.exit(f"could not install {package}")
        return
    if os.environ.get("CCHC_CI") == "1":
        sys.exit(f"{name} is missing and cannot be installed here")
    bar = "!" * 80
    print(f"\n{bar}\n!! {name} is missing and this user cannot install it: {needed_by} will be "
          f"SKIPPED.\n!! On Debian, as root: apt-get install {package}. CI always runs "
          f"them.\n{bar}\n", flush=True)


def lint() -> None:
    setup()
    run(BIN / ("ruff.exe" if WINDOWS else "ruff"), "check", "cchc_lib", "tests", "tools",
        "benchmarks", "tasks.py", python=False)


def typecheck() -> None:
    setup()
    run(BIN / ("mypy.exe" if WINDOWS else "mypy"), python=False)


def report(unit: str, period: str) -> None:
    setup()
    run("-m", "cchc_lib", "run", "--unit", unit, "--period", period, "--report", "all", "--pdf")


def test() -> None:
    """Lint, type check, then the whole suite (notebooks by nbval included) over the
    machine's cores, at most 4; a test module runs whole in one process."""
    setup("dev,spark")
    for name in PROGRAMS:
        program(name)
    lint()
    typecheck()
    run("-m", "pytest", "--numprocesses", "auto", "--maxprocesses", "4", "--dist", "loadfile")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Các việc của dự án, chạy được trên mọi máy chỉ với Python 3.11 (không cần "
                    "make): report lập báo cáo mẫu, test chạy toàn bộ kiểm thử. Windows: "
                    "py -3.11 tasks.py report",
        epilog="setup: tạo .venv đúng các phiên bản đã kiểm thử; lab: JupyterLab; lock: ghi lại "
               "requirements.lock; sample, golden: dữ liệu mẫu và sổ tay chuẩn; lint, "
               "typecheck: kiểm tra mã; clean: xóa .venv", add_help=False)
    parser._positionals.title, parser._optionals.title = "việc cần làm", "tùy chọn"
    parser.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")
    parser.add_argument("task", metavar="VIỆC",
                        choices=["setup", "report", "test", "lab", "lock", "sample", "golden",
                                 "lint", "typecheck", "clean"],
                        help="một trong: %(choices)s")
    parser.add_argument("--unit", default=os.environ.get("UNIT", "SAMPLE-P2"),
                        help="mã đơn vị của báo cáo (mặc định: %(default)s)")
    parser.add_argument("--period", default=os.environ.get("PERIOD", "2022"),
                        help="kỳ báo cáo (mặc định: %(default)s)")
    a = parser.parse_args(argv)
    tasks = {
        "setup": setup,
        "report": lambda: report(a.unit, a.period),
        "test": test,
        "lab": lambda: (setup("dev,lab"), run("-m", "jupyterlab", "notebooks/")),
        "lock": lambda: (setup(), run("tools/lock.py")),
        "sample": lambda: (setup(), run("tools/sample.py", "--out", "data/raw/sample")),
        "golden": lambda: (setup(), run("tools/golden.py")),
        "lint": lint,
        "typecheck": typecheck,
        "clean": clean,
    }
    tasks[a.task]()


def clean() -> None:
    for path in (VENV, ROOT / "tests/.sample_processed", ROOT / ".pytest_cache"):
        shutil.rmtree(path, ignore_errors=True)

if __name__ == "__main__":
    main()
