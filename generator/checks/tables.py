"""Figures in tables: (%) columns recomputed, Tổng rows summed, numbers in the Vietnamese style."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks import numbers
from generator.checks.arithmetic import agrees, decimals_of
from generator.checks.base import WARNING, CheckContext, TextItem
from generator.checks.numbers import parse_vn
from generator.loader import Path_, SourceFile
from generator.schema import SpanCell, TableSpec
from generator.tabledata import area_tables, is_number_title
from generator.vnformat import format_number

RULES = {
    "table.percent": (WARNING, ("ô của cột phần trăm (%) không khớp với hai cột số cùng dòng "
                      "(tỷ lệ hoặc tăng/giảm), sai quá mức làm tròn.")),
    "table.total": (WARNING, ("dòng Tổng / Tổng cộng / Cộng không bằng tổng các dòng phía trên "
                    "nó, sai quá mức làm tròn.")),
}

_PERCENT_TITLE = re.compile(r"\(\s*%\s*\)")
_TOTAL_LABELS = {"tổng", "tổng cộng", "cộng"}
_SECTION_NUMBER = re.compile(r"[IVXLCDM]+|[A-Z]")
_MARKUP = re.compile(r"\[\^[^\]]*\]|\*|\\")
_SIGN = {"-": -1, "−": -1, "–": -1, "+": 1}
_SAMPLE = 100
"""Rows tried per formula when looking for the one that explains a (%) column."""


@dataclass(frozen=True)
class _Table:
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


@dataclass(frozen=True)
class _Formula:
    """How a (%) column follows from columns `a` and `b`: a/b×100, or (a/b − 1)×100."""

    a: int
    b: int
    change: bool

    def value(self, a: Decimal, b: Decimal) -> Decimal:
        return (a / b - 1) * 100 if self.change else a / b * 100


def check(ctx: CheckContext) -> None:
    """Recompute (%) columns and totals of every table; check the numbers in its cells."""
    tables = list(_tables(ctx.compiled))
    cells = CheckContext(ctx.compiled, [item for t in tables for item in _cell_texts(t)],
                         ctx.findings, ctx.per_text)
    numbers.check(cells)
    for table in tables:
        for column, title in enumerate(table.titles):
            if _PERCENT_TITLE.search(title):
                _percent_column(ctx, table, column)
        _totals(ctx, table)


def value(text: str) -> Decimal | None:
    """Return the value of a cell: a Vietnamese number, with a sign or a ``%`` allowed."""
    text = text.strip().removesuffix("%").strip()
    sign = _SIGN.get(text[:1])
    number = parse_vn(text[1:].strip() if sign else text)
    return None if number is None else number * (sign or 1)


def _tables(compiled) -> Iterator[_Table]:
    for area in compiled.areas.values():
        for path, spec in area_tables(area.model):
            if _fits(spec):
                yield _described(area.source, path, spec)


def _fits(spec: TableSpec) -> bool:
    """Return True if every row has one cell per column (the build reports the others)."""
    columns = len(_titles(spec))
    return all(len(row) == columns for row in spec.rows)


def _described(source: SourceFile, path: Path_, spec: TableSpec) -> _Table:
    titles = _titles(spec)
    number = next((i for i, t in enumerate(titles) if is_number_title(t)), None)
    label = next((i for i, t in enumerate(titles) if not is_number_title(t)), 0)
    cells = tuple(tuple(_plain(text) for text in row) for row in spec.rows)
    values = tuple(tuple(value(row[c]) for row in cells) for c in range(len(titles)))
    return _Table(source, path, spec, titles, label, number, cells, values)


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


def _cell_texts(table: _Table) -> Iterator[TextItem]:
    for r, row in enumerate(table.spec.rows):
        for c, text in enumerate(row):
            if text:
                yield TextItem(table.source, table.path + ("rows", r, c), text, "cell")


def _percent_column(ctx: CheckContext, table: _Table, column: int) -> None:
    """Report the rows of a (%) column that the formula explaining most rows does not fit."""
    formula = _best_formula(table, column)
    if formula is None:
        return
    for row, (a, b, written) in _operands(table, column, formula):
        actual = formula.value(a, b)
        shown = table.cell(row, column)
        places = decimals_of(shown.removesuffix("%").strip())
        if agrees(actual, written, places):
            continue
        right = format_number(actual, places) + ("%" if shown.endswith("%") else "")
        how = f"{table.cell(row, formula.a)}/{table.cell(row, formula.b)}"
        how = f"{how} − 1" if formula.change else how
        table.report(ctx, row, column, "table.percent",
                     f"{how} = {format_number(actual, 2)}% (cột “{table.titles[formula.a]}” so "
                     f"với cột “{table.titles[formula.b]}”), nhưng bảng ghi {shown}; hãy sửa "
                     f"thành {right} hoặc kiểm tra lại số liệu.", right)


def _operands(table: _Table, column: int, formula: _Formula,
              rows: int | None = None) -> Iterator[tuple[int, tuple[Decimal, Decimal, Decimal]]]:
    """Yield the rows (the first `rows`) whose operands and percentage are numbers, b ≠ 0."""
    triples = zip(table.values[formula.a][:rows], table.values[formula.b][:rows],
                  table.values[column][:rows])
    for row, (a, b, written) in enumerate(triples):
        if a is not None and b is not None and written is not None and b != 0:
            yield row, (a, b, written)


def _best_formula(table: _Table, column: int) -> _Formula | None:
    """Return the formula that explains most rows, if it explains most of them and no rival does."""
    numeric = [c for c in range(len(table.titles)) if c not in (column, table.number)
               and not _PERCENT_TITLE.search(table.titles[c])
               and sum(v is not None for v in table.values[c]) * 2 >= len(table.cells)]
    slack = [5 * 10.0 ** -(decimals_of(table.cell(row, column).removesuffix("%").strip()) + 1)
             + 1e-9 for row in range(min(len(table.cells), _SAMPLE))]
    scored = []
    for a in numeric:
        for b in numeric:
            for change in (False, True):
                if a != b:
                    formula = _Formula(a, b, change)
                    fits, rows = _fits_rows(table, column, formula, slack)
                    scored.append((-fits, _hint(table, column, formula), rows, formula))
    scored.sort(key=lambda s: s[:2])
    if not scored:
        return None
    fits, hint, rows, best = -scored[0][0], scored[0][1], scored[0][2], scored[0][3]
    if fits < 2 or fits * 2 <= rows:
        return None
    if len(scored) > 1 and scored[1][:2] == (-fits, hint):
        return None  # two ways explain it equally well: which cell is wrong cannot be told
    return best


def _fits_rows(table: _Table, column: int, formula: _Formula,
               slack: list[float]) -> tuple[int, int]:
    """Return how many rows `formula` explains, and on how many it could be tried.

    In floats: this search tries every pair of columns; the findings are computed in Decimal.
    """
    fits = tried = 0
    for row, (a, b, written) in _operands(table, column, formula, _SAMPLE):
        tried += 1
        ratio = float(a) / float(b)
        actual = (ratio - 1) * 100 if formula.change else ratio * 100
        fits += abs(actual - float(written)) <= slack[row]
    return fits, tried


def _hint(table: _Table, column: int, formula: _Formula) -> int:
    """Return 0 when the titles agree with `formula` ("So với kế hoạch": over the plan), else 1."""
    title, base = table.titles[column].lower(), table.titles[formula.b].lower()
    if "kế hoạch" in title or "dự toán" in title:
        return 0 if "kế hoạch" in base or "dự toán" in base else 1
    if "cùng kỳ" in title:
        return 0 if formula.b < formula.a and "kế hoạch" not in base else 1
    return 0


def _totals(ctx: CheckContext, table: _Table) -> None:
    """Check each Tổng / Cộng row against the rows it closes."""
    start = 0
    for row in range(len(table.spec.rows)):
        if _is_total(table, row):
            _total(ctx, table, row, list(range(start, row)))
            start = row + 1
        elif _is_section(table, row):
            start = row + 1


def _is_total(table: _Table, row: int) -> bool:
    label = table.cell(row, table.label)
    if not label and table.number is not None:  # "Tổng cộng" typed in the TT column
        label = table.cell(row, table.number)
    return label.lower().rstrip(":").strip() in _TOTAL_LABELS


def _is_section(table: _Table, row: int) -> bool:
    """Return True for a group's heading row: a Roman numeral or letter in TT, or no figures."""
    if table.number is not None and _SECTION_NUMBER.fullmatch(table.cell(row, table.number)):
        return True
    figures = [c for c in range(len(table.titles)) if c not in (table.label, table.number)]
    return not any(table.cell(row, c) for c in figures)


def _total(ctx: CheckContext, table: _Table, row: int, closed: list[int]) -> None:
    if len(closed) < 2 or any(_is_breakdown(table, r) for r in closed):
        return  # one row is no sum; "Trong đó" rows are parts of the row above
    for column, title in enumerate(table.titles):
        if column in (table.label, table.number) or _PERCENT_TITLE.search(title):
            continue
        written = table.values[column][row]
        values = [table.values[column][r] for r in closed if table.cell(r, column)]
        if written is None or not values or None in values:
            continue
        total, places = sum(values), decimals_of(table.cell(row, column))
        if agrees(total, written, places):
            continue
        right = format_number(total, places)
        table.report(ctx, row, column, "table.total",
                     f"cộng {len(values)} dòng phía trên được {right}, nhưng bảng ghi "
                     f"{table.cell(row, column)}; hãy sửa thành {right} hoặc kiểm tra lại "
                     "số liệu.", right)


def _is_breakdown(table: _Table, row: int) -> bool:
    """Return True for a row that details another ("Trong đó", ``-``, ``a``, ``1.1``)."""
    if table.cell(row, table.label).lower().startswith("trong đó"):
        return True
    mark = table.cell(row, table.number) if table.number is not None else ""
    return bool(mark) and not mark.isdigit()
