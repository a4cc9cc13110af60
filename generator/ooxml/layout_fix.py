"""Apply mechanical layout fixes to a copy of a .docx: page, margins, font, sizes, spacing, ends.

The writing side of ``baocao check FILE.docx --fix OUT.docx``. A `FixPlan` (plain data, made by
`generator.layout.fix` from the findings) says what to set; this module changes only those
properties and the recipient lines' final punctuation mark, never other text. Paragraphs are
addressed by the same traversal that numbered them (`inspect.walk_paragraphs`). Every other zip
member is copied byte for byte, in order, with its timestamp, so the copy is deterministic.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.ooxml.formatting import TWIPS_PER_MM
from generator.ooxml.inspect import SAFE_PARSER, walk_paragraphs
from generator.ooxml.ns import qn
from generator.ooxml.template.xml import PPR_ORDER, RPR_ORDER, put

_TEXT_PARTS = ("word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml")


@dataclass
class FixPlan:
    """What to set; paragraph keys are the 1-based numbers the review printed (đoạn N)."""

    page_size: dict[int, tuple[float, float]] = field(default_factory=dict)
    """Section number (0-based, document order) → (width, height) in mm."""
    margins: dict[int, dict[str, float]] = field(default_factory=dict)
    font: str | None = None
    sizes: dict[int, float] = field(default_factory=dict)
    line: dict[int, tuple[str, float]] = field(default_factory=dict)
    """Paragraph → (``exact`` with points, or ``auto`` with a multiple)."""
    ends: dict[int, str] = field(default_factory=dict)
    """Paragraph → the punctuation mark its text must end with."""

    def __bool__(self) -> bool:
        return any((self.page_size, self.margins, self.font, self.sizes, self.line, self.ends))


def apply_fix(source: Path, plan: FixPlan) -> bytes:
    """Return the bytes of `source` (a .docx) with `plan` applied."""
    with zipfile.ZipFile(source) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            name = info.filename
            if name == "word/document.xml":
                data = _serialise(_fix_document(etree.fromstring(data, SAFE_PARSER), plan))
            elif plan.font and (name in _TEXT_PARTS or name.startswith(("word/header",
                                                                          "word/footer"))):
                data = _serialise(_set_fonts(etree.fromstring(data, SAFE_PARSER), plan.font))
            target.writestr(info, data)
    return out.getvalue()


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fix_document(root, plan: FixPlan):
    body = root.find(qn("w:body"))
    sections = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in body.iter(qn("w:p"))]
    sections = [s for s in sections if s is not None] + [body.find(qn("w:sectPr"))]
    for number, sect_pr in enumerate(sections):
        if sect_pr is not None:
            _fix_section(sect_pr, plan.page_size.get(number), plan.margins.get(number, {}))
    for index, (p, _) in enumerate(walk_paragraphs(body), 1):
        if index in plan.sizes:
            _set_size(p, plan.sizes[index])
        if index in plan.line:
            _set_line(p, *plan.line[index])
        if index in plan.ends:
            _set_end(p, plan.ends[index])
    return _set_fonts(root, plan.font) if plan.font else root


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def _fix_section(sect_pr, size, margins: dict[str, float]) -> None:
    if size is not None:
        pg_sz = _child(sect_pr, "w:pgSz")
        pg_sz.set(qn("w:w"), _twips(size[0]))
        pg_sz.set(qn("w:h"), _twips(size[1]))
    if margins:
        pg_mar = _child(sect_pr, "w:pgMar")
        for side, mm in margins.items():
            pg_mar.set(qn(f"w:{side}"), _twips(mm))
        for side in ("header", "footer", "gutter"):  # attributes CT_PageMar requires
            pg_mar.set(qn(f"w:{side}"), pg_mar.get(qn(f"w:{side}")) or ("0" if side == "gutter"
                                                                       else "720"))


def _child(parent, tag: str, first: bool = False):
    """Return `parent`'s child `tag`, creating it (first, or last) where it is missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = etree.Element(qn(tag))
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _rpr(run):
    return _child(run, "w:rPr", first=True)


def _element(tag: str, **attributes: str):
    element = etree.Element(qn(f"w:{tag}"))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_size(p, points: float) -> None:
    value = str(round(points * 2))
    for run in p.iter(qn("w:r")):
        rpr = _rpr(run)
        for tag in ("sz", "szCs"):
            put(rpr, _element(tag, val=value), RPR_ORDER)


def _set_line(p, rule: str, value: float) -> None:
    ppr = _child(p, "w:pPr", first=True)
    spacing = ppr.find(qn("w:spacing"))
    if spacing is None:
        spacing = put(ppr, _element("spacing"), PPR_ORDER)
    spacing.set(qn("w:lineRule"), rule)
    spacing.set(qn("w:line"), str(round(value * 20 if rule == "exact" else value * 240)))


def _set_end(p, mark: str) -> None:
    texts = [t for t in p.iter(qn("w:t")) if (t.text or "").strip()]
    if not texts:
        return
    last = texts[-1]
    stripped = last.text.rstrip()
    trailing = last.text[len(stripped):]
    last.text = stripped.rstrip(",;.") + mark + trailing


def _set_fonts(root, font: str):
    for fonts in list(root.iter(qn("w:rFonts"))):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), font)
    for run in root.iter(qn("w:r")):
        if run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is None and \
                next(run.iter(qn("w:t")), None) is not None:
            put(_rpr(run), _element("rFonts", ascii=font, hAnsi=font, cs=font), RPR_ORDER)
    return root
