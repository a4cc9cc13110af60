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
from generator.ooxml.breaks import break_run_xml
from generator.ooxml.markers import NOTE_MARKER, NOTE_OPEN
from generator.ooxml.ns import XML_SPACE, W, qn
from generator.ooxml.safezip import parse_xml

# Clark names built once: the footnote pass makes about 40 elements per note, and building each
# name with `qn` was a fifth of its time at 50× the sample (bench/README.md).
_R, _T, _RPR = qn("w:r"), qn("w:t"), qn("w:rPr")
_RSTYLE, _VERT_ALIGN = qn("w:rStyle"), qn("w:vertAlign")
_FOOTNOTE_REFERENCE = qn("w:footnoteReference")
_VAL, _ID = qn("w:val"), qn("w:id")

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
    for run in list(_marker_runs(document.element.body)):
        if not _reference_in_place(run, base, ref_id):
            for new in _split_run(run, base, ref_id):  # addprevious, not index(): linear in runs
                run.addprevious(new)
            run.getparent().remove(run)
    notes = sorted({note.number: note for note in footnotes}.items())
    if notes:
        bodies: dict = {}  # a note cited again has the same text: written once
        for _, note in notes:
            if note.paragraphs not in bodies:
                bodies[note.paragraphs] = _note_body(note, text_id, ref_id)
        xml = "".join(f'<w:footnote w:id="{base + number}">{bodies[note.paragraphs]}</w:footnote>'
                      for number, note in notes)
        root.extend(list(parse_xml(f'<w:footnotes xmlns:w="{W}">{xml}</w:footnotes>')))
    if part is not None:
        store(part, root)
        _declare_separators(document, root)
    return len(notes)


def _marker_runs(body) -> list:
    """Return each run whose text holds a footnote marker, in document order.

    Found from the marked texts upwards rather than by searching every run: the run scan took
    a third of the footnote pass at 50× the sample (bench/README.md). A run inside another
    run's text box counts for both, as before; outer runs come first.
    """
    runs: list = []
    seen: set = set()
    for t in body.iter(_T):
        text = t.text
        if not text or NOTE_OPEN not in text or not NOTE_MARKER.search(text):
            continue
        for run in reversed([r for r in t.iterancestors(_R) if r not in seen]):
            seen.add(run)
            runs.append(run)
    return runs


def _reference_in_place(run, base: int, ref_style: str) -> bool:
    """Make `run` the reference run itself when its only content is one marker; say if it was.

    The usual case (each anchor is a run of its own): it gives the bytes `_split_run` gives,
    without copying the run's properties twice for the empty runs around the reference.
    """
    if not 0 < len(run) <= 2:
        return False
    children = list(run)
    rpr = children[0] if children[0].tag == _RPR else None
    content = children[1:] if rpr is not None else children
    if len(content) != 1 or content[0].tag != _T:
        return False
    match = NOTE_MARKER.fullmatch(content[0].text or "")
    if match is None:
        return False
    if rpr is None:
        rpr = etree.Element(_RPR)
        run.insert(0, rpr)
    _reference_properties(rpr, ref_style)
    run.replace(content[0], etree.Element(_FOOTNOTE_REFERENCE, {_ID: str(base + int(match[1]))}))
    return True


def _split_run(run, base: int, ref_style: str) -> list:
    """Return the runs replacing `run`: its content cut at each marker, a reference run between.

    Elements other than text (breaks, tabs) keep their order; every new run carries a copy of
    the original run properties, so the formatting around the anchor is kept.
    """
    rpr = run.find(_RPR)
    out = [_new_run(rpr)]
    for child in run:
        if child is rpr:
            continue
        if child.tag != _T or not NOTE_MARKER.search(child.text or ""):
            out[-1].append(copy.deepcopy(child))
            continue
        parts = NOTE_MARKER.split(child.text)
        for i, part in enumerate(parts):
            if i % 2:  # a footnote number
                out.append(_reference_run(rpr, base + int(part), ref_style))
                out.append(_new_run(rpr))
            elif part:
                etree.SubElement(out[-1], _T, {XML_SPACE: "preserve"}).text = part
    return [r for r in out if len(r) > (1 if r.find(_RPR) is not None else 0)]


def _new_run(rpr):
    run = etree.Element(_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


def _reference_run(host_rpr, footnote_id: int, ref_style: str):
    """Return ``<w:r>`` with a footnoteReference, formatted like the host run but superscript."""
    rpr = copy.deepcopy(host_rpr) if host_rpr is not None else etree.Element(_RPR)
    _reference_properties(rpr, ref_style)
    run = etree.Element(_R)
    run.append(rpr)
    etree.SubElement(run, _FOOTNOTE_REFERENCE, {_ID: str(footnote_id)})
    return run


def _reference_properties(rpr, ref_style: str) -> None:
    """Give the run properties `rpr` the reference style in place of any style or raising."""
    for tag in (_RSTYLE, _VERT_ALIGN):
        for old in rpr.findall(tag):
            rpr.remove(old)
    rpr.insert(0, etree.Element(_RSTYLE, {_VAL: ref_style}))


def _note_body(note: Footnote, text_style: str, ref_style: str) -> str:
    """Return the paragraphs of `note`'s ``<w:footnote>`` as text (parsed once for all notes:
    5× faster than building each element with lxml at 12,500 notes, bench/README.md)."""
    style = _attribute(text_style)
    paragraphs = []
    for index, inlines in enumerate(note.paragraphs):
        runs = [f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>']
        if index == 0:
            runs.append(f'<w:r><w:rPr><w:rStyle w:val="{_attribute(ref_style)}"/></w:rPr>'
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
    marks = ("<w:b/>" if item.bold else "") + ("<w:i/>" if item.italic else "") \
        + ('<w:u w:val="single"/>' if item.underline else "")
    content = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' if line else ""
                              for line in item.text.split("\t"))
    return "<w:r>" + (f"<w:rPr>{marks}</w:rPr>" if marks else "") + content + "</w:r>"


def _attribute(value: str) -> str:
    return escape(value, {'"': "&quot;"})


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


def store(part, root) -> None:
    """Replace the content of the plain footnotes `part` by the XML tree `root`."""
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
