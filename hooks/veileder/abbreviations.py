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

_SKIP = ("a", "abbr", "button", "code", "kbd", "pre", "samp", "script", "style", "svg", "textarea", "title")
# The opening and closing tags of the elements whose text is left alone (an opening tag ending in
# «/>» closes itself). Only these tags matter, so the page is not cut at every tag.
_SKIP_TAG = re.compile(r"<(?:(?P<close>/(?:%s)\s*)|(?:%s)(?=[\s>/])[^>]*)>" % ("|".join(_SKIP), "|".join(_SKIP)), re.I)

_NESTED_LT = re.compile(r"<[^>]*<")


def _whole_words(words: list[str]) -> str:
    """A regex for any of the words (in the order given) as a whole word, in group 1: each alternative
    opens with the word's first letter and looks behind only then, so the regex engine jumps from
    one such letter to the next instead of trying every position of the page."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    alternatives = [f"{re.escape(first)}(?<![\\w-]{re.escape(first)})(?:{'|'.join(re.escape(w[1:]) for w in group)})"
                    for first, group in by_first.items()]
    return r"(%s)(?![\w-])" % "|".join(alternatives)


def _inside_tag(page_html: str, i: int) -> bool:
    """Whether page_html[i] comes after a «<» that no «>» has closed yet: inside a tag, as a browser
    reads it (a tag runs from its «<» to the next «>»), given that a «>» follows."""
    opened = page_html.rfind("<", 0, i)
    return opened != -1 and page_html.find(">", opened, i) == -1


class Abbreviations:
    """A callable that adds the tooltips of one language's glossary to a page's HTML."""

    def __init__(self, terms: dict[str, str]) -> None:
        self.titles = {t.rstrip("."): html.escape(text, quote=True) for t, text in terms.items() if t.rstrip(".") and text}
        words = sorted(self.titles, key=len, reverse=True)  # «SARA:SV» before «SARA»
        self.pattern = re.compile(_whole_words(words)) if words else None

    def __call__(self, page_html: str) -> str:
        if self.pattern is None:
            return page_html
        out: list[str] = []
        pos = 0
        depth = 0  # inside how many elements whose text is left alone
        tags = _SKIP_TAG.finditer(page_html)
        tag = next(tags, None)
        # only a «<» that another «<» follows before any «>» (a comment holding a tag, a stray «<»)
        # can put a tag inside another: without one, every tag found is a tag of its own
        nested = _NESTED_LT.search(page_html) is not None
        for m in self.pattern.finditer(page_html):
            start = m.start()
            while tag is not None and tag.start() < start:
                if nested and _inside_tag(page_html, tag.start()):
                    pass  # «<a» inside a comment or another tag is no tag of its own
                elif tag.group("close") is not None:
                    depth = max(depth - 1, 0)
                elif not tag.group(0).endswith("/>"):
                    depth += 1
                tag = next(tags, None)
            if depth:
                continue
            if _inside_tag(page_html, start) and page_html.find(">", start) != -1:
                continue  # inside a tag: its name or an attribute value
            word = m.group(1)
            out.append(page_html[pos:start])
            out.append(f'<abbr title="{self.titles[word]}">{word}</abbr>')
            pos = m.end()
        if not out:
            return page_html
        out.append(page_html[pos:])
        return "".join(out)
