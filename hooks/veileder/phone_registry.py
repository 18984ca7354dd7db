"""The phone registry (data/phones.yml): its schema, loading it, and the checks on it.

Every phone number on the site comes from this registry. An entry says whose number it is, what
it is for, when it is open, whether it is free, where it was checked and when. Entries not
verified within `MAX_VERIFIED_AGE_MONTHS` fail the build.

The pydantic model `PhoneRegistryFile` is the one source of truth for the file's shape;
data/schemas/phones.schema.json is exported from it (`export_schema()`), and a unit test keeps the
two equal. To refresh the committed schema:

    PYTHONPATH=hooks .venv/bin/python -m veileder.phone_registry > data/schemas/phones.schema.json
"""
from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from veileder import phone_format
from veileder.problems import Problem
from veileder.yamlfile import YamlDoc, YamlSyntaxError, node_is_timestamp, parse

# The ONE place that says how old a verification may be before the build refuses the number.
MAX_VERIFIED_AGE_MONTHS = 12

Lang = Literal["nb", "en"]
LANGS: tuple[str, ...] = ("nb", "en")


def _digits_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# A number as written in the file: `number: 112` (unquoted) is read by YAML as an integer and means the same.
NumberText = Annotated[str, BeforeValidator(_digits_as_text)]


class Text(BaseModel):
    """The same text in bokmål and English."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    nb: str = Field(min_length=1, description="Bokmål")
    en: str = Field(min_length=1, description="English")

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


class PhoneEntry(BaseModel):
    """One phone number the site may show."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str = Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Stable id, lowercase ASCII words joined by '-', e.g. 'vold-og-overgrepslinjen'.",
    )
    number: NumberText = Field(
        description="The number in Norwegian grouping, e.g. '116 006', '22 40 00 40', '02800', '112'."
    )
    owner: Text = Field(description="Who answers the number (shown in the link's accessible name).")
    purpose: Text = Field(description="What the number is for.")
    hours: Text = Field(description="When it is open; say honestly if this is not confirmed.")
    free: bool = Field(
        description="true only if the call is confirmed free of charge; false means 'not confirmed free'."
    )
    category: Literal["emergency", "police", "health", "helpline"] = Field(
        description="Section of the «Viktige telefonnumre» page the number is listed under."
    )
    confidence: Literal["high", "medium-high", "medium"] = Field(
        description="How well the number is confirmed (facts.md). Unverified numbers are not published."
    )
    source: str = Field(min_length=1, description="Where the number was checked, e.g. 'facts.md (checked Nov 2026): politiet.no'.")
    verified: date = Field(description="The date the number was last checked against its source (YYYY-MM-DD).")
    header: Text | None = Field(
        default=None,
        description="If set, the number is shown in the page header's emergency strip, with this label before it.",
    )

    @field_validator("number")
    @classmethod
    def _number_is_norwegian(cls, value: str) -> str:
        if phone_format.number_key(value) is None:
            raise ValueError(
                f"'{value}' is not a Norwegian phone number this site can link "
                "(8 digits, or a short number: 3–4 digits, 0 and 4 digits, or 116 and 3 digits)"
            )
        return value

    @property
    def key(self) -> str:
        key = phone_format.number_key(self.number)
        assert key is not None  # checked by the validator
        return key

    @property
    def display(self) -> str:
        return phone_format.display(self.key)

    @property
    def href(self) -> str:
        return phone_format.href(self.key)

    def link_html(self, lang: str) -> str:
        return phone_format.link_html(self.key, owner=self.owner.get(lang), purpose=self.purpose.get(lang))


class UnusedNumber(BaseModel):
    """A number the site must never show as a phone number, even without «ring» before it: a foreign
    emergency number people write by mistake (911), or a Norwegian number that has closed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    number: NumberText = Field(description="The number as it would be written, e.g. '911' or '22 33 44 55'.")
    reason: str = Field(min_length=1, description="Why it is wrong here, for the editor's message, e.g. "
                                                   "'the emergency number in the USA and Canada, not in Norway'.")

    @field_validator("number")
    @classmethod
    def _number_has_a_key(cls, value: str) -> str:
        if phone_format.number_key(value) is None:
            raise ValueError(f"'{value}' is not written as a phone number (8 digits, or a short number such as 911)")
        return value


class PhoneRegistryFile(BaseModel):
    """The whole of data/phones.yml."""

    model_config = ConfigDict(extra="forbid", title="Phone registry (data/phones.yml)")
    phones: list[PhoneEntry]
    not_used: list[UnusedNumber] = Field(
        default_factory=list,
        description="Numbers that are never a phone number on this site: found anywhere in the text "
                    "(also without «ring» before them) and reported with their reason.")


def export_schema() -> dict[str, Any]:
    """The JSON Schema of data/phones.yml, as committed in data/schemas/phones.schema.json."""
    schema = PhoneRegistryFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text() -> str:
    return json.dumps(export_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@dataclass
class PhoneRegistry:
    """The published numbers, by key (national digits) and by id."""

    entries: list[PhoneEntry] = field(default_factory=list)
    # Numbers whose entry has errors: not linked, reported where they are used.
    rejected: dict[str, str] = field(default_factory=dict)  # key -> id (or '?')
    not_used: dict[str, str] = field(default_factory=dict)  # key -> why the site never shows it (`not_used:`)

    def __post_init__(self) -> None:
        self.by_key = {e.key: e for e in self.entries}
        self.by_id = {e.id: e for e in self.entries}

    def lookup(self, key: str) -> PhoneEntry | None:
        return self.by_key.get(key)

    def never_problem(self, file: str, line: int | None, quoted: str, key: str) -> Problem:
        """The problem for a number listed under `not_used:` (the caller has checked that it is)."""
        instead = "; ".join(f"{e.display}: {e.owner.en}" for e in self.entries if e.category == "emergency")
        return Problem(file, line, f"{quoted} is not a phone number in Norway: {self.not_used[key]}",
                       (f"use a Norwegian emergency number instead ({instead})" if instead else "remove it")
                       + f"; if the text is about this number itself, write it as code: `{phone_format.display(key)}`")


# ---------------------------------------------------------------- loading and checking


def add_months(day: date, months: int) -> date:
    """`day` moved by a number of months (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _label(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        if raw.get("id"):
            return f"phone entry '{raw['id']}'"
        if raw.get("number"):
            return f"phone entry for {raw['number']}"
    return f"phone entry no. {index + 1}"


_FIELD_FIX = {
    "source": "add `source:` saying where the number was checked, e.g. 'facts.md (checked Nov 2026): politiet.no'",
    "verified": "add `verified:` with the date you checked the number against its source, as YYYY-MM-DD",
    "owner": "add `owner:` with `nb:` and `en:` names",
    "purpose": "add `purpose:` with `nb:` and `en:` texts",
    "hours": "add `hours:` with `nb:` and `en:` texts (say so if the hours are not confirmed)",
    "free": "add `free: true` if the call is confirmed free, otherwise `free: false`",
    "category": "add `category:` — one of emergency, police, health, helpline",
    "confidence": "add `confidence:` — high, medium-high or medium (as in facts.md)",
    "id": "add an `id:` of lowercase words joined by '-'",
    "number": "add `number:` in Norwegian grouping, e.g. '116 006'",
}


_TEXT_FIELDS = ("owner", "purpose", "hours", "header")
_TYPE_FIX = {
    "free": "write `free: true` if the call is confirmed free of charge, otherwise `free: false`",
    "category": "use one of emergency, police, health, helpline",
    "confidence": "use high, medium-high or medium (as in facts.md); unverified numbers are not published",
    "id": "use lowercase letters a–z, digits and '-', e.g. 'kirkens-sos'",
    "number": "write the Norwegian number in quotes, e.g. '116 006' or '22 40 00 40'",
    "source": "write where the number was checked, as text",
}


def _problems_from_error(err: ValidationError, raw: Any, index: int, doc: YamlDoc, rel: str) -> list[Problem]:
    problems: list[Problem] = []
    label = _label(raw, index)
    for item in err.errors():
        loc = tuple(item["loc"])
        line = doc.line("phones", index, *loc)
        name = ".".join(str(p) for p in loc)
        top = str(loc[0]) if loc else ""
        if item["type"] == "missing":
            if top in ("source", "verified"):
                what = f"{label} has no {'source' if top == 'source' else 'verification date'}"
            else:
                what = f"{label} has no `{name}`"
            problems.append(Problem(rel, line, what, _FIELD_FIX.get(top, f"add `{name}:`")))
        elif item["type"] == "extra_forbidden":
            problems.append(Problem(rel, line, f"{label} has an unknown field `{name}`",
                                    "remove it or correct its spelling (allowed: " + ", ".join(PhoneEntry.model_fields) + ")"))
        elif top == "confidence" and isinstance(raw, dict) and raw.get("confidence") == "unverified":
            problems.append(Problem(rel, line, f"{label} is marked unverified; unverified numbers must not be published",
                                    "confirm the number with its owner and set confidence to high, medium-high or medium, or remove the entry"))
        elif top == "source":
            problems.append(Problem(rel, line, f"{label} has no source", _FIELD_FIX["source"]))
        elif top == "verified" and isinstance(item.get("input"), str) and node_is_timestamp(item["input"]):
            problems.append(Problem(rel, line, f"{label}: `verified` is not a real date (got '{item['input']}')",
                                    _FIELD_FIX["verified"]))  # 2026-02-30, kept as text by the YAML reader
        elif top == "verified":
            problems.append(Problem(rel, line, f"{label} has no valid verification date ({item['msg']})", _FIELD_FIX["verified"]))
        elif top in _TEXT_FIELDS and len(loc) == 1:
            problems.append(Problem(rel, line, f"{label}: `{top}` must have a bokmål and an English text",
                                    f"write it as `{top}: {{nb: …, en: …}}`"))
        else:
            msg = item["msg"].removeprefix("Value error, ")
            problems.append(Problem(rel, line, f"{label}: `{name}` is wrong: {msg}",
                                    _TYPE_FIX.get(top, f"correct `{name}:` (see data/schemas/phones.schema.json)")))
    return problems


class _Doubled(Exception):
    """An entry with a field written twice: left out, like an entry with errors."""


def load_phone_registry(path: Path, *, today: date, rel: str = "data/phones.yml") -> tuple[PhoneRegistry, list[Problem]]:
    """Read and check the registry. Never raises on bad content; every fault becomes a Problem.

    Entries with errors are left out of the registry (their numbers are not linked); stale entries
    stay in (the build fails on them anyway) so the pages still show the reader a working link.
    """
    problems: list[Problem] = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return PhoneRegistry(), [Problem(rel, None, f"the phone registry cannot be read ({exc.__class__.__name__})",
                                         f"make sure {rel} exists and is saved as UTF-8")]
    try:
        doc = parse(text)
    except YamlSyntaxError as exc:
        return PhoneRegistry(), [Problem(rel, exc.line, f"the phone registry is not valid YAML: {exc.message}",
                                         exc.fix or "fix the YAML at this line (indentation, colons, quotes)")]
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("phones"), list):
        return PhoneRegistry(), [Problem(rel, doc.line(), "the phone registry must have a `phones:` list",
                                         "start the file with `phones:` followed by one `- id: ...` entry per number")]
    for key in data:
        if key not in PhoneRegistryFile.model_fields:
            problems.append(Problem(rel, doc.line(key), f"unknown top-level field `{key}` in the phone registry",
                                    "remove it; only `phones:` and `not_used:` are allowed"))
    doubled: set[int] = set()  # entries with a field written twice (YAML silently keeps the last)
    for path, line in doc.duplicates:
        if len(path) >= 3 and path[0] == "phones" and isinstance(path[1], int):
            doubled.add(path[1])
            where = _label(data["phones"][path[1]], path[1])
        else:
            where = "the phone registry"
        field_name = ".".join(str(p) for p in path[2:]) if len(path) >= 3 and path[0] == "phones" else str(path[-1])
        problems.append(Problem(rel, line, f"`{field_name}` is written twice in {where}",
                                "keep one of them: only the last one would be used, without a warning"))

    entries: list[PhoneEntry] = []
    rejected: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, str] = {}
    limit = add_months(today, -MAX_VERIFIED_AGE_MONTHS)
    for index, raw in enumerate(data["phones"]):
        entry_line = doc.line("phones", index)
        try:
            entry = PhoneEntry.model_validate(raw)
            if index in doubled:
                raise _Doubled
        except (ValidationError, _Doubled) as err:
            if isinstance(err, ValidationError):
                problems.extend(_problems_from_error(err, raw, index, doc, rel))
            if isinstance(raw, dict) and raw.get("number") is not None:
                key = phone_format.number_key(str(raw["number"]))
                if key:
                    rejected[key] = str(raw.get("id") or "?")
            continue
        label = f"phone entry '{entry.id}' ({entry.display})"
        if entry.id in seen_ids:
            problems.append(Problem(rel, entry_line, f"the id '{entry.id}' is used twice",
                                    f"give each entry its own id (the first is at line {seen_ids[entry.id]})"))
            continue
        if entry.key in seen_keys:
            problems.append(Problem(rel, entry_line, f"the number {entry.display} is in the registry twice",
                                    f"keep one entry for it (the other is '{seen_keys[entry.key]}')"))
            continue
        seen_ids[entry.id] = entry_line or 0
        seen_keys[entry.key] = entry.id
        verified_line = doc.line("phones", index, "verified")
        if entry.verified > today:
            problems.append(Problem(rel, verified_line, f"{label} has a verification date in the future ({entry.verified.isoformat()})",
                                    "set `verified:` to the date the number was actually checked"))
        elif entry.verified < limit:
            problems.append(Problem(
                rel, verified_line,
                f"{label} was last verified on {entry.verified.isoformat()}, more than {MAX_VERIFIED_AGE_MONTHS} months ago",
                "check the number with its owner (their own web page), then update `verified:` and `source:` — or remove the entry",
            ))
        entries.append(entry)
    not_used, p = _not_used(data.get("not_used"), doc, rel, seen_keys)
    problems += p
    return PhoneRegistry(entries=entries, rejected=rejected, not_used=not_used), problems


def _not_used(raw_list: Any, doc: YamlDoc, rel: str, published: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
    """The `not_used:` list: key -> reason, and its problems (an entry with errors is left out)."""
    if raw_list is None:
        return {}, []
    if not isinstance(raw_list, list):
        return {}, [Problem(rel, doc.line("not_used"), "`not_used:` must be a list",
                            "write one `- number: '911'` with its `reason:` per number")]
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(raw_list):
        label = f"`not_used:` entry no. {index + 1}" + (f" ({raw['number']})" if isinstance(raw, dict) and raw.get("number") else "")
        try:
            item = UnusedNumber.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                loc = tuple(e["loc"])
                line = doc.line("not_used", index, *loc)
                name = ".".join(str(x) for x in loc) or "entry"
                if e["type"] == "missing":
                    problems.append(Problem(rel, line, f"{label} has no `{name}`",
                                            "give each number its `number:` and a `reason:` saying why it is never shown"))
                elif e["type"] == "extra_forbidden":
                    problems.append(Problem(rel, line, f"{label} has an unknown field `{name}`",
                                            "remove it or correct its spelling (allowed: " + ", ".join(UnusedNumber.model_fields) + ")"))
                else:
                    problems.append(Problem(rel, line, f"{label}: `{name}` is wrong: {e['msg'].removeprefix('Value error, ')}",
                                            "write the number in quotes, e.g. '911', and the reason as text"))
            continue
        key = phone_format.number_key(item.number)
        assert key is not None  # checked by the validator
        line = doc.line("not_used", index, "number")
        if key in published:
            problems.append(Problem(rel, line, f"{item.number} is both a published number ('{published[key]}') and under `not_used:`",
                                    "remove it from one of the two lists"))
            continue
        if key in found:
            problems.append(Problem(rel, line, f"{item.number} is under `not_used:` twice", "keep one of the two entries"))
            continue
        found[key] = item.reason
    return found, problems


if __name__ == "__main__":  # pragma: no cover
    print(schema_text(), end="")
