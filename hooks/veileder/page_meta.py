"""Page front matter: one schema, checked for every page, and the review line readers see."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import yaml
from babel.dates import format_date
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .frontmatter import FrontMatter
from .problems import Problem
from .yamlfile import RECURSIVE_ALIAS_FIX

# Front matter keys Material itself understands; allowed beside ours.
THEME_KEYS = {"hide", "search", "template", "icon", "status"}


class PageMeta(BaseModel):
    """The front matter every page must have. Editors: see «Redaktørveiledning»."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=2, max_length=120)
    description: str = Field(min_length=20, max_length=200)
    audience: list[str] = Field(min_length=1)
    reviewed: dt.date
    next_review: Optional[dt.date] = None
    owner: str
    sources: list[str] = Field(min_length=1)
    hide: Optional[list[str]] = None
    search: Optional[dict] = None
    template: Optional[str] = None
    icon: Optional[str] = None
    status: Optional[str] = None

    @field_validator("title", "description")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        return v


@dataclass(frozen=True)
class MetaLists:
    audiences: dict[str, dict[str, str]]
    owners: dict[str, dict[str, str]]
    sources: set[str]
    review_interval_months: int = 12
    review_warning_days: int = 60
    readable: bool = True  # False when data/metadata.yml has errors: its lists are then not checked against


def load_meta_lists(metadata_path: Path, sources_path: Path) -> MetaLists:
    """The lists alone (the checks of both files: veileder.sources)."""
    from .sources import load_lists, load_sources

    return load_lists(metadata_path, load_sources(sources_path)[0])[0]


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def next_review(meta: PageMeta, lists: MetaLists) -> dt.date:
    return meta.next_review or add_months(meta.reviewed, lists.review_interval_months)


_FIXES = {
    "title": "give the page a title, e.g. `title: Besøksforbud`",
    "description": "write one sentence of 20–200 characters saying what the page helps with",
    "audience": "list who the page is for, e.g. `audience: [police, health]` (see data/metadata.yml)",
    "reviewed": "write the date the content was last reviewed as YYYY-MM-DD, e.g. `reviewed: 2026-11-23`",
    "next_review": "write the next review date as YYYY-MM-DD, or remove the line to use the standard interval",
    "owner": "name the reviewing role, e.g. `owner: fagredaksjonen` (see data/metadata.yml)",
    "sources": "list the sources by id, e.g. `sources: [nkvts-voldsveileder]` (see data/sources.yml)",
}


def check_page_meta(fm: FrontMatter, file: str, lists: MetaLists, today: dt.date) -> tuple[PageMeta | None, list[Problem]]:
    """The page's metadata, and every problem with it."""
    if fm.error:
        line, what = fm.error
        fix = (RECURSIVE_ALIAS_FIX if "alias (*…)" in what
               else "fix the YAML between the two '---' lines (indentation, a missing ':' or quote)")
        return None, [Problem(file, line, what, fix)]
    if not fm.data and not fm.lines:
        return None, [Problem(file, 1, "the page has no front matter", "start the file with '---', the keys title, description, audience, reviewed, owner and sources, and '---' (see «Redaktørveiledning»)")]
    problems: list[Problem] = []
    meta = None
    try:
        meta = PageMeta.model_validate(fm.data)
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            line = fm.lines.get(key, 1)
            if err["type"] == "missing":
                problems.append(Problem(file, 1, f"the front matter has no '{key}'", _FIXES.get(key, f"add '{key}'")))
            elif err["type"] == "extra_forbidden":
                problems.append(Problem(file, line, f"unknown front matter key '{key}'", f"remove it, or correct the spelling (allowed: {', '.join(sorted(set(_FIXES) | THEME_KEYS))})"))
            elif err["type"].startswith("date_") and isinstance(err.get("input"), str):
                problems.append(Problem(file, line, f"'{key}' is not a valid date: «{err['input']}»", _FIXES.get(key, "write the date as YYYY-MM-DD")))
            else:
                problems.append(Problem(file, line, f"'{key}' is invalid: {err['msg']}", _FIXES.get(key, "correct the value")))
    # The list and date checks run on what is there, so one run reports everything.
    data = fm.data
    for a in _as_list(data.get("audience")):
        if lists.readable and a not in lists.audiences:
            problems.append(Problem(file, fm.lines.get("audience", 1), f"unknown audience '{a}'", f"use one of: {', '.join(lists.audiences)}"))
    owner = data.get("owner")
    if isinstance(owner, str) and lists.readable and owner not in lists.owners:
        problems.append(Problem(file, fm.lines.get("owner", 1), f"unknown owner '{owner}'", f"use one of: {', '.join(lists.owners)} (a role, not a person)"))
    for s in _as_list(data.get("sources")):
        if s not in lists.sources:
            problems.append(Problem(file, fm.lines.get("sources", 1), f"unknown source id '{s}'", "use an id from data/sources.yml, or add the source there first"))
    reviewed, due_given = data.get("reviewed"), data.get("next_review")
    if isinstance(reviewed, dt.date):
        if reviewed > today:
            problems.append(Problem(file, fm.lines.get("reviewed", 1), f"'reviewed' is in the future ({reviewed})", "write the date the content was actually reviewed"))
        due = due_given if isinstance(due_given, dt.date) else add_months(reviewed, lists.review_interval_months)
        if due < today:
            problems.append(Problem(file, fm.lines.get("next_review", fm.lines.get("reviewed", 1)), f"the page was due for review on {due.isoformat()}", "review the content, then set 'reviewed' to today's date"))
    return (meta if not problems else None), problems


def _as_list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if isinstance(value, str) else []


def review_line(meta: PageMeta, lists: MetaLists, lang: str) -> str:
    """«Sist faglig vurdert 12. mars 2026 · Neste vurdering mars 2027» / «Last reviewed 12 March 2026 · Next review March 2027»."""
    return _review_line(meta.reviewed, next_review(meta, lists), lang)


@lru_cache(maxsize=4096)  # pages share dates; babel's formatting is slow for every page of every build
def _review_line(reviewed: dt.date, due: dt.date, lang: str) -> str:
    if lang == "nb":
        return f"Sist faglig vurdert {format_date(reviewed, 'd. MMMM y', locale='nb')} · Neste vurdering {format_date(due, 'MMMM y', locale='nb')}"
    return f"Last reviewed {format_date(reviewed, 'd MMMM y', locale='en')} · Next review {format_date(due, 'MMMM y', locale='en')}"


PAIR_FIELDS = ("reviewed", "next_review", "audience", "owner", "sources")


def compare_pair(nb_file: str, nb: PageMeta, en_file: str, en: PageMeta, en_lines: dict[str, int]) -> list[Problem]:
    """Front matter facts that must be the same in a page and its translation."""
    problems = []
    for key in PAIR_FIELDS:
        a, b = getattr(nb, key), getattr(en, key)
        if isinstance(a, list):
            a, b = sorted(a), sorted(b)
        if a != b:
            problems.append(Problem(en_file, en_lines.get(key, 1), f"'{key}' differs from {nb_file} ({_show(b)} here, {_show(a)} there)", f"make '{key}' the same in both languages"))
    return problems


def compare_facts(nb_file: str, en_file: str, kind: str, nb_facts: set[str], en_facts: set[str],
                  show: Callable[[str], str] = str) -> list[Problem]:
    """Facts found in the text (legal references, phone numbers, trees) that must match across a pair;
    show(fact) is how a message writes one (a phone number as it is dialled, not its registry id)."""
    problems = []
    for fact in sorted(nb_facts - en_facts):
        problems.append(Problem(en_file, None, f"{kind} {show(fact)} is in {nb_file} but not in the English page", f"cite {show(fact)} in the English page too, or remove it from the bokmål page"))
    for fact in sorted(en_facts - nb_facts):
        problems.append(Problem(en_file, None, f"{kind} {show(fact)} is in the English page but not in {nb_file}", f"cite {show(fact)} in the bokmål page too, or remove it from the English page"))
    return problems


def _show(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    return str(v)


def pair_of(rel: str) -> tuple[str, str]:
    """('x/y.md', 'x/y.en.md') for either member of a pair."""
    base = rel[: -len(".en.md")] if rel.endswith(".en.md") else rel[: -len(".md")]
    return base + ".md", base + ".en.md"
