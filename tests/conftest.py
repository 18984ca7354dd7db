"""Shared fixtures: the site built once per test session, served on 127.0.0.1, and Chromium pages
that fail the test on console errors or on any request to another host."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM_ARGS, GuardedContext, chromium_path
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
def guarded(browser, base_url, request):
    """Opens guarded contexts with the options given (a phone, no JavaScript …); after the test each
    is closed and checked as `page` is. Honours @pytest.mark.allow_hosts(...) too."""
    marker = request.node.get_closest_marker("allow_hosts")
    opened: list[GuardedContext] = []

    def open_context(**options) -> GuardedContext:
        options.setdefault("allowed", marker.args if marker else ())
        opened.append(GuardedContext(browser, base_url, **options))
        return opened[-1]

    yield open_context
    for ctx in opened:
        ctx.context.close()
    for ctx in opened:
        ctx.check()


@pytest.fixture
def page(guarded):
    """A fresh page. Requests to any host but the local server are blocked and fail the test,
    except hosts named by @pytest.mark.allow_hosts(...), which get a small neutral stub page;
    console errors and uncaught exceptions fail it too."""
    return guarded().new_page()
