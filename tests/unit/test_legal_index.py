from pathlib import Path

from veileder.legal import Citation, link_legal_refs, load_law_registry, render_law_index

ROOT = Path(__file__).resolve().parents[2]
REG, _ = load_law_registry(ROOT / "data" / "laws.yml")
PAGES = {"docs/tiltak/besoksforbud.md": ("Besøksforbud", "../tiltak/besoksforbud.md"),
         "docs/vold/partnervold.md": ("Partnervold", "../vold/partnervold.md")}


def cites():
    out: dict[str, list[Citation]] = {}
    for file, md in [("docs/tiltak/besoksforbud.md", "strpl. § 222 a og straffeloven § 168. "
                                                      "{{ repealed: straffeloven 1902 § 342 }}"),
                     ("docs/vold/partnervold.md", "straffeloven §§ 282 og 283, strpl. § 222 a, "
                                                   "forskrift om fysisk sikkerhet i krisesentertilbudet § 3")]:
        out[file] = link_legal_refs(md, lang="nb", registry=REG, file=file)[1]
    return out


def test_index_nb():
    md = render_law_index(REG, cites(), lang="nb", page_link=PAGES.__getitem__)
    assert md.index("## Straffeloven") < md.index("## Straffeloven 1902") < md.index("## Straffeprosessloven")
    assert "## Krisesenterlova" not in md  # not cited
    row = next(line for line in md.splitlines() if "§222a" in line)
    assert row == ('<tr><td><a href="https://lovdata.no/lov/1981-05-22-25/§222a" class="law-ref" hreflang="nb" '
                   'aria-label="straffeprosessloven § 222 a – Besøksforbud" title="straffeprosessloven § 222 a – '
                   'Besøksforbud">§ 222 a</a></td><td><em>Besøksforbud</em></td><td><a href="../tiltak/besoksforbud.md">Besøksforbud</a>, '
                   '<a href="../vold/partnervold.md">Partnervold</a></td></tr>')
    assert "<tr><td><a href=\"https://lovdata.no/lov/2005-05-20-28/§282\"" in md
    assert "<thead><tr><th>Paragraf</th><th>Tittel</th><th>Sitert på</th></tr></thead>" in md
    assert "Opphevet 1. oktober 2015. Erstattet av straffeloven." in md
    assert "<tr><td>§&nbsp;342</td><td><em>Brudd på oppholdsforbud og besøksforbud</em> (opphevet 1. oktober 2015)</td>" in md
    assert 'href="https://lovdata.no/dokument/NL/lov/2005-05-20-28"' in md
    assert 'href="https://lovdata.no/dokument/NLO/lov/1902-05-22-10"' in md
    # the regulation: listed, never linked
    assert "(Lovdata-lenke ikke kontrollert)" in md
    assert '<tr><td>§&nbsp;3</td><td><em>Fysisk sikring av lokalene</em></td><td><a href="../vold/partnervold.md">Partnervold</a></td></tr>' in md
    assert "Titler i kursiv beskriver innholdet" in md


def test_index_tables_go_through_the_given_block():
    blocks = []
    md = render_law_index(REG, cites(), lang="nb", page_link=PAGES.__getitem__,
                          block=lambda h: blocks.append(h) or f"<!-- table {len(blocks)} -->")
    assert "<table>" not in md and "<!-- table 1 -->" in md
    assert all(b.startswith("<table>") and b.endswith("</table>") for b in blocks) and len(blocks) == md.count("<!-- table")


def test_index_en():
    md = render_law_index(REG, cites(), lang="en", page_link=PAGES.__getitem__)
    assert "## Penal Code (straffeloven)" in md
    assert "<th>Section</th><th>Title</th><th>Cited on</th>" in md
    assert 'aria-label="straffeloven § 282 – Abuse in close relationships"' in md
    assert "Repealed on 1 October 2015. Replaced by the Penal Code (straffeloven)." in md


def test_index_is_stable_under_linking():
    md = render_law_index(REG, cites(), lang="nb", page_link=PAGES.__getitem__)
    out, _, problems = link_legal_refs(md, lang="nb", registry=REG, file="docs/om/lovverk.md")
    assert out == md and problems == []


def test_index_empty_and_unknown_page():
    assert render_law_index(REG, {}, lang="en", page_link=PAGES.__getitem__).startswith("The guide does not cite")
    cs = {"docs/x.md": [Citation("straffeloven", "282", "docs/x.md", 1)]}
    md = render_law_index(REG, cs, lang="nb", page_link=lambda f: (_ for _ in ()).throw(KeyError(f)))
    assert "<td>docs/x.md</td>" in md


def test_pages_citing_in_a_link_text_or_footnote_are_listed():
    cs = {}
    for file, md in [("docs/tiltak/besoksforbud.md", "Se [straffeloven § 282](../vold/partnervold.md)."),
                     ("docs/vold/partnervold.md", "Tekst.[^1]\n\n[^1]: straffeloven § 282.\n")]:
        cs[file] = link_legal_refs(md, lang="nb", registry=REG, file=file)[1]
    md = render_law_index(REG, cs, lang="nb", page_link=PAGES.__getitem__)
    row = next(line for line in md.splitlines() if "§282" in line)
    assert row.endswith('<td><a href="../tiltak/besoksforbud.md">Besøksforbud</a>, <a href="../vold/partnervold.md">Partnervold</a></td></tr>')
