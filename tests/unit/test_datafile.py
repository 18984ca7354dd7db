"""Places in the data files, named as an editor finds them (not as a program path like 'measures[0].name')."""
from __future__ import annotations

import pytest

from veileder.datafile import loc_text

DATA = {"measures": [{"id": "besoksforbud", "name": {"nb": "Besøksforbud"}}, {"name": "x"}],
        "professions": [{"id": "police", "cells": {"confidentiality": {"text": {}}}}],
        "audiences": {"police": {"nb": "Politiet"}}}


@pytest.mark.parametrize("loc, words", [
    (("measures", 0, "name"), "measure 'besoksforbud', 'name:'"),
    (("measures", 0, "name", "en"), "measure 'besoksforbud', 'name:', 'en:'"),
    (("measures", 1, "id"), "measure 2, 'id:'"),  # no id to name it by: its number
    (("professions", 0, "cells", "confidentiality", "text"), "profession 'police', cell 'confidentiality', 'text:'"),
    (("audiences", "police"), "audience 'police'"),
    (("measures",), "'measures:'"),
    (("owners",), "'owners:'"),  # missing from the file
    ((), ""),
])
def test_places_in_words(loc, words):
    assert loc_text(loc, DATA) == words


def test_a_file_that_is_a_list_names_its_items():
    assert loc_text((0, "publisher"), [{"id": "nkvts"}], top="sources") == "source 'nkvts', 'publisher:'"
    assert loc_text((3, "year"), [], top="sources") == "source 4, 'year:'"


def test_an_alias_inside_its_own_anchor_in_a_data_file_is_a_problem_with_its_line_and_fix(tmp_path):
    from veileder.datafile import read_yaml

    path = tmp_path / "measures.yml"
    path.write_text("measures:\n  - &m\n    id: x\n    see: [*m]\n", encoding="utf-8")
    doc, problems = read_yaml(path, "data/measures.yml")
    assert doc is None and [(p.line, p.fix) for p in problems] == [(2, "write that part out in full instead of the alias")]
