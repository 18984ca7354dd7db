"""The editors' guide (docs/om/redaktorveiledning.md and .en.md): each example an editor may copy is
taken out of the guide and fed to the check it describes, and the two languages show the same
sections and examples. (The decision-tree example is tested in test_trees.py, the What's new
example in test_changes.py.)"""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from veileder.duties import Cell
from veileder.frontmatter import split_front_matter
from veileder.glossary import load_glossary
from veileder.legal import load_law_registry, link_legal_refs
from veileder.legal_registry import Law, Section
from veileder.measures import load_measures, measure_texts
from veileder.page_meta import check_page_meta, load_meta_lists
from veileder.phone_registry import PhoneEntry
from veileder.phones import load_phone_registry
from veileder.site_content import KNOWN_MARKERS, registry_checks
from veileder.tree_model import load_yaml

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)
GUIDES = {"nb": ROOT / "docs" / "om" / "redaktorveiledning.md", "en": ROOT / "docs" / "om" / "redaktorveiledning.en.md"}
# The section each example is in, per language.
SECTIONS = {
    "page": {"nb": "## Legge til eller endre en side", "en": "## Adding or changing a page"},
    "section": {"nb": "### Legge til en paragraf", "en": "### Adding a section"},
    "law": {"nb": "### Legge til en lov", "en": "### Adding a law"},
    "phones": {"nb": "## Telefonnumre", "en": "## Phone numbers"},
    "measures": {"nb": "## Tiltaksfakta og pliktoversikten", "en": "## Measure facts and the duty overview"},
    "glossary": {"nb": "## Ordliste", "en": "## Glossary"},
    "sources": {"nb": "## Kilder", "en": "## Sources"},
    "checks": {"nb": "## Hva byggingen kontrollerer", "en": "## What the build checks"},
    "markers": {"nb": "### Innhold som hentes fra data", "en": "### Content drawn from data"},
}
LANGS = ("nb", "en")


def guide(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def section(lang: str, name: str) -> str:
    """The text under one heading, up to the next heading of the same or a higher level."""
    heading = SECTIONS[name][lang]
    level = heading.split(" ", 1)[0]
    text = guide(lang)
    assert heading + "\n" in text, f"the {lang} guide has no heading «{heading}»"
    body = text.split(heading + "\n", 1)[1]
    ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), body, re.M)]
    return body[: ends[0]] if ends else body


def blocks(text: str, lang: str = "yaml") -> list[str]:
    """The fenced code blocks of one kind ('' for a fence without a language), dedented (some
    stand inside a list item)."""
    found, open_as, lines = [], None, []
    for line in text.splitlines(keepends=True):
        fence = re.fullmatch(r"( *)```(\w*)\n?", line)
        if open_as is None and fence:
            open_as, lines = fence.group(2), []
        elif open_as is not None and fence and not fence.group(2):
            if open_as == lang:
                found.append(textwrap.dedent("".join(lines)))
            open_as = None
        elif open_as is not None:
            lines.append(line)
    return found


def one_block(lang: str, name: str) -> str:
    found = blocks(section(lang, name))
    assert len(found) >= 1, f"no YAML example under «{SECTIONS[name][lang]}»"
    return found[0]


@pytest.fixture(scope="module")
def registries():
    laws, p1 = load_law_registry(ROOT / "data" / "laws.yml")
    phones, p2 = load_phone_registry(ROOT / "data" / "phones.yml", today=TODAY)
    assert p1 == [] and p2 == []
    return laws, phones


def all_pages() -> set[str]:
    docs = ROOT / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}


# ------------------------------------------------------------------------------ the examples


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_matter_example_passes_the_page_checks(lang):
    text = one_block(lang, "page")
    fm = split_front_matter(text + "\nBody.\n")
    lists = load_meta_lists(ROOT / "data" / "metadata.yml", ROOT / "data" / "sources.yml")
    meta, problems = check_page_meta(fm, "docs/x.md", lists, TODAY)
    assert problems == [] and meta is not None
    # and the check does catch a mistake in it
    _, problems = check_page_meta(split_front_matter(text.replace("owner: fagredaksjonen", "owner: Kari")), "docs/x.md", lists, TODAY)
    assert any("unknown owner 'Kari'" in p.what for p in problems)


def test_the_two_front_matter_examples_would_make_a_valid_pair():
    nb, en = (yaml.safe_load(one_block(lang, "page").strip().strip("-")) for lang in LANGS)
    for key in ("audience", "reviewed", "owner", "sources"):
        assert nb[key] == en[key], key


@pytest.mark.parametrize("lang", LANGS)
def test_the_section_and_law_examples_fit_the_law_registry(lang):
    Section.model_validate(next(iter(yaml.safe_load(one_block(lang, "section")).values())))
    entry = yaml.safe_load(one_block(lang, "law"))
    assert list(entry) == ["politiloven"]
    Law.model_validate(entry["politiloven"])
    with pytest.raises(ValueError):  # a repealed law without its dates is refused
        Law.model_validate({**entry["politiloven"], "status": "repealed"})


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_entry_example_fits_the_phone_registry(lang):
    entries = yaml.safe_load(one_block(lang, "phones"))
    assert len(entries) == 1
    entry = PhoneEntry.model_validate(entries[0])
    assert entry.display == "22 40 00 40" and entry.href == "tel:+4722400040"


@pytest.mark.parametrize("lang", LANGS)
def test_the_measure_example_passes_the_measure_checks(lang, tmp_path, registries):
    example = one_block(lang, "measures")
    path = tmp_path / "measures.yml"
    path.write_text("measures:\n" + example, encoding="utf-8")
    measures, problems = load_measures(path, known_pages=all_pages())
    assert problems == [] and measures.ids == ["besoksforbud"]
    check_text, _ = registry_checks(*registries)
    assert [p for t, lg, line in measure_texts(measures) for p in check_text(t, lg, "data/measures.yml", line)] == []
    # report and report_needed must agree
    path.write_text("measures:\n" + example.replace("report: no ", "report: yes"), encoding="utf-8")
    _, problems = load_measures(path, known_pages=all_pages())
    assert any("report is 'yes' but report_needed" in p.what for p in problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_duty_cell_example_fits_the_duty_matrix(lang, registries):
    example = blocks(section(lang, "measures"))[1]
    (duty_id, raw), = load_yaml(example).data.items()
    cell = Cell.model_validate(raw)
    assert cell.page in all_pages()
    check_text, _ = registry_checks(*registries)
    assert [p for lg in LANGS for p in check_text(cell.legal_basis.get(lg), lg, "data/duties.yml", 1)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_example_is_a_valid_entry_of_the_real_glossary(lang, tmp_path):
    example = one_block(lang, "glossary")
    path = tmp_path / "glossary.yml"
    path.write_text(example, encoding="utf-8")
    terms, problems = load_glossary(path)
    assert problems == [] and len(terms) == 1
    real, _ = load_glossary(ROOT / "data" / "glossary.yml")
    assert terms[0].text == next(t.text for t in real if t.term == terms[0].term)


@pytest.mark.parametrize("lang", LANGS)
def test_the_source_example_has_the_fields_of_every_real_source(lang):
    (entry,) = yaml.safe_load(one_block(lang, "sources"))
    real = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    assert all(set(s) == set(entry) for s in real)
    assert entry == next(s for s in real if s["id"] == entry["id"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_message_is_the_one_the_build_prints(lang, registries):
    (shown,) = [line for b in blocks(section(lang, "checks"), "") for line in b.splitlines() if line.startswith("WARNING")]
    m = re.fullmatch(r"WARNING -  veileder: (docs/\S+\.md):(\d+): «([^»]+)» — .*", shown)
    assert m, shown
    _, _, problems = link_legal_refs(f"Se {m.group(3)}.", lang="nb", registry=registries[0], file=m.group(1), first_line=int(m.group(2)))
    assert [f"WARNING -  veileder: {p}" for p in problems] == [shown]


@pytest.mark.parametrize("lang", LANGS)
def test_the_markers_table_lists_every_marker_the_build_knows(lang):
    listed = set(re.findall(r"`\{\{ ([a-z-]+)", section(lang, "markers")))
    assert listed == KNOWN_MARKERS


# ------------------------------------------------------------------------------ the two languages


def test_both_guides_have_the_same_outline():
    def outline(text):
        return [line.split(" ", 1)[0] for line in text.splitlines() if re.match(r"#{2,4} ", line)]

    def table_rows(text):
        return len([line for line in text.splitlines() if line.startswith("| ")])

    nb, en = guide("nb"), guide("en")
    assert outline(nb) == outline(en)
    assert table_rows(nb) == table_rows(en)


def test_both_guides_show_the_same_examples():
    def data(block):
        return load_yaml(block).data

    nb, en = blocks(guide("nb")), blocks(guide("en"))
    assert len(nb) == len(en)
    for i, (a, b) in enumerate(zip(nb, en)):
        if i == 0:  # the front matter example: its title and description are in the page's language
            continue
        assert data(a) == data(b), f"YAML example {i + 1} differs between the bokmål and English guides"
    assert blocks(guide("nb"), "") == blocks(guide("en"), "")  # the example message
