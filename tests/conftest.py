"""Shared fixtures: the site built once per test session, served on 127.0.0.1, and Chromium pages
that fail the test on console errors or on any request to another host."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.browser import CHROMIUM_ARGS, chromium_path
from tests.support.site import ROOT, build_site, serve


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    given = os.environ.get("GUIDE_SITE_DIR")
    if given:
        path = (ROOT / given).resolve()
        if (path / "index.html").exists():
            return path
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr[-4000:]}"
    return dest


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url, request):
    """A fresh page. Requests to any host but the local server are blocked and fail the test,
    except hosts named by @pytest.mark.allow_hosts(...), which get a small neutral stub page."""
    marker = request.node.get_closest_marker("allow_hosts")
    allowed = set(marker.args) if marker else set()
    local = urlparse(base_url).netloc
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.console_errors = []
    page.foreign_requests = []

    def on_console(msg):
        if msg.type == "error":
            page.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    def route(route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob", "about", "file") or url.netloc == local:  # file: the offline copy, opened from disk
            return route.continue_()
        if url.hostname in allowed:
            return route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Neutral</title><p>Neutral site")
        page.foreign_requests.append(route.request.url)
        return route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: page.console_errors.append(f"uncaught: {exc}"))
    context.route("**/*", route)
    yield page
    context.close()
    assert not page.foreign_requests, f"requests to other hosts: {page.foreign_requests}"
    assert not page.console_errors, f"console errors: {page.console_errors}"
