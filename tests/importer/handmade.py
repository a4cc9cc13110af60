"""A report as a clerk types it in Word, built with python-docx: nothing of baocao's in it.

Word's own heading styles, a header table, a ``.VnTime`` paragraph in TCVN3, a footnote part
written by hand, a table, a picture, a text box and a content control in the body.
"""

from __future__ import annotations

import base64
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TCVN3_TEXT = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
"""``Cộng hòa xã hội chủ nghĩa Việt Nam`` typed in TCVN3 (shown in a ``.VnTime`` font)."""
TCVN3_CAPITALS = "b¸o c¸o"
"""``BÁO CÁO``: lower-case TCVN3 codes drawn as capitals by ``.VnTimeH``."""
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
NOTES = {1: "Chú thích ở phần mở đầu.", 2: "Tổng sản phẩm tăng 7,5%."}


def build(path: Path) -> Path:
    """Write the hand-made report to `path` and return it."""
    document = docx.Document()
    _header(document)
    _centered(document, "BÁO CÁO", bold=True)
    _centered(document, "Sơ kết công tác quý III năm 2024", bold=True)
    _centered(document, "-----")
    intro = document.add_paragraph("Quý III năm 2024, Huyện ủy tập trung lãnh đạo")
    _note(intro, 1)
    document.add_heading("I. KẾT QUẢ ĐẠT ĐƯỢC", 1)
    document.add_heading("1. Về kinh tế", 2)
    p = document.add_paragraph("Kinh tế tăng trưởng ")
    p.add_run("khá").bold = True
    p.add_run(" và ")
    p.add_run("ổn định").italic = True
    p.add_run(", chỉ số 5 * 3 [ghi chú]")
    _note(p, 2)
    document.add_paragraph("Bảng số liệu:")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("Chỉ tiêu", "Kết quả"), ("Thu ngân sách", "105%"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_heading("2. Về văn hóa - xã hội", 2)
    legacy = document.add_paragraph()
    run = legacy.add_run(TCVN3_TEXT)
    run.font.name = ".VnTime"
    legacy.add_run(" - ")
    capitals = legacy.add_run(TCVN3_CAPITALS)
    capitals.font.name = ".VnTimeH"
    sub = document.add_paragraph()
    sub.add_run("a) Về giáo dục").bold = True
    document.add_paragraph("Giáo dục có nhiều chuyển biến.")
    document.add_paragraph().add_run().add_picture(str(_png(path)), width=docx.shared.Cm(1))
    _textbox(document.add_paragraph("Đoạn có khung chữ."), "Chữ trong khung.")
    document.add_heading("II. HẠN CHẾ", 1)
    _content_control(document, "Một số chỉ tiêu còn chậm.")
    document.add_paragraph("Trên đây là báo cáo sơ kết công tác quý III năm 2024 của Huyện ủy.")
    _signature(document)
    _footnotes(document)
    document.save(path)
    return path


def _centered(document, text: str, bold: bool = False):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold
    return p


def _header(document) -> None:
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    left = [("ĐẢNG BỘ TỈNH HẬU GIANG", False), ("HUYỆN ỦY CHÂU THÀNH", True), ("*", False),
            ("Số 125-BC/HU", False)]
    right = [("ĐẢNG CỘNG SẢN VIỆT NAM", True), ("Châu Thành, ngày 05 tháng 10 năm 2024", False)]
    for cell, lines in ((cells[0], left), (cells[1], right)):
        cell.paragraphs[0].add_run(lines[0][0]).bold = lines[0][1]
        for text, bold in lines[1:]:
            cell.add_paragraph().add_run(text).bold = bold


def _signature(document) -> None:
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].paragraphs[0].add_run("Nơi nhận:")
    for line in ("- Tỉnh ủy Hậu Giang,", "- Lưu VP."):
        cells[0].add_paragraph(line)
    cells[1].paragraphs[0].add_run("T/M BAN THƯỜNG VỤ").bold = True
    for line in ("BÍ THƯ", "", "", "Nguyễn Văn An"):
        cells[1].add_paragraph(line)


def _note(paragraph, number: int) -> None:
    paragraph.add_run(".")
    xml = (f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
           f'<w:footnoteReference w:id="{number}"/></w:r>')
    paragraph._p.insert(len(paragraph._p) - 1, etree.fromstring(xml))


def _footnotes(document) -> None:
    notes = "".join(f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t '
                    f'xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
                    for n, text in NOTES.items())
    xml = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
           f'<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
           f'w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}'
           "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _textbox(paragraph, text: str) -> None:
    xml = (f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
           f'<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
           "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    paragraph._p.append(etree.fromstring(xml))


def _content_control(document, text: str) -> None:
    xml = (f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>{text}</w:t>'
           "</w:r></w:p></w:sdtContent></w:sdt>")
    body = document.element.body
    body.insert(len(body) - 1, etree.fromstring(xml))


def _png(path: Path) -> Path:
    image = path.with_suffix(".png")
    image.write_bytes(PNG)
    return image
