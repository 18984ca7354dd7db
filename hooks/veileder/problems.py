"""The one shape every check reports in: `file:line: what is wrong — how to fix it`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what} — {self.fix}"


def format_all(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, one per line."""
    return "\n".join(str(p) for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.what)))
