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

and in the body, where the anchor stood::

    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>

Word shows notes numbered by position, so ids only need to be unique; ours follow the template's
highest id. Word needs the two separators listed in ``settings.xml`` (``w:footnotePr``) and
present in footnotes.xml, or it reports the file as damaged. python-docx 1.2 has no footnotes
part class: a template's existing part loads as a plain `Part` holding bytes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Pt
from lxml import etree

from generator.model import Footnote, Run
from generator.ooxml.markers import NOTE_MARKER
from generator.ooxml.ns import W, XML_SPACE, qn

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
    `generator.ooxml.markers.note_marker`; `footnotes` gives the text for each number.
    Nothing is added when `footnotes` is empty and no marker is present.
    """
    text_id = _style_id(document, FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    ref_id = _style_id(document, FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
    part, root = _footnotes_root(document) if footnotes else (None, None)
    base = max((int(n.get(qn("w:id"))) for n in root.iter(qn("w:footnote"))), default=0) \
        if root is not None else 0
    by_number = {note.number: note for note in footnotes}
    made = 0
    for run in list(_marker_runs(document.element.body)):
        new_runs = _split_run(run, base, ref_id)
        parent = run.getparent()
        index = parent.index(run)
        parent.remove(run)
        for offset, new in enumerate(new_runs):
            parent.insert(index + offset, new)
    for number in sorted(by_number):
        root.append(_footnote_element(base + number, by_number[number], text_id, ref_id))
        made += 1
    if part is not None:
        _store(part, root)
        _declare_separators(document, root)
    return made


def _marker_runs(body) -> Iterable:
    """Yield each run whose text holds a footnote marker."""
    for run in body.iter(qn("w:r")):
        if any(NOTE_MARKER.search(t.text or "") for t in run.iter(qn("w:t"))):
            yield run


def _split_run(run, base: int, ref_style: str) -> list:
    """Return the runs replacing `run`: its content cut at each marker, a reference run between.

    Elements other than text (breaks, tabs) keep their order; every new run carries a copy of
    the original run properties, so the formatting around the anchor is kept.
    """
    rpr = run.find(qn("w:rPr"))
    out = [_new_run(rpr)]
    for child in run:
        if child is rpr:
            continue
        if child.tag != qn("w:t") or not NOTE_MARKER.search(child.text or ""):
            out[-1].append(copy.deepcopy(child))
            continue
        parts = NOTE_MARKER.split(child.text)
        for i, part in enumerate(parts):
            if i % 2:  # a footnote number
                out.append(_reference_run(rpr, base + int(part), ref_style))
                out.append(_new_run(rpr))
            elif part:
                out[-1].append(_text(part))
    return [r for r in out if len(r) > (1 if r.find(qn("w:rPr")) is not None else 0)]


def _new_run(rpr):
    run = etree.Element(qn("w:r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


def _reference_run(host_rpr, footnote_id: int, ref_style: str):
    """Return ``<w:r>`` with a footnoteReference, formatted like the host run but superscript."""
    rpr = copy.deepcopy(host_rpr) if host_rpr is not None else etree.Element(qn("w:rPr"))
    for tag in ("w:rStyle", "w:vertAlign"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    style = etree.Element(qn("w:rStyle"))
    style.set(qn("w:val"), ref_style)
    rpr.insert(0, style)
    run = etree.Element(qn("w:r"))
    run.append(rpr)
    ref = etree.SubElement(run, qn("w:footnoteReference"))
    ref.set(qn("w:id"), str(footnote_id))
    return run


def _text(value: str):
    t = etree.Element(qn("w:t"))
    t.text = value
    t.set(XML_SPACE, "preserve")
    return t


def _footnote_element(footnote_id: int, note: Footnote, text_style: str, ref_style: str):
    element = etree.Element(qn("w:footnote"))
    element.set(qn("w:id"), str(footnote_id))
    for index, inlines in enumerate(note.paragraphs):
        p = etree.SubElement(element, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), text_style)
        if index == 0:
            mark = etree.SubElement(p, qn("w:r"))
            rpr = etree.SubElement(mark, qn("w:rPr"))
            etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), ref_style)
            etree.SubElement(mark, qn("w:footnoteRef"))
            etree.SubElement(p, qn("w:r")).append(_text(" "))
        for item in inlines:
            if isinstance(item, Run) and item.text:
                p.append(_formatted_run(item))
    return element


def _formatted_run(item: Run):
    run = etree.Element(qn("w:r"))
    if item.bold or item.italic:
        rpr = etree.SubElement(run, qn("w:rPr"))
        if item.bold:
            etree.SubElement(rpr, qn("w:b"))
        if item.italic:
            etree.SubElement(rpr, qn("w:i"))
    for i, line in enumerate(item.text.split("\t")):
        if i:
            etree.SubElement(run, qn("w:tab"))
        if line:
            run.append(_text(line))
    return run


def _footnotes_root(document):
    """Return (part, root element) of the footnotes part, creating the part if needed."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part, etree.fromstring(rel.target_part.blob)
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"", document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    return part, etree.fromstring(_EMPTY_PART)


def _store(part, root) -> None:
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part._blob = blob  # noqa: SLF001 - a plain Part keeps its bytes here (see module docstring)


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
