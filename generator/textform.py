"""The block form ``text: |``: paragraphs typed as plain lines, every character printed as written.

Rules (documented for clerks in docs/HUONG-DAN.md):

- everything inside the block is literal except the inline markup of `generator.inline`;
- a blank line starts a new paragraph; a single line break inside a paragraph is a space, and
  the spaces at the start and end of each line are dropped;
- a line that is only ``[bảng: tên]`` is refused with advice: a table stands in the list form
  (``- table:`` among the paragraphs), so a table has one way to be written.

The loader calls `apply` on every mapping it builds: ``text`` of an area (or of a sub-section)
becomes its ``paragraphs``, each paragraph marked at its own line and column; ``intro: |``,
``closing: |`` and notes written as ``|`` blocks are normalised the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from generator.diagnostics import Diagnostics, Location

if TYPE_CHECKING:
    from generator.loader import Path_, SourceFile

TABLE_MARKER = re.compile(r"\[bảng:\s*([^\]]*)\]")
"""A line that is only ``[bảng: tên]``: where a table will stand (reserved)."""
BLOCK_STYLES = ("|", ">")


@dataclass
class Paragraph:
    """One paragraph of a block: its text and, per source line, (line, column, text)."""

    text: str
    pieces: list[tuple[int, int, str]]


def split_block(node: yaml.ScalarNode, value: str, lines: list[str]) -> list[Paragraph]:
    """Return the paragraphs of the block scalar `node` (already read as `value`)."""
    if node.style != "|":  # folded or one-line: no line-for-line map, mark the value's start
        chunks = re.split(r"\n\s*\n" if node.style != ">" else r"\n", value)
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return [Paragraph(" ".join(c.split("\n")).strip(), [(line, col, c)])
                for c in chunks if c.strip()]
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, int, str]] = []
    first = node.start_mark.line + 1  # a literal block's content starts on the next line
    for k, text in enumerate(value.split("\n")):
        stripped = text.strip()
        if not stripped:
            if current:
                paragraphs.append(_paragraph(current))
            current = []
            continue
        index = first + k
        source = lines[index] if index < len(lines) else text
        column = len(source) - len(source.lstrip(" ")) + 1
        current.append((index + 1, column, stripped))
    if current:
        paragraphs.append(_paragraph(current))
    return paragraphs


def _paragraph(pieces: list[tuple[int, int, str]]) -> Paragraph:
    return Paragraph(" ".join(text for _, _, text in pieces), pieces)


def joined(node: yaml.ScalarNode, value: str, lines: list[str], separator: str) -> str:
    """Return the paragraphs of the block `node` joined by `separator` (one text)."""
    return separator.join(p.text for p in split_block(node, value, lines))


def apply(source: SourceFile, result: dict, nodes: dict[str, yaml.Node], path: Path_,
          diagnostics: Diagnostics) -> None:
    """Turn the block-form values of the mapping `result` (at `path`) into what the schema reads."""
    if "text" in result and _holds_paragraphs(result, path):
        _text_to_paragraphs(source, result, nodes["text"], path, diagnostics)
    if path == () and "outline" in result:
        _report_blocks(source, result, nodes)
    if path[-1:] == ("notes",):
        for key, node in nodes.items():
            if _is_block(node, result.get(key)):
                result[key] = joined(node, result[key], source.lines, "\n\n")


def block_safe(paragraph: object) -> bool:
    """Return True if `paragraph` reads back unchanged from one line of a ``text: |`` block."""
    return isinstance(paragraph, str) and paragraph == paragraph.strip() != "" and \
        "\n" not in paragraph and "\t" not in paragraph and not TABLE_MARKER.fullmatch(paragraph)


def block_lines(paragraphs: list[str], indent: int, key: str = "text") -> list[str] | None:
    """Return ``text: |`` and the paragraphs under it at `indent`, or None if one cannot be."""
    if not all(block_safe(p) for p in paragraphs):
        return None
    pad = " " * indent
    body = [line for p in paragraphs for line in (f"{pad}  {p}", "")]
    return [f"{pad}{key}: |"] + body[:-1]


def _holds_paragraphs(result: dict, path: Path_) -> bool:
    """Return True where ``text`` stands for paragraphs: an area file or one of its sections."""
    return (path == () and "outline" not in result) or (len(path) == 2 and path[0] == "sections")


def _is_block(node: yaml.Node, value: Any) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in BLOCK_STYLES and \
        isinstance(value, str)


def _report_blocks(source: SourceFile, result: dict, nodes: dict[str, yaml.Node]) -> None:
    if _is_block(nodes.get("closing"), result.get("closing")):
        result["closing"] = joined(nodes["closing"], result["closing"], source.lines, " ")
    node = nodes.get("intro")
    if _is_block(node, result.get("intro")):
        paragraphs = split_block(node, result["intro"], source.lines)
        result["intro"] = [p.text for p in paragraphs]
        _mark(source, ("intro",), paragraphs)


def _text_to_paragraphs(source: SourceFile, result: dict, node: yaml.Node, path: Path_,
                        diagnostics: Diagnostics) -> None:
    value = result.pop("text")
    here = path + ("text",)
    key_mark = source.key_marks.get(here, source.marks.get(here, (1, 1)))
    where = Location(source.path, key_mark[0], key_mark[1])
    if "paragraphs" in result:
        source.reported.add(path + ("paragraphs",))
        _error(source, diagnostics, "text.two-forms", where,
               "phần này có cả `text` và `paragraphs`; chỉ dùng một cách viết. Hãy chuyển các "
               "đoạn trong `paragraphs` vào khối `text: |` (mỗi đoạn cách nhau một dòng trống) "
               "rồi xóa `paragraphs`.")
        return
    if value is None or value == "":  # an emptied part, waiting for this period's text
        result["paragraphs"] = []
        return
    if not isinstance(value, str) or not isinstance(node, yaml.ScalarNode):
        source.reported.add(path + ("paragraphs",))
        _error(source, diagnostics, "text.not-block", where,
               "`text:` cần các đoạn văn viết thành khối: `text: |` rồi các đoạn ở những dòng "
               "dưới, mỗi dòng thụt vào hai dấu cách, các đoạn cách nhau một dòng trống.")
        return
    paragraphs = [p for p in split_block(node, value, source.lines)
                  if not _table_marker(source, p, diagnostics)]
    result["paragraphs"] = [p.text for p in paragraphs]
    source.key_marks[path + ("paragraphs",)] = key_mark
    source.renamed[path + ("paragraphs",)] = here
    _mark(source, path + ("paragraphs",), paragraphs)


def _mark(source: SourceFile, path: Path_, paragraphs: list[Paragraph]) -> None:
    """Record where each paragraph of `path` starts, and each of its lines."""
    for i, paragraph in enumerate(paragraphs):
        line, col, _ = paragraph.pieces[0]
        source.marks[path + (i,)] = (line, col)
        source.extents[path + (i,)] = paragraph.pieces


def _table_marker(source: SourceFile, paragraph: Paragraph, diagnostics: Diagnostics) -> bool:
    if not TABLE_MARKER.fullmatch(paragraph.text):
        return False
    line, col, _ = paragraph.pieces[0]
    _error(source, diagnostics, "text.table-marker", Location(source.path, line, col),
           "không đặt được bảng trong khối `text: |`. Hãy viết phần này bằng `paragraphs:` "
           "(mỗi đoạn một dòng bắt đầu bằng \"- \") và đặt bảng vào chỗ của nó bằng một mục "
           "`- table:` (xem README, mục Bảng số liệu).")
    return True


def _error(source: SourceFile, diagnostics: Diagnostics, code: str, where: Location,
           message: str) -> None:
    diagnostics.error(code, message, where, source.excerpt(where))
