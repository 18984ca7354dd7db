from veileder.html_fixes import label_task_items


def test_task_item_text_becomes_the_checkbox_label():
    html = '<ul><li class="task-list-item"><input type="checkbox" disabled/> <strong>1. Krav.</strong> Tekst.</li></ul>'
    assert label_task_items(html) == '<ul><li class="task-list-item"><label><input type="checkbox"> <strong>1. Krav.</strong> Tekst.</label></li></ul>'


def test_checked_state_is_kept_and_block_items_are_left_alone():
    checked = '<li class="task-list-item"><input type="checkbox" disabled checked/> Ferdig</li>'
    assert '<input type="checkbox" checked>' in label_task_items(checked)
    block = '<li class="task-list-item"><input type="checkbox" disabled/><p>Avsnitt</p></li>'
    assert label_task_items(block) == block
