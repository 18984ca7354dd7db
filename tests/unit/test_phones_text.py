import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.unit._phone_fixtures import real_registry
from veileder import phone_format
from veileder.phone_text import link_phone_numbers

REGISTRY = real_registry()


def link(md, lang="nb", file="docs/x.md", first_line=1):
    return link_phone_numbers(md, lang=lang, registry=REGISTRY, file=file, first_line=first_line)


def hrefs(md):
    return re.findall(r'href="(tel:[^"]+)"', md)


# --------------------------------------------------------------- recognition of each written form


@pytest.mark.parametrize(
    "written, address, shown, ident",
    [
        ("112", "tel:112", "112", "politi-nod"),
        ("02800", "tel:02800", "02800", "politi"),
        ("116 006", "tel:116006", "116 006", "vold-og-overgrepslinjen"),
        ("800 40 008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        ("22 40 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("+47 22 40 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("80040008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        # forms not listed in the issue
        ("22400040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("+4722400040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("0047 22 40 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("2240 0040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("800 57 000", "tel:+4780057000", "800 57 000", "hjelpetelefonen-seksuelt-misbrukte"),
        ("116117", "tel:116117", "116 117", "legevakt"),
        ("116 123", "tel:116123", "116 123", "mental-helse"),
        ("116 111", "tel:116111", "116 111", "alarmtelefonen-barn-unge"),
        ("110", "tel:110", "110", "brann-nod"),
        ("113", "tel:113", "113", "medisinsk-nod"),
        ("1412", "tel:1412", "1412", "nod-tekst"),
        ("22\u00a040\u00a000\u00a040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("22\u202f40\u202f00\u202f40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("116\u00a0006", "tel:116006", "116 006", "vold-og-overgrepslinjen"),
        ("116\u202f117", "tel:116117", "116 117", "legevakt"),
        ("116-006", "tel:116006", "116 006", "vold-og-overgrepslinjen"),
        ("22 40 0040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("2240 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("22-40-00-40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("22.40.00.40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("800 57000", "tel:+4780057000", "800 57 000", "hjelpetelefonen-seksuelt-misbrukte"),
        ("80057000", "tel:+4780057000", "800 57 000", "hjelpetelefonen-seksuelt-misbrukte"),
        ("800-40-008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        ("800.40.008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        ("+47 800 40 008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        ("0047 800 40 008", "tel:+4780040008", "800 40 008", "stottesenter-kriminalitetsutsatte"),
        ("004722400040", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("(+47) 22 40 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("(0047) 22 40 00 40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("+47-22-40-00-40", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("**112**", "tel:112", "112", "politi-nod"),
        ("__116 006__", "tel:116006", "116 006", "vold-og-overgrepslinjen"),
        ("_22 40 00 40_", "tel:+4722400040", "22 40 00 40", "kirkens-sos"),
        ("«02800»", "tel:02800", "02800", "politi"),
        ("(116 123)", "tel:116123", "116 123", "mental-helse"),
    ],
)
def test_each_form_becomes_a_tel_link(written, address, shown, ident):
    out, found, problems = link(f"Ring {written} hvis du trenger hjelp.")
    assert problems == []
    assert found == [ident]
    assert hrefs(out) == [address]
    assert f">{shown}</a>" in out
    # the number itself is replaced; emphasis, quotes and brackets around it stay
    outside = re.sub(r"<a [^>]*>[^<]*</a>", "NUM", out)
    assert outside == "Ring " + re.sub(r"(?:\(\+47\)|\(0047\)|\+47|0047)?[-\d \u00a0\u202f.]*\d", "NUM", written, count=1) + " hvis du trenger hjelp."


def test_link_carries_owner_in_accessible_name_and_purpose_in_title():
    out, _, _ = link("Vold- og overgrepslinjen: 116 006.")
    assert out == ('Vold- og overgrepslinjen: <a class="tel" href="tel:116006" '
                   'aria-label="116 006 – Vold- og overgrepslinjen" '
                   f'title="{REGISTRY.lookup("116006").purpose.nb}">116 006</a>.')


def test_english_uses_english_owner():
    out, _, _ = link("Call 112 now.", lang="en")
    assert 'aria-label="112 – The police"' in out


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_accessible_name_contains_visible_text(lang):
    text = "112, 02800, 116 006, 22 40 00 40, 800 40 008, 800 57 000, 116 117, 116 111, 116 123, 110, 113, 1412"
    out, found, problems = link(f"Numre: {text}.", lang=lang)
    assert problems == [] and len(found) == 12
    for label, shown in re.findall(r'aria-label="([^"]+)"[^>]*>([^<]+)</a>', out):
        assert label.startswith(shown + " – ")


@pytest.mark.parametrize(
    "md",
    [
        "Ring 112, 02800 eller 116 006.",
        "«112» og (02800) og **116 006** og _22 40 00 40_.",
        "| Politiet | 02800 |\n| --- | --- |\n| Nød | 112 |",
        "- 113\n- 110\n",
        "Ring 110, 112 eller 113 i en nødsituasjon.",
        "Call the police on 112.",
        "Telefon: 22 40 00 40",
        "Tlf:22400040",
        "112 er nødnummeret til politiet.",
        "Nødnummeret til politiet er 112",
        "## Ring 116 006\n",
        "> Ring 112\n",
        "1. Ring 112.\n2. Ring 113.\n",
        "Ring 112/113.",
        "Ring 22 40 00 40/116 123.",
        "Ring 112; ikke vent.",
        "Ring 112 – politiet – eller 113.",
        "Politiet: 02800.",
        "tlf. 116 123",
        "ring 02800",
        "SMS 1412",
        "112 (politi), 110 (brann), 113 (ambulanse)",
        "Legevakt: 116117",
        "Storgata 1: ring 112.",
    ],
)
def test_numbers_in_ordinary_places_are_linked(md):
    out, found, problems = link(md)
    assert problems == []
    # every registry number written in the text became a link, and nothing else did
    assert len(hrefs(out)) == len(re.findall(r"112|113|110|1412|02800|116 ?\d{3}|22 ?40 ?00 ?40|800 40 008", md))
    assert re.sub(r"<a [^>]*>([^<]*)</a>", r"\1", out).replace(" ", "") == md.replace(" ", "")


@pytest.mark.parametrize("md, addresses", [
    ("Call 112 now.", ["tel:112"]),
    ("In an emergency, dial 112.", ["tel:112"]),
    ("Call the police on 02800 if it is not urgent.", ["tel:02800"]),
    ("Phone: +47 22 40 00 40", ["tel:+4722400040"]),
    ("call 113 or 112", ["tel:113", "tel:112"]),
    ("the number is 116 006", ["tel:116006"]),
])
def test_english_pages_link_with_english_owner(md, addresses):
    out, found, problems = link(md, lang="en")
    assert problems == [] and hrefs(out) == addresses
    owners = re.findall(r'aria-label="[^"]+ – ([^"]+)"', out)
    assert owners == [REGISTRY.lookup(a.removeprefix("tel:").removeprefix("+47")).owner.en for a in addresses]


def test_multiline_and_idempotent():
    md = "Første linje.\n\nRing 112\neller 02800.\n"
    once, found, _ = link(md)
    twice, found2, problems = link(once)
    assert twice == once
    assert found2 == found and problems == []


# --------------------------------------------------------------- no false positives

FALSE_POSITIVES = [
    "NOU 2020:17", "§ 222", "20 saker", "21–60 år", "1. oktober 2019", "13 av de 20 sakene",
    "2017–2019", "kl. 08.00–15.30", "1 000 kroner", "§§ 222 g–222 j", "12 krav",
    "Prop. 146 L (2024–2025)", "LOV-2005-05-20-28", "3 måneder",
    # more of the same kind, including numbers that are in the registry
    "§ 112", "§§ 110, 112 og 113", "straffeloven § 282", "strpl. § 222 a", "barnevernsloven § 13-2",
    "kapittel 113", "side 112", "112 saker", "over 110 personer", "i 1412", "1 112 kroner",
    "112 000 kroner", "110–113", "110-113", "2015–2016", "1. juli 2025", "08:00", "kl. 1130",
    "https://lovdata.no/lov/2005-05-20-28/§266a", "LOV-1999-07-02-64", "Meld. St. 15 (2024–2025)",
    "112 cases", "section 222 a of the Criminal Procedure Act", "in 2019", "5 % av 1412",
    "Innst. 112 S", "nr. 113", "12.345.678", "12,112", "02800-tallet", "H112", "ISBN 978-82-02-22400-0",
    "sections 222 g–222 j", "1 October 2019", "116 000 kroner", "kr 116 000", "over 116 117 personer", "the years 2017–2019", "3,5 millioner", "10 000 000 kroner",
    # dates, times, identifiers and amounts written in the shapes phone numbers take
    "08.04.2024", "2024-04-08", "22.04.2024", "22.04.24", "1.10.2015", "2017-2019", "sak 20/1234", "sak 2020/1120",
    "20/1234-5", "HR-2020-1120-A", "Rt. 2012 s. 1130", "LB-2020-112345", "FOR-2021-12-17-3790", "kl. 11.30",
    "kl. 08–16", "08.00–15.30", "1130–1230", "0150 Oslo", "1412 Sofiemyr", "Postboks 8150 Dep, 0033 Oslo",
    "974 760 673", "Org.nr. 974 760 673", "organisasjonsnummer 974760673", "saksnummer 22334455",
    "saksnummer: 22334455", "journalnummer 22334455", "kontonummer 1503 22 33445", "case number 22334455",
    "ISBN 978-82-15-02345-6", "versjon 1.12.3", "25 000 000 kroner", "kr 250 000", "250 000 kroner", "kr 1 500",
    "12 345 678", "1 116 006", "22 40 00 40 50", "112 %", "113 prosent", "12,5 %", "$112", "€ 113",
    "IPv4 10.20.30.40", "Storgata 112", "Kirkeveien 113, 0150 Oslo", "Rv. 110", "rute 113", "buss 112", "rom 112",
    "postboks 1412", "bygning 1412", "112-sentralen", "AMK-113", "Dokument 8:112 S", "sak_112", "file__02800", "sak 1/110", "sak 20/113", "sak 2020/113", "2019/2020",
    "1412 saker", "nesten 1412", "110+47000", "112+113", "110(+47)000", "ca. 113", "EMK art. 8", "NS 9415", "ISO 27001", "24/7", "2025/2026",
]


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_not_phone_numbers_stay_plain(text):
    md = f"Se {text} her."
    out, found, problems = link(md)
    assert (out, found, problems) == (md, [], [])


def test_code_is_left_alone():
    md = ("Inline `ring 112` og `22 22 22 22`.\n\n```\nring 1850\n22 22 22 22\n112\n```\n\n"
          "<code>112</code> <pre>ring 1850</pre>\n\n~~~\n116 000\n~~~\n")
    out, found, problems = link(md)
    assert (out, found, problems) == (md, [], [])


def test_markers_and_html_attributes_are_left_alone():
    md = '{{ tree: skal-politiet-involveres }}\n\n<div data-x="22 22 22 22">tekst</div>\n'
    assert link(md) == (md, [], [])


# --------------------------------------------------------------- unknown numbers are errors


@pytest.mark.parametrize(
    "text, shown, ident",
    [
        ("22 22 22 22", "22 22 22 22", "+4722222222"),
        ("815 55 555", "815 55 555", "+4781555555"),
        ("+47 987 65 432", "«+47 987 65 432»", "+4798765432"),
        ("98765432", "«98765432»", "+4798765432"),
        ("912 34 567", "«912 34 567»", "+4791234567"),
        ("800 12 345", "800 12 345", "+4780012345"),
        ("22-33-44-55", "«22-33-44-55»", "+4722334455"),
        ("22.33.44.55", "«22.33.44.55»", "+4722334455"),
        ("22 33 4455", "«22 33 4455»", "+4722334455"),
        ("800 12345", "«800 12345»", "+4780012345"),
        ("(+47) 22 33 44 55", "«(+47) 22 33 44 55»", "+4722334455"),
        ("02801", "02801", "02801"),
        ("ring 915", "915", "915"),
        ("ring 1414", "1414", "1414"),
        ("ring **1850**", "1850", "1850"),
        ("ring «1850»", "1850", "1850"),
        ("SMS til 2222", "2222", "2222"),
        ("text 2222", "2222", "2222"),
        ("ring 112/1850", "1850", "1850"),
        ("116 000", "116 000", "116000"),
        ("01234", "01234", "01234"),
        ("ring 1850", "1850", "1850"),
        ("tlf. 1850", "1850", "1850"),
        ("telefon 1850", "1850", "1850"),
        ("nødnummeret er 1850", "1850", "1850"),
        ("ring politiet på 1850", "1850", "1850"),
        ("call 1850", "1850", "1850"),
        ("call the helpline on 1850", "1850", "1850"),
        ("dial 998", "998", "998"),
        ("ring 112 eller 1850", "1850", "1850"),
    ],
)
def test_unknown_numbers_are_reported_with_file_and_line(text, shown, ident):
    md = f"Innledning.\n\nDu kan {text} i dag.\n"
    out, found, problems = link(md, file="docs/tiltak/besoksforbud.md", first_line=7)
    assert ident in found
    assert len(problems) == 1
    p = problems[0]
    assert str(p).startswith(f"docs/tiltak/besoksforbud.md:9: {shown} looks like a phone number but is not in the phone registry")
    assert str(p).endswith("— add it to the registry (data/phones.yml) with a source, or correct it")
    assert "tel:" not in out or "112" in text


@pytest.mark.parametrize("text", ["+47 12 34 56 78", "12 34 56 78", "10-20-30-40", "+47 123 45", "0047 1234 5678 9",
                                  "012 34 567", "+47 22 40 00 40 5"])
def test_invalid_number_in_phone_shape_is_reported(text):
    _, found, problems = link(f"Innledning.\n\nRing {text}.", file="docs/a.md")
    assert found == []
    assert [str(p) for p in problems] == [
        f"docs/a.md:3: «{text}» looks like a phone number but is not a valid Norwegian number — "
        "correct the number (a Norwegian number has 8 digits, or is a short number such as 112 or 116 006)"]


@pytest.mark.parametrize("text, message", [
    ("ring 224 000 40", "«224 000 40» is Kirkens SOS's number written in an unusual grouping, so it is not linked — write it as 22 40 00 40"),
    ("ring 223 344 55", "«223 344 55» looks like a phone number but is not in the phone registry — add it to the registry"),
    ("call 12 345 678 9", "«12 345 678 9» looks like a phone number but is not a valid Norwegian number — correct the number"),
    ("tlf. 1 1 6 0 0 6", "«1 1 6 0 0 6» looks like a phone number but is not a valid Norwegian number"),
])
def test_digits_after_a_phone_word_in_an_unusual_grouping_are_reported(text, message):
    out, _, problems = link(f"Du kan {text} i dag.")
    assert "tel:" not in out
    assert len(problems) == 1 and str(problems[0]).startswith("docs/x.md:1: " + message), problems


@pytest.mark.parametrize("text", ["Politiet ringte 12 000 personer", "de ringte 10 000 ganger", "ring 25 000 000 kroner",
                                  "ringte 08.04.2024", "ring 112 og 113", "tlf. 22 40 00 40 og 116 123"])
def test_counts_and_dates_after_a_phone_word_are_not_reported(text):
    _, _, problems = link(text)
    assert problems == []


@pytest.mark.parametrize("text", ["+46 8 123 456 78", "+46 22 40 00 40", "+44 20 7946 0958", "+1 202-555-0143"])
def test_foreign_number_is_reported(text):
    _, found, problems = link(f"Call {text} from abroad.", lang="en", file="docs/a.en.md")
    assert found == []
    assert [str(p) for p in problems] == [
        f"docs/a.en.md:1: «{text}» is a foreign phone number; the site shows only Norwegian numbers from its registry — "
        "remove it, or give the Norwegian number of the same service and add that to the registry (data/phones.yml) with a source"]


@pytest.mark.parametrize("text", ["+5 grader", "+250 000 kroner", "+1 000 000", "+12 %", "+20 000", "økte med +1 112 saker"])
def test_plus_signs_that_are_not_foreign_numbers(text):
    assert link(text) == (text, [], [])


@pytest.mark.parametrize("text, short", [("+47 116 006", "116 006"), ("+47 02800", "02800"), ("0047 116117", "116 117")])
def test_short_number_with_country_code_is_reported(text, short):
    _, _, problems = link(f"Ring {text}.", file="docs/a.md")
    assert [str(p) for p in problems] == [
        f"docs/a.md:1: «{text}» is a short number written with the country code +47, which no phone can dial — "
        f"write it without the country code: {short}"]


def test_all_unknown_numbers_reported_in_one_run():
    md = "22 22 22 22\n\n815 55 555\n\nring 1850\n"
    _, found, problems = link(md)
    assert [p.line for p in problems] == [1, 3, 5]
    assert found == ["+4722222222", "+4781555555", "1850"]


def test_existing_tel_links_are_checked():
    md = ('<a href="tel:+4799999999">ring oss</a> og [Kirkens SOS](tel:+4722400040) og '
          '[ukjent](tel:22-22-22-22) og\n<a class="x" href="tel:116006">hjelp</a> og <tel:112>')
    out, found, problems = link(md)
    assert out == md
    assert found == ["kirkens-sos", "vold-og-overgrepslinjen", "politi-nod"]
    assert [str(p) for p in problems] == [
        "docs/x.md:1: the link `tel:+4799999999` dials a number that is not in the phone registry — write the number "
        "as plain text (the build makes the link) and add it to the registry (data/phones.yml) with a source, or correct it",
        "docs/x.md:1: the link `tel:+4722400040` is written by hand — write the number as plain text, 22 40 00 40: "
        "the build makes the tap-to-call link itself, with the owner's name for screen readers",
        "docs/x.md:1: the link `tel:22-22-22-22` dials a number that is not in the phone registry — write the number "
        "as plain text (the build makes the link) and add it to the registry (data/phones.yml) with a source, or correct it",
        "docs/x.md:2: the link `tel:116006` is written by hand — write the number as plain text, 116 006: "
        "the build makes the tap-to-call link itself, with the owner's name for screen readers",
        "docs/x.md:2: the link `tel:112` is written by hand — write the number as plain text, 112: "
        "the build makes the tap-to-call link itself, with the owner's name for screen readers",
    ]


@pytest.mark.parametrize("md", ['<a href="https://example.org/">Tel: kontakt oss</a>', "[Tel: skriv til oss](https://example.org/)",
                                "Tel: se nettsiden"])
def test_the_word_tel_in_text_is_not_a_tel_link(md):
    assert link(md) == (md, [], [])


def test_the_builds_own_links_pass_but_a_copy_with_a_wrong_address_does_not():
    own = REGISTRY.lookup("22400040").link_html("nb")
    assert link(f"Ring {own}.") == (f"Ring {own}.", ["kirkens-sos"], [])
    wrong = own.replace('href="tel:+4722400040"', 'href="tel:22400040"')
    _, _, problems = link(f"Ring {wrong}.")
    assert [p.what for p in problems] == ["the link `tel:22400040` is written by hand"]


@pytest.mark.parametrize("md, lang, what, fix", [
    ("[116 006](https://example.org)", "nb", "116 006 is inside the text of a link or image",
     "«[Vold- og overgrepslinjen](…): 116 006»"),
    ("Se [ring 22400040](../a.md).", "nb", "«22400040» is inside the text of a link or image",
     "«[Kirkens SOS](…): 22 40 00 40»"),
    ('<a href="https://example.org/">call 112</a>', "en", "112 is inside the text of a link or image",
     "«[The police](…): 112»"),
    ("![Ring 02800](bilde.png)", "nb", "02800 is inside the text of a link or image", "«[Politiet](…): 02800»"),
])
def test_registry_number_in_link_text_is_reported(md, lang, what, fix):
    out, found, problems = link(md, lang=lang)
    assert out == md and len(found) == 1
    assert len(problems) == 1
    assert problems[0].what == what + ", so it cannot become a tap-to-call link"
    assert problems[0].fix == "take the number out of the link text, e.g. " + fix


def test_number_in_a_decision_tree_diagram_box_is_checked_but_not_reported():
    box = '<a class="vtree-box vtree-box--outcome" data-node="ring" href="#steg-ring"><span>3.</span> Ring {}</a>'
    assert link(box.format("112")) == (box.format("112"), ["politi-nod"], [])
    _, _, problems = link(box.format("22 22 22 22"))
    assert len(problems) == 1 and "not in the phone registry" in problems[0].what


def test_unknown_numbers_in_link_text_are_reported_and_the_text_is_not_rewritten():
    md = "[Ring 22 22 22 22](https://example.org/22222222) og [les mer](https://example.org/112)"
    out, found, problems = link(md)
    assert out == md
    assert found == ["+4722222222"]
    assert len(problems) == 1 and problems[0].what.startswith("22 22 22 22 looks like")


def test_number_of_a_rejected_registry_entry_is_reported(tmp_path):
    from tests.unit._phone_fixtures import TODAY
    from veileder.phone_registry import load_phone_registry

    path = tmp_path / "phones.yml"
    path.write_text(
        "phones:\n  - id: x\n    number: '116 006'\n    owner: {nb: A, en: A}\n    purpose: {nb: B, en: B}\n"
        "    hours: {nb: C, en: C}\n    free: true\n    category: helpline\n    confidence: high\n"
        "    verified: 2026-11-15\n", encoding="utf-8")
    registry, reg_problems = load_phone_registry(path, today=TODAY)
    assert len(reg_problems) == 1
    out, _, problems = link_phone_numbers("Ring 116 006.", lang="nb", registry=registry, file="docs/a.md")
    assert out == "Ring 116 006."
    assert "its entry has errors" in problems[0].what and "'x'" in problems[0].fix


# --------------------------------------------------------------- properties

_ANCHOR = re.compile(r'<a class="tel" href="(tel:[^"]+)" aria-label="([^"]+)"(?: title="[^"]*")?>([^<]*)</a>')
# Text that is mostly digits, separators and the marks Markdown and Norwegian prose put around numbers.
_SEPARATORS = [" ", " ", " ", "\u00a0", "\u202f", "-", ".", "", "/", ":", ",", ", ", "\n", "–", "+", "(", ")",
               "§ ", "%", "**", "_", "`", " ring ", " kr ", " saker ", " og ", "[", "](x)", "<b>"]
_GROUPINGS = [(2, 2, 2, 2), (3, 2, 3), (4, 4), (2, 2, 4), (3, 5), (8,), (3, 3, 3), (2, 3, 3), (1, 3), (3,), (4,), (5,), (6,)]
_DIGITS = st.text(alphabet="0123456789", min_size=13, max_size=13)
# digit groups in the shapes of phone numbers and of other numbers, joined by separators
_GROUPED = st.builds(
    lambda digits, grouping, sep: sep.join(digits[sum(grouping[:i]):sum(grouping[:i + 1])] for i in range(len(grouping))),
    _DIGITS, st.sampled_from(_GROUPINGS), st.sampled_from([" ", "\u00a0", "-", ".", " "]))
_DIGIT_RICH = st.lists(st.tuples(_GROUPED, st.sampled_from(_SEPARATORS)), max_size=12).map(
    lambda parts: "".join(d + s for d, s in parts))
_FRAGMENTS = st.sampled_from(
    ["ring ", "Ring ", "tlf. ", "call ", " saker", " år", " kroner", "§ ", "kl. ", "NOU ", " og ", " eller ", ", ",
     "+47 ", "0047 ", "(+47) ", "`", "**", "__", "[", "](https://x.no/1)", "<a href=\"tel:112\">", "</a>", "\n\n```\n",
     "<code>", "</code>", "112", "113", "02800", "116 006", "22 40 00 40", "800 40 008", "1850", "22 22 22 22",
     "2019", "2017–2019", "08.04.2024", "20/1234", "974 760 673", "1 000", "12,5 %", "0150 Oslo"])
_MIXED = st.lists(st.one_of(_FRAGMENTS, _DIGIT_RICH.map(lambda s: s[:20])), max_size=25).map("".join)


def _check_only_registry_numbers_were_replaced(text, out):
    """Outside the links, `out` is `text`; each link replaced a span that is the registry number it dials."""
    pos = 0
    last = 0
    for m in _ANCHOR.finditer(out):
        before = out[last:m.start()]
        at = text.find(before, pos)
        assert at == pos, (text, out)
        span_start = pos + len(before)
        href, label, shown = m.groups()
        entry = next(e for e in REGISTRY.entries if e.href == href)
        assert shown == entry.display and label == f"{entry.display} – {entry.owner.nb}"
        # the replaced span ends where the next unchanged text starts
        rest = out[m.end():]
        nxt = _ANCHOR.search(rest)
        following = rest[: nxt.start()] if nxt else rest
        span_end = text.find(following, span_start) if following else len(text)
        while following and span_end >= 0 and phone_format.number_key(text[span_start:span_end]) != entry.key:
            span_end = text.find(following, span_end + 1)
        assert span_end >= 0 and phone_format.number_key(text[span_start:span_end]) == entry.key, (text[span_start:span_end], entry.key)
        pos, last = span_end, m.end()
    assert out[last:] == text[pos:]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), _DIGIT_RICH, _MIXED))
def test_arbitrary_text_never_crashes_and_only_registry_numbers_change(text):
    out, found, problems = link(text)
    assert isinstance(out, str) and isinstance(found, list)
    lines = text.count("\n") + 1
    assert all(p.file == "docs/x.md" and 1 <= p.line <= lines and p.what and p.fix for p in problems)
    _check_only_registry_numbers_were_replaced(text, out)
    # linking is idempotent: a second pass (generated blocks are linked again) changes nothing and
    # invents no problem the first pass did not report
    again, found2, problems2 = link(out)
    assert again == out and set(found2) <= set(found) and set(problems2) <= set(problems)


def test_the_digit_rich_strategies_really_make_phone_shaped_text():
    """Guard for the property above: its examples must hold digits, numbers and registry numbers."""
    from hypothesis import HealthCheck, Phase, find

    quick = settings(max_examples=500, phases=[Phase.generate], database=None, deadline=None,
                     suppress_health_check=list(HealthCheck))
    find(_DIGIT_RICH, lambda s: re.search(r"\d{2}[ \u00a0]\d{2}[ \u00a0]\d{2}[ \u00a0]\d{2}", s) is not None, settings=quick)
    find(_DIGIT_RICH, lambda s: len(link(s)[2]) >= 2, settings=quick)  # unknown numbers in it are reported
    find(_MIXED, lambda s: 'class="tel"' in link(s)[0], settings=quick)
    find(_MIXED, lambda s: len(link(s)[2]) >= 2, settings=quick)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=400))
def test_text_without_digits_is_never_changed(text):
    assert link(text) == (text, [], [])


_WORDS = st.sampled_from(
    ["saker", "år", "kroner", "i", "og", "Politiet", "ble", "dømt", "etter", "§", "§§", "kl.", "NOU",
     "Prop.", "L", "av", "de", "–", "-", ",", ".", ":", "(", ")", "måneder", "in", "cases", "the", "\n", "**", "«", "»"]
)
_NOT_PHONE_NUMBERS = st.one_of(
    st.integers(0, 99).map(str),
    st.integers(1900, 2099).map(str),  # years
    st.builds(lambda a, b: f"{a}–{b}", st.integers(1, 2099), st.integers(1, 2099)),
    st.builds(lambda a, b: f"{a}-{b}", st.integers(1900, 2099), st.integers(1900, 2099)),
    st.builds(lambda n: f"§ {n}", st.integers(1, 9999)),
    st.builds(lambda n, m: f"§ {n}-{m}", st.integers(1, 99), st.integers(1, 99)),
    st.builds(lambda n: f"{n} saker", st.integers(100, 9999)),
    st.builds(lambda n: f"{n} %", st.integers(100, 999)),
    st.builds(lambda a, b: f"{a} {b:03d} kroner", st.integers(1, 999), st.integers(0, 999)),
    st.builds(lambda a, b, c: f"kr {a} {b:03d} {c:03d}", st.integers(1, 99), st.integers(0, 999), st.integers(0, 999)),
    st.builds(lambda y, n: f"NOU {y}:{n}", st.integers(1990, 2030), st.integers(1, 30)),
    st.builds(lambda n, y: f"sak {n}/{y}", st.integers(1, 99), st.integers(100, 99999)),
    st.builds(lambda d, m, y: f"{d}. {m} {y}", st.integers(1, 31), st.sampled_from(["januar", "oktober"]), st.integers(1900, 2099)),
    st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2099)),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda y, m, d, n: f"LOV-{y}-{m:02d}-{d:02d}-{n}", st.integers(1900, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(1, 200)),
    st.builds(lambda h, m: f"kl. {h:02d}.{m:02d}", st.integers(0, 23), st.integers(0, 59)),
    st.builds(lambda h, m: f"{h:02d}.00–{m:02d}.30", st.integers(0, 23), st.integers(0, 23)),
    st.builds(lambda n: f"{n:04d} Oslo", st.integers(1, 9999)),
    st.builds(lambda a, b, c: f"{a} {b:03d} {c:03d}", st.integers(800, 999), st.integers(0, 999), st.integers(0, 999)),  # org.nr
    st.builds(lambda a, b: f"{a},{b}", st.integers(0, 9999), st.integers(0, 99)),
    st.builds(lambda a, b, c: f"{a}.{b}.{c}", st.integers(0, 9), st.integers(0, 99), st.integers(0, 999)),
)
# prose: one or more words between numbers, and at least one number in every example
_NO_PHONE_PROSE = st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=4), _NOT_PHONE_NUMBERS), min_size=1, max_size=12).map(
    lambda parts: " ".join(" ".join(words) + " " + number for words, number in parts))


@settings(max_examples=200, deadline=None)
@given(_NO_PHONE_PROSE)
def test_text_with_no_phone_number_is_never_changed(text):
    assert re.search(r"\d", text)
    # Small numbers side by side ("31 10 10 10") do make a phone number's shape; keep them apart
    assume(not re.search(r"(?<![\d.:–-])(?:\d{2}(?: \d{2}){3}|\d{2} \d{2} \d{4}|\d{4} \d{2} \d{2}|\d{4} \d{4})(?![\d–-])"
                         r"|\d{3} \d{2} \d{3}|\d{8}", text))
    assert link(text) == (text, [], [])


def _written_forms(key: str) -> st.SearchStrategy[str]:
    """The ways people write a registry number: groupings, separators, no-break spaces, +47."""
    if len(key) != 8:
        spaced = [key] + ([f"{key[:3]}{sp}{key[3:]}" for sp in (" ", "\u00a0", "\u202f", "-")] if len(key) == 6 else [])
        return st.sampled_from(spaced)
    groupings = [(2, 2, 2, 2), (3, 2, 3), (4, 4), (2, 2, 4), (4, 2, 2), (3, 5), (8,)]

    def build(grouping, sep, prefix):
        parts, i = [], 0
        for n in grouping:
            parts.append(key[i:i + n])
            i += n
        if sep in "-." and grouping not in ((2, 2, 2, 2), (3, 2, 3)):
            sep = " "
        return prefix + sep.join(parts)

    return st.builds(build, st.sampled_from(groupings), st.sampled_from([" ", "\u00a0", "\u202f", "-", "."]),
                     st.sampled_from(["", "+47 ", "+47", "0047 ", "(+47) ", "+47-"]))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(REGISTRY.entries).flatmap(lambda e: st.tuples(st.just(e), _written_forms(e.key))),
       st.text(alphabet="bdæøå .,!?«(", max_size=20), st.text(alphabet="abc æøå.,!?»)", max_size=20),
       st.sampled_from(["", "**", "_", "__"]), st.sampled_from(["nb", "en"]))
def test_registry_numbers_in_any_written_form_become_the_right_link(entry_form, before, after, mark, lang):
    entry, written = entry_form
    md = f"{before} {mark}{written}{mark} {after}"
    out, found, problems = link(md, lang=lang)
    assert problems == [] and found == [entry.id]
    assert hrefs(out) == [entry.href]
    assert entry.link_html(lang) in out
    assert out.replace(entry.link_html(lang), written) == md


def test_tel_link_in_a_reference_definition_is_reported_once():
    md = "Se [hjelp][h].\n\n[h]: tel:+4799999999\n"
    out, _, problems = link(md)
    assert out == md
    assert [(p.line, p.what) for p in problems] == [
        (3, "the link `tel:+4799999999` dials a number that is not in the phone registry")]


def test_realistic_legal_prose_is_untouched():
    md = ("Etter straffeprosessloven §§ 222 g–222 j (kapittel 17 d), i kraft fra 8. april 2024, kan retten "
          "beslutte omvendt voldsalarm. Se Ot.prp. nr. 113 (2004–2005) og Lov 20. mai 2005 nr. 28. "
          "I 2023 var det 1 412 saker, 13 av de 20 sakene gjaldt barn under 18 år, og 110 av dem ble henlagt.")
    assert link(md) == (md, [], [])


# The fast paths in front of two costly searches must give the searches' own answers.
_WORDS_FOR_WINDOWS = ["kr", "nr", "side", "s", "år", "før", "over", "i", "ca", "Ring", "§", "¶", "sak", "org", "d-nummer",
                      "Org. nr", "case number", "12", "3 a", "og", "and", "eller", ",", ".", ":", "$", "€", "x_kr", "kr2",
                      "tlf", "NOU", "kap.", "Kl.", "ÅR", "\u00a0", "\n", " ", "  "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS_FOR_WINDOWS), max_size=14).map("".join))
def test_fast_reference_and_count_checks_agree_with_the_patterns(window):
    from veileder import phone_text as pt

    assert pt._reference_before(window) == bool(pt._REFERENCE_BEFORE.search(window)), window
    assert pt._count_before(window) == bool(pt._COUNT_BEFORE.search(window)), window


@given(st.text(max_size=60))
def test_fast_checks_agree_on_any_text(window):
    from veileder import phone_text as pt

    assert pt._reference_before(window) == bool(pt._REFERENCE_BEFORE.search(window))
    assert pt._count_before(window) == bool(pt._COUNT_BEFORE.search(window))


# --------------------------------------------------------------- the candidate search (speed)

_CANDIDATE_TEXT = st.text(alphabet="0123456789 \u00a0+()-./§abcæ_*\n", max_size=60)


@settings(max_examples=400, deadline=None)
@given(_CANDIDATE_TEXT)
def test_the_fast_candidate_search_finds_exactly_what_the_regex_finds(text):
    from veileder.phone_text import _CANDIDATE, _candidates

    assert [(m.span(), m.lastgroup) for m in _candidates(text)] == [(m.span(), m.lastgroup) for m in _CANDIDATE.finditer(text)]


@pytest.mark.parametrize("text", ["ring (+47) 22 40 00 40", "a+47 22 40 00 40", "x112 og 112", "§ 112, tlf. 02800", "(0047) 800 40 008"])
def test_the_fast_candidate_search_keeps_the_look_behind(text):
    from veileder.phone_text import _CANDIDATE, _candidates

    assert [m.span() for m in _candidates(text)] == [m.span() for m in _CANDIDATE.finditer(text)]


_WINDOW_PARTS = ["§", "§§", "¶", " ", "  ", "5", "12", "282 a", "-", "–", ",", ".", ":", "og", "eller", "and",
                 "Kap", "kapittel", "nr", "NR.", "org.nr", "org. nr", "d-nummer", "case number", "ID no", "sak",
                 "side", "sidene", "s", "p", "pp", "lov", "loven", "Storgata", "ring", "x", "_", "a", "kl", "rute"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WINDOW_PARTS), max_size=12))
def test_the_fast_reference_check_agrees_with_the_pattern(parts):
    from veileder.phone_text import _REFERENCE_BEFORE, _reference_before

    window = "".join(parts)
    assert _reference_before(window) == bool(_REFERENCE_BEFORE.search(window))


@pytest.mark.parametrize("window, expected", [
    ("Se § ", True), ("jf. §§ 5 og ", True), ("saksnummer ", True), ("org.nr. ", True), ("Prop. 146 L og ", True), ("Prop. 146 L eller X ", False),
    ("kapittel 2, ", True), ("ring ", False), ("xsak ", False), ("sak_", False), ("Kap. ", True),
])
def test_the_fast_reference_check_on_known_windows(window, expected):
    from veileder.phone_text import _REFERENCE_BEFORE, _reference_before

    assert _reference_before(window) is expected
    assert bool(_REFERENCE_BEFORE.search(window)) is expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789 \u00a0+-ax_\n", max_size=40))
def test_the_cued_run_pattern_finds_what_its_plain_form_found(text):
    from veileder.phone_text import _CUED_RUN

    plain = re.compile(r"(?<![\w+])\d+(?:[ \u00a0\u202f]\d+)+(?!\w)")
    assert [m.span() for m in _CUED_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


# --------------------------------------------------------------- numbers the site never shows (not_used)


@pytest.mark.parametrize("text, lang", [
    ("I USA ringer man 911.", "nb"),
    ("Nødnummeret 911 gjelder ikke i Norge.", "nb"),
    ("In an emergency, 911.", "en"),
    ("Ring 112 eller 999.", "nb"),  # the next number in a list
    ("**911**", "en"),
])
def test_a_foreign_emergency_number_is_reported_wherever_it_stands(text, lang):
    out, found, problems = link(text, lang=lang, file="docs/a.md", first_line=4)
    [problem] = [p for p in problems]
    number = "911" if "911" in text else "999"
    assert str(problem).startswith(f"docs/a.md:4: {number} is not a phone number in Norway: it is the emergency number in the ")
    assert "use a Norwegian emergency number instead (112: The police;" in problem.fix and f"`{number}`" in problem.fix
    assert f"tel:{number}" not in out


@pytest.mark.parametrize("text", [
    "Se `911` i den amerikanske ordningen.",  # code: the way to write about the number itself
    "§ 911", "911 kroner", "ca. 999 saker", "I 2019 var det 911 saker.", "9/11", "nr. 911", "1911", "9112",
])
def test_a_not_used_number_in_another_sense_is_left_alone(text):
    out, found, problems = link(text)
    assert problems == [] and out == text
