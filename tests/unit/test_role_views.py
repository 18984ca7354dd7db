"""Role views: every page tagged for a role is listed, site pages are not, duties come from data."""
from __future__ import annotations

import datetime as dt

from tests.support.site import ROOT
from veileder.role_views import PROFESSION_OF, pages_for_role, render_role_view
from veileder.site_content import relative_md, scan

CONTENT = scan(ROOT, today=dt.date.today())


def test_every_tagged_page_is_in_its_role_view_in_both_languages():
    for role in PROFESSION_OF:
        for lang in ("nb", "en"):
            own, everyone = pages_for_role(CONTENT.pages, role, lang)
            tagged = {p.rel for p in CONTENT.pages.values() if p.lang == lang and p.meta and role in p.meta.audience
                      and not p.rel.startswith(("om/", "roller/")) and p.rel not in ("index.md", "index.en.md")}
            assert {p.rel for p in own} == tagged
            assert not {p.rel for p in everyone} & tagged
            text = render_role_view(CONTENT.pages, role, lang=lang, role_name=role, duties=CONTENT.duties, link=lambda r: r)
            for rel in tagged:
                assert f'<li><a href="{rel}">' in text, (role, lang, rel)


def test_a_new_page_appears_without_editing_the_view():
    import copy
    pages = dict(CONTENT.pages)
    template = pages["tiltak/besoksforbud.md"]
    new = copy.copy(template)
    new.rel = "tiltak/ny-side.md"
    new.meta = template.meta.model_copy(update={"audience": ["nav"], "title": "Ny side for NAV"})
    pages[new.rel] = new
    text = render_role_view(pages, "nav", lang="nb", role_name="NAV", duties=CONTENT.duties, link=lambda r: r)
    assert '<li><a href="tiltak/ny-side.md">Ny side for NAV</a> – ' in text


def test_duties_of_the_role_are_listed_with_links():
    text = render_role_view(CONTENT.pages, "health", lang="en", role_name="Health", duties=CONTENT.duties, link=lambda r: relative_md("roller/helse.en.md", r))
    assert "## Your duties and rights" in text
    assert "](../taushetsplikt/avvergingsplikt.md)" in text
    assert "](../taushetsplikt/pliktoversikt.md)" in text
