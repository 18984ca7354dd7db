"""The metadata block under each page: review line, audience and sources, in the page's language."""
from __future__ import annotations

from html import escape

from .page_meta import MetaLists, PageMeta, review_line

WORDS = {
    "nb": {"region": "Om denne siden", "audience": "For", "sources": "Kilder", "owner": "Ansvarlig"},
    "en": {"region": "About this page", "audience": "For", "sources": "Sources", "owner": "Responsible"},
}


def page_footer_html(meta: PageMeta, lists: MetaLists, lang: str, *, source_titles: dict[str, str], sources_href: str) -> str:
    w = WORDS[lang]
    audience = ", ".join(lists.audiences.get(a, {}).get(lang, a) for a in meta.audience)
    owner = lists.owners.get(meta.owner, {}).get(lang, meta.owner)
    sources = "; ".join(escape(source_titles.get(s, s)) for s in meta.sources)
    return (
        f'<aside class="page-meta" aria-label="{w["region"]}">'
        f'<p class="page-meta__review">{escape(review_line(meta, lists, lang))}</p>'
        f'<p class="page-meta__audience">{w["audience"]}: {escape(audience)} · {w["owner"]}: {escape(owner)}</p>'
        f'<p class="page-meta__sources"><a href="{escape(sources_href)}">{w["sources"]}</a>: {sources}</p>'
        "</aside>"
    )
