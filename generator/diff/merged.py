"""The merged document of a comparison: the new report with the old one's text kept where it left.

Every piece of text is `SAME`, `INS` (only in the new report) or `DEL` (only in the old one).
A paragraph whose `change` is `INS`/`DEL` came or went whole, paragraph mark included; a `SAME`
paragraph exists on both sides and its pieces carry the word-level changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from generator.model import Cell, Frame

SAME, INS, DEL = "same", "ins", "del"


class Link(NamedTuple):
    """A footnote reference of the merged document: its number in the old and in the new report.

    Named tuples (here and `Piece`) rather than frozen dataclasses: one note cited 12,500 times
    makes as many links, each hashed twice when lowered, and a piece per paragraph or more.
    """

    old: int | None
    new: int | None


class Piece(NamedTuple):
    """Text with one formatting and one change, or a footnote reference (`link`)."""

    change: str
    text: str = ""
    bold: bool = False
    italic: bool = False
    link: Link | None = None


@dataclass(frozen=True)
class Para:
    """A merged paragraph: `kind` as in `model.Block`, ``note`` in a footnote, ``line`` for a field.

    `old_text`/`new_text` are the paragraph's plain text on each side (for the summary).
    """

    kind: str
    change: str
    pieces: tuple[Piece, ...]
    old_text: str = ""
    new_text: str = ""
    table: MergedTable | None = None
    """For ``table``: the merged cells; `pieces` is then empty."""

    @property
    def changed(self) -> bool:
        return self.change != SAME or any(p.change != SAME for p in self.pieces) or (
            self.table is not None and self.table.changed)


@dataclass(frozen=True)
class MergedRow:
    """A table row of the merged document: `cells` are the merged texts, `shape` the layout.

    `shape` holds the model cells of the side shown (spans, merges); a row that came or went
    (`change` INS/DEL) has every cell whole of that change.
    """

    change: str
    cells: tuple[Para, ...]
    shape: tuple[Cell, ...]

    @property
    def changed(self) -> bool:
        return self.change != SAME or any(c.changed for c in self.cells)


@dataclass(frozen=True)
class MergedTable:
    """A table of the merged document, laid out like the new side's (`widths`, `align`)."""

    caption: Para
    unit: Para
    header: tuple[MergedRow, ...]
    rows: tuple[MergedRow, ...]
    widths: tuple[float, ...]
    align: tuple[str, ...]

    @property
    def paragraphs(self) -> tuple[Para, ...]:
        """Return the caption, the unit and every cell, in reading order."""
        return (self.caption, self.unit,
                *(cell for row in (*self.header, *self.rows) for cell in row.cells))

    @property
    def changed(self) -> bool:
        return any(p.changed for p in self.paragraphs) or any(
            r.change != SAME for r in (*self.header, *self.rows))


@dataclass(frozen=True)
class MergedAppendix:
    """An appendix of the merged document: the shown side's label, title and layout."""

    label: str
    title: str
    reference: str
    landscape: bool
    change: str
    body: tuple[Para, ...]
    old_title: str = ""
    """The old side's title when both sides have the appendix (a changed title is shown)."""

    @property
    def changed(self) -> bool:
        return self.change != SAME or any(p.changed for p in self.body) or (
            self.change == SAME and self.old_title != self.title)


@dataclass(frozen=True)
class Note:
    """A footnote of the merged document, in reading order."""

    link: Link
    paragraphs: tuple[Para, ...]

    @property
    def changed(self) -> bool:
        return self.link.old is None or self.link.new is None or any(
            p.changed for p in self.paragraphs)


@dataclass(frozen=True)
class Comparison:
    """Everything the merged document shows, with what changed."""

    fields: dict[str, Para]
    """Header and signature fields by context name (``draft``, ``signature.name`` …)."""
    title: Para
    body: tuple[Para, ...]
    closing: Para
    notes: tuple[Note, ...]
    recipients: tuple[Para, ...]
    frame: Frame = Frame()
    """The new side's profile, type and lists: the merged document is laid out like it."""
    appendices: tuple[MergedAppendix, ...] = ()

    @property
    def changed(self) -> bool:
        paragraphs = (*self.fields.values(), self.title, *self.body, self.closing,
                      *self.recipients)
        return any(p.changed for p in paragraphs) or any(n.changed for n in self.notes) or any(
            a.changed for a in self.appendices)
