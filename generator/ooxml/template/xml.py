"""Small WordprocessingML helpers for the template builder: new elements in schema order."""

from __future__ import annotations

from docx.oxml import OxmlElement

from generator.ooxml.ns import qn

FONT = "Times New Roman"

# Schema order of the children we touch (ECMA-376 Part 1, CT_PPr / CT_RPr); python-docx keeps
# these sequences private.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
    "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
    "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)


def el(tag: str, **attrs: str):
    """New ``w:`` element; attribute names are given without the ``w:`` prefix."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def put(parent, child, order: tuple[str, ...]):
    """Insert ``child`` into ``parent`` at its schema position, replacing a twin."""
    local = child.tag.split("}")[1]
    for old in parent.findall(qn(f"w:{local}")):
        parent.remove(old)
    later = {qn(f"w:{tag}") for tag in order[order.index(local) + 1:]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def fonts_element():
    """rFonts naming TNR for every script, with no theme attributes (the font rule)."""
    return el("rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)


def line_border(side: str):
    """A 0.75 pt solid line on `side` of a paragraph (sz is in eighths of a point)."""
    border = el("pBdr")
    border.append(el(side, val="single", sz="6", space="1", color="auto"))
    return border
