"""Real Word tables (``w:tbl``) in place of the table markers docxtpl left in the body.

Each table is built from the model's plain `Table` (generator/model.py) with the profile's
`TableStyle`: full grid, fixed layout at the text width (Word and LibreOffice then agree on
the columns), header rows bold, centred and repeated on each page (``w:tblHeader``), no row
split across pages (``w:cantSplit``). The caption (bold, centred) and the unit (italic, right)
stand above it, kept with it. A footnote anchor in a cell is written as the footnote marker of
generator/ooxml/markers.py, which `footnotes.add_footnotes` turns into a reference afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from generator.model import Break, Cell, Inline, NoteRef, Run, Table
from generator.ooxml.markers import TABLE_MARKER, note_marker
from generator.ooxml.ns import XML_SPACE, qn
from generator.profiles.spec import TableStyle

_P, _R, _T, _TBL = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tbl")
_VAL, _W, _TYPE = qn("w:val"), qn("w:w"), qn("w:type")
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_GRID, _COL, _TR, _TC = qn("w:tblGrid"), qn("w:gridCol"), qn("w:tr"), qn("w:tc")
_TC_PR, _GRID_SPAN = qn("w:tcPr"), qn("w:gridSpan")


def insert_tables(document, tables: Sequence[Table], style: TableStyle, text_width: int) -> int:
    """Replace each marker paragraph of the body by its table; return how many were placed."""
    body = document.element.body
    placed = 0
    markers = [p for p in body.iter(_P) if TABLE_MARKER.fullmatch(_text(p))] if tables else []
    for paragraph in markers:  # no table, no marker worth looking for: 10,000 paragraphs, 60 ms
        index = int(TABLE_MARKER.fullmatch(_text(paragraph)).group(1))
        if index >= len(tables):
            continue
        table = tables[index]
        for element in table_elements(table, style, text_width):
            paragraph.addprevious(element)
        paragraph.getparent().remove(paragraph)
        placed += 1
    _separate_adjacent(body)
    return placed


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_T))


def table_elements(table: Table, style: TableStyle, text_width: int) -> list:
    """Return the caption and unit paragraphs (if any) and the ``w:tbl`` of `table`."""
    return [*_above(table, style), _table(table, style, text_width)]


def _above(table: Table, style: TableStyle) -> list:
    """Return the caption and unit paragraphs, each kept with the next."""
    out = []
    if table.caption:
        out.append(_paragraph(table.caption, "center", style.caption_size, bold=True,
                              keep_next=True, before=120))
    if table.unit:
        out.append(_paragraph((Run(table.unit),), "right", style.size, italic=True,
                              keep_next=True))
    return out


def _table(table: Table, style: TableStyle, text_width: int):
    widths = _twips(table.widths, text_width)
    tbl = etree.Element(_TBL)
    pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(pr, qn("w:tblW"), {_W: str(text_width), _TYPE: "dxa"})
    etree.SubElement(pr, qn("w:jc"), {_VAL: "center"})
    borders = etree.SubElement(pr, qn("w:tblBorders"))
    for side in _SIDES:
        etree.SubElement(borders, qn(f"w:{side}"), {_VAL: "single", qn("w:sz"): str(style.border),
                                                    qn("w:space"): "0", qn("w:color"): "000000"})
    etree.SubElement(pr, qn("w:tblLayout"), {_TYPE: "fixed"})
    margins = etree.SubElement(pr, qn("w:tblCellMar"))
    for side, width in (("top", 0), ("left", style.cell_margin), ("bottom", 0),
                        ("right", style.cell_margin)):
        etree.SubElement(margins, qn(f"w:{side}"), {_W: str(width), _TYPE: "dxa"})
    etree.SubElement(pr, qn("w:tblLook"), {_VAL: "04A0", qn("w:firstRow"): "1",
                                           qn("w:lastRow"): "0", qn("w:firstColumn"): "0",
                                           qn("w:lastColumn"): "0", qn("w:noHBand"): "0",
                                           qn("w:noVBand"): "1"})
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for width in widths:
        etree.SubElement(grid, qn("w:gridCol"), {_W: str(width)})
    for row in table.header:
        _row(tbl, row, widths, ("center",) * len(widths), style, header=True)
    for row in table.rows:
        _row(tbl, row, widths, table.align, style, header=False)
    return tbl


def _twips(percentages: Sequence[float], text_width: int) -> list[int]:
    """Return column widths in twips summing exactly to `text_width`."""
    out, used = [], 0
    for i, share in enumerate(percentages):
        width = text_width - used if i == len(percentages) - 1 else round(text_width * share / 100)
        out.append(width)
        used += width
    return out


def _row(tbl, cells: Sequence[Cell], widths: list[int], align: Sequence[str],
         style: TableStyle, header: bool) -> None:
    tr = etree.SubElement(tbl, qn("w:tr"))
    trpr = etree.SubElement(tr, qn("w:trPr"))
    etree.SubElement(trpr, qn("w:cantSplit"))
    if header:
        etree.SubElement(trpr, qn("w:tblHeader"))
    column = 0
    for cell in cells:
        tc = etree.SubElement(tr, qn("w:tc"))
        tcpr = etree.SubElement(tc, qn("w:tcPr"))
        width = sum(widths[column:column + cell.span])
        etree.SubElement(tcpr, qn("w:tcW"), {_W: str(width), _TYPE: "dxa"})
        if cell.span > 1:
            etree.SubElement(tcpr, qn("w:gridSpan"), {_VAL: str(cell.span)})
        if header:
            etree.SubElement(tcpr, qn("w:vMerge"), {_VAL: "continue"} if cell.merged
                             else {_VAL: "restart"})
        etree.SubElement(tcpr, qn("w:vAlign"), {_VAL: "center"})
        tc.append(_paragraph(cell.inlines, align[column], style.size, bold=header,
                             spacing=style.cell_spacing))
        column += cell.span


def plain_paragraph(inlines: Sequence[Inline], align: str, size: float, **options):
    """Return a paragraph with direct formatting only: centred lines, captions."""
    return _paragraph(inlines, align, size, **options)


def _paragraph(inlines: Sequence[Inline], align: str, size: float, *, bold=False, italic=False,
               keep_next=False, before=None, spacing=0):
    """Return ``w:p`` with direct formatting only (no body indent, single spacing)."""
    p = etree.Element(_P)
    ppr = etree.SubElement(p, qn("w:pPr"))
    if keep_next:
        etree.SubElement(ppr, qn("w:keepNext"))
    etree.SubElement(ppr, qn("w:spacing"), {
        qn("w:before"): str(spacing if before is None else before), qn("w:after"): str(spacing),
        qn("w:line"): "240", qn("w:lineRule"): "auto"})
    etree.SubElement(ppr, qn("w:ind"), {qn("w:left"): "0", qn("w:right"): "0",
                                        qn("w:firstLine"): "0"})
    etree.SubElement(ppr, qn("w:jc"), {_VAL: "both" if align == "justify" else align})
    add_runs(p, inlines, size, bold=bold, italic=italic)
    return p


def add_runs(p, inlines: Sequence[Inline], size: float | None, *, bold=False,
             italic=False) -> None:
    """Append `inlines` to `p` as runs (footnotes as markers); `size` None keeps the style's."""
    half_points = str(round(size * 2)) if size else None
    for item in inlines:
        if isinstance(item, Break):
            etree.SubElement(etree.SubElement(p, _R), qn("w:br"))
            continue
        if isinstance(item, NoteRef):
            text, b, i, u = note_marker(item.number), item.bold, item.italic, False
        elif isinstance(item, Run) and item.text:
            text, b, i, u = item.text, item.bold, item.italic, item.underline
        else:
            continue
        run = etree.SubElement(p, _R)
        rpr = etree.SubElement(run, qn("w:rPr"))
        for flag, tag in ((b or bold, "w:b"), (i or italic, "w:i")):
            if flag:
                etree.SubElement(rpr, qn(tag))
        if half_points:
            etree.SubElement(rpr, qn("w:sz"), {_VAL: half_points})
            etree.SubElement(rpr, qn("w:szCs"), {_VAL: half_points})
        if u:
            etree.SubElement(rpr, qn("w:u"), {_VAL: "single"})
        etree.SubElement(run, _T, {XML_SPACE: "preserve"}).text = text


def _separate_adjacent(body) -> None:
    """Put an empty paragraph between two tables that touch (Word would join them)."""
    for tbl in list(body.iter(_TBL)):
        following = tbl.getnext()
        if following is not None and following.tag == _TBL:
            tbl.addnext(_paragraph((), "left", 2))


def grid_mismatch(body) -> bool:
    """Return True if docxtpl's `fix_tables` would change a table of `body`: a row with more
    cells than the grid has columns, or a grid wider than its widest row (cells' spans summed)."""
    for tbl in body.iter(_TBL):
        grid = tbl.find(_GRID)
        if grid is None:
            return True  # docxtpl's own repair fails on it, as before
        columns = len(grid.findall(_COL))
        widest = 0
        for row in tbl.iter(_TR):
            cells = row.findall(_TC)
            if len(cells) > columns:
                return True
            try:
                widest = max(widest, sum(_span(cell) for cell in cells))
            except (TypeError, ValueError):
                return True
        if widest < columns:
            return True
    return False


def _span(cell) -> int:
    properties = cell.find(_TC_PR)
    span = None if properties is None else properties.find(_GRID_SPAN)
    return 1 if span is None else int(span.get(_VAL))
