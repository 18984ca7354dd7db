import re
from datetime import date

import pytest

from tests.unit._phone_fixtures import ROOT, real_registry
from veileder.phone_page import format_date, header_numbers, render_phone_page
from veileder.phone_registry import PhoneRegistry
from veileder.phone_text import link_phone_numbers

REGISTRY = real_registry()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_page_lists_every_number_with_owner_purpose_hours_cost_and_date(lang):
    md = render_phone_page(REGISTRY, lang=lang)
    for e in REGISTRY.entries:
        assert e.link_html(lang) in md
        for text in (e.owner.get(lang), e.purpose.get(lang), e.hours.get(lang)):
            assert text in md
    assert md.count('class="tel"') == len(REGISTRY.entries)
    assert sum(md.count(f"** {format_date(e.verified, lang)}\n") for e in {e.verified: e for e in REGISTRY.entries}.values()) \
        == len(REGISTRY.entries)


def test_page_bokmal_words():
    md = render_phone_page(REGISTRY, lang="nb")
    assert "## Nødnumre" in md and "## Hjelpetelefoner" in md
    assert "- **Sist kontrollert:** 1. november 2026" in md
    assert "- **Pris:** Gratis" in md
    assert "Kontortid (ikke bekreftet) – se politiet.no" in md


def test_page_english_words():
    md = render_phone_page(REGISTRY, lang="en")
    assert "## Emergency numbers" in md and "## Helplines" in md
    assert "- **Last verified:** 1 November 2026" in md
    assert "Office hours (not confirmed) – see politiet.no" in md
    assert "Nødnumre" not in md


def test_page_has_no_h1_and_survives_the_linker():
    md = render_phone_page(REGISTRY, lang="nb")
    assert not re.search(r"^# ", md, re.M)
    out, found, problems = link_phone_numbers(md, lang="nb", registry=REGISTRY, file="docs/om/telefonnumre.md")
    assert out == md and problems == []


def test_empty_registry_page():
    assert render_phone_page(PhoneRegistry(), lang="en") == "No phone numbers are published.\n"


def test_format_date():
    assert format_date(date(2026, 3, 1), "nb") == "1. mars 2026"
    assert format_date(date(2026, 3, 1), "en") == "1 March 2026"


def test_header_numbers_come_from_the_registry():
    items = header_numbers(REGISTRY, lang="nb")
    assert [(i["display"], i["href"]) for i in items] == [("112", "tel:112"), ("02800", "tel:02800")]
    first = items[0]
    assert first["label"] == "Akutt fare? Ring"
    assert first["aria_label"] == "112 – Politiet"
    assert first["html"] == ('<a class="tel" href="tel:112" aria-label="112 – Politiet" '
                             'title="Nødnummer til politiet – når noen er i fare nå">112</a>')
    assert set(first) >= {"label", "display", "href", "aria_label", "html"}


def test_header_numbers_english():
    items = header_numbers(REGISTRY, lang="en")
    assert items[0]["label"] == "In immediate danger? Call"
    assert items[0]["aria_label"] == "112 – The police"
    assert items[1]["aria_label"].startswith(items[1]["display"])


TEMPLATE_FILES = sorted(p for p in (ROOT / "overrides").rglob("*") if p.suffix in {".html", ".js"}) + [
    ROOT / "data" / "ui.yml", ROOT / "mkdocs.yml"]


def test_the_template_check_finds_a_typed_number():
    _, found, _ = link_phone_numbers('<p>Akutt fare? Ring <a href="tel:112">112</a></p>', lang="nb", registry=REGISTRY, file="x")
    assert found


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_phone_number_is_typed_into_a_template_or_ui_text(path):
    """The header strip's numbers come from data/phones.yml (`header:`), never from a template."""
    _, found, _ = link_phone_numbers(path.read_text(encoding="utf-8"), lang="nb", registry=REGISTRY, file=str(path))
    assert found == [], f"{path.relative_to(ROOT)} has a phone number typed into it: {found}"


def test_the_header_template_draws_the_numbers_from_the_registry():
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "{% for n in emergency %}" in main and "{{ n.html }}" in main
