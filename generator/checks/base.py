"""Findings, the texts a report is made of, and locating a match inside a YAML value."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import ERROR, WARNING, Diagnostic, Location, display_path
from generator.loader import Path_, SourceFile, format_field

__all__ = ["ERROR", "WARNING", "CheckContext", "Finding", "TextItem", "finding_at", "iter_texts"]


@dataclass(frozen=True)
class Finding(Diagnostic):
    """One editorial finding: a diagnostic plus the suggested replacement (may be empty).

    The suggestion replaces the located span (the excerpt's caret onwards) when one is known.
    """

    suggestion: str = ""
    found: str = ""
    """The located span as written in the file (what `suggestion` replaces), when known."""

    def to_json(self) -> dict[str, Any]:
        """Return the finding as the object printed by ``--format json``."""
        loc = self.location
        return {
            "file": display_path(loc.path) if loc else "",
            "line": loc.line if loc else 0,
            "column": loc.column if loc else 0,
            "field": loc.field if loc else "",
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }

    @classmethod
    def from_diagnostic(cls, diagnostic: Diagnostic) -> Finding:
        """Return a build diagnostic as a finding (no suggestion)."""
        return cls(diagnostic.severity, diagnostic.code, diagnostic.message,
                   diagnostic.location, diagnostic.excerpt)


# Markup that is not printed: footnote anchors, ** and * delimiters, backslash escapes.
_MARKUP = re.compile(r"(\[\^[\w-]+\])|\\([\\*\[\]])|\*\*|\*")
NOTE_MARK = "\ue000"
"""Stands for a footnote anchor in `TextItem.text` (the reader sees a superscript number)."""
_SAME = ([0], [0])
"""`TextItem.segments` of a text without markup: printed as written (never mutated)."""


@dataclass
class TextItem:
    """One text of the report as written in YAML, and its printed form with an offset map."""

    source: SourceFile
    path: Path_
    raw: str
    kind: str
    """``paragraph``, ``heading``, ``note``, ``title``, ``recipient``, ``cell`` (a table's
    caption, unit, header or label cell) or ``figure`` (a cell of a figures column)."""
    numbered: bool = False
    """For paragraphs: the area numbers its paragraphs itself."""
    text: str = ""
    """`raw` as the reader sees it: no emphasis or escapes; each anchor is one `NOTE_MARK`."""
    segments: tuple[list[int], list[int]] = _SAME
    """Where `text` and `raw` run in step: ``text[s:]`` starts at ``raw[r:]`` for the pairs
    (s, r) of the two lists; `raw_index` reads it. A list of one offset per character took
    80 MB of the 280 MB the checks used at ×50 (tracemalloc); most texts have no markup."""

    def __post_init__(self) -> None:
        self.text, self.segments = _strip_markup(self.raw)

    def raw_index(self, index: int) -> int:
        """Return the index in `raw` of ``text[index]`` (``len(text)`` gives ``len(raw)``)."""
        starts, raw_starts = self.segments
        k = bisect_right(starts, index) - 1
        return raw_starts[k] + index - starts[k]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span in `raw` of ``text[start:end]``."""
        first = self.raw_index(start)
        return first, self.raw_index(end - 1) + 1 if end > start else first


def _strip_markup(raw: str) -> tuple[str, tuple[list[int], list[int]]]:
    if "*" not in raw and "\\" not in raw and "[^" not in raw:  # what `_MARKUP` needs
        return raw, _SAME
    out: list[str] = []
    starts: list[int] = []
    raw_starts: list[int] = []
    length = 0

    def keep(piece: str, at: int) -> None:
        """Append `piece`, which is ``raw[at:]`` in print (or one character standing for it)."""
        nonlocal length
        if not piece:
            return
        if not starts or raw_starts[-1] + length - starts[-1] != at:
            starts.append(length)
            raw_starts.append(at)
        out.append(piece)
        length += len(piece)

    pos = 0
    for m in _MARKUP.finditer(raw):
        keep(raw[pos:m.start()], pos)
        if m.group(1) is not None:
            keep(NOTE_MARK, m.start())
        elif m.group(2) is not None:
            keep(m.group(2), m.start() + 1)
        elif m.group().startswith("*") and _literal_star(raw, m.start(), m.end()):
            keep(m.group(), m.start())
        pos = m.end()
    keep(raw[pos:], pos)
    starts.append(length)  # the end of the text maps to the end of the raw value
    raw_starts.append(len(raw))
    return "".join(out), (starts, raw_starts)


def _literal_star(raw: str, start: int, end: int) -> bool:
    """Return True for a star with spaces on both sides (``5 * 3``), which stays literal."""
    before = raw[start - 1] if start else " "
    after = raw[end] if end < len(raw) else " "
    return before.isspace() and after.isspace()


def iter_texts(compiled) -> Iterator[TextItem]:
    """Yield every text of the report, in reading order: report.yaml, then each area."""
    src, manifest = compiled.source, compiled.manifest
    yield TextItem(src, ("title",), manifest.title, "title")
    intro_single = isinstance(src.data.get("intro"), str) if isinstance(src.data, dict) else False
    for i, text in enumerate(manifest.intro):
        yield TextItem(src, ("intro",) if intro_single else ("intro", i), text, "paragraph")
    yield from _outline_headings(src, manifest.outline, ("outline",))
    if manifest.closing:
        yield TextItem(src, ("closing",), manifest.closing, "paragraph")
    for note_id, text in manifest.notes.items():
        yield TextItem(src, ("notes", note_id), text, "note")
    for i, text in enumerate(manifest.recipients):
        yield TextItem(src, ("recipients", i), text, "recipient")
    for i, appendix in enumerate(manifest.appendices):
        yield TextItem(src, ("appendices", i, "title"), appendix.title, "heading")
    for area in compiled.areas.values():
        yield from _area_texts(area)


def _outline_headings(src: SourceFile, entries, path: Path_) -> Iterator[TextItem]:
    for i, entry in enumerate(entries):
        here = path + (i,)
        if entry.heading:
            yield TextItem(src, here + ("heading",), entry.heading, "heading")
        if entry.sections:
            yield from _outline_headings(src, entry.sections, here + ("sections",))


def _area_texts(area) -> Iterator[TextItem]:
    model, src = area.model, area.source
    if model.heading:
        yield TextItem(src, ("heading",), model.heading, "heading")
    for i, text in enumerate(model.paragraphs):
        if isinstance(text, str):
            yield TextItem(src, ("paragraphs", i), text, "paragraph", numbered=model.numbered)
        else:
            yield from _table_texts(src, ("paragraphs", i, "table"), text.table)
    for j, section in enumerate(model.sections):
        yield TextItem(src, ("sections", j, "heading"), section.heading, "heading")
        for i, text in enumerate(section.paragraphs):
            if isinstance(text, str):
                yield TextItem(src, ("sections", j, "paragraphs", i), text, "paragraph")
            else:
                yield from _table_texts(src, ("sections", j, "paragraphs", i, "table"),
                                        text.table)
    for note_id, text in model.notes.items():
        yield TextItem(src, ("notes", note_id), text, "note")


def _table_texts(src: SourceFile, path: Path_, spec) -> Iterator[TextItem]:
    """Yield a table's words: caption, unit, header cells and the label columns' cells.

    The figures are `generator/checks/tables.py`'s; the words are read like any text (a
    caption naming last period, a misspelt indicator).
    """
    from generator.tabledata import label_columns

    for key in ("caption", "unit"):
        if getattr(spec, key):
            yield TextItem(src, path + (key,), getattr(spec, key), "cell")
    for r, row in enumerate(spec.header):
        for c, cell in enumerate(row):
            text, where = (cell, (c,)) if isinstance(cell, str) else (cell.text, (c, "text"))
            if text.strip():
                yield TextItem(src, path + ("header", r, *where), text, "cell")
    labels = label_columns(spec)
    for r, row in enumerate(spec.rows):
        for c, cell in enumerate(row[:labels]):
            if cell.strip():
                yield TextItem(src, path + ("rows", r, c), cell, "cell")


def locate_raw(item: TextItem, raw_start: int, raw_end: int) -> Location:
    """Return where ``item.raw[raw_start:raw_end]`` is in the file.

    The value's first line comes from its mark; the column is found by searching the matched
    text in the value's lines (the k-th occurrence in the value is the k-th in the source).
    When the text cannot be found (escapes, folded lines) the value's start is returned.
    """
    start = item.source.locate(item.path)
    needle = item.raw[raw_start:max(raw_end, raw_start + 1)]
    nth = _count(item.raw, needle, raw_start)
    seen = 0
    for line_no, col, segment in _value_segments(item.source, start, item.path):
        index = segment.find(needle)
        while index >= 0:
            if seen == nth:
                return Location(start.path, line_no, col + index, start.field)
            seen += 1
            index = segment.find(needle, index + 1)
    return start


def _count(text: str, needle: str, end: int) -> int:
    count, index = 0, text.find(needle)
    while 0 <= index < end:
        count += 1
        index = text.find(needle, index + 1)
    return count


def _value_segments(source: SourceFile, start: Location,
                    path: Path_ = ()) -> Iterator[tuple[int, int, str]]:
    """Yield (line, 1-based column of the segment, segment) for the lines of a scalar value."""
    if path in source.extents:  # a paragraph of a ``text: |`` block: its own lines
        yield from source.extents[path]
        return
    lines = source.lines
    if not 0 < start.line <= len(lines):
        return
    first = lines[start.line - 1]
    yield start.line, start.column, first[start.column - 1:]
    indent = len(first) - len(first.lstrip(" "))
    for index in range(start.line, len(lines)):
        line = lines[index]
        stripped = line.lstrip(" ")
        if stripped and len(line) - len(stripped) <= indent:
            break
        yield index + 1, len(line) - len(stripped) + 1, stripped


MAX_PER_TEXT = 20
"""Findings of one code listed per text; the rest are counted in one more finding."""


@dataclass
class CheckContext:
    """What the rules read: the compiled report, its texts, and helpers to report findings."""

    compiled: Any
    texts: list[TextItem]
    findings: list[Finding] = field(default_factory=list)
    per_text: dict[tuple[int, str], list] = field(default_factory=dict)
    """(id of a text, code) → [findings reported, the first one]: see `MAX_PER_TEXT`."""

    def at(self, item: TextItem, start: int, end: int, code: str, severity: str, message: str,
           suggestion: str = "") -> None:
        """Report a finding on ``item.text[start:end]`` (printed-text offsets).

        Past `MAX_PER_TEXT` findings of one code in one text, the others are only counted
        (`overflow`): locating each costs a pass over the text, so 10,000 of them in one
        100,000-character paragraph took minutes, and nobody reads such a list.
        """
        seen = self.per_text.setdefault((id(item), code), [0, None])
        seen[0] += 1
        if seen[0] > MAX_PER_TEXT:
            return
        found = finding_at(item, start, end, code, severity, message, suggestion)
        seen[1] = seen[1] or found
        self.findings.append(found)

    def overflow(self) -> list[Finding]:
        """Return one finding per text and code that had more than `MAX_PER_TEXT`."""
        out = []
        for (_, code), (count, first) in self.per_text.items():
            if count > MAX_PER_TEXT:
                out.append(Finding(first.severity, code, f"đoạn này còn {count - MAX_PER_TEXT} "
                                   f"chỗ '{code}' nữa (chỉ liệt kê {MAX_PER_TEXT} chỗ đầu).",
                                   first.location, first.excerpt))
        return out

    def at_location(self, source: SourceFile, location: Location, code: str, severity: str,
                    message: str, suggestion: str = "") -> None:
        """Report a finding at a known location."""
        self.findings.append(Finding(severity, code, message, location,
                                     source.excerpt(location), suggestion))


def finding_at(item: TextItem, start: int, end: int, code: str, severity: str, message: str,
               suggestion: str = "") -> Finding:
    """Return a finding located on ``item.text[start:end]``."""
    raw_start, raw_end = item.raw_span(start, end)
    location = locate_raw(item, raw_start, raw_end)
    if not location.field:
        location = location.with_field(format_field(item.path))
    return Finding(severity, code, message, location, item.source.excerpt(location), suggestion,
                   item.raw[raw_start:raw_end])
