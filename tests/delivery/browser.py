"""Headless Chromium (Debian's package, installed by `make setup` when missing) driven over the
DevTools protocol, with the network blocked: the one launcher the browser tests share."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PHONE = 390
# the right edge of the widest thing on the page: more than the screen means sideways scrolling
WIDEST_RIGHT = """
Math.max(document.documentElement.scrollWidth,
         ...Array.from(document.querySelectorAll('body *'))
            .map(e => Math.ceil(e.getBoundingClientRect().right)))
"""
# the narrowest table cell with text that is shown: a table squeezed into a phone puts one word,
# or one letter, a line
NARROWEST_CELL = """
Math.min(9999, ...Array.from(document.querySelectorAll('td, th'))
  .filter(e => e.textContent.trim() && e.getBoundingClientRect().width > 0)
  .map(e => Math.floor(e.getBoundingClientRect().width)))
"""
# how wide each chart is shown: charts.py draws text for at least charts.PHONE_PX on a phone
IMAGE_WIDTHS = "Array.from(document.images).map(i => i.getBoundingClientRect().width)"
READABLE_CELL = 60  # px: a short Vietnamese word and a number fit on a line
ARTIFACTS = ROOT / "tests/artifacts"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        from tests.conftest import missing_program

        missing_program("Chromium", "apt-get install chromium")
    return path


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

    def value(self, expression: str):
        """What a JavaScript expression evaluates to in the page."""
        return self.call("Runtime.evaluate", returnByValue=True,
                         expression=expression)["result"]["value"]

    def show(self, url: str, width: int, height: int = 844) -> None:
        """Load a page on a screen ``width`` px wide (a phone's, with mobile emulation, below
        800 px) and wait until it has loaded."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 800)
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        assert self.value("window.innerWidth") == width  # the screen measured is the one asked

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot",
                                                    format="png")["data"]))

    def wait_for(self, event: str, seconds: float = 30) -> None:
        end = time.time() + seconds
        while time.time() < end:
            if any(e.get("method") == event for e in self.events):
                return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(event)


@contextmanager
def headless(profile: Path, *extra: str) -> Iterator[Tab]:
    """A headless Chromium with nothing reachable but local files; yields its first tab."""
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    browser = subprocess.Popen([
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
        "--remote-allow-origins=*", "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND", *extra, "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        pages = []
        for _ in range(100):
            try:
                pages = [t for t in json.load(urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list")) if t.get("type") == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        yield Tab(pages[0]["webSocketDebuggerUrl"])
    finally:
        browser.terminate()
        browser.wait(timeout=30)
