"""The parts of a .docx the importer reads: the main document, its styles, numbering and notes,
and page 1's own header and footer, found through the package's relationships."""

from __future__ import annotations

import posixpath

from lxml import etree

from generator.errors import BaocaoError
from generator.ooxml.ns import on_off, qn
from generator.ooxml.safezip import Package

_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def read_parts(package: Package) -> dict:
    """Return the parsed main document and its styles, numbering, footnotes and endnotes, and
    page 1's own ``first_header`` and ``first_footer`` where it has them."""
    main = next(r.get("Target") for r in _rels(package, "_rels/.rels")
                if r.get("Type", "").endswith("/officeDocument")).lstrip("/")
    document = package.xml(main)
    if etree.QName(document).namespace == _STRICT:
        raise BaocaoError("tệp được lưu ở dạng \"Strict Open XML\"; hãy mở bằng Word và lưu lại "
                          "thành \"Word Document (.docx)\".")
    parts = {"document": document}
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    first = _first_page_references(document)
    for rel in _rels(package, rels_name):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target"))).lstrip("/")
        if kind in ("styles", "numbering", "footnotes", "endnotes"):
            parts[kind] = package.xml(target)
        elif kind in ("header", "footer") and first.get(kind) == rel.get("Id"):
            parts[f"first_{kind}"] = package.xml(target)
    return parts


_SECT, _TITLE_PG = qn("w:sectPr"), qn("w:titlePg")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _first_page_references(document) -> dict[str, str]:
    """Return the relationship ids of page 1's own header and footer, by kind.

    Page 1 is in the first section (the first ``w:sectPr`` in document order); its first-page
    header and footer show only where that section has a different first page (``w:titlePg``).
    """
    section = next(document.iter(_SECT), None)
    if section is None or not on_off(section.find(_TITLE_PG)):
        return {}
    out = {}
    for kind in ("header", "footer"):
        for reference in section.iterchildren(qn(f"w:{kind}Reference")):
            if reference.get(qn("w:type")) == "first" and reference.get(_R_ID):
                out[kind] = reference.get(_R_ID)
    return out


def _rels(package: Package, name: str) -> list:
    if name not in package.names:
        return []
    return list(package.xml(name).iter(_REL))
