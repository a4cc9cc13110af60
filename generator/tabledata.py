"""A table of the data (`schema.TableSpec`) made into the model's `Table`: merges, widths, alignment."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.diagnostics import Diagnostics
from generator.loader import Path_, SourceFile
from generator.model import Cell, Inline, Run, Table
from generator.schema import AreaFile, SpanCell, TableItem, TableSpec

InlineParser = Callable[[str, Path_], tuple[Inline, ...]]
"""Parses a cell's text at a field path, numbering its footnotes with the rest of the report."""
_NUMBER = re.compile(r"[-+−]?[\d.,]*\d[\d.,]*\s*%?")
_CENTRED_HEADERS = {"tt", "stt", "số tt"}


def resolve_table(spec: TableSpec, parse: InlineParser, source: SourceFile, path: Path_,
                  diagnostics: Diagnostics) -> Table | None:
    """Return `spec` as a `Table`, or None after reporting each row that does not fit."""
    path = path + ("table",)
    first = spec.header[0]
    columns = sum(c.span if isinstance(c, SpanCell) else 1 for c in first)
    header = [tuple(_header_cell(c, parse, path + ("header", 0, i)) for i, c in enumerate(first))]
    ok = True
    if len(spec.header) == 2:
        second = spec.header[1]
        ok = _count(second, columns, source, path + ("header", 1), diagnostics, "dòng tiêu đề")
        if ok:
            header.append(_second_row(first, second, parse, path + ("header", 1)))
    rows = []
    for r, row in enumerate(spec.rows):
        if _count(row, columns, source, path + ("rows", r), diagnostics, "dòng"):
            rows.append(tuple(Cell(parse(text, path + ("rows", r, i))) for i, text in
                              enumerate(row)))
        else:
            ok = False
    widths = _widths(spec.widths, columns, source, path, diagnostics)
    if not ok or widths is None:
        return None
    caption = parse(spec.caption, path + ("caption",)) if spec.caption else ()
    return Table(caption, spec.unit or "", tuple(header), tuple(rows), widths,
                 _alignment(first, spec.rows, columns))


def _header_cell(cell, parse: InlineParser, path: Path_) -> Cell:
    if isinstance(cell, SpanCell):
        return Cell(parse(cell.text, path + ("text",)) if cell.text else (), cell.span)
    return Cell(parse(cell, path) if cell else ())


def _second_row(first, second, parse: InlineParser, path: Path_) -> tuple[Cell, ...]:
    """Return the second header row: ``""`` under a one-column cell continues it downwards."""
    spanned = [c.span > 1 if isinstance(c, SpanCell) else False for c in first
               for _ in range(c.span if isinstance(c, SpanCell) else 1)]
    return tuple(Cell((), merged=True) if not text and not spanned[i]
                 else Cell(parse(text, path + (i,)) if text else ())
                 for i, text in enumerate(second))


def _count(cells: list, columns: int, source: SourceFile, path: Path_,
           diagnostics: Diagnostics, what: str) -> bool:
    if len(cells) == columns:
        return True
    diagnostics.error("table.row-length", f"{what} này có {len(cells)} ô nhưng bảng có "
                      f"{columns} cột (theo dòng tiêu đề đầu); mỗi dòng cần đủ {columns} ô, ô "
                      "trống ghi \"\".", source.locate(path), source.excerpt(source.locate(path)))
    return False


def _widths(widths, columns: int, source: SourceFile, path: Path_,
            diagnostics: Diagnostics) -> tuple[float, ...] | None:
    """Return the widths scaled to 100 %, equal ones by default; None if the count is wrong."""
    if widths is None:
        return (100 / columns,) * columns
    if len(widths) != columns:
        location = source.locate(path + ("widths",))
        diagnostics.error("table.widths", f"`widths` có {len(widths)} số nhưng bảng có "
                          f"{columns} cột.", location, source.excerpt(location))
        return None
    total = sum(widths)
    return tuple(w * 100 / total for w in widths)


def _alignment(first, rows: list[list[str]], columns: int) -> tuple[str, ...]:
    """Return per column: ``center`` for TT, ``right`` when every filled cell is a number."""
    titles = [(c.text if isinstance(c, SpanCell) else c) for c in first
              for _ in range(c.span if isinstance(c, SpanCell) else 1)]
    out = []
    for i in range(columns):
        values = [_plain(row[i]) for row in rows if i < len(row) and _plain(row[i])]
        if is_number_title(titles[i]):
            out.append("center")
        elif values and all(is_figure(v) for v in values):
            out.append("right")
        else:
            out.append("left")
    return tuple(out)


def area_tables(model: AreaFile) -> Iterator[tuple[Path_, TableSpec]]:
    """Yield the tables of an area, sub-sections' included, with their field paths."""
    lists = [(("paragraphs",), model.paragraphs)]
    lists += [(("sections", j, "paragraphs"), s.paragraphs) for j, s in enumerate(model.sections)]
    for path, items in lists:
        for i, item in enumerate(items):
            if isinstance(item, TableItem):
                yield path + (i, "table"), item.table


def is_figure(text: str) -> bool:
    """Return True for a cell that is a figure as typed: ``1.045``, ``7,84``, ``-2,1 %``."""
    return _NUMBER.fullmatch(text) is not None


def is_number_title(title: str) -> bool:
    """Return True for the title of the numbering column: ``TT``, ``STT``, ``Số TT``."""
    return title.strip().lower().rstrip(".") in _CENTRED_HEADERS


def label_columns(spec: TableSpec) -> int:
    """Return how many columns on the left hold labels (TT, the indicator name), not figures.

    A leading column is a label column when it is headed TT or none of its cells is a number.
    """
    titles = [(c.text if isinstance(c, SpanCell) else c) for c in spec.header[0]
              for _ in range(c.span if isinstance(c, SpanCell) else 1)]
    count = 0
    for i, title in enumerate(titles):
        cells = [_plain(row[i]) for row in spec.rows if i < len(row)]
        if not is_number_title(title) and any(is_figure(cell) for cell in cells):
            break
        count += 1
    return count


def _plain(text: str) -> str:
    """Return a cell's text without bold/italic marks and footnote anchors."""
    return re.sub(r"\[\^[^\]]*\]|\*", "", text).strip()


def cell_text(cell: Cell) -> str:
    """Return the visible text of `cell` (for messages and tests)."""
    return "".join(i.text for i in cell.inlines if isinstance(i, Run))
