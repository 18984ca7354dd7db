"""Decision trees: each check fed its mistake, the published trees, the schema file, rendering."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.mutate import changed, parts
from veileder.problems import Problem
from veileder.tree_model import load_yaml, schema_text
from veileder.trees import backlinks, check_tree_text, load_trees, render_backlinks, render_tree, step_anchor

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"tiltak/besoksforbud.md", "taushetsplikt/avvergingsplikt.md", "tiltak/index.md"}
FILE = "data/trees/t.yml"


def no_registry(text, lang, file, line):
    return []


def check(yaml_text: str, *, check_text=no_registry, pages=PAGES, **checks):
    return check_tree_text(textwrap.dedent(yaml_text), FILE, "t", known_pages=pages, check_text=check_text, **checks)


GOOD = """\
id: t
title: {nb: Tittel, en: Title}
nodes:
  q1:
    type: question
    text: {nb: "Spørsmål?", en: "Question?"}
    answers:
      - label: {nb: Ja, en: "Yes"}
        next: o1
      - label: {nb: Nei, en: No}
        next: o2
  o1:
    type: outcome
    text: {nb: Gjør dette, en: Do this}
    actions:
      - {nb: Ring 112., en: Call 112.}
    links:
      - page: tiltak/besoksforbud.md
        text: {nb: Besøksforbud, en: Restraining order}
    legal:
      - {nb: straffeloven § 196, en: section 196 of the Penal Code}
    phones:
      - number: 112
        text: {nb: Politiet, en: Police}
  o2:
    type: outcome
    text: {nb: Gjør noe annet, en: Do something else}
    actions:
      - {nb: Følg med., en: Keep watch.}
"""


def only(problems: list[Problem], needle: str) -> Problem:
    hits = [p for p in problems if needle in p.what]
    assert len(hits) == 1, [str(p) for p in problems]
    return hits[0]


def test_a_good_tree_has_no_problems_and_yaml_quirks_are_handled():
    tree, problems = check(GOOD)
    assert problems == []
    assert tree.nodes["q1"].answers[1].label.en == "No"  # not the boolean False
    assert tree.nodes["o1"].phones[0].number == "112"  # not the integer 112


def test_yaml_syntax_error_names_the_line():
    tree, problems = check(GOOD.replace("    text: {nb: Gjør dette, en: Do this}", "    text: {nb: Gjør dette, en: Do this"))
    assert tree is None
    p = problems[0]
    assert p.file == FILE and p.line is not None and 14 <= p.line <= 16
    assert "YAML cannot be read" in str(p)


def test_a_text_cut_short_inside_braces_gets_a_helpful_fix():
    _, problems = check(GOOD.replace('{nb: "Spørsmål?", en: "Question?"}', '{nb: "Hva" nå?, en: What now?}'))
    assert problems[0].line == 6 and "ends too early" in problems[0].what and "quotes" in problems[0].fix


def test_a_tree_without_steps_is_a_problem_not_a_crash():
    tree, problems = check('id: t\ntitle: {nb: "Hva nå?", en: What now?}\nnodes: {}\n')
    assert tree is None
    p = only(problems, "the tree has no steps ('nodes:' is empty)")
    assert p.line == 3 and "add the steps under 'nodes:'" in p.fix


def test_an_unquoted_question_mark_inside_braces_is_read_as_written():
    # libyaml reads «Hva nå?» as the text it is; PyYAML's own parser would stop at the «?»
    tree, problems = check(GOOD.replace('{nb: "Spørsmål?", en: "Question?"}', "{nb: Hva nå?, en: What now?}"))
    assert problems == [] and tree.nodes["q1"].text.nb == "Hva nå?" and tree.nodes["q1"].text.en == "What now?"


def test_the_fast_and_the_plain_yaml_reader_read_every_published_data_file_alike():
    import yaml
    from veileder import tree_model
    for path in sorted((ROOT / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        fast, plain = tree_model._load(text, tree_model._FastLoader), tree_model._load(text, tree_model._Loader)
        assert fast.data == plain.data and fast.duplicates == plain.duplicates, path.name
    assert yaml.__with_libyaml__, "the pinned PyYAML wheel should bring libyaml (the fast reader)"


def test_schema_error_unknown_field_and_missing_field():
    bad = GOOD.replace("    type: outcome\n    text: {nb: Gjør noe annet", "    typ: outcome\n    text: {nb: Gjør noe annet")
    tree, problems = check(bad)
    assert tree is None
    unknown = only(problems, "step 'o2': unknown field 'typ:'")
    assert unknown.line == 26 and "did you mean 'type:'?" in unknown.fix
    missing = only(problems, "step 'o2': 'type:' is missing")
    assert missing.line == 25 and "add 'type: question' or 'type: outcome'" in missing.fix


def test_schema_error_wrong_type_value():
    _, problems = check(GOOD.replace("type: outcome\n    text: {nb: Gjør noe annet", "type: result\n    text: {nb: Gjør noe annet"))
    p = only(problems, "must be 'question' or 'outcome'")
    assert p.line == 26


def test_answer_leading_to_a_missing_node():
    _, problems = check(GOOD.replace("next: o2", "next: o3"))
    p = only(problems, "step 'q1', answer 2 leads to 'o3', which does not exist")
    assert p.line == 11 and "o1, o2" in p.fix
    only(problems, "nothing leads to the step 'o2'")


def test_node_nothing_leads_to():
    extra = GOOD + "  o3:\n    type: outcome\n    text: {nb: Foreldreløs, en: Orphan}\n    actions:\n      - {nb: X, en: X}\n"
    _, problems = check(extra)
    p = only(problems, "nothing leads to the step 'o3'")
    assert p.line == 30 and "next: o3" in p.fix


def test_loop():
    looped = GOOD.replace(
        "      - label: {nb: Nei, en: No}\n        next: o2",
        "      - label: {nb: Nei, en: No}\n        next: q2\n      - label: {nb: Kanskje, en: Maybe}\n        next: o2",
    ) + "  q2:\n    type: question\n    text: {nb: 'Igjen?', en: 'Again?'}\n    answers:\n      - label: {nb: Ja, en: Yes again}\n        next: q1\n"
    _, problems = check(looped)
    p = only(problems, "loop")
    assert "q1 → q2 → q1" in p.what
    assert p.line == 37  # the answer that goes back


def test_unreachable_island():
    island = GOOD + (
        "  a:\n    type: question\n    text: {nb: 'A?', en: 'A?'}\n    answers:\n      - label: {nb: B, en: B}\n        next: b\n"
        "  b:\n    type: question\n    text: {nb: 'B?', en: 'B?'}\n    answers:\n      - label: {nb: A, en: A}\n        next: a\n"
    )
    _, problems = check(island)
    assert {p.line for p in problems if "cannot be reached from the first step" in p.what} == {30, 36}
    assert any("loop" in p.what for p in problems)


def test_question_without_answers():
    bad = GOOD.replace(
        "  o2:\n", "  q9:\n    type: question\n    text: {nb: 'Hva?', en: 'What?'}\n  o2:\n"
    ).replace("next: o2", "next: q9")
    _, problems = check(bad)
    p = only(problems, "the question 'q9' has no answers")
    assert p.line == 25
    only(problems, "nothing leads to the step 'o2'")


def test_outcome_without_action():
    bad = GOOD.replace("    actions:\n      - {nb: Følg med., en: Keep watch.}\n", "")
    _, problems = check(bad)
    p = only(problems, "the outcome 'o2' has no action")
    assert p.line == 25 and "actions:" in p.fix


def test_link_to_a_page_that_does_not_exist():
    _, problems = check(GOOD.replace("page: tiltak/besoksforbud.md", "page: tiltak/besoksforbudd.md"))
    p = only(problems, "step 'o1', link 1: the page 'tiltak/besoksforbudd.md' does not exist")
    assert p.line == 18


def test_text_missing_in_one_language():
    _, problems = check(GOOD.replace("{nb: Gjør dette, en: Do this}", "{nb: Gjør dette}"))
    p = only(problems, "step 'o1', 'text:' has no English (en) text")
    assert p.line == 14 and "add 'en:" in p.fix
    _, problems = check(GOOD.replace("{nb: Ring 112., en: Call 112.}", "{nb: '', en: Call 112.}"))
    assert only(problems, "no Norwegian bokmål (nb) text").line == 16


def test_the_texts_of_a_broken_list_item_are_checked_in_the_same_run():
    bad = (GOOD.replace("      - label: {nb: Nei, en: No}\n        next: o2", "      - label: {nb: Nei}\n        nxt: o2")
               .replace("        text: {nb: Besøksforbud, en: Restraining order}", "        txt: x\n        text: {nb: Besøksforbud}"))
    _, problems = check(bad)
    assert only(problems, "answer 2: 'next:' is missing").line == 10
    assert only(problems, "answer 2, 'label:' has no English (en) text").line == 10
    assert only(problems, "unknown field 'txt:'")
    assert only(problems, "link 1, 'text:' has no English (en) text")


def test_registry_problems_for_every_text_in_both_languages():
    seen: list[tuple[str, str, int]] = []

    def registry(text, lang, file, line):
        seen.append((text, lang, line))
        if "§ 196" in text or "section 196" in text:
            return [Problem(file, line, f"unknown legal reference in «{text}»", "use one from data/laws.yml")]
        return []

    _, problems = check(GOOD, check_text=registry)
    assert {p.line for p in problems} == {21}
    assert len(problems) == 2  # nb and en
    assert ("112", "nb", 23) in seen and ("112", "en", 23) in seen
    assert ("Spørsmål?", "nb", 6) in seen and ("Question?", "en", 6) in seen
    assert ("Do this", "en", 14) in seen and ("Restraining order", "en", 19) in seen


def test_registry_crash_is_a_problem_not_a_traceback():
    def broken(text, lang, file, line):
        raise RuntimeError("boom")

    _, problems = check(GOOD, check_text=broken)
    assert problems and all("check failed" in p.what for p in problems)


def test_id_must_match_file_and_duplicate_keys():
    text = GOOD.replace("id: t", "id: other").replace("  o2:\n", "  o1:\n", 1)
    _, problems = check(text)
    only(problems, "differs from the file name")
    dup = only(problems, "two steps have the id 'o1' (lines 12 and 25)")
    assert dup.line == 25


def test_all_problems_in_one_run_and_load_trees_names_the_file(tmp_path):
    folder = tmp_path / "data" / "trees"
    folder.mkdir(parents=True)
    (folder / "good.yml").write_text(GOOD.replace("id: t", "id: good"), encoding="utf-8")
    bad = GOOD.replace("id: t", "id: bad").replace("next: o2", "next: o3").replace("page: tiltak/besoksforbud.md", "page: nope.md")
    (folder / "bad.yml").write_text(bad, encoding="utf-8")
    (folder / "broken.yml").write_text("id: [\n", encoding="utf-8")
    trees, problems = load_trees(folder, known_pages=PAGES, check_text=no_registry, rel_root=tmp_path)
    files = {p.file for p in problems}
    assert files == {"data/trees/bad.yml", "data/trees/broken.yml"}
    assert sum(p.file.endswith("bad.yml") for p in problems) == 3
    assert "good" in trees and "bad" in trees and "broken" not in trees
    assert re.match(r"data/trees/bad\.yml:\d+: .+ — .+", str(problems[0]) if problems[0].file.endswith("bad.yml") else str(problems[-1]))


def test_load_trees_on_an_empty_or_missing_folder(tmp_path):
    assert load_trees(tmp_path / "nope", known_pages=set(), check_text=no_registry, rel_root=tmp_path) == ({}, [])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    check_tree_text(text, FILE, "t", known_pages=PAGES, check_text=no_registry)


# ------------------------------------------------------------------------------ published trees


def _all_pages() -> set[str]:
    docs = ROOT / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}


def test_published_trees_have_no_structural_problems():
    trees, problems = load_trees(ROOT / "data" / "trees", known_pages=_all_pages(), check_text=no_registry, rel_root=ROOT)
    assert {"skal-politiet-involveres", "beskyttelsestiltak", "dele-opplysninger", "bekymring-mottatt"} <= set(trees)
    assert [str(p) for p in problems] == []
    for tid in trees:
        for lang in ("nb", "en"):
            assert (ROOT / "docs" / "beslutningsstotte" / f"{tid}{'.en' if lang == 'en' else ''}.md").exists()


def test_schema_file_is_up_to_date_and_validates_the_trees():
    path = ROOT / "data" / "schemas" / "tree.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(), "run: PYTHONPATH=hooks python -m veileder.tree_model"
    schema = json.loads(schema_text())
    for f in sorted((ROOT / "data" / "trees").glob("*.yml")):
        jsonschema.validate(load_yaml(f.read_text(encoding="utf-8")).data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "title": {"nb": "a"}, "nodes": {}}, schema)


# ------------------------------------------------------------------------------ rendering


def _tree():
    tree, problems = check(GOOD)
    assert not problems
    return tree


def test_render_is_one_raw_html_block_with_every_step():
    html = render_tree(_tree(), lang="nb", page_href=lambda p: "../../" + p.replace(".md", "/"))
    assert "\n\n" not in html
    assert all(line.count("<") == line.count(">") for line in html.splitlines())  # tags on one line
    for nid in ("q1", "o1", "o2"):
        assert f'id="steg=' + nid + '"' in html
    assert 'href="#steg=o1"' in html and "Steg 1:" in html and "Steg 2 – resultat:" in html
    assert 'href="../../tiltak/besoksforbud/"' in html
    assert "straffeloven § 196" in html and "Dette bør du gjøre" in html
    assert 'class="vtree-diagram"' in html
    en = render_tree(_tree(), lang="en", page_href=lambda p: p)
    assert 'id="step=q1"' in en and "What to do" in en and "Legal basis" in en


def test_render_escapes_text_and_copes_with_broken_trees():
    text = GOOD.replace('{nb: "Spørsmål?", en: "Question?"}', '{nb: "<b>&", en: "x"}').replace("next: o2", "next: gone")
    tree, _ = check(text)
    html = render_tree(tree, lang="nb", page_href=lambda p: p)
    assert "&lt;b&gt;&amp;" in html and "(steget mangler)" in html


def test_backlinks_and_box():
    links = backlinks({"t": _tree()})
    assert list(links) == ["tiltak/besoksforbud.md"]
    (tid, nid, labels), = links["tiltak/besoksforbud.md"]
    assert (tid, nid) == ("t", "o1") and labels["nb"].startswith("Tittel") and labels["en"].startswith("Title")
    box = render_backlinks(links["tiltak/besoksforbud.md"], lang="nb", tree_href=lambda t, n: f"../../beslutningsstotte/{t}/#{step_anchor(n, 'nb')}")
    assert "Brukes i beslutningsstøtte" in box and 'href="../../beslutningsstotte/t/#steg=o1"' in box
    assert "Used in decision support" in render_backlinks(links["tiltak/besoksforbud.md"], lang="en", tree_href=lambda t, n: "#")
    assert render_backlinks([], lang="nb", tree_href=lambda t, n: "#") == ""


# ------------------------------------------------------------------------------ every problem, in words


def test_a_schema_error_in_one_step_does_not_hide_the_other_problems():
    bad = GOOD.replace(
        "    type: outcome\n    text: {nb: Gjør noe annet, en: Do something else}",
        "    type: outcome\n    tekst: {nb: Gjør noe annet, en: Do something else}",
    ).replace("next: o1", "next: o9").replace("{nb: Besøksforbud, en: Restraining order}", "{nb: Besøksforbud}")
    bad += "  q2:\n    type: question\n    text: {nb: 'Rundt?', en: 'Around?'}\n    answers:\n      - label: {nb: Ja, en: Yes again}\n        next: q2\n"
    tree, problems = check(bad)
    assert tree is None
    kinds = {
        "step 'o2': unknown field 'tekst:'": 27,
        "step 'o2': 'text:' is missing": 25,
        "step 'q1', answer 1 leads to 'o9', which does not exist": 9,
        "nothing leads to the step 'o1'": 12,
        "step 'o1', link 1, 'text:' has no English (en) text": 19,
        "the answers form a loop: q2 → q2": 35,
    }
    for needle, line in kinds.items():
        assert only(problems, needle).line == line, needle
    assert not any("nothing leads to the step 'o2'" in p.what for p in problems)  # its answer is still read


def test_problems_inside_a_broken_step_are_still_found():
    bad = GOOD.replace("    links:\n      - page: tiltak/besoksforbud.md\n", "    lenker: 1\n    links:\n      - page: tiltak/nope.md\n")
    _, problems = check(bad, check_phone=lambda number, file, line: [Problem(file, line, f"phone {number}", "x")])
    assert only(problems, "step 'o1': unknown field 'lenker:'").line == 17
    assert only(problems, "link 1: the page 'tiltak/nope.md' does not exist").line == 19
    assert only(problems, "phone 112").line == 24


def test_the_place_of_a_problem_is_named_in_words():
    from veileder.tree_checks import _where

    assert _where(("nodes", "q1", "answers", 1, "label")) == "step 'q1', answer 2, 'label:'"
    assert _where(("nodes", "o1", "actions", 0, "en")) == "step 'o1', action 1, 'en:'"
    assert _where(("title",)) == "'title:'"
    assert _where(()) == "the tree"


def test_phone_number_field_is_checked_as_a_phone_number():
    seen = []

    def check_phone(number, file, line):
        seen.append((number, line))
        return [Problem(file, line, f"the phone number {number} is not in the phone registry", "use a known one")]

    _, problems = check(GOOD, check_phone=check_phone)
    assert seen == [("112", 23)]
    assert only(problems, "112 is not in the phone registry").line == 23


@pytest.mark.parametrize("text, needle, line", [
    ("", "the file is empty", 1),
    ("# only a comment\n", "the file is empty", 1),
    ("- id: t\n- nodes: {}\n", "the file holds a list, not a tree", 1),
    ('"a tree"\n', "the file holds a single value, not a tree", 1),
    ("id: t\nnodes:\n  a:\n\ttype: outcome\n", "the YAML cannot be read", 4),
])
def test_files_that_hold_no_tree(text, needle, line):
    tree, problems = check(text)
    assert tree is None
    assert only(problems, needle).line == line


def test_tabs_get_their_own_fix():
    _, problems = check("id: t\nnodes:\n  a:\n\ttype: outcome\n")
    assert "spaces, not tabs" in problems[0].fix


def test_a_text_written_as_one_string_asks_for_both_languages():
    _, problems = check(GOOD.replace("title: {nb: Tittel, en: Title}", "title: Tittel"))
    p = only(problems, "'title:' has one text, but needs one per language")
    assert p.line == 2 and '{nb: "…", en: "…"}' in p.fix


def test_a_link_to_a_heading_must_exist_in_both_languages():
    calls = []

    def check_anchor(page, anchor):
        calls.append((page, anchor))
        return "" if anchor == "good" else "is not a heading on the English page"

    good = GOOD.replace("page: tiltak/besoksforbud.md", "page: tiltak/besoksforbud.md#good")
    assert check(good, check_anchor=check_anchor)[1] == []
    _, problems = check(GOOD.replace("page: tiltak/besoksforbud.md", "page: tiltak/besoksforbud.md#bad"), check_anchor=check_anchor)
    p = only(problems, "'#bad' is not a heading on the English page")
    assert p.line == 18 and calls[-1] == ("tiltak/besoksforbud.md", "bad")


def test_the_same_tree_id_in_two_files(tmp_path):
    folder = tmp_path / "data" / "trees"
    folder.mkdir(parents=True)
    (folder / "t.yml").write_text(GOOD, encoding="utf-8")
    (folder / "t.yaml").write_text(GOOD, encoding="utf-8")
    trees, problems = load_trees(folder, known_pages=PAGES, check_text=no_registry, rel_root=tmp_path)
    assert list(trees) == ["t"]
    p = only(problems, "the tree id 't' is also used by data/trees/t.y")
    assert p.line == 1


# ------------------------------------------------------------------------------ the editors' guide


def _guide_example(lang: str) -> str:
    guide = (ROOT / "docs" / "om" / f"redaktorveiledning{'.en' if lang == 'en' else ''}.md").read_text(encoding="utf-8")
    section = guide.split("## Beslutningstrær" if lang == "nb" else "## Decision trees", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the decision-tree section of the editors' guide should hold one YAML example"
    return blocks[0]


def test_the_example_tree_in_the_editors_guide_passes_every_check():
    from veileder.legal import load_law_registry
    from veileder.phones import load_phone_registry
    from veileder.site_content import registry_checks
    import datetime as dt

    example = _guide_example("nb")
    assert _guide_example("en") == example, "the bokmål and English guides should show the same example"
    laws, p1 = load_law_registry(ROOT / "data" / "laws.yml")
    phones, p2 = load_phone_registry(ROOT / "data" / "phones.yml", today=dt.date.today())
    assert p1 == [] and p2 == []
    check_text, check_phone = registry_checks(laws, phones)
    stem = re.search(r"^id: (\S+)", example, re.M).group(1)
    tree, problems = check_tree_text(example, f"data/trees/{stem}.yml", stem, known_pages=_all_pages(),
                                     check_text=check_text, check_phone=check_phone)
    assert [str(p) for p in problems] == []
    assert tree is not None and {n.type for n in tree.nodes.values()} == {"question", "outcome"}
    assert example.startswith("# yaml-language-server: $schema=../schemas/tree.schema.json\n")
    jsonschema.validate(load_yaml(example).data, json.loads(schema_text()))
    # and the registries do catch a mistake in it
    _, problems = check_tree_text(example.replace('number: "112"', 'number: "22 22 22 22"'), "data/trees/x.yml", "x",
                                  known_pages=_all_pages(), check_text=check_text, check_phone=check_phone)
    assert any("22 22 22 22 is not in the phone registry" in p.what for p in problems)


def test_every_published_tree_file_names_its_schema_for_editors_tools():
    for path in sorted((ROOT / "data" / "trees").glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/tree.schema.json\n"), path.name


def test_a_step_id_that_cannot_go_in_an_address():
    _, problems = check(GOOD.replace("  o2:\n", "  O2:\n").replace("next: o2", "next: O2"))
    p = only(problems, "the step id 'O2' is not a valid id")
    assert p.line == 25 and "lowercase" in p.fix


@pytest.mark.parametrize("change, line, words", [
    (("    type: outcome\n    text: {nb: Gjør noe annet", "    type: outcome\n     text: {nb: Gjør noe annet"), 27, "a colon where YAML does not expect one"),
    (("    actions:\n      - {nb: Følg med.", "    actions:\n    - {nb: X, en: X}\n      - {nb: Følg med."), 30, "the indentation does not line up"),
    (("{nb: Følg med., en: Keep watch.}", "{nb: *viktig*, en: Keep watch.}"), 29, "a & or * sign YAML reads as a reference"),
    (("{nb: Ring 112., en: Call 112.}", "{nb: Ring 112., en: Call 112."), 17, "ends too early"),
])
def test_yaml_mistakes_are_said_plainly(change, line, words):
    tree, problems = check(GOOD.replace(*change))
    assert tree is None and len(problems) == 1
    assert problems[0].line == line and words in problems[0].what, str(problems[0])
    assert "<block" not in str(problems[0])


# Every readable tree can be drawn: the good tree with parts taken away or emptied, as an editor's
# half-finished file may have them. A tree the checks hand on (not None) must never crash the drawing.
_GOOD_DATA = load_yaml(GOOD).data
_PATHS = [p for p in parts(_GOOD_DATA) if p]
_PATH = st.one_of(st.sampled_from([p for p in _PATHS if len(p) <= 2]), st.sampled_from(_PATHS))  # whole parts as often as details


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PATH, st.sampled_from(["drop", None, "", [], {}])), min_size=1, max_size=3))
def test_a_tree_with_parts_missing_or_empty_is_reported_or_drawn_never_a_crash(changes):
    import yaml
    data = changed(_GOOD_DATA, changes)
    tree, problems = check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if tree is not None:
        for lang in ("nb", "en"):
            render_tree(tree, lang=lang, page_href=lambda p: p)


@pytest.mark.parametrize("text, line", [
    ("id: t\ntitle: &a {nb: *a, en: x}\nnodes: {}\n", 2),
    ("id: t\ntitle: {nb: x, en: x}\nnodes: &n\n  q1: *n\n", 3),
])
def test_an_alias_inside_its_own_anchor_is_a_problem_not_a_crash(text, line):
    tree, problems = check(text)
    assert tree is None and len(problems) == 1
    assert problems[0].line == line and "an alias (*…) stands inside the part its anchor (&…) names" in problems[0].what
    assert problems[0].fix == "write that part out in full instead of the alias"


def test_an_alias_that_repeats_a_part_elsewhere_is_still_read():
    tree, problems = check(GOOD.replace("title: {nb: Tittel, en: Title}", "title: &t {nb: Tittel, en: Title}")
                                .replace('text: {nb: "Spørsmål?", en: "Question?"}', "text: *t"))
    assert problems == [] and tree.nodes["q1"].text.nb == "Tittel"
