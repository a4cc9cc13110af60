"""The resolved document: what the template receives, free of YAML and of WordprocessingML."""

from __future__ import annotations

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
class Block:
    """A body paragraph: `kind` is ``h1``, ``h2``, ``h3`` or ``p``."""

    kind: str
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Footnote:
    """Footnote `number` with one or more paragraphs of inlines."""

    number: int
    paragraphs: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Signature:
    authority: str
    title: str
    name: str


@dataclass(frozen=True)
class Report:
    """Everything the document shows, in reading order, already numbered and formatted."""

    organ_parent: str
    organ_name: str
    number_line: str
    draft: str
    place_date: str
    doc_type: str
    title: tuple[Inline, ...]
    body: tuple[Block, ...]
    closing: tuple[Inline, ...]
    footnotes: tuple[Footnote, ...]
    recipients: tuple[str, ...]
    signature: Signature

    @property
    def section_count(self) -> int:
        return sum(1 for block in self.body if block.kind != "p")

    @property
    def paragraph_count(self) -> int:
        """Body paragraphs including the closing sentence."""
        return sum(1 for block in self.body if block.kind == "p") + 1
