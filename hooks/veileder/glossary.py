"""The shared glossary (data/glossary.yml): abbreviations explained once, shown as tooltips everywhere."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem


@dataclass(frozen=True)
class Term:
    term: str
    text: dict[str, str]
    line: int


def load_glossary(path: Path, *, rel: str = "data/glossary.yml") -> tuple[list[Term], list[Problem]]:
    if not path.exists():
        return [], [Problem(rel, None, "the glossary file is missing", "create data/glossary.yml (see «Redaktørveiledning»)")]
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(rel, mark.line + 1 if mark else None, f"the file is not valid YAML ({getattr(exc, 'problem', exc)})", "fix the indentation or quoting on that line")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(rel, 1, "the glossary must be a list of entries", "start each entry with '- term: …'")]
    terms, problems, seen = [], [], {}
    for item in root.value:
        line = item.start_mark.line + 1
        value = yaml.safe_load(yaml.serialize(item)) if isinstance(item, yaml.MappingNode) else None
        if not isinstance(value, dict) or not value.get("term"):
            problems.append(Problem(rel, line, "an entry without 'term'", "give each entry 'term:', 'nb:' and 'en:'"))
            continue
        term = str(value["term"])
        for lang in ("nb", "en"):
            if not str(value.get(lang) or "").strip():
                problems.append(Problem(rel, line, f"'{term}' has no explanation in '{lang}'", f"add '{lang}: …' with a one-line explanation"))
        if term in seen:
            problems.append(Problem(rel, line, f"'{term}' is listed twice (also on line {seen[term]})", "keep one entry"))
        seen[term] = line
        terms.append(Term(term, {k: str(value.get(k) or "") for k in ("nb", "en")}, line))
    return terms, problems
