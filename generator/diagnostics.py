"""Located diagnostics: the one place that formats what the user is told about their data.

Format (modelled on compilers and Sphinx)::

    data/x/areas/kinh-te.yaml:14:11: lỗi[footnote.unknown]: paragraphs[3]: chú thích '7' …

Paths are shown relative to the current folder when possible; lines and columns are 1-based.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.fieldnames import field_label

ERROR = "error"
WARNING = "warning"

_SEVERITY_VI = {ERROR: "lỗi", WARNING: "cảnh báo"}


@dataclass(frozen=True, order=True)
class Location:
    """Where a problem is: file, 1-based line and column (0 when unknown), field path."""

    path: Path
    line: int = 0
    column: int = 0
    field: str = ""

    def with_field(self, field: str) -> Location:
        """Return the same place naming `field`."""
        return Location(self.path, self.line, self.column, field)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a stable `code` (``area.rule``), a Vietnamese `message`, and where."""

    severity: str
    code: str
    message: str
    location: Location | None = None
    excerpt: str = ""

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        if loc is None:
            return ("", 0, 0, self.code)
        return (str(loc.path), loc.line, loc.column, self.code)

    def format(self) -> str:
        """Return the diagnostic as the lines printed for the user."""
        head = f"{_SEVERITY_VI[self.severity]}[{self.code}]: "
        if self.location is not None:
            loc = self.location
            where = display_path(loc.path)
            if loc.line:
                where += f":{loc.line}:{loc.column or 1}"
            head = f"{where}: {head}"
            if loc.field:
                head += f"{field_label(loc.field)}: "
        text = head + self.message
        if self.excerpt:
            text += "\n" + self.excerpt
        return text


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics for one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, location: Location | None = None, excerpt: str = ""):
        self.items.append(Diagnostic(ERROR, code, message, location, excerpt))

    def warning(self, code: str, message: str, location: Location | None = None, excerpt: str = ""):
        self.items.append(Diagnostic(WARNING, code, message, location, excerpt))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def has_errors(self) -> bool:
        return any(d.severity == ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """Return the diagnostics sorted by file, line, column and code (stable)."""
        return sorted(self.items, key=lambda d: d.sort_key)

    def summary(self) -> str:
        """Return the one-line Vietnamese count, e.g. ``3 lỗi, 1 cảnh báo``."""
        return f"{len(self.errors)} lỗi, {len(self.warnings)} cảnh báo"


def display_path(path: Path) -> str:
    """Return `path` relative to the current folder when it is below it, with '/' separators."""
    try:
        rel = os.path.relpath(path)
    except (ValueError, OSError):  # another drive on Windows; the current folder was deleted
        return path.as_posix()
    if rel.startswith(".."):
        return path.as_posix()
    return Path(rel).as_posix()


EXCERPT_WIDTH = 76
"""Widest excerpt shown; long lines (a paragraph is one line) are cut around the column."""


def caret_excerpt(source_line: str, column: int) -> str:
    """Return `source_line` quoted with a caret under 1-based `column`.

    A line longer than `EXCERPT_WIDTH` is shown as a window around the column, with ``…``.
    """
    line = source_line.rstrip("\r\n").replace("\t", " ")
    index = max(column - 1, 0)
    if len(line) > EXCERPT_WIDTH:
        start = max(0, min(index - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
        window = line[start:start + EXCERPT_WIDTH]
        prefix = "…" if start else ""
        suffix = "…" if start + EXCERPT_WIDTH < len(line) else ""
        line, index = prefix + window + suffix, index - start + len(prefix)
    return f"    {line}\n    {' ' * index}^"
