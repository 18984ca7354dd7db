"""Phone numbers through a real strict build: registry numbers in many written forms become labelled
tap-to-call links in both languages, and unknown numbers fail with `file:line: what — how to fix`."""
from __future__ import annotations

import re

import pytest
from html.parser import HTMLParser

# Body lines start at file line 10 (8 lines of front matter and a blank line).
GOOD_NB = """112 står først på linjen.

Linjen slutter med 02800

| Hvem | Nummer |
| --- | --- |
| Legevakt | 116 117 |

- Vold- og overgrepslinjen: 116006
- Hjelpetelefonen: 800 57000

Ring **1412** eller __113__, eller _110_.

## Ring 116 111

Ring 0047 22 40 00 40, (+47) 22 40 00 40, 22-40-00-40 eller 22.40.00.40 (Kirkens SOS), og 116\u00a0123.

Støttesenteret: +47 800 40 008.
"""
GOOD_EN = GOOD_NB.replace("står først på linjen", "comes first on the line").replace("Linjen slutter med", "The line ends with") \
    .replace("Hvem | Nummer", "Who | Number").replace("Legevakt |", "Out-of-hours |").replace("Ring", "Call").replace(" eller ", " or ") \
    .replace(", og ", ", and ").replace("Støttesenteret", "Support centre")
EXPECTED = [  # (href, shown, owner nb, owner en), in page order
    ("tel:112", "112", "Politiet", "The police"),
    ("tel:02800", "02800", "Politiet", "The police"),
    ("tel:116117", "116 117", "Legevakten", "Out-of-hours medical service (legevakt)"),
    ("tel:116006", "116 006", "Vold- og overgrepslinjen", "Vold- og overgrepslinjen"),
    ("tel:+4780057000", "800 57 000", "Hjelpetelefonen for seksuelt misbrukte", "Hjelpetelefonen for seksuelt misbrukte"),
    ("tel:1412", "1412", "Nødnummer for tekst", "Emergency number for text"),
    ("tel:113", "113", "Medisinsk nødtelefon", "Medical emergency line"),
    ("tel:110", "110", "Brannvesenet", "The fire service"),
    ("tel:116111", "116 111", "Alarmtelefonen for barn og unge", "Alarmtelefonen for barn og unge"),
    *[("tel:+4722400040", "22 40 00 40", "Kirkens SOS", "Kirkens SOS")] * 4,
    ("tel:116123", "116 123", "Mental Helse hjelpetelefon", "Mental Helse helpline"),
    ("tel:+4780040008", "800 40 008", "Støttesenter for kriminalitetsutsatte", "Support Centre for Victims of Crime"),
]


class _TelLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and (a.get("href") or "").startswith("tel:"):
            self._open = {**a, "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append(self._open)
            self._open = None


def _article_tel_links(html: str) -> list[dict]:
    article = html[html.index("<article"):html.index("</article>")]
    parser = _TelLinks()
    parser.feed(article)
    return parser.links


def test_registry_numbers_in_many_forms_become_labelled_links_in_both_languages(mini_site, tmp_path):
    mini_site.pair("a/numre.md", GOOD_NB, GOOD_EN)
    result = mini_site.build(tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    for lang, prefix in (("nb", ""), ("en", "en/")):
        html = (tmp_path / "out" / prefix / "a" / "numre" / "index.html").read_text(encoding="utf-8")
        links = _article_tel_links(html)
        got = [(a["href"], a["text"], a["aria-label"]) for a in links]
        want = [(href, shown, f"{shown} – {nb if lang == 'nb' else en}") for href, shown, nb, en in EXPECTED]
        assert got == want, lang
        assert all(a.get("class") == "tel" for a in links)
        # every 8-digit number dials in international form; short numbers dial their own digits
        assert all(re.fullmatch(r"tel:(\+47\d{8}|\d{3,6})", a["href"]) for a in links)


def test_unknown_numbers_fail_the_build_with_file_and_line(mini_site, tmp_path):
    body = ("Innledning.\n\n"
            "Ring 22 33 44 55.\n\n"          # 12
            "Ring +47 912 34 567.\n\n"       # 14
            "Ring 22-33-44-55.\n\n"          # 16
            "Ring 116 000.\n\n"              # 18
            "Ring 1850.\n\n"                 # 20
            "Ring 02801.\n\n"                # 22
            "Ring +47 116 006.\n\n"          # 24
            "Ring 12 34 56 78.\n\n"          # 26
            "Ring [116 006](https://example.org/).\n\n"  # 28
            "Call +46 8 123 456 78.\n\n"    # 30
            "I USA er nødnummeret 911.\n")  # 32: listed under not_used in data/phones.yml
    mini_site.pair("a/ukjent.md", body, body)
    mini_site.page("a/beskrivelse.md", "", raw="---\ntitle: Hjelp\ndescription: Ring 22 33 44 55 for hjelp når det haster.\naudience: [police]\n"
                   "reviewed: 2026-11-01\nowner: fagredaksjonen\nsources: [lovdata]\n---\n\nTekst.\n")
    mini_site.page("a/beskrivelse.en.md", "", raw="---\ntitle: Help\ndescription: Call 112 for help in an emergency.\naudience: [police]\n"
                   "reviewed: 2026-11-01\nowner: fagredaksjonen\nsources: [lovdata]\n---\n\nText.\n")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    assert "Traceback" not in log
    add = "— add it to the registry (data/phones.yml) with a source, or correct it"
    for file in ("docs/a/ukjent.md", "docs/a/ukjent.en.md"):
        for line, what in [
            (12, f"22 33 44 55 looks like a phone number but is not in the phone registry {add}"),
            (14, f"«+47 912 34 567» looks like a phone number but is not in the phone registry {add}"),
            (16, f"«22-33-44-55» looks like a phone number but is not in the phone registry {add}"),
            (18, f"116 000 looks like a phone number but is not in the phone registry {add}"),
            (20, "1850 looks like a phone number but is not in the phone registry (a number of 3–4 digits after a word"),
            (22, f"02801 looks like a phone number but is not in the phone registry {add}"),
            (24, "«+47 116 006» is a short number written with the country code +47, which no phone can dial — "
                 "write it without the country code: 116 006"),
            (26, "«12 34 56 78» looks like a phone number but is not a valid Norwegian number — correct the number"),
            (28, "116 006 is inside the text of a link or image, so it cannot become a tap-to-call link — take the number out"),
            (30, "«+46 8 123 456 78» is a foreign phone number"),
            (32, "911 is not a phone number in Norway: it is the emergency number in the USA and Canada, not in Norway "
                 "— use a Norwegian emergency number instead (112: The police;"),
        ]:
            assert f"{file}:{line}: {what}" in log, f"{file}:{line} not reported\n{log[-6000:]}"
    assert f"docs/a/beskrivelse.md:3: 22 33 44 55 looks like a phone number but is not in the phone registry {add}" in log
    assert "docs/a/beskrivelse.en.md" not in log


def test_stale_registry_entries_fail_the_build_all_listed(mini_site, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_TODAY", "2027-12-01")  # more than 12 months after every entry's check
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    stale = re.findall(r"data/phones\.yml:(\d+): phone entry '([a-z0-9-]+)' \([^)]+\) was last verified on (\S+), "
                       r"more than 12 months ago — check the number with its owner", log)
    registry_ids = re.findall(r"^  - id: (\S+)$", (mini_site.root / "data" / "phones.yml").read_text(encoding="utf-8"), re.M)
    assert sorted(i for _, i, _ in stale) == sorted(registry_ids)
    assert "Traceback" not in log


@pytest.mark.parametrize("text, message", [
    ("phones:\n  - id: a\n    number: '112\n", "data/phones.yml:3: the phone registry is not valid YAML"),
    ("phones: 3\n", "data/phones.yml:1: the phone registry must have a `phones:` list"),
])
def test_a_broken_registry_fails_the_build_with_a_message_not_a_traceback(mini_site, tmp_path, text, message):
    (mini_site.root / "data" / "phones.yml").write_text(text, encoding="utf-8")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    assert message in log and "Traceback" not in log
    # the pages' numbers are then unknown, and each is reported where it is written
    assert "docs/index.md:10: 112 looks like a phone number but is not in the phone registry" in log
