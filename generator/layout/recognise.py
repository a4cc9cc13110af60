"""Tell the elements of an official document apart in any .docx: header, title, body, closing.

Works on `generator.ooxml.inspect.DocxFacts` by text and position, never by baocao's own style
names, so documents made by Word, LibreOffice, pandoc or python-docx are read alike. What is
not found is left out of `Parts.elements`; the rules then say so ("không nhận ra …") instead of
guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.importer.patterns import CONTACT
from generator.ooxml.inspect import DocxFacts, Para
from generator.profiles import doctypes

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DOC_TYPES = doctypes.TITLES
"""Tên loại lines that open the title block (a công văn has none)."""
_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s")
_DATE = re.compile(r",\s*ngày\s*(\d*)\s*tháng\s*(\d*)\s*năm\s*(\d{4})\s*$")
_BASES = ("CĂN CỨ", "XÉT ĐỀ NGHỊ", "THEO ĐỀ NGHỊ")
"""How the căn cứ block's lines begin; the last (often "Theo đề nghị …") ends it."""
_DATE_LINE = re.compile(r",\s*ngày\b.*\btháng\b.*\bnăm\b")
"""A place and date line, even an unfinished one (``Vinh, ngày tháng năm 200``)."""
_HEADING = re.compile(r"^(PHẦN|Phần|CHƯƠNG|Chương|Mục|Điều\s+\d+|[IVXLC]+[.-]|\d+(\.\d+)*\.?\s|"
                      r"[a-zđ]\))\s*")
_SEPARATOR = re.compile(r"^[-–—_*]{3,}$")
_MARKS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "MẬT", "TỐI MẬT", "TUYỆT MẬT")
"""Urgency and secrecy marks typed under the Số: not organ lines."""
_PLACE_LEVELS = ("TỈNH ", "THÀNH PHỐ ", "XÃ ", "PHƯỜNG ", "ĐẶC KHU ", "HUYỆN ", "QUẬN ", "THỊ XÃ ")

ALIASES = {"ỦY": "UỶ", "HÒA": "HOÀ", "HÓA": "HOÁ"}
"""Old and new placement of the tone mark; both spellings name the same words."""


def canonical(text: str) -> str:
    """Return `text` NFC, with runs of white space as one space, dashes as '-', upper case."""
    text = unicodedata.normalize("NFC", text).replace("–", "-").replace("—", "-")
    text = " ".join(text.split()).upper()
    for old, new in ALIASES.items():
        text = text.replace(old, new)
    return text


@dataclass
class Parts:
    """The recognised elements: element name → its paragraphs, in document order."""

    family: str | None
    """``party`` (ĐẢNG CỘNG SẢN VIỆT NAM), ``state`` (quốc hiệu) or None (neither found)."""
    elements: dict[str, list[Para]] = field(default_factory=dict)
    date: tuple[str, str, str] | None = None
    """(day, month, year) as typed on the place and date line."""

    def first(self, name: str) -> Para | None:
        found = self.elements.get(name)
        return found[0] if found else None

    def add(self, name: str, paragraph: Para) -> None:
        self.elements.setdefault(name, []).append(paragraph)


def recognise(facts: DocxFacts) -> Parts:
    """Return the elements of the document described by `facts`."""
    paragraphs = [p for p in facts.paragraphs if p.text.strip()]
    title = next((p for p in paragraphs[:40]
                  if canonical(p.text) in (canonical(PARTY_TITLE), canonical(STATE_TITLE))), None)
    parts = Parts(None if title is None else
                  "party" if canonical(title.text) == canonical(PARTY_TITLE) else "state")
    if title is None:
        return parts
    parts.add("title_line", title)
    header = _header_paragraphs(paragraphs, title)
    _read_header(parts, header, title)
    rest = [p for p in paragraphs if p.index > max(h.index for h in header)]
    rest = _read_appendices(parts, rest)
    closing_at = _read_closing(parts, rest)
    for p in rest:  # after the signature table: the contact line (HD36 row 14, HD05 box 13)
        if p.index > closing_at and p.cell is None and CONTACT.match(" ".join(p.text.split())):
            parts.add("contact", p)
    captions = _table_captions(paragraphs)
    for p in captions:
        parts.add("table_caption", p)
    _read_title_and_body(parts, [p for p in rest if p.index < closing_at and p not in captions])
    return parts


def _table_captions(paragraphs: list[Para]) -> list[Para]:
    """Return the centred or right-aligned lines just above a table (caption, unit)."""
    out: list[Para] = []
    for p, following in reversed(list(zip(paragraphs, paragraphs[1:]))):
        if p.cell is None and p.format.align in ("center", "right") \
                and (following.cell is not None and following.cell[1] == 1 or following in out):
            out.append(p)
    return out


def _header_paragraphs(paragraphs: list[Para], title: Para) -> list[Para]:
    """Return the header block: the table holding the title line, or what precedes the type."""
    if title.cell is not None:
        return [p for p in paragraphs if p.cell is not None and p.cell[0] == title.cell[0]]
    out = []
    for p in paragraphs:
        if canonical(p.text) in DOC_TYPES or len(out) > 12:
            break
        out.append(p)
    return out


def _read_header(parts: Parts, header: list[Para], title: Para) -> None:
    """Sort the header's paragraphs into organ lines, star, number, draft, motto, date."""
    organ_lines = []
    for p in header:
        text = canonical(p.text)
        if p is title:
            continue
        if parts.family == "state" and text == canonical("Độc lập - Tự do - Hạnh phúc"):
            parts.add("motto", p)
        elif text == "*":
            parts.add("star", p)
        elif re.match(r"^SỐ\b", text):
            parts.add("number", p)
        elif _DATE_LINE.search(p.text):
            parts.add("place_date", p)
            full = _DATE.search(p.text)
            parts.date = full.groups() if full else None
        elif text.startswith("DỰ THẢO"):
            parts.add("draft", p)
        elif text.startswith(("V/V", "VỀ VIỆC")):
            parts.add("letter_summary", p)
        elif _SEPARATOR.match(text):
            parts.add("typed_rule", p)  # ------- typed under the organ or the motto
        elif _other_column(p, title) and p.text.strip() == p.text.strip().upper() \
                and text not in _MARKS:
            organ_lines.append(p)
    _split_organ(parts, organ_lines)


def _other_column(p: Para, title: Para) -> bool:
    return p.cell is None or title.cell is None or p.cell[2] != title.cell[2]


def _split_organ(parts: Parts, lines: list[Para]) -> None:
    """The issuing organ is the last line(s); a line above it names the superior organ."""
    if not lines:
        return
    if parts.family == "state" and len(lines) >= 2 and \
            canonical(lines[1].text).startswith(_PLACE_LEVELS):
        parent, organ = lines[:-2], lines[-2:]  # ỦY BAN NHÂN DÂN / TỈNH X: one organ, two lines
    else:
        parent, organ = lines[:1] if len(lines) > 1 else [], lines[1:] or lines
    for p in parent:
        parts.add("parent", p)
    for p in organ:
        parts.add("organ", p)


_APPENDIX = re.compile(r"^PHỤ LỤC(\s+(SỐ\s+)?([0-9]+|[IVXLC]+))?$")


def _read_appendices(parts: Parts, paragraphs: list[Para]) -> list[Para]:
    """Take the appendix labels (``Phụ lục 1``, ``PHỤ LỤC I``) after the signature off the end.

    Return the paragraphs before the first label: the appendices are not part of the closing.
    """
    signed = next((p.index for p in paragraphs if canonical(p.text).startswith("NƠI NHẬN")
                   or _AUTHORITY.match(canonical(p.text))), None)
    if signed is None:
        return paragraphs
    labels = [p for p in paragraphs if p.index > signed and p.cell is None
              and _APPENDIX.match(canonical(p.text))]
    for label in labels:
        parts.add("appendix_label", label)
    return [p for p in paragraphs if not labels or p.index < labels[0].index]


def appendix_number(label: Para) -> str:
    """Return the number typed on an appendix label (``1``, ``I``), or "" for none."""
    match = _APPENDIX.match(canonical(label.text))
    return (match.group(3) or "") if match else ""


def _read_closing(parts: Parts, paragraphs: list[Para]) -> int:
    """Find Nơi nhận, the recipients and the signature; return where the closing starts."""
    label = next((p for p in paragraphs if canonical(p.text).startswith("NƠI NHẬN")), None)
    authority = next((p for p in paragraphs if _AUTHORITY.match(canonical(p.text))), None)
    starts = [p.index for p in (label, authority) if p is not None]
    if label is not None:
        parts.add("recipients_label", label)
        for p in paragraphs:
            if p.index > label.index and _same_cell(p, label) and p is not authority:
                if label.cell is None and _AUTHORITY.match(canonical(p.text)):
                    break
                listed = p.text.lstrip().startswith(("-", "+", "–")) or \
                    p.text.rstrip().endswith(":")
                if not listed and "recipient" in parts.elements:
                    parts.add("drafter", p)  # the typist's mark and copies under the list
                    break
                parts.add("recipient", p)
    signature = [p for p in paragraphs if (label is None or not _same_cell(p, label))
                 and starts and p.index >= min(starts) and p.cell == (authority or p).cell]
    _read_signature(parts, signature, authority)
    return min(starts) if starts else (paragraphs[-1].index + 1 if paragraphs else 0)


def _same_cell(p: Para, other: Para) -> bool:
    return p.cell == other.cell if other.cell is not None else p.cell is None


def _read_signature(parts: Parts, paragraphs: list[Para], authority: Para | None) -> None:
    lines = [p for p in paragraphs if "recipient" not in parts.elements or
             p not in parts.elements["recipient"]]
    if authority is not None:
        parts.add("authority", authority)
        lines = [p for p in lines if p.index > authority.index]
    if lines:
        parts.add("signer_title", lines[0])
    named = [p for p in lines[1:] if not p.text.strip().startswith("(")]  # (ký, ghi rõ họ tên)
    if named:
        parts.add("signer_name", named[-1])


def _read_title_and_body(parts: Parts, paragraphs: list[Para]) -> None:
    """Tên loại, trích yếu and separator, Kính gửi lines, then the body and its headings."""
    body = [p for p in paragraphs if p.cell is None]
    start = 0
    if body and canonical(body[0].text) in DOC_TYPES:
        parts.add("doc_type", body[0])
        start = 1
        while start < len(body) and start <= 3 and body[start].format.align == "center" \
                and not _SEPARATOR.match(body[start].text.strip()) \
                and not canonical(body[start].text).startswith(("KÍNH GỬI", "KÍNH TRÌNH")):
            parts.add("summary", body[start])
            start += 1
    if start < len(body) and _SEPARATOR.match(body[start].text.strip()):
        parts.add("separator", body[start])
        start += 1
    for p in body[start:]:
        text = canonical(p.text)
        if text.startswith(("KÍNH GỬI", "KÍNH TRÌNH")) or (
                text.startswith("- ") and parts.elements.get("addressee") and
                "body" not in parts.elements and "heading" not in parts.elements):
            parts.add("addressee", p)  # Kính gửi: and the "- …;" lines under it
        elif text.startswith(_BASES) and "body" not in parts.elements:
            parts.add("bases", p)
        elif _is_heading(p):
            parts.add("heading", p)
        else:
            parts.add("body", p)


def _is_heading(p: Para) -> bool:
    """A heading by style or outline level, or a short line set wholly in bold."""
    if p.format.outline_level is not None or p.format.style.lower().startswith("heading"):
        return True
    bold = p.visible_runs() and all(r.format.bold for r in p.visible_runs())
    return bool(bold and (_HEADING.match(p.text.strip()) or len(p.text) < 150))
