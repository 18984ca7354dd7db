"""The offline copy: a build of the whole guide that works opened from disk (file://), search included.

Plain Python (no mkdocs import). With GUIDE_OFFLINE=1 the hook
  * in on_config: turns off directory URLs (so links end in .html and work from disk) and adds the
    iframe-worker shim to Material's polyfills (`config.extra.polyfills`; Material's search runs in a
    Web Worker, which browsers refuse to start from file://; the shim runs it in a hidden iframe);
  * in the outer on_post_build: copies the shim into the site and writes search/search_index.js
    (and <locale>/search/search_index.js) as `var __index = {...}`, which Material's bundle loads
    instead of search_index.json when `location.protocol` is `file:`.

The shim comes from the npm package iframe-worker (MIT), pinned in tools/offline/package-lock.json
and installed with `npm ci` there; it is never copied into the normal site and never loaded from
a third-party host. scripts/offline_archive.py builds the offline copy and zips it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Mapping

ENV = "GUIDE_OFFLINE"
SHIM_SOURCE = Path("tools") / "offline" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"  # site-relative, in the offline build only


def offline_requested(environ: Mapping[str, str] | None = None) -> bool:
    return (os.environ if environ is None else environ).get(ENV, "") == "1"


def shim_source(root: Path) -> Path | None:
    """The installed shim, or None when `npm ci` has not been run in tools/offline."""
    path = root / SHIM_SOURCE
    return path if path.is_file() else None


def finish_offline_build(site_dir: Path, root: Path, locales: list[str]) -> list[Path]:
    """Copy the shim into the site and write search_index.js next to each (split) search_index.json."""
    written = []
    source = shim_source(root)
    if source is None:
        raise FileNotFoundError(f"{SHIM_SOURCE} is missing: run `npm ci` in tools/offline (make build does)")
    target = site_dir / SHIM_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    written.append(target)
    for prefix in ["", *[f"{loc}/" for loc in locales]]:
        index = site_dir / prefix / "search" / "search_index.json"
        if index.is_file():
            script = index.with_name("search_index.js")
            script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(script)
    return written
