"""Searches professionals would type find the right page among the first three results, in the
language of the page the reader is on."""
from __future__ import annotations

import pytest

from tests.browser.search_queries import EN, NB


def _top3(page, base_url, prefix, query):
    page.goto(f"{base_url}/{prefix}om/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material updates its results on key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    return [h.removeprefix(base_url + "/").split("?")[0].split("#")[0] for h in hrefs][:3]


CASES = [("nb", q, e) for q, e in NB] + [("en", q, e) for q, e in EN]


@pytest.mark.parametrize("lang, query, expected", CASES, ids=[f"{lang}:{q}" for lang, q, _ in CASES])
def test_search_finds_the_right_page(page, base_url, lang, query, expected):
    prefix = "en/" if lang == "en" else ""
    wanted = (expected,) if isinstance(expected, str) else expected
    top = _top3(page, base_url, prefix, query)
    assert any(prefix + w in top for w in wanted), f"«{query}»: {top}"
