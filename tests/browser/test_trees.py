"""Decision trees in Chromium, against the built site, for every tree in both languages.

Paths are generated from the tree data, not written out: every path of answers to every outcome is
followed by mouse and, separately, by keyboard alone (Tab, Enter, Space), going back one step at a
time. At every step the test reads what a reader gets: the question or outcome, its number, the
answers as buttons, the path of answers so far, Back and Start again, focus on the new heading, the
live-region announcement, the address, and at an outcome its actions, links, phone numbers and
legal basis. Also: a step's address opens that step (fresh load, reload, the browser's Back and
Forward, back from a linked page), the language switcher keeps the step, the page without
JavaScript shows every step as numbered nested steps whose links work, print shows the steps,
the diagram is legible on a phone, the «Brukes i beslutningsstøtte» box on every linked page, and
axe in every kind of state (start, a question further in, an outcome, no JavaScript, phone width).

One page per tree and language for each kind of check, many checks in it (CI has two cores).
"""
from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import json

import pytest

from tests.support.axe import assert_no_axe_violations
from veileder.tree_model import Tree, load_yaml
from veileder.trees import backlinks, numbering, step_anchor

ROOT = Path(__file__).resolve().parents[2]
TREES = {p.stem: Tree.model_validate(load_yaml(p.read_text(encoding="utf-8")).data)
         for p in sorted((ROOT / "data" / "trees").glob("*.yml"))}
LANGS = ["nb", "en"]
CASES = [(tid, lang) for tid in TREES for lang in LANGS]
IDS = [f"{tid}-{lang}" for tid, lang in CASES]
WORDS = {
    "nb": {"step": "Steg", "outcome": "Resultat", "question": "Nytt spørsmål: ", "result": "Resultat: ", "restart": "Startet på nytt. "},
    "en": {"step": "Step", "outcome": "Outcome", "question": "New question: ", "result": "Outcome: ", "restart": "Started again. "},
}


def norm(text: str) -> str:
    return " ".join((text or "").split())


def url_of(base_url: str, tree_id: str, lang: str, node: str | None = None, query: str = "") -> str:
    prefix = "/en" if lang == "en" else ""
    url = f"{base_url}{prefix}/beslutningsstotte/{tree_id}/{query}"
    return url + (f"#{step_anchor(node, lang)}" if node else "")


def page_path(docs_path: str, lang: str) -> str:
    """The address path of a content page ('tiltak/index.md' -> '/tiltak/', '/en/tiltak/' in English)."""
    page, _, anchor = docs_path.partition("#")
    slug = re.sub(r"(^|/)index\.md$", r"\1", page)
    slug = re.sub(r"\.md$", "/", slug)
    return ("/en/" if lang == "en" else "/") + slug + (f"#{anchor}" if anchor else "")


def shortest(tree: Tree, target: str) -> list[str]:
    prev: dict[str, str | None] = {tree.start_id: None}
    queue = deque([tree.start_id])
    while queue:
        cur = queue.popleft()
        for nxt in tree.edges(cur):
            if nxt not in prev:
                prev[nxt] = cur
                queue.append(nxt)
    out: list[str] = []
    node: str | None = target
    while node is not None:
        out.insert(0, node)
        node = prev[node]
    return out


def every_path(tree: Tree) -> list[list[int]]:
    """Every path of answers from the start to an outcome, as answer indexes."""
    out: list[list[int]] = []

    def walk(nid: str, taken: list[int]) -> None:
        node = tree.nodes[nid]
        if node.type == "outcome":
            out.append(taken)
        for i, ans in enumerate(node.answers):
            walk(ans.next, [*taken, i])

    walk(tree.start_id, [])
    return out


def nodes_on(tree: Tree, answers: list[int]) -> list[str]:
    path = [tree.start_id]
    for i in answers:
        path.append(tree.nodes[path[-1]].answers[i].next)
    return path


STATE = """(id) => {
  const r = document.getElementById('vtree-' + id), q = s => r.querySelector(s), all = s => [...r.querySelectorAll(s)];
  const shown = el => !!el && !el.hidden && el.getClientRects().length > 0;
  return {
    current: r.getAttribute('data-current'),
    kicker: q('.vtree-kicker').textContent, heading: q('.vtree-heading').textContent,
    headingShown: shown(q('.vtree-heading')), stepsShown: shown(q('.vtree-steps')),
    focus: document.activeElement ? document.activeElement.id : '',
    hash: decodeURIComponent(location.hash.slice(1)),
    trail: shown(q('.vtree-trail')) ? all('.vtree-trail__item').map(li => [li.querySelector('.vtree-trail__q').textContent,
                                                     li.querySelector('.vtree-trail__a').lastChild.textContent]) : [],
    choices: shown(q('.vtree-choices')) ? all('.vtree-choices button').map(b => [b.tagName, b.type, b.textContent]) : [],
    back: shown(q('.vtree-back')), restart: shown(q('.vtree-restart')),
    actions: all('.vtree-content .vtree-actions li').map(x => x.textContent),
    links: all('.vtree-content .vtree-links a').map(a => [a.textContent, new URL(a.href).pathname + new URL(a.href).hash]),
    legal: all('.vtree-content .vtree-legal li').map(x => x.textContent),
    phones: all('.vtree-content .vtree-phones li').map(x => [x.textContent, (x.querySelector('a[href^="tel:"]') || {}).href || '']),
    box: all('.vtree-diagram a[aria-current="step"]').map(a => a.getAttribute('data-node')),
    langLinks: [...document.querySelectorAll('.md-select a[hreflang]')].map(a => [a.getAttribute('hreflang'), a.getAttribute('href')]),
  };
}"""


def check_step(page, tree: Tree, lang: str, path: list[str], *, focused: bool = True, announced: str | None = "") -> None:
    """What the reader sees at the last step of `path` (node ids from the start)."""
    s = page.evaluate(STATE, tree.id)
    nid = path[-1]
    node = tree.nodes[nid]
    where = f"{tree.id} ({lang}) at {' → '.join(path)}"
    assert s["current"] == nid, where
    assert s["headingShown"] and not s["stepsShown"], where
    assert norm(s["heading"]) == norm(node.text.get(lang)), where
    words = WORDS[lang]
    expected_kicker = words["outcome"] if node.type == "outcome" else f"{words['step']} {numbering(tree)[nid]}"
    assert norm(s["kicker"]) == expected_kicker, where
    assert [(norm(q), norm(a)) for q, a in s["trail"]] == [
        (norm(tree.nodes[a].text.get(lang)), norm(next(x.label.get(lang) for x in tree.nodes[a].answers if x.next == b)))
        for a, b in zip(path, path[1:])], f"the path of answers so far, {where}"
    assert s["choices"] == [["BUTTON", "button", ans.label.get(lang)] for ans in node.answers], where
    assert s["back"] == s["restart"] == (len(path) > 1), where
    assert s["hash"] == (step_anchor(nid, lang) if len(path) > 1 else ""), f"the address, {where}"
    if focused:
        assert s["focus"] == f"vtree-{tree.id}-heading", f"focus must move to the new step's heading, {where}"
    assert s["box"] == [nid], f"the diagram marks the current step, {where}"
    other = "en" if lang == "nb" else "nb"
    switch = dict(s["langLinks"])[other]
    assert switch.endswith(f"#{step_anchor(nid, other)}") if len(path) > 1 else "#" not in switch, f"language switcher, {where}"
    assert [norm(x) for x in s["actions"]] == [norm(a.get(lang)) for a in node.actions], where
    assert [(norm(t), h) for t, h in s["links"]] == [(norm(link.text.get(lang)), page_path(link.page, lang)) for link in node.links], where
    assert [norm(x) for x in s["legal"]] == [norm(x.get(lang)) for x in node.legal], where
    assert len(s["phones"]) == len(node.phones), where
    for (text, tel), phone in zip(s["phones"], node.phones):
        assert norm(phone.number) in norm(text) and norm(phone.text.get(lang)) in norm(text), where
        assert tel == "tel:" + phone.number.replace(" ", ""), where
    if announced is not None:
        words = WORDS[lang]
        expected = announced + (words["result"] if node.type == "outcome" else words["question"]) + norm(node.text.get(lang))
        page.wait_for_function("([id, text]) => document.querySelector('#vtree-' + id + ' .vtree-live').textContent.replace(/\\s+/g, ' ').trim() === text",
                               arg=[tree.id, expected], timeout=3000)


def tab_to(page, selector: str, *, back: bool = False, limit: int = 120) -> None:
    """Press Tab (Shift+Tab) until the focused element matches `selector`."""
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"keyboard focus never reached {selector}")


def walk(page, tree: Tree, lang: str, *, choose, back, on_step=None) -> int:
    """Follow every path of answers, depth first: choose an answer, check, go on, come Back, check."""
    root = tree.start_id
    moves = 0

    def visit(path: list[str]) -> None:
        nonlocal moves
        for i, ans in enumerate(tree.nodes[path[-1]].answers):
            choose(i, ans.next)
            here = [*path, ans.next]
            check_step(page, tree, lang, here)
            moves += 1
            if on_step:
                on_step(here)
            visit(here)
            back()
            check_step(page, tree, lang, path, announced=None)

    visit([root])
    return moves


# Search is not what these tests are about, and building its index on every one of the many page
# loads here costs CPU the tests need: serve an empty index (the search box still works, finding nothing).
EMPTY_INDEX = json.dumps({"config": {"lang": ["no", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                                     "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
                          "docs": [{"location": "", "title": "", "text": ""}]})


def no_search_index(page):
    page.route("**/search/search_index.json", lambda r: r.fulfill(status=200, content_type="application/json", body=EMPTY_INDEX))
    return page


@pytest.fixture
def tree_page(page):
    return no_search_index(page)


# ----------------------------------------------------------------------------- mouse


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_every_path_by_mouse(tree_page, base_url, tree_id, lang):
    page = tree_page
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    app = page.locator(f"#vtree-{tree_id}")
    check_step(page, tree, lang, [tree.start_id], focused=False, announced=None)
    assert_no_axe_violations(page)  # the start
    axed = set()

    def choose(i, nxt):
        app.locator(".vtree-choices button").nth(i).click()

    def on_step(path):
        if not axed and tree.nodes[path[-1]].type == "outcome":  # the first outcome (a question further in: on a phone)
            axed.add(path[-1])
            assert_no_axe_violations(page)

    moves = walk(page, tree, lang, choose=choose, back=lambda: app.locator(".vtree-back").click(), on_step=on_step)
    assert moves == len({tuple(p[:k]) for p in every_path(tree) for k in range(1, len(p) + 1)})  # every answer on every path
    assert axed
    # the longest path, then a changed answer from the path so far, then Start again
    answers = max(every_path(tree), key=len)
    path = nodes_on(tree, answers)
    for i in answers:
        app.locator(".vtree-choices button").nth(i).click()
    check_step(page, tree, lang, path)
    app.locator(".vtree-trail__a").nth(1).click()
    check_step(page, tree, lang, path[:2])
    app.locator(".vtree-choices button").nth(answers[1]).click()
    check_step(page, tree, lang, path[:3])
    app.locator(".vtree-restart").click()
    check_step(page, tree, lang, [tree.start_id], announced=WORDS[lang]["restart"])
    # a box in the overview diagram opens its step
    target = path[-1]
    app.locator(f'.vtree-diagram a.vtree-box[data-node="{target}"]:not(.vtree-box--ref)').click()
    check_step(page, tree, lang, shortest(tree, target))


def test_every_answer_is_on_some_path():
    for tree in TREES.values():
        taken = {(nodes_on(tree, p[:k])[-1], p[k]) for p in every_path(tree) for k in range(len(p))}
        assert taken == {(nid, i) for nid, n in tree.nodes.items() for i in range(len(n.answers))}, tree.id


# ----------------------------------------------------------------------------- keyboard


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_every_path_by_keyboard_alone(tree_page, base_url, tree_id, lang):
    page = tree_page
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    sel = f"#vtree-{tree_id}"
    presses = iter(["Enter", "Space"] * 1000)

    def choose(i, nxt):
        tab_to(page, f"{sel} .vtree-choices button:nth-child({i + 1})")
        page.keyboard.press(next(presses))

    def back():
        tab_to(page, f"{sel} .vtree-back")
        page.keyboard.press(next(presses))

    assert walk(page, tree, lang, choose=choose, back=back) == len({tuple(p[:k]) for p in every_path(tree) for k in range(1, len(p) + 1)})
    # the path of answers and Start again, by keyboard too
    answers = max(every_path(tree), key=len)
    path = nodes_on(tree, answers)
    for i in answers:
        choose(i, None)
    check_step(page, tree, lang, path)
    tab_to(page, f"{sel} .vtree-trail__a[data-depth='1']", back=True)
    page.keyboard.press("Enter")
    check_step(page, tree, lang, path[:2])
    tab_to(page, f"{sel} .vtree-restart")
    page.keyboard.press("Space")
    check_step(page, tree, lang, [tree.start_id], announced=WORDS[lang]["restart"])


# ----------------------------------------------------------------------------- addresses


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_a_step_address_opens_that_step(tree_page, base_url, tree_id, lang):
    page = tree_page
    tree = TREES[tree_id]
    # a link to each step, opened as a colleague would (a fresh load: the query makes it one)
    for nid in tree.nodes:
        page.goto(url_of(base_url, tree_id, lang, nid, query=f"?fra=lenke-{nid}"), wait_until="domcontentloaded")
        path = shortest(tree, nid)
        check_step(page, tree, lang, path, focused=len(path) > 1, announced=None)
    # the longest path by clicks; reload keeps the step and the answers given; Back and Forward follow the steps
    answers = max(every_path(tree), key=len)
    path = nodes_on(tree, answers)
    page.goto(url_of(base_url, tree_id, lang))
    app = page.locator(f"#vtree-{tree_id}")
    for i in answers:
        app.locator(".vtree-choices button").nth(i).click()
    page.reload()
    check_step(page, tree, lang, path, announced=None)
    page.go_back()
    check_step(page, tree, lang, path[:-1], announced=None)
    page.go_back()
    check_step(page, tree, lang, path[:-2], announced=None)
    page.go_forward()
    check_step(page, tree, lang, path[:-1], announced=None)
    page.go_forward()
    check_step(page, tree, lang, path, announced=None)
    # to a page the outcome links to, and back with the browser's Back
    node = tree.nodes[path[-1]]
    if node.links:
        app.locator(".vtree-content .vtree-links a").first.click()
        page.wait_for_url(f"**{page_path(node.links[0].page, lang)}")
        page.go_back()
        check_step(page, tree, lang, path, focused=False, announced=None)
    # the language switcher opens the same step in the other language
    other = "en" if lang == "nb" else "nb"
    page.locator(f'.md-select a[hreflang="{other}"]').evaluate("a => a.click()")
    page.wait_for_url(f"**#{step_anchor(path[-1], other)}")
    check_step(page, tree, other, shortest(tree, path[-1]), announced=None)
    # print: the whole tree, every step, without the step-by-step view
    page.emulate_media(media="print")
    assert page.locator(f"#vtree-{tree_id} .vtree-steps").is_visible()
    assert not page.locator(f"#vtree-{tree_id} .vtree-app").is_visible()
    for nid in tree.nodes:
        assert page.locator(f'#vtree-{tree_id} .vtree-steps li.vtree-node[data-node="{nid}"]').is_visible(), nid
    if tree_id == sorted(TREES)[0]:
        assert_no_axe_violations(page)
    page.emulate_media(media="screen")


# ----------------------------------------------------------------------------- no JavaScript


@pytest.fixture
def nojs_page(guarded):
    return guarded(java_script_enabled=False, viewport={"width": 375, "height": 800}).new_page()


@pytest.fixture
def scriptless_page(guarded):
    """The page as without JavaScript, for axe (which needs a script engine): the site's scripts are empty."""
    return guarded(empty_scripts=True).new_page()


NO_SPLIT_WORDS = """(sel) => { const bad = [];
  for (const el of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let n;
    while ((n = walker.nextNode())) { const re = /[^\\s\\-\u2013\u2010]+/g; let m;
      while ((m = re.exec(n.data))) { const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const rects = [...r.getClientRects()].filter(x => x.width > 0);
        if (rects.length > 1 && Math.abs(rects[0].top - rects[rects.length - 1].top) > 2) bad.push(m[0]); } } }
  return bad; }"""


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_without_javascript_every_step_is_shown_nested_and_can_be_followed(nojs_page, scriptless_page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    numbers = numbering(tree)
    page = nojs_page
    page.goto(url_of(base_url, tree_id, lang))
    assert page.locator(f"#vtree-{tree_id} .vtree-steps").is_visible()
    assert page.locator(f"#vtree-{tree_id} .vtree-app").count() == 0
    word = WORDS[lang]["step"]
    drawn = page.evaluate("""(id) => [...document.querySelectorAll('#vtree-' + id + ' li.vtree-node')].map(li => ({
        id: li.id, node: li.dataset.node, num: Number(li.dataset.num), visible: li.getClientRects().length > 0,
        title: li.querySelector(':scope > .vtree-node__title').textContent,
        actions: [...li.querySelectorAll(':scope > .vtree-node__content .vtree-actions li')].map(x => x.textContent),
        answers: [...li.querySelectorAll(':scope > .vtree-answers > li')].map(a => ({
            label: a.querySelector('.vtree-answer__label').textContent,
            href: (a.querySelector(':scope > a.vtree-goto') || {}).getAttribute?.('href'),
            nested: [...a.querySelectorAll(':scope > ol > li.vtree-node')].map(x => x.dataset.node)})),
    }))""", tree_id)
    assert sorted(d["node"] for d in drawn) == sorted(tree.nodes), "every step, once"
    by_node = {d["node"]: d for d in drawn}
    for nid, d in by_node.items():
        node = tree.nodes[nid]
        assert d["id"] == step_anchor(nid, lang) and d["visible"], nid
        assert d["num"] == numbers[nid], nid
        title = norm(d["title"])
        assert title.startswith(f"{word} {numbers[nid]}") and norm(node.text.get(lang)) in title, (nid, title)
        assert [norm(x) for x in d["actions"]] == [norm(a.get(lang)) for a in node.actions], nid
        assert [norm(a["label"]) for a in d["answers"]] == [norm(a.label.get(lang)) for a in node.answers], nid
        assert [a["href"] for a in d["answers"]] == [f"#{step_anchor(a.next, lang)}" for a in node.answers], nid
    # nested: reading from step 1, each step is drawn inside the first answer that leads to it
    seen = {tree.start_id}

    def nested(nid: str) -> None:
        for ans, shown in zip(tree.nodes[nid].answers, by_node[nid]["answers"]):
            first = ans.next not in seen
            assert shown["nested"] == ([ans.next] if first else []), (nid, ans.next)
            if first:
                seen.add(ans.next)
                nested(ans.next)

    nested(tree.start_id)
    assert seen == set(tree.nodes)
    assert sorted(numbers.values()) == list(range(1, len(tree.nodes) + 1))
    # every «go to step n» link lands on that step
    for link in page.locator(f"#vtree-{tree_id} a.vtree-goto").all():
        target = link.get_attribute("href")[1:]
        link.click()
        assert page.evaluate("decodeURIComponent(location.hash.slice(1))") == target
        box = page.locator(f'[id="{target}"]').bounding_box()
        assert box and 0 <= box["y"] < 800, f"{target} is not scrolled into view"
    # legible on a phone: nothing wider than the screen, no word split over two lines
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate(NO_SPLIT_WORDS, f"#vtree-{tree_id}") == []
    scriptless_page.goto(url_of(base_url, tree_id, lang))
    assert scriptless_page.locator(f"#vtree-{tree_id}.vtree--enhanced").count() == 0
    assert_no_axe_violations(scriptless_page)


# ----------------------------------------------------------------------------- phone width


@pytest.fixture
def phone_page(guarded):
    return no_search_index(guarded(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True).new_page())


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_on_a_phone_the_diagram_and_steps_are_legible(phone_page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    page = phone_page
    page.goto(url_of(base_url, tree_id, lang))
    diagram = f"#vtree-{tree_id} .vtree-diagram"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    sizes = page.evaluate("(s) => { const d = document.querySelector(s); return [d.scrollWidth, d.clientWidth]; }", diagram)
    assert sizes[0] <= sizes[1], f"the diagram needs sideways scrolling on a phone: {sizes}"
    assert page.evaluate(NO_SPLIT_WORDS, f"{diagram} .vtree-box, {diagram} .vtree-edge") == []
    assert page.locator(f"{diagram} a.vtree-box:not(.vtree-box--ref)").count() == len(tree.nodes)
    # the step view: answers as buttons that fit the screen, tapped through the longest path
    answers = max(every_path(tree), key=len)
    path = nodes_on(tree, answers)
    for k, i in enumerate(answers):
        buttons = page.locator(f"#vtree-{tree_id} .vtree-choices button")
        for box in [b.bounding_box() for b in buttons.all()]:
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] >= 44
        buttons.nth(i).tap()
        if k == 1:
            assert_no_axe_violations(page)  # a question further in
    check_step(page, tree, lang, path)
    assert page.evaluate(NO_SPLIT_WORDS, f"#vtree-{tree_id} .vtree-app") == []
    assert_no_axe_violations(page)  # an outcome


# ----------------------------------------------------------------------------- content pages


LINKED = sorted(backlinks(TREES).items())


@pytest.mark.parametrize("lang", LANGS)
def test_every_linked_page_links_back_to_the_tree_steps(tree_page, base_url, lang):
    page = tree_page
    title = {"nb": "Brukes i beslutningsstøtte", "en": "Used in decision support"}[lang]
    numbers = {tid: numbering(tree) for tid, tree in TREES.items()}
    word = WORDS[lang]["step"].lower()
    for docs_path, entries in LINKED:
        page.goto(base_url + page_path(docs_path, lang), wait_until="domcontentloaded")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.vtree-backlinks')].map(b => ({
            title: b.querySelector('.admonition-title').textContent, visible: b.getClientRects().length > 0,
            links: [...b.querySelectorAll('a')].map(a => [a.textContent, a.href])}))""")
        assert len(boxes) == 1 and boxes[0]["visible"], docs_path
        assert norm(boxes[0]["title"]) == title, docs_path
        expected = []
        for tid, nid, _ in entries:
            tree = TREES[tid]
            short = (tree.nodes[nid].short or tree.nodes[nid].text).get(lang)
            expected.append([norm(f"{tree.title.get(lang)} – {word} {numbers[tid][nid]}: {short}"), url_of(base_url, tid, lang, nid)])
        assert [[norm(t), h] for t, h in boxes[0]["links"]] == expected, docs_path
    # and such a link opens the tree at that step
    docs_path, entries = LINKED[-1]
    tid, nid, _ = entries[-1]
    page.locator(".vtree-backlinks a").last.click()
    page.wait_for_url(f"**#{step_anchor(nid, lang)}")
    check_step(page, TREES[tid], lang, shortest(TREES[tid], nid), announced=None)
    assert_no_axe_violations(page)


def test_every_tree_has_a_page_in_both_languages(tree_page, base_url):
    page = tree_page
    for tid, tree in TREES.items():
        for lang in LANGS:
            response = page.goto(url_of(base_url, tid, lang))
            assert response.ok, (tid, lang)
            assert page.locator("html").get_attribute("lang") == lang
            assert norm(page.locator("article h1").inner_text()) == norm(tree.title.get(lang))
            assert page.locator(f"#vtree-{tid}.vtree--enhanced").count() == 1
