"""The strict build as an editor meets it: a clean project builds, and a project with mistakes fails
with every mistake listed as `file:line: what — how to fix`, all in one run."""
from __future__ import annotations

import re


def test_clean_mini_site_builds(mini_site, tmp_path):
    result = mini_site.build(tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "tiltak" / "besoksforbud" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://lovdata.no/lov/1981-05-22-25/§222a"' in html
    assert 'href="tel:02800"' in html
    assert "Sist faglig vurdert 1. november 2026" in html
    en = (tmp_path / "out" / "en" / "tiltak" / "besoksforbud" / "index.html").read_text(encoding="utf-8")
    assert "Last reviewed 1 November 2026" in en and 'href="tel:02800"' in en


def test_every_kind_of_mistake_fails_the_build_in_one_run(mini_site, tmp_path):
    mini_site.pair("a/lov.md",
                   "Første linje.\n\nSe straffeloven § 999 og arbeidsmiljøloven § 4-3.\n\nOgså straffeloven § 292.\n",
                   "First line.\n\nSee the Penal Code section 999.\n\nAlso the Penal Code section 292.\n")
    mini_site.pair("a/tlf.md", "Ring 22 22 22 22 for hjelp.", "Call 22 22 22 22 for help.")
    mini_site.page("a/bare-bokmal.md", "Bare på bokmål.")
    mini_site.page("a/meta.md", "", raw="---\ntitle: Uten beskrivelse\naudience: [politi]\nreviewed: 2020-01-01\nowner: fagredaksjonen\nsources: [lovdata]\n---\n\nTekst.\n")
    mini_site.page("a/meta.en.md", "", raw="---\ntitle: No description\naudience: [politi]\nreviewed: 2020-01-01\nowner: fagredaksjonen\nsources: [lovdata]\n---\n\nText.\n")
    mini_site.page("a/par.md", "Se straffeloven § 196. Ring 113.")
    mini_site.page("a/par.en.md", "See straffeloven § 196.", title="Pair", description="A page whose facts differ from its bokmål page.")
    mini_site.pair("a/lenke.md", "Se [siden](finnes-ikke.md).", "See [the page](finnes-ikke.md).")
    mini_site.page("a/tre.md", "{{ tree: finnes-ikke }}\n")
    mini_site.page("a/tre.en.md", "{{ tree: finnes-ikke }}\n", title="Tree", description="A page that embeds a tree that does not exist.")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    expected = [
        "docs/a/lov.md:12: «straffeloven § 999»",
        "docs/a/lov.md:12: «arbeidsmiljøloven § 4-3»",
        "docs/a/lov.md:14: «straffeloven § 292»",
        "docs/a/lov.en.md:12:",
        "docs/a/tlf.md:10:",
        "22 22 22 22",
        "docs/a/bare-bokmal.md: this page has no English version",
        "docs/a/meta.md:1: the front matter has no 'description'",
        "docs/a/meta.md:3: unknown audience 'politi'",
        "docs/a/meta.md:4: the page was due for review on 2021-01-01",
        "docs/a/par.en.md: the phone number",
        "docs/a/tre.md:10: no decision tree with id 'finnes-ikke'",
        "docs/a/lenke.md:10: the link «finnes-ikke.md» points to a page that does not exist",
    ]
    missing = [e for e in expected if e not in log]
    assert not missing, f"not reported: {missing}\n\n{log[-5000:]}"
    assert "Traceback" not in log
    assert "Aborted with" in log and "in strict mode" in log


def test_a_bad_change_log_entry_fails_the_build(mini_site, tmp_path):
    (mini_site.root / "data" / "changes.yml").write_text(
        "changes:\n  - date: 2026-11-01\n    text: {nb: Endret side., en: ''}\n    pages: [tiltak/borte.md]\n"
        "  - date: 2026-11-02\n    text: {nb: Ring 22 22 22 22., en: Call 22 22 22 22.}\n", encoding="utf-8")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    for expected in ["data/changes.yml:3: change 1, 'text:' has no English (en) text",
                     "data/changes.yml:4: no page 'tiltak/borte.md' in docs/",
                     "data/changes.yml:6:"]:
        assert expected in log, f"not reported: {expected}\n\n{log[-3000:]}"
    assert "22 22 22 22" in log and "Traceback" not in log


def test_a_long_section_shows_a_window_in_the_menu_and_its_overview_lists_every_page(mini_site, tmp_path):
    config = mini_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("nav_section_limit: 30", "nav_section_limit: 8"), encoding="utf-8")
    mini_site.pair("lang/index.md", "Oversikt over delen.", "Overview of the section.")
    for i in range(1, 10):
        mini_site.pair(f"lang/side-{i}.md", f"Side nummer {'en to tre fire fem seks sju åtte ni'.split()[i - 1]}.",
                       f"Page number {'one two three four five six seven eight nine'.split()[i - 1]}.")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    import re

    def menu_links(rel):
        html = (tmp_path / "out" / rel).read_text(encoding="utf-8")
        nav = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
        return re.findall(r'href="([^"]*side-\d/)"', nav), nav

    links, nav = menu_links("lang/side-5/index.html")
    assert set(links) == {"../side-3/", "../side-4/", "../side-6/", "../side-7/"}, links  # a window around this page (side-5)
    assert "Alle 9 sidene i delen" in nav and 'href="../#alle-sidene-i-delen"' in nav
    links, _ = menu_links("index.html")
    assert set(links) == {"lang/side-1/", "lang/side-2/"}, links  # not the active section: its first pages only
    overview = (tmp_path / "out" / "lang" / "index.html").read_text(encoding="utf-8")
    assert 'id="alle-sidene-i-delen"' in overview
    assert all(f'href="side-{i}/"' in overview for i in range(1, 10))
    en = (tmp_path / "out" / "en" / "lang" / "index.html").read_text(encoding="utf-8")
    assert 'id="all-pages-in-this-section"' in en and "All 9 pages in this section" in en and 'href="side-9/"' in en


def test_a_measure_entry_with_an_error_is_still_checked_and_named_where_it_is_shown(mini_site, tmp_path):
    measures = mini_site.root / "data" / "measures.yml"
    text = measures.read_text(encoding="utf-8")
    text = text.replace("    report: no\n", "    report: maybe\n", 1).replace("    report: yes\n", "    report: maybe\n", 1)
    text = re.sub(r"(    name: \{nb: [^,}]+), en: [^}]+\}", r"\1}", text, count=1)  # no English name
    text = text.replace("\n    breach:\n", "\n    breach_old:\n", 1) + "    breach: {nb: Ring 22 22 22 22., en: Call 22 22 22 22.}\n"
    measures.write_text(text, encoding="utf-8")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0
    for expected in ["measure 'besoksforbud', 'report:' has a value that is not allowed",
                     "measure 'besoksforbud', 'name:' has no English (en) text",
                     "22 22 22 22",
                     "docs/tiltak/besoksforbud.md:", "the facts of the measure 'besoksforbud' cannot be shown, because its entry in data/measures.yml has errors"]:
        assert expected in log, f"not reported: {expected}\n\n{log[-3000:]}"
    assert "no measure 'besoksforbud'" not in log and "Traceback" not in log


def test_a_broken_sources_or_metadata_file_fails_with_messages_not_a_crash(mini_site, tmp_path):
    sources = mini_site.root / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "- publisher: Utgiver\n  title: Uten id\n", encoding="utf-8")
    meta = mini_site.root / "data" / "metadata.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("owners:", "eiere:"), encoding="utf-8")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0
    assert "data/sources.yml:" in log and "source 8, 'id:' is missing" in log, log[-3000:]
    assert "unknown audience" not in log, "a broken list is reported once, not at every page"
    assert "data/metadata.yml:" in log and "eiere" in log, log[-3000:]
    assert "Traceback" not in log and "crashed" not in log


def test_a_misspelt_marker_is_reported_with_the_markers_there_are(mini_site, tmp_path):
    mini_site.pair("a/markør.md", "Tekst.\n\n{{ measure_facts }}\n\n{{ tre: bekymring }}\n", "Text.\n\n{{ measure_facts }}\n\n{{ tre: bekymring }}\n")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0
    for file in ("docs/a/markør.md", "docs/a/markør.en.md"):
        assert f"{file}:12: unknown marker «{{{{ measure_facts }}}}» — use one of {{{{ tree: id }}}}, {{{{ measure-facts }}}}" in log, log[-3000:]
        assert f"{file}:14: unknown marker «{{{{ tre }}}}»" in log


def test_references_and_numbers_in_title_and_description_are_checked(mini_site, tmp_path):
    mini_site.page("a/tittel.md", "Tekst.", title="Straffeloven § 999 og mer", description="Ring 22 33 44 55 om straffeloven § 998 hvis noe skjer.")
    mini_site.page("a/tittel.en.md", "Text.", title="The Penal Code section 999", description="A page whose description names nothing wrong at all.")
    result = mini_site.build(tmp_path / "out")
    log = result.stderr + result.stdout
    assert result.returncode != 0
    assert "docs/a/tittel.md:2: «Straffeloven § 999»" in log, log[-3000:]
    assert "docs/a/tittel.md:3: «straffeloven § 998»" in log and "docs/a/tittel.md:3: 22 33 44 55 looks like a phone number" in log
    assert "docs/a/tittel.en.md:2: «Penal Code section 999»" in log
