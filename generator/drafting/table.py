"""Plain-text tables that line up with Vietnamese text in a terminal.

Width is counted in terminal cells, not characters: a combining mark (text typed in decomposed
form, NFD) takes no cell, a wide East Asian character takes two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Style = Callable[[int, int, str], str]
"""(row index, column index, padded cell) → the cell as printed; row -1 is the header."""


def cell_width(text: str) -> int:
    """Return how many terminal cells `text` takes."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """Return `text` cut to `width` cells, ending in ``…`` when something was cut."""
    if cell_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        step = cell_width(char)
        if used + step > width - 1:
            break
        out, used = out + char, used + step
    return out.rstrip() + "…"


def pad(text: str, width: int, align: str = "<") -> str:
    """Return `text` padded with spaces to `width` cells (``<`` left, ``>`` right)."""
    gap = " " * max(0, width - cell_width(text))
    return gap + text if align == ">" else text + gap


@dataclass(frozen=True)
class Column:
    """A table column: its title, alignment and whether it may be cut to fit the terminal."""

    title: str
    align: str = "<"
    shrinkable: bool = False
    min_width: int = 10


def render(columns: list[Column], rows: list[list[str]], max_width: int | None = None,
           style: Style | None = None) -> list[str]:
    """Return the lines of the table: header, rule, rows; cut to `max_width` cells if given."""
    widths = [max([cell_width(c.title)] + [cell_width(row[i]) for row in rows])
              for i, c in enumerate(columns)]
    if max_width:
        _shrink(columns, widths, max_width)
    lines = [_line(columns, widths, [c.title for c in columns], -1, style),
             "  ".join("-" * width for width in widths)]
    for index, row in enumerate(rows):
        for part in _wrapped(columns, widths, row):
            lines.append(_line(columns, widths, part, index, style))
    return lines


def _wrapped(columns: list[Column], widths: list[int], row: list[str]) -> list[list[str]]:
    """Return the printed lines of `row`: a narrowed column's text goes on, never cut."""
    cells = [wrap(text, width) if column.shrinkable else [text]
             for column, width, text in zip(columns, widths, row)]
    height = max(len(lines) for lines in cells)
    return [[lines[k] if k < len(lines) else "" for lines in cells] for k in range(height)]


def wrap(text: str, width: int) -> list[str]:
    """Return `text` in lines of at most `width` cells, broken between words."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and cell_width(candidate) > width:
            lines.append(current)
            candidate = word
        while cell_width(candidate) > width:  # one word wider than the column
            lines.append(fit(candidate, width + 1)[:-1] if width > 1 else candidate[:1])
            candidate = candidate[len(lines[-1]):]
        current = candidate
    return lines + [current] if current or not lines else lines


def _shrink(columns: list[Column], widths: list[int], max_width: int) -> None:
    excess = sum(widths) + 2 * (len(widths) - 1) - max_width
    for i, column in reversed(list(enumerate(columns))):  # the part's name narrows last
        if excess <= 0:
            return
        if column.shrinkable:
            cut = min(excess, max(0, widths[i] - column.min_width))
            widths[i] -= cut
            excess -= cut


def _line(columns: list[Column], widths: list[int], cells: list[str], row: int,
          style: Style | None) -> str:
    out = []
    last = len(columns) - 1
    for i, (column, width, text) in enumerate(zip(columns, widths, cells)):
        text = fit(text, width)
        # no trailing blanks: the last column is left unpadded unless it aligns right
        cell = text if i == last and column.align == "<" else pad(text, width, column.align)
        out.append(style(row, i, cell) if style else cell)
    return "  ".join(out)
