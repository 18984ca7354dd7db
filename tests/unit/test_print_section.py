"""A section's print page: which sections get one, and how the pages' HTML is put together."""
from __future__ import annotations

import itertools
import posixpath
import re

from hypothesis import given, settings, strategies as st

from veileder.print_section import (CONTENT_END, CONTENT_START, PrintPart, article_of, demote_headings, prefix_ids,
                                    printable_sections, rebase, rebase_urls, section_print_page)


def test_printable_sections_leave_out_long_sections_and_sections_without_an_overview():
    sections = [("tiltak/index.md", ["tiltak/a.md", "tiltak/b.md"]), (None, ["x/a.md"]),
                ("lang/index.md", [f"lang/{i}.md" for i in range(31)]), ("tom/index.md", [])]
    assert printable_sections(sections, limit=30) == {"tiltak/index.md": ["tiltak/a.md", "tiltak/b.md"]}
    assert "lang/index.md" in printable_sections(sections, limit=0)


def test_rebase_moves_relative_links_to_the_print_pages_folder():
    assert rebase("../krisesenter/", "tiltak/besoksforbud", "tiltak") == "krisesenter/"
    assert rebase("../../aktorer/politiet/#rolle", "tiltak/besoksforbud", "tiltak") == "../aktorer/politiet/#rolle"
    assert rebase("../../assets/images/a.png", "tiltak/besoksforbud", "tiltak") == "../assets/images/a.png"
    assert rebase("./", "tiltak/besoksforbud", "tiltak") == "besoksforbud/"
    assert rebase("?q=1#x", "tiltak/besoksforbud", "tiltak") == "besoksforbud?q=1#x"
    for kept in ("#hva-du-kan-gjore", "https://lovdata.no/lov/2005-05-20-28/§168", "tel:+4722400040", "/abs/", ""):
        assert rebase(kept, "tiltak/besoksforbud", "tiltak") == kept
    assert rebase("krisesenter.html", "tiltak", "tiltak") == "krisesenter.html"  # the offline copy: one folder


def test_headings_go_one_level_down_and_h6_stays():
    html = '<h1 id="a">A</h1><h2>B</h2><h6>F</h6><header>x</header><hr>'
    assert demote_headings(html) == '<h2 id="a">A</h2><h3>B</h3><h6>F</h6><header>x</header><hr>'


def test_ids_and_their_references_get_the_prefix():
    html = ('<h2 id="hva">Hva</h2><a href="#hva">til</a><label for="f">x</label><input id="f">'
            '<button aria-controls="a b">x</button><a href="../x/#hva">other page</a><a href="#steg=ring-112">step</a>')
    out = prefix_ids(html, "p2-")
    assert 'id="p2-hva"' in out and 'href="#p2-hva"' in out and 'for="p2-f"' in out and 'id="p2-f"' in out
    assert 'aria-controls="p2-a p2-b"' in out
    assert 'href="../x/#hva"' in out  # another page's anchor is left as it is
    assert 'href="#p2-steg=ring-112"' in out  # a tree's step address: the tree's own, as its steps' ids


def test_each_tree_gets_step_addresses_of_its_own():
    tree = ('<div class="vtree" data-tree="t" data-key="{key}"><ol><li id="{key}=q1"><a class="vtree-goto" href="#{key}=q2">'
            'gå til</a></li><li id="{key}=q2">…</li></ol></div>')
    for key in ("steg", "step"):
        out = prefix_ids(tree.format(key=key), "p3-")
        assert f'data-key="p3-{key}"' in out and f'href="#p3-{key}=q2"' in out and f'id="p3-{key}=q2"' in out
        assert f'"#{key}=' not in out and f'"{key}=' not in out


def _page(content: str, title: str = "Tiltak - Veileder") -> str:
    return (f'<html><head><title>{title}</title><link rel="canonical" href="https://x/tiltak/"></head><body>'
            '<a href="#oversikt" class="md-skip">Gå til innhold</a>'
            '<a href="./" hreflang="nb" class="md-select__link">Norsk</a><a href="../en/tiltak/" hreflang="en" class="md-select__link">English</a>'
            '<nav><a href="#oversikt">Oversikt</a><a href="besoksforbud/">Besøksforbud</a></nav>'
            f'<article>{CONTENT_START}{content}{CONTENT_END}</article></body></html>')


def test_the_print_page_has_every_page_in_order_under_the_overviews_theme():
    overview = ('<h1 id="tiltak">Tiltak</h1><p class="print-section-link"><a href="skriv-ut.html">Skriv ut hele delen (2 sider)</a></p>'
                '<h2 id="oversikt">Oversikt</h2><a href="besoksforbud/">B</a>')
    page_b = '<h1 id="besoksforbud">Besøksforbud</h1><h2 id="hva">Hva</h2><a href="../krisesenter/">K</a><a href="#hva">opp</a>'
    out = section_print_page(_page(overview), [PrintPart("tiltak", overview), PrintPart("tiltak/besoksforbud", page_b)],
                             heading="Tiltak: hele delen", intro="2 sider", button="Skriv ut", print_dir="tiltak",
                             title="Tiltak: hele delen", file_names={"nb": "skriv-ut.html", "en": "print.html"})
    article = article_of(out)
    assert re.findall(r"<h1[^>]*>([^<]*)", article) == ["Tiltak: hele delen"]  # one h1: the section's
    assert re.findall(r"<h2[^>]*>([^<]*)", article) == ["Tiltak", "Besøksforbud"]  # the pages, in order
    assert article.count('class="print-section__page"') == 2
    assert "skriv-ut.html" not in article  # the overview's link to the print page is not on it
    assert 'href="krisesenter/"' in article and 'href="#p2-hva"' in article and 'id="p2-hva"' in article
    assert "<title>Tiltak: hele delen - Veileder</title>" in out
    assert 'rel="canonical"' not in out  # the print page is not the overview
    assert '<a href="#print-section" class="md-skip">' in out
    assert '<nav><a href="#p1-oversikt">' in out  # the theme's table of contents follows the new ids
    assert '<a href="./skriv-ut.html" hreflang="nb"' in out and '<a href="../en/tiltak/print.html" hreflang="en"' in out
    assert 'data-print-section hidden' in article  # shown by print-tree.js, which makes it work


def test_language_links_of_the_offline_copy_point_at_the_print_file_beside_the_page():
    page = _page("<h1>T</h1>").replace('href="../en/tiltak/"', 'href="../en/tiltak/index.html"')
    out = section_print_page(page, [PrintPart("tiltak", "<h1>T</h1>")], heading="T", intro="", button="P", print_dir="tiltak",
                             title="T", file_names={"nb": "skriv-ut.html", "en": "print.html"})
    assert '<a href="../en/tiltak/print.html" hreflang="en"' in out


def test_each_pages_landmarks_are_named_after_the_page():
    meta = '<aside class="page-meta" aria-label="Om denne siden">Sist vurdert</aside>'
    out = section_print_page(_page("x"), [PrintPart("tiltak", "<h1>Tiltak</h1>" + meta), PrintPart("tiltak/b", "<h1>B &amp; C</h1>" + meta)],
                             heading="T", intro="", button="P", print_dir="tiltak", title="T", file_names={})
    assert re.findall(r'aria-label="([^"]*)"', article_of(out)) == ["Om denne siden: Tiltak", "Om denne siden: B &amp; C"]


def test_a_page_without_the_content_markers_gives_no_print_page():
    assert article_of("<html><article>x</article></html>") is None
    assert section_print_page("<html><article>x</article></html>", [], heading="T", intro="", button="P", print_dir="t",
                              title="T", file_names={}) is None


def test_the_overview_links_to_its_print_page_under_its_title():
    from veileder.print_section import with_print_link

    out = with_print_link("Innledning.\n\n## Mer", href="skriv-ut.html", text="Skriv ut hele delen (3 sider)")
    assert out.startswith('\n<p class="print-section-link"><a href="skriv-ut.html">Skriv ut hele delen (3 sider)</a></p>\n\nInnledning.')
    assert with_print_link("# Tittel\nTekst", href="p.html", text="P").split("\n")[:3] == ["# Tittel", "", '<p class="print-section-link"><a href="p.html">P</a></p>']


def test_the_table_of_contents_lists_the_sections_pages():
    toc = ('<nav class="md-nav md-nav--secondary" aria-label="Innholdsliste"><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
           '<li class="md-nav__item"><a href="#oversikt" class="md-nav__link">Oversikt</a><nav><ul><li><a href="#under">Under</a></li></ul></nav></li>'
           '</ul>\n</nav>')
    page = _page("<h1>Tiltak</h1>").replace("<article>", toc + "<article>")
    parts = [PrintPart("tiltak", '<h1>Tiltak</h1><h2 id="oversikt">Oversikt</h2>'),
             PrintPart("tiltak/b", '<h1 id="besoksforbud">Besøksforbud &amp; mer</h1><h2 id="hva">Hva</h2>')]
    out = section_print_page(page, parts, heading="T", intro="", button="P", print_dir="tiltak", title="T", file_names={})
    side = out[out.index('data-md-component="toc"'):out.index("<article>")]
    assert re.findall(r'<a href="#([^"]+)" class="md-nav__link"><span class="md-ellipsis">([^<]*)</span>', side) == [
        ("p1", "Tiltak"), ("p2-besoksforbud", "Besøksforbud &amp; mer")]
    assert "#oversikt" not in side and "Under" not in side  # the overview's own headings are gone
    article = article_of(out)
    assert '<h2 id="p1">Tiltak</h2>' in article and '<h2 id="p2-besoksforbud">' in article  # the links' targets


def test_an_overview_without_headings_gets_a_table_of_contents_on_its_print_page():
    page = _page("<h1>Roller</h1>").replace("<article>", '<nav class="md-nav md-nav--secondary" aria-label="Innholdsliste">\n</nav><article>')
    out = section_print_page(page, [PrintPart("roller", "<h1>Roller</h1>"), PrintPart("roller/politi", "<h1>For politiet</h1>")],
                             heading="T", intro="", button="P", print_dir="roller", title="T", file_names={})
    side = out[out.index("md-nav--secondary"):out.index("<article>")]
    assert '<label class="md-nav__title" for="__toc">' in side and "Innholdsliste</label>" in side
    assert re.findall(r'<a href="#([^"]+)" class="md-nav__link"><span class="md-ellipsis">([^<]*)</span>', side) == [
        ("p1", "Roller"), ("p2", "For politiet")]


# The plain forms of the speed-ups: each attribute pattern as first written (opening with the space
# before the attribute's name), and posixpath.relpath. The fast forms must give the same pages.
def _plain_prefix_ids(html: str, prefix: str) -> str:
    html = re.sub(r'(\s(?:id|for)=")([^"]+)(")', lambda m: m.group(1) + prefix + m.group(2) + m.group(3), html)
    html = re.sub(r'(\s(?:aria-controls|aria-labelledby|aria-describedby|aria-owns|aria-activedescendant)=")([^"]+)(")',
                  lambda m: m.group(1) + " ".join(prefix + i for i in m.group(2).split()) + m.group(3), html)
    html = re.sub(r'(\shref="#)([^"=]+)(")', lambda m: m.group(1) + prefix + m.group(2) + m.group(3), html)
    return re.sub(r'(\shref="#|\sdata-key=")((?:steg|step)(?:=|"))', lambda m: m.group(1) + prefix + m.group(2), html)


def _plain_rebase_urls(html: str, from_dir: str, to_dir: str) -> str:
    def plain_rebase(url: str) -> str:
        if re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|$)", url) or from_dir == to_dir:
            return url
        path, sep, rest = url.partition("#")
        path, qsep, query = path.partition("?")
        target = posixpath.normpath(posixpath.join("/" + from_dir, path)) if path else "/" + from_dir
        rel = posixpath.relpath(target, "/" + to_dir) if target != "/" + to_dir else "."
        if path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return rel + (qsep + query) + (sep + rest)

    return re.sub(r'(\s(?:href|src)=")([^"]*)(")', lambda m: m.group(1) + plain_rebase(m.group(2)) + m.group(3), html)


_SEPS = [" ", "\n", "\t", "", "-", "a", '"']
_NAMES = ["id", "for", "href", "src", "data-key", "aria-controls", "aria-labelledby", "aria-describedby", "aria-owns",
          "aria-activedescendant", "data-id", "xhref", "aria-label"]
_EQUALS = ["=\"", "=", "=\"#"]
_VALUES = ["", "#", "#x", "steg=q1", "step\"", "steg", "a b", "../x/", "./", "?q=1#y", "x", "#steg=q2", "https://a/", "/abs", "x=y"]
_ENDS = ['"', "", '" ', '">']


def test_every_single_attribute_is_rewritten_as_by_the_plain_patterns():
    for sep, name, eq, value, end in itertools.product(_SEPS, _NAMES, _EQUALS, _VALUES, _ENDS):
        html = sep + name + eq + value + end
        assert prefix_ids(html, "p2-") == _plain_prefix_ids(html, "p2-"), html
        assert rebase_urls(html, "tiltak/besoksforbud", "tiltak") == _plain_rebase_urls(html, "tiltak/besoksforbud", "tiltak"), html


# HTML-ish text: attributes (with what may stand before their name) and stray pieces between them
_ATTRIBUTE = st.tuples(st.sampled_from(_SEPS), st.sampled_from(_NAMES), st.sampled_from(_EQUALS), st.sampled_from(_VALUES),
                       st.sampled_from(_ENDS)).map("".join)
_STRAY = st.sampled_from([" ", "<p", ">", '"', "=", "#", "text", "\n"])
_FOLDERS = ["", "tiltak", "tiltak/besoksforbud", "a/b/c", "aktorer/politiet", "tiltak/../vold", "a//b", "a/./b"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(_ATTRIBUTE, _STRAY), max_size=25), st.sampled_from(_FOLDERS), st.sampled_from(_FOLDERS))
def test_the_fast_attribute_patterns_rewrite_exactly_as_the_plain_ones(pieces, from_dir, to_dir):
    html = "".join(pieces)
    assert prefix_ids(html, "p2-") == _plain_prefix_ids(html, "p2-")
    assert rebase_urls(html, from_dir, to_dir) == _plain_rebase_urls(html, from_dir, to_dir)
