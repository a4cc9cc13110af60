"""Compare two resolved reports into the merged document (`merged.Comparison`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.diff.align import align
from generator.diff.merged import DEL, INS, SAME, Comparison, Link, Note, Para
from generator.diff.words import Token, diff, plain, similarity, tokens, whole
from generator.model import Block, Footnote, Inline, Report, Run
from generator.profiles.fields import BY_NAME, FIELDS

HEADING_NUMBER = re.compile(r"^[0-9IVXLCDM.]+ $")
"""The numbering run resolve puts first in a heading (``II. ``, ``1.2. ``)."""


@dataclass(frozen=True)
class _Item:
    """One paragraph of one side, ready to compare."""

    kind: str
    tokens: tuple[Token, ...]
    key: tuple


def compare(old: Report, new: Report) -> Comparison:
    """Return the merged document of `old` → `new`."""
    fields = {f.name: _field(f.name, old.fields.get(f.name, ""), new.fields.get(f.name, ""))
              for f in FIELDS}
    title = _edited("title", old.title, new.title)
    body = tuple(_merge([_block(b) for b in old.body], [_block(b) for b in new.body]))
    closing = _edited("p", old.closing, new.closing)
    recipients = tuple(_merge([_line(r) for r in old.recipients],
                              [_line(r) for r in new.recipients]))
    notes = _notes((title, *body, closing), old.footnotes, new.footnotes)
    return Comparison(fields, title, body, closing, notes, recipients, new.frame)


def _field(name: str, old: str, new: str) -> Para:
    a, b = tokens((Run(old),)), tokens((Run(new),))
    if BY_NAME[name].optional and bool(old) != bool(new):
        change = INS if new else DEL
        return Para("line", change, whole(b if new else a, change), old, new)
    return Para("line", SAME, diff(a, b), old, new)


def _edited(kind: str, old: Sequence[Inline], new: Sequence[Inline]) -> Para:
    a, b = tokens(old), tokens(new)
    return Para(kind, SAME, diff(a, b), plain(a), plain(b))


def _block(block: Block) -> _Item:
    items = tokens(block.inlines)
    body = block.inlines
    if block.kind != "p" and body and isinstance(body[0], Run) \
            and HEADING_NUMBER.match(body[0].text):
        body = body[1:]  # renumbered headings still match; the number change is shown as an edit
    keyed = items if body is block.inlines else tokens(body)
    return _Item(block.kind, items, (block.kind, *(t.key for t in keyed)))


def _line(text: str) -> _Item:
    items = tokens((Run(text),))
    return _Item("line", items, tuple(t.key for t in items))


def _note_paragraph(inlines: Sequence[Inline]) -> _Item:
    items = tokens(inlines)
    return _Item("note", items, tuple(t.key for t in items))


def _merge(old: list[_Item], new: list[_Item]) -> list[Para]:
    """Return the merged paragraphs of two sequences: edited, deleted and inserted ones."""
    out = []
    for a, b in align(old, new, lambda item: item.key, _similar, lambda item: len(item.tokens)):
        if a is not None and b is not None:
            out.append(Para(b.kind, SAME, diff(a.tokens, b.tokens), plain(a.tokens),
                            plain(b.tokens)))
        elif a is not None:
            out.append(Para(a.kind, DEL, whole(a.tokens, DEL), old_text=plain(a.tokens)))
        else:
            out.append(Para(b.kind, INS, whole(b.tokens, INS), new_text=plain(b.tokens)))
    return out


def _similar(a: _Item, b: _Item) -> float:
    return similarity(a.tokens, b.tokens) if a.kind == b.kind else 0.0


def _notes(paragraphs: Sequence[Para], old: Sequence[Footnote],
           new: Sequence[Footnote]) -> tuple[Note, ...]:
    """Return the footnotes of the merged document in the order their references appear."""
    links: list[Link] = []
    for para in paragraphs:
        links += [piece.link for piece in para.pieces if piece.link is not None]
    merged: dict[tuple, tuple[Para, ...]] = {}  # a note cited again compares once
    out = []
    for link in links:
        before = old[link.old - 1].paragraphs if link.old is not None else None
        after = new[link.new - 1].paragraphs if link.new is not None else None
        if (before, after) not in merged:
            merged[before, after] = _note(before, after)
        out.append(Note(link, merged[before, after]))
    return tuple(out)


def _note(before, after) -> tuple[Para, ...]:
    """Return the merged paragraphs of one note's old and new text (None: the side lacks it)."""
    if before is None or after is None:
        change, side = (INS, after) if before is None else (DEL, before)
        # a whole note comes and goes with its reference; its paragraph marks stay untracked
        paragraphs = [Para("note", SAME, whole(tokens(p), change)) for p in side]
    else:
        # the first paragraphs always pair: they hold the note's own number mark
        paragraphs = [_edited("note", before[0], after[0])]
        paragraphs += _merge([_note_paragraph(p) for p in before[1:]],
                             [_note_paragraph(p) for p in after[1:]])
    return tuple(paragraphs)
