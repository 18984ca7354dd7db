"""The strict build with broken decision trees: every problem listed as `file:line: what — how to fix`,
each naming the tree's file, all in one run, and never a traceback."""
from __future__ import annotations

import re

BROKEN = """\
# yaml-language-server: $schema=../schemas/tree.schema.json
id: x
title: {nb: Prøvetre, en: Probe tree}
nodes:
  start:
    type: question
    text: {nb: "Første spørsmål?", en: "First question?"}
    answers:
      - label: {nb: A, en: A}
        next: tom
      - label: {nb: B, en: B}
        next: borte
      - label: {nb: C, en: C}
        next: uten-tiltak
      - label: {nb: D, en: D}
        next: rundt-a
  tom:
    type: question
    text: {nb: "Tomt?", en: "Empty?"}
  uten-tiltak:
    type: outcome
    text: {nb: Ingen handling, en: No action}
    links:
      - page: tiltak/finnes-ikke.md
        text: {nb: Borte, en: Gone}
  rundt-a:
    type: question
    text: {nb: "Rundt A?", en: "Around A?"}
    answers:
      - label: {nb: Videre, en: On}
        next: rundt-b
  rundt-b:
    type: question
    text: {nb: "Rundt B?", en: "Around B?"}
    answers:
      - label: {nb: Tilbake, en: Back}
        next: rundt-a
      - label: {nb: Slutt}
        next: slutt
  slutt:
    type: outcome
    text: {nb: Slutt, en: The end}
    actions:
      - nb: Se straffeloven § 999.
        en: See section 999 of the Penal Code.
    phones:
      - number: "22 22 22 22"
        text: {nb: Ukjent, en: Unknown}
  ensom:
    type: outcome
    text: {nb: Ensom, en: Lonely}
    actions:
      - {nb: Ingenting, en: Nothing}
  skrivefeil:
    type: outcome
    tekst: {nb: Skrivefeil, en: Typo}
    actions: [{nb: X, en: X}]
"""


def test_a_broken_tree_fails_the_strict_build_with_every_problem_named_by_file_and_line(mini_site, tmp_path):
    trees = mini_site.root / "data" / "trees"
    (trees / "x.yml").write_text(BROKEN, encoding="utf-8")
    (trees / "y.yml").write_text('id: y\ntitle: {nb: Hva: nå, en: What now?}\nnodes: {}\n', encoding="utf-8")
    (trees / "w.yml").write_text('id: w\ntitle: {nb: "Hva nå?", en: What now?}\nnodes: {}\n', encoding="utf-8")
    (trees / "z.yml").write_text("- id: z\n", encoding="utf-8")
    (trees / "tom.yml").write_text("", encoding="utf-8")
    mini_site.pair("a/tre.md", "{{ tree: x }}\n\n{{ tree: y }}\n", "{{ tree: x }}\n\n{{ tree: y }}\n")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode != 0
    log = result.stderr + result.stdout
    assert "Traceback" not in log
    expected = [
        "data/trees/x.yml:12: step 'start', answer 2 leads to 'borte', which does not exist — ",
        "data/trees/x.yml:17: the question 'tom' has no answers — ",
        "data/trees/x.yml:20: the outcome 'uten-tiltak' has no action — ",
        "data/trees/x.yml:24: step 'uten-tiltak', link 1: the page 'tiltak/finnes-ikke.md' does not exist — ",
        "data/trees/x.yml:37: the answers form a loop: rundt-a → rundt-b → rundt-a — ",
        "data/trees/x.yml:38: step 'rundt-b', answer 2, 'label:' has no English (en) text — ",
        "data/trees/x.yml:44: «straffeloven § 999» — ",
        "data/trees/x.yml:45: «section 999 of the Penal Code» — ",
        "data/trees/x.yml:47: the phone number 22 22 22 22 is not in the phone registry — ",
        "data/trees/x.yml:49: nothing leads to the step 'ensom' — ",
        "data/trees/x.yml:54: step 'skrivefeil': 'text:' is missing — ",
        "data/trees/x.yml:56: step 'skrivefeil': unknown field 'tekst:' — did you mean 'text:'?",
        "data/trees/y.yml:2: the YAML cannot be read: ",
        "data/trees/w.yml:3: the tree has no steps ('nodes:' is empty) — ",
        "data/trees/z.yml:1: the file holds a list, not a tree — ",
        "data/trees/tom.yml:1: the file is empty — ",
        "docs/a/tre.md:10: the decision tree 'x' cannot be shown, because its file has errors — fix the problems reported for data/trees/x.yml",
        "docs/a/tre.en.md:12: the decision tree 'y' cannot be shown, because its file has errors — ",
    ]
    missing = [e for e in expected if e not in log]
    assert not missing, f"not reported: {missing}\n\n{log[-6000:]}"
    # every message about a tree file names it and its line, and says how to fix it
    tree_lines = [line for line in log.splitlines() if "data/trees/" in line]
    assert tree_lines and all(re.search(r"veileder: data/trees/[a-z]+\.yml:\d+: .+ — .+", line) or "docs/a/tre" in line for line in tree_lines)
    assert "Aborted with" in log and "in strict mode" in log


def test_a_good_tree_builds_and_is_drawn_in_both_languages(mini_site, tmp_path):
    good = BROKEN.split("  tom:\n")[0].replace("next: tom", "next: slutt").replace("next: borte", "next: slutt") \
        .replace("next: uten-tiltak", "next: slutt").replace("next: rundt-a", "next: slutt")
    good += "  slutt:\n    type: outcome\n    text: {nb: Slutt, en: The end}\n    actions:\n      - {nb: Ring 112., en: Call 112.}\n" \
            "    links:\n      - page: tiltak/besoksforbud.md\n        text: {nb: Besøksforbud, en: Restraining order}\n"
    (mini_site.root / "data" / "trees" / "x.yml").write_text(good, encoding="utf-8")
    mini_site.pair("a/tre.md", "{{ tree: x }}\n", "{{ tree: x }}\n")
    result = mini_site.build(tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    nb = (tmp_path / "out" / "a" / "tre" / "index.html").read_text(encoding="utf-8")
    en = (tmp_path / "out" / "en" / "a" / "tre" / "index.html").read_text(encoding="utf-8")
    assert 'id="vtree-x"' in nb and 'id="steg=slutt"' in nb and 'href="tel:112"' in nb
    assert 'id="vtree-x"' in en and 'id="step=slutt"' in en and "Probe tree" in en
    backlink = (tmp_path / "out" / "tiltak" / "besoksforbud" / "index.html").read_text(encoding="utf-8")
    assert "Brukes i beslutningsstøtte" in backlink and 'href="../../a/tre/#steg=slutt"' in backlink
