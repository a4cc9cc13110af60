"""Two versions of a table merged cell by cell: rows paired by indicator name, else in order."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.align import align
from generator.diff.merged import DEL, INS, SAME, MergedRow, MergedTable, Para
from generator.diff.words import Text, Token, diff, similarity, tokens, whole
from generator.model import Cell, Run, Table
from generator.tabledata import is_number_title

_Row = tuple[Cell, ...]


def table_tokens(table: Table) -> tuple[Token, ...]:
    """Return the words of the caption, the unit and every cell, in reading order."""
    out = list(tokens(table.caption)) + list(tokens((Run(table.unit),)))
    for row in (*table.header, *table.rows):
        for cell in row:
            out += tokens(cell.inlines)
            out.append(Token("\n"))  # cells never run into one another
    return tuple(out)


def comparable(old: Table, new: Table) -> bool:
    """Return True if `old` and `new` have the same columns, so that cells can be paired."""
    return len(old.widths) == len(new.widths)


def table_similarity(old: Table, new: Table, old_tokens: Sequence[Token],
                     new_tokens: Sequence[Token]) -> float:
    """Return how alike two tables are (their `table_tokens` given); the same header makes
    them one table edited."""
    if not comparable(old, new):
        return 0.0
    words = similarity(old_tokens, new_tokens)
    return 0.5 + words / 2 if old.header == new.header else words


def merge_tables(old: Table, new: Table) -> MergedTable:
    """Return the merged table of `old` → `new` (same columns: see `comparable`)."""
    header = [row for a, b in _by_position(old.header, new.header) for row in _row_pair(a, b)]
    pairs = _rows_aligned(old, new)
    rows = [row for a, b in pairs for row in _row_pair(a, b)]
    return MergedTable(_caption(old, new), _unit(old.unit, new.unit), tuple(header), tuple(rows),
                       new.widths, new.align)


def whole_table(table: Table, change: str) -> MergedTable:
    """Return `table` with every part of it inserted or deleted."""
    caption = Para("caption", change, whole(Text(table.caption), change)) if table.caption \
        else Para("caption", SAME, ())
    unit = _whole_line(table.unit, change) if table.unit else Para("line", SAME, ())
    return MergedTable(caption, unit, tuple(_whole_row(r, change) for r in table.header),
                       tuple(_whole_row(r, change) for r in table.rows), table.widths,
                       table.align)


def _texts(row: _Row) -> tuple[str, ...]:
    return tuple(Text(c.inlines).plain.strip() for c in row)


def _caption(old: Table, new: Table) -> Para:
    a, b = Text(old.caption), Text(new.caption)
    if bool(a.parts) != bool(b.parts):
        change = INS if b.parts else DEL
        return Para("caption", change, whole(b if b.parts else a, change), a.plain, b.plain)
    return Para("caption", SAME, diff(a, b), a.plain, b.plain)


def _unit(old: str, new: str) -> Para:
    if bool(old) != bool(new):
        return _whole_line(new or old, INS if new else DEL, old, new)
    return Para("line", SAME, diff(Text((Run(old),)), Text((Run(new),))), old, new)


def _whole_line(text: str, change: str, old: str = "", new: str = "") -> Para:
    return Para("line", change, whole(Text((Run(text),)), change), old, new)


def _whole_row(row: _Row, change: str) -> MergedRow:
    cells = []
    for cell in row:
        text = Text(cell.inlines)
        old, new = (text.plain, "") if change == DEL else ("", text.plain)
        cells.append(Para("cell", change, whole(text, change), old, new))
    return MergedRow(change, tuple(cells), row)


def _row_pair(old: _Row | None, new: _Row | None) -> list[MergedRow]:
    """Return one merged row for a pair of the same shape, else a deleted and an inserted one."""
    if old is None or new is None:
        return [_whole_row(old, DEL)] if new is None else [_whole_row(new, INS)]
    if [(c.span, c.merged) for c in old] != [(c.span, c.merged) for c in new]:
        return [_whole_row(old, DEL), _whole_row(new, INS)]
    cells = []
    for a, b in zip(old, new, strict=True):
        y = Text(b.inlines)
        x = y if a.inlines == b.inlines else Text(a.inlines)
        cells.append(Para("cell", SAME, diff(x, y), x.plain, y.plain))
    return [MergedRow(SAME, tuple(cells), new)]


def _by_position(old: Sequence[_Row], new: Sequence[_Row]) -> list[tuple[_Row | None, ...]]:
    pairs: list[tuple[_Row | None, _Row | None]] = list(zip(old, new))
    pairs += [(row, None) for row in old[len(new):]]
    pairs += [(None, row) for row in new[len(old):]]
    return pairs


def _rows_aligned(old: Table, new: Table) -> list[tuple[_Row | None, _Row | None]]:
    """Pair the body rows by their label when every row has its own, else by position."""
    column = _label_column(new)
    old_labels = [_label(r[column]) for r in old.rows]
    new_labels = [_label(r[column]) for r in new.rows]
    if not _usable(old_labels) or not _usable(new_labels):
        return _by_position(old.rows, new.rows)
    return align(old.rows, new.rows, lambda row: _label(row[column]), _row_similarity)


def _label_column(table: Table) -> int:
    """Return the first column that is not the TT column (0 if there is only that one)."""
    titles = [text for cell, text in zip(table.header[0], _texts(table.header[0]))
              for _ in range(cell.span)]
    for index, title in enumerate(titles):
        if not is_number_title(title):
            return index
    return 0


def _label(cell: Cell) -> str:
    return "".join(i.text for i in cell.inlines if isinstance(i, Run)).strip()


def _usable(labels: list[str]) -> bool:
    return all(labels) and len(set(labels)) == len(labels)


def _row_similarity(old: _Row, new: _Row) -> float:
    return similarity([t for c in old for t in tokens(c.inlines)],
                      [t for c in new for t in tokens(c.inlines)])
