"""What's new: the editors' log of content changes (data/changes.yml), its checks and its list.

    changes, problems = load_changes(Path("data/changes.yml"), known_pages={"tiltak/besoksforbud.md", …},
                                     today=dt.date.today())
    render_changes(changes, lang="nb", link=lambda docs_path: "../tiltak/besoksforbud.md")
                                       -> Markdown for the «Hva er nytt» / «What's new» page

Each entry has a date, a short text in both languages and the pages it concerns (bokmål paths
relative to docs/). Entries are shown newest first, whatever their order in the file.
Run `python -m veileder.changes` (with `hooks` on the path) to rewrite
data/schemas/changes.schema.json from the model.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable

from babel.dates import format_date
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .datafile import Text, md_escape, missing_language, read_yaml, schema_problems
from .problems import Problem

SCHEMA_PATH = Path("data/schemas/changes.schema.json")
SCHEMA_NAME = "data/schemas/changes.schema.json"
PAGE = r"^[a-z0-9][a-z0-9/-]*\.md$"
WORDS = {"nb": {"pages": "Gjelder"}, "en": {"pages": "Concerns"}}


class Change(BaseModel):
    """One change to the content, as readers should hear of it."""

    model_config = ConfigDict(extra="forbid")
    date: dt.date = Field(description="The day the change was published, as YYYY-MM-DD")
    text: Text = Field(description="What changed, in a sentence or two, in both languages")
    pages: list[str] = Field(
        default_factory=list,
        description="The pages concerned: bokmål paths relative to docs/, e.g. tiltak/besoksforbud.md",
        json_schema_extra={"items": {"type": "string", "pattern": PAGE}},
    )
    _line: int | None = PrivateAttr(default=None)  # the entry's line in the file, for messages


class Changes(BaseModel):
    """The log of content changes shown on «Hva er nytt» / «What's new»."""

    model_config = ConfigDict(extra="forbid", title="Content changes")
    changes: list[Change] = Field(default_factory=list, description="One entry per change, any order")


def json_schema() -> dict[str, Any]:
    schema = Changes.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://trusler-og-vold.example/schemas/changes.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def load_changes(path: Path, *, known_pages: set[str], today: dt.date,
                 rel: str = "data/changes.yml") -> tuple[list[Change], list[Problem]]:
    """The entries that could be read, newest first, and every problem found. Never raises."""
    doc, problems = read_yaml(path, rel)
    if doc is None:
        return [], problems
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        problems.append(Problem(rel, 1, "the file does not hold a list of changes",
                                "start with 'changes:' followed by one '- date: …' entry per change"))
        return [], problems
    changes = []
    for i, item in enumerate(data["changes"]):
        try:
            change = Change.model_validate(item)
        except ValidationError as exc:
            problems += schema_problems(exc, doc, rel, SCHEMA_NAME, base=("changes", i))
            continue
        change._line = doc.line(("changes", i, "text"))
        problems += missing_language(change.text, ("changes", i, "text"), doc, rel)
        if change.date > today:
            problems.append(Problem(rel, doc.line(("changes", i, "date")), f"the change dated {change.date} lies in the future",
                                    "write the day the change was published"))
        for j, page in enumerate(change.pages):
            if page not in known_pages:
                problems.append(Problem(rel, doc.line(("changes", i, "pages", j)), f"no page '{page}' in docs/",
                                        "write the bokmål page relative to docs/, e.g. tiltak/besoksforbud.md"))
        change.pages = [page for page in change.pages if page in known_pages]  # the others are reported, not linked
        changes.append(change)
    changes.sort(key=lambda c: c.date, reverse=True)
    return changes, problems


def change_texts(changes: list[Change]) -> list[tuple[str, str, int | None]]:
    """(text, lang, line) of every text, for the legal-reference and phone checks."""
    return [(c.text.get(lang), lang, c._line) for c in changes for lang in ("nb", "en")]


def render_changes(changes: list[Change], *, lang: str, link: Callable[[str], tuple[str, str]], limit: int = 20) -> str:
    """The newest changes as Markdown, one heading per date; link(page) gives (title, href)."""
    out, current = [], None
    fmt = "d. MMMM y" if lang == "nb" else "d MMMM y"
    for change in changes[:limit]:
        if change.date != current:
            current = change.date
            out.append(f"\n### {format_date(current, fmt, locale=lang)}\n")
        line = f"- {md_escape(change.text.get(lang))}"
        if change.pages:
            links = ", ".join(f"[{md_escape(t)}]({h})" for t, h in (link(p) for p in change.pages))
            line += f" {WORDS[lang]['pages']}: {links}."
        out.append(line)
    return "\n".join(out).strip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
