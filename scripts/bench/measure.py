"""Build a project in a child process and measure it; serve a built site; run Lighthouse."""
from __future__ import annotations

import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from .budgets import LIGHTHOUSE_CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def build(project: Path, config: str, site_dir: Path, *, env: dict | None = None) -> dict:
    """`python -m mkdocs build --strict` in a child process: wall and CPU seconds, peak memory."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    child_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", **(env or {}))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / config), "-d", str(site_dir)]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=child_env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own resource use, not all children's
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"the strict build of {project / config} failed:\n{stderr[-3000:]}")
    return {
        "wall_seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
    }


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it (as GitHub Pages and most hosts do)."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash form
            path = index
        if not (path.endswith(self.COMPRESS) and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_cli() -> Path | None:
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    return cli if cli.is_file() else None


def chromium() -> str | None:
    for candidate in (os.environ.get("GUIDE_CHROMIUM"), os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def missing_tools() -> str:
    """What Lighthouse needs and the benchmark cannot find ('' when nothing is missing)."""
    missing = [what for what, found in (("node", shutil.which("node")), ("Lighthouse (tools/lighthouse/node_modules)", lighthouse_cli()),
                                        ("a Chromium", chromium())) if not found]
    if not missing:
        return ""
    return (f"{' and '.join(missing)} not found — run `make bench`, which runs `npm ci` in tools/lighthouse and installs a "
            "Chromium (scripts/ensure_browser.py), or set GUIDE_CHROMIUM to a Chromium; --no-lighthouse skips Lighthouse")


def lighthouse(url: str, out_json: Path) -> dict:
    """Lighthouse (mobile, the default form factor) on one URL: the four category scores (0-100)."""
    missing = missing_tools()
    if missing:
        raise RuntimeError(missing)
    cli, chrome = lighthouse_cli(), chromium()
    cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out_json}",
           f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", "--form-factor=mobile",
           "--disable-full-page-screenshot", f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=30000"]
    proc = subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=chrome), capture_output=True, text=True, timeout=240)
    if proc.returncode != 0 or not out_json.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}: {proc.stderr[-2000:]}")
    report = json.loads(out_json.read_text(encoding="utf-8"))
    scores = {k: (None if report["categories"][k]["score"] is None else round(report["categories"][k]["score"] * 100)) for k in LIGHTHOUSE_CATEGORIES}
    failed = []
    for cat in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{cat}: {ref['id']} ({audit.get('displayValue') or audit.get('title')})")
    requests = [r["url"] for r in report["audits"].get("network-requests", {}).get("details", {}).get("items", [])]
    # Lighthouse times the host's CPU before each run (benchmarkIndex) and warns below 1,000: its
    # simulated phone is then slower than intended, and the performance score lower.
    index = (report.get("environment") or {}).get("benchmarkIndex")
    return {"scores": scores, "failed_audits": failed, "requests": requests,
            "version": report.get("lighthouseVersion"), "benchmark_index": round(index) if index else None,
            "paint_after_load_ms": paint_after_load_ms(report)}


def paint_after_load_ms(report: dict) -> int | None:
    """How long after its load event the browser first painted the page, as observed (not
    simulated); 0 when it painted before. A page paints long before its load event ends; a page
    with nothing left to load and still not painted points at a busy host. Lighthouse's simulated
    phone then counts every task of the load as work before the largest paint, and the run scores
    lower (README, Performance, has the runs that showed it)."""
    items = (((report.get("audits") or {}).get("metrics") or {}).get("details") or {}).get("items") or [{}]
    paint, load = items[0].get("observedFirstPaint"), items[0].get("observedLoad")
    if paint is None or load is None:
        return None
    return max(0, round(paint - load))


LIGHTHOUSE_RUNS = 5  # Lighthouse's variability guide: the median of five runs about halves the run-to-run spread


def median_of_runs(runs: list[dict]) -> dict:
    """One page's result from several Lighthouse runs: the median score in each category, the
    failed audits of the run whose performance score is that median, and every run's scores."""
    cats = list(runs[0]["scores"])
    scores = {}
    for c in cats:
        values = sorted(r["scores"][c] for r in runs if r["scores"][c] is not None)
        scores[c] = values[len(values) // 2] if len(values) == len(runs) else None
    middle = sorted(runs, key=lambda r: r["scores"].get("performance") or 0)[len(runs) // 2]
    return {**middle, "scores": scores, "runs": [r["scores"] for r in runs],
            "benchmark_indexes": [r.get("benchmark_index") for r in runs],
            "paints_after_load_ms": [r.get("paint_after_load_ms") for r in runs]}


def paired_share(with_hooks: list[float], without: list[float]) -> dict:
    """The hooks' share of the build from builds run in pairs, one with the hooks and one without,
    back to back: the median of the pairs' shares ((with − without) / with), and their range.

    A shared machine's speed drifts over minutes; the two builds of a pair see nearly the same
    machine, so each pair's share is little disturbed, and the median leaves out a pair that a burst
    of load hit in one build only. (The best runs of each kind can come from different moments.)"""
    shares = sorted((w - b) / w for w, b in zip(with_hooks, without) if w > 0)
    if not shares:
        return {"share": None, "shares": [], "low": None, "high": None}
    return {"share": statistics.median(shares), "shares": shares, "low": shares[0], "high": shares[-1]}
