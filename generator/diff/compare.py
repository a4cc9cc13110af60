"""Compare two resolved reports into the merged document (`merged.Comparison`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from generator.diff.align import align
from generator.diff.merged import DEL, INS, SAME, Comparison, Link, MergedAppendix, Note, Para
from generator.diff.tables import (
    comparable,
    merge_tables,
    table_similarity,
    table_tokens,
    whole_table,
)
from generator.diff.words import Text, Token, diff, text_similarity, whole
from generator.model import Appendix, Block, Footnote, Inline, Report, Run, Table
from generator.profiles.fields import BY_NAME, FIELDS

HEADING_NUMBER = re.compile(r"^[0-9IVXLCDM.]+ $")
"""The numbering run resolve puts first in a heading (``II. ``, ``1.2. ``)."""


class _Item(NamedTuple):
    """One paragraph of one side, ready to compare: its text, or a table and the table's words.

    `align` matches equal paragraphs by kind and `key` (a heading's without its number).
    """

    kind: str
    key: tuple
    text: Text | None = None
    table: Table | None = None
    table_tokens: tuple[Token, ...] = ()

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.table_tokens if self.text is None else self.text.tokens


def compare(old: Report, new: Report) -> Comparison:
    """Return the merged document of `old` → `new`."""
    fields = {f.name: _field(f.name, old.fields.get(f.name, ""), new.fields.get(f.name, ""))
              for f in FIELDS}
    title = _edited("title", old.title, new.title)
    body = tuple(_merge([_block(b) for b in old.body], [_block(b) for b in new.body]))
    closing = _edited("p", old.closing, new.closing)
    recipients = tuple(_merge([_line(r) for r in old.recipients],
                              [_line(r) for r in new.recipients]))
    appendices = _appendices(old.appendices, new.appendices)
    paragraphs = (title, *body, closing, *(p for a in appendices for p in a.body))
    notes = _notes(paragraphs, old.footnotes, new.footnotes)
    return Comparison(fields, title, body, closing, notes, recipients, new.frame, appendices)


def _appendices(old: Sequence[Appendix], new: Sequence[Appendix]) -> tuple[MergedAppendix, ...]:
    """Return the appendices paired in order; one left over came or went whole."""
    out = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        shown = b or a
        change = SAME if a and b else (INS if b else DEL)
        body = _merge([_block(x) for x in a.body] if a else [],
                      [_block(x) for x in b.body] if b else [])
        out.append(MergedAppendix(shown.label, shown.title, shown.reference, shown.landscape,
                                  change, tuple(body), a.title if a else ""))
    return tuple(out)


def _field(name: str, old: str, new: str) -> Para:
    a, b = Text((Run(old),)), Text((Run(new),))
    if BY_NAME[name].optional and bool(old) != bool(new):
        change = INS if new else DEL
        return Para("line", change, whole(b if new else a, change), old, new)
    return Para("line", SAME, diff(a, b), old, new)


def _edited(kind: str, old: Sequence[Inline], new: Sequence[Inline]) -> Para:
    a, b = Text(old), Text(new)
    return Para(kind, SAME, diff(a, b), a.plain, b.plain)


def _block(block: Block) -> _Item:
    if block.table is not None:
        items = table_tokens(block.table)
        return _Item("table", tuple(t.key for t in items), None, block.table, items)
    text = Text(block.inlines)
    body = block.inlines
    if block.kind != "p" and body and isinstance(body[0], Run) \
            and HEADING_NUMBER.match(body[0].text):
        # renumbered headings still match; the number change is shown as an edit
        return _Item(block.kind, Text(body[1:]).key, text)
    return _Item(block.kind, text.key, text)


def _line(line: str) -> _Item:
    text = Text((Run(line),))
    return _Item("line", text.key, text)


def _note_paragraph(inlines: Sequence[Inline]) -> _Item:
    text = Text(inlines)
    return _Item("note", text.key, text)


def _merge(old: list[_Item], new: list[_Item]) -> list[Para]:
    """Return the merged paragraphs of two sequences: edited, deleted and inserted ones."""
    out = []
    for a, b in align(old, new, _key, _similar, lambda item: len(item.tokens)):
        if (a or b).kind == "table":
            out += _table_paras(a, b)
        elif a is not None and b is not None:
            out.append(Para(b.kind, SAME, diff(a.text, b.text), a.text.plain, b.text.plain))
        elif a is not None:
            out.append(Para(a.kind, DEL, whole(a.text, DEL), old_text=a.text.plain))
        else:
            out.append(Para(b.kind, INS, whole(b.text, INS), new_text=b.text.plain))
    return out


def _key(item: _Item) -> tuple:
    return item.kind, item.key  # made when asked: one object less per paragraph kept


def _table_paras(old: _Item | None, new: _Item | None) -> list[Para]:
    """Return a table edited in place, or the old one deleted and the new one inserted."""
    if old is not None and new is not None and comparable(old.table, new.table):
        return [Para("table", SAME, (), table=merge_tables(old.table, new.table))]
    out = [Para("table", DEL, (), table=whole_table(old.table, DEL))] if old else []
    return out + ([Para("table", INS, (), table=whole_table(new.table, INS))] if new else [])


def _similar(a: _Item, b: _Item) -> float:
    if a.kind != b.kind:
        return 0.0
    if a.kind == "table":
        return table_similarity(a.table, b.table, a.tokens, b.tokens)
    return text_similarity(a.text, b.text)


def _notes(paragraphs: Sequence[Para], old: Sequence[Footnote],
           new: Sequence[Footnote]) -> tuple[Note, ...]:
    """Return the footnotes of the merged document in the order their references appear."""
    links: list[Link] = []
    for para in paragraphs:
        parts = para.table.paragraphs if para.table is not None else (para,)
        links += [piece.link for part in parts for piece in part.pieces
                  if piece.link is not None]
    # a note cited again, or another of the same text, compares once; its texts are hashed
    # once per reference (12,500 references to one text in the benchmark)
    merged: dict[tuple, tuple[Para, ...]] = {}
    out = []
    for link in links:
        before = old[link.old - 1].paragraphs if link.old is not None else None
        after = new[link.new - 1].paragraphs if link.new is not None else None
        paragraphs = merged.get((before, after))
        if paragraphs is None:
            paragraphs = merged[before, after] = _note(before, after)
        out.append(Note(link, paragraphs))
    return tuple(out)


def _note(before, after) -> tuple[Para, ...]:
    """Return the merged paragraphs of one note's old and new text (None: the side lacks it)."""
    if before is None or after is None:
        change, side = (INS, after) if before is None else (DEL, before)
        # a whole note comes and goes with its reference; its paragraph marks stay untracked
        paragraphs = [Para("note", SAME, whole(Text(p), change)) for p in side]
    else:
        # the first paragraphs always pair: they hold the note's own number mark
        paragraphs = [_edited("note", before[0], after[0])]
        paragraphs += _merge([_note_paragraph(p) for p in before[1:]],
                             [_note_paragraph(p) for p in after[1:]])
    return tuple(paragraphs)
