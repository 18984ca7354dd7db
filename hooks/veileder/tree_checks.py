"""Loading decision trees and checking them. Every problem is reported; nothing raises."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .problems import Problem
from .tree_model import LANG_NAMES, LANGS, Node, Text, Tree, YamlDoc, load_yaml

CheckText = Callable[[str, str, str, int], list[Problem]]


def load_trees(
    folder: Path,
    *,
    known_pages: set[str],
    check_text: CheckText,
    rel_root: Path,
) -> tuple[dict[str, Tree], list[Problem]]:
    """All trees in `folder` (*.yml, *.yaml) that passed every check, and all problems found.

    Every tree that could be read is returned (so its page can still be drawn while the
    problems fail the build); the renderer copes with missing nodes and loops.
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
        tree, found = check_tree_text(text, rel, path.stem, known_pages=known_pages, check_text=check_text)
        problems.extend(found)
        if tree is not None and tree.id not in trees:
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
) -> tuple[Tree | None, list[Problem]]:
    """Parse and check one tree file's text. Returns the tree (None if unusable) and all problems."""
    doc = load_yaml(text)
    if doc.error:
        line, msg = doc.error
        fix = "check indentation, colons and quotes on this line or the line above"
        if "expected ',' or '}'" in msg or "expected ',' or ']'" in msg:
            fix = ("inside { … } put each text in double quotes when it contains a comma, colon or "
                   'question mark, e.g. {nb: "Ja, straks", en: "Yes, at once"}')
        return None, [Problem(file, line, f"the YAML cannot be read: {msg}", fix)]
    problems: list[Problem] = []
    for line, key in doc.duplicates:
        problems.append(Problem(file, line, f"the key '{key}' appears twice in the same place",
                                "rename or remove one of them (node ids must be unique)"))
    if not isinstance(doc.data, dict):
        problems.append(Problem(file, 1, "the file does not hold a tree",
                                "start with 'id:', 'title:' and 'nodes:' (see the editors' guide)"))
        return None, problems
    try:
        tree = Tree.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, doc, file))
        return None, problems
    problems.extend(check_tree(tree, doc, file, stem, known_pages=known_pages, check_text=check_text))
    return tree, problems


# ------------------------------------------------------------------------------ schema errors


def _loc_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problems(exc: ValidationError, doc: YamlDoc, file: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = _loc_text(loc) or "the file"
        kind = err["type"]
        line = doc.line(loc)
        if kind == "missing":
            what, fix = f"'{where}' is missing", f"add '{loc[-1]}:' here"
        elif kind == "extra_forbidden":
            what = f"unknown field '{where}'"
            fix = "check the spelling or remove it (allowed fields are listed in data/schemas/tree.schema.json)"
        elif kind == "literal_error":
            what, fix = f"'{where}' must be 'question' or 'outcome'", "write type: question or type: outcome"
        elif kind == "string_pattern_mismatch":
            if loc and loc[-1] == "page":
                what = f"'{where}' is not a page path"
                fix = "write the bokmål page relative to docs/, e.g. tiltak/besoksforbud.md"
            else:
                what = f"'{where}' is not a valid id"
                fix = "use lowercase letters a–z, digits and hyphens only, e.g. q2 or ring-112"
        elif kind in ("string_type", "dict_type", "list_type", "model_type"):
            expected = {"string_type": "a text", "dict_type": "a mapping of keys",
                        "list_type": "a list (items starting with '- ')",
                        "model_type": "a mapping of fields"}[kind]
            what, fix = f"'{where}' should be {expected}", f"write {expected} here (see the example tree in the editors' guide)"
        else:
            what, fix = f"'{where}': {err['msg']}", "correct the value (see data/schemas/tree.schema.json)"
        # A key like `nodes.q1` in a dict: pydantic puts the key in loc; fine for lines.
        problems.append(Problem(file, line, what, fix))
    return problems


# ------------------------------------------------------------------------------ tree checks


def check_tree(
    tree: Tree,
    doc: YamlDoc,
    file: str,
    stem: str,
    *,
    known_pages: set[str],
    check_text: CheckText,
) -> list[Problem]:
    problems: list[Problem] = []
    line = doc.line

    if tree.id != stem:
        problems.append(Problem(file, line(("id",)), f"the tree id '{tree.id}' differs from the file name '{stem}'",
                                f"write id: {stem}, or rename the file to {tree.id}.yml"))

    start = tree.start_id
    if tree.start and tree.start not in tree.nodes:
        problems.append(Problem(file, line(("start",)), f"start node '{tree.start}' does not exist",
                                f"write one of: {', '.join(tree.nodes)}"))

    incoming: dict[str, int] = {nid: 0 for nid in tree.nodes}
    for nid, node in tree.nodes.items():
        base = ("nodes", nid)
        if node.type == "question":
            if not node.answers:
                problems.append(Problem(file, line(base), f"question '{nid}' has no answers",
                                        "add 'answers:' with at least one '- label: …' and 'next: …'"))
            if node.actions:
                problems.append(Problem(file, line((*base, "actions")), f"question '{nid}' has actions",
                                        "move the actions to an outcome node, or change type to outcome"))
        else:
            if not node.actions:
                problems.append(Problem(file, line(base), f"outcome '{nid}' has no action",
                                        "add 'actions:' with at least one action in nb and en"))
            if node.answers:
                problems.append(Problem(file, line((*base, "answers")), f"outcome '{nid}' has answers",
                                        "an outcome ends the path: remove the answers or change type to question"))
        for i, ans in enumerate(node.answers):
            if ans.next not in tree.nodes:
                problems.append(Problem(file, line((*base, "answers", i, "next")),
                                        f"answer {i + 1} of '{nid}' leads to '{ans.next}', which does not exist",
                                        f"write an existing node id ({', '.join(tree.nodes)}) or add the node '{ans.next}'"))
            else:
                incoming[ans.next] += 1
        for i, link in enumerate(node.links):
            page = link.page.split("#", 1)[0]
            if page not in known_pages:
                problems.append(Problem(file, line((*base, "links", i, "page")),
                                        f"the page '{link.page}' does not exist",
                                        "write a bokmål page path relative to docs/, e.g. tiltak/besoksforbud.md"))
        problems.extend(_text_problems(node, base, doc, file, check_text))

    for key in ("title", "intro"):
        value = getattr(tree, key)
        if value is not None:
            problems.extend(_one_text(value, (key,), doc, file, check_text))

    # nothing leads to it / cannot be reached
    reachable = _reachable(tree, start) if start in tree.nodes else set()
    for nid in tree.nodes:
        if nid == start:
            continue
        if incoming[nid] == 0:
            problems.append(Problem(file, line(("nodes", nid)), f"nothing leads to node '{nid}'",
                                    f"add an answer with next: {nid}, or remove the node"))
        elif start in tree.nodes and nid not in reachable:
            problems.append(Problem(file, line(("nodes", nid)), f"node '{nid}' cannot be reached from the start",
                                    "the answers leading here come only from nodes that cannot be reached either: link them from the start"))

    for cycle, (from_id, idx) in _cycles(tree):
        problems.append(Problem(file, line(("nodes", from_id, "answers", idx, "next")),
                                f"the answers form a loop: {' → '.join(cycle)}",
                                "a tree must always move forward: point this answer to a later node or an outcome"))
    return problems


def _reachable(tree: Tree, start: str) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        for nxt in tree.edges(stack.pop()):
            if nxt in tree.nodes and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _cycles(tree: Tree) -> list[tuple[list[str], tuple[str, int]]]:
    """Each back edge closing a loop, with the loop's node ids and the (node, answer index) to fix."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {nid: WHITE for nid in tree.nodes}
    found: list[tuple[list[str], tuple[str, int]]] = []
    for root in tree.nodes:
        if colour[root] != WHITE:
            continue
        path: list[str] = [root]
        colour[root] = GREY
        iters = [iter(enumerate(tree.edges(root)))]
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
                iters.append(iter(enumerate(tree.edges(nxt))))
    return found


def _text_problems(node: Node, base: tuple[Any, ...], doc: YamlDoc, file: str, check_text: CheckText) -> list[Problem]:
    out: list[Problem] = []
    out += _one_text(node.text, (*base, "text"), doc, file, check_text)
    for key in ("short", "details"):
        value = getattr(node, key)
        if value is not None:
            out += _one_text(value, (*base, key), doc, file, check_text)
    for i, ans in enumerate(node.answers):
        out += _one_text(ans.label, (*base, "answers", i, "label"), doc, file, check_text)
    for i, act in enumerate(node.actions):
        out += _one_text(act, (*base, "actions", i), doc, file, check_text)
    for i, leg in enumerate(node.legal):
        out += _one_text(leg, (*base, "legal", i), doc, file, check_text)
    for i, link in enumerate(node.links):
        out += _one_text(link.text, (*base, "links", i, "text"), doc, file, check_text)
    for i, phone in enumerate(node.phones):
        loc = (*base, "phones", i)
        out += _one_text(phone.text, (*loc, "text"), doc, file, check_text)
        nline = doc.line((*loc, "number")) or 0
        for lang in LANGS:
            out += _safe_check(check_text, phone.number, lang, file, nline)
    return out


def _one_text(value: Text, loc: tuple[Any, ...], doc: YamlDoc, file: str, check_text: CheckText) -> list[Problem]:
    out: list[Problem] = []
    where = _loc_text(loc)
    for lang in LANGS:
        text = value.get(lang)
        if not text:
            out.append(Problem(file, doc.line(loc), f"'{where}' has no {LANG_NAMES[lang]} text",
                               f"add '{lang}: …' so that both languages say the same"))
            continue
        out += _safe_check(check_text, text, lang, file, doc.line((*loc, lang)) or 0)
    return out


def _safe_check(check_text: CheckText, text: str, lang: str, file: str, line: int) -> list[Problem]:
    try:
        return list(check_text(text, lang, file, line))
    except Exception as exc:  # a registry bug must not hide the tree's other problems
        return [Problem(file, line or None, f"the legal/phone check failed on this text ({exc!r})",
                        "report this to the site's developers")]
