"""The performance budgets, defined once, and the function that checks results against them."""
from __future__ import annotations

from dataclasses import dataclass

KB = 1000  # budgets in kilobytes of 1,000 bytes (as Lighthouse and browsers' network panels count)


@dataclass(frozen=True)
class Budget:
    key: str
    what: str
    limit: float
    unit: str


BUDGETS = [
    Budget("hooks_share_1000", "the site's hooks' share of the build time at N = 1,000 pairs", 0.05, "share"),
    Budget("growth_1000_over_250", "build time at N = 1,000 divided by build time at N = 250", 4.4, "ratio"),
    Budget("first_visit_max_gzip", "bytes the first visit to any page of the real site transfers (gzip, search index excluded)", 150 * KB, "bytes"),
    Budget("search_index_max_gzip", "the real site's search index (gzip; the larger of the two languages)", 150 * KB, "bytes"),
    Budget("lighthouse_min", "the lowest Lighthouse (mobile) score in performance, accessibility, best practices and SEO on the three pages", 100, "min-score"),
]

LIGHTHOUSE_PAGES = ["", "tiltak/besoksforbud/", "beslutningsstotte/skal-politiet-involveres/"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def figures(results: dict) -> dict[str, float | None]:
    """The measured value for each budget key (None when it was not measured)."""
    sizes = {str(s["pairs"]): s for s in results.get("synthetic", [])}
    out: dict[str, float | None] = {b.key: None for b in BUDGETS}
    big, small = sizes.get("1000"), sizes.get("250")
    if big and big.get("hooks_share") is not None:
        out["hooks_share_1000"] = big["hooks_share"]
    if big and small and small["build_seconds"]:
        out["growth_1000_over_250"] = big["build_seconds"] / small["build_seconds"]
    real = results.get("real") or {}
    if real.get("first_visit"):
        out["first_visit_max_gzip"] = real["first_visit"]["max_gzip"]
    if real.get("search_index"):
        out["search_index_max_gzip"] = max(v["gzip"] for v in real["search_index"].values())
    lh = results.get("lighthouse") or {}
    scores = [v for page in lh.get("pages", {}).values() for v in page.get("scores", {}).values()]
    if lh.get("pages"):
        out["lighthouse_min"] = min(scores) if scores and None not in scores else 0
    return out


def evaluate(results: dict) -> list[dict]:
    """One row per budget: key, what, limit, value, ok (None when not measured)."""
    values = figures(results)
    rows = []
    for b in BUDGETS:
        value = values[b.key]
        if value is None:
            ok = None
        elif b.unit == "min-score":
            ok = value >= b.limit
        else:
            ok = value <= b.limit
        rows.append({"key": b.key, "what": b.what, "limit": b.limit, "unit": b.unit, "value": value, "ok": ok})
    return rows


def failures(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["ok"] is False]
