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
