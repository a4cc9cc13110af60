"""The footnotes part: notes spliced in as text are the bytes parsing them in gives."""

from __future__ import annotations

import pytest
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from generator.model import Break, Footnote, Run
from generator.ooxml import footnotes
from generator.ooxml.ns import W
from generator.ooxml.safezip import parse_xml

NOTES = [
    (1, Footnote(1, ((Run("Nguồn: "), Run("Cục Thống kê", bold=True),
                      Run(" & <Sở> \"Tài chính\" 'x'")),))),
    (2, Footnote(2, ((Run("a\tb", italic=True), Break("line"), Run("gạch", underline=True)),
                     (Run("Đoạn hai."),)))),
]
WORD_ROOT = (  # what Word writes: many namespaces, the separators, an own note
    '<w:footnotes xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
    '</w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:t>Của mẫu</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>")
DEFAULT_NS_ROOT = f'<footnotes xmlns="{W}"><footnote id="0"/></footnotes>'


def _stored(root_xml: str, text_style: str, splice: bool, monkeypatch) -> bytes:
    monkeypatch.setattr(footnotes, "_splices", lambda *args: splice and _SPLICES(*args))
    part = Part(PackURI("/word/footnotes.xml"), "application/xml", b"")
    footnotes.store(part, parse_xml(root_xml), footnotes._notes_xml(NOTES, 5, text_style, "Ref"))
    return part.blob


_SPLICES = footnotes._splices


@pytest.mark.parametrize("root_xml", [footnotes._EMPTY_PART, WORD_ROOT])
@pytest.mark.parametrize("style", ["FootnoteText", 'Chú&<"thích">'])
def test_spliced_notes_are_the_bytes_of_parsed_notes(root_xml, style, monkeypatch):
    blob = footnotes._serialized(parse_xml(root_xml))
    assert _SPLICES(parse_xml(root_xml), blob, footnotes._notes_xml(NOTES, 5, style, "Ref"))
    spliced = _stored(root_xml, style, True, monkeypatch)
    assert spliced == _stored(root_xml, style, False, monkeypatch)
    assert _ids(spliced)[-2:] == ["6", "7"]


def _ids(blob: bytes) -> list[str]:
    return [n.get(f"{{{W}}}id") for n in parse_xml(blob).findall(f"{{{W}}}footnote")]


@pytest.mark.parametrize("root_xml, style", [(DEFAULT_NS_ROOT, "FootnoteText"),
                                             (footnotes._EMPTY_PART, "Chú\tthích")])
def test_what_would_be_written_otherwise_is_parsed_in(root_xml, style, monkeypatch):
    blob = footnotes._serialized(parse_xml(root_xml))
    assert not _SPLICES(parse_xml(root_xml), blob, footnotes._notes_xml(NOTES, 5, style, "Ref"))
    stored = _stored(root_xml, style, True, monkeypatch)
    assert _ids(stored)[-2:] == ["6", "7"] and "Tài chính".encode() in stored
