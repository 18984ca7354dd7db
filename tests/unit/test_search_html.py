"""Search reads each page without the build's own link and tooltip tags (site_content.search_html)
and must find exactly what it found in the finished page (finish_html): the same sections, titles
and text, on every page of the real guide, in both languages."""
from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import Parser
from mkdocs.exceptions import PluginError
from mkdocs.utils import yaml_load

from veileder.site_content import finish_html, page_markdown, scan, search_html

ROOT = Path(__file__).resolve().parents[2]
CONTENT = scan(ROOT, today=dt.date(2026, 12, 3))


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown as the site's mkdocs.yml sets it up."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options:
            settings[name] = options
    return markdown.Markdown(extensions=names, extension_configs=settings)


def _what_search_reads(html: str) -> list[tuple[str, str, str]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(section.id or "", "".join(section.title), "".join(section.text)) for section in parser.data]


PAGES = sorted(CONTENT.pages)
_MD = _site_markdown()
HTML = {rel: _MD.reset().convert(page_markdown(CONTENT, rel)) for rel in PAGES}  # each page's HTML after Markdown


def _html_of(rel: str) -> str:
    return HTML[rel]


def test_the_guide_has_pages_in_both_languages_with_links_and_tooltips():
    assert {CONTENT.pages[rel].lang for rel in PAGES} == {"nb", "en"} and len(PAGES) > 100
    assert sum(bool(CONTENT.pages[rel].links) for rel in PAGES) > 50
    assert sum("<abbr " in finish_html(CONTENT, rel, HTML[rel]) for rel in PAGES) > 50


@pytest.mark.parametrize("rel", PAGES)
def test_search_finds_the_same_sections_and_text_as_in_the_finished_page(rel):
    html = _html_of(rel)
    assert _what_search_reads(search_html(CONTENT, rel, html)) == _what_search_reads(finish_html(CONTENT, rel, html))


def test_search_reads_no_links_or_tooltips_of_the_builds_own_outside_trees():
    rel = "taushetsplikt/avvergingsplikt.md"
    html = _html_of(rel)
    finished, for_search = finish_html(CONTENT, rel, html), search_html(CONTENT, rel, html)
    assert 'class="law-ref"' in finished and "<abbr " in finished  # the page has both, or the test says nothing
    assert 'class="law-ref"' not in for_search and "<abbr " not in for_search


def test_a_list_drawn_from_data_loses_its_link_tags_but_keeps_their_words():
    rel = "om/kilder.md"
    html = _html_of(rel)
    finished, for_search = finish_html(CONTENT, rel, html), search_html(CONTENT, rel, html)
    assert finished.count("<a ") > 10 and for_search.count("<a ") < finished.count("<a ") // 2


def test_the_theme_gets_the_finished_page_and_a_later_change_is_an_error(monkeypatch):
    import mkdocs_hooks as hooks

    rel = "taushetsplikt/avvergingsplikt.md"
    html = _html_of(rel)
    monkeypatch.setattr(hooks.STATE, "content", CONTENT)
    monkeypatch.setattr(hooks.STATE, "unfinished", {})
    monkeypatch.setattr(hooks.STATE, "lang", "nb")
    config = types.SimpleNamespace(site_url="http://127.0.0.1:8000/", extra={}, use_directory_urls=True)
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri=rel), content=None)
    page.content = hooks.on_page_content(html, page, config, None)
    assert page.content == search_html(CONTENT, rel, html)
    hooks.on_page_context({"base_url": "."}, page, config, None)
    assert page.content == finish_html(CONTENT, rel, html) and hooks.STATE.unfinished == {}

    page.content = hooks.on_page_content(html, page, config, None)
    page.content += "<p>added by another plugin</p>"
    with pytest.raises(PluginError, match=rf"{rel}: a plugin changed the page"):
        hooks.on_page_context({"base_url": "."}, page, config, None)
