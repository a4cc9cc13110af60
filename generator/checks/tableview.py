"""A table as the checks read it: cells without markup, values, column titles, where it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks.base import WARNING, CheckContext, TextItem
from generator.checks.numbers import parse_vn
from generator.loader import Path_, SourceFile
from generator.schema import SpanCell, TableSpec
from generator.tabledata import area_tables, is_number_title, label_columns

PERCENT_TITLE = re.compile(r"\(\s*%\s*\)")
"""A column headed ``… (%)``."""
_MARKUP = re.compile(r"\[\^[^\]]*\]|\*|\\")
_SIGN = {"-": -1, "−": -1, "–": -1, "+": 1}


@dataclass(frozen=True)
class TableView:
    """A table as typed, where it is, its column titles and which column names the rows."""

    source: SourceFile
    path: Path_
    spec: TableSpec
    titles: tuple[str, ...]
    label: int
    """The first column that is not TT (the indicator name)."""
    number: int | None
    """The TT column, if there is one."""
    cells: tuple[tuple[str, ...], ...]
    """The rows' cells without markup."""
    values: tuple[tuple[Decimal | None, ...], ...]
    """Per column, each row's cell as a number (None when it is not one)."""

    def cell(self, row: int, column: int) -> str:
        return self.cells[row][column]

    def row_name(self, row: int) -> str:
        return self.cell(row, self.label) or f"thứ {row + 1}"

    def report(self, ctx: CheckContext, row: int, column: int, code: str, message: str,
               suggestion: str) -> None:
        location = self.source.locate(self.path + ("rows", row, column))
        ctx.at_location(self.source, location, code, WARNING,
                        f"dòng “{self.row_name(row)}”, cột “{self.titles[column]}”: {message}",
                        suggestion)


def value(text: str) -> Decimal | None:
    """Return the value of a cell: a Vietnamese number, with a sign or a ``%`` allowed."""
    text = text.strip().removesuffix("%").strip()
    sign = _SIGN.get(text[:1])
    number = parse_vn(text[1:].strip() if sign else text)
    return None if number is None else number * (sign or 1)


def tables(compiled) -> Iterator[TableView]:
    """Yield every table of the report's areas whose rows fit its columns."""
    for area in compiled.areas.values():
        for path, spec in area_tables(area.model):
            if _fits(spec):
                yield _described(area.source, path, spec)


def _fits(spec: TableSpec) -> bool:
    """Return True if every row has one cell per column (the build reports the others)."""
    columns = len(_titles(spec))
    return all(len(row) == columns for row in spec.rows)


def _described(source: SourceFile, path: Path_, spec: TableSpec) -> TableView:
    titles = _titles(spec)
    number = next((i for i, t in enumerate(titles) if is_number_title(t)), None)
    label = next((i for i, t in enumerate(titles) if not is_number_title(t)), 0)
    cells = tuple(tuple(_plain(text) for text in row) for row in spec.rows)
    values = tuple(tuple(value(row[c]) for row in cells) for c in range(len(titles)))
    return TableView(source, path, spec, titles, label, number, cells, values)


def _titles(spec: TableSpec) -> tuple[str, ...]:
    """Return each column's title: the header rows' texts over it, joined."""
    columns: list[list[str]] = []
    for cell in spec.header[0]:
        text, span = (cell.text, cell.span) if isinstance(cell, SpanCell) else (cell, 1)
        columns += [[_plain(text)] for _ in range(span)]
    for row in spec.header[1:]:
        for column, text in zip(columns, row):
            column.append(_plain(text if isinstance(text, str) else text.text))
    return tuple(" ".join(filter(None, parts)) for parts in columns)


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def cell_texts(table: TableView) -> Iterator[TextItem]:
    """Yield every filled cell of the rows: ``cell`` in the label columns, else ``figure``."""
    labels = label_columns(table.spec)
    for r, row in enumerate(table.spec.rows):
        for c, text in enumerate(row):
            if text:
                kind = "cell" if c < labels else "figure"
                yield TextItem(table.source, table.path + ("rows", r, c), text, kind)
