"""The report on paper and on a wide screen, in a real browser (headless Chromium over the
DevTools protocol): no figure broken across lines at 1 280 px or printed on A4, charts within
the page, and the printed PDF's pages counted and kept in tests/artifacts/."""

from __future__ import annotations

import base64
import re
import subprocess
import sys

from browser import ARTIFACTS, ROOT, headless

# the figures (counts, shares, fractions) whose text runs over more than one line
BROKEN_FIGURES = r"""
Array.from(document.querySelectorAll('td.cchc-num')).filter(td => {
  const range = document.createRange();
  range.selectNodeContents(td);
  const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
  return tops.size > 1;
}).map(td => td.textContent.trim())
"""
FIGURE_CELLS = "document.querySelectorAll('td.cchc-num').length"
WIDEST_IMAGE = "Math.max(...Array.from(document.images).map(i => i.getBoundingClientRect().right))"
A4_CSS_PX = 794  # 210 mm at 96 px per inch


def test_figures_stay_whole_on_a_wide_screen_and_on_a4(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--skip-ingest", "--data",
                          "tests/.sample_processed", "--reports", str(tmp_path / "r")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = tmp_path / "r" / "2022" / "SAMPLE-P2" / "ward_report.html"
    with headless(tmp_path / "profile") as tab:
        tab.call("Page.enable")
        tab.show(page.as_uri(), 1280)
        assert tab.value(FIGURE_CELLS) > 50  # Biểu 06, the plan, the 766 estimates
        assert tab.value(BROKEN_FIGURES) == []
        tab.call("Emulation.setEmulatedMedia", media="print")
        tab.show(page.as_uri(), A4_CSS_PX)
        tab.call("Emulation.setEmulatedMedia", media="print")
        assert tab.value(BROKEN_FIGURES) == []
        assert tab.value(WIDEST_IMAGE) <= A4_CSS_PX
        pdf = base64.b64decode(tab.call("Page.printToPDF", preferCSSPageSize=True,
                                        printBackground=False)["data"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "ward_report_a4.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 12, pages
