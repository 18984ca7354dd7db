"""`make report`: the content's health for editors — pages due for review soon, pages per audience
and per source, and bokmål/English pairs that differ. Reads the same data the build checks."""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from veileder.page_meta import next_review  # noqa: E402
from veileder.site_content import scan  # noqa: E402


def report(root: Path, today: dt.date) -> str:
    content = scan(root, today=today)
    lists = content.lists
    pages = [p for p in content.pages.values() if p.lang == "nb" and p.meta]
    out = [f"Content report for {today.isoformat()} ({len(pages)} pages in bokmål, "
           f"{sum(1 for p in content.pages.values() if p.lang == 'en')} in English)", ""]

    horizon = today + dt.timedelta(days=lists.review_warning_days)
    due = sorted((next_review(p.meta, lists), p.file) for p in pages if next_review(p.meta, lists) <= horizon)
    out.append(f"Due for review by {horizon.isoformat()} ({lists.review_warning_days} days): {len(due)}")
    out += [f"  {day.isoformat()}  {file}" + ("  (OVERDUE)" if day < today else "") for day, file in due] or ["  none"]
    out.append("")

    per_audience: dict[str, list[str]] = defaultdict(list)
    per_source: dict[str, list[str]] = defaultdict(list)
    for p in pages:
        for a in p.meta.audience:
            per_audience[a].append(p.rel)
        for s in p.meta.sources:
            per_source[s].append(p.rel)
    out.append("Pages per audience:")
    out += [f"  {a:<15} {len(per_audience.get(a, []))}" for a in lists.audiences]
    out.append("")
    out.append("Pages per source:")
    out += [f"  {s:<30} {len(per_source.get(s, []))}" for s in sorted(lists.sources)]
    out.append("")

    pair_words = ("differs from", "is in the English page but not", "but not in the English page", "has no English version", "has no bokmål version")
    pairs = [str(p) for p in content.problems if any(w in p.what for w in pair_words)]
    out.append(f"Pairs that differ: {len(pairs)}")
    out += [f"  {line}" for line in pairs] or ["  none"]
    others = [str(p) for p in content.problems if str(p) not in pairs]
    out.append("")
    out.append(f"Other problems the build would report: {len(others)}")
    out += [f"  {line}" for line in others] or ["  none"]
    return "\n".join(out)


if __name__ == "__main__":
    given = os.environ.get("GUIDE_TODAY")
    print(report(ROOT, dt.date.fromisoformat(given) if given else dt.date.today()))
