"""Revision marks: the paragraphs found from their marked texts are those each paragraph's own
search finds, text boxes (a paragraph inside another's run) included."""

from __future__ import annotations

from lxml import etree

from generator.ooxml import tracked
from generator.ooxml.ns import W, qn
from generator.ooxml.tracked import deleted, inserted

BOX = ('<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p>'
       '<w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>')


def _each_searched(root) -> list:
    return [p for p in root.iter(qn("w:p"))
            if any(tracked.MARKERS.search(t.text or "") for t in p.iter(qn("w:t")))]


def test_marked_paragraphs_are_those_whose_texts_hold_a_marker():
    paragraphs = [f"<w:p><w:r><w:t>{deleted('cũ')}</w:t></w:r></w:p>",
                  "<w:p><w:r><w:t>không đổi</w:t></w:r></w:p>",
                  "<w:p><w:r><w:t>chữ</w:t></w:r>" + BOX.format(inserted("mới")) + "</w:p>",
                  "<w:p>" + BOX.format("không đổi") + "</w:p>",
                  (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{tracked.PARA_DEL}ô</w:t></w:r></w:p>"
                   "</w:tc></w:tr></w:tbl><w:p/>")]
    root = _body(paragraphs)
    found = tracked._marked_paragraphs(root)
    assert found == _each_searched(root) and len(found) == 4  # the host and its box's paragraph
    assert tracked._marked_paragraphs(_body(["<w:p/>"])) == []


def _body(paragraphs: list[str]):
    return etree.fromstring(f'<w:body xmlns:w="{W}">{"".join(paragraphs)}</w:body>')
