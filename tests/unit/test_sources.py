"""The sources registry (data/sources.yml) and the metadata lists (data/metadata.yml): each mistake
reported with its line, all in one run, never a crash; the real files; the schema file."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import yaml

from veileder.sources import load_lists, load_sources, schema_text

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_real_files_are_clean():
    sources, problems = load_sources(ROOT / "data" / "sources.yml")
    assert problems == [] and {"lovdata", "nou-2020-17"} <= {s.id for s in sources}
    lists, problems = load_lists(ROOT / "data" / "metadata.yml", sources)
    assert problems == [] and "police" in lists.audiences and lists.sources == {s.id for s in sources}


def test_schema_file_is_up_to_date_and_validates_the_real_file():
    assert (ROOT / "data" / "schemas" / "sources.schema.json").read_text(encoding="utf-8") == schema_text(), \
        "run: PYTHONPATH=hooks python -m veileder.sources"
    jsonschema.validate(yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8")), json.loads(schema_text()))


def test_every_mistake_in_sources_is_reported_with_its_line(tmp_path):
    sources, problems = load_sources(write(tmp_path, "s.yml", """\
        - id: god
          publisher: {nb: Utgiver, en: Publisher}
          title: En kilde
          year: 2020
          url: https://example.org/
        - publisher: {nb: Utgiver, en: ""}
          title: Uten id
        - id: Stor Bokstav
          publisher: Utgiver
          title: T
          url: www.example.org
        - id: god
          publisher: Utgiver
          title: Samme id
          year: tjue
    """))
    found = [str(p) for p in problems]
    assert [s.id for s in sources] == ["god"]
    assert any(m.startswith("data/sources.yml:6: source 2, 'id:' is missing") for m in found), found
    assert any(m.startswith("data/sources.yml:8: source 'Stor Bokstav', 'id:' is not a valid id") for m in found), found
    assert any(m.startswith("data/sources.yml:11: source 'Stor Bokstav', 'url:'") for m in found), found
    assert any(m.startswith("data/sources.yml:15: source 'god', 'year:'") for m in found), found
    assert all(" — " in m for m in found)


def test_a_duplicate_id_and_a_missing_language_are_reported(tmp_path):
    sources, problems = load_sources(write(tmp_path, "s.yml", """\
        - id: a
          publisher: {nb: Utgiver, en: ""}
          title: Første
        - id: a
          publisher: Utgiver
          title: Andre
    """))
    found = [str(p) for p in problems]
    assert "data/sources.yml:4: the source id 'a' is used twice (also on line 1) — give each source its own id" in found
    assert any(m.startswith("data/sources.yml:2: source 'a', 'publisher:' has no English (en) text") for m in found), found
    assert [s.id for s in sources] == ["a"]


def test_broken_files_are_reported_not_raised(tmp_path):
    assert load_sources(write(tmp_path, "a.yml", "id: x\n"))[1][0].what == "the file does not hold a list of sources"
    assert load_sources(write(tmp_path, "b.yml", "- id: [x\n"))[1][0].line is not None
    assert "missing" in load_sources(tmp_path / "none.yml")[1][0].what
    lists, problems = load_lists(write(tmp_path, "m.yml", "audiences:\n  police: {nb: Politiet}\n"), [])
    found = [str(p) for p in problems]
    assert any("'owners:' is missing" in m for m in found), found
    assert lists.audiences == {}
    lists, problems = load_lists(write(tmp_path, "m2.yml", "audiences:\n  police: {nb: Politiet, en: ''}\nowners:\n  x: {nb: X, en: X}\n"), [])
    assert any(m.startswith("data/metadata.yml:2: audience 'police' has no English (en) text") for m in map(str, problems))
