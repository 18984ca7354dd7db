"""Shared pieces for the small bilingual data files (data/measures.yml, data/duties.yml).

- read_yaml(path, rel) -> (YamlDoc | None, problems): reads and parses; never raises
- schema_problems(exc, doc, file, schema) -> problems with the line of each schema error
- missing_language(value, loc, doc, file) -> a problem for each language a {nb, en} text lacks
- md_escape(text) -> text safe to put in a Markdown table cell or HTML element

Models use `Text` ({nb, en}) from tree_model, and YAML is read with tree_model.load_yaml (only
true/false are booleans, so `report: no` stays the text 'no'; lines are kept for every key).
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .problems import Problem
from .tree_model import LANG_NAMES, LANGS, Text, YamlDoc, load_yaml
from .yamlfile import RECURSIVE_ALIAS, RECURSIVE_ALIAS_FIX

__all__ = ["LANGS", "LANG_NAMES", "Text", "YamlDoc", "loc_text", "md_escape", "missing_language",
           "read_yaml", "schema_problems"]


def read_yaml(path: Path, rel: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse a YAML file; on any failure return None and the problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(rel, None, "the file is missing", f"create {rel} (see the editors' guide)")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(rel, None, f"the file cannot be read ({exc})", "save it as UTF-8 text")]
    doc = load_yaml(text)
    if doc.error:
        line, msg = doc.error
        fix = "check indentation, colons and quotes on this line or the line above"
        if msg == RECURSIVE_ALIAS:
            fix = RECURSIVE_ALIAS_FIX
        elif "expected ',' or '}'" in msg or "expected ',' or ']'" in msg:
            fix = ("inside { … } put each text in double quotes when it contains a comma, colon or "
                   'question mark, e.g. {nb: "Nei, ikke krav", en: "No, not required"}')
        return None, [Problem(rel, line, f"the YAML cannot be read: {msg}", fix)]
    problems = [Problem(rel, line, f"the key '{key}' appears twice in the same place",
                        "remove or rename one of them") for line, key in doc.duplicates]
    return doc, problems


# A list or mapping of named items -> what one item is called in a message.
_NOUNS = {"measures": "measure", "changes": "change", "duties": "duty", "professions": "profession", "cells": "cell",
          "audiences": "audience", "owners": "owner", "sources": "source", "pages": "page"}


def loc_text(loc: tuple[Any, ...], data: Any = None, top: str | None = None) -> str:
    """A place in a data file in words, as an editor finds it: ('measures', 0, 'name') ->
    "measure 'besoksforbud', 'name:'" (a list item by its id when it has one, else by its number),
    ('professions', 1, 'cells', 'confidentiality', 'text') -> "profession 'health', cell
    'confidentiality', 'text:'". `data` is the file's data (for the ids); `top` names the items of
    a file that is a list itself (data/sources.yml: "sources")."""
    parts: list[str] = []
    node, items_of = data, top  # items_of: the list or mapping whose item the next key picks
    for key in loc:
        if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            child = node[key]
        elif isinstance(node, dict):
            child = node.get(key)
        else:
            child = None
        if items_of is not None:
            noun = _NOUNS.get(items_of, "item")
            if isinstance(key, int):
                ident = child.get("id") if isinstance(child, dict) else None
                parts.append(f"{noun} '{ident}'" if isinstance(ident, str) and ident else f"{noun} {key + 1}")
            else:
                parts.append(f"{noun} '{key}'")
            items_of = None
        elif isinstance(key, int):
            parts.append(f"item {key + 1}")
        elif key in _NOUNS and isinstance(child, (list, dict)):
            items_of = key
        else:
            parts.append(f"'{key}:'")
        node = child
    if items_of is not None:
        parts.append(f"'{items_of}:'")
    return ", ".join(parts)


def schema_problems(exc: ValidationError, doc: YamlDoc, file: str, schema: str,
                    describe: dict[str, str] | None = None, base: tuple[Any, ...] = (), top: str | None = None) -> list[Problem]:
    """One problem per validation error, at the line of the field concerned.

    `describe` maps a field name to the values it allows (for enum/literal errors), e.g.
    {"report": "yes, no or depends"}. `base` is the path of the validated item in the file, and
    `top` names the items of a file that is a list itself (see loc_text).
    """
    describe = describe or {}
    problems = []
    for err in exc.errors():
        loc = (*base, *err["loc"])
        where = loc_text(loc, doc.data, top) or "the file"
        kind = err["type"]
        field = next((p for p in reversed(loc) if isinstance(p, str)), "")
        line = doc.line(loc)
        if kind == "missing":
            what, fix = f"{where} is missing", f"add '{loc[-1]}:' here"
        elif kind == "extra_forbidden":
            parent = loc_text(loc[:-1], doc.data, top)
            what = f"{parent}: unknown field '{loc[-1]}:'" if parent else f"unknown field '{loc[-1]}:'"
            fix = f"check the spelling or remove it (allowed fields are listed in {schema})"
        elif kind in ("literal_error", "enum"):
            allowed = describe.get(field) or str(err.get("ctx", {}).get("expected", "")).replace("'", "")
            what, fix = f"{where} has a value that is not allowed", f"write one of: {allowed}"
        elif kind == "string_pattern_mismatch":
            if field == "page":
                what = f"{where} is not a page path"
                fix = "write the bokmål page relative to docs/, e.g. taushetsplikt/avvergingsplikt.md"
            else:
                what = f"{where} is not a valid id"
                fix = "use lowercase letters a–z, digits and hyphens only, e.g. besoksforbud"
        elif kind.startswith(("date_", "datetime_")):
            what, fix = f"{where} is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-23"
        elif kind in ("string_type", "dict_type", "list_type", "model_type", "model_attributes_type"):
            expected = {"string_type": "a text", "dict_type": "a mapping of keys",
                        "list_type": "a list (items starting with '- ')"}.get(kind, "a mapping of fields")
            hint = " such as {nb: …, en: …}" if kind in ("model_type", "model_attributes_type") else ""
            what, fix = f"{where} should be {expected}", f"write {expected}{hint} here (see {schema})"
        else:
            what, fix = f"{where}: {err['msg']}", f"correct the value (see {schema})"
        problems.append(Problem(file, line, what, fix))
    return problems


def missing_language(value: Text | None, loc: tuple[Any, ...], doc: YamlDoc, file: str, top: str | None = None) -> list[Problem]:
    """A problem for each language in which the text is empty."""
    if value is None:
        return []
    out = []
    for lang in LANGS:
        if not value.get(lang):
            out.append(Problem(file, doc.line(loc), f"{loc_text(loc, doc.data, top)} has no {LANG_NAMES[lang]} text",
                               f"add '{lang}: …' so that both languages say the same"))
    return out


def md_escape(text: str) -> str:
    """Plain text for a Markdown table cell or HTML element: no raw HTML, no stray pipes, one line."""
    return " ".join(html.escape(text, quote=False).replace("|", "&#124;").split())
