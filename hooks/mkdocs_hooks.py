"""MkDocs event functions: thin glue around the plain logic in hooks/veileder/.

mkdocs-static-i18n runs every event once per language (bokmål first, then English inside its
on_post_build). The content is scanned and checked once, in the bokmål build's on_pre_build, and
every problem is logged there as a warning, so `--strict` fails with all of them at once.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
from urllib.parse import urlsplit
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from veileder.html_fixes import label_task_items
from veileder.link_messages import rewrite_link_warning
from veileder.page_footer import page_footer_html
from veileder.phones import header_numbers
from veileder.problems import Problem
from veileder.offline import SHIM_PATH, finish_offline_build, offline_requested, shim_source
from veileder.open_data import build_open_data, site_url_path, write_open_data
from veileder.print_section import PrintPart, article_of, printable_sections, section_print_page, with_print_link
from veileder.search_split import split_search_index
from veileder.section_lists import long_sections, render_section_list
from veileder.site_content import Content, finish_html, finish_output, html_block, page_markdown, relative_href, same_lang, scan, search_html
from veileder.ui_text import load_ui_text

log = get_plugin_logger("veileder")

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["nb", "en"]
DEFAULT_LANG = "nb"


class _State:
    """What the current build run has learnt; rebuilt in the bokmål on_pre_build."""

    lang: str = DEFAULT_LANG
    ui: dict = {}
    content: Content | None = None
    source_titles: dict[str, str] = {}
    not_found: dict[str, str] = {}  # the 404 page per language; each build writes it to the site root
    long_sections: dict[str, list[str]] = {}  # overview page -> its pages, for sections the menu shortens
    printable: dict[str, dict[str, list[str]]] = {}  # lang -> overview page -> its pages, for a section's print page
    printed: dict[str, dict[str, tuple[str, str, str]]] = {}  # lang -> page -> (folder, article, full HTML)
    print_members: dict[str, set[str]] = {}  # lang -> every page of those sections, overviews included
    unfinished: dict[str, tuple[str, str]] = {}  # page -> (what search reads, its HTML before finish_html), until on_page_context


STATE = _State()


def _today() -> dt.date:
    # GUIDE_TODAY lets tests and the benchmark build "as of" a fixed date.
    given = os.environ.get("GUIDE_TODAY")
    return dt.date.fromisoformat(given) if given else dt.date.today()


def _report(problems: list[Problem]) -> None:
    # by file, then line (line 10 after line 9), each problem once
    for text in dict.fromkeys(str(p) for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.what, p.fix))):
        log.warning(text)


def _lang(config) -> str:
    lang = config.theme["language"]
    return lang if lang in LANGS else DEFAULT_LANG


class _EditorLinkMessages(logging.Filter):
    """Words MkDocs' own link warnings as `file:line: what — how to fix it` (they stay warnings)."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            text = rewrite_link_warning(record.getMessage(), self.docs_dir)
            if text:
                record.msg, record.args = text, ()
        return True


def on_config(config):
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, _EditorLinkMessages)]:
            logger.removeFilter(old)
        logger.addFilter(_EditorLinkMessages(Path(config.docs_dir)))
    if offline_requested():  # the offline copy (scripts/offline_archive.py): .html links, search from file://
        if shim_source(ROOT) is None:
            raise PluginError("the offline copy needs tools/offline/node_modules: run `npm ci` in tools/offline (make build does)")
        config.use_directory_urls = False
        config.extra["polyfills"] = [*(p for p in config.extra.get("polyfills", []) if p != SHIM_PATH), SHIM_PATH]  # on_config runs per language
    return config


def on_pre_build(config) -> None:
    STATE.lang = _lang(config)
    STATE.unfinished = {}
    if STATE.lang == DEFAULT_LANG:
        STATE.not_found = {}
    if STATE.lang != DEFAULT_LANG and STATE.content is not None:
        return  # the English build reuses the scan of this build run
    ui, problems = load_ui_text(ROOT / "data" / "ui.yml", LANGS)
    try:
        STATE.content = scan(ROOT, today=_today(), directory_urls=config.use_directory_urls)
    except Exception as exc:  # a crash here is a bug in the hooks, never the editor's fault
        raise PluginError(f"the content checks crashed ({type(exc).__name__}: {exc}). This is a bug in hooks/veileder/; please report it.") from exc
    problems += STATE.content.problems
    _report(problems)
    if not ui:
        raise PluginError("data/ui.yml could not be read; see the messages above")
    STATE.ui = ui
    STATE.source_titles = {s.id: s.title for s in STATE.content.sources}


def on_env(env, config, files):
    lang = STATE.lang
    ui = dict(STATE.ui.get(lang, {}))
    env.globals["ui"] = ui
    numbers = header_numbers(STATE.content.phones, lang=lang) if STATE.content else []
    env.globals["emergency"] = numbers  # label, number and link per language, from data/phones.yml
    return env


def on_nav(nav, config, files):
    def walk(items):
        for item in items:
            if getattr(item, "is_section", False):
                pages = [c.file.src_uri for c in item.children if getattr(c, "is_page", False)]
                index = next((p for p in pages if p.rsplit("/", 1)[-1].split(".")[0] == "index"), None)
                yield index, [p for p in pages if p != index]
                yield from walk(item.children)

    sections = list(walk(nav.items))
    limit = int(config.extra.get("nav_section_limit") or 0)
    STATE.long_sections = long_sections(sections, limit=limit)
    STATE.printable[STATE.lang] = printable_sections(sections, limit=limit)
    STATE.print_members[STATE.lang] = {rel for index, pages in STATE.printable[STATE.lang].items() for rel in (index, *pages)}
    STATE.printed[STATE.lang] = {}
    return nav


def on_page_markdown(markdown, page, config, files):
    content = STATE.content
    rel = page.file.src_uri
    if content is None or rel not in content.pages:
        return markdown
    body = page_markdown(content, rel)
    if rel in STATE.long_sections:
        pages, ui = STATE.long_sections[rel], STATE.ui[STATE.lang]
        body += "\n" + render_section_list(pages, heading=ui["nav_all_pages"].replace("{n}", str(len(pages))), anchor=ui["nav_all_pages_anchor"],
                                           title_of=lambda r: content.pages[r].meta.title if r in content.pages and content.pages[r].meta else r,
                                           href=lambda r: relative_href(rel, r, directory_urls=content.directory_urls),
                                           block=lambda h: html_block(content.pages[rel], h))
    section = STATE.printable.get(STATE.lang, {}).get(rel)
    if section is not None:
        ui = STATE.ui[STATE.lang]
        body = with_print_link(body, href=ui["print_section_file"], text=ui["print_section_link"].replace("{n}", str(len(section) + 1)))
    return body


@event_priority(-100)  # last: what it returns is what search reads
def on_page_content(html, page, config, files):
    html = label_task_items(html)
    content = STATE.content
    rel = page.file.src_uri
    if content is not None and rel in content.pages:
        # Search reads the page without the build's own link and tooltip tags (search_html);
        # on_page_context then gives the theme the finished page (tooltips; trees in their slots).
        for_search = search_html(content, rel, html)
        STATE.unfinished[rel] = (for_search, html)
        return for_search
    return html


def on_post_page(output, page, config):
    content = STATE.content
    if content is not None and page.file.src_uri in content.pages:
        output = finish_output(content, page.file.src_uri, output)
    printable = STATE.printable.get(STATE.lang, {})
    rel = page.file.src_uri
    if rel in STATE.print_members.get(STATE.lang, ()):
        article = article_of(output)
        if article is not None:
            folder = posixpath.dirname(page.file.dest_uri)
            STATE.printed[STATE.lang][rel] = (folder, article, output if rel in printable else "")
    return output


def _write_print_pages(site_dir: Path) -> None:
    """Each printable section's print page, beside its overview page, in each language."""
    names = {lang: STATE.ui[lang]["print_section_file"] for lang in STATE.ui}
    for lang, sections in STATE.printable.items():
        printed, ui = STATE.printed.get(lang, {}), STATE.ui[lang]
        for index, pages in sections.items():
            members = [index, *pages]
            if any(p not in printed for p in members):
                continue
            folder, _, output = printed[index]
            meta = STATE.content.pages[index].meta if STATE.content and index in STATE.content.pages else None
            heading = ui["print_section_heading"].replace("{title}", meta.title if meta else index)
            html = section_print_page(
                output, [PrintPart(printed[p][0], printed[p][1]) for p in members],
                heading=heading, intro=ui["print_section_intro"].replace("{n}", str(len(members))),
                button=ui["print_section_button"], print_dir=folder, title=heading, file_names=names)
            if html is not None:
                target = site_dir / folder / names[lang]
                target.write_text(html, encoding="utf-8")


@event_priority(-150)  # after mkdocs-static-i18n has set this page's language alternates
def on_page_context(context, page, config, nav):
    if page.file.src_uri in STATE.unfinished:  # search has read the page: the theme gets it finished
        for_search, html = STATE.unfinished.pop(page.file.src_uri)
        if page.content != for_search:
            raise PluginError(f"{page.file.src_uri}: a plugin changed the page after the site's hooks had prepared it "
                              "(on_page_content or on_page_context) — give that plugin an earlier event priority, or remove it")
        page.content = finish_html(STATE.content, page.file.src_uri, html)
    _relative_alternates(config)
    if STATE.lang != DEFAULT_LANG:
        # Search loads <base>/search/search_index.json: point it at this language's own index.
        context["search_base"] = context["base_url"] + "/" + STATE.lang + "/"
    content = STATE.content
    data = content.pages.get(page.file.src_uri) if content else None
    if data and data.meta:
        sources_href = relative_href(data.rel, same_lang("om/kilder.md", data.lang), directory_urls=config.use_directory_urls)
        context["page_meta_html"] = page_footer_html(data.meta, content.lists, data.lang, source_titles=STATE.source_titles, sources_href=sources_href)
    return context


def _relative_alternates(config) -> None:
    """The i18n plugin gives the home pages' language links as absolute paths under site_url
    ("/veileder/en/"), which break wherever the site is served from another path (a preview, the
    tests, the offline copy). Make them site-relative, so the theme's `url` filter makes them relative."""
    prefix = urlsplit(config.site_url or "/").path or "/"
    for alt in getattr(config.extra, "alternate", None) or []:
        link = alt.get("link", "")
        if link.startswith(prefix):
            alt["link"] = link[len(prefix):] or "./"


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        STATE.not_found[STATE.lang] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build; the outer call sees the merged index
    # Every language's build writes its 404 page to the site root, the last one winning: keep the
    # bokmål page there (the address a server shows for any missing page) and the English one under en/.
    for lang, html in STATE.not_found.items():
        target = Path(config.site_dir) / ("" if lang == DEFAULT_LANG else lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _write_print_pages(Path(config.site_dir))
    if (Path(config.site_dir) / "search" / "search_index.json").exists():
        split_search_index(Path(config.site_dir), [lang for lang in LANGS if lang != DEFAULT_LANG])
    if STATE.content is not None:  # open data: site/data/*.json and their schemas
        files = build_open_data(STATE.content, generated=_today(),
                                site_url_path_for=lambda rel: site_url_path(rel, directory_urls=config.use_directory_urls))
        write_open_data(Path(config.site_dir) / "data", files, schema_dir=ROOT / "data" / "schemas" / "open-data")
    if offline_requested():
        finish_offline_build(Path(config.site_dir), ROOT, [lang for lang in LANGS if lang != DEFAULT_LANG])
    STATE.content = None
