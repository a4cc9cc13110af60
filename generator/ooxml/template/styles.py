"""styles.xml of a template, from a profile's `ParaStyle` and `CharStyle` specs."""

from __future__ import annotations

import math

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, Twips

from generator.ooxml.ns import qn
from generator.ooxml.template.metrics import bold_width
from generator.ooxml.template.xml import PPR_ORDER, RPR_ORDER, el, fonts_element, line_border, put
from generator.profiles.spec import CharStyle, Layout, ParaStyle, Rule

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
# The rule is drawn between the paragraph indents.  If the indents were exactly the text width,
# a renderer that rounds glyph positions up could wrap the title onto two lines; 1.5 pt of slack
# per side (invisible at print size) prevents it.
_RULE_SLACK = 30


def rule_indent(rule: Rule, size: float, column_width: int) -> int:
    """Left = right indent that centres a rule of the wanted length in its column.

    The layout tables have zero cell margins, so a cell's text area is its full width.
    """
    if rule.text is not None:
        return math.floor((column_width - bold_width(rule.text, size)) / 2) - _RULE_SLACK
    return round(column_width * (1 - (rule.fraction or 1)) / 2)


def build_styles(document, layout: Layout) -> None:
    """Replace the python-docx default styles.xml with the layout's (no latents)."""
    styles = document.styles
    root = styles.element
    for child in list(root):
        root.remove(child)
    root.append(_doc_defaults())
    _add_default_styles(styles)
    names = {spec.style_id: spec.name for spec in layout.styles} | {"Normal": "Normal"}
    for spec in layout.styles:
        _add_para_style(styles, spec, names, layout)
    for spec in layout.styles:
        if spec.next_id:
            styles[spec.name].next_paragraph_style = styles[names[spec.next_id]]
    _add_char_style(styles, layout.label_style)
    _add_footnote_reference(styles)
    _drop_empty_properties(root)


def _doc_defaults():
    """docDefaults: TNR 14 pt, Vietnamese, black; single spacing, no gaps."""
    rpr = el("rPr")
    for child in (fonts_element(), el("color", val="auto"), el("sz", val="28"),
                  el("szCs", val="28"), el("lang", val="vi-VN", eastAsia="vi-VN", bidi="ar-SA")):
        rpr.append(child)
    ppr = el("pPr")
    ppr.append(el("widowControl"))
    ppr.append(el("spacing", after="0", line="240", lineRule="auto"))
    defaults = el("docDefaults")
    defaults.append(el("rPrDefault"))
    defaults[0].append(rpr)
    defaults.append(el("pPrDefault"))
    defaults[1].append(ppr)
    return defaults


def _add_default_styles(styles) -> None:
    """The four defaults Word always writes (Normal, DPF, Normal Table, No List)."""
    normal = styles.add_style("Normal", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
    normal.quick_style = True
    dpf = styles.add_style("Default Paragraph Font", WD_STYLE_TYPE.CHARACTER, builtin=True)
    dpf.style_id, dpf.priority, dpf.hidden, dpf.unhide_when_used = (
        "DefaultParagraphFont", 1, True, True)
    table = styles.add_style("Normal Table", WD_STYLE_TYPE.TABLE, builtin=True)
    table.style_id, table.priority, table.hidden, table.unhide_when_used = (
        "TableNormal", 99, True, True)
    table.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"))
    no_list = styles.add_style("No List", WD_STYLE_TYPE.LIST, builtin=True)
    no_list.style_id, no_list.priority, no_list.hidden, no_list.unhide_when_used = (
        "NoList", 99, True, True)
    for style in (normal, dpf, table, no_list):
        style.element.set(qn("w:default"), "1")


def _apply_font(style, spec: ParaStyle) -> None:
    """Character properties of a paragraph style (python-docx API + szCs/rFonts)."""
    font = style.font
    if spec.size is not None:
        font.size = Pt(spec.size)
        put(style.element.get_or_add_rPr(), el("szCs", val=str(int(spec.size * 2))), RPR_ORDER)
    font.bold, font.italic, font.all_caps = spec.bold, spec.italic, spec.caps
    if spec.underline is not None:
        font.underline = spec.underline
    if spec.color:
        put(style.element.get_or_add_rPr(), el("color", val=spec.color), RPR_ORDER)
    if spec.explicit_fonts:
        # Word's built-in headings use theme fonts and a blue colour; naming TNR here keeps
        # them out even if Word "repairs" the style from its defaults.
        put(style.element.get_or_add_rPr(), fonts_element(), RPR_ORDER)
        put(style.element.get_or_add_rPr(), el("color", val="auto"), RPR_ORDER)


def _apply_paragraph(style, spec: ParaStyle) -> None:
    """Paragraph properties of a style (python-docx API + outlineLvl)."""
    fmt = style.paragraph_format
    if spec.align:
        fmt.alignment = _ALIGN[spec.align]
    if spec.first_line is not None:
        fmt.first_line_indent = Twips(spec.first_line)
    if spec.left is not None:
        fmt.left_indent = Twips(spec.left)
    if spec.before is not None:
        fmt.space_before = Twips(spec.before)
    if spec.after is not None:
        fmt.space_after = Twips(spec.after)
    if spec.line is not None:
        fmt.line_spacing = Twips(spec.line)  # a Length means lineRule="exact"
    elif spec.single:
        fmt.line_spacing = 1.0  # line=240 lineRule=auto, whatever Normal says
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.outline is not None:
        put(style.element.get_or_add_pPr(), el("outlineLvl", val=str(spec.outline)), PPR_ORDER)


def _apply_borders(style, spec: ParaStyle, layout: Layout) -> None:
    """The rule under (as long as its text or a fraction of the column) or above a paragraph."""
    if spec.rule_below is not None:
        rule = spec.rule_below
        width = layout.header_columns[rule.column] if rule.column is not None \
            else layout.page.text_width
        indent = Twips(rule_indent(rule, spec.size or 14, width))
        style.paragraph_format.left_indent = style.paragraph_format.right_indent = indent
        put(style.element.get_or_add_pPr(), line_border("bottom"), PPR_ORDER)
    if spec.rule_above:
        put(style.element.get_or_add_pPr(), line_border("top"), PPR_ORDER)
    if spec.boxed:
        box = el("pBdr")
        for side in ("top", "left", "bottom", "right"):
            box.append(el(side, val="single", sz="8", space="1", color="auto"))
        put(style.element.get_or_add_pPr(), box, PPR_ORDER)


def frame(spec: ParaStyle, layout: Layout):
    """Return the ``w:framePr`` pinning one line of `spec` above the page's bottom edge.

    The frame is one exact line high, anchored to the page, so its foot is at the distance the
    profile gives whatever the margins; it spans the text width and the text is centred in it.
    It is written on the paragraph itself: LibreOffice ignores a frame set in a style.
    """
    height = round((spec.size or 14) * 20 * 1.25)
    top = layout.page.height - spec.above_bottom_edge - height
    return el("framePr", w=str(layout.page.text_width), h=str(height), hRule="exact",
              wrap="notBeside", vAnchor="page", hAnchor="margin", xAlign="center", y=str(top))


def _add_para_style(styles, spec: ParaStyle, names: dict[str, str], layout: Layout):
    """Create one paragraph style from its spec."""
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=spec.builtin)
    style.style_id = spec.style_id
    if spec.base:
        style.base_style = styles[names[spec.base]]
    style.priority = spec.priority
    style.quick_style = spec.priority < 99
    if spec.priority == 99:
        style.unhide_when_used = True
    _apply_paragraph(style, spec)
    _apply_font(style, spec)
    _apply_borders(style, spec, layout)
    return style


def _add_char_style(styles, spec: CharStyle) -> None:
    """Character style of a line's label run (``Kính gửi:``)."""
    style = styles.add_style(spec.name, WD_STYLE_TYPE.CHARACTER)
    style.style_id = spec.style_id
    style.base_style = styles["Default Paragraph Font"]
    style.font.italic, style.font.bold = spec.italic, spec.bold


def _add_footnote_reference(styles) -> None:
    """Character style for footnote marks: superscript."""
    style = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True)
    style.style_id = "FootnoteReference"
    style.base_style = styles["Default Paragraph Font"]
    style.priority, style.unhide_when_used = 99, True
    style.font.superscript = True


def _drop_empty_properties(root) -> None:
    """python-docx leaves ``<w:rPr/>`` behind when a font is only read; drop it."""
    for tag in ("w:rPr", "w:pPr"):
        for element in root.iter(qn(tag)):
            if len(element) == 0 and not element.attrib:
                element.getparent().remove(element)
