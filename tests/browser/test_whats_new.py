"""«Hva er nytt» / «What's new» in the browser: the editors' log of changes, newest first, with
working links to the pages concerned, then the most recently reviewed pages, in both languages."""
from __future__ import annotations

import pytest
import yaml
from babel.dates import format_date

from tests.support.site import ROOT

CHANGES = sorted(yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))["changes"],
                 key=lambda c: c["date"], reverse=True)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_whats_new_shows_the_newest_change_first_and_links_to_its_page(page, base_url, lang):
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{base_url}/{prefix}om/hva-er-nytt/")
    article = page.locator("article")
    headings = [h.inner_text().strip() for h in article.locator("h2").all()]
    assert headings[:2] == (["Endringer i innholdet", "Sist faglig vurderte sider"] if lang == "nb"
                            else ["Changes to the content", "Most recently reviewed pages"])
    newest = CHANGES[0]
    first_date = article.locator("h3").first.inner_text().strip()
    assert first_date == format_date(newest["date"], "d. MMMM y" if lang == "nb" else "d MMMM y", locale=lang)
    first_item = article.locator("h3").first.locator("xpath=following-sibling::ul[1]/li").first
    assert newest["text"][lang].split(",")[0] in first_item.inner_text()
    if newest.get("pages"):
        target = newest["pages"][0].removesuffix(".md").removesuffix("index")
        first_item.locator("a").first.click()
        page.wait_for_load_state()
        assert page.url == f"{base_url}/{prefix}{target}{'' if target.endswith('/') or not target else '/'}", page.url
        assert page.locator("html").get_attribute("lang") == lang
