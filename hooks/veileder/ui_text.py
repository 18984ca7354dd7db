"""Reader-facing words of the templates (data/ui.yml), checked to exist in every language."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem


def _keys(value, prefix=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _keys(v, f"{prefix}{k}.")
    else:
        yield prefix.rstrip(".")


def load_ui_text(path: Path, languages: list[str], *, rel: str = "data/ui.yml") -> tuple[dict, list[Problem]]:
    """The UI words per language, and a problem for every key missing in one language."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return {}, [Problem(rel, line + 1 if line is not None else None, f"the file is not valid YAML ({getattr(exc, 'problem', exc)})", "fix the indentation or quoting on that line")]
    problems = []
    keysets = {lang: set(_keys(data.get(lang, {}))) for lang in languages}
    for lang in languages:
        if lang not in data:
            problems.append(Problem(rel, None, f"no section for language '{lang}'", f"add a top-level '{lang}:' section with the same keys as the others"))
            continue
        for other in languages:
            for key in sorted(keysets[other] - keysets[lang]):
                problems.append(Problem(rel, None, f"'{key}' is missing in '{lang}'", f"add '{key}' under '{lang}:' (it exists under '{other}:')"))
    return data, problems
