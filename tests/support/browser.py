"""Chromium for the tests: the path comes from scripts/ensure_browser.py (run by `make test`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
