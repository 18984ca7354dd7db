"""MkDocs' own link and anchor warnings, rewritten as `file:line: what — how to fix it`.

MkDocs validates links itself (that stays its job); this only finds the line in the source file
and words the message for editors. A message it does not recognise is left as it is.
"""
from __future__ import annotations

import re
from pathlib import Path

_DOC = r"Doc file '(?P<doc>[^']+)' contains "
PATTERNS = [
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the target(?: '(?P<target>[^']+)')? is not found among documentation files\.(?P<tip>.*)", re.S),
     "the link «{link}» points to a page that does not exist{target_note}", "correct the link (relative to this file, ending in .md), or create the page{tip}"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']*)', it was left as is\.(?P<tip>.*)", re.S),
     "the link «{link}» does not point to a page file", "link to the page's .md file, e.g. ../tiltak/besoksforbud.md{tip}"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but there is no such anchor on this page\.(?P<tip>.*)", re.S),
     "the link «{link}» points to a heading that is not on this page", "use the anchor of an existing heading on this page, or remove the #part{tip}"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'\.(?P<tip>.*)", re.S),
     "the link «{link}» points to a heading that is not in docs/{target}", "use the anchor of an existing heading there (see the page's table of contents), or remove the #part{tip}"),
]


def _line_of(source: Path, link: str) -> int | None:
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for needle in (f"({link})", f"({link} ", link):
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return None


_NOT_IN_NAV = re.compile(r'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n(?P<pages>(?:\s*- .+\n?)+)')


def rewrite_link_warning(message: str, docs_dir: Path) -> str | None:
    """The editor's version of one of MkDocs' link warnings, or None if it is not one of them."""
    m = _NOT_IN_NAV.match(message)
    if m:
        pages = [line.strip()[2:] for line in m.group("pages").splitlines() if line.strip().startswith("- ")]
        return "\n".join(f"docs/{p}: the page is not in the menu — add it under nav: in mkdocs.yml (for bokmål; the English page follows)" for p in pages)
    for pattern, what, fix in PATTERNS:
        m = pattern.match(message)
        if not m:
            continue
        parts = m.groupdict(default="")
        doc = parts["doc"]
        line = _line_of(docs_dir / doc, parts["link"])
        tip = parts.get("tip", "").strip()
        tip = re.sub(r"^Did you mean '([^']+)'\?$", r" (did you mean «\1»?)", tip) if tip else ""
        target = parts.get("target", "")
        target_note = f" (docs/{target})" if target and "does not exist" in what else ""
        where = f"docs/{doc}:{line}" if line else f"docs/{doc}"
        return f"{where}: {what.format(link=parts['link'], target=target, target_note=target_note)} — {fix.format(tip=tip)}"
    return None
