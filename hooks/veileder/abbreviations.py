"""The glossary's abbreviations as tooltips in a page's HTML: every occurrence in running text
becomes <abbr title="…">, as the Markdown `abbr` extension would do, but in one pass of compiled
regular expressions over the finished HTML instead of a walk over every element of every page.

    wrap = Abbreviations({"NKVTS": "Nasjonalt kunnskapssenter …", "strl.": "straffeloven"})
    wrap("<p>NKVTS og RVTS</p>")   -> '<p><abbr title="Nasjonalt kunnskapssenter …">NKVTS</abbr> og RVTS</p>'

Text inside links, code, buttons and existing <abbr> is left alone (a link already has its own
name and tooltip), as are tag names and attribute values. A final full stop is not part of the
match ("strl." is found as "strl"), so the sentence's own full stop stays outside the tooltip.
"""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = ("a", "abbr", "button", "code", "kbd", "pre", "samp", "script", "style", "svg", "textarea", "title")
_OPEN = re.compile(r"<(%s)(?=[\s>/])" % "|".join(_SKIP), re.I)
_CLOSE = re.compile(r"</(%s)\s*>" % "|".join(_SKIP), re.I)


class Abbreviations:
    """A callable that adds the tooltips of one language's glossary to a page's HTML."""

    def __init__(self, terms: dict[str, str]) -> None:
        self.titles = {t.rstrip("."): html.escape(text, quote=True) for t, text in terms.items() if t.rstrip(".") and text}
        words = sorted(self.titles, key=len, reverse=True)  # «SARA:SV» before «SARA»
        self.pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(map(re.escape, words))) if words else None

    def __call__(self, page_html: str) -> str:
        if self.pattern is None or not self.pattern.search(page_html):
            return page_html
        parts = _TAG.split(page_html)
        depth = 0  # inside how many elements whose text is left alone
        for i, part in enumerate(parts):
            if i % 2:  # a tag
                if _OPEN.match(part) and not part.endswith("/>"):
                    depth += 1
                elif _CLOSE.match(part):
                    depth = max(depth - 1, 0)
            elif depth == 0 and part:
                parts[i] = self.pattern.sub(lambda m: f'<abbr title="{self.titles[m.group(1)]}">{m.group(1)}</abbr>', part)
        return "".join(parts)
