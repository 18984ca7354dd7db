"""What a reader meets on every page: language switch, language-scoped search, quick exit,
tap-to-call numbers, system fonts, and print without navigation."""
from __future__ import annotations

import re

import pytest

EXIT_HOST = "www.yr.no"


def test_titles_in_both_languages(page, base_url):
    page.goto(f"{base_url}/")
    assert "Trusler og vold – fagveileder" in page.title()
    page.goto(f"{base_url}/en/")
    assert "Threats and violence – a guide for professionals" in page.title()


@pytest.mark.parametrize("start, expected", [
    ("om/personvern/", "/en/om/personvern/"),
    ("en/om/personvern/", "/om/personvern/"),
    ("", "/en/"),
])
def test_language_switch_keeps_the_page(page, base_url, start, expected):
    page.goto(f"{base_url}/{start}")
    other = "nb" if start.startswith("en/") else "en"
    link = page.locator(f'.md-select a[hreflang="{other}"]')
    assert link.count() == 1
    page.locator(".md-select").hover()
    link.click()
    page.wait_for_load_state()
    assert page.url == f"{base_url}{expected}", page.url
    assert page.locator("html").get_attribute("lang") == other


def _search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material updates its results on key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_search_in_bokmal_finds_norwegian_page_and_no_english(page, base_url):
    page.goto(f"{base_url}/om/personvern/")
    hrefs = _search(page, "besøksforbud")
    assert hrefs, "no results for «besøksforbud»"
    assert any("tiltak/besoksforbud/" in h for h in hrefs[:3]), hrefs
    assert not any("/en/" in h for h in hrefs), hrefs


def test_search_in_english_shows_only_english(page, base_url):
    page.goto(f"{base_url}/en/om/personvern/")
    hrefs = _search(page, "restraining order")
    assert hrefs
    assert any("tiltak/besoksforbud/" in h for h in hrefs[:3]), hrefs
    assert all("/en/" in h for h in hrefs), hrefs


def test_search_finds_voldsalarm(page, base_url):
    page.goto(f"{base_url}/")
    hrefs = _search(page, "voldsalarm")
    assert any("voldsalarm" in h for h in hrefs[:3]), hrefs


def _start_from_neutral(page, base_url, path):
    # History: a neutral page, then the guide. After quick exit, Back must not return to the guide.
    page.goto(f"https://{EXIT_HOST}/start")
    page.goto(f"{base_url}/{path}")


@pytest.mark.allow_hosts(EXIT_HOST)
@pytest.mark.parametrize("path", ["", "en/om/rask-utgang/"])
def test_quick_exit_button_leaves_and_back_does_not_return(page, base_url, path):
    _start_from_neutral(page, base_url, path)
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(re.compile(rf"https://{re.escape(EXIT_HOST)}/"))
    page.go_back()
    assert "127.0.0.1" not in page.url, f"Back returned to the guide: {page.url}"


@pytest.mark.allow_hosts(EXIT_HOST)
def test_shift_three_times_leaves_and_blanks_at_once(page, base_url):
    _start_from_neutral(page, base_url, "vold/partnervold/")
    page.evaluate("""() => { window.__blanked = false;
        new MutationObserver(() => { if (document.documentElement.classList.contains('quick-exit-active')) window.__blanked = true; })
          .observe(document.documentElement, {attributes: true}); }""")
    page.route(f"https://{EXIT_HOST}/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Neutral</title>"))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(rf"https://{re.escape(EXIT_HOST)}/"))
    page.go_back()
    assert "127.0.0.1" not in page.url


def test_shift_with_other_keys_does_not_leave(page, base_url):
    """Shift+Tab (going back by keyboard) and capital letters must never count as the quick exit."""
    page.goto(f"{base_url}/beslutningsstotte/skal-politiet-involveres/")
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
    page.locator(".md-search__input").first.evaluate("el => el.focus()")
    for key in ("Shift+N", "Shift+A", "Shift+V", "Space", "Shift+O", "g"):
        page.keyboard.press(key)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_two_shift_presses_do_not_leave(page, base_url):
    page.goto(f"{base_url}/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_emergency_numbers_are_labelled_tap_to_call_links(page, base_url):
    page.goto(f"{base_url}/")
    link = page.locator('.emergency-strip a[href="tel:112"]')
    assert link.inner_text().strip() == "112"
    label = link.get_attribute("aria-label")
    assert label and "112" in label and "Politi" in label
    assert "Akutt fare" in page.locator(".emergency-strip").inner_text()
    page.goto(f"{base_url}/en/")
    assert "In immediate danger" in page.locator(".emergency-strip").inner_text()


def test_numbers_in_text_are_tap_to_call(page, base_url):
    page.goto(f"{base_url}/om/telefonnumre/")
    hrefs = {a.get_attribute("href") for a in page.locator("article a.tel").all()}
    assert {"tel:112", "tel:02800", "tel:116006"} <= hrefs, hrefs


def test_system_fonts_only(page, base_url):
    page.goto(f"{base_url}/")
    html = page.content()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Roboto" not in family


def test_print_shows_content_not_navigation(page, base_url):
    page.goto(f"{base_url}/tiltak/besoksforbud/")
    page.emulate_media(media="print")
    assert page.locator("article").is_visible()
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".emergency-strip", "[data-quick-exit]"]:
        assert not page.locator(selector).first.is_visible(), selector


@pytest.mark.allow_hosts(EXIT_HOST)
@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_blanks_the_page_before_the_neutral_site_loads(page, base_url, how):
    page.goto(f"{base_url}/tiltak/besoksforbud/")
    # In the same task as the trigger, before the browser has started to leave: is the page already hidden?
    hidden = page.evaluate("""how => {
        if (how === "button") document.querySelector("[data-quick-exit]").click();
        else for (let i = 0; i < 3; i++) for (const type of ["keydown", "keyup"]) document.dispatchEvent(new KeyboardEvent(type, {key: "Shift", bubbles: true}));
        return [document.documentElement.classList.contains("quick-exit-active"), getComputedStyle(document.body).display, document.title];
    }""", how)
    assert hidden == [True, "none", ""], hidden
    page.wait_for_url(re.compile(rf"https://{re.escape(EXIT_HOST)}/"))


@pytest.mark.allow_hosts(EXIT_HOST)
def test_left_and_right_shift_mixed_also_leave(page, base_url):
    _start_from_neutral(page, base_url, "en/")
    for key in ("ShiftLeft", "ShiftRight", "ShiftLeft"):
        page.keyboard.press(key)
    page.wait_for_url(re.compile(rf"https://{re.escape(EXIT_HOST)}/"))


@pytest.mark.parametrize("path, lang, heading, home", [
    ("404.html", "nb", "Siden finnes ikke", "Gå til forsiden"),
    ("en/404.html", "en", "Page not found", "Go to the home page"),
])
def test_not_found_page_in_each_language(page, base_url, path, lang, heading, home):
    from tests.support.axe import assert_no_axe_violations

    page.goto(f"{base_url}/{path}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").inner_text().strip() == heading
    assert page.locator('.emergency-strip a[href="tel:112"]').count() == 1
    assert page.locator("[data-quick-exit]").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=home).click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").rstrip(".").rstrip("/") + "/" == f"{base_url}/{'en/' if lang == 'en' else ''}", page.url
