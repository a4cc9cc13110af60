"""Turn the merged document into a `model.Report` whose text carries tracked-change markers.

The template then lays it out like any report, and `generator.ooxml.tracked` turns the markers
into ``w:ins``/``w:del`` after rendering. Footnotes are numbered 1…N over the merged document, so
every reference, kept, deleted or inserted, has its own footnote. Characters of the markers'
range are removed from the data first (the loader does not reserve it), so every marker is ours.
"""

from __future__ import annotations

from generator.diff.merged import (
    DEL,
    INS,
    SAME,
    Comparison,
    Link,
    MergedAppendix,
    MergedRow,
    MergedTable,
    Note,
    Para,
)
from generator.diff.words import Text, diff
from generator.model import Appendix, Block, Cell, Footnote, Inline, NoteRef, Report, Run, Table
from generator.ooxml.tracked import (
    DEL_CLOSE,
    DEL_OPEN,
    INS_CLOSE,
    INS_OPEN,
    MARKERS,
    PARA_DEL,
    PARA_INS,
    deleted,
    inserted,
)

_OPEN = {DEL: DEL_OPEN, INS: INS_OPEN}
_CLOSE = {DEL: DEL_CLOSE, INS: INS_CLOSE}
_WHOLE = {DEL: PARA_DEL, INS: PARA_INS}


def to_report(comparison: Comparison) -> Report:
    """Return the report to render for `comparison`."""
    numbers = {note.link: index for index, note in enumerate(comparison.notes, start=1)}
    fields = {name: line(para) for name, para in comparison.fields.items()}
    return Report(
        fields=fields,
        title=inlines(comparison.title, numbers),
        body=tuple(_block(p, numbers) for p in comparison.body),
        closing=inlines(comparison.closing, numbers),
        footnotes=_footnotes(comparison.notes, numbers),
        recipients=tuple(line(p) for p in comparison.recipients),
        frame=comparison.frame,
        appendices=tuple(_appendix(a, numbers) for a in comparison.appendices),
    )


def _footnotes(notes: tuple[Note, ...], numbers: dict[Link, int]) -> tuple[Footnote, ...]:
    """Return the footnotes, numbered 1…N; notes sharing their merged text lower it once.

    `compare` merges a note's text once however often it is cited (one note cited 12,500
    times, in the benchmark, was as many lowerings: half of `to_report`).
    """
    lowered: dict[int, tuple[tuple[Inline, ...], ...]] = {}  # by id: the notes keep them alive
    out = []
    for note in notes:
        paragraphs = lowered.get(id(note.paragraphs))
        if paragraphs is None:
            paragraphs = tuple(inlines(p, numbers) for p in note.paragraphs)
            lowered[id(note.paragraphs)] = paragraphs
        out.append(Footnote(numbers[note.link], paragraphs))
    return tuple(out)


def _appendix(appendix: MergedAppendix, numbers: dict[Link, int]) -> Appendix:
    """Return an appendix to render: its heading marked when it came, went or was renamed."""
    label, title, reference = appendix.label, appendix.title, appendix.reference
    if appendix.change != SAME:
        mark = _WHOLE[appendix.change]
        label, title, reference = (mark + MARKERS.sub("", text) if text else text
                                   for text in (label, title, reference))
    elif appendix.old_title != title:
        words = diff(Text((Run(appendix.old_title),)), Text((Run(title),)))
        title = line(Para("line", SAME, words))
    return Appendix(label, title, reference, appendix.landscape,
                    tuple(_block(p, numbers) for p in appendix.body))


def _block(para: Para, numbers: dict[Link, int]) -> Block:
    if para.table is None:
        return Block(para.kind, inlines(para, numbers))
    return Block("table", (), _table(para.table, numbers))


def _table(table: MergedTable, numbers: dict[Link, int]) -> Table:
    """Return the table to render: changed cells marked, rows that came or went marked whole."""
    caption = inlines(table.caption, numbers) if table.caption.pieces else ()
    unit = line(table.unit) if table.unit.pieces else ""
    return Table(caption, unit, tuple(_row(r, numbers) for r in table.header),
                 tuple(_row(r, numbers) for r in table.rows), table.widths, table.align)


def _row(row: MergedRow, numbers: dict[Link, int]) -> tuple[Cell, ...]:
    # every cell of a row that came or went carries the whole-paragraph marker, even an empty
    # one: generator.ooxml.tracked then tracks the row itself
    return tuple(Cell(inlines(para, numbers), shape.span, shape.merged)
                 for para, shape in zip(row.cells, row.shape, strict=True))


def inlines(para: Para, numbers: dict[Link, int]) -> tuple[Inline, ...]:
    """Return the inlines of `para`, changed pieces between markers."""
    out: list[Inline] = [Run(_WHOLE[para.change])] if para.change != SAME else []
    for piece in para.pieces:
        change = piece.change if para.change == SAME else SAME
        if piece.link is None:
            out.append(Run(_marked(piece.text, change), piece.bold, piece.italic))
            continue
        ref = NoteRef(numbers[piece.link], piece.bold, piece.italic)
        out += [ref] if change == SAME else [Run(_OPEN[change]), ref, Run(_CLOSE[change])]
    return tuple(out)


def line(para: Para) -> str:
    """Return a single-line field or recipient as marked text."""
    if para.change != SAME:
        return _WHOLE[para.change] + "".join(MARKERS.sub("", p.text) for p in para.pieces)
    return "".join(_marked(p.text, p.change) for p in para.pieces)


def _marked(text: str, change: str) -> str:
    text = MARKERS.sub("", text)
    if change == DEL:
        return deleted(text)
    return inserted(text) if change == INS else text
