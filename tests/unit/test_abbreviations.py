"""Glossary tooltips added to the finished HTML: running text only, whole words, longest term first."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from veileder.abbreviations import Abbreviations
from veileder.glossary import load_glossary

WRAP = Abbreviations({"NKVTS": "Nasjonalt kunnskapssenter om vold", "SARA:SV": "Spousal Assault Risk Assessment",
                      "SARA": "SARA", "strl.": "straffeloven", "NAV": 'Arbeids- og velferdsetaten "NAV"'})


def test_every_occurrence_in_running_text_gets_its_tooltip():
    out = WRAP("<p>NKVTS og NKVTS.</p><h2>Om NAV</h2>")
    assert out == ('<p><abbr title="Nasjonalt kunnskapssenter om vold">NKVTS</abbr> og '
                   '<abbr title="Nasjonalt kunnskapssenter om vold">NKVTS</abbr>.</p>'
                   '<h2>Om <abbr title="Arbeids- og velferdsetaten &quot;NAV&quot;">NAV</abbr></h2>')


def test_longest_term_first_and_whole_words_only():
    out = WRAP("<p>SARA:SV, SARA, NAVs, NAV-kontoret, xNAV</p>")
    assert '<abbr title="Spousal Assault Risk Assessment">SARA:SV</abbr>' in out
    assert out.count("<abbr") == 2  # SARA:SV and SARA; NAVs, NAV-kontoret and xNAV are other words


def test_final_full_stop_stays_outside():
    assert WRAP("<p>jf. strl. § 282</p>") == '<p>jf. <abbr title="straffeloven">strl</abbr>. § 282</p>'


def test_links_code_buttons_attributes_and_existing_abbr_are_left_alone():
    page = ('<p><a href="/nav/" title="NAV">NAV i lenke</a> <code>NAV</code> <button>NAV</button> '
            '<abbr title="x">NAV</abbr> <img alt="NAV"> <pre><code>NKVTS</code></pre></p>')
    assert WRAP(page) == page
    assert WRAP('<p><a href="x">lenke</a> NAV</p>').endswith('<abbr title="Arbeids- og velferdsetaten &quot;NAV&quot;">NAV</abbr></p>')


def test_a_page_without_terms_is_returned_unchanged():
    page = "<p>Ingen forkortelser her.</p>"
    assert WRAP(page) is page
    assert Abbreviations({})("<p>NAV</p>") == "<p>NAV</p>"


@given(st.text(alphabet="abc <>/\"=NAVSKT.p", max_size=80))
def test_only_abbr_tags_are_ever_added(text):
    out = WRAP(text)
    stripped = out.replace('<abbr title="Arbeids- og velferdsetaten &quot;NAV&quot;">', "").replace("</abbr>", "")
    for title in ("Nasjonalt kunnskapssenter om vold", "Spousal Assault Risk Assessment", "SARA", "straffeloven"):
        stripped = stripped.replace(f'<abbr title="{title}">', "")
    assert stripped == text


def test_the_real_glossary_builds_a_wrapper_per_language():
    terms, problems = load_glossary(Path(__file__).resolve().parents[2] / "data" / "glossary.yml")
    assert not problems
    for lang in ("nb", "en"):
        wrap = Abbreviations({t.term: t.text[lang] for t in terms})
        assert "<abbr title=" in wrap("<p>NKVTS</p>")


# The plain form of the pass (cut the page at every tag, track the skipped elements, substitute in
# the text between): the faster pass must give the same page, byte for byte.
import re  # noqa: E402

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = ("a", "abbr", "button", "code", "kbd", "pre", "samp", "script", "style", "svg", "textarea", "title")
_OPEN = re.compile(r"<(%s)(?=[\s>/])" % "|".join(_SKIP), re.I)
_CLOSE = re.compile(r"</(%s)\s*>" % "|".join(_SKIP), re.I)


def _plain(wrap: Abbreviations, page: str) -> str:
    parts = _TAG.split(page)
    depth = 0
    for i, part in enumerate(parts):
        if i % 2:
            if _OPEN.match(part) and not part.endswith("/>"):
                depth += 1
            elif _CLOSE.match(part):
                depth = max(depth - 1, 0)
        elif depth == 0 and part:
            parts[i] = wrap.pattern.sub(lambda m: f'<abbr title="{wrap.titles[m.group(1)]}">{m.group(1)}</abbr>', part)
    return "".join(parts)


_FRAGMENTS = ["<p>", "</p>", "<a href=\"x\">", "</a>", "<A HREF=x>", "</A >", "<abbr title=\"NAV\">", "</abbr>",
              "<code>", "</code>", "<br/>", "<a/>", "<svg/>", "<img alt=\"NAV\">", "<!-- ", " -->", "<", ">", " ",
              "NAV", "NAVs", "NAV-", "-NAV", "SARA", "SARA:SV", "strl.", "strl", "NKVTS", "x", "\n", "<pre>", "</pre>",
              "<span title=\"SARA\">", "</span>", "<script>", "</script>", "a<b", "<button>", "</button>", "æ"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25))
def test_the_pass_gives_the_same_page_as_its_plain_form(fragments):
    page = "".join(fragments)
    assert WRAP(page) == _plain(WRAP, page)


def test_a_tag_inside_a_comment_does_not_open_an_element():
    page = "<p><!-- <a href=x> --> NAV</p>"
    assert WRAP(page) == _plain(WRAP, page) and "<abbr" in WRAP(page)
