"""The email's HTML in a real browser: headless Chromium (Debian's package, installed by
`make setup` when missing) driven over the DevTools protocol with the network blocked. Every
image must load and nothing may be fetched; the screenshot is kept in tests/artifacts/."""

from __future__ import annotations

import base64
import email
import subprocess
import sys
from email import policy

from browser import ARTIFACTS, ROOT, headless


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

    with headless(tmp_path / "profile", "--disable-quic", "--window-size=420,900") as tab:
        tab.call("Network.enable")
        tab.call("Page.enable")
        tab.call("Page.navigate", url=page.as_uri())
        tab.wait_for("Page.loadEventFired")
        images = tab.call("Runtime.evaluate", returnByValue=True, expression=(
            "Array.from(document.images).map(i => [i.complete, i.naturalWidth])"))
        loaded = images["result"]["value"]
        assert loaded and all(done and width > 0 for done, width in loaded), loaded
        height = tab.call("Runtime.evaluate", returnByValue=True,
                          expression="document.body.scrollHeight")["result"]["value"]
        tab.call("Emulation.setDeviceMetricsOverride", width=420, height=min(height, 8000),
                 deviceScaleFactor=1, mobile=True)
        shot = tab.call("Page.captureScreenshot", format="png")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "email_phone.png").write_bytes(base64.b64decode(shot["data"]))
        requested = [e["params"]["request"]["url"] for e in tab.events
                     if e.get("method") == "Network.requestWillBeSent"]
        assert requested, "the browser should at least have loaded the page"
        outside = [u for u in requested if not u.startswith(("file:", "data:"))]
        assert outside == []
