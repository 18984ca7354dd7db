"""Open data (hooks/veileder/open_data.py): the JSON files built from the real project's content
follow their schemas (data/schemas/open-data/), carry the licence, and say what the data say;
the offline-copy helpers (hooks/veileder/offline.py) write the search index as a script."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from veileder.offline import SHIM_PATH, finish_offline_build, offline_requested
from veileder.open_data import FILES, LICENCE, build_open_data, site_url_path, write_open_data
from veileder.site_content import scan

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "data" / "schemas" / "open-data"
TODAY = dt.date.today()  # the real content, as the build reads it today


@pytest.fixture(scope="module")
def content():
    return scan(ROOT, today=TODAY)


@pytest.fixture(scope="module")
def files(content):
    return build_open_data(content, site_url_path_for=site_url_path, generated=TODAY)


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def errors(name: str, data) -> list[str]:
    validator = Draft202012Validator(schema(name), format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("name", FILES)
def test_every_schema_is_valid_draft_2020_12(name):
    s = schema(name)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(s)


@pytest.mark.parametrize("name", FILES)
def test_every_file_follows_its_schema(files, name):
    data = files[f"{name}.json"]
    assert errors(name, data) == []
    assert data["version"] == 1 and data["licence"] == LICENCE == "NLOD 2.0"
    assert data["generated"] == TODAY.isoformat()
    assert data["schema"] == f"data/schemas/{name}.schema.json"
    json.dumps(data, allow_nan=False)  # plain JSON: no dates, sets or NaN left


def test_schema_rejects_a_broken_file(files):
    broken = json.loads(json.dumps(files["phones.json"]))
    broken["licence"] = "CC BY 4.0"
    broken["phones"][0]["tel"] = "112"
    del broken["phones"][0]["owner"]["en"]
    found = errors("phones", broken)
    assert any(e.startswith("licence:") for e in found), found
    assert any(e.startswith("phones/0/tel:") for e in found), found
    assert any(e.startswith("phones/0/owner:") for e in found), found


def test_pages_cover_every_page_in_both_languages(content, files):
    pages = {p["id"]: p for p in files["pages.json"]["pages"]}
    nb_pages = {rel[: -len(".md")] for rel, p in content.pages.items() if p.lang == "nb"}
    assert set(pages) == nb_pages
    page = pages["tiltak/besoksforbud"]
    assert page["nb"]["title"] == "Besøksforbud"
    assert page["nb"]["url"] == "tiltak/besoksforbud/" and page["en"]["url"] == "en/tiltak/besoksforbud/"
    meta = content.pages["tiltak/besoksforbud.en.md"].meta
    assert page["en"]["title"] == meta.title and page["en"]["description"] == meta.description
    assert page["reviewed"] == meta.reviewed.isoformat() and page["next_review"] >= page["reviewed"]
    assert pages["index"]["nb"]["url"] == "" and pages["index"]["en"]["url"] == "en/"
    assert pages["tiltak/index"]["nb"]["url"] == "tiltak/"


def test_site_url_path_with_and_without_directory_urls():
    assert site_url_path("index.md") == ""
    assert site_url_path("index.en.md") == "en/"
    assert site_url_path("om/apne-data.en.md") == "en/om/apne-data/"
    assert site_url_path("om/index.md", directory_urls=False) == "om/index.html"
    assert site_url_path("om/apne-data.en.md", directory_urls=False) == "en/om/apne-data.html"


def test_laws_hold_only_what_the_pages_cite(content, files):
    cited = {(c.law_id, c.section) for p in content.pages.values() for c in p.citations}
    listed = {(law["id"], s["section"]) for law in files["laws.json"]["laws"] for s in law["sections"]}
    assert listed and listed <= cited
    assert {(law, sec) for law, sec in cited if sec in content.laws.laws[law].sections} == listed
    strl = next(law for law in files["laws.json"]["laws"] if law["id"] == "straffeloven")
    s282 = next(s for s in strl["sections"] if s["section"] == "282")
    assert s282["url"] == "https://lovdata.no/lov/2005-05-20-28/§282"
    assert s282["cited_on"]["nb"] and all(u.startswith("en/") for u in s282["cited_on"]["en"])


def test_phones_trees_measures_duties_match_the_data(content, files):
    assert [p["number"] for p in files["phones.json"]["phones"]] == [e.display for e in content.phones.entries]
    assert {"tel:112", "tel:02800", "tel:116006"} <= {p["tel"] for p in files["phones.json"]["phones"]}
    trees = {t["id"]: t for t in files["trees.json"]["trees"]}
    assert set(trees) == set(content.trees)
    tree = trees["bekymring-mottatt"]
    assert {"nb": "beslutningsstotte/bekymring-mottatt/", "en": "en/beslutningsstotte/bekymring-mottatt/"} in tree["shown_on"]
    assert [n["id"] for n in tree["nodes"]] == list(content.trees["bekymring-mottatt"].nodes)
    assert [m["id"] for m in files["measures.json"]["measures"]] == content.measures.ids
    besok = next(m for m in files["measures.json"]["measures"] if m["id"] == "besoksforbud")
    assert besok["url"] == {"nb": "tiltak/besoksforbud/", "en": "en/tiltak/besoksforbud/"}
    assert [d["id"] for d in files["duties.json"]["duties"]] == [d.id for d in content.duties.duties]


def test_write_open_data_writes_files_and_schemas(files, tmp_path):
    written = write_open_data(tmp_path / "data", files, schema_dir=SCHEMAS)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {f"data/{n}.json" for n in FILES} | {f"data/schemas/{n}.schema.json" for n in FILES} == names
    assert json.loads((tmp_path / "data" / "pages.json").read_text(encoding="utf-8")) == files["pages.json"]


def test_offline_build_writes_search_scripts(tmp_path):
    assert offline_requested({"GUIDE_OFFLINE": "1"}) and not offline_requested({})
    for prefix in ("", "en/"):
        (tmp_path / prefix / "search").mkdir(parents=True)
        (tmp_path / prefix / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    root = tmp_path / "root"
    shim = root / "tools/offline/node_modules/iframe-worker/shim/index.js"
    with pytest.raises(FileNotFoundError, match="npm ci"):
        finish_offline_build(tmp_path, root, ["en"])
    shim.parent.mkdir(parents=True)
    shim.write_text("/* shim */", encoding="utf-8")
    finish_offline_build(tmp_path, root, ["en"])
    assert (tmp_path / SHIM_PATH).read_text(encoding="utf-8") == "/* shim */"
    assert (tmp_path / "search" / "search_index.js").read_text(encoding="utf-8") == 'var __index = {"docs": []}'
    assert (tmp_path / "en" / "search" / "search_index.js").exists()


def test_offline_archive_fixes_site_file_links_and_drops_the_archive_link(tmp_path):
    from scripts.offline_archive import adjust_offline_links, zip_site

    (tmp_path / "om").mkdir()
    link = '<a class="site-file" href="{}"{}>{}</a>'
    (tmp_path / "om" / "apne-data.html").write_text(
        link.format("../../data/pages.json", "", "pages.json") + link.format("../../nedlasting/trusler-og-vold-fagveileder.zip", " download", "Last ned"),
        encoding="utf-8")
    (tmp_path / "om" / "index.html").write_text(link.format("../data/laws.json", "", "laws.json"), encoding="utf-8")
    assert adjust_offline_links(tmp_path) == 3
    assert (tmp_path / "om" / "apne-data.html").read_text(encoding="utf-8") == link.format("../data/pages.json", "", "pages.json") + "Last ned"
    assert (tmp_path / "om" / "index.html").read_text(encoding="utf-8") == link.format("../data/laws.json", "", "laws.json")
    archive = tmp_path / "out" / "a.zip"
    assert zip_site(tmp_path / "om", archive, day=TODAY) == 2
    first = archive.read_bytes()
    zip_site(tmp_path / "om", archive, day=TODAY)
    assert archive.read_bytes() == first  # the same content gives the same archive
