import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit._phone_fixtures import REGISTRY_PATH, ROOT, TODAY, real_registry
from veileder.phone_registry import (
    MAX_VERIFIED_AGE_MONTHS,
    add_months,
    export_schema,
    load_phone_registry,
    schema_text,
)

SCHEMA_PATH = ROOT / "data" / "schemas" / "phones.schema.json"

ENTRY = """\
  - id: {id}
    number: '{number}'
    owner: {{nb: Eier, en: Owner}}
    purpose: {{nb: Formål, en: Purpose}}
    hours: {{nb: Hele døgnet, en: Always}}
    free: true
    category: helpline
    confidence: {confidence}
{source}{verified}"""


def entry(id="test", number="116 006", confidence="high", source="facts.md", verified="2026-11-15"):
    return ENTRY.format(
        id=id, number=number, confidence=confidence,
        source=f"    source: '{source}'\n" if source is not None else "",
        verified=f"    verified: {verified}\n" if verified is not None else "",
    )


def load(tmp_path: Path, text: str, today: date = TODAY):
    path = tmp_path / "phones.yml"
    path.write_text(text, encoding="utf-8")
    return load_phone_registry(path, today=today)


def test_committed_schema_equals_the_export():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "data/schemas/phones.schema.json is out of date: run "
        "PYTHONPATH=hooks .venv/bin/python -m veileder.phone_registry > data/schemas/phones.schema.json"
    )


def test_real_registry_validates_against_the_committed_schema():
    data = yaml.safe_load(REGISTRY_PATH.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # JSON has no dates: the YAML dates are checked as strings
    for e in data["phones"]:
        e["verified"] = e["verified"].isoformat()
    jsonschema.validate(data, schema)


def test_real_registry_loads_without_problems():
    registry = real_registry()
    keys = {e.key for e in registry.entries}
    assert {"112", "110", "113", "1412", "02800", "116117", "116111", "116006", "80057000",
            "116123", "22400040", "80040008"} == keys


def test_real_registry_publishes_only_verified_numbers_with_source_and_date():
    for e in real_registry().entries:
        assert e.confidence in {"high", "medium-high", "medium"}
        assert e.source.strip()
        assert e.verified <= date.today()


def test_unconfirmed_hours_are_said_honestly():
    e = real_registry().by_key["80040008"]
    assert "ikke bekreftet" in e.hours.nb
    assert "not confirmed" in e.hours.en


def test_header_flag_marks_112_and_02800():
    assert [e.key for e in real_registry().entries if e.header] == ["112", "02800"]


def test_the_age_limit_is_twelve_months():
    assert MAX_VERIFIED_AGE_MONTHS == 12


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 2, 28), -12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), -12) == date(2023, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_good_entry_loads(tmp_path):
    registry, problems = load(tmp_path, "phones:\n" + entry())
    assert problems == []
    assert registry.lookup("116006").id == "test"


def test_stale_entries_are_all_listed_with_their_lines(tmp_path):
    text = "phones:\n" + entry(id="a", number="116 006", verified="2025-11-01") + entry(
        id="b", number="22 40 00 40", verified="2020-01-01") + entry(id="c", number="112", verified="2026-01-01")
    registry, problems = load(tmp_path, text)
    assert len(problems) == 2
    assert str(problems[0]).startswith("data/phones.yml:11: phone entry 'a' (116 006) was last verified on 2025-11-01, "
                                       "more than 12 months ago — ")
    assert problems[1].line == 21 and "'b' (22 40 00 40)" in problems[1].what
    # stale entries stay linkable; the build fails on the problem
    assert registry.lookup("116006") is not None


def test_exactly_twelve_months_is_still_fresh(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(verified="2025-11-23"))
    assert problems == []
    _, problems = load(tmp_path, "phones:\n" + entry(verified="2025-11-22"))
    assert len(problems) == 1


def test_entry_without_source(tmp_path):
    registry, problems = load(tmp_path, "phones:\n" + entry(source=None))
    assert [str(p) for p in problems] == [
        "data/phones.yml:2: phone entry 'test' has no source — add `source:` saying where the number was "
        "checked, e.g. 'facts.md (checked Nov 2026): politiet.no'"
    ]
    assert registry.lookup("116006") is None
    assert registry.rejected == {"116006": "test"}


def test_entry_with_empty_source(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(source=" "))
    assert len(problems) == 1 and "has no source" in problems[0].what and problems[0].line == 10


def test_entry_without_verification_date(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(verified=None))
    assert len(problems) == 1
    assert problems[0].what == "phone entry 'test' has no verification date"
    assert "`verified:`" in problems[0].fix


def test_entry_with_bad_date(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(verified="'15.11.2026'"))
    assert len(problems) == 1 and "no valid verification date" in problems[0].what and problems[0].line == 11


def test_future_date(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(verified="2027-01-01"))
    assert len(problems) == 1 and "in the future" in problems[0].what


def test_unverified_number_is_refused(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(confidence="unverified"))
    assert len(problems) == 1
    assert "unverified numbers must not be published" in problems[0].what
    assert problems[0].line == 9


def test_all_problems_in_one_run(tmp_path):
    text = "phones:\n" + entry(id="a", source=None) + entry(id="b", number="22 40 00 40", verified=None) + entry(
        id="c", number="112", verified="2024-01-01")
    _, problems = load(tmp_path, text)
    assert len(problems) == 3


def test_bad_number_duplicate_and_unknown_field(tmp_path):
    text = ("phones:\n" + entry(id="a", number="12 34") + entry(id="b") + entry(id="b", number="112")
            + entry(id="c", number="116006") + "    colour: red\n")
    _, problems = load(tmp_path, text)
    whats = [p.what for p in problems]
    assert any("`number` is wrong" in w and "12 34" in w for w in whats)
    assert any("the id 'b' is used twice" in w for w in whats)
    assert any("unknown field `colour`" in w for w in whats)


def test_duplicate_number(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(id="a") + entry(id="b", number="116006"))
    assert [p.what for p in problems] == ["the number 116 006 is in the registry twice"]


@pytest.mark.parametrize("text", ["", "phones: 3\n", "- a\n- b\n", "phones:\n  - 3\n  - null\n", "phones: [\n",
                                  "\x00", "phones:\n  - {id: x}\n"])
def test_bad_content_never_raises(tmp_path, text):
    registry, problems = load(tmp_path, text)
    assert problems and all(p.file == "data/phones.yml" for p in problems)
    assert registry.entries == []


def test_missing_file(tmp_path):
    registry, problems = load_phone_registry(tmp_path / "nope.yml", today=TODAY)
    assert len(problems) == 1 and "cannot be read" in problems[0].what


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_content_never_raises(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("reg") / "phones.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    load_phone_registry(path, today=TODAY)


def test_export_schema_is_draft_2020_12():
    schema = export_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["$defs"]["PhoneEntry"]["required"]) >= {"number", "owner", "purpose", "hours", "free", "source", "verified"}


# --------------------------------------------------------------- each mistake an editor can make


def _entry_with(field_line: str, replaces: str) -> str:
    """The good entry with one field line replaced (or, for a new field, added) as the entry's 3rd line."""
    lines = entry().splitlines(keepends=True)
    lines = [line for line in lines if not line.strip().removeprefix("- ").startswith(replaces + ":")]
    if lines[0].startswith("    "):  # the `- id:` line was replaced
        lines[0] = "  - " + lines[0][4:]
    lines.insert(2, f"    {field_line}\n")
    return "".join(lines)


@pytest.mark.parametrize("field_line, replaces, line, what, fix", [
    ("free: ja", "free", 4, "phone entry 'test': `free` is wrong: Input should be a valid boolean, unable to interpret input",
     "write `free: true` if the call is confirmed free of charge, otherwise `free: false`"),
    ("owner: Politiet", "owner", 4, "phone entry 'test': `owner` must have a bokmål and an English text",
     "write it as `owner: {nb: …, en: …}`"),
    ("purpose: {nb: Formål}", "purpose", 4, "phone entry 'test' has no `purpose.en`", "add `purpose:` with `nb:` and `en:` texts"),
    ("category: krise", "category", 4, "phone entry 'test': `category` is wrong: Input should be 'emergency', 'police', 'health' or 'helpline'",
     "use one of emergency, police, health, helpline"),
    ("number: '+47 116 006'", "number", 4, "phone entry 'test': `number` is wrong: '+47 116 006' is not a Norwegian phone number "
     "this site can link (8 digits, or a short number: 3–4 digits, 0 and 4 digits, or 116 and 3 digits)",
     "write the Norwegian number in quotes, e.g. '116 006' or '22 40 00 40'"),
    ("number: '+46 8 123 456 78'", "number", 4, "phone entry 'test': `number` is wrong: '+46 8 123 456 78' is not a Norwegian phone "
     "number this site can link (8 digits, or a short number: 3–4 digits, 0 and 4 digits, or 116 and 3 digits)",
     "write the Norwegian number in quotes, e.g. '116 006' or '22 40 00 40'"),
    ("number: [116, 006]", "number", 4, "phone entry 'test': `number` is wrong: Input should be a valid string",
     "write the Norwegian number in quotes, e.g. '116 006' or '22 40 00 40'"),
    ("verified: 15.11.2026", "verified", 4, "phone entry 'test' has no valid verification date (Input should be a valid date "
     "or datetime, invalid character in year)", "add `verified:` with the date you checked the number against its source, as YYYY-MM-DD"),
    ("verified: 2026-02-30", "verified", 4, "phone entry 'test': `verified` is not a real date (got '2026-02-30')",
     "add `verified:` with the date you checked the number against its source, as YYYY-MM-DD"),
    ("verified: '2026-02-30'", "verified", 4, None, "add `verified:` with the date you checked the number against its source, as YYYY-MM-DD"),
    ("source: [facts.md]", "source", 4, "phone entry 'test' has no source", None),
    ("confidence: unverified", "confidence", 4, "phone entry 'test' is marked unverified; unverified numbers must not be published", None),
    ("id: Kirkens SOS", "id", 4, None, "use lowercase letters a–z, digits and '-', e.g. 'kirkens-sos'"),
    ("colour: red", "colour-not-a-field", 4, "phone entry 'test' has an unknown field `colour`", None),
])
def test_each_field_mistake_names_its_line_and_the_fix(tmp_path, field_line, replaces, line, what, fix):
    registry, problems = load(tmp_path, "phones:\n" + _entry_with(field_line, replaces))
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.file, p.line) == ("data/phones.yml", line)
    if what is not None:
        assert p.what == what
    if fix is not None:
        assert p.fix == fix
    assert registry.entries == []  # an entry with an error is not published


def test_unquoted_number_is_read_as_the_number(tmp_path):
    registry, problems = load(tmp_path, "phones:\n" + _entry_with("number: 112", "number") + entry(id="b", number="22 40 00 40").replace(
        "number: '22 40 00 40'", "number: 22400040"))
    assert problems == []
    assert [e.key for e in registry.entries] == ["112", "22400040"]


def test_a_field_written_twice_is_reported_and_the_entry_not_published(tmp_path):
    text = "phones:\n" + entry(id="a", number="116 006") + "    number: '116 111'\n" + entry(id="b", number="112")
    registry, problems = load(tmp_path, text)
    assert [str(p) for p in problems] == [
        "data/phones.yml:12: `number` is written twice in phone entry 'a' — keep one of them: only the last one would be "
        "used, without a warning"]
    assert [e.id for e in registry.entries] == ["b"]
    assert registry.rejected == {"116111": "a"}


def test_same_number_written_two_ways_is_a_duplicate(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry(id="a", number="22 40 00 40") + entry(id="b", number="22400040"))
    assert [str(p) for p in problems] == [
        "data/phones.yml:12: the number 22 40 00 40 is in the registry twice — keep one entry for it (the other is 'a')"]


@pytest.mark.parametrize("text, line, what", [
    ("phones:\n  - id: a\n    number: '112\n", 3, "the phone registry is not valid YAML: "),
    ("phones:\n  - id: a\n  number: '112'\n", 3, "the phone registry is not valid YAML: "),
    ("phones:\n\t- id: a\n", 2, "the phone registry is not valid YAML: "),
    ("phones:\n  - id: a\n    owner: {nb: A, en: B\n", 4, "the phone registry is not valid YAML: "),
])
def test_broken_yaml_names_the_line(tmp_path, text, line, what):
    registry, problems = load(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].line == line and problems[0].what.startswith(what), problems
    assert problems[0].fix == "fix the YAML at this line (indentation, colons, quotes)"
    assert registry.entries == []


def test_stale_entries_are_listed_however_many(tmp_path):
    text = "phones:\n" + "".join(entry(id=f"e{i}", number=n, verified="2025-01-01")
                                 for i, n in enumerate(["112", "113", "110", "116 006", "22 40 00 40"]))
    _, problems = load(tmp_path, text)
    assert len(problems) == 5
    assert all("more than 12 months ago" in p.what for p in problems)
    assert [p.line for p in problems] == [11, 21, 31, 41, 51]


def test_the_age_limit_comes_from_the_one_constant(tmp_path, monkeypatch):
    import veileder.phone_registry as reg

    monkeypatch.setattr(reg, "MAX_VERIFIED_AGE_MONTHS", 3)
    _, problems = load(tmp_path, "phones:\n" + entry(verified="2026-07-01"))
    assert len(problems) == 1 and "more than 3 months ago" in problems[0].what


# --------------------------------------------------------------- the registry agrees with facts.md

_FACTS = next((p for p in (ROOT.parent / "shared" / "sources" / "facts.md", ROOT.parents[1] / "shared" / "sources" / "facts.md")
               if p.exists()), None)


def _facts_phone_rows() -> list[dict]:
    text = _FACTS.read_text(encoding="utf-8")
    table = text[text.index("## Phone numbers"):]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("number", "---"):
            rows.append({"number": cells[0], "who": cells[1], "hours": cells[2], "confidence": cells[3]})
    return rows


@pytest.mark.skipif(_FACTS is None, reason="shared/sources/facts.md is not beside the project (CI lays it there)")
def test_registry_publishes_exactly_the_confirmed_numbers_of_facts_md():
    rows = _facts_phone_rows()
    assert len(rows) >= 12
    registry = real_registry()
    confirmed = {}
    for row in rows:
        from veileder.phone_format import number_key

        key = number_key(row["number"])
        if row["confidence"] == "unverified":
            assert key is None or registry.lookup(key) is None, f"unverified number published: {row}"
            continue
        assert key, row
        confirmed[key] = row
    assert set(confirmed) == {e.key for e in registry.entries}
    for key, row in confirmed.items():
        e = registry.lookup(key)
        assert e.confidence == row["confidence"], key
        assert e.free == ("free" in row["hours"]), key
        if row["hours"].startswith("24/7"):
            assert e.hours.nb == "Hele døgnet, alle dager" and e.hours.en == "24 hours a day, every day", key
        if "not confirmed" in row["hours"]:
            assert "ikke bekreftet" in e.hours.nb and "not confirmed" in e.hours.en, key
        assert e.source.startswith("facts.md, checked Nov 2026 (" + row["confidence"]), key
        assert e.verified.strftime("%Y-%m") == "2026-11", key


def test_a_tree_number_whose_entry_has_errors_points_to_that_entry(tmp_path):
    from veileder.site_content import registry_checks

    registry, _ = load(tmp_path, "phones:\n" + entry(source=None))
    _, check_phone = registry_checks(None, registry)
    [problem] = check_phone("116 006", "data/trees/t.yml", 7)
    assert problem.line == 7 and "its entry has errors and is not published" in problem.what
    assert "fix the entry 'test' in data/phones.yml" in problem.fix
    [unknown] = check_phone("22 40 00 40", "data/trees/t.yml", 8)
    assert "is not in the phone registry" in unknown.what


# --------------------------------------------------------------- not_used: numbers never shown

NOT_USED = """\
not_used:
  - number: '911'
    reason: it is the emergency number in the USA and Canada, not in Norway
"""


def test_not_used_numbers_are_read_with_their_reason(tmp_path):
    registry, problems = load(tmp_path, "phones:\n" + entry() + NOT_USED + "  - number: 999\n    reason: UK\n")
    assert problems == []
    assert registry.not_used == {"911": "it is the emergency number in the USA and Canada, not in Norway", "999": "UK"}
    assert registry.lookup("911") is None  # listed, never published


def test_the_real_registry_lists_the_foreign_emergency_numbers():
    assert {"911", "999"} <= set(real_registry().not_used)


@pytest.mark.parametrize("bad, line, what, fix", [
    ("  - number: '911'\n", 1, "`not_used:` entry no. 1 (911) has no `reason`", "a `reason:`"),
    ("  - number: '12'\n    reason: x\n", 1, "`not_used:` entry no. 1 (12): `number` is wrong: '12' is not written as a phone number", "in quotes"),
    ("  - number: '911'\n    reason: x\n    why: y\n", 3, "has an unknown field `why`", "allowed: number, reason"),
    ("  - number: '116 006'\n    reason: x\n", 1, "116 006 is both a published number ('test') and under `not_used:`", "remove it from one"),
    ("  - number: '911'\n    reason: x\n  - number: '911'\n    reason: y\n", 3, "911 is under `not_used:` twice", "keep one"),
])
def test_a_faulty_not_used_entry_is_reported_at_its_line(tmp_path, bad, line, what, fix):
    head = "phones:\n" + entry() + "not_used:\n"
    registry, problems = load(tmp_path, head + bad)
    [problem] = problems
    # `line` counts within the list's own lines
    assert problem.line == head.count("\n") + line and what in problem.what and fix in problem.fix, str(problem)
    assert "116006" in registry.by_key  # the published entry is not affected


def test_not_used_must_be_a_list_and_other_top_level_fields_are_reported(tmp_path):
    _, problems = load(tmp_path, "phones:\n" + entry() + "not_used: '911'\nnot_usd: []\n")
    assert sorted(p.what for p in problems) == ["`not_used:` must be a list", "unknown top-level field `not_usd` in the phone registry"]
    assert all(p.line for p in problems)


def test_a_tree_number_under_not_used_gets_its_reason(tmp_path):
    from veileder.site_content import registry_checks

    registry, _ = load(tmp_path, "phones:\n" + entry(number="112") + NOT_USED)
    _, check_phone = registry_checks(None, registry)
    [problem] = check_phone("911", "data/trees/t.yml", 9)
    assert problem.line == 9 and problem.what == "911 is not a phone number in Norway: it is the emergency number in the USA and Canada, not in Norway"
    # the registry here has no emergency number to offer (its one entry is a helpline)
    assert problem.fix == "remove it; if the text is about this number itself, write it as code: `911`"
