import json

from veileder.search_split import split_search_index


def test_split_keeps_each_language_to_itself(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": "", "title": "Hjem", "text": ""}, {"location": "tiltak/besoksforbud/", "title": "Besøksforbud", "text": ""},
            {"location": "en/", "title": "Home", "text": ""}, {"location": "en/tiltak/besoksforbud/#x", "title": "Restraining order", "text": ""}]
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["no", "en"]}, "docs": docs}))
    counts = split_search_index(tmp_path, ["en"])
    assert counts == {"en": 2, "": 2}
    nb = json.loads((tmp_path / "search" / "search_index.json").read_text())
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text())
    assert [d["title"] for d in nb["docs"]] == ["Hjem", "Besøksforbud"]
    assert [d["location"] for d in en["docs"]] == ["", "tiltak/besoksforbud/#x"]
    assert en["config"] == nb["config"] == {"lang": ["no", "en"]}
