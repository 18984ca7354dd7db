"""Find phone numbers in page text, link the registry's numbers, report every other one.

The rule, for editors
---------------------
Write phone numbers plainly, in the usual Norwegian grouping (112, 02800, 116 006, 800 40 008,
22 40 00 40). The build turns each into a tap-to-call link. What the build takes for a phone number:

1. Always: 8-digit numbers written 22 40 00 40, 800 40 008, 2240 0040 or 22400040, with or without
   +47 / 0047 in front; 5-digit numbers starting with 0 (02800); 116 and three digits (116 006).
2. Numbers of 3–4 digits (112, 113, 1412 …) only if they are in the phone registry, or if they come
   right after a phone word: «ring», «ringe», «tlf.», «telefon», «nummer», «nødnummer», «call»,
   «phone», «dial», «number» (also «ring politiet på 1850», «call the police on 1850»).
   So «20 saker» or «§ 222» is never a phone number, but «ring 1850» must be in the registry.
3. Never a phone number, even in the shapes above: a number that is part of a larger number, a
   date, a time, a range or an identifier (joined by - – / : or a decimal point: «2017–2019»,
   «NOU 2020:17», «LOV-2005-05-20-28», «08.00»); a number after § or a reference word («§ 222»,
   «Prop. 146 L», «kapittel», «section», «nr.», «kl.»); a count or amount (a short number followed
   by a unit such as «år», «saker», «kroner», «cases», «years», or after «ca.», «kr», «i», «in»;
   this also holds for 116 xxx: «116 000 kroner»).
4. Text in code (`...`, fenced blocks, <code>, <pre>) is never read.

A number in the registry becomes a link. A phone number that is not in the registry fails the build:
add it to data/phones.yml with a source, or correct it. Existing `tel:` links and numbers inside link
texts are checked too, so no number escapes the registry.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from veileder import mdtext, phone_format
from veileder.problems import Problem

_SP = "[ \u00a0\u202f]"
_CANDIDATE = re.compile(
    rf"""
    (?<![\w+])
    (?:
        (?P<intl>(?:\+|00)47{_SP}?)?
        (?P<full>\d{{2}}{_SP}\d{{2}}{_SP}\d{{2}}{_SP}\d{{2}}
               |\d{{3}}{_SP}\d{{2}}{_SP}\d{{3}}
               |\d{{4}}{_SP}\d{{4}}
               |\d{{8}})
      | (?P<harm>116{_SP}?\d{{3}})
      | (?P<uan>0\d{{4}})
      | (?P<short>[1-9]\d{{2,3}})
    )
    (?!\w)
    """,
    re.VERBOSE,
)

_JOINERS_BEFORE = "-\u2010\u2011\u2012\u2013\u2014/§#_=&"
_JOINERS_AFTER = "-\u2010\u2011\u2012\u2013\u2014/_%\u2030=&"
# A number right after § or a reference word is a section, page, case or document number.
_REFERENCE_BEFORE = re.compile(
    r"""(?:§§?|¶
        |\b(?:nou|prop|meld|st|innst|dok|kap|kapittel|kapitel|section|sections|sec|chapter|chapters|chap
             |art|artikkel|artikler|article|articles|pkt|punkt|ledd|nr|no|ref|side|sidene|s|p|pp|page|pages
             |kl|klokka|klokken|lov|loven|forskrift|rundskriv|sak|saksnr|case|vedlegg|annex|tabell|table|figur|figure)
       )\.?\s*
       (?:\d+(?:\s?[a-z])?(?:\s?[-–]\s?\d+(?:\s?[a-z])?)?\s*(?:,|\bog\b|\band\b|\beller\b|\bor\b)\s*)*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that make a short number a count, amount, age or year.
_COUNT_BEFORE = re.compile(
    r"\b(?:kr|nok|ca|cirka|omkring|rundt|about|around|approx|approximately|over|under|minst|totalt|nesten|"
    r"i|in|år|året|year|since|siden|fra|from|per|av|of|de|alle|all|than|enn|mellom|between|ved|by|etter|after|"
    r"før|before|innen|within|fylte|aged|age|alder|alderen)\.?\s+$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:år|års|åring|kroner|kr|nok|prosent|percent|per|saker|sakene|sak|tilfeller|personer|menn|kvinner|barn|"
    r"dager|døgn|timer|uker|måneder|måned|minutter|sekunder|km|meter|m|kg|ganger|gang|stk|sider|ord|krav|drap|"
    r"anmeldelser|meldinger|ansatte|kommuner|av|of|out|years|year|cases|case|people|persons|women|men|children|"
    r"days|hours|weeks|months|minutes|seconds|times|pages|words|requirements|killings|reports|employees|"
    r"municipalities|kilometres|metres|ledd|nr)\b",
    re.IGNORECASE,
)
_STRONG_CUE = (
    r"ring|ringe|ringer|ringte|ringt|tlf|telefon|telefonnr|telefonnummer|telefonnummeret|tel|"
    r"nummer|nummeret|nødnummer|nødnummeret|nødnumrene|nødtelefon|nødtelefonen|"
    r"call|calling|phone|phoning|telephone|dial|dialling|dialing|number|sms"
)
_CUE_DIRECT = re.compile(rf"\b(?:{_STRONG_CUE})\b\.?:?\s+(?:(?:er|is)\s+)?$", re.IGNORECASE)
_CUE_VIA = re.compile(
    rf"\b(?:{_STRONG_CUE}|kontakt|kontakte|contact|nås|reach|reached)\b(?:\s+[^\s.!?;]+){{0,4}}?\s+"
    r"(?:på|on|til|to|via|at)\s+$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^(?:\s*,\s*|\s+(?:eller|or|og|and)\s+)$", re.IGNORECASE)

_CODE_TAG = re.compile(r"^<(/?)(code|pre|kbd|samp|script|style|textarea)\b", re.IGNORECASE)
_TEL = re.compile(r"tel:([^\s\"'<>)\]]*)", re.IGNORECASE)
_DEFINITION = re.compile(r"^\*?\[[^\]]+\]:")
_LINK_URL = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^>]*>")


def _excluded(text: str, start: int, end: int, short: bool, grouped_part: bool) -> bool:
    """True if the digits at text[start:end] are part of something that is not a phone number."""
    # "\n" stands for "nothing there" (never a joiner; an empty string would be `in` every string)
    before = text[start - 1] if start > 0 else "\n"
    before2 = text[start - 2] if start > 1 else "\n"
    after = text[end] if end < len(text) else "\n"
    after2 = text[end + 1] if end + 1 < len(text) else "\n"
    if before in _JOINERS_BEFORE or after in _JOINERS_AFTER:
        return True
    if before in ".,:" and before2.isdigit():
        return True
    if after in ".,:" and after2.isdigit():
        return True
    if grouped_part:
        if before in " \u00a0\u202f" and before2.isdigit():  # «1 112 kroner»
            return True
        if after in " \u00a0\u202f" and after2.isdigit():  # «112 000 kroner»
            return True
    window = text[max(0, start - 80):start]
    if _REFERENCE_BEFORE.search(window):
        return True
    if short:
        if _COUNT_BEFORE.search(window) or _is_unit(text, end):
            return True
    return False


def _is_unit(text: str, end: int) -> bool:
    m = _UNIT_AFTER.match(text, end)
    return bool(m) and m.start() == end and (end < len(text) and text[end] in " \u00a0\u202f")


def _has_cue(text: str, start: int, previous_end: int | None) -> bool:
    window = text[max(0, start - 80):start]
    if _CUE_DIRECT.search(window) or _CUE_VIA.search(window):
        return True
    return previous_end is not None and bool(_LIST_JOIN.match(text[previous_end:start]))


class _Scanner:
    def __init__(self, *, lang: str, registry: Any, file: str) -> None:
        self.lang, self.registry, self.file = lang, registry, file
        self.found: list[str] = []
        self.problems: list[Problem] = []

    def _found(self, ident: str) -> None:
        if ident not in self.found:
            self.found.append(ident)

    def _unknown(self, key: str | None, written: str, line: int, short_cue: bool) -> None:
        shown = phone_format.display(key) if key else written
        if key is None:
            self.problems.append(Problem(
                self.file, line, f"«{written}» looks like a phone number but is not a valid Norwegian number",
                "correct the number, or add it to the registry (data/phones.yml) with a source",
            ))
            return
        self._found(phone_format.e164(key))
        if key in self.registry.rejected:
            self.problems.append(Problem(
                self.file, line, f"{shown} is in the phone registry, but its entry has errors and is not published",
                f"fix the entry '{self.registry.rejected[key]}' in data/phones.yml (see the messages for that file)",
            ))
            return
        hint = (" (a number of 3–4 digits after a word like «ring», «tlf.» or «call» counts as a phone number)"
                if short_cue else "")
        self.problems.append(Problem(
            self.file, line, f"{shown} looks like a phone number but is not in the phone registry{hint}",
            "add it to the registry (data/phones.yml) with a source, or correct it",
        ))

    def scan(self, text: str, first_line: int, *, rewrite: bool) -> str:
        """Text with registry numbers linked (if rewrite); problems and finds recorded."""
        out: list[str] = []
        pos = 0
        previous_end: int | None = None
        for m in _CANDIDATE.finditer(text):
            start, end = m.start(), m.end()
            kind = next(k for k in ("full", "harm", "uan", "short") if m.group(k))
            if _excluded(text, start, end, short=(kind in ("short", "harm")), grouped_part=(kind != "full")):
                continue
            key = phone_format.number_key(m.group(0))
            line = mdtext.line_at(text, start, first_line)
            entry = self.registry.lookup(key) if key else None
            if kind == "full" and key is None and not m.group("intl"):
                continue  # an 8-digit group that cannot be a Norwegian number
            if kind == "short" and entry is None:
                known_bad = key is not None and key in self.registry.rejected
                if not (known_bad or _has_cue(text, start, previous_end)):
                    continue
            previous_end = end
            if entry is None:
                self._unknown(key, m.group(0), line, short_cue=(kind == "short"))
                continue
            self._found(entry.id)
            if rewrite:
                out.append(text[pos:start])
                out.append(entry.link_html(self.lang))
                pos = end
        out.append(text[pos:])
        return "".join(out)

    def check_tel_links(self, text: str, first_line: int) -> None:
        for m in _TEL.finditer(text):
            target = m.group(1)
            line = mdtext.line_at(text, m.start(), first_line)
            digits = re.sub(r"[\s\-.()]", "", unquote(target))
            key = phone_format.number_key(digits) if digits else None
            entry = self.registry.lookup(key) if key else None
            if entry is not None:
                self._found(entry.id)
                continue
            self.problems.append(Problem(
                self.file, line, f"the link `tel:{target}` dials a number that is not in the phone registry",
                "write the number as plain text (the build makes the link) and add it to the registry "
                "(data/phones.yml) with a source, or correct it",
            ))


def link_phone_numbers(markdown: str, *, lang: str, registry: Any, file: str, first_line: int = 1
                       ) -> tuple[str, list[str], list[Problem]]:
    """Markdown with every registry number turned into a tap-to-call link.

    Returns (markdown, found, problems): `found` lists the registry ids of the numbers met, and the
    E.164 form (or the digits of a short number) of numbers not in the registry, in order, once each.
    Only prose is rewritten (see mdtext); link texts and `tel:` links are checked, code is skipped.
    """
    scanner = _Scanner(lang=lang, registry=registry, file=file)
    out: list[str] = []
    code_depth = 0
    for seg in mdtext.segments(markdown):
        line = first_line - 1 + seg.line
        if seg.prose:
            out.append(seg.text if code_depth else scanner.scan(seg.text, line, rewrite=True))
            continue
        out.append(seg.text)
        text = seg.text
        tag = _CODE_TAG.match(text)
        if tag:
            code_depth = max(0, code_depth + (-1 if tag.group(1) else 1))
            continue
        stripped = text.lstrip()
        if code_depth or stripped.startswith(("`", "~~~", "<!--", "{{")):
            continue
        scanner.check_tel_links(text, line)
        if stripped.startswith(("[", "![", "<a", "<A", "<abbr")) and not _DEFINITION.match(stripped):
            # the link's visible text: its address and tags blanked, lines kept
            visible = _LINK_URL.sub(lambda m: "]" * m.group(0).startswith("]") + "\n" * m.group(0).count("\n"), text)
            scanner.scan(visible, line, rewrite=False)
    return "".join(out), scanner.found, scanner.problems
