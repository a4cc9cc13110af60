"""A new period's areas: emptied by ``new --empty`` (tables keep their labels); old period words."""

from __future__ import annotations

import yaml

from generator.diagnostics import Diagnostics
from generator.drafting import yamledit
from generator.drafting.periods import mentions
from generator.schema import AreaFile, Period, TableItem
from generator.tabledata import label_columns
from generator.vnformat import period_text


def keep_notes(edits: yamledit.TextEdits, notes: yaml.Node, keep: dict[str, str]) -> None:
    """Delete the entries of the `notes` mapping that are not in `keep`."""
    if not keep:
        edits.replace(notes, "{}")
        return
    for key_node, _ in list(notes.value):
        if key_node.value not in keep:
            edits.delete_entry(notes, key_node.value)


def emptied(model: AreaFile) -> AreaFile:
    """Return `model` without text: its tables keep their labels, their figures are blanked."""
    sections = [section.model_copy(update={"paragraphs": _blank_tables(section.paragraphs)})
                for section in model.sections]
    paragraphs = _blank_tables(model.paragraphs)
    kept = {note for item in paragraphs + [p for s in sections for p in s.paragraphs]
            for note in _table_anchors(item.table)}
    notes = {key: note for key, note in model.notes.items() if key in kept}
    return model.model_copy(update={"paragraphs": paragraphs, "notes": notes,
                                    "sections": sections})


def _blank_tables(items: list) -> list[TableItem]:
    """Return the tables among `items`, each cell right of the label columns made ``""``."""
    out = []
    for item in items:
        if isinstance(item, TableItem):
            keep = label_columns(item.table)
            rows = [row[:keep] + [""] * (len(row) - keep) for row in item.table.rows]
            out.append(item.model_copy(update={
                "table": item.table.model_copy(update={"rows": rows})}))
    return out


def _table_anchors(table) -> set[str]:
    """Return the footnote ids a table's caption, header and cells still anchor."""
    from generator.inline import anchor_ids

    texts = [table.caption or ""] + [c if isinstance(c, str) else c.text
                                     for row in table.header for c in row]
    return {note for text in texts + [c for row in table.rows for c in row]
            for note in anchor_ids(text)}


def empty_area_edits(edits: yamledit.TextEdits, root: yaml.Node, written: set[int],
                     model: AreaFile, expected: AreaFile) -> None:
    """Empty the lists of paragraphs (a table stays, blanked) and the notes no table anchors."""
    lists = [(yamledit.value(root, "paragraphs"), model.paragraphs)]
    sections = yamledit.value(root, "sections")
    if isinstance(sections, yaml.SequenceNode):
        lists += [(yamledit.value(node, "paragraphs"), section.paragraphs)
                  for node, section in zip(sections.value, model.sections)]
    for node, items in lists:
        if id(node) in written or not isinstance(node, yaml.SequenceNode) or not node.value:
            continue
        if any(isinstance(item, TableItem) for item in items):
            _keep_blank_tables(edits, node, items)
        else:
            edits.replace(node, "[]")
    notes = yamledit.value(root, "notes")
    if isinstance(notes, yaml.MappingNode) and notes.value:
        keep_notes(edits, notes, expected.notes)


def _keep_blank_tables(edits: yamledit.TextEdits, node: yaml.SequenceNode,
                       items: list) -> None:
    """Delete the text items of a block list; blank the figures of its tables in place."""
    if node.flow_style:
        raise yamledit.EditError("a flow list of paragraphs")
    for item_node, item in zip(node.value, items, strict=True):
        if not isinstance(item, TableItem):
            edits.delete_item(item_node)
            continue
        rows = yamledit.value(yamledit.value(item_node, "table"), "rows")
        keep = label_columns(item.table)
        for row in rows.value if isinstance(rows, yaml.SequenceNode) else []:
            for cell in row.value[keep:] if isinstance(row, yaml.SequenceNode) else []:
                if isinstance(cell, yaml.ScalarNode) and cell.value:
                    edits.replace(cell, '""')


def table_period_words(found: Diagnostics, source, path: tuple, table, old: Period) -> None:
    """Warn once per table whose caption or header still names the previous period."""
    texts = [(path + ("caption",), table.caption or "")]
    texts += [(path + ("header", r, c) + (() if isinstance(cell, str) else ("text",)),
               cell if isinstance(cell, str) else cell.text)
              for r, row in enumerate(table.header) for c, cell in enumerate(row)]
    for where, text in texts:
        if mentions(text, old):
            location = source.locate(where)
            found.warning("new.period-words", f"tên bảng hoặc dòng tiêu đề của bảng còn nhắc "
                          f"'{period_text(old.kind, old.year)}' của kỳ trước; hãy sửa khi cập "
                          "nhật số liệu.", location, source.excerpt(location))
            return
