"""Cut a report into its parts: header block, title, body, and the Nơi nhận/signature block.

Recognition is by content first (``Số …-BC/TU``, ``…, ngày … tháng … năm …``, ``BÁO CÁO``,
``Nơi nhận:``, ``T/M …``) so that any Word report works; baocao's own style names (``BC Co
quan`` …) settle what content alone cannot, such as which header line is the superior organ.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from generator.importer.patterns import (  # noqa: F401  (re-exported for the importer)
    ADDRESSEE,
    AUTHORITY,
    CLOSING,
    DASH,
    DATE,
    DRAFT,
    NUMBER,
    PARTY,
    RECIPIENTS,
    STATE,
    STATE_NUMBER,
    SUBJECT,
    URGENCY,
    is_separator,
)
from generator.importer.patterns import paragraphs_of as _paragraphs
from generator.importer.patterns import style_of as _style
from generator.importer.source import Source
from generator.importer.tables import body_table, is_layout
from generator.importer.tail import read_end_marks as _read_end_marks
from generator.importer.tail import read_first_page as _read_first_page
from generator.importer.tail import read_tail as _read_tail
from generator.importer.tail import tail_at as _tail_at
from generator.ooxml.reader import Paragraph, Table, TextRun
from generator.profiles.doctypes import TITLES


@dataclass
class Header:
    """The fields of the header block; None where the document has nothing."""

    doc_type: str = "BÁO CÁO"
    organ_parent: str | None = None
    organ_name: str | None = None
    number: str | None = None
    doc_abbrev: str | None = None
    organ_abbrev: str | None = None
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    draft: str | None = None
    urgency: str | None = None
    state: bool = False
    """The header has the state's quốc hiệu (Nghị định 30), not ``ĐẢNG CỘNG SẢN VIỆT NAM``."""
    number_line: str = ""
    """The ``Số …`` line as typed."""


@dataclass
class Parts:
    """A report cut into parts; in `body` each table is a paragraph holding a `BodyTable`."""

    header: Header = field(default_factory=Header)
    title: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: dict[str, str] = field(default_factory=dict)
    drafter: str = ""
    """The drafter's mark under the Nơi nhận list, as typed."""
    marks: dict[str, str] = field(default_factory=dict)
    """``circulation`` and ``contact`` as typed: page 1's header and footer, or the lines right
    after the signature (`tail.read_end_marks`)."""
    has_header: bool = False
    has_tail: bool = False
    appendix: list[Paragraph] = field(default_factory=list)
    """Paragraphs after the signature block (an attached programme, an appendix)."""
    tables: list[Table] = field(default_factory=list)
    """The body's tables (header and signature tables are layout)."""
    layout: list[Paragraph] = field(default_factory=list)
    """The paragraphs of the header, title and tail (what `--area` leaves out)."""


def split(source: Source) -> Parts:
    """Return the parts of the document of `source`; odd blocks are reported on `source`."""
    blocks = source.document.blocks
    parts = Parts()
    start = _doc_type_at(blocks)
    if start is not None:
        parts.has_header = True
        parts.header.doc_type = " ".join(blocks[start].text.split()).upper()
        _read_header(source, _paragraphs(blocks[:start]), parts.header)
        title, start = _title(blocks, start + 1)
        parts.title = title
    elif (start := _letter_header_end(blocks)) is not None:
        parts.has_header = True
        parts.header.doc_type = "CÔNG VĂN"
        header = _paragraphs(blocks[:start])
        parts.title = [p for p in header if SUBJECT.match(p.text)]
        _read_header(source, [p for p in header if p not in parts.title], parts.header)
    else:
        start = _pandoc_title(blocks, parts)
    parts.layout = _paragraphs(blocks[:start])
    end = _tail_at(blocks, start)
    if end is not None:
        parts.has_tail = True
        after = _read_end_marks(blocks, _read_tail(source, blocks, end, parts), parts.marks)
        parts.appendix = _paragraphs(blocks[after:])
        parts.layout += _paragraphs(blocks[end:after])
    parts.body = body_paragraphs(source, blocks[start:end])
    parts.tables = [b for b in blocks[start:end] if isinstance(b, Table)]
    _read_first_page(source.document.first_page, parts.marks)
    return parts


def _letter_header_end(blocks) -> int | None:
    """Return where the header of a letter (công văn: number and ``V/v …``, no type) ends."""
    for i, block in enumerate(blocks[:12]):
        lines = [" ".join(p.text.split()) for p in _paragraphs([block])]
        if any(STATE_NUMBER.match(t) or NUMBER.match(t) for t in lines):
            end = i + 1
            while end < len(blocks) and isinstance(blocks[end], Paragraph) and (
                    not blocks[end].text.strip() or STATE.match(blocks[end].text.strip())
                    or SUBJECT.match(blocks[end].text)
                    or re.match(r"\s*.*,\s*ngày", blocks[end].text, re.IGNORECASE)):
                end += 1
            return end
    return None


def _doc_type_at(blocks) -> int | None:
    for i, block in enumerate(blocks[:60]):
        if isinstance(block, Paragraph):
            if " ".join(block.text.split()).upper() in TITLES:
                return i
            if block.outline_level is not None or _style(block).startswith("heading"):
                return None
    return None


def _title(blocks, start: int) -> tuple[list[Paragraph], int]:
    """Return the title paragraphs after the doc type and where the body starts.

    The title is every line up to a rule typed as text, or else the centered (or bold) lines
    right after the type; a plain first line is the title when nothing marks it.
    """
    found: list[Paragraph] = []
    for i in range(start, min(start + 8, len(blocks))):
        block = blocks[i]
        if not isinstance(block, Paragraph):
            break
        if is_separator(block.text):
            return found, i + 1
        if ADDRESSEE.match(block.text):
            break  # NĐ30 draws its rule under the trích yếu, not as text: Kính gửi follows
        if block.text.strip():
            found.append(block)
    found = list(itertools.takewhile(lambda b: not _heading_like(b), found))
    marked = list(itertools.takewhile(lambda b: b.centered or "trich yeu" in _style(b), found))
    if not marked:
        marked = list(itertools.takewhile(_all_bold, found))
    if not marked and found and _plain_title(found[0]):
        marked = found[:1]
    if not marked:
        return [], start
    return marked, blocks.index(marked[-1]) + 1


def _heading_like(paragraph: Paragraph) -> bool:
    """Return True for the body's first heading: a heading style or a typed heading number."""
    from generator.importer.outline import PART, number_prefix

    return (paragraph.outline_level is not None or _style(paragraph).startswith("heading")
            or number_prefix(paragraph.text) is not None or bool(PART.match(paragraph.text)))


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [r for r in paragraph.runs if isinstance(r, TextRun) and r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _plain_title(paragraph: Paragraph) -> bool:
    """Return True for an unmarked line that reads as a subject, not as the first sentence."""
    text = paragraph.text.strip()
    return (len(text) <= 250 and not text.endswith((":", ";")) and not ADDRESSEE.match(text)
            and not re.match(r"(Căn\s+cứ|Thực\s+hiện|Theo|Xét)\b", text, re.IGNORECASE))


def _pandoc_title(blocks, parts: Parts) -> int:
    """Use a paragraph in Word's "Title" style before any heading as the title."""
    for i, block in enumerate(blocks[:20]):
        if not isinstance(block, Paragraph):
            continue
        if block.outline_level is not None or _style(block).startswith("heading"):
            break
        if _style(block) == "title":
            parts.title = [block]
            return i + 1
    return 0


def _read_header(source: Source, paragraphs: list[Paragraph], header: Header) -> None:
    organ: list[tuple[Paragraph, str]] = []
    for paragraph in paragraphs:
        for line in re.split(r"[\n\t]+", paragraph.text):
            line = " ".join(line.split())
            if not line or line == "*" or is_separator(line) or PARTY.match(line):
                continue
            if STATE.match(line):
                header.state = True
                continue
            if (m := NUMBER.match(line) or STATE_NUMBER.match(line)) is not None:
                number = m["num"].strip(" .:/")
                header.number = number or None
                header.doc_abbrev, header.organ_abbrev = m["doc"], m["org"]
                header.number_line = line
            elif (m := DATE.match(line)) is not None:
                header.place = m["place"].strip() or None
                header.day = int(m["d"]) if m["d"] else None
                header.month = int(m["m"]) if m["m"] else None
                header.year = int(m["y"])
            elif DRAFT.match(line) and header.draft is None:
                header.draft = line
            elif URGENCY.match(line) and header.urgency is None:
                header.urgency = line
            elif line == line.upper():
                organ.append((paragraph, line))
            else:
                source.warn("import.unclassified", "dòng ở khối đầu văn bản không nhận ra là "
                            "trường nào nên không được đưa vào dữ liệu; hãy xem lại.", paragraph)
    _organ(organ, header)


def _organ(lines: list[tuple[Paragraph, str]], header: Header) -> None:
    """Split the organ lines into superior organ (not bold) and issuing organ (bold)."""
    if not lines:
        return
    styled = [line for p, line in lines if _style(p) == "bc co quan"]
    if styled:
        header.organ_name = " ".join(styled)
        parent = [line for p, line in lines if _style(p) == "bc co quan cap tren"]
        header.organ_parent = " ".join(parent) or None
        return
    bold = [all(r.bold for r in p.runs if isinstance(r, TextRun) and r.text.strip())
            for p, _ in lines]
    split_at = len(lines) - 1
    if any(bold) and not all(bold):
        while split_at > 0 and bold[split_at - 1]:
            split_at -= 1
    elif all(bold):
        split_at = 0
    header.organ_name = " ".join(line for _, line in lines[split_at:])
    header.organ_parent = " ".join(line for _, line in lines[:split_at]) or None


def body_paragraphs(source: Source, blocks) -> list[Paragraph]:
    """Return the body as paragraphs: a table stands as one paragraph holding a `BodyTable`
    (with the caption and unit lines above it), a one-row table as its paragraphs; text boxes
    follow their paragraph."""
    out: list[Paragraph] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            for paragraph in block.paragraphs():
                _report_objects(source, paragraph)
            if is_layout(block):
                kept = [p for p in block.paragraphs() if p.text.strip() or _has_note(p)]
                if kept:
                    source.warn("import.table-frame", "bảng chỉ có một dòng (hoặc là khối Kính "
                                "gửi) được giữ thành đoạn văn, mỗi đoạn trong ô thành một đoạn.",
                                kept[0])
                out += kept
                continue
            taken, paragraph = body_table(source, block, _lines_above(blocks[:i], out))
            del out[len(out) - taken:]
            out.append(paragraph)
            continue
        _report_objects(source, block)
        if block.text.strip() or _has_note(block):
            out.append(block)
        for box in block.textboxes:
            source.warn("import.textbox", "khung chữ (text box) được chuyển thành đoạn văn "
                        "thường ngay sau đoạn này.", block)
            out += [p for p in box if p.text.strip()]
    return out


def _lines_above(blocks, out: list[Paragraph]) -> list[Paragraph]:
    """Return the last two lines before a table (blank ones passed over) that are still the
    last of `out`: only they may be its caption and unit."""
    lines: list[Paragraph] = []
    for block in reversed(blocks):
        if not isinstance(block, Paragraph) or len(lines) == 2 or block.textboxes:
            break
        if block.text.strip():
            lines.insert(0, block)
    tail = out[len(out) - len(lines):]
    return lines if len(tail) == len(lines) and all(a is b for a, b in zip(tail, lines)) else []


def _has_note(paragraph: Paragraph) -> bool:
    return any(not isinstance(r, TextRun) for r in paragraph.runs)


def _report_objects(source: Source, paragraph: Paragraph) -> None:
    names = {"image": "hình ảnh", "drawing": "hình vẽ hoặc biểu đồ", "object": "đối tượng nhúng"}
    for kind in sorted(set(paragraph.objects)):
        source.warn(f"import.{kind}", f"{names[kind]} không chuyển được thành văn bản nên không "
                    "có trong dữ liệu; hãy chèn lại bằng tay sau khi tạo báo cáo.", paragraph)
    if paragraph.in_control:
        source.warn("import.content-control", "đoạn nằm trong ô điều khiển nội dung (content "
                    "control); chỉ giữ lại chữ.", paragraph)
