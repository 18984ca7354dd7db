"""Find phone numbers in page text, link the registry's numbers, report every other one.

The rule, for editors
---------------------
Write phone numbers plainly, in the usual Norwegian grouping (112, 02800, 116 006, 800 40 008,
22 40 00 40). The build turns each into a tap-to-call link. What the build takes for a phone number:

1. Always: 8-digit numbers written 22 40 00 40, 800 40 008, 2240 0040, 22 40 0040, 800 57000 or
   22400040, or with hyphens or full stops between the usual groups (22-40-00-40, 800.40.008); with
   or without +47, 0047 or (+47) in front; spaces may be no-break spaces. 5-digit numbers starting
   with 0 (02800); 116 and three digits (116 006, 116006).
2. Numbers of 3–4 digits (112, 113, 1412 …) only if they are in the phone registry (or in its
   `not_used:` list: «911» is reported wherever it stands), or if they come
   right after a phone word: «ring», «ringe», «tlf.», «telefon», «nummer», «nødnummer», «sms», «call»,
   «phone», «dial», «number», «text» (also «ring politiet på 1850», «call the police on 1850», and the
   next number in a list: «ring 112, 113 eller 1850»). So «20 saker» or «§ 222» is never a phone
   number, but «ring 1850» must be in the registry.
3. Never a phone number, even in the shapes above: a number that is part of a larger number, a
   date, a time, a range or an identifier (joined by - – / : or a decimal point: «2017–2019»,
   «NOU 2020:17», «LOV-2005-05-20-28», «08.00», «sak 20/1234»; a slash is allowed between numbers
   when one of them is in the registry: «112/113»); a number after § or a reference word («§ 222»,
   «Prop. 146 L», «kapittel», «section», «nr.», «kl.», «saksnummer», «org.nr.», «postboks», «rute»,
   a street name: «Storgata 112»); a count, amount or share (a short number followed by a unit such
   as «år», «saker», «kroner», «%», «cases», «years», or after «ca.», «kr», «i», «in», «€»; this also
   holds for 116 xxx: «116 000 kroner»); a 4-digit number followed by a place name («1412 Sofiemyr»)
   unless a phone word comes before it.
4. Text in code (`...`, fenced blocks, <code>, <pre>) is never read.

A number in the registry becomes a link. Any other phone number fails the build: a Norwegian number
not in the registry (add it to data/phones.yml with a source, or correct it); a number in a phone
shape (22 40 00 40, 800 40 008, +47 …) that is not a valid Norwegian number; a short number with +47
in front (no phone can dial it); a foreign number (+46 …); digits in an unusual grouping right after a
phone word («ring 224 000 40»); a registry number inside a link text (it cannot become a call link);
a hand-written `tel:` link. Numbers in link texts and `tel:` addresses are checked too, so no number
escapes the registry.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import phonenumbers

from veileder import mdtext, phone_format
from veileder.problems import Problem

_SP = "[ \u00a0\u202f]"  # a space, a no-break space or a narrow no-break space
# The groupings of an 8-digit number that people write. Thousands grouping (25 000 000) is not
# among them, and hyphens or full stops only join the two usual groupings (22-40-00-40, 800.40.008),
# so dates (08.04.2024, 2024-04-08) and year ranges (2017-2019) never match.
_FULL = rf"""
      \d{{2}}(?:{_SP}\d{{2}}){{3}} | \d{{2}}(?:-\d{{2}}){{3}} | \d{{2}}(?:\.\d{{2}}){{3}}            # 22 40 00 40
    | \d{{3}}{_SP}\d{{2}}{_SP}\d{{3}} | \d{{3}}-\d{{2}}-\d{{3}} | \d{{3}}\.\d{{2}}\.\d{{3}}         # 800 40 008
    | \d{{2}}{_SP}\d{{2}}{_SP}\d{{4}}                                                  # 22 40 0040
    | \d{{4}}{_SP}\d{{2}}{_SP}\d{{2}}                                                  # 2240 00 40
    | \d{{4}}{_SP}\d{{4}}                                                             # 2240 0040
    | \d{{3}}{_SP}\d{{5}}                                                             # 800 57000
    | \d{{8}}                                                                         # 22400040
"""
# Spaced or hyphenated 2-2-2-2 and 3-2-3: the shapes no one writes for anything but a phone number,
# so a number in them that is not a valid Norwegian number is reported (a typo, or a foreign number).
_PHONE_SHAPED = re.compile(rf"\d{{2}}(?:{_SP}\d{{2}}){{3}}|\d{{2}}(?:-\d{{2}}){{3}}|\d{{3}}({_SP}|-)\d{{2}}\1\d{{3}}")
_CC = r"(?:\(\+47\)|\(0047\)|\+47|0047)"
_CANDIDATE = re.compile(
    rf"""
    (?<![^\W_]|[+])
    (?:
        (?P<intl>{_CC}[ \u00a0\u202f.\-]?\d(?:[ \u00a0\u202f.\-]?\d){{2,}})                      # +47 22 40 00 40
      | (?P<foreign>\+(?!47)[1-9]\d{{0,2}}[ \u00a0\u202f.\-]?\d(?:[ \u00a0\u202f.\-]?\d){{3,}})  # +46 8 123 456 78
      | (?P<full>{_FULL})
      | (?P<harm>116(?:{_SP}|-)?\d{{3}})
      | (?P<uan>0\d{{4}})
      | (?P<short>[1-9]\d{{2,3}})
    )
    (?![^\W_])
    """,
    re.VERBOSE,
)

_JOINERS_BEFORE = "-\u2010\u2011\u2012\u2013\u2014/§#=&$£€¥"
_JOINERS_AFTER = "-\u2010\u2011\u2012\u2013\u2014/%\u2030=&+"
_MARKS = "*_"  # Markdown emphasis around a number: **112**, __116 006__, _22 40 00 40_
# A number right after § or a reference word is a section, page, case or document number.
_REFERENCE_BEFORE = re.compile(
    r"""(?:§§?|¶
        |\b(?:nou|prop|meld|st|innst|dok|kap|kapittel|kapitel|section|sections|sec|chapter|chapters|chap
             |art|artikkel|artikler|article|articles|pkt|punkt|ledd|nr|no|ref|side|sidene|s|p|pp|page|pages
             |kl|klokka|klokken|lov|loven|forskrift|rundskriv|sak|saksnr|case|vedlegg|annex|tabell|table|figur|figure
             |isbn|issn|doi|id|versjon|version|v|postnr|postnummer
             |saksnummer|saksnummeret|journalnr|journalnummer|referansenummer|referansenr|arkivnr|arkivnummer
             |orgnr|org\.\s?nr|organisasjonsnummer|organisasjonsnummeret|kontonr|kontonummer|kontonummeret
             |fødselsnummer|fødselsnummeret|personnummer|personnummeret|d-nummer|dnr
             |(?:case|reference|file|account|organisation|organization|registration|company|ID)\s+(?:number|no)
             |rv|fv|ev|riksvei|riksveg|fylkesvei|fylkesveg|europavei|rute|ruten|route|buss|bussen|bus|linje|linjen
             |trikk|trikken|tog|toget|train|flight|fly|bygning|bygg|building|rom|rommet|room|etasje|floor
             |postboks|pb|boks|box|bilde|image|note|fotnote|footnote)
       )\.?:?\s*
       (?:\d+(?:\s?[a-z])?(?:\s?[-–]\s?\d+(?:\s?[a-z])?)?\s*(?:,|\bog\b|\band\b|\beller\b|\bor\b)\s*)*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Every word that can start a _REFERENCE_BEFORE match: a window with none of them (and no § or ¶)
# cannot match, so the costly search is skipped (the words are read from the pattern itself).
_REF_SRC = _REFERENCE_BEFORE.pattern
_REF_WORDS = frozenset(re.findall(r"[a-zæøå]+", _REF_SRC[_REF_SRC.index(r"|\b(?:"):_REF_SRC.index(r")\.?:?\s*")].replace(r"\s", " ").replace(r"\.", " ")))
_WORD = re.compile(r"[^\W\d_]+")


def _reference_before(window: str) -> bool:
    """bool(_REFERENCE_BEFORE.search(window)), with the pattern tried only where a match can start:
    at a § or ¶, or at a word of the pattern (a match starts at a word boundary, so at the start of
    a whole word). A search would try the long list of words at every position of the window."""
    if "§" not in window and "¶" not in window and _REF_WORDS.isdisjoint(_WORD.findall(window.lower())):
        return False  # no word of the pattern here (most windows)
    match = _REFERENCE_BEFORE.match
    for sign in "§¶":
        i = window.find(sign)
        while i != -1:
            if match(window, i):
                return True
            i = window.find(sign, i + 1)
    return any(w.group(0).lower() in _REF_WORDS and match(window, w.start()) for w in _WORD.finditer(window))


# Words that make a short number a count, amount, age or year.
_COUNT_BEFORE = re.compile(
    r"\b(?:kr|nok|ca|cirka|omkring|rundt|about|around|approx|approximately|over|under|minst|totalt|nesten|"
    r"i|in|år|året|year|since|siden|fra|from|per|av|of|de|alle|all|than|enn|mellom|between|ved|by|etter|after|"
    r"før|before|innen|within|fylte|aged|age|alder|alderen)\.?\s+$|[$£€¥]\s*$",
    re.IGNORECASE,
)
_COUNT_SRC = _COUNT_BEFORE.pattern
_COUNT_WORDS = frozenset(_COUNT_SRC[_COUNT_SRC.index("(?:") + 3:_COUNT_SRC.index(")")].split("|"))
_TRAILING_WORD = re.compile(r"\w+\Z")


def _count_before(window: str) -> bool:
    """_COUNT_BEFORE.search(window) without a search: the word that must end the window, looked up."""
    t = window.rstrip()
    if not t:
        return False
    if t[-1] in "$£€¥":
        return True
    if len(t) == len(window):  # the word must be followed by whitespace
        return False
    if t.endswith("."):
        t = t[:-1]
    m = _TRAILING_WORD.search(t, max(0, len(t) - 40))
    return bool(m) and m.start() == _word_start(t, m.start()) and m.group(0).lower() in _COUNT_WORDS


def _word_start(t: str, i: int) -> int:
    while i > 0 and (t[i - 1].isalnum() or t[i - 1] == "_"):
        i -= 1
    return i


_UNIT_AFTER = re.compile(
    r"\s*(?:år|års|åring|kroner|kr|nok|prosent|percent|per|saker|sakene|sak|tilfeller|personer|menn|kvinner|barn|"
    r"dager|døgn|timer|uker|måneder|måned|minutter|sekunder|km|meter|m|kg|ganger|gang|stk|sider|ord|krav|drap|"
    r"anmeldelser|meldinger|ansatte|kommuner|av|of|out|years|year|cases|case|people|persons|women|men|children|"
    r"days|hours|weeks|months|minutes|seconds|times|pages|words|requirements|killings|reports|employees|"
    r"municipalities|kilometres|metres|ledd|nr)\b",
    re.IGNORECASE,
)
# A street address: «Storgata 112», «Kirkeveien 113», «Main Street 112».
_STREET_BEFORE = re.compile(
    r"\b[A-ZÆØÅ][\wæøåÆØÅ-]*(?:gata|gaten|gate|gt|veien|vegen|vei|veg|vn|plass|plassen|allé|alle|stien|sti|"
    r"bakken|torget|torg|brygge|bryggen|kaia|kaien|lia|haugen)\.?\s+$|\b(?:Street|St|Road|Rd|Avenue|Ave|Lane)\.?\s+$"
)
# A postcode and place: «1412 Sofiemyr», «0150 Oslo» (only 4-digit numbers; a phone word before
# it still makes it a phone number: «ring 1412 Politiet»).
_PLACE_AFTER = re.compile(r"[ \u00a0]+[A-ZÆØÅ][a-zæøå]+")
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?[%\u2030]")
_STRONG_CUE = (
    r"ring|ringe|ringer|ringte|ringt|tlf|telefon|telefonnr|telefonnummer|telefonnummeret|tel|"
    r"nummer|nummeret|nødnummer|nødnummeret|nødnumrene|nødtelefon|nødtelefonen|"
    r"call|calling|phone|phoning|telephone|dial|dialling|dialing|number|sms|text"
)
_CUE_DIRECT = re.compile(rf"\b(?:{_STRONG_CUE})\b\.?:?\s+(?:(?:er|is)\s+)?$", re.IGNORECASE)
_CUE_VIA = re.compile(
    rf"\b(?:{_STRONG_CUE}|kontakt|kontakte|contact|nås|reach|reached)\b(?:\s+[^\s.!?;]+){{0,4}}?\s+"
    r"(?:på|on|til|to|via|at)\s+$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^[*_]*(?:\s*[,/]\s*|\s+(?:eller|or|og|and)\s+)[*_]*$", re.IGNORECASE)
# What may stand between a cue word and its number: «ring **1850**», «ring «1850»», «ring (1850)».
_OPENERS = "*_«\"“„'‘("
# digits in groups, not after a letter, digit or «+» (the look-behind comes after the first digit, so
# the regex engine jumps from digit to digit)
_CUED_RUN = re.compile(r"\d(?<![\w+]\d)\d*(?:[ \u00a0\u202f]\d+)+(?!\w)")
_NUMBER_BEFORE_SLASH = re.compile(r"(?:(?:\+|00)47[ \u00a0\u202f]?)?\d(?:[ \u00a0\u202f]?\d)*$")
_NUMBER_AFTER_SLASH = re.compile(r"\d(?:[ \u00a0\u202f]?\d)*")

_CODE_TAG = re.compile(r"^<(/?)(code|pre|kbd|samp|script|style|textarea)\b", re.IGNORECASE)
# a tel: address where a link's address stands: href="tel:…", [text](tel:…), <tel:…>, [ref]: tel:…
_TEL = re.compile(r"""(?:\bhref\s*=\s*["']?|\]\(\s*|<|\]:\s*)tel:([^\s"'<>)\]]+)""", re.IGNORECASE)
# The decision-tree diagram's boxes link to the tree's steps and may be named «Ring 112»; the step
# itself shows the number as a tap-to-call link, so a number in a box is not reported.
_TREE_NAV_LINK = re.compile(r'<a class="vtree-[^"]*" data-node=')
_DEFINITION = re.compile(r"^\*?\[[^\]]+\]:")
_LINK_URL = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^>]*>")


def _outside_marks(text: str, i: int, step: int) -> tuple[int, bool]:
    """From text[i] on (backwards if step is -1), the first index that is not an emphasis mark, and
    whether an underscore was passed on the way."""
    underscore = False
    while 0 <= i < len(text) and text[i] in _MARKS:
        underscore |= text[i] == "_"
        i += step
    return i, underscore


def _char(text: str, i: int) -> str:
    # "\n" stands for "nothing there" (never a joiner; an empty string would be `in` every string)
    return text[i] if 0 <= i < len(text) else "\n"


def _excluded(text: str, start: int, end: int, short: bool, grouped_part: bool,
              is_known: Any = lambda written: False) -> bool:
    """True if the digits at text[start:end] are part of something that is not a phone number.

    `is_known(written)` tells whether a number is in the registry: numbers joined by a slash count
    as phone numbers if one of them is in the registry («112/113», «112/1850»); otherwise the slash
    makes them a case number, a date or a range («sak 20/1234», «2019/2020»).
    """
    b, b_under = _outside_marks(text, start - 1, -1)
    a, a_under = _outside_marks(text, end, 1)
    before, before2, after, after2 = _char(text, b), _char(text, b - 1), _char(text, a), _char(text, a + 1)
    if (b_under and before.isalnum()) or (a_under and after.isalnum()):
        return True  # part of an identifier: «sak_112», «H_02800»
    if before == "/" and (m := _NUMBER_BEFORE_SLASH.search(text, 0, b)) and _slash_pair(
            text, m.start(), m.group(0), text[start:end], is_known):
        before = "\n"
    if after == "/" and (m := _NUMBER_AFTER_SLASH.match(text, a + 1)) and _slash_pair(
            text, start, text[start:end], m.group(0), is_known):
        after = "\n"
    if before in _JOINERS_BEFORE or after in _JOINERS_AFTER or (after == "(" and after2 == "+"):
        return True
    if before in ".,:" and before2.isdigit():
        return True
    if after in ".,:" and after2.isdigit():
        return True
    if before in " \u00a0\u202f" and before2.isdigit() and (grouped_part or b == start - 1):
        return True  # «1 112 kroner»; «1 22 40 00 40»
    if after in " \u00a0\u202f" and after2.isdigit() and (grouped_part or a == end):
        return True  # «112 000 kroner»; «974 760 673»
    window = text[max(0, b + 1 - 80):b + 1]
    if _reference_before(window) or _STREET_BEFORE.search(window):
        return True
    if short:
        if _count_before(window) or _is_unit(text, a) or _PERCENT_AFTER.match(text, a):
            return True
    return False


def quoted_number(written: str, shown: str) -> str:
    """How a message names a number: as the editor wrote it, in «» if that differs from its grouping."""
    return shown if written == shown else f"«{written}»"


def _is_foreign_number(written: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(written, None))
    except phonenumbers.NumberParseException:
        return False


def _slash_pair(text: str, first_start: int, first: str, second: str, is_known: Any) -> bool:
    """«112/113»: two numbers of phone size joined by a slash, one of them in the registry, the first
    not after a reference word («sak 2020/113» is a case number)."""
    def digits(s: str) -> int:
        return sum(c.isdigit() for c in s)

    return (digits(first) >= 3 and digits(second) >= 3 and (is_known(first) or is_known(second))
            and not _reference_before(text[max(0, first_start - 80):first_start]))


def _is_unit(text: str, end: int) -> bool:
    m = _UNIT_AFTER.match(text, end)
    return bool(m) and m.start() == end and (end < len(text) and text[end] in " \u00a0\u202f")


def _has_cue(text: str, start: int, previous_end: int | None) -> bool:
    b = start - 1
    while b >= 0 and text[b] in _OPENERS:
        b -= 1
    window = text[max(0, b + 1 - 80):b + 1]
    if _CUE_DIRECT.search(window) or _CUE_VIA.search(window):
        return True
    return previous_end is not None and bool(_LIST_JOIN.match(text[previous_end:start]))


_ANY_DIGIT = re.compile(r"\d")
_CANDIDATE_START = re.compile(r"[(+\d]")  # every _CANDIDATE match starts with one of these


def _candidates(text: str):
    """_CANDIDATE.finditer(text): the regex opens with a look-behind, so it is tried only at a digit,
    «+» or «(» (mdtext.matches_where)."""
    return mdtext.matches_where(_CANDIDATE, _CANDIDATE_START, text)


class _Scanner:
    def __init__(self, *, lang: str, registry: Any, file: str) -> None:
        self.lang, self.registry, self.file = lang, registry, file
        self.found: list[str] = []
        self.problems: list[Problem] = []

    def _found(self, ident: str) -> None:
        if ident not in self.found:
            self.found.append(ident)

    def _is_known(self, written: str) -> bool:
        key = phone_format.number_key(written)
        return key is not None and self.registry.lookup(key) is not None

    def _invalid(self, written: str, line: int) -> None:
        national = phone_format.COUNTRY_CODE.sub("", written, count=1).strip()
        key = phone_format.number_key(national)
        if national != written.strip() and key is not None and phone_format.is_short(key):
            self.problems.append(Problem(
                self.file, line,
                f"«{written}» is a short number written with the country code +47, which no phone can dial",
                f"write it without the country code: {phone_format.display(key)}",
            ))
            return
        self.problems.append(Problem(
            self.file, line, f"«{written}» looks like a phone number but is not a valid Norwegian number",
            "correct the number (a Norwegian number has 8 digits, or is a short number such as 112 or 116 006)",
        ))

    def _foreign(self, written: str, line: int) -> None:
        self.problems.append(Problem(
            self.file, line, f"«{written}» is a foreign phone number; the site shows only Norwegian numbers from its registry",
            "remove it, or give the Norwegian number of the same service and add that to the registry (data/phones.yml) with a source",
        ))

    def _unknown(self, key: str, written: str, line: int, short_cue: bool) -> None:
        quoted = quoted_number(written, phone_format.display(key))
        self._found(phone_format.e164(key))
        if key in self.registry.not_used:
            self.problems.append(self.registry.never_problem(self.file, line, quoted, key))
            return
        if key in self.registry.rejected:
            self.problems.append(Problem(
                self.file, line, f"{quoted} is in the phone registry, but its entry has errors and is not published",
                f"fix the entry '{self.registry.rejected[key]}' in data/phones.yml (see the messages for that file)",
            ))
            return
        hint = (" (a number of 3–4 digits after a word like «ring», «tlf.» or «call» counts as a phone number)"
                if short_cue else "")
        self.problems.append(Problem(
            self.file, line, f"{quoted} looks like a phone number but is not in the phone registry{hint}",
            "add it to the registry (data/phones.yml) with a source, or correct it",
        ))

    def scan(self, text: str, first_line: int, *, rewrite: bool, in_link_text: bool = False) -> str:
        """Text with registry numbers linked (if rewrite); problems and finds recorded."""
        if not _ANY_DIGIT.search(text):
            return text  # every candidate and every cued run holds a digit
        out: list[str] = []
        pos = 0
        previous_end: int | None = None
        handled: list[tuple[int, int]] = []  # spans linked or reported
        for m in _candidates(text):
            start, end = m.start(), m.end()
            kind = next(k for k in ("intl", "foreign", "full", "harm", "uan", "short") if m.group(k))
            written = m.group(0)
            if kind == "foreign":
                if not _excluded(text, start, end, short=True, grouped_part=True) and _is_foreign_number(written):
                    previous_end = end
                    handled.append((start, end))
                    self._foreign(written, mdtext.line_at(text, start, first_line))
                continue
            if _excluded(text, start, end, short=(kind in ("short", "harm")), grouped_part=kind in ("harm", "uan", "short"),
                         is_known=self._is_known) and kind != "intl":
                continue
            line = mdtext.line_at(text, start, first_line)
            key = phone_format.number_key(written)
            if key is None:
                if kind == "intl" or (kind == "full" and _PHONE_SHAPED.fullmatch(written)):
                    previous_end = end
                    handled.append((start, end))
                    self._invalid(written, line)
                continue  # otherwise: digits that cannot be a Norwegian number (12345678, 10.20.30.40)
            entry = self.registry.lookup(key)
            if kind == "harm" and "-" in written and entry is None:
                continue  # «116-120» is more likely a range than a phone number
            if kind == "short" and len(key) == 4 and _PLACE_AFTER.match(text, end) and not _has_cue(text, start, previous_end):
                continue  # a postcode: «1412 Sofiemyr»
            if kind == "short" and entry is None:
                known_bad = key in self.registry.rejected or key in self.registry.not_used
                if not (known_bad or _has_cue(text, start, previous_end)):
                    continue
            previous_end = end
            handled.append((start, end))
            if entry is None:
                self._unknown(key, written, line, short_cue=(kind == "short"))
                continue
            self._found(entry.id)
            if in_link_text:
                self.problems.append(Problem(
                    self.file, line, f"{quoted_number(written, entry.display)} is inside the text of a link or image, "
                    "so it cannot become a tap-to-call link",
                    f"take the number out of the link text, e.g. «[{entry.owner.get(self.lang)}](…): {entry.display}»",
                ))
            if rewrite:
                out.append(text[pos:start])
                out.append(entry.link_html(self.lang))
                pos = end
        out.append(text[pos:])
        self._check_cued_runs(text, first_line, handled)
        return "".join(out)

    def _check_cued_runs(self, text: str, first_line: int, handled: list[tuple[int, int]]) -> None:
        """After a phone word, digits in an unusual grouping («ring 224 000 40») are still a phone
        number: report them, so no number after «ring» or «call» passes the build unchecked."""
        for m in _CUED_RUN.finditer(text):
            start, end = m.span()
            digits = sum(c.isdigit() for c in m.group(0))
            if not 5 <= digits <= 12 or any(s < end and start < e for s, e in handled):
                continue
            if not _has_cue(text, start, None) or _is_unit(text, end) or _PERCENT_AFTER.match(text, end):
                continue
            written, line = m.group(0), mdtext.line_at(text, start, first_line)
            key = phone_format.number_key(written)
            if key is None:
                self._invalid(written, line)
            elif (entry := self.registry.lookup(key)) is not None:
                self._found(entry.id)
                self.problems.append(Problem(
                    self.file, line, f"«{written}» is {entry.owner.nb}'s number written in an unusual grouping, so it is not linked",
                    f"write it as {entry.display}",
                ))
            else:
                self._unknown(key, written, line, short_cue=False)

    def check_tel_links(self, text: str, first_line: int) -> tuple[bool, str]:
        """Report hand-written `tel:` links. The build's own links (`<a class="tel" href="tel:…"
        aria-label="…">…</a>`, made by link_html) are the only ones allowed. Returns whether the text
        has a hand-written one, and the text with the build's own links blanked."""
        def own(m: re.Match) -> str:
            key = phone_format.number_key(m.group(1).removeprefix("tel:"))
            entry = self.registry.lookup(key) if key else None
            if entry is None or entry.href != m.group(1):
                return m.group(0)
            self._found(entry.id)
            return re.sub(r"[^\n]", " ", m.group(0))

        if "tel:" not in text.lower():
            return False, text  # no link of any kind to a phone number here
        rest = phone_format.TEL_LINK.sub(own, text)
        any_tel = False
        for m in _TEL.finditer(rest):
            any_tel = True
            target = m.group(1)
            line = mdtext.line_at(text, m.start(), first_line)
            digits = re.sub(r"[\s\-.()]", "", unquote(target))
            key = phone_format.number_key(digits) if digits else None
            entry = self.registry.lookup(key) if key else None
            if entry is not None:
                self._found(entry.id)
                self.problems.append(Problem(
                    self.file, line, f"the link `tel:{target}` is written by hand",
                    f"write the number as plain text, {entry.display}: the build makes the tap-to-call link "
                    "itself, with the owner's name for screen readers",
                ))
                continue
            self.problems.append(Problem(
                self.file, line, f"the link `tel:{target}` dials a number that is not in the phone registry",
                "write the number as plain text (the build makes the link) and add it to the registry "
                "(data/phones.yml) with a source, or correct it",
            ))
        return any_tel, rest


def link_phone_numbers(markdown: str, *, lang: str, registry: Any, file: str, first_line: int = 1
                       ) -> tuple[str, list[str], list[Problem]]:
    """Markdown with every registry number turned into a tap-to-call link.

    Returns (markdown, found, problems): `found` lists the registry ids of the numbers met, and the
    E.164 form (or the digits of a short number) of numbers not in the registry, in order, once each.
    Only prose is rewritten (see mdtext); link texts and `tel:` links are checked, code is skipped.
    """
    if not _ANY_DIGIT.search(markdown):
        return markdown, [], []  # every number, and every tel: link, has a digit
    scanner = _Scanner(lang=lang, registry=registry, file=file)
    out: list[str] = []
    code_depth = 0
    for seg in mdtext.segments(markdown):
        line = first_line - 1 + seg.line
        if seg.prose:
            out.append(seg.text if code_depth or not _ANY_DIGIT.search(seg.text) else scanner.scan(seg.text, line, rewrite=True))
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
        hand_written, text = scanner.check_tel_links(text, line)
        if hand_written:
            continue
        if stripped.startswith(("[", "![", "<a", "<A", "<abbr")) and not _DEFINITION.match(stripped):
            # the link's visible text: its address and tags blanked, lines kept
            visible = _LINK_URL.sub(lambda m: "]" * m.group(0).startswith("]") + "\n" * m.group(0).count("\n"), text)
            in_link_text = not (stripped.startswith("<abbr") or _TREE_NAV_LINK.match(stripped))
            scanner.scan(visible, line, rewrite=False, in_link_text=in_link_text)
    return "".join(out), scanner.found, scanner.problems
