"""The registry of laws and regulations (data/laws.yml): its model, its loading and its checks.

The pydantic models below are the one source of truth for the file's shape; the JSON Schema in
data/schemas/laws.schema.json is exported from them (`python -m veileder.legal_registry` prints it)
and a unit test keeps the two equal.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from veileder.problems import Problem
from veileder.yamlfile import YamlSyntaxError, node_is_timestamp, parse

SECTION_KEY_PATTERN = r"^\d+(-\d+)?( [a-z])?$"
LOVDATA_ID_PATTERN = r"^(LOV|FOR)-\d{4}-\d{2}-\d{2}(-\d+)?$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SectionKey = Annotated[str, StringConstraints(pattern=SECTION_KEY_PATTERN)]
LawKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Confidence = Literal["high", "medium-high", "medium"]
Status = Literal["in-force", "repealed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Titles(_Strict):
    """A title in both languages."""

    nb: Text = Field(description="Norwegian (bokmål; nynorsk where the law is nynorsk)")
    en: Text = Field(description="English (the guide's own rendering unless official)")


class Ref(_Strict):
    """A law in the registry, optionally one of its sections."""

    law: LawKey = Field(description="the law's key in this file")
    section: SectionKey | None = Field(None, description="a section key of that law")


class Section(_Strict):
    title: Titles = Field(description="the section's title in both languages")
    title_descriptive: bool = Field(
        False, description="true when the title describes the content (no official title, or not verified)"
    )
    status: Status = "in-force"
    in_force_from: date | None = None
    repealed_on: date | None = None
    replaced_by: Ref | None = Field(None, description="the provision that replaced a repealed one")
    source: Text = Field(description="where the entry was checked")
    checked: date = Field(description="the date the entry was checked (YYYY-MM-DD)")
    confidence: Confidence = "high"

    @model_validator(mode="after")
    def _status_fields(self) -> "Section":
        if self.status == "repealed" and self.repealed_on is None:
            raise ValueError("a repealed section needs `repealed_on` (the date it was repealed)")
        if self.status == "in-force" and (self.repealed_on or self.replaced_by):
            raise ValueError("`repealed_on` and `replaced_by` belong only to a section with status: repealed")
        return self


class Law(_Strict):
    kind: Literal["lov", "forskrift"] = Field(description="lov (act) or forskrift (regulation)")
    lovdata_id: Annotated[str, StringConstraints(pattern=LOVDATA_ID_PATTERN)] | None = Field(
        description="Lovdata's id, e.g. LOV-2005-05-20-28; null when not known"
    )
    id_verified: bool = Field(description="true only when the id was read on Lovdata; only then are references linked")
    official_title: Text
    names: list[Text] = Field(min_length=1, description="short names and abbreviations in Norwegian; the first is shown")
    english_name: Text = Field(description="the English name the site shows")
    english_names: list[Text] = Field(default_factory=list, description="names written in English pages")
    status: Status
    in_force_from: date | None = None
    repealed_on: date | None = None
    successor: LawKey | None = Field(None, description="the law that replaced a repealed one")
    legal_basis: Ref | None = Field(None, description="for a regulation: the law and section it is made under")
    source: Text = Field(description="where the entry was checked")
    checked: date = Field(description="the date the entry was checked (YYYY-MM-DD)")
    confidence: Confidence
    unverified: dict[SectionKey, Text] = Field(
        default_factory=dict, description="sections that must not be cited until checked, with the reason"
    )
    sections: dict[SectionKey, Section] = Field(default_factory=dict, description="the sections the site may cite")

    @model_validator(mode="after")
    def _status_fields(self) -> "Law":
        if self.id_verified and not self.lovdata_id:
            raise ValueError("`id_verified: true` needs a `lovdata_id`")
        if self.status == "repealed" and (self.repealed_on is None or self.successor is None):
            raise ValueError("a repealed law needs `repealed_on` (date) and `successor` (the law that replaced it)")
        if self.status == "in-force" and (self.repealed_on or self.successor):
            raise ValueError("`repealed_on` and `successor` belong only to a law with status: repealed")
        return self


class LawsFile(_Strict):
    """data/laws.yml"""

    laws: dict[LawKey, Law]


def laws_json_schema() -> dict[str, Any]:
    schema = LawsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Laws and regulations cited by the guide (data/laws.yml)"
    return schema


def laws_json_schema_text() -> str:
    return json.dumps(laws_json_schema(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------
# The registry the rest of the code uses


def section_sort_key(key: str) -> tuple[int, int, str]:
    m = re.match(r"^(\d+)(?:-(\d+))?(?: ([a-z]))?$", key)
    if not m:
        return (10**6, 0, key)
    return (int(m.group(1)), int(m.group(2) or 0), m.group(3) or "")


_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"]
_DATED = re.compile(rf"^(lov|forskrift)(?: av)? (\d{{1,2}})\. ?({'|'.join(_MONTHS)}) (\d{{4}}) nr\.? ?(\d+)")


def _dated_id(m: re.Match) -> str:
    kind = "LOV" if m.group(1) == "lov" else "FOR"
    return f"{kind}-{m.group(4)}-{_MONTHS.index(m.group(3)) + 1:02d}-{int(m.group(2)):02d}-{int(m.group(5))}"


def title_names(official_title: str) -> list[str]:
    """Names a page may write for the official title: «Lov om straff (straffeloven)» -> «Lov om straff»."""
    base = re.sub(r"\s*\([^()]*\)\s*$", "", official_title).strip()
    out = [base] if len(base.split()) >= 2 else []
    short = re.sub(r"\s+(?:m\.v\.|mv\.|m\.m\.)$", "", base)
    if short != base and len(short.split()) >= 2:
        out.append(short)
    return out


def normalise_name(name: str) -> str:
    name = name.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    name = re.sub(r"\s+", " ", name.strip()).lower()
    return re.sub(r"^the ", "", name)


@dataclass
class LawRegistry:
    laws: dict[str, Law] = field(default_factory=dict)
    # The file could not be read at all: references are then not checked one by one (the file's own
    # problem already fails the build, and hundreds of «not in the registry» lines would hide it).
    unreadable: bool = False
    # Names of entries that have errors of their own: references to them are not reported either.
    broken_names: set[str] = field(default_factory=set)
    broken_sections: set[tuple[str, str]] = field(default_factory=set)  # (law key, section key)

    def __post_init__(self) -> None:
        self._names: dict[str, str] = {}
        for law_id, law in self.laws.items():
            for name in _all_names(law):
                self._names.setdefault(normalise_name(name), law_id)
        for law_id, law in self.laws.items():  # «lov om straff»: the official title, after the names
            for name in title_names(law.official_title):
                self._names.setdefault(normalise_name(name), law_id)
        self._by_id = {law.lovdata_id: law_id for law_id, law in self.laws.items() if law.lovdata_id}

    # names ---------------------------------------------------------------------------------
    def all_names(self) -> list[str]:
        """Every name and abbreviation, as written in the registry, and each official title."""
        out: list[str] = []
        for law in self.laws.values():
            out.extend(_all_names(law))
        for law in self.laws.values():
            out.extend(title_names(law.official_title))
        return out

    def lookup(self, name: str, year: str | None = None) -> str | None:
        """The law id for a name as written in a page (any case), with an optional year after it."""
        key = normalise_name(name)
        dated = _DATED.match(key)
        if dated:
            return self._by_id.get(_dated_id(dated))
        if year:
            hit = self._names.get(f"{key} {year}")
            if hit:
                return hit
            law_id = self._lookup_plain(key)
            if law_id and self._year(law_id) == year:
                return law_id
            return None
        return self._lookup_plain(key)

    def is_broken(self, name: str) -> bool:
        """True when references to this name are not to be reported (see `unreadable`, `broken_names`)."""
        key = normalise_name(name)
        return self.unreadable or any(k in self.broken_names for k in (key, key.rstrip("."), key + "."))

    def _lookup_plain(self, key: str) -> str | None:
        if key in self._names:
            return self._names[key]
        if key.endswith(("lovens", "lovas")) and key[:-1] in self._names:
            return self._names[key[:-1]]  # the genitive, «straffelovens»
        if key + "." in self._names:
            return self._names[key + "."]  # «strl» without its full stop
        # "Norwegian Health Personnel Act": a known name at the end, after whole words
        best = self.known_suffix(key)
        return self._names[best] if best else None

    def known_suffix(self, key: str) -> str | None:
        """The longest known name that ends the (normalised) name after whole words."""
        best = None
        for name in self._names:
            if key.endswith(" " + name) and (best is None or len(name) > len(best)):
                best = name
        return best

    def _year(self, law_id: str) -> str | None:
        law = self.laws[law_id]
        return law.lovdata_id[4:8] if law.lovdata_id else None

    # display -------------------------------------------------------------------------------
    def name(self, law_id: str) -> str:
        return self.laws[law_id].names[0]

    def english_name(self, law_id: str) -> str:
        return self.laws[law_id].english_name

    def section(self, law_id: str, key: str) -> Section | None:
        return self.laws[law_id].sections.get(key)

    # links ---------------------------------------------------------------------------------
    def _id_path(self, law_id: str) -> str | None:
        law = self.laws[law_id]
        if not (law.id_verified and law.lovdata_id):
            return None
        kind, rest = law.lovdata_id.split("-", 1)
        return f"{'lov' if kind == 'LOV' else 'forskrift'}/{rest}"

    def law_url(self, law_id: str) -> str | None:
        """Lovdata's page for the whole law (NL in force, NLO repealed, SF regulations)."""
        path = self._id_path(law_id)
        if path is None:
            return None
        law = self.laws[law_id]
        if law.kind == "forskrift":
            return f"https://lovdata.no/dokument/{'SF' if law.status == 'in-force' else 'SFO'}/{path}"
        return f"https://lovdata.no/dokument/{'NL' if law.status == 'in-force' else 'NLO'}/{path}"

    def section_url(self, law_id: str, key: str) -> str | None:
        """Lovdata's link to one section of a law in force (None if it cannot be linked)."""
        law = self.laws[law_id]
        sec = law.sections.get(key)
        path = self._id_path(law_id)
        if path is None or sec is None or law.status != "in-force" or sec.status != "in-force":
            return None
        if law.kind == "forskrift":
            return None  # no verified deep-link form for regulations
        return f"https://lovdata.no/{path}/§{key.replace(' ', '')}"


# --------------------------------------------------------------------------------------------
# Loading

_FIELD_HELP = {
    "source": "where the entry was checked, e.g. «facts.md — Lovdata, straffeloven § 282»",
    "checked": "the date the entry was checked against its source, as YYYY-MM-DD",
    "in_force_from": "the date the law or section came into force, as YYYY-MM-DD",
    "repealed_on": "the date the law or section was repealed, as YYYY-MM-DD",
    "title": "the section's title in both languages: `title: {nb: ..., en: ...}`",
    "nb": "the title in Norwegian",
    "en": "the title in English",
    "names": "the law's short names and abbreviations, e.g. `[straffeloven, strl.]`",
    "english_name": "the law's English name, e.g. `Penal Code`",
    "english_names": "the forms of the English name written in English pages, e.g. `[Penal Code, Norwegian Penal Code]`",
    "official_title": "the law's official title as on Lovdata",
    "lovdata_id": "Lovdata's id, e.g. LOV-2005-05-20-28 (or null if not known)",
    "id_verified": "true only if the id was read on Lovdata, else false",
    "title_descriptive": "true or false",
    "status": "in-force or repealed",
    "confidence": "high, medium-high or medium",
    "kind": "lov or forskrift",
    "successor": "the key of the law that replaced this one, e.g. `straffeloven`",
    "law": "the key of a law in this file, e.g. `straffeloven`",
    "section": "a section number in quotes, e.g. \"168\" or \"266 a\"",
    "replaced_by": "the provision that replaced it, e.g. `{law: straffeloven, section: \"168\"}`",
    "legal_basis": "the law and section the regulation is made under, e.g. `{law: krisesenterlova, section: \"2\"}`",
    "unverified": "a section number in quotes and the reason, e.g. `\"23\": changed on 1 July 2026; check before citing`",
    "sections": "each section as `\"266 a\":` with its fields indented under it",
}
_DATE_FIELDS = {"checked", "in_force_from", "repealed_on"}


def _describe(loc: tuple[Any, ...]) -> str:
    parts = [str(x) for x in loc if x != "[key]"]
    return "`" + ".".join(parts) + "`" if parts else "the entry"


def _problems_from(err: ValidationError, where: str, rel: str, line_of) -> list[Problem]:
    out = []
    for e in err.errors():
        loc = tuple(e["loc"])
        field_name = next((str(x) for x in reversed(loc) if isinstance(x, str) and x != "[key]"), "")
        if field_name not in _FIELD_HELP and "unverified" in loc:
            field_name = "unverified"
        help_ = _FIELD_HELP.get(field_name)
        write = f"write {help_}" if help_ else "see data/schemas/laws.schema.json for what the field takes"
        line = line_of(*[x for x in loc if x != "[key]"])
        got = e.get("input")
        if e["type"] == "missing":
            out.append(Problem(rel, line, f"{where}: {_describe(loc)} is missing",
                               f"add `{field_name}:` — {help_}" if help_ else f"add `{field_name}:`"))
        elif e["type"] == "extra_forbidden":
            out.append(Problem(rel, line, f"{where}: unknown field {_describe(loc)}",
                               "remove it or correct its spelling (see the comments at the top of data/laws.yml)"))
        elif e["type"] == "value_error":
            msg = str(e["msg"]).removeprefix("Value error, ")
            out.append(Problem(rel, line, f"{where}: {msg}", "correct the entry"))
        elif field_name in _DATE_FIELDS and e["type"].startswith(("date", "datetime")):
            kind = "a real date" if isinstance(got, str) and node_is_timestamp(got) else "a date"  # 2026-13-45
            out.append(Problem(rel, line, f"{where}: {_describe(loc)} is not {kind} (got {got!r})", write))
        elif e["type"] == "string_pattern_mismatch":
            out.append(Problem(rel, line, f"{where}: {_describe(loc)} is not in the right form (got {got!r})", write))
        elif e["type"] in ("string_too_short", "too_short"):
            out.append(Problem(rel, line, f"{where}: {_describe(loc)} is empty", write))
        else:
            out.append(Problem(rel, line, f"{where}: {_describe(loc)} — {e['msg']} (got {got!r})", write))
    return out


def load_law_registry(path: Path, *, rel: str = "data/laws.yml",
                      today: date | None = None) -> tuple[LawRegistry, list[Problem]]:
    """Read data/laws.yml; returns the registry (good entries only) and every problem found."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = e.strerror if isinstance(e, OSError) else "it is not UTF-8 text"
        return LawRegistry(unreadable=True), [Problem(rel, None, f"cannot read the law registry ({why})",
                                                      "restore data/laws.yml (saved as UTF-8 text)")]
    return registry_from_text(text, rel=rel, today=today)


def registry_from_text(text: str, *, rel: str = "data/laws.yml",
                       today: date | None = None) -> tuple[LawRegistry, list[Problem]]:
    try:
        doc = parse(text)
    except YamlSyntaxError as e:
        fix = e.fix or "fix the indentation, colons or quotes on this line (or the line before)"
        return LawRegistry(unreadable=True), [Problem(rel, e.line, f"the file is not valid YAML: {e.message}", fix)]
    problems: list[Problem] = []
    for path, line in doc.duplicates:
        problems.append(Problem(rel, line, f"{_describe(path)} is written twice",
                                "keep one entry (the later one is the one in effect)"))
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("laws"), dict):
        return LawRegistry(unreadable=True), problems + [Problem(rel, doc.line(), "the file has no `laws:` mapping",
                                                                 "start the file with `laws:` and one entry per law under it")]
    for key in data:
        if key != "laws":
            problems.append(Problem(rel, doc.line(key), f"unknown top-level key `{key}`", "remove it; only `laws:` is read"))
    laws: dict[str, Law] = {}
    broken: dict[str, set[str]] = {}  # key of an entry with errors -> its names
    broken_sections: set[tuple[str, str]] = set()
    for raw_id, raw in data["laws"].items():
        law_id = str(raw_id)
        where = f"law «{law_id}»"
        line_of = lambda *loc, _r=raw_id: doc.line("laws", _r, *loc)  # noqa: E731
        broken[law_id] = _names_of(raw)  # until the entry proves good
        if not re.match(r"^[a-z0-9][a-z0-9-]*$", law_id):
            problems.append(Problem(rel, line_of(), f"{where}: the key must be lowercase letters, digits and -",
                                    "rename the key, e.g. `straffeloven-1902`"))
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(rel, line_of(), f"{where} is not a mapping of fields", "indent its fields under it"))
            continue
        raw_sections = raw.get("sections") or {}
        body = {k: v for k, v in raw.items() if k != "sections"}
        if isinstance(body.get("unverified"), dict):
            body["unverified"] = {_section_key(k): v for k, v in body["unverified"].items()}
        law: Law | None = None
        try:
            law = Law.model_validate(body)
        except ValidationError as err:
            problems += _problems_from(err, where, rel, line_of)  # its sections are still checked below
        else:
            problems += _future_date(law.checked, today, rel, line_of("checked"), where)
        sections: dict[str, Section] = {}
        if not isinstance(raw_sections, dict):
            problems.append(Problem(rel, line_of("sections"), f"{where}: `sections` is not a mapping",
                                    "write each section as `\"266 a\":` with its fields indented under it"))
            raw_sections = {}
        for raw_key, raw_sec in raw_sections.items():
            key = _section_key(raw_key)
            swhere = f"{where}, § {key}"
            sline = lambda *loc, _k=raw_key: doc.line("laws", raw_id, "sections", _k, *loc)  # noqa: E731
            if not re.match(SECTION_KEY_PATTERN, key):
                problems.append(Problem(rel, sline(), f"{swhere}: the section key «{raw_key}» is not in the form "
                                        "«266 a», «13-2» or «57»",
                                        "write the number, a space and a lowercase letter if any, in quotes"))
                continue
            try:
                sections[key] = Section.model_validate(raw_sec)
            except ValidationError as err:
                problems += _problems_from(err, swhere, rel, sline)
                broken_sections.add((law_id, key))
                continue
            problems += _future_date(sections[key].checked, today, rel, sline("checked"), swhere)
        if law is None:
            continue  # left out, with its names in `broken`: its problems are reported above
        laws[law_id] = law.model_copy(update={"sections": sections})
        del broken[law_id]
    problems += _cross_checks(laws, doc, rel, set(broken))
    laws = _without_dangling_refs(laws)
    names = {normalise_name(n) for ns in broken.values() for n in ns}
    names -= {normalise_name(n) for law in laws.values() for n in _all_names(law)}
    return LawRegistry(laws, broken_names=names, broken_sections=broken_sections), problems


def _without_dangling_refs(laws: dict[str, Law]) -> dict[str, Law]:
    """Drop a successor, replacement or legal basis that names a law or section not in the registry (the
    problem is reported), so that nothing later looks up what is not there."""
    def ok(ref: Ref | None) -> bool:
        return ref is not None and ref.law in laws and (ref.section is None or ref.section in laws[ref.law].sections)

    out = {}
    for law_id, law in laws.items():
        sections = {k: (sec if sec.replaced_by is None or ok(sec.replaced_by) else sec.model_copy(update={"replaced_by": None}))
                    for k, sec in law.sections.items()}
        update: dict[str, Any] = {"sections": sections}
        if law.successor is not None and law.successor not in laws:
            update["successor"] = None
        if law.legal_basis is not None and not ok(law.legal_basis):
            update["legal_basis"] = None
        out[law_id] = law.model_copy(update=update)
    return out


def _all_names(law: Law) -> list[str]:
    return [*law.names, law.english_name, *law.english_names]


def _names_of(raw: Any) -> set[str]:
    """The names written in an entry, however malformed the rest of it is."""
    if not isinstance(raw, dict):
        return set()
    out: set[str] = set()
    for field_name in ("names", "english_names", "english_name"):
        value = raw.get(field_name)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v.strip():
                out.add(v)
    return out


def _future_date(checked: date, today: date | None, rel: str, line: int | None, where: str) -> list[Problem]:
    if today is None or checked <= today:
        return []
    return [Problem(rel, line, f"{where}: the check date {checked.isoformat()} is in the future",
                    "write the date the entry was actually checked, as YYYY-MM-DD")]


def _section_key(raw: Any) -> str:
    """Section keys as written in YAML: 57 (a number), "266 a", "266a" -> "266 a"."""
    key = re.sub(r"\s+", " ", str(raw).strip().lower())
    return re.sub(r"^(\d+(?:-\d+)?)([a-z])$", r"\1 \2", key)


def _cross_checks(laws: dict[str, Law], doc, rel: str, broken: set[str] = frozenset()) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, str] = {}
    for law_id, law in laws.items():
        line = doc.line("laws", law_id)
        for name in [*law.names, law.english_name, *law.english_names]:
            key = normalise_name(name)
            other = seen.get(key)
            if other and other != law_id:
                out.append(Problem(rel, doc.line("laws", law_id, "names") or line,
                                   f"law «{law_id}»: the name «{name}» is also a name of «{other}»",
                                   "a name may belong to one law only; remove it from one of them"))
            seen.setdefault(key, law_id)
        if law.successor and law.successor not in laws and law.successor not in broken:
            out.append(Problem(rel, doc.line("laws", law_id, "successor") or line,
                               f"law «{law_id}»: the successor «{law.successor}» is not in the registry",
                               "write the key of a law in data/laws.yml"))
        refs = [(law.legal_basis, ("legal_basis",))] + [
            (sec.replaced_by, ("sections", k, "replaced_by")) for k, sec in law.sections.items()
        ]
        for ref, loc in refs:
            if ref is None:
                continue
            rline = doc.line("laws", law_id, *loc) or line
            target = laws.get(ref.law)
            if target is None and ref.law in broken:
                continue  # that entry's own problems are reported
            if target is None:
                out.append(Problem(rel, rline, f"law «{law_id}»: {_describe(loc)} names the law «{ref.law}», "
                                   "which is not in the registry", "write the key of a law in data/laws.yml"))
            elif ref.section and ref.section not in target.sections:
                out.append(Problem(rel, rline, f"law «{law_id}»: {_describe(loc)} names «{ref.law}» § {ref.section}, "
                                   "which is not in the registry",
                                   f"add § {ref.section} under «{ref.law}» or correct the section number"))
        for key in law.unverified:
            if key in law.sections:
                out.append(Problem(rel, doc.line("laws", law_id, "unverified") or line,
                                   f"law «{law_id}»: § {key} is listed both as unverified and as a section",
                                   "remove it from `unverified` once it is checked, or from `sections` if it is not"))
    return out


def main() -> None:  # pragma: no cover - writes the schema file
    sys.stdout.write(laws_json_schema_text())


if __name__ == "__main__":  # pragma: no cover
    main()
