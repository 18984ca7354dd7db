"""Find (or install) a Chromium for the browser tests and print its path.

Order: $GUIDE_CHROMIUM; Playwright's own Chromium if installed; a system Chromium already on the
machine; `playwright install chromium`; on Debian as root, `apt-get install chromium`. If none
works, exit 1 with a message that says how to get one. Never skips quietly.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises its own errors when no browser is bundled
        return None
    return path if path and Path(path).exists() else None


def system_chromium() -> str | None:
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run(cmd: list[str], timeout: int) -> bool:
    print(f"ensure_browser: running {' '.join(cmd)}", file=sys.stderr)
    try:
        return subprocess.run(cmd, timeout=timeout, stdout=sys.stderr, stderr=sys.stderr).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def main() -> int:
    given = os.environ.get("GUIDE_CHROMIUM")
    if given:
        if Path(given).exists():
            print(given)
            return 0
        print(f"GUIDE_CHROMIUM is set to {given}, which does not exist.", file=sys.stderr)
        return 1
    found = playwright_chromium() or system_chromium()
    if not found and run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=180):
        found = playwright_chromium()
    if not found and os.geteuid() == 0 and Path("/etc/debian_version").exists():
        if run(["apt-get", "update", "-qq"], timeout=300) and run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], timeout=900
        ):
            found = system_chromium()
    if found:
        print(found)
        return 0
    print(
        "No Chromium for the browser tests. Install one of: `python -m playwright install chromium`,\n"
        "your system's Chromium package (Debian: `sudo apt-get install chromium`), or set\n"
        "GUIDE_CHROMIUM=/path/to/chromium. The browser tests are never skipped.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
