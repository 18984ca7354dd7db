"""A whole section printed as one: each section overview links to a page with every page of the
section in menu order, which is accessible, keeps the emergency strip and quick exit, has working
links, and prints the content alone, each page on a new sheet."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from tests.support.axe import assert_no_axe_violations
from tests.support.site import ROOT

FILE = {"nb": "skriv-ut.html", "en": "print.html"}


class _Loose(yaml.SafeLoader):
    pass


_Loose.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs.yml's !!python/… tags


def _sections() -> list[tuple[str, list[str]]]:
    """From mkdocs.yml: each menu section with an overview page and no more pages than the limit."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loose)
    limit = int(config["extra"]["nav_section_limit"])
    out = []
    for item in config["nav"]:
        for value in item.values():
            files = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
            index = next((f for f in files if f.endswith("/index.md")), None)
            others = [f for f in files if f != index]
            if index and others and len(others) <= limit:
                out.append((index, others))
    return out


SECTIONS = _sections()
CASES = [(lang, index) for lang in ("nb", "en") for index, _ in SECTIONS]


def _url(rel: str, lang: str) -> str:
    base = rel[: -len(".md")]
    base = base[: -len("index")] if base.endswith("index") else base + "/"
    return ("en/" if lang == "en" else "") + base


def _h1(site_dir, rel: str, lang: str) -> str:
    html = (site_dir / _url(rel, lang) / "index.html").read_text(encoding="utf-8")
    m = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()


def test_sections_are_found():
    assert len(SECTIONS) >= 6, SECTIONS  # the guide's sections, from mkdocs.yml


@pytest.mark.parametrize("lang,index", CASES)
def test_section_prints_as_one_page(page, base_url, site_dir, lang, index):
    pages = dict(SECTIONS)[index]
    page.goto(f"{base_url}/{_url(index, lang)}")
    link = page.locator(".print-section-link a")
    assert link.count() == 1, "the overview page links to its print page"
    assert str(len(pages) + 1) in link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/" + FILE[lang]), page.url

    # every page of the section, in menu order, each with its review line
    assert page.locator("article h1").all_inner_texts() and len(page.locator("article h1").all_inner_texts()) == 1
    parts = page.locator(".print-section__page")
    titles = [parts.nth(i).locator("h2").first.inner_text().strip() for i in range(parts.count())]
    assert titles == [_h1(site_dir, rel, lang) for rel in [index, *pages]]
    assert page.locator(".print-section__page .page-meta__review").count() == len(pages) + 1
    # the table of contents beside it lists those pages, each linking to its title
    toc = page.eval_on_selector_all("[data-md-component=toc] > li > a",
                                    "els => els.map(e => [e.textContent.trim(), e.getAttribute('href')])")
    assert [t for t, _ in toc] == titles
    for i, (_, href) in enumerate(toc):
        assert page.evaluate("id => document.getElementById(id) && document.getElementById(id).closest('.print-section__page') !== null"
                             " && document.getElementById(id).textContent.trim()", href[1:]) == titles[i]

    # the site around it: emergency numbers, quick exit, the other language's print page
    assert page.locator('.emergency-strip a[href="tel:112"]').count() == 1
    assert page.locator("[data-quick-exit]").is_visible()
    other = "en" if lang == "nb" else "nb"
    switch = page.locator(f'.md-select__link[hreflang="{other}"]').get_attribute("href")
    assert urljoin(page.url, switch).endswith(f"/{_url(index, other)}{FILE[other]}")

    # links work: every address on the page exists, every same-page anchor has its target
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
    ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    assert len(ids) == page.locator("[id]").count(), "ids are unique on the print page"
    # a tree's steps: trees.js keeps their ids as data-anchor (the step view takes over their addresses)
    steps = page.eval_on_selector_all("[data-anchor]", "els => els.map(e => e.getAttribute('data-anchor'))")
    assert len(steps) == len(set(steps)), "each tree's steps have addresses of their own"
    broken = []
    for href in dict.fromkeys(hrefs):
        if href.startswith("#"):
            if href[1:] and href[1:] not in ids and href[1:] not in steps:
                broken.append(href)
            continue
        target = urljoin(page.url, href)
        if urlparse(target).netloc != urlparse(base_url).netloc or target.endswith(".zip"):
            continue  # other hosts; the offline archive, made by `make build` after the site
        if page.request.get(target.split("#")[0]).status != 200:
            broken.append(href)
    assert not broken, f"broken links on {page.url}: {broken}"
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_print_page_prints_content_only_each_page_on_a_new_sheet(page, base_url, lang):
    index = "tiltak/index.md"
    page.goto(f"{base_url}/{_url(index, lang)}{FILE[lang]}")
    button = page.locator("[data-print-section]")
    assert button.is_visible(), "the print button shows once the script can make it work"
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not button.is_visible()
    parts = page.locator(".print-section__page")
    assert parts.count() > 3
    breaks = page.eval_on_selector_all(".print-section__page", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert set(breaks) == {"page"}
    for i in range(parts.count()):
        assert parts.nth(i).locator("h2").first.is_visible()
    page.goto(f"{base_url}/{_url(index, lang)}")
    assert not page.locator(".print-section-link").is_visible(), "the overview's print link is not printed"


def test_print_button_is_hidden_without_javascript(guarded, base_url):
    page = guarded(java_script_enabled=False).new_page()
    page.goto(f"{base_url}/tiltak/skriv-ut.html")
    assert page.locator(".print-section__page").count() > 3
    assert not page.locator("[data-print-section]").is_visible()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_each_tree_on_a_print_page_keeps_its_own_step(page, base_url, lang):
    key = "steg" if lang == "nb" else "step"
    page.goto(f"{base_url}/{_url('beslutningsstotte/index.md', lang)}{FILE[lang]}")
    trees = page.locator(".vtree[data-tree]")
    assert trees.count() >= 2, "the decision-support section prints several trees"
    first, second = trees.nth(0), trees.nth(1)

    def current(tree):
        return tree.get_attribute("data-current")

    start_first, start_second = first.get_attribute("data-start"), second.get_attribute("data-start")
    assert current(first) == start_first and current(second) == start_second

    second.locator(".vtree-choice").first.click()
    step_second = current(second)
    assert step_second != start_second and current(first) == start_first, "the other tree stays where it was"
    prefix = second.get_attribute("data-key")[: -len(key)]
    assert re.fullmatch(r"p\d+-", prefix) and page.url.endswith(f"#{prefix}{key}={step_second}")

    first.locator(".vtree-choice").first.click()
    assert current(first) != start_first and current(second) == step_second
    page.go_back()
    page.wait_for_function("start => document.querySelector('.vtree[data-tree]').getAttribute('data-current') === start", arg=start_first)
    assert current(second) == step_second, "going back in one tree leaves the other as it was"

    # two steps into the first tree and one back: the address now names only the first tree's step,
    # so the second tree's step comes from the history entry, which keeps every tree's path
    first_prefix = first.get_attribute("data-key")[: -len(key)]
    nodes = yaml.safe_load((ROOT / "data" / "trees" / f"{first.get_attribute('data-tree')}.yml").read_text(encoding="utf-8"))["nodes"]
    deeper = next(i for i, a in enumerate(nodes[start_first]["answers"]) if nodes[a["next"]].get("answers"))
    first.locator(".vtree-choice").nth(deeper).click()
    step_first = current(first)
    first.locator(".vtree-choice").first.click()
    assert current(first) != step_first and page.url.endswith(f"#{first_prefix}{key}={current(first)}")
    # as the page scrolls, Material's navigation.tracking puts a section's anchor in the address with
    # history.replaceState({}, "", …): the step in the address stays the one last chosen, in the first tree
    page.evaluate("history.replaceState({}, '', location.pathname + '#' + document.querySelector('.md-content h2[id]').id)")
    assert page.url.endswith(f"#{first_prefix}{key}={current(first)}"), "the address names the tree last used"
    page.go_back()
    page.wait_for_function("step => document.querySelector('.vtree[data-tree]').getAttribute('data-current') === step", arg=step_first)
    assert page.url.endswith(f"#{first_prefix}{key}={step_first}")
    assert current(second) == step_second, "the other tree's step is kept though the address does not name it"
    page.go_back()
    page.wait_for_function("start => document.querySelector('.vtree[data-tree]').getAttribute('data-current') === start", arg=start_first)

    page.reload()
    assert current(page.locator(".vtree[data-tree]").nth(1)) == step_second, "the address brings the step back"
    assert current(page.locator(".vtree[data-tree]").nth(0)) == start_first
    assert page.evaluate("document.activeElement.id") == f"vtree-{prefix}{second.get_attribute('data-tree')}-heading"
