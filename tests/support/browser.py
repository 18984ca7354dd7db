"""Chromium for the tests (the path comes from scripts/ensure_browser.py, run by `make test`), and
the guard every browser test's pages stand on: no request to another host, no console error."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]

# Flags for a closed network and for running as root (see DESIGN.md).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("GUIDE_CHROMIUM")
    if path:
        return path
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "ensure_browser.py")], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    return result.stdout.strip()


class GuardedContext:
    """A browser context whose pages record console errors, uncaught exceptions and every request to
    a host other than the local server (blocked); `check()` fails the test if any was recorded.
    Hosts in `allowed` get a small neutral stub page instead. With `empty_scripts`, every .js file is
    served empty: the page as without JavaScript, for axe (which needs a script engine)."""

    def __init__(self, browser, base_url, *, allowed=(), empty_scripts=False, **options):
        self.local = urlparse(base_url).netloc
        self.allowed = set(allowed)
        self.empty_scripts = empty_scripts
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.context = browser.new_context(service_workers="block", **options)
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob", "about", "file") or url.netloc == self.local:  # file: the offline copy, opened from disk
            if self.empty_scripts and url.path.endswith(".js"):
                return route.fulfill(status=200, content_type="text/javascript", body="")
            return route.continue_()
        if url.hostname in self.allowed:
            return route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Neutral</title><p>Neutral site")
        self.foreign_requests.append(route.request.url)
        return route.abort()

    def new_page(self):
        page = self.context.new_page()

        def on_console(msg):
            if msg.type == "error":
                self.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        return page

    def check(self) -> None:
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
