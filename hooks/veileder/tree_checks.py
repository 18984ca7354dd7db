"""Loading decision trees and checking them. Every problem is reported; nothing raises.

A schema error in one step does not hide the other problems: the steps are checked one by one, and
the checks of the tree's shape (answers leading nowhere, steps nothing leads to, loops) read the
answers straight from the YAML, so they run even when some step cannot be read.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .problems import Problem
from .tree_model import LANG_NAMES, LANGS, NODE_ID, Answer, Node, PageLink, Phone, Text, Tree, YamlDoc, load_yaml, readable
from .yamlfile import RECURSIVE_ALIAS, RECURSIVE_ALIAS_FIX

CheckText = Callable[[str, str, str, int], list[Problem]]
CheckPhone = Callable[[str, str, int], list[Problem]]
# (docs path of a bokmål page, anchor) -> '' when both language versions have that heading id,
# else the end of a sentence saying where it is missing, e.g. "is not on the English page"
CheckAnchor = Callable[[str, str], str]

FIELDS = sorted({name for model in (Tree, Node, Answer, Phone, PageLink, Text) for name in model.model_fields})
_ITEMS = {"answers": "answer", "actions": "action", "legal": "legal reference", "links": "link", "phones": "phone"}


def load_trees(
    folder: Path,
    *,
    known_pages: set[str],
    check_text: CheckText,
    rel_root: Path,
    check_phone: CheckPhone | None = None,
    check_anchor: CheckAnchor | None = None,
) -> tuple[dict[str, Tree], list[Problem]]:
    """All trees in `folder` (*.yml, *.yaml) that could be read, and every problem found.

    A tree with problems is still returned when its file could be read as a whole (so its page can
    be drawn while the problems fail the build); the renderer copes with missing steps and loops.
    """
    trees: dict[str, Tree] = {}
    problems: list[Problem] = []
    folder = Path(folder)
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    for path in files:
        rel = _rel(path, rel_root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(rel, None, f"the file cannot be read ({exc})", "save it as UTF-8 text"))
            continue
        tree, found = check_tree_text(text, rel, path.stem, known_pages=known_pages, check_text=check_text,
                                      check_phone=check_phone, check_anchor=check_anchor)
        problems.extend(found)
        if tree is None:
            continue
        if tree.id in trees:
            other = trees[tree.id]._file
            problems.append(Problem(rel, tree._line, f"the tree id '{tree.id}' is also used by {other}",
                                    "give each tree its own id, the same as its file name"))
            continue
        trees[tree.id] = tree
    return trees, problems


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def check_tree_text(
    text: str,
    file: str,
    stem: str,
    *,
    known_pages: set[str],
    check_text: CheckText,
    check_phone: CheckPhone | None = None,
    check_anchor: CheckAnchor | None = None,
) -> tuple[Tree | None, list[Problem]]:
    """Parse and check one tree file's text. Returns the tree (None if unusable) and all problems."""
    doc = load_yaml(text)
    if doc.error:
        line, msg = doc.error
        what, fix = _yaml_error(msg)
        return None, [Problem(file, line, f"the YAML cannot be read: {what}", fix)]
    problems: list[Problem] = []
    for line, key, first, path in doc.duplicates:
        if path == ("nodes",):
            problems.append(Problem(file, line, f"two steps have the id '{key}' (lines {first} and {line})",
                                    "give one of them another id, and point its answers to the new id"))
        else:
            problems.append(Problem(file, line, f"{_where(path)}: '{key}:' is written twice (lines {first} and {line})",
                                    "keep one of them"))
    data = doc.data
    if data is None:
        return None, problems + [Problem(file, 1, "the file is empty",
                                         "write a tree in it (copy the example tree in the editors' guide), or delete the file")]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return None, problems + [Problem(file, doc.line(()) or 1, f"the file holds {kind}, not a tree",
                                         "start the file with 'id:', 'title:' and 'nodes:' at the left margin (see the example tree in the editors' guide)")]
    tree: Tree | None = None
    try:
        tree = Tree.model_validate(data)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, doc, file))
    else:
        tree._file, tree._line = file, doc.line(("id",))
    problems.extend(check_tree(data, doc, file, stem, known_pages=known_pages, check_text=check_text,
                               check_phone=check_phone, check_anchor=check_anchor))
    return tree, problems


# ------------------------------------------------------------------------------ where and schema errors

# PyYAML's messages, said plainly: (words in its message, what is wrong, how to fix it)
_YAML_ERRORS = [
    (("expected ',' or '}'", "expected ',' or ']'"), "a text inside { … } or [ … ] ends too early",
     'inside { … } put each text in double quotes when it contains a comma, colon or question mark, '
     'e.g. {nb: "Ja, straks", en: "Yes, at once"}, and close every quote you open'),
    (("found character '\\t'",), "a tab character", "indent with spaces, not tabs"),
    (("mapping values are not allowed here",), "a colon where YAML does not expect one",
     'check this line and the one above: a text that contains ": " goes in double quotes, each field needs '
     'its colon (type: outcome), and lines at the same level are indented alike'),
    (("expected <block end>",), "the indentation does not line up",
     "indent this line with as many spaces as the other lines at the same level"),
    (("could not find expected ':'",), "a line without a colon",
     "each line needs a field name and a colon (text: …), or starts a list item with '- '"),
    (("sequence entries are not allowed here",), "a list item ('- ') where it does not belong",
     "indent the item under the field it belongs to, e.g. under answers: or actions:"),
    (("found unhashable key", "found unacceptable key"), "a field name that is not a plain word",
     "write the field name as a plain word followed by a colon, e.g. text:"),
    ((RECURSIVE_ALIAS,), RECURSIVE_ALIAS, RECURSIVE_ALIAS_FIX),
    (("found undefined alias", "found duplicate anchor", "expected alphabetic or numeric character"), "a & or * sign YAML reads as a reference",
     "put texts that start with & or * in double quotes"),
    (("could not find expected",), "a quote, bracket or brace that is not closed",
     "close each \" … \", { … } and [ … ] on the same line it opens"),
]


def _yaml_error(msg: str) -> tuple[str, str]:
    for needles, what, fix in _YAML_ERRORS:
        if any(n in msg for n in needles):
            return what, fix
    return msg, "check indentation, colons and quotes on this line or the line above"


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    """A place in the file in words: ('nodes', 'q1', 'answers', 1, 'label') -> "step 'q1', answer 2, 'label:'"."""
    loc = list(loc)
    parts: list[str] = []
    if loc[:1] == ["nodes"]:
        loc.pop(0)
        if loc:
            parts.append(f"step '{loc.pop(0)}'")
        else:
            parts.append("'nodes:'")
    while loc:
        key = loc.pop(0)
        if key in _ITEMS and loc and isinstance(loc[0], int):
            parts.append(f"{_ITEMS[key]} {loc.pop(0) + 1}")
        elif isinstance(key, int):
            parts.append(f"item {key + 1}")
        else:
            parts.append(f"'{key}:'")
    return ", ".join(parts) or "the tree"


def _schema_problems(exc: ValidationError, doc: YamlDoc, file: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        line = doc.line(loc)
        last = loc[-1] if loc else ""
        where = f"{_where(loc[:-1])}: " if len(loc) > 1 else ""
        if kind == "missing":
            what = f"{where}'{last}:' is missing"
            fix = {"type": "add 'type: question' or 'type: outcome'",
                   "text": "add 'text:' with nb and en, e.g. text: {nb: \"…\", en: \"…\"}",
                   "next": "add 'next:' with the id of the step this answer leads to",
                   "label": "add 'label:' with the answer in nb and en, e.g. label: {nb: Ja, en: \"Yes\"}",
                   "page": "add 'page:' with the bokmål page relative to docs/, e.g. tiltak/besoksforbud.md",
                   "number": "add 'number:' with a number from data/phones.yml, e.g. number: \"112\""}.get(
                str(last), f"add '{last}:' here (see the example tree in the editors' guide)")
        elif kind == "extra_forbidden":
            what = f"{where}unknown field '{last}:'"
            close = difflib.get_close_matches(str(last), FIELDS, n=1)
            fix = (f"did you mean '{close[0]}:'? " if close else "") + "check the spelling or remove it (the fields are listed in the editors' guide)"
        elif kind == "literal_error":
            what, fix = f"{_where(loc)} must be 'question' or 'outcome'", "write type: question or type: outcome"
        elif kind == "string_pattern_mismatch":
            if last == "page":
                what = f"{_where(loc)} is not a page path"
                fix = "write the bokmål page relative to docs/, e.g. tiltak/besoksforbud.md"
            else:
                what = f"{_where(loc)} is not a valid id"
                fix = "use lowercase letters a–z, digits and hyphens only, e.g. q2 or ring-112"
        elif kind in ("model_type", "model_attributes_type") and isinstance(_raw_at(doc.data, loc), str) and _is_text(loc):
            what = f"{_where(loc)} has one text, but needs one per language"
            fix = 'write it as {nb: "…", en: "…"} (or as two lines, nb: … and en: …, indented under it)'
        elif kind in ("string_type", "dict_type", "list_type", "model_type", "model_attributes_type"):
            expected = {"string_type": "a text", "dict_type": "a set of 'key: value' lines",
                        "list_type": "a list (items starting with '- ')"}.get(kind, "a set of 'field: value' lines")
            what = f"{_where(loc)} should be {expected}"
            fix = f"write {expected} here (see the example tree in the editors' guide)"
            if kind == "string_type" and last in LANGS:
                fix = 'put the text in double quotes, e.g. "Yes" (YAML reads some words and numbers as something else)'
        elif kind == "too_short" and tuple(loc) == ("nodes",):
            what = "the tree has no steps ('nodes:' is empty)"
            fix = "add the steps under 'nodes:', each with its id, type and text (see the example tree in the editors' guide)"
        elif kind in ("too_short",):
            what, fix = f"{_where(loc)} is empty", "add at least one item, or remove the line"
        else:
            what, fix = f"{_where(loc)}: {err['msg']}", "correct the value (see the example tree in the editors' guide)"
        problems.append(Problem(file, line, what, fix))
    return problems


_TEXT_FIELDS = {"title", "intro", "text", "short", "details", "label"}
_TEXT_LISTS = {"actions", "legal"}


def _is_text(loc: tuple[Any, ...]) -> bool:
    """Whether the place holds a bilingual text ({nb, en})."""
    if not loc:
        return False
    if loc[-1] in _TEXT_FIELDS:
        return True
    return isinstance(loc[-1], int) and len(loc) >= 2 and loc[-2] in _TEXT_LISTS


def _raw_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for key in loc:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        else:
            return None
    return data


# ------------------------------------------------------------------------------ tree checks


def _raw_edges(raw: Any) -> list[str | None]:
    """The `next:` of each answer of a step as written (None where it cannot be read)."""
    answers = raw.get("answers") if isinstance(raw, dict) else None
    if not isinstance(answers, list):
        return []
    return [a.get("next") if isinstance(a, dict) and isinstance(a.get("next"), str) else None for a in answers]


def check_tree(
    data: dict[str, Any],
    doc: YamlDoc,
    file: str,
    stem: str,
    *,
    known_pages: set[str],
    check_text: CheckText,
    check_phone: CheckPhone | None = None,
    check_anchor: CheckAnchor | None = None,
) -> list[Problem]:
    """Every check beyond the schema, on the parts of the tree that can be read."""
    problems: list[Problem] = []
    line = doc.line

    tree_id = data.get("id")
    if isinstance(tree_id, str) and tree_id != stem:
        problems.append(Problem(file, line(("id",)), f"the tree id '{tree_id}' differs from the file name '{stem}'",
                                f"write id: {stem}, or rename the file to {tree_id}.yml"))

    raw_nodes = data.get("nodes")
    raw_nodes = raw_nodes if isinstance(raw_nodes, dict) else {}
    ids = [str(k) for k in raw_nodes]
    edges = {str(nid): _raw_edges(raw) for nid, raw in raw_nodes.items()}
    start = data.get("start") if isinstance(data.get("start"), str) else (ids[0] if ids else None)
    if isinstance(data.get("start"), str) and start not in raw_nodes:
        problems.append(Problem(file, line(("start",)), f"the first step '{start}' (start:) does not exist",
                                f"write one of: {', '.join(ids)}"))

    for nid in ids:  # the JSON Schema says so too (propertyNames); pydantic does not check dict keys
        if not re.fullmatch(NODE_ID, nid):
            problems.append(Problem(file, line(("nodes", nid)), f"the step id '{nid}' is not a valid id",
                                    "use lowercase letters a–z, digits and hyphens only (the id goes in the address, #steg=<id>), e.g. q2 or ring-112"))
    incoming: dict[str, int] = {nid: 0 for nid in ids}
    for nid, raw in raw_nodes.items():
        nid = str(nid)
        base = ("nodes", nid)
        for i, nxt in enumerate(edges[nid]):
            if nxt is None:
                continue
            if nxt not in incoming:
                problems.append(Problem(file, line((*base, "answers", i, "next")),
                                        f"step '{nid}', answer {i + 1} leads to '{nxt}', which does not exist",
                                        f"write the id of an existing step ({', '.join(ids)}), or add the step '{nxt}'"))
            elif nxt != nid:
                incoming[nxt] += 1
        node = _Parts.of(raw)
        if node.type == "question":
            if node.answer_count == 0:
                problems.append(Problem(file, line(base), f"the question '{nid}' has no answers",
                                        "add 'answers:' with at least one '- label: …' and 'next: …', or make it type: outcome with actions"))
            if node.action_count:
                problems.append(Problem(file, line((*base, "actions")), f"the question '{nid}' has actions",
                                        "move the actions to an outcome, or change the step to type: outcome"))
        elif node.type == "outcome":
            if node.action_count == 0:
                problems.append(Problem(file, line(base), f"the outcome '{nid}' has no action",
                                        "add 'actions:' with at least one action in nb and en (what the reader should do)"))
            if node.answer_count:
                problems.append(Problem(file, line((*base, "answers")), f"the outcome '{nid}' has answers",
                                        "an outcome ends the path: remove the answers, or change the step to type: question"))
        for i, link in node.links:
            page, _, anchor = link.page.partition("#")
            where = line((*base, "links", i, "page"))
            if page not in known_pages:
                problems.append(Problem(file, where, f"step '{nid}', link {i + 1}: the page '{page}' does not exist",
                                        "write a bokmål page path relative to docs/, e.g. tiltak/besoksforbud.md"))
            elif anchor and check_anchor is not None:
                missing = check_anchor(page, anchor)
                if missing:
                    problems.append(Problem(file, where, f"step '{nid}', link {i + 1}: '#{anchor}' {missing}",
                                            f"link to the page without '#{anchor}', or give the heading the same id on both pages ({{#{anchor}}} after the heading)"))
        problems.extend(_text_problems(node, base, doc, file, check_text, check_phone))

    for key in ("title", "intro"):
        value = readable(Text, data.get(key)) if data.get(key) is not None else None
        if value is not None:
            problems.extend(_one_text(value, (key,), doc, file, check_text))

    # nothing leads to it / cannot be reached from the start
    reachable = _reachable(edges, start) if start in incoming else set()
    for nid in ids:
        if nid == start:
            continue
        if incoming[nid] == 0:
            problems.append(Problem(file, line(("nodes", nid)), f"nothing leads to the step '{nid}'",
                                    f"add an answer with next: {nid} to another step, or remove the step"))
        elif start in incoming and nid not in reachable:
            problems.append(Problem(file, line(("nodes", nid)), f"the step '{nid}' cannot be reached from the first step",
                                    "only steps that cannot be reached themselves lead here: link one of them from a step that can be reached"))

    for cycle, (from_id, idx) in _cycles(edges):
        problems.append(Problem(file, line(("nodes", from_id, "answers", idx, "next")),
                                f"the answers form a loop: {' → '.join(cycle)}",
                                "a tree must always move forward: point this answer to a later step or an outcome"))
    return problems


def _reachable(edges: dict[str, list[str | None]], start: str) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        for nxt in edges.get(stack.pop(), []):
            if nxt in edges and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _cycles(edges: dict[str, list[str | None]]) -> list[tuple[list[str], tuple[str, int]]]:
    """Each answer closing a loop, with the loop's step ids and the (step, answer index) to fix."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {nid: WHITE for nid in edges}
    found: list[tuple[list[str], tuple[str, int]]] = []
    for root in edges:
        if colour[root] != WHITE:
            continue
        path: list[str] = [root]
        colour[root] = GREY
        iters = [iter(enumerate(edges[root]))]
        while iters:
            try:
                idx, nxt = next(iters[-1])
            except StopIteration:
                colour[path.pop()] = BLACK
                iters.pop()
                continue
            if nxt not in colour:
                continue
            if colour[nxt] == GREY:
                cycle = path[path.index(nxt):] + [nxt]
                found.append((cycle, (path[-1], idx)))
            elif colour[nxt] == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                iters.append(iter(enumerate(edges[nxt])))
    return found


@dataclass
class _Parts:
    """The parts of one step that can be read, each list item with its index in the file."""

    type: str | None = None
    text: Text | None = None
    short: Text | None = None
    details: Text | None = None
    answers: list[tuple[int, Answer]] = field(default_factory=list)
    actions: list[tuple[int, Text]] = field(default_factory=list)
    phones: list[tuple[int, Phone]] = field(default_factory=list)
    links: list[tuple[int, PageLink]] = field(default_factory=list)
    legal: list[tuple[int, Text]] = field(default_factory=list)
    answer_count: int | None = 0  # items written (None: not a list, reported by the schema check)
    action_count: int | None = 0
    # the texts of list items that cannot be read as a whole (an answer without 'next:'): still
    # checked, so the file's every problem shows in one run; (place under the step, text)
    loose_texts: list[tuple[tuple[Any, ...], Text]] = field(default_factory=list)

    @classmethod
    def of(cls, raw: Any) -> "_Parts":
        if not isinstance(raw, dict):
            return cls()
        node = readable(Node, raw)
        if node is not None:
            return cls(node.type, node.text, node.short, node.details,
                       *(list(enumerate(getattr(node, k))) for k in ("answers", "actions", "phones", "links", "legal")),
                       answer_count=len(node.answers), action_count=len(node.actions))
        parts = cls(type=raw.get("type") if raw.get("type") in ("question", "outcome") else None)
        for key in ("text", "short", "details"):
            if raw.get(key) is not None:
                setattr(parts, key, readable(Text, raw[key]))
        for key, model in (("answers", Answer), ("actions", Text), ("phones", Phone), ("links", PageLink), ("legal", Text)):
            items = raw.get(key)
            if isinstance(items, list):
                read, text_key = [], _ITEM_TEXT.get(key)
                for i, item in enumerate(items):
                    if (m := readable(model, item)) is not None:
                        read.append((i, m))
                    elif text_key and isinstance(item, dict) and (text := readable(Text, item.get(text_key))) is not None:
                        parts.loose_texts.append(((key, i, text_key), text))
                setattr(parts, key, read)
        for key in ("answers", "actions"):
            items = raw.get(key)
            setattr(parts, key[:-1] + "_count", 0 if items is None else len(items) if isinstance(items, list) else None)
        return parts


_ITEM_TEXT = {"answers": "label", "phones": "text", "links": "text"}  # the text field of a list item


def _text_problems(node: _Parts, base: tuple[Any, ...], doc: YamlDoc, file: str,
                   check_text: CheckText, check_phone: CheckPhone | None) -> list[Problem]:
    out: list[Problem] = []
    for place, text in node.loose_texts:
        out += _one_text(text, (*base, *place), doc, file, check_text)
    for key in ("text", "short", "details"):
        value = getattr(node, key)
        if value is not None:
            out += _one_text(value, (*base, key), doc, file, check_text)
    for i, ans in node.answers:
        out += _one_text(ans.label, (*base, "answers", i, "label"), doc, file, check_text)
    for i, act in node.actions:
        out += _one_text(act, (*base, "actions", i), doc, file, check_text)
    for i, leg in node.legal:
        out += _one_text(leg, (*base, "legal", i), doc, file, check_text)
    for i, link in node.links:
        out += _one_text(link.text, (*base, "links", i, "text"), doc, file, check_text)
    for i, phone in node.phones:
        loc = (*base, "phones", i)
        out += _one_text(phone.text, (*loc, "text"), doc, file, check_text)
        nline = doc.line((*loc, "number")) or 0
        if check_phone is not None:
            out += _safe(lambda: check_phone(phone.number, file, nline), file, nline)
        else:
            for lang in LANGS:
                out += _safe(lambda lang=lang: check_text(phone.number, lang, file, nline), file, nline)
    return out


def _one_text(value: Text, loc: tuple[Any, ...], doc: YamlDoc, file: str, check_text: CheckText) -> list[Problem]:
    out: list[Problem] = []
    for lang in LANGS:
        text = value.get(lang)
        if not text:
            out.append(Problem(file, doc.line(loc), f"{_where(loc)} has no {LANG_NAMES[lang]} text",
                               f"add '{lang}: …' so that both languages say the same"))
            continue
        line = doc.line((*loc, lang)) or 0
        out += _safe(lambda text=text, lang=lang, line=line: check_text(text, lang, file, line), file, line)
    return out


def _safe(run: Callable[[], list[Problem]], file: str, line: int) -> list[Problem]:
    try:
        return list(run())
    except Exception as exc:  # a registry bug must not hide the tree's other problems
        return [Problem(file, line or None, f"the legal/phone check failed on this text ({exc!r})",
                        "report this to the site's developers")]
