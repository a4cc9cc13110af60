"""Phụ lục after the signature: each its own section (new page, page numbers from 1, landscape).

The body's final ``w:sectPr`` holds the page setup of the last section; a section ends with a
paragraph whose ``w:pPr`` carries its ``w:sectPr`` (ECMA-376 §17.6.17). So the main text's
setup is copied into its last paragraph, each appendix but the last ends with a paragraph
holding its own copy (a section starts on a new page: no page break is needed), and the final
one is the last appendix's: ``w:pgNumType w:start="1"``,
and width and height swapped with ``w:orient="landscape"`` when asked.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from generator.model import Appendix, Run
from generator.ooxml import tables
from generator.ooxml.ns import qn
from generator.profiles.spec import Layout

_P, _PPR, _SECT = qn("w:p"), qn("w:pPr"), qn("w:sectPr")
_FOOTER_REFERENCE = qn("w:footerReference")
_BEFORE_PG_NUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                  "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid")


def add_appendices(document, appendices: Sequence[Appendix], layout: Layout,
                   body_style: str) -> None:
    """Append each appendix after the body's last paragraph, as its own section."""
    if not appendices:
        return
    body = document.element.body
    final = body.find(_SECT)
    main = copy.deepcopy(final)
    _end_section(_last_paragraph(body, final), main)
    for index, appendix in enumerate(appendices):
        setup = final if index == len(appendices) - 1 else copy.deepcopy(main)
        _appendix_setup(setup, main, appendix.landscape)
        width = _text_width(setup)
        elements = _heading(appendix, layout) + _content(appendix, layout, body_style, width)
        for element in elements:
            final.addprevious(element)
        if setup is not final:
            last = elements[-1] if elements[-1].tag == _P else None
            if last is None:
                last = tables.plain_paragraph((), "left", 2)
                final.addprevious(last)
            _end_section(last, setup)
    _own_first_footers(document, len(appendices))


def _own_first_footers(document, count: int) -> None:
    """Give the appendices' sections an empty first-page footer where page 1 has its own.

    A copied setup keeps page 1's footer, and NĐ30 puts the contact line there (Phụ lục I, ô
    số 14): it belongs to the first page of the document, not to each appendix's first page.
    """
    for section in list(document.sections)[-count:]:
        reference = next((r for r in section._sectPr.iterchildren(_FOOTER_REFERENCE)
                          if r.get(qn("w:type")) == "first"), None)
        if reference is None:
            continue
        section._sectPr.remove(reference)
        footer = section.first_page_footer
        footer.is_linked_to_previous = False  # a new, empty footer part
        footer.paragraphs[0].style = None  # python-docx's "Footer" style is not in our styles


def _last_paragraph(body, final):
    last = final.getprevious()
    if last is None or last.tag != _P:
        last = tables.plain_paragraph((), "left", 2)
        final.addprevious(last)
    return last


def _end_section(paragraph, setup) -> None:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        paragraph.insert(0, ppr)
    ppr.append(setup)


def _appendix_setup(setup, main, landscape: bool) -> None:
    """Make `setup` a copy of the main page setup restarting at 1, turned when `landscape`."""
    for child in list(setup):
        setup.remove(child)
    for child in main:
        setup.append(copy.deepcopy(child))
    size = setup.find(qn("w:pgSz"))
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    if landscape:
        size.set(qn("w:w"), str(max(width, height)))
        size.set(qn("w:h"), str(min(width, height)))
        size.set(qn("w:orient"), "landscape")
    start = etree.Element(qn("w:pgNumType"), {qn("w:start"): "1"})
    follower = next((c for c in setup if c.tag in {qn(t) for t in _BEFORE_PG_NUM}), None)
    if follower is None:
        setup.append(start)
    else:
        follower.addprevious(start)


def _text_width(setup) -> int:
    size, margins = setup.find(qn("w:pgSz")), setup.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) \
        - int(margins.get(qn("w:right")))


def _heading(appendix: Appendix, layout: Layout) -> list:
    size = layout.table.caption_size
    label = tables.plain_paragraph((Run(appendix.label),), "center", size, bold=True,
                                   keep_next=True)
    title = tables.plain_paragraph((Run(appendix.title),), "center", size, bold=True,
                                   keep_next=True)
    reference = tables.plain_paragraph((Run(appendix.reference),), "center", size,
                                       italic=True, keep_next=True, before=0)
    return [label, title, reference]


def _content(appendix: Appendix, layout: Layout, body_style: str, width: int) -> list:
    out: list = []
    for block in appendix.body:
        if block.table is not None:
            if out and out[-1].tag == qn("w:tbl"):
                out.append(tables.plain_paragraph((), "left", 2))
            out.extend(tables.table_elements(block.table, layout.table, width))
            continue
        p = etree.Element(_P)
        etree.SubElement(etree.SubElement(p, _PPR), qn("w:pStyle"), {qn("w:val"): body_style})
        tables.add_runs(p, block.inlines, None)
        out.append(p)
    return out
