from veileder.glossary import load_glossary
from veileder.ui_text import load_ui_text


def test_glossary_entries_and_tooltip_lines(tmp_path):
    f = tmp_path / "g.yml"
    f.write_text("- term: NAV\n  nb: Arbeids- og velferdsforvaltningen\n  en: The Norwegian Labour and Welfare Administration\n")
    terms, problems = load_glossary(f)
    assert problems == []
    assert [(t.term, t.text["en"], t.line) for t in terms] == [("NAV", "The Norwegian Labour and Welfare Administration", 1)]


def test_glossary_missing_language_and_duplicate(tmp_path):
    f = tmp_path / "g.yml"
    f.write_text("- term: NAV\n  nb: x\n- term: NAV\n  nb: y\n  en: z\n- nb: no term\n")
    _, problems = load_glossary(f, rel="data/glossary.yml")
    out = [str(p) for p in problems]
    assert "data/glossary.yml:1: 'NAV' has no explanation in 'en' — add 'en: …' with a one-line explanation" in out
    assert "data/glossary.yml:3: 'NAV' is listed twice (also on line 1) — keep one entry" in out
    assert any(m.startswith("data/glossary.yml:6: an entry without 'term'") for m in out)


def test_glossary_broken_yaml_is_a_problem_not_a_crash(tmp_path):
    f = tmp_path / "g.yml"
    f.write_text("- term: [NAV\n")
    terms, problems = load_glossary(f)
    assert terms == [] and len(problems) == 1 and "not valid YAML" in problems[0].what


def test_ui_text_key_missing_in_one_language(tmp_path):
    f = tmp_path / "ui.yml"
    f.write_text("nb:\n  quick_exit: Forlat siden\n  hint: x\nen:\n  quick_exit: Leave this page\n")
    data, problems = load_ui_text(f, ["nb", "en"])
    assert data["en"]["quick_exit"] == "Leave this page"
    assert [str(p) for p in problems] == ["data/ui.yml: 'hint' is missing in 'en' — add 'hint' under 'en:' (it exists under 'nb:')"]


def test_real_ui_text_is_complete():
    from pathlib import Path
    _, problems = load_ui_text(Path(__file__).resolve().parents[2] / "data" / "ui.yml", ["nb", "en"])
    assert problems == []
