"""Word tables → ``- table:`` items: header rows, merged header cells, widths, caption and unit.

A body table is carried as a `BodyTable` run inside a paragraph of its own, so the outline code
places it among the paragraphs like any other; `paragraph_items` turns it into the data
(``{"table": {...}}``) with the footnote ids of the file it lands in. The header is the rows
Word repeats on each page (``w:tblHeader``), else the first row, with a second one when it
continues the first (merged down, or sub-headings under a merged cell). Every cell keeps the
characters typed (``10.500`` and ``7,84`` stay text). The data has no merged cells in the body:
their text is kept in the first cell and the others are left empty, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.patterns import ADDRESSEE
from generator.importer.source import Source
from generator.importer.text import Item, NoteScope, markup
from generator.ooxml.reader import Paragraph, Table, TextRun
from generator.tabledata import is_figure

UNIT = re.compile(r"^\(?\s*(?:ĐVT|Đơn\s+vị\s+tính|Đơn\s+vị)\s*:", re.IGNORECASE)
"""``ĐVT: tỷ đồng``, ``(Đơn vị tính: triệu đồng)``: the line above a table naming its unit."""
_CAPTION = re.compile(r"^(?:Bảng|Biểu)\s+(?:số\s+)?\d+\b", re.IGNORECASE)
_CAPTION_STYLES = {"caption", "table caption"}
_LABEL_CHARS = 80
LINE_BREAK = "[xuống dòng]"
MAX_SPAN = 50
"""The most columns a header cell of the data may span (schema.SpanCell)."""


@dataclass(eq=False)
class BodyTable:
    """A body table with the caption and unit lines taken from above it.

    `item` is the data written for it once converted (None while it is not, or when it was
    kept as paragraphs); faithfulness compares the source's cells with it.
    """

    source: Source
    table: Table
    caption: Paragraph | None = None
    unit: Paragraph | None = None
    item: dict | None = field(default=None, repr=False)

    def paragraphs(self) -> list[Paragraph]:
        """Return the source paragraphs it stands for: caption, unit, then the cells'."""
        return [p for p in (self.caption, self.unit) if p] + self.table.paragraphs()


def is_layout(table: Table) -> bool:
    """Return True for a table that is a frame rather than figures: one row, Kính gửi, empty."""
    texts = [p.text for p in table.paragraphs() if p.text.strip()]
    return len(table.rows) < 2 or not texts or any(ADDRESSEE.match(t) for t in texts)


def body_table(source: Source, table: Table, before: list[Paragraph]) -> tuple[int, Paragraph]:
    """Return how many of the last paragraphs of `before` are its caption and unit, and the
    paragraph standing for `table` in the body."""
    mark = BodyTable(source, table)
    taken = 0
    if before and _unit_like(before[-1]):
        mark.unit, taken = before[-1], 1
    if len(before) > taken and _caption_like(before[-1 - taken]):
        mark.caption, taken = before[-1 - taken], taken + 1
    return taken, Paragraph(table.index, runs=[mark])


def _unit_like(paragraph: Paragraph) -> bool:
    """Return True for a short ``ĐVT: …`` line with no footnote (the unit is printed as text)."""
    text = paragraph.text.strip()
    return bool(UNIT.match(text)) and len(text) <= 80 and all(
        isinstance(r, TextRun) for r in paragraph.runs)


def _caption_like(paragraph: Paragraph) -> bool:
    """Return True for a short line that is clearly a table's name: in a caption style (Word's
    ``Caption``, pandoc's ``Table Caption``), bold and centred, or ``Bảng 1 …``."""
    from generator.importer.outline import heading_of

    text = " ".join(paragraph.text.split())
    if not text or len(text) > 200 or text.endswith(":") or heading_of(paragraph) is not None:
        return False
    runs = [r for r in paragraph.runs if isinstance(r, TextRun) and r.text.strip()]
    return (paragraph.style.lower() in _CAPTION_STYLES or bool(_CAPTION.match(text))
            or paragraph.centered and all(r.bold for r in runs))


def marks(paragraphs) -> list[BodyTable]:
    """Return the body tables among `paragraphs` (reader paragraphs or lists of runs)."""
    out = []
    for paragraph in paragraphs:
        runs = paragraph.runs if isinstance(paragraph, Paragraph) else paragraph
        out += [r for r in runs if isinstance(r, BodyTable)]
    return out


def paragraph_items(paragraphs: list[list[Item]], scope: NoteScope,
                    tables: bool = True) -> list[str | dict]:
    """Return the paragraphs as markup and the tables as ``{"table": …}`` items.

    Without `tables` (where only text may stand, such as the report's intro) a table becomes
    one paragraph per filled cell.
    """
    out: list[str | dict] = []
    for runs in paragraphs:
        found = marks([runs])
        if not found:
            if text := markup(runs, scope.anchor):
                out.append(text)
        elif tables:
            found[0].item = table_item(found[0], scope)
            out.append(found[0].item)
        else:
            mark = found[0]
            mark.source.warn("import.table-text", "bảng đứng trước đề mục đầu tiên, nơi chỉ có "
                             "đoạn văn; mỗi ô có chữ được giữ thành một đoạn, hãy xem lại.",
                             next(iter(mark.table.paragraphs()), None))
            out += [t for p in mark.paragraphs() if (t := markup(p.runs, scope.anchor))]
    return out


def table_item(mark: BodyTable, scope: NoteScope) -> dict:
    """Return the ``{"table": …}`` item of `mark`, its notes numbered in `scope`."""
    table, source = mark.table, mark.source
    grid = [_columns(table, r) for r in range(len(table.rows))]
    width = max(sum(slot.span for slot in row) for row in grid)
    unit = mark.unit or _unit_row(grid, width)
    marked = table.header_rows
    if unit is not None and unit is not mark.unit:  # the unit typed in a first, merged row
        grid, marked = grid[1:], max(0, marked - 1)
    count = _header_count(marked, grid)
    spec: dict = {}
    if mark.caption:
        spec["caption"] = markup(mark.caption.runs, scope.anchor, drop_uniform=True)
    if unit is not None:
        spec["unit"] = " ".join(unit.text.split())
    notes: dict[str, Paragraph | None] = {}
    spec["header"] = [_header_row(grid[0], width, scope, first=True)]
    if count == 2:
        spec["header"].append(_header_row(grid[1], width, scope, first=False))
    spec["rows"] = [_body_row(g, width, scope, notes) for g in grid[count:]]
    widths = _widths(table, width)
    if widths:
        spec["widths"] = widths
    _warn(source, table, notes, (marked, count), grid)
    return {"table": spec}


def _unit_row(grid: list[list[_Slot]], width: int) -> Paragraph | None:
    """Return the ``ĐVT: …`` line when the first row is only that, in one cell across the table."""
    first = grid[0]
    if len(grid) < 3 or width < 2 or len(first) != 1 or first[0].span != width:
        return None
    lines = [p for p in first[0].paragraphs if p.text.strip()]
    return lines[0] if len(lines) == 1 and _unit_like(lines[0]) else None


@dataclass
class _Slot:
    """One cell in its place: its paragraphs, the columns it covers, how it merges down."""

    paragraphs: list[Paragraph]
    span: int = 1
    merge: str | None = None
    nested: bool = False


def _columns(table: Table, r: int) -> list[_Slot]:
    """Return row `r` as slots, an empty one for each grid column it skips at the start."""
    skipped = table.skipped[r] if r < len(table.skipped) else 0
    slots = [_Slot([]) for _ in range(skipped)]
    for cell, shape in zip(table.rows[r], table.shapes[r]):
        slots.append(_Slot(cell, shape.span, shape.merge, shape.nested))
    return slots


def _header_count(marked: int, grid: list[list[_Slot]]) -> int:
    """Return 1 or 2: the `marked` header rows, else the first row and a continuation of it."""
    most = min(2, len(grid) - 1)
    if marked:
        return min(marked, most)
    if most < 2:
        return 1
    if any(s.merge == "continue" for s in grid[1]):  # merged down from the first row
        return 2
    spans = any(s.span > 1 for s in grid[0])
    return 2 if spans and _under_spans(grid[0], grid[1]) and _labels(grid[1]) else 1


def _under_spans(first: list[_Slot], second: list[_Slot]) -> bool:
    """Return True if `second` has text only under the merged cells of `first`."""
    spanned = [s.span > 1 for s in first for _ in range(s.span)]
    column = 0
    for slot in second:
        if _text(slot) and not any(spanned[column:column + slot.span]):
            return False
        column += slot.span
    return True


def _labels(row: list[_Slot]) -> bool:
    """Return True for a row of headings: every filled cell bold, or short and not a figure."""
    texts = [s for s in row if _text(s)]
    bold = all(r.bold for s in texts for p in s.paragraphs for r in p.runs
               if isinstance(r, TextRun) and r.text.strip())
    short = all(len(_text(s)) <= _LABEL_CHARS and not is_figure(_text(s)) for s in texts)
    return bool(texts) and (bold or short)


def _text(slot: _Slot) -> str:
    return " ".join(" ".join(p.text for p in slot.paragraphs).split())


def _cell(slot: _Slot, scope: NoteScope, header: bool) -> str:
    """Return the cell's markup; its paragraphs and line breaks become ``[xuống dòng]``."""
    lines: list[str] = []
    for paragraph in slot.paragraphs:
        runs = [TextRun(r.text, False, r.italic, r.font) if header and isinstance(r, TextRun)
                else r for r in paragraph.runs]  # the header prints bold by itself
        lines += [t for piece in _split_lines(runs) if (t := markup(piece, scope.anchor))]
    return LINE_BREAK.join(lines)


def _split_lines(runs: list[Item]) -> list[list[Item]]:
    """Return `runs` cut at each line break (Shift+Enter) they hold."""
    out: list[list[Item]] = [[]]
    for run in runs:
        if not isinstance(run, TextRun) or "\n" not in run.text:
            out[-1].append(run)
            continue
        first, *rest = run.text.split("\n")
        out[-1].append(TextRun(first, run.bold, run.italic, run.font))
        out += [[TextRun(piece, run.bold, run.italic, run.font)] for piece in rest]
    return out


def _header_row(row: list[_Slot], width: int, scope: NoteScope, first: bool) -> list:
    """Return a header row: merged cells as ``{text, span}`` in the first row; in the second,
    ``""`` for a cell merged with the one above and one entry per column."""
    out: list = []
    for slot in row:
        text = "" if slot.merge == "continue" and not _text(slot) else _cell(slot, scope, True)
        if first and 1 < slot.span <= MAX_SPAN:
            out.append({"text": text, "span": slot.span})
        else:
            out += [text] + [""] * (slot.span - 1)
    used = sum(c["span"] if isinstance(c, dict) else 1 for c in out)
    return out + [""] * (width - used)


def _body_row(row: list[_Slot], width: int, scope: NoteScope,
              notes: dict[str, Paragraph | None]) -> list[str]:
    """Return a body row, one text per column; the first merged or nested cell of each kind
    is noted in `notes` (kind → one of its paragraphs, to say where)."""
    out: list[str] = []
    for slot in row:
        out += [_cell(slot, scope, False)] + [""] * (slot.span - 1)
        for key, present in (("merge", slot.merge == "continue" and not _text(slot)),
                             ("span", slot.span > 1), ("nested", slot.nested)):
            if present:
                notes.setdefault(key, next(iter(slot.paragraphs), None))
    return out + [""] * (width - len(out))


def _widths(table: Table, columns: int) -> list[int] | None:
    """Return the column widths in % (whole numbers), or None when equal or unknown."""
    widths = table.grid if len(table.grid) == columns and all(table.grid) else None
    if widths is None:
        rows = [shapes for shapes in table.shapes if len(shapes) == columns
                and all(s.width and s.width[1] in ("dxa", "pct") and s.width[0] for s in shapes)]
        widths = [s.width[0] for s in rows[0]] if rows else None
    if widths is None:
        return None
    total = sum(widths)
    shares = [max(1, round(w * 100 / total)) for w in widths]
    return None if len(set(shares)) == 1 else shares


_NOTES = {
    "merge": "ô gộp theo chiều dọc ở thân bảng: dữ liệu chưa gộp ô ngoài dòng tiêu đề, chữ "
             "được giữ ở ô đầu, các ô dưới để trống",
    "span": "ô gộp nhiều cột ở thân bảng: chữ được giữ ở cột đầu, các cột còn lại để trống",
    "nested": "bảng lồng trong một ô: chữ của nó được đưa vào ô đó",
}


def _warn(source: Source, table: Table, notes: dict[str, Paragraph | None],
          header: tuple[int, int], grid: list[list[_Slot]]) -> None:
    marked, count = header
    where = next(iter(table.paragraphs()), None)
    for key, paragraph in notes.items():
        source.warn(f"import.table-{key}", _NOTES[key] + "; hãy xem lại.", paragraph or where)
    if marked > 2:
        source.warn("import.table-header", f"bảng có {marked} dòng tiêu đề; dữ liệu giữ "
                    f"{count} dòng tiêu đề, các dòng còn lại thành dòng thường.", where)
    elif not marked and not _labels(grid[0]):
        source.warn("import.table-header", "không rõ dòng tiêu đề của bảng; dòng đầu được lấy "
                    "làm dòng tiêu đề (in đậm, lặp lại ở đầu mỗi trang), hãy xem lại.", where)
