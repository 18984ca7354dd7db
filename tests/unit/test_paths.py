"""relpath_abs: posixpath.relpath for absolute paths, without its abspath calls."""
from __future__ import annotations

import posixpath

from hypothesis import given, settings, strategies as st

from veileder.paths import relpath_abs
from veileder.site_content import relative_md

_PART = st.sampled_from(["a", "b", "tiltak", "en", ".", "..", "", "æøå", "index.html"])
_ABS = st.lists(_PART, max_size=6).map(lambda parts: "/" + "/".join(parts))


def test_relative_links_between_folders():
    assert relpath_abs("/tiltak/besoksforbud/", "/vold/") == "../tiltak/besoksforbud"
    assert relpath_abs("/", "/en/tiltak/") == "../.."
    assert relpath_abs("/tiltak/", "/tiltak") == "."
    assert relpath_abs("/a/b/c.html", "/a") == "b/c.html"


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_ABS, _ABS)
def test_relpath_abs_is_posixpath_relpath_for_absolute_paths(path, start):
    assert relpath_abs(path, start) == posixpath.relpath(path, start)


# docs-relative page files: folders and a file name, never «..» (that would leave docs/)
_FOLDER = st.sampled_from(["tiltak", "vold", "en", "æøå", "om"])
_FILE = st.lists(_FOLDER, max_size=3).flatmap(
    lambda folders: st.sampled_from(["index.md", "a.md", "a.en.md", "index.en.md"]).map(lambda name: "/".join([*folders, name])))


def test_relative_md_links_by_the_bokmal_file_name():
    assert relative_md("roller/helse.en.md", "tiltak/besoksforbud.en.md") == "../tiltak/besoksforbud.md"
    assert relative_md("index.md", "docs/om/kilder.md") == "om/kilder.md"
    assert relative_md("tiltak/index.md", "tiltak/a.md") == "a.md"


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_FILE, _FILE)
def test_relative_md_is_posixpath_relpath_between_page_files(from_rel, to_rel):
    target = to_rel[: -len(".en.md")] + ".md" if to_rel.endswith(".en.md") else to_rel
    assert relative_md(from_rel, to_rel) == posixpath.relpath(target, posixpath.dirname(from_rel) or ".")
