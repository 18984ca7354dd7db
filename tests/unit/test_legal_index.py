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
    assert row == ('| <a href="https://lovdata.no/lov/1981-05-22-25/§222a" class="law-ref" hreflang="nb" '
                   'aria-label="straffeprosessloven § 222 a – Besøksforbud" title="straffeprosessloven § 222 a – '
                   'Besøksforbud">§ 222 a</a> | *Besøksforbud* | [Besøksforbud](../tiltak/besoksforbud.md), '
                   '[Partnervold](../vold/partnervold.md) |')
    assert "| <a href=\"https://lovdata.no/lov/2005-05-20-28/§282\"" in md
    assert "Opphevet 1. oktober 2015. Erstattet av straffeloven." in md
    assert "| §&nbsp;342 | *Brudd på oppholdsforbud og besøksforbud* (opphevet 1. oktober 2015) |" in md
    assert 'href="https://lovdata.no/dokument/NL/lov/2005-05-20-28"' in md
    assert 'href="https://lovdata.no/dokument/NLO/lov/1902-05-22-10"' in md
    # the regulation: listed, never linked
    assert "(Lovdata-lenke ikke kontrollert)" in md
    assert "| §&nbsp;3 | *Fysisk sikring av lokalene* | [Partnervold](../vold/partnervold.md) |" in md
    assert "Titler i kursiv beskriver innholdet" in md


def test_index_en():
    md = render_law_index(REG, cites(), lang="en", page_link=PAGES.__getitem__)
    assert "## Penal Code (straffeloven)" in md
    assert "| Section | Title | Cited on |" in md
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
    assert "| docs/x.md |" in md


def test_pages_citing_in_a_link_text_or_footnote_are_listed():
    cs = {}
    for file, md in [("docs/tiltak/besoksforbud.md", "Se [straffeloven § 282](../vold/partnervold.md)."),
                     ("docs/vold/partnervold.md", "Tekst.[^1]\n\n[^1]: straffeloven § 282.\n")]:
        cs[file] = link_legal_refs(md, lang="nb", registry=REG, file=file)[1]
    md = render_law_index(REG, cs, lang="nb", page_link=PAGES.__getitem__)
    row = next(line for line in md.splitlines() if "§282" in line)
    assert row.endswith("| [Besøksforbud](../tiltak/besoksforbud.md), [Partnervold](../vold/partnervold.md) |")
