"""Decision trees woven into the pages (site_content.scan on a small guide): markers, the tree's home
page, «Brukes i beslutningsstøtte» links, registry problems named once, and links in the offline copy."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from veileder.site_content import finish_html, finish_output, page_markdown, scan

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.today()  # the guide here uses the real registries

TREE = """\
# yaml-language-server: $schema=../schemas/tree.schema.json
id: {id}
title: {{nb: "Tre {id}", en: "Tree {id}"}}
nodes:
  q1:
    type: question
    text: {{nb: "Spørsmål?", en: "Question?"}}
    answers:
      - label: {{nb: Ja, en: "Yes"}}
        next: o1
      - label: {{nb: Nei, en: "No"}}
        next: o2
  o1:
    type: outcome
    text: {{nb: Be om besøksforbud, en: Ask for a restraining order}}
    actions:
      - {{nb: "{action_nb}", en: "{action_en}"}}
    links:
      - page: tiltak/besoksforbud.md
        text: {{nb: Besøksforbud, en: Restraining order}}
  o2:
    type: outcome
    text: {{nb: Følg med, en: Keep watch}}
    actions:
      - {{nb: Følg med., en: Keep watch.}}
"""


def tree(tree_id: str, action_nb: str = "Ring 112.", action_en: str = "Call 112.") -> str:
    return TREE.format(id=tree_id, action_nb=action_nb, action_en=action_en)


def page_pair(docs: Path, rel: str, body: str) -> None:
    nb = (ROOT / "docs" / "beslutningsstotte" / "skal-politiet-involveres.md").read_text(encoding="utf-8")
    en = (ROOT / "docs" / "beslutningsstotte" / "skal-politiet-involveres.en.md").read_text(encoding="utf-8")
    for text, suffix in ((nb, ".md"), (en, ".en.md")):
        front = text.split("---", 2)[1]
        path = docs / (rel + suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---{front}---\n\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("guide")
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("trees"))
    trees = root / "data" / "trees"
    trees.mkdir()
    (trees / "good.yml").write_text(tree("good"), encoding="utf-8")
    (trees / "bad-law.yml").write_text(tree("bad-law", "Se straffeloven § 999.", "See section 999 of the Penal Code."), encoding="utf-8")
    (trees / "broken.yml").write_text(tree("broken").replace("    type: outcome\n    text: {nb: Følg med", "    typ: outcome\n    text: {nb: Følg med"), encoding="utf-8")
    (trees / "lonely.yml").write_text(tree("lonely"), encoding="utf-8")
    docs = root / "docs"
    for name in ("besoksforbud.md", "besoksforbud.en.md"):
        (docs / "tiltak").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "tiltak" / name, docs / "tiltak" / name)
    # the markers: good on line 12, good again on 14, bad-law on 16, broken on 18
    page_pair(docs, "sider/trær", "Tekst.\n\n{{ tree: good }}\n\n{{ tree: good }}\n\n{{ tree: bad-law }}\n\n{{ tree: broken }}")
    return root


@pytest.fixture(scope="module")
def content(guide):
    return scan(guide, today=TODAY)


def messages(content, file: str) -> list[str]:
    return [str(p) for p in content.problems if p.file == file]


def test_a_tree_shown_twice_on_one_page_is_an_error_and_drawn_once(content):
    for suffix in (".md", ".en.md"):
        file = f"docs/sider/trær{suffix}"
        assert f"{file}:14: the decision tree 'good' is already shown on line 12 of this page — show each tree once: remove this marker" in messages(content, file)
        rel = f"sider/trær{suffix}"
        finished = finish_output(content, rel, finish_html(content, rel, content.pages[rel].body))
        assert finished.count('id="vtree-good"') == 1


def test_a_marker_naming_a_tree_whose_file_has_errors_points_to_that_file(content):
    for suffix in (".md", ".en.md"):
        file = f"docs/sider/trær{suffix}"
        assert (f"{file}:18: the decision tree 'broken' cannot be shown, because its file has errors — "
                "fix the problems reported for data/trees/broken.yml") in messages(content, file)
    assert any("step 'o2': unknown field 'typ:'" in m for m in messages(content, "data/trees/broken.yml"))


def test_a_registry_problem_in_a_tree_is_reported_once_at_its_data_file(content):
    in_tree = messages(content, "data/trees/bad-law.yml")
    found = sorted(m.split(" — ")[0] for m in in_tree if "999" in m)
    assert found == ["data/trees/bad-law.yml:17: «section 999 of the Penal Code»", "data/trees/bad-law.yml:17: «straffeloven § 999»"]
    for suffix in (".md", ".en.md"):
        assert not [m for m in messages(content, f"docs/sider/trær{suffix}") if "999" in m]


def test_a_tree_that_no_page_shows_is_an_error(content):
    assert messages(content, "data/trees/lonely.yml") == [
        "data/trees/lonely.yml:2: no page shows the decision tree 'lonely' — add the marker {{ tree: lonely }} to a page "
        "and its English twin, e.g. docs/beslutningsstotte/lonely.md and lonely.en.md, and add the page to nav: in mkdocs.yml"]


def test_backlinks_open_the_step_on_the_page_that_shows_the_tree(content):
    assert content.tree_homes["good"] == "sider/trær.md"
    nb = page_markdown(content, "tiltak/besoksforbud.md")
    en = page_markdown(content, "tiltak/besoksforbud.en.md")
    assert "Brukes i beslutningsstøtte" in nb and "Used in decision support" in en
    assert 'href="../../sider/trær/#steg=o1">Tre good – steg 2: Be om besøksforbud</a>' in nb
    assert 'href="../../sider/trær/#step=o1">Tree good – step 2: Ask for a restraining order</a>' in en


def test_links_in_the_offline_copy_point_to_html_files(guide):
    offline = scan(guide, today=TODAY, directory_urls=False)
    body = finish_output(offline, "sider/trær.md", finish_html(offline, "sider/trær.md", offline.pages["sider/trær.md"].body))
    assert 'href="../tiltak/besoksforbud.html"' in body
    assert not re.search(r'href="[^"#]*/"', body), "no folder links in the offline copy"
    assert 'href="../sider/trær.html#steg=o1"' in page_markdown(offline, "tiltak/besoksforbud.md")
    assert 'href="../../sider/tr%C3%A6r.html' not in body
