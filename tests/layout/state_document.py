"""A UBND báo cáo laid out by hand with python-docx as a state office would (NĐ30, Phụ lục I).

Nothing of baocao's template is used: the header is a two-column table typed in Word's own
styles with direct formatting, the rule under the motto is a paragraph border, and the page
number is a PAGE field in the header with "Different First Page" on.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"


def _line(container, text: str, size: float, bold=False, italic=False,
          align=WD_ALIGN_PARAGRAPH.CENTER, first=False):
    p = container.paragraphs[0] if first else container.add_paragraph()
    p.alignment = align
    run = p.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    return p


def _rule_below(paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_number(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.name, run.font.size = FONT, Pt(13)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def state_report(path: Path, body_size: float = 14, number: str = "Số: 218/BC-UBND",
                 date: str = "Phú Lợi, ngày 05 tháng 12 năm 2026") -> Path:
    """Write a UBND xã báo cáo to `path` and return it."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number(section)
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    _line(left, "ỦY BAN NHÂN DÂN", 13, bold=True, first=True)
    _line(left, "XÃ PHÚ LỢI", 13, bold=True)
    _line(left, number, 13)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, first=True)
    _rule_below(_line(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    _line(right, date, 14, italic=True)
    _line(document, "BÁO CÁO", 14, bold=True)
    _line(document, "Kết quả thực hiện nhiệm vụ năm 2026", 14, bold=True)
    for text in ("Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, Ủy ban nhân dân xã báo "
                 "cáo như sau:", "Tổng thu ngân sách trên địa bàn đạt 12.450 triệu đồng."):
        p = _line(document, text, body_size, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        p.paragraph_format.first_line_indent = Mm(10)
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    closing = document.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT,
          first=True)
    for text in ("- UBND thành phố;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."):
        _line(left, text, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, "TM. ỦY BAN NHÂN DÂN", 14, bold=True, first=True)
    _line(right, "CHỦ TỊCH", 14, bold=True)
    _line(right, "Nguyễn Văn An", 14, bold=True)
    document.save(path)
    return path
