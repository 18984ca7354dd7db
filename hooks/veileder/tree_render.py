"""Decision trees as HTML: the numbered nested steps (no JavaScript, print), the overview diagram,
and the «Brukes i beslutningsstøtte» box for content pages.

The HTML is one block without blank lines and with every tag on one line, so Markdown leaves it
alone and the site's legal/phone linking can still link the prose between the tags.
trees.js turns `.vtree` into the step-by-step view.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from .tree_model import Node, Text, Tree

UI = {
    "nb": {
        "step": "Steg",
        "outcome": "resultat",
        "key": "steg",
        "how": "Start på steg 1. Velg svaret som passer, og gå videre til steget svaret viser til.",
        "goto": "gå til steg {n}",
        "actions": "Dette bør du gjøre",
        "phones": "Telefon",
        "links": "Les mer",
        "legal": "Lovgrunnlag",
        "diagram": "Oversikt over hele beslutningstreet",
        "steps_label": "Alle steg i beslutningstreet",
        "backlinks": "Brukes i beslutningsstøtte",
        "missing": "(steget mangler)",
    },
    "en": {
        "step": "Step",
        "outcome": "outcome",
        "key": "step",
        "how": "Start at step 1. Choose the answer that fits, and go on to the step it points to.",
        "goto": "go to step {n}",
        "actions": "What to do",
        "phones": "Phone",
        "links": "Read more",
        "legal": "Legal basis",
        "diagram": "Overview of the whole decision tree",
        "steps_label": "All steps of the decision tree",
        "backlinks": "Used in decision support",
        "missing": "(step missing)",
    },
}


def step_anchor(node_id: str, lang: str) -> str:
    """The address fragment (without '#') of a step: 'steg=q2' in bokmål, 'step=q2' in English."""
    return f"{UI[_lang(lang)]['key']}={node_id}"


def _lang(lang: str) -> str:
    return lang if lang in UI else "nb"


def numbering(tree: Tree) -> dict[str, int]:
    """Step numbers in the order a reader meets the nodes (depth first from the start, answers in order)."""
    numbers: dict[str, int] = {}
    start = tree.start_id
    if start not in tree.nodes:
        return numbers
    stack = [start]
    while stack:
        nid = stack.pop()
        if nid in numbers or nid not in tree.nodes:
            continue
        numbers[nid] = len(numbers) + 1
        stack.extend(reversed(tree.edges(nid)))
    for nid in tree.nodes:  # unreachable nodes (reported by the checks) still get a number
        numbers.setdefault(nid, len(numbers) + 1)
    return numbers


def _t(value: Text | None, lang: str) -> str:
    return escape(value.get(lang)) if value is not None else ""


def _paras(value: Text | None, lang: str, cls: str) -> str:
    if value is None or not value.get(lang):
        return ""
    parts = [" ".join(p.split()) for p in value.get(lang).split("\n\n") if p.strip()]
    return f'<div class="{cls}">' + "".join(f"<p>{escape(p)}</p>" for p in parts) + "</div>"


def _body(node: Node, lang: str, page_href: Callable[[str], str]) -> list[str]:
    ui = UI[lang]
    out: list[str] = []
    if node.type == "outcome" and node.actions:
        out.append(f'<p class="vtree-sub">{ui["actions"]}</p>')
        out.append('<ul class="vtree-actions">')
        out += [f"<li>{_t(a, lang)}</li>" for a in node.actions]
        out.append("</ul>")
    if node.phones:
        out.append(f'<p class="vtree-sub">{ui["phones"]}</p>')
        out.append('<ul class="vtree-phones">')
        out += [f"<li>{escape(p.number)} – {_t(p.text, lang)}</li>" for p in node.phones]
        out.append("</ul>")
    if node.links:
        out.append(f'<p class="vtree-sub">{ui["links"]}</p>')
        out.append('<ul class="vtree-links">')
        for link in node.links:
            page, _, anchor = link.page.partition("#")
            href = page_href(page) + (f"#{anchor}" if anchor else "")
            out.append(f'<li><a href="{escape(href)}">{_t(link.text, lang)}</a></li>')
        out.append("</ul>")
    if node.legal:
        out.append(f'<p class="vtree-sub">{ui["legal"]}</p>')
        out.append('<ul class="vtree-legal">')
        out += [f"<li>{_t(x, lang)}</li>" for x in node.legal]
        out.append("</ul>")
    return out


def render_tree(tree: Tree, *, lang: str, page_href: Callable[[str], str]) -> str:
    """The HTML block that replaces `{{ tree: <id> }}` in a page of language `lang`."""
    lang = _lang(lang)
    ui = UI[lang]
    numbers = numbering(tree)
    start = tree.start_id
    out: list[str] = [
        f'<div class="vtree" id="vtree-{escape(tree.id)}" data-tree="{escape(tree.id)}" data-lang="{lang}"'
        f' data-start="{escape(start)}" data-key="{ui["key"]}" data-title="{_t(tree.title, lang)}">'
    ]
    if tree.intro is not None:
        out.append(_paras(tree.intro, lang, "vtree-intro"))
    out.append(f'<div class="vtree-steps" role="region" aria-label="{ui["steps_label"]}">')
    out.append(f'<p class="vtree-steps__how">{ui["how"]}</p>')
    out.append('<ol class="vtree-list">')
    drawn: set[str] = set()

    def node_html(nid: str) -> None:
        node = tree.nodes[nid]
        drawn.add(nid)
        n = numbers[nid]
        label = f'{ui["step"]} {n}' + (f' – {ui["outcome"]}' if node.type == "outcome" else "")
        out.append(
            f'<li class="vtree-node vtree-node--{node.type}" id="{step_anchor(nid, lang)}"'
            f' data-node="{escape(nid)}" data-kind="{node.type}" data-num="{n}">'
        )
        out.append(f'<p class="vtree-node__title"><span class="vtree-num">{label}:</span> '
                   f'<span class="vtree-text">{_t(node.text, lang)}</span></p>')
        out.append(f'<div class="vtree-node__content">{_paras(node.details, lang, "vtree-details")}')
        out.extend(_body(node, lang, page_href))
        out.append("</div>")
        if node.answers:
            out.append('<ul class="vtree-answers">')
            for ans in node.answers:
                nxt = ans.next
                exists = nxt in tree.nodes
                out.append(f'<li class="vtree-answer" data-next="{escape(nxt)}">'
                           f'<span class="vtree-answer__label">{_t(ans.label, lang)}</span> '
                           '<span class="vtree-arrow" aria-hidden="true">→</span> ')
                if exists:
                    goto = ui["goto"].format(n=numbers[nxt])
                    out.append(f'<a class="vtree-goto" href="#{step_anchor(nxt, lang)}">{goto}</a>')
                    if nxt not in drawn:
                        out.append('<ol class="vtree-list">')
                        node_html(nxt)
                        out.append("</ol>")
                else:
                    out.append(f'<span>{ui["missing"]}</span>')
                out.append("</li>")
            out.append("</ul>")
        out.append("</li>")

    if start in tree.nodes:
        node_html(start)
    for nid in tree.nodes:  # nodes nothing leads to (a build error) are still shown
        if nid not in drawn:
            node_html(nid)
    out.append("</ol>")
    out.append("</div>")
    out.extend(_diagram(tree, lang, numbers))
    out.append("</div>")
    return "\n".join(out)


def _diagram(tree: Tree, lang: str, numbers: dict[str, int]) -> list[str]:
    ui = UI[lang]
    out = [f'<figure class="vtree-diagram" aria-labelledby="vtree-{escape(tree.id)}-diagram">',
           f'<figcaption id="vtree-{escape(tree.id)}-diagram">{ui["diagram"]}</figcaption>',
           '<ul class="vtree-chart">']
    drawn: set[str] = set()

    def box(nid: str) -> None:
        node = tree.nodes[nid]
        label = node.short if node.short is not None else node.text
        first = nid not in drawn
        drawn.add(nid)
        cls = f"vtree-box vtree-box--{node.type}" + ("" if first else " vtree-box--ref")
        arrow = "" if first else '<span aria-hidden="true">↪ </span>'
        out.append(f'<a class="{cls}" data-node="{escape(nid)}" href="#{step_anchor(nid, lang)}">'
                   f'{arrow}<span class="vtree-box__num">{numbers[nid]}.</span> {_t(label, lang)}</a>')
        if first and node.answers:
            out.append("<ul>")
            for ans in node.answers:
                out.append(f'<li><span class="vtree-edge">{_t(ans.label, lang)}</span>')
                if ans.next in tree.nodes:
                    box(ans.next)
                out.append("</li>")
            out.append("</ul>")

    start = tree.start_id
    for nid in ([start] if start in tree.nodes else []) + [n for n in tree.nodes if n != start]:
        if nid not in drawn:
            out.append("<li>")
            box(nid)
            out.append("</li>")
    out += ["</ul>", "</figure>"]
    return out


# ------------------------------------------------------------------------------ backlinks


def backlinks(trees: dict[str, Tree]) -> dict[str, list[tuple[str, str, dict[str, str]]]]:
    """For each linked content page (docs path, bokmål, no anchor): (tree id, node id, {nb, en} label)."""
    out: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
    for tid, tree in sorted(trees.items()):
        numbers = numbering(tree)
        for nid, node in sorted(tree.nodes.items(), key=lambda kv: numbers.get(kv[0], 0)):
            for link in node.links:
                page = link.page.split("#", 1)[0]
                entry = out.setdefault(page, [])
                if any(t == tid and n == nid for t, n, _ in entry):
                    continue
                short = node.short if node.short is not None else node.text
                labels = {
                    lang: f"{tree.title.get(lang)} – {UI[lang]['step'].lower()} {numbers.get(nid, '?')}: {short.get(lang)}"
                    for lang in ("nb", "en")
                }
                entry.append((tid, nid, labels))
    return out


def render_backlinks(
    entries: list[tuple[str, str, dict[str, str]]],
    *,
    lang: str,
    tree_href: Callable[[str, str], str],
) -> str:
    """The «Brukes i beslutningsstøtte» / «Used in decision support» box as raw HTML ('' if none).

    tree_href(tree_id, node_id) must return the relative URL of the tree page in this language,
    followed by '#' + step_anchor(node_id, lang).
    """
    if not entries:
        return ""
    lang = _lang(lang)
    items = "".join(
        f'<li><a href="{escape(tree_href(tid, nid))}">{escape(labels.get(lang, ""))}</a></li>'
        for tid, nid, labels in entries
    )
    return (f'<div class="admonition info vtree-backlinks">\n'
            f'<p class="admonition-title">{UI[lang]["backlinks"]}</p>\n'
            f"<ul>{items}</ul>\n</div>")
