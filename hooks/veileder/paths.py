"""posixpath.relpath for absolute paths, without its abspath calls: the build works out relative
links for every page of the guide (menus, lists, trees, print pages), many thousands of them."""
from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=256)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(x for x in posixpath.normpath(path).split("/") if x)


def relpath_abs(path: str, start: str) -> str:
    """posixpath.relpath(path, start) for two absolute paths ('/tiltak/', '/vold/a/' -> '../../tiltak')."""
    to, base = _parts(path), _parts(start)
    common = 0
    for a, b in zip(base, to):
        if a != b:
            break
        common += 1
    rel = [".."] * (len(base) - common) + list(to[common:])
    return "/".join(rel) if rel else "."
