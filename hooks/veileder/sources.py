"""The sources registry (data/sources.yml) and the page metadata lists (data/metadata.yml), checked.

    sources, problems = load_sources(Path("data/sources.yml"))      # [Source], [Problem]; never raises
    lists, problems = load_lists(Path("data/metadata.yml"), sources)  # MetaLists, [Problem]; never raises

A broken entry is reported (file:line) and left out; the other entries are kept, so a page that
names a good source is still checked against it.
Run `python -m veileder.sources` (with `hooks` on the path) to rewrite data/schemas/sources.schema.json.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .datafile import Text, missing_language, read_yaml, schema_problems
from .page_meta import MetaLists
from .problems import Problem

SCHEMA_PATH = Path("data/schemas/sources.schema.json")
SCHEMA_NAME = "data/schemas/sources.schema.json"
ID = r"^[a-z0-9][a-z0-9-]*$"


class Source(BaseModel):
    """One source the guide cites; pages name it by id in `sources:`."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID, description="What pages write in `sources:`: lowercase, words joined by -")
    publisher: Union[Text, str] = Field(description="Who published it, {nb: …, en: …} (or one text for both)")
    title: str = Field(min_length=2, description="The title as the source itself writes it")
    year: Optional[int] = Field(None, ge=1800, le=2100, description="The year, or null if not known")
    url: Optional[str] = Field(None, pattern=r"^https?://\S+$", description="The address, or null if not checked")

    def publisher_in(self, lang: str) -> str:
        return self.publisher.get(lang) if isinstance(self.publisher, Text) else self.publisher


def json_schema() -> dict[str, Any]:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://trusler-og-vold.example/schemas/sources.schema.json",
              "title": "Sources", "type": "array", "items": Source.model_json_schema()}
    defs = schema["items"].pop("$defs", None)
    if defs:
        schema["$defs"] = defs
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def load_sources(path: Path, *, rel: str = "data/sources.yml") -> tuple[list[Source], list[Problem]]:
    doc, problems = read_yaml(path, rel)
    if doc is None:
        return [], problems
    if not isinstance(doc.data, list):
        return [], problems + [Problem(rel, 1, "the file does not hold a list of sources",
                                       "write one entry per source, each starting with '- id: …'")]
    sources, seen = [], {}
    for i, item in enumerate(doc.data):
        try:
            source = Source.model_validate(item)
        except ValidationError as exc:
            problems += schema_problems(exc, doc, rel, SCHEMA_NAME, base=(i,), top="sources")
            continue
        if isinstance(source.publisher, Text):
            problems += missing_language(source.publisher, (i, "publisher"), doc, rel, top="sources")
        if source.id in seen:
            problems.append(Problem(rel, doc.line((i, "id")), f"the source id '{source.id}' is used twice (also on line {seen[source.id]})",
                                    "give each source its own id"))
            continue
        seen[source.id] = doc.line((i, "id"))
        sources.append(source)
    return sources, problems


class _Lists(BaseModel):
    model_config = ConfigDict(extra="forbid")
    review_interval_months: int = Field(12, ge=1, le=60)
    review_warning_days: int = Field(60, ge=1, le=365)
    audiences: dict[str, Text]
    owners: dict[str, Text]


def load_lists(path: Path, sources: list[Source], *, rel: str = "data/metadata.yml") -> tuple[MetaLists, list[Problem]]:
    """The fixed lists page front matter is checked against (audiences, owners, source ids)."""
    empty = MetaLists(audiences={}, owners={}, sources={s.id for s in sources}, readable=False)
    doc, problems = read_yaml(path, rel)
    if doc is None:
        return empty, problems
    try:
        data = _Lists.model_validate(doc.data if isinstance(doc.data, dict) else {})
    except ValidationError as exc:
        return empty, problems + schema_problems(exc, doc, rel, "the comments at the top of data/metadata.yml")
    for kind in ("audiences", "owners"):
        for key, text in getattr(data, kind).items():
            problems += missing_language(text, (kind, key), doc, rel)
    return MetaLists(
        audiences={k: {"nb": v.nb, "en": v.en} for k, v in data.audiences.items()},
        owners={k: {"nb": v.nb, "en": v.en} for k, v in data.owners.items()},
        sources={s.id for s in sources},
        review_interval_months=data.review_interval_months,
        review_warning_days=data.review_warning_days,
    ), problems


if __name__ == "__main__":  # pragma: no cover
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
