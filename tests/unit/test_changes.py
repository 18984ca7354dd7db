"""What's new (data/changes.yml): each check fed its mistake, the real file, the schema file, and
the list readers see in both languages."""
from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import jsonschema

from veileder.changes import change_texts, load_changes, render_changes, schema_text
from veileder.generated_pages import whats_new
from veileder.tree_model import load_yaml

ROOT = Path(__file__).resolve().parents[2]
REL = "data/changes.yml"
TODAY = dt.date(2026, 12, 1)
PAGES = {"tiltak/besoksforbud.md", "index.md"}


def load(tmp_path, text, pages=PAGES):
    path = tmp_path / "changes.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_changes(path, known_pages=pages, today=TODAY)


def messages(problems):
    return [str(p) for p in problems]


def test_the_real_file_is_clean_and_names_real_pages():
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if not p.name.endswith(".en.md")}
    changes, problems = load_changes(ROOT / REL, known_pages=pages, today=dt.date.today())
    assert problems == [] and changes
    assert [c.date for c in changes] == sorted((c.date for c in changes), reverse=True)


def test_schema_file_is_up_to_date_and_validates_the_real_file():
    path = ROOT / "data" / "schemas" / "changes.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(), "run: PYTHONPATH=hooks python -m veileder.changes"
    data = load_yaml((ROOT / REL).read_text(encoding="utf-8")).data
    data = json.loads(json.dumps(data, default=str))  # dates as JSON gives them
    jsonschema.validate(data, json.loads(schema_text()))


def test_every_mistake_is_reported_with_its_line_in_one_run(tmp_path):
    changes, problems = load(tmp_path, """\
        changes:
          - date: 2026-11-01
            text: {nb: Ny side om besøksforbud., en: ""}
            pages: [tiltak/besoksforbud.md, tiltak/finnes-ikke.md]
          - date: 2027-01-01
            text: {nb: Fremtidig., en: Future.}
          - date: 1. mars 2026
            text: {nb: Feil dato., en: Wrong date.}
          - date: 2026-10-01
            tekst: {nb: Feil nøkkel., en: Wrong key.}
    """)
    found = messages(problems)
    assert "data/changes.yml:3: change 1, 'text:' has no English (en) text — add 'en: …' so that both languages say the same" in found
    assert any(m.startswith("data/changes.yml:4: no page 'tiltak/finnes-ikke.md' in docs/") for m in found), found
    assert any(m.startswith("data/changes.yml:5: the change dated 2027-01-01 lies in the future") for m in found), found
    assert "data/changes.yml:7: change 3, 'date:' is not a date — write the date as YYYY-MM-DD, e.g. 2026-11-23" in found, found
    assert any(m.startswith("data/changes.yml:10: change 4: unknown field 'tekst:'") for m in found), found
    assert len(problems) >= 6 and all(" — " in m for m in found)
    assert [c.date for c in changes] == [dt.date(2027, 1, 1), dt.date(2026, 11, 1)]  # the readable ones, newest first


def test_bad_yaml_and_wrong_shape_are_reported_not_raised(tmp_path):
    _, problems = load(tmp_path, "changes:\n  - date: 2026-11-01\n    text: {nb: a, en: b\n")
    assert problems and problems[0].file == REL and problems[0].line
    _, problems = load(tmp_path, "- date: 2026-11-01\n")
    assert messages(problems) == ["data/changes.yml:1: the file does not hold a list of changes — start with 'changes:' followed by one '- date: …' entry per change"]
    _, problems = load_changes(tmp_path / "missing.yml", known_pages=PAGES, today=TODAY)
    assert problems and "missing" in problems[0].what


def test_texts_are_handed_to_the_reference_checks_with_their_lines(tmp_path):
    changes, _ = load(tmp_path, """\
        changes:
          - date: 2026-11-01
            text:
              nb: Se straffeloven § 168.
              en: See straffeloven § 168.
    """)
    assert change_texts(changes) == [("Se straffeloven § 168.", "nb", 3), ("See straffeloven § 168.", "en", 3)]


def test_rendered_newest_first_with_dates_and_page_links_in_each_language(tmp_path):
    changes, _ = load(tmp_path, """\
        changes:
          - date: 2026-10-01
            text: {nb: Eldre endring., en: Older change.}
          - date: 2026-11-01
            text: {nb: Nyere endring., en: Newer change.}
            pages: [tiltak/besoksforbud.md]
    """)
    link = lambda rel: ("Besøksforbud", "../tiltak/besoksforbud.md")  # noqa: E731
    nb = render_changes(changes, lang="nb", link=link)
    assert nb.index("### 1. november 2026") < nb.index("Nyere endring.") < nb.index("### 1. oktober 2026") < nb.index("Eldre endring.")
    assert "Gjelder: [Besøksforbud](../tiltak/besoksforbud.md)." in nb
    en = render_changes(changes, lang="en", link=link)
    assert "### 1 November 2026" in en and "Newer change. Concerns: [Besøksforbud]" in en


def test_whats_new_page_lists_changes_then_recently_reviewed_pages(tmp_path):
    changes, _ = load(tmp_path, """\
        changes:
          - date: 2026-11-01
            text: {nb: En endring., en: A change.}
    """)
    page = type("P", (), {})()
    page.lang, page.rel = "nb", "tiltak/besoksforbud.md"
    page.meta = type("M", (), {"reviewed": dt.date(2026, 11, 20), "title": "Besøksforbud", "description": "Om besøksforbud."})()
    text = whats_new({"tiltak/besoksforbud.md": page}, None, lang="nb", changes=changes, page_link=lambda r: ("Besøksforbud", "b.md"))
    assert text.index("## Endringer i innholdet") < text.index("En endring.") < text.index("## Sist faglig vurderte sider") < text.index("[Besøksforbud](b.md) – Om besøksforbud.")
    empty = whats_new({}, None, lang="en", changes=[], page_link=lambda r: ("", ""))
    assert "No changes have been listed yet." in empty


def test_the_example_in_the_editors_guide_passes_the_checks(tmp_path):
    for name, heading in (("redaktorveiledning.md", "## Hva er nytt\n"), ("redaktorveiledning.en.md", "## What's new\n")):
        text = (ROOT / "docs" / "om" / name).read_text(encoding="utf-8")
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]  # the section on the log of changes
        blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
        assert len(blocks) == 1, (name, "the section on What's new should hold one YAML example")
        example = blocks[0]
        changes, problems = load(tmp_path, example, pages={"tiltak/omvendt-voldsalarm.md"})
        assert problems == [] and len(changes) == 1, (name, problems)


def test_a_page_that_does_not_exist_is_reported_and_not_linked(tmp_path):
    changes, problems = load(tmp_path, """\
        changes:
          - date: 2026-11-01
            text: {nb: Ny side., en: New page.}
            pages: [tiltak/besoksforbud.md, "", tiltak/finnes-ikke.md]
    """)
    assert [p.line for p in problems] == [4, 4] and all("in docs/" in p.what for p in problems)
    assert changes[0].pages == ["tiltak/besoksforbud.md"]
    md = render_changes(changes, lang="nb", link=lambda p: ("Besøksforbud", "../" + p))
    assert "finnes-ikke" not in md and "(../tiltak/besoksforbud.md)" in md
