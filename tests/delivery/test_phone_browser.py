"""Every HTML report on a 390-px phone, in a real browser (headless Chromium with mobile
emulation, the network blocked): nothing wider than the screen, so no sideways scrolling, and no
table squeezed to a word a line. Screenshots at 390 and 1280 px are kept in tests/artifacts/."""

from __future__ import annotations

import subprocess
import sys

from browser import (
    ARTIFACTS,
    IMAGE_WIDTHS,
    NARROWEST_CELL,
    PHONE,
    READABLE_CELL,
    ROOT,
    WIDEST_RIGHT,
    headless,
)

from cchc_lib.reports import charts


def _run(*args: str) -> None:
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--period", "2022",
                          "--skip-ingest", "--data", "tests/.sample_processed", *args],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr


def test_every_report_fits_a_phone(tmp_path):
    reports = tmp_path / "r"
    _run("--unit", "SAMPLE-P2", "--report", "all", "--reports", str(reports))
    _run("--overview", "--reports", str(reports))
    pages = sorted((reports / "2022").glob("*/*.html"))
    assert [f"{p.parent.name}/{p.name}" for p in pages] == [
        "SAMPLE-P2/plan_progress.html", "SAMPLE-P2/scorecard.html", "SAMPLE-P2/ward_report.html",
        "overview/town_overview.html"]
    widest, narrowest, images = {}, {}, {}
    with headless(tmp_path / "profile") as tab:
        tab.call("Page.enable")
        for page in pages:
            for width in (PHONE, 1280):
                tab.show(page.as_uri(), width)
                if width == PHONE:
                    widest[page.name] = tab.value(WIDEST_RIGHT)
                    narrowest[page.name] = tab.value(NARROWEST_CELL)
                    images[page.name] = tab.value(IMAGE_WIDTHS)
                tab.screenshot(ARTIFACTS / f"{page.stem}_{width}.png")
    # without the page's narrow-screen rules the ward report measured 778 px, the plan 596
    assert all(w <= PHONE for w in widest.values()), widest
    assert all(n >= READABLE_CELL for n in narrowest.values()), narrowest
    # one chart per target, each shown wide enough for its text to be 11 px (charts.py)
    assert {k: len(v) for k, v in images.items() if v} == {"ward_report.html": 3,
                                                          "town_overview.html": 3}
    shown = [w for v in images.values() for w in v]
    assert all(charts.PHONE_PX <= w <= PHONE for w in shown), images
