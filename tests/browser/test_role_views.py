"""Role views in the browser: reachable from the home page in one step, and listing every page
tagged for the role, in both languages."""
from __future__ import annotations

import pytest
import yaml

from tests.support.site import ROOT

ROLES = {"police": "politi", "health": "helse", "crisis-centre": "krisesenter", "child-welfare": "barnevern",
         "nav": "nav", "municipality": "kommune"}


def _tagged(role: str, en: bool) -> set[str]:
    """URLs of the pages whose front matter names this role, read straight from docs/."""
    urls = set()
    for md in (ROOT / "docs").rglob("*.en.md" if en else "*.md"):
        rel = md.relative_to(ROOT / "docs").as_posix()
        if (not en and rel.endswith(".en.md")) or rel.startswith(("om/", "roller/")) or rel in ("index.md", "index.en.md"):
            continue
        meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---")[1])
        if role in meta.get("audience", []):
            base = rel[: -len(".en.md")] if en else rel[: -len(".md")]
            urls.add(("en/" if en else "") + (base[: -len("index")] if base.endswith("index") else base + "/"))
    return urls


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", list(ROLES))
def test_role_view_lists_every_tagged_page(page, base_url, role, lang):
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{base_url}/{prefix}")
    link = page.locator(f'article a[href$="roller/{ROLES[role]}/"]')
    assert link.count() >= 1, "the home page must link to the role view"
    link.first.click()
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{prefix}roller/{ROLES[role]}/"
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(a => a.href)")
    shown = {h.removeprefix(base_url + "/").split("#")[0] for h in hrefs}
    missing = _tagged(role, lang == "en") - shown
    assert not missing, f"not listed: {sorted(missing)}"
