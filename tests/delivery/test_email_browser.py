"""The email's HTML in a real browser: headless Chromium (Debian's package, installed by
`make setup` when missing) driven over the DevTools protocol with the network blocked. Every
image must load and nothing may be fetched; the screenshot is kept in tests/artifacts/."""

from __future__ import annotations

import base64
import email
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from email import policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests/artifacts"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is missing: `make setup` installs Debian's chromium package "
                    "(apt-get install chromium)")
    return path


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


class Tab:
    def __init__(self, url: str):
        import websocket

        self.ws = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str, seconds: float = 30) -> None:
        end = time.time() + seconds
        while time.time() < end:
            if any(e.get("method") == event for e in self.events):
                return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(event)


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

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    browser = subprocess.Popen([
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        f"--remote-debugging-port={port}", "--remote-allow-origins=*",
        "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--window-size=420,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        tab = Tab(pages[0]["webSocketDebuggerUrl"])
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
    finally:
        browser.terminate()
        browser.wait(timeout=30)
