"""Read every page once per build, run every content check, and prepare each page's Markdown.

Plain Python: the MkDocs hook calls `scan()` once per build and `page_markdown()` per page.
Order per page: decision-tree markers become HTML, then legal references and phone numbers in the
prose (tree text included) become links, then generated lists (law index, phone list, sources,
glossary, what's new) fill their markers. The glossary's tooltips are added to the finished HTML
(abbreviations.py).
"""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from . import generated_pages
from .frontmatter import FrontMatter, split_front_matter
from .mdtext import heading_ids, segments
from .abbreviations import Abbreviations
from .glossary import load_glossary
from .legal import link_legal_refs, load_law_registry, render_law_index
from .legal_refs import LAW_LINK
from .page_meta import MetaLists, PageMeta, check_page_meta, compare_facts, compare_pair, pair_of
from .sources import load_lists, load_sources
from .phone_format import TEL_LINK, display
from .phones import link_phone_numbers, load_phone_registry, number_key, render_phone_page
from .paths import relpath_abs
from .problems import Problem
from .role_views import render_role_view
from .trees import backlinks, load_trees, render_backlinks, render_tree
from .duties import duty_texts, load_duties, render_duty_matrix
from .measures import load_measures, measure_texts, render_measure_facts, render_measures_table
from .changes import change_texts, load_changes

LANGS = ("nb", "en")
MARKER = re.compile(r"\{\{\s*([A-Za-z_-]+)\s*(?::\s*([^}]*?))?\s*\}\}")  # «_» too: «measure_facts» is a misspelt marker
LIST_MARKERS = {"law-index", "phone-list", "sources", "glossary", "whats-new", "role-view"}
DATA_MARKERS = {"measure-facts", "measures-table", "duty-matrix"}  # drawn from data, linked like prose
KNOWN_MARKERS = LIST_MARKERS | DATA_MARKERS | {"tree", "repealed"}
_HREF = "\ue000"  # around a page path in a cached tree's HTML, until each page puts its own link there
_HREF_TOKEN = re.compile(_HREF + "([^" + _HREF + "]*)" + _HREF)
_LINK = "\ue001"  # around a number in the page's Markdown: the build's own link number n (stash_links)
_LINK_TOKEN = re.compile(_LINK + "([0-9]+)" + _LINK)
_OWN_LINK = re.compile(f"{TEL_LINK.pattern}|{LAW_LINK.pattern}")  # the build's own links (phone_format, legal_refs)
_HEADING_START = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
# what can hold a link-like text that must stay as written (stash_links then cuts the page into segments)
_CODE_OR_COMMENT = ("`", "~~~", "<!--", "<code", "<pre", "<kbd", "<samp", "<script", "<style", "<textarea")


def replace_markers(body: str, first_line: int, fn) -> str:
    """Replace each `{{ name: arg }}` marker outside code with fn(name, arg, line); None keeps it."""
    if "{{" not in body:
        return body
    out = []
    for seg in segments(body):
        m = MARKER.fullmatch(seg.text) if not seg.prose else None
        replacement = fn(m.group(1), (m.group(2) or "").strip(), first_line + seg.line - 1) if m else None
        out.append(seg.text if replacement is None else replacement)
    return "".join(out)


@dataclass
class PageData:
    rel: str  # docs-relative path, e.g. "tiltak/besoksforbud.en.md"
    lang: str
    file: str  # repo-relative path, for messages
    fm: FrontMatter
    meta: PageMeta | None = None
    body: str = ""  # prepared Markdown (after trees and links; list markers still in place)
    laws: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    trees: list[str] = field(default_factory=list)
    citations: list = field(default_factory=list)
    blocks: dict[str, tuple[str, str]] = field(default_factory=dict)  # slot -> (tree id, finished HTML put in after Markdown)
    links: list[str] = field(default_factory=list)  # the build's own links, put in after Markdown (stash_links)


@dataclass
class Content:
    root: Path
    pages: dict[str, PageData]
    problems: list[Problem]
    lists: MetaLists
    laws: object
    phones: object
    trees: dict
    glossary: list
    backlinks: dict
    measures: object = None
    duties: object = None
    changes: list = field(default_factory=list)
    abbreviations: dict = field(default_factory=dict)  # lang -> Abbreviations, for the finished HTML
    sources: list = field(default_factory=list)  # veileder.sources.Source, in the file's order
    tree_homes: dict = field(default_factory=dict)  # tree id -> the bokmål page that shows it
    descriptions: dict = field(default_factory=dict)  # page -> its description as linked HTML (described)
    directory_urls: bool = True


def page_url(rel: str) -> str:
    """The site-relative URL of a docs page with directory URLs ('' for the home page)."""
    base = rel[: -len(".en.md")] if rel.endswith(".en.md") else rel[: -len(".md")]
    if base == "index" or base.endswith("/index"):
        base = base[: -len("index")]
        return base
    return base + "/"


@functools.lru_cache(maxsize=1 << 16)  # the same page pairs come back on every page (menus, lists, trees)
def relative_href(from_rel: str, to_rel: str, *, directory_urls: bool = True) -> str:
    """A relative link from one page to another (both docs-relative, same language), for raw HTML.

    With directory URLs (the published site) pages are folders ('../tiltak/besoksforbud/'); without
    them (the offline copy, opened from disk) they are files ('../tiltak/besoksforbud.html')."""
    if not directory_urls:
        src, dst = _file_url(from_rel), _file_url(to_rel)
        return relpath_abs("/" + dst, posixpath.dirname("/" + src))
    src, dst = page_url(from_rel), page_url(to_rel)
    rel = relpath_abs("/" + dst, "/" + src) if dst != src else "."
    return rel if rel.endswith("/") or rel == "." else rel + "/"


def _file_url(rel: str) -> str:
    base = rel[: -len(".en.md")] if rel.endswith(".en.md") else rel[: -len(".md")]
    return base + ".html"


def relative_md(from_rel: str, to_rel: str) -> str:
    """A Markdown link from one page's file to another's, by the bokmål file name (the i18n plugin
    points it at the same language as the linking page), so MkDocs validates and converts it."""
    to_rel = to_rel[len("docs/"):] if to_rel.startswith("docs/") else to_rel
    target = to_rel[: -len(".en.md")] + ".md" if to_rel.endswith(".en.md") else to_rel
    return relpath_abs("/" + target, "/" + posixpath.dirname(from_rel))


def lang_of(rel: str) -> str:
    return "en" if rel.endswith(".en.md") else "nb"


def same_lang(rel_nb: str, lang: str) -> str:
    return rel_nb if lang == "nb" else rel_nb[: -len(".md")] + ".en.md"


def registry_checks(laws, phones):
    """check_text(text, lang, file, line) and check_phone(number, file, line): the problems the law
    and phone registries find in a text of data (a tree, the measures, the duties) and in a phone number."""

    def check_text(text: str, lang: str, file: str, line: int) -> list[Problem]:
        _, _, p1 = link_legal_refs(text, lang=lang, registry=laws, file=file, first_line=line)
        _, _, p2 = link_phone_numbers(text, lang=lang, registry=phones, file=file, first_line=line)
        return p1 + p2

    def check_phone(number: str, file: str, line: int) -> list[Problem]:
        key = number_key(number)
        if key is None:
            return [Problem(file, line or None, f"'{number}' is not written as a phone number",
                            'write it as in data/phones.yml, e.g. "112", "02800", "116 006" or "22 40 00 40"')]
        if phones.lookup(key) is None:
            if key in phones.not_used:
                return [phones.never_problem(file, line or None, number, key)]
            if key in phones.rejected:
                return [Problem(file, line or None, f"the phone number {number} is in the phone registry, but its entry has errors and is not published",
                                f"fix the entry '{phones.rejected[key]}' in data/phones.yml (see the messages for that file)")]
            return [Problem(file, line or None, f"the phone number {number} is not in the phone registry",
                            "use a number from data/phones.yml, or add it there with its owner, source and check date")]
        return []

    return check_text, check_phone


def scan(root: Path, *, today: dt.date, directory_urls: bool = True) -> Content:
    docs = root / "docs"
    data = root / "data"
    sources, problems = load_sources(data / "sources.yml")
    lists, p = load_lists(data / "metadata.yml", sources)
    problems += p
    laws, p = load_law_registry(data / "laws.yml", today=today)
    problems += p
    phones, p = load_phone_registry(data / "phones.yml", today=today)
    problems += p
    glossary, p = load_glossary(data / "glossary.yml")
    problems += p

    pages: dict[str, PageData] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if any(part.startswith(("_", ".")) for part in rel.split("/")):
            continue
        file = f"docs/{rel}"
        fm = split_front_matter(path.read_text(encoding="utf-8"))
        page = PageData(rel=rel, lang=lang_of(rel), file=file, fm=fm)
        page.meta, p = check_page_meta(fm, file, lists, today)
        problems += p
        problems += _front_matter_problems(fm, file, lang_of(rel), laws, phones)
        pages[rel] = page

    known_pages = {rel for rel in pages if not rel.endswith(".en.md")}

    check_text, check_phone = registry_checks(laws, phones)

    def check_anchor(page_nb: str, anchor: str) -> str:
        missing = [name for rel, name in ((page_nb, "bokmål"), (same_lang(page_nb, "en"), "English"))
                   if rel in pages and anchor not in heading_ids(pages[rel].fm.body)]
        if not missing:
            return ""
        return "is not a heading on either language version of the page" if len(missing) == 2 else f"is not a heading on the {missing[0]} page"

    trees, p = load_trees(data / "trees", known_pages=known_pages, check_text=check_text, rel_root=root,
                          check_phone=check_phone, check_anchor=check_anchor)
    problems += p
    measures, p = load_measures(data / "measures.yml", known_pages=known_pages)
    problems += p
    duties, p = load_duties(data / "duties.yml", known_pages=known_pages)
    problems += p
    changes, p = load_changes(data / "changes.yml", known_pages=known_pages, today=today)
    problems += p
    for texts, rel_file in ((measure_texts(measures), "data/measures.yml"), (duty_texts(duties), "data/duties.yml"),
                            (change_texts(changes), "data/changes.yml")):
        for text, lang, line in texts:
            problems += check_text(text, lang, rel_file, line)
    links_back = backlinks(trees)
    tree_files = {path.stem for path in (data / "trees").glob("*.y*ml")} if (data / "trees").is_dir() else set()
    shown: dict[str, list[tuple[str, int]]] = {}  # tree id -> [(bokmål page file, marker line)]

    abbreviations = {lang: Abbreviations({t.term: t.text[lang] for t in glossary}) for lang in LANGS}
    tree_cache: dict[tuple[str, str], tuple[str, list, list]] = {}

    def finished_tree(tree_id: str, lang: str) -> tuple[str, list, list]:
        """A tree's HTML with its references, numbers and tooltips done, once per language; page links
        are left as tokens for each page to fill in. Problems in its texts are reported at its data file."""
        key = (tree_id, lang)
        if key not in tree_cache:
            html = render_tree(trees[tree_id], lang=lang, page_href=lambda to: f"{_HREF}{same_lang(to, lang)}{_HREF}")
            html, cites, _ = link_legal_refs(html, lang=lang, registry=laws, file=f"data/trees/{tree_id}.yml")
            html, numbers, _ = link_phone_numbers(html, lang=lang, registry=phones, file=f"data/trees/{tree_id}.yml")
            tree_cache[key] = (abbreviations[lang](html), cites, numbers)
        return tree_cache[key]

    for rel, page in pages.items():
        body = page.fm.body
        first = page.fm.body_first_line
        tree_lines: dict[str, int] = {}  # tree id -> marker line on this page
        tree_cites: list = []
        tree_numbers: list = []

        def tree_html(name, arg, line, page=page, tree_lines=tree_lines):
            if name not in KNOWN_MARKERS:
                problems.append(Problem(page.file, line, f"unknown marker «{{{{ {name} }}}}»", "use one of {{ tree: id }}, {{ measure-facts }}, {{ measures-table }}, {{ duty-matrix }}, {{ role-view: role }}, "
                                        "{{ law-index }}, {{ phone-list }}, {{ sources }}, {{ glossary }}, {{ whats-new }}, {{ repealed: … }}"))
                return None
            if name == "role-view" and (arg not in lists.audiences or arg == "all"):
                problems.append(Problem(page.file, line, f"unknown role '{arg}' in «{{{{ role-view: {arg} }}}}»", f"use one of: {', '.join(a for a in lists.audiences if a != 'all')}"))
            if name != "tree":
                return None
            if arg in tree_lines:
                problems.append(Problem(page.file, line, f"the decision tree '{arg}' is already shown on line {tree_lines[arg]} of this page",
                                        "show each tree once: remove this marker"))
                return ""
            tree_lines[arg] = line
            page.trees.append(arg)
            if arg not in trees:
                if arg in tree_files:
                    problems.append(Problem(page.file, line, f"the decision tree '{arg}' cannot be shown, because its file has errors",
                                            f"fix the problems reported for data/trees/{arg}.yml"))
                else:
                    problems.append(Problem(page.file, line, f"no decision tree with id '{arg}'", f"use the id of a file in data/trees/ (known: {', '.join(sorted(trees)) or 'none'})"))
                return None
            if page.lang == "nb":
                shown.setdefault(arg, []).append((page.file, line))
            html, cites, numbers = finished_tree(arg, page.lang)
            tree_cites.extend(dataclasses.replace(c, file=page.file, line=line) for c in cites)  # cited on this page
            tree_numbers.extend(n for n in numbers if n not in tree_numbers)
            slot = f'<div data-guide-slot="{len(page.blocks)}"></div>'
            page.blocks[slot] = (arg, _HREF_TOKEN.sub(
                lambda m, r=page.rel: relative_href(r, m.group(1), directory_urls=directory_urls), html))
            # The tree goes into the page after Markdown (it is finished HTML): Markdown only sees
            # this one line, so the page keeps its line count and problems name the right line.
            return slot

        body = replace_markers(body, first, tree_html)
        body, citations, p = link_legal_refs(body, lang=page.lang, registry=laws, file=page.file, first_line=first)
        problems += p
        citations += tree_cites
        body, numbers, p = link_phone_numbers(body, lang=page.lang, registry=phones, file=page.file, first_line=first)
        problems += p
        numbers += [n for n in tree_numbers if n not in numbers]

        def data_block(name, arg, line, page=page):
            if name not in DATA_MARKERS:
                return None
            if name == "measure-facts":
                measure_id = posixpath.basename(page.rel).split(".")[0]
                if measures.get(measure_id) is None:
                    if measures.has_errors(measure_id):
                        problems.append(Problem(page.file, line, f"the facts of the measure '{measure_id}' cannot be shown, because its entry in data/measures.yml has errors",
                                                "fix the problems reported for data/measures.yml"))
                    else:
                        problems.append(Problem(page.file, line, f"no measure '{measure_id}' in data/measures.yml for «{{{{ measure-facts }}}}»", "add the measure to data/measures.yml with the same id as the page's file name, or remove the marker"))
                    return None
                block = render_measure_facts(measures, measure_id, lang=page.lang)
            elif name == "measures-table":
                block = render_measures_table(measures, lang=page.lang, link=lambda to, r=page.rel: relative_md(r, to))
            else:
                block = render_duty_matrix(duties, lang=page.lang, link=lambda to, r=page.rel: relative_md(r, to))
            # Drawn from data already checked above: link it, keep its citations, drop repeat problems.
            block, cites, _ = link_legal_refs(block, lang=page.lang, registry=laws, file=page.file, first_line=line)
            block, _, _ = link_phone_numbers(block, lang=page.lang, registry=phones, file=page.file, first_line=line)
            citations.extend(cites)
            return block

        body = replace_markers(body, first, data_block)
        page.body = body
        page.citations = citations
        page.laws = {f"{c.law_id} § {c.section}" for c in citations}
        page.phones = set(numbers)

    problems += _pair_problems(pages, phones)
    homes, p = _tree_homes(trees, shown)
    problems += p
    return Content(root, pages, problems, lists, laws, phones, trees, glossary, links_back, measures, duties,
                   changes=changes, abbreviations=abbreviations, tree_homes=homes, directory_urls=directory_urls,
                   sources=sources)


def _front_matter_problems(fm: FrontMatter, file: str, lang: str, laws, phones) -> list[Problem]:
    """Legal references and numbers in the title and description (shown in menus, search results and
    link previews, where they cannot be links) must still be known to the registries."""
    problems: list[Problem] = []
    for key in ("title", "description"):
        value = fm.data.get(key) if isinstance(fm.data, dict) else None
        if isinstance(value, str):
            line = fm.lines.get(key, 1)
            problems += link_legal_refs(value, lang=lang, registry=laws, file=file, first_line=line)[2]
            problems += link_phone_numbers(value, lang=lang, registry=phones, file=file, first_line=line)[2]
    return problems


def _tree_homes(trees: dict, shown: dict[str, list[tuple[str, int]]]) -> tuple[dict[str, str], list[Problem]]:
    """The bokmål page that is each tree's home: links to its steps («Brukes i beslutningsstøtte»)
    go there. A tree may be shown on more than one page pair; its home is
    docs/beslutningsstotte/<id>.md when that page shows it, otherwise the first page that does.
    A tree no page shows is an error: readers cannot reach it, and links to its steps would break."""
    homes: dict[str, str] = {}
    problems: list[Problem] = []
    for tid, tree in sorted(trees.items()):
        places = sorted({file[len("docs/"):] for file, _ in shown.get(tid, [])})
        if not places:
            problems.append(Problem(tree._file or f"data/trees/{tid}.yml", tree._line, f"no page shows the decision tree '{tid}'",
                                    f"add the marker {{{{ tree: {tid} }}}} to a page and its English twin, e.g. docs/beslutningsstotte/{tid}.md and {tid}.en.md, and add the page to nav: in mkdocs.yml"))
            continue
        preferred = f"beslutningsstotte/{tid}.md"
        homes[tid] = preferred if preferred in places else places[0]
    return homes, problems


def _pair_problems(pages: dict[str, PageData], phones=None) -> list[Problem]:
    shown = {e.id: e.display for e in phones.entries} if phones is not None else {}

    def show_phone(found: str) -> str:  # a registry id, or the E.164 form of a number not in it
        key = number_key(found)
        return shown.get(found) or (display(key) if key else found)

    problems = []
    for rel, page in sorted(pages.items()):
        nb_rel, en_rel = pair_of(rel)
        if page.lang == "nb" and en_rel not in pages:
            problems.append(Problem(page.file, None, "this page has no English version", f"write docs/{en_rel} with the same sections and facts (a missing translation is never filled in from bokmål)"))
        elif page.lang == "en" and nb_rel not in pages:
            problems.append(Problem(page.file, None, "this page has no bokmål version", f"write docs/{nb_rel}, or rename this file if it is meant to be the bokmål page"))
        if page.lang != "en" or nb_rel not in pages:
            continue
        nb = pages[nb_rel]
        if nb.meta and page.meta:
            problems += compare_pair(nb.file, nb.meta, page.file, page.meta, page.fm.lines)
        problems += compare_facts(nb.file, page.file, "the legal reference", nb.laws, page.laws)
        problems += compare_facts(nb.file, page.file, "the phone number", nb.phones, page.phones, show=show_phone)
        problems += compare_facts(nb.file, page.file, "the decision tree", set(nb.trees), set(page.trees))
    return problems


def page_markdown(content: Content, rel: str) -> str:
    """The page's final Markdown: prepared body, generated lists, backlinks and abbreviations."""
    page = content.pages[rel]
    lang = page.lang

    def href(to: str) -> str:  # an address from this page, for finished HTML
        to = to[len("docs/"):] if to.startswith("docs/") else to
        return relative_href(rel, to, directory_urls=content.directory_urls)

    def block(html: str) -> str:
        return html_block(page, html)

    def linked(text: str) -> str:
        return _linked(content, text, lang, page.file)

    def fill(kind, arg, line):
        if kind == "law-index":
            cites = {p.rel: p.citations for p in content.pages.values() if p.lang == lang and p.citations}
            return render_law_index(content.laws, cites, lang=lang, page_link=lambda r: (_title(content, r), href(r)), block=block)
        if kind == "phone-list":
            return render_phone_page(content.phones, lang=lang)
        if kind == "sources":
            return generated_pages.sources_list(content.sources, content.pages, lang=lang, page_link=lambda r: (_title(content, r), href(r)), block=block)
        if kind == "glossary":
            return generated_pages.glossary_list(content.glossary, lang=lang)
        if kind == "role-view":
            if arg not in content.lists.audiences or arg == "all":
                return None  # reported in scan()
            body = render_role_view(content.pages, arg, lang=lang, role_name=content.lists.audiences[arg][lang], duties=content.duties,
                                    link=lambda r: relative_md(rel, r), href=href, block=block,
                                    describe=lambda p: described(content, p))
            return linked(body)
        if kind == "whats-new":
            def in_lang(r):  # the changes name bokmål pages; the reviewed list names this language's
                return r if r.endswith(".en.md") else same_lang(r, lang)

            body = generated_pages.whats_new(content.pages, content.lists, lang=lang, changes=content.changes,
                                             page_link=lambda r: (_title(content, in_lang(r)), relative_md(rel, r)))
            return linked(body)
        return None

    body = replace_markers(page.body, 1, fill)
    nb_rel = pair_of(rel)[0]
    entries = content.backlinks.get(nb_rel)
    if entries:
        body += "\n\n" + render_backlinks(entries, lang=lang, tree_href=lambda tree_id, node_id: _tree_href(content, rel, tree_id, node_id, lang))
    return stash_links(page, body) + "\n"


def described(content: Content, page: PageData) -> str:
    """A page's description as HTML, its references and numbers linked: made once per build, for the
    lists that show it (each role view lists hundreds of pages)."""
    html = content.descriptions.get(page.rel)
    if html is None:
        html = content.descriptions[page.rel] = _linked(content, escape(page.meta.description, quote=False), page.lang, page.file)
    return html


def _linked(content: Content, text: str, lang: str, file: str) -> str:
    """Drawn text (a page description, a generated list) with its references and numbers as links;
    its problems were reported where the text was written."""
    text, _, _ = link_legal_refs(text, lang=lang, registry=content.laws, file=file)
    return link_phone_numbers(text, lang=lang, registry=content.phones, file=file)[0]


def stash_links(page: PageData, markdown: str) -> str:
    """The build's own links to Lovdata and tel: in the Markdown, each as a short token that
    finish_html turns back into the link: Markdown then reads plain text instead of an inline HTML
    tag pair per reference (the larger part of what the links cost a build). Links in headings stay,
    for the heading's id and its entry in the table of contents; code is never touched."""
    page.links = []
    if 'class="law-ref"' not in markdown and 'class="tel"' not in markdown:
        return markdown
    if not any(mark in markdown for mark in _CODE_OR_COMMENT):
        # No code or comment on the page (most pages): the links are found directly, without
        # cutting the page into segments once more; the linkers put them only in prose.
        return _OWN_LINK.sub(lambda m: _stash(page, markdown, m.start(), m.group(0)), markdown)
    return _stash_by_segments(page, markdown)


def _stash_by_segments(page: PageData, markdown: str) -> str:
    """stash_links on a page with code or comments: only links that are segments of their own."""
    return "".join(_stash(page, markdown, seg.offset, seg.text) if not seg.prose and _OWN_LINK.fullmatch(seg.text) else seg.text
                   for seg in segments(markdown))


def _stash(page: PageData, markdown: str, at: int, link: str) -> str:
    """The token that stands for the link at markdown[at], kept in page.links; in a heading the link stays."""
    if _HEADING_START.match(markdown, markdown.rfind("\n", 0, at) + 1):
        return link
    page.links.append(link)
    return f"{_LINK}{len(page.links) - 1}{_LINK}"


def html_block(page: PageData, html: str) -> str:
    """What stands in the page's Markdown for a piece of finished HTML (put in by finish_html)."""
    slot = f'<div data-guide-slot="{len(page.blocks)}"></div>'
    page.blocks[slot] = (None, html)
    return f"\n\n{slot}\n\n"


def finish_html(content: Content, rel: str, html: str) -> str:
    """The page's HTML after Markdown: its own finished blocks and each tree on the page that is its
    home (so search indexes the tree there, once) in their slots, then the glossary's tooltips.
    Other trees: finish_output()."""
    return content.abbreviations[content.pages[rel].lang](_with_slots_filled(content, rel, html, for_search=False))


# The build's own link and tooltip tags. Search keeps the text inside them and nothing of the tags.
_OWN_INLINE_TAG = re.compile(r"</?(?:a|abbr)\b[^>]*>")


def search_html(content: Content, rel: str, html: str) -> str:
    """What search reads of the page: finish_html() without the build's own links and tooltips,
    their text kept. Search indexes only the text of a link or an abbreviation, so it finds the same
    words, while its HTML parser (the larger part of what search costs a build) reads fewer tags.
    The hook gives the theme finish_html() once search has read this."""
    return _with_slots_filled(content, rel, html, for_search=True)


def _with_slots_filled(content: Content, rel: str, html: str, *, for_search: bool) -> str:
    """The page's links and the blocks search reads put back in their places; for search, without
    their link and tooltip tags. A tree keeps its tags even then: it puts whitespace alone between
    tags, which search reads as one space, and would read as written once a tag went."""
    page = content.pages[rel]
    home = pair_of(rel)[0]

    def plain(text: str) -> str:
        return _OWN_INLINE_TAG.sub("", text) if for_search else text

    if page.links:
        html = _LINK_TOKEN.sub(lambda m: plain(page.links[int(m.group(1))]), html)
    for slot, (tree_id, block) in page.blocks.items():
        if tree_id is None or content.tree_homes.get(tree_id) == home:
            html = html.replace(slot, block if tree_id else plain(block), 1)
    return html


def finish_output(content: Content, rel: str, output: str) -> str:
    """The finished page (theme included): the trees shown here but at home elsewhere, in their slots.
    They come after search has read the page, so a tree is found in search on its home page only."""
    for slot, (tree_id, block) in content.pages[rel].blocks.items():
        if tree_id is not None:
            output = output.replace(slot, block, 1)
    return output


def _title(content: Content, rel: str) -> str:
    rel = rel[len("docs/"):] if rel.startswith("docs/") else rel
    page = content.pages.get(rel)
    return page.meta.title if page and page.meta else rel


def _tree_href(content: Content, from_rel: str, tree_id: str, node_id: str, lang: str) -> str:
    from .trees import step_anchor

    home = content.tree_homes.get(tree_id, f"beslutningsstotte/{tree_id}.md")
    return relative_href(from_rel, same_lang(home, lang), directory_urls=content.directory_urls) + "#" + step_anchor(node_id, lang)
