"""Real Word footnotes: ``word/footnotes.xml`` bodies and ``w:footnoteReference`` runs.

Word's own structure, which pandoc and LibreOffice also write (ECMA-376 §17.11)::

    <w:footnotes>
      <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:type="continuationSeparator" w:id="0">…<w:continuationSeparator/>…</w:footnote>
      <w:footnote w:id="1">
        <w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
          <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
          <w:r><w:t xml:space="preserve"> Text</w:t></w:r></w:p>
      </w:footnote>
    </w:footnotes>

and in the body, where the anchor stood (made by `generator.ooxml.references`)::

    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>

Word shows notes numbered by position, so ids only need to be unique; ours follow the template's
highest id. Word needs the two separators listed in ``settings.xml`` (``w:footnotePr``) and
present in footnotes.xml, or it reports the file as damaged. python-docx 1.2 has no footnotes
part class: a template's existing part loads as a plain `Part` holding bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Pt
from lxml import etree

from generator.model import Break, Footnote, Run
from generator.ooxml import references
from generator.ooxml.breaks import break_run_xml
from generator.ooxml.ns import W, qn
from generator.ooxml.richtext import run_properties_xml
from generator.ooxml.safezip import parse_xml

FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"

_EMPTY_PART = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
# Children of w:settings that must come after w:footnotePr (CT_Settings sequence, ECMA-376 §17.15).
_AFTER_FOOTNOTE_PR = {
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}


def add_footnotes(document, footnotes: Sequence[Footnote]) -> int:
    """Turn every footnote marker in the body into a real footnote; return how many were made.

    `document` is a python-docx Document whose body holds markers from
    `generator.ooxml.markers.note_marker`, or references `references.plain_runs_in_text` made
    of them; `footnotes` gives the text for each number.
    Nothing is added when `footnotes` is empty and no marker is present.
    """
    text_id, ref_id = note_styles(document)
    part, root = _footnotes_root(document) if footnotes else (None, None)
    base = max((int(n.get(qn("w:id"))) for n in root.iter(qn("w:footnote"))), default=0) \
        if root is not None else 0
    references.in_tree(document.element.body, base, ref_id)
    notes = sorted({note.number: note for note in footnotes}.items())
    if part is not None:
        store(part, root, _notes_xml(notes, base, text_id, ref_id))
        _declare_separators(document, root)
    return len(notes)


def _notes_xml(notes: list[tuple[int, Footnote]], base: int, text_style: str,
               ref_style: str) -> str:
    """Return the ``<w:footnote>`` elements of the numbered `notes` as text, ids after `base`."""
    bodies: dict = {}  # a note cited again has the same text: written once
    out = []
    for number, note in notes:
        body = bodies.get(note.paragraphs)  # one lookup: hashing the runs is most of its cost
        if body is None:
            body = bodies[note.paragraphs] = _note_body(note, text_style, ref_style)
        out.append(f'<w:footnote w:id="{base + number}">{body}</w:footnote>')
    return "".join(out)


def _note_body(note: Footnote, text_style: str, ref_style: str) -> str:
    """Return the paragraphs of `note`'s ``<w:footnote>`` as text, for `store` (5× faster than
    building each element with lxml at 12,500 notes, bench/README.md)."""
    style, ref = references.attribute(text_style), references.attribute(ref_style)
    paragraphs = []
    for index, inlines in enumerate(note.paragraphs):
        runs = [f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>']
        if index == 0:
            runs.append(f'<w:r><w:rPr><w:rStyle w:val="{ref}"/></w:rPr>'
                        '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>')
        for item in inlines:
            if isinstance(item, Run) and item.text:
                runs.append(_run_xml(item))
            elif isinstance(item, Break):
                runs.append(break_run_xml("line"))
        paragraphs.append("<w:p>" + "".join(runs) + "</w:p>")
    return "".join(paragraphs)


def _run_xml(item: Run) -> str:
    """Return the ``<w:r>`` of a formatted run; tabs become ``<w:tab/>``."""
    content = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' if line else ""
                              for line in item.text.split("\t"))
    return ("<w:r>" + run_properties_xml(item.bold, item.italic, item.underline) + content
            + "</w:r>")


def footnotes_part(document):
    """Return the document's footnotes part (a plain `Part`), or None when it has none."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part
    return None


def _footnotes_root(document):
    """Return (part, root element) of the footnotes part, creating the part if needed."""
    part = footnotes_part(document)
    if part is not None:
        return part, parse_xml(part.blob)
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"", document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    return part, parse_xml(_EMPTY_PART)


def store(part, root, notes_xml: str = "") -> None:
    """Replace the content of the plain footnotes `part` by the XML tree `root`, followed by the
    notes `notes_xml` (``<w:footnote>`` elements as text, prefix ``w``) when given.

    The notes are spliced into the serialized tree, not parsed into it, when that gives the
    same bytes (`_splices`): parsing 12,500 notes (3.6 MB) and writing them out again took
    0.1 s of the build of one paragraph citing a note 12,500 times (issue 11).
    """
    blob = _serialized(root)
    if notes_xml and _splices(root, blob, notes_xml):
        blob = blob[:-len(_CLOSE)] + notes_xml.encode("utf-8") + _CLOSE
    elif notes_xml:
        root.extend(list(parse_xml(f'<w:footnotes xmlns:w="{W}">{notes_xml}</w:footnotes>')))
        blob = _serialized(root)
    part._blob = blob  # noqa: SLF001 - a plain Part keeps its bytes here (see module docstring)


def _serialized(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _splices(root, blob: bytes, notes_xml: str) -> bool:
    """Say if `notes_xml` written after `root`'s last child is what lxml writes once they are
    parsed and appended: the tree has children and writes W's names with ``w:`` alone, and the
    notes hold no tab or line break (lxml writes those as references in attributes and ``\r``
    in text; its escapes of ``& < > "`` are `_note_body`'s)."""
    return (blob.endswith(_CLOSE) and [p for p, uri in root.nsmap.items() if uri == W] == ["w"]
            and not references.has_blanks(notes_xml))


_CLOSE = b"</w:footnotes>"


def _declare_separators(document, root) -> None:
    """Ensure ``w:footnotePr`` in settings lists the separator notes, in schema order."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    pr = etree.Element(qn("w:footnotePr"))
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
            etree.SubElement(pr, qn("w:footnote")).set(qn("w:id"), note.get(qn("w:id")))
    for index, child in enumerate(settings):
        if etree.QName(child).localname in _AFTER_FOOTNOTE_PR:
            settings.insert(index, pr)
            return
    settings.append(pr)


def note_styles(document) -> tuple[str, str]:
    """Return the ids of the footnote text and reference styles, adding those the template lacks
    (in this order, so that asking early, as `generator.render` does, changes nothing)."""
    return (_style_id(document, FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH),
            _style_id(document, FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER))


def _style_id(document, name: str, kind) -> str:
    """Return the id of style `name`, adding Word's default definition if the template lacks it.

    Styles are found by name, not id: a localized Word writes other ids (``Chuthich``…).
    """
    for style in document.styles:
        if style.name is not None and style.name.lower() == name and style.type == kind:
            return style.style_id
    style = document.styles.add_style(name, kind)
    if kind == WD_STYLE_TYPE.CHARACTER:
        style.font.superscript = True
    else:
        style.font.size = Pt(12)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    return style.style_id
