"""Long sections: the menu shows a window of a section's pages once it has more than a limit
(overrides/partials/nav-item.html), so the section's overview page lists them all.

    long = long_sections([("tiltak/index.md", ["tiltak/a.md", …]), …], limit=30)
    render_section_list(long["tiltak/index.md"], heading="Alle sidene i delen", anchor="alle-sidene-i-delen",
                        title_of=lambda rel: "…", href=lambda rel: "../a/")    -> Markdown with the list as HTML
"""
from __future__ import annotations

from html import escape
from typing import Callable


def long_sections(sections: list[tuple[str | None, list[str]]], *, limit: int) -> dict[str, list[str]]:
    """For each section with an overview page and more than `limit` other pages: overview -> pages."""
    if limit <= 0:
        return {}
    return {index: pages for index, pages in sections if index and len(pages) > limit}


def render_section_list(pages: list[str], *, heading: str, anchor: str, title_of: Callable[[str], str],
                        href: Callable[[str], str], block: Callable[[str], str] = lambda h: h) -> str:
    """A heading (with a fixed anchor the menu links to) and one link per page, in menu order; the list
    is finished HTML (it grows with the section), put in by block()."""
    items = "\n".join(f'<li><a href="{escape(href(rel))}">{escape(title_of(rel), quote=False)}</a></li>' for rel in pages)
    return f"## {heading} {{#{anchor}}}\n\n" + block(f"<ul>\n{items}\n</ul>") + "\n"
