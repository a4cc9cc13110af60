"""The template's package parts besides styles and body: settings, fonts, theme, properties.

The theme part is kept (Word and validators expect one) with Times New Roman as both its major
and minor font, so nothing that falls back to the theme ever shows Calibri or Cambria.
"""

from __future__ import annotations

import datetime as dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from generator.ooxml.ns import qn
from generator.ooxml.template.xml import FONT

CORE_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"

_SETTINGS_XML = (
    f'<w:settings {nsdecls("w")}>'
    '<w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    "<w:compat>"
    + "".join(
        f'<w:compatSetting w:name="{name}" '
        f'w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", "15"),  # Word 2013+ layout, no compatibility mode
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
        ))
    + "</w:compat>"
    # Vietnamese number conventions: decimal comma, list separator ";".
    '<w:decimalSymbol w:val=","/>'
    '<w:listSeparator w:val=";"/>'
    "</w:settings>"
)

_FONT_TABLE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:fonts {nsdecls("w")}><w:font w:name="{FONT}">'
    '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
).encode("utf-8")

_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
    'officeDocument/2006/docPropsVTypes"><Application>baocao</Application>'
    "<DocSecurity>0</DocSecurity></Properties>"
).encode("utf-8")

_KEEP_DOCUMENT_RELS = {RT.STYLES, RT.SETTINGS, RT.FONT_TABLE, RT.HEADER, RT.FOOTER, RT.THEME}
_KEEP_PACKAGE_RELS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES}


def build_settings(document) -> None:
    """Minimal settings.xml: no rsids, no proofState, no footnotePr (the generator's job)."""
    root = document.settings.element
    for child in list(root):
        root.remove(child)
    for child in parse_xml(_SETTINGS_XML):
        root.append(child)


def prune_parts(document) -> None:
    """Drop python-docx's sample parts (numbering, customXml, thumbnail …); fix the rest."""
    part = document.part
    for r_id, rel in sorted(part.rels.items()):
        if rel.reltype not in _KEEP_DOCUMENT_RELS:
            part.drop_rel(r_id)
    package_rels = part.package.rels
    for r_id, rel in sorted(package_rels.items()):
        if rel.reltype not in _KEEP_PACKAGE_RELS:
            del package_rels[r_id]
    part.part_related_by(RT.FONT_TABLE)._blob = _FONT_TABLE_XML
    part.package.part_related_by(RT.EXTENDED_PROPERTIES)._blob = _APP_XML
    theme = part.part_related_by(RT.THEME)
    theme._blob = times_theme(theme.blob)


def times_theme(blob: bytes) -> bytes:
    """Return the theme `blob` with Times New Roman as the major and minor Latin font."""
    root = etree.fromstring(blob)
    for kind in ("majorFont", "minorFont"):
        for scheme in root.iter(f"{{{_DRAWING}}}{kind}"):
            latin = scheme.find(f"{{{_DRAWING}}}latin")
            latin.set("typeface", FONT)
            latin.attrib.pop("panose", None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_core_properties(document, title: str) -> None:
    """Fixed metadata, so the template (and docxtpl's output) never churns."""
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, "baocao", "baocao"
    props.subject = props.keywords = props.comments = props.category = ""
    props.language = "vi-VN"
    props.revision = 1
    props.created = props.modified = CORE_DATE


def scrub(document) -> None:
    """Remove rsid attributes and proofErr marks from every XML part."""
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for element in list(part.element.iter()):
            if element.tag == qn("w:proofErr"):
                element.getparent().remove(element)
                continue
            for name in [a for a in element.attrib if a.split("}")[-1].startswith("rsid")]:
                del element.attrib[name]
