from veileder.link_messages import rewrite_link_warning


def test_missing_page_gets_file_line_and_fix(tmp_path):
    (tmp_path / "tiltak").mkdir()
    (tmp_path / "tiltak" / "a.md").write_text("---\ntitle: x\n---\n\nSe [B](b.md) og mer.\n")
    msg = "Doc file 'tiltak/a.md' contains a link 'b.md', but the target 'tiltak/b.md' is not found among documentation files."
    assert rewrite_link_warning(msg, tmp_path) == (
        "docs/tiltak/a.md:5: the link «b.md» points to a page that does not exist (docs/tiltak/b.md) — "
        "correct the link (relative to this file, ending in .md), or create the page")


def test_missing_anchor_and_suggestion(tmp_path):
    (tmp_path / "a.md").write_text("Se [her](c.md#finnes-ikke).\n")
    msg = "Doc file 'a.md' contains a link 'c.md#finnes-ikke', but the doc 'c.md' does not contain an anchor '#finnes-ikke'."
    out = rewrite_link_warning(msg, tmp_path)
    assert out.startswith("docs/a.md:1: the link «c.md#finnes-ikke» points to a heading that is not in docs/c.md — ")
    msg2 = "Doc file 'a.md' contains an unrecognized relative link 'c/', it was left as is. Did you mean 'c.md'?"
    (tmp_path / "a.md").write_text("x\n[c](c/)\n")
    assert rewrite_link_warning(msg2, tmp_path).endswith("(did you mean «c.md»?)")
    assert rewrite_link_warning(msg2, tmp_path).startswith("docs/a.md:2: ")


def test_other_messages_are_left_alone(tmp_path):
    assert rewrite_link_warning("Something else entirely", tmp_path) is None


def test_pages_missing_from_the_menu_one_line_each(tmp_path):
    msg = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - om/a.md\n  - om/b.md'
    assert rewrite_link_warning(msg, tmp_path).splitlines() == [
        "docs/om/a.md: the page is not in the menu — add it under nav: in mkdocs.yml (for bokmål; the English page follows)",
        "docs/om/b.md: the page is not in the menu — add it under nav: in mkdocs.yml (for bokmål; the English page follows)",
    ]
