"""The duty matrix (data/duties.yml): each check fed its mistake, the real file, the schema file,
and the matrix in both languages."""
from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import jsonschema
import markdown
import pytest

from veileder.duties import KINDS, duty_texts, load_duties, render_duty_matrix, schema_text
from veileder.problems import Problem
from veileder.tree_model import load_yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REL = "data/duties.yml"
PAGES = {"taushetsplikt/avvergingsplikt.md", "taushetsplikt/taushetsplikt-og-samtykke.md", "aktorer/politiet.md"}
EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables"]

GOOD = """\
duties:
  - id: confidentiality
    name: {nb: Taushetsplikt, en: Confidentiality}
    topic: {nb: taushetsplikten, en: confidentiality}
  - id: duty-to-avert
    name: {nb: Avvergingsplikt, en: Duty to avert}
    topic: {nb: avvergingsplikten, en: the duty to avert}
professions:
  - id: health
    name: {nb: Helsepersonell, en: Health personnel}
    cells:
      confidentiality:
        kind: must-not
        text: {nb: Taushetsplikt., en: Confidentiality.}
        legal_basis: {nb: helsepersonelloven § 21, en: section 21 of the Health Personnel Act}
        page: taushetsplikt/taushetsplikt-og-samtykke.md
      duty-to-avert:
        kind: must
        text: {nb: Gjelder alle., en: Applies to everyone.}
        legal_basis: {nb: straffeloven § 196, en: section 196 of the Penal Code}
        page: taushetsplikt/avvergingsplikt.md
  - id: police
    name: {nb: Politiet, en: The police}
    cells:
      confidentiality:
        kind: depends
        text: {nb: Egne regler., en: Own rules.}
        legal_basis: {nb: Politiets egne regler; paragraf ikke angitt, en: The police's own rules; no section given}
        page: taushetsplikt/taushetsplikt-og-samtykke.md
      duty-to-avert:
        kind: not-applicable
        text: {nb: Politiet er selv nødetat., en: The police are an emergency service.}
        page: aktorer/politiet.md
        topic: {nb: politiet, en: the police}
"""


def load(tmp_path: Path, text: str, pages=PAGES):
    path = tmp_path / "duties.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_duties(path, known_pages=pages, rel=REL)


def only(problems: list[Problem], needle: str) -> Problem:
    hits = [p for p in problems if needle in p.what]
    assert len(hits) == 1, [str(p) for p in problems]
    return hits[0]


def line_of(text: str, needle: str, nth: int = 0) -> int:
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][nth]


# ------------------------------------------------------------------------------------ checks


def test_a_good_file_has_no_problems(tmp_path):
    duties, problems = load(tmp_path, GOOD)
    assert problems == []
    assert [p.id for p in duties.professions] == ["health", "police"]
    assert duties.cell("police", "duty-to-avert").kind == "not-applicable"


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = GOOD.replace("text: {nb: Gjelder alle., en: Applies to everyone.}", "text: {nb: Gjelder alle., en: Applies")
    duties, problems = load(tmp_path, bad)
    assert duties.professions == [] and len(problems) == 1
    assert "cannot be read" in problems[0].what and problems[0].line


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    duties, problems = load_duties(tmp_path / "nope.yml", known_pages=PAGES, rel=REL)
    assert duties.professions == [] and only(problems, "missing").file == REL


def test_schema_errors_name_their_lines(tmp_path):
    bad = GOOD.replace("kind: must\n", "kind: shall\n").replace("    topic: {nb: taushetsplikten, en: confidentiality}\n", "")
    duties, problems = load(tmp_path, bad)
    text = textwrap.dedent(bad)
    kind = only(problems, "not allowed")
    assert kind.line == line_of(text, "kind: shall") and "must-not" in kind.fix
    assert only(problems, "duty 'confidentiality', 'topic:' is missing").line == line_of(text, "- id: confidentiality")
    # what can be read is kept for the other checks; the cells left out are not reported again as missing
    assert [p.id for p in duties.professions] == ["health", "police"] and [d.id for d in duties.duties] == ["duty-to-avert"]
    assert not [p for p in problems if "has no cell" in p.what], [str(p) for p in problems]


def test_a_schema_error_does_not_hide_the_files_other_problems(tmp_path):
    bad = (GOOD.replace("kind: must\n", "kind: shall\n")
               .replace("text: {nb: Egne regler., en: Own rules.}", "text: {nb: Egne regler.}")
               .replace("        page: aktorer/politiet.md", "        page: aktorer/finnes-ikke.md"))
    bad += "      pligt:\n        kind: may\n        text: {nb: X., en: X.}\n        legal_basis: {nb: Y, en: Y}\n        page: aktorer/politiet.md\n"
    _, problems = load(tmp_path, bad)
    found = [str(p) for p in problems]
    assert only(problems, "not allowed")  # the schema error
    assert only(problems, "cell 'confidentiality', 'text:' has no English (en) text"), found
    assert only(problems, "the page 'aktorer/finnes-ikke.md' does not exist"), found
    assert only(problems, "'police' has a cell for 'pligt', which is not a duty"), found


def test_unknown_field_and_bad_page_path(tmp_path):
    bad = GOOD.replace("        page: aktorer/politiet.md", "        page: aktorer/Politiet\n        colour: red")
    _, problems = load(tmp_path, bad)
    text = textwrap.dedent(bad)
    assert only(problems, "unknown field").line == line_of(text, "colour: red")
    assert only(problems, "is not a page path").line == line_of(text, "page: aktorer/Politiet")


def test_missing_language(tmp_path):
    bad = GOOD.replace("text: {nb: Egne regler., en: Own rules.}", "text: {en: Own rules.}")
    _, problems = load(tmp_path, bad)
    p = only(problems, "has no Norwegian bokmål")
    assert "profession 'police', cell 'confidentiality', 'text:'" in p.what
    assert p.line == line_of(textwrap.dedent(bad), "text: {en: Own rules.}")


def test_unknown_page(tmp_path):
    bad = GOOD.replace("page: aktorer/politiet.md", "page: aktorer/politi.md")
    _, problems = load(tmp_path, bad)
    p = only(problems, "'aktorer/politi.md' does not exist")
    assert p.line == line_of(textwrap.dedent(bad), "page: aktorer/politi.md")


def test_missing_cell_and_cell_for_unknown_duty(tmp_path):
    bad = GOOD.replace("      duty-to-avert:\n        kind: must\n", "      duty-to-avrt:\n        kind: must\n")
    _, problems = load(tmp_path, bad)
    text = textwrap.dedent(bad)
    assert only(problems, "no cell for the duty 'duty-to-avert'").line == line_of(text, "cells:")
    p = only(problems, "'duty-to-avrt', which is not a duty")
    assert p.line == line_of(text, "duty-to-avrt:") and "duty-to-avert" in p.fix


def test_legal_basis_required_unless_not_applicable(tmp_path):
    bad = GOOD.replace("        legal_basis: {nb: straffeloven § 196, en: section 196 of the Penal Code}\n", "")
    _, problems = load(tmp_path, bad)
    p = only(problems, "has no legal_basis")
    assert "'health' / 'duty-to-avert'" in p.what
    assert p.line == line_of(textwrap.dedent(bad), "      duty-to-avert:")


def test_one_link_text_must_lead_to_one_page(tmp_path):
    # the police's cell links «Les mer om avvergingsplikten» to another page than the health cell
    bad = GOOD.replace("        topic: {nb: politiet, en: the police}\n", "")
    _, problems = load(tmp_path, bad)
    hits = [p for p in problems if "must always lead" in p.fix]
    assert len(hits) == 2  # once per language
    assert "«Les mer om avvergingsplikten»" in hits[0].what or "«Les mer om avvergingsplikten»" in hits[1].what
    assert hits[0].line == line_of(textwrap.dedent(bad), "page: aktorer/politiet.md")


def test_duplicate_ids(tmp_path):
    bad = GOOD.replace("  - id: police", "  - id: health")
    _, problems = load(tmp_path, bad)
    assert only(problems, "profession 'health' is listed twice").line == line_of(textwrap.dedent(bad), "- id: health", 1)


def test_duty_texts_give_every_text_with_its_line(tmp_path):
    duties, _ = load(tmp_path, GOOD)
    texts = duty_texts(duties)
    assert ("straffeloven § 196", "nb", line_of(GOOD, "straffeloven § 196")) in texts
    assert ("the police", "en", line_of(GOOD, "topic: {nb: politiet")) in texts
    assert all(line > 0 for _, _, line in texts)


# ------------------------------------------------------------------------------------ rendering


@pytest.mark.parametrize("lang,kind,more,legal", [
    ("nb", "Må", "Les mer om avvergingsplikten", "Lovgrunnlag:"),
    ("en", "Must", "Read more about the duty to avert", "Legal basis:"),
])
def test_matrix_in_both_languages(tmp_path, lang, kind, more, legal):
    duties, _ = load(tmp_path, GOOD)
    md = render_duty_matrix(duties, lang=lang, link=lambda p: "../" + p)
    html = markdown.markdown(md, extensions=EXTENSIONS)
    region = re.search(r'<div ([^>]*class="vtable-scroll"[^>]*)>', html).group(1)
    assert 'role="region"' in region and 'tabindex="0"' in region and "aria-label=" in region
    assert f'>{kind}</span>' in html  # the kind as a word, not only a colour
    assert f'<a href="../taushetsplikt/avvergingsplikt.md">{more}</a>' in html
    assert legal in html
    assert html.count('<th scope="row">') == 2 and html.count('<th scope="col">') == 3
    assert "<p><" not in html.split('class="vtable-scroll"')[1] and "](" not in html
    # the legend explains only the kinds used
    legend = html.split('class="vtable-scroll"')[0]
    assert KINDS["may"][lang] not in legend and KINDS["must-not"][lang] in legend


def test_not_applicable_cell_has_no_legal_basis_line(tmp_path):
    duties, _ = load(tmp_path, GOOD)
    md = render_duty_matrix(duties, lang="nb", link=lambda p: p)
    police_avert = [line for line in md.splitlines() if "Politiet er selv nødetat" in line][0]
    assert "Lovgrunnlag" not in police_avert and "Les mer om politiet" in police_avert


def test_empty_matrix_renders_nothing():
    from veileder.duties import Duties

    assert render_duty_matrix(Duties(), lang="nb", link=lambda p: p) == ""


# ------------------------------------------------------------------------------------ the real data


def _known_pages() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md")}


def test_real_file_loads_with_no_problems_and_is_complete():
    duties, problems = load_duties(ROOT / REL, known_pages=_known_pages())
    assert [str(p) for p in problems] == []
    assert [d.id for d in duties.duties] == ["confidentiality", "consent", "duty-to-avert", "child-welfare", "emergency-services"]
    assert {p.id for p in duties.professions} == {"health", "crisis-centre", "child-welfare", "nav", "police", "school", "other-public"}
    # the duty to avert applies to everyone, regardless of confidentiality
    assert all(p.cells["duty-to-avert"].kind == "must" for p in duties.professions)
    assert duties.cell("health", "child-welfare").legal_basis.nb == "helsepersonelloven § 33"
    assert duties.cell("crisis-centre", "child-welfare").legal_basis.nb == "krisesenterlova § 6"
    assert duties.cell("nav", "child-welfare").legal_basis.nb == "barnevernsloven § 13-2"
    assert duties.cell("health", "emergency-services").legal_basis.nb == "helsepersonelloven § 31"


def test_real_texts_pass_the_legal_and_phone_checks_and_agree_between_languages():
    from veileder.legal import link_legal_refs, load_law_registry
    from veileder.phones import link_phone_numbers, load_phone_registry

    laws, _ = load_law_registry(ROOT / "data" / "laws.yml")
    phones, _ = load_phone_registry(ROOT / "data" / "phones.yml", today=dt.date.today())
    duties, _ = load_duties(ROOT / REL, known_pages=_known_pages())
    problems, cited = [], {"nb": {}, "en": {}}
    for text, lang, line in duty_texts(duties):
        assert "§ 23" not in text  # unverified after 1 July 2026
        _, cites, p1 = link_legal_refs(text, lang=lang, registry=laws, file=REL, first_line=line)
        _, _, p2 = link_phone_numbers(text, lang=lang, registry=phones, file=REL, first_line=line)
        problems += p1 + p2
        for c in cites:
            cited[lang][(c.law_id, c.section)] = cited[lang].get((c.law_id, c.section), 0) + 1
    assert [str(p) for p in problems] == []
    assert cited["nb"] == cited["en"]


def test_duty_matrix_pages_exist_with_the_marker():
    for name in ("pliktoversikt.md", "pliktoversikt.en.md"):
        text = (DOCS / "taushetsplikt" / name).read_text(encoding="utf-8")
        assert text.count("{{ duty-matrix }}") == 1
        assert "owner: juridisk-redaksjon" in text and "reviewed: 2026-11-23" in text


def test_schema_file_is_up_to_date_and_validates_the_real_file():
    path = ROOT / "data" / "schemas" / "duties.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(), "run: PYTHONPATH=hooks python -m veileder.duties"
    jsonschema.validate(load_yaml((ROOT / REL).read_text(encoding="utf-8")).data, json.loads(schema_text()))
