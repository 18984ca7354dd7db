from hypothesis import given, settings
from hypothesis import strategies as st

from veileder.mdtext import segments


def prose(md):
    return [s.text for s in segments(md) if s.prose]


def test_segments_join_to_the_input():
    md = "a `b` [c](d) <!-- e -->\n\n```\nf\n```\n[^1]: g\n[x]: http://y\n*[NAV]: Arbeids- og velferdsetaten\n"
    assert "".join(s.text for s in segments(md)) == md


def test_code_links_comments_and_definitions_are_not_prose():
    md = "a `§ 1` [§ 2](x.md) <!-- § 3 -->\n\n```\n§ 4\n```\n[x]: http://y § 5\n*[NAV]: § 6\n"
    assert "§" not in "".join(prose(md))


def test_a_footnote_text_is_prose_but_its_label_is_not():
    md = "Tekst.[^1]\n\n[^1]: Se straffeloven § 264.\n"
    assert "".join(prose(md)) == "Tekst.\n\n Se straffeloven § 264.\n"


# The protected parts are found by a character search and a match at each candidate (speed): the
# same parts as the pattern's own search over every position.
_MD_PARTS = ["`", "``", "code", "<!--", "-->", "<a href=x>", "</a>", "<abbr>", "</abbr>", "<b>", "</b>", "<", ">",
             "[", "]", "(", ")", "![", "](x)", "][r]", "{{", "}}", "{{ tree: x }}", "[^1]", "[^1]:", " ", "\n",
             "tekst", "§ 5", "!", "{", "ring 112"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_MD_PARTS), max_size=20), st.integers(0, 5))
def test_the_protected_parts_are_those_the_pattern_finds(parts, cut):
    from veileder.mdtext import _PROTECTED_INLINE, _PROTECTED_START, matches_where

    md = "".join(parts)
    start, end = min(cut, len(md)), max(len(md) - cut, min(cut, len(md)))
    assert [m.span() for m in matches_where(_PROTECTED_INLINE, _PROTECTED_START, md, start, end)] == [m.span() for m in _PROTECTED_INLINE.finditer(md, start, end)]
