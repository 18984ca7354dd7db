"""Lists drawn from data for the «Kilder», «Ordliste» and «Hva er nytt» pages."""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Callable

from babel.dates import format_date

from .glossary import Term

WORDS = {
    "nb": {"cited_by": "Brukes på", "no_pages": "Ingen sider ennå", "link": "Nettsted", "reviewed": "Faglig vurdert",
           "term": "Forkortelse", "meaning": "Betydning", "page": "Side",
           "changes": "Endringer i innholdet", "no_changes": "Ingen endringer er ført opp ennå.",
           "recently_reviewed": "Sist faglig vurderte sider"},
    "en": {"cited_by": "Used on", "no_pages": "No pages yet", "link": "Website", "reviewed": "Reviewed",
           "term": "Abbreviation", "meaning": "Meaning", "page": "Page",
           "changes": "Changes to the content", "no_changes": "No changes have been listed yet.",
           "recently_reviewed": "Most recently reviewed pages"},
}


def sources_list(sources: list, pages: dict, *, lang: str, page_link: Callable[[str], tuple[str, str]],
                 block: Callable[[str], str] = lambda h: h) -> str:
    """Every source (veileder.sources.Source) with its publisher, year, address and the pages citing it.
    page_link(rel) gives (title, href from this page); the list of pages is finished HTML, put in by block()."""
    w = WORDS[lang]
    out = []
    for s in sources:
        year = f" ({s.year})" if s.year else ""
        out.append(f"## {s.title}{year}\n")
        out.append(f"{s.publisher_in(lang)}.")
        if s.url:
            out.append(f" {w['link']}: <{s.url}>")
        using = sorted((r for r, p in pages.items() if p.lang == lang and p.meta and s.id in p.meta.sources), key=lambda r: page_link(r)[0])
        links = ", ".join(f'<a href="{escape(h)}">{escape(t, quote=False)}</a>' for t, h in map(page_link, using)) or w["no_pages"]
        out.append("\n\n" + block(f"<p>{w['cited_by']}: {links}</p>") + "\n")
    return "\n".join(out)


def glossary_list(terms: list[Term], *, lang: str) -> str:
    w = WORDS[lang]
    rows = [f"| {w['term']} | {w['meaning']} |", "| --- | --- |"]
    rows += [f"| {t.term} | {t.text[lang]} |" for t in sorted(terms, key=lambda t: t.term.lower())]
    return "\n".join(rows)


def whats_new(pages: dict, lists, *, lang: str, page_link: Callable[[str], tuple[str, str]], changes: list | None = None,
              limit: int = 25) -> str:
    """The editors' log of changes (data/changes.yml), then the most recently reviewed pages, newest first."""
    from .changes import render_changes

    w = WORDS[lang]
    out = [f"## {w['changes']}\n", render_changes(changes or [], lang=lang, link=page_link) if changes else w["no_changes"],
           f"\n## {w['recently_reviewed']}\n"]
    mine = [p for p in pages.values() if p.lang == lang and p.meta]
    mine.sort(key=lambda p: (-p.meta.reviewed.toordinal(), p.meta.title))  # newest first, then A–Å
    current = None
    for p in mine[:limit]:
        if p.meta.reviewed != current:
            current = p.meta.reviewed
            fmt = "d. MMMM y" if lang == "nb" else "d MMMM y"
            out.append(f"\n### {format_date(current, fmt, locale=lang)}\n")
        title, href = page_link(p.rel)
        out.append(f"- [{title}]({href}) – {p.meta.description}")
    return "\n".join(out).strip() + "\n"
