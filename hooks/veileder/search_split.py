"""Split the merged search index into one index per language, so results stay in the reader's language."""
from __future__ import annotations

import json
from pathlib import Path


def split_search_index(site_dir: Path, other_locales: list[str]) -> dict[str, int]:
    """Rewrite site/search/search_index.json to hold the default language only, and write
    site/<locale>/search/search_index.json for each other locale with locations relative to it.
    Returns the number of documents per index ("" for the default language)."""
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    docs = merged.get("docs", [])
    counts: dict[str, int] = {}
    default_docs = [d for d in docs if not any(d["location"].startswith(f"{loc}/") for loc in other_locales)]
    for loc in other_locales:
        prefix = f"{loc}/"
        own = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        out = site_dir / loc / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(dict(merged, docs=own), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[loc] = len(own)
    merged_path.write_text(json.dumps(dict(merged, docs=default_docs), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    counts[""] = len(default_docs)
    return counts
