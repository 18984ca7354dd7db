"""Check every external link in the built site (run weekly in CI, online). Prints each broken link
with the pages that use it and exits 1 if any is broken."""
from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith(("http://", "https://")):
            self.hrefs.append(href)


def external_links(site: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for html in site.rglob("*.html"):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            found[href].add(html.relative_to(site).as_posix())
    return found


def check(url: str) -> str | None:
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "guide-link-check/1.0"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return None if response.status < 400 else f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return str(exc)


def main(site: str) -> int:
    broken = 0
    for url, pages in sorted(external_links(Path(site)).items()):
        problem = check(url)
        if problem:
            broken += 1
            print(f"{url}: {problem} — used on {', '.join(sorted(pages)[:5])}")
    print(f"{broken} broken external link(s)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
