"""Decision trees — the API the MkDocs hook calls (no mkdocs imports here).

- load_trees(folder, *, known_pages, check_text, rel_root, check_phone, check_anchor) -> (trees, problems):
  every problem in every tree file, each as file:line: what — how to fix
- render_tree(tree, *, lang, page_href) -> HTML for `{{ tree: <id> }}`
- backlinks(trees) -> {docs_path: [(tree_id, node_id, {nb, en} label)]}
- render_backlinks(entries, *, lang, tree_href) -> the «Brukes i beslutningsstøtte» box
- step_anchor(node_id, lang) -> 'steg=q2' / 'step=q2' (the fragment for tree_href)
"""
from __future__ import annotations

import re

from .tree_checks import check_tree_text, load_trees
from .tree_model import Tree, json_schema, schema_text
from .tree_render import backlinks, numbering, render_backlinks, render_tree, step_anchor

MARKER = re.compile(r"^[ \t]*\{\{\s*tree:\s*([a-z0-9][a-z0-9-]*)\s*\}\}[ \t]*$", re.MULTILINE)

__all__ = [
    "MARKER", "Tree", "backlinks", "check_tree_text", "json_schema", "load_trees", "numbering",
    "render_backlinks", "render_tree", "schema_text", "step_anchor",
]
