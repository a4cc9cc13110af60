"""Where a table cell sits in Word's grid (spans, vertical merges, widths), for the import reader."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ooxml.ns import on_off, qn

_GRID = qn("w:tblGrid")
MAX_COLUMNS = 63
"""Word's own limit: a larger span or skip is a damaged (or hostile) file, held to it."""


@dataclass(frozen=True)
class CellShape:
    """How a cell sits in the grid: columns it spans, vertical merge, width, nested tables."""

    span: int = 1
    merge: str | None = None
    """``restart`` or ``continue`` (``w:vMerge``); None when the cell is not merged down."""
    width: tuple[int, str] | None = None
    """``w:tcW``: (value, type), type ``dxa`` (twips) or ``pct`` (fiftieths of a percent)."""
    nested: bool = False
    """The cell held a table of its own, flattened into its paragraphs."""


def children(parent, tag: str) -> list:
    """Return the `tag` children (rows, cells) of `parent`, also those in content controls."""
    out = []
    for child in parent:
        if child.tag == qn(tag):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            out += children(child if content is None else content, tag)
    return out


def grid_widths(tbl) -> list[int]:
    """Return the ``w:tblGrid`` column widths in twips (0 where a width is not given)."""
    widths = [col.get(qn("w:w"), "") for col in tbl.iterfind(f"{_GRID}/{qn('w:gridCol')}")]
    return [int(w) if w.isdigit() else 0 for w in widths]


def cell_shape(tc) -> CellShape:
    """Return the span, vertical merge and width of cell `tc` (``w:tcPr``)."""
    nested = tc.find(f".//{qn('w:tbl')}") is not None
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is None:
        return CellShape(nested=nested)
    span = _number(tcpr.find(qn("w:gridSpan")), "w:val")
    merge = tcpr.find(qn("w:vMerge"))
    width = tcpr.find(qn("w:tcW"))
    size = _number(width, "w:w")
    return CellShape(min(max(span or 1, 1), MAX_COLUMNS),
                     None if merge is None else (merge.get(qn("w:val")) or "continue"),
                     None if size is None else (size, width.get(qn("w:type"), "dxa")), nested)


def row_facts(tr) -> tuple[bool, int]:
    """Return whether row `tr` repeats on each page (``w:tblHeader``) and its ``w:gridBefore``."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        return False, 0
    header = trpr.find(qn("w:tblHeader"))
    repeated = bool(on_off(header))
    return repeated, min(_number(trpr.find(qn("w:gridBefore")), "w:val") or 0, MAX_COLUMNS)


def _number(element, attribute: str) -> int | None:
    value = None if element is None else element.get(qn(attribute), "")
    return int(value) if value and value.isdigit() else None
