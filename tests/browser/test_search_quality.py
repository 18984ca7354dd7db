"""Searches professionals would type find the right page among the first three results, in the
language of the page the reader is on. One page per language is opened once and searched again
for each query (as a reader types one search after another), so the many queries stay quick."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.search_queries import EN, NB


@pytest.fixture(scope="module")
def search_pages(browser, base_url):
    """A page per language, open on «Om nettstedet»; fails on console errors or foreign requests."""
    context = browser.new_context(service_workers="block")
    local, errors, foreign = urlparse(base_url).netloc, [], []

    def route(route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob", "about") or url.netloc == local:
            return route.continue_()
        foreign.append(route.request.url)
        return route.abort()

    context.route("**/*", route)
    pages = {}
    for lang, prefix in (("nb", ""), ("en", "en/")):
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
        page.goto(f"{base_url}/{prefix}om/")
        page.locator("input.md-search__input").click()
        pages[lang] = page
    yield pages
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"console errors: {errors}"


def _top3(page, base_url, query):
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached", timeout=10_000)  # the last query's results are gone
    box.fill(query)
    box.press("End")  # Material updates its results on key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    return [h.removeprefix(base_url + "/").split("?")[0].split("#")[0] for h in hrefs][:3]


CASES = [("nb", q, e) for q, e in NB] + [("en", q, e) for q, e in EN]


@pytest.mark.parametrize("lang, query, expected", CASES, ids=[f"{lang}:{q}" for lang, q, _ in CASES])
def test_search_finds_the_right_page(search_pages, base_url, lang, query, expected):
    prefix = "en/" if lang == "en" else ""
    wanted = (expected,) if isinstance(expected, str) else expected
    top = _top3(search_pages[lang], base_url, query)
    assert any(prefix + w in top for w in wanted), f"«{query}»: {top}"
