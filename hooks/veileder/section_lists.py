"""Long sections: the menu shows a window of a section's pages once it has more than a limit
(overrides/partials/nav-item.html), so the section's overview page lists them all.

    long = long_sections([("tiltak/index.md", ["tiltak/a.md", …]), …], limit=30)
    render_section_list(long["tiltak/index.md"], heading="Alle sidene i delen", anchor="alle-sidene-i-delen",
                        title_of=lambda rel: "…", link=lambda rel: "a.md")      -> Markdown
"""
from __future__ import annotations

from typing import Callable


def long_sections(sections: list[tuple[str | None, list[str]]], *, limit: int) -> dict[str, list[str]]:
    """For each section with an overview page and more than `limit` other pages: overview -> pages."""
    if limit <= 0:
        return {}
    return {index: pages for index, pages in sections if index and len(pages) > limit}


def render_section_list(pages: list[str], *, heading: str, anchor: str, title_of: Callable[[str], str],
                        link: Callable[[str], str]) -> str:
    """A heading (with a fixed anchor the menu links to) and one link per page, in menu order."""
    lines = [f"## {heading} {{#{anchor}}}", ""]
    lines += [f"- [{title_of(rel)}]({link(rel)})" for rel in pages]
    return "\n".join(lines) + "\n"
