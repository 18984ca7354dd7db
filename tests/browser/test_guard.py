"""The guard every browser test stands on (tests/support/browser.py): it must catch a request to
another host and a console error, or the tests' «no third parties» and «no errors» mean nothing."""
from __future__ import annotations

import pytest

from tests.support.browser import GuardedContext


@pytest.fixture
def open_guarded(browser, base_url):
    """Opens a guarded context on a page of the site. Not the `guarded` fixture: its teardown would
    fail on the errors these tests cause on purpose. Every context is closed, whether the test
    passes or fails (closing twice does no harm)."""
    opened: list[GuardedContext] = []

    def open_(**options):
        guarded = GuardedContext(browser, base_url, **options)
        opened.append(guarded)
        page = guarded.new_page()
        page.goto(f"{base_url}/om/")
        return guarded, page

    yield open_
    for guarded in opened:
        guarded.context.close()


def test_a_clean_page_passes(open_guarded):
    guarded, _ = open_guarded()
    guarded.context.close()
    guarded.check()


def test_a_request_to_another_host_is_blocked_and_fails_the_check(open_guarded):
    guarded, page = open_guarded(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    reached = page.evaluate("() => fetch('https://cdn.example.org/x.js').then(() => true, () => false)")
    guarded.context.close()
    assert reached is False, "the request should have been aborted"
    with pytest.raises(AssertionError, match="requests to other hosts: .*cdn.example.org/x.js"):
        guarded.check()


def test_a_console_error_or_uncaught_exception_fails_the_check(open_guarded):
    guarded, page = open_guarded()
    page.evaluate("() => { console.error('broken'); setTimeout(() => { throw new Error('boom'); }, 0); }")
    page.wait_for_timeout(100)
    guarded.context.close()
    with pytest.raises(AssertionError, match=r"console errors: .*broken.*uncaught: .*boom"):
        guarded.check()


def test_an_allowed_host_gets_a_neutral_stub_page(open_guarded):
    guarded, page = open_guarded(allowed=("www.yr.no",))
    page.goto("https://www.yr.no/")
    assert page.locator("p").inner_text() == "Neutral site"
    guarded.context.close()
    guarded.check()


def test_empty_scripts_serves_the_sites_scripts_empty(open_guarded, base_url):
    guarded, page = open_guarded(empty_scripts=True)
    body = page.evaluate("(u) => fetch(u).then(r => r.text())", f"{base_url}/assets/javascripts/trees.js")
    assert body == ""
    guarded.context.close()
    guarded.check()
