"""Finish a rendered document: repair guarded text, check leftovers, serialize deterministically.

python-docx stamps every zip entry with the current time, so two builds of the same data would
differ. We write the package ourselves, with the entries python-docx would write in its order,
each carrying the same fixed timestamp and attributes: the same input then gives byte-identical
output.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.part import XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import nsmap
from docx.oxml.parser import parse_xml
from lxml import etree

from generator.ooxml.markers import ANY_MARKER, GUARD
from generator.ooxml.ns import qn

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def replace_body(document, body):
    """Return `document` (python-docx) whose body is `body`, an element of another lxml tree.

    Moving an element between lxml documents is quadratic in the number of children of the
    moved nodes (35 s for a body of 20,000 paragraphs, 3 s for one paragraph of 25,000 runs),
    so the body is serialized and parsed again with the rest (`set_body`): linear.
    """
    return set_body(document, etree.tostring(body, encoding="unicode"))


def set_body(document, body_xml: str):
    """Return `document` whose body is `body_xml` (a serialized ``w:body``), parsed once.

    The document is serialized with an empty body, `body_xml` spliced in and the whole parsed
    by python-docx's parser. The namespace declarations on the body's tag that are already on
    the root are dropped, so the XML is the same as moving a parsed body in would give. Raises
    ValueError for text that is not one ``w:body`` element and lxml's XMLSyntaxError for
    malformed XML, leaving the document's body empty.
    """
    if not body_xml.startswith("<w:body") or body_xml[7:8] not in (" ", ">", "/"):
        raise ValueError("not a w:body element")
    part = document.part
    root = part.element
    root.replace(root.body, etree.Element(qn("w:body")))
    shell = etree.tostring(root, encoding="unicode")
    end = body_xml.index(">")
    declared = {f' xmlns:{prefix}="{uri}"' for prefix, uri in root.nsmap.items() if prefix}
    head = _NS_DECLARATION.sub(lambda m: "" if m.group(0) in declared else m.group(0),
                               body_xml[:end])
    part._element = parse_xml(shell.replace("<w:body/>", head + body_xml[end:], 1))
    return part.document


_NS_DECLARATION = re.compile(r' xmlns:\w+="[^"]*"')


def renumber_drawings(tree, last: int) -> int:
    """Number the drawings (``wp:docPr``) of `tree`'s document from `last` + 1, as docxtpl does
    (copied drawings would share ids); return the last number given."""
    for element in etree._Element.xpath(tree, "//wp:docPr", namespaces=nsmap):
        last += 1
        element.attrib["id"] = str(last)
    return last


def text_parts(document):
    """Yield (name, root element) for the body and every header and footer."""
    yield "word/document.xml", document.element
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            yield str(rel.target_part.partname).lstrip("/"), rel.target_part.element


def finish_text(document) -> list[str]:
    """Remove guard characters from all text; return the parts still holding markers.

    A marker left over means a footnote anchor landed where Word allows no footnote (a header,
    footer or text box); the caller reports it. Each text is read once (lxml makes a new string
    at each read), and a part is not searched further once a marker is found.
    """
    leftovers = []
    for name, root in text_parts(document):
        found = False
        for t in root.iter(_T):
            text = t.text
            if text:
                if GUARD in text:
                    text = t.text = text.replace(GUARD, "")
                if not found and ANY_MARKER.search(text):
                    found = True
                    leftovers.append(name)
    return sorted(set(leftovers))


_T = qn("w:t")


def as_read_back(document):
    """Return `document` with its empty texts as reading its written package gives them.

    python-docx writes a property docxtpl set to "" as ``<dc:subject></dc:subject>``, which is
    read back as ``<dc:subject/>``; nothing else differs. For a caller that changes a rendered
    document further and writes it again (`baocao diff` marks revisions in it), instead of
    writing the package and opening it again: 0.07 s for 12,500 footnotes.
    """
    for part in document.part.package.parts:
        if isinstance(part, XmlPart):
            for element in part.element.xpath(_EMPTY_TEXT):
                _RAW_TEXT.__set__(element, None)
    return document


_EMPTY_TEXT = "//*[not(*) and text() and not(string())]"
"""An element holding nothing but an empty text (one XPath pass: no proxy per element)."""
_RAW_TEXT = etree._Element.text
"""lxml's own text: python-docx's run class redefines ``text`` as the run's visible text."""


def to_bytes(document) -> bytes:
    """Return the .docx bytes of `document`, identical for identical content.

    The same entries, in the same order, as python-docx's `Document.save` (its
    ``PackageWriter.write``), compressed once: saving with python-docx and rewriting its zip with
    fixed timestamps compressed everything twice, 3.5 ms of the sample's rebuild and 100 ms of
    the 50× build (bench/README.md).
    """
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _write(archive, CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob)
        _write(archive, PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            _write(archive, part.partname, part.blob)
            if len(part.rels):
                _write(archive, part.partname.rels_uri, part.rels.xml)
    return out.getvalue()


def _write(archive: zipfile.ZipFile, uri, blob: bytes) -> None:
    """Add one entry with the fixed timestamp and attributes that make the output reproducible."""
    entry = zipfile.ZipInfo(uri.membername, date_time=_FIXED_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0
    archive.writestr(entry, blob)
