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
    # forms professionals write that the issue does not list (the bar «forms not listed here»)
    ("straffeloven (strl.) § 282", [("straffeloven (strl.) § 282", strl("282"))]),
    ("strl. §§ 271 til 274", [("271", strl("271")), ("274", strl("274"))]),
    ("§ 282 første ledd bokstav a i straffeloven", [("§ 282 første ledd bokstav a i straffeloven", strl("282"))]),
    ("straffeprosessloven § 222a", [("straffeprosessloven § 222a", strpl("222a"))]),
    ("lov om kommunale krisesentertilbod § 5", [("lov om kommunale krisesentertilbod § 5", "2009-06-19-44/§5")]),
    ("Lov om straff § 282", [("Lov om straff § 282", strl("282"))]),
    ("§ 282 i lov om straff", [("§ 282 i lov om straff", strl("282"))]),
    ("lov om helsepersonell § 33", [("lov om helsepersonell § 33", "1999-07-02-64/§33")]),
    ("lov 20. mai 2005 nr. 28 om straff § 282", [("lov 20. mai 2005 nr. 28 om straff § 282", strl("282"))]),
    ("lov 18. juni 2021 nr. 97 om barnevern (barnevernsloven) § 13-2",
     [("lov 18. juni 2021 nr. 97 om barnevern (barnevernsloven) § 13-2", "2021-06-18-97/§13-2")]),
    ("helsepersonelloven §§ 31–33", [("31", "1999-07-02-64/§31"), ("33", "1999-07-02-64/§33")]),
    ("hpl. §§ 31, 32 og 33", [("31", "1999-07-02-64/§31"), ("32", "1999-07-02-64/§32"), ("33", "1999-07-02-64/§33")]),
    ("bvl. § 13-2", [("bvl. § 13-2", "2021-06-18-97/§13-2")]),
    ("navneloven § 10", [("navneloven § 10", "2002-06-07-19/§10")]),
    ("straffelovens § 282", [("straffelovens § 282", strl("282"))]),
    ("helsepersonellovens § 33", [("helsepersonellovens § 33", "1999-07-02-64/§33")]),
    ("strl § 282", [("strl § 282", strl("282"))]),
    ("Se strl §282.", [("strl §282", strl("282"))]),
    ("STRL. § 282", [("STRL. § 282", strl("282"))]),
    ("strpl. § 222 A", [("strpl. § 222 A", strpl("222a"))]),
    ("straffeloven § 271 og 272", [("271", strl("271")), ("272", strl("272"))]),
    ("krisesenterlova § 5 og 6", [("5", "2009-06-19-44/§5"), ("6", "2009-06-19-44/§6")]),
    ("§§ 282 og 283 straffeloven", [("282", strl("282")), ("283", strl("283"))]),
    ("jf. § 196 straffeloven", [("§ 196 straffeloven", strl("196"))]),
    ("straffeloven § 282, § 283 og § 291", [("282", strl("282")), ("283", strl("283")), ("291", strl("291"))]),
    ("Mishandling (strl. § 282) er straffbart.", [("strl. § 282", strl("282"))]),
    ("Voldtekt (straffeloven § 291): ny ordlyd.", [("straffeloven § 291", strl("291"))]),
    ("straffeloven §\u00a0282 og straffeloven\u00a0§\u00a0266\u00a0a",
     [("straffeloven §\u00a0282", strl("282")), ("straffeloven\u00a0§\u00a0266\u00a0a", strl("266a"))]),
    ("Se straffeloven\n§ 282 her.", [("straffeloven\n§ 282", strl("282"))]),
    ("straffeloven § 282 I tillegg gjelder", [("straffeloven § 282", strl("282"))]),
    ("straffeloven § 282 og § 283 i saker om vold", [("282", strl("282")), ("283", strl("283"))]),
    ("strpl. § 222 a og 222 b", [("222 a", strpl("222a")), ("222 b", strpl("222b"))]),
    ("krisesenterlova § 5 og 6 år", [("krisesenterlova § 5", "2009-06-19-44/§5")]),  # a count, not § 6
    ("straffeloven § 282 og 3 andre bestemmelser", [("straffeloven § 282", strl("282"))]),  # not alike
    ("straffeloven § 282. Se også § 999.", [("straffeloven § 282", strl("282"))]),  # next sentence: not guessed
    ("straffeloven § 282.\n\nSe også § 999.", [("straffeloven § 282", strl("282"))]),  # next paragraph
    ("straffeloven § 282 og § 5 i forskriften", [("straffeloven § 282", strl("282"))]),  # the unnamed regulation's
    ("straffeloven § 282, jf. § 5 i forskriften", [("straffeloven § 282", strl("282"))]),
    ("politiloven §§ 14a–14i", [("14a", "1995-08-04-53/§14a"), ("14i", "1995-08-04-53/§14i")]),
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
    # forms not listed in the issue
    ("section 196 of the Penal Code", [("section 196 of the Penal Code", strl("196"))]),
    ("sections 282 and 283 of the Penal Code", [("282", strl("282")), ("283", strl("283"))]),
    ("Penal Code sections 271–274", [("271", strl("271")), ("274", strl("274"))]),
    ("sections 271 to 274 of the Penal Code", [("271", strl("271")), ("274", strl("274"))]),
    ("the Criminal Procedure Act, section 222 a", [("Criminal Procedure Act, section 222 a", strpl("222a"))]),
    ("the Penal Code, section 282", [("Penal Code, section 282", strl("282"))]),
    ("Child Welfare Act section 13-2", [("Child Welfare Act section 13-2", "2021-06-18-97/§13-2")]),
    ("Crisis Centre Act section 5", [("Crisis Centre Act section 5", "2009-06-19-44/§5")]),
    ("See Crisis Centre Act section 6.", [("Crisis Centre Act section 6", "2009-06-19-44/§6")]),
    ("Under Penal Code section 282, abuse", [("Penal Code section 282", strl("282"))]),
    ("the Norwegian Criminal Procedure Act section 222 a",
     [("Norwegian Criminal Procedure Act section 222 a", strpl("222a"))]),
    ("strl. § 282", [("strl. § 282", strl("282"))]),
    ("section 282(1)(a) of the Penal Code", [("section 282(1)(a) of the Penal Code", strl("282"))]),
    ("section 282, first paragraph, of the Penal Code",
     [("section 282, first paragraph, of the Penal Code", strl("282"))]),
    ("section 222 a, second paragraph, of the Criminal Procedure Act",
     [("section 222 a, second paragraph, of the Criminal Procedure Act", strpl("222a"))]),
    ("the Penal Code (straffeloven) section 282", [("Penal Code (straffeloven) section 282", strl("282"))]),
    ("section 282 of the Penal Code (straffeloven)", [("section 282 of the Penal Code", strl("282"))]),
    ("the Penal Code section 263, cf. section 266 a", [("Penal Code section 263", strl("263")),
                                                      ("section 266 a", strl("266a"))]),
    ("sections 14 a–14 i of the Police Act", [("14 a", "1995-08-04-53/§14a"), ("14 i", "1995-08-04-53/§14i")]),
    ("section 10-4 of the National Population Register Act",
     [("section 10-4 of the National Population Register Act", "2016-12-09-88/§10-4")]),
    ("section 5 of the Crisis Centre Act, section 33 of the Health Personnel Act and section 13-2 of the Child "
     "Welfare Act", [("section 5 of the Crisis Centre Act", "2009-06-19-44/§5"),
                     ("section 33 of the Health Personnel Act", "1999-07-02-64/§33"),
                     ("section 13-2 of the Child Welfare Act", "2021-06-18-97/§13-2")]),
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


@pytest.mark.parametrize("text", [
    "Prop. 121 L (2009–2010)", "kapittel 5", "se kapittel 5 i veilederen", "politiloven kapittel II a",
    "straffeprosessloven kapittel 17 d", "LOV-2005-05-20-28", "https://lovdata.no/lov/2005-05-20-28/§282",
    "<https://lovdata.no/lov/2005-05-20-28/§282>", "§ 5", "Etter § 5 skal", "Se § 282.",
    "§§ 1 og 2 i vedtektene", "vedtektene § 3", "loven § 5", "forskriften § 3", "Ot.prp. nr. 22 (2008–2009) § 5",
    "### Straffeloven\n\n§ 282 gjelder mishandling.", "## Straffeloven\n§ 282 gjelder.",
])
def test_more_text_that_is_not_a_reference_is_untouched(text):
    out, cits, problems = run(text)
    assert out == text and cits == [] and problems == []


@pytest.mark.parametrize("text, lang", [
    ("## The Penal Code\n\nSection 282 applies.", "en"), ("Penal Code\n\nsection 282", "en"),
    ("See section 3 of this guide.", "en"), ("In 2015 the Penal Code came into force.", "en"), ("NOU 2020:17", "en"),
])
def test_english_text_that_is_not_a_reference_is_untouched(text, lang):
    assert run(text, lang)[0] == text


def test_a_link_never_spans_two_blocks():
    for text in ("### Straffeloven\n\n§ 282 gjelder.", "- straffeloven\n- § 282", "Penal Code\n\nsection 282",
                 "straffeloven §§ 263\n\n- 264 er"):
        out, _, _ = run(text, "en" if "Penal" in text else "nb")
        for m in LINK.finditer(out):
            assert "\n\n" not in m["text"] and "\n-" not in m["text"], out


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
    ("{{ repealed: straffeloven 1902 §§ 342 og 343 }}", "straffeloven 1902 has no § 343"),
    ("{{ repealed: }}", "the marker names no provision"),
    ("{{ repealed: Straffeloven §342 }}", "straffeloven has no § 342"),
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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=30), st.sampled_from([" ", "", "  "]), st.sampled_from(["nb", "en"]))
def test_parser_never_crashes_on_reference_like_text(words, sep, lang):
    text = sep.join(words)
    out, cits, problems = run(text, lang)
    assert isinstance(out, str)
    for p in problems:
        assert p.file == "docs/tiltak/x.md" and 1 <= p.line <= text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["nb", "en"]))
def test_arbitrary_text_never_crashes(text, lang):
    run(text, lang)


NO_SIGN_WORDS = st.sampled_from([w for w in WORDS.elements if "§" not in w and "section" not in w
                                 and w not in ("{{", "}}")] + ["kapittel", "NOU", "2020:17", "Prop.", "121", "L",
                                                                "side", "12", "1.", "juli", "2025", "lov", "om",
                                                                "straff", "strl", "(strl.)", "cf.", "chapter"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NO_SIGN_WORDS, max_size=30), st.sampled_from([" ", "\n", "  "]), st.sampled_from(["nb", "en"]))
def test_reference_like_text_without_a_section_sign_is_never_changed(words, sep, lang):
    text = sep.join(words)
    out, cits, problems = run(text, lang)
    assert out == text and cits == [] and problems == []


TAGS = re.compile(r'<a href="https://lovdata\.no/lov/\d{4}-\d{2}-\d{2}-\d+/§[0-9a-z-]+" class="law-ref" hreflang="nb" '
                  r'aria-label="[^"<>]+" title="[^"<>]+">|</a>')


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS.filter(lambda w: w not in ("{{", "}}", "<a>", "</a>")), max_size=30),
       st.sampled_from([" ", "", "\n"]), st.sampled_from(["nb", "en"]))
def test_links_only_wrap_the_text_and_never_nest(words, sep, lang):
    text = sep.join(words)
    out, _, _ = run(text, lang)
    assert TAGS.sub("", out) == text  # nothing lost, added or moved; every link is a well-formed Lovdata link
    depth = 0
    for m in re.finditer(r"<a |</a>", out):
        depth += 1 if m.group() == "<a " else -1
        assert depth in (0, 1)
    assert depth == 0
    for m in LINK.finditer(out):
        assert "\n\n" not in m["text"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS.filter(lambda w: w not in ("<a>", "</a>")), max_size=30), st.sampled_from(["nb", "en"]))
def test_linking_twice_changes_nothing(words, lang):
    once = run(" ".join(words), lang)[0]
    assert run(once, lang)[0] == once


# --- errors in forms the issue does not list ----------------------------------------------------

def test_section_of_the_old_law_written_with_the_new_name():
    # source 004 writes «Straffeloven §342»: the 1902 code's section, under the name of the 2005 code
    assert one_problem("Se Straffeloven §342.", first_line=4) == (
        "docs/tiltak/x.md:4: «Straffeloven §342» — straffeloven has no § 342; § 342 is a section of straffeloven "
        "1902, which was repealed on 1 October 2015 — cite straffeloven § 168 instead, or write "
        "{{ repealed: straffeloven 1902 § 342 }} if you mean the old provision on purpose; otherwise check the "
        "section number")


def test_repealed_law_with_the_same_section_in_its_successor():
    p = one_problem("barnevernloven § 13-2")
    assert "barnevernloven was repealed on 31 December 2022; its successor is barnevernsloven" in p
    assert "cite barnevernsloven § 13-2 instead" in p


def test_repealed_law_with_a_section_the_registry_does_not_list():
    p = one_problem("voldsoffererstatningsloven § 1")
    assert p.endswith("cite the matching section of voldserstatningsloven instead; to mention the old provision "
                      "on purpose, add § 1 under «voldsoffererstatningsloven» in data/laws.yml (status: repealed, "
                      "with titles, source and check date) and write {{ repealed: voldsoffererstatningsloven § 1 }}")
    # and the marker it suggests says the same, so the two messages agree
    assert "has no § 1 in the registry" in one_problem("{{ repealed: voldsoffererstatningsloven § 1 }}")


@pytest.mark.parametrize("text, lang, start", [
    ("straffeloven (strl.) § 999", "nb", "«straffeloven (strl.) § 999» — straffeloven has no § 999"),
    ("lov om straff § 999", "nb", "«lov om straff § 999» — straffeloven has no § 999"),
    ("straffelovens § 999", "nb", "«straffelovens § 999» — straffeloven has no § 999"),
    ("strl § 999", "nb", "«strl § 999» — straffeloven has no § 999"),
    ("straffeloven § 271 og 275", "nb", "«straffeloven § 271 og 275» — straffeloven has no § 275"),
    ("strl. §§ 271 til 275", "nb", "«strl. §§ 271 til 275» — straffeloven has no § 275"),
    ("§ 999 straffeloven", "nb", "«§ 999 straffeloven» — straffeloven has no § 999"),
    ("lov 1. januar 2000 nr. 1 om noe § 3", "nb", "«lov 1. januar 2000 nr. 1 om noe § 3» — «lov 1. januar 2000 nr. 1 om"),
    ("straffeloven § 263, jf. § 999", "nb", "«§ 999» — straffeloven has no § 999"),
    ("the Criminal Procedure Act, section 999", "en", "«Criminal Procedure Act, section 999» — straffeprosessloven has"),
    ("section 999, first paragraph, of the Penal Code", "en", "«section 999, first paragraph, of the Penal Code» — "),
    ("See Working Environment Act section 4.", "en", "«See Working Environment Act section 4» — «See Working"),
    ("the Penal Code section 263, cf. section 999", "en", "«section 999» — straffeloven has no § 999"),
    ("section 292 of the Penal Code", "en", "«section 292 of the Penal Code» — straffeloven § 292 was repealed"),
    ("section 342 of the 1902 Penal Code", "en", "«section 342 of the 1902 Penal Code» — straffeloven 1902 was"),
    ("the Health Personnel Act section 23", "en", "«Health Personnel Act section 23» — helsepersonelloven § 23 is not"),
])
def test_errors_in_other_forms(text, lang, start):
    assert one_problem(text, lang).startswith("docs/tiltak/x.md:1: " + start)


# --- references inside link texts and footnotes -------------------------------------------------

def test_reference_in_a_link_text_is_checked_and_cited_but_not_linked_again():
    text = "Se [straffeloven § 282](../vold/partnervold.md)."
    out, cits, problems = run(text)
    assert out == text and problems == []
    assert cits == [Citation("straffeloven", "282", "docs/tiltak/x.md", 1)]
    out, _, problems = run("a\n\nSe [straffeloven § 999](../x.md).")
    assert [(p.line, p.what.split(" — ")[0]) for p in problems] == [(3, "«straffeloven § 999»")]


def test_reference_in_a_footnote_is_linked_and_checked():
    out, cits, _ = run("Tekst.[^1]\n\n[^1]: Se straffeloven § 264.\n")
    assert [m["text"] for m in LINK.finditer(out)] == ["straffeloven § 264"]
    assert out.startswith("Tekst.[^1]\n\n[^1]: Se <a ")
    _, _, problems = run("Tekst.[^1]\n\n[^1]: Se straffeloven § 998.\n", first_line=10)
    assert [(p.line, p.what.split(" — ")[0]) for p in problems] == [(12, "«straffeloven § 998»")]


# The English section sign is written so that the regex engine can jump between its first letters.
def _old_en_sign():
    from veileder.legal_refs import _S

    return re.compile(rf"(?P<sign>§§?|(?<![\w-])[Ss]ections?(?![\w-])){_S}*(?=\d)")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["section", "Section", "sections", "Sections", "§", "§§", " ", "\n", "5", "12 a",
                                 "-", "x", "subsection", "Section-", "_", "cross", "s", "S", ".", "ections"]), max_size=10))
def test_the_english_section_sign_matches_as_its_plain_form_did(parts):
    from veileder.legal_refs import _patterns

    text = "".join(parts)
    sign = _patterns(REG, "en").sign
    assert [(m.span(), m.group("sign")) for m in sign.finditer(text)] == [(m.span(), m.group("sign")) for m in _old_en_sign().finditer(text)]


# The gap between the words of a law's name: _S_BEFORE_LETTER, a shorter _S, before a word that
# opens with a letter; _S itself before any other word (legal_refs._name_regex).
from veileder import legal_refs as _lr  # noqa: E402

_GAP_TEXT = st.text(alphabet=" \t\n\u00a0\u202f#-*+>|1.)x", max_size=8)


@settings(derandomize=True, max_examples=3000)
@given(gap=_GAP_TEXT, word=st.sampled_from(["loven", "Act", "æ", "x1", "é"]))
def test_the_shorter_gap_before_a_letter_matches_exactly_what_the_full_gap_does(gap, word):
    full = re.fullmatch(rf"{_lr._S}+{word}", gap + word)
    short = re.fullmatch(rf"{_lr._S_BEFORE_LETTER}+{word}", gap + word)
    assert bool(full) == bool(short)


@pytest.mark.parametrize("gap, crosses", [(" ", True), ("\n", True), ("\n  ", True), ("\u00a0", True), (" \t", True),
                                          ("\n\n", False), ("\n \n", False)])
def test_a_name_runs_across_a_line_break_but_not_a_blank_line(gap, crosses):
    assert bool(re.fullmatch(_lr._name_regex("straffeprosessloven av"), f"straffeprosessloven{gap}av")) is crosses


def test_before_a_word_that_opens_with_a_digit_the_name_stops_where_a_numbered_list_begins():
    name = _lr._name_regex("lov 1902")
    assert re.match(name, "lov 1902. Mer") and re.match(name, "lov\n1902 nr. 10")
    assert re.match(name, "lov\n1902. Mer") is None  # «1902.» opening a line starts a numbered list item


@pytest.mark.parametrize("name", ["Patients' Rights Act", "Patients’ Rights Act"])
def test_a_name_with_an_apostrophe_matches_either_apostrophe_in_the_text(name):
    # the registry may write «'» or «’», and so may the page
    from veileder.legal_refs import _name_regex

    pattern = re.compile(_name_regex(name))
    for written in ("Patients' Rights Act", "Patients’ Rights Act", "Patients'\nRights Act"):
        assert pattern.fullmatch(written), (name, written)
    assert not pattern.fullmatch("Patients'] Rights Act")
