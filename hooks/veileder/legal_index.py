"""The «Lovverk» / «Legislation» page: every law and section the site cites, with links."""
from __future__ import annotations

import html
from typing import Callable, Iterable

from veileder.legal_refs import Citation, format_date
from veileder.legal_registry import LawRegistry, section_sort_key

_WORDS = {
    "nb": {
        "section": "Paragraf", "title": "Tittel", "cited": "Sitert på", "law": "Hele loven på Lovdata",
        "regulation": "Hele forskriften på Lovdata", "no_link": "Lovdata-lenke ikke kontrollert",
        "in_force": "I kraft", "repealed": "Opphevet {date}. Erstattet av {succ}.",
        "repealed_section": "opphevet {date}", "none": "Veilederen viser ikke til noen lover ennå.",
        "descriptive": "Titler i kursiv beskriver innholdet: loven gir paragrafen ingen tittel, "
                       "eller den nøyaktige tittelen er ikke kontrollert.",
        "basis": "Gitt med hjemmel i {ref}.",
    },
    "en": {
        "section": "Section", "title": "Title", "cited": "Cited on", "law": "The whole act on Lovdata",
        "regulation": "The whole regulation on Lovdata", "no_link": "Lovdata link not verified",
        "in_force": "In force", "repealed": "Repealed on {date}. Replaced by {succ}.",
        "repealed_section": "repealed on {date}", "none": "The guide does not cite any laws yet.",
        "descriptive": "Titles in italics describe the content: the act gives the section no title, "
                       "or its exact title has not been verified. English titles are the guide's own renderings.",
        "basis": "Made under {ref}.",
    },
}


def render_law_index(registry: LawRegistry, citations: dict[str, list[Citation]], *, lang: str,
                     page_link: Callable[[str], tuple[str, str]], block: Callable[[str], str] = lambda h: h) -> str:
    """Markdown for the index page, each law's table as finished HTML (it grows with the guide: Markdown
    need not read it). page_link(file) gives (title, href from the index page); block(html) gives what
    stands in the Markdown for a piece of HTML (by default the HTML itself)."""
    lang = "en" if lang == "en" else "nb"
    w = _WORDS[lang]
    cited: dict[str, dict[str, set[str]]] = {}
    for cs in _all(citations):
        if c_law := registry.laws.get(cs.law_id):
            key = cs.section if cs.section in c_law.sections else ""
            cited.setdefault(cs.law_id, {}).setdefault(key, set()).add(cs.file)
    if not cited:
        return w["none"] + "\n"
    out: list[str] = []
    any_descriptive = False
    links: dict[str, tuple[str, str]] = {}

    def page(file: str) -> tuple[str, str]:
        if file not in links:
            try:
                links[file] = page_link(file)
            except Exception:  # a page the caller cannot name: show the file
                links[file] = (file, "")
        return links[file]

    for law_id, law in registry.laws.items():
        if law_id not in cited:
            continue
        name = law.names[0]
        heading = (f"{name[0].upper()}{name[1:]}" if lang == "nb" else f"{law.english_name} ({name})")
        out.append(f"## {heading}\n")
        facts = [law.official_title + (f" ({law.lovdata_id})" if law.lovdata_id and law.id_verified else "")]
        if law.status == "repealed" and law.successor in registry.laws:
            succ = (registry.name(law.successor) if lang == "nb"
                    else f"the {registry.english_name(law.successor)} ({registry.name(law.successor)})")
            facts.append(w["repealed"].format(date=format_date(law.repealed_on, lang), succ=succ))
        if law.legal_basis:
            ref = registry.name(law.legal_basis.law) + (
                f" §&nbsp;{law.legal_basis.section}" if law.legal_basis.section else "")
            facts.append(w["basis"].format(ref=ref))
        url = registry.law_url(law_id)
        label = w["regulation"] if law.kind == "forskrift" else w["law"]
        facts.append(f'<a href="{html.escape(url)}" hreflang="nb">{label}</a>' if url else f"({w['no_link']})")
        out.append(" ".join(facts) + "\n")
        rows = sorted((k for k in cited[law_id] if k), key=section_sort_key)
        if rows:
            table = [f"<table>\n<thead><tr><th>{w['section']}</th><th>{w['title']}</th><th>{w['cited']}</th></tr></thead>\n<tbody>"]
            for key in rows:
                sec = law.sections[key]
                title = html.escape(getattr(sec.title, lang), quote=False)
                if sec.title_descriptive:
                    title, any_descriptive = f"<em>{title}</em>", True
                if sec.status == "repealed" and sec.repealed_on:
                    title += f" ({w['repealed_section'].format(date=format_date(sec.repealed_on, lang))})"
                surl = registry.section_url(law_id, key)
                if surl:
                    aria = f"{name} § {key} – {getattr(sec.title, lang)}"
                    cell = (f'<a href="{html.escape(surl)}" class="law-ref" hreflang="nb" '
                            f'aria-label="{html.escape(aria)}" title="{html.escape(aria)}">§ {key}</a>')
                else:
                    cell = "§&nbsp;" + key.replace(" ", "&nbsp;")
                pages = sorted({page(f) for f in cited[law_id][key]}, key=lambda p: (p[0].lower(), p[1]))
                where = ", ".join(f'<a href="{html.escape(h)}">{html.escape(t, quote=False)}</a>' if h else html.escape(t, quote=False)
                                  for t, h in pages)
                table.append(f"<tr><td>{cell}</td><td>{title}</td><td>{where}</td></tr>")
            table.append("</tbody>\n</table>")
            out.append(block("\n".join(table)))
            out.append("")
    if any_descriptive:
        out.append(w["descriptive"] + "\n")
    return "\n".join(out)


def _all(citations: dict[str, list[Citation]] | Iterable[Citation]) -> Iterable[Citation]:
    if isinstance(citations, dict):
        for cs in citations.values():
            yield from cs
    else:
        yield from citations
