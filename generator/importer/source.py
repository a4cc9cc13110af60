"""The Word file being imported and the warnings about it, located by paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.ooxml.reader import Document, Paragraph, Table, read_docx

EXCERPT = 60
"""Characters of nearby text quoted under a warning."""


@dataclass
class Source:
    """The .docx read into plain data, with the diagnostics of the import."""

    path: Path
    document: Document
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @classmethod
    def open(cls, path: Path) -> Source:
        """Read `path` and convert its legacy-font text to Unicode."""
        from generator.importer.text import to_unicode_document

        source = cls(path, read_docx(path))
        to_unicode_document(source.document)
        return source

    def where(self, paragraph: Paragraph | None) -> tuple[Location, str]:
        """Return the location of `paragraph` (its number in the body) and nearby text.

        An empty paragraph (a picture alone) is shown by the text of the one before it.
        """
        if paragraph is None or not paragraph.index:
            return Location(self.path), ""
        location = Location(self.path, field=f"đoạn {paragraph.index}")
        text, before = " ".join(paragraph.text.split()), ""
        if not text:
            texts = self._texts()
            index = max((i for i in texts if i < paragraph.index), default=None)
            text, before = (texts[index], "sau đoạn ") if index else ("", "")
        if len(text) > EXCERPT:
            text = text[:EXCERPT].rstrip() + "…"
        return location, f"    {before}“{text}”" if text else ""

    def _texts(self) -> dict[int, str]:
        """Return index → text of every non-empty body paragraph (tables included)."""
        out: dict[int, str] = {}
        for block in self.document.blocks:
            for p in block.paragraphs() if isinstance(block, Table) else [block]:
                if p.text.strip():
                    out[p.index] = " ".join(p.text.split())
        return out

    def warn(self, code: str, message: str, paragraph: Paragraph | None = None) -> None:
        """Add warning `code` located at `paragraph`."""
        self.diagnostics.warning(code, message, *self.where(paragraph))
