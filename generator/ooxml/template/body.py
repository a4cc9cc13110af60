"""The section, the page headers and the document body of a template, from a `Layout`."""

from __future__ import annotations

from docx.shared import Pt, Twips

from generator.ooxml.ns import XML_SPACE
from generator.ooxml.template.styles import frame
from generator.ooxml.template.xml import PPR_ORDER, el, put
from generator.profiles.blocks import CONTROL, LABEL_RUN
from generator.profiles.spec import Layout, Line


def setup_section(document, layout: Layout) -> None:
    """Page size and margins; different first page: page 1 carries no number."""
    page, section = layout.page, document.sections[0]
    section.page_width, section.page_height = Twips(page.width), Twips(page.height)
    section.top_margin, section.bottom_margin = Twips(page.top), Twips(page.bottom)
    section.left_margin, section.right_margin = Twips(page.left), Twips(page.right)
    section.header_distance = section.footer_distance = Twips(page.header)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    if layout.first_header:
        _fill(first, layout.first_header)
    if layout.first_footer:
        foot = section.first_page_footer
        foot.is_linked_to_previous = False
        _fill(foot, layout.first_footer)
    header = section.header
    header.is_linked_to_previous = False
    _add_page_field(header.paragraphs[0], layout.page_number_size)


def _add_page_field(paragraph, size: float) -> None:
    """Complex PAGE field; "2" is only the cached result shown before update.

    The paragraph carries the "header" style (centred) from python-docx's header part.
    """
    pieces = (el("fldChar", fldCharType="begin"), el("instrText"),
              el("fldChar", fldCharType="separate"), el("t"), el("fldChar", fldCharType="end"))
    pieces[1].text = " PAGE "
    pieces[1].set(XML_SPACE, "preserve")
    pieces[3].text = "2"
    for piece in pieces:
        run = paragraph.add_run()
        if size != 14:  # the style's size (docDefaults) unless the profile says otherwise
            run.font.size = Pt(size)
        run._r.append(piece)


def write_paragraph(paragraph, line: Line, label_style: str | None = None):
    """Style `paragraph` and put the text (tag) in a single run, or a label run and a run."""
    style, text = line
    paragraph.style = style
    label, _, rest = text.rpartition(LABEL_RUN)
    if label:
        paragraph.add_run(label, style=label_style)
        text = rest
    if text:
        paragraph.add_run(text)
    return paragraph


def _fill(container, lines: tuple[Line, ...], label_style: str | None = None) -> None:
    """Write `lines` into a fresh cell or header, reusing its mandatory first paragraph."""
    write_paragraph(container.paragraphs[0], lines[0], label_style)
    for line in lines[1:]:
        write_paragraph(container.add_paragraph(), line, label_style)


def _table_properties(tbl_pr, width: int) -> None:
    """Full text width, fixed layout, no borders, zero side margins.

    Zero cell margins make each column's text area equal to its width, which the rule
    computation relies on (styles.rule_indent).
    """
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    tbl_pr.append(el("tblW", w=str(width), type="dxa"))
    tbl_pr.append(el("tblInd", w="0", type="dxa"))
    borders = el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(side, val="nil"))
    tbl_pr.append(borders)
    tbl_pr.append(el("tblLayout", type="fixed"))
    margins = el("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(el(side, w="0", type="dxa"))
    tbl_pr.append(margins)


def _layout_table(document, layout: Layout, widths, left, right, keep_together: bool):
    """A one-row, two-column borderless table holding `left` and `right`."""
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _table_properties(table._tbl.tblPr, layout.page.text_width)
    for index, width in enumerate(widths):
        table.columns[index].width = Twips(width)
        table.cell(0, index).width = Twips(width)
    if keep_together:
        table.rows[0]._tr.get_or_add_trPr().append(el("cantSplit"))
    label = layout.label_style.name
    _fill(table.cell(0, 0), left, label)
    _fill(table.cell(0, 1), right, label)
    return table


def build_body(document, layout: Layout) -> None:
    """Header table, title block, body loop, closing paragraph, closing table, end."""
    label = layout.label_style.name
    _layout_table(document, layout, layout.header_columns, layout.header_left,
                  layout.header_right, False)
    for line in layout.before_body + layout.body_loop:
        write_paragraph(document.add_paragraph(), line, label)
    for line in layout.closing_text:
        closing = write_paragraph(document.add_paragraph(), line, label)
        if line[0] != CONTROL:
            # Direct formatting on purpose: the closing sentence must share a page with the
            # signature block (cantSplit row), but Body Text itself must not keepNext.
            closing.paragraph_format.keep_with_next = True
    _layout_table(document, layout, layout.closing_columns, layout.closing_left,
                  layout.closing_right, True)
    framed = {spec.name: spec for spec in layout.styles if spec.above_bottom_edge is not None}
    for line in layout.after_closing:
        paragraph = write_paragraph(document.add_paragraph(), line, label)
        if line[0] in framed:
            put(paragraph._p.get_or_add_pPr(), frame(framed[line[0]], layout), PPR_ORDER)
