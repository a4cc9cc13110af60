"""Read a .docx for import: paragraphs, runs with effective formatting, notes, tables, objects.

The only module that reads WordprocessingML for `baocao import` (`docparts` finds the parts).
Styles are resolved by *name* through styles.xml (LibreOffice and localized Words write other
ids); bold, italic, caps and font follow run → character style → paragraph style → document
defaults. Word's list numbers are not
in the text, so they are computed from numbering.xml into `Paragraph.label`. What the importer
cannot use as text (images, drawings) is listed in `Paragraph.objects`; text boxes keep their
paragraphs. The result is plain data with no XML in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.errors import BaocaoError
from generator.ooxml.cellgrid import CellShape, cell_shape, children, grid_widths, row_facts
from generator.ooxml.docparts import read_parts
from generator.ooxml.ns import qn, val
from generator.ooxml.safezip import open_package
from generator.ooxml.wordstyles import Numbering, Styles, child, para_props, run_props

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = f"{_MC}AlternateContent"
_CONTAINERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                        "bdo", "dir", "moveTo")}
_RPR, _RSTYLE = qn("w:rPr"), qn("w:rStyle")
_NOTE_REFERENCES = (qn("w:footnoteReference"), qn("w:endnoteReference"))
_P, _TBL, _R, _T, _PPR, _PSTYLE = (qn(f"w:{t}") for t in ("p", "tbl", "r", "t", "pPr", "pStyle"))
_SDT, _SDT_CONTENT, _ID, _SYM, _CHAR = (qn(f"w:{t}") for t in ("sdt", "sdtContent", "id", "sym",
                                                                "char"))
_CONTROLS = (_SDT, qn("w:customXml"))
_OBJECTS = (qn("w:drawing"), qn("w:pict"), qn("w:object"))
_FIXED_TEXT = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
               qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): "\u00ad"}
"""Run children that show one fixed character."""


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
        # join is quicker on a list than on a generator; an import asks ~7 times a paragraph
        return "".join([r.text for r in self.runs if isinstance(r, TextRun)])


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
    first_page: dict[str, list[Paragraph]] = field(default_factory=dict)
    """Page 1's own ``header`` and ``footer`` (a different first page), where it has them: the
    phạm vi lưu hành mark, NĐ30's contact line."""


class _Reader:
    def __init__(self, parts: dict[str, etree._Element | None]):
        self.styles = Styles(parts.get("styles"))
        self.numbering = Numbering(parts.get("numbering"))
        self.count = 0

    def blocks(self, parent, in_control=False) -> list[Paragraph | Table]:
        """Return the paragraphs and tables under a body, cell or content control."""
        out: list[Paragraph | Table] = []
        for element in parent:
            tag = element.tag
            if tag == _P:
                self.count += 1
                out.append(self.paragraph(element, self.count, in_control))
            elif tag == _TBL:
                out.append(self.table(element))
            elif tag in _CONTROLS:
                content = child(element, _SDT_CONTENT)
                out += self.blocks(element if content is None else content,
                                   in_control or tag == _SDT)
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
        ppr = child(p, _PPR)
        style_id = (val(child(ppr, _PSTYLE)) if ppr is not None else None) \
            or self.styles.default_para
        looks = {**self.styles.paragraph(style_id), **para_props(ppr)}
        num, outline = looks["num"], looks["outline"]
        para = Paragraph(index, self.styles.name(style_id),
                         outline if outline is not None and outline < 9 else None,
                         looks["jc"] == "center", in_control=in_control,
                         label=self.numbering.label(*num) if num else "")
        self._content(p, para, style_id)
        return para

    def _content(self, parent, para: Paragraph, style_id) -> None:
        for element in parent:
            tag = element.tag
            if tag == _R:
                self._run(element, para, style_id)
            elif tag in _CONTAINERS:
                self._content(element, para, style_id)
            elif tag == _SDT:
                para.in_control = True
                content = child(element, _SDT_CONTENT)
                if content is not None:
                    self._content(content, para, style_id)

    def _run(self, r, para: Paragraph, style_id) -> None:
        looks = None  # read at the first text or note: many runs show nothing (docxtpl's do)
        for element in r:
            tag = element.tag
            note = tag in _NOTE_REFERENCES
            text = None if note or tag == _ALTERNATE else run_child_text(element)
            if text is None and not note:
                self._object(element, para)
            elif note or text:
                looks = looks or self._looks(child(r, _RPR), style_id)
                para.runs.append(_shown(element, text, looks))

    def _looks(self, rpr, style_id) -> dict:
        """Return a run's effective ``b i caps font``: its own rPr over what its styles give."""
        if rpr is None:
            return self.styles.inherited(None, style_id)
        styled = self.styles.inherited(val(child(rpr, _RSTYLE)), style_id)
        direct = run_props(rpr)  # holds no None: a direct value always wins
        return {**styled, **direct} if direct else styled

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
        elif element.tag in _OBJECTS or len(element):
            names = {etree.QName(e).localname for e in element.iter() if isinstance(e.tag, str)}
            para.objects.append("image" if names & {"blip", "imagedata", "pic"} else
                                "object" if element.tag == qn("w:object") else "drawing")


def _shown(element, text: str | None, looks: dict) -> TextRun | NoteRun:
    """Return what a run child shows with the run's `looks`: its `text`, else a note reference."""
    bold, italic = bool(looks["b"]), bool(looks["i"])
    if text is None:
        kind = "f" if element.tag == _NOTE_REFERENCES[0] else "e"
        return NoteRun(kind + element.get(_ID), bold, italic)
    return TextRun(text.upper() if looks["caps"] else text, bold, italic, looks["font"])


def run_child_text(element) -> str | None:
    """Return the text a run child shows ("" for none), or None for a drawing-like object."""
    tag = element.tag
    if tag == _T:
        return element.text or ""
    if tag in _FIXED_TEXT:
        # U+00AD (w:softHyphen) is TCVN3's "ư": LibreOffice writes that byte as a soft hyphen.
        # The importer converts it in a legacy font and drops it (an invisible hyphen) in any
        # other.
        return _FIXED_TEXT[tag]
    if tag == _SYM:
        code = int(element.get(_CHAR, "20"), 16)
        return chr(code - 0xF000 if code >= 0xF000 else code)
    if tag in _OBJECTS:
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
        parts = read_parts(open_package(path))
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
    first_page = {kind: _flatten(reader.blocks(parts[f"first_{kind}"]))
                  for kind in ("header", "footer") if parts.get(f"first_{kind}") is not None}
    for paragraphs in [*notes.values(), *first_page.values()]:
        for p in paragraphs:
            p.index = 0
    return Document(blocks, notes, first_page)
