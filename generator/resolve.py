"""Whole-report pass: order the areas, number headings and footnotes, check cross-references.

This is the only place numbers are assigned. Headings get ``I.``/``1.``/``1.1.`` written into
their text (not Word list numbering, so they survive copy-paste and every client); footnotes are
numbered 1…N in reading order across all files; footnote ids are local to the file that holds
them. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import appendices, framing, vnformat
from generator.diagnostics import Diagnostics, Location
from generator.inline import parse_inline
from generator.loader import Path_, SourceFile
from generator.model import Anchor, Appendix, Block, Footnote, Inline, NoteRef, Report, Run
from generator.schema import AreaFile, OutlineEntry, ReportFile, TableItem
from generator.tabledata import resolve_table

MAX_LEVEL = 3
_NOTE_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass
class LoadedArea:
    """An area file after validation, with its source for locating messages."""

    name: str
    model: AreaFile
    source: SourceFile


@dataclass
class _NoteScope:
    """The footnotes of one file; ids are local to it."""

    source: SourceFile
    notes: dict[str, str]
    used: dict[str, int] = field(default_factory=dict)
    """note id → how many times it is cited."""
    second: dict[str, tuple[Anchor, Path_]] = field(default_factory=dict)
    """note id → its second citation, where the one reuse warning points."""
    parsed: dict[str, tuple[tuple[Inline, ...], ...]] = field(default_factory=dict)
    """note id → its paragraphs, parsed (and any nested anchor reported) at the first citation."""


@dataclass
class _Builder:
    diagnostics: Diagnostics
    footnotes: list[Footnote] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    scopes: list[_NoteScope] = field(default_factory=list)

    def scope(self, source: SourceFile, notes: dict[str, str]) -> _NoteScope:
        scope = _NoteScope(source, notes)
        self.scopes.append(scope)
        return scope

    def inlines(self, text: str, scope: _NoteScope, path: Path_) -> tuple[Inline, ...]:
        """Return `text` parsed, with each anchor replaced by the next footnote number."""
        out: list[Inline] = []
        for item in parse_inline(text):
            if isinstance(item, Anchor):
                ref = self._reference(item, scope, path)
                if ref is not None:
                    out.append(ref)
            else:
                out.append(item)
        return tuple(out)

    def _reference(self, anchor: Anchor, scope: _NoteScope, path: Path_) -> NoteRef | None:
        if anchor.id not in scope.notes:
            defined = ", ".join(scope.notes) or "chưa có chú thích nào"
            self._anchor_problem("footnote.unknown", anchor, scope, path,
                                 f"chú thích '[^{anchor.id}]' chưa được định nghĩa trong mục "
                                 f"'notes' của tệp này (đã có: {defined}).")
            return None
        if scope.used.get(anchor.id) == 1:
            scope.second[anchor.id] = (anchor, path)
        scope.used[anchor.id] = scope.used.get(anchor.id, 0) + 1
        number = len(self.footnotes) + 1
        paragraphs = scope.parsed.get(anchor.id)
        if paragraphs is None:
            paragraphs = scope.parsed[anchor.id] = self._note_paragraphs(scope, anchor.id)
        self.footnotes.append(Footnote(number, paragraphs))
        return NoteRef(number, anchor.bold, anchor.italic)

    def _note_paragraphs(self, scope: _NoteScope, note_id: str) -> tuple[tuple[Inline, ...], ...]:
        paragraphs = []
        for chunk in _NOTE_BREAK.split(scope.notes[note_id]):
            items = parse_inline(chunk)
            if any(isinstance(item, Anchor) for item in items):
                location = scope.source.locate(("notes", note_id))
                self.diagnostics.error("footnote.nested", "chú thích không được chứa chú thích "
                                       "khác ('[^…]').", location)
            paragraphs.append(tuple(i for i in items if not isinstance(i, Anchor)))
        return tuple(paragraphs)

    def _anchor_problem(self, code, anchor, scope, path, message, warning=False):
        location = _anchor_location(scope.source, path, anchor.id)
        excerpt = scope.source.excerpt(location)
        report = self.diagnostics.warning if warning else self.diagnostics.error
        report(code, message, location, excerpt)

    def report_note_use(self) -> None:
        """Word the reuse warnings (one per note, however often it is cited); flag unused notes."""
        for scope in self.scopes:
            for note_id, (anchor, path) in scope.second.items():
                times = vnformat.format_number(scope.used[note_id])
                self._anchor_problem("footnote.reused", anchor, scope, path,
                                     f"chú thích '{note_id}' được gắn {times} lần; Word sẽ in "
                                     f"{times} chú thích giống nhau.",
                                     warning=True)
            for note_id in scope.notes:
                if note_id not in scope.used:
                    location = scope.source.locate(("notes", note_id), key=True)
                    self.diagnostics.warning(
                        "footnote.unused", "chú thích này không được gắn ở đâu "
                        f"(thiếu '[^{note_id}]' trong các đoạn văn); nó sẽ không được in.",
                        location)


def _anchor_location(source: SourceFile, path: Path_, note_id: str) -> Location:
    """Return the place of `[^note_id]` inside the text at `path` (its line if it is found)."""
    location = source.locate(path)
    needle = f"[^{note_id}]"
    for offset in range(0, 200):
        index = location.line - 1 + offset
        if not 0 <= index < len(source.lines):
            break
        column = source.lines[index].find(needle)
        if column >= 0:
            return Location(source.path, index + 1, column + 1, location.field)
        if offset and source.lines[index][:1] not in (" ", "\t", ""):
            break  # left the value's indented block
    return location


def resolve_report(report: ReportFile, source: SourceFile, areas: dict[str, LoadedArea],
                   diagnostics: Diagnostics) -> Report:
    """Return the numbered, ordered `Report`; problems go into `diagnostics`."""
    builder = _Builder(diagnostics)
    profile = framing.choose_profile(report, source, diagnostics)
    doc_type = framing.doc_type_of(report, profile, source, diagnostics)
    period = framing.period_text(report, source, diagnostics)
    report_scope = builder.scope(source, report.notes)
    title = builder.inlines(report.title.replace("{period}", period), report_scope, ("title",))
    for i, text in enumerate(report.intro):
        builder.body.append(Block("p", builder.inlines(text, report_scope, ("intro", i))))
    _walk(builder, report.outline, 1, "", report_scope, areas, ("outline",))
    closing_text = report.closing or framing.default_closing(report, doc_type)
    closing = builder.inlines(closing_text.replace("{period}", period), report_scope,
                              ("closing",))
    fields, frame = framing.fields(report, profile, doc_type, title, source, diagnostics)
    extra = _appendices(builder, report, profile, doc_type, fields["number_line"], areas)
    builder.report_note_use()
    framing.obsolete_warnings(report, source, diagnostics)
    return Report(
        fields=fields,
        title=title,
        body=tuple(builder.body),
        closing=closing,
        footnotes=tuple(builder.footnotes),
        recipients=framing.punctuate(report.recipients, profile.recipients),
        frame=frame,
        appendices=extra,
    )


def _appendices(builder: _Builder, report: ReportFile, profile, doc_type, number_line: str,
                areas: dict[str, LoadedArea]) -> tuple[Appendix, ...]:
    out = []
    main_body, count = builder.body, len(report.appendices)
    for position, spec in enumerate(report.appendices, start=1):
        area = areas.get(area_key(spec.area))
        if area is None:
            continue  # reported by the pipeline
        builder.body = []
        _paragraphs(builder, area.model.paragraphs, builder.scope(area.source, area.model.notes),
                    ("paragraphs",), area.model.numbered)
        out.append(Appendix(appendices.label(profile, position, count), spec.title.upper(),
                            appendices.reference(report, doc_type, number_line), spec.landscape,
                            tuple(builder.body)))
    builder.body = main_body
    return tuple(out)


def _paragraphs(builder: _Builder, items: list, scope: _NoteScope, path: Path_,
                numbered: bool = False) -> None:
    """Append the paragraphs and tables of `items` (at field `path`) to the body."""
    for i, text in enumerate(items):
        if not isinstance(text, str):
            _table(builder, text, scope, path + (i,))
            continue
        inlines = builder.inlines(text, scope, path + (i,))
        if numbered:
            inlines = (Run(f"{i + 1}. "),) + inlines
        builder.body.append(Block("p", inlines))


def _heading_number(level: int, index: int, parent: str) -> str:
    if level == 1:
        return f"{vnformat.roman(index)}."
    if level == 2:
        return f"{index}."
    return f"{parent}{index}."


def _walk(builder: _Builder, entries: list[OutlineEntry], level: int, parent: str,
          scope: _NoteScope, areas: dict[str, LoadedArea], path: Path_) -> None:
    for index, entry in enumerate(entries, start=1):
        entry_path = path + (index - 1,)
        number = _heading_number(level, index, parent)
        if level > MAX_LEVEL:
            builder.diagnostics.error("outline.too-deep", f"bố cục chỉ có {MAX_LEVEL} cấp đề mục.",
                                      scope.source.locate(entry_path))
            return
        if entry.sections is not None:
            _heading(builder, level, number, entry.heading or "", scope, entry_path + ("heading",))
            child_parent = number if level >= 2 else ""
            _walk(builder, entry.sections, level + 1, child_parent, scope, areas,
                  entry_path + ("sections",))
            continue
        area = areas.get(area_key(entry.area or ""))
        if area is None:
            continue  # reported by the pipeline, which knows the folder
        _area(builder, area, entry, level, number, scope, entry_path)


def _area(builder: _Builder, area: LoadedArea, entry: OutlineEntry, level: int, number: str,
          report_scope: _NoteScope, entry_path: Path_) -> None:
    area_scope = builder.scope(area.source, area.model.notes)
    if entry.heading is not None:
        _heading(builder, level, number, entry.heading, report_scope, entry_path + ("heading",))
    elif area.model.heading is not None:
        _heading(builder, level, number, area.model.heading, area_scope, ("heading",))
    else:
        builder.diagnostics.error("outline.heading-missing", "mục này chưa có đề mục: thêm "
                                  "'heading' vào bố cục hoặc vào tệp của phần.",
                                  report_scope.source.locate(entry_path))
    model = area.model
    if not model.paragraphs and not model.sections:
        builder.diagnostics.warning("area.empty", "phần này chưa có nội dung (chưa có đoạn văn "
                                    "nào).", area.source.locate(()))
    _paragraphs(builder, model.paragraphs, area_scope, ("paragraphs",), model.numbered)
    child_parent = number if level >= 2 else ""
    for j, section in enumerate(model.sections, start=1):
        if level + 1 > MAX_LEVEL:
            builder.diagnostics.error("outline.too-deep", f"bố cục chỉ có {MAX_LEVEL} cấp đề mục.",
                                      area.source.locate(("sections", j - 1)))
            break
        _heading(builder, level + 1, _heading_number(level + 1, j, child_parent),
                 section.heading, area_scope, ("sections", j - 1, "heading"))
        _paragraphs(builder, section.paragraphs, area_scope, ("sections", j - 1, "paragraphs"))


def _table(builder: _Builder, item: TableItem, scope: _NoteScope, path: Path_) -> None:
    table = resolve_table(item.table, lambda text, at: builder.inlines(text, scope, at),
                          scope.source, path, builder.diagnostics)
    if table is not None:
        builder.body.append(Block("table", (), table))


def _heading(builder: _Builder, level: int, number: str, text: str, scope: _NoteScope,
             path: Path_) -> None:
    inlines = builder.inlines(text, scope, path)
    if level == 1:  # level-1 headings are printed in capitals (hd36.md §4.1)
        inlines = tuple(Run(i.text.upper(), i.bold, i.italic) if isinstance(i, Run) else i
                        for i in inlines)
    builder.body.append(Block(f"h{level}", (Run(number + " "),) + inlines))


def area_key(name: str) -> str:
    """Return the area name as the file stem: ``kinh-te.yaml`` → ``kinh-te``."""
    return name.strip().removesuffix(".yaml").removesuffix(".yml")
