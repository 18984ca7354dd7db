"""A view of the guide per role, drawn from the pages' audience metadata and the duty data, so a
new page shows up in its roles' views without anyone editing them."""
from __future__ import annotations

from html import escape
from typing import Callable

from .duties import KINDS, link_text

# Audience id (data/metadata.yml) -> profession id in data/duties.yml.
PROFESSION_OF = {"police": "police", "health": "health", "crisis-centre": "crisis-centre",
                 "child-welfare": "child-welfare", "nav": "nav", "municipality": "other-public"}

SECTIONS = {  # top folder -> section title, in the menu's order
    "vold": {"nb": "Voldsformer", "en": "Forms of violence"},
    "arbeidsprosess": {"nb": "Arbeidsprosessen", "en": "The work process"},
    "tiltak": {"nb": "Beskyttelsestiltak", "en": "Protective measures"},
    "aktorer": {"nb": "Aktører", "en": "Agencies"},
    "samarbeid": {"nb": "Samarbeid", "en": "Cooperation"},
    "taushetsplikt": {"nb": "Taushetsplikt og plikter", "en": "Confidentiality and duties"},
    "beslutningsstotte": {"nb": "Beslutningsstøtte", "en": "Decision support"},
}
# Pages about the site itself, the home page and the role views are not listed.
NOT_LISTED = ("om/", "roller/", "index.md", "index.en.md")

WORDS = {
    "nb": {"own": "Sider merket for {role}", "all": "Sider for alle yrkesgrupper", "duties": "Dine plikter og rettigheter",
           "none": "Ingen sider er merket for denne rollen ennå.", "legal": "Lovgrunnlag", "trees": "Beslutningsstøtte for deg",
           "matrix": "Se hele oversikten over hvem som må eller kan dele hva"},
    "en": {"own": "Pages marked for {role}", "all": "Pages for every profession", "duties": "Your duties and rights",
           "none": "No pages are marked for this role yet.", "legal": "Legal basis", "trees": "Decision support for you",
           "matrix": "See the full overview of who must or may share what"},
}


def _section(rel: str) -> str:
    return rel.split("/", 1)[0] if "/" in rel else ""


def _listed(page, lang: str) -> bool:
    return page.lang == lang and page.meta is not None and not page.rel.startswith(NOT_LISTED) and page.rel not in NOT_LISTED


def _grouped(pages: list, lang: str, href: Callable[[str], str], block: Callable[[str], str],
             describe: Callable[[object], str]) -> list[str]:
    """The pages by section, as finished HTML (the lists grow with the guide: Markdown need not read them)."""
    parts = []
    for folder, title in SECTIONS.items():
        mine = sorted((p for p in pages if _section(p.rel) == folder), key=lambda p: (not p.rel.endswith(("index.md", "index.en.md")), p.meta.title))
        if not mine:
            continue
        parts.append(f"<p><strong>{escape(title[lang], quote=False)}</strong></p>\n<ul>")
        parts += [f'<li><a href="{escape(href(p.rel))}">{escape(p.meta.title, quote=False)}</a> – {describe(p)}</li>'
                  for p in mine]
        parts.append("</ul>")
    return [block("\n".join(parts)), ""] if parts else []


def pages_for_role(pages: dict, role: str, lang: str) -> tuple[list, list]:
    """(pages tagged for this role, pages tagged for everyone) in one language."""
    listed = [p for p in pages.values() if _listed(p, lang)]
    own = [p for p in listed if role in p.meta.audience]
    everyone = [p for p in listed if "all" in p.meta.audience and role not in p.meta.audience]
    return own, everyone


def render_role_view(pages: dict, role: str, *, lang: str, role_name: str, duties, link: Callable[[str], str],
                     href: Callable[[str], str] | None = None, block: Callable[[str], str] = lambda h: h,
                     describe: Callable[[object], str] | None = None) -> str:
    """Markdown for a role's page; link(rel) gives a Markdown link target, href(rel) an address for the
    finished HTML of the page lists (by default the same), block(html) what stands for that HTML, and
    describe(page) a page's description as HTML (by default the text, escaped)."""
    href = href or link
    describe = describe or (lambda p: escape(p.meta.description, quote=False))
    w = WORDS[lang]
    own, everyone = pages_for_role(pages, role, lang)
    trees = [p for p in own + everyone if _section(p.rel) == "beslutningsstotte" and not p.rel.startswith("beslutningsstotte/index")]
    out = []
    if trees:
        out.append(f"## {w['trees']}\n")
        out += [f"- [{p.meta.title}]({link(p.rel)}) – {p.meta.description}" for p in sorted(trees, key=lambda p: p.meta.title)]
        out.append("")
    out.append(f"## {w['own'].format(role=role_name.lower() if lang == 'nb' else role_name)}\n")
    out += _grouped(own, lang, href, block, describe) or [w["none"], ""]
    profession = _profession(duties, PROFESSION_OF.get(role))
    if profession is not None:
        out.append(f"## {w['duties']}\n")
        for duty in duties.duties:
            cell = profession.cells.get(duty.id)
            if cell is None:
                continue
            legal = f" {w['legal']}: {cell.legal_basis.get(lang)}." if cell.legal_basis else ""
            out.append(f"- **{duty.name.get(lang)}: {KINDS[cell.kind][lang]}.** {cell.text.get(lang)}{legal} "
                       f"[{link_text(duty, cell, lang)}]({link(cell.page)})")
        out.append(f"\n[{w['matrix']}]({link('taushetsplikt/pliktoversikt.md')})\n")
    out.append(f"## {w['all']}\n")
    out += _grouped(everyone, lang, href, block, describe)
    return "\n".join(out).rstrip() + "\n"


def _profession(duties, profession_id: str | None):
    if duties is None or profession_id is None:
        return None
    return next((p for p in duties.professions if p.id == profession_id), None)
