from datetime import date

import pytest

from veileder.yamlfile import YamlSyntaxError, load, parse


def test_lines_of_keys_and_items():
    doc = parse("a:\n  b: 1\n  c:\n    - x\n    - y: 2\n57: z\n")
    assert doc.data == {"a": {"b": 1, "c": ["x", {"y": 2}]}, 57: "z"}
    assert doc.line("a") == 1
    assert doc.line("a", "b") == 2
    assert doc.line("a", "c", 0) == 4
    assert doc.line("a", "c", 1, "y") == 5
    assert doc.line(57) == 6


def test_missing_path_falls_back_to_nearest_ancestor():
    doc = parse("a:\n  b:\n    c: 1\n")
    assert doc.line("a", "b", "nope", "deeper") == 2


def test_syntax_error_has_line():
    with pytest.raises(YamlSyntaxError) as e:
        parse("a: 1\nb: [unclosed\nc: 2\n")
    assert e.value.line is not None and e.value.line >= 2


def test_duplicate_keys_are_reported():
    doc = parse("a: 1\nb: 2\na: 3\n")
    assert doc.data["a"] == 3
    assert doc.duplicates == [(("a",), 3)]


def test_empty_document():
    assert parse("").data is None


def test_anchors_and_aliases(tmp_path):
    p = tmp_path / "x.yml"
    p.write_text("x: &t {a: 1}\ny: *t\n", encoding="utf-8")
    doc = load(p)
    assert doc.data == {"x": {"a": 1}, "y": {"a": 1}}
    assert doc.line("y") == 2


@pytest.mark.parametrize("text, path, written", [
    ("a: 1\nchecked: 2026-13-45\n", ("checked",), "2026-13-45"),
    ("laws:\n  x:\n    sections:\n      '1': {checked: 2026-02-30}\n", ("laws", "x", "sections", "1", "checked"), "2026-02-30"),
])
def test_an_impossible_date_is_kept_as_the_text_written_and_the_rest_is_read(text, path, written):
    doc = parse(text + "later: 2026-11-23\n")
    value = doc.data
    for key in path:
        value = value[key]
    assert value == written  # the file's own checks report it by its field («is not a real date»)
    assert doc.data["later"] == date(2026, 11, 23)  # a real date after it is still a date
    assert doc.line(*path) == text.count("\n")


def test_a_value_yaml_cannot_build_that_is_no_date_is_a_syntax_error_with_its_line():
    with pytest.raises(YamlSyntaxError) as e:
        parse("a:\n  b: 1\n  c: !!int abc\n")
    assert e.value.line == 3 and "«abc» cannot be read" in e.value.message


def test_an_unclosed_quote_names_the_line_where_it_opens():
    with pytest.raises(YamlSyntaxError) as e:
        parse("a: 1\nb: 'open\nc: 2\n")
    assert e.value.line == 2


def test_an_impossible_date_in_front_matter_is_kept_as_text():
    from veileder.frontmatter import split_front_matter

    fm = split_front_matter("---\ntitle: x\nreviewed: 2026-02-30\nnext_review: 2027-13-01\n---\nbody\n")
    # kept as the text written, for the page checks to report by its key; the rest is read as usual
    assert fm.error is None and fm.data == {"title": "x", "reviewed": "2026-02-30", "next_review": "2027-13-01"}
    assert fm.lines == {"title": 2, "reviewed": 3, "next_review": 4}


def test_an_alias_inside_its_own_anchor_is_a_syntax_error_with_its_line_and_fix():
    with pytest.raises(YamlSyntaxError) as e:
        parse("laws:\n  x: &a\n    sections: {'1': *a}\n")
    assert e.value.line == 2 and "inside the part its anchor" in e.value.message
    assert e.value.fix == "write that part out in full instead of the alias"
    assert parse("a: &a {b: 1}\nc: *a\n").data == {"a": {"b": 1}, "c": {"b": 1}}  # an alias elsewhere is fine


def test_an_alias_inside_its_own_anchor_in_front_matter_is_reported_with_its_line():
    import datetime as dt

    from veileder.frontmatter import split_front_matter
    from veileder.page_meta import check_page_meta

    fm = split_front_matter("---\ntitle: x\naudience: &a [*a]\n---\nbody\n")
    assert fm.error == (3, "the front matter has an alias (*…) inside the part its anchor (&…) names")
    _, problems = check_page_meta(fm, "docs/a.md", None, dt.date(2026, 12, 1))
    assert [(p.line, p.fix) for p in problems] == [(3, "write that part out in full instead of the alias")]
