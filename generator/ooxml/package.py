"""Finish a rendered document: repair guarded text, check for leftovers, serialize deterministically.

python-docx stamps every zip entry with the current time, so two builds of the same data would
differ. We copy the entries, in python-docx's order, into a new zip whose entries all carry the
same fixed timestamp and attributes: the same input then gives byte-identical output.
"""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.ooxml.markers import ANY_MARKER, GUARD
from generator.ooxml.ns import qn

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def text_parts(document):
    """Yield (name, root element) for the body and every header and footer."""
    yield "word/document.xml", document.element
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            yield str(rel.target_part.partname).lstrip("/"), rel.target_part.element


def finish_text(document) -> list[str]:
    """Remove guard characters from all text; return the parts still holding markers.

    A marker left over means a footnote anchor landed where Word allows no footnote (a header,
    footer or text box); the caller reports it.
    """
    leftovers = []
    for name, root in text_parts(document):
        for t in root.iter(qn("w:t")):
            if t.text and GUARD in t.text:
                t.text = t.text.replace(GUARD, "")
            if t.text and ANY_MARKER.search(t.text):
                leftovers.append(name)
    return sorted(set(leftovers))


def to_bytes(document) -> bytes:
    """Return the .docx bytes of `document`, identical for identical content."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
