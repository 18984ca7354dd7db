"""Build the offline copy of the guide and zip it: site/nedlasting/trusler-og-vold-fagveileder.zip.

The offline copy is a second, strict build with GUIDE_OFFLINE=1 (see hooks/veileder/offline.py):
links end in .html so they work opened from disk, and search works without a server or network.
`make build` runs this after the normal build (which empties site/ first). Usage:

    python scripts/offline_archive.py [--site-dir site]

The archive holds one folder, trusler-og-vold-fagveileder/, with index.html and a short
LES-MEG.txt / README. Entries are sorted and dated with the build date, so the same content gives
the same archive. Source maps are left out (they are only for debugging the theme).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "trusler-og-vold-fagveileder"
ARCHIVE = Path("nedlasting") / f"{NAME}.zip"  # relative to the site; the address is stable
SKIP_SUFFIXES = (".map",)
# Raw links in the pages to files the build writes outside docs/ (open data, this archive) carry
# class="site-file" and are written for directory URLs (om/apne-data/ is om/apne-data/index.html).
_SITE_FILE = re.compile(r'<a class="site-file" href="(?P<href>[^"]*)"(?P<rest>[^>]*)>(?P<text>.*?)</a>', re.S)

README = """Trusler og vold – fagveileder (offline-kopi)
============================================

Åpne index.html i denne mappen i en nettleser. Alt virker uten nett, også søket.
Engelsk versjon: en/index.html.
Innholdet er fra {date}. Den oppdaterte veilederen finnes på nettstedet; sjekk det jevnlig.
Innhold under NLOD 2.0 (Norsk lisens for offentlige data). Faglig veiledning, ikke juridisk rådgivning.

Threats and violence – a guide for professionals (offline copy)

Open index.html in this folder in a web browser. Everything works without a network, search included.
English version: en/index.html.
The content is from {date}. The up-to-date guide is on the website; check it regularly.
Content under NLOD 2.0 (Norwegian Licence for Open Government Data). Professional guidance, not legal advice.
"""


def _today() -> dt.date:
    given = os.environ.get("GUIDE_TODAY")
    return dt.date.fromisoformat(given) if given else dt.date.today()


def build_offline(dest: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, GUIDE_OFFLINE="1", NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet", "-d", str(dest),
           "-f", str(ROOT / "mkdocs.yml")]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def adjust_offline_links(built: Path) -> int:
    """In the offline copy a page is om/apne-data.html, one folder up from om/apne-data/index.html:
    drop one '../' from its site-file links. A link to the archive itself becomes plain text (the
    reader already has it). Returns the number of links changed."""
    changed = 0
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="site-file"' not in text:
            continue

        def fix(m: re.Match, index_page: bool = page.name == "index.html") -> str:
            nonlocal changed
            changed += 1
            href = m["href"]
            if href.endswith(ARCHIVE.name):
                return m["text"]
            if not index_page and href.startswith("../"):
                href = href[3:]
            return f'<a class="site-file" href="{href}"{m["rest"]}>{m["text"]}</a>'

        page.write_text(_SITE_FILE.sub(fix, text), encoding="utf-8")
    return changed


def zip_site(built: Path, archive: Path, *, day: dt.date) -> int:
    """Zip the built site under one folder; returns the number of files."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    partial = archive.with_suffix(".zip.part")
    count = 0
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo(f"{NAME}/LES-MEG.txt", date_time=stamp)
        zf.writestr(info, README.format(date=day.isoformat()), compress_type=zipfile.ZIP_DEFLATED)
        for path in sorted(p for p in built.rglob("*") if p.is_file()):
            if path.name.endswith(SKIP_SUFFIXES):
                continue
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(built).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
            count += 1
    partial.replace(archive)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", help="the built site to put the archive in (default: site)")
    args = parser.parse_args(argv)
    site_dir = (ROOT / args.site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        built = Path(tmp) / NAME
        result = build_offline(built)
        if result.returncode != 0:
            sys.stderr.write(result.stderr[-6000:])
            sys.stderr.write("\nThe offline copy could not be built (see the messages above).\n")
            return 1
        adjust_offline_links(built)
        archive = site_dir / ARCHIVE
        count = zip_site(built, archive, day=_today())
    print(f"offline copy: {archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive} "
          f"({count} files, {archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
