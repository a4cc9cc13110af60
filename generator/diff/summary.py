"""The short Vietnamese account of a comparison printed in the terminal."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.diff.merged import DEL, INS, SAME, Comparison, MergedTable, Note, Para
from generator.profiles.fields import BY_NAME
from generator.vnformat import format_number

NO_CHANGES = "Hai bản giống nhau: không có thay đổi."
_NUMBER = re.compile(r"^[0-9IVXLCDM.]+ ")
_ITEM_NUMBER = re.compile(r"^\d+\. ")
"""The number resolve writes before each paragraph of a numbered area."""
_SHOWN = 60


@dataclass
class _Section:
    label: str
    heading: Para | None = None
    counts: Counter = field(default_factory=Counter)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    note: str = ""
    tables: list[str] = field(default_factory=list)
    """One line per changed table: ``Bảng 1 của III.1: 3 ô sửa, 1 dòng thêm``."""
    numbers: Counter = field(default_factory=Counter)
    """How many tables each side has had so far in this section (DEL / INS)."""


def summarize(comparison: Comparison) -> list[str]:
    """Return the lines that tell what changed, or the one line saying nothing did."""
    if not comparison.changed:
        return [NO_CHANGES]
    lines = [f"  {BY_NAME[name].label}: {_quote(p.old_text)} → {_quote(p.new_text)}."
             for name, p in comparison.fields.items() if p.changed]
    for label, para in (("Trích yếu", comparison.title), ("Câu kết thúc", comparison.closing)):
        if para.changed:
            lines.append(f"  {label}: có sửa.")
    sections = _sections(comparison.body)
    for appendix in comparison.appendices:
        section = _Section(appendix.label or "Phụ lục")
        if appendix.change != SAME:
            section.note = "phụ lục mới" if appendix.change == INS else "phụ lục đã bỏ"
        elif appendix.old_title != appendix.title:
            section.note = f"tên phụ lục sửa (trước là {_quote(appendix.old_title)})"
        sections += [section, *_sections(appendix.body, section)[1:]]
    for s in sections:
        if s.counts or s.note:
            lines.append(f"  {s.label}: {', '.join(filter(None, (s.note, _counts(s.counts))))}.")
        lines += [f"  {table}." for table in s.tables]
    notes = _note_changes(comparison.notes)
    if any(notes.values()):
        lines.append(f"  Chú thích: {_notes_line(notes)}.")
    recipients = Counter(_kind(p) for p in comparison.recipients if p.changed)
    if recipients:
        lines.append(f"  Nơi nhận: {_counts(recipients, 'dòng')}.")
    return ["Những chỗ thay đổi (bản cũ → bản mới):", *lines, _total(sections, notes)]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return "(trống)"
    return f"“{text if len(text) <= _SHOWN else text[:_SHOWN - 1] + '…'}”"


def _kind(para: Para) -> str:
    return {INS: "thêm", DEL: "bỏ"}.get(para.change, "sửa")


def _counts(counts: Counter, unit: str = "đoạn") -> str:
    return ", ".join(f"{format_number(counts[k])} {unit} {k}"
                     for k in ("sửa", "thêm", "bỏ", "chuyển chỗ") if counts[k])


def _sections(body: tuple[Para, ...], first: _Section | None = None) -> list[_Section]:
    """Group the body's changes under the heading each paragraph belongs to."""
    sections = [first or _Section("Phần mở đầu")]
    parts = {DEL: "", INS: ""}  # the current level-1 number on each side: "III."
    for para in body:
        if para.kind == "p":
            _count(sections[-1], para)
            continue
        if para.kind == "table":
            _count_table(sections[-1], para)
            continue
        side = DEL if para.change == DEL else INS
        if para.kind == "h1":
            parts[DEL] = _number(para.old_text) if para.change != INS else parts[DEL]
            parts[INS] = _number(para.new_text) if para.change != DEL else parts[INS]
        shown = (para.old_text if side == DEL else para.new_text).strip()
        section = _Section(shown if para.kind == "h1" else parts[side] + shown, para)
        if para.change != SAME:
            section.note = "mục mới" if para.change == INS else "mục đã bỏ"
        elif _NUMBER.sub("", para.old_text) != _NUMBER.sub("", para.new_text):
            section.note = f"đề mục sửa (trước là {_quote(para.old_text.strip())})"
        sections.append(section)
    _join_moved(sections)
    return [s for s in sections if s.label]


def _number(heading: str) -> str:
    match = _NUMBER.match(heading)
    return match.group().strip() if match else ""


def _count(section: _Section, para: Para) -> None:
    renumbered = para.change == SAME and \
        _ITEM_NUMBER.sub("", para.old_text) == _ITEM_NUMBER.sub("", para.new_text)
    if para.changed and not renumbered:  # a numbered item moved down is not an edit
        section.counts[_kind(para)] += 1
    if para.change == DEL:
        section.removed.append(para.old_text)
    elif para.change == INS:
        section.added.append(para.new_text)


def _count_table(section: _Section, para: Para) -> None:
    """Number the table in its section on each side and, if it changed, say how."""
    sides = (DEL,) if para.change == DEL else (INS,) if para.change == INS else (DEL, INS)
    section.numbers.update(sides)
    if not para.changed:
        return
    if para.change == SAME:
        what = _table_words(_table_changes(para.table))
    else:
        what = "bảng mới" if para.change == INS else "bảng đã bỏ"
    number = section.numbers[sides[-1]]
    section.tables.append(f"Bảng {format_number(number)} của {_where(section.label)}: {what}")


def _table_changes(table: MergedTable) -> Counter:
    """Return what changed in a table edited in place, by kind."""
    counts = Counter()
    counts["tên bảng"] = table.caption.changed
    counts["đơn vị"] = table.unit.changed
    counts["tiêu đề"] = any(row.changed for row in table.header)
    for row in table.rows:
        if row.change == SAME:
            counts["ô sửa"] += sum(cell.changed for cell in row.cells)
        else:
            counts["dòng thêm" if row.change == INS else "dòng bỏ"] += 1
    return +counts


def _table_words(counts: Counter) -> str:
    named = [f"{name} sửa" for name in ("tên bảng", "đơn vị", "tiêu đề") if counts[name]]
    return ", ".join(named + [f"{format_number(counts[k])} {k}"
                              for k in ("ô sửa", "dòng thêm", "dòng bỏ") if counts[k]])


def _where(label: str) -> str:
    """Return how a section is named after "của": ``III.1``, ``phần mở đầu``, ``Phụ lục 1``."""
    number = _number(label).rstrip(".")
    if number:
        return number
    return "phần mở đầu" if label == "Phần mở đầu" else label


def _join_moved(sections: list[_Section]) -> None:
    """Report a section deleted in one place and inserted in another as moved."""
    gone = {_NUMBER.sub("", s.label): s for s in sections
            if s.heading is not None and s.heading.change == DEL}
    for section in sections:
        if section.heading is None or section.heading.change != INS:
            continue
        old = gone.pop(_NUMBER.sub("", section.label), None)
        if old is None:
            continue
        kept = sum((Counter(old.removed) & Counter(section.added)).values())
        section.counts.update(old.counts)
        section.counts.subtract({"thêm": kept, "bỏ": kept})
        section.counts = +section.counts
        section.note = f"chuyển chỗ (trước là mục {_number(old.label) or '…'})"
        old.label = ""


def _note_changes(notes: tuple[Note, ...]) -> dict[str, list[str]]:
    """Return the changed footnotes by kind, each named by its number(s)."""
    came: dict[str, list[Note]] = {}
    for note in notes:
        if note.link.old is None:
            came.setdefault(_note_text(note), []).append(note)
    moved = {}
    for note in notes:
        twins = came.get(_note_text(note)) if note.link.new is None else None
        if twins:  # the same text left one place and came back in another
            moved[note.link] = twins[0].link
            moved[twins.pop(0).link] = None
    out: dict[str, list[str]] = {"sửa": [], "thêm": [], "bỏ": [], "chuyển chỗ": []}
    for note in notes:
        old, new = note.link.old, note.link.new
        if note.link in moved:
            # the same note, same number, only its reference moved (a table replaced): no change
            if moved[note.link] is not None and moved[note.link].new != old:
                out["chuyển chỗ"].append(f"{old} → {moved[note.link].new}")
        elif new is None:
            out["bỏ"].append(str(old))
        elif old is None:
            out["thêm"].append(str(new))
        elif note.changed:
            out["sửa"].append(f"{new}" + (f" (bản cũ: {old})" if old != new else ""))
    return out


def _note_text(note: Note) -> str:
    return "\n".join("".join(piece.text for piece in p.pieces) for p in note.paragraphs)


def _notes_line(changes: dict[str, list[str]]) -> str:
    shown = {"sửa": "sửa {}", "thêm": "thêm {}", "bỏ": "bỏ {} (số của bản cũ)",
             "chuyển chỗ": "chuyển chỗ {} (số cũ → số mới)"}
    return "; ".join(shown[kind].format(", ".join(items))
                     for kind, items in changes.items() if items)


def _total(sections: list[_Section], notes: dict[str, list[str]]) -> str:
    counts = sum((s.counts for s in sections), Counter())
    note_counts = Counter({kind: len(items) for kind, items in notes.items()})
    paragraphs = _counts(counts) or "không đoạn nào thay đổi"
    footnotes = _counts(note_counts, "chú thích") or "chú thích không đổi"
    tables = sum(len(s.tables) for s in sections)
    in_tables = f"{format_number(tables)} bảng thay đổi; " if tables else ""
    return f"Tổng cộng: {paragraphs}; {in_tables}{footnotes}."
