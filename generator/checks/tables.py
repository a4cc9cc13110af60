"""Figures in tables: (%) columns recomputed, Tổng rows summed, numbers in the Vietnamese style."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks import numbers
from generator.checks.arithmetic import decimals_of
from generator.checks.base import WARNING, CheckContext
from generator.checks.tableview import PERCENT_TITLE, TableView, cell_texts, tables
from generator.vnformat import format_number

RULES = {
    "table.percent": (WARNING, ("ô của cột phần trăm (%) không khớp với hai cột số cùng dòng "
                      "(tỷ lệ hoặc tăng/giảm), sai quá mức làm tròn.")),
    "table.total": (WARNING, ("dòng Tổng / Tổng cộng / Cộng không bằng tổng các dòng phía trên "
                    "nó, sai quá mức làm tròn.")),
}

_TOTAL_LABELS = {"tổng", "tổng cộng", "cộng"}
_SECTION_NUMBER = re.compile(r"[IVXLCDM]+|[A-Z]")
_SAMPLE = 100
"""Rows tried per formula when looking for the one that explains a (%) column."""


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
    found = list(tables(ctx.compiled))
    cells = CheckContext(ctx.compiled, [item for t in found for item in cell_texts(t)],
                         ctx.findings, ctx.per_text)
    numbers.check(cells)
    for table in found:
        for column, title in enumerate(table.titles):
            if PERCENT_TITLE.search(title):
                _percent_column(ctx, table, column)
        _totals(ctx, table)


def _percent_column(ctx: CheckContext, table: TableView, column: int) -> None:
    """Report the rows of a (%) column that the formula explaining most rows does not fit."""
    formula = _best_formula(table, column)
    if formula is None:
        return
    for row, (a, b, written) in _operands(table, column, formula):
        actual = formula.value(a, b)
        shown = table.cell(row, column)
        places = decimals_of(shown.removesuffix("%").strip())
        low, high = _bounds(formula, a, _half_unit(table.cell(row, formula.a)), b,
                            _half_unit(table.cell(row, formula.b)))
        slack = _half_unit(shown.removesuffix("%").strip())
        if low - slack <= written <= high + slack:
            continue
        right = format_number(actual, places) + ("%" if shown.endswith("%") else "")
        how = f"{table.cell(row, formula.a)}/{table.cell(row, formula.b)}"
        how = f"{how} − 1" if formula.change else how
        table.report(ctx, row, column, "table.percent",
                     f"{how} = {format_number(actual, 2)}% (cột “{table.titles[formula.a]}” so "
                     f"với cột “{table.titles[formula.b]}”), nhưng bảng ghi {shown}; hãy sửa "
                     f"thành {right} hoặc kiểm tra lại số liệu.", right)


def _half_unit(text: str) -> Decimal:
    """Return half a unit of the last digit `text` shows: how far rounding may have moved it."""
    return Decimal(5) * Decimal(10) ** -(decimals_of(text) + 1)


def _bounds(formula: _Formula, a: Decimal, da: Decimal, b: Decimal,
            db: Decimal) -> tuple[Decimal, Decimal]:
    """Return the least and greatest values of `formula` for operands rounded to a ± da, b ± db.

    The printed percentage was often computed from the figures before they were rounded.
    """
    values = [formula.value(a + x, b + y) for x in (-da, da) for y in (-db, db) if b + y != 0]
    return (min(values), max(values)) if values else (formula.value(a, b),) * 2


def _operands(table: TableView, column: int, formula: _Formula,
              rows: int | None = None) -> Iterator[tuple[int, tuple[Decimal, Decimal, Decimal]]]:
    """Yield the rows (the first `rows`) whose operands and percentage are numbers, b ≠ 0."""
    triples = zip(table.values[formula.a][:rows], table.values[formula.b][:rows],
                  table.values[column][:rows])
    for row, (a, b, written) in enumerate(triples):
        if a is not None and b is not None and written is not None and b != 0:
            yield row, (a, b, written)


def _best_formula(table: TableView, column: int) -> _Formula | None:
    """Return the formula that explains most rows, if it explains most of them and no rival does."""
    numeric = [c for c in range(len(table.titles)) if c not in (column, table.number)
               and not PERCENT_TITLE.search(table.titles[c])
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


def _fits_rows(table: TableView, column: int, formula: _Formula,
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


def _hint(table: TableView, column: int, formula: _Formula) -> int:
    """Return 0 when the titles agree with `formula` ("So với kế hoạch": over the plan), else 1."""
    title, base = table.titles[column].lower(), table.titles[formula.b].lower()
    if "kế hoạch" in title or "dự toán" in title:
        return 0 if "kế hoạch" in base or "dự toán" in base else 1
    if "cùng kỳ" in title:
        return 0 if formula.b < formula.a and "kế hoạch" not in base else 1
    return 0


def _totals(ctx: CheckContext, table: TableView) -> None:
    """Check each Tổng / Cộng row against what it may close, reporting only when nothing fits.

    A total adds up the rows since the previous total or group heading (I, A, a row without
    figures); a grand total may instead add up the groups' rows (``I``, ``II`` with figures)
    or the subtotals above it.
    """
    start, groups, subtotals = 0, [], []
    for row in range(len(table.cells)):
        if _is_total(table, row):
            grand = _label(table, row) != "cộng"
            ways = [("phía trên", _items(table, range(start, row)))]
            if grand:  # a Tổng cộng may add up the groups or the subtotals instead
                ways += [("nhóm phía trên", groups), ("cộng phía trên", subtotals)]
                if groups:  # most likely the groups added up: named first
                    ways = ways[1:2] + ways[:1] + ways[2:]
            _total(ctx, table, row, [(what, rows) for what, rows in ways
                                     if rows is not None and len(rows) >= 2])
            if grand:
                groups, subtotals = [], []  # what follows a grand total starts afresh
            else:
                subtotals.append(row)
            start = row + 1
        elif _is_section(table, row):
            if any(table.cell(row, c) for c in _figures(table)):
                groups.append(row)
            start = row + 1


def _figures(table: TableView) -> list[int]:
    """Return the columns that may hold figures a total adds up (not TT, name or %)."""
    return [c for c, title in enumerate(table.titles) if c not in (table.label, table.number)
            and not PERCENT_TITLE.search(title)]


def _is_total(table: TableView, row: int) -> bool:
    return _label(table, row) in _TOTAL_LABELS


def _label(table: TableView, row: int) -> str:
    """Return the row's name in lower case, without a colon; TT's text if the name is empty."""
    label = table.cell(row, table.label)
    if not label and table.number is not None:  # "Tổng cộng" typed in the TT column
        label = table.cell(row, table.number)
    return label.lower().rstrip(":").strip()


def _is_section(table: TableView, row: int) -> bool:
    """Return True for a group's heading row: a Roman numeral or letter in TT, or no figures."""
    if table.number is not None and _SECTION_NUMBER.fullmatch(table.cell(row, table.number)):
        return True
    return not any(table.cell(row, c) for c in _figures(table))


def _items(table: TableView, rows: range) -> list[int] | None:
    """Return the rows a total adds up: the numbered ones (1, 2, 3) if TT has numbers, else
    all; None when some rows detail others ("Trong đó", ``-``, ``a``) and which is unclear."""
    if table.number is not None and any(table.cell(r, table.number).isdigit() for r in rows):
        return [r for r in rows if table.cell(r, table.number).isdigit()]
    if any(_is_breakdown(table, r) for r in rows):
        return None
    return list(rows)


def _is_breakdown(table: TableView, row: int) -> bool:
    label = table.cell(row, table.label).lower()
    mark = table.cell(row, table.number) if table.number is not None else ""
    return label.startswith(("trong đó", "-", "+")) or bool(mark) and not mark.isdigit()


def _total(ctx: CheckContext, table: TableView, row: int,
           ways: list[tuple[str, list[int]]]) -> None:
    for column in _figures(table):
        written = table.values[column][row]
        sums = [(what, _sum(table, column, rows)) for what, rows in ways]
        sums = [(what, total) for what, total in sums if total is not None]
        if written is None or not sums:
            continue
        places = decimals_of(table.cell(row, column))
        if any(abs(total - written) <= slack + _half_unit(table.cell(row, column))
               for _, (_, total, slack) in sums):
            continue
        what, (count, total, _) = sums[0]
        right = format_number(total, places)
        table.report(ctx, row, column, "table.total",
                     f"cộng {count} dòng {what} được {right}, nhưng bảng ghi "
                     f"{table.cell(row, column)}; hãy sửa thành {right} hoặc kiểm tra lại "
                     "số liệu.", right)


def _sum(table: TableView, column: int,
         rows: list[int]) -> tuple[int, Decimal, Decimal] | None:
    """Return how many filled cells `rows` have in `column`, their sum and how far the rounding
    of each may have moved it; None if one is not a number or none is filled."""
    filled = [r for r in rows if table.cell(r, column)]
    values = [table.values[column][r] for r in filled]
    if not values or None in values:
        return None
    return len(values), sum(values), sum(_half_unit(table.cell(r, column)) for r in filled)
