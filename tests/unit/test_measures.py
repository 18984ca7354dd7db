"""Protective measures (data/measures.yml): each check fed its mistake, the real file, the schema
file, the facts box and the comparison table in both languages."""
from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import jsonschema
import markdown
import pytest

from veileder.measures import (
    FACTS,
    load_measures,
    measure_texts,
    render_measure_facts,
    render_measures_table,
    schema_text,
)
from veileder.problems import Problem
from veileder.tree_model import load_yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REL = "data/measures.yml"
PAGES = {"tiltak/besoksforbud.md", "tiltak/kontaktforbud.md", "tiltak/index.md"}
EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables"]

GOOD = """\
measures:
  - id: besoksforbud
    name: {nb: Besøksforbud, en: Restraining order}
    what: {nb: Et forbud, en: A ban}
    who_decides: {nb: Påtalemyndigheten, en: The prosecuting authority}
    legal_basis: {nb: straffeprosessloven § 222 a, en: section 222 a of the Criminal Procedure Act}
    report: no
    report_needed: {nb: Nei – fare holder, en: No – danger is enough}
    duration: {nb: Høyst ett år, en: At most one year}
    how_to_ask: {nb: Be politiet, en: Ask the police}
    breach: {nb: Straffbart etter straffeloven § 168, en: An offence under section 168 of the Penal Code}
  - id: kontaktforbud
    name: {nb: Kontaktforbud, en: Contact ban}
    what: {nb: En straff, en: A penalty}
    who_decides: {nb: Domstolen, en: The court}
    legal_basis: {nb: straffeloven § 57, en: section 57 of the Penal Code}
    report: yes
    report_needed: {nb: Ja – straffesak, en: Yes – a criminal case}
    duration: {nb: Fastsettes i dommen, en: Set in the judgment}
    how_to_ask: {nb: Be påtalemyndigheten, en: Ask the prosecuting authority}
    breach: {nb: Straffbart, en: An offence}
"""


def load(tmp_path: Path, text: str, pages=PAGES):
    path = tmp_path / "measures.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_measures(path, known_pages=pages, rel=REL)


def only(problems: list[Problem], needle: str) -> Problem:
    hits = [p for p in problems if needle in p.what]
    assert len(hits) == 1, [str(p) for p in problems]
    return hits[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# ------------------------------------------------------------------------------------ checks


def test_a_good_file_has_no_problems_and_no_stays_text(tmp_path):
    measures, problems = load(tmp_path, GOOD)
    assert problems == []
    assert measures.ids == ["besoksforbud", "kontaktforbud"]
    assert measures.get("besoksforbud").report == "no"  # not the boolean False
    assert measures.get("kontaktforbud").report == "yes"


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = GOOD.replace("what: {nb: Et forbud, en: A ban}", "what: {nb: Et forbud, en: A ban")
    measures, problems = load(tmp_path, bad)
    assert measures.measures == []
    assert len(problems) == 1
    assert "cannot be read" in problems[0].what and problems[0].line is not None
    assert str(problems[0]).startswith(f"{REL}:")


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    measures, problems = load_measures(tmp_path / "nope.yml", known_pages=PAGES, rel=REL)
    assert measures.measures == [] and only(problems, "missing").file == REL


def test_not_a_list_of_measures(tmp_path):
    _, problems = load(tmp_path, "measure:\n  - id: x\n")
    assert only(problems, "does not hold a list of measures")


def test_schema_error_names_the_line_and_keeps_the_other_entries(tmp_path):
    bad = GOOD.replace("    report: yes\n", "    report: maybe\n").replace("    duration: {nb: Høyst ett år, en: At most one year}\n", "")
    measures, problems = load(tmp_path, bad)
    text = textwrap.dedent(bad)
    p = only(problems, "not allowed")
    assert p.line == line_of(text, "report: maybe")
    assert "yes, no or depends" in p.fix
    missing = only(problems, "measure 'besoksforbud', 'duration:' is missing")
    assert missing.line == line_of(text, "- id: besoksforbud")
    assert measures.ids == []  # both entries had an error

    measures, problems = load(tmp_path, GOOD.replace("    report: yes\n", "    report: maybe\n"))
    assert measures.ids == ["besoksforbud"]  # the good entry is kept


def test_unknown_field_and_wrong_type(tmp_path):
    bad = GOOD.replace("    what: {nb: En straff, en: A penalty}", "    what: En straff\n    colour: red")
    _, problems = load(tmp_path, bad)
    text = textwrap.dedent(bad)
    assert only(problems, "unknown field").line == line_of(text, "colour: red")
    assert only(problems, "should be").line == line_of(text, "what: En straff")


def test_missing_language_names_the_field_and_line(tmp_path):
    bad = GOOD.replace("duration: {nb: Fastsettes i dommen, en: Set in the judgment}", "duration: {nb: Fastsettes i dommen}")
    _, problems = load(tmp_path, bad)
    p = only(problems, "has no English")
    assert "duration" in p.what and p.line == line_of(textwrap.dedent(bad), "duration: {nb: Fastsettes")
    assert "en:" in p.fix


def test_unknown_page(tmp_path):
    bad = GOOD.replace("id: kontaktforbud", "id: kontakt-forbud")
    _, problems = load(tmp_path, bad)
    p = only(problems, "no page docs/tiltak/kontakt-forbud.md")
    assert p.line == line_of(textwrap.dedent(bad), "id: kontakt-forbud")


def test_duplicate_id(tmp_path):
    bad = GOOD.replace("id: kontaktforbud", "id: besoksforbud")
    measures, problems = load(tmp_path, bad)
    second = [i for i, line in enumerate(bad.splitlines(), 1) if "id: besoksforbud" in line][1]
    p = only(problems, "listed twice")
    assert p.line == second and "first on line 2" in p.what
    assert measures.ids == ["besoksforbud"]


def test_report_and_text_must_agree(tmp_path):
    bad = GOOD.replace("report_needed: {nb: Ja – straffesak, en: Yes – a criminal case}",
                       "report_needed: {nb: Nei, en: Yes – a criminal case}")
    _, problems = load(tmp_path, bad)
    p = only(problems, "report is 'yes'")
    assert "(nb)" in p.what and p.line == line_of(textwrap.dedent(bad), "report_needed: {nb: Nei, en: Yes")


def test_measure_texts_give_every_text_with_its_line(tmp_path):
    measures, _ = load(tmp_path, GOOD)
    texts = measure_texts(measures)
    assert len(texts) == 2 * 2 * (len(FACTS) + 1)
    assert ("straffeloven § 57", "nb", line_of(GOOD, "straffeloven § 57")) in texts
    assert ("section 222 a of the Criminal Procedure Act", "en", line_of(GOOD, "§ 222 a")) in texts


# ------------------------------------------------------------------------------------ rendering


@pytest.mark.parametrize("lang,label,answer", [
    ("nb", "Krever politianmeldelse?", "Nei – fare holder"),
    ("en", "Police report needed?", "No – danger is enough"),
])
def test_facts_box_in_both_languages(tmp_path, lang, label, answer):
    measures, _ = load(tmp_path, GOOD)
    md = render_measure_facts(measures, "besoksforbud", lang=lang)
    html = markdown.markdown(md, extensions=EXTENSIONS)
    assert f"<dt>{label}</dt>" in html and f"<dd>{answer}</dd>" in html
    assert html.count("<dt>") == len(FACTS)
    assert "<a " not in html  # the legal basis is left for the linker
    assert render_measure_facts(measures, "nope", lang=lang) == ""


def test_facts_box_escapes_html(tmp_path):
    measures, _ = load(tmp_path, GOOD.replace("what: {nb: Et forbud, en: A ban}", 'what: {nb: "Et <b>forbud</b>", en: A ban}'))
    assert "&lt;b&gt;" in render_measure_facts(measures, "besoksforbud", lang="nb")


@pytest.mark.parametrize("lang,head,name", [
    ("nb", "Hvem bestemmer", "Besøksforbud"), ("en", "Who decides", "Restraining order"),
])
def test_comparison_table_in_both_languages(tmp_path, lang, head, name):
    measures, _ = load(tmp_path, GOOD)
    md = render_measures_table(measures, lang=lang, link=lambda p: "../" + p)
    html = markdown.markdown(md, extensions=EXTENSIONS)
    assert f'<th scope="col">{head}</th>' in html
    assert f'<th scope="row"><a href="../tiltak/besoksforbud.md">{name}</a></th>' in html
    assert html.count("<tr>") == 3  # header + two measures
    assert f'<span class="vtable-label">{head}</span>' in html  # the label shown on a phone
    assert "<p><" not in html and "](" not in html


# ------------------------------------------------------------------------------------ the real data


def _known_pages() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md")}


def test_real_file_loads_with_no_problems():
    measures, problems = load_measures(ROOT / REL, known_pages=_known_pages())
    assert [str(p) for p in problems] == []
    assert len(measures.measures) == 13


def test_every_measure_page_has_an_entry_and_vice_versa():
    measures, _ = load_measures(ROOT / REL, known_pages=_known_pages())
    pages = {p.stem for p in (DOCS / "tiltak").glob("*.md") if not p.name.endswith(".en.md") and p.stem != "index"}
    assert set(measures.ids) == pages


def test_every_measure_page_uses_the_marker_once_in_both_languages():
    for p in (DOCS / "tiltak").glob("*.md"):
        if p.name.startswith("index"):
            continue
        text = p.read_text(encoding="utf-8")
        assert text.count("{{ measure-facts }}") == 1, p
        assert "| Punkt |" not in text and "| Item |" not in text, f"{p}: the hand-written table is back"
    for name in ("index.md", "index.en.md"):
        assert "{{ measures-table }}" in (DOCS / "tiltak" / name).read_text(encoding="utf-8")


def test_real_texts_pass_the_legal_and_phone_checks_and_agree_between_languages():
    from veileder.legal import link_legal_refs, load_law_registry
    from veileder.phones import link_phone_numbers, load_phone_registry

    laws, _ = load_law_registry(ROOT / "data" / "laws.yml")
    phones, _ = load_phone_registry(ROOT / "data" / "phones.yml", today=dt.date.today())
    measures, _ = load_measures(ROOT / REL, known_pages=_known_pages())
    problems, cited = [], {"nb": {}, "en": {}}
    for text, lang, line in measure_texts(measures):
        assert line > 0
        _, cites, p1 = link_legal_refs(text, lang=lang, registry=laws, file=REL, first_line=line)
        _, _, p2 = link_phone_numbers(text, lang=lang, registry=phones, file=REL, first_line=line)
        problems += p1 + p2
        for c in cites:
            cited[lang][(c.law_id, c.section)] = cited[lang].get((c.law_id, c.section), 0) + 1
    assert [str(p) for p in problems] == []
    assert cited["nb"] == cited["en"]


def test_schema_file_is_up_to_date_and_validates_the_real_file():
    path = ROOT / "data" / "schemas" / "measures.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(), "run: PYTHONPATH=hooks python -m veileder.measures"
    jsonschema.validate(load_yaml((ROOT / REL).read_text(encoding="utf-8")).data, json.loads(schema_text()))


def test_an_entry_with_an_error_still_has_its_texts_checked(tmp_path):
    bad = GOOD.replace("    report: yes\n", "    report: maybe\n").replace("{nb: Kontaktforbud, en: Contact ban}", "{nb: Kontaktforbud}")
    measures, problems = load(tmp_path, bad)
    assert measures.ids == ["besoksforbud"] and measures.has_errors("kontaktforbud") and not measures.has_errors("besoksforbud")
    assert only(problems, "measure 'kontaktforbud', 'name:' has no English (en) text").line == line_of(textwrap.dedent(bad), "name: {nb: Kontaktforbud}")
    texts = [t for t, _, _ in measure_texts(measures)]
    assert "straffeloven § 57" in texts and "section 57 of the Penal Code" in texts  # for the legal and phone checks
