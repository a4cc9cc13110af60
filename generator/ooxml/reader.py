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
from generator.ooxml.ns import qn
from generator.ooxml.safezip import Package, open_package

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = f"{_MC}AlternateContent"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTAINERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                        "bdo", "dir", "moveTo")}
_FALSE = {"0", "false", "off", "none"}


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


@dataclass
class _Style:
    kind: str
    name: str
    based_on: str | None
    props: dict
    """``b i caps font`` from rPr; ``outline jc num`` from pPr."""


class _Styles:
    """styles.xml by id, with the chain lookups the reader needs."""

    def __init__(self, root):
        self.by_id: dict[str, _Style] = {}
        self._found: dict[tuple, object] = {}
        self.defaults: dict = {}
        self.default_para: str | None = None
        if root is None:
            return
        rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = _run_props(rpr)
        for el in root.iter(qn("w:style")):
            sid, kind = el.get(qn("w:styleId")), el.get(qn("w:type"))
            self.by_id[sid] = _Style(kind, _val(el.find(qn("w:name"))) or sid,
                                     _val(el.find(qn("w:basedOn"))),
                                     {**_run_props(el.find(qn("w:rPr"))),
                                      **_para_props(el.find(qn("w:pPr")))})
            if kind == "paragraph" and el.get(qn("w:default")) in ("1", "true"):
                self.default_para = sid

    def lookup(self, style_id: str | None, key: str):
        """Return `key` from the style or the nearest style it is based on (once per pair)."""
        pair = (style_id, key)
        if pair not in self._found:
            self._found[pair] = self._chain_lookup(style_id, key)
        return self._found[pair]

    def _chain_lookup(self, style_id: str | None, key: str):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            if key in style.props:
                return style.props[key]
            style_id = style.based_on
        return None

    def run_props(self, char_style: str | None, para_style: str | None) -> dict:
        """Return the run properties a run inherits: its character style's, then its
        paragraph style's, then the document defaults (once per pair of styles)."""
        pair = ("\0run", char_style, para_style)
        if pair not in self._found:
            self._found[pair] = {key: next((v for v in (self.lookup(char_style, key),
                                                        self.lookup(para_style, key),
                                                        self.defaults.get(key)) if v is not None),
                                           None) for key in _RUN_KEYS}
        return self._found[pair]

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""


class _Numbering:
    """numbering.xml: numId → level formats, with Word's running counters."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            ref = abstract.get(_val(num.find(qn("w:abstractNumId"))))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = {
                    int(lvl.get(qn("w:ilvl"), "0")): (
                        _val(lvl.find(qn("w:numFmt"))) or "decimal",
                        _val(lvl.find(qn("w:lvlText"))) or "",
                        int(_val(lvl.find(qn("w:start"))) or 1))
                    for lvl in ref.iter(qn("w:lvl"))}

    def label(self, num_id: str, ilvl: int) -> str:
        """Return the number Word shows for the next paragraph of list `num_id` at `ilvl`."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "-"
        for k in range(9, -1, -1):  # %10 is not a level; go high to low so %1 ≠ prefix of %11
            fmt_k = levels.get(k, ("decimal", "", 1))[0]
            value = counts.get(k, levels.get(k, ("", "", 1))[2])
            text = text.replace(f"%{k + 1}", _format_number(value, fmt_k))
        return text.strip()


def _format_number(value: int, fmt: str) -> str:
    from generator.vnformat import roman

    if fmt in ("upperRoman", "lowerRoman"):
        return roman(value) if fmt == "upperRoman" else roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return f"{value:02d}" if fmt == "decimalZero" else str(value)


def _val(el) -> str | None:
    return None if el is None else el.get(qn("w:val"))


def _toggle(el) -> bool | None:
    return None if el is None else (el.get(qn("w:val")) or "1").lower() not in _FALSE


_RUN_KEYS = ("b", "i", "caps", "font")
"""The run properties `_run_props` reads."""
_RPR, _RSTYLE = qn("w:rPr"), qn("w:rStyle")
_NOTE_REFERENCES = (qn("w:footnoteReference"), qn("w:endnoteReference"))


def _run_props(rpr) -> dict:
    props = {}
    if rpr is None:
        return props
    for key, tag in (("b", "w:b"), ("i", "w:i"), ("caps", "w:caps")):
        value = _toggle(rpr.find(qn(tag)))
        if value is not None:
            props[key] = value
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None and (fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))):
        props["font"] = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    return props


def _para_props(ppr) -> dict:
    props = {}
    if ppr is None:
        return props
    level = _val(ppr.find(qn("w:outlineLvl")))
    if level is not None and level.isdigit():
        props["outline"] = int(level)  # 9 is "body text": kept so it masks a base style's level
    if _val(ppr.find(qn("w:jc"))) is not None:
        props["jc"] = _val(ppr.find(qn("w:jc")))
    num = ppr.find(qn("w:numPr"))
    if num is not None and _val(num.find(qn("w:numId"))) not in (None, "0"):
        props["num"] = (_val(num.find(qn("w:numId"))), int(_val(num.find(qn("w:ilvl"))) or 0))
    return props


class _Reader:
    def __init__(self, parts: dict[str, etree._Element | None]):
        self.styles = _Styles(parts.get("styles"))
        self.numbering = _Numbering(parts.get("numbering"))
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
        ppr = _para_props(p.find(qn("w:pPr")))
        style_id = _val(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) or self.styles.default_para
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
        direct = _run_props(rpr) if rpr is not None else {}
        styled = self.styles.run_props(_val(rpr.find(_RSTYLE)) if rpr is not None else None,
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
