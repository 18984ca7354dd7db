"""Build the site and serve it on 127.0.0.1 for the tests."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(dest: Path, *, config: Path | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in a child process (hooks keep module state; a fresh process is honest)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(dest), "-f", str(config or ROOT / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a request it no longer needs (a page left mid-load) is not an error
        # of the site; anything else is still printed.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def built_pages(site_dir: Path) -> list[str]:
    """Every content page of the built site, as a path like 'om/personvern/' ('' for the home page)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages
