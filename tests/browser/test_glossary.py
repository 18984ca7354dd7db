"""Glossary tooltips as a reader meets them: abbreviations in running text carry their explanation,
in the page's language, and links keep their own names."""
from __future__ import annotations

import pytest
import yaml

from tests.support.site import ROOT

GLOSSARY = {t["term"]: t for t in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))}


@pytest.mark.parametrize("path, lang", [("arbeidsprosess/risikovurdering/", "nb"), ("en/arbeidsprosess/risikovurdering/", "en")])
def test_abbreviations_explain_themselves_in_the_page_language(page, base_url, path, lang):
    page.goto(f"{base_url}/{path}")
    abbr = page.locator("article abbr", has_text="SARA:SV").first
    assert abbr.get_attribute("title") == GLOSSARY["SARA:SV"][lang]
    assert page.locator("article a abbr").count() == 0, "a link has its own name; no tooltip inside it"
    terms = {a.inner_text() for a in page.locator("article abbr").all()}
    assert terms <= {t.rstrip(".") for t in GLOSSARY}, terms
