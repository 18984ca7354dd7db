"""Open data, the offline copy and print, checked on the built site as a reader (or a program) meets them:
the JSON under /data/ exists, parses, follows its schema and agrees with what the pages show; the
offline archive opens from disk and its search finds a page in both languages; a decision tree
prints as a one-page checklist and a section page prints without the site's navigation."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.support.site import ROOT

FILES = ("pages", "trees", "measures", "duties", "laws", "phones")
SCHEMAS = ROOT / "data" / "schemas" / "open-data"
ARCHIVE = Path("nedlasting") / "trusler-og-vold-fagveileder.zip"
TREE_IDS = sorted(p.stem for p in (ROOT / "data" / "trees").glob("*.yml"))
SAMPLE_PAGES = ["index", "tiltak/index", "tiltak/besoksforbud", "om/lovverk", "om/apne-data",
                "beslutningsstotte/bekymring-mottatt", "taushetsplikt/pliktoversikt"]


def load(site_dir: Path, name: str) -> dict:
    return json.loads((site_dir / "data" / f"{name}.json").read_text(encoding="utf-8"))


def pdf_pages(pdf: bytes) -> int:
    """A crude count of the pages in a PDF from Chromium: its page objects."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


# ------------------------------------------------------------------------------------- the JSON


@pytest.mark.parametrize("name", FILES)
def test_json_file_exists_parses_and_follows_its_schema(site_dir, name):
    path = site_dir / "data" / f"{name}.json"
    assert path.is_file(), f"/data/{name}.json was not published"
    data = json.loads(path.read_text(encoding="utf-8"))
    published = json.loads((site_dir / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in Draft202012Validator(published, format_checker=FormatChecker()).iter_errors(data)]
    assert not problems, "\n".join(problems[:20])
    assert data["licence"] == "NLOD 2.0" and data["version"] == 1


def test_page_index_agrees_with_the_built_pages(page, base_url, site_dir):
    pages = {p["id"]: p for p in load(site_dir, "pages")["pages"]}
    for page_id in SAMPLE_PAGES:
        for lang in ("nb", "en"):
            entry = pages[page_id][lang]
            page.goto(f"{base_url}/{entry['url']}")
            assert page.locator("html").get_attribute("lang") == lang
            assert page.title().startswith(entry["title"]), (page_id, lang, page.title())
            h1 = page.locator("article h1")
            if h1.count():
                assert h1.first.inner_text().strip() == entry["title"], (page_id, lang)
            assert page.locator('meta[name="description"]').get_attribute("content") == entry["description"]


def test_phone_numbers_agree_with_the_phone_page(page, base_url, site_dir):
    phones = load(site_dir, "phones")["phones"]
    for lang, path in (("nb", "om/telefonnumre/"), ("en", "en/om/telefonnumre/")):
        page.goto(f"{base_url}/{path}")
        shown = {a.get_attribute("href") for a in page.locator("article a[href^='tel:']").all()}
        assert shown == {p["tel"] for p in phones}, lang
        text = page.locator("article").inner_text().replace("\u00a0", " ")
        for p in phones:
            assert p["number"] in text and p["owner"][lang] in text, (lang, p["id"])


def test_laws_agree_with_the_legislation_page(page, base_url, site_dir):
    laws = load(site_dir, "laws")["laws"]
    sections = [(law, s) for law in laws for s in law["sections"]]
    for lang, path in (("nb", "om/lovverk/"), ("en", "en/om/lovverk/")):
        page.goto(f"{base_url}/{path}")
        links = {a.get_attribute("href") for a in page.locator("article table a.law-ref").all()}
        assert links == {s["url"] for _, s in sections if s["url"]}, lang
        rows = [r.inner_text().split("\t")[0].replace("\u00a0", " ").strip()
                for r in page.locator("article table tbody tr").all()]
        assert rows == [f"§ {s['section']}" for _, s in sections], lang
        whole = {a.get_attribute("href") for a in page.locator("article a[href*='/dokument/']").all()}
        assert whole == {law["url"] for law in laws if law["url"]}, lang


def test_trees_and_measures_agree_with_their_pages(page, base_url, site_dir):
    trees = load(site_dir, "trees")["trees"]
    for tree in trees:
        page.goto(f"{base_url}/{tree['shown_on'][0]['en']}")
        ids = [li.get_attribute("data-node") for li in page.locator(f"#vtree-{tree['id']} .vtree-steps li.vtree-node").all()]
        assert sorted(ids) == sorted(n["id"] for n in tree["nodes"]), tree["id"]
    measures = load(site_dir, "measures")["measures"]
    page.goto(f"{base_url}/tiltak/")
    table = page.locator("article table").first.inner_text()
    for m in measures:
        assert m["name"]["nb"] in table, m["id"]


# -------------------------------------------------------------------------------- offline copy


@pytest.fixture(scope="module")
def offline_copy(site_dir, tmp_path_factory) -> Path:
    archive = site_dir / ARCHIVE
    if not archive.exists():  # a site built by the tests themselves: make the archive as `make build` does
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline_archive.py"), "--site-dir", str(site_dir)],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-4000:]
    assert archive.stat().st_size < 10_000_000, "the offline archive should be a few MB at most"
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zf:
        assert zf.testzip() is None
        zf.extractall(dest)
    (root,) = [p for p in dest.iterdir() if p.is_dir()]
    return root


def _search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_offline_copy_has_every_page_and_no_site_only_files(offline_copy):
    assert (offline_copy / "index.html").is_file() and (offline_copy / "en" / "index.html").is_file()
    assert (offline_copy / "tiltak" / "besoksforbud.html").is_file()
    assert (offline_copy / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert (offline_copy / "data" / "pages.json").is_file()
    assert not list(offline_copy.rglob("*.zip"))
    html = (offline_copy / "om" / "apne-data.html").read_text(encoding="utf-8")
    assert 'href="../data/pages.json"' in html and "trusler-og-vold-fagveileder.zip" not in html


@pytest.mark.parametrize("start, query, expected", [
    ("index.html", "besøksforbud", "tiltak/besoksforbud.html"),
    ("en/index.html", "restraining order", "en/tiltak/besoksforbud.html"),
])
def test_offline_copy_opens_from_disk_and_search_finds_the_page(page, offline_copy, start, query, expected):
    page.goto((offline_copy / start).as_uri())
    assert page.locator("article").is_visible()
    hrefs = _search(page, query)
    target = (offline_copy / expected).as_uri()
    assert any(h.split("?")[0] == target for h in hrefs[:5]), hrefs[:5]
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(offline_copy.as_uri()) and page.locator("article h1").count() == 1


def test_offline_copy_links_work_from_disk(page, offline_copy):
    page.goto((offline_copy / "tiltak" / "besoksforbud.html").as_uri())
    page.locator(".md-select").hover()
    page.locator('.md-select a[hreflang="en"]').click()
    page.wait_for_url((offline_copy / "en" / "tiltak" / "besoksforbud.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-nav a[href$='kontaktforbud.html']").first.evaluate("a => a.click()")
    page.wait_for_url("**/en/tiltak/kontaktforbud.html")
    assert page.locator("article h1").count() == 1


def test_offline_copy_prints_a_whole_section_from_disk(page, offline_copy):
    page.goto((offline_copy / "tiltak" / "index.html").as_uri())
    page.locator(".print-section-link a").click()
    page.wait_for_url((offline_copy / "tiltak" / "skriv-ut.html").as_uri())
    assert page.locator(".print-section__page").count() > 3
    page.locator(".print-section__page a[href$='kontaktforbud.html']").first.click()
    page.wait_for_url((offline_copy / "tiltak" / "kontaktforbud.html").as_uri())
    assert page.locator("article h1").count() == 1


# ----------------------------------------------------------------------------------------- print


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_tree_prints_as_a_one_page_checklist(page, base_url, tree_id, lang):
    page.goto(f"{base_url}/{'en/' if lang == 'en' else ''}beslutningsstotte/{tree_id}/")
    page.evaluate("window.print = () => {}")  # the real dialog cannot open in a headless browser
    page.locator(f"#vtree-{tree_id} .vtree-print").click()
    assert "vtree-print-only" in page.locator("html").get_attribute("class")
    page.emulate_media(media="print")
    tree = page.locator(f"#vtree-{tree_id}")
    assert tree.locator(".vtree-steps").is_visible()
    assert not page.locator("article h1").is_visible() and not tree.locator(".vtree-diagram").is_visible()
    for node in tree.locator(".vtree-steps li.vtree-node").all():
        assert node.locator(":scope > .vtree-node__title").is_visible()
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages == 1, (f"the checklist for '{tree_id}' ({lang}) prints on {pages} A4 pages: shorten the tree's texts, "
                        "or make the checklist more compact in overrides/assets/stylesheets/guide.css")
    # after printing, the page prints whole again (the browser's own print command)
    assert "vtree-print-only" not in (page.locator("html").get_attribute("class") or "")


@pytest.mark.parametrize("path", ["tiltak/besoksforbud/", "en/taushetsplikt/pliktoversikt/"])
def test_section_page_prints_cleanly(page, base_url, path):
    page.goto(f"{base_url}/{path}")
    page.emulate_media(media="print")
    assert page.locator("article h1").is_visible()
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "[data-quick-exit]", ".md-search"]:
        assert not page.locator(selector).first.is_visible(), selector
    width = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    assert width > 0.8 * page.viewport_size["width"], "the text should use the paper's width"
    assert pdf_pages(page.pdf(format="A4")) >= 1
