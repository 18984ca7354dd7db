"""Legal references, phone numbers and page metadata as a reader meets them."""
from __future__ import annotations

import re

import pytest


LOVDATA_222A = "https://lovdata.no/lov/1981-05-22-25/§222a"


@pytest.mark.parametrize("path, text, label", [
    ("tiltak/besoksforbud/", "straffeprosessloven § 222 a", "straffeprosessloven § 222 a – Besøksforbud"),
    ("en/tiltak/besoksforbud/", "section 222 a of the Criminal Procedure Act", "section 222 a of the Criminal Procedure Act – Restraining order"),
])
def test_legal_reference_is_a_labelled_link_to_lovdata(page, base_url, path, text, label):
    page.goto(f"{base_url}/{path}")
    # found by its role and accessible name as the browser computes them (what a screen reader announces)
    link = page.get_by_role("link", name=label, exact=True).first
    assert link.get_attribute("href") == LOVDATA_222A
    assert link.get_attribute("title") == label  # the tooltip
    assert text in link.inner_text()
    assert link.evaluate("a => !a.parentElement.closest('a')")  # not nested inside another link
    assert link.is_visible()


@pytest.mark.allow_hosts("lovdata.no")
@pytest.mark.parametrize("path", ["tiltak/besoksforbud/", "en/tiltak/besoksforbud/"])
def test_clicking_a_legal_reference_opens_that_section_on_lovdata(page, base_url, path):
    page.goto(f"{base_url}/{path}")
    page.locator(f'article a.law-ref[href="{LOVDATA_222A}"]').first.click()
    page.wait_for_url("https://lovdata.no/**")
    assert page.url in (LOVDATA_222A, "https://lovdata.no/lov/1981-05-22-25/%C2%A7222a")


@pytest.mark.parametrize("path, names", [
    ("tiltak/besoksforbud/", [f"straffeprosessloven § 222 {c} – Elektronisk kontroll av besøksforbud og kontaktforbud (omvendt voldsalarm)" for c in "gj"]),
    ("en/tiltak/besoksforbud/", [f"Criminal Procedure Act section 222 {c} – Electronic monitoring of restraining orders and contact bans (reverse violence alarm)" for c in "gj"]),
])
def test_each_section_of_a_range_is_its_own_labelled_link(page, base_url, path, names):
    page.goto(f"{base_url}/{path}")
    for name, key in zip(names, ("222g", "222j")):
        link = page.get_by_role("link", name=name, exact=True).first
        assert link.get_attribute("href") == f"https://lovdata.no/lov/1981-05-22-25/§{key}"


@pytest.mark.parametrize("prefix, title", [("", "Besøksforbud"), ("en/", "Restraining order")])
def test_law_index_lists_the_citing_pages(page, base_url, prefix, title):
    page.goto(f"{base_url}/{prefix}om/lovverk/")
    article = page.locator("article")
    row = article.locator("tr", has=page.locator(f'a[href="{LOVDATA_222A}"]'))
    assert row.count() == 1
    cells = row.locator("td")
    assert cells.nth(1).inner_text().strip() == title
    cited = cells.nth(2).locator('a[href$="tiltak/besoksforbud/"]')
    assert cited.count() == 1
    cited.click()
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{prefix}tiltak/besoksforbud/"
    assert page.locator(f'article a.law-ref[href="{LOVDATA_222A}"]').count() >= 1  # the page does cite it


@pytest.mark.parametrize("prefix, owner", [("", "Vold- og overgrepslinjen"), ("en/", "Vold- og overgrepslinjen")])
def test_phone_numbers_in_text_are_labelled_tap_to_call_links(page, base_url, prefix, owner):
    page.goto(f"{base_url}/{prefix}")
    link = page.locator('article a.tel[href="tel:116006"]').first
    assert link.inner_text().strip() == "116 006"
    assert link.get_attribute("aria-label") == f"116 006 – {owner}"


@pytest.mark.parametrize("prefix, review, audience, sources", [
    ("", r"^Sist faglig vurdert \d{1,2}\. [a-zæøå]+ \d{4} · Neste vurdering [a-zæøå]+ \d{4}$", "For: ", "Kilder"),
    ("en/", r"^Last reviewed \d{1,2} [A-Z][a-z]+ \d{4} · Next review [A-Z][a-z]+ \d{4}$", "For: ", "Sources"),
])
def test_review_line_audience_and_sources_are_shown(page, base_url, prefix, review, audience, sources):
    page.goto(f"{base_url}/{prefix}vold/partnervold/")
    meta = page.locator("aside.page-meta")
    assert re.match(review, meta.locator(".page-meta__review").inner_text().strip())
    assert meta.locator(".page-meta__audience").inner_text().startswith(audience)
    src = meta.locator(".page-meta__sources a")
    assert src.inner_text() == sources
    src.click()
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{prefix}om/kilder/"
