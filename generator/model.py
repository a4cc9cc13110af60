"""The resolved document: what the template receives, free of YAML and of WordprocessingML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """Text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Break:
    """A break a clerk typed: ``line`` (Word's Shift+Enter) or ``page``."""

    kind: str


@dataclass(frozen=True)
class Anchor:
    """A footnote anchor as written in the data (``[^id]``), before numbering."""

    id: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class NoteRef:
    """A numbered footnote reference; `number` is 1…N in reading order."""

    number: int
    bold: bool = False
    italic: bool = False


Inline = Run | Anchor | NoteRef | Break


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, the columns it covers, or the continuation of the cell above."""

    inlines: tuple[Inline, ...]
    span: int = 1
    merged: bool = False
    """The cell continues the header cell above it (merged down)."""


@dataclass(frozen=True)
class Table:
    """A table as the clerk typed it; `align` is ``left``, ``right`` or ``center`` per column."""

    caption: tuple[Inline, ...]
    unit: str
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    """Column widths in % of the text width, summing to 100."""
    align: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """A body paragraph: `kind` is ``h1``, ``h2``, ``h3``, ``p`` or ``table`` (with `table`)."""

    kind: str
    inlines: tuple[Inline, ...]
    table: Table | None = None


@dataclass(frozen=True)
class Footnote:
    """Footnote `number` with one or more paragraphs of inlines."""

    number: int
    paragraphs: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Frame:
    """How the profile and document type frame the text (not compared by `baocao diff`)."""

    profile: str = "hd36"
    """The profile used (``hd05``)."""
    show_type: bool = True
    """The type line and trích yếu are printed (not for a công văn)."""
    addressee_label: str = ""
    """``Kính gửi:`` / ``Kính trình:`` when there are addressees."""
    addressees: tuple[str, ...] = ()
    """Two or more addressees, one line each, punctuated (one goes in `fields["addressee"]`)."""
    bases: tuple[str, ...] = ()
    """The căn cứ lines, punctuated."""
    line_spacing: int | None = None
    """The body's exact line height in twips, when it differs from the template's."""


@dataclass(frozen=True)
class Appendix:
    """A phụ lục after the signature: its own section, page numbers from 1."""

    label: str
    """``Phụ lục 1`` / ``Phụ lục I`` / ``Phụ lục``."""
    title: str
    """In capitals."""
    reference: str
    """``(Kèm theo Báo cáo số 127-BC/TU, ngày 26/9/2024 của Tỉnh ủy Hậu Giang)``."""
    landscape: bool
    body: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    """Everything the document shows, in reading order, already numbered and formatted."""

    fields: Mapping[str, str]
    """The single-line fields of `generator.profiles.fields.FIELDS`, by name."""
    title: tuple[Inline, ...]
    body: tuple[Block, ...]
    closing: tuple[Inline, ...]
    footnotes: tuple[Footnote, ...]
    recipients: tuple[str, ...]
    """The Nơi nhận lines, punctuated by the profile."""
    frame: Frame = Frame()
    appendices: tuple[Appendix, ...] = ()

    @property
    def section_count(self) -> int:
        return sum(1 for block in self.body if block.kind.startswith("h"))

    @property
    def paragraph_count(self) -> int:
        """Body paragraphs including the closing sentence."""
        return sum(1 for block in self.body if block.kind == "p") + bool(self.closing)

    @property
    def table_count(self) -> int:
        """Tables in the body and in the appendices."""
        blocks = (*self.body, *(b for a in self.appendices for b in a.body))
        return sum(1 for block in blocks if block.table is not None)
