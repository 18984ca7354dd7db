"""The site as a reader meets it on a phone and by keyboard, in Chromium against the built site:
nothing scrolls sideways at 320 px, the header's buttons fit, the emergency numbers and the quick
exit are big enough to tap (WCAG 2.2 target size), the header shows the site's name or nothing
(never a stub like «T…»), focus is never hidden under the sticky header (WCAG 2.2 focus not
obscured), the closed menu drawer takes no focus and the open one works by keyboard, the quick exit
can be pressed with the menu or the search open, the tables fit a phone, and a dark or
reduced-motion preference leaves the page readable and still.

One page per kind of check, many checks in it: each test walks several pages or states in one tab."""
from __future__ import annotations

import re

import pytest

from tests.support.axe import assert_no_axe_violations

EXIT_HOST = "www.yr.no"
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
# One page of each kind: home, section overview with the comparison of measures, a measure page,
# the duty matrix, a decision tree, a role page, the phone list, the legislation index, the 404 page.
PAGE_TYPES = ["", "tiltak/", "tiltak/besoksforbud/", "taushetsplikt/pliktoversikt/",
              "beslutningsstotte/skal-politiet-involveres/", "roller/politi/", "om/telefonnumre/",
              "om/lovverk/", "404.html"]
LANGS = ["nb", "en"]
TARGET_MIN = 24  # px, WCAG 2.2 2.5.8

# What the header and the strip look like on this page, measured in the page.
_HEADER = """() => {
  const vw = document.documentElement.clientWidth;
  const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width, height: r.height}; };
  const shown = el => el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  const buttons = [...document.querySelectorAll('.md-header__inner > .md-header__button, .md-header__inner > .md-header__option, .md-header__inner > .quick-exit')]
    .filter(shown).map(el => ({name: el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('for') || el.className, ...box(el)}));
  const title = document.querySelector('.md-header__title');
  const ellipsis = title.querySelector('.md-header__ellipsis');
  return {
    scrollWidth: document.documentElement.scrollWidth, vw,
    buttons,
    titleShown: shown(ellipsis), titleWidth: title.getBoundingClientRect().width,
    targets: [...document.querySelectorAll('.emergency-strip a, .md-header [data-quick-exit]')].map(el => ({name: el.textContent.trim(), ...box(el)})),
    wideTables: [...document.querySelectorAll('.md-typeset .vtable-wrap, .md-typeset .vtable-scroll')]
      .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.className),
  };
}"""


def _lang_path(lang: str, path: str) -> str:
    return ("en/" if lang == "en" else "") + path


@pytest.mark.parametrize("lang", LANGS)
def test_phone_width_every_page_type_fits_and_targets_are_big_enough(page, base_url, lang):
    page.set_viewport_size(PHONE)
    problems = []
    for path in PAGE_TYPES:
        page.goto(f"{base_url}/{_lang_path(lang, path)}")
        page.wait_for_load_state("load")
        m = page.evaluate(_HEADER)
        where = f"/{_lang_path(lang, path)} at {PHONE['width']} px"
        if m["scrollWidth"] > m["vw"]:
            problems.append(f"{where}: the page scrolls sideways ({m['scrollWidth']} px wide)")
        names = [b["name"] for b in m["buttons"]]
        if len(m["buttons"]) < 4:
            problems.append(f"{where}: expected menu, language, quick exit and search in the header, got {names}")
        for b in m["buttons"]:
            if b["left"] < 0 or b["right"] > m["vw"]:
                problems.append(f"{where}: header button {b['name']!r} is cut off ({b['left']:.0f}–{b['right']:.0f} px)")
        for t in m["targets"]:
            if t["width"] < TARGET_MIN or t["height"] < TARGET_MIN:
                problems.append(f"{where}: {t['name']!r} is {t['width']:.0f}×{t['height']:.0f} px, under {TARGET_MIN}×{TARGET_MIN}")
        if len(m["targets"]) != 3:
            problems.append(f"{where}: expected 112, 02800 and the quick exit, got {[t['name'] for t in m['targets']]}")
        if m["titleShown"] and m["titleWidth"] < 150:
            problems.append(f"{where}: the header title shows in {m['titleWidth']:.0f} px, a stub like «T…»; hide it")
        if m["wideTables"]:
            problems.append(f"{where}: tables wider than the phone: {m['wideTables']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_desktop_header_shows_the_title_and_targets_are_big_enough(page, base_url, lang):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base_url}/{_lang_path(lang, 'tiltak/besoksforbud/')}")
    m = page.evaluate(_HEADER)
    assert m["titleShown"], "the site's name should show in the header on a wide screen"
    assert m["scrollWidth"] <= m["vw"]
    small = [t for t in m["targets"] if t["width"] < TARGET_MIN or t["height"] < TARGET_MIN]
    assert not small, small
    # the quick exit keeps the header at Material's 2.4rem (48 px), which its sidebars and anchors assume
    assert page.locator(".md-header").bounding_box()["height"] <= 48.5


# The focused element, where it is, and whether the sticky header (or anything else) covers it.
# It waits two frames first, so a scroll that focus started has settled (a loaded machine can be slow).
_FOCUS = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const h = document.querySelector('.md-header').getBoundingClientRect();
  const inHeader = !!el.closest('.md-header');
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {name: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40).replace(/\\s+/g, ' '),
          underHeader: !inHeader && !el.classList.contains('md-skip') && r.top < h.bottom - 1 && r.bottom > h.top + 1,
          offScreen: r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth,
          covered: !(top && (top === el || el.contains(top) || top.contains(el))),
          inDrawer: !!el.closest('.md-sidebar--primary')};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_focus_is_never_hidden_tabbing_forward_and_back(page, base_url, viewport):
    """Tab forward through the page, then Shift+Tab back: every focused element is on screen and not
    under the sticky header (Shift+Tab used to leave focus behind it), and on a phone the closed
    menu drawer's links are never focused (they are off screen)."""
    page.set_viewport_size(viewport)
    page.goto(f"{base_url}/roller/politi/")
    phone = viewport is PHONE
    problems = []
    for key in ["Tab"] * 45 + ["Shift+Tab"] * 45:
        page.keyboard.press(key)
        f = page.evaluate(_FOCUS)
        if f is None:
            continue
        if f["underHeader"]:
            problems.append(f"{key}: {f['name']!r} is under the sticky header")
        if f["offScreen"]:
            problems.append(f"{key}: {f['name']!r} is off screen")
        if phone and f["inDrawer"]:
            problems.append(f"{key}: {f['name']!r} in the closed menu drawer took focus")
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_menu_drawer_works_by_keyboard_on_a_phone(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/tiltak/besoksforbud/")
    button = page.locator("[data-drawer-button]")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-label") == "Meny"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # Material slides the drawer in
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#__drawer").is_checked()
    first = page.evaluate(_FOCUS)
    assert first and first["inDrawer"] and not first["covered"], f"focus should move into the drawer: {first}"
    assert_no_axe_violations(page)
    # Tab through the drawer: only what is on show takes focus (Material stacks the menu's levels)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        f = page.evaluate(_FOCUS)
        if not f or not f["inDrawer"]:
            break
        seen.append(f["name"])
        assert not f["covered"], f"{f['name']!r} took focus behind another level of the menu"
    assert "Besøksforbud i eget hjem (bortvisning)" in seen, seen
    assert "Hjem" not in seen, "the top level, covered by the section's panel, took focus"
    # focus left the drawer: it closed
    page.wait_for_timeout(400)
    assert not page.locator("#__drawer").is_checked(), "the drawer should close when focus leaves it"
    assert button.get_attribute("aria-expanded") == "false"
    # open again, Escape closes it and focus returns to the button
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("document.activeElement.hasAttribute('data-drawer-button')")


def test_menu_drawer_by_touch_still_opens_and_names_itself_in_english(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/en/tiltak/besoksforbud/")
    button = page.locator("[data-drawer-button]")
    assert button.get_attribute("aria-label") == "Menu"
    button.click()
    page.wait_for_timeout(400)
    assert page.locator("#__drawer").is_checked()
    assert page.get_by_role("link", name="Contact ban as a penalty (kontaktforbud)").first.is_visible()
    assert_no_axe_violations(page)


def test_without_javascript_the_menu_label_still_opens_the_drawer(guarded, base_url):
    page = guarded(java_script_enabled=False, viewport=PHONE).new_page()
    page.goto(f"{base_url}/tiltak/besoksforbud/")
    assert not page.locator("[data-drawer-button]").is_visible()
    page.locator("label.drawer-label").click()
    assert page.locator("#__drawer").is_checked()


# The quick exit a reader can press: shown, and the topmost element at its centre.
_PRESSABLE_EXIT = """() => [...document.querySelectorAll('.quick-exit')].filter(q => {
  const r = q.getBoundingClientRect(); if (!r.width || getComputedStyle(q).visibility === 'hidden') return false;
  if (r.right > innerWidth || r.left < 0 || r.bottom > innerHeight || r.top < 0) return false;
  const t = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return t === q || q.contains(t);
}).map(q => q.className)"""


def _open_search(page, query):
    if page.viewport_size["width"] < 960:  # Material's full-screen search below 60em
        page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(400)


@pytest.mark.allow_hosts(EXIT_HOST)
@pytest.mark.parametrize("state, viewport, lang", [
    ("drawer", PHONE, "nb"), ("search", PHONE, "en"), ("search", DESKTOP, "nb"),
], ids=["drawer-phone", "search-phone", "search-desktop"])
def test_quick_exit_can_be_pressed_with_the_menu_or_search_open(page, base_url, state, viewport, lang):
    page.set_viewport_size(viewport)
    page.goto(f"{base_url}/{_lang_path(lang, 'tiltak/besoksforbud/')}")
    if state == "drawer":
        page.locator("[data-drawer-button]").click()
        page.wait_for_timeout(400)
    else:
        _open_search(page, "vold")
    assert_no_axe_violations(page)
    pressable = page.evaluate(_PRESSABLE_EXIT)
    assert len(pressable) == 1, f"with the {state} open exactly one quick exit should be on top, got {pressable}"
    exit_button = page.locator(".quick-exit", has_text="Leave this page" if lang == "en" else "Forlat siden")
    target = [b for b in exit_button.all() if b.get_attribute("class") == pressable[0]][0]
    box = target.bounding_box()
    assert box["height"] >= TARGET_MIN and box["width"] >= TARGET_MIN
    page.route(f"https://{EXIT_HOST}/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Neutral</title>"))
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(rf"https://{re.escape(EXIT_HOST)}/"))


def test_dark_preference_leaves_the_light_scheme_whole(page, base_url):
    """The site has one light scheme: a reader whose system is dark gets the same readable page,
    not dark text on a dark background in some part."""
    page.set_viewport_size(PHONE)
    colours = "() => ['body', '.md-header', '.md-banner', 'article', '.vtable tbody tr'].map(s => { const e = document.querySelector(s); const c = getComputedStyle(e); return s + ' ' + c.color + ' on ' + c.backgroundColor; })"
    page.goto(f"{base_url}/taushetsplikt/pliktoversikt/")
    light = page.evaluate(colours)
    page.emulate_media(color_scheme="dark")
    page.reload()
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.evaluate(colours) == light
    assert_no_axe_violations(page)


def test_reduced_motion_stops_the_drawer_sliding(page, base_url):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/tiltak/besoksforbud/")
    page.locator("[data-drawer-button]").click()
    durations = page.evaluate("""() => ['.md-sidebar--primary', '.md-overlay', '.md-nav--primary .md-nav', '.quick-exit']
        .map(s => getComputedStyle(document.querySelector(s)).transitionDuration)""")
    assert all(set(d.replace(" ", "").split(",")) == {"0s"} for d in durations), durations
    assert page.evaluate("document.getAnimations().filter(a => a.playState === 'running').length") == 0


def test_wide_tables_keep_their_first_column_in_view_and_show_more_to_scroll(page, base_url):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base_url}/tiltak/")
    wrap = page.locator(".vtable-wrap").first
    wrap.scroll_into_view_if_needed()
    info = wrap.evaluate("""w => { w.scrollLeft = 80; const th = w.querySelector('tbody th');
        return {wider: w.scrollWidth > w.clientWidth, thLeft: th.getBoundingClientRect().left, wrapLeft: w.getBoundingClientRect().left,
                shadow: getComputedStyle(w).backgroundImage}; }""")
    if info["wider"]:
        assert abs(info["thLeft"] - info["wrapLeft"]) < 2, f"the measure's name scrolled away: {info}"
    assert "radial-gradient" in info["shadow"], "a table that can scroll sideways shows a shadow at the edge"
