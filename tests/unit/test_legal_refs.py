import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veileder.legal import Citation, link_legal_refs, load_law_registry, render_repealed

ROOT = Path(__file__).resolve().parents[2]
REG, _ = load_law_registry(ROOT / "data" / "laws.yml")
LINK = re.compile(r'<a href="(?P<href>[^"]+)" class="law-ref" hreflang="nb" aria-label="(?P<label>[^"]+)" '
                  r'title="(?P<title>[^"]+)">(?P<text>[^<]+)</a>')


def run(md, lang="nb", file="docs/tiltak/x.md", first_line=1):
    return link_legal_refs(md, lang=lang, registry=REG, file=file, first_line=first_line)


def links(md, lang="nb"):
    out, _, problems = run(md, lang)
    assert problems == [], [str(p) for p in problems]
    return [(m["text"], m["href"].rsplit("/", 2)[-2] + "/" + m["href"].rsplit("/", 1)[-1]) for m in LINK.finditer(out)]


def strl(s):
    return f"2005-05-20-28/§{s}"


def strpl(s):
    return f"1981-05-22-25/§{s}"


# --- recognition: the forms in the issue ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("straffeloven § 266 a", [("straffeloven § 266 a", strl("266a"))]),
    ("strl. § 282", [("strl. § 282", strl("282"))]),
    ("§ 282 i straffeloven", [("§ 282 i straffeloven", strl("282"))]),
    ("straffeprosessloven §§ 222 g–222 j", [("222 g", strpl("222g")), ("222 j", strpl("222j"))]),
    ("§§ 263 og 264 i straffeloven", [("263", strl("263")), ("264", strl("264"))]),
    ("barnevernsloven § 13-2", [("barnevernsloven § 13-2", "2021-06-18-97/§13-2")]),
    ("krisesenterlova § 5", [("krisesenterlova § 5", "2009-06-19-44/§5")]),
    ("helsepersonelloven § 33 første ledd", [("helsepersonelloven § 33", "1999-07-02-64/§33")]),
    ("jf. strpl. § 62 a", [("strpl. § 62 a", strpl("62a"))]),
    ("straffeloven § 266a", [("straffeloven § 266a", strl("266a"))]),
    ("Straffeloven § 263 og § 264", [("263", strl("263")), ("264", strl("264"))]),
    ("straffeloven § 263, jf. § 266a", [("straffeloven § 263", strl("263")), ("§ 266a", strl("266a"))]),
    # the bars
    ("strpl. § 222 a annet ledd", [("strpl. § 222 a", strpl("222a"))]),
    ("§§ 271–274 i straffeloven", [("271", strl("271")), ("274", strl("274"))]),
    ("straffeloven §§ 282 og 283", [("282", strl("282")), ("283", strl("283"))]),
    ("krisesenterloven § 6", [("krisesenterloven § 6", "2009-06-19-44/§6")]),
    # more
    ("§ 222 a annet ledd i straffeprosessloven", [("§ 222 a annet ledd i straffeprosessloven", strpl("222a"))]),
    ("straffeprosessloven § 222 i", [("straffeprosessloven § 222 i", strpl("222i"))]),
    ("§ 222 i i straffeprosessloven", [("§ 222 i i straffeprosessloven", strpl("222i"))]),
    ("straffeloven § 282 i saker om vold", [("straffeloven § 282", strl("282"))]),
    ("politiloven §§ 14 a–14 i", [("14 a", "1995-08-04-53/§14a"), ("14 i", "1995-08-04-53/§14i")]),
    ("straffeloven §§ 271-274", [("271", strl("271")), ("274", strl("274"))]),
    ("barnevernsloven §§ 13-1 og 13-2", [("13-1", "2021-06-18-97/§13-1"), ("13-2", "2021-06-18-97/§13-2")]),
    ("Jf. hpl. § 21 og strpl. § 222 c.", [("hpl. § 21", "1999-07-02-64/§21"), ("strpl. § 222 c", strpl("222c"))]),
    ("Straffeloven § 263 og § 5 i krisesenterlova",
     [("Straffeloven § 263", strl("263")), ("§ 5 i krisesenterlova", "2009-06-19-44/§5")]),
    ("§ 282 første ledd bokstav b i straffeloven", [("§ 282 første ledd bokstav b i straffeloven", strl("282"))]),
    ("**straffeloven § 282**", [("straffeloven § 282", strl("282"))]),
    ("folkeregisterloven § 10-4", [("folkeregisterloven § 10-4", "2016-12-09-88/§10-4")]),
    ("navneloven §§ 10 og 11", [("10", "2002-06-07-19/§10"), ("11", "2002-06-07-19/§11")]),
    ("straffeloven (2005) § 168", [("straffeloven (2005) § 168", strl("168"))]),
    ("straffeloven 2005 § 168", [("straffeloven 2005 § 168", strl("168"))]),
])
def test_bokmal_forms(text, expected):
    if not expected:
        out, cits, problems = run(text)
        assert out == text and problems == []
        return
    assert links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("section 222 a of the Criminal Procedure Act", [("section 222 a of the Criminal Procedure Act", strpl("222a"))]),
    ("the Penal Code section 282", [("Penal Code section 282", strl("282"))]),
    ("straffeloven § 196", [("straffeloven § 196", strl("196"))]),
    ("sections 222 g–222 j of the Criminal Procedure Act", [("222 g", strpl("222g")), ("222 j", strpl("222j"))]),
    ("section 33 of the Health Personnel Act", [("section 33 of the Health Personnel Act", "1999-07-02-64/§33")]),
    ("Section 57 of the Penal Code", [("Section 57 of the Penal Code", strl("57"))]),
    ("the Criminal Procedure Act section 62 a", [("Criminal Procedure Act section 62 a", strpl("62a"))]),
    ("sections 263 and 264 of the Penal Code", [("263", strl("263")), ("264", strl("264"))]),
    ("section 5 of the Crisis Centre Act", [("section 5 of the Crisis Centre Act", "2009-06-19-44/§5")]),
    ("the Penal Code section 282 a new rule", [("Penal Code section 282", strl("282"))]),
    ("§ 282 of the Penal Code", [("§ 282 of the Penal Code", strl("282"))]),
])
def test_english_forms(text, expected):
    assert links(text, "en") == expected


def test_accessible_name_contains_visible_text_and_title():
    out, _, _ = run("Les straffeloven § 266 a nå.")
    m = LINK.search(out)
    assert m["label"] == m["title"] == "straffeloven § 266 a – Alvorlig personforfølgelse"
    assert m["href"] == "https://lovdata.no/lov/2005-05-20-28/§266a"
    out, _, _ = run("See section 222 a of the Criminal Procedure Act.", "en")
    assert LINK.search(out)["label"] == "section 222 a of the Criminal Procedure Act – Restraining order"
    out, _, _ = run("straffeprosessloven §§ 222 g–222 j")
    for m in LINK.finditer(out):
        assert m["text"] in m["label"] and m["label"].startswith("straffeprosessloven § 222 ")


def test_text_around_is_kept():
    out, _, _ = run("Før straffeloven § 282, etter.")
    assert out.startswith("Før <a ") and out.endswith("</a>, etter.")


@pytest.mark.parametrize("text", [
    "I 2015 kom loven.", "NOU 2020:17 «Varslede drap?»", "side 12", "Den 1. juli 2025 ble 3 av 12 endret.",
    "`straffeloven § 282`", "```\nstraffeloven § 282\n```\n", "[straffeloven § 282](../x.md)",
    "<!-- strl. § 282 -->", "Se § 3 i forskriften.", "jf. § 4 c i forskriften",
    "Ring 02800 eller 112.", "politiloven kapittel II a", "Dette er et mål. § 5 sier noe", "jf. § 282 annet ledd",
    "straffeloven 1902 ble opphevet i 2015.",
])
def test_what_is_not_a_reference_is_untouched(text):
    out, cits, problems = run(text)
    assert out == text and problems == []


def test_section_alone_in_english_is_untouched():
    text = "See section 3 of this guide, and section 4 describes the rest."
    assert run(text, "en")[0] == text


def test_citations_expand_ranges_and_carry_lines():
    _, cits, _ = run("Innledning.\n\n§§ 271–274 i straffeloven", first_line=7)
    assert cits == [Citation("straffeloven", k, "docs/tiltak/x.md", 9) for k in ("271", "272", "273", "274")]


def test_idempotent():
    once = run("straffeloven § 282 og {{ repealed: straffeloven 1902 § 342 }}")[0]
    twice, _, problems = run(once)
    assert twice == once and problems == []


# --- errors ------------------------------------------------------------------------------------

def one_problem(text, lang="nb", first_line=1):
    out, _, problems = run(text, lang, first_line=first_line)
    assert len(problems) == 1, [str(p) for p in problems]
    assert "law-ref\"" not in out.split("{{")[0] or True
    return str(problems[0])


def test_unknown_law():
    assert one_problem("Se\narbeidsmiljøloven § 4-3.", first_line=10) == (
        "docs/tiltak/x.md:11: «arbeidsmiljøloven § 4-3» — «arbeidsmiljøloven» is not a law in the registry — "
        "check the law's name, or add the law to data/laws.yml with its Lovdata id, names, titles, source and "
        "check date")


def test_unknown_law_english():
    p = one_problem("Under the Working Environment Act section 4.", "en")
    assert p.startswith("docs/tiltak/x.md:1: «Working Environment Act section 4» — «Working Environment Act» is not")
    p = one_problem("Under section 4 of the Working Environment Act.", "en")
    assert p.startswith("docs/tiltak/x.md:1: «section 4 of the Working Environment Act» — «Working Environment Act»")


def test_unknown_law_suggests_a_close_name():
    assert "did you mean «straffeloven»?" in one_problem("strafeloven § 282")


def test_unknown_abbreviation():
    assert "«aml.» is not a law in the registry" in one_problem("jf. aml. § 4-3")


def test_unknown_section():
    assert one_problem("Etter straffeloven § 999.", first_line=14) == (
        "docs/tiltak/x.md:14: «straffeloven § 999» — straffeloven has no § 999 in the registry — check the section "
        "number, or add the section to data/laws.yml with its titles, source and check date")


def test_range_with_unknown_section():
    p = one_problem("straffeloven §§ 293–306")
    assert "straffeloven has no §§ 300, 301, 302, 303, 304, 305, 306 in the registry" in p


def test_unverified_section():
    p = one_problem("helsepersonelloven § 23")
    assert "helsepersonelloven § 23 is not verified" in p


def test_repealed_law():
    assert one_problem("straffeloven 1902 § 342") == (
        "docs/tiltak/x.md:1: «straffeloven 1902 § 342» — straffeloven 1902 was repealed on 1 October 2015; its "
        "successor is straffeloven — cite straffeloven § 168 instead, or write "
        "{{ repealed: straffeloven 1902 § 342 }} if you mean the old provision on purpose")
    p = one_problem("barnevernloven § 6-4")
    assert "barnevernloven was repealed on 31 December 2022; its successor is barnevernsloven" in p
    assert "cite barnevernsloven § 13-2 instead" in p


def test_repealed_law_without_sections():
    p = one_problem("voldsoffererstatningsloven § 1")
    assert "its successor is voldserstatningsloven" in p


def test_repealed_section():
    p = one_problem("straffeloven § 292")
    assert p.startswith("docs/tiltak/x.md:1: «straffeloven § 292» — straffeloven § 292 was repealed on 1 July 2025")
    assert "{{ repealed: straffeloven § 292 }}" in p


def test_known_law_without_cited_sections():
    assert "pasient- og brukerrettighetsloven has no § 3-1" in one_problem("pbrl. § 3-1")


def test_all_problems_in_one_run_with_lines():
    md = "---\n".join([]) + "a\nstraffeloven § 999\n\n`strl. § 1`\nbarnevernloven § 6-4 og arbeidsmiljøloven § 1\n"
    _, _, problems = run(md, first_line=6)
    assert [(p.line, p.what.split(" — ")[0]) for p in problems] == [
        (7, "«straffeloven § 999»"), (10, "«barnevernloven § 6-4»"), (10, "«arbeidsmiljøloven § 1»")]


def test_bad_reference_is_not_linked():
    out, _, _ = run("straffeloven § 999 og straffeloven 1902 § 342")
    assert "<a " not in out


# --- regulation with an unverified id ---------------------------------------------------------

def test_regulation_is_recognised_but_not_linked():
    text = "Se forskrift om fysisk sikkerhet i krisesentertilbudet § 4 c."
    out, cits, problems = run(text)
    assert out == text and problems == []
    assert cits == [Citation("forskrift-fysisk-sikkerhet-krisesenter", "4 c", "docs/tiltak/x.md", 1)]
    assert "has no § 9" in one_problem("forskrift om fysisk sikkerhet i krisesentertilbudet § 9")


# --- the {{ repealed: … }} marker ------------------------------------------------------------

def test_repealed_marker_renders_plain_text_with_tooltip():
    out, cits, problems = run("Kilden viser til {{ repealed: straffeloven 1902 § 342 }}.", first_line=3)
    assert problems == []
    assert out == ('Kilden viser til <span class="law-ref-repealed" title="Opphevet 1. oktober 2015. Erstattet av '
                   'straffeloven § 168 – Brudd på oppholds- og kontaktforbud eller beslutning om båndlegging.">'
                   'straffeloven 1902 &sect; 342</span>.')
    assert cits == [Citation("straffeloven-1902", "342", "docs/tiltak/x.md", 3)]


def test_repealed_marker_english():
    out, _, problems = run("{{ repealed: barnevernloven § 6-4 }}", "en")
    assert problems == []
    assert 'title="Repealed on 31 December 2022. Replaced by section 13-2 of the Child Welfare Act ' \
           '(barnevernsloven § 13-2) – Duty to notify the child welfare service."' in out


def test_repealed_marker_section_of_law_in_force_and_whole_law():
    html_, law, sec, err = render_repealed("straffeloven § 292", lang="nb", registry=REG)
    assert err == "" and 'title="Opphevet 1. juli 2025."' in html_
    html_, law, sec, err = render_repealed("voldsoffererstatningsloven", lang="nb", registry=REG)
    assert err == "" and "Erstattet av voldserstatningsloven." in html_


@pytest.mark.parametrize("marker, expected", [
    ("{{ repealed: straffeloven § 282 }}", "this provision is in force, not repealed"),
    ("{{ repealed: gammelloven § 1 }}", "the law is not in the registry"),
    ("{{ repealed: straffeloven 1902 § 999 }}", "straffeloven 1902 has no § 999"),
])
def test_repealed_marker_errors(marker, expected):
    out, _, problems = run(f"a\n{marker}")
    assert out == f"a\n{marker}"
    assert len(problems) == 1 and problems[0].line == 2 and expected in problems[0].what


def test_other_markers_untouched():
    text = "{{ tree: beskyttelsestiltak }}"
    assert run(text)[0] == text


# --- properties --------------------------------------------------------------------------------

ALPHABET = st.characters(codec="utf-8", exclude_characters="§{}")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_text_without_section_sign_is_never_changed(text):
    for lang in ("nb", "en"):
        if lang == "en" and "section" in text.lower():
            continue
        out, cits, problems = run(text, lang)
        assert out == text and cits == [] and problems == []


WORDS = st.sampled_from(["straffeloven", "strl.", "§", "§§", "266", "a", "i", "og", "–", "-", "222", "g", "j",
                         "section", "sections", "of", "the", "Penal", "Code", "Act", "{{", "}}", "repealed:",
                         "`", "\n", "\n\n", ",", "jf.", "1902", "13-2", "282", "999", "arbeidsmiljøloven", "(", ")",
                         "[x](y)", "<a>", "</a>", "første", "ledd"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=30), st.sampled_from([" ", "", "  "]), st.sampled_from(["nb", "en"]))
def test_parser_never_crashes_on_reference_like_text(words, sep, lang):
    text = sep.join(words)
    out, cits, problems = run(text, lang)
    assert isinstance(out, str)
    for p in problems:
        assert p.file == "docs/tiltak/x.md" and 1 <= p.line <= text.count("\n") + 1


@settings(max_examples=200)
@given(st.text(max_size=200), st.sampled_from(["nb", "en"]))
def test_arbitrary_text_never_crashes(text, lang):
    run(text, lang)
