"""Layout rules about where things stand and how they are numbered, from profile data.

The header's elements in their column and order, the Kính gửi / Kính trình line a document
type needs, the signing-authority form of the profile (``T/M`` or ``TM.``), typed heading
numbers that run in sequence, and appendices numbered and paged as the profile says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.layout.recognise import Parts, appendix_number, canonical
from generator.layout.problem import ELEMENT_NAMES, Problem
from generator.ooxml.inspect import DocxFacts
from generator.vnformat import roman

HEADER_ORDER = {"party": ("parent", "organ", "star", "number", "draft"),
                "state": ("parent", "organ", "number", "draft")}
"""The left column of the header, top to bottom (regime-2026.md §3.3, §4.2)."""
TITLE_COLUMN = {"party": ("title_line", "place_date"), "state": ("title_line", "motto",
                                                                 "place_date")}


def check_structure(facts: DocxFacts, parts: Parts, spec: dict) -> Iterator[Problem]:
    """Yield the deviations of position, numbering and wording the profile `spec` forbids."""
    if parts.family is None:
        return
    yield from _header_positions(parts)
    yield from _addressee(parts, spec)
    yield from _signature_form(parts, spec)
    yield from _heading_numbers(parts)
    yield from _appendices(facts, parts, spec)
    yield from _contact(parts, spec)
    yield from _obsolete(parts)


def _contact(parts: Parts, spec: dict) -> Iterator[Problem]:
    """A contact line after the text where the profile puts it at the foot of page 1 (NĐ30)."""
    if spec.get("contact") != "page_one_foot":
        return
    for p in parts.elements.get("contact", []):
        yield Problem("layout.contact-position", "thông tin liên hệ nằm sau chữ ký; theo "
                      f"{spec['name']} dòng này ở cuối trang đầu, dưới một đường kẻ suốt chiều "
                      "rộng vùng trình bày. Sửa: chuyển dòng vào chân trang của trang 1 (Insert "
                      "→ Footer, chọn Different First Page).", p, severity="warning")


def _obsolete(parts: Parts) -> Iterator[Problem]:
    """Organs, places and recipient groups that no longer exist on the document's date."""
    from generator.profiles import obsolete

    if parts.date is None or not parts.date[2].isdigit():
        return
    day, month, year = parts.date
    if not obsolete.in_force(int(year), int(month) if month.isdigit() else None,
                             int(day) if day.isdigit() and 1 <= int(day) <= 28 else None):
        return
    for p in parts.elements.get("parent", []) + parts.elements.get("organ", []):
        problem = obsolete.organ_problem(" ".join(p.text.split()))
        if problem:
            yield Problem("layout.obsolete-organ", problem, p, severity="warning")
    line = parts.first("place_date")
    problem = obsolete.place_problem(line.text.split(",")[0].strip()) if line else None
    if problem:
        yield Problem("layout.obsolete-organ", problem, line, severity="warning")
    for p in parts.elements.get("recipient", []):
        for problem in obsolete.recipient_problems(" ".join(p.text.split()).lstrip("- ")):
            yield Problem("layout.obsolete-organ", problem, p, severity="warning")


def _header_positions(parts: Parts) -> Iterator[Problem]:
    title = parts.first("title_line")
    order = [parts.first(name) for name in HEADER_ORDER[parts.family]]
    present = [p for p in order if p is not None]
    if [p.index for p in present] != sorted(p.index for p in present):
        names = ", ".join(ELEMENT_NAMES[n] for n in HEADER_ORDER[parts.family]
                          if parts.first(n) is not None)
        yield Problem("layout.order", f"các dòng bên trái phần tiêu đề không đúng thứ tự; cần: "
                      f"{names} (từ trên xuống).", present[0])
    if title is None or title.cell is None:
        return
    for p in present:
        if p.cell is not None and p.cell[0] == title.cell[0] and p.cell[2] == title.cell[2]:
            yield Problem("layout.position", f"{_name_of(parts, p)} nằm cùng cột với "
                          f"\"{title.text.strip()}\"; cần ở cột bên trái.", p)
    for name in TITLE_COLUMN[parts.family][1:]:
        p = parts.first(name)
        if p is not None and p.cell is not None and p.cell[2] != title.cell[2]:
            yield Problem("layout.position", f"{ELEMENT_NAMES[name]} cần nằm dưới "
                          f"\"{title.text.strip()}\", ở cột bên phải.", p)


def _name_of(parts: Parts, paragraph) -> str:
    return next(ELEMENT_NAMES[name] for name, found in parts.elements.items()
                if paragraph in found)


def _doc_type(parts: Parts) -> str | None:
    doc_type = parts.first("doc_type")
    if doc_type is not None:
        return canonical(doc_type.text)
    return "CÔNG VĂN" if parts.first("letter_summary") is not None else None


def _addressee(parts: Parts, spec: dict) -> Iterator[Problem]:
    wanted = spec.get("addressee", {}).get(_doc_type(parts) or "")
    found = parts.first("addressee")
    if wanted and found is None:
        yield Problem("layout.missing", f"{(_doc_type(parts) or '').lower()} cần dòng "
                      f"\"{wanted}:\" trước phần nội dung ({spec['name']}).")
    elif wanted and not canonical(found.text).startswith(canonical(wanted)):
        yield Problem("layout.addressee", f"dòng này cần bắt đầu bằng \"{wanted}:\" "
                      f"({spec['name']}).", found)


def _signature_form(parts: Parts, spec: dict) -> Iterator[Problem]:
    authority = parts.first("authority")
    if authority is None:
        return
    text = canonical(authority.text)
    forms = spec["signature_forms"]
    if not any(text.startswith(form + " ") for form in forms):
        shown = ", ".join(forms)
        yield Problem("layout.signature-form", f"quyền hạn ký viết theo {spec['name']} là một "
                      f"trong: {shown}.", authority)


_ROMAN = re.compile(r"^([IVXLC]+)[.-]\s")
_ARABIC = re.compile(r"^(\d+)\.\s")


def _heading_numbers(parts: Parts) -> Iterator[Problem]:
    """Typed numbers I., II. … and 1., 2. … under each must run without a gap or repeat."""
    expected_roman, expected_arabic = 1, 1
    for p in parts.elements.get("heading", []):
        text = p.text.strip()
        roman_match, arabic_match = _ROMAN.match(text), _ARABIC.match(text)
        if roman_match:
            if roman_match.group(1) != roman(expected_roman):
                yield _out_of_sequence(p, roman_match.group(1), roman(expected_roman))
            expected_roman, expected_arabic = expected_roman + 1, 1
        elif arabic_match:
            if int(arabic_match.group(1)) != expected_arabic:
                yield _out_of_sequence(p, arabic_match.group(1), str(expected_arabic))
            expected_arabic += 1


def _out_of_sequence(p, typed: str, wanted: str) -> Problem:
    return Problem("layout.heading-number", f"đề mục đánh số \"{typed}.\" nhưng theo thứ tự "
                   f"phải là \"{wanted}.\".", p, severity="warning")


def _appendices(facts: DocxFacts, parts: Parts, spec: dict) -> Iterator[Problem]:
    labels = parts.elements.get("appendix_label", [])
    rule = spec.get("appendices", {})
    for position, label in enumerate(labels, 1):
        typed = appendix_number(label)
        wanted = roman(position) if rule.get("numerals") == "roman" else str(position)
        if len(labels) > 1 and typed != wanted:
            yield Problem("layout.appendix-number", f"phụ lục thứ {position} cần ghi "
                          f"\"Phụ lục {wanted}\" ({spec['name']}).", label)
        section = facts.sections[min(label.section, len(facts.sections) - 1)]
        if rule.get("restart_pages") and section.page_number_start != 1:
            yield Problem("layout.appendix-pages", "phụ lục cần bắt đầu một phần trang (section) "
                          "mới, đánh số trang lại từ 1. Sửa: Layout → Breaks → Next Page, rồi "
                          "Page Number → Format Page Numbers → Start at 1.", label,
                          severity="warning")
