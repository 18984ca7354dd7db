"""Searches professionals would type find the right page among the first three results, in the
language of the page the reader is on. One page per language is opened once and searched again
for each query (as a reader types one search after another), so the many queries stay quick."""
from __future__ import annotations

import pytest

from tests.browser.search_queries import EN, NB
from tests.support.browser import GuardedContext


@pytest.fixture(scope="module")
def search_pages(browser, base_url):
    """A page per language, open on «Om nettstedet»; fails on console errors or foreign requests."""
    guarded = GuardedContext(browser, base_url)
    pages = {}
    for lang, prefix in (("nb", ""), ("en", "en/")):
        page = guarded.new_page()
        page.goto(f"{base_url}/{prefix}om/")
        page.locator("input.md-search__input").click()
        pages[lang] = page
    yield pages
    guarded.context.close()
    guarded.check()


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
