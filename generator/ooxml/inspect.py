"""Read any .docx as its layout facts: sections, paragraphs and runs with effective formatting.

The reading side of the layout review (`baocao check FILE.docx`): pages (size, orientation,
margins, first-page header), every paragraph of the body in reading order — table cells
included, with their table, row and column — with its effective layout and the look of each
run (`generator.ooxml.formatting`), the headers with their fields, and what should not be left in
an issued document (tracked changes, comments). Plain data out, no XML.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.errors import BaocaoError
from generator.legacy import font_text
from generator.ooxml.formatting import TWIPS_PER_MM, ParaFormat, RunFormat, StyleChain
from generator.ooxml.ns import qn
from generator.ooxml.reader import run_child_text

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REVISIONS = tuple(qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange",
                                          "pPrChange", "sectPrChange", "tblPrChange"))
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False)


@dataclass(frozen=True)
class Run:
    text: str
    format: RunFormat


@dataclass
class Para:
    """A paragraph; `index` is 1-based in reading order over the body (table cells included)."""

    index: int
    format: ParaFormat
    runs: list[Run]
    mark: RunFormat
    """The look of the paragraph's text where it has no run (its style's)."""
    cell: tuple[int, int, int] | None = None
    """(table, row, column), each 1-based, when the paragraph is in a table cell."""
    fields: list[str] = field(default_factory=list)
    """The field codes in the paragraph (``PAGE`` …), upper case, first word only."""
    drawing: bool = False
    """The paragraph anchors a drawing or shape (often the rule under a title line)."""
    field_look: RunFormat | None = None
    """The look of the run holding the first field code (a page number's size)."""
    section: int = 0
    """The 0-based section (`DocxFacts.sections`) the paragraph is in."""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def visible_runs(self) -> list[Run]:
        """Return the runs that show something other than white space."""
        return [run for run in self.runs if run.text.strip()]


@dataclass
class Header:
    kind: str
    """``default``, ``first`` or ``even``."""
    paragraphs: list[Para]

    @property
    def fields(self) -> list[str]:
        return [name for p in self.paragraphs for name in p.fields]


@dataclass
class Section:
    """One section's page: sizes in mm; `first_page_header` is Word's "Different First Page"."""

    width: float
    height: float
    margins: dict[str, float]
    """``top bottom left right header footer``."""
    first_page_header: bool
    headers: dict[str, Header]
    page_number_start: int | None = None

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass
class DocxFacts:
    """The layout facts of one document."""

    name: str
    sections: list[Section]
    paragraphs: list[Para]
    tables: int
    footnotes: int
    revisions: int
    comments: int
    mirror_margins: bool
    theme_fonts: dict[str, str]


class _Package:
    """The parts of a .docx that layout needs, parsed safely."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = set(archive.namelist())
        main = next((r.get("Target") for r in self.rels("_rels/.rels")
                     if r.get("Type", "").endswith("/officeDocument")), "word/document.xml")
        self.main = main.lstrip("/")
        self.folder = posixpath.dirname(self.main)
        self.document_rels = {r.get("Id"): r for r in self.rels(
            posixpath.join(self.folder, "_rels", posixpath.basename(self.main) + ".rels"))}

    def xml(self, name: str | None):
        if not name or name not in self.names:
            return None
        return etree.fromstring(self.archive.read(name), SAFE_PARSER)

    def rels(self, name: str) -> list:
        root = self.xml(name)
        return [] if root is None else list(root.iter(_REL))

    def target(self, rel) -> str | None:
        if rel is None or rel.get("TargetMode") == "External":
            return None
        return posixpath.normpath(posixpath.join(self.folder, rel.get("Target", ""))).lstrip("/")

    def part(self, kind: str):
        """Return the parsed part the main document relates to by `kind` (``styles`` …)."""
        rel = next((r for r in self.document_rels.values()
                    if r.get("Type", "").rsplit("/", 1)[-1] == kind), None)
        return self.xml(self.target(rel))


def walk_paragraphs(parent, tables: list[int] | None = None, cell=None):
    """Yield ``(w:p, cell)`` for every paragraph under `parent` in reading order.

    `cell` is (table, row, column), 1-based, inside a table cell; `tables` counts the tables met
    so far. The one traversal that numbers paragraphs, shared by the reader and the fixer so a
    finding's "đoạn N" is the paragraph the fixer changes.
    """
    tables = [0] if tables is None else tables
    for child in parent:
        if child.tag == qn("w:p"):
            yield child, cell
        elif child.tag == qn("w:tbl"):
            tables[0] += 1
            number = tables[0]
            for row_no, tr in enumerate(child.findall(qn("w:tr")), 1):
                cells = [tc for tc in tr if tc.tag == qn("w:tc")]
                for col_no, tc in enumerate(cells, 1):
                    yield from walk_paragraphs(tc, tables, (number, row_no, col_no))
        elif child.tag in (qn("w:sdt"), qn("w:customXml"), qn("w:sdtContent")):
            content = child.find(qn("w:sdtContent"))
            yield from walk_paragraphs(child if content is None else content, tables, cell)


class _Reader:
    def __init__(self, chain: StyleChain):
        self.chain = chain
        self.tables = 0

    def blocks(self, parent) -> list[Para]:
        tables, section, out = [0], 0, []
        for index, (p, cell) in enumerate(walk_paragraphs(parent, tables), 1):
            para = self.paragraph(p, index, cell)
            para.section = section
            out.append(para)
            if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                section += 1  # a paragraph holding a sectPr ends its section
        self.tables = tables[0]
        return out

    def paragraph(self, p, index: int, cell=None) -> Para:
        style_id = self.chain.paragraph_style_id(p)
        runs, fields, field_look = [], [], None
        for r in p.iter(qn("w:r")):
            if any(a.tag in _DELETED for a in r.iterancestors()):
                continue
            text = "".join(run_child_text(child) or "" for child in r)
            codes = [code.split()[0].upper() for code in
                     (t.text or "" for t in r.iter(qn("w:instrText"))) if code.split()]
            if codes and field_look is None:
                field_look = self.chain.run(r, style_id)
            fields += codes
            if text:
                look = self.chain.run(r, style_id)
                runs.append(Run(font_text(text, look.font), look))
        for simple in p.iter(qn("w:fldSimple")):
            code = (simple.get(qn("w:instr")) or "").split()
            if code:
                fields.append(code[0].upper())
        drawing = next(p.iter(qn("w:drawing"), qn("w:pict")), None) is not None
        return Para(index, self.chain.paragraph(p), runs, self.chain.paragraph_mark(p), cell,
                    fields, drawing, field_look)


_DELETED = {qn("w:del"), qn("w:moveFrom")}


def _mm(value: str | None, default: float = 0.0) -> float:
    try:
        return int(float(value)) / TWIPS_PER_MM if value is not None else default
    except ValueError:
        return default


_WORD_MARGINS = {"top": 25.4, "bottom": 25.4, "left": 25.4, "right": 25.4, "header": 12.7,
                 "footer": 12.7}
"""What Word uses where a document states no margins (one inch; half an inch for headers)."""


def _section(package: _Package, sect_pr, chain: StyleChain) -> Section:
    size = sect_pr.find(qn("w:pgSz")) if sect_pr is not None else None
    margins = sect_pr.find(qn("w:pgMar")) if sect_pr is not None else None
    width = _mm(None if size is None else size.get(qn("w:w")), 215.9)
    height = _mm(None if size is None else size.get(qn("w:h")), 279.4)
    found = {key: _mm(None if margins is None else margins.get(qn(f"w:{key}")), default)
             for key, default in _WORD_MARGINS.items()}
    headers = {}
    for ref in (sect_pr.findall(qn("w:headerReference")) if sect_pr is not None else []):
        root = package.xml(package.target(package.document_rels.get(ref.get(qn("r:id")))))
        if root is not None:
            kind = ref.get(qn("w:type")) or "default"
            headers[kind] = Header(kind, _Reader(chain).blocks(root))
    title_pg = sect_pr.find(qn("w:titlePg")) if sect_pr is not None else None
    numbering = sect_pr.find(qn("w:pgNumType")) if sect_pr is not None else None
    start = None if numbering is None else numbering.get(qn("w:start"))
    return Section(width, height, found,
                   title_pg is not None and (title_pg.get(qn("w:val")) or "1") not in ("0",
                                                                                       "false"),
                   headers, int(start) if start and start.isdigit() else None)


def read_facts(path: Path) -> DocxFacts:
    """Return the layout facts of the .docx at `path`; raise `BaocaoError` if it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _facts(path.name, _Package(archive))
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError, StopIteration) as exc:
        raise BaocaoError(f"không đọc được '{path.name}' như một tệp Word .docx ({exc}). Tệp "
                          ".doc cũ cần mở bằng Word rồi lưu lại thành .docx.") from None


def _facts(name: str, package: _Package) -> DocxFacts:
    document = package.xml(package.main)
    body = document.find(qn("w:body")) if document is not None else None
    if body is None:
        raise BaocaoError(f"'{name}' không có phần nội dung của một tệp Word.")
    chain = StyleChain(package.part("styles"), package.part("theme"))
    reader = _Reader(chain)
    paragraphs = reader.blocks(body)
    sect_prs = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in body.iter(qn("w:p"))]
    sections = [_section(package, s, chain) for s in sect_prs if s is not None]
    sections.append(_section(package, body.find(qn("w:sectPr")), chain))
    footnotes = package.part("footnotes")
    comments = package.part("comments")
    settings = package.part("settings")
    return DocxFacts(
        name, sections, paragraphs, reader.tables,
        0 if footnotes is None else sum(
            1 for n in footnotes.iter(qn("w:footnote"))
            if n.get(qn("w:type")) in (None, "normal")),
        sum(1 for _ in body.iter(*_REVISIONS)),
        0 if comments is None else sum(1 for _ in comments.iter(qn("w:comment"))),
        settings is not None and settings.find(qn("w:mirrorMargins")) is not None,
        chain.theme)
