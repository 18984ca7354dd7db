"""Open data: the guide's facts as JSON under /data/, in both languages, under NLOD 2.0.

Plain Python (no mkdocs import). The hook calls, once per build, after every language is built:

    files = build_open_data(content, site_url_path_for=lambda rel: site_url_path(rel, directory_urls=True),
                            generated=today)
    write_open_data(site_dir / "data", files, schema_dir=root / "data" / "schemas" / "open-data")

Files (each documented on docs/om/apne-data.md, each with a JSON Schema, Draft 2020-12, in
data/schemas/open-data/<name>.schema.json, published at /data/schemas/<name>.schema.json):

    pages.json     every page: title, description and address in both languages, audience, review dates
    trees.json     the decision trees, step by step
    measures.json  the protective measures and their facts
    duties.json    the duty matrix: who must or may share what
    laws.json      the laws and sections the guide cites, with Lovdata links and the pages citing them
    phones.json    the phone numbers the guide shows

Every file carries `version` (1; raised only on an incompatible change), `licence` ("NLOD 2.0"),
`licence_url`, `generated` (the build date) and `schema` (its schema's site-relative address).
Texts are objects {"nb": ..., "en": ...}; page addresses are site-relative, like "tiltak/besoksforbud/".
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any, Callable

from .legal_registry import section_sort_key
from .page_meta import next_review
from .site_content import Content, page_url, pair_of

VERSION = 1
LICENCE = "NLOD 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
LANGS = ("nb", "en")
FILES = ("pages", "trees", "measures", "duties", "laws", "phones")


def site_url_path(rel: str, *, directory_urls: bool = True) -> str:
    """The site-relative address of a docs page: 'tiltak/besoksforbud.en.md' -> 'en/tiltak/besoksforbud/'
    ('en/tiltak/besoksforbud.html' without directory URLs; '' or 'index.html' for the bokmål home page)."""
    rel = rel.split("#", 1)[0]
    lang_prefix = "en/" if rel.endswith(".en.md") else ""
    if directory_urls:
        return lang_prefix + page_url(rel)
    base = rel[: -len(".en.md")] if rel.endswith(".en.md") else rel[: -len(".md")]
    return lang_prefix + base + ".html"


def build_open_data(content: Content, *, site_url_path_for: Callable[[str], str],
                    generated: dt.date | None = None) -> dict[str, dict[str, Any]]:
    """The open-data files, by file name ("pages.json", ...), as JSON-able objects."""
    generated = generated or dt.date.today()

    def header(name: str) -> dict[str, Any]:
        return {"version": VERSION, "licence": LICENCE, "licence_url": LICENCE_URL,
                "generated": generated.isoformat(), "schema": f"data/schemas/{name}.schema.json"}

    def urls(nb_rel: str) -> dict[str, str]:
        """Both languages' addresses of a page given by its bokmål docs path (an anchor is kept)."""
        path, _, anchor = nb_rel.partition("#")
        path = path[len("docs/"):] if path.startswith("docs/") else path
        nb_path, en_path = pair_of(path)
        out = {}
        for lang, rel in (("nb", nb_path), ("en", en_path)):
            if rel in content.pages:
                out[lang] = site_url_path_for(rel) + (f"#{anchor}" if anchor else "")
        return out

    builders = {
        "pages": lambda: {"pages": _pages(content, site_url_path_for)},
        "trees": lambda: {"trees": _trees(content, urls)},
        "measures": lambda: {"measures": _measures(content, urls)},
        "duties": lambda: _duties(content, urls),
        "laws": lambda: {"laws": _laws(content, site_url_path_for)},
        "phones": lambda: {"phones": _phones(content)},
    }
    return {f"{name}.json": {**header(name), **builders[name]()} for name in FILES}


def write_open_data(out_dir: Path, files: dict[str, Any], *, schema_dir: Path | None = None) -> list[Path]:
    """Write the files (UTF-8, readable indentation) and copy the schemas to out_dir/schemas/."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = out_dir / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    if schema_dir is not None and schema_dir.is_dir():
        (out_dir / "schemas").mkdir(exist_ok=True)
        for schema in sorted(schema_dir.glob("*.schema.json")):
            shutil.copyfile(schema, out_dir / "schemas" / schema.name)
            written.append(out_dir / "schemas" / schema.name)
    return written


# ------------------------------------------------------------------------------------------------


def _text(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    return {lang: getattr(value, lang, "") for lang in LANGS}


def _page_id(rel: str) -> str:
    """A page's stable id: its bokmål file name under docs/ without .md ('tiltak/besoksforbud', 'tiltak/index')."""
    return rel[: -len(".md")]


def _pages(content: Content, url_for: Callable[[str], str]) -> list[dict[str, Any]]:
    out = []
    for rel, page in sorted(content.pages.items()):
        if page.lang != "nb" or page.meta is None:
            continue
        meta = page.meta
        entry: dict[str, Any] = {
            "id": _page_id(rel),
            "section": rel.split("/", 1)[0] if "/" in rel else "",
            "audience": list(meta.audience),
            "owner": meta.owner,
            "sources": list(meta.sources),
            "reviewed": meta.reviewed.isoformat(),
            "next_review": next_review(meta, content.lists).isoformat(),
        }
        for lang, lrel in zip(LANGS, pair_of(rel)):
            other = content.pages.get(lrel)
            if other is not None and other.meta is not None:
                entry[lang] = {"title": other.meta.title, "description": other.meta.description, "url": url_for(lrel)}
        out.append(entry)
    return out


def _trees(content: Content, urls: Callable[[str], dict[str, str]]) -> list[dict[str, Any]]:
    shown: dict[str, list[dict[str, str]]] = {}
    for rel, page in sorted(content.pages.items()):
        if page.lang == "nb":
            for tree_id in dict.fromkeys(page.trees):
                shown.setdefault(tree_id, []).append(urls(rel))
    out = []
    for tree_id, tree in sorted(content.trees.items()):
        nodes = []
        for node_id, node in tree.nodes.items():
            item: dict[str, Any] = {"id": node_id, "type": node.type, "text": _text(node.text)}
            if node.short is not None:
                item["short"] = _text(node.short)
            if node.details is not None:
                item["details"] = _text(node.details)
            if node.type == "question":
                item["answers"] = [{"label": _text(a.label), "next": a.next} for a in node.answers]
            else:
                item["actions"] = [_text(a) for a in node.actions]
            item["phones"] = [_phone_ref(content, p.number, p.text) for p in node.phones]
            item["links"] = [{"text": _text(link.text), "url": urls(link.page)} for link in node.links]
            item["legal"] = [_text(t) for t in node.legal]
            nodes.append(item)
        entry: dict[str, Any] = {"id": tree_id, "title": _text(tree.title)}
        if tree.intro is not None:
            entry["intro"] = _text(tree.intro)
        entry.update({"start": tree.start_id, "shown_on": shown.get(tree_id, []), "nodes": nodes})
        out.append(entry)
    return out


def _phone_ref(content: Content, number: str, text: Any) -> dict[str, Any]:
    from .phone_format import href, number_key

    key = number_key(number)
    entry = content.phones.lookup(key) if key else None
    return {"number": entry.display if entry else number, "tel": href(key) if key else None,
            "id": entry.id if entry else None, "text": _text(text)}


def _measures(content: Content, urls: Callable[[str], dict[str, str]]) -> list[dict[str, Any]]:
    measures = content.measures
    out = []
    for m in getattr(measures, "measures", None) or []:
        out.append({
            "id": m.id, "url": urls(m.page), "name": _text(m.name), "what": _text(m.what),
            "who_decides": _text(m.who_decides), "legal_basis": _text(m.legal_basis), "report": m.report,
            "report_needed": _text(m.report_needed), "duration": _text(m.duration),
            "how_to_ask": _text(m.how_to_ask), "breach": _text(m.breach),
        })
    return out


def _duties(content: Content, urls: Callable[[str], dict[str, str]]) -> dict[str, Any]:
    duties = content.duties
    columns = [{"id": d.id, "name": _text(d.name), "topic": _text(d.topic)} for d in getattr(duties, "duties", None) or []]
    rows = []
    for prof in getattr(duties, "professions", None) or []:
        cells = {}
        for duty_id, cell in prof.cells.items():
            item: dict[str, Any] = {"kind": cell.kind, "text": _text(cell.text), "url": urls(cell.page)}
            if cell.legal_basis is not None:
                item["legal_basis"] = _text(cell.legal_basis)
            cells[duty_id] = item
        rows.append({"id": prof.id, "name": _text(prof.name), "cells": cells})
    return {"duties": columns, "professions": rows}


def _laws(content: Content, url_for: Callable[[str], str]) -> list[dict[str, Any]]:
    """The laws and sections the pages cite (as the «Lovverk» page lists them), per language."""
    registry = content.laws
    cited: dict[str, dict[str, dict[str, set[str]]]] = {}  # law -> section ('' = the law) -> lang -> rels
    for rel, page in content.pages.items():
        for c in page.citations:
            law = registry.laws.get(c.law_id)
            if law is None:
                continue
            key = c.section if c.section in law.sections else ""
            cited.setdefault(c.law_id, {}).setdefault(key, {}).setdefault(page.lang, set()).add(rel)

    def cited_on(by_lang: dict[str, set[str]]) -> dict[str, list[str]]:
        return {lang: sorted(url_for(r) for r in by_lang.get(lang, ())) for lang in LANGS}

    out = []
    for law_id, law in registry.laws.items():
        if law_id not in cited:
            continue
        sections = []
        for key in sorted((k for k in cited[law_id] if k), key=section_sort_key):
            sec = law.sections[key]
            item: dict[str, Any] = {
                "section": key, "title": _text(sec.title), "title_descriptive": sec.title_descriptive,
                "status": sec.status, "url": registry.section_url(law_id, key), "cited_on": cited_on(cited[law_id][key]),
            }
            if sec.repealed_on:
                item["repealed_on"] = sec.repealed_on.isoformat()
            sections.append(item)
        entry: dict[str, Any] = {
            "id": law_id, "kind": law.kind, "lovdata_id": law.lovdata_id if law.id_verified else None,
            "official_title": law.official_title, "name": {"nb": law.names[0], "en": law.english_name},
            "status": law.status, "url": registry.law_url(law_id),
        }
        if law.repealed_on:
            entry["repealed_on"] = law.repealed_on.isoformat()
        if law.successor:
            entry["successor"] = law.successor
        entry["sections"] = sections
        entry["cited_on"] = cited_on(cited[law_id].get("", {}))  # the law named without a section
        out.append(entry)
    return out


def _phones(content: Content) -> list[dict[str, Any]]:
    out = []
    for e in getattr(content.phones, "entries", None) or []:
        out.append({
            "id": e.id, "number": e.display, "tel": e.href, "owner": _text(e.owner), "purpose": _text(e.purpose),
            "hours": _text(e.hours), "free": e.free, "category": e.category, "confidence": e.confidence,
            "verified": e.verified.isoformat(),
        })
    return out


__all__ = ["FILES", "LICENCE", "LICENCE_URL", "VERSION", "build_open_data", "site_url_path", "write_open_data"]
