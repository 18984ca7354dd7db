"""Protective measures side by side: data/measures.yml, its checks, the facts box and the table.

    measures, problems = load_measures(Path("data/measures.yml"), known_pages={"tiltak/besoksforbud.md", …})
    measure_texts(measures)            -> [(text, lang, line)] for the legal/phone checks
    render_measure_facts(measures, "besoksforbud", lang="nb")     -> Markdown for {{ measure-facts }}
    render_measures_table(measures, lang="nb", link=lambda docs_path: "besoksforbud.md")
                                       -> Markdown for {{ measures-table }}

One entry per page in docs/tiltak/ (except index): `id` is the page's file name without .md.
Both renderers give Markdown with HTML blocks that need the `md_in_html` and `def_list`
extensions; keep the returned text's line breaks. Styles: overrides/assets/stylesheets/guide.css.
Run `python -m veileder.measures` (with `hooks` on the path) to rewrite
data/schemas/measures.schema.json from the model.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .datafile import LANGS, Text, loc_text, md_escape, missing_language, read_yaml, schema_problems
from .tree_model import readable
from .problems import Problem

SCHEMA_PATH = Path("data/schemas/measures.schema.json")
SCHEMA_NAME = "data/schemas/measures.schema.json"
ID = r"^[a-z0-9][a-z0-9-]*$"
FOLDER = "tiltak"

# The facts, in the order the facts box shows them: (field, label nb, label en)
FACTS: list[tuple[str, str, str]] = [
    ("what", "Hva det er", "What it is"),
    ("who_decides", "Hvem bestemmer", "Who decides"),
    ("legal_basis", "Lovgrunnlag", "Legal basis"),
    ("report_needed", "Krever politianmeldelse?", "Police report needed?"),
    ("duration", "Varighet", "How long it lasts"),
    ("how_to_ask", "Slik ber man om det", "How to ask for it"),
    ("breach", "Ved brudd", "On a breach"),
]
LABELS = {f: {"nb": nb, "en": en} for f, nb, en in FACTS}
# The columns of the comparison table (after the measure's name).
TABLE_FACTS = ["who_decides", "report_needed", "duration", "breach"]
TABLE_TEXT = {
    "nb": {"measure": "Tiltak", "caption": "Beskyttelsestiltakene side om side"},
    "en": {"measure": "Measure", "caption": "The protective measures side by side"},
}
# How the report_needed text must begin for each `report` value (nb, en); `depends` is free.
REPORT_START = {
    "no": (("Nei", "Ikke"), ("No", "Not")),
    "yes": (("Ja",), ("Yes",)),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Measure(_Strict):
    """The facts of one protective measure, each in both languages."""

    id: str = Field(pattern=ID, description="The page's file name in docs/tiltak/ without .md, e.g. besoksforbud")
    name: Text = Field(description="The measure's name, as in the page title")
    what: Text = Field(description="What the measure is, in one sentence")
    who_decides: Text = Field(description="Who decides on the measure")
    legal_basis: Text = Field(
        description="The legal basis, written plainly (e.g. {nb: straffeprosessloven § 222 a, en: section 222 a "
                    "of the Criminal Procedure Act}); only sections listed in data/laws.yml"
    )
    report: Literal["yes", "no", "depends"] = Field(
        description="Whether a police report is needed: yes, no or depends (report_needed explains)"
    )
    report_needed: Text = Field(description="Whether a police report is needed, with a short reason")
    duration: Text = Field(description="How long the measure lasts")
    how_to_ask: Text = Field(description="How to ask for the measure")
    breach: Text = Field(description="What happens on a breach")

    @property
    def page(self) -> str:
        return f"{FOLDER}/{self.id}.md"


class Measures(_Strict):
    """The protective measures, in the order the comparison table shows them."""

    model_config = ConfigDict(extra="forbid", title="Protective measures")
    measures: list[Measure] = Field(
        default_factory=list, description="One entry per measure page in docs/tiltak/",
        json_schema_extra={"minItems": 1},
    )
    _lines: dict[tuple[Any, ...], int] = PrivateAttr(default_factory=dict)
    _file: str = PrivateAttr(default="data/measures.yml")
    # entries left out for a schema error: their ids, and their texts that can be read (still checked)
    _broken: set[str] = PrivateAttr(default_factory=set)
    _loose_texts: list[tuple[str, str, int]] = PrivateAttr(default_factory=list)

    def get(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def has_errors(self, measure_id: str) -> bool:
        """Whether the file has an entry for this measure that was left out for its errors."""
        return measure_id in self._broken

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.measures]


def json_schema() -> dict[str, Any]:
    schema = Measures.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://trusler-og-vold.example/schemas/measures.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------- loading


def load_measures(path: Path, *, known_pages: set[str], rel: str = "data/measures.yml") -> tuple[Measures, list[Problem]]:
    """The measures that could be read, and every problem found. Never raises.

    An entry with a schema error is left out (the others are kept), so one typo does not empty
    every facts box; the problem still fails the build.
    """
    result = Measures()
    result._file = rel
    try:
        return _load(path, known_pages, rel, result)
    except Exception as exc:  # pragma: no cover - a bug here must not stop the build with a traceback
        return result, [Problem(rel, None, f"the measures could not be checked ({exc!r})", "report this to the site's developers")]


def _load(path: Path, known_pages: set[str], rel: str, result: Measures) -> tuple[Measures, list[Problem]]:
    doc, problems = read_yaml(path, rel)
    if doc is None:
        return result, problems
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        problems.append(Problem(rel, doc.line(("measures",)) or 1, "the file does not hold a list of measures",
                                "start with 'measures:' followed by one '- id: …' entry per measure page"))
        return result, problems
    for key in data:
        if key != "measures":
            problems.append(Problem(rel, doc.line((key,)), f"unknown field '{key}'",
                                    "remove it: the file holds only 'measures:'"))
    seen: dict[str, int] = {}
    for i, item in enumerate(data["measures"]):
        base = ("measures", i)
        try:
            measure = Measure.model_validate(item)
        except ValidationError as exc:
            problems += schema_problems(exc, doc, rel, SCHEMA_NAME, {"report": "yes, no or depends"}, base=base)
            problems += _broken_entry(item, base, doc, rel, result)
            continue
        line = doc.line((*base, "id"))
        if measure.id in seen:
            problems.append(Problem(rel, line, f"the measure '{measure.id}' is listed twice (first on line {seen[measure.id]})",
                                    "keep one entry per measure page and remove the other"))
            continue
        seen[measure.id] = line or 0
        if measure.page not in known_pages:
            problems.append(Problem(rel, line, f"there is no page docs/{measure.page} for the measure '{measure.id}'",
                                    "the id must be the file name of a page in docs/tiltak/ without .md, e.g. besoksforbud"))
        for field in ("name", *LABELS):
            loc = (*base, field)
            problems += missing_language(getattr(measure, field), loc, doc, rel)
            for lang in LANGS:
                result._lines[(measure.id, field, lang)] = doc.line((*loc, lang)) or doc.line(loc) or 0
        problems += _report_problems(measure, base, doc, rel)
        result.measures.append(measure)
    if not data["measures"]:
        problems.append(Problem(rel, doc.line(("measures",)), "the list of measures is empty",
                                "add one entry per measure page in docs/tiltak/"))
    return result, problems


def _broken_entry(item: Any, base: tuple[Any, ...], doc, rel: str, result: Measures) -> list[Problem]:
    """An entry with a schema error: its id noted, and each of its texts that can be read checked
    for both languages (and kept for the legal and phone checks), so every problem shows in one run."""
    if not isinstance(item, dict):
        return []
    if isinstance(item.get("id"), str):
        result._broken.add(item["id"])
    problems = []
    for field in ("name", *LABELS):
        value = readable(Text, item.get(field))
        if value is None:
            continue  # missing or not a text: the schema check reported it
        loc = (*base, field)
        problems += missing_language(value, loc, doc, rel)
        for lang in LANGS:
            if value.get(lang):
                result._loose_texts.append((value.get(lang), lang, doc.line((*loc, lang)) or doc.line(loc) or 0))
    return problems


def _report_problems(m: Measure, base: tuple[Any, ...], doc, rel: str) -> list[Problem]:
    if m.report not in REPORT_START:
        return []
    out = []
    starts = dict(zip(LANGS, REPORT_START[m.report]))
    for lang in LANGS:
        text = m.report_needed.get(lang)
        if text and not text.startswith(starts[lang]):
            words = " or ".join(f"«{w}»" for w in starts[lang])
            out.append(Problem(rel, doc.line((*base, "report_needed", lang)),
                               f"'{m.id}': report is '{m.report}' but report_needed ({lang}) does not begin with {words}",
                               "make the two agree: change report (yes, no or depends) or the text"))
    return out


# --------------------------------------------------------------------------------- texts for checks


def measure_texts(measures: Measures) -> list[tuple[str, str, int]]:
    """Every (text, lang, line) in the file, for the legal-reference and phone-number checks."""
    out = []
    for m in measures.measures:
        for field in ("name", *LABELS):
            value: Text = getattr(m, field)
            for lang in LANGS:
                text = value.get(lang)
                if text:
                    out.append((text, lang, measures._lines.get((m.id, field, lang), 0)))
    return out + measures._loose_texts


# --------------------------------------------------------------------------------- rendering


def render_measure_facts(measures: Measures, measure_id: str, *, lang: str) -> str:
    """The «Kort fortalt» / «At a glance» facts as a definition list in a box (Markdown).

    Returns '' for an unknown id (check `measures.get(id)` first and report the marker).
    The legal basis is plain text: run the legal-reference linker over the result.
    """
    lang = "en" if lang == "en" else "nb"
    m = measures.get(measure_id)
    if m is None:
        return ""
    lines = ['<div class="measure-facts" markdown>', ""]
    for field, nb, en in FACTS:
        lines.append(nb if lang == "nb" else en)
        lines.append(f":   {md_escape(getattr(m, field).get(lang))}")
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def render_measures_table(measures: Measures, *, lang: str, link: Callable[[str], str]) -> str:
    """The comparison table: one row per measure (its name links to its page), four facts.

    On a wide screen a table; on a phone each row becomes a card with the facts labelled
    (see guide.css). `link(docs_path)` gives the Markdown link target for e.g. 'tiltak/besoksforbud.md'.
    """
    lang = "en" if lang == "en" else "nb"
    t = TABLE_TEXT[lang]
    out = [
        '<div class="vtable-wrap" markdown>',
        f'<table class="vtable vtable--cards measures-table" aria-label="{md_escape(t["caption"])}" markdown>',
        '<thead>',
        '<tr>' + f'<th scope="col">{t["measure"]}</th>'
        + "".join(f'<th scope="col">{md_escape(LABELS[f][lang])}</th>' for f in TABLE_FACTS) + '</tr>',
        '</thead>',
        '<tbody markdown>',
    ]
    for m in measures.measures:
        name = md_escape(m.name.get(lang)).replace("[", "&#91;").replace("]", "&#93;")
        out.append('<tr markdown>')
        out.append(f'<th scope="row" markdown="span">[{name}]({link(m.page)})</th>')
        for f in TABLE_FACTS:
            label = md_escape(LABELS[f][lang])
            out.append(f'<td markdown="span"><span class="vtable-label">{label}</span> '
                       f'{md_escape(getattr(m, f).get(lang))}</td>')
        out.append('</tr>')
    out += ['</tbody>', '</table>', '</div>']
    return "\n".join(out) + "\n"


__all__ = [
    "FACTS", "Measure", "Measures", "json_schema", "load_measures", "measure_texts", "render_measure_facts",
    "render_measures_table", "schema_text", "loc_text",
]


if __name__ == "__main__":  # pragma: no cover
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
