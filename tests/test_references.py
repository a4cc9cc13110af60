"""Footnote references: the text fast path gives exactly what the lxml path gives."""

from __future__ import annotations

import pytest
from lxml import etree

from generator.ooxml import references
from generator.ooxml.markers import note_marker
from generator.ooxml.ns import W
from tests.conftest import DocxPackage, w
from tests.errors.conftest import make_project, run_cli

M1, M2, M7 = note_marker(1), note_marker(2), note_marker(7)
PLAIN_RUNS = [  # what `generator.context.rich` writes for an anchor, plain and formatted
    f'<w:r><w:t xml:space="preserve">{M1}</w:t></w:r>',
    f'<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t xml:space="preserve">{M2}</w:t></w:r>',
    f'<w:r><w:rPr><w:u w:val="single"/><w:sz w:val="28"/></w:rPr><w:t>{M7}</w:t></w:r>',
    f"<w:r><w:rPr></w:rPr><w:t>{M1}</w:t></w:r>",
]
OTHER_RUNS = [  # left to the lxml path
    f'<w:r><w:rPr><w:rStyle w:val="Strong"/><w:b/></w:rPr><w:t>{M1}</w:t></w:r>',
    f'<w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t>{M2}</w:t></w:r>',
    f'<w:r><w:t xml:space="preserve">Xem{M1} và{M2}</w:t></w:r>',
    f'<w:r w:rsidR="00AB"><w:t>{M1}</w:t></w:r>',
    f"<w:r><w:rPr/><w:t>{M1}</w:t></w:r>",
    f"<w:r><w:t>{M1}</w:t><w:tab/></w:r>",
]


def _body(runs: list[str]) -> str:
    cell = f"<w:tbl><w:tr><w:tc><w:p>{runs[0]}</w:p></w:tc></w:tr></w:tbl>"
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">chữ </w:t></w:r>{run}</w:p>'
                         for run in runs)
    return f'<w:body xmlns:w="{W}">{paragraphs}{cell}<w:sectPr/></w:body>'


def _lxml_path(body_xml: str, style: str) -> bytes:
    body = etree.fromstring(body_xml)
    references.in_tree(body, 40, style)
    return etree.tostring(body)


def _both_paths(body_xml: str, style: str) -> tuple[bytes, bytes, str]:
    text = references.plain_runs_in_text(body_xml, style)
    return _lxml_path(text, style), _lxml_path(body_xml, style), text


@pytest.mark.parametrize("style", ["FootnoteReference", 'Chú&thích<"1">'])
def test_the_text_path_rewrites_the_plain_runs_as_the_tree_path_does(style):
    fast, general, text = _both_paths(_body(PLAIN_RUNS + OTHER_RUNS), style)
    assert fast == general
    assert text.count("<w:footnoteReference") == len(PLAIN_RUNS) + 1  # and the table cell's
    assert b'w:id="41"' in fast and b'w:id="47"' in fast and "\ue000" not in fast.decode()


@pytest.mark.parametrize("runs, style", [(OTHER_RUNS, "FootnoteReference"),
                                         (PLAIN_RUNS, "Chú\tthích"),
                                         (["<!-- a note -->" + PLAIN_RUNS[0]], "Ref")])
def test_what_the_text_path_cannot_rewrite_exactly_is_left_to_the_tree_path(runs, style):
    fast, general, text = _both_paths(_body(runs), style)
    assert fast == general
    assert text == _body(runs)


AREA = """paragraphs:
  - Chữ thường[^1], **đậm[^2]**, *nghiêng[^1]* và __gạch[^2]__ giữa câu.
  - '**Cả đoạn đậm[^1]**'
notes:
  1: Chú thích một.
  2: Chú thích **hai**.
"""


def test_a_build_is_the_same_without_the_text_path(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")
    monkeypatch.chdir(root)
    (root / "data" / "r" / "areas" / "kinh-te.yaml").write_text(AREA, "utf-8")
    assert run_cli("build", "data/r", "-o", "out/fast.docx").exit_code == 0
    monkeypatch.setattr(references, "plain_runs_in_text", lambda xml, style: xml)
    assert run_cli("build", "data/r", "-o", "out/lxml.docx").exit_code == 0
    fast = (root / "out" / "fast.docx").read_bytes()
    assert fast == (root / "out" / "lxml.docx").read_bytes()
    package = DocxPackage(root / "out" / "fast.docx")
    ids = [ref.get(w("id")) for ref in package.document.iter(w("footnoteReference"))]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert len(package.footnote_texts()) == 5
