"""The run's outputs on paper: each report page (HTML) printed to PDF by headless Chromium,
each Word document (DOCX) by headless LibreOffice, the PDF beside its source under the same
name (``ward_report.html`` -> ``ward_report.pdf``), for ``cchc run --pdf``.

Both programs are found on ``PATH`` and, on Windows, in the folders their installers use
(Chrome, Chromium or Edge, which every Windows 10 and 11 has; LibreOffice). Each conversion
runs with a private, temporary profile (so a browser or an office suite the user has open is
neither used nor disturbed), without network for Chromium (the pages are self-contained,
images inline), and under a time limit, after which the program and what it started are
stopped. A PDF is printed into the temporary folder, then written in place atomically
(:func:`cchc_lib.delivery.notebooks.atomic_write`): a failed conversion never leaves half a
PDF. :func:`write_pdfs` writes into the reports folder, so it is called under the command's
project lock (:mod:`cchc_lib.core.lock`), as ``cchc run`` holds it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import pdf as lang
from cchc_lib.delivery.notebooks import atomic_write

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_NAMES_WINDOWS = ("chrome", "msedge")  # on PATH, as chrome.exe or msedge.exe
SOFFICE_NAMES = ("soffice", "libreoffice")
# Windows: the folders the installers use, named by these environment variables (per machine,
# 64 and 32 bits, then per user) ...
WINDOWS_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")
# ... and the program under each, in order of preference (glob patterns)
CHROMIUM_WINDOWS = (("Google", "Chrome", "Application", "chrome.exe"),
                    ("Chromium", "Application", "chrome.exe"),
                    ("Microsoft", "Edge", "Application", "msedge.exe"))
SOFFICE_WINDOWS = (("LibreOffice", "program", "soffice.exe"),
                   ("LibreOffice *", "program", "soffice.exe"))  # older: "LibreOffice 5"
CHROMIUM_MACOS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                  "/Applications/Chromium.app/Contents/MacOS/Chromium",
                  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
SOFFICE_MACOS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
CHROMIUM_SECONDS = 60.0  # a report page prints in about a second
SOFFICE_SECONDS = 120.0  # LibreOffice's first start with a new profile takes a few seconds
# nothing reachable but the page itself: no name resolves, anything else goes to a closed port
NO_NETWORK = ("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
              "--proxy-bypass-list=<-loopback>")
# what the programs say that is not about the file (a container without D-Bus or Java)
NOISE = ("dbus", "javaldx", "unexpected operator")


# ------------------------------------------------------------------------------------------
# Finding the programs
# ------------------------------------------------------------------------------------------

def find_chromium() -> str | None:
    """Chromium, Google Chrome or (on Windows) Microsoft Edge: the path of its program, or
    None when none is installed."""
    names = CHROMIUM_NAMES + (CHROMIUM_NAMES_WINDOWS if os.name == "nt" else ())
    return _find(names, CHROMIUM_WINDOWS, CHROMIUM_MACOS)


def find_soffice() -> str | None:
    """LibreOffice's ``soffice``: the path of the program, or None when it is not installed."""
    return _find(SOFFICE_NAMES, SOFFICE_WINDOWS, SOFFICE_MACOS)


def _find(names: tuple[str, ...], windows: tuple[tuple[str, ...], ...],
          macos: tuple[str, ...]) -> str | None:
    """The first of ``names`` on PATH, else the first install folder holding the program.
    Paths are strings here (``os.path``), so the Windows branch can be tried on any system."""
    for name in names:
        if found := shutil.which(name):
            return found
    if os.name == "nt":
        roots = dict.fromkeys(r for v in WINDOWS_ROOTS if (r := os.environ.get(v, "").strip()))
        candidates = [hit for parts in windows for root in roots
                      for hit in sorted(glob.glob(os.path.join(glob.escape(root), *parts)))]
    elif sys.platform == "darwin":
        candidates = list(macos)
    else:
        candidates = []
    return next((c for c in candidates if os.path.isfile(c)), None)


# ------------------------------------------------------------------------------------------
# Converting one file
# ------------------------------------------------------------------------------------------

def html_to_pdf(html: Path, pdf: Path, chromium: str,
                seconds: float = CHROMIUM_SECONDS) -> Path:
    """Print a report page to ``pdf`` with headless Chromium: the page's print stylesheet
    decides the paper (A4, its margins), without the header and footer a browser adds (the
    date, the file's address); raises :class:`CchcError` naming the page when no PDF came."""
    source = _existing(html)
    with _scratch() as scratch:
        out = scratch / "page.pdf"
        run = _run([chromium, "--headless", "--disable-gpu", *_sandbox(), "--no-first-run",
                    "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-default-apps", "--mute-audio",
                    f"--user-data-dir={scratch / 'profile'}", *NO_NETWORK,
                    "--no-pdf-header-footer", "--print-to-pdf-no-header",  # new, older
                    f"--print-to-pdf={out}", source.as_uri()], "Chromium", html, seconds)
        return _deliver(out, pdf, "Chromium", html, run)


def docx_to_pdf(docx: Path, pdf: Path, soffice: str, seconds: float = SOFFICE_SECONDS) -> Path:
    """Print a Word document to ``pdf`` with headless LibreOffice (its own page size and
    margins); raises :class:`CchcError` naming the document when no PDF came."""
    source = _existing(docx)
    if not zipfile.is_zipfile(source):  # LibreOffice would print its bytes as plain text
        raise _failed(docx, lang.NOT_A_DOCX_VI)
    with _scratch() as scratch:
        outdir = scratch / "out"
        run = _run([soffice, "--headless", "--norestore", "--nolockcheck",
                    f"-env:UserInstallation={(scratch / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
                   "LibreOffice", docx, seconds)
        return _deliver(outdir / f"{source.stem}.pdf", pdf, "LibreOffice", docx, run)


def _existing(path: Path) -> Path:
    if not Path(path).is_file():
        raise _failed(path, lang.NOT_A_FILE_VI)
    return Path(path).resolve()


def _failed(source: Path, problem: object) -> CchcError:
    return CchcError(lang.PDF_FAILED_VI.format(file=source, problem=problem))


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    """A private folder for the program's profile and its PDF, removed after (on Windows a
    file a stopped program still holds is left to the system's cleaning)."""
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-", ignore_cleanup_errors=True) as folder:
        yield Path(folder)


def _sandbox() -> list[str]:
    """Chromium will not start its sandbox as root (a container, a server's cron job): off
    then, and only then."""
    geteuid = getattr(os, "geteuid", None)
    return ["--no-sandbox"] if os.name == "posix" and geteuid and geteuid() == 0 else []


def _run(args: list[str], program: str, source: Path,
         seconds: float) -> subprocess.CompletedProcess[str]:
    """Run a program to its end, at most ``seconds``; past that (or on Ctrl-C) it is stopped
    with every process it started."""
    windows = os.name == "nt"
    flags = (getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
             | getattr(subprocess, "CREATE_NO_WINDOW", 0)) if windows else 0
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                errors="replace", start_new_session=not windows,
                                creationflags=flags)
    except OSError as exc:
        raise _failed(source, lang.PROGRAM_NOT_STARTED_VI.format(
            program=program, error=exc.strerror or exc)) from None
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise _failed(source, lang.PROGRAM_TIMED_OUT_VI.format(
            program=program, seconds=seconds)) from None
    except BaseException:
        _stop(proc)
        raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _stop(proc: subprocess.Popen) -> None:
    """Stop a program and its children (Chromium's renderers, LibreOffice's soffice.bin)."""
    if sys.platform == "win32":  # (sys.platform, not os.name: mypy checks each branch)
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the whole group
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)


def _deliver(out: Path, pdf: Path, program: str, source: Path,
             run: subprocess.CompletedProcess[str]) -> Path:
    """The printed PDF written in place atomically, or the program's own words on why not
    (both programs can end with status 0 having written nothing)."""
    try:
        printed = out.is_file() and out.read_bytes()[:5] == b"%PDF-"
    except OSError:
        printed = False
    if not printed:
        raise _failed(source, lang.NO_PDF_WRITTEN_VI.format(program=program,
                                                            detail=_detail(run)))
    atomic_write(Path(pdf), lambda tmp: shutil.copyfile(out, tmp))
    return Path(pdf)


def _detail(run: subprocess.CompletedProcess[str]) -> str:
    """The last line a program said about an error (its log prefix cut), else its last line,
    else its exit status."""
    lines = [re.sub(r"^\[[^\]]*\]\s*", "", line).strip()
             for line in f"{run.stdout or ''}\n{run.stderr or ''}".splitlines()]
    lines = [line for line in lines if line and not any(n in line.lower() for n in NOISE)]
    errors = [line for line in lines if re.search(r"error|fail", line, re.IGNORECASE)]
    said = errors or lines
    return said[-1][:200] if said else lang.EXIT_CODE_VI.format(code=run.returncode)


# ------------------------------------------------------------------------------------------
# A run's files
# ------------------------------------------------------------------------------------------

class _Printer(NamedTuple):
    find: Callable[[], str | None]
    convert: Callable[[Path, Path, str], Path]
    missing_vi: str  # said once when ``find`` finds nothing; {count} files left unprinted


PRINTERS = {".html": _Printer(find_chromium, html_to_pdf, lang.NO_CHROMIUM_VI),
            ".docx": _Printer(find_soffice, docx_to_pdf, lang.NO_SOFFICE_VI)}


@dataclass(frozen=True)
class PdfResult:
    """What :func:`write_pdfs` did: the PDFs written, and one Vietnamese line per program not
    found and per file not printed (for the user, no traceback)."""

    written: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()


def write_pdfs(files: Iterable[Path]) -> PdfResult:
    """The PDF of each page (``.html``) and Word document (``.docx``) among ``files``, beside
    it under the same name; other files are left alone. A file that fails is said and the
    others are printed all the same; a missing program is said once."""
    files = [Path(f) for f in files]
    kinds = {f.suffix.lower() for f in files}
    programs = {suffix: printer.find() for suffix, printer in PRINTERS.items()
                if suffix in kinds}
    problems = [PRINTERS[suffix].missing_vi.format(
        count=sum(f.suffix.lower() == suffix for f in files))
        for suffix, program in programs.items() if program is None]
    written: list[Path] = []
    printed_from: dict[Path, Path] = {}  # a PDF -> the file it was printed from
    for source in files:
        program = programs.get(source.suffix.lower())
        if program is None:
            continue
        pdf = source.with_suffix(".pdf")
        if pdf in printed_from:  # page.html and page.docx: one page.pdf, never overwritten
            problems.append(str(_failed(source, lang.PDF_NAME_TAKEN_VI.format(
                pdf=pdf.name, other=printed_from[pdf].name))))
            continue
        printed_from[pdf] = source
        try:
            written.append(PRINTERS[source.suffix.lower()].convert(source, pdf, program))
        except CchcError as exc:
            problems.append(str(exc))
        except OSError as exc:  # the PDF could not be written there (rights, a full disk)
            problems.append(str(_failed(source, exc.strerror or exc)))
    return PdfResult(tuple(written), tuple(problems))


__all__ = [
    "CHROMIUM_SECONDS", "PRINTERS", "SOFFICE_SECONDS", "PdfResult", "docx_to_pdf",
    "find_chromium", "find_soffice", "html_to_pdf", "write_pdfs",
]
