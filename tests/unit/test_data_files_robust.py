"""A half-finished data file is reported, never a crash: each data file of a copy of the site, with
parts taken away, emptied or given a value of the wrong kind, is read by the whole content scan and
every page's Markdown is drawn from it. Any exception is a bug (the editor would see «the content
checks crashed»), and every problem found names its file and says how to fix it.

The examples are the same on every run (derandomize), so CI does not find new ones by chance; run
with `--hypothesis-seed=N` and without `derandomize` to explore."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.mutate import changed, parts
from veileder.site_content import page_markdown, scan

ROOT = Path(__file__).resolve().parents[2]
FILES = ["data/measures.yml", "data/duties.yml", "data/phones.yml", "data/laws.yml", "data/changes.yml",
         "data/sources.yml", "data/metadata.yml", "data/glossary.yml", "data/trees/dele-opplysninger.yml"]
# what an editor may leave behind: a part gone or empty, or a value of another kind
VALUES = ["drop", None, "", [], {}, "x", 0, True, "2026-13-45", [{}], {"nb": "x"}, {"nb": "", "en": ""},
          "{{ tree: x }}", "strl. § 999", "ring 22 22 22 22", "[a](b.md)"]


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "data", root / "data")
    return root


@pytest.mark.parametrize("rel", FILES)
def test_a_data_file_with_parts_missing_or_wrong_is_reported_never_a_crash(site_copy, rel):
    good = yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))
    paths = [p for p in parts(good) if p]
    whole = [p for p in paths if len(p) <= 3]  # whole entries and fields as often as the details in them

    @settings(max_examples=12, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.one_of(st.sampled_from(whole), st.sampled_from(paths)), st.sampled_from(VALUES)),
                    min_size=1, max_size=2))
    def run(changes):
        (site_copy / rel).write_text(yaml.safe_dump(changed(good, changes), allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
        content = scan(site_copy, today=dt.date(2026, 12, 1))
        for page in content.pages:
            page_markdown(content, page)
        assert all(p.file and p.fix for p in content.problems), [str(p) for p in content.problems if not (p.file and p.fix)]

    try:
        run()
    finally:
        shutil.copy(ROOT / rel, site_copy / rel)
