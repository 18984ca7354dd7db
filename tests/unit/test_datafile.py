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
