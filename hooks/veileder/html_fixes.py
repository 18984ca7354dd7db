"""Small corrections to the HTML that Markdown extensions produce, for accessibility."""
from __future__ import annotations

import re

_TASK = re.compile(r'<li class="task-list-item"><input type="checkbox" disabled(?P<checked> checked)?\s*/?>(?P<text>(?:(?!</li>|<li\b|<(?:p|div|ul|ol|table)\b).)*)</li>', re.S)


def label_task_items(html: str) -> str:
    """Checklist items as real, labelled checkboxes a reader can tick (axe: label): the item's text
    becomes the checkbox's label. Items holding block elements are left as they are."""
    def fix(m: re.Match) -> str:
        checked = " checked" if m.group("checked") else ""
        return f'<li class="task-list-item"><label><input type="checkbox"{checked}>{m.group("text")}</label></li>'

    return _TASK.sub(fix, html)
