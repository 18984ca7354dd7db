"""Legal references, phone numbers and page metadata as a reader meets them."""
from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("path, text, label", [
    ("tiltak/besoksforbud/", "straffeprosessloven § 222 a", "straffeprosessloven § 222 a – Besøksforbud"),
    ("en/tiltak/besoksforbud/", "section 222 a of the Criminal Procedure Act", "section 222 a of the Criminal Procedure Act – Restraining order"),
])
def test_legal_reference_is_a_labelled_link_to_lovdata(page, base_url, path, text, label):
    page.goto(f"{base_url}/{path}")
    link = page.locator("article a.law-ref", has_text=text).first
    assert link.get_attribute("href") == "https://lovdata.no/lov/1981-05-22-25/§222a"
    assert link.get_attribute("aria-label") == label
    assert link.get_attribute("title") == label
    assert text in link.inner_text()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_law_index_lists_the_citing_pages(page, base_url, prefix):
    page.goto(f"{base_url}/{prefix}om/lovverk/")
    article = page.locator("article")
    assert article.locator('a[href="https://lovdata.no/lov/1981-05-22-25/§222a"]').count() >= 1
    assert article.locator(f'a[href$="tiltak/besoksforbud/"]').count() >= 1


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
