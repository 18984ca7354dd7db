"""Every built page in both languages, in Chromium: loads with no console error, asks no other host
for anything (the `page` fixture fails the test otherwise), has zero axe violations, and carries
the emergency strip, the quick-exit button and the review line."""
from __future__ import annotations

import pytest

from tests.support.axe import assert_no_axe_violations
from tests.support.site import ROOT, built_pages


def _pages():
    site = ROOT / "site"
    # The list comes from the docs folder, so it is known before the build: every page, both languages.
    pages = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").as_posix()
        if rel.startswith("_") or "/_" in rel:
            continue
        en = rel.endswith(".en.md")
        base = rel[: -len(".en.md")] if en else rel[: -len(".md")]
        url = "" if base == "index" else (base[: -len("index")] if base.endswith("/index") else base + "/")
        pages.append(("en/" if en else "") + url)
    return pages


PAGES = _pages()


def test_every_docs_page_was_built(site_dir):
    assert set(PAGES) <= set(built_pages(site_dir)), "some pages in docs/ are missing from the built site"


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_and_accessible(page, base_url, path):
    response = page.goto(f"{base_url}/{path}")
    assert response.status == 200
    lang = "en" if path.startswith("en/") else "nb"
    assert page.locator("html").get_attribute("lang") == lang
    strip = page.locator(".emergency-strip")
    assert strip.locator('a[href="tel:112"]').count() == 1
    assert strip.locator('a[href="tel:02800"]').count() == 1
    assert page.locator("[data-quick-exit]").is_visible()
    assert page.locator(".page-meta__review").count() == 1
    assert_no_axe_violations(page)
