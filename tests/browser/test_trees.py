"""Decision trees in the browser: every tree followed to every outcome and back, by mouse and by
keyboard alone; a step's address opens that step; browser Back/Forward; the no-JavaScript and
print versions show every step; the «Brukes i beslutningsstøtte» box; axe in every state."""
from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.axe import assert_no_axe_violations
from veileder.tree_model import Tree, load_yaml
from veileder.trees import backlinks, step_anchor

ROOT = Path(__file__).resolve().parents[2]
TREES = {p.stem: Tree.model_validate(load_yaml(p.read_text(encoding="utf-8")).data)
         for p in sorted((ROOT / "data" / "trees").glob("*.yml"))}
LANGS = ["nb", "en"]
CASES = [(tid, lang) for tid in TREES for lang in LANGS]
IDS = [f"{tid}-{lang}" for tid, lang in CASES]


def norm(text: str) -> str:
    return " ".join(text.split())


def url_of(base_url: str, tree_id: str, lang: str, node: str | None = None) -> str:
    prefix = "/en" if lang == "en" else ""
    url = f"{base_url}{prefix}/beslutningsstotte/{tree_id}/"
    return url + (f"#{step_anchor(node, lang)}" if node else "")


def path_to(tree: Tree, target: str) -> list[str]:
    start = tree.start_id
    prev: dict[str, str | None] = {start: None}
    queue = deque([start])
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


def label(tree: Tree, frm: str, to: str, lang: str) -> str:
    return next(a.label.get(lang) for a in tree.nodes[frm].answers if a.next == to)


def outcomes(tree: Tree) -> list[str]:
    return [nid for nid, n in tree.nodes.items() if n.type == "outcome"]


def heading(page, tree_id: str):
    return page.locator(f"#vtree-{tree_id}-heading")


def expect_step(page, tree: Tree, node: str, lang: str, depth: int) -> None:
    h = heading(page, tree.id)
    assert norm(h.inner_text()) == norm(tree.nodes[node].text.get(lang))
    assert page.locator(f"#vtree-{tree.id} .vtree-trail__item").count() == depth
    assert page.locator(f"#vtree-{tree.id}").get_attribute("data-current") == node


def frag(page) -> str:
    """The address fragment as the page sees it (page.url can lag behind history.pushState)."""
    return page.evaluate("decodeURIComponent(location.hash.slice(1))")


def focused_is_heading(page, tree_id: str) -> bool:
    return page.evaluate(f"document.activeElement && document.activeElement.id === 'vtree-{tree_id}-heading'")


# ----------------------------------------------------------------------------- mouse


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_mouse_through_every_outcome_and_back(page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    root = page.locator(f"#vtree-{tree_id}")
    assert "vtree--enhanced" in (root.get_attribute("class") or "")
    assert not page.locator(f"#vtree-{tree_id} .vtree-steps").is_visible()
    for target in outcomes(tree):
        steps = path_to(tree, target)
        expect_step(page, tree, steps[0], lang, 0)
        for i, (frm, to) in enumerate(zip(steps, steps[1:])):
            button = root.locator(f'.vtree-choice[data-next="{to}"]').first
            assert norm(button.inner_text()) == norm(label(tree, frm, to, lang))
            button.click()
            expect_step(page, tree, to, lang, i + 1)
            assert frag(page) == step_anchor(to, lang)
        # the outcome shows its actions, links, phones and legal basis
        node = tree.nodes[target]
        content = root.locator(".vtree-content")
        assert content.locator(".vtree-actions li").count() == len(node.actions)
        assert content.locator(".vtree-links a").count() == len(node.links)
        assert content.locator(".vtree-legal li").count() == len(node.legal)
        assert not root.locator(".vtree-choices").is_visible()
        # and back, one step at a time, to the start
        for depth in range(len(steps) - 2, -1, -1):
            root.locator(".vtree-back").click()
            expect_step(page, tree, steps[depth], lang, depth)
        assert not root.locator(".vtree-back").is_visible()


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_restart_trail_and_browser_history(page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    target = max(outcomes(tree), key=lambda o: len(path_to(tree, o)))
    steps = path_to(tree, target)
    page.goto(url_of(base_url, tree_id, lang))
    root = page.locator(f"#vtree-{tree_id}")
    for frm, to in zip(steps, steps[1:]):
        root.locator(f'.vtree-choice[data-next="{to}"]').first.click()
    # the trail lists every answer given; choosing one goes back to that question
    trail = root.locator(".vtree-trail__a")
    assert trail.count() == len(steps) - 1
    for i, (frm, to) in enumerate(zip(steps, steps[1:])):
        assert label(tree, frm, to, lang) in norm(trail.nth(i).inner_text())
    # the browser's Back and Forward follow the steps
    page.go_back()
    expect_step(page, tree, steps[-2], lang, len(steps) - 2)
    page.go_forward()
    expect_step(page, tree, steps[-1], lang, len(steps) - 1)
    trail.first.click()
    expect_step(page, tree, steps[0], lang, 0)
    assert focused_is_heading(page, tree_id)
    # restart from a deep step
    page.go_back()
    expect_step(page, tree, steps[-1], lang, len(steps) - 1)
    root.locator(".vtree-restart").click()
    expect_step(page, tree, steps[0], lang, 0)
    assert frag(page) == ""
    assert focused_is_heading(page, tree_id)
    live = root.locator(".vtree-live")
    assert live.get_attribute("aria-live") == "polite"
    page.wait_for_function(f"document.querySelector('#vtree-{tree_id} .vtree-live').textContent.length > 0")


# ----------------------------------------------------------------------------- keyboard


def tab_to(page, selector_js: str, limit: int = 400, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until document.activeElement matches the test."""
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({selector_js}); }})()"):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"keyboard focus never reached: {selector_js}")


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_keyboard_alone_through_every_outcome_and_back(page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    for target in outcomes(tree):
        steps = path_to(tree, target)
        expect_step(page, tree, steps[0], lang, 0)
        for i, (frm, to) in enumerate(zip(steps, steps[1:])):
            tab_to(page, f"el.matches('#vtree-{tree_id} .vtree-choice[data-next=\"{to}\"]')")
            page.keyboard.press("Enter")
            expect_step(page, tree, to, lang, i + 1)
            assert focused_is_heading(page, tree_id), "focus must move to the new step's heading"
        for depth in range(len(steps) - 2, -1, -1):
            tab_to(page, f"el.matches('#vtree-{tree_id} .vtree-back')")
            page.keyboard.press("Enter" if depth % 2 else "Space")
            expect_step(page, tree, steps[depth], lang, depth)
            assert focused_is_heading(page, tree_id)


# ----------------------------------------------------------------------------- addresses + axe


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_every_step_address_opens_that_step_and_passes_axe(page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    assert_no_axe_violations(page)
    for node in tree.nodes:
        steps = path_to(tree, node)
        # a fresh load of the address, as when a colleague opens the link (the query makes it a new load)
        page.goto(url_of(base_url, tree_id, lang, node).replace("/#", f"/?fra=lenke-{node}#"))
        expect_step(page, tree, node, lang, len(steps) - 1)
        if len(steps) > 1:
            assert focused_is_heading(page, tree_id)
        assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_diagram_links_open_the_step(page, base_url, lang):
    tree_id = "skal-politiet-involveres"
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    diagram = page.locator(f"#vtree-{tree_id} .vtree-diagram")
    boxes = diagram.locator("a.vtree-box:not(.vtree-box--ref)")
    assert boxes.count() == len(tree.nodes)
    target = outcomes(tree)[-1]
    diagram.locator(f'a.vtree-box[data-node="{target}"]').first.click()
    expect_step(page, tree, target, lang, len(path_to(tree, target)) - 1)
    assert diagram.locator(f'a[data-node="{target}"][aria-current="step"]').count() == 1


# ----------------------------------------------------------------------------- no JavaScript, print


@pytest.fixture
def nojs_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    local = urlparse(base_url).netloc
    context.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).netloc == local else r.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("tree_id, lang", CASES, ids=IDS)
def test_without_javascript_every_step_is_shown(nojs_page, base_url, tree_id, lang):
    tree = TREES[tree_id]
    page = nojs_page
    page.goto(url_of(base_url, tree_id, lang))
    steps = page.locator(f"#vtree-{tree_id} .vtree-steps")
    assert steps.is_visible()
    assert page.locator(f"#vtree-{tree_id} .vtree-app").count() == 0
    nums = []
    for nid, node in tree.nodes.items():
        li = page.locator(f'[id="{step_anchor(nid, lang)}"]')
        assert li.count() == 1, nid
        assert li.is_visible(), nid
        title = norm(li.locator(".vtree-node__title").first.inner_text())
        assert norm(node.text.get(lang)) in title
        nums.append(int(li.get_attribute("data-num")))
        for ans in node.answers:
            assert li.locator(f':scope > .vtree-answers > li[data-next="{ans.next}"] > a.vtree-goto[href="#{step_anchor(ans.next, lang)}"]').count() == sum(
                a.next == ans.next for a in node.answers)
        for act in node.actions:
            assert norm(act.get(lang)) in norm(li.locator(".vtree-actions").first.inner_text())
    assert sorted(nums) == list(range(1, len(tree.nodes) + 1))
    # following a "go to step" link lands on that step
    first_answer = tree.nodes[tree.start_id].answers[0].next
    page.locator(f'[id="{step_anchor(tree.start_id, lang)}"] > .vtree-answers a.vtree-goto').first.click()
    assert frag(page) == step_anchor(first_answer, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_print_shows_the_whole_tree(page, base_url, lang):
    tree_id = "dele-opplysninger"
    tree = TREES[tree_id]
    page.goto(url_of(base_url, tree_id, lang))
    page.emulate_media(media="print")
    assert page.locator(f"#vtree-{tree_id} .vtree-steps").is_visible()
    assert not page.locator(f"#vtree-{tree_id} .vtree-app").is_visible()
    for nid in tree.nodes:
        assert page.locator(f'#vtree-{tree_id} .vtree-node[data-node="{nid}"]').is_visible(), nid
    assert_no_axe_violations(page)  # the full nested steps, as printed and as seen without JavaScript
    page.emulate_media(media="screen")


# ----------------------------------------------------------------------------- content pages


LINKED = sorted(backlinks(TREES).items())


@pytest.mark.parametrize("lang", LANGS)
def test_content_pages_link_back_to_tree_steps(page, base_url, lang):
    title = {"nb": "Brukes i beslutningsstøtte", "en": "Used in decision support"}[lang]
    for docs_path, entries in LINKED[:6] + LINKED[-2:]:
        slug = re.sub(r"(index)?\.md$", "", docs_path)
        page.goto(f"{base_url}{'/en' if lang == 'en' else ''}/{slug}")
        box = page.locator(".vtree-backlinks")
        assert box.count() == 1, docs_path
        assert title in box.inner_text()
        assert box.locator("a").count() == len(entries)
    # the last page's first backlink opens the tree at that step
    docs_path, entries = LINKED[-1]
    tree_id, node_id, _ = entries[0]
    page.locator(".vtree-backlinks a").first.click()
    page.wait_for_load_state()
    assert frag(page) == step_anchor(node_id, lang)
    expect_step(page, TREES[tree_id], node_id, lang, len(path_to(TREES[tree_id], node_id)) - 1)
    assert_no_axe_violations(page)
