"""Read YAML safely into plain, clean text data plus a source map (field path → line and column).

PyYAML's composer gives every node a start mark; we build the Python values ourselves from the
node tree so that each value keeps its place in the file. Only the standard YAML tags are
accepted (nothing that constructs objects), and alias expansion and nesting are bounded so that
a "billion laughs" file is refused at once instead of eating the machine.

Text is cleaned on the way in, each change reported with its line: characters Word cannot hold
are removed (Word's manual line break \\v and page break \\f become spaces), everything is
normalised to NFC, and text typed in a legacy Vietnamese encoding is flagged (both rules live in
`generator.legacy`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import legacy, textform, yamlguard, yamlhints
from generator.diagnostics import Diagnostics, Location, caret_excerpt, display_path
from generator.oserrors import describe
from generator.textclean import (
    INVALID_CHARS,
    clean_text,
    invalid_chars_by_line,
    invalid_chars_message,
)
from generator.validate import value_message
from generator.yamlhints import explain_syntax

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
MAX_NODES = 200_000
"""Most values one file may expand to; the sample has about 200. Stops alias bombs."""
MAX_DEPTH = 50
"""Deepest nesting of lists and blocks accepted; the sample nests 4 deep."""



@dataclass
class SourceFile:
    """One loaded YAML file: its `data`, where each value came from, and the raw `lines`."""

    path: Path
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    reported: set[Path_] = field(default_factory=set)
    """Paths the loader already reported an error for; validation skips them."""
    extents: dict[Path_, list[tuple[int, int, str]]] = field(default_factory=dict)
    """For a paragraph of a ``text: |`` block: (line, column, text) of each of its lines."""
    renamed: dict[Path_, Path_] = field(default_factory=dict)
    """Paths named otherwise in the file: ``paragraphs`` written as ``text: |``."""

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """Return the location of the value (or with `key`, the key) at `path`.

        Falls back to the nearest enclosing value that has a mark, so a missing field points at
        the mapping that should hold it.
        """
        table = self.key_marks if key else self.marks
        probe = tuple(path)
        while probe:
            if probe in table:
                line, col = table[probe]
                return Location(self.path, line, col, format_field(self.as_written(path)))
            table = self.marks
            probe = probe[:-1]
        line, col = self.marks.get((), (1, 1))
        return Location(self.path, line, col, format_field(self.as_written(path)))

    def as_written(self, path: Path_) -> Path_:
        """Return `path` with the names the file uses (``text`` for block-form paragraphs)."""
        for prefix, name in self.renamed.items():
            if tuple(path[:len(prefix)]) == prefix:
                return name + tuple(path[len(prefix):])
        return tuple(path)

    def excerpt(self, location: Location) -> str:
        """Return the source line of `location` with a caret under its column."""
        if not 0 < location.line <= len(self.lines):
            return ""
        return caret_excerpt(self.lines[location.line - 1], location.column)


def format_field(path: Path_) -> str:
    """Return a field path the way users read it: ``outline[2].sections[0].area``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def load_yaml(path: Path, diagnostics: Diagnostics) -> SourceFile | None:
    """Load the YAML file at `path`, reporting every problem into `diagnostics`.

    Returns None when the file cannot be read or parsed at all (the reason is reported).
    """
    text = read_text(path, diagnostics)
    if text is None:
        return None
    text = _remove_invalid(text, path, diagnostics)
    source = SourceFile(path, None, lines=text.splitlines())
    if _report_tabs(source, diagnostics):
        return None
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        report_syntax(source, exc, text, diagnostics)
        return None
    except RecursionError:
        _too_deep(source, None, diagnostics)
        return None
    builder = _Builder(source, diagnostics)
    try:
        source.data = {} if node is None else builder.build(node, ())
    except _TooDeep as exc:
        _too_deep(source, exc.node.start_mark, diagnostics)
        return None
    except _TooLarge as exc:
        mark = exc.node.start_mark
        diagnostics.error("yaml.too-large", f"tệp mở rộng ra hơn {MAX_NODES:_} giá trị (thường "
                          "do bí danh '*' lồng nhau). baocao từ chối đọc tệp này."
                          .replace("_", "."), Location(path, mark.line + 1, mark.column + 1))
        return None
    return source


def read_text(path: Path, diagnostics: Diagnostics) -> str | None:
    """Return the text of `path` (UTF-8, a Notepad BOM removed), or None after reporting why."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diagnostics.error("file.unreadable", f"không đọc được tệp: {describe(exc)}.",
                          Location(path))
        return None
    raw = raw.removeprefix(BOM)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diagnostics.error(
            "file.encoding",
            "tệp không phải UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 "
            "(Notepad: Lưu thành… → Mã hóa: UTF-8).",
            Location(path, line, 1),
        )
        return None


BOM = b"\xef\xbb\xbf"
"""What Notepad on Windows writes at the start of a UTF-8 file."""


def compose(text: str) -> yaml.Node | None:
    """Return the node tree of `text`; raises `yaml.MarkedYAMLError` or `RecursionError`."""
    return yamlguard.compose(text, _Loader, refuse_above=10 * MAX_DEPTH)




def _too_deep(source: SourceFile, mark: yaml.Mark | None, diagnostics: Diagnostics) -> None:
    location = Location(source.path, mark.line + 1, mark.column + 1) if mark else \
        Location(source.path)
    diagnostics.error("yaml.too-deep", f"tệp lồng nhau quá {MAX_DEPTH} cấp (nhiều dấu '[', "
                      "'{' hoặc '- ' lồng vào nhau). baocao từ chối đọc tệp này.", location)


def _report_tabs(source: SourceFile, diagnostics: Diagnostics) -> bool:
    """Report every line indented with Tab (all in one run); return True if there was one."""
    found = yamlhints.tab_lines(source.lines)
    for line, column, message in found:
        location = Location(source.path, line, column)
        diagnostics.error("indent.tab", message, location, source.excerpt(location))
    return bool(found)


def _remove_invalid(text: str, path: Path, diagnostics: Diagnostics) -> str:
    """Return `text` without the characters YAML and Word refuse, warning once per line."""
    for line, column, chars in invalid_chars_by_line(text):
        diagnostics.warning("text.invalid-char", invalid_chars_message(chars),
                            Location(path, line, column))
    return clean_text(text)


def report_syntax(source: SourceFile, exc: yaml.MarkedYAMLError, text: str,
                  diagnostics: Diagnostics) -> None:
    """Report a YAML syntax error at its probable cause, with a plain Vietnamese hint."""
    line, column, message = explain_syntax(source.lines, exc, _quoted_tokens(text))
    location = Location(source.path, line, column)
    diagnostics.error("yaml.syntax", message, location, source.excerpt(location))


def _quoted_tokens(text: str) -> list[yaml.ScalarToken]:
    """Return the quoted scalars YAML read before it stopped."""
    tokens = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                tokens.append(token)
    except yaml.YAMLError:
        pass  # the tokens before the error are what we need
    return tokens


_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)")


def as_typed(value: Any, text: str, key: bool = False) -> bool:
    """Return True if the plain scalar `text` may keep YAML's reading `value`.

    YAML 1.1 reads ``0127`` as octal 87, ``12:30`` as 750, ``1_000`` as 1000, ``no``/``on`` as
    booleans and ``7.10`` as 7.1: an official number or an abbreviation silently changed. Only a
    plain decimal, ``true``/``false`` and a number printed back as typed keep their reading; the
    rest stay the text typed, which a text field keeps and a number or yes/no field reads as
    written (``010`` is 10) or refuses with its line. Keys (footnote ids) are always text.
    """
    if isinstance(value, bool):
        return not key and text.lower() in ("true", "false")
    if isinstance(value, int):
        return not key and _DECIMAL.fullmatch(text) is not None
    if isinstance(value, float):
        return not key and repr(value) == text
    return True


class _Builder:
    """Turn composed nodes into Python values, recording marks and text problems."""

    def __init__(self, source: SourceFile, diagnostics: Diagnostics):
        self.source = source
        self.diagnostics = diagnostics
        self.count = 0
        self.constructor = _Loader("")  # only its scalar constructors are used

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(node)
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node)
        self.source.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self.source.reported.add(path)  # its value is None: no "expected text" as well
            self._error(node, path, "yaml.unsafe-tag",
                        f"thẻ '{node.tag}' không được phép (baocao chỉ đọc chữ, số và danh "
                        "sách; không tạo đối tượng từ dữ liệu).")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path, key=True) \
                if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or isinstance(key, (dict, list)):
                self._error(key_node, path, "yaml.key", "tên trước dấu ':' phải là một chữ đơn giản.")
                continue
            key = str(key)
            child = path + (key,)
            self.source.key_marks[child] = (key_node.start_mark.line + 1,
                                            key_node.start_mark.column + 1)
            if key in result and path[-1:] == ("notes",):  # the message names the key itself
                self._error(key_node, (), "footnote.duplicate",
                            f"chú thích `{key}` được viết hai lần trong `notes`; "
                            "chú thích sau sẽ đè chú thích trước. Hãy đổi mã hoặc xóa một.")
            elif key in result:
                self._error(key_node, (), "yaml.duplicate-key",
                            f"`{key}:` được viết hai lần ở cùng một chỗ; phần viết sau sẽ thay "
                            "phần viết trước. Hãy gộp hai phần làm một, hoặc xóa một.")
            result[key] = self.build(value_node, child)
            nodes[key] = value_node
        textform.apply(self.source, result, nodes, path, self.diagnostics)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_, key: bool = False) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 - any failure here is a value the user mistyped
            self.source.reported.add(path)
            self._error(node, path, "yaml.value", value_message(node.tag, node.value))
            return None
        if not node.style and not as_typed(value, node.value, key):  # plain: None, or "" (C)
            value = node.value  # 0127, 12:30, 1_000, no, 7.10: the characters typed
        if isinstance(value, str):
            value = self._clean(value, node, path)
            self._cut_by_comment(node, path)
        return value

    def _cut_by_comment(self, node: yaml.ScalarNode, path: Path_) -> None:
        """Report text that YAML dropped as a comment (`` #12 cả nước`` after a paragraph)."""
        found = yamlhints.comment_cut(node, self.source.lines, path)
        if found:
            line, column, message = found
            location = Location(self.source.path, line, column,
                                format_field(self.source.as_written(path)))
            self.diagnostics.error("text.cut-by-comment", message, location,
                                   self.source.excerpt(location))

    def _clean(self, value: str, node: yaml.Node, path: Path_) -> str:
        if INVALID_CHARS.search(value):  # written as escapes such as "\\v" in "…"
            message = invalid_chars_message(value, escaped=node.style == '"')
            self._warning(node, path, "text.invalid-char", message)
            value = clean_text(value)
        value = unicodedata.normalize("NFC", value)
        encoding = legacy.detect_legacy(value)
        if encoding:
            self._legacy(value, encoding, node, path)
        return value

    def _legacy(self, value: str, encoding: str, node: yaml.Node, path: Path_) -> None:
        word = legacy.legacy_words(value, encoding)[0]
        location = self._location(node, path)
        lines = self.source.lines
        for index in range(node.start_mark.line, min(node.end_mark.line + 1, len(lines))):
            column = lines[index].find(word)
            if column >= 0:
                location = Location(self.source.path, index + 1, column + 1, location.field)
                break
        folder = self.source.path.parent
        folder = folder.parent if folder.name == "areas" else folder
        self.diagnostics.warning(
            "text.legacy-encoding",
            f"văn bản có vẻ được gõ bằng bảng mã cũ {legacy.NAMES[encoding]}: '{word}' là "
            f"'{legacy.to_unicode(word, encoding)}'. Hãy chạy 'baocao fix-encoding "
            f"{display_path(folder)}' để chuyển sang Unicode.", location)

    def _location(self, node: yaml.Node, path: Path_) -> Location:
        mark = node.start_mark
        return Location(self.source.path, mark.line + 1, mark.column + 1, format_field(path))

    def _error(self, node, path, code, message):
        loc = self._location(node, path)
        self.diagnostics.error(code, message, loc, self.source.excerpt(loc))

    def _warning(self, node, path, code, message):
        self.diagnostics.warning(code, message, self._location(node, path))


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


class _TooDeep(_TooLarge):
    """Raised when nesting goes beyond `MAX_DEPTH`."""
