"""relpath_abs: posixpath.relpath for absolute paths, without its abspath calls."""
from __future__ import annotations

import posixpath

from hypothesis import given, settings, strategies as st

from veileder.paths import relpath_abs

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
