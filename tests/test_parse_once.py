"""The rendered body parsed once unless docxtpl's table repair would change it; finishing."""

from __future__ import annotations

import pytest
from docxtpl import DocxTemplate
from lxml import etree

from generator.ooxml.tables import grid_mismatch

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _body(grid: int, rows: list[list[int]]) -> str:
    """A body with one table: `grid` columns, each row a list of cell spans."""
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    out = []
    for row in rows:
        cells = "".join(
            ("<w:tc><w:tcPr><w:gridSpan w:val=\"%d\"/></w:tcPr><w:p/></w:tc>" % span)
            if span > 1 else "<w:tc><w:p/></w:tc>" for span in row)
        out.append(f"<w:tr>{cells}</w:tr>")
    return (f'<w:body xmlns:w="{W}"><w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>'
            f'{"".join(out)}</w:tbl><w:p/></w:body>')


SHAPES = [(grid, rows) for grid in (1, 2, 3) for rows in (
    [[1]], [[1, 1]], [[1, 1, 1]], [[2]], [[2, 1]], [[1], [1, 1]], [[1, 1], [2]], [[3], [1, 1]],
    [[1, 1, 1, 1]], [])]


@pytest.mark.parametrize(("grid", "rows"), SHAPES)
def test_mismatch_is_exactly_when_docxtpl_would_repair(grid, rows):
    xml = _body(grid, rows)
    repaired = etree.tostring(DocxTemplate(None).fix_tables(xml))
    unchanged = etree.tostring(etree.fromstring(xml))
    assert grid_mismatch(etree.fromstring(xml)) == (repaired != unchanged)


def test_the_shapes_cover_both_answers():
    answers = {grid_mismatch(etree.fromstring(_body(g, r))) for g, r in SHAPES}
    assert answers == {True, False}


def test_finishing_removes_guards_and_names_the_parts_left_with_markers():
    import docx

    from generator.ooxml.markers import GUARD, note_marker
    from generator.ooxml.package import finish_text

    document = docx.Document()
    document.add_paragraph(f"{{{GUARD}_a_{GUARD}}}")
    document.add_paragraph(f"chú thích {note_marker(3)}")
    document.sections[0].header.add_paragraph(f"đầu trang {note_marker(1)}")
    assert finish_text(document) == ["word/document.xml", "word/header1.xml"]
    assert document.paragraphs[0].text == "{_a_}"
    clean = docx.Document()
    clean.add_paragraph(f"a{GUARD}_b")
    assert finish_text(clean) == [] and clean.paragraphs[0].text == "a_b"


def test_drawings_are_numbered_on_a_body_python_docx_parsed():
    from docx.oxml.parser import parse_xml

    from generator.ooxml.package import renumber_drawings

    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    root = parse_xml(f'<w:document xmlns:w="{W}" xmlns:wp="{wp}"><w:body><w:p><wp:docPr id="5"/>'
                     '</w:p><w:p><wp:docPr id="5"/></w:p></w:body></w:document>')
    assert renumber_drawings(root.body, 1000) == 1002
    assert [e.get("id") for e in root.iter(f"{{{wp}}}docPr")] == ["1001", "1002"]
