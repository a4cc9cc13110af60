"""Build ``templates/bao-cao.docx``, the docxtpl template of a Party report (BÁO CÁO).

Run ``python -m generator.ooxml.template_builder templates/bao-cao.docx``.

Layout (Hướng dẫn 36-HD/VPTW; section numbers refer to shared/format/hd36.md):

* One A4 portrait section, margins 20/20/30/15 mm, header distance 10 mm (§2, §9).
  ``titlePg`` is on: the first-page header is empty and the default header holds a
  centred 14 pt PAGE field, so numbers start on page 2 (§6).
* Page-1 header block: a borderless, fixed 2-column table, 70 mm + 95 mm (§5.1).
  Left: organ_parent (optional), organ_name, ``*``, number_line, draft (optional).
  Right: ``ĐẢNG CỘNG SẢN VIỆT NAM`` with a rule of the title's own length (§3 row 1a),
  then place_date.
* doc_type, title (trích yếu) and ``-----`` centred across the page (§3 rows 5a-5c).
* The body loop: one paragraph per block, styled Heading 1/2/3 or Body Text (§4).
* Closing block: a borderless 2-column table, 50 % + 50 %: "Nơi nhận" and the
  recipients left, the signature block right (§5.2).

Every visual property lives in a named style (ASCII ids, readable names) so a clerk
restyles the template in Word without touching direct formatting.  Every docxtpl tag
sits in a single run, and no rsid or proofErr noise is written, so docxtpl's regex
passes stay cheap (footnotes-docxtpl.md §5).  The zip is written by hand with fixed
timestamps and fixed core properties so two builds give identical bytes (§4 there).

Footnotes (footnotes.xml, ``w:footnotePr``) are deliberately absent: the generator
adds them after rendering.  Only their two styles are defined here.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips

# ---------------------------------------------------------------------------
# Page geometry, in twips (hd36.md §2 and §9).
# ---------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 portrait
MARGIN_TOP, MARGIN_BOTTOM = 1134, 1134  # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = 1701, 850  # 30 mm / 15 mm
HEADER_DISTANCE = FOOTER_DISTANCE = 567  # page number ~10 mm from the top edge (§6)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9355 twips = 165 mm

# §5.1: left column 70 mm, right column 95 mm (sum = text width).
HEADER_COLUMNS = (3969, TEXT_WIDTH - 3969)
# §5.2: Nơi nhận and signature side by side, half each: at 45 % the longest usual recipient
# line ("- Các cơ quan tham mưu, giúp việc Tỉnh ủy,", 12 pt) wrapped; the signature block's
# widest line (PHÓ BÍ THƯ THƯỜNG TRỰC, 14 pt) needs about 70 mm of the 82 mm.
CLOSING_COLUMNS = (TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2)

FONT = "Times New Roman"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_TITLE_PT = 15  # §3 row 1: 15 pt bold caps

# Advance widths in font units (2048 per em) of the glyphs of PARTY_TITLE in
# Liberation Serif Bold 2.1.5, read from its ``hmtx`` table via the ``cmap``.
# Liberation Serif is metric-compatible with Times New Roman, so these are
# TNR Bold's advances too; the precomposed Vietnamese capitals (Đ Ả Ệ Ộ) share
# the advance of their base letter.  Kerning is ignored: Word does not kern
# unless ``w:kern`` is set, and kerning would only make the text narrower.
_TNR_BOLD_ADVANCES = {
    " ": 512, "A": 1479, "C": 1479, "G": 1593, "I": 797, "M": 1933,
    "N": 1479, "S": 1139, "T": 1366, "V": 1479,
    "Đ": 1479, "Ả": 1479, "Ệ": 1366, "Ộ": 1593,
}
_UNITS_PER_EM = 2048
# The rule is drawn between the paragraph indents.  If the indents were exactly
# the text width, a renderer that rounds glyph positions up could wrap the title
# onto two lines; 1.5 pt of slack per side (invisible at print size) prevents it.
_RULE_SLACK = 30

CORE_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Schema order of the children we touch (ECMA-376 Part 1, CT_PPr / CT_RPr /
# CT_TblPr); python-docx keeps these sequences private.
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
    "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
    "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# ---------------------------------------------------------------------------
# Small XML helpers.
# ---------------------------------------------------------------------------
def _el(tag: str, **attrs: str):
    """New ``w:`` element; attribute names are given without the ``w:`` prefix."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _put(parent, child, order: tuple[str, ...]):
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


def _fonts_element():
    """rFonts naming TNR for every script, with no theme attributes (§2 font rule)."""
    return _el("rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)


# ---------------------------------------------------------------------------
# Party-title rule geometry (hd36.md §3 row 1a: rule as long as the title).
# ---------------------------------------------------------------------------
def party_title_width(size_pt: float = PARTY_TITLE_PT) -> float:
    """Width of PARTY_TITLE in TNR Bold at ``size_pt``, in twips (1 pt = 20 twips)."""
    units = sum(_TNR_BOLD_ADVANCES[char] for char in PARTY_TITLE)
    return units / _UNITS_PER_EM * size_pt * 20


def party_rule_indent() -> int:
    """Left = right indent that centres a rule of the title's width in its cell.

    The header table has zero cell margins, so the cell's text area is the full
    column width: (5386 - 4133.5) / 2 - 30 = 596 twips per side.
    """
    free = HEADER_COLUMNS[1] - party_title_width()
    return math.floor(free / 2) - _RULE_SLACK


# ---------------------------------------------------------------------------
# Style specifications.
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ParaStyle:
    """One paragraph style; lengths in twips, ``None`` means inherited."""

    style_id: str
    name: str
    base: str | None = "Normal"
    next_id: str | None = None
    builtin: bool = False
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    underline: bool | None = None
    align: str | None = None
    first_line: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None  # exact line height (lineRule="exact")
    single: bool = False  # explicit single spacing (240 auto), not inherited
    keep_next: bool = False
    outline: int | None = None
    explicit_fonts: bool = False
    color: str | None = None  # RGB hex
    priority: int = 1


# §4: body 14 pt, justified, 10 mm first line, 6 pt between paragraphs,
# exactly 18 pt lines.  Headings (§4.1) inherit all of it and add weight.
_BODY = dict(size=14, align="both", first_line=567, before=120, after=0, line=360)
_HEADING = dict(base="BodyText", next_id="BodyText", builtin=True, size=14,
                keep_next=True, explicit_fonts=True, priority=9)

PARA_STYLES: tuple[ParaStyle, ...] = (
    ParaStyle("BodyText", "Body Text", builtin=True, priority=2, **_BODY),
    ParaStyle("Heading1", "heading 1", bold=True, outline=0, **_HEADING),
    ParaStyle("Heading2", "heading 2", bold=True, outline=1, **_HEADING),
    ParaStyle("Heading3", "heading 3", bold=True, italic=True, outline=2, **_HEADING),
    # §6: footnotes 12 pt, justified, single spacing.
    ParaStyle("FootnoteText", "footnote text", builtin=True, size=12, align="both",
              before=0, after=0, single=True, priority=99),
    # §6: page number 14 pt, centred.
    ParaStyle("Header", "header", builtin=True, align="center", priority=99),
    # §3 rows 2a-2c, 3, 11b and §5.1: the left header column.
    ParaStyle("BCCoQuanCapTren", "BC Co quan cap tren", size=14, caps=True, align="center"),
    ParaStyle("BCCoQuan", "BC Co quan", size=14, bold=True, caps=True, align="center"),
    ParaStyle("BCDauSao", "BC Dau sao", size=14, align="center"),
    ParaStyle("BCSoKyHieu", "BC So ky hieu", size=14, align="center"),
    ParaStyle("BCDuThao", "BC Du thao", size=14, italic=True, align="center"),
    # §3 rows 1, 1a, 4: the right header column.  13 pt before the date puts it
    # on the baseline of "Số …" when there is no parent organ (§5.1 sketch;
    # checked in a LibreOffice PDF: 14 pt lines are ~16.1 pt, the title line
    # ~17.3 pt plus 1.75 pt of rule).
    ParaStyle("BCTieuDeDang", "BC Tieu de Dang", size=PARTY_TITLE_PT, bold=True,
              caps=True, align="center"),
    ParaStyle("BCNgayThang", "BC Ngay thang", size=14, italic=True, align="center",
              before=260),
    # §3 rows 5a-5c and §5.1: about one blank line below the header block.
    ParaStyle("BCTenLoai", "BC Ten loai", size=16, bold=True, caps=True,
              align="center", before=360, keep_next=True),
    ParaStyle("BCTrichYeu", "BC Trich yeu", size=14, bold=True, align="center",
              keep_next=True),
    ParaStyle("BCGachNgang", "BC Gach ngang", size=14, align="center", after=120),
    # §3 rows 9a/9b and §5.2: "Nơi nhận" on the line of "T/M …", 12 pt list.
    ParaStyle("BCNoiNhan", "BC Noi nhan", size=14, underline=True, bold=False,
              italic=False, align="left", before=240),
    ParaStyle("BCDsNoiNhan", "BC Danh sach noi nhan", size=12, align="left",
              before=0, after=0, single=True),
    # §3 rows 7a-7c and §5.2: signature block; 4 blank lines for signature + seal.
    ParaStyle("BCQuyenHan", "BC Quyen han", size=14, bold=True, caps=True,
              align="center", before=240),
    ParaStyle("BCChucVu", "BC Chuc vu", size=14, bold=False, caps=True, align="center"),
    ParaStyle("BCChoKy", "BC Cho ky", size=14, align="center"),
    ParaStyle("BCHoTen", "BC Ho ten", size=14, bold=True, align="center"),
    # The {%p %} lines: small, grey, not caps, so a clerk sees at a glance that
    # they are machinery (and Word shows the tag as typed).  Never rendered.
    ParaStyle("BCTheDieuKhien", "BC The dieu khien", size=10, align="left",
              color="808080", priority=99),
    # Word needs a paragraph after the closing table; keep it 1 pt high so it
    # can never push an extra page.
    ParaStyle("BCKetThuc", "BC Ket thuc", size=1, line=20, priority=99),
)


# ---------------------------------------------------------------------------
# styles.xml
# ---------------------------------------------------------------------------
def _doc_defaults():
    """docDefaults: TNR 14 pt, Vietnamese, black; single spacing, no gaps (§2, §9)."""
    rpr = _el("rPr")
    for child in (_fonts_element(), _el("color", val="auto"), _el("sz", val="28"),
                  _el("szCs", val="28"),
                  _el("lang", val="vi-VN", eastAsia="vi-VN", bidi="ar-SA")):
        rpr.append(child)
    ppr = _el("pPr")
    ppr.append(_el("widowControl"))
    ppr.append(_el("spacing", after="0", line="240", lineRule="auto"))
    defaults = _el("docDefaults")
    defaults.append(_el("rPrDefault"))
    defaults[0].append(rpr)
    defaults.append(_el("pPrDefault"))
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
        rpr = style.element.get_or_add_rPr()
        _put(rpr, _el("szCs", val=str(int(spec.size * 2))), _RPR_ORDER)
    font.bold, font.italic, font.all_caps = spec.bold, spec.italic, spec.caps
    if spec.underline is not None:
        font.underline = spec.underline
    if spec.color:
        _put(style.element.get_or_add_rPr(), _el("color", val=spec.color), _RPR_ORDER)
    if spec.explicit_fonts:
        # Word's built-in headings use theme fonts and a blue colour; naming TNR
        # here keeps them out even if Word "repairs" the style from its defaults.
        _put(style.element.get_or_add_rPr(), _fonts_element(), _RPR_ORDER)
        _put(style.element.get_or_add_rPr(), _el("color", val="auto"), _RPR_ORDER)


def _apply_paragraph(style, spec: ParaStyle) -> None:
    """Paragraph properties of a style (python-docx API + outlineLvl)."""
    fmt = style.paragraph_format
    if spec.align:
        fmt.alignment = _ALIGN[spec.align]
    if spec.first_line is not None:
        fmt.first_line_indent = Twips(spec.first_line)
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
        _put(style.element.get_or_add_pPr(), _el("outlineLvl", val=str(spec.outline)),
             _PPR_ORDER)


def _add_para_style(styles, spec: ParaStyle):
    """Create one paragraph style from its spec."""
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=spec.builtin)
    style.style_id = spec.style_id
    if spec.base:
        style.base_style = styles[_name_of(spec.base)]
    style.priority = spec.priority
    style.quick_style = spec.priority < 99
    if spec.priority == 99:
        style.unhide_when_used = True
    _apply_paragraph(style, spec)
    _apply_font(style, spec)
    return style


def _name_of(style_id: str) -> str:
    """Style name for a style id of PARA_STYLES (or Normal)."""
    if style_id == "Normal":
        return "Normal"
    return next(spec.name for spec in PARA_STYLES if spec.style_id == style_id)


def _party_title_border(styles) -> None:
    """Bottom border + indents so the rule is as long as the title (§3 row 1a)."""
    style = styles["BC Tieu de Dang"]
    indent = Twips(party_rule_indent())
    style.paragraph_format.left_indent = indent
    style.paragraph_format.right_indent = indent
    border = _el("pBdr")
    # sz is in eighths of a point: a 0.75 pt solid line, 1 pt under the text.
    border.append(_el("bottom", val="single", sz="6", space="1", color="auto"))
    _put(style.element.get_or_add_pPr(), border, _PPR_ORDER)


def _add_footnote_reference(styles) -> None:
    """Character style for footnote marks: superscript (footnotes-docxtpl.md §2)."""
    style = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True)
    style.style_id = "FootnoteReference"
    style.base_style = styles["Default Paragraph Font"]
    style.priority, style.unhide_when_used = 99, True
    style.font.superscript = True


def build_styles(document) -> None:
    """Replace the python-docx default styles.xml with ours (no themes, no latents)."""
    styles = document.styles
    root = styles.element
    for child in list(root):
        root.remove(child)
    root.append(_doc_defaults())
    _add_default_styles(styles)
    for spec in PARA_STYLES:
        _add_para_style(styles, spec)
    for spec in PARA_STYLES:
        if spec.next_id:
            styles[spec.name].next_paragraph_style = styles[_name_of(spec.next_id)]
    _party_title_border(styles)
    _add_footnote_reference(styles)
    _drop_empty_properties(root)


def _drop_empty_properties(root) -> None:
    """python-docx leaves ``<w:rPr/>`` behind when a font is only read; drop it."""
    for tag in ("w:rPr", "w:pPr"):
        for element in root.iter(qn(tag)):
            if len(element) == 0 and not element.attrib:
                element.getparent().remove(element)


# ---------------------------------------------------------------------------
# Section, page header.
# ---------------------------------------------------------------------------
def setup_section(document) -> None:
    """A4 portrait, HD36 margins, different first page (§2, §6)."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True
    # An explicit, empty first-page header: page 1 carries no number (§6).
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    _add_page_field(header.paragraphs[0])


def _add_page_field(paragraph) -> None:
    """Complex PAGE field; "2" is only the cached result shown before update.

    The paragraph already carries the "header" style (centred, 14 pt) from
    python-docx's header part template.
    """
    pieces = (
        _el("fldChar", fldCharType="begin"),
        _el("instrText"),
        _el("fldChar", fldCharType="separate"),
        _el("t"),
        _el("fldChar", fldCharType="end"),
    )
    pieces[1].text = " PAGE "
    pieces[1].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    pieces[3].text = "2"
    for piece in pieces:
        paragraph.add_run()._r.append(piece)


# ---------------------------------------------------------------------------
# Document body.  Each tuple is (style name, text); every text is one run, so a
# docxtpl tag is never split across runs.  ``{%p … %}`` tags stand alone in their
# paragraph: docxtpl drops that whole paragraph when it renders.
# ---------------------------------------------------------------------------
CONTROL = "BC The dieu khien"  # style of the {%p %} lines; they vanish on render

HEADER_LEFT = (
    (CONTROL, "{%p if organ_parent %}"),
    ("BC Co quan cap tren", "{{ organ_parent }}"),
    (CONTROL, "{%p endif %}"),
    ("BC Co quan", "{{ organ_name }}"),
    ("BC Dau sao", "*"),
    ("BC So ky hieu", "{{ number_line }}"),
    (CONTROL, "{%p if draft %}"),
    ("BC Du thao", "{{ draft }}"),
    (CONTROL, "{%p endif %}"),
)
HEADER_RIGHT = (
    ("BC Tieu de Dang", PARTY_TITLE),
    ("BC Ngay thang", "{{ place_date }}"),
)
TITLE_BLOCK = (
    ("BC Ten loai", "{{ doc_type }}"),
    ("BC Trich yeu", "{{r title }}"),
    ("BC Gach ngang", "-----"),
)
BODY_LOOP = (
    (CONTROL, "{%p for block in body %}"),
    (CONTROL, '{%p if block.kind == "h1" %}'),
    ("heading 1", "{{r block.text }}"),
    (CONTROL, '{%p elif block.kind == "h2" %}'),
    ("heading 2", "{{r block.text }}"),
    (CONTROL, '{%p elif block.kind == "h3" %}'),
    ("heading 3", "{{r block.text }}"),
    (CONTROL, "{%p else %}"),
    ("Body Text", "{{r block.text }}"),
    (CONTROL, "{%p endif %}"),
    (CONTROL, "{%p endfor %}"),
)
CLOSING_TEXT = ("Body Text", "{{r closing }}")
CLOSING_LEFT = (
    ("BC Noi nhan", "Nơi nhận:"),
    (CONTROL, "{%p for r in recipients %}"),
    ("BC Danh sach noi nhan", "- {{ r }}"),
    (CONTROL, "{%p endfor %}"),
)
CLOSING_RIGHT = (
    ("BC Quyen han", "{{ signature.authority }}"),
    ("BC Chuc vu", "{{ signature.title }}"),
    *(("BC Cho ky", ""),) * 4,  # room for signature and seal (§5.2)
    ("BC Ho ten", "{{ signature.name }}"),
)
END_PARAGRAPH = ("BC Ket thuc", "")


def _write_paragraph(paragraph, line: tuple[str, str]):
    """Style ``paragraph`` and put the whole text (tag) into a single run."""
    style, text = line
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def _fill_cell(cell, lines) -> None:
    """Write ``lines`` into a fresh cell, reusing its mandatory first paragraph."""
    _write_paragraph(cell.paragraphs[0], lines[0])
    for line in lines[1:]:
        _write_paragraph(cell.add_paragraph(), line)


def _table_properties(tbl_pr) -> None:
    """Full text width, fixed layout, no borders, zero side margins.

    Zero cell margins make each column's text area equal to its width, which
    the party-title rule computation relies on (party_rule_indent).
    """
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    tbl_pr.append(_el("tblW", w=str(TEXT_WIDTH), type="dxa"))
    tbl_pr.append(_el("tblInd", w="0", type="dxa"))
    borders = _el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(side, val="nil"))
    tbl_pr.append(borders)
    tbl_pr.append(_el("tblLayout", type="fixed"))
    margins = _el("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_el(side, w="0", type="dxa"))
    tbl_pr.append(margins)


def _layout_table(document, widths, left, right, keep_together: bool):
    """A one-row, two-column borderless table holding ``left`` and ``right``."""
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _table_properties(table._tbl.tblPr)
    for index, width in enumerate(widths):
        table.columns[index].width = Twips(width)
        table.cell(0, index).width = Twips(width)
    if keep_together:
        table.rows[0]._tr.get_or_add_trPr().append(_el("cantSplit"))
    _fill_cell(table.cell(0, 0), left)
    _fill_cell(table.cell(0, 1), right)
    return table


def build_body(document) -> None:
    """Header table, title block, body loop, closing paragraph, closing table."""
    _layout_table(document, HEADER_COLUMNS, HEADER_LEFT, HEADER_RIGHT, False)
    for line in TITLE_BLOCK + BODY_LOOP:
        _write_paragraph(document.add_paragraph(), line)
    closing = _write_paragraph(document.add_paragraph(), CLOSING_TEXT)
    # Direct formatting on purpose: the closing sentence must share a page with
    # the signature block (cantSplit row), but Body Text itself must not keepNext.
    closing.paragraph_format.keep_with_next = True
    _layout_table(document, CLOSING_COLUMNS, CLOSING_LEFT, CLOSING_RIGHT, True)
    _write_paragraph(document.add_paragraph(), END_PARAGRAPH)


# ---------------------------------------------------------------------------
# Package parts: settings, fonts, properties, pruning, scrubbing.
# ---------------------------------------------------------------------------
_SETTINGS_XML = (
    f'<w:settings {nsdecls("w")}>'
    '<w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    "<w:compat>"
    + "".join(
        f'<w:compatSetting w:name="{name}" '
        f'w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", "15"),  # Word 2013+ layout, no compatibility mode
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
        ))
    + "</w:compat>"
    # Vietnamese number conventions (§8): decimal comma, list separator ";".
    '<w:decimalSymbol w:val=","/>'
    '<w:listSeparator w:val=";"/>'
    "</w:settings>"
)

_FONT_TABLE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:fonts {nsdecls("w")}><w:font w:name="{FONT}">'
    '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
).encode("utf-8")

_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
    'officeDocument/2006/docPropsVTypes"><Application>baocao</Application>'
    "<DocSecurity>0</DocSecurity></Properties>"
).encode("utf-8")

_KEEP_DOCUMENT_RELS = {RT.STYLES, RT.SETTINGS, RT.FONT_TABLE, RT.HEADER, RT.FOOTER}
_KEEP_PACKAGE_RELS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES}


def build_settings(document) -> None:
    """Minimal settings.xml: no rsids, no proofState, no footnotePr (generator's job)."""
    root = document.settings.element
    for child in list(root):
        root.remove(child)
    for child in parse_xml(_SETTINGS_XML):
        root.append(child)


def prune_parts(document) -> None:
    """Drop python-docx's sample parts: theme, numbering, customXml, thumbnail …"""
    part = document.part
    for r_id, rel in sorted(part.rels.items()):
        if rel.reltype not in _KEEP_DOCUMENT_RELS:
            part.drop_rel(r_id)
    package_rels = part.package.rels
    for r_id, rel in sorted(package_rels.items()):
        if rel.reltype not in _KEEP_PACKAGE_RELS:
            del package_rels[r_id]
    part.part_related_by(RT.FONT_TABLE)._blob = _FONT_TABLE_XML
    part.package.part_related_by(RT.EXTENDED_PROPERTIES)._blob = _APP_XML


def set_core_properties(document) -> None:
    """Fixed metadata, so the template (and docxtpl's output) never churns."""
    props = document.core_properties
    props.title, props.author, props.last_modified_by = "Báo cáo", "baocao", "baocao"
    props.subject = props.keywords = props.comments = props.category = ""
    props.language = "vi-VN"
    props.revision = 1
    props.created = props.modified = CORE_DATE


def scrub(document) -> None:
    """Remove rsid attributes and proofErr marks from every XML part."""
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for element in list(part.element.iter()):
            if element.tag == qn("w:proofErr"):
                element.getparent().remove(element)
                continue
            for name in [a for a in element.attrib if a.split("}")[-1].startswith("rsid")]:
                del element.attrib[name]


# ---------------------------------------------------------------------------
# Serialization and entry points.
# ---------------------------------------------------------------------------
def normalize_zip(raw: bytes) -> bytes:
    """Re-zip with fixed timestamps/attributes (python-docx stamps the time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # python-docx order: content types, then rel walk
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def build_template() -> bytes:
    """The template as .docx bytes; identical on every run."""
    document = Document()
    build_styles(document)
    setup_section(document)
    build_body(document)
    build_settings(document)
    prune_parts(document)
    set_core_properties(document)
    scrub(document)
    raw = io.BytesIO()
    document.save(raw)
    return normalize_zip(raw.getvalue())


def write_template(path: str | Path) -> Path:
    """Build the template and write it to ``path``; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build_template())
    return target


def main(argv: list[str] | None = None) -> int:
    """CLI: ``python -m generator.ooxml.template_builder [OUT.docx]``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: python -m generator.ooxml.template_builder [OUT.docx]",
              file=sys.stderr)
        return 2
    target = write_template(args[0] if args else "templates/bao-cao.docx")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
