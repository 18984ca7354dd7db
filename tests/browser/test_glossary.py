"""Glossary tooltips as a reader meets them: abbreviations in running text carry their explanation,
in the page's language, and links keep their own names."""
from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from tests.support.axe import assert_no_axe_violations
from tests.support.site import ROOT

GLOSSARY = {t["term"]: t for t in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))}


@pytest.mark.parametrize("path, lang", [("arbeidsprosess/risikovurdering/", "nb"), ("en/arbeidsprosess/risikovurdering/", "en")])
def test_abbreviations_explain_themselves_in_the_page_language(page, base_url, path, lang):
    page.goto(f"{base_url}/{path}")
    abbr = page.locator("article abbr", has_text="SARA:SV").first
    assert abbr.get_attribute("title") == GLOSSARY["SARA:SV"][lang]
    assert page.locator("article a abbr").count() == 0, "a link has its own name; no tooltip inside it"
    terms = {a.inner_text() for a in page.locator("article abbr").all()}
    assert terms <= {t.rstrip(".") for t in GLOSSARY}, terms


# A phone shows no tooltip for a title: a tap opens the explanation (assets/javascripts/abbreviations.js).
PHONE = {"width": 375, "height": 740}
RISK = [("arbeidsprosess/risikovurdering/", "nb"), ("en/arbeidsprosess/risikovurdering/", "en")]


@pytest.mark.parametrize("path, lang", RISK)
def test_a_tap_on_an_abbreviation_shows_its_explanation_on_a_phone(guarded, base_url, path, lang):
    page = guarded(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{base_url}/{path}")
    tip = page.locator(".abbr-tip")
    abbrs = page.locator("article abbr[title]")
    assert abbrs.count() >= 2, "the page should hold abbreviations to tap"
    for i in range(abbrs.count()):  # each one, wherever it stands in its line: the box stays on the screen
        abbr = abbrs.nth(i)
        abbr.tap()
        expect(tip).to_have_count(1)
        assert tip.inner_text() == abbr.get_attribute("title")
        box, word = tip.bounding_box(), abbr.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (abbr.inner_text(), box)
        assert word["y"] + word["height"] - 1 <= box["y"] <= word["y"] + word["height"] + 12, "right under the word"
        assert abbr.get_attribute("aria-describedby") == tip.get_attribute("id")
        tip.tap()  # a tap on the box closes it (it may cover the next line)
        expect(tip).to_have_count(0)
    sara = page.locator("article abbr", has_text="SARA:SV").first
    sara.tap()
    assert tip.inner_text() == GLOSSARY["SARA:SV"][lang], "the explanation in the page's language"
    page.locator("article h1").tap()  # a tap elsewhere closes it
    expect(tip).to_have_count(0)
    assert sara.get_attribute("aria-describedby") is None


def test_the_explanation_closes_on_a_second_click_or_escape_and_passes_axe(page, base_url):
    page.goto(f"{base_url}/arbeidsprosess/risikovurdering/")
    abbr = page.locator("article abbr", has_text="SARA:SV").first
    tip = page.locator(".abbr-tip")
    abbr.click()
    expect(tip).to_be_visible()
    assert_no_axe_violations(page)
    abbr.click()
    expect(tip).to_have_count(0)
    abbr.click()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    page.locator("article h1").click()  # a click on anything but an abbreviation opens nothing
    expect(tip).to_have_count(0)
