"""The .docx reader: formatting through the style chain, heading styles by name, list numbers."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from generator.errors import BaocaoError
from generator.importer.outline import heading_of, style_level
from generator.ooxml.reader import Paragraph, TextRun, read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _read(document, tmp_path) -> list[Paragraph]:
    path = tmp_path / "doc.docx"
    document.save(path)
    return [b for b in read_docx(path).blocks if isinstance(b, Paragraph)]


def test_bold_and_italic_follow_run_character_and_paragraph_styles(tmp_path):
    document = docx.Document()
    strong = document.styles.add_style("Nhấn mạnh", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    loud = document.styles.add_style("Đoạn đậm", WD_STYLE_TYPE.PARAGRAPH)
    loud.font.bold = True
    quiet = document.styles.add_style("Đoạn đậm nghiêng", WD_STYLE_TYPE.PARAGRAPH)
    quiet.base_style, quiet.font.italic = loud, True
    p = document.add_paragraph()
    p.add_run("thường ")
    p.add_run("đậm", style="Nhấn mạnh")
    q = document.add_paragraph(style="Đoạn đậm nghiêng")
    q.add_run("kế thừa ")
    q.add_run("bỏ đậm").bold = False

    first, second = _read(document, tmp_path)
    assert [(r.text, r.bold) for r in first.runs] == [("thường ", False), ("đậm", True)]
    assert [(r.text, r.bold, r.italic) for r in second.runs] == [
        ("kế thừa ", True, True), ("bỏ đậm", False, True)]
    assert second.style == "Đoạn đậm nghiêng"


def test_headings_by_style_name_localized_name_and_outline_level(tmp_path):
    document = docx.Document()
    document.add_heading("Đề mục Word", 2)
    document.styles.add_style("Tiêu đề 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Đề mục tự đặt tên", style="Tiêu đề 3")
    outlined = document.add_paragraph("Có cấp đề cương")
    ppr = outlined._p.get_or_add_pPr()
    ppr.append(etree.fromstring(f'<w:outlineLvl xmlns:w="{W_NS}" w:val="0"/>'))
    plain = document.add_paragraph()
    plain.add_run("II. PHẦN IN ĐẬM").bold = True

    levels = [style_level(p) for p in _read(document, tmp_path)]
    assert levels == [2, 3, 1, None]
    assert heading_of(_read(document, tmp_path)[3]) == (1, 4)


def test_word_list_numbers_are_read_as_labels(tmp_path):
    document = docx.Document()
    for text in ("Một", "Hai", "Ba"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Gạch", style="List Bullet")

    labels = [p.label for p in _read(document, tmp_path)]
    assert labels == ["1.", "2.", "3.", "-"]


def test_run_text_keeps_tabs_breaks_and_symbols(tmp_path):
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("a\tb").add_break()
    p.add_run("c")

    (paragraph,) = _read(document, tmp_path)
    assert paragraph.text == "a\tb\nc"
    assert all(isinstance(r, TextRun) for r in paragraph.runs)


def test_not_a_docx_is_a_clear_error(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    with pytest.raises(BaocaoError, match="Tệp .doc cũ"):
        read_docx(path)
