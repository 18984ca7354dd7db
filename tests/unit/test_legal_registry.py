import json
from pathlib import Path

import pytest

from veileder.legal import laws_json_schema_text, load_law_registry, registry_from_text

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT / "data" / "laws.yml"


@pytest.fixture(scope="module")
def reg():
    registry, problems = load_law_registry(LAWS)
    assert [str(p) for p in problems] == []
    return registry


def test_committed_schema_equals_the_model_export():
    committed = (ROOT / "data" / "schemas" / "laws.schema.json").read_text(encoding="utf-8")
    assert committed == laws_json_schema_text(), (
        "data/schemas/laws.schema.json is out of date: run "
        "`PYTHONPATH=hooks python -m veileder.legal_registry > data/schemas/laws.schema.json`"
    )


def test_registry_validates_with_the_json_schema_too():
    import datetime

    import jsonschema
    import yaml

    def plain(o):
        if isinstance(o, dict):
            return {str(k): plain(v) for k, v in o.items()}
        if isinstance(o, list):
            return [plain(x) for x in o]
        return o.isoformat() if isinstance(o, datetime.date) else o

    schema = json.loads((ROOT / "data" / "schemas" / "laws.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(plain(yaml.safe_load(LAWS.read_text(encoding="utf-8"))))


# every law and section in facts.md (and the page list in the task)
EXPECTED = {
    "straffeloven": ["57", "168", "196", "263", "264", "266", "266 a", "271", "272", "273", "274", "282", "283",
                     "291", "292", "293", "294", "295", "296", "297", "298", "299"],
    "straffeloven-1902": ["342"],
    "straffeprosessloven": ["62 a", "107 a", "171", "172", "184", "222 a", "222 b", "222 c", "222 g", "222 h",
                            "222 i", "222 j"],
    "krisesenterlova": ["2", "5", "6"],
    "helsepersonelloven": ["21", "31", "32", "33"],
    "barnevernsloven": ["13-1", "13-2"],
    "barnevernloven-1992": ["6-4"],
    "politiloven": [f"14 {c}" for c in "abcdefghi"],
    "folkeregisterloven": ["10-4"],
    "navneloven": ["10", "11"],
    "pasient-og-brukerrettighetsloven": [],
    "forvaltningsloven": [],
    "utlendingsloven": [],
    "voldserstatningsloven": [],
    "voldsoffererstatningsloven": [],
    "forskrift-fysisk-sikkerhet-krisesenter": ["3", "4 c"],
}


def test_registry_covers_facts(reg):
    assert set(reg.laws) == set(EXPECTED)
    for law_id, keys in EXPECTED.items():
        assert sorted(reg.laws[law_id].sections) == sorted(keys), law_id


def test_unverified_sections_are_not_in_the_registry(reg):
    assert "23" not in reg.laws["helsepersonelloven"].sections
    assert "23" in reg.laws["helsepersonelloven"].unverified
    assert not {"5 a", "5 b"} & set(reg.laws["krisesenterlova"].sections)
    assert not {"300", "306"} & set(reg.laws["straffeloven"].sections)


def test_names_and_abbreviations(reg):
    for name, law_id in [("straffeloven", "straffeloven"), ("strl.", "straffeloven"), ("Strl.", "straffeloven"),
                         ("straffeprosessloven", "straffeprosessloven"), ("strpl.", "straffeprosessloven"),
                         ("krisesenterlova", "krisesenterlova"), ("krisesenterloven", "krisesenterlova"),
                         ("helsepersonelloven", "helsepersonelloven"), ("hpl.", "helsepersonelloven"),
                         ("barnevernsloven", "barnevernsloven"), ("bvl.", "barnevernsloven"),
                         ("barnevernloven", "barnevernloven-1992"), ("pbrl.", "pasient-og-brukerrettighetsloven"),
                         ("fvl.", "forvaltningsloven"), ("the Penal Code", "straffeloven"),
                         ("Criminal Procedure Act", "straffeprosessloven"), ("Norwegian Health Personnel Act",
                                                                             "helsepersonelloven")]:
        assert reg.lookup(name) == law_id, name
    assert reg.lookup("straffeloven", "1902") == "straffeloven-1902"
    assert reg.lookup("straffeloven", "2005") == "straffeloven"
    assert reg.lookup("straffeloven", "1950") is None
    assert reg.lookup("arbeidsmiljøloven") is None


def test_links(reg):
    assert reg.section_url("straffeloven", "266 a") == "https://lovdata.no/lov/2005-05-20-28/§266a"
    assert reg.section_url("barnevernsloven", "13-2") == "https://lovdata.no/lov/2021-06-18-97/§13-2"
    assert reg.law_url("straffeloven") == "https://lovdata.no/dokument/NL/lov/2005-05-20-28"
    assert reg.law_url("straffeloven-1902") == "https://lovdata.no/dokument/NLO/lov/1902-05-22-10"
    # no link for what is not verified or not in force
    assert reg.law_url("forskrift-fysisk-sikkerhet-krisesenter") is None
    assert reg.section_url("forskrift-fysisk-sikkerhet-krisesenter", "3") is None
    assert reg.section_url("straffeloven", "292") is None
    assert reg.section_url("straffeloven-1902", "342") is None


def test_every_entry_has_source_checked_and_both_titles(reg):
    for law in reg.laws.values():
        assert law.source and law.checked
        for sec in law.sections.values():
            assert sec.source and sec.checked and sec.title.nb and sec.title.en


GOOD = """\
laws:
  lova:
    kind: lov
    lovdata_id: LOV-2000-01-01-1
    id_verified: true
    official_title: Lov om noe
    names: [lova, lv.]
    english_name: Some Act
    status: in-force
    source: test
    checked: 2026-11-23
    confidence: high
    sections:
      "1":
        title: {nb: Formål, en: Purpose}
        source: test
        checked: 2026-11-23
"""


def _problems(text):
    return [str(p) for p in registry_from_text(text, rel="data/laws.yml")[1]]


def test_good_minimal_file():
    reg, problems = registry_from_text(GOOD)
    assert problems == []
    assert list(reg.laws["lova"].sections) == ["1"]


def test_section_without_source():
    out = _problems(GOOD.replace("        source: test\n", ""))
    assert out == ["data/laws.yml:14: law «lova», § 1: `source` is missing — add `source:` — where the entry "
                   "was checked, e.g. «facts.md — Lovdata, straffeloven § 282»"]


def test_section_without_checked_date():
    out = _problems(GOOD.replace("        checked: 2026-11-23\n", ""))
    assert len(out) == 1 and out[0].startswith("data/laws.yml:14: law «lova», § 1: `checked` is missing")


def test_law_without_source_or_checked():
    out = _problems(GOOD.replace("    source: test\n    checked: 2026-11-23\n", ""))
    assert any(p.startswith("data/laws.yml:2: law «lova»: `source` is missing") for p in out)
    assert any(p.startswith("data/laws.yml:2: law «lova»: `checked` is missing") for p in out)


def test_section_title_missing_in_one_language():
    out = _problems(GOOD.replace("{nb: Formål, en: Purpose}", "{nb: Formål}"))
    assert out == ["data/laws.yml:15: law «lova», § 1: `title.en` is missing — add `en:` — the title in English"]


def test_bad_date():
    out = _problems(GOOD.replace("        checked: 2026-11-23", "        checked: sometime"))
    assert len(out) == 1 and out[0].startswith("data/laws.yml:17: law «lova», § 1: `checked`")


def test_yaml_syntax_error_is_a_problem_with_a_line():
    reg, problems = registry_from_text(GOOD.replace("names: [lova, lv.]", "names: [lova, lv."))
    assert reg.laws == {}
    assert len(problems) == 1 and problems[0].line is not None
    assert "not valid YAML" in problems[0].what


def test_missing_file(tmp_path):
    reg, problems = load_law_registry(tmp_path / "nope.yml")
    assert reg.laws == {} and "cannot read" in problems[0].what


def test_repealed_law_needs_date_and_successor():
    out = _problems(GOOD.replace("status: in-force", "status: repealed"))
    assert any("a repealed law needs `repealed_on`" in p for p in out)


def test_repealed_section_needs_date():
    out = _problems(GOOD.replace("        source: test\n", "        status: repealed\n        source: test\n"))
    assert any("a repealed section needs `repealed_on`" in p for p in out)


def test_unknown_successor_and_replacement():
    text = GOOD.replace("status: in-force", "status: repealed\n    repealed_on: 2020-01-01\n    successor: nope")
    text = text.replace("        source: test\n", "        status: repealed\n        repealed_on: 2020-01-01\n"
                        "        replaced_by: {law: lova, section: \"9\"}\n        source: test\n")
    out = _problems(text)
    assert any("the successor «nope» is not in the registry" in p for p in out)
    assert any("names «lova» § 9, which is not in the registry" in p for p in out)


def test_verified_id_required_for_links():
    out = _problems(GOOD.replace("lovdata_id: LOV-2000-01-01-1", "lovdata_id: null"))
    assert any("`id_verified: true` needs a `lovdata_id`" in p for p in out)


def test_bad_section_key():
    out = _problems(GOOD.replace('      "1":', '      "§ 1":'))
    assert any("the section key «§ 1» is not in the form" in p for p in out)


def test_unknown_field():
    out = _problems(GOOD.replace("    confidence: high\n", "    confidence: high\n    colour: red\n"))
    assert out == ["data/laws.yml:13: law «lova»: unknown field `colour` — remove it or correct its spelling "
                   "(see the comments at the top of data/laws.yml)"]


def test_name_used_by_two_laws():
    two = GOOD + GOOD.split("laws:\n", 1)[1].replace("  lova:", "  lovb:").replace("[lova, lv.]", "[lovb, lv.]") \
        .replace("Some Act", "Other Act")
    out = _problems(two)
    assert any("the name «lv.» is also a name of «lova»" in p for p in out)


def test_duplicate_section_key():
    out = _problems(GOOD + '      "1":\n        title: {nb: A, en: B}\n        source: t\n        checked: 2026-01-01\n')
    assert any("is written twice" in p for p in out)


def test_unquoted_numeric_section_keys_are_accepted():
    reg, problems = registry_from_text(GOOD.replace('      "1":', "      1:"))
    assert problems == [] and "1" in reg.laws["lova"].sections


# --- malformed files: every mistake is a problem with a line, never a traceback ----------------

def test_impossible_dates_are_each_a_problem_with_its_line_and_the_rest_is_still_checked():
    text = (GOOD.replace("        checked: 2026-11-23", "        checked: 2026-13-45")
            .replace("    checked: 2026-11-23\n    confidence", "    checked: 2026-02-30\n    confidence", 1))
    reg, problems = registry_from_text(text)
    assert [str(p) for p in problems] == [
        "data/laws.yml:11: law «lova»: `checked` is not a real date (got '2026-02-30') — write the date the entry "
        "was checked against its source, as YYYY-MM-DD",
        "data/laws.yml:17: law «lova», § 1: `checked` is not a real date (got '2026-13-45') — write the date the "
        "entry was checked against its source, as YYYY-MM-DD"]
    assert not reg.unreadable and "lova" not in reg.laws  # left out, and its names are known as broken
    assert "lova" in reg.broken_names and ("lova", "1") in reg.broken_sections


def test_a_law_entry_with_an_error_still_has_its_sections_checked():
    text = GOOD.replace("    checked: 2026-11-23\n    confidence", "    checked: 5\n    confidence", 1)
    text = text.replace("        checked: 2026-11-23", "        checked: 2026-13-45")
    _, problems = registry_from_text(text)
    assert [p.line for p in problems] == [11, 17]


@pytest.mark.parametrize("old, new, expected", [
    ("lovdata_id: LOV-2000-01-01-1", "lovdata_id: 2000-01-01-1",
     "data/laws.yml:4: law «lova»: `lovdata_id` is not in the right form (got '2000-01-01-1') — write Lovdata's id, "
     "e.g. LOV-2005-05-20-28 (or null if not known)"),
    ("    checked: 2026-11-23\n    confidence", "    checked: 5\n    confidence",
     "data/laws.yml:11: law «lova»: `checked` is not a date (got 5) — write the date the entry was checked against "
     "its source, as YYYY-MM-DD"),
    ("    source: test\n", "    source: ''\n", [  # the law's and its section's: both, in one run
     "data/laws.yml:10: law «lova»: `source` is empty — write where the entry was checked, e.g. «facts.md — Lovdata, "
     "straffeloven § 282»",
     "data/laws.yml:16: law «lova», § 1: `source` is empty — write where the entry was checked, e.g. «facts.md — "
     "Lovdata, straffeloven § 282»"]),
    ("    confidence: high\n", "    confidence: high\n    unverified: {\"§ 2\": why}\n",
     "data/laws.yml:13: law «lova»: `unverified.§ 2` is not in the right form (got '§ 2') — write a section number in "
     "quotes and the reason, e.g. `\"23\": changed on 1 July 2026; check before citing`"),
])
def test_wrong_values_are_described_in_words(old, new, expected):
    assert old in GOOD
    assert _problems(GOOD.replace(old, new)) == (expected if isinstance(expected, list) else [expected])


def test_no_message_tells_the_editor_to_write_see():
    for text in (GOOD.replace("confidence: high", "confidence: high\n    legal_basis: lova § 1"),
                 GOOD.replace("status: in-force", "status: repealed\n    repealed_on: 2020-01-01\n    successor: [x]")):
        for p in _problems(text):
            assert " write see " not in p and "[key]" not in p, p


def test_a_broken_law_does_not_cascade():
    other = GOOD.split("laws:\n", 1)[1].replace("  lova:", "  gammel:").replace("[lova, lv.]", "[gammel]") \
        .replace("Some Act", "Old Act").replace("status: in-force", "status: repealed\n    repealed_on: 2020-01-01\n"
                                                 "    successor: lova")
    text = GOOD.replace("    kind: lov\n", "    kind: law\n", 1) + other
    reg, problems = registry_from_text(text)
    assert [p.what for p in problems] == ["law «lova»: `kind` — Input should be 'lov' or 'forskrift' (got 'law')"]
    assert "gammel" in reg.laws and "lova" not in reg.laws
    from veileder.legal import link_legal_refs
    _, _, page_problems = link_legal_refs("Se lova § 1 og lv. § 1.", lang="nb", registry=reg, file="docs/x.md")
    assert page_problems == []  # the registry's own problem fails the build; no flood of follow-ups


def test_a_broken_section_does_not_cascade():
    reg, problems = registry_from_text(GOOD.replace("{nb: Formål, en: Purpose}", "{nb: Formål}"))
    assert len(problems) == 1
    from veileder.legal import link_legal_refs
    out, _, page_problems = link_legal_refs("lova § 1", lang="nb", registry=reg, file="docs/x.md")
    assert page_problems == [] and "<a " not in out


def test_an_unreadable_registry_gives_one_problem_not_one_per_reference():
    reg, problems = registry_from_text("laws: [\n")
    assert len(problems) == 1 and reg.unreadable
    from veileder.legal import link_legal_refs
    out, _, page_problems = link_legal_refs("straffeloven § 282 og {{ repealed: straffeloven 1902 § 342 }}",
                                            lang="nb", registry=reg, file="docs/x.md")
    assert page_problems == [] and "<a " not in out


def test_a_check_date_in_the_future_is_a_problem():
    import datetime

    text = GOOD.replace("        checked: 2026-11-23", "        checked: 2062-11-23")
    assert _problems(text) == []  # without today, no date check
    problems = [str(p) for p in registry_from_text(text, today=datetime.date(2026, 11, 30))[1]]
    assert problems == ["data/laws.yml:17: law «lova», § 1: the check date 2062-11-23 is in the future — write the "
                        "date the entry was actually checked, as YYYY-MM-DD"]


def test_the_real_registry_has_no_future_check_dates():
    import datetime

    assert load_law_registry(LAWS, today=datetime.date(2026, 11, 30))[1] == []


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "laws.yml"
    path.write_bytes(b"laws:\n  x: \xff\xfe\n")
    reg, problems = load_law_registry(path)
    assert reg.unreadable and "not UTF-8" in problems[0].what


def test_a_broken_successor_does_not_crash_what_refers_to_it():
    # the old law stays, its successor's entry is broken: references, the marker and the index still work
    other = GOOD.split("laws:\n", 1)[1].replace("  lova:", "  gammel:").replace("[lova, lv.]", "[gammel]") \
        .replace("Some Act", "Old Act").replace("status: in-force", "status: repealed\n    repealed_on: 2020-01-01\n"
                                                 "    successor: lova")
    other = other.replace("        source: test\n", "        status: repealed\n        repealed_on: 2020-01-01\n"
                          "        replaced_by: {law: lova, section: \"1\"}\n        source: test\n")
    reg, problems = registry_from_text(GOOD.replace("    kind: lov\n", "    kind: law\n", 1) + other)
    assert len(problems) == 1 and reg.laws["gammel"].successor is None
    assert reg.laws["gammel"].sections["1"].replaced_by is None
    from veileder.legal import link_legal_refs, render_law_index
    out, cits, page_problems = link_legal_refs("gammel § 1 og {{ repealed: gammel § 1 }}", lang="en", registry=reg,
                                               file="docs/x.md")
    assert [p.what for p in page_problems] == [
        "«gammel § 1» — gammel was repealed on 1 January 2020; data/laws.yml names no successor that is in the registry"]
    assert 'class="law-ref-repealed" title="Repealed on 1 January 2020."' in out
    assert "## Old Act (gammel)" in render_law_index(reg, {"docs/x.md": cits}, lang="en", page_link=lambda f: ("X", "x.md"))


# --- property: however laws.yml is mangled, loading it and using it never crashes ---------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINES = LAWS.read_text(encoding="utf-8").splitlines(keepends=True)
_JUNK = ["", " ", ":", "- ", "[", "]", "{", "}", "~", "null", "true", "5", "2026-02-30", "&a", "*a", "!!str", "'",
         '"', "\t", "§", "? ", "<<: *elektronisk\n"]
_EDIT = st.tuples(st.sampled_from(["delete", "copy", "insert"]), st.integers(0, len(_LINES) - 1),
                  st.integers(0, len(_LINES) - 1), st.integers(0, 80), st.sampled_from(_JUNK), st.integers(0, 3))


def _mangle(edits):
    lines = list(_LINES)
    for op, i, j, at, junk, cut in edits:
        i %= len(lines)
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "copy":
            lines.insert(i, lines[j % len(lines)])
        else:
            lines[i] = lines[i][:at] + junk + lines[i][at + cut:]
    return "".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_EDIT, min_size=1, max_size=4), st.sampled_from(["nb", "en"]))
def test_a_mangled_registry_never_crashes(edits, lang):
    import datetime

    from veileder.legal import link_legal_refs, render_law_index

    reg, problems = registry_from_text(_mangle(edits), today=datetime.date(2026, 12, 1))
    for p in problems:
        assert p.file == "data/laws.yml" and " — " in str(p)
    out, cits, _ = link_legal_refs("straffeloven § 282, strl. § 999, {{ repealed: straffeloven 1902 § 342 }}, "
                                   "barnevernloven § 6-4 og section 5 of the Crisis Centre Act", lang=lang,
                                   registry=reg, file="docs/x.md")
    render_law_index(reg, {"docs/x.md": cits}, lang=lang, page_link=lambda f: ("X", "x.md"))
