"""A whole section of the guide as one page to print: the overview and every page of a menu section,
in menu order, each starting on a new sheet, under the section's own header, menu and quick exit.

Plain Python on finished HTML; the hook gives it the pages' HTML and writes the file it returns.

    printable_sections([("tiltak/index.md", ["tiltak/a.md", …]), …], limit=30)   -> {"tiltak/index.md": [...]}
    section_print_page(overview_output, parts, heading=…, intro=…, button=…, print_dir="tiltak")
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape

from veileder.paths import relpath_abs

CONTENT_START = "<!--guide:content-->"  # around the article's content in overrides/main.html
CONTENT_END = "<!--/guide:content-->"


@dataclass(frozen=True)
class PrintPart:
    """One page of the section: where its HTML was written (site-relative folder) and its content."""

    page_dir: str  # e.g. "tiltak/besoksforbud" (directory URLs) or "tiltak" (the offline copy)
    content: str  # the page's finished article HTML (content and its review line)


def printable_sections(sections: list[tuple[str | None, list[str]]], *, limit: int) -> dict[str, list[str]]:
    """Sections with an overview page and at most `limit` other pages (0: no limit): overview -> pages.
    A longer section would make a page too heavy to open on a phone; its pages print one by one."""
    return {index: pages for index, pages in sections if index and pages and (limit <= 0 or len(pages) <= limit)}


def with_print_link(body: str, *, href: str, text: str) -> str:
    """The overview page's Markdown with its link to the print page under the first `#` heading
    (at the top when the title comes from the front matter, as on this site's pages)."""
    link = f'<p class="print-section-link"><a href="{escape(href)}">{escape(text, quote=False)}</a></p>'
    lines = body.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", link, "", *lines[at:]])


# The attribute patterns below open with the plain «="» and look behind for the attribute's name, so
# the regex engine jumps from one «="» to the next instead of trying every space of the page.
_URL_ATTR = re.compile(r'="(?:(?<=\shref=")|(?<=\ssrc="))([^"]*)"')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|$)")  # scheme, root, same-page or empty


def rebase(url: str, from_dir: str, to_dir: str) -> str:
    """A relative URL written in a page in from_dir, as seen from to_dir (site-relative folders)."""
    if _ABSOLUTE.match(url) or from_dir == to_dir:
        return url
    path, sep, rest = url.partition("#")
    path, qsep, query = path.partition("?")
    target = posixpath.normpath(posixpath.join("/" + from_dir, path)) if path else "/" + from_dir
    rel = relpath_abs(target, "/" + to_dir) if target != "/" + to_dir else "."
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (qsep + query) + (sep + rest)


def rebase_urls(html: str, from_dir: str, to_dir: str) -> str:
    if from_dir == to_dir:
        return html
    return _URL_ATTR.sub(lambda m: '="' + rebase(m.group(1), from_dir, to_dir) + '"', html)


_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])")


def demote_headings(html: str) -> str:
    """Each heading one level down (h1 -> h2 … h5 -> h6; h6 stays): the section's title is the h1."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


_ID_ATTR = re.compile(r'="(?:(?<=\sid=")|(?<=\sfor="))([^"]+)"')
_IDREFS = re.compile(r'="(?:(?<=\saria-controls=")|(?<=\saria-labelledby=")|(?<=\saria-describedby=")|(?<=\saria-owns=")'
                     r'|(?<=\saria-activedescendant="))([^"]+)"')
_SAME_PAGE = re.compile(r'="#(?<=\shref="#)([^"=]+)"')  # not «#steg=…»: a tree's step (below)
# A decision tree's step addresses (#steg=q2) and the key trees.js reads them by (data-key="steg"):
# with the prefix, each tree on the page has addresses of its own (#p3-steg=q2), matching its steps' ids.
_STEP_ADDRESS = re.compile(r'="(?:(#)(?<=\shref="#)|(?<=\sdata-key="))((?:steg|step)(?:=|"))')


def prefix_ids(html: str, prefix: str) -> str:
    """Every id on the page, and every same-page reference to one, with `prefix` in front, so that the
    pages' headings («Hva du kan gjøre» on each) keep unique ids when they stand on one page."""
    html = _ID_ATTR.sub(lambda m: '="' + prefix + m.group(1) + '"', html)
    html = _IDREFS.sub(lambda m: '="' + " ".join(prefix + i for i in m.group(1).split()) + '"', html)
    html = _SAME_PAGE.sub(lambda m: '="#' + prefix + m.group(1) + '"', html)
    return _STEP_ADDRESS.sub(lambda m: '="' + (m.group(1) or "") + prefix + m.group(2), html)


_OWN_LINK = re.compile(r'<p class="print-section-link">.*?</p>', re.S)  # the overview's link to this page
_H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
_LANDMARK_LABEL = re.compile(r'(<(?:aside|nav|section|form)\b[^>]*?\saria-label=")([^"]*)(")')


def _heading_text(m: re.Match | None) -> str:
    """The text of a heading found by _H2 ('' when there is none)."""
    return unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""


def _name_landmarks(html: str, title: str) -> str:
    """Each page's landmarks («Om denne siden») named after the page too: a landmark's name is unique."""
    if not title:
        return html
    return _LANDMARK_LABEL.sub(lambda m: m.group(1) + m.group(2) + ": " + escape(title, quote=True) + m.group(3), html)


def section_content(prepared: list[tuple[str, str, str]], *, heading: str, intro: str, button: str) -> str:
    """The print page's article: its heading, a print button, then each page in its own <section>."""
    out = [f'<h1 id="print-section">{escape(heading, quote=False)}</h1>',
           f'<p class="print-section__intro">{escape(intro, quote=False)}</p>',
           f'<p class="print-section__actions"><button type="button" class="md-button md-button--primary" data-print-section hidden>{escape(button, quote=False)}</button></p>']
    for html, _, _ in prepared:
        out.append(f'<section class="print-section__page">\n{html}\n</section>')
    return "\n".join(out)


def _prepare_pages(parts: list[PrintPart], print_dir: str) -> list[tuple[str, str, str]]:
    """Each page as it stands on the print page: (article, id of its title, title)."""
    out = []
    for i, part in enumerate(parts, 1):
        html = prefix_ids(demote_headings(rebase_urls(_OWN_LINK.sub("", part.content), part.page_dir, print_dir)), f"p{i}-")
        first = _H2.search(html)  # the page's title (its h1, one level down)
        title, anchor = _heading_text(first), ""
        if first:
            given = _ID_IN_TAG.search(first.group(0), 0, first.group(0).index(">"))
            anchor = given.group(1) if given else f"p{i}"
            if not given:  # the page's title gets an id, for the print page's table of contents
                html = html[:first.start()] + f'<h2 id="{anchor}"' + html[first.start() + 3:]
        out.append((_name_landmarks(html, title), anchor, title))
    return out


_ID_IN_TAG = re.compile(r'\sid="([^"]+)"')
_TOC_LIST = re.compile(r'(<ul class="md-nav__list" data-md-component="toc"[^>]*>).*?(</ul>\s*</nav>)', re.S)
# an overview without headings has an empty table of contents: the print page gets Material's whole one
_EMPTY_TOC = re.compile(r'(<nav class="md-nav md-nav--secondary" aria-label="([^"]*)">)\s*(</nav>)')


def _with_pages_toc(html: str, prepared: list[tuple[str, str, str]]) -> str:
    """The theme's table of contents (Material's secondary menu) listing the section's pages."""
    items = _pages_toc(prepared)
    html, n = _TOC_LIST.subn(lambda m: m.group(1) + "\n" + items + "\n" + m.group(2), html, count=1)
    if n:
        return html
    return _EMPTY_TOC.sub(lambda m: (f'{m.group(1)}\n<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>'
                                     f'{m.group(2)}</label>\n<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>\n'
                                     f'{items}\n</ul>\n{m.group(3)}'), html, count=1)


def _pages_toc(prepared: list[tuple[str, str, str]]) -> str:
    """The print page's table of contents: the section's pages, in order, each linking to its title."""
    return "\n".join(f'<li class="md-nav__item"><a href="#{anchor}" class="md-nav__link">'
                     f'<span class="md-ellipsis">{escape(title, quote=False)}</span></a></li>'
                     for _, anchor, title in prepared if anchor and title)


def article_of(output: str) -> str | None:
    """The article content of a finished page (between the markers), None if they are missing."""
    start, end = output.find(CONTENT_START), output.rfind(CONTENT_END)
    return output[start + len(CONTENT_START):end] if 0 <= start < end else None


_TITLE = re.compile(r"<title>.*?</title>", re.S)
_CANONICAL = re.compile(r'\s*<link rel="canonical" href="[^"]*">')
_SKIP = re.compile(r'(<a href=")#[^"]*(" class="md-skip")')
_LANG_LINK = re.compile(r'(<a href=")([^"]*)(" hreflang="([a-zA-Z-]+)")')


def section_print_page(overview_output: str, parts: list[PrintPart], *, heading: str, intro: str, button: str,
                       print_dir: str, title: str, file_names: dict[str, str]) -> str | None:
    """The overview page's finished HTML with its content swapped for the whole section, its title
    changed to `title` (the site's name kept), and its language links pointing at the other language's print page (file_names: lang -> file).
    The print page is written beside the overview page, so the theme's own relative links hold.
    None if the overview's HTML has no content markers (a theme change removed them)."""
    start, end = overview_output.find(CONTENT_START), overview_output.rfind(CONTENT_END)
    if start < 0 or end < start:
        return None
    prepared = _prepare_pages(parts, print_dir)
    content = section_content(prepared, heading=heading, intro=intro, button=button)
    # The theme's own links to the overview's headings (its table of contents) follow them to their
    # new ids; the skip link goes to the print page's heading.
    overview_ids = set(_ID_IN_TAG.findall(parts[0].content)) if parts else set()

    def outside(html: str) -> str:
        html = _SAME_PAGE.sub(lambda m: '="#' + ("p1-" if m.group(1) in overview_ids else "") + m.group(1) + '"', html)
        return _SKIP.sub(r'\1#print-section\2', html)

    # its table of contents lists the section's pages instead of the overview's headings
    before = _with_pages_toc(overview_output[:start], prepared)
    page = outside(before) + CONTENT_START + "\n" + content + "\n" + outside(overview_output[end:])
    def retitle(m: re.Match) -> str:  # Material's «page - site»: the site's name stays
        site = m.group(0)[len("<title>"):-len("</title>")].rpartition(" - ")[2]
        return f"<title>{escape(title, quote=False)} - {site}</title>"

    page = _TITLE.sub(retitle, page, count=1)
    page = _CANONICAL.sub("", page, count=1)

    def language_link(m: re.Match) -> str:
        href, lang = m.group(2), m.group(4)
        name = file_names.get(lang)
        if not name:
            return m.group(0)
        if href.endswith("/") or href in ("", "."):
            href = (href.rstrip("/") + "/" if href not in ("", ".") else "") + name
        else:  # the offline copy: «../en/tiltak/index.html»
            href = posixpath.join(posixpath.dirname(href), name)
        return m.group(1) + href + m.group(3)

    return _LANG_LINK.sub(language_link, page)
