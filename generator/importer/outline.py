"""Headings → the outline: which paragraphs are headings, at which level, and the section tree.

A paragraph is a heading when its style says so (``heading N`` by name, a localized name such as
``Tiêu đề 2``, or an outline level), or when it is wholly bold (or italic, for ``a)``) and starts
with a heading number: ``I.`` → 1, ``1.`` → 2, ``1.1.`` → 3, ``a)`` → 4. Levels are then ranked
in the order they occur in the document (h1/h3 only → 1/2); past the third, headings stay bold
paragraphs. Numbers are stripped: the build writes its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.importer.source import Source
from generator.importer.text import Item, plain, strip_prefix
from generator.ooxml.reader import Paragraph, TextRun

MAX_LEVEL = 3
MAX_HEADING_CHARS = 300
_LETTER = r"(?=[^\W\d_])"  # a heading number is followed by a word, never by a figure
_NUMBERS = (
    (1, rf"(?=[IVX])X{{0,3}}(?:IX|IV|V?I{{0,3}})\s*[.\-–)]\s*{_LETTER}"),
    (4, rf"\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}}\.?\s*{_LETTER}"),
    (3, rf"\d{{1,2}}\.\d{{1,2}}\.?\s*{_LETTER}"),
    (2, rf"\d{{1,2}}\s*[.)]\s*{_LETTER}"),
    (5, rf"[a-zđ]\s*\)\s*{_LETTER}"),
)
"""Heading numbers by raw level, tried in this order (``1.1.`` before ``1.``)."""
_NUMBER = re.compile("|".join(f"(?P<level{level}>{form})" for level, form in _NUMBERS))
"""The forms as one pattern: its alternatives are tried in order, so the first form matching
wins as with one match per form, in one call instead of up to five (an import calls
number_prefix about three times a paragraph)."""
PART = re.compile(r"^\s*(?:Phần|Chương|Mục)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\b", re.IGNORECASE)
"""``Phần thứ nhất``, ``PHẦN I``, ``Chương II``: a division above the outline, kept as typed."""
_STYLE_LEVEL = re.compile(r"^(?:heading|tiêu đề|tieu de|đề mục|de muc|đầu đề|titre|überschrift|"
                          r"encabezado|título|kop|заголовок)\s*(\d)$", re.IGNORECASE)


@dataclass
class Node:
    """A heading and what follows it until the next heading of the same or a higher level."""

    level: int
    heading: list[Item]
    paragraph: Paragraph | None = None
    paragraphs: list[list[Item]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


def number_prefix(text: str) -> tuple[int, int] | None:
    """Return (raw level, length) of the heading number `text` starts with, if any."""
    stripped = text.lstrip()
    m = _NUMBER.match(stripped)
    if m is None:
        return None
    return int(m.lastgroup.removeprefix("level")), len(text) - len(stripped) + m.end()


def style_level(paragraph: Paragraph) -> int | None:
    """Return the heading level the paragraph's style or outline level gives, if any."""
    if paragraph.outline_level is not None:
        return paragraph.outline_level + 1
    m = _STYLE_LEVEL.match(paragraph.style.strip())
    return int(m.group(1)) if m and m.group(1) != "0" else None


def heading_of(paragraph: Paragraph) -> tuple[int, int] | None:
    """Return (raw level, characters of number to strip) when `paragraph` is a heading."""
    text = paragraph.text
    if not text.strip() or "\n" in text.strip() or PART.match(text):
        return None
    numbered = number_prefix(f"{paragraph.label} {text}" if paragraph.label else text)
    strip = numbered[1] if numbered and not paragraph.label else 0
    level = style_level(paragraph)
    if level is not None:
        return level, strip
    if numbered is None or len(text) > MAX_HEADING_CHARS:
        return None
    runs = [r for r in paragraph.runs if isinstance(r, TextRun) and r.text.strip()]
    if all(r.bold for r in runs) or (numbered[0] == 5 and all(r.italic for r in runs)):
        return numbered[0], strip
    return None


def build_tree(source: Source, body: list[Paragraph]) -> tuple[list[list[Item]], list[Node]]:
    """Return the paragraphs before the first heading and the tree of sections."""
    found = [(p, heading_of(p)) for p in body]
    ranks = {raw: i + 1 for i, raw in enumerate(sorted({h[0] for _, h in found if h}))}
    found = _own_numbering(found, ranks)
    intro: list[list[Item]] = []
    roots: list[Node] = []
    stack: list[Node] = []
    for paragraph, heading in found:
        if heading == "own":
            runs = ([TextRun(paragraph.label + " ")] if paragraph.label else []) + paragraph.runs
            (stack[-1].paragraphs if stack else intro).append(_bold(runs))
            continue
        level = ranks[heading[0]] if heading else None
        if level is not None and level > MAX_LEVEL:
            source.warn("import.heading-deep", f"baocao chỉ có {MAX_LEVEL} cấp đề mục; đề mục "
                        "này được giữ thành đoạn văn in đậm.", paragraph)
            runs = [TextRun(paragraph.label + " ")] if paragraph.label else []
            runs += paragraph.runs
            (stack[-1].paragraphs if stack else intro).append(_bold(runs))
            continue
        if level is None:
            runs = paragraph.runs
            if paragraph.label:
                runs = [TextRun("- " if paragraph.label == "-" else paragraph.label + " ")] + runs
            (stack[-1].paragraphs if stack else intro).append(runs)
            continue
        text = strip_prefix(paragraph.runs, heading[1])
        node = Node(level, text if plain(text).strip() else paragraph.runs, paragraph)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return intro, roots


def _own_numbering(found: list, ranks: dict[int, int]) -> list:
    """Keep a heading whose typed number is not the one the build would print as a paragraph.

    The build numbers headings I., 1., 1.1. in order; a document that restarts at I. under
    ``Phần thứ hai`` or skips a number keeps those headings, with their own numbers, as bold
    paragraphs so that nothing prints with a number the source did not have.
    """
    counters: dict[int, int] = {}
    out = []
    for paragraph, heading in found:
        if heading is None:
            out.append((paragraph, None))
            continue
        level = ranks[heading[0]]
        typed = _typed_value(paragraph)
        expected = counters.get(level, 0) + 1
        if level <= MAX_LEVEL and typed is not None and (typed != expected or (
                number_prefix(_numbered_text(paragraph)) or (level,))[0] != level):
            out.append((paragraph, "own"))
            continue
        counters[level] = expected
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        out.append((paragraph, heading))
    return out


def _numbered_text(paragraph: Paragraph) -> str:
    return f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text


def _typed_value(paragraph: Paragraph) -> int | None:
    """Return the value of the last part of the heading's typed number (``II.`` → 2, ``b)`` → 2)."""
    text = _numbered_text(paragraph)
    m = re.match(r"\s*(?:\d{1,2}\.)*(\d{1,2})\s*[.)]|\s*([IVX]+)\s*[.\-–)]|\s*([a-zđ])\s*\)", text)
    if m is None:
        return None
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        from generator.vnformat import roman
        return next((n for n in range(1, 40) if roman(n) == m.group(2)), None)
    return "abcdđeghiklmnopqrstuvxy".index(m.group(3)) + 1 if m.group(3) in \
        "abcdđeghiklmnopqrstuvxy" else None


def _bold(runs: list[Item]) -> list[Item]:
    return [TextRun(r.text, True, r.italic, r.font) if isinstance(r, TextRun) else r
            for r in runs]


def flatten(node: Node) -> list[list[Item]]:
    """Return the paragraphs of `node`'s subtree, its headings kept as bold paragraphs."""
    out = list(node.paragraphs)
    for child in node.children:
        number = child.paragraph.label + " " if child.paragraph and child.paragraph.label else ""
        out.append(_bold(([TextRun(number)] if number else []) + child.heading))
        out += flatten(child)
    return out


def numbered_items(paragraphs: list[list[Item]]) -> list[list[Item]] | None:
    """Return the paragraphs without their ``1.`` … ``n.`` if they are numbered 1…n (n ≥ 2)."""
    if len(paragraphs) < 2:
        return None
    stripped = []
    for k, runs in enumerate(paragraphs, start=1):
        text = plain(runs)
        m = re.match(rf"\s*{k}\.\s+", text)
        if m is None:
            return None
        stripped.append(strip_prefix(runs, m.end()))
    return stripped


def slug(text: str, taken: set[str]) -> str:
    """Return an unused ASCII kebab-case file name for heading `text` (``đ`` → ``d``)."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode().lower())
    name = ""
    for word in words:
        if name and len(name) + len(word) >= 60:
            break
        name = f"{name}-{word}" if name else word
    name = name or "phan"
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate
