"""The tail of a document: Nơi nhận, the signature block, where it stops, the phụ lục after it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import profiles
from generator.importer.outline import PART, number_prefix
from generator.importer.patterns import (
    AUTHORITY,
    CLOSING,
    CONTACT,
    DASH,
    DRAFTER,
    RECIPIENTS,
)
from generator.importer.patterns import paragraphs_of as _paragraphs
from generator.importer.patterns import style_of as _style
from generator.importer.source import Source
from generator.ooxml.reader import Paragraph, Table

if TYPE_CHECKING:
    from generator.importer.parts import Parts


def tail_at(blocks, start: int) -> int | None:
    """Return the index of the block where Nơi nhận and the signature begin, if any."""
    last_closing = start
    for i in range(start, len(blocks)):
        block = blocks[i]
        paragraphs = block.paragraphs() if isinstance(block, Table) else [block]
        if any(RECIPIENTS.match(p.text) for p in paragraphs):
            for j in range(last_closing, i):  # a signature typed above Nơi nhận
                if isinstance(blocks[j], Paragraph) and AUTHORITY.match(blocks[j].text.strip()):
                    return j
            return i
        if isinstance(block, Paragraph) and CLOSING.match(block.text):
            last_closing = i + 1
    for j in range(last_closing, len(blocks)):
        if any(AUTHORITY.match(p.text.strip()) for p in _paragraphs([blocks[j]])):
            return j
    return None


def read_tail(source: Source, blocks, end: int, parts: Parts) -> int:
    """Read Nơi nhận and the signature from `blocks[end:]`; return where the tail stops.

    The tail stops after the signer's name (or after the table holding the block): what follows
    is an attached programme or appendix, never part of the signature.
    """
    signature: list[tuple[Paragraph, str]] = []
    listing = False
    stop = len(blocks)
    for i in range(end, len(blocks)):
        block = blocks[i]
        if isinstance(block, Paragraph) and block.text.strip() and parts.recipients \
                and _has_name(signature) and not _recipient_line(" ".join(block.text.split()), block):
            stop = i  # signature typed above Nơi nhận: the list has ended, so has the tail
            break
        for paragraph in _paragraphs([block]):
            for line in paragraph.text.split("\n"):
                if (m := RECIPIENTS.match(line)) is not None:
                    listing, line = True, line[m.end():]
                line = " ".join(line.split())
                if not line:
                    continue
                if listing and _recipient_line(line, paragraph):
                    parts.recipients.append(DASH.sub("", line, count=1))
                elif listing and parts.recipients and _drafter_line(line, paragraph):
                    listing, parts.drafter = False, line
                else:
                    listing = False
                    signature.append((paragraph, line))
        if isinstance(block, Table) and signature or _has_name(signature) and not listing \
                and (parts.recipients or not _recipients_follow(blocks, i + 1)):
            stop = i + 1
            break
    _signature(source, signature, parts.signature)
    return stop


def read_end_marks(blocks, start: int, marks: dict[str, str]) -> int:
    """Read the contact line and HD05's "Không phổ biến…" right after the signature into
    `marks`; return where what follows (an appendix, an attached text) begins."""
    for i in range(start, len(blocks)):
        block = blocks[i]
        if not isinstance(block, Paragraph):
            return i
        text = " ".join(block.text.split())
        if not text:
            continue
        if _style(block) == "bc lien he" or CONTACT.match(text):
            marks.setdefault("contact", text)
        elif _style(block) == "bc khong pho bien" or _last_page_mark(text):
            marks.setdefault("circulation", text)
        else:
            return i
    return len(blocks)


def _last_page_mark(text: str) -> bool:
    """A phạm vi lưu hành mark some profile prints on the last page (HD05's "Không phổ biến…")."""
    return any(profile.on_last_page(text) for profile in profiles.PROFILES.values())


def read_first_page(first_page: dict[str, list[Paragraph]], marks: dict[str, str]) -> None:
    """Read page 1's header (a phạm vi lưu hành mark, in capitals) and footer (NĐ30's contact
    line) into `marks`; anything else there is the page's decoration, left as before."""
    header = [" ".join(p.text.split()) for p in first_page.get("header", []) if p.text.strip()]
    if len(header) == 1 and header[0] == header[0].upper() and any(c.isalpha() for c in header[0]):
        marks.setdefault("circulation", header[0])
    footer = [p for p in first_page.get("footer", []) if p.text.strip()]
    text = " ".join(" ".join(p.text.split()) for p in footer)
    if footer and (_style(footer[0]) == "bc lien he" or CONTACT.match(text)):
        marks.setdefault("contact", text)


def _recipients_follow(blocks, start: int) -> bool:
    """Return True if Nơi nhận comes within the next few blocks (a signature typed above it)."""
    return any(RECIPIENTS.match(p.text) for p in _paragraphs(blocks[start:start + 4]))


def _recipient_line(line: str, paragraph: Paragraph) -> bool:
    """Return True for a Nơi nhận line: a dash item, a sub-label (``Bản điện tử:``), ``Lưu …``."""
    if DASH.match(line) or "danh sach noi nhan" in _style(paragraph) or paragraph.label == "-":
        return True
    return line != line.upper() and line.rstrip().endswith((":", ";", ",", "."))


def _drafter_line(line: str, paragraph: Paragraph) -> bool:
    """Return True for the drafter's mark right under the list (our style, or its shape)."""
    return _style(paragraph) == "bc nguoi soan thao" or DRAFTER.match(line) is not None


def _has_name(lines: list[tuple[Paragraph, str]]) -> bool:
    """Return True once the signature lines end with a signer's name (mixed case, not ``(…)``)."""
    if not lines or not any(AUTHORITY.match(line) or line == line.upper() for _, line in lines):
        return False
    last = lines[-1][1]
    return last != last.upper() and not (last.startswith("(") and last.endswith(")"))


_SIGNATURE_STYLES = {"bc quyen han": "authority", "bc chuc vu": "title", "bc ho ten": "name"}


def _signature(source: Source, lines: list[tuple[Paragraph, str]], out: dict[str, str]) -> None:
    """Fill authority, title and name from the signature lines."""
    if any(_style(p) in _SIGNATURE_STYLES for p, _ in lines):
        for p, line in lines:
            out.setdefault(_SIGNATURE_STYLES.get(_style(p), "extra"), line)
    else:
        upper = [line for _, line in lines if line == line.upper()]
        rest = [line for _, line in lines if line != line.upper()
                and not (line.startswith("(") and line.endswith(")"))]
        if rest:
            out["name"] = rest[-1]
        elif len(upper) > 2:
            out["name"] = upper.pop()
        if upper:
            out["title"] = upper.pop()
        if upper:
            out["authority"] = " ".join(upper)
    for p, line in lines:
        if not any(line in value for value in out.values()):
            source.warn("import.unclassified", "dòng ở khối chữ ký không nhận ra là thẩm quyền, "
                        "chức vụ hay họ tên nên không được đưa vào dữ liệu.", p)
    out.pop("extra", None)


APPENDIX_LABEL = re.compile(r"^\s*PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?(?:[IVXLC]+|\d+))?\s*(?:[.:–-]\s*"
                            r"(?P<rest>.*?))?\s*$", re.IGNORECASE)
"""``PHỤ LỤC``, ``Phụ lục 1``, ``PHỤ LỤC I``, ``PHỤ LỤC II: MỘT SỐ CHỈ TIÊU …``."""
REFERENCE = re.compile(r"^\s*\(\s*(?:Ban\s+hành\s+)?kèm\s+theo\b.*\)\s*$", re.IGNORECASE)
"""The ``(Kèm theo Báo cáo số …)`` line under an appendix title: the build writes its own."""
_MAX_TITLE_LINES = 4


@dataclass
class AppendixPart:
    """One phụ lục after the signature: its label line, title lines, reference line, content."""

    label: Paragraph
    title: list[Paragraph] = field(default_factory=list)
    reference: Paragraph | None = None
    blocks: list = field(default_factory=list)
    """Its paragraphs and tables, in order."""

    @property
    def title_text(self) -> str:
        rest = _label_rest(self.label)
        return " ".join(" ".join(p.text for p in self.title).split()) or rest


def after_blocks(blocks, first: Paragraph | None) -> list:
    """Return the blocks from the one holding `first` (the first paragraph after the tail)."""
    for i, block in enumerate(blocks):
        if block is first or isinstance(block, Table) and first in block.paragraphs():
            return list(blocks[i:])
    return []


def split_appendices(blocks) -> tuple[list, list[AppendixPart]]:
    """Return what precedes the first ``PHỤ LỤC`` label (not an appendix) and the appendices.

    A label is a paragraph of its own, its title (if not on the label line) the lines in
    capitals under it, then an optional ``(Kèm theo …)`` line; the content runs to the next label.
    """
    before: list = []
    found: list[AppendixPart] = []
    for block in blocks:
        if isinstance(block, Paragraph) and _label_rest(block) is not None:
            found.append(AppendixPart(block))
            continue
        if not found:
            before.append(block)
            continue
        part = found[-1]
        if isinstance(block, Paragraph) and not part.blocks and _title_or_reference(part, block):
            continue
        part.blocks.append(block)
    return before, found


def _label_rest(paragraph: Paragraph) -> str | None:
    """Return what follows ``PHỤ LỤC I`` on its line ("" if nothing), or None if not a label."""
    m = APPENDIX_LABEL.match(" ".join(paragraph.text.split()))
    return None if m is None else (m["rest"] or "")


def _title_or_reference(part: AppendixPart, paragraph: Paragraph) -> bool:
    """Take `paragraph` into the appendix's title or reference line if it is one."""
    text = " ".join(paragraph.text.split())
    if not text:
        return part.reference is None  # blank lines inside the title block
    if part.reference is None and REFERENCE.match(text):
        part.reference = paragraph
        return True
    if part.reference is not None or len(part.title) >= _MAX_TITLE_LINES \
            or number_prefix(text) or PART.match(text):
        return False  # the content's first heading, never the title
    titled = bool(part.title) or bool(_label_rest(part.label))
    if text == text.upper() and any(c.isalpha() for c in text) or not titled:
        part.title.append(paragraph)
        return True
    return False
