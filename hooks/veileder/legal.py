"""Legal references: the registry of laws (data/laws.yml), links to Lovdata, and the law index.

    registry, problems = load_law_registry(Path("data/laws.yml"))
    markdown, citations, problems = link_legal_refs(md, lang="nb", registry=registry, file="docs/x.md",
                                                    first_line=8)
    index_md = render_law_index(registry, {"docs/x.md": citations}, lang="nb", page_link=...)
"""
from __future__ import annotations

from veileder.legal_index import render_law_index
from veileder.legal_refs import Citation, link_legal_refs, render_repealed, repealed_tooltip
from veileder.legal_registry import (
    Law,
    LawRegistry,
    LawsFile,
    Section,
    laws_json_schema,
    laws_json_schema_text,
    load_law_registry,
    registry_from_text,
)

__all__ = [
    "Citation",
    "Law",
    "LawRegistry",
    "LawsFile",
    "Section",
    "laws_json_schema",
    "laws_json_schema_text",
    "link_legal_refs",
    "load_law_registry",
    "registry_from_text",
    "render_law_index",
    "render_repealed",
    "repealed_tooltip",
]
