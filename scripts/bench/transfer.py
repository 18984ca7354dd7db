"""What a reader's first visit to a page transfers: the page's HTML and every same-site file it loads.

For every built page: the gzip size of its HTML, plus every same-site stylesheet, script, image,
icon and font it references (fonts and images found inside the stylesheets too), each gzipped as
a web server would send it. Files on other hosts are listed separately (the site should have
none). The search index is not counted here; it is measured on its own.
"""
from __future__ import annotations

import gzip
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6  # the usual web-server default (nginx, Apache mod_deflate, GitHub Pages)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)['\"]")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.config: str | None = None
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and a.get("href") and ({"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest"} & set(rel)):
            self.refs.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "script" and a.get("id") == "__config":
            self._in_config = True
        elif tag in ("img", "source", "video", "audio", "input") and (a.get("src") or a.get("srcset")):
            if a.get("src"):
                self.refs.append(a["src"])
            if tag != "source" and a.get("loading") == "lazy":
                pass  # counted anyway: a short page shows it at once
            for part in (a.get("srcset") or "").split(","):
                if part.strip():
                    self.refs.append(part.strip().split()[0])

    def handle_data(self, data):
        if self._in_config:
            self.config = (self.config or "") + data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


def _resolve(site: Path, page_dir: str, ref: str) -> tuple[str | None, str | None]:
    """(site-relative path of a same-site file, or None; the address if it is on another host)."""
    parts = urlsplit(ref)
    if parts.scheme in ("data", "blob", "tel", "mailto", "javascript"):
        return None, None
    if parts.scheme or parts.netloc:
        return None, ref
    path = unquote(parts.path)
    if not path:
        return None, None
    joined = posixpath.normpath(posixpath.join("/" + page_dir, path)).lstrip("/")
    if (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, None


class Transfer:
    """Per-page first-visit bytes for a built site, with the sizes of shared files cached."""

    def __init__(self, site: Path, *, extra_scripts: bool = True) -> None:
        self.site = site
        self.extra_scripts = extra_scripts
        self._sizes: dict[str, tuple[int, int]] = {}
        self._css_refs: dict[str, list[str]] = {}

    def size(self, rel: str) -> tuple[int, int]:
        """(raw bytes, gzip bytes) of a site file; (0, 0) if missing."""
        if rel not in self._sizes:
            path = self.site / rel
            data = path.read_bytes() if path.is_file() else b""
            self._sizes[rel] = (len(data), gzip_size(data) if data else 0)
        return self._sizes[rel]

    def _css_assets(self, rel: str) -> list[str]:
        if rel not in self._css_refs:
            path = self.site / rel
            text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
            found = []
            for ref in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
                if ref.startswith("#"):
                    continue
                target, _ = _resolve(self.site, posixpath.dirname(rel), ref)
                if target:
                    found.append(target)
            self._css_refs[rel] = found
        return self._css_refs[rel]

    def page(self, rel_html: str) -> dict:
        """The first visit to one page: its files and their gzip bytes."""
        html = (self.site / rel_html).read_text(encoding="utf-8")
        parser = _Refs()
        parser.feed(html)
        page_dir = posixpath.dirname(rel_html)
        files: dict[str, int] = {rel_html: self.size(rel_html)[1]}
        foreign: list[str] = []
        queue = list(parser.refs)
        if self.extra_scripts and parser.config:
            # Material starts its search worker at page load (the script named in __config).
            m = re.search(r'"search":\s*"([^"]+)"', parser.config)
            if m:
                queue.append(m.group(1))
        while queue:
            ref = queue.pop()
            target, other = _resolve(self.site, page_dir, ref) if not ref.startswith("\0") else (ref[1:], None)
            if other:
                foreign.append(other)
            if not target or target in files or target.endswith("search_index.json"):
                continue
            files[target] = self.size(target)[1]
            if target.endswith(".css"):
                # fonts and images in the stylesheet: only those the page can use are fetched, but count them all
                queue.extend("\0" + t for t in self._css_assets(target))
        return {"page": rel_html, "gzip": sum(files.values()), "files": files, "foreign": sorted(set(foreign))}


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site (site-relative), the 404 page included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def first_visit(site: Path) -> dict:
    """The largest, median and smallest first visit over every page, and the largest page's files."""
    t = Transfer(site)
    rows = [t.page(rel) for rel in site_pages(site)]
    rows.sort(key=lambda r: r["gzip"])
    biggest = rows[-1] if rows else {"page": None, "gzip": 0, "files": {}, "foreign": []}
    return {
        "pages": len(rows),
        "max_gzip": biggest["gzip"],
        "max_page": biggest["page"],
        "median_gzip": rows[len(rows) // 2]["gzip"] if rows else 0,
        "min_gzip": rows[0]["gzip"] if rows else 0,
        "max_page_files": biggest["files"],
        "foreign": sorted({f for r in rows for f in r["foreign"]}),
    }


def search_indexes(site: Path) -> dict[str, dict]:
    """Each search index in the site (by its folder: '' bokmål, 'en' English): raw and gzip bytes."""
    out = {}
    for path in sorted(site.rglob("search_index.json")):
        lang = path.parent.parent.relative_to(site).as_posix()
        lang = "" if lang == "." else lang
        raw, gz = len(path.read_bytes()), gzip_size(path.read_bytes())
        out[lang or "nb"] = {"raw": raw, "gzip": gz}
    return out


def html_per_page(site: Path) -> dict:
    """Average and largest HTML size of the content pages (404 excluded)."""
    sizes = [p.stat().st_size for p in site.rglob("index.html")]
    return {"pages": len(sizes), "mean": (sum(sizes) / len(sizes)) if sizes else 0, "max": max(sizes, default=0)}
