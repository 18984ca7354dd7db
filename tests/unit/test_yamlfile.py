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


@pytest.mark.parametrize("text, line, words", [
    ("a: 1\nchecked: 2026-13-45\n", 2, "«2026-13-45» is not a real date"),
    ("laws:\n  x:\n    sections:\n      '1': {checked: 2026-02-30}\n", 4, "«2026-02-30» is not a real date"),
])
def test_a_value_yaml_cannot_build_is_a_syntax_error_with_its_line(text, line, words):
    with pytest.raises(YamlSyntaxError) as e:
        parse(text)
    assert e.value.line == line and words in e.value.message


def test_an_impossible_date_is_a_syntax_error_with_its_line_not_a_crash():
    with pytest.raises(YamlSyntaxError) as e:
        parse("a:\n  b: 1\n  checked: 2026-02-30\n")
    assert e.value.line == 3
    assert "2026-02-30" in e.value.message


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
