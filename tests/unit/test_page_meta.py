"""Front matter: the schema, each check, the review line and the pair comparison."""
from __future__ import annotations

import datetime as dt

import pytest

from veileder.frontmatter import split_front_matter
from veileder.page_meta import MetaLists, add_months, check_page_meta, compare_facts, compare_pair, next_review, pair_of, review_line

LISTS = MetaLists(
    audiences={"all": {"nb": "Alle", "en": "Everyone"}, "police": {"nb": "Politiet", "en": "Police"}},
    owners={"fagredaksjonen": {"nb": "Fagredaksjonen", "en": "The editorial team"}},
    sources={"lovdata", "nkvts-voldsveileder"},
)
TODAY = dt.date(2026, 11, 23)
GOOD = """---
title: Besøksforbud
description: Hva et besøksforbud er, hvem som bestemmer og hva som skjer ved brudd.
audience: [police]
reviewed: 2026-03-12
owner: fagredaksjonen
sources: [lovdata]
---

Tekst.
"""


def check(text, today=TODAY):
    return check_page_meta(split_front_matter(text), "docs/x.md", LISTS, today)


def messages(text, today=TODAY):
    return [str(p) for p in check(text, today)[1]]


def test_good_page_has_no_problems():
    meta, problems = check(GOOD)
    assert problems == []
    assert meta.title == "Besøksforbud" and meta.reviewed == dt.date(2026, 3, 12)


def test_body_line_offset():
    fm = split_front_matter(GOOD)
    assert fm.body_first_line == 9
    assert fm.lines["owner"] == 6


def test_no_front_matter():
    assert messages("Bare tekst\n") == ["docs/x.md:1: the page has no front matter — start the file with '---', the keys title, description, audience, reviewed, owner and sources, and '---' (see «Redaktørveiledning»)"]


def test_broken_yaml_names_the_line():
    text = GOOD.replace("owner: fagredaksjonen", "owner: [fagredaksjonen")
    out = messages(text)
    assert len(out) == 1 and out[0].startswith("docs/x.md:") and "not valid YAML" in out[0]


def test_missing_keys_are_all_reported():
    text = "---\ntitle: Tittel\n---\n"
    out = "\n".join(messages(text))
    for key in ("description", "audience", "reviewed", "owner", "sources"):
        assert f"the front matter has no '{key}'" in out


def test_unknown_audience_owner_and_source_name_their_lines():
    text = GOOD.replace("[police]", "[politi]").replace("owner: fagredaksjonen", "owner: Kari Nordmann").replace("[lovdata]", "[lovdata, wikipedia]")
    out = messages(text)
    assert "docs/x.md:4: unknown audience 'politi' — use one of: all, police" in out
    assert any(m.startswith("docs/x.md:6: unknown owner 'Kari Nordmann'") for m in out)
    assert any(m.startswith("docs/x.md:7: unknown source id 'wikipedia'") for m in out)


def test_invalid_date_and_unknown_key():
    out = messages(GOOD.replace("2026-03-12", "12. mars 2026").replace("owner:", "forfatter: x\nowner:"))
    assert any(m.startswith("docs/x.md:5: 'reviewed' is not a valid date: «12. mars 2026» — write the date") for m in out), out
    assert any("unknown front matter key 'forfatter'" in m for m in out)


def test_page_past_its_review_date_fails():
    out = messages(GOOD, today=dt.date(2027, 3, 13))
    assert out == ["docs/x.md:5: the page was due for review on 2027-03-12 — review the content, then set 'reviewed' to today's date"]


def test_explicit_next_review_wins():
    text = GOOD.replace("owner:", "next_review: 2026-06-01\nowner:")
    out = messages(text)
    assert any("due for review on 2026-06-01" in m for m in out)


def test_review_line_both_languages():
    meta, _ = check(GOOD)
    assert review_line(meta, LISTS, "nb") == "Sist faglig vurdert 12. mars 2026 · Neste vurdering mars 2027"
    assert review_line(meta, LISTS, "en") == "Last reviewed 12 March 2026 · Next review March 2027"


def test_add_months_end_of_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)


def test_pair_differences_are_reported():
    nb, _ = check(GOOD)
    en, _ = check(GOOD.replace("[police]", "[all]").replace("2026-03-12", "2026-03-13"))
    out = [str(p) for p in compare_pair("docs/x.md", nb, "docs/x.en.md", en, {"audience": 4, "reviewed": 5})]
    assert "docs/x.en.md:5: 'reviewed' differs from docs/x.md (2026-03-13 here, 2026-03-12 there) — make 'reviewed' the same in both languages" in out
    assert any(m.startswith("docs/x.en.md:4: 'audience' differs") for m in out)


def test_an_impossible_date_is_reported_by_its_key_and_the_other_keys_are_still_checked():
    out = messages(GOOD.replace("2026-03-12", "2026-02-30").replace("[lovdata]", "[wikipedia]"))
    assert any(m.startswith("docs/x.md:5: 'reviewed' is not a valid date: «2026-02-30» — write the date") for m in out), out
    assert any(m.startswith("docs/x.md:7: unknown source id 'wikipedia'") for m in out), out


def test_phone_numbers_in_pair_messages_are_shown_as_dialled():
    out = [str(p) for p in compare_facts("docs/x.md", "docs/x.en.md", "the phone number", {"politi", "+4722222222"}, set(),
                                         show=lambda f: {"politi": "02800", "+4722222222": "22 22 22 22"}[f])]
    assert "the phone number 02800 is in docs/x.md" in out[1] and "the phone number 22 22 22 22 is in docs/x.md" in out[0]


def test_fact_differences_are_reported_both_ways():
    out = [str(p) for p in compare_facts("docs/x.md", "docs/x.en.md", "the phone number", {"112", "02800"}, {"112", "116006"})]
    assert len(out) == 2
    assert "02800 is in docs/x.md but not in the English page" in out[0]
    assert "116006 is in the English page but not in docs/x.md" in out[1]


@pytest.mark.parametrize("rel", ["a/b.md", "a/b.en.md"])
def test_pair_of(rel):
    assert pair_of(rel) == ("a/b.md", "a/b.en.md")


def test_next_review_default_interval():
    meta, _ = check(GOOD)
    assert next_review(meta, LISTS) == dt.date(2027, 3, 12)
