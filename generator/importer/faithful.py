"""Faithfulness of an import: what the Word file holds, what the data carries, what it does not.

Every non-empty line of the source (body, tables, text boxes, header and tail) is looked up in
the imported data after the documented normalisation: Unicode NFC, whitespace collapsed, case
folded, a leading heading or list number (``I.``, ``1.1.``, ``a)``, ``-``) and inline markup
left out, ``{period}`` written out, ``…`` read as ``...`` and ``06`` as ``6``. Lines the template prints by itself (``ĐẢNG CỘNG SẢN VIỆT
NAM``, the type, ``Nơi nhận:``, rules typed as text) and header fields read into their keys
count as carried. Anything else is a loss, listed with its paragraph and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.normal import Pool, normalize
from generator.importer.outline import PART, heading_of
from generator.importer.parts import (
    ADDRESSEE,
    DATE,
    NUMBER,
    PARTY,
    RECIPIENTS,
    STATE,
    STATE_NUMBER,
    Parts,
    is_separator,
)
from generator.importer.source import Source
from generator.importer.tables import LINE_BREAK, BodyTable, marks
from generator.importer.tail import after_blocks, split_appendices
from generator.ooxml.reader import NoteRun, Paragraph, Table
from generator.vnformat import format_number

_LINES = re.compile(r"[\n\t]+")
REASONS = {
    "state": "quốc hiệu, tiêu ngữ nằm ngoài khối đầu văn bản; thể thức chỉ in chúng ở khối đầu",
    "number": "dòng số, ký hiệu thứ hai; chỉ dòng đầu tiên được đọc vào số và ký hiệu",
    "appendix": "nằm sau chữ ký nhưng không mở đầu bằng dòng “PHỤ LỤC” (văn bản kèm theo); "
                "chỉ phần phụ lục mới được chuyển thành phụ lục",
    "cell": "ô của bảng; bảng trong dữ liệu không có chữ này",
    "note": "chú thích không còn chỗ tham chiếu trong dữ liệu",
    "missing": "không có trong dữ liệu",
    "object": "không chuyển được thành chữ, cần chèn lại bằng tay sau khi tạo văn bản",
}
OBJECTS = {"image": "hình ảnh", "drawing": "hình vẽ hoặc biểu đồ", "object": "đối tượng nhúng"}


@dataclass
class Loss:
    """One thing of the source the data does not carry, at paragraph `index` (0: unknown)."""

    index: int
    text: str
    reason: str


@dataclass
class Counts:
    paragraphs: int = 0
    headings: int = 0
    notes: int = 0
    tables: int = 0


@dataclass
class Faithfulness:
    """The source's counts, the data's counts and the losses."""

    source: Counts
    data: Counts
    losses: list[Loss] = field(default_factory=list)
    kept_headings: int = 0
    """Headings carried as bold paragraphs with their own numbers (not in the outline)."""
    kept_tables: int = 0
    """Tables carried as paragraphs (a one-row frame, a table before the first heading)."""
    added: list[str] = field(default_factory=list)
    """What the build prints that the source lacks (stand-ins, a default closing)."""
    skipped: int = 0
    """Paragraphs left out on purpose (the header and tail of a department's part)."""

    def summary(self) -> str:
        """Return the Vietnamese summary printed after every import (one line, then the list)."""
        def counts(c: Counts) -> str:
            return (f"{format_number(c.paragraphs)} đoạn, {format_number(c.headings)} đề mục, "
                    f"{format_number(c.notes)} chú thích, {format_number(c.tables)} bảng")
        line = f"Tệp Word: {counts(self.source)} → dữ liệu: {counts(self.data)}"
        if self.kept_headings:
            line += (f" ({format_number(self.kept_headings)} đề mục khác giữ nguyên số và chữ "
                     "thành đoạn in đậm)")
        if self.kept_tables:
            line += f" ({format_number(self.kept_tables)} bảng khác giữ thành đoạn văn)"
        if self.skipped:
            line += (f"; bỏ qua {format_number(self.skipped)} đoạn của khối đầu, trích yếu, "
                     "nơi nhận và chữ ký (khi nhập một phần)")
        if not self.losses:
            line += "; không có gì bị bỏ sót."
        else:
            line += f"; không chuyển: {format_number(len(self.losses))} chỗ:"
        lines = [line]
        for loss in self.losses:
            where = f"đoạn {loss.index} " if loss.index else ""
            lines.append(f"  - {where}“{_excerpt(loss.text)}”: {loss.reason}.")
        if self.added:
            lines.append("Khi tạo văn bản sẽ thêm: " + "; ".join(self.added) + ".")
        return "\n".join(lines)


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def measure(source: Source, parts: Parts, data_texts: list[str], outline_headings: int,
            data_notes: int, added: list[str] | None = None, skip_layout: bool = False
            ) -> Faithfulness:
    """Compare the source of `parts` with the imported data's strings `data_texts`.

    With `skip_layout` (``--area``), the header, title and tail are left out on purpose: they
    are counted in `Faithfulness.skipped`, not as losses.
    """
    pool = Pool(data_texts)
    result = Faithfulness(Counts(), Counts(0, outline_headings, data_notes),
                          added=list(added or []))
    carried = [mark for mark in marks(parts.body) if mark.item is not None]
    result.source.tables, result.data.tables = len(parts.tables), len(carried)
    result.kept_tables = len(parts.tables) - len(carried)
    _paragraphs_against(source, parts, pool, result, skip_layout, _cell_verdicts(carried))
    notes = _referenced_notes(source)
    result.source.notes = len(notes)
    for key in sorted(notes):
        text = " ".join(p.text for p in source.document.notes[key])
        if pool.normalize(text) and pool.normalize(text) not in pool:
            result.losses.append(Loss(0, f"chú thích {key[1:]}: {text}", REASONS["note"]))
    return result


def _cell_verdicts(carried: list[BodyTable]) -> dict[int, bool]:
    """Return, per paragraph of a table carried as a table, whether its cell is in that table.

    A cell is looked up among the cells of its own table, not in the whole data: a dropped
    ``1`` or ``7,84`` would be found somewhere else.
    """
    out: dict[int, bool] = {}
    for mark in carried:
        data = {normalize(text) for text in _cell_texts(mark.item)}
        for cell in _source_cells(mark.table):
            found = normalize(" ".join(p.text for p in cell)) in data
            out.update((id(p), found) for p in cell)
    return out


def _cell_texts(item: dict) -> set[str]:
    """Return the visible text of each cell of a table item (line breaks as spaces)."""
    spec = item["table"]
    cells = [c["text"] if isinstance(c, dict) else c for row in spec["header"] for c in row]
    cells += [c for row in spec["rows"] for c in row]
    cells += [spec[key] for key in ("caption", "unit") if spec.get(key)]  # a row taken as unit
    return {c.replace(LINE_BREAK, " ") for c in cells}


def _source_cells(table: Table) -> list[list[Paragraph]]:
    """Return the paragraphs of each cell of `table` that shows some text."""
    return [cell for row in table.rows for cell in row if any(p.text.strip() for p in cell)]


def _paragraphs_against(source: Source, parts: Parts, pool: Pool, result: Faithfulness,
                        skip_layout: bool, cells: dict[int, bool]) -> None:
    """Count the source's paragraphs and headings into `result`, adding each one not carried.

    The paragraphs of a table carried as a table are judged by `cells`.
    """
    body = {id(p) for p in parts.body}
    layout = {id(p) for p in parts.layout} if skip_layout else set()
    fields = _header_values(source, parts)
    # a state header's quốc hiệu and tiêu ngữ: the NĐ30 template prints them, there only
    state_header = {id(p) for p in parts.layout} if parts.header.state else set()
    carried_headings = 0
    for paragraph in _source_paragraphs(source):
        if paragraph.objects:
            result.losses += [Loss(paragraph.index, OBJECTS[kind], REASONS["object"])
                              for kind in sorted(set(paragraph.objects))]
        text = paragraph.text
        lines = [ln for ln in _LINES.split(text) if ln.strip()]
        if not lines:
            continue
        result.source.paragraphs += 1
        if id(paragraph) in layout:
            result.skipped += 1
            continue
        heading = id(paragraph) in body and (heading_of(paragraph) is not None
                                             or bool(PART.match(text)))
        result.source.headings += heading
        fixed = id(paragraph) in state_header
        in_table = cells.get(id(paragraph))
        if in_table is None:
            missing = [ln for ln in lines if not (fixed and STATE.match(" ".join(ln.split())))
                       and not _carried(ln, pool, fields)]
        else:
            missing = [] if in_table else lines
        if in_table is False:
            result.losses.append(Loss(paragraph.index, " / ".join(missing), REASONS["cell"]))
        elif missing:
            result.losses.append(_loss(source, parts, paragraph, missing))
        else:
            result.data.paragraphs += 1
            carried_headings += heading
    result.kept_headings = max(0, carried_headings - result.data.headings)


def _loss(source: Source, parts: Parts, paragraph: Paragraph, missing: list[str]) -> Loss:
    """Return the loss of `missing` lines of `paragraph`, with the reason they were not carried."""
    lines = [" ".join(m.split()) for m in missing]
    if any(p is paragraph for p in parts.appendix):
        reason = REASONS["appendix"]
    elif all(STATE.match(line) for line in lines):
        reason = REASONS["state"]
    elif all(STATE_NUMBER.match(line) for line in lines):
        reason = REASONS["number"]
    else:
        reason = _warnings_by_paragraph(source).get(paragraph.index, REASONS["missing"])
    return Loss(paragraph.index, " / ".join(missing), reason)


def _carried(line: str, pool: Pool, fields: set[str]) -> bool:
    """Return True if the data carries source `line`, or the template prints it by itself.

    A line that is one of the data's texts, and no ``Kính gửi:`` line, is carried whatever
    `_carried_by_rules` would find: it is answered by one look-up, not eight patterns.
    """
    plain = " ".join(line.split())
    norm = pool.normalize(plain)
    if norm in pool.texts and not ADDRESSEE.match(plain):
        return True
    return _carried_by_rules(plain, norm, pool, fields)


def _carried_by_rules(plain: str, norm: str, pool: Pool, fields: set[str]) -> bool:
    """Return True if `plain` (a line, spaces collapsed; `norm` normalised) is carried."""
    if not norm or is_separator(plain) or plain == "*" or PARTY.match(plain):
        return True
    if norm in fields or RECIPIENTS.fullmatch(plain) or ADDRESSEE.fullmatch(plain):
        return True  # printed by the template: header, appendix labels, Nơi nhận, Kính gửi
    if (NUMBER.match(plain) or DATE.match(plain)) and not STATE_NUMBER.match(plain):
        return True  # read into number, doc_abbrev, organ.abbrev / place, date
    if ADDRESSEE.match(plain):
        return pool.normalize(ADDRESSEE.sub("", plain)) in pool  # "Kính gửi: Sở Nội vụ"
    return norm in pool


def _header_values(source: Source, parts: Parts) -> set[str]:
    """Return what the template prints from header keys or by itself, normalised.

    The type, the organ lines and the Số line read into the number and symbol; each phụ lục's
    label and ``(Kèm theo …)`` line (the build writes them from the profile and the header).
    """
    h = parts.header
    values = {h.doc_type, h.organ_name or "", h.organ_parent or "", h.draft or "",
              h.number_line}
    _, found = split_appendices(after_blocks(source.document.blocks, (parts.appendix or [None])[0]))
    values |= {p.text for part in found for p in (part.label, part.reference) if p is not None}
    return {normalize(v) for v in values if v}


def _source_paragraphs(source: Source):
    """Yield every body, cell and text-box paragraph in reading order."""
    for block in source.document.blocks:
        for paragraph in block.paragraphs() if isinstance(block, Table) else [block]:
            yield paragraph
            for box in paragraph.textboxes:
                yield from box


def _referenced_notes(source: Source) -> set[str]:
    keys = set()
    for paragraph in _source_paragraphs(source):
        keys |= {r.key for r in paragraph.runs if isinstance(r, NoteRun)}
    return {k for k in keys if k in source.document.notes}


def _warnings_by_paragraph(source: Source) -> dict[int, str]:
    """Return paragraph number → the first warning's message about it (as the loss's reason)."""
    out: dict[int, str] = {}
    for item in source.diagnostics.items:
        where = getattr(item.location, "field", None) or ""
        m = re.fullmatch(r"đoạn (\d+)", where)
        if m:
            out.setdefault(int(m.group(1)), item.message.rstrip("."))
    return out
