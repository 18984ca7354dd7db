"""Find legal references in a page's prose, link them to Lovdata, and report the bad ones.

Forms recognised (bokmål and English pages alike, «section» only in English pages):
  leading   «straffeloven § 266 a», «strl. § 282», «jf. strpl. § 62 a», «straffeprosessloven §§ 222 g–222 j»,
            «straffeloven §§ 282 og 283», «straffeloven § 263 og § 264», «the Penal Code section 282»
  trailing  «§ 282 i straffeloven», «§§ 263 og 264 i straffeloven», «§ 222 a annet ledd i strpl.»,
            «section 222 a of the Criminal Procedure Act», «sections 222 g–222 j of the ...»
  bare      «§ 266a» right after «og», «eller», «jf.», «,» … takes the law of the reference before it in
            the same paragraph; any other bare § is left alone.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches

from veileder.legal_registry import LawRegistry, normalise_name, section_sort_key
from veileder.mdtext import segments
from veileder.problems import Problem


@dataclass(frozen=True)
class Citation:
    law_id: str
    section: str | None
    file: str
    line: int


# ---------------------------------------------------------------------------------------------
# Patterns

_W = r"\wæøåÆØÅ"
# Whitespace inside a reference: spaces (also no-break spaces) and a line break, but never a blank
# line or a line that starts a new block (heading, list item, quote, table row): a link must not
# span two paragraphs or a heading and the text under it.
_S = r"(?:[ \t\u00a0\u202f]|\n(?![ \t]*(?:\n|#|[-*+>|](?:[ \t]|$)|\d+[.)][ \t])))"
_NUM = rf"\d{{1,4}}(?:-\d{{1,3}})?(?:{_S}?[a-zA-Z](?![{_W}]))?"
_ITEM = re.compile(rf"(?P<a>{_NUM})(?:(?P<rsep>{_S}*[–—]{_S}*|{_S}+-{_S}+|{_S}+(?:til|to){_S}+)(?P<b>{_NUM}))?(?![\d])")
_SEP = re.compile(rf"(?:{_S}*,{_S}*(?:(?:og|and|eller|or){_S}+)?|{_S}+(?P<word>og|and|eller|or|samt){_S}+)"
                  rf"(?P<sign>(?:§|[Ss]ection){_S}*)?")
# «§ 5 og 6 år»: a count after the number, not a second section
_UNIT_AFTER = re.compile(rf"{_S}+(?:år|års|ganger|gang|måneder|måned|dager|dag|døgn|uker|uke|timer|time|prosent|"
                         rf"kroner|kr|personer|saker|years?|months?|days?|weeks?|times|hours?|per|%)(?![{_W}])")
_ORD_NB = r"(?:første|annet|andre|tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende)"
_ORD_EN = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_LEDD = (rf"(?:{_S}+{_ORD_NB}{_S}+ledd)?(?:,?{_S}+{_ORD_NB}{_S}+punktum)?(?:,?{_S}+bokstav{_S}+[a-z](?![{_W}]))?"
         rf"(?:{_S}*\(\d+\)(?:{_S}?\([a-z]\))?)?(?:,?{_S}+{_ORD_EN}{_S}+paragraph)?(?:,?{_S}+{_ORD_EN}{_S}+sentence)?"
         rf"(?:,?{_S}+(?:letter|litra){_S}+[a-z](?![{_W}]))?")
_GEN_NB = rf"[a-zæøåA-ZÆØÅ][a-zæøå]+(?:-[a-zæøå]+)*(?:loven|lova)s?"
_NOT_ABBR = {
    "jf", "jfr", "cf", "se", "mv", "nr", "kap", "pkt", "ca", "iht", "etc", "osv", "evt", "dvs", "inkl", "ref",
    "art", "vol", "no", "tlf", "kl", "ifm", "mht", "pga", "ang", "bl", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "oct", "nov", "des", "dec", "st", "sml", "flg", "note", "fig", "tab",
}
_GEN_ABBR = r"[a-zæøåA-ZÆØÅ]{1,7}l\."
_GEN_EN = rf"(?!The{_S})(?:[A-Z][\w'’-]*{_S}+){{1,6}}(?:Act|Code)(?![\w])"
_MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
              "november", "desember"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
# «lov 20. mai 2005 nr. 28 om straff»: the formal citation, resolved by its Lovdata id
_DATED = (rf"(?i:lov|forskrift)(?:{_S}+av)?{_S}+\d{{1,2}}\.{_S}*(?i:{'|'.join(_MONTHS_NB)}){_S}+\d{{4}}"
          rf"{_S}+nr\.?{_S}*\d{{1,5}}")
_YEAR = rf"(?:{_S}+(?:av{_S}+|fra{_S}+|of{_S}+)?\(?(?P<year>1[89]\d\d|20\d\d)\)?(?![\d]))?"
_CONNECTOR = re.compile(rf"(?:(?<![{_W}])(?:og|eller|samt|jf\.|jfr\.|jf|se|and|or|cf\.|see)|[,(;])\s*\Z", re.I)
_CF = re.compile(rf"(?<![{_W}])cf\.?{_S}*\Z", re.I)
# «§ 5 i forskriften», «§ 3 of this regulation»: a section of a text the sentence does not name
_TEXT_WORDS = (r"forskrift\w*|lov(?:en|a|s)?|vedtekt\w*|reglement\w*|instruks\w*|retningslinje\w*|konvensjon\w*|"
               r"avtale\w*|rundskriv\w*|direktiv\w*|veileder\w*|regulations?|act|code|guidelines?|instructions?|"
               r"statutes?|conventions?|agreements?|circulars?|rules")
_FOREIGN = re.compile(rf"{_S}+(?:i|of|in)(?:{_S}+(?:the|this|that|these|denne|dette|disse|samme|nevnte))?"
                      rf"{_S}+(?:{_TEXT_WORDS})(?![{_W}])", re.I)
_SENTENCE_END = re.compile(rf"[.!?:][\"»”')\]*_]*{_S}+[\"«*_]*[A-ZÆØÅ]")
_MARKER = re.compile(r"^\{\{\s*repealed\s*:\s*(?P<body>.*?)\s*\}\}$", re.S)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MD_LINK = re.compile(r"!?\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\][(\[]", re.S)


def format_date(d: date, lang: str) -> str:
    if lang == "nb":
        return f"{d.day}. {_MONTHS_NB[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


class _Patterns:
    """Regexes that depend on the registry's names (built once per registry)."""

    def __init__(self, registry: LawRegistry, lang: str) -> None:
        names = sorted({n for n in registry.all_names()}, key=len, reverse=True)
        alias = _alternation(names)
        self.alias = re.compile(rf"(?i:{alias})", re.I)
        known = rf"(?i:{alias})(?![{_W}])"
        dated = rf"{_DATED}(?:{_S}+om{_S}+[^§\n]{{1,100}}?)?"
        law = rf"(?P<law>{dated}|{known}|{_GEN_NB}(?![{_W}])|{_GEN_ABBR}|{_GEN_EN})"
        paren = rf"(?:{_S}*\({known}\))?"  # «straffeloven (strl.) § 282»
        self.back = re.compile(rf"(?<![{_W}.'’-]){law}{_YEAR}{paren}(?P<comma>{_S}*,)?{_S}*\Z")
        self.trail = re.compile(rf"(?P<ledd>{_LEDD})(?:,(?={_S}+of))?{_S}+(?P<prep>i|of(?:{_S}+the)?|in(?:{_S}+the)?)"
                                rf"{_S}+(?P<law>{_DATED}|{known}|{_GEN_NB}(?![{_W}])|{_GEN_ABBR}|{_GEN_EN}){_YEAR}")
        # «§ 282 straffeloven»: no preposition, only for a name in the registry
        self.trail_bare = re.compile(rf"(?P<ledd>{_LEDD}){_S}+(?P<law>{known}){_YEAR}")
        # Each alternative opens with a plain character (the look-behind comes after it), so the engine
        # jumps from one «§», «S» or «s» to the next instead of trying the pattern at every position.
        sign = r"§§?" if lang == "nb" else r"§§?|S(?<![\w-]S)ections?(?![\w-])|s(?<![\w-]s)ections?(?![\w-])"
        self.known = {normalise_name(n) for n in names}
        self.names = names
        self.sign = re.compile(rf"(?P<sign>{sign}){_S}*(?=\d)")


def _alternation(names: list[str]) -> str:
    """The names as one regex, grouped by first letter (longest first within a group), so the engine
    tries only the names that can start where it stands: the registry has a hundred names."""
    groups: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        if n:
            groups.setdefault(n[0].lower(), []).append(n)
    if not groups:
        return r"(?!x)x"
    parts = []
    for first, group in groups.items():
        cls = re.escape(first) + (re.escape(first.upper()) if first.upper() != first else "")
        rests = "|".join(_name_regex(n)[len(_name_regex(n[0])):] for n in group)
        parts.append(f"[{cls}](?:{rests})")
    return "|".join(parts)


# Between the words of a name, before a word that opens with a letter: _S, shorter. After a line
# break _S refuses what opens a list item, a heading or a table row, and none of them opens with a
# letter, so before one the two match alike. The names' patterns are most of what the build compiles.
_S_BEFORE_LETTER = r"(?:[ \t\u00a0\u202f]|\n(?![ \t]*\n))"


def _name_regex(name: str) -> str:
    words = name.split()
    out = re.escape(words[0]) if words else ""
    for word in words[1:]:
        out += (rf"{_S_BEFORE_LETTER}+" if word[0].isalpha() else rf"{_S}+") + re.escape(word)
    out = re.sub("['’]", lambda _: "['’]", out)  # either apostrophe, whichever the registry has
    if name.endswith("."):
        out = out[:-2] + r"\.?"  # «strl» written without its full stop
    elif re.search(r"(?:loven|lova)$", name):
        out += "s?"  # the genitive: «straffelovens § 282»
    return out


_CACHE: dict[tuple[int, str], tuple[LawRegistry, _Patterns]] = {}


def _patterns(registry: LawRegistry, lang: str) -> _Patterns:
    key = (id(registry), lang)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not registry:
        hit = (registry, _Patterns(registry, lang))
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = hit
    return hit[1]


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass
class _Item:
    a: str
    a_span: tuple[int, int]
    b: str | None = None
    b_span: tuple[int, int] | None = None
    signed: bool = False  # written with its own § («§ 263 og § 264»)


@dataclass
class _Ref:
    start: int
    end: int
    sign: str
    items: list[_Item]
    law_text: str | None  # as written, None for a bare reference
    year: str | None
    form: str  # leading | trailing | bare


def _norm_key(tok: str) -> str:
    tok = re.sub(r"\s+", " ", tok.strip()).lower()
    return re.sub(r"^(\d+(?:-\d+)?)([a-z])$", r"\1 \2", tok)


def _shape(tok: str) -> str:
    """«282» and «283» have one shape, «13-1» and «13-2» another: «§ 282 og 283» lists two sections."""
    return re.sub(r"\d", "9", re.sub(r"\s*[a-zA-Z]$", "", tok.strip()))


def _parse_list(text: str, pos: int, plural: bool) -> tuple[list[_Item], int]:
    items: list[_Item] = []
    m = _ITEM.match(text, pos)
    if not m:
        return items, pos
    signed = False
    while True:
        it = _Item(m.group("a"), m.span("a"), signed=signed)
        if m.group("b"):
            it.b, it.b_span = m.group("b"), m.span("b")
        items.append(it)
        pos = m.end()
        s = _SEP.match(text, pos)
        if not s:
            break
        m2 = _ITEM.match(text, s.end())
        if not m2:
            break
        if not (plural or s.group("sign")):
            # «§ 282 og 283» with one §: a list only when the numbers look alike and no count follows
            if not (s.group("word") and m2.group("b") is None and _shape(m2.group("a")) == _shape(it.a)
                    and not _UNIT_AFTER.match(text, m2.end())):
                break
        m, signed = m2, bool(s.group("sign"))
    return items, pos


def _trim_letter(item: _Item, text: str) -> tuple[int, int] | None:
    """If the last token ends in ' x' (a space and one letter), the span without it."""
    tok, span = (item.b, item.b_span) if item.b else (item.a, item.a_span)
    m = re.search(r"\s[a-zA-Z]$", tok)
    if m:
        return span[0], span[0] + m.start()
    return None


def _heading_split(text: str, start: int, end: int) -> bool:
    """True when text[start:end] runs from a heading line into the next line."""
    if "\n" not in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return bool(re.match(r"[ \t]*#", text[line_start:start + 1]))


def _foreign_after(text: str, item: _Item) -> bool:
    """«§ 5 i forskriften», «§ 3 of this regulation»: the section belongs to a text not named."""
    tok, span = (item.b, item.b_span) if item.b else (item.a, item.a_span)
    rest = text[span[1]:]
    m = re.search(r"\s([iI])$", tok)
    if m:  # the «i» was read as a section letter
        rest = " i" + rest
    return bool(_FOREIGN.match(rest))


def _find_refs(text: str, pats: _Patterns, lang: str) -> list[_Ref]:
    refs: list[_Ref] = []
    pos = 0
    while True:
        m = pats.sign.search(text, pos)
        if not m:
            break
        sign = m.group("sign")
        plural = sign in ("§§",) or sign.lower() == "sections"
        items, end = _parse_list(text, m.end(), plural)
        if not items:
            pos = m.end()
            continue
        back = pats.back.search(text, max(0, m.start() - 200), m.start())
        if back and (_not_a_law(back.group("law"), pats) or _heading_split(text, back.start("law"), m.end())
                     or (back.group("comma") and (not sign.lower().startswith("section")
                                                  or _trail_after(text, items, pats)))):
            # «I straffeloven, § 3 …» is not one reference, «the Criminal Procedure Act, section 222 a» is;
            # but in «… of the Crisis Centre Act, section 33 of the Health Personnel Act» the law follows
            back = None
        law_start = back.start("law") if back else 0
        law_text = back.group("law") if back else None
        if back:
            law_start, law_text = _trim_generic(text, back, pats)
        if back and any(it.signed for it in items):
            # «straffeloven § 263 og § 5 i krisesenterlova»: the second § starts a reference of its own;
            # «straffeloven § 282 og § 5 i forskriften»: the second § belongs to another text
            if _trail_after(text, items, pats):
                k = max(i for i, it in enumerate(items) if it.signed)
            else:
                k = next((i for i, it in enumerate(items) if it.signed and _foreign_after(text, it)), len(items))
            if k < len(items):
                items = items[:k]
                last = items[-1]
                end = (last.b_span or last.a_span)[1]
        if back:
            ref = _Ref(law_start, end, sign, items, law_text, back.group("year"), "leading")
        else:
            tr = _trail_match(text, end, items, pats)
            if tr and _not_a_law(tr.group("law"), pats):
                tr = None
            if tr:
                ref = _Ref(m.start(), tr.end("law") if not tr.group("year") else tr.end("year"), sign, items,
                           tr.group("law"), tr.group("year"), "trailing")
            else:
                ref = _Ref(m.start(), end, sign, items, None, None, "bare")
        refs.append(ref)
        pos = max(ref.end, m.end())
    return refs


def _trim_generic(text: str, back: re.Match, pats: _Patterns) -> tuple[int, str]:
    """«See Crisis Centre Act»: a name read by the loose English pattern starts where the known name does."""
    law = back.group("law")
    if normalise_name(law) in pats.known or not re.search(r"(?:Act|Code)$", law):
        return back.start("law"), law
    best = None
    for m in pats.alias.finditer(law):
        if m.end() == len(law) and normalise_name(m.group()) in pats.known:
            if best is None or m.start() < best.start():
                best = m
    if best is None or best.start() == 0:
        return back.start("law"), law
    if law[:best.start()].rstrip().split()[-1:] == ["Norwegian"]:
        return back.start("law"), law  # «Norwegian Criminal Procedure Act»: one name
    return back.start("law") + best.start(), best.group()


def _trail_match(text: str, end: int, items: list[_Item], pats: _Patterns) -> re.Match | None:
    """The law after the sections («§ 282 i straffeloven», «§ 282 straffeloven»), trimming an «i» read as a letter."""
    for regex in (pats.trail, pats.trail_bare):
        tr = regex.match(text, end)
        if tr and not _heading_split(text, end, tr.end("law")):
            return tr
        cut = _trim_letter(items[-1], text)
        if cut is not None:
            tr = regex.match(text, cut[1])
            if tr and not _heading_split(text, cut[1], tr.end("law")):
                _shorten_last(items, cut)
                return tr
    return None


def _trail_after(text: str, items: list[_Item], pats: _Patterns) -> bool:
    last = items[-1]
    end = (last.b_span or last.a_span)[1]
    if pats.trail.match(text, end):
        return True
    cut = _trim_letter(last, text)
    return bool(cut and pats.trail.match(text, cut[1]))


def _not_a_law(name: str, pats: _Patterns) -> bool:
    """«jf.», «kap.», «til.»: words with a full stop that are not law abbreviations."""
    if not name.endswith(".") or normalise_name(name) in pats.known:
        return False
    stem = name[:-1].lower()
    vowels = sum(stem.count(v) for v in "aeiouyæøå")
    return stem in _NOT_ABBR or vowels > 1 or stem in {"til", "vel", "skal", "mål", "del", "fil", "hel", "stil"}


def _shorten_last(items: list[_Item], cut: tuple[int, int]) -> None:
    it = items[-1]
    if it.b:
        it.b, it.b_span = it.b[:cut[1] - cut[0]], cut
    else:
        it.a, it.a_span = it.a[:cut[1] - cut[0]], cut


# ---------------------------------------------------------------------------------------------
# Resolving one reference


def _expand(law_secs: dict, a: str, b: str) -> list[str]:
    """All section keys from a to b. Whole numbers and letters of one number expand in full."""
    ma, mb = re.fullmatch(r"(\d+)(?: ([a-z]))?", a), re.fullmatch(r"(\d+)(?: ([a-z]))?", b)
    if ma and mb:
        na, nb_ = int(ma.group(1)), int(mb.group(1))
        la, lb = ma.group(2), mb.group(2)
        if la is None and lb is None and na < nb_ <= na + 60:
            return [str(n) for n in range(na, nb_ + 1)]
        if na == nb_ and la and lb and la < lb:
            return [f"{na} {chr(c)}" for c in range(ord(la), ord(lb) + 1)]
    lo, hi = section_sort_key(a), section_sort_key(b)
    between = [k for k in law_secs if lo < section_sort_key(k) < hi]
    return [a, *sorted(between, key=section_sort_key), b]


def _section_phrase(keys: list[str]) -> str:
    return ("§ " if len(keys) == 1 else "§§ ") + ", ".join(keys)


class _Linker:
    def __init__(self, registry: LawRegistry, lang: str, file: str) -> None:
        self.reg, self.lang, self.file = registry, lang, file
        self.citations: list[Citation] = []
        self.problems: list[Problem] = []

    def problem(self, line: int, what: str, fix: str) -> None:
        self.problems.append(Problem(self.file, line, what, fix))

    def unknown_law(self, written: str, line: int, name: str) -> None:
        if self.reg.is_broken(name):
            return  # the registry's own problem is reported; one message per mistake
        names = {normalise_name(n): n for n in self.reg.all_names()}
        close = get_close_matches(normalise_name(name), list(names), n=1, cutoff=0.8)
        hint = f"did you mean «{names[close[0]]}»? If not, " if close else ""
        self.problem(line, f"«{written}» — «{name}» is not a law in the registry",
                     f"{hint}check the law's name, or add the law to data/laws.yml with its Lovdata id, "
                     "names, titles, source and check date")

    def keys_of(self, law_id: str, ref: _Ref, lang: str) -> list[tuple[_Item, list[str]]]:
        """Each item with the section keys it cites (ranges expanded)."""
        secs = self.reg.laws[law_id].sections
        has_dashed = any("-" in k for k in secs)
        out = []
        for it in ref.items:
            a = _norm_key(it.a)
            if it.b:
                out.append((it, _expand(secs, a, _norm_key(it.b))))
                continue
            m = re.fullmatch(r"(\d+)-(\d+)", a)
            if m and a not in secs and not has_dashed and len(ref.sign) > 1 and int(m.group(2)) > int(m.group(1)):
                # «§§ 271-274» written with a hyphen: a range
                s0 = it.a_span[0]
                it.a, it.a_span = m.group(1), (s0, s0 + len(m.group(1)))
                it.b, it.b_span = m.group(2), (it.a_span[1] + 1, it.a_span[1] + 1 + len(m.group(2)))
                out.append((it, _expand(secs, m.group(1), m.group(2))))
                continue
            out.append((it, [a]))
        return out

    def resolve(self, ref: _Ref, text: str, line: int) -> tuple[str | None, list[tuple[_Item, list[str]]]]:
        written = re.sub(r"\s+", " ", text[ref.start:ref.end])
        name = ref.law_text or ""
        law_id = self.reg.lookup(name, ref.year)
        if law_id is None:
            self.unknown_law(written, line, name + (f" {ref.year}" if ref.year else ""))
            return None, []
        cited = self.keys_of(law_id, ref, self.lang)
        self.drop_word_letter(law_id, ref, cited, text)
        return law_id, cited

    def drop_word_letter(self, law_id: str, ref: _Ref, cited: list[tuple[_Item, list[str]]], text: str) -> None:
        """«straffeloven § 282 i saker …», «section 282 a new rule», «§ 282 I tillegg»: the letter after the
        number is a word, not a section letter, when the law has no such section."""
        if ref.form == "trailing" or not cited:
            return
        law = self.reg.laws[law_id]
        last_it, last_keys = cited[-1]
        tok = last_it.b or last_it.a
        if len(last_keys) != 1 or not re.search(r"\s[a-zA-Z]$", tok):
            return
        letter = tok[-1]
        if not (letter.isupper() or letter == {"nb": "i", "en": "a"}[self.lang]):
            return
        key, base = last_keys[0], last_keys[0][:-2]
        known = set(law.sections) | set(law.unverified)
        if key in known or (base not in known and not letter.isupper()):
            return
        cut = _trim_letter(last_it, text)
        if cut:
            _shorten_last(ref.items, cut)
            ref.end = cut[1]
            cited[-1] = (last_it, [base])

    def check(self, law_id: str, cited: list[tuple[_Item, list[str]]], written: str, line: int,
              marker: bool = False) -> set[str]:
        """Problems for the cited sections; returns the keys that may be linked."""
        law = self.reg.laws[law_id]
        name = self.reg.name(law_id)
        keys = [k for _, ks in cited for k in ks]
        missing = [k for k in keys if k not in law.sections and k not in law.unverified
                   and (law_id, k) not in self.reg.broken_sections]
        unverified = [k for k in keys if k in law.unverified]
        repealed = [k for k in keys if k in law.sections and law.sections[k].status == "repealed"]
        if law.status == "repealed" and not marker:
            succ = self._successor_phrase(law_id, keys)
            unlisted = [k for k in keys if k not in law.sections]
            if unlisted:
                on_purpose = (f"to mention the old provision on purpose, add {_section_phrase(unlisted)} under "
                              f"«{law_id}» in data/laws.yml (status: repealed, with titles, source and check date) "
                              f"and write {{{{ repealed: {written} }}}}")
            else:
                on_purpose = f"or write {{{{ repealed: {written} }}}} if you mean the old provision on purpose"
            self.problem(line, f"«{written}» — {name} was repealed on {format_date(law.repealed_on, 'en')}; "
                               + (f"its successor is {self.reg.name(law.successor)}" if law.successor
                                  else "data/laws.yml names no successor that is in the registry"),
                         f"cite {succ} instead" + ("; " if unlisted else ", ") + on_purpose)
            return set()
        if missing:
            older = self._older_law_with(law_id, missing)
            if older:
                old_id, old_keys = older
                old = self.reg.laws[old_id]
                old_ref = f"{self.reg.name(old_id)} {_section_phrase(old_keys)}"
                succ = self._successor_phrase(old_id, old_keys)
                self.problem(line, f"«{written}» — {name} has no {_section_phrase(missing)}; "
                                   f"{_section_phrase(old_keys)} is a section of {self.reg.name(old_id)}, which was "
                                   f"repealed on {format_date(old.repealed_on, 'en')}",
                             f"cite {succ} instead, or write {{{{ repealed: {old_ref} }}}} if you mean the old "
                             "provision on purpose; otherwise check the section number")
            else:
                self.problem(line, f"«{written}» — {name} has no {_section_phrase(missing)} in the registry",
                             "check the section number, or add the section to data/laws.yml with its titles, "
                             "source and check date")
        for k in unverified:
            self.problem(line, f"«{written}» — {name} § {k} is not verified: {law.unverified[k]}",
                         f"cite another provision, or once the text is checked move § {k} from `unverified` to "
                         "`sections` in data/laws.yml with its titles, source and check date")
        if repealed and not marker:
            for k in repealed:
                sec = law.sections[k]
                rep = sec.replaced_by
                instead = (f"cite {self.reg.name(rep.law)}" + (f" § {rep.section}" if rep.section else "")
                           + " instead, or ") if rep else "remove the reference, or "
                self.problem(line, f"«{written}» — {name} § {k} was repealed on "
                                   f"{format_date(sec.repealed_on, 'en')}",
                             f"{instead}write {{{{ repealed: {name} § {k} }}}} if you mean the old provision on purpose")
        return {k for k in keys if k in law.sections and law.sections[k].status == "in-force"
                and k not in missing}

    def _successor_phrase(self, law_id: str, keys: list[str]) -> str:
        law = self.reg.laws[law_id]
        reps = [law.sections[k].replaced_by for k in keys if k in law.sections and law.sections[k].replaced_by]
        if reps:
            return " and ".join(self.reg.name(r.law) + (f" § {r.section}" if r.section else "") for r in reps)
        succ = self.reg.laws.get(law.successor) if law.successor else None
        if succ is None:
            return "the provision in force today"
        same = [k for k in keys if k in succ.sections]
        if same and len(same) == len(keys):  # «barnevernloven § 13-2»: the new law has the same number
            return f"{self.reg.name(law.successor)} {_section_phrase(same)}"
        return f"the matching section of {self.reg.name(law.successor)}"

    def _older_law_with(self, law_id: str, keys: list[str]) -> tuple[str, list[str]] | None:
        """«Straffeloven §342»: a repealed law this one replaced, which has those sections."""
        for old_id, old in self.reg.laws.items():
            if old.status == "repealed" and old.successor == law_id and all(k in old.sections for k in keys):
                return old_id, keys
        return None


# ---------------------------------------------------------------------------------------------
# Rendering


# The build's own link to Lovdata, as _link makes it (site_content finds these in a page's Markdown).
LAW_LINK = re.compile(r'<a href="[^"<>]*" class="law-ref" [^<>]*>[^<>]*</a>')


def _link(url: str, visible: str, label: str) -> str:
    return (f'<a href="{html.escape(url)}" class="law-ref" hreflang="nb" aria-label="{html.escape(label)}" '
            f'title="{html.escape(label)}">{visible}</a>')


def _title(reg: LawRegistry, law_id: str, key: str, lang: str) -> str:
    sec = reg.section(law_id, key)
    return getattr(sec.title, lang) if sec else ""


def repealed_tooltip(registry: LawRegistry, law_id: str, section: str | None, lang: str) -> str:
    """The tooltip of a `{{ repealed: … }}` marker: when it was repealed and what replaced it."""
    law = registry.laws[law_id]
    sec = law.sections.get(section) if section else None
    when = (sec.repealed_on if sec and sec.repealed_on else None) or law.repealed_on
    rep = sec.replaced_by if sec and sec.replaced_by else None
    if rep is None and law.status == "repealed" and law.successor:
        rep_law, rep_sec = law.successor, None
    elif rep is not None:
        rep_law, rep_sec = rep.law, rep.section
    else:
        rep_law = rep_sec = None
    if lang == "nb":
        out = f"Opphevet {format_date(when, 'nb')}." if when else "Opphevet."
        if rep_law:
            target = registry.name(rep_law) + (f" § {rep_sec}" if rep_sec else "")
            title = _title(registry, rep_law, rep_sec, "nb") if rep_sec else ""
            out += f" Erstattet av {target}" + (f" – {title}" if title else "") + "."
        return out
    out = f"Repealed on {format_date(when, 'en')}." if when else "Repealed."
    if rep_law:
        en_target = (f"section {rep_sec} of the {registry.english_name(rep_law)}" if rep_sec
                     else f"the {registry.english_name(rep_law)}")
        no_target = registry.name(rep_law) + (f" § {rep_sec}" if rep_sec else "")
        title = _title(registry, rep_law, rep_sec, "en") if rep_sec else ""
        out += f" Replaced by {en_target} ({no_target})" + (f" – {title}" if title else "") + "."
    return out


def render_repealed(body: str, *, lang: str, registry: LawRegistry) -> tuple[str | None, str | None, str | None, str]:
    """(html, law_id, section, error) for the text inside `{{ repealed: … }}`; html is None on error."""
    if not body.strip():
        return None, None, None, "empty"
    pats = _patterns(registry, lang)
    refs = _find_refs(body, pats, lang)
    law_id: str | None
    section: str | None = None
    if not refs:
        law_id = registry.lookup(body.strip())
        if law_id is None:
            return None, None, None, "unknown-law"
        if registry.laws[law_id].status != "repealed":
            return None, law_id, None, "in-force"
    else:
        ref = refs[0]
        law_id = registry.lookup(ref.law_text or "", ref.year) if ref.law_text else None
        if law_id is None:
            return None, None, None, "unknown-law"
        linker = _Linker(registry, lang, "")
        cited = linker.keys_of(law_id, ref, lang)
        keys = [k for _, ks in cited for k in ks]
        law = registry.laws[law_id]
        section = keys[0] if keys else None
        unknown = [k for k in keys if k not in law.sections]
        if unknown:
            return None, law_id, unknown[0], "unknown-section"
        if law.status != "repealed" and any(law.sections[k].status != "repealed" for k in keys):
            return None, law_id, section, "in-force"
    tip = repealed_tooltip(registry, law_id, section, lang)
    visible = html.escape(re.sub(r"\s+", " ", body.strip())).replace("§", "&sect;")
    return f'<span class="law-ref-repealed" title="{html.escape(tip)}">{visible}</span>', law_id, section, ""


# ---------------------------------------------------------------------------------------------
# The entry point


def link_legal_refs(markdown: str, *, lang: str, registry: LawRegistry, file: str,
                    first_line: int = 1) -> tuple[str, list[Citation], list[Problem]]:
    """Markdown with each legal reference in prose linked to Lovdata, the citations, and the problems."""
    lang = "nb" if lang != "en" else "en"
    if "§" not in markdown and "{{" not in markdown and (lang == "nb" or "ection" not in markdown):
        return markdown, [], []  # every reference has a § (or, in English, «section»); a marker is checked too
    linker = _Linker(registry, lang, file)
    try:
        pats = _patterns(registry, lang)
    except re.error:  # pragma: no cover - a name the regex engine cannot take
        return markdown, [], [Problem(file, None, "the law names in data/laws.yml could not be read",
                                      "check the names for unusual characters")]
    out: list[str] = []
    ctx: list[tuple[str, int]] = []  # (law_id, end offset) of the last resolved reference
    for seg in segments(markdown):
        seg_first = first_line + seg.line - 1
        if not seg.prose:
            mm = _MARKER.match(seg.text)
            lm = None if mm else _MD_LINK.match(seg.text)
            if lm:  # «[straffeloven § 282](…)»: already a link, so checked and cited but not linked again
                _rewrite(linker, pats, lm.group("text"), seg.offset + lm.start("text"), seg_first, markdown, [])
            out.append(_marker(linker, mm.group("body"), seg_first, seg.text) if mm else seg.text)
            continue
        out.append(_rewrite(linker, pats, seg.text, seg.offset, seg_first, markdown, ctx))
    return "".join(out), linker.citations, linker.problems


def _marker(linker: _Linker, body: str, line: int, original: str) -> str:
    rendered, law_id, section, err = render_repealed(body, lang=linker.lang, registry=linker.reg)
    shown = re.sub(r"\s+", " ", body.strip())
    if err == "empty":
        linker.problem(line, "«{{ repealed: }}» — the marker names no provision",
                       "write the repealed provision after the colon, e.g. {{ repealed: straffeloven 1902 § 342 }}")
        return original
    if err == "unknown-law" and (linker.reg.unreadable or any(n in shown.lower() for n in linker.reg.broken_names)):
        return original  # the registry's own problem is reported
    if err == "unknown-law":
        linker.problem(line, f"«{{{{ repealed: {shown} }}}}» — the law is not in the registry",
                       "write the law's name as in data/laws.yml followed by the section, e.g. "
                       "{{ repealed: straffeloven 1902 § 342 }}, or add the law to data/laws.yml")
        return original
    if err == "unknown-section":
        linker.problem(line, f"«{{{{ repealed: {shown} }}}}» — {linker.reg.name(law_id)} has no § {section} in "
                             "the registry",
                       "check the section number, or add the section to data/laws.yml with its titles, status "
                       "(repealed), source and check date")
        return original
    if err == "in-force":
        linker.problem(line, f"«{{{{ repealed: {shown} }}}}» — this provision is in force, not repealed",
                       f"write «{shown}» without the marker, so that it is linked to Lovdata")
        return original
    linker.citations.append(Citation(law_id, section, linker.file, line))
    return rendered or original


def _rewrite(linker: _Linker, pats: _Patterns, text: str, offset: int, first_line: int, markdown: str,
             ctx: list[tuple[str, int]]) -> str:
    reg, lang = linker.reg, linker.lang
    pieces: list[str] = []
    pos = 0
    for ref in _find_refs(text, pats, lang):
        line = first_line + text.count("\n", 0, ref.start)
        if ref.form == "bare":
            if not ref.sign.startswith("§") and not _CF.search(text, 0, ref.start):
                continue  # «section 3» alone is not a legal reference; «cf. section 266 a» is
            law_id = _context_law(text, ref, offset, markdown, ctx)
            if law_id is None:
                continue
            ref.law_text = None
            cited = linker.keys_of(law_id, ref, lang)
            linker.drop_word_letter(law_id, ref, cited, text)  # same «i»/«a» rule as for a named law
        else:
            law_id, cited = linker.resolve(ref, text, line)
            if law_id is None:
                continue
        written = re.sub(r"\s+", " ", text[ref.start:ref.end])
        ok = linker.check(law_id, cited, written, line)
        ctx[:] = [(law_id, offset + ref.end)]
        for _, keys in cited:
            for k in keys:
                if k in reg.laws[law_id].sections:
                    linker.citations.append(Citation(law_id, k, linker.file, line))
        pieces.append(text[pos:ref.start])
        pieces.append(_render(reg, lang, law_id, ref, cited, ok, text))
        pos = ref.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _context_law(text: str, ref: _Ref, offset: int, markdown: str, ctx: list[tuple[str, int]]) -> str | None:
    """The law of a bare «§ 266a»: that of the reference just before it, in the same sentence, when a
    word such as «og», «jf.», «eller» or a comma joins them. Anything else is left as plain text."""
    if not ctx:
        return None
    law_id, last_end = ctx[0]
    start = offset + ref.start
    if last_end > start or _BLANK_LINE.search(markdown, last_end, start) or _SENTENCE_END.search(markdown, last_end, start):
        return None
    if not _CONNECTOR.search(text, 0, ref.start):
        return None
    if _foreign_after(text, ref.items[-1]):
        return None  # «jf. § 4 c i forskriften»: another, unnamed text
    return law_id


def _render(reg: LawRegistry, lang: str, law_id: str, ref: _Ref, cited, ok: set[str], text: str) -> str:
    span = text[ref.start:ref.end]
    single = len(cited) == 1 and len(cited[0][1]) == 1 and cited[0][0].b is None
    if single:
        key = cited[0][1][0]
        url = reg.section_url(law_id, key) if key in ok else None
        if url is None:
            return span
        visible = re.sub(r"\s+", " ", span)
        if ref.form == "bare":
            label = f"{visible} ({_law_written(reg, law_id, ref, lang)}) – {_title(reg, law_id, key, lang)}"
        else:
            label = f"{visible} – {_title(reg, law_id, key, lang)}"
        return _link(reg.section_url(law_id, key), html.escape(span, quote=False), label)
    # several sections: link each number on its own
    out, pos = [], ref.start
    law_written = _law_written(reg, law_id, ref, lang)
    word = "section" if ref.sign.lower().startswith("section") else "§"
    for it, keys in cited:
        tokens = [(it.a, it.a_span, keys[0])]
        if it.b and it.b_span:
            tokens.append((it.b, it.b_span, keys[-1]))
        for tok, (s, e), key in tokens:
            url = reg.section_url(law_id, key) if key in ok else None
            if url is None:
                continue
            visible = re.sub(r"\s+", " ", tok)
            label = f"{law_written} {word} {visible} – {_title(reg, law_id, key, lang)}"
            out.append(text[pos:s])
            out.append(_link(url, html.escape(tok, quote=False), label))
            pos = e
    out.append(text[pos:ref.end])
    return "".join(out)


def _law_written(reg: LawRegistry, law_id: str, ref: _Ref, lang: str) -> str:
    if ref.law_text:
        return re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s+", " ", ref.law_text))
    return reg.name(law_id) if lang == "nb" else reg.english_name(law_id)
