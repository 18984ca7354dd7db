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


def _tab_until(page, condition: str, limit=120) -> bool:
    """Presses Tab until `condition`, a JavaScript expression on the focused element `a`, holds;
    returns whether it did within `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const a = document.activeElement; return !!({condition}); }}"):
            return True
    return False


def _tab_to_next_abbreviation(page, limit=120):
    """Presses Tab until an abbreviation has the focus; returns its text, or None if none came
    before the focus left the page's text."""
    if _tab_until(page, "a.matches('abbr[title]') || !a.closest('article')", limit) and page.evaluate(
            "() => document.activeElement.matches('abbr[title]')"):
        return page.evaluate("() => document.activeElement.textContent")
    return None


@pytest.mark.parametrize("path, lang", RISK)
def test_tab_stops_once_at_each_abbreviation_and_opens_its_explanation(page, base_url, path, lang):
    page.goto(f"{base_url}/{path}")
    page.locator("article h1").click()  # Tab goes on from the heading
    tip = page.locator(".abbr-tip")
    terms = page.evaluate("() => [...new Set([...document.querySelectorAll('article abbr[title]')].map(a => a.textContent))]")
    assert "SARA:SV" in terms and len(terms) >= 3, terms
    met = []
    while (term := _tab_to_next_abbreviation(page)) is not None:
        met.append(term)
        focused = page.locator("abbr:focus")
        expect(tip).to_have_count(1)
        assert tip.inner_text() == focused.get_attribute("title"), term
        assert focused.get_attribute("aria-describedby") == tip.get_attribute("id")
        first = page.evaluate("() => [...document.querySelectorAll('article abbr')].find(a => a.textContent === document.activeElement.textContent) === document.activeElement")
        assert first, f"Tab should stop at the first {term} on the page"
    assert met == terms, "Tab stops once at each abbreviation, in the order of the text"
    page.locator("article h1").click()
    assert _tab_to_next_abbreviation(page) == terms[0]
    expect(tip).to_have_count(1)
    page.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    assert page.evaluate("() => document.activeElement.textContent") == terms[0], "Escape leaves the focus where it is"


def test_tab_skips_an_abbreviation_that_is_not_shown(page, base_url):
    page.goto(f"{base_url}/arbeidsprosess/risikovurdering/")
    # a copy of SARA:SV in a closed <details> before the text: not shown, so not a Tab stop
    page.evaluate("""() => document.querySelector('article h1').insertAdjacentHTML('afterend',
        '<details><summary>Mer</summary><p><abbr title="x">SARA:SV</abbr></p></details>')""")
    page.locator("article h1").click()
    met = []
    while (term := _tab_to_next_abbreviation(page)) is not None:
        met.append(term)
        assert page.evaluate("() => !document.activeElement.closest('details')")
    assert "SARA:SV" in met, "the first copy that is shown takes the Tab stop"


def test_keyboard_explanation_passes_axe_and_closes_when_the_focus_moves_on(page, base_url):
    page.goto(f"{base_url}/arbeidsprosess/risikovurdering/")
    page.locator("article h1").click()
    assert _tab_to_next_abbreviation(page) is not None
    tip = page.locator(".abbr-tip")
    expect(tip).to_be_visible()
    assert_no_axe_violations(page)
    _tab_until(page, "!a.matches('abbr')")  # on to the next element that is not an abbreviation: the box closes
    expect(tip).to_have_count(0)
    page.locator("article p").first.click()
    page.locator("article abbr", has_text="SARA:SV").first.click()  # a click still opens it (no keyboard focus ring)
    expect(tip).to_have_count(1)
    page.locator("article abbr", has_text="SARA:SV").first.click()
    expect(tip).to_have_count(0)


def test_in_a_decision_tree_tab_stops_at_the_abbreviation_shown_in_the_current_step(page, base_url):
    url = f"{base_url}/beslutningsstotte/skal-politiet-involveres/"
    page.goto(url)
    node = page.evaluate("""() => [...document.querySelectorAll('li.vtree-node')].find(li =>
        [...li.querySelectorAll(':scope > .vtree-node__content abbr')].some(a => a.textContent === 'SARA:SV')).dataset.node""")
    page.locator(".vtree-heading").focus()
    page.keyboard.press("Tab")  # the first step shows no SARA:SV: no copy of it is a Tab stop yet
    page.evaluate("(node) => { location.hash = 'steg=' + node; }", node)  # the step that shows it
    expect(page.locator(".vtree-content abbr", has_text="SARA:SV")).to_have_count(1)
    page.locator(".vtree-heading").focus()
    _tab_until(page, "a.textContent === 'SARA:SV'", limit=60)
    assert page.evaluate("() => !!document.activeElement.closest('.vtree-content')"), "the copy shown in the step"
    expect(page.locator(".abbr-tip")).to_have_text(page.locator(".vtree-content abbr", has_text="SARA:SV").get_attribute("title"))
