"""axe-core in the page: WCAG 2.0/2.1/2.2 A and AA rules plus best practices; zero violations is the bar."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_AXE = Axe()


def axe_violations(page) -> list[dict]:
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets}")
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"
