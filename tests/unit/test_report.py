"""`make report` on a small project: a page due soon, a pair that differs, counts per audience."""
from __future__ import annotations

import datetime as dt
import shutil

from scripts.report import report
from tests.support.site import ROOT

PAGE = "---\ntitle: {t}\ndescription: En side som brukes i testen av rapporten.\naudience: [{a}]\nreviewed: {r}\nowner: fagredaksjonen\nsources: [lovdata]\n---\n\nTekst.\n"


def test_report_lists_due_pages_counts_and_differing_pairs(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.rmtree(tmp_path / "data" / "trees")
    (tmp_path / "data" / "trees").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "snart.md").write_text(PAGE.format(t="Snart", a="police", r="2026-01-10"))
    (docs / "snart.en.md").write_text(PAGE.format(t="Soon", a="police", r="2026-01-10"))
    (docs / "ny.md").write_text(PAGE.format(t="Ny", a="health", r="2026-11-01"))
    (docs / "ny.en.md").write_text(PAGE.format(t="New", a="nav", r="2026-11-01"))
    text = report(tmp_path, dt.date(2026, 11, 23))
    assert "2027-01-10  docs/snart.md" in text
    assert "  police          1" in text and "  health          1" in text
    assert "docs/ny.en.md:4: 'audience' differs from docs/ny.md" in text
    assert "Pairs that differ: 1" in text
