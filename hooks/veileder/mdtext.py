"""Split Markdown into prose that checks may read and rewrite, and parts they must leave alone.

Left alone: fenced code, inline code, HTML tags and comments, Markdown links and images (their
text and address), link and abbreviation definitions, footnote labels, and `{{ ... }}` markers.
A footnote's text is prose.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_PROTECTED_INLINE = re.compile(
    r"""
    (?=[`<!\[{])                                 # only where a protected part can start (speed)
    (?:
      (?P<code>(`+).+?(?<!`)\2(?!`))            # inline code
    | <!--.*?-->                                  # HTML comment
    | <a(?=[\s>])[^<>]*>.*?</a>                   # an existing HTML link, with its text
    | <abbr(?=[\s>])[^<>]*>.*?</abbr>
    | </?[A-Za-z][^>\n<]*>                        # any other HTML tag (not its content)
    | !?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)\n]*\)    # Markdown link or image, text included
    | !?\[(?:[^\[\]]|\[[^\]]*\])*\]\[[^\]\n]*\]   # reference-style link
    | \{\{.*?\}\}                                 # {{ marker }}
    | \[\^[^\]\s]+\]:?                             # footnote label (its text is prose)
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_PROTECTED_START = re.compile(r"[`<!\[{]")  # what a protected part starts with
_DEFINITION_LINE = re.compile(r"^[ \t]*(\*\[[^\]]+\]:|\[(?!\^)[^\]]+\]:\s)")  # not footnotes: their text is prose


class Segment(NamedTuple):  # a tuple: made for every part of every page, twice (twice as quick as a dataclass)
    text: str
    offset: int  # character offset in the whole Markdown
    line: int  # 1-based line of the segment's first character
    prose: bool  # True: checks may read and rewrite it


def segments(markdown: str) -> list[Segment]:
    """The Markdown cut into consecutive segments; joining their texts gives the input back."""
    raw: list[tuple[int, int, bool]] = []  # (start, end, prose)
    if "```" not in markdown and "~~~" not in markdown and "]:" not in markdown:
        # no fence and no definition line can start here: the whole text is one block (most pages)
        return _segments_of(markdown, _split_inline(markdown, 0, len(markdown)))
    pos = 0
    fence: str | None = None
    block_start = 0
    for line in markdown.splitlines(keepends=True):
        end = pos + len(line)
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            if pos > block_start:
                raw.extend(_split_inline(markdown, block_start, pos))
            block_start = pos
        elif fence is not None:
            if m and m.group(1).startswith(fence) and line.strip() == m.group(1):
                raw.append((block_start, end, False))
                fence = None
                block_start = end
        elif _DEFINITION_LINE.match(line):
            if pos > block_start:
                raw.extend(_split_inline(markdown, block_start, pos))
            raw.append((pos, end, False))
            block_start = end
        pos = end
    if block_start < len(markdown):
        if fence is not None:
            raw.append((block_start, len(markdown), False))
        else:
            raw.extend(_split_inline(markdown, block_start, len(markdown)))
    return _segments_of(markdown, raw)


def _segments_of(markdown: str, raw: list[tuple[int, int, bool]]) -> list[Segment]:
    out: list[Segment] = []
    line = 1
    for start, end, prose in raw:
        if start == end:
            continue
        text = markdown[start:end]
        out.append(Segment(text, start, line, prose))
        line += text.count("\n")
    return out


def matches_where(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """pattern.finditer(text, pos, endpos), the same matches, with the pattern tried only where
    `starts` (a plain character class) finds a character a match can begin with. For a pattern that
    opens with a look-around, which keeps the regex engine from skipping ahead by itself: the
    look-behind still sees the text before each start."""
    endpos = len(text) if endpos is None else endpos
    find, match = starts.search, pattern.match
    while (s := find(text, pos, endpos)) is not None:
        m = match(text, s.start(), endpos)
        if m is None:
            pos = s.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > s.start() else s.start() + 1


def _split_inline(markdown: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    parts: list[tuple[int, int, bool]] = []
    pos = start
    for m in matches_where(_PROTECTED_INLINE, _PROTECTED_START, markdown, start, end):
        if m.start() > pos:
            parts.append((pos, m.start(), True))
        parts.append((m.start(), m.end(), False))
        pos = m.end()
    if pos < end:
        parts.append((pos, end, True))
    return parts


def rewrite_prose(markdown: str, fn: Callable[[str, int], str]) -> str:
    """Markdown with each prose segment replaced by fn(text, first_line); the rest untouched."""
    return "".join(fn(s.text, s.line) if s.prose else s.text for s in segments(markdown))


def line_at(text: str, index: int, first_line: int = 1) -> int:
    """The line number of text[index], counting text's first line as first_line."""
    return first_line + text.count("\n", 0, index)


_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_HEADING_MARKUP = re.compile(r"<[^>]+>|[*_`]|\[([^\]]*)\]\([^)]*\)")


def heading_ids(markdown: str) -> set[str]:
    """The ids of the page's Markdown headings, as the toc extension gives them: `{#id}` when the
    heading sets one, otherwise the default slug of its text (first use plain, repeats `_1`, `_2` …).
    Headings in fenced code are left out."""
    from markdown.extensions.toc import slugify, unique

    ids: set[str] = set()
    fence: str | None = None
    for line in markdown.splitlines():
        m = _FENCE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)[0] * len(m.group(1))
            elif m.group(1).startswith(fence) and line.strip() == m.group(1):
                fence = None
            continue
        if fence is not None:
            continue
        h = _HEADING.match(line)
        if not h:
            continue
        text = h.group(2)
        attrs = _HEADING_ATTRS.search(text)
        given = None
        if attrs:
            text = text[: attrs.start()]
            given = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
        if given:
            ids.add(given)
            continue
        plain = _HEADING_MARKUP.sub(lambda x: x.group(1) or "", text).strip()
        ids.add(unique(slugify(plain, "-"), ids))
    return ids
