"""Read a Markdown page's YAML front matter with the line of each key."""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from veileder.yamlfile import construct_keeping_text, recursive_alias

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in the file
    body: str = ""
    body_first_line: int = 1  # the file line of the body's first line
    error: tuple[int, str] | None = None  # (line, message) when the YAML is broken


def split_front_matter(text: str) -> FrontMatter:
    """The front matter between the first two `---` lines, and the body after it."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return FrontMatter(body=text, body_first_line=1)
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            break
    else:
        return FrontMatter(body=text, body_first_line=1, error=(1, "the front matter has no closing '---' line"))
    raw = "".join(lines[1:i])
    fm = FrontMatter(body="".join(lines[i + 1 :]), body_first_line=i + 2)
    try:
        # one pass, with libyaml (C) when installed: this runs for every page of every build
        loader = _LOADER(raw)
        try:
            node = loader.get_single_node()
            # an alias is written «*name»: front matter without a «*» has none to follow (most pages)
            if "*" in raw and (loop := recursive_alias(node)) is not None:
                fm.error = (loop.start_mark.line + 2, "the front matter has an alias (*…) inside the part its anchor (&…) names")
                return fm
            try:
                fm.data = (loader.construct_document(node) if node is not None else None) or {}
            except ValueError:  # a date YAML cannot build: `reviewed: 2026-02-30`
                fm.data = construct_keeping_text(node) or {}
        finally:
            loader.dispose()
    except ValueError as exc:  # a value YAML cannot build and that cannot be kept as text
        fm.error = (1, f"the front matter has a value that cannot be read ({exc})")
        fm.data = {}
        return fm
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        fm.error = ((mark.line + 2) if mark else 1, f"the front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})")
        return fm
    if not isinstance(fm.data, dict):
        fm.error = (2, "the front matter must be a list of 'key: value' lines")
        fm.data = {}
        return fm
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            fm.lines[str(key_node.value)] = key_node.start_mark.line + 2
    return fm
