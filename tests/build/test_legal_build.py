"""Legal references as the built site shows them: forms the issue does not list link to the right law
and section, with the section's title as accessible name; bad references fail the strict build."""
from __future__ import annotations

import html
import re

LINK = re.compile(r'<a href="(?P<href>[^"]+)" class="law-ref" hreflang="nb" aria-label="(?P<label>[^"]*)" '
                  r'title="(?P<title>[^"]*)">(?P<text>.*?)</a>', re.S)
STRL, STRPL, HPL, BVL, KRSL = ("2005-05-20-28", "1981-05-22-25", "1999-07-02-64", "2021-06-18-97", "2009-06-19-44")

# (Markdown, [(law id, section, accessible name)]) – each in its own block of the page
NB = [
    ("Mishandling straffes etter\nstraffeloven § 282 (mishandling).", [(STRL, "282", "straffeloven § 282 – Mishandling i nære relasjoner")]),
    ("| Lov | Paragraf |\n| --- | --- |\n| prosess | strpl. § 222 a annet ledd |",
     [(STRPL, "222a", "strpl. § 222 a – Besøksforbud")]),
    ("- § 33 i helsepersonelloven\n- barnevernsloven §§ 13-1 og 13-2",
     [(HPL, "33", "§ 33 i helsepersonelloven – Opplysningsplikt til barnevernet"),
      (BVL, "13-1", "barnevernsloven § 13-1 – Taushetsplikt og adgang til å dele opplysninger"),
      (BVL, "13-2", "barnevernsloven § 13-2 – Plikt til å melde fra til barnevernstjenesten")]),
    ("## Avverging etter straffeloven § 196", [(STRL, "196", "straffeloven § 196 – Plikt til å avverge et straffbart forhold")]),
    ('!!! note "Merk"\n    Se krisesenterlova § 6.', [(KRSL, "6", "krisesenterlova § 6 – Opplysningsplikt til barnevernet")]),
    ("straffeloven (strl.) § 282.", [(STRL, "282", "straffeloven (strl.) § 282 – Mishandling i nære relasjoner")]),
    ("lov om kommunale krisesentertilbod § 5", [(KRSL, "5", "lov om kommunale krisesentertilbod § 5 – Teieplikt")]),
    ("straffelovens §§ 271 til 274", [(STRL, "271", "straffelovens § 271 – Kroppskrenkelse"),
                                      (STRL, "274", "straffelovens § 274 – Grov kroppsskade")]),
    ("straffeloven § 263, jf. § 266a.", [(STRL, "263", "straffeloven § 263 – Trusler"),
                                         (STRL, "266a", "§ 266a (straffeloven) – Alvorlig personforfølgelse")]),
    ("Tekst.[^1]\n\n[^1]: Se straffeloven § 264.", [(STRL, "264", "straffeloven § 264 – Grove trusler")]),
]
EN = [
    ("Abuse is punishable under\nsection 282 of the Penal Code (abuse).", [(STRL, "282", "section 282 of the Penal Code – Abuse in close relationships")]),
    ("| Act | Section |\n| --- | --- |\n| procedure | the Criminal Procedure Act, section 222 a |",
     [(STRPL, "222a", "Criminal Procedure Act, section 222 a – Restraining order")]),
    ("- section 33 of the Health Personnel Act\n- sections 13-1 and 13-2 of the Child Welfare Act",
     [(HPL, "33", "section 33 of the Health Personnel Act – Duty to inform the child welfare service"),
      (BVL, "13-1", "Child Welfare Act section 13-1 – Confidentiality and the right to share information"),
      (BVL, "13-2", "Child Welfare Act section 13-2 – Duty to notify the child welfare service")]),
    ("## Averting under straffeloven § 196", [(STRL, "196", "straffeloven § 196 – Duty to avert a criminal offence")]),
    ('!!! note "Note"\n    See Crisis Centre Act section 6.', [(KRSL, "6", "Crisis Centre Act section 6 – Duty to inform the child welfare service")]),
    ("the Penal Code (straffeloven) section 282.", [(STRL, "282", "Penal Code (straffeloven) section 282 – Abuse in close relationships")]),
    ("section 5, first paragraph, of the Crisis Centre Act", [(KRSL, "5", "section 5, first paragraph, of the Crisis Centre Act – Duty of confidentiality")]),
    ("Penal Code sections 271–274", [(STRL, "271", "Penal Code section 271 – Assault"),
                                     (STRL, "274", "Penal Code section 274 – Aggravated bodily harm")]),
    ("the Penal Code section 263, cf. section 266 a.", [(STRL, "263", "Penal Code section 263 – Threats"),
                                                       (STRL, "266a", "section 266 a (Penal Code) – Stalking")]),
    ("Text.[^1]\n\n[^1]: See section 264 of the Penal Code.", [(STRL, "264", "section 264 of the Penal Code – Aggravated threats")]),
]


def _body(blocks):
    return "\n\n".join(f"Blokk {i}.\n\n{md}" for i, (md, _) in enumerate(blocks))


def _links(page_html):
    article = page_html[page_html.index("<article"):page_html.index("</article>")]
    return [(m["href"], html.unescape(m["label"]), html.unescape(m["title"])) for m in LINK.finditer(article)]


def test_reference_forms_link_to_the_right_section_in_the_built_site(mini_site, tmp_path):
    mini_site.pair("a/former.md", _body(NB), _body(EN))
    result = mini_site.build(tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    for blocks, path in ((NB, "a/former/index.html"), (EN, "en/a/former/index.html")):
        got = _links((tmp_path / "out" / path).read_text(encoding="utf-8"))
        want = [(f"https://lovdata.no/lov/{law}/§{sec}", label, label) for _, links in blocks for law, sec, label in links]
        assert sorted(got) == sorted(want), path


def test_bad_references_in_footnotes_and_link_texts_fail_the_build(mini_site, tmp_path):
    mini_site.pair("a/feil.md", "Se [straffeloven § 999](../index.md).\n\nTekst.[^1]\n\n[^1]: strl. § 998.\n\n"
                                "Straffeloven §342 gjelder.",
                   "See [section 999 of the Penal Code](../index.md).\n\nText.[^1]\n\n[^1]: strl. § 998.\n\n"
                   "Straffeloven §342 applies.")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0 and "Traceback" not in log
    for expected in ("docs/a/feil.md:10: «straffeloven § 999» — straffeloven has no § 999",
                     "docs/a/feil.md:14: «strl. § 998» — straffeloven has no § 998",
                     "docs/a/feil.md:16: «Straffeloven §342» — straffeloven has no § 342; § 342 is a section of "
                     "straffeloven 1902",
                     "docs/a/feil.en.md:10: «section 999 of the Penal Code»",
                     "docs/a/feil.en.md:14: «strl. § 998»", "docs/a/feil.en.md:16: «Straffeloven §342»"):
        assert expected in log, f"{expected}\n\n{log[-4000:]}"


def test_a_broken_registry_is_reported_once_not_for_every_reference(mini_site, tmp_path):
    laws = mini_site.root / "data" / "laws.yml"
    text = laws.read_text(encoding="utf-8")
    line = text[:text.index("checked: 2026-11-23")].count("\n") + 1
    laws.write_text(text.replace("checked: 2026-11-23", "checked: 2026-13-45", 1), encoding="utf-8")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0 and "Traceback" not in log and "crashed" not in log
    assert f"data/laws.yml:{line}: law «" in log and "`checked` is not a real date (got '2026-13-45')" in log
    assert "is not a law in the registry" not in log and "has no §" not in log


def test_registry_mistakes_and_page_mistakes_are_all_reported_in_one_run(mini_site, tmp_path):
    laws = mini_site.root / "data" / "laws.yml"
    text = laws.read_text(encoding="utf-8")
    old_57 = ('      "57":\n        title: {nb: Forbud mot kontakt, en: Contact ban}\n'
              '        source: facts.md — Lovdata, straffeloven § 57\n        checked: 2026-11-23\n')
    old_196 = "        title: {nb: Plikt til å avverge et straffbart forhold, en: Duty to avert a criminal offence}\n"
    assert old_57 in text and old_196 in text
    text = text.replace(old_57, '      "57":\n        title: {nb: Forbud mot kontakt, en: Contact ban}\n'
                                '        checked: 2026-11-23\n')
    text = text.replace(old_196, "        title: {nb: Plikt til å avverge et straffbart forhold}\n")
    laws.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line_57 = lines.index('      "57":') + 1
    line_196 = lines.index("        title: {nb: Plikt til å avverge et straffbart forhold}") + 1
    mini_site.pair("a/lov.md", "Se straffeloven § 999.", "See section 999 of the Penal Code.")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0 and "Traceback" not in log
    for expected in (f"data/laws.yml:{line_57}: law «straffeloven», § 57: `source` is missing — add `source:`",
                     f"data/laws.yml:{line_196}: law «straffeloven», § 196: `title.en` is missing — add `en:` — the "
                     "title in English",
                     "docs/a/lov.md:10: «straffeloven § 999» — straffeloven has no § 999",
                     "docs/a/lov.en.md:10: «section 999 of the Penal Code» — straffeloven has no § 999"):
        assert expected in log, f"{expected}\n\n{log[-4000:]}"
