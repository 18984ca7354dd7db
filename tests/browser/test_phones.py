"""Phone numbers as a reader meets them: every registry number is a tap-to-call link (tel: in
international form for full numbers), shown in Norwegian grouping, whose accessible name — as
Chromium computes it — is the number and its owner, in both languages; no registry number is left
as plain text in the built pages."""
from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from tests.support.site import ROOT, built_pages
from veileder.phone_registry import load_phone_registry

REGISTRY, _ = load_phone_registry(ROOT / "data" / "phones.yml", today=date.today())
BY_HREF = {e.href: e for e in REGISTRY.entries}
LANGS = [("nb", ""), ("en", "en/")]
# Pages with numbers in running text, tables, lists, a decision tree and the header strip.
SAMPLE = ["", "om/telefonnumre/", "tiltak/besoksforbud/", "beslutningsstotte/skal-politiet-involveres/", "roller/politi/"]


def _name(entry, lang: str) -> str:
    return f"{entry.display} – {entry.owner.get(lang)}"


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_registry_number_is_a_named_tap_to_call_link_on_the_phone_page(page, base_url, lang, prefix):
    page.goto(f"{base_url}/{prefix}om/telefonnumre/")
    article = page.locator("article")
    for e in REGISTRY.entries:
        # each number's own list: the link, its purpose, hours, cost and date, under a heading with its owner
        named = page.get_by_role("link", name=_name(e, lang), exact=True)
        item = article.locator("ul").filter(has=named)
        assert item.count() == 1, (lang, e.id)
        link = item.get_by_role("link", name=_name(e, lang), exact=True)
        assert link.count() == 1, (lang, e.id)
        heading = item.locator("xpath=preceding-sibling::h3[1]")
        assert heading.inner_text().strip() == e.owner.get(lang)
        assert link.get_attribute("href") == e.href
        assert link.inner_text().strip() == e.display
        assert e.purpose.get(lang) in item.inner_text() and e.hours.get(lang) in item.inner_text()
    hrefs = {a.get_attribute("href") for a in article.locator("a[href^='tel:']").all()}
    assert hrefs == {e.href for e in REGISTRY.entries}


@pytest.mark.parametrize("lang, prefix", LANGS)
@pytest.mark.parametrize("path", SAMPLE)
def test_tel_links_are_labelled_and_dial_the_international_form(page, base_url, lang, prefix, path):
    page.goto(f"{base_url}/{prefix}{path}")
    links = page.locator("a[href^='tel:']").all()
    assert links, "no tap-to-call link on a page that has phone numbers"
    for link in links:
        href = link.get_attribute("href")
        entry = BY_HREF.get(href)
        assert entry is not None, f"{href} is not a registry number"
        assert re.fullmatch(r"tel:\+47\d{8}", href) if len(entry.key) == 8 else href == f"tel:{entry.key}"
        assert link.inner_text().strip() == entry.display
        # Chromium's accessible name: the visible number first, then its owner
        # (include_hidden: a decision tree shows one step at a time)
        assert page.get_by_role("link", name=_name(entry, lang), exact=True, include_hidden=True).count() >= 1, href
    # the header strip: the emergency numbers, from the registry's `header:` entries
    strip = page.locator(".emergency-strip")
    for e in (e for e in REGISTRY.entries if e.header):
        assert strip.get_by_role("link", name=_name(e, lang), exact=True).get_attribute("href") == e.href
        assert e.header.get(lang) in strip.inner_text()


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_no_registry_number_is_left_as_plain_text_on_screen(page, base_url, lang, prefix):
    for path in SAMPLE:
        page.goto(f"{base_url}/{prefix}{path}")
        plain = page.evaluate("""() => {
            const article = document.querySelector('article').cloneNode(true);
            article.querySelectorAll('a, code, pre, script, style').forEach(n => n.remove());
            return article.textContent;
        }""")
        left = _registry_numbers_in(plain)
        assert not left, f"{prefix}{path}: shown but not tap-to-call: {left}"


class _PlainText(HTMLParser):
    """The text of a page's <article> outside links, code and the tree diagram's step boxes."""

    SKIP = {"a", "code", "pre", "script", "style"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def _registry_numbers_in(text: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    shown = "|".join(re.escape(e.display) for e in sorted(REGISTRY.entries, key=lambda e: -len(e.display)))
    hits = []
    for m in re.finditer(rf"(?<![\d§.,:/–-])(?<!§ )(?:{shown})(?![\d–-]|[.,:]\d| \d)", text):
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 10]
        # counts, sections and identifiers that happen to share a registry number's digits
        if re.search(r"(?:§|nr\.|kap\.|kapittel|side|s\.|section|page|Prop\.|Innst\.|Ot\.prp\.)\s*$", before, re.I):
            continue
        if re.match(r"\s*(?:år|saker|kroner|%|cases|years|personer|people)\b", after):
            continue
        hits.append(m.group(0))
    return hits


def test_no_registry_number_is_left_as_plain_text_in_any_built_page(site_dir):
    """Every page of the build, read from disk (no browser needed): the same check as above."""
    problems = {}
    for rel in built_pages(site_dir):
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        parser = _PlainText()
        parser.feed(html)
        left = _registry_numbers_in("".join(parser.text))
        if left:
            problems[rel] = left
    assert not problems, f"registry numbers shown as plain text: {problems}"
