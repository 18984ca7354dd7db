"""The build's own links wait as tokens while Markdown runs (site_content.stash_links) and come back
unchanged in the HTML (finish_html); headings, code and hand-written links are left alone."""
from __future__ import annotations

import re
from pathlib import Path

import markdown

from veileder.abbreviations import Abbreviations
from veileder.frontmatter import FrontMatter
from veileder.site_content import Content, PageData, finish_html, stash_links

LAW = ('<a href="https://lovdata.no/lov/2005-05-20-28/§168" class="law-ref" hreflang="nb" '
       'aria-label="straffeloven § 168 – Brudd på besøksforbud" title="straffeloven § 168 – Brudd på besøksforbud">straffeloven § 168</a>')
TEL = '<a class="tel" href="tel:+4702800" aria-label="02800 – Politiet">02800</a>'


def _content(page: PageData) -> Content:
    return Content(root=Path("."), pages={page.rel: page}, problems=[], lists=None, laws=None, phones=None, trees={},
                   glossary=[], backlinks={}, abbreviations={"nb": Abbreviations({})})


def _page() -> PageData:
    return PageData(rel="tiltak/x.md", lang="nb", file="docs/tiltak/x.md", fm=FrontMatter())


def test_links_in_prose_become_tokens_and_come_back_after_markdown():
    page = _page()
    md = f"Brudd straffes etter **{LAW}**. Ring {TEL}.\n\n| Tiltak | Nummer |\n| --- | --- |\n| Politi | {TEL} |\n\n- {LAW}\n"
    stashed = stash_links(page, md)
    assert "<a " not in stashed and len(page.links) == 4
    html = finish_html(_content(page), page.rel, markdown.markdown(stashed, extensions=["tables"]))
    assert html == markdown.markdown(md, extensions=["tables"])


def test_links_in_headings_stay_for_the_headings_id_and_table_of_contents():
    page = _page()
    md = f"## Brudd på {LAW}\n\nTekst om {LAW}.\n"
    stashed = stash_links(page, md)
    assert stashed.startswith(f"## Brudd på {LAW}\n") and len(page.links) == 1


def test_code_and_hand_written_links_are_not_touched():
    page = _page()
    md = f"```html\n{LAW}\n```\n\nSe `{TEL}` og <a href=\"https://example.org/\">en annen side</a>.\n"
    assert stash_links(page, md) == md and page.links == []


def test_a_second_run_starts_afresh():
    page = _page()
    stash_links(page, f"A {TEL}\n")
    stash_links(page, f"B {LAW}\n")
    assert page.links == [LAW]


def test_a_link_in_a_comment_stays_as_written():
    page = _page()
    md = f"Se {TEL}.\n\n<!-- gammel lenke: {LAW} -->\n"
    stashed = stash_links(page, md)
    assert page.links == [TEL] and f"<!-- gammel lenke: {LAW} -->" in stashed


def test_the_quick_way_on_a_page_without_code_finds_what_the_segments_find():
    from veileder.site_content import _stash_by_segments

    md = (f"# Tittel\n\nBrudd straffes etter **{LAW}**, jf. {LAW}. Ring {TEL} eller [politiet](../x.md).\n\n"
          f"## Om {LAW}\n\n| Tiltak | Nummer |\n| --- | --- |\n| Politi | {TEL} |\n\n- {LAW}\n  {TEL}\n\n"
          f"<div markdown>\n{TEL}\n</div>\n\n*[NAV]: Arbeids- og velferdsetaten\n")
    quick, segmented = _page(), _page()
    assert stash_links(quick, md) == _stash_by_segments(segmented, md)
    assert quick.links == segmented.links and len(quick.links) == 7  # all but the one in the heading


def test_the_link_forms_known_here_are_those_the_linkers_make():
    """stash_links and the phone check know the form of the build's own links: if a renderer changes
    its HTML, this fails (rather than the links quietly staying in the Markdown, or being reported)."""
    import datetime as dt

    from veileder.legal import link_legal_refs, load_law_registry
    from veileder.legal_refs import LAW_LINK
    from veileder.phone_format import TEL_LINK
    from veileder.phones import link_phone_numbers, load_phone_registry
    from veileder.site_content import _OWN_LINK

    root = Path(__file__).resolve().parents[2]
    laws, _ = load_law_registry(root / "data" / "laws.yml")
    phones, _ = load_phone_registry(root / "data" / "phones.yml", today=dt.date(2026, 12, 1))
    for lang, text in (("nb", "Se straffeloven § 168 og § 263."), ("en", "See section 168 of the Penal Code.")):
        out, _, problems = link_legal_refs(text, lang=lang, registry=laws, file="docs/x.md")
        links = re.findall(r"<a .*?</a>", out)
        assert links and not problems
        assert all(_OWN_LINK.fullmatch(link) and LAW_LINK.fullmatch(link) for link in links), links
    for entry in phones.entries:
        for lang in ("nb", "en"):
            out, _, _ = link_phone_numbers(f"Ring {entry.display}.", lang=lang, registry=phones, file="docs/x.md")
            [link] = re.findall(r"<a .*?</a>", out)
            assert _OWN_LINK.fullmatch(link) and TEL_LINK.fullmatch(link), link
