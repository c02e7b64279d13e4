"""The email's HTML in a real browser: headless Chromium (Debian's package, installed by
`make setup` when missing) driven over the DevTools protocol with the network blocked. Every
image must load and nothing may be fetched; the screenshot is kept in tests/artifacts/."""

from __future__ import annotations

import base64
import email
import subprocess
import sys
from email import policy

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


def as_mail_client_shows_it(raw: bytes) -> str:
    """The HTML part with each cid: replaced by its image part, as a mail client does."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    html = msg.get_body(("html",)).get_content()
    for part in msg.walk():
        if part.get_content_type() == "image/png":
            cid = part["Content-ID"].strip("<>")
            data = base64.b64encode(part.get_content()).decode()
            html = html.replace(f"cid:{cid}", f"data:image/png;base64,{data}")
    return html


def test_email_renders_with_every_chart_and_no_request(tmp_path):
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--skip-ingest", "--data",
                          "tests/.sample_processed", "--reports", str(tmp_path / "r")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    eml = tmp_path / "m.eml"
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "email", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--reports", str(tmp_path / "r"), "--to",
                          "a@example.vn", "--dry-run", str(eml)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    page = tmp_path / "email.html"
    page.write_text(as_mail_client_shows_it(eml.read_bytes()), encoding="utf-8")

    with headless(tmp_path / "profile", "--disable-quic") as tab:
        tab.call("Network.enable")
        tab.call("Page.enable")
        for width in (PHONE, 600):
            tab.show(page.as_uri(), width)
            images = tab.value("Array.from(document.images).map(i => [i.complete, i.naturalWidth])")
            assert images and all(done and w > 0 for done, w in images), images
            # the mail layout holds without media queries (mail clients drop them): nothing
            # wider than the screen, no table squeezed (Biểu 06 as a table: 23-px cells at 390)
            assert tab.value(WIDEST_RIGHT) <= width
            assert tab.value(NARROWEST_CELL) >= READABLE_CELL
            # three charts, shown wide enough for 11-px text (charts.py) and no wider than 480
            shown = tab.value(IMAGE_WIDTHS)
            assert len(shown) == 3
            assert all(charts.PHONE_PX <= w <= min(width, charts.SHOWN_PX) for w in shown)
            height = tab.value("document.body.scrollHeight")
            tab.call("Emulation.setDeviceMetricsOverride", width=width,
                     height=min(height, 8000), deviceScaleFactor=1, mobile=True)
            tab.screenshot(ARTIFACTS / f"email_{width}.png")
        requested = [e["params"]["request"]["url"] for e in tab.events
                     if e.get("method") == "Network.requestWillBeSent"]
        assert requested, "the browser should at least have loaded the page"
        outside = [u for u in requested if not u.startswith(("file:", "data:"))]
        assert outside == []
