"""Read a .docx for import: paragraphs, runs with effective formatting, notes, tables, objects.

The only module that reads WordprocessingML for `baocao import`. Styles are resolved by *name*
through styles.xml (LibreOffice and localized Words write other ids); bold, italic, caps and font
follow run → character style → paragraph style → document defaults. Word's list numbers are not
in the text, so they are computed from numbering.xml into `Paragraph.label`. What the importer
cannot use as text (images, drawings) is listed in `Paragraph.objects`; text boxes keep their
paragraphs. The result is plain data with no XML in it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.errors import BaocaoError
from generator.ooxml.cellgrid import CellShape, cell_shape, children, grid_widths, row_facts
from generator.ooxml.ns import qn, val
from generator.ooxml.safezip import Package, open_package
from generator.ooxml.wordstyles import Numbering, Styles, para_props, run_props

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = f"{_MC}AlternateContent"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTAINERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                        "bdo", "dir", "moveTo")}
_RPR, _RSTYLE = qn("w:rPr"), qn("w:rStyle")
_NOTE_REFERENCES = (qn("w:footnoteReference"), qn("w:endnoteReference"))


@dataclass(frozen=True)
class TextRun:
    """Visible text with its effective formatting; `font` is the run's Latin font name."""

    text: str
    bold: bool = False
    italic: bool = False
    font: str | None = None


@dataclass(frozen=True)
class NoteRun:
    """A footnote or endnote reference; `key` indexes `Document.notes` (``f3``, ``e1``)."""

    key: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    """One paragraph; `index` is its 1-based place among the body's paragraphs (0 in notes)."""

    index: int
    style: str = ""
    outline_level: int | None = None
    centered: bool = False
    label: str = ""
    runs: list[TextRun | NoteRun] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    """What could not be kept as text: ``image``, ``drawing``, ``object``."""
    textboxes: list[list[Paragraph]] = field(default_factory=list)
    in_control: bool = False
    """Inside a content control (``w:sdt``)."""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if isinstance(r, TextRun))


@dataclass
class Table:
    """A table: rows of cells of paragraphs; `index` is that of its first paragraph.

    `shapes` has one `CellShape` per cell of `rows`; `header_rows` counts the leading rows
    marked to repeat on each page (``w:tblHeader``); `grid` holds the ``w:tblGrid`` column
    widths in twips; `skipped` the grid columns each row leaves empty before its first cell.
    """

    index: int
    rows: list[list[list[Paragraph]]]
    shapes: list[list[CellShape]] = field(default_factory=list)
    header_rows: int = 0
    grid: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [p for row in self.rows for cell in row for p in cell]


@dataclass
class Document:
    """The body in reading order and the note bodies by key."""

    blocks: list[Paragraph | Table]
    notes: dict[str, list[Paragraph]]


class _Reader:
    def __init__(self, parts: dict[str, etree._Element | None]):
        self.styles = Styles(parts.get("styles"))
        self.numbering = Numbering(parts.get("numbering"))
        self.count = 0

    def blocks(self, parent, in_control=False) -> list[Paragraph | Table]:
        """Return the paragraphs and tables under a body, cell or content control."""
        out: list[Paragraph | Table] = []
        for child in parent:
            if child.tag == qn("w:p"):
                self.count += 1
                out.append(self.paragraph(child, self.count, in_control))
            elif child.tag == qn("w:tbl"):
                out.append(self.table(child))
            elif child.tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent"))
                out += self.blocks(child if content is None else content,
                                   in_control or child.tag == qn("w:sdt"))
        return out

    def table(self, element) -> Table:
        table = Table(self.count + 1, [], grid=grid_widths(element))
        heading = True
        for tr in children(element, "w:tr"):
            repeated, before = row_facts(tr)
            heading = heading and repeated
            table.header_rows += heading
            table.skipped.append(before)
            cells = children(tr, "w:tc")
            table.rows.append([_flatten(self.blocks(tc)) for tc in cells])  # nested: flattened
            table.shapes.append([cell_shape(tc) for tc in cells])
        return table

    def paragraph(self, p, index: int, in_control=False) -> Paragraph:
        ppr = para_props(p.find(qn("w:pPr")))
        style_id = val(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) or self.styles.default_para
        get = lambda key: ppr.get(key, self.styles.lookup(style_id, key))
        num = get("num")
        outline = get("outline")
        para = Paragraph(index, self.styles.name(style_id),
                         outline if outline is not None and outline < 9 else None,
                         get("jc") == "center", in_control=in_control,
                         label=self.numbering.label(*num) if num else "")
        self._content(p, para, style_id)
        return para

    def _content(self, parent, para: Paragraph, style_id) -> None:
        for child in parent:
            if child.tag == qn("w:r"):
                self._run(child, para, style_id)
            elif child.tag in _CONTAINERS:
                self._content(child, para, style_id)
            elif child.tag == qn("w:sdt"):
                para.in_control = True
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._content(content, para, style_id)

    def _run(self, r, para: Paragraph, style_id) -> None:
        rpr = r.find(_RPR)
        direct = run_props(rpr) if rpr is not None else {}
        styled = self.styles.inherited(val(rpr.find(_RSTYLE)) if rpr is not None else None,
                                       style_id)
        looks = {key: styled[key] if direct.get(key) is None else direct[key] for key in styled}
        bold, italic, font = bool(looks["b"]), bool(looks["i"]), looks["font"]
        for child in r:
            tag = child.tag
            if tag in _NOTE_REFERENCES:
                kind = "f" if tag == _NOTE_REFERENCES[0] else "e"
                para.runs.append(NoteRun(kind + child.get(qn("w:id")), bold, italic))
                continue
            text = run_child_text(child) if tag != _ALTERNATE else None
            if text is None:
                self._object(child, para)
            elif text:
                para.runs.append(TextRun(text.upper() if looks["caps"] else text, bold, italic,
                                         font))

    def _object(self, element, para: Paragraph) -> None:
        """Record a drawing, picture or OLE object; keep the paragraphs of its text boxes."""
        if element.tag == f"{_MC}AlternateContent":  # Choice and Fallback hold the same thing
            element = next(iter(element), None)
            if element is None:
                return
        boxes = list(element.iter(qn("w:txbxContent")))
        if boxes:
            count = self.count  # text-box paragraphs do not shift the body's numbering
            para.textboxes.append(_flatten(self.blocks(boxes[0])))
            self.count = count
        elif element.tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")) or len(element):
            names = {etree.QName(e).localname for e in element.iter() if isinstance(e.tag, str)}
            para.objects.append("image" if names & {"blip", "imagedata", "pic"} else
                                "object" if element.tag == qn("w:object") else "drawing")


def run_child_text(child) -> str | None:
    """Return the text a run child shows ("" for none), or None for a drawing-like object."""
    tag = child.tag
    if tag == qn("w:t"):
        return child.text or ""
    if tag == qn("w:tab") or tag == qn("w:ptab"):
        return "\t"
    if tag in (qn("w:br"), qn("w:cr")):
        return "\n"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    if tag == qn("w:softHyphen"):
        # U+00AD is TCVN3's "ư": LibreOffice writes that byte as a soft hyphen. The importer
        # converts it in a legacy font and drops it (an invisible hyphen) in any other.
        return "\u00ad"
    if tag == qn("w:sym"):
        code = int(child.get(qn("w:char"), "20"), 16)
        return chr(code - 0xF000 if code >= 0xF000 else code)
    if tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
        return None
    return ""  # rPr, fldChar, instrText (field codes), lastRenderedPageBreak …


def _flatten(blocks: list[Paragraph | Table]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in blocks:
        out += block.paragraphs() if isinstance(block, Table) else [block]
    return out


def read_docx(path: Path) -> Document:
    """Return the content of the .docx at `path`; raise `BaocaoError` if it is not one."""
    try:
        parts = _parts(open_package(path))
    except (KeyError, StopIteration):
        raise BaocaoError(f"'{path.name}' thiếu phần nội dung chính của một tệp Word. Tệp .doc "
                          "cũ cần mở bằng Word rồi lưu lại thành .docx.") from None
    body = parts["document"].find(qn("w:body"))
    if body is None:
        raise BaocaoError(f"'{path.name}' không có phần nội dung (w:body) của tệp Word.")
    reader = _Reader(parts)
    blocks = reader.blocks(body)
    notes: dict[str, list[Paragraph]] = {}
    for kind, tag in (("f", "w:footnote"), ("e", "w:endnote")):
        root = parts.get("footnotes" if kind == "f" else "endnotes")
        for note in root.iter(qn(tag)) if root is not None else ():
            if note.get(qn("w:type")) in (None, "normal"):
                notes[kind + note.get(qn("w:id"))] = _flatten(reader.blocks(note))
    for paragraphs in notes.values():
        for p in paragraphs:
            p.index = 0
    return Document(blocks, notes)


def _parts(package: Package) -> dict:
    """Return the parsed main document and its styles, numbering, footnotes and endnotes."""
    main = next(r.get("Target") for r in _rels(package, "_rels/.rels")
                if r.get("Type", "").endswith("/officeDocument")).lstrip("/")
    document = package.xml(main)
    if etree.QName(document).namespace == _STRICT:
        raise BaocaoError("tệp được lưu ở dạng \"Strict Open XML\"; hãy mở bằng Word và lưu lại "
                          "thành \"Word Document (.docx)\".")
    parts = {"document": document}
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    for rel in _rels(package, rels_name):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind in ("styles", "numbering", "footnotes", "endnotes") \
                and rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            parts[kind] = package.xml(target.lstrip("/"))
    return parts


def _rels(package: Package, name: str) -> list:
    if name not in package.names:
        return []
    return list(package.xml(name).iter(_REL))
