"""Who must or may share what: data/duties.yml, its checks, and the duty matrix.

    duties, problems = load_duties(Path("data/duties.yml"), known_pages={"taushetsplikt/avvergingsplikt.md", …})
    duty_texts(duties)                 -> [(text, lang, line)] for the legal/phone checks
    render_duty_matrix(duties, lang="nb", link=lambda docs_path: "avvergingsplikt.md")
                                       -> Markdown for {{ duty-matrix }}

Professions are the rows, duties the columns; every profession has one cell per duty. Each cell
shows its kind as a word («Må», «Kan» …), a short text, the legal basis (plain text: run the
legal-reference linker over the result) and a «Les mer om …» link to the page that explains it.
The result needs the `md_in_html` extension; keep its line breaks. Styles:
overrides/assets/stylesheets/guide.css. Run `python -m veileder.duties` (with `hooks` on the
path) to rewrite data/schemas/duties.schema.json from the model.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .datafile import LANGS, Text, md_escape, missing_language, read_yaml, schema_problems
from .tree_model import readable
from .problems import Problem

SCHEMA_PATH = Path("data/schemas/duties.schema.json")
SCHEMA_NAME = "data/schemas/duties.schema.json"
ID = r"^[a-z0-9][a-z0-9-]*$"
PAGE = r"^[a-z0-9/_-]+\.md(#[A-Za-z0-9_-]+)?$"

Kind = Literal["must", "may", "must-not", "depends", "not-applicable"]
KINDS: dict[str, dict[str, str]] = {
    "must": {"nb": "Må", "en": "Must"},
    "may": {"nb": "Kan", "en": "May"},
    "must-not": {"nb": "Må ikke", "en": "Must not"},
    "depends": {"nb": "Avhenger", "en": "Depends"},
    "not-applicable": {"nb": "Ikke aktuelt", "en": "Not applicable"},
}
KIND_HELP: dict[str, dict[str, str]] = {
    "must": {"nb": "loven pålegger deg å handle eller å gi opplysninger",
             "en": "the law requires you to act or to share information"},
    "may": {"nb": "du har lov til å gi opplysningene", "en": "you are allowed to share the information"},
    "must-not": {"nb": "hovedregelen er at du ikke kan gi opplysningene uten samtykke eller et lovbestemt unntak",
                 "en": "as a main rule you cannot share without consent or an exception in law"},
    "depends": {"nb": "det kommer an på situasjonen – les siden det lenkes til",
                "en": "it depends on the situation – read the linked page"},
    "not-applicable": {"nb": "spørsmålet gjelder ikke denne gruppen", "en": "the question does not apply to this group"},
}
UI = {
    "nb": {"profession": "Hvem", "legal": "Lovgrunnlag:", "more": "Les mer om", "legend": "Slik leser du tabellen:", "table": "Hvem må eller kan dele hva",
           "region": "Tabell: hvem må eller kan dele hva (kan rulles sideveis)"},
    "en": {"profession": "Who", "legal": "Legal basis:", "more": "Read more about", "legend": "How to read the table:", "table": "Who must or may share what",
           "region": "Table: who must or may share what (scrolls sideways)"},
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Duty(_Strict):
    """A column: a duty or right about sharing information."""

    id: str = Field(pattern=ID, description="Short id used as the key of the cells, e.g. duty-to-avert")
    name: Text = Field(description="The column heading, e.g. {nb: Avvergingsplikt, en: Duty to avert}")
    topic: Text = Field(
        description="What the «Les mer om …» / «Read more about …» links are about, e.g. "
                    "{nb: avvergingsplikten, en: the duty to avert}"
    )


class Cell(_Strict):
    """What one duty means for one profession."""

    kind: Kind = Field(description="must | may | must-not | depends | not-applicable (shown as a word)")
    text: Text = Field(description="One or two short sentences")
    legal_basis: Text | None = Field(
        None, description="The legal basis, written plainly (only sections listed in data/laws.yml); where the "
                          "section is not verified, say so in words without a §. Required unless kind is not-applicable"
    )
    page: str = Field(pattern=PAGE, description="Bokmål page relative to docs/ that explains it, e.g. taushetsplikt/avvergingsplikt.md")
    topic: Text | None = Field(
        None, description="Optional: the link's topic when it differs from the column's (a link text must "
                          "always lead to the same page)"
    )


class Profession(_Strict):
    """A row: a profession or service, with one cell per duty (keys: the duty ids)."""

    id: str = Field(pattern=ID, description="Short id, e.g. health")
    name: Text = Field(description="The row heading, e.g. {nb: Helsepersonell, en: Health personnel}")
    cells: dict[str, Cell] = Field(description="One cell per duty, keyed by the duty's id",
                                   json_schema_extra={"propertyNames": {"pattern": ID}})


class Duties(_Strict):
    """The duty matrix: duties (columns) and professions (rows)."""

    model_config = ConfigDict(extra="forbid", title="Duty matrix")
    duties: list[Duty] = Field(default_factory=list, description="The columns, in order", json_schema_extra={"minItems": 1})
    professions: list[Profession] = Field(default_factory=list, description="The rows, in order",
                                          json_schema_extra={"minItems": 1})
    _lines: dict[tuple[Any, ...], int] = PrivateAttr(default_factory=dict)

    def cell(self, profession_id: str, duty_id: str) -> Cell | None:
        prof = next((p for p in self.professions if p.id == profession_id), None)
        return prof.cells.get(duty_id) if prof else None


def json_schema() -> dict[str, Any]:
    schema = Duties.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://trusler-og-vold.example/schemas/duties.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------- loading


def load_duties(path: Path, *, known_pages: set[str], rel: str = "data/duties.yml") -> tuple[Duties, list[Problem]]:
    """The duty matrix and every problem found. Never raises; on a schema error the matrix is empty."""
    try:
        return _load(path, known_pages, rel)
    except Exception as exc:  # pragma: no cover - a bug here must not stop the build with a traceback
        return Duties(), [Problem(rel, None, f"the duty matrix could not be checked ({exc!r})", "report this to the site's developers")]


def _load(path: Path, known_pages: set[str], rel: str) -> tuple[Duties, list[Problem]]:
    doc, problems = read_yaml(path, rel)
    if doc is None:
        return Duties(), problems
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 1, "the file does not hold a duty matrix",
                                "start with 'duties:' (the columns) and 'professions:' (the rows)"))
        return Duties(), problems
    dropped: set[tuple[str, str]] = set()  # (profession, duty) of cells left out for a schema error
    try:
        duties = Duties.model_validate(doc.data)
    except ValidationError as exc:
        problems += schema_problems(exc, doc, rel, SCHEMA_NAME, {
            "kind": "must, may, must-not, depends or not-applicable"})
        duties, dropped = _readable_part(doc.data)
        if duties is None:
            return Duties(), problems

    line = doc.line
    duty_ids: list[str] = []
    for i, duty in enumerate(duties.duties):
        if duty.id in duty_ids:
            problems.append(Problem(rel, line(("duties", i, "id")), f"the duty '{duty.id}' is listed twice",
                                    "give each column its own id"))
        duty_ids.append(duty.id)
        for key in ("name", "topic"):
            problems += _texts(duties, getattr(duty, key), ("duties", i, key), doc, rel)

    link_pages: dict[tuple[str, str], tuple[str, int]] = {}  # (lang, link text) -> (page, line)
    prof_ids: set[str] = set()
    for r, prof in enumerate(duties.professions):
        base = ("professions", r)
        if prof.id in prof_ids:
            problems.append(Problem(rel, line((*base, "id")), f"the profession '{prof.id}' is listed twice",
                                    "give each row its own id"))
        prof_ids.add(prof.id)
        problems += _texts(duties, prof.name, (*base, "name"), doc, rel)
        for duty_id in duty_ids:
            if duty_id not in prof.cells and (prof.id, duty_id) not in dropped:
                problems.append(Problem(rel, line((*base, "cells")), f"'{prof.id}' has no cell for the duty '{duty_id}'",
                                        f"add '{duty_id}:' under cells, with kind, text, legal_basis and page"))
        for duty_id, cell in prof.cells.items():
            loc = (*base, "cells", duty_id)
            if duty_id not in duty_ids:
                problems.append(Problem(rel, line(loc), f"'{prof.id}' has a cell for '{duty_id}', which is not a duty",
                                        f"use one of the duty ids: {', '.join(duty_ids)}"))
                continue
            if cell.legal_basis is None and cell.kind != "not-applicable":
                problems.append(Problem(rel, line(loc), f"the cell '{prof.id}' / '{duty_id}' has no legal_basis",
                                        "add 'legal_basis: {nb: …, en: …}'; where you do not know the section, "
                                        "say so in words without a §"))
            if cell.page.split("#", 1)[0] not in known_pages:
                problems.append(Problem(rel, line((*loc, "page")), f"the page '{cell.page}' does not exist",
                                        "write a bokmål page path relative to docs/, e.g. taushetsplikt/avvergingsplikt.md"))
            for key in ("text", "legal_basis", "topic"):
                problems += _texts(duties, getattr(cell, key), (*loc, key), doc, rel)
            duty = duties.duties[duty_ids.index(duty_id)]
            for lang in LANGS:
                label = link_text(duty, cell, lang)
                here = line((*loc, "topic" if cell.topic else "page")) or 0
                first = link_pages.setdefault((lang, label), (cell.page, here))
                if first[0] != cell.page:
                    problems.append(Problem(rel, here, f"the link «{label}» leads to {cell.page} here but to {first[0]} "
                                                       f"on line {first[1]}",
                                            "a link text must always lead to the same page: add 'topic: {nb: …, en: …}' "
                                            "to this cell naming what its page is about"))
    return duties, problems


def _readable_part(data: dict) -> tuple[Duties | None, set[tuple[str, str]]]:
    """The duties, professions and cells that can be read on their own, after a schema error in the
    file, so that the other checks still run on them (every problem in one run); and the cells left
    out, as (profession, duty), so that they are not reported once more as missing. None when the
    file's shape (its two lists) cannot be read."""
    raw_duties, raw_professions = data.get("duties"), data.get("professions")
    if not isinstance(raw_duties, list) or not isinstance(raw_professions, list) or set(data) - {"duties", "professions"}:
        return None, set()
    column_ids = {d.get("id") for d in raw_duties if isinstance(d, dict)}
    columns = [d for d in (readable(Duty, raw) for raw in raw_duties) if d is not None]
    rows, dropped = [], set()
    for raw in raw_professions:
        if not isinstance(raw, dict) or not isinstance(raw.get("cells"), dict):
            continue
        cells = {}
        for duty_id, raw_cell in raw["cells"].items():
            cell = readable(Cell, raw_cell)
            if cell is None:
                dropped.add((str(raw.get("id")), str(duty_id)))
            else:
                cells[duty_id] = cell
        row = readable(Profession, {**raw, "cells": cells})
        if row is not None:
            rows.append(row)
    keep = {d.id for d in columns}
    for row in rows:  # cells of a column that could not be read go with it (others are reported as no duty)
        for duty_id in [k for k in row.cells if k in column_ids and k not in keep]:
            del row.cells[duty_id]
            dropped.add((row.id, duty_id))
    return Duties(duties=columns, professions=rows), dropped


def _texts(duties: Duties, value: Text | None, loc: tuple[Any, ...], doc, rel: str) -> list[Problem]:
    if value is None:
        return []
    for lang in LANGS:
        duties._lines[(*loc, lang)] = doc.line((*loc, lang)) or doc.line(loc) or 0
    return missing_language(value, loc, doc, rel)


def link_text(duty: Duty, cell: Cell, lang: str) -> str:
    topic = (cell.topic or duty.topic).get(lang)
    return f"{UI[lang]['more']} {topic}"


# --------------------------------------------------------------------------------- texts for checks


def duty_texts(duties: Duties) -> list[tuple[str, str, int]]:
    """Every (text, lang, line) in the file, for the legal-reference and phone-number checks."""
    out = []
    for i, duty in enumerate(duties.duties):
        for key in ("name", "topic"):
            out += _pairs(duties, getattr(duty, key), ("duties", i, key))
    for r, prof in enumerate(duties.professions):
        out += _pairs(duties, prof.name, ("professions", r, "name"))
        for duty_id, cell in prof.cells.items():
            for key in ("text", "legal_basis", "topic"):
                out += _pairs(duties, getattr(cell, key), ("professions", r, "cells", duty_id, key))
    return out


def _pairs(duties: Duties, value: Text | None, loc: tuple[Any, ...]) -> list[tuple[str, str, int]]:
    if value is None:
        return []
    return [(value.get(lang), lang, duties._lines.get((*loc, lang), 0)) for lang in LANGS if value.get(lang)]


# --------------------------------------------------------------------------------- rendering


def render_duty_matrix(duties: Duties, *, lang: str, link: Callable[[str], str]) -> str:
    """The matrix as Markdown: a legend, then a table in a focusable, labelled scroll region.

    On a phone each profession becomes a card with the duties labelled (see guide.css).
    `link(docs_path)` gives the Markdown link target for e.g. 'taushetsplikt/avvergingsplikt.md'.
    """
    lang = "en" if lang == "en" else "nb"
    ui = UI[lang]
    if not duties.duties or not duties.professions:
        return ""
    used = [k for k in KINDS if any(c.kind == k for p in duties.professions for c in p.cells.values())]
    out = [f"**{ui['legend']}**", ""]
    for k in used:
        out.append(f'- <span class="duty-kind duty-kind--{k}">{KINDS[k][lang]}</span>: {KIND_HELP[k][lang]}')
    out += [
        "",
        f'<div class="vtable-scroll" role="region" aria-label="{md_escape(ui["region"])}" tabindex="0" markdown>',
        f'<table class="vtable vtable--cards duty-matrix" aria-label="{md_escape(ui["table"])}" markdown>',
        '<thead>',
        f'<tr><th scope="col">{ui["profession"]}</th>'
        + "".join(f'<th scope="col">{md_escape(d.name.get(lang))}</th>' for d in duties.duties) + '</tr>',
        '</thead>',
        '<tbody markdown>',
    ]
    for prof in duties.professions:
        out.append('<tr markdown>')
        out.append(f'<th scope="row">{md_escape(prof.name.get(lang))}</th>')
        for duty in duties.duties:
            label = f'<span class="vtable-label">{md_escape(duty.name.get(lang))}</span>'
            cell = prof.cells.get(duty.id)
            if cell is None:
                out.append(f'<td>{label} –</td>')
                continue
            kind = f'<span class="duty-kind duty-kind--{cell.kind}">{KINDS[cell.kind][lang]}</span>'
            text = f'<span class="duty-text">{md_escape(cell.text.get(lang))}</span>'
            legal = (f'<span class="duty-legal"><span class="duty-legal__label">{ui["legal"]}</span> '
                     f'{md_escape(cell.legal_basis.get(lang))}</span>' if cell.legal_basis else "")
            more = f'<span class="duty-more">[{md_escape(link_text(duty, cell, lang))}]({link(cell.page)})</span>'
            out.append(f'<td markdown="span">{label} {kind} {text} {legal} {more}</td>')
        out.append('</tr>')
    out += ['</tbody>', '</table>', '</div>']
    return "\n".join(out) + "\n"


__all__ = [
    "KINDS", "Cell", "Duties", "Duty", "Profession", "duty_texts", "json_schema", "link_text", "load_duties",
    "render_duty_matrix", "schema_text",
]


if __name__ == "__main__":  # pragma: no cover
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
