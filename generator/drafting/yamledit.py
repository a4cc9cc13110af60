"""Edit YAML as text at node positions, so the comments users wrote survive the edit.

Re-dumping a file would drop every comment (the sample explains each field in Vietnamese).
Instead, edits are spans of the original text found from node marks: replace a value, delete an
entry, insert a line. The pure-Python parser is used because its marks count characters of the
decoded text, which is what slicing needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml


class EditError(Exception):
    """The layout does not allow an in-place edit (e.g. a flow mapping); the caller falls back."""


def compose(text: str) -> yaml.MappingNode:
    """Return the root mapping node of `text` (the file is known to be a valid mapping)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        raise EditError("the document is not a mapping")
    return node


def entry(mapping: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """Return the (key node, value node) of `key` in `mapping`, or None."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def value(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    """Return the value node of `key` in `mapping`, or None."""
    found = entry(mapping, key)
    return found[1] if found else None


def render_scalar(text: str | int, quoted: bool = False) -> str:
    """Return `text` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if isinstance(text, int):
        return str(text)
    if not quoted and text and text == text.strip() and "\n" not in text:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@dataclass
class TextEdits:
    """Edits to one YAML text, applied together from the end so offsets stay valid."""

    text: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def newline(self) -> str:
        """Return the file's line ending (Notepad on Windows writes CRLF)."""
        return "\r\n" if "\r\n" in self.text else "\n"

    def end(self, node: yaml.Node) -> int:
        """Return the offset just after the last character of `node`'s own text."""
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style \
                and node.value:
            last = node.value[-1]
            return self.end(last[1] if isinstance(last, tuple) else last)
        # block scalars end after their line breaks; the value itself ends before them
        stop = node.end_mark.index
        return max(node.start_mark.index, len(self.text[:stop].rstrip()))

    def replace(self, node: yaml.Node, new: str) -> None:
        """Replace the text of `node` with `new`."""
        self.edits.append((node.start_mark.index, self.end(node), new))

    def replace_scalar(self, node: yaml.Node, new: str | int) -> None:
        """Replace a scalar value, keeping quotes if the user quoted it."""
        quoted = isinstance(node, yaml.ScalarNode) and node.style in ('"', "'")
        empty = node.start_mark.index == node.end_mark.index  # ``key:`` with no value
        self.replace(node, (" " if empty else "") + render_scalar(new, quoted))

    def replace_entry(self, key_node: yaml.Node, value_node: yaml.Node, lines: list[str]) -> None:
        """Replace the whole entry (its key's line to its value's last line) with `lines`."""
        start = self._line_start(key_node.start_mark.index)
        self.edits.append((start, self._next_line(self.end(value_node)),
                           "".join(line + self.newline for line in lines)))

    def delete_entry(self, mapping: yaml.Node, key: str) -> None:
        """Delete the lines of entry `key` of a block mapping."""
        found = entry(mapping, key)
        if found is None:
            return
        key_node, value_node = found
        start = self._line_start(key_node.start_mark.index)
        if mapping.flow_style or self.text[start:key_node.start_mark.index].strip():
            raise EditError(f"cannot delete '{key}' in place")
        self.edits.append((start, self._next_line(self.end(value_node)), ""))

    def delete_item(self, item: yaml.Node) -> None:
        """Delete the lines of `item`, an item of a block list (``- …`` starting its line)."""
        dash = self.text.rfind("-", 0, item.start_mark.index)
        start = self._line_start(dash)
        if dash < 0 or self.text[start:dash].strip() or self.text[dash + 1:item.start_mark.index
                                                                  ].strip():
            raise EditError("the item does not start its line")
        self.edits.append((start, self._next_line(self.end(item)), ""))

    def insert_line_after(self, node: yaml.Node, line: str) -> None:
        """Insert `line` on its own line after the line where `node` ends."""
        at = self._next_line(self.end(node))
        lead = "" if at == 0 or self.text[at - 1] == "\n" else self.newline
        self.edits.append((at, at, lead + line + self.newline))

    def insert_line_before(self, node: yaml.Node, line: str) -> None:
        """Insert `line` on its own line before the line where `node` starts."""
        at = self._line_start(node.start_mark.index)
        self.edits.append((at, at, line + self.newline))

    def prepend(self, lines: list[str]) -> None:
        """Insert `lines` at the top of the file."""
        self.edits.append((0, 0, "".join(line + self.newline for line in lines)))

    def apply(self) -> str:
        """Return the edited text."""
        # an insertion sorts before a replacement that starts at the same offset
        ordered = sorted(enumerate(self.edits), key=lambda item: (*item[1][:2], item[0]))
        out, pos = [], 0
        for _, (start, stop, new) in ordered:
            if start < pos:
                raise EditError("overlapping edits")
            out.append(self.text[pos:start])
            out.append(new)
            pos = stop
        out.append(self.text[pos:])
        return "".join(out)

    def _line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _next_line(self, offset: int) -> int:
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found + 1
