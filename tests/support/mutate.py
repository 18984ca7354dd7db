"""Half-finished data, as an editor may leave it: every part of a parsed YAML file by its path, and
a copy of the data with some parts taken away or given other values (for the property tests)."""
from __future__ import annotations

import copy
from typing import Any, Iterator


def parts(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """The path of every part of data (mapping keys and list indexes), the whole first (())."""
    yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from parts(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from parts(v, (*path, i))


def changed(data: Any, changes: list[tuple[tuple, Any]]) -> Any:
    """A copy of data with each (path, value) applied: the value put there, or the part taken away
    for "drop". A change whose part an earlier one took away is skipped."""
    data = copy.deepcopy(data)
    for path, value in changes:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == "drop":
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            pass
    return data
