"""A small copy of the project (same hooks, theme and registries, two pages) to build in tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.support.site import ROOT

PAGE = """---
title: {title}
description: {description}
audience: [police]
reviewed: 2026-11-01
owner: fagredaksjonen
sources: [lovdata]
---

{body}
"""


class MiniSite:
    def __init__(self, root: Path):
        self.root = root

    def page(self, rel: str, body: str, *, title: str = "En side", description: str = "En side som brukes i testene av byggingen.", raw: str | None = None) -> Path:
        path = self.root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw if raw is not None else PAGE.format(title=title, description=description, body=body), encoding="utf-8")
        return path

    def pair(self, rel: str, nb_body: str, en_body: str) -> None:
        self.page(rel, nb_body)
        self.page(rel[:-3] + ".en.md", en_body, title="A page", description="A page used in the tests of the build.")

    def build(self, tmp_out: Path):
        from tests.support.site import build_site

        return build_site(tmp_out, config=self.root / "mkdocs.yml")


@pytest.fixture
def mini_site(tmp_path) -> MiniSite:
    root = tmp_path / "project"
    root.mkdir()
    for folder in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(root / "data" / "trees")
    (root / "data" / "trees").mkdir()
    # Measure and duty data for the one measure page this small project has.
    text = (ROOT / "data" / "measures.yml").read_text(encoding="utf-8")
    start = text.index("  - id: besoksforbud\n")
    end = text.find("\n  - id: ", start + 1)
    entry = text[start:] if end < 0 else text[start:end + 1]
    (root / "data" / "measures.yml").write_text("measures:\n" + entry, encoding="utf-8")
    duties = yaml.safe_load((ROOT / "data" / "duties.yml").read_text(encoding="utf-8"))
    for profession in duties["professions"]:
        for cell in profession.get("cells", {}).values() if isinstance(profession.get("cells"), dict) else profession.get("cells", []):
            cell["page"] = "tiltak/besoksforbud.md" if cell.get("page") else cell.get("page")
    (root / "data" / "duties.yml").write_text(yaml.safe_dump(duties, allow_unicode=True), encoding="utf-8")
    (root / "data" / "changes.yml").write_text(
        "changes:\n  - date: 2026-11-01\n    text: {nb: Ny side om besøksforbud., en: A new page on restraining orders.}\n"
        "    pages: [tiltak/besoksforbud.md]\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\n"  # no menu: MkDocs lists the pages itself
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = MiniSite(root)
    site.pair("index.md", "Forsiden. Ring 112 ved akutt fare.", "The home page. Call 112 in an emergency.")
    site.pair("tiltak/besoksforbud.md", "{{ measure-facts }}\n\nSe straffeprosessloven § 222 a. Ring 02800 hvis det ikke haster.",
              "{{ measure-facts }}\n\nSee section 222 a of the Criminal Procedure Act. Call 02800 if it is not urgent.")
    return site
